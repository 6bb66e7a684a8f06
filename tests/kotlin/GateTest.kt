// No ungated path from Kotlin (issue 18): every function that runs a match passes the core's
// consent gate and records what it withheld and what it used. crates/core/tests/gate_everywhere.rs
// fails when a binding function returning a run is not exercised here: matchProfiles,
// matchProfilesConsented, matching().matchCohort, matching().matchProfiles, matching().rematch,
// and their suspend twins matchProfilesAsync, matchCohortAsync, rematchAsync.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.LocalDate
import kotlin.test.*
import kotlinx.coroutines.runBlocking

private val gateDay = LocalDate.of(2016, 4, 1)

private fun gateRules() = ruleSetFromToml(fixture("matching/vvv-ikast.rules.toml").readText())
private fun gateNewcomers() = newcomersFromJson(fixture("matching/vvv-ikast.newcomers.json").readText())
private fun gateOffers() = offersFromJson(fixture("matching/vvv-ikast.offers.json").readText())
private fun noColumns() = ProfileBasis(null, null, listOf(), null, listOf(), null)

/** Each subject's sensitive attribute is either used under a basis or withheld, never both. */
private fun accounted(run: MatchRun, subjects: Int) {
    val used = run.sensitiveUses.map { it.subject to it.attribute }.toSet()
    val withheld = run.withheld.map { it.subject to it.attribute }.toSet()
    assertTrue(used.intersect(withheld).isEmpty())
    assertEquals(subjects, used.union(withheld).size)
}

val gateSuite = suite("gate") {
    test("matchProfiles without a basis withholds every sensitive attribute and ignores its values") {
        val n = gateNewcomers().map { it.copy(privacy = noColumns()) }
        val o = gateOffers().map { it.copy(privacy = noColumns()) }
        val options = MatchOptions(Solver.OPTIMAL, gateDay, OfferRanking.SCORE, null)
        val run = matchProfiles(gateRules(), n, o, options)
        assertEquals(BasisSource.PROFILES, run.basesFrom)
        assertTrue(run.sensitiveUses.isEmpty())
        assertEquals(n.size + o.size, run.withheld.size)
        accounted(run, n.size + o.size)
        val other = matchProfiles(gateRules(), n, o.map { it.copy(credentials = listOf()) }, options)
        assertEquals(run.matches, other.matches)
    }

    test("matchProfiles reads the profiles' own columns and the bases the call declares") {
        val n = gateNewcomers()
        val o = gateOffers()
        val run = matchProfiles(gateRules(), n, o, MatchOptions(Solver.OPTIMAL, gateDay, OfferRanking.SCORE, null))
        assertTrue(run.withheld.isEmpty())
        accounted(run, n.size + o.size)
        val basis = DeclaredBasis("certificates", LegalBasis.LEGAL_OBLIGATION, listOf("offer.credentials"), "børneattestloven § 2")
        val declared = matchProfiles(
            gateRules(),
            n.map { it.copy(privacy = noColumns()) },
            o.map { it.copy(privacy = noColumns()) },
            MatchOptions(Solver.OPTIMAL, gateDay, OfferRanking.SCORE, null, listOf(basis)),
        )
        assertEquals(listOf(basis), declared.declaredBases)
        assertEquals(o.size, declared.sensitiveUses.size)
        accounted(declared, n.size + o.size)
    }

    test("matchCohort and matchProfilesConsented record where their bases came from") {
        val d = DossierHandle.example("ikast-brande")
        val options = MatchOptions(Solver.OPTIMAL, gateDay, OfferRanking.SCORE, null)
        val run = d.matching().matchCohort(MatchRequest("ikast-2016-q1", "vvv-ikast", options))
        assertEquals(BasisSource.DOSSIER, run.basesFrom)
        assertTrue(run.sensitiveUses.isNotEmpty())
        val records = matchProfilesConsented(d.ruleSets()[0], d.cohorts()[0].newcomers, d.offers(), options, d.privacy().data(), d.cohorts())
        assertEquals(BasisSource.RECORDS, records.basesFrom)
        assertEquals(run.withheld, records.withheld)
        assertEquals(run.sensitiveUses, records.sensitiveUses)
        val declared = MatchOptions(Solver.OPTIMAL, gateDay, OfferRanking.SCORE, null,
            listOf(DeclaredBasis("x", LegalBasis.LEGAL_OBLIGATION, listOf("offer.credentials"), "r")))
        val e = assertThrows<BrobyggerException.InvalidInput> {
            d.matching().matchCohort(MatchRequest("ikast-2016-q1", "vvv-ikast", declared))
        }
        assertEquals("privacy.declared_basis_in_dossier", e.code)
    }

    test("matching().matchProfiles beside a dossier uses the dossier's records, not the profiles' columns") {
        val d = DossierHandle.example("ikast-brande")
        val options = MatchOptions(Solver.OPTIMAL, gateDay, OfferRanking.SCORE, null)
        val cohort = d.matching().matchCohort(MatchRequest("ikast-2016-q1", "vvv-ikast", options))
        val n = d.cohorts()[0].newcomers
        val beside = d.matching().matchProfiles(d.ruleSets()[0], n, d.offers(), options)
        assertEquals(BasisSource.DOSSIER, beside.basesFrom)
        assertEquals(cohort.sensitiveUses, beside.sensitiveUses)
        assertEquals(cohort.withheld, beside.withheld)
        val bare = d.matching().matchProfiles(d.ruleSets()[0], n.map { it.copy(privacy = noColumns()) }, d.offers(), options)
        assertEquals(beside.matches, bare.matches)
    }

    test("matching().rematch is gated by the dossier's records and refuses declared bases") {
        val d = DossierHandle.example("ikast-brande")
        val options = MatchOptions(Solver.OPTIMAL, gateDay, OfferRanking.SCORE, null)
        val run = d.matching().rematch(RematchRequest(null, "vvv-ikast", options, RematchOptions(PreviousPartner.EXCLUDE, false, false)))
        assertEquals(BasisSource.DOSSIER, run.basesFrom)
        assertTrue(run.sensitiveUses.isNotEmpty())
        assertTrue(run.sensitiveUses.map { it.subject to it.attribute }.toSet().intersect(run.withheld.map { it.subject to it.attribute }.toSet()).isEmpty())
        val declared = MatchOptions(Solver.OPTIMAL, gateDay, OfferRanking.SCORE, null,
            listOf(DeclaredBasis("x", LegalBasis.LEGAL_OBLIGATION, listOf("offer.credentials"), "r")))
        val e = assertThrows<BrobyggerException.InvalidInput> {
            d.matching().rematch(RematchRequest(null, "vvv-ikast", declared, RematchOptions(PreviousPartner.EXCLUDE, false, false)))
        }
        assertEquals("privacy.declared_basis_in_dossier", e.code)
    }
    test("the suspend twins pass the same gate: matchProfilesAsync, matchCohortAsync, matching().matchProfilesAsync, rematchAsync") {
        val d = DossierHandle.example("ikast-brande")
        val options = MatchOptions(Solver.OPTIMAL, gateDay, OfferRanking.SCORE, null)
        val request = MatchRequest("ikast-2016-q1", "vvv-ikast", options)
        val rematch = RematchRequest(null, "vvv-ikast", options, RematchOptions(PreviousPartner.EXCLUDE, false, false))
        val n = gateNewcomers()
        val o = gateOffers()
        runBlocking {
            val free = matchProfilesAsync(gateRules(), n, o, options)
            val blockingFree = matchProfiles(gateRules(), n, o, options)
            assertEquals(blockingFree.withheld, free.withheld)
            assertEquals(blockingFree.sensitiveUses, free.sensitiveUses)
            accounted(free, n.size + o.size)
            val cohort = d.matching().matchCohortAsync(request)
            assertEquals(BasisSource.DOSSIER, cohort.basesFrom)
            assertEquals(d.matching().matchCohort(request).sensitiveUses, cohort.sensitiveUses)
            val beside = d.matching().matchProfilesAsync(d.ruleSets()[0], d.cohorts()[0].newcomers, d.offers(), options)
            assertEquals(BasisSource.DOSSIER, beside.basesFrom)
            assertEquals(cohort.withheld, beside.withheld)
            val again = d.matching().rematchAsync(rematch)
            assertEquals(BasisSource.DOSSIER, again.basesFrom)
            assertEquals(d.matching().rematch(rematch).sensitiveUses, again.sensitiveUses)
        }
    }
}
