// Checklists through the Kotlin binding: the shared fixtures give the same answers as Rust, a
// mobile app lists a template's items in either language and submits answers, errors arrive as
// typed exceptions with their findings, and the rendered comparison matches the golden files.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.io.File
import java.time.Instant
import kotlin.test.*

private fun rows(findings: List<Finding>): List<Triple<String, String, String>> =
    findings.map { Triple(it.severity.name.lowercase(), it.code, it.path) }

private fun expectedRows(json: Json): List<Triple<String, String, String>> =
    json.list.map { Triple(it["severity"].str, it["code"].str, it["path"].str) }

private val Json.num: Double get() = (this as Json.Num).value
private val Json.bool: Boolean get() = (this as Json.Bool).value
private val Json.strOrNull: String? get() = if (this is Json.Null) null else str
private val Json.numOrNull: Double? get() = if (this is Json.Null) null else num

/** `<case>.input.<ext>` files in a fixture folder, sorted, for any of `exts`. */
private fun inputs(dir: String, vararg exts: String): List<Pair<String, File>> =
    (fixture(dir).listFiles() ?: emptyArray())
        .mapNotNull { f -> exts.firstNotNullOfOrNull { e -> f.name.removeSuffix(".input.$e").takeIf { it != f.name } }?.let { it to f } }
        .sortedBy { it.first }
        .also { check(it.isNotEmpty()) { "no cases in $dir" } }

private fun at(s: String): Instant = Instant.parse(s)

private fun holder(d: DossierHandle, post: String): String = d.posts().first { it.id == post }.holders.last().person

private val lawan = PartyRef.Organisation("DK-LOCAL-lawan-horsens")

val checklistsSuite = suite("checklists") {
    test("template fixtures load or fail exactly as in Rust") {
        for ((case, input) in inputs("checklists/templates", "toml", "json")) {
            val expected = Json.parse(input.resolveSibling("$case.expected.json").readText())
            val text = input.readText()
            val load = { if (input.name.endsWith(".toml")) checklistTemplateFromToml(text) else checklistTemplateFromJson(text) }
            when (expected["kind"].str) {
                "ok" -> {
                    val t = load()
                    assertEquals(expected["id"].str, t.id, case)
                    assertEquals(expected["version"].num.toUInt(), t.version, case)
                    assertEquals(expected["items"].num.toInt(), t.sections.sumOf { it.items.size }, case)
                }
                "parse" -> {
                    val e = assertThrows<BrobyggerException.Parse> { load() }
                    assertEquals(expected["code"].str, e.code, case)
                    assertEquals(expected["path"].str, e.path, case)
                    assertEquals(expected["line"].num.toUInt(), e.line, case)
                    assertEquals(expected["column"].num.toUInt(), e.column, case)
                    assertFalse(e.reason.contains("Fatima"), case)
                }
                "unsupported_version" -> {
                    val e = assertThrows<BrobyggerException.UnsupportedVersion> { load() }
                    assertEquals(expected["code"].str, e.code, case)
                }
                "validation" -> {
                    val e = assertThrows<BrobyggerException.Validation> { load() }
                    assertEquals(expected["code"].str, e.code, case)
                    assertEquals(expectedRows(expected["findings"]), rows(e.findings), case)
                }
                else -> fail("unknown kind in $case")
            }
        }
    }

    test("dossier fixtures: validation, comparisons and readiness match Rust") {
        for ((case, input) in inputs("checklists/dossiers", "json")) {
            val expected = Json.parse(input.resolveSibling("$case.expected.json").readText())
            val d = DossierHandle.load(input.path)
            assertEquals(expectedRows(expected["validation"]), rows(d.validate()), case)
            val alignments = d.agreements().flatMap { d.checklists().alignments(it.id) }
            assertEquals(expected["alignments"].list.size, alignments.size, case)
            for ((want, got) in expected["alignments"].list.zip(alignments)) {
                assertEquals(want["template"].str, got.template, case)
                assertEquals(want["score"].numOrNull, got.score, case)
                assertEquals(want["coverage"].num, got.coverage, case)
                assertEquals(want["counts"]["open_critical"].num.toUInt(), got.counts.openCritical, case)
                assertEquals(want["counts"]["resolved"].num.toUInt(), got.counts.resolved, case)
                assertEquals(want["columns"].list.map { it["session"].str to it["answered"].num.toUInt() },
                    got.columns.map { it.session to it.answered }, case)
                assertEquals(
                    want["items"].list.map { listOf(it["item"].str, it["status"].str, it["score"].numOrNull, it["resolved"].bool) },
                    got.items.map { listOf(it.item, it.status.name.lowercase(), it.score, it.resolved) }, case)
                assertEquals(expectedRows(want["findings"]), rows(got.findings), case)
            }
            for ((want, a) in expected["readiness"].list.zip(d.agreements())) {
                val r = d.checklists().readiness(a.id)
                assertEquals(want["ready"].bool, r.ready, case)
                assertEquals(expectedRows(want["findings"]), rows(r.findings), case)
                assertEquals(want["requirements"].list.map { q -> q["parties"].list.map { it["session"].strOrNull } },
                    r.requirements.map { q -> q.parties.map { it.session } }, case)
            }
        }
    }

    test("the rendered Horsens comparison matches the golden files in both languages and formats") {
        val d = DossierHandle.example("horsens")
        for ((lang, code) in listOf(Lang.DA to "da", Lang.EN to "en")) {
            for ((format, ext) in listOf(Format.MARKDOWN to "md", Format.HTML to "html")) {
                val expected = fixture("golden/checklist-horsens-joint-expectations-$code.$ext").readText()
                assertEquals(expected, d.checklists().renderComparison("horsens-lawan", "joint-expectations", format, lang), "$code $ext")
            }
            assertEquals(fixture("golden/checklist-summary-horsens-$code.txt").readText(), d.checklists().summary(lang))
            assertTrue(describeChecklistTemplate(checklistTemplate("joint-expectations", null), lang).contains("19. "))
            // The same from a comparison passed around as data.
            val alignment = d.checklists().alignment("horsens-lawan", "joint-expectations")
            assertEquals(fixture("golden/checklist-horsens-joint-expectations-$code.md").readText(),
                renderChecklistAlignment(alignment, Format.MARKDOWN, lang))
        }
    }

    test("an app lists a template's items in Danish or English, as in Rust") {
        val template = checklistTemplate("joint-expectations", null)
        for ((lang, code) in listOf(Lang.DA to "da", Lang.EN to "en")) {
            val expected = Json.parse(fixture("golden/checklist-items-joint-expectations-$code.json").readText()).list
            val items = checklistItems(template, lang)
            assertEquals(expected.size, items.size)
            for ((want, got) in expected.zip(items)) {
                assertEquals(want["item"].str, got.item)
                assertEquals(want["section_title"].str, got.sectionTitle)
                assertEquals(want["text"].str, got.text)
                assertEquals(want["kind"].str, got.kind.name.lowercase())
                assertEquals(want["options"].list.map { it["value"].str to it["label"].str }, got.options.map { it.value to it.label })
                assertEquals(want["unit"].strOrNull, got.unit)
                assertEquals(want["critical"].bool, got.critical)
                assertEquals(want["source"].strOrNull, got.source)
            }
        }
        assertEquals(7, checklistTemplates().size)
        assertEquals(checklistTemplateIds(), checklistTemplates().map { it.id })
        assertThrows<BrobyggerException.NotFound> { checklistTemplate("no-such", null) }
    }

    test("a party answers on its own, saves half-done, resumes and submits") {
        val d = DossierHandle.example("horsens")
        val by = holder(d, "lawan-chair")
        val template = d.checklists().template("kem-association-standpoint", null)
        val session = d.checklists().start(StartChecklist("horsens-lawan", lawan, "kem-association-standpoint", null, by, at("2017-06-21T18:00:00Z"), null))
        // The app builds answers from the item list: the first option of each choice, 3 on scales.
        val views = checklistItems(template, Lang.EN)
        val answers = views.map { v ->
            val value = when (v.kind) {
                AnswerKindName.YES_NO -> AnswerValue.YesNo(YesNo.YES)
                AnswerKindName.SCALE -> AnswerValue.Scale(5u)
                AnswerKindName.NUMBER -> AnswerValue.Number(45.0)
                AnswerKindName.CHOICE -> AnswerValue.Choice(listOf(v.options.first().value))
                AnswerKindName.TEXT -> AnswerValue.Text("Svar")
            }
            AnswerInput(v.item, value, null)
        }
        d.checklists().answer(session, answers.take(4), by, at("2017-06-21T18:10:00Z"))
        // Saved and loaded again, the session resumes where it was.
        val again = DossierHandle.fromJson(d.toJson())
        assertEquals(4, again.checklists().session(session).answers.size)
        val incomplete = assertThrows<BrobyggerException.Validation> { again.checklists().submit(session, by, at("2017-06-21T18:20:00Z")) }
        assertEquals("checklists.incomplete", incomplete.code)
        assertEquals(views.size - 4, incomplete.findings.size)
        again.checklists().answer(session, answers.drop(4), by, at("2017-06-21T18:30:00Z"))
        again.checklists().submit(session, by, at("2017-06-21T18:40:00Z"))
        val s = again.checklists().session(session)
        assertNotNull(s.submitted)
        assertEquals(at("2017-06-21T18:30:00Z"), s.answers.last().at)
        assertEquals(by, s.answers.first().by)
        // Now both sides have answered the standpoint: the municipality's 4 for interest meets LAWAN's 5.
        val alignment = again.checklists().alignment("horsens-lawan", "kem-association-standpoint")
        assertEquals(2, alignment.columns.size)
        val interest = alignment.items.first { it.item == "interest" }
        assertEquals(AlignmentStatus.MINOR_DIVERGENCE, interest.status)
        assertEquals(0.75, interest.score)
        val frozen = assertThrows<BrobyggerException.InvalidInput> { again.checklists().answer(session, answers.take(1), by, at("2017-06-22T10:00:00Z")) }
        assertEquals("checklists.session_submitted", frozen.code)
        assertTrue(again.validate().isEmpty())
    }

    test("bad answers throw Validation with every problem and change nothing") {
        val d = DossierHandle.example("horsens")
        val by = holder(d, "lawan-chair")
        val session = d.checklists().start(StartChecklist("horsens-lawan", lawan, "joint-expectations", 1u, by, at("2017-06-21T18:00:00Z"), "lawan-again"))
        assertEquals("lawan-again", session)
        val before = d.toJson()
        val e = assertThrows<BrobyggerException.Validation> {
            d.checklists().answer(session, listOf(
                AnswerInput("meetings-per-month", AnswerValue.Number(-2.0), null),
                AnswerInput("who-convenes", AnswerValue.Choice(listOf("the-mayor")), null),
                AnswerInput("no-such-item", AnswerValue.DontKnow, null),
            ), by, at("2017-06-21T18:10:00Z"))
        }
        assertEquals("checklists.invalid_answers", e.code)
        assertEquals(listOf("answers[0].value.value", "answers[1].value.selected[0]", "answers[2].item"), e.findings.map { it.path }.sorted())
        assertEquals(before, d.toJson())
        assertThrows<BrobyggerException.NotFound> { d.checklists().session("nope") }
        val notParty = assertThrows<BrobyggerException.InvalidInput> {
            d.checklists().start(StartChecklist("horsens-lawan", PartyRef.Organisation("DK-LOCAL-dansk-flygtningehjaelp"), "joint-expectations", null, by, at("2017-06-21T18:00:00Z"), null))
        }
        assertEquals("checklists.not_a_party", notParty.code)
    }

    test("signing waits for the open critical divergence; a resolution or an override lets it through") {
        val d = DossierHandle.example("horsens")
        val by = holder(d, "horsens-leisure-consultant")
        val readiness = d.checklists().readiness("horsens-lawan")
        assertFalse(readiness.ready)
        assertEquals(1u, readiness.requirements.single().openCritical)
        fun sign(override: String? = null) = TransitionRequest("horsens-lawan", AgreementStatus.SIGNED, by, at("2017-08-15T10:00:00Z"), null, override)
        val e = assertThrows<BrobyggerException.InvalidTransition> { d.lifecycle().transition(sign()) }
        val f = e.findings.single()
        assertEquals("checklists.critical_divergence", f.code)
        assertEquals(SeedDocument.LBB2017, f.source?.document)
        assertEquals("Hvornår skal frivilligtilbud introduceres?", f.source?.section)

        val overridden = DossierHandle.fromJson(d.toJson())
        val event = overridden.lifecycle().transition(sign("Introduktionen aftales på næste netværksmøde"))
        assertEquals(listOf("checklists.critical_divergence"), event.overrideRecord!!.overridden)

        d.checklists().resolve(ResolveItem("horsens-lawan", "joint-expectations", "introduce-when", by, at("2017-08-01T10:00:00Z"),
            "Kommunen introducerer tilbuddene ved samtalen om integrationskontrakten; LAWAN deltager."))
        assertTrue(d.checklists().readiness("horsens-lawan").ready)
        assertNull(d.lifecycle().transition(sign()).overrideRecord)
        val empty = assertThrows<BrobyggerException.InvalidInput> {
            d.checklists().resolve(ResolveItem("horsens-lawan", "joint-expectations", "success", by, at("2017-08-01T10:00:00Z"), " "))
        }
        assertEquals("checklists.empty_note", empty.code)
    }

    test("templates round-trip through TOML and JSON, and a dossier keeps its own templates") {
        for (t in checklistTemplates()) {
            assertEquals(t, checklistTemplateFromToml(checklistTemplateToToml(t)))
            assertEquals(t, checklistTemplateFromJson(checklistTemplateToJson(t)))
            assertTrue(validateChecklistTemplate(t).isEmpty())
        }
        val d = DossierHandle.example("ikast-brande")
        val mine = checklistTemplate("joint-expectations", null).copy(id = "ikast-internships", version = 1u)
        d.checklists().addTemplate(mine)
        assertEquals(mine, d.checklists().template("ikast-internships", 1u))
        assertThrows<BrobyggerException.InvalidInput> { d.checklists().addTemplate(mine) }
        val broken = mine.copy(id = "broken", sections = emptyList())
        val e = assertThrows<BrobyggerException.Validation> { d.checklists().addTemplate(broken) }
        assertEquals(listOf("sections"), e.findings.map { it.path })
        d.checklists().require(ChecklistRequirement("ikast-vvv", "ikast-internships", null,
            listOf(PartyRef.Organisation("DK-LOCAL-roede-kors-ikast")), null))
        val back = DossierHandle.fromJson(d.toJson())
        assertEquals(d.checklists().data(), back.checklists().data())
        assertTrue(back.checklists().removeRequirement("ikast-vvv", "ikast-internships"))
        assertTrue(back.validate().isEmpty())
    }
}
