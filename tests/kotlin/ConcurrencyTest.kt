// One DossierHandle shared by many threads: writers and readers at once, every change applied
// whole, every read a consistent snapshot, nothing lost; and a handle whose change panicked
// refuses further calls with a clear error instead of crashing or handing out half a dossier.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.LocalDate
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CountDownLatch
import kotlin.test.*

val concurrencySuite = suite("concurrency") {
    test("one handle hammered by writers and readers stays consistent and loses nothing") {
        val d = DossierHandle.example("ikast-brande")
        val cohort = "ikast-2016-q1"
        val newcomers = d.cohorts().single { it.id == cohort }.newcomers.map { it.id }
        val peopleBefore = d.people().size
        val introsBefore = d.cohorts().single().introductions.size
        val writers = 4
        val perWriter = 25
        val start = CountDownLatch(1)
        val errors = ConcurrentLinkedQueue<Throwable>()
        val added = ConcurrentLinkedQueue<String>()
        val refused = java.util.concurrent.atomic.AtomicInteger()
        fun worker(body: () -> Unit) = Thread {
            try { start.await(); body() } catch (t: Throwable) { errors += t }
        }
        val threads = (0 until writers).map { w ->
            worker {
                repeat(perWriter) { k ->
                    val id = generatePersonId()
                    d.addPerson(Person(id, "Frivillig $w-$k", null, null, null, null))
                    added += id
                    // The same id again is refused and changes nothing.
                    try {
                        d.addPerson(Person(id, "Dublet", null, null, null, null))
                        fail("a duplicate person was accepted")
                    } catch (e: BrobyggerException.InvalidInput) { refused.incrementAndGet() }
                    val on = LocalDate.of(2016, 4, 1).plusDays((w * perWriter + k).toLong())
                    d.matching().recordIntroduction(cohort, IntroductionRecord(newcomers[k % newcomers.size], on,
                        IntroductionSetting.FOLLOW_UP_CONVERSATION, listOf("vvv-cp-brande"), null))
                }
            }
        } + (0 until 4).map { r ->
            worker {
                var lastPeople = 0
                var lastIntros = 0
                repeat(40) {
                    // A snapshot is whole: its JSON reads back, and counts never go backwards.
                    val snapshot = d.data()
                    assertTrue(snapshot.people.size >= lastPeople)
                    val intros = snapshot.cohorts.single().introductions.size
                    assertTrue(intros >= lastIntros)
                    lastPeople = snapshot.people.size
                    lastIntros = intros
                    when (r) {
                        0 -> assertEquals(snapshot, DossierHandle.fromData(snapshot).data())
                        1 -> assertTrue(d.validate().none { it.severity == Severity.ERROR })
                        2 -> DossierHandle.fromJson(d.toJson())
                        else -> d.matching().introductionStatus(cohort, LocalDate.of(2016, 6, 1))
                    }
                }
            }
        }
        threads.forEach { it.start() }
        start.countDown()
        threads.forEach { it.join(120_000) }
        assertTrue(threads.none { it.isAlive }, "a thread hung")
        assertTrue(errors.isEmpty(), errors.joinToString { it.toString() })

        val people = d.people()
        assertEquals(peopleBefore + writers * perWriter, people.size)
        assertEquals(people.size, people.map { it.id }.toSet().size)
        assertTrue(people.map { it.id }.containsAll(added))
        assertEquals(writers * perWriter, refused.get())
        assertEquals(introsBefore + writers * perWriter, d.cohorts().single().introductions.size)
        assertTrue(d.validate().none { it.severity == Severity.ERROR })
        assertEquals(d.data(), DossierHandle.fromJson(d.toJson()).data())
    }

    test("a change that panics leaves the handle refusing calls with Internal, other handles unharmed") {
        val d = DossierHandle.example("horsens")
        val other = DossierHandle.example("horsens")
        assertThrows<dk.brobygger.InternalException> { d.selfTestPanicWhileChanging() }
        for (call in listOf<() -> Unit>({ d.title() }, { d.toJson() }, { d.validate() }, { d.agreements() })) {
            val e = assertThrows<BrobyggerException.Internal> { call() }
            assertEquals("internal.poisoned_handle", e.code)
            assertTrue(e.reason.contains("reload"))
        }
        // Reloading from what the app saved is the way on.
        assertEquals(other.data(), DossierHandle.fromJson(other.toJson()).data())
        assertTrue(other.validate().isEmpty())
    }
}
