// Cross-language golden vectors (tests/fixtures/vectors/): each case is run through the Kotlin
// API and its typed result projected into the same JSON shape Rust and Python build, then
// compared with the expected file structurally (parsed), not as text.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.io.File
import java.time.LocalDate
import kotlin.test.*

private fun obj(vararg pairs: Pair<String, Json>): Json = Json.Obj(linkedMapOf(*pairs))
private fun arr(items: List<Json>): Json = Json.Arr(items)
private fun str(s: String?): Json = if (s == null) Json.Null else Json.Str(s)
private fun num(d: Double?): Json = if (d == null) Json.Null else Json.Num(d)
private fun num(u: UInt?): Json = if (u == null) Json.Null else Json.Num(u.toDouble())
private fun num(i: Int): Json = Json.Num(i.toDouble())
private fun word(e: Enum<*>): Json = Json.Str(e.name.lowercase())
private fun text(t: Text): Json = obj("da" to str(t.da), "en" to str(t.en))

private fun finding(f: Finding): Json = obj(
    "severity" to word(f.severity), "code" to str(f.code), "path" to str(f.path),
    "da" to str(f.text.da), "en" to str(f.text.en),
)

private fun findings(fs: List<Finding>): Json = arr(fs.map(::finding))

private fun carrier(c: Carrier?): Json = when (c) {
    null -> Json.Null
    is Carrier.Post -> obj("type" to str("post"), "post" to str(c.post))
    is Carrier.Person -> obj("type" to str("person"), "person" to str(c.person))
}

private fun block(b: ReportBlock): Json = when (b) {
    is ReportBlock.Paragraph -> obj("type" to str("paragraph"), "text" to text(b.text), "size" to Json.Null)
    is ReportBlock.Heading -> obj("type" to str("heading"), "text" to text(b.text), "size" to Json.Null)
    is ReportBlock.Bullets -> obj("type" to str("bullets"), "text" to Json.Null, "size" to num(b.items.size))
    is ReportBlock.Table -> obj("type" to str("table"), "text" to Json.Null, "size" to num(b.rows.size))
    is ReportBlock.Matrix -> obj("type" to str("matrix"), "text" to Json.Null, "size" to num(b.map.rows.size))
}

private fun runOf(run: MatchRun): Json = obj(
    "matches" to arr(run.matches.map { obj("newcomer" to str(it.newcomer), "offer" to str(it.offer), "score" to num(it.score)) }),
    "unmatched" to arr(run.unmatched.map { str(it.newcomer) }),
    "total_score" to num(run.statistics.totalScore),
)

private val vectors: File get() = fixture("vectors")

private class Case(val input: Json) {
    fun s(key: String): String = input[key].str
    fun date(key: String): LocalDate = LocalDate.parse(s(key))
    fun file(key: String): String = File(vectors, s(key)).readText()
    fun dossier(): DossierHandle = s("dossier").let {
        if (it.startsWith("example:")) DossierHandle.example(it.removePrefix("example:")) else DossierHandle.load(File(vectors, it).path)
    }
    fun options(): MatchOptions = MatchOptions(
        Solver.valueOf(s("solver").uppercase()), date("as_of"), OfferRanking.valueOf(s("offer_ranking").uppercase()),
        (input["run_id"] as? Json.Str)?.value,
    )
}

/** Runs one case through the Kotlin API and projects its result into the vector shape. */
private fun run(c: Case): Json = when (c.s("operation")) {
    "validate" -> obj("findings" to findings(c.dossier().validate()))
    "party_duties" -> obj("duties" to arr(c.dossier().roles(c.s("agreement")).duties(parsePartyKey(c.s("party")), RoleOptions()).map {
        obj("task" to str(it.task.key), "role" to word(it.assignment.role), "carried_by" to carrier(it.assignment.carriedBy))
    }))
    "checklist_alignment" -> c.dossier().checklists().alignment(c.s("agreement"), c.s("template")).let { a ->
        obj(
            "score" to num(a.score), "coverage" to num(a.coverage), "open_critical" to num(a.counts.openCritical),
            "items" to arr(a.items.map { obj("item" to str(it.item), "status" to word(it.status), "score" to num(it.score)) }),
            "findings" to findings(a.findings),
        )
    }
    "match_run" -> {
        val rules = if (c.s("rules").endsWith(".toml")) ruleSetFromToml(c.file("rules")) else ruleSetFromJson(c.file("rules"))
        runOf(matchProfiles(rules, newcomersFromJson(c.file("newcomers")), offersFromJson(c.file("offers")), c.options()))
    }
    "volunteer_view" -> {
        val d = c.dossier()
        val r = d.matching().matchCohort(MatchRequest(c.s("cohort"), c.s("rule_set"), c.options()))
        d.matching().addRun(r)
        obj("views" to arr(d.matching().volunteerView(r.id, c.s("offer")).map { v ->
            obj(
                "newcomer" to str(v.newcomer),
                "shared" to arr(v.shared.map { obj("field" to str(it.field), "da" to str(it.value.da), "en" to str(it.value.en)) }),
                "explanation" to arr(v.explanation.map(::text)),
            )
        }))
    }
    "introductions_due" -> obj("findings" to findings(c.dossier().matching().introductionsDue(c.s("cohort"), c.date("on"))))
    "assessment" -> c.dossier().assessment().assess(c.s("agreement"), AssessmentOptions(c.date("as_of"), emptyList())).let { a ->
        obj(
            "overall" to num(a.overall),
            "dimensions" to arr(a.dimensions.map {
                obj("dimension" to word(it.dimension), "score" to num(it.score), "met" to num(it.met),
                    "applicable" to num(it.applicable), "not_assessed" to num(it.notAssessed))
            }),
            "checks" to arr(a.checks.map { obj("code" to str(it.code), "status" to word(it.status), "credit" to num(it.credit)) }),
        )
    }
    "report_sections" -> obj("sections" to arr(c.dossier().assessment().reportSections(c.s("agreement"), c.date("as_of")).map {
        obj("slot" to word(it.slot), "blocks" to arr(it.blocks.map(::block)))
    }))
    else -> fail("unknown operation ${c.s("operation")}")
}

/** The first difference between two JSON values, by path, for a readable failure. */
private fun diff(path: String, want: Json, got: Json): String? = when {
    want is Json.Obj && got is Json.Obj ->
        if (want.fields.keys != got.fields.keys) "$path: keys ${want.fields.keys} != ${got.fields.keys}"
        else want.fields.keys.firstNotNullOfOrNull { diff("$path.$it", want[it], got[it]) }
    want is Json.Arr && got is Json.Arr ->
        if (want.items.size != got.items.size) "$path: ${want.items.size} items != ${got.items.size}"
        else want.items.indices.firstNotNullOfOrNull { diff("$path[$it]", want[it], got[it]) }
    want == got -> null
    else -> "$path: expected $want, got $got"
}

val vectorsSuite = suite("vectors") {
    val inputs = cases("vectors")
    test("there is a vector for every main operation") {
        assertTrue(inputs.size >= 12)
        assertEquals(
            setOf("validate", "party_duties", "checklist_alignment", "match_run", "volunteer_view",
                "introductions_due", "assessment", "report_sections"),
            inputs.map { Json.parse(it.second.readText())["operation"].str }.toSet())
    }
    for ((case, input) in inputs) {
        test(case) {
            val expected = Json.parse(input.resolveSibling("$case.expected.json").readText())
            val actual = run(Case(Json.parse(input.readText())))
            diff("$", expected, actual)?.let { fail("$case: $it") }
        }
    }
}
