// A minimal test harness: suites of named cases, run by Main.kt, no Gradle or JUnit needed.
package dk.brobygger.tests

import java.io.File

class TestCase(val name: String, val body: () -> Unit)

class Suite(val name: String) {
    val cases = mutableListOf<TestCase>()
    fun test(name: String, body: () -> Unit) {
        cases += TestCase(name, body)
    }
}

fun suite(name: String, block: Suite.() -> Unit): Suite = Suite(name).apply(block)

/** The shared fixture corpus, passed as -Dbrobygger.fixtures=<dir>. */
val fixtures: File by lazy {
    File(System.getProperty("brobygger.fixtures") ?: error("set -Dbrobygger.fixtures"))
}

fun fixture(path: String): File = File(fixtures, path)

/** Input files `<case>.input.json` in a fixture folder, sorted, with their expected files. */
fun cases(dir: String): List<Pair<String, File>> =
    (fixture(dir).listFiles() ?: emptyArray())
        .filter { it.name.endsWith(".input.json") }
        .sortedBy { it.name }
        .map { it.name.removeSuffix(".input.json") to it }
        .also { check(it.isNotEmpty()) { "no cases in $dir" } }

inline fun <reified T : Throwable> assertThrows(block: () -> Unit): T {
    try {
        block()
    } catch (e: Throwable) {
        if (e is T) return e
        throw AssertionError("expected ${T::class.simpleName}, got ${e::class.qualifiedName}: $e", e)
    }
    throw AssertionError("expected ${T::class.simpleName}, nothing was thrown")
}
