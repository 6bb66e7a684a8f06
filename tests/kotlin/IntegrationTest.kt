// Roles, checklists and the health assessment together through the Kotlin binding: the same
// health overview and report slots as Rust (golden files), the role split and checklists weighed
// by default, and champions never named.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.LocalDate
import kotlin.test.*

private val horsensDay = LocalDate.of(2017, 8, 1)

val integrationSuite = suite("integration") {
    test("health summaries match Rust for every example in both languages") {
        for (example in exampleNames()) {
            val d = DossierHandle.example(example)
            val day = exampleReferenceDate(example)
            for (lang in listOf(Lang.DA, Lang.EN)) {
                val golden = fixture("golden/health-$example-${lang.name.lowercase()}.txt").readText()
                assertEquals(golden, d.assessment().healthSummary(day, lang), "$example $lang")
            }
        }
        assertEquals(horsensDay, exampleReferenceDate("horsens"))
        assertThrows<BrobyggerException.NotFound> { exampleReferenceDate("odense") }
    }

    test("the role split and the checklists are weighed by default") {
        val d = DossierHandle.example("horsens")
        val a = d.assessment().assess("horsens-lawan", AssessmentOptions(horsensDay, emptyList()))
        assertEquals(listOf("roles", "checklists"), a.externalSources)
        for (dim in listOf(Dimension.ROLES, Dimension.EXPECTATIONS)) {
            assertEquals(0u, a.dimensions.first { it.dimension == dim }.notAssessed, dim.name)
        }
        assertEquals(CheckStatus.NOT_MET, a.checks.first { it.code == "assessment.expectation_alignment" }.status)
        assertEquals(1, a.findings.count { it.finding.code == "checklists.critical_divergence" })
        // The same role findings as the roles module gives for the version judged.
        val roles = d.roles("horsens-lawan").analyse(RoleOptions(1u, horsensDay, false))
        assertEquals(roles.toSet(), a.findings.filter { it.check == "assessment.role_split" }.map { it.finding }.toSet())
        // A code the roles module does not have is refused, with the path of the culprit.
        val fake = Finding("roles.unassigned_task", Severity.WARNING, "agreements[0]", Text("x", "x"), null)
        val e = assertThrows<BrobyggerException.InvalidInput> {
            d.assessment().assess("horsens-lawan", AssessmentOptions(horsensDay, listOf(ExternalFindings("roles", listOf(fake)))))
        }
        assertEquals("assessment.unrouted_finding" to "external[0].findings[0].code", e.code to e.path)
    }

    test("report sections come out as data and go back in unchanged") {
        val d = DossierHandle.example("horsens")
        val sections = d.assessment().reportSections("horsens-lawan", horsensDay)
        assertEquals(listOf(ReportSlot.ROLE_SPLIT, ReportSlot.CHECKLIST_ALIGNMENT), sections.map { it.slot })
        val heat = sections[0].blocks.filterIsInstance<ReportBlock.Matrix>().single().map
        val festival = heat.rows.indexOf(Text("Festival", "Festival")).toUInt()
        val cell = heat.cells.first { it.row == festival && it.column == 0u }
        assertEquals("R, A" to "Fritidskonsulent", cell.label.en to cell.detail?.en)
        val golden = fixture("assessment/golden/report-horsens-lawan-en.md").readText()
        val options = ReportOptions(horsensDay, Lang.EN, Format.MARKDOWN, emptyList(), emptyList())
        assertEquals(golden, d.assessment().report("horsens-lawan", options))
        assertEquals(golden, d.assessment().report("horsens-lawan", options.copy(sections = sections)))
    }

    test("a champion is never named") {
        val data = DossierHandle.example("horsens").data()
        val orgs = data.organisations.map {
            if (it.id == "DK-LOCAL-lawan-horsens") it.copy(kind = OrganisationKind.CHAMPION, name = "Hajar Ildsjæl") else it
        }
        val d = DossierHandle.fromData(data.copy(organisations = orgs))
        val texts = listOf(
            d.summary(Lang.DA, null),
            d.assessment().healthSummary(horsensDay, Lang.EN),
            d.assessment().report("horsens-lawan", ReportOptions(horsensDay, Lang.EN, Format.HTML, emptyList(), emptyList())),
            roleMatrixMarkdown(d.roles("horsens-lawan").matrix(RoleOptions()), Lang.DA),
            d.roles("horsens-lawan").analyse(RoleOptions()).joinToString { it.text.en },
        )
        for (t in texts) assertFalse(t.contains("Hajar"), t.take(200))
        assertTrue(texts[0].contains("ildsjæl DK-LOCAL-lawan-horsens"))
        assertTrue(texts[4].contains("champion DK-LOCAL-lawan-horsens"))
    }
}
