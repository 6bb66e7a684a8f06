// Progress from long work (ADR 0071): a listener handed to an async twin hears the core's
// throttled updates for each stage, in order, ending at the stage's total, on the work's own
// thread; a listener that throws costs nothing; cancelling the coroutine from the listener
// stops the work.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.io.File
import java.nio.file.Files
import java.time.LocalDate
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicReference
import kotlin.test.*
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout

/** Keeps every update it hears and the threads it heard them on. */
private class Recorder : ProgressListener {
    val updates = ConcurrentLinkedQueue<Progress>()
    val threads = ConcurrentLinkedQueue<Thread>()
    override fun onProgress(update: Progress) {
        updates += update
        threads += Thread.currentThread()
    }
}

/**
 * The stages in the order they were heard, each once, and within each: `done` never goes back,
 * never passes `total`, `total` stays put, and the last update is `done == total`.
 */
private fun assertWellFormed(updates: List<Progress>): List<ProgressStage> {
    assertTrue(updates.isNotEmpty(), "the listener heard nothing")
    val stages = mutableListOf<ProgressStage>()
    for (u in updates) if (stages.lastOrNull() != u.stage) stages += u.stage
    assertEquals(stages.distinct(), stages, "a stage came back after another began: $stages")
    for (stage in stages) {
        val mine = updates.filter { it.stage == stage }
        val total = mine.first().total
        assertTrue(mine.all { it.total == total }, "$stage changed its total")
        assertTrue(mine.all { it.done <= total }, "$stage went past its total")
        assertTrue(mine.zipWithNext().all { (a, b) -> a.done <= b.done }, "$stage went back: ${mine.map { it.done }}")
        assertEquals(total, mine.last().done, "$stage did not end at its total")
    }
    return stages
}

val progressSuite = suite("progress") {
    val big by lazy { BigCohort(10) }
    val request = MatchRequest("ikast-2016-q1", "vvv-ikast",
        MatchOptions(Solver.OPTIMAL, LocalDate.of(2016, 4, 1), OfferRanking.SCORE))

    test("every stage a listener hears has words in Danish and English, the vocabulary's") {
        for (lang in listOf(Lang.DA, Lang.EN)) {
            val words = vocabulary(lang).filter { it.vocabulary == "progress_stage" }.associate { it.value to it.label }
            assertEquals(ProgressStage.values().size, words.size)
            for (stage in ProgressStage.values()) {
                assertEquals(words[stage.name.lowercase()], progressStageLabel(stage, lang), "$stage in $lang")
            }
        }
        assertEquals("matcher", progressStageLabel(ProgressStage.SOLVE, Lang.DA))
        assertEquals("matching", progressStageLabel(ProgressStage.SOLVE, Lang.EN))
        assertEquals("simulerer uger", progressStageLabel(ProgressStage.SIMULATE, Lang.DA))
    }

    test("a listener on a full match hears each stage in order, monotone, ending at its total, off the caller's thread") {
        val heard = Recorder()
        val caller = Thread.currentThread()
        val run = runBlocking { matchProfilesAsync(big.rules, big.newcomers, big.offers, big.options, heard) }
        val stages = assertWellFormed(heard.updates.toList())
        assertEquals(listOf(ProgressStage.CANDIDATES, ProgressStage.SOLVE), stages)
        assertEquals(big.newcomers.size.toULong(), heard.updates.last().total, "the solve counts households")
        assertTrue(heard.threads.none { it == caller }, "the listener ran on the caller's thread")
        // Listening changes nothing in the answer.
        assertEquals(matchProfiles(big.rules, big.newcomers, big.offers, big.options), run)
    }

    test("the facet's match, rematch and whyNot take a listener too; without one nothing changes") {
        val d = DossierHandle.example("ikast-brande")
        runBlocking {
            val heard = Recorder()
            assertEquals(d.matching().matchCohort(request), d.matching().matchCohortAsync(request, heard))
            assertEquals(listOf(ProgressStage.CANDIDATES, ProgressStage.SOLVE), assertWellFormed(heard.updates.toList()))
            // Named, as an app writes it; and the one-argument call still compiles.
            val rematched = Recorder()
            val again = d.matching().rematchAsync(RematchRequest(rematch = RematchOptions(PreviousPartner.EXCLUDE),
                ruleSet = "vvv-ikast", options = MatchOptions(solver = Solver.OPTIMAL,
                    asOf = LocalDate.of(2016, 6, 1), offerRanking = OfferRanking.SCORE)), listener = rematched)
            assertTrue(again.matches.isNotEmpty())
            assertTrue(ProgressStage.SOLVE in assertWellFormed(rematched.updates.toList()))
            val run = d.matching().matchCohortAsync(request)
            val whyNot = Recorder()
            val newcomer = run.unmatched[0].newcomer
            val offer = run.matches[0].offer
            assertEquals(d.matching().whyNot(request, newcomer, offer),
                d.matching().whyNotAsync(request, newcomer, offer, whyNot))
            assertTrue(ProgressStage.SOLVE in assertWellFormed(whyNot.updates.toList()))
        }
    }

    test("a listener on a store import hears the import stage, and on a verification the verify stage") {
        val dir: File = Files.createTempDirectory("brobygger-progress-kt").toFile()
        try {
            Store.open(File(dir, "s.db").path).use { store ->
                val imported = Recorder()
                val summary = runBlocking { store.importAsync(DossierHandle.example("horsens"), "anna", "import", imported) }
                assertTrue(summary.created > 0uL)
                assertEquals(listOf(ProgressStage.IMPORT), assertWellFormed(imported.updates.toList()))
                assertTrue(imported.updates.last().total > 0uL)
                val verified = Recorder()
                val report = runBlocking { store.verifyAsync(verified) }
                assertNull(report.problem)
                assertEquals(store.verify(), report)
                assertEquals(listOf(ProgressStage.VERIFY), assertWellFormed(verified.updates.toList()))
            }
        } finally {
            dir.deleteRecursively()
        }
    }

    test("a listener that throws costs nothing: the match and the import finish with their results") {
        val calls = AtomicInteger()
        val broken = object : ProgressListener {
            override fun onProgress(update: Progress) {
                calls.incrementAndGet()
                throw IllegalStateException("the progress bar is gone: Fatima Hansen")
            }
        }
        val run = runBlocking { matchProfilesAsync(big.rules, big.newcomers, big.offers, big.options, broken) }
        assertEquals(matchProfiles(big.rules, big.newcomers, big.offers, big.options), run)
        // It is still asked after throwing: at least each stage's first and last update.
        assertTrue(calls.get() >= 4, "the throwing listener was called ${calls.get()} times")
        // A Kotlin Error is not an Exception, and uniffi's generated code lets it pass: JNA's
        // callback handler takes it (counted here instead of printed) and the work goes on.
        val handled = AtomicInteger()
        val before = com.sun.jna.Native.getCallbackExceptionHandler()
        com.sun.jna.Native.setCallbackExceptionHandler { _, _ -> handled.incrementAndGet() }
        try {
            val erring = object : ProgressListener {
                override fun onProgress(update: Progress) = throw AssertionError("the bar's own assertion")
            }
            assertEquals(run, runBlocking { matchProfilesAsync(big.rules, big.newcomers, big.offers, big.options, erring) })
            assertTrue(handled.get() >= 4, "JNA's handler saw ${handled.get()} errors")
        } finally {
            com.sun.jna.Native.setCallbackExceptionHandler(before)
        }
        // The library's own exception type is ignored the same way (it does not cancel).
        val cancelling = object : ProgressListener {
            override fun onProgress(update: Progress) {
                throw BrobyggerException.Cancelled("work.cancelled")
            }
        }
        val dir: File = Files.createTempDirectory("brobygger-progress-kt").toFile()
        try {
            Store.open(File(dir, "s.db").path).use { store ->
                val summary = runBlocking { store.importAsync(DossierHandle.example("horsens"), "anna", "import", cancelling) }
                assertTrue(summary.created > 0uL)
                assertNull(store.verify().problem)
                assertTrue(store.head() > 0L, "the import was not stored")
            }
        } finally {
            dir.deleteRecursively()
        }
    }

    test("cancelling the coroutine from the listener stops the match: it never reaches the solve's end") {
        val huge = BigCohort(100)
        assertEquals(0u, selfTestWorkersRunning(), "a worker of an earlier call still runs")
        val heard = Recorder()
        val job = AtomicReference<Job>()
        val stopper = object : ProgressListener {
            override fun onProgress(update: Progress) {
                heard.onProgress(update)
                job.get()?.cancel() // the user pressed "stop": the coroutine is cancelled
            }
        }
        runBlocking {
            val started = launch(Dispatchers.Default, start = kotlinx.coroutines.CoroutineStart.LAZY) {
                matchProfilesAsync(huge.rules, huge.newcomers, huge.offers, huge.options, stopper)
            }
            job.set(started)
            started.start()
            withTimeout(60_000) { started.join() }
            assertTrue(started.isCancelled)
            withTimeout(60_000) { while (selfTestWorkersRunning() != 0u) delay(1) }
        }
        assertTrue(heard.updates.isNotEmpty())
        assertTrue(heard.updates.none { it.stage == ProgressStage.SOLVE && it.done == it.total },
            "the cancelled match ran to its end: ${heard.updates.toList()}")
    }
}
