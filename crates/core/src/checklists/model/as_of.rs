//! Checklist data as it stood on a date, for judgements made as of that date (the health
//! assessment and its reports): sessions started by then, with the answers and submission
//! given by then, and the resolutions recorded by then.
//!
//! Paths in findings made from such a view point into the view; [`ChecklistsAsOf::restore`]
//! turns them back into paths of the dossier's own lists.

use super::store::Checklists;
use crate::finding::{FieldPath, PathSegment};
use chrono::NaiveDate;

/// A dated view of a dossier's checklists and the positions of what it kept.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistsAsOf {
    /// The checklists as they stood at the end of the day.
    pub checklists: Checklists,
    /// For each kept session, its position in the dossier, and for each kept answer its
    /// position in that session.
    sessions: Vec<(usize, Vec<usize>)>,
    /// For each kept resolution, its position in the dossier.
    resolutions: Vec<usize>,
}

impl Checklists {
    /// Whether anything (a session, an answer, a submission or a resolution) is dated after the
    /// end of `date`.
    pub fn changed_after(&self, date: NaiveDate) -> bool {
        let after = |t: &crate::time::Timestamp| t.date_naive() > date;
        self.sessions.iter().any(|s| {
            after(&s.started_at)
                || s.answers.iter().any(|a| after(&a.at))
                || s.submitted.as_ref().is_some_and(|x| after(&x.at))
        }) || self.resolutions.iter().any(|r| after(&r.at))
    }

    /// The checklists as they stood at the end of `date` (UTC). Requirements carry no date
    /// and are kept. An answer changed after the date is left out: a session keeps only the
    /// latest value of each answer, so the earlier one is not known.
    pub fn as_of(&self, date: NaiveDate) -> ChecklistsAsOf {
        let by = |t: &crate::time::Timestamp| t.date_naive() <= date;
        let mut sessions = Vec::new();
        let mut kept_sessions = Vec::new();
        for (k, s) in self.sessions.iter().enumerate() {
            if !by(&s.started_at) {
                continue;
            }
            let mut s = s.clone();
            let kept_answers: Vec<usize> = s
                .answers
                .iter()
                .enumerate()
                .filter(|(_, a)| by(&a.at))
                .map(|(j, _)| j)
                .collect();
            s.answers.retain(|a| by(&a.at));
            if s.submitted.as_ref().is_some_and(|x| !by(&x.at)) {
                s.submitted = None;
            }
            sessions.push(s);
            kept_sessions.push((k, kept_answers));
        }
        let mut resolutions = Vec::new();
        let mut kept_resolutions = Vec::new();
        for (k, r) in self.resolutions.iter().enumerate() {
            if by(&r.at) {
                resolutions.push(r.clone());
                kept_resolutions.push(k);
            }
        }
        ChecklistsAsOf {
            checklists: Checklists {
                templates: self.templates.clone(),
                requirements: self.requirements.clone(),
                sessions,
                resolutions,
            },
            sessions: kept_sessions,
            resolutions: kept_resolutions,
        }
    }
}

impl ChecklistsAsOf {
    /// A path into the view (`checklists.sessions[0].answers[2]`) as a path into the dossier
    /// the view was made from. Paths outside the sessions and resolutions are unchanged.
    pub fn restore(&self, path: &FieldPath) -> FieldPath {
        let segments = path.segments();
        let field = |i: usize, name: &str| matches!(segments.get(i), Some(PathSegment::Field(f)) if f == name);
        let index = |i: usize| match segments.get(i) {
            Some(PathSegment::Index(n)) => Some(*n),
            _ => None,
        };
        if !field(0, "checklists") {
            return path.clone();
        }
        let mut mapped: Vec<PathSegment> = segments.clone();
        if field(1, "sessions")
            && let Some(k) = index(2)
            && let Some((orig, answers)) = self.sessions.get(k)
        {
            mapped[2] = PathSegment::Index(*orig);
            if field(3, "answers")
                && let Some(j) = index(4)
                && let Some(orig_answer) = answers.get(j)
            {
                mapped[4] = PathSegment::Index(*orig_answer);
            }
        } else if field(1, "resolutions")
            && let Some(k) = index(2)
            && let Some(orig) = self.resolutions.get(k)
        {
            mapped[2] = PathSegment::Index(*orig);
        }
        let mut out = FieldPath::root();
        for s in mapped {
            out = match s {
                PathSegment::Field(f) => out.field(&f),
                PathSegment::Index(i) => out.index(i),
            };
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_view_drops_what_came_later() {
        let d = crate::dossier::Dossier::example("horsens").unwrap();
        let all = &d.checklists;
        assert!(!all.changed_after(day("2017-07-01")));
        assert!(all.changed_after(day("2017-06-14")));
        let view = all.as_of(day("2017-06-14"));
        // Only the municipality's joint session was started and submitted by then.
        assert_eq!(view.checklists.sessions.len(), 1);
        assert!(view.checklists.sessions[0].is_submitted());
        assert!(view.checklists.resolutions.is_empty());
        assert_eq!(all.as_of(day("2017-07-01")).checklists, *all);
        // Submitted on the 18th: on the 17th LAWAN's session is still open.
        let open = all.as_of(day("2017-06-17"));
        assert_eq!(open.checklists.sessions.len(), 2);
        assert!(!open.checklists.sessions[1].is_submitted());
        assert!(open.checklists.sessions[1].answers.is_empty());
    }

    #[test]
    fn paths_into_a_view_are_restored_to_the_dossier() {
        let mut d = crate::dossier::Dossier::example("horsens").unwrap();
        // The first session now starts later, and the second session's first answer came later.
        let late = crate::time::start_of_day(day("2017-07-01"));
        d.checklists.sessions[0].started_at = late;
        d.checklists.sessions[1].answers[0].at = late;
        let view = d.checklists.as_of(day("2017-06-30"));
        assert_eq!(view.checklists.sessions.len(), 2);
        let restore = |p: &str| view.restore(&FieldPath::parse(p)).as_str().to_owned();
        assert_eq!(
            restore("checklists.sessions[0].answers[0].value"),
            "checklists.sessions[1].answers[1].value"
        );
        assert_eq!(restore("checklists.sessions[1]"), "checklists.sessions[2]");
        assert_eq!(
            restore("checklists.resolutions[2]"),
            "checklists.resolutions[2]"
        );
        assert_eq!(
            restore("checklists.requirements[0]"),
            "checklists.requirements[0]"
        );
        assert_eq!(restore("agreements[0]"), "agreements[0]");
    }
}
