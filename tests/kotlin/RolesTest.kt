// Role splits through the Kotlin binding: the same answers as Rust on the shared fixtures
// (analysis, structural validation, operations, golden matrices and diffs), Kotlin types for
// tasks, parties, roles and dates, typed exceptions that change nothing.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.Instant
import java.time.LocalDate
import kotlin.test.*

private val AS_OF: LocalDate = LocalDate.of(2019, 6, 30)

private val MATRICES = listOf(
    "aalborg" to "aalborg-lbb",
    "ikast-brande" to "ikast-vvv",
    "ikast-brande" to "ikast-nursing-internships",
    "horsens" to "horsens-lawan",
)

private val SEED_NUMBERS = mapOf(
    SeedDocument.KL2015 to "000",
    SeedDocument.LBB2017 to "001",
    SeedDocument.VVV2019 to "002",
    SeedDocument.KEM2017 to "003",
    SeedDocument.CFBU2023 to "004",
)

private fun cite(source: SourceRef?): String? =
    source?.let { "${SEED_NUMBERS.getValue(it.document)} \"${it.section}\"" }

private fun rows(findings: List<Finding>): List<Triple<String, String, String>> =
    findings.map { Triple(it.severity.name.lowercase(), it.code, it.path) }

private fun expectedRows(json: Json): List<Triple<String, String, String>> =
    json.list.map { Triple(it["severity"].str, it["code"].str, it["path"].str) }

/** Writes a parsed fixture back as JSON text, to hand a subtree to the library. */
private fun Json.render(): String = when (this) {
    is Json.Obj -> fields.entries.joinToString(",", "{", "}") { (k, v) -> "${quote(k)}:${v.render()}" }
    is Json.Arr -> items.joinToString(",", "[", "]") { it.render() }
    is Json.Str -> quote(value)
    is Json.Num -> value.toString()
    is Json.Bool -> value.toString()
    Json.Null -> "null"
}

private fun quote(s: String): String = buildString {
    append('"')
    for (c in s) when (c) {
        '"' -> append("\\\"")
        '\\' -> append("\\\\")
        '\n' -> append("\\n")
        else -> append(c)
    }
    append('"')
}

private fun horsens() = DossierHandle.example("horsens")
private val FRITID = PartyRef.Department("horsens", "fritid")
private val LAWAN = PartyRef.Organisation("DK-LOCAL-lawan-horsens")

val rolesSuite = suite("roles") {
    test("analysis fixtures give the same findings as Rust") {
        for ((case, input) in cases("roles/analysis")) {
            val expected = Json.parse(input.resolveSibling("$case.expected.json").readText())
            val d = DossierHandle.load(input.path)
            assertEquals(expectedRows(expected["validation"]), rows(d.validate()), case)
            val analyses = expected["analysis"].list
            assertEquals(analyses.size, d.agreements().size, case)
            for ((a, want) in d.agreements().zip(analyses)) {
                assertEquals(want["agreement"].str, a.id)
                val findings = d.roles(a.id).analyse(RoleOptions())
                assertEquals(expectedRows(want["findings"]), rows(findings), "$case ${a.id}")
                val sources = want["findings"].list.map { (it["source"] as? Json.Str)?.value }
                assertEquals(sources, findings.map { cite(it.source) }, "$case ${a.id}")
            }
        }
    }

    test("operation fixtures apply all or nothing, with the same errors as Rust") {
        for ((case, input) in cases("roles/operations")) {
            val spec = Json.parse(input.readText())
            val expected = Json.parse(input.resolveSibling("$case.expected.json").readText())
            val d = DossierHandle.example(spec["example"].str)
            val agreement = spec["agreement"].str
            val before = d.toJson()
            val changes = roleChangesFromJson(spec["changes"].render())
            val error = expected["error"]
            if (error == Json.Null) {
                d.roles(agreement).change(changes)
                val doc = Json.parse(d.toJson())
                val a = doc["agreements"].list.first { it["id"].str == agreement }
                val roles = a["versions"].list.last()["terms"]["roles"]
                assertEquals(expected["roles"], roles, case)
                continue
            }
            val e = assertThrows<BrobyggerException> { d.roles(agreement).change(changes) }
            when (error["kind"].str) {
                "not_found" -> {
                    val nf = assertIs<BrobyggerException.NotFound>(e, case)
                    assertEquals(error["code"].str, nf.code, case)
                    assertEquals(error["entity"].str, nf.entity, case)
                }
                "invalid_input" -> {
                    val bad = assertIs<BrobyggerException.InvalidInput>(e, case)
                    assertEquals(error["code"].str, bad.code, case)
                    assertEquals(error["path"].str, bad.path, case)
                }
                else -> fail("unknown kind in $case")
            }
            assertEquals(before, d.toJson(), "$case: a failed change must change nothing")
        }
    }

    test("golden matrices match Rust in Markdown and HTML, Danish and English") {
        for ((example, agreement) in MATRICES) {
            val m = DossierHandle.example(example).roles(agreement).matrix(RoleOptions(asOf = AS_OF))
            for ((lang, code) in listOf(Lang.DA to "da", Lang.EN to "en")) {
                assertEquals(fixture("golden/roles-$agreement-$code.md").readText(), roleMatrixMarkdown(m, lang), "$agreement $code")
                assertEquals(fixture("golden/roles-$agreement-$code.html").readText(), roleMatrixHtml(m, lang), "$agreement $code")
            }
        }
    }

    test("the golden diff between the Aalborg versions matches Rust") {
        val d = DossierHandle.example("aalborg")
        for ((lang, code) in listOf(Lang.DA to "da", Lang.EN to "en")) {
            assertEquals(fixture("golden/roles-diff-aalborg-lbb-$code.md").readText(), d.roles("aalborg-lbb").describeDiff(1u, 2u, lang))
        }
        val want = Json.parse(fixture("golden/roles-diff-aalborg-lbb.json").readText())
        val diff = d.roles("aalborg-lbb").diff(1u, 2u)
        assertEquals(want["added"].list.size, diff.added.size)
        assertEquals(want["removed"].list.size, diff.removed.size)
        assertEquals(want["changed"].list.size, diff.changed.size)
        assertEquals(want["added"].list.map { it["role"].str.uppercase() }, diff.added.map { it.role.name })
        assertEquals(3.0, diff.changed[0].before.hoursPerMonth)
        assertEquals(2.0, diff.changed[0].after.hoursPerMonth)
    }

    test("tasks, parties and roles are Kotlin types; keys convert both ways") {
        val d = DossierHandle.example("ikast-brande")
        val tasks = d.roles("ikast-vvv").tasks(RoleOptions())
        val first = tasks.first()
        assertEquals(TaskRef.Catalogue("integration_contract"), first.task)
        assertEquals("integration_contract", first.key)
        assertTrue(first.statutory)
        assertEquals("Integration contract and plan", first.name.en)
        assertEquals(DepartmentKind.INTEGRATION, first.typicalDepartment)
        assertEquals(SeedDocument.LBB2017, first.source?.document)
        assertTrue(tasks.any { it.task == TaskRef.Activity("act-sport") && !it.statutory })

        assertEquals("activity:act-sport", taskKey(TaskRef.Activity("act-sport")))
        assertEquals(TaskRef.Custom("t-plan"), parseTaskKey("custom:t-plan"))
        assertEquals(PartyRef.Department("aalborg", "ctf"), parsePartyKey("department:aalborg/ctf"))
        assertEquals("organisation:DK-LOCAL-x", partyKey(PartyRef.Organisation("DK-LOCAL-x")))
        val bad = assertThrows<BrobyggerException.InvalidInput> { parsePartyKey("aalborg") }
        assertEquals("input.bad_key", bad.code)
        assertEquals("party", bad.path)

        val carriers = d.roles("ikast-vvv").carriers(TaskRef.Catalogue("match_volunteers"), RoleOptions(asOf = AS_OF))
        val accountable = carriers.single { it.role == Raci.ACCOUNTABLE }
        assertEquals(PartyRef.Organisation("DK-LOCAL-roede-kors-ikast"), accountable.party)
        assertEquals("rk-ikast-activity-leader", accountable.post)
        assertEquals(d.holderOf("rk-ikast-activity-leader", AS_OF), accountable.person)
        assertEquals(listOf(Raci.RESPONSIBLE, Raci.RESPONSIBLE, Raci.RESPONSIBLE, Raci.ACCOUNTABLE, Raci.INFORMED), carriers.map { it.role })

        val jobcentre = PartyRef.Department("ikast-brande", "jobcenter")
        val duties = d.roles("ikast-vvv").duties(jobcentre, RoleOptions())
        assertTrue(duties.any { it.task.key == "employment_measures" && it.assignment.role == Raci.ACCOUNTABLE })
        assertTrue(d.roles("ikast-vvv").duties(PartyRef.Municipality("ikast-brande"), RoleOptions()).containsAll(duties))

        val m = d.roles("ikast-vvv").matrix(RoleOptions(version = 1u))
        assertEquals(1u, m.version)
        assertEquals(m.parties.size, m.rows.first().cells.size)
        assertEquals(d.roles("ikast-vvv").analyse(RoleOptions()), m.findings)
        assertTrue(m.findings.any { it.code == "roles.load_exceeds_hours" && it.severity == Severity.WARNING })

        val catalogue = taskCatalogue()
        assertEquals(17, catalogue.size)
        assertEquals(7, catalogue.takeWhile { it.statutory }.size)
        assertTrue(vocabulary(Lang.DA).any { it.vocabulary == "raci" && it.value == "accountable" && it.label == "ansvarlig" })
    }

    test("operations throw typed exceptions and change nothing; a handle stays usable") {
        val d = horsens()
        val before = d.toJson()
        val festival = TaskRef.Activity("act-festival")
        val e = assertThrows<BrobyggerException.InvalidInput> {
            d.roles("horsens-lawan").assign(Assignment(festival, LAWAN, Raci.ACCOUNTABLE))
        }
        assertEquals("roles.second_accountable", e.code)
        assertEquals("assignment.role", e.path)
        val nf = assertThrows<BrobyggerException.NotFound> {
            d.roles("horsens-lawan").assign(Assignment(TaskRef.Catalogue("evaluate"), FRITID, Raci.RESPONSIBLE, Carrier.Post("no-post")))
        }
        assertEquals("post", nf.entity)
        assertThrows<BrobyggerException.NotFound> { d.roles("horsens-lawan").unassign(festival, LAWAN, Raci.INFORMED) }
        assertThrows<BrobyggerException.NotFound> { d.roles("nope").matrix(RoleOptions()) }
        val parse = assertThrows<BrobyggerException.Parse> { roleChangesFromJson("""[{"type": "assign", "assignment": {"task": 3}}]""") }
        assertEquals("input.bad_changes", parse.code)
        // serde reads a tagged change whole, so the path stops at the change.
        assertEquals("[0]", parse.path)
        assertEquals(before, d.toJson())

        d.roles("horsens-lawan").assign(Assignment(TaskRef.Catalogue("evaluate"), FRITID, Raci.RESPONSIBLE, hoursPerMonth = 1.5))
        assertEquals(listOf(Raci.RESPONSIBLE), d.roles("horsens-lawan").matrix(RoleOptions()).rows
            .first { it.task.key == "evaluate" }.cells[0].roles)
        val removed = d.roles("horsens-lawan").unassign(TaskRef.Catalogue("evaluate"), FRITID, Raci.RESPONSIBLE)
        assertEquals(1.5, removed.hoursPerMonth)
        assertEquals(before, d.toJson())
    }

    test("a statutory task held by an organisation blocks signing; binding splits change by amendment") {
        val d = horsens()
        d.roles("horsens-lawan").assign(Assignment(TaskRef.Catalogue("school_daycare_placement"), LAWAN, Raci.RESPONSIBLE))
        val by = d.posts().first { it.id == "horsens-leisure-consultant" }.holders[0].person
        val e = assertThrows<BrobyggerException.InvalidTransition> {
            d.lifecycle().transition(TransitionRequest("horsens-lawan", AgreementStatus.SIGNED, by, Instant.parse("2017-08-15T09:00:00Z"), null, null))
        }
        val f = e.findings.single { it.code == "roles.statutory_outside_municipality" }
        assertEquals(SeedDocument.LBB2017, f.source?.document)
        assertEquals("Anerkendelse og respekt", f.source?.section)
        assertEquals(AgreementStatus.NEGOTIATING, d.agreement("horsens-lawan").status)

        val ikast = DossierHandle.example("ikast-brande")
        val change = RoleChange.Assign(Assignment(TaskRef.Catalogue("evaluate"), PartyRef.Department("ikast-brande", "integration"), Raci.RESPONSIBLE))
        val binding = assertThrows<BrobyggerException.InvalidInput> { ikast.roles("ikast-vvv").change(listOf(change)) }
        assertEquals("lifecycle.binding_terms", binding.code)
        val lead = ikast.posts().first { it.id == "ib-integration-lead" }.holders[0].person
        assertEquals(2u, ikast.roles("ikast-vvv").amend(listOf(change), Amendment(LocalDate.of(2019, 9, 1), lead, "Evaluering")))
        val diff = ikast.roles("ikast-vvv").diff(1u, 2u)
        assertEquals(listOf(TaskRef.Catalogue("evaluate")), diff.added.map { it.task })
        assertEquals(ikast.roles("ikast-vvv").split(1u).assignments.size + 1, ikast.roles("ikast-vvv").split(null).assignments.size)
        // The terms data class carries the split, so the round trip keeps it.
        val terms = ikast.agreement("ikast-vvv").versions.last().terms
        assertEquals(ikast.roles("ikast-vvv").split(null), terms.roles)
        assertEquals(ikast.data(), DossierHandle.fromData(ikast.data()).data())
    }
}
