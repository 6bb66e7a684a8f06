// Assessment, surveys and reports through the Kotlin binding: the same answers as Rust on the
// shared fixtures (tests/fixtures/assessment), typed errors, and data classes that convert both
// ways (external findings and report sections go in, assessments and estimates come out).
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.LocalDate
import kotlin.math.abs
import kotlin.test.*

private val Json.num: Double get() = (this as Json.Num).value
private val Json.isNull: Boolean get() = this == Json.Null
private fun Json.strOrNull(): String? = if (isNull) null else str

private fun enumName(e: Enum<*>?): String? = e?.name?.lowercase()

private fun assertClose(expected: Json, actual: Double?, what: String) {
    if (expected.isNull) {
        assertNull(actual, what)
    } else {
        assertNotNull(actual, what)
        assertTrue(abs(expected.num - actual) < 1e-9, "$what: expected ${expected.num}, got $actual")
    }
}

private fun externalFrom(json: Json): List<ExternalFindings> = json.list.map { g ->
    ExternalFindings(
        g["source"].str,
        g["findings"].list.map { f ->
            Finding(
                f["code"].str,
                Severity.valueOf(f["severity"].str.uppercase()),
                f["path"].str,
                Text(f["text"]["da"].str, f["text"]["en"].str),
                null,
            )
        },
    )
}

private fun assertEstimate(expected: Json, actual: ShareEstimate, what: String) {
    assertEquals(expected["question"].str, actual.question, what)
    assertEquals(expected["group"].strOrNull(), enumName(actual.group), what)
    assertEquals(expected["positive"].num.toUInt(), actual.positive, what)
    assertEquals(expected["respondents"].num.toUInt(), actual.respondents, what)
    assertClose(expected["share"], actual.share, "$what share")
    assertClose(expected["interval"]["low"], actual.interval.low, "$what low")
    assertClose(expected["interval"]["high"], actual.interval.high, "$what high")
    assertClose(expected["reference"], actual.reference, "$what reference")
}

val assessmentSuite = suite("assessment") {
    test("fixture cases give the same assessment as Rust, or the same error") {
        for ((case, input) in cases("assessment")) {
            val inp = Json.parse(input.readText())
            val expected = Json.parse(input.resolveSibling("$case.expected.json").readText())
            val d = DossierHandle.example(inp["example"].str)
            val options = AssessmentOptions(LocalDate.parse(inp["as_of"].str), externalFrom(inp["external"]))
            if (!expected["error"].isNull) {
                val e = assertThrows<BrobyggerException> { d.assessment().assess(inp["agreement"].str, options) }
                when (e) {
                    is BrobyggerException.InvalidInput -> {
                        assertEquals(expected["error"]["code"].str, e.code, case)
                        assertEquals(expected["error"]["path"].str, e.path, case)
                    }
                    is BrobyggerException.NotFound -> assertEquals(expected["error"]["code"].str, e.code, case)
                    else -> fail("$case: unexpected $e")
                }
                continue
            }
            val a = d.assessment().assess(inp["agreement"].str, options)
            assertEquals(expected["agreement"].str, a.agreement, case)
            assertEquals(LocalDate.parse(expected["as_of"].str), a.asOf, case)
            assertEquals(expected["status"].str, enumName(a.status), case)
            assertEquals(expected["version"].num.toUInt(), a.version, case)
            assertClose(expected["overall"], a.overall?.toDouble(), "$case overall")
            assertEquals(
                expected["dimensions"].list.map { Triple(it["dimension"].str, it["score"].let { s -> if (s.isNull) null else s.num.toInt() }, it["band"].strOrNull()) },
                a.dimensions.map { Triple(enumName(it.dimension)!!, it.score?.toInt(), enumName(it.band)) },
                case,
            )
            assertEquals(expected["checks"].list.map { it["code"].str to it["status"].str }, a.checks.map { it.code to enumName(it.status) }, case)
            for ((e, c) in expected["checks"].list.zip(a.checks)) assertClose(e["credit"], c.credit, "$case ${c.code}")
            assertEquals(
                expected["findings"].list.map { listOf(it["code"].str, it["severity"].str, it["path"].str, it["dimension"].str, it["check"].str) },
                a.findings.map { listOf(it.finding.code, enumName(it.finding.severity)!!, it.finding.path, enumName(it.dimension)!!, it.check) },
                case,
            )
        }
    }

    test("every finding carries evidence and advice in both languages; the assessment's own cite a source") {
        val a = DossierHandle.example("ikast-brande").assessment().assess("ikast-vvv", AssessmentOptions(LocalDate.of(2019, 6, 30), emptyList()))
        assertTrue(a.findings.isNotEmpty())
        for (f in a.findings) {
            assertTrue(f.evidence.isNotEmpty(), f.finding.code)
            assertTrue(f.advice.da.isNotBlank() && f.advice.en.isNotBlank(), f.finding.code)
            // The roles and checklists modules' findings keep their own (optional) source.
            if (f.finding.code.startsWith("assessment.")) assertNotNull(f.finding.source, f.finding.code)
        }
        assertTrue(a.findings.any { it.finding.code == "roles.load_exceeds_hours" })
        val meetings = a.dimensions.first { it.dimension == Dimension.MEETINGS }
        assertTrue(meetings.reason.en.contains("Invitations in good time"), meetings.reason.en)
    }

    test("the catalogue and the Wilson intervals match Rust") {
        val catalogue = assessmentCatalogue()
        assertEquals(43, catalogue.size)
        assertTrue(catalogue.filter { it.basis == CheckBasis.EXTERNAL }.all { it.externalSources.isNotEmpty() })
        val w = Json.parse(fixture("assessment/wilson.json").readText())
        for (c in w["cases"].list) {
            val i = wilsonInterval(c["successes"].num.toUInt(), c["n"].num.toUInt(), w["z"].num)!!
            assertTrue(abs(i.low - c["low"].num) < w["tolerance"].num, "$c $i")
            assertTrue(abs(i.high - c["high"].num) < w["tolerance"].num, "$c $i")
        }
        assertNull(wilsonInterval(1u, 0u, 1.96))
    }

    test("survey shares and changes match Rust") {
        val d = DossierHandle.example("aalborg")
        val expected = Json.parse(fixture("assessment/survey-aalborg.expected.json").readText())
        for (id in listOf("aalborg-lbb-2015", "aalborg-lbb-2016")) {
            val exp = expected["results"][id].list
            val actual = d.surveys().results(id)
            assertEquals(exp.size, actual.size, id)
            for ((e, a) in exp.zip(actual)) assertEstimate(e, a, id)
        }
        val changes = d.surveys().compare("aalborg-lbb-2015", "aalborg-lbb-2016")
        val exp = expected["changes"].list
        assertEquals(exp.size, changes.size)
        for ((e, c) in exp.zip(changes)) {
            assertEstimate(e["before"], c.before, "before")
            assertEstimate(e["after"], c.after, "after")
            assertClose(e["change"], c.change, "change")
            assertEquals((e["significant"] as Json.Bool).value, c.significant)
        }
        assertThrows<BrobyggerException.NotFound> { d.surveys().results("nope") }
    }

    test("responses are recorded all or nothing; invalid rounds are refused") {
        val d = DossierHandle.example("aalborg")
        val round = d.surveys().data().last().copy(id = "2018", tallies = emptyList(), closedOn = LocalDate.of(2018, 5, 1))
        d.surveys().add(round)
        repeat(6) { d.surveys().recordResponse("2018", RespondentGroup.NEWCOMER, listOf(SurveyAnswer("cooperation", LikertAnswer.AGREE))) }
        val e = assertThrows<BrobyggerException.InvalidInput> {
            d.surveys().recordResponse("2018", RespondentGroup.NEWCOMER, listOf(SurveyAnswer("cooperation", LikertAnswer.AGREE), SurveyAnswer("ghost", LikertAnswer.AGREE)))
        }
        assertEquals("answers[1].question", e.path)
        val newcomers = d.surveys().results("2018").first { it.group == RespondentGroup.NEWCOMER }
        assertEquals(6u to 6u, newcomers.positive to newcomers.respondents)
        assertEquals(1.0, newcomers.interval.high)
        val bad = assertThrows<BrobyggerException.Validation> { d.surveys().add(round.copy(id = "bad", agreement = "missing")) }
        assertTrue(bad.findings.any { it.path == "surveys[3].agreement" && it.code == "validation.dangling_reference" })
        assertEquals(3, d.surveys().data().size)
    }

    test("golden reports match Rust in both languages and formats") {
        val list = Json.parse(fixture("assessment/golden/reports.json").readText())
        var n = 0
        for (c in list["cases"].list) {
            val d = DossierHandle.example(c["example"].str)
            for (lang in list["langs"].list) {
                for (ext in c["formats"].list) {
                    val format = if (ext.str == "md") Format.MARKDOWN else Format.HTML
                    val options = ReportOptions(LocalDate.parse(c["as_of"].str), Lang.valueOf(lang.str.uppercase()), format, emptyList(), emptyList())
                    val golden = fixture("assessment/golden/report-${c["agreement"].str}-${lang.str}.${ext.str}").readText()
                    assertEquals(golden, d.assessment().report(c["agreement"].str, options), "${c["agreement"].str} ${lang.str} ${ext.str}")
                    n++
                }
            }
        }
        assertEquals(12, n)
    }

    test("report slots take a role matrix from Kotlin; the assessment renders alone") {
        val d = DossierHandle.example("aalborg")
        val map = HeatMap(
            Text("Rollefordeling", "Role split"),
            listOf(Text("Lektiecafé", "Homework café")),
            listOf(Text("Kommunen", "Municipality"), Text("Røde Kors", "Red Cross")),
            listOf(HeatCell(0u, 1u, 1.0, Text("ansvarlig", "responsible"))),
            Text("Mørk: ansvarlig", "Dark: responsible"),
        )
        val section = ReportSection(ReportSlot.ROLE_SPLIT, listOf(ReportBlock.Matrix(map)))
        val html = d.assessment().report("aalborg-lbb", ReportOptions(LocalDate.of(2017, 6, 30), Lang.EN, Format.HTML, emptyList(), listOf(section)))
        val slot = html.substringAfter("<!-- brobygger:slot role_split begin -->").substringBefore("<!-- brobygger:slot role_split end -->")
        assertTrue(slot.contains("<svg") && slot.contains("Homework café"))
        val bad = section.copy(blocks = listOf(ReportBlock.Matrix(map.copy(cells = listOf(HeatCell(5u, 0u, 0.5, Text("x", "x")))))))
        val e = assertThrows<BrobyggerException.InvalidInput> {
            d.assessment().report("aalborg-lbb", ReportOptions(LocalDate.of(2017, 6, 30), Lang.EN, Format.HTML, emptyList(), listOf(bad)))
        }
        assertEquals("report.cell_out_of_range", e.code)
        val a = d.assessment().assess("aalborg-lbb", AssessmentOptions(LocalDate.of(2017, 6, 30), emptyList()))
        assertTrue(renderAssessment(a, Lang.DA, Format.HTML_FRAGMENT).startsWith("<div class=\"bb-report\" lang=\"da\">"))
        assertEquals(d.assessment().assessAll(LocalDate.of(2017, 6, 30)), listOf(a))
    }
}
