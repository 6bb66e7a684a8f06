// Bounded work from Kotlin (issue 18, item 7): nesting deeper than the readers take, FIFOs and
// devices, and duplicate ids arrive as typed exceptions, never a crash or a double booking.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.io.File
import java.time.LocalDate
import kotlin.test.*

val boundedSuite = suite("bounded") {
    test("JSON nested 100,000 deep is a Parse error, not a crash") {
        val deep = "[".repeat(100_000) + "]".repeat(100_000)
        val e = assertThrows<BrobyggerException.Parse> {
            DossierHandle.fromJson("{\"schema_version\": 1, \"title\": $deep}")
        }
        assertEquals("load.syntax", e.code)
    }

    test("/dev/zero and a FIFO are refused at once") {
        val paths = mutableListOf("/dev/zero")
        val fifo = File.createTempFile("brobygger-fifo", ".json").also { it.delete() }
        if (ProcessBuilder("mkfifo", fifo.path).start().waitFor() == 0) paths.add(fifo.path)
        for (p in paths) {
            val e = assertThrows<BrobyggerException.InvalidInput> { DossierHandle.load(p) }
            assertEquals("load.not_regular_file", e.code)
        }
        fifo.delete()
    }

    test("a duplicate offer id is refused, not booked twice") {
        val d = DossierHandle.example("ikast-brande")
        val offers = d.offers()
        val options = MatchOptions(Solver.OPTIMAL, LocalDate.of(2016, 4, 1), OfferRanking.SCORE, null)
        val e = assertThrows<BrobyggerException.InvalidInput> {
            matchProfiles(d.ruleSets()[0], d.cohorts()[0].newcomers, offers + offers[0].copy(capacity = 1u), options)
        }
        assertEquals("validation.duplicate_id", e.code)
        assertEquals("offers[${offers.size}].id", e.path)
    }
}
