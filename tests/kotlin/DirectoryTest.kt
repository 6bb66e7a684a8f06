// The association directory through the Kotlin binding (issue 23, item 1): the facet gives the
// core's answers (the HSDS export is byte for byte the Rust golden file), search and filters
// narrow the register, the spreadsheet round-trips, and a place is read by its id.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.LocalDate
import kotlin.test.*

private const val LAWAN = "DK-LOCAL-lawan-horsens"

private fun query(text: String? = null, kinds: List<OrganisationKind> = emptyList(), days: List<Weekday> = emptyList()) =
    DirectoryQuery(text, kinds, emptyList(), emptyList(), emptyList(), emptyList(), days, null, false)

private val ANY_DAY = DirectoryOptions(null, false)

val directorySuite = suite("directory") {
    test("the HSDS export is the Rust golden file") {
        val d = DossierHandle.example("horsens")
        assertEquals(fixture("hsds/horsens.json").readText(), d.directory().hsdsJson(HsdsOptions(Lang.DA, false)))
        assertEquals(
            fixture("hsds/horsens-internal-en.json").readText(),
            d.directory().hsdsJson(HsdsOptions(Lang.EN, true)),
        )
        val orgs = d.directory().hsds(HsdsOptions(Lang.DA, false))
        assertEquals(listOf("LAWAN Horsens"), orgs.map { it.name })
        assertTrue(orgs[0].services.isNotEmpty())
    }

    test("search finds in any case and inflection; filters narrow the offers") {
        val d = DossierHandle.example("horsens")
        for (text in listOf("flygtningebørn", "FLYGTNINGEBØRNENE", "Kurdish")) {
            val hits = d.directory().search(query(text), ANY_DAY)
            assertEquals(listOf(LAWAN), hits.map { it.association.organisation }, text)
        }
        assertEquals(emptyList(), d.directory().search(query("fodbold"), ANY_DAY))
        val wednesday = d.directory().search(
            query(kinds = listOf(OrganisationKind.ETHNIC_MINORITY_ASSOCIATION), days = listOf(Weekday.WEDNESDAY)),
            ANY_DAY,
        )
        assertEquals(1, wednesday.size)
        assertTrue(wednesday[0].association.offers.all { o -> o.schedule.all { Weekday.WEDNESDAY in it.days } })
    }

    test("the register as of a day, its tables and the spreadsheet round trip") {
        val d = DossierHandle.example("horsens")
        val register = d.directory().build(DirectoryOptions(LocalDate.of(2017, 8, 1), false))
        assertEquals(2, register.associations.size)
        assertEquals(false, register.associations.first { it.organisation == LAWAN }.contactPost?.vacant)
        assertEquals(listOf("directory", "directory_offers"), directoryTables(register, Lang.EN).map { it.name })
        assertTrue(renderDirectory(register, Format.HTML_FRAGMENT, Lang.DA).contains("LAWAN Horsens"))
        val csv = directoryToCsv(register)
        assertEquals(directoryColumns().map { it.name }, csv.lines().first().split(";"))
        val back = directoryFromCsv(csv)
        assertEquals(emptyList(), back.problems)
        assertEquals(csv, directoryToCsv(back.directory))
        assertEquals(csv, directoryToCsv(directoryFromCsvBytes(csv.toByteArray(Charsets.UTF_8)).directory))
        val bad = directoryFromCsv("organisation;organisation_id;opens\nHemmelig Forening;x;25:99\n")
        assertTrue(bad.problems.isNotEmpty())
        assertTrue(bad.problems.none { "25:99" in it.text.en })
    }

    test("HSDS ids are stable and places are read by id") {
        assertEquals(hsdsUuid("organization", LAWAN), hsdsUuid("organization", LAWAN))
        assertNotEquals(hsdsUuid("organization", LAWAN), hsdsUuid("service", LAWAN))
        val e = DossierHandle.example("esbjerg")
        assertEquals(PlaceKind.NEIGHBOURHOOD, e.place("esbjerg-oesterbyen")?.kind)
        assertNull(e.place("nowhere"))
    }
}
