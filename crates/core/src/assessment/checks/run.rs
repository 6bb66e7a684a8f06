//! Running the checks: the catalogue on an agreement's terms in force, and the external checks
//! judged from routed findings.

use super::context::{CheckRun, Ctx, RawFinding, tx, version_index_on};
use crate::assessment::catalogue::Dimension;
use crate::assessment::catalogue::{AssessmentCode, CheckBasis};
use crate::assessment::codes::AssessmentErrorCode;
use crate::assessment::input::Routed;
use crate::assessment::result::{AssessedFinding, Assessment, CheckStatus, ScoreBand};
use crate::assessment::score::{conclude, external_credit, overall, score, sort_assessed};
use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding, Severity};
use crate::i18n::plural::{ERROR, FINDING, WARNING, n};
use chrono::NaiveDate;

/// Runs the whole catalogue on agreement `index` as of `as_of`.
pub(crate) fn assess(
    d: &Dossier,
    index: usize,
    as_of: NaiveDate,
    external: &Routed,
) -> Result<Assessment, BrobyggerError> {
    let a = d
        .agreements
        .get(index)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Agreement, index))?;
    let k = version_index_on(a, as_of).ok_or_else(|| {
        BrobyggerError::invalid_input(
            AssessmentErrorCode::NoVersions,
            &format!("agreements[{index}].versions"),
            "the agreement has no versions to assess",
        )
    })?;
    let version = &a.versions[k];
    let ap = FieldPath::root().field("agreements").index(index);
    let cx = Ctx {
        d,
        a,
        as_of,
        terms: &version.terms,
        status: a.status_on(as_of),
        tp: ap.field("versions").index(k).field("terms"),
        ap,
    };
    let mut checks = Vec::new();
    let mut findings = Vec::new();
    for code in AssessmentCode::ALL {
        let run = match code.basis() {
            CheckBasis::Model => run_model(&cx, code),
            CheckBasis::External => external_run(code, external),
        };
        conclude(code, run, &mut checks, &mut findings);
    }
    overrides(&cx, &mut findings);
    sort_assessed(&mut findings);
    for f in &mut findings {
        f.evidence_words = crate::evidence::describe_all(d, &f.evidence);
    }
    let dimensions = score(&checks);
    // A statutory duty outside the municipality is a line, not a weight among others: the
    // partnership reads as weak whatever else is in order.
    let across_the_line = checks.iter().any(|c| {
        c.code == AssessmentCode::StatutoryTasks.code() && c.status == CheckStatus::NotMet
    });
    let overall = overall(&dimensions).map(|o| if across_the_line { o.min(49) } else { o });
    Ok(Assessment {
        agreement: a.id.clone(),
        title: version.terms.title.clone(),
        as_of,
        status: cx.status,
        version: version.number,
        overall,
        overall_band: overall.map(ScoreBand::of),
        dimensions,
        checks,
        findings,
        external_sources: external.sources.clone(),
    })
}

/// Every status change made despite blocking findings stays visible in the assessment, with
/// who, when and why (the same finding validation gives), weighing nothing.
fn overrides(cx: &Ctx<'_>, findings: &mut Vec<AssessedFinding>) {
    for f in crate::validate::override_findings(&cx.ap, cx.a) {
        findings.push(AssessedFinding {
            evidence: vec![f.path.clone()],
            evidence_words: Vec::new(),
            dimension: Dimension::Formalisation,
            // Not any check's finding: it weighs nothing and stays in view.
            check: f.code.clone(),
            finding: f,
            advice: crate::i18n::Text::new(
                "Følg op på det, der blev tilsidesat: ret aftalen, så den ikke længere har brug for undtagelsen.",
                "Follow up on what was overridden: amend the agreement so it no longer needs the exception.",
            ),
        });
    }
}

/// The check behind each code that reads the dossier, grouped by dimension as the catalogue is.
fn run_model(cx: &Ctx<'_>, code: AssessmentCode) -> CheckRun {
    use AssessmentCode::*;
    match code {
        NotFormalised => super::formalisation::not_formalised(cx),
        NoRoutines => super::formalisation::no_routines(cx),
        NoGroundRules => super::formalisation::no_ground_rules(cx),
        NoReviewDates => super::formalisation::no_review_dates(cx),
        ReviewOverdue => super::formalisation::review_overdue(cx),
        TermExpired => super::formalisation::term_expired(cx),

        NoCoordinatorForSide => super::roles::no_coordinator_for_side(cx),
        NoVolunteerRepresentative => super::roles::no_volunteer_representative(cx),
        PossibleDoubleCoverage => super::roles::possible_double_coverage(cx),

        NoSharedGoal => super::expectations::no_shared_goal(cx),
        NoOwnObjectives => super::expectations::no_own_objectives(cx),
        GoalsWithoutIndicator => super::expectations::goals_without_indicator(cx),
        UndefinedTerms => super::expectations::undefined_terms(cx),
        AssociationStandpointUnknown => super::expectations::association_standpoint(cx),

        ShortNotice => super::meetings::short_notice(cx),
        NoAgenda => super::meetings::no_agenda(cx),
        UnsuitedMeetingTime => super::meetings::unsuited_meeting_time(cx),
        RoutineNotKept => super::meetings::routine_not_kept(cx),
        FrequentMeetings => super::meetings::frequent_meetings(cx),
        OverdueActionItems => super::meetings::overdue_action_items(cx),

        NoCoordinationTime => super::resources::no_coordination_time(cx),
        NoManagementPriority => super::resources::no_management_priority(cx),
        CommitteeNotBriefed => super::resources::committee_not_briefed(cx),

        ContactChanged => super::continuity::contact_changed(cx),
        PostVacant => super::continuity::post_vacant(cx),
        SinglePersonDependency => super::continuity::single_person_dependency(cx),

        NarrowMunicipalSide => super::breadth::narrow_municipal_side(cx),
        NarrowCivilSociety => super::breadth::narrow_civil_society(cx),
        BusinessNotAtTable => super::breadth::business_not_at_table(cx),

        NoUserTrack => super::newcomer_offers::no_user_track(cx),
        NoSocialOffer => super::newcomer_offers::no_social_offer(cx),
        NoJobOffer => super::newcomer_offers::no_job_offer(cx),

        NotAnchored => super::anchoring::not_anchored(cx),
        NoCrossCuttingLeadership => super::anchoring::no_cross_cutting_leadership(cx),
        ShortTerm => super::anchoring::short_term(cx),
        NotCoCreation => super::anchoring::not_co_creation(cx),
        LateInvolvement => super::anchoring::late_involvement(cx),
        NoPlaceGoal => super::anchoring::no_place_goal(cx),

        // Judged by `external_run`; the catalogue's basis never sends them here.
        RoleSplit | StatutoryTasks | ExpectationAlignment | Introductions | Matching => {
            CheckRun::na(tx("", ""), Vec::new())
        }
    }
}

/// An external check, judged from the findings routed to it: not assessed until one of its
/// modules was heard, then credit by the worst severity among them.
fn external_run(code: AssessmentCode, routed: &Routed) -> CheckRun {
    let sources = code.external_sources();
    let given = routed.sources.iter().any(|s| sources.contains(&s.as_str()));
    if !given {
        let names = |lang| crate::assessment::catalogue::external_sources_text(sources, lang);
        return CheckRun::na(
            tx(
                format!(
                    "Ikke vurderet: kræver fund fra {}.",
                    names(crate::i18n::Lang::Da)
                ),
                format!(
                    "Not assessed: needs findings from {}.",
                    names(crate::i18n::Lang::En)
                ),
            ),
            Vec::new(),
        );
    }
    let mine: Vec<&Finding> = routed
        .findings
        .iter()
        .filter(|(c, _)| *c == code)
        .map(|(_, f)| f)
        .collect();
    let credit = external_credit(&mine);
    let evidence: Vec<FieldPath> = mine.iter().map(|f| f.path.clone()).collect();
    let count = |s: Severity| mine.iter().filter(|f| f.severity == s).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let note = |lang| {
        format!(
            "{} ({}, {}).",
            FINDING.count(lang, n(mine.len())),
            ERROR.count(lang, n(errors)),
            WARNING.count(lang, n(warnings))
        )
    };
    let note = tx(note(crate::i18n::Lang::Da), note(crate::i18n::Lang::En));
    let findings = mine
        .iter()
        .map(|f| RawFinding {
            path: f.path.clone(),
            text: f.text.clone(),
            evidence: vec![f.path.clone()],
            external: Some((*f).clone()),
            source: None,
        })
        .collect();
    CheckRun::scored(credit, note, evidence, findings)
}
