// An app's real flow end to end over the Ikast-Brande example, only through the Kotlin API: the
// coordinator opens the dossier from a file, sees what her department must do, both parties
// answer the joint checklist (one in Danish, one in English), the alignment shows where they
// differ, matching runs, a volunteer sees only what a volunteer may, the introductions due
// show, the partnership is assessed and reported in HTML, and the saved file reads back equal.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.io.File
import java.time.Instant
import java.time.LocalDate
import kotlin.test.*

private val integration = PartyRef.Department("ikast-brande", "integration")
private val jobcenter = PartyRef.Department("ikast-brande", "jobcenter")
private val redCross = PartyRef.Organisation("DK-LOCAL-roede-kors-ikast")

private fun at(s: String): Instant = Instant.parse(s)

/** A complete set of answers: the first option of each choice, 2 for numbers, yes, and the
 *  same text; `overrides` replace single items. */
private fun answersFor(items: List<ChecklistItemView>, overrides: Map<String, AnswerValue> = emptyMap()): List<AnswerInput> =
    items.map { v ->
        val value = overrides[v.item] ?: when (v.kind) {
            AnswerKindName.YES_NO -> AnswerValue.YesNo(YesNo.YES)
            AnswerKindName.SCALE -> AnswerValue.Scale(3u.toUByte())
            AnswerKindName.NUMBER -> AnswerValue.Number(2.0)
            AnswerKindName.CHOICE -> AnswerValue.Choice(listOf(v.options.first().value))
            AnswerKindName.TEXT -> AnswerValue.Text("Det samme svar")
        }
        AnswerInput(v.item, value, null)
    }

val appFlowSuite = suite("app flow") {
    test("coordinator: open, tasks, checklist, alignment, matching, volunteer view, introductions, assessment, report, save, reload") {
        val dir = kotlin.io.path.createTempDirectory("brobygger-app").toFile()
        try {
            // 1. Open the dossier the app keeps on disk.
            val file = File(dir, "ikast.json")
            file.writeText(DossierHandle.example("ikast-brande").toJson())
            val d = DossierHandle.load(file.path)
            assertEquals(schemaVersion(), Json.parse(file.readText())["schema_version"].let { (it as Json.Num).value.toUInt() })
            assertTrue(d.validate().none { it.severity == Severity.ERROR }, "the example has no validation errors")

            // 2. Who am I today, and what must my department do under the agreement?
            val today = LocalDate.of(2016, 3, 1)
            val lead = d.holderOf("ib-integration-lead", today)!!
            assertEquals(listOf("ib-integration-lead"), d.postsHeldBy(lead, today).map { it.id })
            val duties = d.roles("ikast-vvv").duties(integration, RoleOptions(null, today, false))
            assertTrue(duties.isNotEmpty(), "the department has duties")
            assertTrue(duties.all { it.assignment.party == integration }, "only the department's own duties")
            val contract = duties.filter { it.task.task == TaskRef.Catalogue("integration_contract") }
            assertEquals(setOf(Raci.RESPONSIBLE, Raci.ACCOUNTABLE), contract.map { it.assignment.role }.toSet())
            assertEquals(Carrier.Post("ib-integration-lead"), contract.first { it.assignment.role == Raci.ACCOUNTABLE }.assignment.carriedBy)
            // The carrier of the task today is the lead herself.
            val carriers = d.roles("ikast-vvv").carriers(TaskRef.Catalogue("integration_contract"), RoleOptions(null, today, false))
            assertTrue(carriers.any { it.person == lead }, "the lead carries the integration contract today")
            // Every task has a name in both languages.
            assertTrue(duties.all { it.task.name.da.isNotBlank() && it.task.name.en.isNotBlank() }, "task names in both languages")

            // 3. The joint checklist before the internship agreement is signed: the jobcenter in
            //    Danish, the Red Cross in English; the items are the same, only the texts differ.
            val template = d.checklists().template("joint-expectations", null)
            val da = checklistItems(template, Lang.DA)
            val en = checklistItems(template, Lang.EN)
            assertEquals(da.map { it.item }, en.map { it.item })
            assertNotEquals(da.map { it.text }, en.map { it.text })
            val contact = d.holderOf("ib-jobcenter-contact", today)!!
            val rk = d.holderOf("rk-ikast-activity-leader", today)!!
            val mine = d.checklists().start(StartChecklist("ikast-nursing-internships", jobcenter, "joint-expectations", null, contact, at("2016-03-01T09:00:00Z"), null))
            val theirs = d.checklists().start(StartChecklist("ikast-nursing-internships", redCross, "joint-expectations", null, rk, at("2016-03-01T09:05:00Z"), null))
            // The Red Cross would introduce the offers later than the jobcenter (a critical
            // item) and meet twice as often; everything else they answer alike.
            d.checklists().answer(mine, answersFor(da), contact, at("2016-03-01T09:30:00Z"))
            d.checklists().answer(theirs, answersFor(en, mapOf(
                "introduce-when" to AnswerValue.Choice(listOf("later")),
                "meetings-per-month" to AnswerValue.Number(4.0),
            )), rk, at("2016-03-01T09:40:00Z"))
            d.checklists().submit(mine, contact, at("2016-03-01T10:00:00Z"))
            d.checklists().submit(theirs, rk, at("2016-03-01T10:05:00Z"))

            // 4. The alignment: where the parties' answers differ, and whether signing waits.
            val alignment = d.checklists().alignment("ikast-nursing-internships", "joint-expectations")
            assertEquals(listOf(mine, theirs), alignment.columns.map { it.session })
            assertEquals(1.0, alignment.coverage)
            val status = alignment.items.associate { it.item to it.status }
            assertEquals(AlignmentStatus.MAJOR_DIVERGENCE, status["introduce-when"], status.toString())
            assertTrue(alignment.items.first { it.item == "introduce-when" }.critical, "introduce-when is critical")
            assertNotEquals(AlignmentStatus.ALIGNED, status["meetings-per-month"], status.toString())
            assertEquals("introduce-when", alignment.items.first().item, "critical divergences come first")
            val texts = da.filter { it.kind == AnswerKindName.TEXT }.map { it.item }.toSet()
            for ((item, s) in status) {
                if (item != "introduce-when" && item != "meetings-per-month" && item !in texts) assertEquals(AlignmentStatus.ALIGNED, s, item)
            }
            assertEquals(1u, alignment.counts.openCritical)
            assertFalse(d.checklists().readiness("ikast-nursing-internships").ready)
            assertTrue(renderChecklistAlignment(alignment, Format.HTML, Lang.EN).contains("<table"), "html")
            // The parties agree on the day; the coordinator records it and signing no longer waits.
            d.checklists().resolve(ResolveItem("ikast-nursing-internships", "joint-expectations", "introduce-when", contact,
                at("2016-03-08T10:00:00Z"), "Tilbuddene introduceres ved samtalen om integrationskontrakten."))
            assertTrue(d.checklists().readiness("ikast-nursing-internships").ready, "ready after the resolution")
            val resolved = d.checklists().alignment("ikast-nursing-internships", "joint-expectations")

            // 5. Matching: run the cohort, keep the run, see the matches and why.
            val run = d.matching().matchCohort(MatchRequest("ikast-2016-q1", "vvv-ikast",
                MatchOptions(Solver.OPTIMAL, LocalDate.of(2016, 4, 1), OfferRanking.SCORE, "run-app")))
            assertEquals("run-app", run.id)
            assertTrue(run.matches.isNotEmpty(), "the run matched households")
            assertTrue(run.matches.all { m -> m.explanation.isNotEmpty() }, "every match explained")
            d.matching().addRun(run)

            // 6. The volunteer view: the offer's own matches, pseudonymous, without sensitive fields.
            val offer = run.matches.first().offer
            val views = d.matching().volunteerView(run.id, offer)
            assertEquals(run.matches.filter { it.offer == offer }.map { it.newcomer }, views.map { it.newcomer })
            for (v in views) {
                assertTrue(v.newcomer.startsWith("nc-"), "pseudonymous household id")
                assertTrue(v.shared.none { it.field in setOf("preferences", "needs", "name", "phone", "email") }, v.shared.toString())
                assertTrue(v.explanation.all { it.da.isNotBlank() && it.en.isNotBlank() }, "explanations in both languages")
            }
            // Proposed, the volunteer sees the proposal without a score or contact details; the
            // volunteer of another offer is refused.
            val fresh = run.matches.first { m -> d.privacy().proposals().none { it.newcomer == m.newcomer && it.offer == m.offer } }
            val proposal = d.privacy().propose(ProposeMatch(fresh.newcomer, fresh.offer, at("2016-04-01T12:00:00Z"), null, run.id, null, null))
            val seen = d.privacy().viewProposal(proposal, Viewer.Volunteer(fresh.offer), LocalDate.of(2016, 4, 2), null)
            assertEquals(Audience.VOLUNTEER, seen.audience)
            assertEquals(fresh.newcomer, seen.newcomer)
            assertNull(seen.score)
            assertTrue(seen.released.isEmpty(), "nothing released before both accept")
            assertEquals(ProposalState.PROPOSED, seen.state)
            assertTrue(seen.shared.none { it.field in setOf("preferences", "needs") }, seen.shared.toString())
            // The coordinator sees more of the same proposal: the score and every field the
            // volunteer sees, and more.
            val full = d.privacy().viewProposal(proposal, Viewer.Coordinator, LocalDate.of(2016, 4, 2), null)
            assertNotNull(full.score)
            assertTrue(full.shared.map { it.field }.containsAll(seen.shared.map { it.field }), "a volunteer sees a subset")
            assertTrue(full.shared.size > seen.shared.size, "the coordinator sees more")
            val other = run.matches.map { it.offer }.first { it != fresh.offer }
            assertThrows<BrobyggerException> { d.privacy().viewProposal(proposal, Viewer.Volunteer(other), LocalDate.of(2016, 4, 2), null) }

            // 7. Introductions due and overdue on a day, as findings with paths.
            val due = d.matching().introductionsDue("ikast-2016-q1", LocalDate.of(2016, 3, 20))
            assertTrue(due.any { it.code == "introduction.overdue" }, "an overdue introduction")
            assertTrue(due.all { it.path.startsWith("cohorts[0].newcomers[") }, "paths into the cohort")
            assertTrue(due.all { it.source?.document == SeedDocument.LBB2017 }, "cites the LBB evaluation")

            // 8. The assessment and the HTML report to share.
            val day = exampleReferenceDate("ikast-brande")
            val assessment = d.assessment().assess("ikast-vvv", AssessmentOptions(day, emptyList()))
            assertEquals(day, assessment.asOf)
            assertTrue(assessment.dimensions.isNotEmpty(), "dimensions scored")
            assertNotNull(assessment.overall)
            val html = d.assessment().report("ikast-vvv", ReportOptions(day, Lang.DA, Format.HTML, emptyList(), emptyList()))
            assertTrue(html.startsWith("<!DOCTYPE html>") || html.startsWith("<!doctype html>"), html.take(40))
            assertTrue(html.contains("</html>"), "a whole HTML page")
            val people = d.people()
            for (p in people) assertFalse(html.contains(p.name), "a person's name in the report")

            // 9. Save and reload: equal, including everything the flow added.
            val saved = File(dir, "ikast-after.json")
            d.save(saved.path)
            val back = DossierHandle.load(saved.path)
            assertEquals(d.data(), back.data())
            assertEquals(d.toJson(), back.toJson())
            assertEquals(2, back.checklists().sessions("ikast-nursing-internships").size)
            assertEquals(listOf("run-app"), back.matchRuns().map { it.id })
            assertEquals(resolved, back.checklists().alignment("ikast-nursing-internships", "joint-expectations"))
            assertEquals(assessment, back.assessment().assess("ikast-vvv", AssessmentOptions(day, emptyList())))
        } finally {
            dir.deleteRecursively()
        }
    }
}
