// Calendars through the Kotlin binding (issue 20, item 4): the same iCalendar text as Rust and
// Python (the golden files), read back as the same data, households only for coordinators.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.LocalDate
import kotlin.test.*

val calendarSuite = suite("calendar") {
    test("the golden calendars are what Rust and Python write, and read back the same") {
        for ((example, day, lang, audience, file) in listOf(
            Golden("aalborg", "2017-06-30", Lang.EN, CalendarAudience.COORDINATOR, "calendar/aalborg-2017-06-30.en.ics"),
            Golden("horsens", "2017-10-02", Lang.DA, CalendarAudience.PUBLIC, "calendar/horsens-2017-10-02.public.da.ics"),
        )) {
            val d = DossierHandle.example(example)
            val options = CalendarOptions(LocalDate.parse(day), lang, audience, 365u)
            val ics = d.calendar().ics(options)
            assertEquals(fixture(file).readText(), ics, file)
            val calendar = d.calendar().export(options)
            assertEquals(calendar, readIcs(ics))
            assertEquals(ics, calendarToIcs(calendar))
        }
    }
    test("a routine is a series with its notice; the public sees only public activities") {
        val d = DossierHandle.example("aalborg")
        val cal = d.calendar().export(CalendarOptions(LocalDate.of(2017, 6, 30), Lang.DA, CalendarAudience.COORDINATOR, 365u))
        val steering = cal.events.first { it.kind == CalendarEventKind.ROUTINE }
        assertEquals(Frequency.MONTHLY, steering.repeat!!.frequency)
        assertEquals(3u, steering.repeat!!.interval)
        assertEquals(14u, steering.alarm!!.daysBefore)
        val public = d.calendar().export(CalendarOptions(LocalDate.of(2017, 6, 30), Lang.DA, CalendarAudience.PUBLIC, 365u))
        assertTrue(public.events.isEmpty())
    }
    test("households reach only the coordinators' calendar") {
        val d = DossierHandle.load(fixture("matching/ikast-relationships.dossier.json").path)
        val ids = d.data().cohorts.flatMap { c -> c.newcomers.map { it.id } }
        val day = LocalDate.of(2016, 6, 10)
        val coordinator = d.calendar().export(CalendarOptions(day, Lang.DA, CalendarAudience.COORDINATOR, 365u))
        assertTrue(coordinator.events.any { it.kind == CalendarEventKind.CHECK_IN })
        val shared = d.calendar().ics(CalendarOptions(day, Lang.EN, CalendarAudience.PARTNERSHIP, 365u))
        for (id in ids) assertFalse(shared.contains(id), id)
    }
    test("a file that is not a calendar is a typed error") {
        val e = assertFailsWith<BrobyggerException.Parse> { readIcs("BEGIN:VEVENT\r\nEND:VEVENT\r\n") }
        assertEquals("calendar.structure", e.code)
    }
}

data class Golden(val example: String, val day: String, val lang: Lang, val audience: CalendarAudience, val file: String)
