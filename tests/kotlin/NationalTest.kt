// The national picture through the Kotlin binding (issue 23, item 2): KL's 2015 survey of the
// municipalities (seed 000) as published aggregates, the same figures as Rust, and a
// municipality's own answers beside them.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import kotlin.test.*

val nationalSuite = suite("national") {
    test("the reference gives the seed's figures without an n") {
        val kl = kl2015()
        assertNull(kl.respondents)
        val figures = kl.questions.flatMap { q -> q.published.map { Triple(q.id, it.categories, it.percent.toInt()) } }
        assertEquals(8, figures.size)
        assertTrue(Triple("cooperation_change", listOf("more"), 83) in figures)
        assertTrue(Triple("housing_placement", listOf("very_high", "high"), 76) in figures)
    }

    test("own answers sit beside the national shares; bad ones throw") {
        val kl = kl2015()
        val rows = compareWithNational(kl, listOf(OwnAnswer("housing_placement", "high")))
        val mine = rows.filter { it.own != null }
        assertEquals(listOf(76u), mine.map { it.percent })
        val table = nationalComparisonTables(kl, rows, Lang.DA).single()
        assertEquals("national_comparison", table.name)
        assertTrue(renderNationalComparison(kl, rows, Format.MARKDOWN, Lang.EN).contains("76"))
        assertFailsWith<BrobyggerException.InvalidInput> {
            compareWithNational(kl, listOf(OwnAnswer("weather", "sunny")))
        }
    }

    test("a housing organisation's placement cooperation answers for the municipality") {
        val d = DossierHandle.example("esbjerg")
        run {
            assertEquals(listOf(OwnAnswer("housing_placement", "high")), d.assessment().nationalAnswers("esbjerg"))
            val mine = d.assessment().compareWithNational("esbjerg", emptyList()).filter { it.own != null }
            assertEquals(listOf(76u), mine.map { it.percent })
            val org = d.data().organisations.first { it.kind == OrganisationKind.HOUSING_ORGANISATION }
            assertEquals(CooperationDegree.HIGH, org.housingCooperation.single().placement)
            assertFailsWith<BrobyggerException.NotFound> { d.assessment().nationalAnswers("aalborg") }
        }
    }
}
