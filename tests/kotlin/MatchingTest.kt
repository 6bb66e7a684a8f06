// Matching through the Kotlin binding: the shared fixtures give the same matches, findings and
// introduction plan as Rust; errors arrive typed; volunteers see only what they may.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.LocalDate
import kotlin.test.*

private fun matchingFile(name: String) = fixture("matching/$name").readText()

private fun loadRules(name: String): RuleSet =
    if (name.endsWith(".toml")) ruleSetFromToml(matchingFile(name)) else ruleSetFromJson(matchingFile(name))

private fun solverOf(s: String) = when (s) {
    "greedy" -> Solver.GREEDY
    "optimal" -> Solver.OPTIMAL
    "stable_newcomer_proposing" -> Solver.STABLE_NEWCOMER_PROPOSING
    "stable_offer_proposing" -> Solver.STABLE_OFFER_PROPOSING
    else -> fail("unknown solver $s")
}

private fun rankingOf(s: String) = if (s == "longest_waiting") OfferRanking.LONGEST_WAITING else OfferRanking.SCORE

private fun bindingRow(u: Unmatched): List<Any?> = when (val b = u.binding) {
    is BindingConstraint.NoOffers -> listOf(u.newcomer, "no_offers", null)
    is BindingConstraint.Rule -> listOf(u.newcomer, "rule", b.rule)
    is BindingConstraint.NoFreePlaces -> listOf(u.newcomer, "no_free_places", null)
    is BindingConstraint.PlacesTaken -> listOf(u.newcomer, "places_taken", null)
    is BindingConstraint.History -> listOf(u.newcomer, "history", null)
    is BindingConstraint.Seats -> listOf(u.newcomer, "seats", null)
}

private fun jsonRow(j: Json): List<Any?> = j.list.map {
    when (it) {
        is Json.Str -> it.value
        is Json.Num -> it.value
        is Json.Null -> null
        else -> fail("unexpected $it")
    }
}

private fun ikastRequest(solver: Solver) =
    MatchRequest("ikast-2016-q1", "vvv-ikast", MatchOptions(solver, LocalDate.of(2016, 4, 1), OfferRanking.SCORE, null))

val matchingSuite = suite("matching") {
    test("run fixtures give the same matches, scores and binding constraints as Rust") {
        val runs = cases("matching").filter { !it.first.startsWith("intro") }
        assertTrue(runs.size >= 8)
        for ((case, input) in runs) {
            val i = Json.parse(input.readText())
            val run = matchProfiles(
                loadRules(i["rules"].str),
                newcomersFromJson(matchingFile(i["newcomers"].str)),
                offersFromJson(matchingFile(i["offers"].str)),
                MatchOptions(solverOf(i["solver"].str), LocalDate.parse(i["as_of"].str), rankingOf(i["offer_ranking"].str), null),
            )
            val expected = Json.parse(input.resolveSibling("$case.expected.json").readText())
            assertEquals(expected["matches"].list.map(::jsonRow), run.matches.map { listOf(it.newcomer, it.offer, it.score) }, case)
            assertEquals(expected["unmatched"].list.map(::jsonRow), run.unmatched.map(::bindingRow), case)
            assertEquals((expected["total_score"] as Json.Num).value, run.statistics.totalScore, case)
        }
    }

    test("explicit preference lists give both optimal stable matchings") {
        val p = Json.parse(matchingFile("hospital-residents.preferences.json"))
        fun rankings(j: Json) = j.list.map { Ranking(it["id"].str, it["prefers"].list.map { x -> x.str }) }
        val problem = PreferenceProblem(
            rankings(p["residents"]), rankings(p["hospitals"]),
            p["capacities"].list.map { Places(it["id"].str, (it["capacity"] as Json.Num).value.toInt().toUInt()) })
        val expected = Json.parse(matchingFile("hospital-residents.expected.json"))
        for ((key, side) in listOf("residents_optimal" to ProposingSide.NEWCOMERS, "hospitals_optimal" to ProposingSide.OFFERS)) {
            val a = stableMatching(problem, side)
            assertEquals(expected[key]["pairs"].list.map(::jsonRow), a.pairs.map { listOf(it.resident, it.hospital) }, key)
            assertEquals(expected[key]["unmatched_residents"].list.map { it.str }, a.unmatchedResidents, key)
        }
        val bad = problem.copy(residents = problem.residents + Ranking("r9", listOf("h-unknown")))
        val e = assertThrows<BrobyggerException.Validation> { stableMatching(bad, ProposingSide.NEWCOMERS) }
        assertEquals(listOf("residents[4].prefers[0]"), e.findings.map { it.path })
    }

    test("ties give the same weakly stable matchings as Rust and Python") {
        val p = Json.parse(matchingFile("ties.preferences.json"))
        fun rankings(j: Json) = j.list.map { TiedRanking(it["id"].str, it["prefers"].list.map { g -> g.list.map { x -> x.str } }) }
        val problem = TiedPreferenceProblem(
            rankings(p["residents"]), rankings(p["hospitals"]),
            p["capacities"].list.map { Places(it["id"].str, (it["capacity"] as Json.Num).value.toInt().toUInt()) })
        val expected = Json.parse(matchingFile("ties.expected.json"))
        fun check(key: String, a: TiesAssignment) {
            val e = expected[key]
            assertEquals(e["pairs"].list.map { listOf(it["resident"].str, it["hospital"].str) }, a.pairs.map { listOf(it.resident, it.hospital) }, key)
            assertEquals(e["unmatched_residents"].list.map { it.str }, a.unmatchedResidents, key)
            assertEquals((e["size"] as Json.Num).value.toInt(), a.size.toInt(), key)
            assertEquals((e["bound"] as Json.Num).value.toInt(), a.bound.toInt(), key)
            assertEquals((e["blocking_pairs"] as Json.Num).value.toInt(), a.blockingPairs.toInt(), key)
            assertEquals((e["exact"] as Json.Bool).value, a.exact, key)
            assertEquals(e["method"].str, a.method.name.lowercase(), key)
        }
        check("residents_optimal", weaklyStableMatching(problem, ProposingSide.NEWCOMERS))
        check("hospitals_optimal", weaklyStableMatching(problem, ProposingSide.OFFERS))
        val largest = largestWeaklyStableMatching(problem)
        check("largest", largest)
        assertTrue(largest.exact)
        val bad = problem.copy(residents = problem.residents + TiedRanking("r9", listOf(listOf("h1"), listOf("h-unknown"))))
        val e = assertThrows<BrobyggerException.Validation> { largestWeaklyStableMatching(bad) }
        assertEquals(listOf("residents[6].prefers[1][0]"), e.findings.map { it.path })
    }

    test("an invalid rule set reports every problem with its path, like Rust") {
        val findings = validateRuleSet(ruleSetFromToml(matchingFile("invalid.rules.toml")))
        val expected = Json.parse(matchingFile("invalid.expected.json"))["findings"]
        assertEquals(
            expected.list.map { listOf(it["severity"].str, it["code"].str, it["path"].str) },
            findings.map { listOf(it.severity.name.lowercase(), it.code, it.path) })
        assertTrue(findings.all { it.text.da.isNotBlank() && it.text.en.isNotBlank() })
    }

    test("TOML parse errors carry path and line; TOML and JSON rule sets agree") {
        val e = assertThrows<BrobyggerException.Parse> {
            ruleSetFromToml("schema_version = 1\nid = \"x\"\ntitle = { da = \"a\", en = \"b\" }\nrules = 3\n")
        }
        assertEquals("rules", e.path)
        assertEquals(4u, e.line)
        val d = DossierHandle.example("ikast-brande")
        val fromToml = loadRules("vvv-ikast.rules.toml")
        assertEquals(d.ruleSets()[0], fromToml)
        assertEquals(fromToml, ruleSetFromToml(ruleSetToToml(fromToml)))
        assertTrue(fromToml.rules.any { it.strength is Strength.Soft && it.kind is RuleKind.Distance })
    }

    test("introduction status and cohort view match the Rust fixture") {
        val i = Json.parse(matchingFile("intro-ikast.input.json"))
        val expected = Json.parse(matchingFile("intro-ikast.expected.json"))
        val d = DossierHandle.example(i["example"].str)
        val status = d.matching().introductionStatus(i["cohort"].str, LocalDate.parse(i["status_on"].str))
        assertEquals(
            expected["status"].list.map { r -> listOf(r[0].str, r[1].str, r[2].str, r[3].str, (r[4] as Json.Num).value.toInt()) },
            status.map { listOf(it.newcomer, it.state.name.lowercase(), it.dueOn.toString(), it.deadline.toString(), it.introductions.toInt()) })
        val view = d.matching().cohortView(i["cohort"].str, LocalDate.parse(i["view_on"].str))
        assertEquals(expected["not_offered_within_deadline"].list.map { it.str }, view.notOfferedWithinDeadline)
        assertEquals(expected["fewer_than_minimum"].list.map { it[0].str }, view.fewerThanMinimum.map { it.newcomer })
        assertTrue(view.findings.all { it.source?.document == SeedDocument.LBB2017 })
        val plan = defaultIntroductionPlan()
        assertEquals(30u, plan.firstWithinDays)
        assertEquals(3u, plan.deadlineMonths)
    }

    test("recording introductions: due and overdue change; bad input throws and changes nothing") {
        val d = DossierHandle.example("ikast-brande")
        val on = LocalDate.of(2016, 3, 20)
        val overdue = d.matching().introductionsDue("ikast-2016-q1", on).filter { it.code == "introduction.overdue" }
        assertTrue(overdue.any { it.path == "cohorts[0].newcomers[1]" })
        val before = d.toJson()
        val early = IntroductionRecord("nc-5120-7741", LocalDate.of(2015, 1, 1), IntroductionSetting.FOLLOW_UP_CONVERSATION, listOf(), null)
        assertEquals("introduction.before_arrival", assertThrows<BrobyggerException.InvalidInput> { d.matching().recordIntroduction("ikast-2016-q1", early) }.code)
        assertThrows<BrobyggerException.NotFound> { d.matching().recordIntroduction("no-cohort", early) }
        assertEquals(before, d.toJson())
        d.matching().recordIntroduction("ikast-2016-q1", early.copy(on = on, offers = listOf("vvv-cp-brande")))
        val s = d.matching().introductionStatus("ikast-2016-q1", on).first { it.newcomer == "nc-5120-7741" }
        assertEquals(IntroductionState.UPCOMING, s.state)
        assertEquals(LocalDate.of(2016, 4, 19), s.dueOn)
    }

    test("a stored run gives volunteers their matches with shareable fields only") {
        val d = DossierHandle.example("ikast-brande")
        val run = d.matching().matchCohort(ikastRequest(Solver.OPTIMAL))
        assertEquals(run, d.matching().matchCohort(ikastRequest(Solver.OPTIMAL)))
        d.matching().addRun(run)
        assertThrows<BrobyggerException.InvalidInput> { d.matching().addRun(run) }
        assertEquals(1, d.matchRuns().size)
        val views = d.matching().volunteerView(run.id, "vvv-womens-group")
        assertEquals(6, views.size)  // the women's group's six places
        for (v in views) {
            assertTrue(v.shared.any { it.field == "languages" })
            assertTrue(v.shared.none { it.field == "preferences" || it.field == "needs" })
            assertFalse(v.toString().contains("female") || v.toString().contains("kvinde"))
        }
        assertEquals(28, run.unmatched.size)
        val unmatched = run.unmatched.first { it.newcomer == "nc-5120-7741" }
        assertEquals("No offer within 25 km speaks Tigrinya (at least A2).", unmatched.reasons[0].en)
        assertTrue(run.unmetDemand.any { it.demand == Demand.Language("ti") })
        assertEquals(DossierHandle.fromJson(d.toJson()).data(), d.data())
    }

    test("profiles from JSON: a bad field is a Parse error with its path and no value") {
        val e = assertThrows<BrobyggerException.Parse> {
            newcomersFromJson("""[{"id": "nc-1", "arrival": "2016-01-01", "area": 7}]""")
        }
        assertEquals("[0].area", e.path)
        val e2 = assertThrows<BrobyggerException.Parse> {
            offersFromJson("""[{"id": "o", "kind": "Fatima Hansen", "title": "t", "capacity": 1}]""")
        }
        assertFalse(e2.reason.contains("Fatima"))
    }
}

// The presentation layer through the binding: the same tables and words as Rust and Python.
val presentSuite = suite("present") {
    test("a match run's tables and document come from the core, in both languages") {
        val d = DossierHandle.example("ikast-brande")
        val run = d.matching().matchCohort(ikastRequest(Solver.OPTIMAL))
        val tables = matchRunTables(run, Lang.DA)
        assertEquals(
            listOf("match_outcome", "matches", "match_rules", "unmatched", "unmet_demand", "unused_offers", "match_statistics", "alternatives", "why_not"),
            tables.map { it.name },
        )
        val matches = tables.first { it.name == "matches" }
        assertEquals(run.matches.size, matches.rows.size)
        assertEquals(listOf("run", "newcomer", "offer", "score", "waiting_days", "hard_rules", "soft_rules_scoring"), matches.columns.map { it.name })
        assertEquals(ColumnType.DECIMAL, matches.columns.first { it.name == "score" }.kind)
        assertEquals(emptyTable("matches").columns, matches.columns)
        val text = renderMatchRun(run, Format.TEXT, Lang.DA)
        assertTrue(text.contains("Matchet 20 af 48 · pointsum 108,51"), text)
        assertTrue(renderMatchRun(run, Format.HTML_FRAGMENT, Lang.EN).contains("<h2>Not matched</h2>"))
        assertTrue(renderTable(matches, Format.MARKDOWN, Lang.DA).contains("| Point |"))
        assertTrue(tableCsv(matches).startsWith("run,newcomer,offer,score,waiting_days"))
        assertTrue(tableNames().contains("scores"))
        assertThrows<BrobyggerException.NotFound> { emptyTable("no-such-table") }
    }
}
