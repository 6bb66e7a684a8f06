// Spreadsheet lists and reminders through the Kotlin binding: the shared CSV fixtures give the
// same rows and problems (line, column, code, text) as Rust; files round-trip; errors arrive
// typed; a dossier's reminders match the shared fixture.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.LocalDate
import kotlin.test.*

private fun num(j: Json): Long = (j as Json.Num).value.toLong()

private fun problemRow(p: CsvProblem): List<Any?> =
    listOf(p.code, p.severity.name.lowercase(), p.line.toLong(), p.column.toLong(), p.columnName, p.row?.toLong(), p.text.en)

private fun expectedRow(j: Json): List<Any?> = listOf(
    j["code"].str, j["severity"].str, num(j["line"]), num(j["column"]),
    (j["column_name"] as? Json.Str)?.value, (j["row"] as? Json.Num)?.value?.toLong(), j["text"]["en"].str,
)

private fun csvCases(): List<Pair<String, java.io.File>> =
    (fixture("import").listFiles() ?: emptyArray())
        .filter { it.name.endsWith(".csv") }
        .sortedBy { it.name }
        .map { it.name.removeSuffix(".csv") to it }
        .also { check(it.size >= 6) { "CSV fixtures missing" } }

val importSuite = suite("import") {
    test("every CSV fixture reads to the same rows and problems as Rust") {
        for ((case, file) in csvCases()) {
            val options = CsvOptions(file.name, null, false)
            val expected = Json.parse(file.resolveSibling("$case.expected.json").readText())
            val (ids, problems, delimiter, encoding) = if (case.endsWith("newcomers")) {
                val r = checkNewcomersCsv(file.readBytes(), options)
                listOf(r.newcomers.map { it.id }, r.problems, r.delimiter, r.encoding)
            } else {
                val r = checkOffersCsv(file.readBytes(), options)
                listOf(r.offers.map { it.id }, r.problems, r.delimiter, r.encoding)
            }
            val rows = expected[if (case.endsWith("newcomers")) "newcomers" else "offers"].list.map { it["id"].str }
            assertEquals(rows, ids, case)
            @Suppress("UNCHECKED_CAST")
            assertEquals(expected["problems"].list.map(::expectedRow), (problems as List<CsvProblem>).map(::problemRow), case)
            assertEquals(expected["delimiter"].str, (delimiter as CsvDelimiter).name.lowercase(), case)
            assertEquals(expected["encoding"].str, (encoding as TextEncoding).name.lowercase(), case)
        }
    }

    test("the example's lists round-trip through CSV text") {
        val d = DossierHandle.example("ikast-brande")
        val text = fixture("import/ikast-newcomers.csv").readText()
        val newcomers = newcomersFromCsv(text, CsvOptions("ikast-newcomers.csv", null, false))
        assertEquals(d.cohorts()[0].newcomers, newcomers)
        assertEquals(text, newcomersToCsv(newcomers))
        val offersText = fixture("import/ikast-offers.csv").readText()
        val offers = offersFromCsv(offersText, CsvOptions(null, CsvDelimiter.COMMA, false))
        assertEquals(d.offers(), offers)
        assertEquals(offersText, offersToCsv(offers))
        assertEquals(listOf("id", "arrival"), csvColumns(CsvTable.NEWCOMERS).filter { it.required }.map { it.name })
    }

    test("Excel forms and workbooks read back to the same lists, as in Rust (issue 20)") {
        val d = DossierHandle.example("ikast-brande")
        val newcomers = d.cohorts()[0].newcomers
        val excel = newcomersToCsvStyled(newcomers, SheetStyle.EXCEL_DA)
        assertTrue(excel.startsWith("\uFEFFId;Ankomst;"))
        assertEquals(newcomers, checkNewcomersCsv(excel.toByteArray(), CsvOptions(null, null, false)).newcomers)
        for (lang in listOf(Lang.DA, null)) {
            val book = newcomersToXlsx(newcomers, lang)
            assertEquals('P'.code.toByte(), book[0])
            assertEquals(newcomers, checkNewcomersCsv(book, CsvOptions("nyankomne.xlsx", null, false)).newcomers)
            assertEquals(d.offers(), checkOffersCsv(offersToXlsx(d.offers(), lang), CsvOptions(null, null, false)).offers)
        }
        assertEquals(d.offers(), offersFromCsv(offersToCsvStyled(d.offers(), SheetStyle.EXCEL_EN), CsvOptions(null, null, false)))
        val bad = checkNewcomersCsv(fixture("import/danish-crlf-newcomers.csv").readBytes(), CsvOptions("n.csv", null, false))
        assertEquals(listOf(3u to 2u), bad.problems.filter { it.severity == Severity.ERROR }.map { it.line to it.column })
    }

    test("a file with errors throws Validation with every problem and its place") {
        val text = fixture("import/bad-newcomers.csv").readText()
        val e = assertThrows<BrobyggerException.Validation> {
            newcomersFromCsv(text, CsvOptions("bad-newcomers.csv", null, false))
        }
        assertEquals("import.invalid_csv", e.code)
        assertEquals(16, e.findings.size)
        assertEquals("newcomers[0].integration_contract_meeting", e.findings[0].path)
        assertTrue(e.findings[0].text.en.startsWith("bad-newcomers.csv:2:3 (integration_contract_meeting): "))
        assertTrue(e.findings.none { it.text.en.contains("Hajar") || it.text.da.contains("muslim") })
    }

    test("a matching run as CSV and a dossier's reminders, as in Rust") {
        val d = DossierHandle.example("ikast-brande")
        val run = d.matching().matchCohort(MatchRequest("ikast-2016-q1", "vvv-ikast",
            MatchOptions(Solver.OPTIMAL, LocalDate.of(2016, 4, 1), OfferRanking.SCORE, null)))
        val csv = matchRunToCsv(run, Lang.EN).lines().filter { it.isNotEmpty() }
        assertEquals("newcomer,status,offer,score,waiting_days,binding,reason", csv[0])
        assertEquals(1 + 48, csv.size)
        val reminders = d.reminders().due(LocalDate.of(2016, 3, 1), 14u)
        val expected = Json.parse(fixture("reminders/ikast-2016-03-01.expected.json").readText())
        assertEquals(
            expected.list.map { listOf(it["kind"].str, it["state"].str, it["due_on"].str, it["subject"].str, it["path"].str, it["text"]["en"].str) },
            reminders.map { listOf(it.kind.name.lowercase(), it.state.name.lowercase(), it.dueOn.toString(), it.subject, it.path, it.text.en) },
        )
    }
}
