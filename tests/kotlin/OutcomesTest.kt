// Outcomes over time through the Kotlin binding (issue 23, item 4): records only under a basis,
// typed errors otherwise, and a cohort view that never shows a household on its own.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.LocalDate
import kotlin.test.*

val outcomesSuite = suite("outcomes") {
    test("records under a basis, typed refusals, an aggregated view") {
        val d = DossierHandle.example("ikast-brande")
        val cohort = d.data().cohorts.first()
        cohort.newcomers.forEachIndexed { i, n ->
            d.outcomes().record(
                OutcomeRecord(n.id, cohort.id, LocalDate.of(2016, 12, 1),
                    if (i < 6) Employment.EMPLOYED else Employment.UNEMPLOYED, i < 6, DanishLevel.B1, SocialNetwork.WIDER),
            )
        }
        // The example's two follow-ups (2017, 2018) and the one just recorded, oldest first.
        val records = d.outcomes().records(cohort.newcomers.first().id)
        assertEquals(listOf(LocalDate.of(2016, 12, 1), LocalDate.of(2017, 3, 1), LocalDate.of(2018, 3, 1)), records.map { it.on })
        assertFailsWith<BrobyggerException.InvalidInput> {
            d.outcomes().record(OutcomeRecord(cohort.newcomers.first().id, cohort.id, LocalDate.of(2016, 12, 1), null, null, null, null))
        }
        val view = d.outcomes().cohortView(cohort.id, OutcomeOptions(LocalDate.of(2017, 1, 1), 5u))
        assertEquals(32, view.cells.size)
        for (c in view.cells) {
            val n = c.households
            val k = c.withOutcome
            if (n != null && k != null && n > 0u) assertTrue(k >= 5u && n - k >= 5u)
        }
        assertEquals("outcomes", outcomeViewTables(view, Lang.DA).single().name)
    }
}
