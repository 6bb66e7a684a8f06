// Privacy through the Kotlin binding: the shared fixtures in tests/fixtures/privacy/ give the same
// consent gate, disclosure states and errors, views, safe tables, retention, anonymisation and
// pseudonyms as Rust and Python; errors arrive typed and change nothing; keys never show.
package dk.brobygger.tests

import dk.brobygger.*
import dk.brobygger.core.*
import java.time.Instant
import java.time.LocalDate
import kotlin.test.*

private fun privacyCases(prefix: String) = cases("privacy").filter { it.first.startsWith(prefix) }.also { check(it.isNotEmpty()) }

private fun expectedOf(input: java.io.File, case: String) = Json.parse(input.resolveSibling("$case.expected.json").readText())

/** Plain Kotlin values as the fixture reader's tree, so digests compare with `==`. */
private fun j(v: Any?): Json = when (v) {
    null -> Json.Null
    is Json -> v
    is String -> Json.Str(v)
    is Double -> Json.Num(v)
    is Int -> Json.Num(v.toDouble())
    is UInt -> Json.Num(v.toDouble())
    is ULong -> Json.Num(v.toDouble())
    is Boolean -> Json.Bool(v)
    is LocalDate -> Json.Str(v.toString())
    is Instant -> Json.Str(v.toString())
    is Enum<*> -> Json.Str(v.name.lowercase())
    is List<*> -> Json.Arr(v.map { j(it) })
    is Map<*, *> -> Json.Obj(v.entries.associate { (it.key as String) to j(it.value) })
    else -> fail("cannot convert $v")
}

private fun recipientKey(r: Recipient): String = when (r) {
    is Recipient.Household -> "newcomer:${r.newcomer}"
    is Recipient.Volunteer -> "offer:${r.offer}"
    is Recipient.Group -> "audience:${r.audience.name.lowercase()}"
}

private fun targetKey(t: RecordRef): String = when (t) {
    is RecordRef.Proposal -> "proposal:${t.proposal}"
    is RecordRef.Household -> "newcomer:${t.newcomer}"
    is RecordRef.Run -> "run:${t.run}"
    is RecordRef.Consent -> "consent:${t.consent}"
    is RecordRef.Person -> "person:${t.person}"
}

private fun viewerOf(v: Json): Viewer = when (v["type"].str) {
    "municipal_caseworker" -> Viewer.MunicipalCaseworker
    "coordinator" -> Viewer.Coordinator
    "analyst" -> Viewer.Analyst
    "volunteer" -> Viewer.Volunteer(v["offer"].str)
    else -> fail("viewer ${v["type"]}")
}

private fun keyOf(i: Json): PseudonymKey? =
    if (i["key_hex"] == Json.Null) null else PseudonymKey.fromHex(i["key_domain"].str, i["key_hex"].str)

private fun instant(s: String): Instant = Instant.parse(s)

private fun day(s: String): LocalDate = LocalDate.parse(s)

private fun solverOf(s: String) = Solver.valueOf(s.uppercase())

private fun fieldsDigest(fields: List<FieldDisclosure>) =
    fields.map { listOf(it.field, it.treatment, it.basis?.let(::basisKey)) }

private fun disclosuresDigest(ds: List<Disclosure>) =
    ds.map { listOf(subjectKey(it.subject), recipientKey(it.recipient), it.fields, basisKey(it.basis)) }

private fun ikastRun(d: DossierHandle, on: LocalDate) =
    d.matching().matchCohort(MatchRequest("ikast-2016-q1", "vvv-ikast", MatchOptions(Solver.OPTIMAL, on, OfferRanking.SCORE, null)))

private fun step(d: DossierHandle, s: Json): Any? = when (s["op"].str) {
    "propose" -> d.privacy().propose(
        ProposeMatch(s["newcomer"].str, s["offer"].str, instant(s["at"].str),
            if (s["expires_on"] == Json.Null) null else day(s["expires_on"].str), null,
            if (s["id"] == Json.Null) null else s["id"].str, null))
    "accept" -> d.privacy().accept(s["proposal"].str, ProposalSide.valueOf(s["side"].str.uppercase()), instant(s["at"].str), null)
    "decline" -> d.privacy().decline(s["proposal"].str, ProposalSide.valueOf(s["side"].str.uppercase()), instant(s["at"].str), null)
    "withdraw_proposal" -> d.privacy().withdrawProposal(s["proposal"].str, instant(s["at"].str), null)
    "release" -> {
        fun fields(k: String) = if (s[k] == Json.Null) listOf() else s[k].list.map { ContactField.valueOf(it.str.uppercase()) }
        disclosuresDigest(d.privacy().release(ReleaseRequest(s["proposal"].str, instant(s["at"].str), fields("to_volunteer"), fields("to_household"), null)))
    }
    "withdraw_consent" -> d.privacy().withdrawConsent(s["consent"].str, day(s["on"].str)).let { r ->
        mapOf("closed" to r.closedProposals, "runs" to r.dependentRuns, "findings" to r.findings.map { listOf(it.code, it.path) })
    }
    "expire" -> d.privacy().expire(day(s["on"].str))
    else -> fail("op ${s["op"]}")
}

val privacySuite = suite("privacy") {
    test("the consent gate uses sensitive attributes only under a basis, like Rust") {
        for ((case, input) in privacyCases("gate-")) {
            val i = Json.parse(input.readText())
            val d = DossierHandle.example(i["example"].str)
            if (i["withdraw"] != Json.Null) for (w in i["withdraw"].list) d.privacy().withdrawConsent(w["consent"].str, day(w["on"].str))
            val run = d.matching().matchCohort(MatchRequest(i["cohort"].str, i["rule_set"].str,
                MatchOptions(solverOf(i["solver"].str), day(i["as_of"].str), OfferRanking.SCORE, null)))
            val got = j(mapOf(
                "matches" to run.matches.map { listOf(it.newcomer, it.offer, it.score) },
                "unmatched" to run.unmatched.map {
                    listOf(it.newcomer, when (it.binding) {
                        is BindingConstraint.NoOffers -> "no_offers"
                        is BindingConstraint.Rule -> "rule"
                        is BindingConstraint.NoFreePlaces -> "no_free_places"
                        is BindingConstraint.PlacesTaken -> "places_taken"
                        is BindingConstraint.History -> "history"
                        is BindingConstraint.Seats -> "seats"
                    })
                },
                "withheld" to run.withheld.map { listOf(subjectKey(it.subject), it.attribute, it.rules) },
                "uses" to run.sensitiveUses.map { listOf(subjectKey(it.subject), it.attribute, basisKey(it.basis)) },
                "not_applied" to run.matches.flatMap { m ->
                    m.explanation.filter { it.text.en.contains("was not applied") }.map { listOf(m.newcomer, it.rule) }
                },
            ))
            assertEquals(expectedOf(input, case), got, case)
        }
    }

    test("disclosure scripts give the same states, errors and manifest; failed steps change nothing") {
        for ((case, input) in privacyCases("disclosure-")) {
            val i = Json.parse(input.readText())
            val d = DossierHandle.example(i["example"].str)
            val results = mutableListOf<Any?>()
            for (s in i["steps"].list) {
                val before = d.toJson()
                try {
                    results += mapOf("ok" to step(d, s))
                } catch (e: BrobyggerException) {
                    assertEquals(before, d.toJson(), "$case: a failed step changed the dossier")
                    results += mapOf("error" to errorCode(e))
                }
            }
            val states = d.privacy().proposals().associate { it.id to d.privacy().proposalState(it.id, null) }
            val manifest = d.privacy().manifest(null, null).entries.map {
                listOf(it.at, it.subject?.let(::subjectKey), recipientKey(it.recipient), it.fields, it.basis?.let(::basisKey), it.reason.en)
            }
            assertEquals(expectedOf(input, case), j(mapOf("results" to results, "states" to states, "manifest" to manifest)), case)
        }
    }

    test("each audience's view holds only what it may see, like Rust") {
        for ((case, input) in privacyCases("view-")) {
            val i = Json.parse(input.readText())
            val d = DossierHandle.example(i["example"].str)
            val on = day(i["on"].str)
            val v = viewerOf(i["viewer"])
            val got: Any = try {
                when {
                    i["newcomer"] != Json.Null -> d.privacy().viewNewcomer(i["newcomer"].str, v, on, keyOf(i)).let {
                        mapOf("id" to it.newcomer.id, "arrival" to it.newcomer.arrival, "area" to it.newcomer.area,
                            "children_ages" to it.newcomer.household.childrenAges, "fields" to fieldsDigest(it.fields),
                            "withheld" to it.withheld)
                    }
                    i["offer"] != Json.Null -> d.privacy().viewOffer(i["offer"].str, v, on).let {
                        mapOf("title" to it.offer.title, "fields" to fieldsDigest(it.fields), "withheld" to it.withheld)
                    }
                    else -> d.privacy().viewProposal(i["proposal"].str, v, on, keyOf(i)).let {
                        mapOf("state" to it.state, "score" to it.score, "shared" to it.shared.map { f -> listOf(f.field, f.value.en) },
                            "explanation" to it.explanation.map { t -> t.en }, "released" to it.released,
                            "fields" to fieldsDigest(it.fields))
                    }
                }
            } catch (e: BrobyggerException) {
                mapOf("error" to errorCode(e))
            }
            assertEquals(expectedOf(input, case), j(got), case)
        }
    }

    test("safe tables and survey shares suppress the same cells as Rust") {
        for ((case, input) in privacyCases("table-")) {
            val i = Json.parse(input.readText())
            val r = i["request"]
            val d = DossierHandle.example(i["example"].str)
            val request = SafeTableRequest(r["cohort"].str, r["by"].list.map { AggregateDimension.valueOf(it.str.uppercase()) },
                day(r["on"].str), null, if (r["min_cell"] == Json.Null) 5u else (r["min_cell"] as Json.Num).value.toUInt())
            val got: Any = try {
                d.privacy().safeTable(request).let { t ->
                    mapOf("cells" to t.cells.map { c -> c.keys + listOf(c.count, c.suppression) },
                        "total" to t.total, "suppressed" to t.suppressed, "left_out" to t.leftOut, "note" to t.note.en)
                }
            } catch (e: BrobyggerException) {
                mapOf("error" to errorCode(e))
            }
            assertEquals(expectedOf(input, case), j(got), case)
        }
        for ((case, input) in privacyCases("survey-")) {
            val i = Json.parse(input.readText())
            val d = DossierHandle.example(i["example"].str)
            val shares = d.privacy().safeSurveyResults(i["survey"].str, (i["min_cell"] as Json.Num).value.toUInt())
            val got = shares.map { listOf(it.question, it.group, it.estimate?.respondents, it.estimate?.positive, it.suppression) }
            assertEquals(expectedOf(input, case), j(got), case)
        }
    }

    test("retention reports and applies what is due, like Rust") {
        for ((case, input) in privacyCases("retention-")) {
            val i = Json.parse(input.readText())
            val d = DossierHandle.example(i["example"].str)
            val on = day(i["on"].str)
            val items = d.privacy().retentionReport(on).items.map { listOf(it.policy, targetKey(it.target), it.since, it.dueOn, it.state) }
            val applied: Any? = if ((i["apply"] as? Json.Bool)?.value == true) {
                val out = d.privacy().applyRetention(on)
                val again = d.privacy().applyRetention(on)
                assertTrue(again.deleted.isEmpty() && again.anonymised == 0u)
                mapOf("deleted" to out.deleted.map(::targetKey), "anonymised" to out.anonymised,
                    "proposals_left" to d.privacy().proposals().size, "households_left" to d.cohorts().sumOf { it.newcomers.size })
            } else null
            assertEquals(expectedOf(input, case), j(mapOf("items" to items, "applied" to applied)), case)
        }
    }

    test("anonymised copies keep statistics, leave no original and give Rust's keyed ids") {
        for ((case, input) in privacyCases("anonymise-")) {
            val i = Json.parse(input.readText())
            val d = DossierHandle.example(i["example"].str)
            d.matching().addRun(ikastRun(d, LocalDate.of(2016, 4, 1)))
            val o = i["options"]
            val scope = when (o["scope"]["type"].str) {
                "everyone" -> AnonymisationScope.Everyone
                "newcomers" -> AnonymisationScope.Newcomers(o["scope"]["newcomers"].list.map { it.str })
                else -> fail("scope")
            }
            val minArea = if (o["min_area_households"] == Json.Null) 5u else (o["min_area_households"] as Json.Num).value.toUInt()
            val copy = d.privacy().anonymised(AnonymiseOptions(scope, day(o["on"].str), minArea, null), keyOf(i))
            val record = copy.privacy().data().anonymisations.last()
            val e = expectedOf(input, case)
            assertEquals(e["report"]["households"], j(record.households), case)
            assertEquals(e["report"]["people"], j(record.people), case)
            val newcomers = copy.cohorts()[0].newcomers
            assertEquals(e["ids"], j(newcomers.map { it.id }), case)
            assertEquals(e["areas"], j(newcomers.map { it.area }), case)
            assertEquals(e["arrivals"], j(newcomers.map { it.arrival }), case)
            assertEquals(e["people"], j(copy.people().map { it.id }), case)
            if (scope is AnonymisationScope.Everyone) {
                val text = copy.toJson()
                for (old in d.cohorts()[0].newcomers.map { it.id } + d.people().map { it.id }) assertFalse(text.contains(old), old)
            }
            // The original is unchanged.
            assertEquals(DossierHandle.example(i["example"].str).cohorts(), d.cohorts())
        }
    }

    test("pseudonyms agree with Rust and Python's hmac; names and national ids are refused") {
        val v = Json.parse(fixture("privacy/pseudonyms.json").readText())
        for (c in v["cases"].list) {
            val k = PseudonymKey.fromHex(c["domain"].str, c["key_hex"].str)
            assertEquals(c["pseudonym"].str, k.pseudonym(c["kind"].str, c["id"].str))
        }
        val k = PseudonymKey.generate("analysis")
        for (c in v["refused"].list) {
            val e = assertThrows<BrobyggerException.InvalidInput> { k.pseudonym("person", c["id"].str) }
            assertEquals(c["code"].str, e.code)
        }
        val shown = PseudonymKey.fromHex("analysis", "ab".repeat(32))
        assertFalse(shown.toString().contains("abab"))
        assertEquals("ab".repeat(32), shown.exportSecretHex())
        assertEquals("privacy.invalid_key", assertThrows<BrobyggerException.InvalidInput> { PseudonymKey.fromHex("analysis", "ab") }.code)
        assertEquals(k.pseudonymOf(Subject.Newcomer("nc-1")), k.pseudonym("newcomer", "nc-1"))
    }

    test("records convert both ways, consents and bases add with validation, the review and export work") {
        val d = DossierHandle.example("ikast-brande")
        val p = d.privacy().data()
        assertEquals(59, p.consents.size)  // one per household (48) and volunteer offer (11)
        val c = p.consents.first { it.subject == Subject.Newcomer("nc-6402-1185") }
        assertEquals(listOf("newcomer.preferences"), c.attributes)
        assertEquals(BasisRef.Consent("c-vvv-2016-003"),
            d.privacy().coveringBasis(Subject.Newcomer("nc-6402-1185"), Purpose.MATCHING, "newcomer.preferences", LocalDate.of(2016, 4, 1)))
        val before = d.toJson()
        val bad = c.copy(id = "c-bad", purposes = listOf(), expiresOn = LocalDate.of(2000, 1, 1))
        val e = assertThrows<BrobyggerException.Validation> { d.privacy().addConsent(bad) }
        assertTrue(e.findings.map { it.code }.containsAll(listOf("privacy.no_purpose", "privacy.dates_out_of_order")))
        assertEquals(before, d.toJson())
        d.privacy().addBasis(ProcessingBasis("b-football", BasisScope.Individual(Subject.Offer("vvv-football-kids")),
            Purpose.MATCHING, LegalBasis.LEGAL_OBLIGATION, listOf("offer.credentials"), "Børneattest", LocalDate.of(2016, 5, 1), null))
        val review = d.privacy().review(LocalDate.of(2016, 6, 1), 30u).map { it.code }
        assertTrue("privacy.no_basis_for_matching" in review)
        assertFalse("privacy.sensitive_data_without_basis" in review)
        d.matching().addRun(ikastRun(d, LocalDate.of(2016, 4, 1)))
        val export = d.privacy().analystExport(AnalystExportOptions("ikast-2016-q1", LocalDate.of(2016, 6, 1), d.matchRuns()[0].id, 5u))
        assertEquals(10, export.tables.size)
        assertTrue(export.tables.all { t -> t.cells.all { (it.count ?: 5u) >= 5u } })
        assertTrue(manifestMarkdown(d.privacy().manifest(null, null), Lang.EN).contains("contact.address"))
        val report = d.privacy().withdrawConsent("c-vvv-2016-003", LocalDate.of(2016, 4, 10))
        assertEquals(listOf("mp-2"), report.closedProposals)
        assertTrue(d.validate().any { it.code == "privacy.run_uses_withdrawn_consent" })
    }

    test("the consented profile run agrees with the dossier's run and leaves out what nothing covers") {
        val d = DossierHandle.example("ikast-brande")
        val options = MatchOptions(Solver.OPTIMAL, LocalDate.of(2016, 4, 1), OfferRanking.SCORE, null)
        val run = ikastRun(d, LocalDate.of(2016, 4, 1))
        val again = matchProfilesConsented(d.ruleSets()[0], d.cohorts()[0].newcomers, d.offers(), options, d.privacy().data(), d.cohorts())
        assertEquals(run.matches, again.matches)
        assertEquals(run.withheld, again.withheld)
        val empty = Privacy(listOf(), listOf(), listOf(), listOf(), listOf())
        val none = matchProfilesConsented(d.ruleSets()[0], d.cohorts()[0].newcomers, d.offers(), options, empty, listOf())
        assertTrue(none.matches.isEmpty())
        assertEquals(d.cohorts()[0].newcomers.size + d.offers().size, none.withheld.size)
        assertFalse(run.toString().contains("FEMALE") || run.toString().contains("VolunteerGender"))
    }

    test("consents and bases as DPV JSON-LD read back the same; importing is all or nothing") {
        val d = DossierHandle.example("ikast-brande")
        val text = d.privacy().exportDpv(LocalDate.of(2017, 1, 1))
        assertTrue(text.contains("\"dpv:ConsentRecord\"") && text.contains("https://w3id.org/dpv#"))
        val back = readDpv(text)
        assertEquals(d.privacy().data().consents, back.consents)
        assertEquals(d.privacy().data().bases, back.bases)
        val data = d.data()
        val empty = DossierHandle.fromData(data.copy(privacy = data.privacy.copy(consents = listOf(), bases = listOf())))
        val added = empty.privacy().importDpv(text)
        assertEquals(data.privacy.consents.size, added.consents.size)
        assertEquals(data.privacy.consents, empty.privacy().data().consents)
        assertThrows<BrobyggerException.Validation> { empty.privacy().importDpv(text) }
        assertEquals(data.privacy.consents.size, empty.privacy().data().consents.size)
        val newer = assertThrows<BrobyggerException.UnsupportedVersion> {
            readDpv(text.replace("\"bb:profileVersion\": 1", "\"bb:profileVersion\": 9"))
        }
        assertEquals("privacy.dpv_version", newer.code)
        assertEquals("privacy.dpv_syntax", assertThrows<BrobyggerException.Parse> { readDpv("{ Fatima") }.code)
    }
}

private fun errorCode(e: BrobyggerException): String = when (e) {
    is BrobyggerException.Parse -> e.code
    is BrobyggerException.UnsupportedVersion -> e.code
    is BrobyggerException.Validation -> e.code
    is BrobyggerException.NotFound -> e.code
    is BrobyggerException.InvalidTransition -> e.code
    is BrobyggerException.InvalidInput -> e.code
    is BrobyggerException.Infeasible -> e.code
    is BrobyggerException.Cancelled -> e.code
    is BrobyggerException.Internal -> e.code
}
