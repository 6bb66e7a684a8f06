//! `brobygger demo`: the built-in examples end to end, as a coordinator would go through them:
//! validate and summarise, the role split and checklists, match each cohort and store the run
//! (each example lives in a store: `DIR/<example>.db` with `--out`, in memory otherwise),
//! list the introductions due, then each agreement's health, with the reports written to a
//! folder on request.

use crate::out::{Outcome, out, outln};
use crate::{exit, t};
use brobygger::OrganisationKind;
use brobygger::assessment::kl_2015;
use brobygger::chrono::{Datelike, NaiveDate};
use brobygger::directory::DirectoryOptions;
use brobygger::import;
use brobygger::matching::{Cohort, MatchOptions, MatchRequest, Solver};
use brobygger::present::plural::{Plural, SENSITIVE_ITEM, n, pick};
use brobygger::{
    BrobyggerError, Dossier, Example, Format, Lang, ReminderKind, ReportOptions, Severity,
};
use brobygger_store::{Change, Store};
use std::path::PathBuf;

/// The day a cohort is matched and its introductions checked in the demo: the first day of the
/// month after its last household arrived, when a coordinator's monthly round would take it.
pub(crate) fn cohort_day(c: &Cohort) -> Option<NaiveDate> {
    let last = c.newcomers.iter().map(|n| n.arrival).max()?;
    let (y, m) = if last.month() == 12 {
        (last.year() + 1, 1)
    } else {
        (last.year(), last.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
}

pub(crate) fn run(
    example: Option<&str>,
    as_of: Option<NaiveDate>,
    out: Option<PathBuf>,
    lang: Lang,
) -> Outcome {
    let examples: Vec<Example> = match example {
        Some(name) => vec![
            Example::from_name(name)
                .ok_or_else(|| BrobyggerError::not_found(brobygger::NotFoundCode::Example, name))?,
        ],
        None => Example::ALL.to_vec(),
    };
    if let Some(dir) = &out {
        std::fs::create_dir_all(dir).map_err(|e| {
            BrobyggerError::invalid_input(
                brobygger::UsageCode::Write,
                &dir.display().to_string(),
                e.kind().to_string(),
            )
        })?;
    }
    let mut errors = 0;
    let mut written = Vec::new();
    for e in examples {
        // Each example lives in a store for the run of the demo: in DIR/<example>.db with
        // --out, in memory otherwise. The runs go into it as audited changes.
        let path = out.as_ref().map_or_else(
            || PathBuf::from(":memory:"),
            |d| d.join(format!("{}.db", e.name())),
        );
        let mut store = Store::open(&path)?;
        store.import(&e.dossier()?, Change::new("demo", "import"))?;
        let mut dossier = store.dossier()?;
        let day = as_of.unwrap_or_else(|| e.reference_date());
        errors += dossier
            .validate()
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        outln!("{}", dossier.summary(lang));
        let checklists = dossier.checklists().summary(lang);
        if !checklists.is_empty() {
            outln!("{checklists}");
        }
        written.extend(cohorts(
            &mut dossier,
            &mut store,
            as_of,
            out.as_ref(),
            lang,
        )?);
        outln!("{}", dossier.assessment().health_summary(day, lang));
        seeds(&dossier, day, lang)?;
        audit(&store, lang)?;
        if out.is_some() {
            written.push(path);
        }
        if let Some(dir) = &out {
            for a in &dossier.agreements {
                for (format, ext) in [(Format::Markdown, "md"), (Format::Html, "html")] {
                    let report = dossier
                        .assessment()
                        .report(&a.id, ReportOptions::new(day, lang, format))?;
                    let path = dir.join(format!("report-{}-{}.{ext}", a.id, lang.code()));
                    crate::out::write_file(&path, &report, &[])?;
                    written.push(path);
                }
            }
            if !dossier.match_runs.is_empty() {
                let path = dir.join(format!("dossier-{}.json", e.name()));
                crate::out::write_file(&path, &dossier.to_json()?, &[])?;
                written.push(path);
            }
        }
    }
    if !written.is_empty() {
        outln!("{}:", t(lang, "Skrevet", "Written"));
        for p in &written {
            outln!("  {}", p.display());
        }
    }
    Ok(exit(errors > 0))
}

const ASSOCIATION: Plural = Plural::new("forening", "foreninger", "association", "associations");
const OFFER: Plural = Plural::new("tilbud", "tilbud", "offer", "offers");

/// The parts of the seeds that are not about one agreement: the association directory (003),
/// the municipality beside KL's national figures (000), where the dossier answers one of KL's
/// questions itself, and each cohort's outcomes over time (002) on `day`, aggregated.
fn seeds(dossier: &Dossier, day: NaiveDate, lang: Lang) -> Result<(), crate::out::Failure> {
    let directory = dossier.directory().build(DirectoryOptions::default());
    if !directory.associations.is_empty() {
        let offers: usize = directory.associations.iter().map(|a| a.offers.len()).sum();
        let minority = directory
            .associations
            .iter()
            .filter(|a| a.kind == OrganisationKind::EthnicMinorityAssociation)
            .count();
        outln!(
            "## {}\n- {} {} {} ({} {})\n",
            t(lang, "Foreningsfortegnelsen", "The association directory"),
            ASSOCIATION.count(lang, n(directory.associations.len())),
            t(lang, "med", "with"),
            OFFER.count(lang, n(offers)),
            t(
                lang,
                "etniske minoritetsforeninger:",
                "ethnic minority associations:"
            ),
            minority,
        );
    }
    let mut lines = Vec::new();
    for m in &dossier.municipalities {
        for row in dossier.assessment().compare_with_national(&m.id, &[])? {
            let (Some(own), Some(percent)) = (&row.own, row.percent) else {
                continue;
            };
            let answer = kl_2015()?
                .questions
                .iter()
                .find(|q| q.id == row.question)
                .and_then(|q| q.label(own))
                .map(|l| l.get(lang).to_owned())
                .unwrap_or_else(|| own.clone());
            lines.push(format!(
                "- {}: {} {}: {}; {} {percent} % {}: {}",
                m.name,
                row.question_text.get(lang),
                t(lang, "svar", "answer"),
                answer,
                t(lang, "på landsplan svarede", "nationally,"),
                t(lang, "af kommunerne", "of the municipalities answered"),
                row.answer.get(lang),
            ));
        }
    }
    if !lines.is_empty() {
        outln!(
            "## {}\n{}\n",
            t(
                lang,
                "Ved siden af landstallene (KL 2015)",
                "Beside the national figures (KL 2015)"
            ),
            lines.join("\n")
        );
    }
    outcomes(dossier, day, lang)
}

/// Each cohort with follow-ups: its outcomes on `day` by whether and how early its households
/// were matched and introduced, aggregated with suppression (what the view holds, then every
/// cell that can be shown); never a household on its own.
fn outcomes(dossier: &Dossier, day: NaiveDate, lang: Lang) -> Result<(), crate::out::Failure> {
    use brobygger::Label;
    for c in &dossier.cohorts {
        if !dossier.outcomes.iter().any(|r| r.cohort == c.id) {
            continue;
        }
        let view = dossier
            .outcomes()
            .cohort_view(&c.id, brobygger::outcomes::OutcomeOptions::as_of(day))?;
        outln!(
            "## {} {} ({} {day})\n- {}",
            t(
                lang,
                "Udfald over tid for kohorten",
                "Outcomes over time of the cohort"
            ),
            c.id,
            t(lang, "pr.", "as of"),
            view.summary(lang)
        );
        for cell in view.cells.iter().filter(|x| x.suppression.is_none()) {
            let (Some(n), Some(k), Some(share)) = (cell.households, cell.with_outcome, cell.share)
            else {
                continue;
            };
            outln!(
                "- {} {}: {} {k} {} {n} ({})",
                cell.grouping.label(lang),
                cell.timing.label(lang),
                cell.measure.label(lang),
                t(lang, "af", "of"),
                brobygger::present::number::percent(lang, share),
            );
        }
        outln!();
    }
    Ok(())
}

/// The store's audit trail: how many changes it recorded, and that its chain is intact.
fn audit(store: &Store, lang: Lang) -> Result<(), crate::out::Failure> {
    let report = store.verify()?;
    let events = crate::db::EVENTS.count(lang, report.events);
    outln!(
        "## {}
  - {}",
        t(lang, "Revisionsspor", "Audit trail"),
        match (lang, &report.problem) {
            (Lang::Da, None) => format!("{events} registreret; kæden er intakt."),
            (Lang::En, None) => format!("{events} recorded; the chain is intact."),
            (_, Some(p)) => p.text(lang),
        }
    );
    Ok(())
}

/// What the run did with sensitive attributes and the privacy review on the run's day: how many
/// uses a consent or basis allowed and how many it could not, then each review finding (a path
/// and a message; never a value).
fn privacy(
    d: &Dossier,
    day: NaiveDate,
    withheld: usize,
    uses: usize,
    lang: Lang,
) -> Result<(), crate::out::Failure> {
    outln!(
        "\n## {} {day}",
        t(
            lang,
            "Persondata og samtykke pr.",
            "Personal data and consent as of"
        )
    );
    outln!(
        "  - {}",
        match lang {
            Lang::Da => format!(
                "Matchningen brugte {} med samtykke eller anden hjemmel og lod {withheld} ude, fordi intet dækkede {}.",
                SENSITIVE_ITEM.count(lang, n(uses)),
                pick(n(withheld), "den", "dem")
            ),
            Lang::En => format!(
                "The matching used {} under a consent or other basis and left out {withheld} that nothing covered.",
                SENSITIVE_ITEM.count(lang, n(uses))
            ),
        }
    );
    let review = d
        .privacy()
        .review(day, brobygger::privacy::ReviewOptions::default());
    if review.is_empty() {
        outln!(
            "  - {}",
            t(
                lang,
                "Gennemgangen fandt intet.",
                "The review found nothing."
            )
        );
    }
    for f in &review {
        outln!("  - {}", f.render(lang));
    }
    Ok(())
}

/// Matches every cohort under the dossier's rule set, stores the run in the store (so the
/// assessment weighs it), and lists the introductions due; returns the files
/// written.
fn cohorts(
    d: &mut Dossier,
    store: &mut Store,
    as_of: Option<NaiveDate>,
    out: Option<&PathBuf>,
    lang: Lang,
) -> Result<Vec<PathBuf>, crate::out::Failure> {
    let mut written = Vec::new();
    let Some(rules) = d.rule_sets.first().map(|r| r.id.clone()) else {
        return Ok(written);
    };
    let work: Vec<(brobygger::CohortId, NaiveDate)> = d
        .cohorts
        .iter()
        .filter_map(|c| Some((c.id.clone(), as_of.or_else(|| cohort_day(c))?)))
        .collect();
    for (cohort, day) in work {
        let run = d.matching().match_cohort(&MatchRequest {
            cohort: cohort.clone(),
            rule_set: rules.clone(),
            options: MatchOptions::new(Solver::Optimal, day),
        })?;
        outln!(
            "## {} {cohort} ({} {day})",
            t(lang, "Matchning af kohorten", "Matching the cohort"),
            t(lang, "pr.", "as of")
        );
        out!("{}", crate::matching::headline(&run, lang));
        for u in &run.unmatched {
            let why = u.reasons.first().map(|r| r.get(lang)).unwrap_or_default();
            outln!(
                "  - {} {}: {why}",
                u.newcomer,
                t(lang, "uden match", "not matched")
            );
        }
        if let Some(dir) = out {
            let json = dir.join(format!("match-{cohort}.json"));
            crate::out::write_file(&json, &(crate::to_json(&run)? + "\n"), &[])?;
            let csv = dir.join(format!("match-{cohort}.csv"));
            crate::out::write_file(&csv, &import::match_run_to_csv(&run, lang)?, &[])?;
            written.extend([json, csv]);
        }
        let (withheld, uses) = (run.withheld.len(), run.sensitive_uses.len());
        store.update(Change::new("demo", "match"), |s| {
            s.matching_mut().add_run(run)
        })?;
        *d = store.dossier()?;
        privacy(d, day, withheld, uses, lang)?;
        let due: Vec<brobygger::Reminder> = d
            .reminders()
            .due(day, brobygger::ReminderOptions::default())
            .into_iter()
            .filter(|r| r.kind == ReminderKind::Introduction && r.cohort.as_ref() == Some(&cohort))
            .collect();
        outln!(
            "\n## {} {day}",
            t(
                lang,
                "Introduktioner til frivilligtilbud pr.",
                "Introductions to volunteer offers as of"
            )
        );
        if due.is_empty() {
            outln!("{}", t(lang, "Ingen forfalder.", "None due."));
        }
        for r in &due {
            let state = match r.state {
                brobygger::ReminderState::Overdue => t(lang, "overskredet", "overdue"),
                brobygger::ReminderState::Due => t(lang, "forfalder", "due"),
            };
            outln!("  - [{state}] {}", r.text.get(lang));
        }
        outln!();
    }
    Ok(written)
}
