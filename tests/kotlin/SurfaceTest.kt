// The Kotlin surface against the one table of the API (tests/fixtures/api-surface.json): each
// facet's generated interface has exactly the table's operations (camelCase) and its listed
// Kotlin-only names, and the module's free functions likewise. A name missing on either side,
// or one the table does not know, fails. tests/python/test_surface.py checks Python the same way.
package dk.brobygger.tests

import kotlin.test.*

/** `add_basis` → `addBasis`: Kotlin's camelCase of the same words. */
fun camel(snake: String): String =
    snake.split('_').mapIndexed { i, w -> if (i == 0) w else w.replaceFirstChar { it.uppercase() } }.joinToString("")

private fun strings(j: Json): Set<String> = when (j) {
    is Json.Arr -> j.items.map { (it as Json.Str).value }.toSet()
    is Json.Obj -> j.fields.keys
    else -> emptySet()
}

/**
 * The public methods a generated class declares. A function taking an inline class (`UInt`)
 * compiles to `name-<hash>`; the part before the dash is its Kotlin name.
 */
private fun methodsOf(className: String): Set<String> =
    Class.forName(className).methods
        .filter { java.lang.reflect.Modifier.isPublic(it.modifiers) && !it.isSynthetic && '$' !in it.name }
        .map { it.name.substringBefore('-') }
        .filter { it != "getClass" && it != "equals" && it != "hashCode" && it != "toString" && it !in listOf("wait", "notify", "notifyAll") }
        .toSet()

private fun check(what: String, entry: Json, actual: Set<String>) {
    val want = strings(entry["operations"]).map(::camel).toSet() + strings(entry["kotlin_only"])
    val missing = want - actual
    val extra = actual - want
    assertTrue(missing.isEmpty() && extra.isEmpty(),
        "$what drifted from tests/fixtures/api-surface.json: missing in Kotlin $missing, not in the table $extra")
}

val surfaceSuite = suite("surface") {
    val table = Json.parse(fixture("api-surface.json").readText())

    test("every facet's operations have the table's names") {
        val facets = table["facets"] as Json.Obj
        assertTrue(facets.fields.size >= 4)
        for ((name, entry) in facets.fields) {
            val cls = (entry["kotlin"] as Json.Str).value
            check("facet $name ($cls)", entry, methodsOf("dk.brobygger.${cls}Interface"))
        }
    }

    test("the free functions have the table's names") {
        // Top-level functions of the generated file compile into one class; the plumbing that
        // file also holds is uniffi's own.
        val plumbing = setOf("uniffiEnsureInitialized", "uniffiTraitInterfaceCall", "uniffiTraitInterfaceCallWithError", "use",
            "uniffiRustCallAsync", "getUniffiContinuationHandleMap")  // the suspend functions' plumbing (ADR 0058)
        val actual = methodsOf("dk.brobygger.Brobygger_mobileKt") - plumbing
        check("free functions", table["functions"], actual)
    }

    test("the drift check sees a missing and an extra name") {
        val entry = Json.Obj(mapOf("operations" to Json.Arr(listOf(Json.Str("add_basis")))))
        assertFails { check("probe", entry, setOf("addProcessingBasis")) }
        check("probe", entry, setOf("addBasis"))
    }
}
