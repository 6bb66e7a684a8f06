// Matching at scale through the Kotlin binding: dense assignment gives the shared fixtures'
// answers (as Rust and Python do), errors arrive typed; profiles read in bulk from a table of
// columns equal those read from records.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.LocalDate
import kotlin.test.*

val scaleSuite = suite("scale") {
    test("dense assignment fixtures give the same answers as Rust") {
        val all = cases("assignment")
        assertEquals(5, all.size)
        for ((case, input) in all) {
            val i = Json.parse(input.readText())
            val objective = if (i["objective"].str == "maximize") Objective.MAXIMIZE else Objective.MINIMIZE
            val forbidden = if (objective == Objective.MAXIMIZE) Double.NEGATIVE_INFINITY else Double.POSITIVE_INFINITY
            val rows = i["costs"].list
            val costs = rows.flatMap { r -> r.list.map { if (it is Json.Num) it.value else forbidden } }
            val expected = Json.parse(input.resolveSibling("$case.expected.json").readText())
            if (expected["error"] is Json.Str) {
                val e = assertThrows<BrobyggerException.Infeasible> {
                    linearSumAssignment(costs, rows.size.toUInt(), rows[0].list.size.toUInt(), objective)
                }
                assertEquals(expected["error"].str, e.code, case)
                continue
            }
            val a = linearSumAssignment(costs, rows.size.toUInt(), rows[0].list.size.toUInt(), objective)
            assertEquals(expected["rows"].list.map { (it as Json.Num).value.toInt() }, a.rows.map { it.toInt() }, case)
            assertEquals(expected["columns"].list.map { (it as Json.Num).value.toInt() }, a.columns.map { it.toInt() }, case)
            assertEquals((expected["total"] as Json.Num).value, a.total, case)
        }
    }

    test("dense assignment: wrong size and NaN are InvalidInput with a path") {
        val e = assertThrows<BrobyggerException.InvalidInput> {
            linearSumAssignment(listOf(1.0, 2.0, 3.0), 2u, 2u, Objective.MINIMIZE)
        }
        assertEquals("assignment.shape", e.code)
        val nan = assertThrows<BrobyggerException.InvalidInput> {
            linearSumAssignment(listOf(1.0, Double.NaN), 1u, 2u, Objective.MINIMIZE)
        }
        assertEquals("costs[0][1]", nan.path)
    }

    test("profiles from a table of columns equal profiles from records, and match the same") {
        val records = fixture("matching/vvv-ikast.newcomers.json").readText()
        val fromRecords = newcomersFromTable(records)
        assertEquals(newcomersFromJson(records), fromRecords)
        val columns = """{"id": ["a", "b"], "arrival": ["2024-01-02", "2024-02-01"],
            "lat": [56.13, null], "lon": [9.16, null], "needs": [["social_network"], null]}"""
        val two = newcomersFromTable(columns)
        assertEquals(listOf("a", "b"), two.map { it.id })
        assertEquals(56.13, two[0].location?.lat)
        assertNull(two[1].location)
        val offers = offersFromTable(fixture("matching/vvv-ikast.offers.json").readText())
        val rules = ruleSetFromToml(fixture("matching/vvv-ikast.rules.toml").readText())
        val options = MatchOptions(Solver.OPTIMAL, LocalDate.of(2016, 4, 1), OfferRanking.SCORE, null)
        assertEquals(
            matchProfiles(rules, newcomersFromJson(records), offersFromJson(fixture("matching/vvv-ikast.offers.json").readText()), options),
            matchProfiles(rules, fromRecords, offers, options))
        val bad = assertThrows<BrobyggerException.Parse> {
            newcomersFromTable("""{"id": ["a"], "arrival": ["not-a-date"]}""")
        }
        assertEquals("newcomers[0].arrival", bad.path)
    }
}
