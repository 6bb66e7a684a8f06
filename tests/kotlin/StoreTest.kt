// The SQLite store from Kotlin (`Store`): the shared script gives the same log as Rust and
// Python, a change that throws stores nothing (the library's exception arrives unchanged, the
// app's own as Internal), writers in threads lose nothing, and a newer file and a busy store are
// typed errors with registered codes.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.io.File
import java.io.RandomAccessFile
import java.nio.file.Files
import java.time.Duration
import java.time.LocalDate
import java.util.concurrent.ConcurrentLinkedQueue
import kotlin.test.*

/** A change written as a Kotlin lambda on a handle to the latest dossier. */
fun change(body: (DossierHandle) -> Unit): DossierChange = object : DossierChange {
    override fun change(dossier: Dossier): Dossier =
        DossierHandle.fromData(dossier).also(body).data()
}

private fun scratch(): File = Files.createTempDirectory("brobygger-store-kt").toFile()

private fun maren() = Person("p-7x2k9q", "Maren Holm", "maren@example.org", null, null, null)

private fun jsonOf(s: String?): Json = if (s == null) Json.Null else Json.Str(s)

private fun fieldsOf(j: Json): List<String> = (j as Json.Arr).items.map { (it as Json.Str).value }

val storeSuite = suite("store") {
    test("the shared script gives the same log as Rust and Python") {
        val want = Json.parse(fixture("store/script.expected.json").readText())
        val dir = scratch()
        Store.open(File(dir, "s.db").path).use { store ->
            assertTrue(store.isEmpty())
            store.import(DossierHandle.example("ikast-brande"), "coordinator-1", "import")
            store.update("coordinator-2", "add_person", change { it.addPerson(maren()) })
            val failed = assertThrows<BrobyggerException.InvalidInput> {
                store.update("coordinator-2", "add_person", change { it.addPerson(maren()) })
            }
            assertEquals((want["failed_code"] as Json.Str).value, failed.code)
            val log = store.log()
            val wantLog = (want["log"] as Json.Arr).items
            assertEquals(wantLog.size, log.size)
            for ((e, w) in log.zip(wantLog)) {
                assertEquals((w["seq"] as Json.Num).value.toLong(), e.seq)
                assertEquals((w["actor"] as Json.Str).value, e.actor)
                assertEquals((w["operation"] as Json.Str).value, e.operation)
                assertEquals((w["collection"] as Json.Str).value, e.collection)
                assertEquals((w["entity"] as Json.Str).value, e.entity)
                assertEquals((w["action"] as Json.Str).value, e.action.name.lowercase())
                assertEquals(fieldsOf(w["fields"]), e.fields)
                assertEquals((w["digest"] as Json.Str).value, e.digest, "event ${e.seq}")
            }
            val history = store.history("people", "p-7x2k9q")
            val wantHistory = (want["history"] as Json.Arr).items
            assertEquals(wantHistory.size, history.size)
            for ((r, w) in history.zip(wantHistory)) {
                assertEquals((w["seq"] as Json.Num).value.toLong(), r.seq)
                assertEquals((w["actor"] as Json.Str).value, r.actor)
                assertEquals((w["action"] as Json.Str).value, r.action.name.lowercase())
                assertEquals(w["json"], jsonOf(r.json))
            }
            assertEquals((want["verified_events"] as Json.Num).value.toLong(), store.verifyIntact().events.toLong())
            assertEquals((want["head"] as Json.Num).value.toLong(), store.head())
        }
        dir.deleteRecursively()
    }

    test("a change that throws stores nothing") {
        val dir = scratch()
        Store.open(File(dir, "s.db").path).use { store ->
            store.import(DossierHandle.example("aalborg"), "anna", "import")
            val head = store.head()
            val e = assertThrows<BrobyggerException.Internal> {
                store.update("anna", "add_person", change {
                    it.addPerson(maren())
                    throw IllegalStateException("the app changed its mind")
                })
            }
            assertEquals("internal.app_callback", e.code)
            assertEquals(head, store.head())
            assertFalse(store.dossier().people().any { it.id == "p-7x2k9q" })
            val summary = store.update("anna", "add_person", change { it.addPerson(maren()) })
            assertEquals(ChangeSummary(1UL, 0UL, 0UL, 0UL, 0UL, 0UL), summary)
            assertNull(store.verify().problem)
            assertEquals(store.exportJson(), store.dossier().toJson())
        }
        dir.deleteRecursively()
    }

    test("writers in threads lose nothing") {
        val dir = scratch()
        val path = File(dir, "s.db").path
        val shared = Store.open(path)
        shared.import(DossierHandle.example("horsens"), "anna", "import")
        val before = shared.dossier().people().size
        val errors = ConcurrentLinkedQueue<Throwable>()
        val threads = (0 until 6).map { w ->
            Thread {
                try {
                    // Half share one Store, half open their own: both wait, neither loses.
                    val store = if (w % 2 == 0) shared else Store.open(path)
                    repeat(3) { k ->
                        store.update("writer-$w", "add_person", change {
                            it.addPerson(Person(generatePersonId(), "Frivillig $w-$k", null, null, null, null))
                        })
                    }
                } catch (t: Throwable) { errors += t }
            }
        }
        threads.forEach { it.start() }
        threads.forEach { it.join() }
        assertTrue(errors.isEmpty(), "$errors")
        assertEquals(before + 18, shared.dossier().people().size)
        assertEquals((0 until 6).map { "writer-$it" }.toSet(), shared.log().map { it.actor }.filter { it.startsWith("writer-") }.toSet())
        assertNull(shared.verify().problem)
        shared.close()
        dir.deleteRecursively()
    }

    test("a busy store and a newer file are typed errors") {
        val dir = scratch()
        val path = File(dir, "s.db").path
        Store.open(path).use { a ->
            a.import(DossierHandle.example("aalborg"), "anna", "import")
            val b = Store.openWith(path, StoreOptions(JournalMode.WAL, Duration.ofMillis(200), Durability.NORMAL))
            // While a's change holds the write lock, b's waits past its timeout; its error
            // comes through a's change unchanged, and neither stores anything.
            val e = assertThrows<BrobyggerException.InvalidInput> {
                a.update("anna", "add_person", change {
                    it.addPerson(maren())
                    b.update("bo", "add_person", change { d -> d.addPerson(maren()) })
                })
            }
            assertEquals("store.busy", e.code)
            assertFalse(a.dossier().people().any { it.id == "p-7x2k9q" })
            b.close()
        }
        // A store that syncs every write (Durability.FULL) reads and writes as any other.
        Store.openWith(path, StoreOptions(JournalMode.WAL, Duration.ofSeconds(5), Durability.FULL)).use { c ->
            c.update("anna", "add_person", change { it.addPerson(maren()) })
            assertTrue(c.dossier().people().any { it.id == "p-7x2k9q" })
            assertNull(c.verify().problem)
        }
        // user_version is the 4 bytes at offset 60 of the file's header.
        RandomAccessFile(path, "rw").use { f -> f.seek(60); f.writeInt(99) }
        val before = File(path).readBytes()
        val newer = assertThrows<BrobyggerException.UnsupportedVersion> { Store.open(path) }
        assertEquals("store.newer_schema", newer.code)
        assertEquals(99u, newer.found)
        assertContentEquals(before, File(path).readBytes())
        dir.deleteRecursively()
    }

    test("erasure and two copies") {
        val dir = scratch()
        val d = DossierHandle.example("ikast-brande")
        val newcomer = d.cohorts()[0].newcomers[0].id
        Store.open(File(dir, "a.db").path).use { a ->
            Store.open(File(dir, "b.db").path).use { b ->
                a.import(d, "anna", "import")
                b.import(d, "bo", "import")
                val since = a.head()
                a.update("anna", "add_person", change { it.addPerson(maren()) })
                val changes = a.changesSince(since)
                assertEquals(listOf("p-7x2k9q"), changes.changes.map { it.key })
                assertEquals(1UL, b.apply(changes, "bo", "apply").applied)
                assertEquals(0UL, b.apply(changes, "bo", "apply").applied)
                val summary = a.erase("dpo", "erase", Erase.Newcomer(newcomer), LocalDate.of(2020, 1, 1))
                assertEquals(1UL, summary.erasures)
                assertFalse(a.exportJson().contains(newcomer))
                assertNull(a.verify().problem)
                assertEquals(Action.ERASED, a.log().last().action)
            }
        }
        dir.deleteRecursively()
    }

    test("a call on the store from inside its own change is refused, not a deadlock") {
        val dir = scratch()
        Store.open(File(dir, "s.db").path).use { store ->
            store.import(DossierHandle.example("aalborg"), "anna", "import")
            val codes = mutableListOf<String>()
            store.update("anna", "outer", change {
                for (call in listOf<() -> Unit>(
                    { store.head() },
                    { store.log() },
                    { store.update("anna", "inner", change { d -> d.addPerson(maren()) }) },
                )) {
                    codes += assertThrows<BrobyggerException.InvalidInput> { call() }.code
                }
                it.addPerson(maren())
            })
            assertEquals(List(3) { "store.reentrant" }, codes)
            assertEquals("outer", store.log().last().operation)
            assertEquals(1, store.logOf("people", "p-7x2k9q").size)
        }
        dir.deleteRecursively()
    }

    test("verify finds an audit trail edited behind the library's back") {
        val dir = scratch()
        val path = File(dir, "s.db").path
        val actor = "kotlin-tamper-actor-q"
        Store.open(path).use { store ->
            store.import(DossierHandle.example("aalborg"), actor, "import")
            store.update(actor, "add_person", change { it.addPerson(maren()) })
            assertNull(store.verify().problem)
        }
        // Closing the last connection writes the WAL back into the file: edit the actor's name
        // in place, as someone with a hex editor (and no SQLite) would.
        val bytes = File(path).readBytes()
        val needle = actor.toByteArray()
        var edited = 0
        var i = 0
        while (i <= bytes.size - needle.size) {
            if ((needle.indices).all { bytes[i + it] == needle[it] }) {
                bytes[i + needle.size - 1] = 'z'.code.toByte()
                edited++
                i += needle.size
            } else {
                i++
            }
        }
        assertTrue(edited > 0, "the actor's name is in the file")
        File(path).writeBytes(bytes)
        Store.open(path).use { store ->
            assertNotNull(store.verify().problem)
            val e = assertThrows<BrobyggerException.InvalidInput> { store.verifyIntact() }
            assertEquals("store.tampered", e.code)
        }
        dir.deleteRecursively()
    }
}
