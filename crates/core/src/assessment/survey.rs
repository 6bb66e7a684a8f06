//! Survey rounds in a dossier: adding a round, recording a response into its counts, the
//! shares of a round and the changes between two, and the rounds' validation.

use crate::assessment::model::{
    AnswerTally, RespondentGroup, ShareChange, ShareEstimate, SurveyAnswer, SurveyRound,
};
use crate::code::{NotFoundCode, codes};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding, FindingKind, Severity};
use crate::i18n::Text;
use crate::ids::{AgreementId, QuestionId, SurveyId, is_well_formed};
use crate::validation_code::ValidationCode;
use std::collections::HashSet;

pub(crate) fn find_survey<'a>(dossier: &'a Dossier, id: &SurveyId) -> Option<&'a SurveyRound> {
    dossier.surveys.iter().find(|s| &s.id == id)
}

pub(crate) fn find_surveys_for<'a>(
    dossier: &'a Dossier,
    agreement: &AgreementId,
) -> Vec<&'a SurveyRound> {
    let mut out: Vec<&SurveyRound> = dossier
        .surveys
        .iter()
        .filter(|s| s.agreement.as_ref() == Some(agreement))
        .collect();
    out.sort_by_key(|s| s.closed_on);
    out
}

pub(crate) fn add_survey(dossier: &mut Dossier, round: SurveyRound) -> Result<(), BrobyggerError> {
    if find_survey(dossier, &round.id).is_some() {
        return Err(BrobyggerError::invalid_input(
            ValidationCode::DuplicateId,
            "survey.id",
            format!("the survey id {} is already used", round.id),
        ));
    }
    let mut findings = Vec::new();
    let path = FieldPath::root()
        .field("surveys")
        .index(dossier.surveys.len());
    check_round(dossier, &path, &round, &mut findings);
    if findings.iter().any(|f| f.severity == Severity::Error) {
        crate::finding::sort_findings(&mut findings);
        return Err(BrobyggerError::validation(findings));
    }
    dossier.surveys.push(round);
    Ok(())
}

pub(crate) fn record_survey_response(
    dossier: &mut Dossier,
    survey: &SurveyId,
    group: RespondentGroup,
    answers: &[SurveyAnswer],
) -> Result<(), BrobyggerError> {
    let round = dossier
        .surveys
        .iter_mut()
        .find(|s| &s.id == survey)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Survey, survey))?;
    for (i, a) in answers.iter().enumerate() {
        if round.question(&a.question).is_none() {
            return Err(BrobyggerError::invalid_input(
                NotFoundCode::Question,
                &format!("answers[{i}].question"),
                format!("the survey has no question {}", a.question),
            ));
        }
    }
    tally_response(
        &mut round.tallies,
        answers,
        |a| &a.question,
        |t, a| t.group == group && t.question == a.question && t.answer == a.answer,
        |t| &mut t.count,
        |a| AnswerTally {
            group,
            question: a.question.clone(),
            answer: a.answer,
            count: 1,
        },
    )
}

/// Counts one respondent's `answers` into a round's `cells`, all or nothing: no question
/// answered twice and no count past `u32::MAX`, or nothing changes. The callers check first
/// that every question and answer exists; `cell_of` says which cell an answer counts in,
/// `start` makes the cell for a first answer.
pub(crate) fn tally_response<C, A>(
    cells: &mut Vec<C>,
    answers: &[A],
    question: impl Fn(&A) -> &QuestionId,
    cell_of: impl Fn(&C, &A) -> bool,
    count: impl Fn(&mut C) -> &mut u32,
    start: impl Fn(&A) -> C,
) -> Result<(), BrobyggerError> {
    let mut seen = HashSet::new();
    for (i, a) in answers.iter().enumerate() {
        let q = question(a);
        if !seen.insert(q) {
            return Err(BrobyggerError::invalid_input(
                SurveyCode::QuestionAnsweredTwice,
                &format!("answers[{i}].question"),
                format!("question {q} is answered twice"),
            ));
        }
        if cells
            .iter_mut()
            .find(|c| cell_of(c, a))
            .is_some_and(|c| *count(c) == u32::MAX)
        {
            return Err(BrobyggerError::invalid_input(
                SurveyCode::CountOverflow,
                &format!("answers[{i}]"),
                "the count for this answer is at its maximum",
            ));
        }
    }
    // Checked above: no question twice, no count overflows.
    for a in answers {
        match cells.iter_mut().find(|c| cell_of(c, a)) {
            Some(c) => *count(c) += 1,
            None => cells.push(start(a)),
        }
    }
    Ok(())
}

pub(crate) fn survey_results(
    dossier: &Dossier,
    survey: &SurveyId,
) -> Result<Vec<ShareEstimate>, BrobyggerError> {
    Ok(find_survey(dossier, survey)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Survey, survey))?
        .results())
}

pub(crate) fn compare_surveys(
    dossier: &Dossier,
    before: &SurveyId,
    after: &SurveyId,
) -> Result<Vec<ShareChange>, BrobyggerError> {
    let b = find_survey(dossier, before)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Survey, before))?;
    let a = find_survey(dossier, after)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Survey, after))?;
    Ok(a.changes_since(b))
}

codes! {
    /// The codes of evaluation surveys: the rounds' own validation finding and the errors of
    /// recording a response.
    pub enum SurveyCode in "surveys" {
        /// The same group, question and answer are counted in two tallies.
        DuplicateTally = "validation.duplicate_survey_tally", finding(Warning),
            "Samme gruppe, spørgsmål og svar tælles i to optællinger.",
            "The same group, question and answer are counted in two tallies.";
        /// A response answers one question twice.
        QuestionAnsweredTwice = "survey.question_answered_twice", error(InvalidInput),
            "Et svar besvarer samme spørgsmål to gange.",
            "A response answers the same question twice.";
        /// A count is at the largest number it holds.
        CountOverflow = "survey.count_overflow", error(InvalidInput),
            "Optællingen for svaret har nået sit maksimum.",
            "The count for the answer is at its maximum.";
        /// An answer category a question of a reference survey does not have.
        UnknownCategory = "survey.unknown_category", error(InvalidInput),
            "Spørgsmålet har ikke den svarmulighed.",
            "The question has no such answer category.";
        /// A respondent group the survey's shape does not have.
        UnknownGroup = "survey.unknown_group", error(InvalidInput),
            "Undersøgelsens form har ikke den gruppe af svarpersoner.",
            "The survey's shape has no such respondent group.";
    }
}

impl FindingKind for SurveyCode {}

/// Validation of every survey round (called from [`Dossier::validate`]).
pub(crate) fn validate_surveys(d: &Dossier, out: &mut Vec<Finding>) {
    let base = FieldPath::root().field("surveys");
    let mut ids = HashSet::new();
    for (i, round) in d.surveys.iter().enumerate() {
        let p = base.index(i);
        if !ids.insert(round.id.as_str()) {
            out.push(Finding::of(
                ValidationCode::DuplicateId,
                p.field("id"),
                Text::new(
                    format!("Id'et '{}' er brugt mere end én gang.", round.id),
                    format!("The id '{}' is used more than once.", round.id),
                ),
            ));
        }
        check_round(d, &p, round, out);
    }
}

fn check_round(d: &Dossier, p: &FieldPath, round: &SurveyRound, out: &mut Vec<Finding>) {
    let bad_id = |path: FieldPath| {
        Finding::of(
            ValidationCode::InvalidId,
            path,
            Text::new(
                "Id'et skal være 1–128 tegn blandt A–Z, a–z, 0–9, '.', '_', ':' og '-' og starte med et bogstav eller tal.",
                "The id must be 1–128 characters from A–Z, a–z, 0–9, '.', '_', ':' and '-', starting with a letter or digit.",
            ),
        )
    };
    let empty = |path: FieldPath| {
        Finding::of(
            ValidationCode::EmptyText,
            path,
            Text::new("Feltet er tomt.", "The field is empty."),
        )
    };
    if !is_well_formed(round.id.as_str()) {
        out.push(bad_id(p.field("id")));
    }
    if round.title.trim().is_empty() {
        out.push(empty(p.field("title")));
    }
    if let Some(a) = &round.agreement
        && d.agreement(a).is_none()
    {
        out.push(Finding::of(
            ValidationCode::DanglingReference,
            p.field("agreement"),
            Text::new(
                format!("Henvisningen peger på aftalen '{a}', som ikke findes i dossieret."),
                format!(
                    "The reference points at the agreement '{a}', which is not in the dossier."
                ),
            ),
        ));
    }
    let mut qids = HashSet::new();
    for (j, q) in round.questions.iter().enumerate() {
        let qp = p.field("questions").index(j);
        if !is_well_formed(q.id.as_str()) {
            out.push(bad_id(qp.field("id")));
        }
        if !qids.insert(q.id.as_str()) {
            out.push(Finding::of(
                ValidationCode::DuplicateId,
                qp.field("id"),
                Text::new(
                    format!("Id'et '{}' er brugt mere end én gang.", q.id),
                    format!("The id '{}' is used more than once.", q.id),
                ),
            ));
        }
        if q.text.da.trim().is_empty() {
            out.push(empty(qp.field("text").field("da")));
        }
        if q.text.en.trim().is_empty() {
            out.push(empty(qp.field("text").field("en")));
        }
    }
    out.extend(round.shape_findings(p));
    let mut counted = HashSet::new();
    for (k, t) in round.counts.iter().enumerate() {
        if !counted.insert((t.group.as_str(), t.question.as_str(), t.category.as_str())) {
            out.push(Finding::of(
                SurveyCode::DuplicateTally,
                p.field("counts").index(k),
                Text::new(
                    "Samme gruppe, spørgsmål og svar tælles i to linjer; læg dem sammen.",
                    "The same group, question and answer are counted on two lines; add them up.",
                ),
            ));
        }
    }
    let mut cells = HashSet::new();
    for (k, t) in round.tallies.iter().enumerate() {
        let tp = p.field("tallies").index(k);
        if !qids.contains(t.question.as_str()) {
            out.push(Finding::of(
                ValidationCode::DanglingReference,
                tp.field("question"),
                Text::new(
                    format!(
                        "Henvisningen peger på spørgsmålet '{}', som ikke findes i runden.",
                        t.question
                    ),
                    format!(
                        "The reference points at the question '{}', which is not in the round.",
                        t.question
                    ),
                ),
            ));
        }
        if !cells.insert((t.group, t.question.as_str(), t.answer)) {
            out.push(Finding::of(
                SurveyCode::DuplicateTally,
                tp,
                Text::new(
                    "Samme gruppe, spørgsmål og svar tælles i to linjer; læg dem sammen.",
                    "The same group, question and answer are counted on two lines; add them up.",
                ),
            ));
        }
    }
}
