// Meetings' minutes and action items through the Kotlin binding (issue 20, item 4): the same
// states, owners and paths as Rust and Python; overdue items in the reminders and the
// assessment; typed errors.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.LocalDate
import kotlin.test.*

val meetingsSuite = suite("meetings") {
    val on = LocalDate.of(2017, 6, 30)
    test("the minutes hold agenda, decisions and action items with their state on the day") {
        val d = DossierHandle.example("aalborg")
        val minutes = d.meetings().minutes(on, null)
        assertEquals(on, minutes.asOf)
        assertEquals(4, minutes.meetings.size)
        val held = minutes.meetings[2]
        assertEquals(LocalDate.of(2016, 12, 7), held.heldOn)
        assertEquals("Møderække for 2017", held.agenda[1])
        assertEquals(2, held.decisions.size)
        val items = minutes.meetings.flatMap { it.actionItems }
        assertEquals(listOf(false, true, false), items.map { it.overdue })
        assertEquals(listOf(ActionStatus.DONE, ActionStatus.OPEN, ActionStatus.OPEN), items.map { it.status })
        val late = items[1]
        assertEquals(149u, late.daysOverdue)
        assertEquals("agreements[0].meetings[1].action_items[1]", late.path)
        assertEquals("Røde Kors Aalborg", late.ownerName.da)
        assertTrue(late.owner is ActionOwner.Party)
        assertTrue(items[2].owner is ActionOwner.Post)
    }
    test("overdue items reach the reminders and the assessment") {
        val d = DossierHandle.example("aalborg")
        val due = d.reminders().due(on, 60u).filter { it.kind == ReminderKind.ACTION_ITEM }
        assertEquals(listOf(ReminderState.OVERDUE, ReminderState.DUE), due.map { it.state })
        val a = d.assessment().assess("aalborg-lbb", AssessmentOptions(on, emptyList()))
        val f = a.findings.first { it.finding.code == "assessment.overdue_action_items" }
        assertEquals("agreements[0].meetings[1].action_items[1]", f.finding.path)
    }
    test("an unknown agreement is a typed error") {
        val d = DossierHandle.example("aalborg")
        val e = assertFailsWith<BrobyggerException.NotFound> { d.meetings().minutes(on, "no-such") }
        assertEquals("not_found.agreement", e.code)
    }
}
