// Runs every Kotlin suite; prints `kotlin: N passed, M failed` and exits 1 on any failure.
package dk.brobygger.tests

import kotlin.system.exitProcess

fun main() {
    val suites = listOf(
        foundationSuite,
        rolesSuite,
        checklistsSuite,
        assessmentSuite,
        matchingSuite,
        relationshipsSuite,
        integrationSuite,
        importSuite,
        privacySuite,
        scaleSuite,
        appFlowSuite,
        concurrencySuite,
        errorsSuite,
        vectorsSuite,
        presentSuite,
        surfaceSuite,
        storeSuite,
        directorySuite,
        gateSuite,
        boundedSuite,
        nationalSuite,
        outcomesSuite,
        surveyShapeSuite,
        calendarSuite,
        asyncSuite,
        progressSuite,
        meetingsSuite,
        seedsSuite,
    )
    var passed = 0
    var failed = 0
    for (s in suites) {
        for (c in s.cases) {
            try {
                c.body()
                passed++
            } catch (t: Throwable) {
                failed++
                println("FAIL ${s.name} / ${c.name}: $t")
                t.stackTrace.take(6).forEach { println("    at $it") }
            }
        }
    }
    println("kotlin: $passed passed, $failed failed")
    if (failed > 0) exitProcess(1)
}
