// Each seed system end to end through the Kotlin binding (issue 23, "done when"), one test per
// system, named by its seed document: S1 = 000 (KL's 2015 survey, the national reference),
// S2 = 001 (LBB: Aalborg's steering group and evaluation survey), S3 = 002 (Venner Viser Vej:
// matching, introductions and outcomes over time), S4 = 003 (KEM: Horsens, checklists and the
// association directory), S5 = 004 (the long-term place-bound partnership: Esbjerg). The same
// five run in crates/core/tests/seeds.rs, tests/python/test_seeds.py and in `brobygger demo`.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.LocalDate
import kotlin.test.*

private fun valid(name: String): DossierHandle {
    val d = DossierHandle.example(name)
    assertEquals(emptyList(), d.validate().filter { it.severity == Severity.ERROR }.map { it.code }, name)
    return d
}

private fun healthy(d: DossierHandle, name: String) {
    val day = exampleReferenceDate(name)
    for (a in d.data().agreements) {
        assertNotNull(d.assessment().assess(a.id, AssessmentOptions(day, emptyList())).overall, a.id)
        for (lang in listOf(Lang.DA, Lang.EN)) {
            val report = d.assessment().report(a.id, ReportOptions(day, lang, Format.MARKDOWN, emptyList(), emptyList()))
            assertTrue(report.length > 200, a.id)
        }
    }
}

val seedsSuite = suite("seeds") {
    test("S1 seed 000: KL's survey reproduces the published figures; a municipality sits beside them") {
        val figures = kl2015().questions.flatMap { q -> q.published.map { q.id to it.percent.toInt() } }
        for (f in listOf("cooperation_change" to 83, "cooperation_change" to 17, "cooperation_degree" to 80,
                "civil_society_attitude" to 30, "civil_society_attitude" to 56, "civil_society_attitude" to 14, "civil_society_attitude" to 86, "housing_placement" to 76)) {
            assertTrue(f in figures, f.toString())
        }
        val d = valid("esbjerg")
        val mine = d.assessment().compareWithNational("esbjerg", emptyList()).filter { it.own != null }
        assertEquals(listOf(76u), mine.map { it.percent })
    }

    test("S2 seed 001: LBB in Aalborg, the evaluation survey's shares and changes") {
        val d = valid("aalborg")
        healthy(d, "aalborg")
        assertEquals(listOf("aalborg-lbb-2015", "aalborg-lbb-2016"), d.surveys().rounds("aalborg-lbb").map { it.id })
        val shares = d.surveys().shares("aalborg-lbb-2016", 5u)
        assertTrue(shares.any { it.reference != null })
        assertTrue(shares.all { n -> n.respondents == null || n.respondents!! >= 5u })
        assertTrue(d.surveys().shareChanges("aalborg-lbb-2015", "aalborg-lbb-2016").isNotEmpty())
    }

    test("S3 seed 002: Venner Viser Vej matches and follows outcomes without singling anyone out") {
        val d = valid("ikast-brande")
        healthy(d, "ikast-brande")
        val cohort = d.data().cohorts.first()
        val run = d.matching().matchCohort(MatchRequest(cohort.id, "vvv-ikast",
            MatchOptions(Solver.OPTIMAL, LocalDate.of(2016, 4, 1), OfferRanking.SCORE, "run-seeds")))
        assertTrue(run.matches.isNotEmpty())
        d.matching().addRun(run)
        val first = cohort.newcomers.first().id
        assertEquals(listOf(LocalDate.of(2017, 3, 1), LocalDate.of(2018, 3, 1)), d.outcomes().records(first).map { it.on })
        val view = d.outcomes().cohortView(cohort.id, OutcomeOptions(exampleReferenceDate("ikast-brande"), 5u))
        assertEquals(48u, view.householdsWithRecord)
        assertEquals(0u, view.leftOutWithoutBasis)
        for (c in view.cells) {
            val n = c.households
            val k = c.withOutcome
            if (n != null && k != null && n > 0u) assertTrue(k >= 5u && n - k >= 5u)
        }
        assertFalse(outcomeViewTables(view, Lang.DA).toString().contains(first))
    }

    test("S4 seed 003: KEM in Horsens, checklists and the association directory") {
        val d = valid("horsens")
        healthy(d, "horsens")
        assertTrue(d.directory().build(DirectoryOptions(null, false)).associations.any { it.kind == OrganisationKind.ETHNIC_MINORITY_ASSOCIATION })
        val hsds = d.directory().hsdsJson(HsdsOptions(Lang.DA, false))
        assertTrue(hsds.startsWith("["))
        assertTrue(d.people().none { hsds.contains(it.name) })
    }

    test("S5 seed 004: Esbjerg, a long-term place-bound partnership") {
        val d = valid("esbjerg")
        healthy(d, "esbjerg")
        val a = d.assessment().assess("esbjerg-medvind", AssessmentOptions(exampleReferenceDate("esbjerg"), emptyList()))
        for (code in listOf("assessment.late_involvement", "assessment.no_place_goal", "assessment.short_term", "assessment.business_not_at_table")) {
            assertEquals(CheckStatus.MET, a.checks.first { it.code == code }.status, code)
        }
        assertEquals(PlaceKind.NEIGHBOURHOOD, d.place("esbjerg-oesterbyen")?.kind)
    }

    // The figures the Rust seed test computes (crates/core/tests/seeds.rs, `seed_figures`): the
    // same rows must come out of the Kotlin binding.
    val figures = Json.parse(fixture("seeds/figures.json").readText())
    fun n(v: UInt?): String = v?.toString() ?: "-"

    test("S1 seed 000 from Kotlin: Esbjerg beside KL has the Rust figures") {
        val d = valid("esbjerg")
        val rows = d.assessment().compareWithNational("esbjerg", emptyList()).map { "${it.question}|${it.own ?: "-"}|${n(it.percent)}" }
        assertEquals(figures["s1_esbjerg_beside_kl_2015"].list.map { it.str }, rows)
    }

    test("S2 seed 001 from Kotlin: the survey view has the Rust figures") {
        val view = valid("aalborg").surveys().view("aalborg-lbb-2016", SurveyViewOptions())
        val expected = figures["s2_aalborg_lbb_2016"]
        assertEquals(expected["before"].str, view.before())
        assertEquals(5u, view.minCell())
        assertEquals(expected["shares"].list.map { it.str },
            view.shares().map { "${it.question}|${it.group ?: "-"}|${n(it.respondents)}|${n(it.positive)}" })
        val want = expected["changes"].list.map { it.str.split("|") }
        val got = view.changes()
        assertEquals(want.map { it[0] to it[1] }, got.map { it.question to (it.group ?: "-") })
        for ((w, c) in want.zip(got)) assertTrue(kotlin.math.abs(c.change - w[2].toDouble()) < 1e-6, w.toString())
        assertEquals(listOf("group_shares", "group_share_changes"), view.tables(Lang.DA).map { it.name })
    }

    test("S3 seed 002 from Kotlin: the outcome view has the Rust figures") {
        val d = valid("ikast-brande")
        val cohort = d.data().cohorts.first()
        d.matching().addRun(d.matching().matchCohort(MatchRequest(cohort.id, "vvv-ikast",
            MatchOptions(Solver.OPTIMAL, LocalDate.of(2016, 4, 1), OfferRanking.SCORE, "run-figures"))))
        val view = d.outcomes().cohortView(cohort.id, OutcomeOptions(exampleReferenceDate("ikast-brande"), 5u))
        val expected = figures["s3_ikast_2016_q1"]
        assertEquals(expected["as_of"].str, exampleReferenceDate("ikast-brande").toString())
        assertEquals((expected["households_with_record"] as Json.Num).value.toUInt(), view.householdsWithRecord)
        val shown = view.cells.filter { it.suppression == null && (it.households ?: 0u) > 0u }
            .map { "${it.grouping.name.lowercase()}|${it.timing.name.lowercase()}|${it.measure.name.lowercase()}|${n(it.households)}|${n(it.withOutcome)}" }
        assertTrue(shown.isNotEmpty())
        assertEquals(expected["shown"].list.map { it.str }, shown)
    }
}
