// Surveys of any shape through the Kotlin binding (issue 23, item 2): a round of the
// municipalities in KL's 2015 shape, answers in its categories, and the shares beside KL's
// published figures, hidden under the threshold.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.LocalDate
import kotlin.test.*

val surveyShapeSuite = suite("survey shapes") {
    test("a round of the municipalities sits beside KL's shares") {
        val shape = kl2015Shape()
        assertEquals(SurveyPopulation.MUNICIPALITIES, shape.population)
        val d = DossierHandle.example("aalborg")
        val questions = shape.measures.map { SurveyQuestion(it.id, it.label, null, it.id) }
        d.surveys().add(SurveyRound("region-2017", "Regionens rundspørge", null, LocalDate.of(2017, 12, 1), questions, emptyList(), shape, emptyList()))
        val answers = listOf("very_high", "high", "high", "high", "very_high", "high", "high", "high", "some", "low", "some")
        for (a in answers) d.surveys().recordAnswers("region-2017", "municipality", listOf(CategoryAnswer("housing_placement", a)))
        val everyone = d.surveys().shares("region-2017", 5u).single { it.group == null }
        assertEquals(8u, everyone.positive)
        assertEquals(0.76, everyone.reference)
        assertTrue(d.surveys().shares("region-2017", 12u).all { it.share == null })
        assertFailsWith<BrobyggerException.InvalidInput> {
            d.surveys().recordAnswers("region-2017", "volunteer", listOf(CategoryAnswer("housing_placement", "high")))
        }
    }
}
