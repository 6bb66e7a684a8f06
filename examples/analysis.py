"""An evaluator's analysis over the three built-in dossiers (Aalborg, Ikast-Brande, Horsens).

Prints, as tables:
1. health scores per dimension, the partnerships side by side;
2. the assessments' findings by severity and by source document;
3. where the Horsens parties' checklists diverge;
4. the Aalborg survey shares with 95 % intervals, and how they changed from 2015 to 2016;
5. the Ikast-Brande matching run: outcome, proposed matches, unmatched households and why;
6. the introductions due in the Ikast-Brande cohort.

With pandas installed the tables are brobygger's tidy DataFrames; without it the same figures
are printed from the objects, so the script runs either way:

    python examples/analysis.py            # English
    python examples/analysis.py da         # Danish texts
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any

import brobygger as bb
from brobygger.types import Lang

try:
    import pandas as pd
except ImportError:  # the plain-text path below
    pd = None  # type: ignore[assignment, unused-ignore]  # the module or None: every use checks

_ARG = sys.argv[1] if len(sys.argv) > 1 else "en"
if _ARG not in ("da", "en"):
    sys.exit("usage: python examples/analysis.py [da|en]")
LANG: Lang = "da" if _ARG == "da" else "en"
MATCH_DAY = dt.date(2016, 4, 1)  # the Ikast-Brande cohort's first matching round
INTRO_DAY = dt.date(2016, 3, 20)


def t(da: str, en: str) -> str:
    """The script's own text in the chosen language."""
    return da if LANG == "da" else en


def heading(text: str) -> None:
    print(f"\n{text}\n{'=' * len(text)}")


def table(rows: Sequence[Sequence[Any]], header: Sequence[str]) -> None:
    """A plain-text table (the path without pandas)."""
    cells = [[str(c) for c in header]] + [["" if c is None else (f"{c:.3f}" if isinstance(c, float) else str(c)) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    for n, r in enumerate(cells):
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main() -> None:
    if pd is not None:
        pd.set_option("display.width", 160)
        pd.set_option("display.max_columns", 20)
        pd.set_option("display.max_colwidth", 60)
    else:
        print(t("(pandas er ikke installeret: enkle tabeller; pip install 'brobygger[pandas]' giver DataFrames)",
                "(pandas is not installed: plain tables; pip install 'brobygger[pandas]' for DataFrames)"))

    names = bb.example_names()
    dossiers = {n: bb.Dossier.example(n) for n in names}
    # Each partnership is assessed on the day its example is told as of.
    assessments = [bb.assess_many([dossiers[n]], bb.example_reference_date(n))[0] for n in names]
    flat = [a for per_dossier in assessments for a in per_dossier]

    heading(t("1. Sundhed pr. dimension (0-100)", "1. Health scores per dimension (0-100)"))
    if pd is not None:
        scores = bb.scores_frame(assessments, lang=LANG)
        wide = scores.pivot(index="dimension", columns="agreement", values="score")
        print(wide.to_string())
    else:
        dims = [d["dimension"] for d in flat[0].dimensions] + ["overall"]
        by = {a.agreement: {**{d["dimension"]: d["score"] for d in a.dimensions}, "overall": a.overall} for a in flat}
        table([[dim] + [by[a.agreement].get(dim) for a in flat] for dim in dims], ["dimension"] + [a.agreement for a in flat])

    heading(t("2. Fund efter alvor og kildedokument", "2. Findings by severity and source document"))
    if pd is not None:
        findings = bb.assessment_findings_frame(assessments, lang=LANG)
        counts = findings.fillna({"source_document": "-"}).pivot_table(
            index="source_document", columns="severity", values="code", aggfunc="count", fill_value=0)
        print(counts.to_string())
        print(t("\nFejl:", "\nErrors:"))
        print(findings[findings.severity == "error"][["agreement", "code", "message"]].to_string(index=False, max_colwidth=70))
    else:
        counter = Counter((f.finding.source_document or "-", f.severity) for a in flat for f in a.findings)
        sources = sorted({s for s, _ in counter})
        table([[s] + [counter[(s, sev)] for sev in ("error", "warning", "info")] for s in sources],
              ["source_document", "error", "warning", "info"])
        print(t("\nFejl:", "\nErrors:"))
        table([[a.agreement, f.code, f.message(LANG)] for a in flat for f in a.findings if f.severity == "error"],
              ["agreement", "code", "message"])

    heading(t("3. Uenigheder i tjeklisterne (Horsens)", "3. Checklist divergences (Horsens)"))
    alignments = dossiers["horsens"].checklists.alignments("horsens-lawan")
    diverging = {"major_divergence", "minor_divergence", "to_discuss"}
    if pd is not None:
        items = bb.checklist_frame(alignments, lang=LANG)
        print(items.groupby(["template", "status"]).size().unstack(fill_value=0).to_string())
        print()
        print(items[items.status.isin(diverging)][["template", "item", "critical", "status", "answers"]].to_string(index=False, max_colwidth=60))
    else:
        table([[a.template, a.score, a.counts["aligned"], a.counts["minor"], a.counts["major"], a.counts["to_discuss"]] for a in alignments],
              ["template", "score", "aligned", "minor", "major", "to_discuss"])
        print()
        table([[a.template, i["item"], i["critical"], i["status"]] for a in alignments for i in a.items if i["status"] in diverging],
              ["template", "item", "critical", "status"])

    heading(t("4. Andele i spørgeskemaerne med 95 %-intervaller (Aalborg)", "4. Survey shares with 95 % intervals (Aalborg)"))
    aalborg = dossiers["aalborg"]
    rounds = [s["id"] for s in aalborg.surveys.to_dict()]
    if pd is not None:
        shares = bb.survey_shares_frame(aalborg, rounds)
        print(shares.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
        print()
        print(bb.survey_changes_frame(aalborg, rounds[0], rounds[-1]).to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    else:
        table([[r, s["question"], s["group"] or "all", s["positive"], s["respondents"], s["share"],
                (s["interval"] or {}).get("low"), (s["interval"] or {}).get("high"), s["reference"]]
               for r in rounds for s in aalborg.surveys.results(r)],
              ["survey", "question", "group", "positive", "respondents", "share", "low", "high", "reference"])
        print()
        table([[c["question"], c["group"] or "all", c["change"], c["interval"]["low"], c["interval"]["high"], c["significant"]]
               for c in aalborg.surveys.compare(rounds[0], rounds[-1])],
              ["question", "group", "change", "low", "high", "significant"])

    heading(t("5. Matchning (Ikast-Brande-holdet, første runde)", "5. Matching (Ikast-Brande cohort, first round)"))
    ikast = dossiers["ikast-brande"]
    cohort = ikast.cohorts[0]["id"]
    run = ikast.matching.match_cohort(cohort, ikast.rule_sets[0].id, as_of=MATCH_DAY)
    s = run.statistics
    print(t(f"{s['newcomers']} husstande, {s['offers']} tilbud ({s['free_places']} ledige pladser): "
            f"{s['matched']} matchet, {s['unmatched']} ikke matchet, gennemsnitlig score {s['mean_score']:.2f}",
            f"{s['newcomers']} households, {s['offers']} offers ({s['free_places']} free places): "
            f"{s['matched']} matched, {s['unmatched']} unmatched, mean score {s['mean_score']:.2f}"))
    if pd is not None:
        print(bb.matches_frame(run).drop(columns="run").to_string(index=False))
        print(t("\nIkke matchet og hvorfor:", "\nUnmatched and why:"))
        print(bb.unmatched_frame(run, lang=LANG)[["newcomer", "waiting_days", "binding", "binding_rule", "reason"]].to_string(index=False, max_colwidth=70))
        print(t("\nUdækket behov:", "\nUnmet demand:"))
        print(bb.unmet_demand_frame(run, lang=LANG)[["demand_type", "demand", "households", "text"]].to_string(index=False, max_colwidth=70))
    else:
        table([[m["newcomer"], m["offer"], m["score"], m["waiting_days"]] for m in run.matches],
              ["newcomer", "offer", "score", "waiting_days"])
        print(t("\nIkke matchet og hvorfor:", "\nUnmatched and why:"))
        table([[u["newcomer"], u["waiting_days"], u["binding"]["type"], u["binding"].get("rule"), u["reasons"][0][LANG]]
               for u in run.unmatched], ["newcomer", "waiting_days", "binding", "binding_rule", "reason"])
        print(t("\nUdækket behov:", "\nUnmet demand:"))
        table([[g["demand"]["type"], g["households"], g["text"][LANG]] for g in run.unmet_demand], ["demand_type", "households", "text"])

    heading(t(f"6. Introduktioner, der forfalder {INTRO_DAY} (Ikast-Brande)", f"6. Introductions due on {INTRO_DAY} (Ikast-Brande)"))
    if pd is not None:
        intro = bb.introductions_frame(ikast, cohort, INTRO_DAY, lang=LANG)
        print(intro[intro.state.isin(["due", "overdue"])][["newcomer", "state", "next_number", "deadline", "days_overdue"]]
              .sort_values("days_overdue", ascending=False).to_string(index=False))
    else:
        table([[s["newcomer"], s["state"], s["next_number"], s["deadline"], s["days_overdue"]]
               for s in ikast.matching.introduction_status(cohort, INTRO_DAY) if s["state"] in ("due", "overdue")],
              ["newcomer", "state", "next_number", "deadline", "days_overdue"])


if __name__ == "__main__":
    main()
