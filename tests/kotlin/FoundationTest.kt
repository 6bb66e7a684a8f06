// Foundation: dossiers load, validate, round-trip and change through the bindings exactly as in
// Rust; errors arrive as typed exceptions with their findings; a panic is an exception.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.Instant
import java.time.LocalDate
import kotlin.test.*

private fun findingRows(findings: List<Finding>): List<Triple<String, String, String>> =
    findings.map { Triple(it.severity.name.lowercase(), it.code, it.path) }

private fun expectedRows(json: Json): List<Triple<String, String, String>> =
    json.list.map { Triple(it["severity"].str, it["code"].str, it["path"].str) }

val foundationSuite = suite("foundation") {
    test("examples are listed and load") {
        assertEquals(listOf("aalborg", "ikast-brande", "horsens", "esbjerg"), exampleNames())
        for (name in exampleNames()) {
            val d = DossierHandle.example(name)
            assertTrue(d.title().isNotBlank())
            assertTrue(d.agreements().isNotEmpty())
        }
    }

    test("golden summaries match Rust, in Danish and English") {
        for (name in exampleNames()) {
            val d = DossierHandle.example(name)
            for ((lang, code) in listOf(Lang.DA to "da", Lang.EN to "en")) {
                val expected = fixture("golden/summary-$name-$code.txt").readText()
                assertEquals(expected, d.summary(lang, LocalDate.parse("2019-06-30")), "$name $code")
            }
        }
    }

    test("golden validation findings match Rust") {
        for (name in exampleNames()) {
            val expected = Json.parse(fixture("golden/validate-$name.json").readText())
            assertEquals(expectedRows(expected), findingRows(DossierHandle.example(name).validate()), name)
        }
    }

    test("validation fixtures report every finding with its path") {
        for ((case, input) in cases("validation")) {
            val expected = Json.parse(input.resolveSibling("$case.expected.json").readText())["findings"]
            val d = DossierHandle.load(input.path)
            assertEquals(expectedRows(expected), findingRows(d.validate()), case)
        }
    }

    test("a dossier with errors fails check with all findings attached") {
        val d = DossierHandle.load(fixture("validation/many-problems.input.json").path)
        val e = assertThrows<BrobyggerException.Validation> { d.check() }
        assertEquals("validation.failed", e.code)
        assertTrue(e.findings.size > 20)
        assertTrue(e.findings.any { it.path == "agreements[0].versions[0].terms.term.end" })
    }

    test("load-error fixtures throw the expected exception, code and path") {
        for ((case, input) in cases("load-errors")) {
            val expected = Json.parse(input.resolveSibling("$case.expected.json").readText())
            val e = assertThrows<BrobyggerException> { DossierHandle.load(input.path) }
            when (expected["kind"].str) {
                "parse" -> {
                    val p = assertIs<BrobyggerException.Parse>(e, case)
                    assertEquals(expected["code"].str, p.code, case)
                    assertEquals(expected["path"].str, p.path, case)
                }
                "unsupported_version" -> {
                    val u = assertIs<BrobyggerException.UnsupportedVersion>(e, case)
                    assertEquals(expected["code"].str, u.code, case)
                    assertEquals(1u, u.supported)
                }
                else -> fail("unknown kind in $case")
            }
        }
    }

    test("JSON round trip is lossless and data classes compare equal") {
        for (name in exampleNames()) {
            val d = DossierHandle.example(name)
            val again = DossierHandle.fromJson(d.toJson())
            assertEquals(d.data(), again.data())
            assertEquals(d.toJson(), again.toJson())
            assertEquals(d.data(), DossierHandle.fromData(d.data()).data())
        }
    }

    test("dates cross as LocalDate and instants as Instant") {
        val d = DossierHandle.example("aalborg")
        val post = d.posts().first { it.id == "aalborg-lbb-project-lead" }
        assertEquals(LocalDate.of(2014, 9, 1), post.holders[0].from)
        assertEquals(LocalDate.of(2016, 2, 1), post.holders[0].until)
        val event = d.agreement("aalborg-lbb").history.first()
        assertEquals(Instant.parse("2014-06-10T10:00:00Z"), event.at)
        assertEquals(post.holders[1].person, d.holderOf("aalborg-lbb-project-lead", LocalDate.of(2016, 6, 1)))
        assertNull(d.holderOf("aalborg-lbb-project-lead", LocalDate.of(2010, 1, 1)))
        assertThrows<BrobyggerException.NotFound> { d.holderOf("no-such-post", LocalDate.of(2016, 6, 1)) }
    }

    test("signing an unready draft throws InvalidTransition with reasons; an override is recorded") {
        val d = DossierHandle.example("ikast-brande")
        val by = d.posts().first { it.id == "ib-integration-lead" }.holders.last().person
        fun req(to: AgreementStatus, override: String? = null) = TransitionRequest(
            "ikast-nursing-internships", to, by, Instant.parse("2019-07-01T09:00:00Z"), null, override)
        d.lifecycle().transition(req(AgreementStatus.NEGOTIATING))
        val e = assertThrows<BrobyggerException.InvalidTransition> { d.lifecycle().transition(req(AgreementStatus.SIGNED)) }
        assertEquals("lifecycle.blocked", e.code)
        assertEquals(AgreementStatus.NEGOTIATING, e.from)
        assertTrue(e.findings.any { it.code == "signing.no_shared_goal" && it.source?.document == SeedDocument.LBB2017 })
        assertEquals(AgreementStatus.NEGOTIATING, d.agreement("ikast-nursing-internships").status)
        val event = d.lifecycle().transition(req(AgreementStatus.SIGNED, "Pilot; mål aftales i første måned"))
        assertTrue(event.overrideRecord!!.overridden.contains("signing.no_shared_goal"))
        assertEquals(AgreementStatus.SIGNED, d.agreement("ikast-nursing-internships").status)
        assertThrows<BrobyggerException.InvalidTransition> { d.lifecycle().transition(req(AgreementStatus.DRAFT)) }
    }

    test("amend adds a version; a handover moves posts at once") {
        val d = DossierHandle.example("aalborg")
        val a = d.agreement("aalborg-lbb")
        val by = a.versions.last().amendment!!.by
        val terms = a.versions.last().terms.copy(title = "Ny titel")
        assertEquals(3u, d.lifecycle().amend("aalborg-lbb", terms, Amendment(LocalDate.of(2018, 1, 1), by, "Ny titel")))
        assertEquals(3, d.agreement("aalborg-lbb").versions.size)
        val e = assertThrows<BrobyggerException.InvalidInput> {
            d.lifecycle().amend("aalborg-lbb", terms, Amendment(LocalDate.of(2018, 1, 1), by, " "))
        }
        assertEquals("lifecycle.empty_amendment_reason", e.code)

        val newcomer = generatePersonId()
        d.addPerson(Person(newcomer, "Ny Koordinator", null, null, null, null))
        val from = d.posts().first { it.id == "rk-aalborg-coordinator" }.holders.last().person
        val report = d.handover(Handover(from, newcomer, LocalDate.of(2018, 1, 1), HandoverScope.AllPosts))
        assertEquals(listOf("rk-aalborg-coordinator"), report.posts)
        assertEquals(newcomer, d.holderOf("rk-aalborg-coordinator", LocalDate.of(2018, 1, 2)))
        assertEquals(from, d.holderOf("rk-aalborg-coordinator", LocalDate.of(2017, 12, 31)))
    }

    test("a Rust panic arrives as an exception, not a crash") {
        assertThrows<dk.brobygger.InternalException> { selfTestPanic() }
        // The library still works afterwards.
        assertTrue(DossierHandle.example("horsens").validate().isEmpty())
    }

    test("one handle is safe to share across threads") {
        val d = DossierHandle.example("aalborg")
        val errors = java.util.concurrent.ConcurrentLinkedQueue<Throwable>()
        val threads = (1..8).map { i ->
            Thread {
                try {
                    repeat(20) {
                        if (i % 2 == 0) assertTrue(d.validate().none { it.severity == Severity.ERROR })
                        else assertTrue(d.summary(Lang.EN, null).contains("Aalborg"))
                    }
                } catch (t: Throwable) { errors += t }
            }
        }
        threads.forEach { it.start() }
        threads.forEach { it.join() }
        assertTrue(errors.isEmpty(), errors.joinToString())
    }

    test("vocabulary labels exist in both languages") {
        val da = vocabulary(Lang.DA)
        val en = vocabulary(Lang.EN)
        assertEquals(da.size, en.size)
        assertEquals("under revision", da.first { it.vocabulary == "agreement_status" && it.value == "under_review" }.label)
        assertEquals("under review", en.first { it.vocabulary == "agreement_status" && it.value == "under_review" }.label)
        assertEquals(1u, schemaVersion())
        assertTrue(dossierSchemaJson().contains("x-sensitivity"))
    }
}
