// Errors and dates as an app meets them: one exception subclass per kind a caller acts on, each
// with its structured fields (code, path, findings, statuses); dates that Rust cannot hold
// arrive as a typed Parse error, never as a crash; nothing changes when a call fails.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.Instant
import java.time.LocalDate
import kotlin.test.*

/** What an app shows for each kind: exhaustive over the sealed class, so a new kind fails to compile. */
private fun describe(e: BrobyggerException): String = when (e) {
    is BrobyggerException.Parse -> "parse ${e.code} at ${e.path} ${e.line}:${e.column}"
    is BrobyggerException.UnsupportedVersion -> "version ${e.found} (reads ${e.supported})"
    is BrobyggerException.Validation -> "validation ${e.findings.size}"
    is BrobyggerException.NotFound -> "not found ${e.entity} ${e.id}"
    is BrobyggerException.InvalidTransition -> "transition ${e.from} -> ${e.to} (${e.findings.size})"
    is BrobyggerException.InvalidInput -> "input ${e.code} at ${e.path}"
    is BrobyggerException.Infeasible -> "infeasible ${e.code}"
    is BrobyggerException.Cancelled -> "cancelled ${e.code}"
    is BrobyggerException.Internal -> "internal ${e.code}"
}

val errorsSuite = suite("errors and dates") {
    test("each error kind is its own exception with structured fields") {
        val parse = assertThrows<BrobyggerException.Parse> { DossierHandle.fromJson("{\"schema_version\": 1, \"title\": 7}") }
        assertEquals("load.syntax" to "title", parse.code to parse.path)
        assertEquals(1u, parse.line)

        val version = assertThrows<BrobyggerException.UnsupportedVersion> { DossierHandle.fromJson("{\"schema_version\": 7, \"title\": \"x\"}") }
        assertEquals(7u to 1u, version.found to version.supported)

        val invalid = DossierHandle.load(fixture("validation/many-problems.input.json").path)
        val validation = assertThrows<BrobyggerException.Validation> { invalid.check() }
        assertEquals(invalid.validate().filter { it.severity == Severity.ERROR }, validation.findings.filter { it.severity == Severity.ERROR })
        assertTrue(validation.findings.all { it.text.da.isNotBlank() && it.text.en.isNotBlank() })

        val d = DossierHandle.example("horsens")
        val notFound = assertThrows<BrobyggerException.NotFound> { d.agreement("odense-x") }
        assertEquals(Triple("not_found.agreement", "agreement", "odense-x"), Triple(notFound.code, notFound.entity, notFound.id))

        val by = d.posts().first { it.id == "horsens-leisure-consultant" }.holders.last().person
        val before = d.toJson()
        val transition = assertThrows<BrobyggerException.InvalidTransition> {
            d.lifecycle().transition(TransitionRequest("horsens-lawan", AgreementStatus.SIGNED, by, Instant.parse("2017-08-15T10:00:00Z"), null, null))
        }
        assertEquals(AgreementStatus.SIGNED, transition.to)
        assertEquals(listOf("checklists.critical_divergence"), transition.findings.map { it.code })
        assertEquals(before, d.toJson())

        val input = assertThrows<BrobyggerException.InvalidInput> { parsePartyKey("nonsense") }
        assertEquals("input.bad_key", input.code)

        val infeasible = assertThrows<BrobyggerException.Infeasible> {
            linearSumAssignment(listOf(Double.POSITIVE_INFINITY), 1u, 1u, Objective.MINIMIZE)
        }
        assertTrue(infeasible.code.isNotBlank())

        val all = listOf(parse, version, validation, notFound, transition, input, infeasible).map(::describe)
        assertEquals(7, all.map { it.substringBefore(' ') }.toSet().size, all.toString())
        // Every kind is also a BrobyggerException, so one catch handles them all.
        assertTrue(listOf(parse, version, validation, notFound, transition, input, infeasible).all { it is BrobyggerException })
    }

    test("messages carry ids and paths, never the personal data of the input") {
        val e = assertThrows<BrobyggerException.Parse> {
            DossierHandle.fromJson("{\"schema_version\": 1, \"title\": \"x\", \"people\": [{\"id\": \"p-1\", \"name\": 5, \"email\": \"fatima@example.dk\"}]}")
        }
        assertEquals("people[0].name", e.path)
        for (text in listOf(e.reason, e.toString(), e.message ?: "")) {
            assertFalse(text.contains("fatima"), text)
        }
    }

    test("a date Rust cannot hold is a typed Parse error, not a crash; nothing changes") {
        val d = DossierHandle.example("ikast-brande")
        val before = d.toJson()
        for (bad in listOf(LocalDate.MAX, LocalDate.MIN)) {
            val e = assertThrows<BrobyggerException.Parse> { d.matching().introductionsDue("ikast-2016-q1", bad) }
            assertEquals("input.bad_date", e.code)
            assertEquals("input.bad_date", assertThrows<BrobyggerException.Parse> { d.summary(Lang.DA, bad) }.code)
            assertEquals("input.bad_date", assertThrows<BrobyggerException.Parse> { d.assessment().healthSummary(bad, Lang.EN) }.code)
            // Inside a record too.
            val record = IntroductionRecord("nc-5120-7741", bad, IntroductionSetting.FOLLOW_UP_CONVERSATION, listOf(), null)
            assertEquals("input.bad_date", assertThrows<BrobyggerException.Parse> { d.matching().recordIntroduction("ikast-2016-q1", record) }.code)
        }
        val instant = assertThrows<BrobyggerException.Parse> {
            d.lifecycle().transition(TransitionRequest("ikast-vvv", AgreementStatus.UNDER_REVIEW, "p-x", Instant.MAX, null, null))
        }
        assertEquals("input.bad_instant", instant.code)
        assertEquals(before, d.toJson())
        // The library still answers normally afterwards.
        assertTrue(d.matching().introductionsDue("ikast-2016-q1", LocalDate.of(2016, 3, 20)).isNotEmpty())
    }

    test("dates in files: ISO strings read into LocalDate, an impossible date is a Parse error with its path") {
        val json = DossierHandle.example("aalborg").toJson()
        assertTrue(json.contains("\"from\": \"2014-09-01\""))
        val broken = json.replaceFirst("\"from\": \"2014-09-01\"", "\"from\": \"2014-02-30\"")
        val e = assertThrows<BrobyggerException.Parse> { DossierHandle.fromJson(broken) }
        assertEquals("load.syntax", e.code)
        assertTrue(e.path.startsWith("posts[") && e.path.endsWith(".from"), e.path)
        assertTrue(e.line > 0u)
        assertFalse(e.reason.contains("2014-02-30"))
        val profile = assertThrows<BrobyggerException.Parse> { newcomersFromJson("""[{"id": "nc-1", "arrival": "1. marts 2016"}]""") }
        assertEquals("[0].arrival", profile.path)
    }
}
