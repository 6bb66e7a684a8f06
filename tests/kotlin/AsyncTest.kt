// The long operations as suspend functions (ADR 0058): they run off the caller's thread, give
// the blocking calls' answers and typed errors, and cancelling the coroutine stops the waiting
// and the work itself (the core's solvers look at the flag, ADR 0067). Options need no positional nulls.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.io.File
import java.nio.file.Files
import java.time.LocalDate
import java.util.concurrent.atomic.AtomicInteger
import kotlin.test.*
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.delay
import kotlinx.coroutines.isActive
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import kotlinx.coroutines.yield

/** Ikast-Brande's households and offers copied `copies` times under new ids: a long match. */
internal class BigCohort(copies: Int) {
    val rules = ruleSetFromToml(fixture("matching/vvv-ikast.rules.toml").readText())
    private val n = newcomersFromJson(fixture("matching/vvv-ikast.newcomers.json").readText())
    private val o = offersFromJson(fixture("matching/vvv-ikast.offers.json").readText())
    val newcomers = (0 until copies).flatMap { k -> n.map { it.copy(id = "${it.id}-$k") } }
    val offers = (0 until copies).flatMap { k -> o.map { it.copy(id = "${it.id}-$k") } }
    val options = MatchOptions(solver = Solver.OPTIMAL, asOf = LocalDate.of(2016, 4, 1), offerRanking = OfferRanking.SCORE)
}

val asyncSuite = suite("async") {
    val big by lazy { BigCohort(40) }

    test("a long match does not block the caller's thread: it keeps ticking while the match runs") {
        runBlocking { // one thread, the caller's: a blocking call here would stop the ticker
            val caller = Thread.currentThread()
            val ticks = AtomicInteger()
            var elsewhere = 0
            val ticker = launch {
                while (isActive) {
                    if (Thread.currentThread() != caller) elsewhere++
                    ticks.incrementAndGet()
                    delay(2)
                }
            }
            yield()
            // The blocking call holds the thread: the ticker cannot tick during it.
            val b0 = ticks.get()
            val blocking = matchProfiles(big.rules, big.newcomers, big.offers, big.options)
            assertEquals(0, ticks.get() - b0, "the blocking call let the ticker run")
            // The suspend call frees it: the ticker ticks while the match runs on another thread.
            val a0 = ticks.get()
            val t0 = System.nanoTime()
            val run = matchProfilesAsync(big.rules, big.newcomers, big.offers, big.options)
            val during = ticks.get() - a0
            println("async: a match of ${big.newcomers.size} households and ${big.offers.size} offers took " +
                "${(System.nanoTime() - t0) / 1_000_000} ms; the caller's thread ticked $during times meanwhile")
            ticker.cancel()
            assertTrue(during >= 3, "the caller's thread ticked only $during times during the match")
            assertEquals(0, elsewhere, "the ticker ran off the caller's thread")
            assertEquals(blocking, run)
            assertTrue(run.matches.size >= 40)
        }
    }

    test("the facets' suspend calls give the blocking calls' answers") {
        val d = DossierHandle.example("ikast-brande")
        val day = LocalDate.of(2019, 6, 30)
        val request = MatchRequest("ikast-2016-q1", "vvv-ikast",
            MatchOptions(Solver.OPTIMAL, LocalDate.of(2016, 4, 1), OfferRanking.SCORE))
        runBlocking {
            assertEquals(d.matching().matchCohort(request), d.matching().matchCohortAsync(request))
            val run = d.matching().matchCohort(request)
            val newcomer = run.unmatched[0].newcomer
            val offer = run.matches[0].offer
            assertEquals(d.matching().whyNot(request, newcomer, offer), d.matching().whyNotAsync(request, newcomer, offer))
            assertEquals(d.assessment().assess("ikast-vvv", AssessmentOptions(day)), d.assessment().assessAsync("ikast-vvv", AssessmentOptions(day)))
            assertEquals(d.assessment().assessAll(day), d.assessment().assessAllAsync(day))
            val options = ReportOptions(asOf = day, lang = Lang.EN, format = Format.HTML)
            assertEquals(d.assessment().report("ikast-vvv", options), d.assessment().reportAsync("ikast-vvv", options))
            assertEquals(d.assessment().healthSummary(day, Lang.DA), d.assessment().healthSummaryAsync(day, Lang.DA))
            val dense = listOf(4.0, 1.0, 3.0, 2.0, 0.0, 5.0, 3.0, 2.0, 2.0)
            assertEquals(linearSumAssignment(dense, 3u, 3u, Objective.MINIMIZE), linearSumAssignmentAsync(dense, 3u, 3u, Objective.MINIMIZE))
        }
    }

    test("the store imports and verifies off the caller's thread") {
        val dir: File = Files.createTempDirectory("brobygger-async-kt").toFile()
        try {
            Store.open(File(dir, "s.db").path).use { store ->
                val summary = runBlocking { store.importAsync(DossierHandle.example("horsens"), "anna", "import") }
                assertTrue(summary.created > 0uL)
                val report = runBlocking { store.verifyAsync() }
                assertNull(report.problem)
                assertEquals(store.verify(), report)
            }
        } finally {
            dir.deleteRecursively()
        }
    }

    test("a suspend call throws the blocking call's typed error") {
        val d = DossierHandle.example("ikast-brande")
        val e = assertThrows<BrobyggerException.NotFound> {
            runBlocking {
                d.matching().matchCohortAsync(MatchRequest("no-such-cohort", "vvv-ikast",
                    MatchOptions(Solver.OPTIMAL, LocalDate.of(2016, 4, 1), OfferRanking.SCORE)))
            }
        }
        assertEquals("not_found.cohort", e.code)
        // A panic on the worker thread arrives as an exception, as a blocking call's does.
        assertThrows<dk.brobygger.InternalException> { runBlocking { selfTestPanicAsync() } }
    }

    test("cancelling the coroutine stops the waiting at once and the work that looks at its flag") {
        runBlocking {
            val job = launch(Dispatchers.Default) { selfTestWaitUntilCancelled() }
            withTimeout(30_000) { while (selfTestWorkersWaiting() == 0u) delay(1) }
            job.cancel()
            withTimeout(30_000) { job.join() } // without cancellation this waits a minute
            assertTrue(job.isCancelled)
            withTimeout(30_000) { while (selfTestWorkersWaiting() != 0u) delay(1) }
            // A timeout is a cancellation too.
            assertFailsWith<TimeoutCancellationException> { withTimeout(20) { selfTestWaitUntilCancelled() } }
            withTimeout(30_000) { while (selfTestWorkersWaiting() != 0u) delay(1) }
        }
    }

    test("cancelling a long match leaves the handle usable") {
        // Whether the cancel lands before the match ends is a race (the work runs on its own
        // thread); that cancelling stops the waiting is the flag-watching test above, which
        // does not race. Here: whatever the race gives, the caller gets its coroutine back and
        // the handle works after it.
        val d = DossierHandle.example("ikast-brande")
        runBlocking {
            val job = launch(Dispatchers.Default, start = CoroutineStart.UNDISPATCHED) {
                d.matching().matchProfilesAsync(big.rules, big.newcomers, big.offers, big.options)
            }
            job.cancel()
            withTimeout(30_000) { job.join() }
            assertTrue(job.isCompleted)
        }
        assertTrue("ikast-2016-q1" in d.cohorts().map { it.id })
        val again = runBlocking {
            d.matching().matchCohortAsync(MatchRequest("ikast-2016-q1", "vvv-ikast",
                MatchOptions(Solver.OPTIMAL, LocalDate.of(2016, 4, 1), OfferRanking.SCORE)))
        }
        assertTrue(again.matches.isNotEmpty())
    }

    test("cancelling a big match stops the solver itself, well before the match would end") {
        // ADR 0067: the core's solvers look at the call's cancel flag, so the worker thread ends
        // soon after the coroutine is cancelled instead of matching to the end for nobody. The
        // uncancelled run is timed first; the cancelled one must have stopped in a fraction of
        // that (it stops within a stride of households, milliseconds; the margin is wide so a
        // loaded machine cannot make the test fail).
        val huge = BigCohort(100)
        val full = runBlocking {
            val t0 = System.nanoTime()
            matchProfilesAsync(huge.rules, huge.newcomers, huge.offers, huge.options)
            (System.nanoTime() - t0) / 1_000_000
        }
        assertEquals(0u, selfTestWorkersRunning(), "a worker of an earlier call still runs")
        val stopped = runBlocking {
            val job = launch(Dispatchers.Default) {
                matchProfilesAsync(huge.rules, huge.newcomers, huge.offers, huge.options)
            }
            withTimeout(30_000) { while (selfTestWorkersRunning() == 0u) delay(1) }
            val t0 = System.nanoTime()
            job.cancel()
            withTimeout(30_000) { job.join() }
            withTimeout(60_000) { while (selfTestWorkersRunning() != 0u) delay(1) }
            (System.nanoTime() - t0) / 1_000_000
        }
        println("async: a match of ${huge.newcomers.size} households took $full ms; cancelled, its worker stopped after $stopped ms")
        assertTrue(stopped * 3 < full, "the cancelled match ran on for $stopped ms of the $full ms a whole one takes")
    }

    test("options need no positional nulls: the optional fields have defaults") {
        val m = MatchOptions(solver = Solver.GREEDY, asOf = LocalDate.of(2016, 4, 1), offerRanking = OfferRanking.SCORE)
        assertNull(m.id)
        assertEquals(emptyList(), m.bases)
        assertEquals(emptyList(), AssessmentOptions(LocalDate.of(2019, 6, 30)).external)
        val r = ReportOptions(asOf = LocalDate.of(2019, 6, 30), lang = Lang.DA, format = Format.MARKDOWN)
        assertEquals(emptyList(), r.external)
        assertEquals(emptyList(), r.sections)
    }
}
