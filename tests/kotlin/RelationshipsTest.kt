// Matching over time through the Kotlin binding: relationships from the proposal to the end,
// rematching, alternatives and why-not give the same answers as Rust
// (tests/fixtures/matching/over-time.expected.json, written by crates/core/tests/relationships.rs);
// refused steps throw typed errors and change nothing.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.LocalDate
import kotlin.test.*

private val overTime by lazy { Json.parse(fixture("matching/over-time.expected.json").readText()) }

private fun overTimeDossier() = DossierHandle.fromJson(fixture(overTime["fixture"].str).readText())

private fun num(j: Json): Double = (j as Json.Num).value

private fun optNum(j: Json): Double? = if (j is Json.Null) null else num(j)

private fun optStr(j: Json): String? = if (j is Json.Null) null else j.str

private fun textOf(c: Cell): String = (c as Cell.Text).value

val relationshipsSuite = suite("relationships") {
    test("states and what the offers hold are Rust's") {
        val d = overTimeDossier()
        val on = LocalDate.parse(overTime["on"].str)
        val tables = relationshipTables(d, on, Lang.EN)
        assertEquals(listOf("relationships", "relationship_events"), tables.map { it.name })
        val states = tables[0].rows.map { listOf(textOf(it[0]), textOf(it[4])) }
        assertEquals(overTime["states"].list.map { s -> s.list.map { it.str } }, states)
        assertEquals(states.map { it[0] }, d.relationships().all().map { it.id })
        val loads = d.relationships().offerLoads(on).map { listOf(it.offer, it.capacity.toDouble(), it.held.toDouble(), it.free.toDouble(), it.running.toDouble()) }
        val expected = overTime["offer_loads"].list.map { l -> listOf(l[0].str, num(l[1]), num(l[2]), num(l[3]), num(l[4])) }
        assertEquals(expected, loads)
    }

    test("a rematch gives Rust's matches") {
        val d = overTimeDossier()
        val on = LocalDate.parse(overTime["on"].str)
        val r = overTime["rematch"]
        val run = d.matching().rematch(RematchRequest(null, r["rule_set"].str, MatchOptions(Solver.OPTIMAL, on, OfferRanking.SCORE, null), RematchOptions(PreviousPartner.EXCLUDE, false, false)))
        assertEquals(r["matches"].list.map { listOf(it[0].str, it[1].str, num(it[2])) }, run.matches.map { listOf(it.newcomer, it.offer, it.score) })
        assertEquals(r["unmatched"].list.map { it.str }, run.unmatched.map { it.newcomer })
        assertEquals(r["waiting_again"].list.map { it.str }, run.waitingAgain)
    }

    test("alternatives and why-not are Rust's") {
        val e = overTime["explain"]
        val d = DossierHandle.example(e["example"].str)
        val pair = e["why_not"].list.map { it.str }
        val options = MatchOptions(Solver.OPTIMAL, LocalDate.parse(e["as_of"].str), OfferRanking.SCORE, null,
            explain = ExplainOptions(num(e["alternatives"]).toUInt(), listOf(PairQuery(pair[0], pair[1]))))
        val run = d.matching().matchCohort(MatchRequest(e["cohort"].str, e["rule_set"].str, options))
        val expected = overTime["alternatives"].list.map { a ->
            listOf(a[0].str, optStr(a[1]), a[2].list.map { o -> listOf(o[0].str, num(o[1]), optNum(o[2]), (o[3] as Json.Bool).value) })
        }
        assertEquals(expected, run.alternatives.map { a -> listOf(a.newcomer, a.matched, a.offers.map { listOf(it.offer, it.score, it.gap, it.full) }) })
        val w = overTime["why_not"].list.single()
        val answer = run.whyNot.single()
        assertEquals(listOf(w[0].str, w[1].str, w[3].str), listOf(answer.newcomer, answer.offer, answer.text.en))
        val direct = d.matching().whyNot(MatchRequest(e["cohort"].str, e["rule_set"].str,
            MatchOptions(Solver.OPTIMAL, LocalDate.parse(e["as_of"].str), OfferRanking.SCORE, null)), pair[0], pair[1])
        assertEquals(answer, direct)
        val names = matchRunTables(run, Lang.DA).map { it.name }
        assertTrue("alternatives" in names && "why_not" in names)
    }

    test("a relationship runs from proposal to end; a refused step throws and changes nothing") {
        val d = DossierHandle.example("ikast-brande")
        val rels = d.relationships()
        val id = rels.propose(ProposeRelationship("nc-3817-2204", "vvv-cf-ikast-2", LocalDate.of(2016, 4, 8), proposal = "mp-1"))
        assertEquals(RelationshipState.ACCEPTED, rels.get(id)?.let { relationshipTables(d, LocalDate.of(2016, 4, 8), Lang.EN)[0].rows.single { textOf(it[0]) == id } }?.let { RelationshipState.valueOf(textOf(it[4]).uppercase()) })
        assertEquals(RelationshipState.STARTED, rels.record(id, LocalDate.of(2016, 4, 20), RelationshipEventKind.Started, EventOptions()))
        assertEquals(RelationshipState.ACTIVE, rels.record(id, LocalDate.of(2016, 5, 4), RelationshipEventKind.CheckIn(CheckInOutcome.GOING), EventOptions(by = "ib-integration-lead")))
        val before = d.toJson()
        val err = assertThrows<BrobyggerException.InvalidInput> {
            rels.record(id, LocalDate.of(2016, 5, 1), RelationshipEventKind.Started, EventOptions())
        }
        assertEquals("relationship.before_last_event", err.code)
        assertEquals(before, d.toJson())
        assertEquals(RelationshipState.ENDED, rels.end(id, LocalDate.of(2016, 9, 1), EndReason.DID_NOT_CLICK, EventOptions()))
        val run = d.matching().rematch(RematchRequest("ikast-2016-q1", "vvv-ikast",
            MatchOptions(Solver.OPTIMAL, LocalDate.of(2016, 9, 5), OfferRanking.SCORE, null), RematchOptions(PreviousPartner.EXCLUDE, false, true)))
        assertEquals(listOf("nc-3817-2204"), run.waitingAgain)
        assertTrue(run.matches.none { it.offer == "vvv-cf-ikast-2" })
        assertEquals(1, rels.ofHousehold("nc-3817-2204").size)
        val notFound = assertThrows<BrobyggerException.NotFound> { rels.end("rel-404", LocalDate.of(2016, 9, 1), EndReason.OTHER, EventOptions()) }
        assertEquals("not_found.relationship", notFound.code)
    }
}
