//! Reminders: what is due or overdue on a day, as a coordinator's to-do list.
//!
//! [`RemindersFacet::due`] lists the dated obligations the dossier holds, each overdue or due
//! within a horizon (14 days by default), overdue first:
//!
//! - **introductions** of volunteer offers to newcomer households, by each cohort's plan
//!   (001 "Hvornår skal frivilligtilbud introduceres?"), while the household's introduction
//!   period lasts;
//! - **meetings** to convene: each forum of an agreement in force meets again one cadence after
//!   it last met, and the invitation goes out the agreed number of days before (001 "Handling i
//!   fokus");
//! - **reviews** the parties planned, not yet held (under review or amended within 90 days of
//!   the date, as the assessment counts them), overdue for up to a year;
//! - the **end of the term**, when it falls within the horizon or the exit notice, or has passed
//!   while the agreement is not ended;
//! - **briefings** of a political committee, due 12 months after the last one (001 "Ressourcer");
//! - **action items** meetings agreed, still open, by their due day (001 "Handling i fokus");
//! - **follow-up check-ins** of running relationships (a household and its volunteer), on the
//!   schedule of the rule set they were matched under (two weeks after the start, then every
//!   six weeks by default).
//!
//! Reminders name households by their pseudonymous id only (the list is for the coordinator);
//! they carry the path of what they are about and, where the rule comes from a source, its
//! section.
//!
//! ```
//! use brobygger::{Dossier, Lang, ReminderOptions};
//!
//! let d = Dossier::example("ikast-brande")?;
//! let today = "2016-03-01".parse().unwrap();
//! for r in d.reminders().due(today, ReminderOptions::default()) {
//!     println!("{} {} {}", r.due_on, r.state.code(), r.text.get(Lang::En));
//! }
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```

use crate::agreement::{Agreement, AgreementTerms, MeetingRecord};
use crate::dossier::Dossier;
use crate::finding::{FieldPath, SeedDocument, SourceRef};
use crate::i18n::plural::{DAY, NOTICE};
use crate::i18n::{Label, Lang, Text, labels, t};
use crate::ids::{AgreementId, CohortId};
use crate::matching::lookup::find_rule_set;
use crate::matching::model::intro::{IntroductionRecord, IntroductionState};
use crate::present::doc::{Block, Inline, text};
use crate::present::render::{Document, Present};
use crate::present::table::{Cell, Column, Table};
use crate::status::AgreementStatus;
use chrono::{Days, Months, NaiveDate};
use std::ops::Deref;

/// The horizon reminders look ahead by default: two weeks.
pub const DEFAULT_HORIZON_DAYS: u32 = 14;

/// How far ahead [`RemindersFacet::due`] looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderOptions {
    /// Days after the date within which an obligation counts as due
    /// ([`DEFAULT_HORIZON_DAYS`] by default).
    pub horizon_days: u32,
}

impl Default for ReminderOptions {
    fn default() -> Self {
        Self {
            horizon_days: DEFAULT_HORIZON_DAYS,
        }
    }
}

impl ReminderOptions {
    /// Looking `days` ahead.
    pub fn horizon(days: u32) -> Self {
        Self { horizon_days: days }
    }
}

/// What a reminder is about.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ReminderKind {
    /// Introduce volunteer offers to a newcomer household.
    Introduction,
    /// Convene a meeting of a forum.
    Meeting,
    /// Hold a planned review of the agreement.
    Review,
    /// The agreement's term ends: renew it or end it formally.
    TermEnd,
    /// Brief the political committee.
    CommitteeBriefing,
    /// Hold a follow-up check-in on a running relationship (household and volunteer).
    CheckIn,
    /// Carry out an action item a meeting agreed.
    ActionItem,
}

labels!(ReminderKind, "reminder_kind" {
    Introduction => ("introduktion", "introduction"),
    Meeting => ("møde", "meeting"),
    Review => ("revision", "review"),
    TermEnd => ("aftalens udløb", "end of term"),
    CommitteeBriefing => ("orientering af udvalg", "committee briefing"),
    CheckIn => ("opfølgning på forløb", "follow-up check-in"),
    ActionItem => ("opgave fra møde", "action item"),
});

/// Whether a reminder is late or coming up.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ReminderState {
    /// Its day has passed.
    Overdue,
    /// Its day is today or within the horizon.
    Due,
}

labels!(ReminderState, "reminder_state" {
    Overdue => ("overskredet", "overdue"),
    Due => ("forfalder", "due"),
});

impl ReminderState {
    /// `overdue` or `due`.
    pub fn code(self) -> &'static str {
        match self {
            ReminderState::Overdue => "overdue",
            ReminderState::Due => "due",
        }
    }
}

/// One thing to do by a day.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Reminder {
    /// What it is about.
    pub kind: ReminderKind,
    /// Overdue or due.
    pub state: ReminderState,
    /// The day to act by: the planned introduction, the day the invitation must go out, the
    /// review date, the last day of the term, the briefing's anniversary.
    pub due_on: NaiveDate,
    /// Days past `due_on` (0 when due).
    pub days_overdue: u32,
    /// The agreement, for agreement reminders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<AgreementId>,
    /// The cohort, for introductions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cohort: Option<CohortId>,
    /// The id of what it is about: the household, the forum, the agreement, the committee.
    pub subject: String,
    /// Where in the dossier.
    pub path: FieldPath,
    /// A sentence for a to-do list, in Danish and English.
    pub text: Text,
    /// The source section behind the obligation, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

fn plus_days(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MAX)
}

fn minus_days(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MIN)
}

fn days_between(a: NaiveDate, b: NaiveDate) -> u32 {
    u32::try_from((b - a).num_days().max(0)).unwrap_or(u32::MAX)
}

/// The version in force on `date`: the last amended on or before it (the first otherwise).
fn terms_on(a: &Agreement, date: NaiveDate) -> Option<(usize, &AgreementTerms)> {
    let mut found = None;
    for (k, v) in a.versions.iter().enumerate() {
        match &v.amendment {
            Some(am) if am.on > date => {}
            _ => found = Some((k, &v.terms)),
        }
    }
    found.or_else(|| a.versions.first().map(|v| (0, &v.terms)))
}

struct Window {
    as_of: NaiveDate,
    until: NaiveDate,
}

impl Window {
    /// The state of something due on `day`, or `None` when it is beyond the horizon.
    fn state(&self, day: NaiveDate) -> Option<(ReminderState, u32)> {
        if day < self.as_of {
            Some((ReminderState::Overdue, days_between(day, self.as_of)))
        } else if day <= self.until {
            Some((ReminderState::Due, 0))
        } else {
            None
        }
    }
}

pub(crate) fn reminders(dossier: &Dossier, as_of: NaiveDate, horizon_days: u32) -> Vec<Reminder> {
    let w = Window {
        as_of,
        until: plus_days(as_of, horizon_days),
    };
    let mut out = Vec::new();
    introductions(dossier, &w, &mut out);
    check_ins(dossier, &w, &mut out);
    for (i, a) in dossier.agreements.iter().enumerate() {
        agreement_reminders(a, i, &w, &mut out);
        action_items(dossier, a, i, &w, &mut out);
    }
    out.sort_by(|a, b| {
        a.state
            .cmp(&b.state)
            .then(a.due_on.cmp(&b.due_on))
            .then(a.kind.cmp(&b.kind))
            .then(a.path.cmp(&b.path))
    });
    out
}

fn introductions(d: &Dossier, w: &Window, out: &mut Vec<Reminder>) {
    let source = SourceRef::new(
        SeedDocument::Lbb2017,
        "Hvornår skal frivilligtilbud introduceres?",
    );
    for (k, c) in d.cohorts.iter().enumerate() {
        for (i, n) in c.newcomers.iter().enumerate() {
            if n.arrival > w.until || c.plan.period_end(n) < w.as_of {
                continue;
            }
            let mine: Vec<&IntroductionRecord> = c
                .introductions
                .iter()
                .filter(|r| r.newcomer == n.id)
                .collect();
            let s = c.plan.status(n, &mine, w.as_of);
            let (day, state, late) = match (s.state, s.due_on, s.deadline) {
                (IntroductionState::Overdue, _, Some(deadline)) => {
                    (deadline, ReminderState::Overdue, s.days_overdue)
                }
                // Planned later: a reminder once the day is within the horizon.
                (IntroductionState::Due | IntroductionState::Upcoming, Some(due), _)
                    if due >= w.as_of =>
                {
                    if due > w.until {
                        continue;
                    }
                    (due, ReminderState::Due, 0)
                }
                // The planned day has passed but not the deadline: due by the deadline.
                (IntroductionState::Due | IntroductionState::Upcoming, Some(due), deadline) => {
                    (deadline.unwrap_or(due), ReminderState::Due, 0)
                }
                _ => continue,
            };
            out.push(Reminder {
                kind: ReminderKind::Introduction,
                state,
                due_on: day,
                days_overdue: late,
                agreement: None,
                cohort: Some(c.id.clone()),
                subject: n.id.to_string(),
                path: FieldPath::root()
                    .field("cohorts")
                    .index(k)
                    .field("newcomers")
                    .index(i),
                text: s.text.clone(),
                source: Some(source.clone()),
            });
        }
    }
}

/// Follow-up check-ins of running relationships, on the schedule of the rule set they were
/// matched under (the default schedule otherwise).
fn check_ins(d: &Dossier, w: &Window, out: &mut Vec<Reminder>) {
    for (k, r) in d.relationships.iter().enumerate() {
        let schedule = r
            .rule_set
            .as_ref()
            .and_then(|id| find_rule_set(d, id))
            .and_then(|rs| rs.follow_up)
            .unwrap_or_default();
        let Some(due) = schedule.next_due(r, w.as_of) else {
            continue;
        };
        if due > w.until {
            continue;
        }
        let (state, late) = if due < w.as_of {
            (ReminderState::Overdue, days_between(due, w.as_of))
        } else {
            (ReminderState::Due, 0)
        };
        out.push(Reminder {
            kind: ReminderKind::CheckIn,
            state,
            due_on: due,
            days_overdue: late,
            agreement: None,
            cohort: r.cohort.clone(),
            subject: r.id.to_string(),
            path: FieldPath::root().field("relationships").index(k),
            text: Text::new(
                format!(
                    "Hold opfølgning på forløbet {} mellem {} og {}.",
                    r.id, r.newcomer, r.offer
                ),
                format!(
                    "Hold a follow-up check-in on the relationship {} of {} and {}.",
                    r.id, r.newcomer, r.offer
                ),
            ),
            source: None,
        });
    }
}

/// Action items the agreement's meetings agreed, still open on the day, whatever the agreement's
/// status: a task someone took on stays theirs until it is recorded as done or dropped.
fn action_items(d: &Dossier, a: &Agreement, i: usize, w: &Window, out: &mut Vec<Reminder>) {
    let handling = SourceRef::new(SeedDocument::Lbb2017, "Handling i fokus");
    let id = a.id.as_str();
    for (m, meeting) in a.meetings.iter().enumerate() {
        for (j, item) in meeting.action_items.iter().enumerate() {
            if !item.open_on(w.as_of) {
                continue;
            }
            let Some((state, late)) = w.state(item.due) else {
                continue;
            };
            let forum = forum_name(a, meeting);
            let owner = d.action_owner_text(&item.owner);
            let (what, due, held) = (&item.what, item.due, meeting.held_on);
            // Only the tense differs between a due and an overdue item.
            let (da, en) = match state {
                ReminderState::Overdue => ("skulle have været gjort", "was to be done"),
                ReminderState::Due => ("skal gøres", "is to be done"),
            };
            let text = Text::new(
                format!(
                    "{id}: «{what}» {da} senest {due} af {} (besluttet på mødet i «{forum}» {held}).",
                    owner.get(Lang::Da)
                ),
                format!(
                    "{id}: \"{what}\" {en} by {due} by {} (agreed at the \"{forum}\" meeting on {held}).",
                    owner.get(Lang::En)
                ),
            );
            out.push(Reminder {
                kind: ReminderKind::ActionItem,
                state,
                due_on: due,
                days_overdue: late,
                agreement: Some(a.id.clone()),
                cohort: None,
                subject: meeting.forum.to_string(),
                path: FieldPath::root()
                    .field("agreements")
                    .index(i)
                    .field("meetings")
                    .index(m)
                    .field("action_items")
                    .index(j),
                text,
                source: Some(handling.clone()),
            });
        }
    }
}

/// The forum's name as the latest version that has it calls it, or its id.
pub(crate) fn forum_name(a: &Agreement, meeting: &MeetingRecord) -> String {
    a.versions
        .iter()
        .rev()
        .flat_map(|v| v.terms.routines.iter())
        .find(|f| f.id == meeting.forum)
        .map_or_else(|| meeting.forum.to_string(), |f| f.name.clone())
}

fn agreement_reminders(a: &Agreement, i: usize, w: &Window, out: &mut Vec<Reminder>) {
    let status = a.status_on(w.as_of);
    if !status.is_binding() {
        return;
    }
    let Some((k, terms)) = terms_on(a, w.as_of) else {
        return;
    };
    let ap = FieldPath::root().field("agreements").index(i);
    let tp = ap.field("versions").index(k).field("terms");
    let id = a.id.as_str();
    let base = |kind, state: ReminderState, due_on, late, subject: String, path, text| Reminder {
        kind,
        state,
        due_on,
        days_overdue: late,
        agreement: Some(a.id.clone()),
        cohort: None,
        subject,
        path,
        text,
        source: None,
    };

    // Meetings to convene.
    let handling = SourceRef::new(SeedDocument::Lbb2017, "Handling i fokus");
    for (f, forum) in terms.routines.iter().enumerate() {
        let interval = forum.cadence.interval_days().max(1);
        let last = a
            .meetings
            .iter()
            .filter(|m| m.forum == forum.id && m.held_on <= w.as_of)
            .map(|m| m.held_on)
            .max();
        let next = plus_days(last.unwrap_or(terms.term.start), interval);
        let invite_by = minus_days(next, forum.notice_days);
        let Some((state, late)) = w.state(invite_by) else {
            continue;
        };
        let name = &forum.name;
        let notice = forum.notice_days;
        let since = match last {
            Some(l) => (format!("sidst holdt {l}"), format!("last held {l}")),
            None => ("ikke holdt endnu".to_owned(), "not held yet".to_owned()),
        };
        let text = if next < w.as_of {
            Text::new(
                format!(
                    "{id}: {name} skulle have været holdt omkring {next} ({}); indkald med {} og dagsorden.",
                    since.0,
                    NOTICE.count(Lang::Da, u64::from(notice))
                ),
                format!(
                    "{id}: {name} was due to be held around {next} ({}); convene it with {} and an agenda.",
                    since.1,
                    NOTICE.count(Lang::En, u64::from(notice))
                ),
            )
        } else {
            Text::new(
                format!(
                    "{id}: send indkaldelse og dagsorden til {name} senest {invite_by} ({}) til et møde omkring {next} ({}).",
                    NOTICE.count(Lang::Da, u64::from(notice)),
                    since.0
                ),
                format!(
                    "{id}: send the invitation and agenda for {name} by {invite_by} ({}) for a meeting around {next} ({}).",
                    NOTICE.count(Lang::En, u64::from(notice)),
                    since.1
                ),
            )
        };
        let mut r = base(
            ReminderKind::Meeting,
            state,
            invite_by,
            late,
            forum.id.to_string(),
            tp.field("routines").index(f),
            text,
        );
        r.source = Some(handling.clone());
        out.push(r);
    }

    // Planned reviews not yet held.
    let relations = SourceRef::new(SeedDocument::Lbb2017, "Etablering og pleje af relationer");
    for (j, r) in terms.term.review_dates.iter().copied().enumerate() {
        if r < terms.term.start {
            continue;
        }
        let (lo, hi) = (minus_days(r, 90), plus_days(r, 90).min(w.as_of));
        let reviewed = a.history.iter().any(|e| {
            e.to == AgreementStatus::UnderReview && {
                let d = e.at.date_naive();
                d >= lo && d <= hi
            }
        });
        let amended = a
            .versions
            .iter()
            .filter_map(|v| v.amendment.as_ref())
            .any(|am| am.on >= lo && am.on <= hi);
        if reviewed || amended || status == AgreementStatus::UnderReview {
            continue;
        }
        let Some((state, late)) = w.state(r) else {
            continue;
        };
        if late > 365 {
            continue;
        }
        let text = match state {
            ReminderState::Overdue => Text::new(
                format!(
                    "{id}: revisionen planlagt til {r} er ikke registreret; sæt aftalen under revision eller lav en ny version."
                ),
                format!(
                    "{id}: the review planned for {r} is not recorded; put the agreement under review or make a new version."
                ),
            ),
            ReminderState::Due => Text::new(
                format!("{id}: parterne har planlagt at revidere aftalen {r}."),
                format!("{id}: the parties planned to review the agreement on {r}."),
            ),
        };
        let mut rem = base(
            ReminderKind::Review,
            state,
            r,
            late,
            id.to_owned(),
            tp.field("term").field("review_dates").index(j),
            text,
        );
        rem.source = Some(relations.clone());
        out.push(rem);
    }

    // The end of the term.
    if let Some(end) = terms.term.end {
        let notice = terms.exit.as_ref().map_or(0, |x| x.notice_days);
        let ahead = plus_days(w.until, notice);
        let state = if end < w.as_of {
            Some((ReminderState::Overdue, days_between(end, w.as_of)))
        } else if end <= ahead {
            Some((ReminderState::Due, 0))
        } else {
            None
        };
        if let Some((state, late)) = state {
            let text = match state {
                ReminderState::Overdue => Text::new(
                    format!(
                        "{id}: aftalen udløb {end}, men er ikke afsluttet; forny den med en ny version eller afslut den formelt."
                    ),
                    format!(
                        "{id}: the agreement's term ended on {end} but it is not ended; renew it with a new version or end it formally."
                    ),
                ),
                ReminderState::Due => Text::new(
                    format!("{id}: aftalen udløber {end}; aftal fornyelse eller afslutning."),
                    format!(
                        "{id}: the agreement's term ends on {end}; agree on renewal or ending."
                    ),
                ),
            };
            let mut rem = base(
                ReminderKind::TermEnd,
                state,
                end,
                late,
                id.to_owned(),
                tp.field("term").field("end"),
                text,
            );
            rem.source = Some(relations.clone());
            out.push(rem);
        }
    }

    // Briefing the political committee again, a year after the last briefing.
    let resources = SourceRef::new(SeedDocument::Lbb2017, "Ressourcer");
    let last = a
        .committee_briefings
        .iter()
        .enumerate()
        .filter(|(_, b)| b.on <= w.as_of)
        .max_by_key(|(j, b)| (b.on, *j));
    if let Some((j, b)) = last {
        let next =
            b.on.checked_add_months(Months::new(12))
                .unwrap_or(NaiveDate::MAX);
        if let Some((state, late)) = w.state(next) {
            let committee = &b.committee;
            let text = Text::new(
                format!(
                    "{id}: {committee} blev sidst orienteret {}; orientér udvalget igen senest {next}.",
                    b.on
                ),
                format!(
                    "{id}: {committee} was last briefed on {}; brief the committee again by {next}.",
                    b.on
                ),
            );
            let mut rem = base(
                ReminderKind::CommitteeBriefing,
                state,
                next,
                late,
                committee.clone(),
                ap.field("committee_briefings").index(j),
                text,
            );
            rem.source = Some(resources);
            out.push(rem);
        }
    }
}

/// What is due or overdue: reached by [`Dossier::reminders`].
#[derive(Debug)]
pub struct RemindersFacet<D> {
    dossier: D,
}

impl<D> RemindersFacet<D> {
    pub(crate) fn new(dossier: D) -> Self {
        Self { dossier }
    }
}

impl<D: Deref<Target = Dossier>> RemindersFacet<D> {
    /// Everything due on `as_of` or within `options.horizon_days` after it, and everything overdue, in
    /// the order to deal with it: overdue first (longest overdue first), then by day.
    pub fn due(&self, as_of: NaiveDate, options: impl Into<ReminderOptions>) -> Vec<Reminder> {
        reminders(&self.dossier, as_of, options.into().horizon_days)
    }
}

/// Reminders on a day, presented: the `reminders` table (the CLI's CSV) and the to-do list
/// (overdue first, then due), in text, Markdown or HTML.
#[derive(Debug, Clone, Copy)]
pub struct ReminderList<'a> {
    /// The day.
    pub as_of: NaiveDate,
    /// The horizon the list was made with, in days.
    pub horizon_days: u32,
    /// The reminders, as [`Dossier::reminders`] orders them.
    pub reminders: &'a [Reminder],
}

impl Present for ReminderList<'_> {
    fn title(&self, lang: Lang) -> String {
        match lang {
            Lang::Da => format!(
                "Påmindelser pr. {} (og de næste {})",
                self.as_of,
                DAY.count(lang, u64::from(self.horizon_days))
            ),
            Lang::En => format!(
                "Reminders as of {} (and the next {})",
                self.as_of,
                DAY.count(lang, u64::from(self.horizon_days))
            ),
        }
    }

    /// One table, `reminders`: `state`, `due_on`, `days_overdue`, `kind`, `agreement`,
    /// `cohort`, `subject`, `text` (in `lang`) and `source`.
    fn tables(&self, lang: Lang) -> Vec<Table> {
        let mut table = reminders_table();
        for r in self.reminders {
            table.push(vec![
                Cell::text(r.state.code()),
                Cell::date(r.due_on),
                Cell::int(r.days_overdue),
                Cell::value(&r.kind),
                Cell::opt(r.agreement.as_ref(), |a| Cell::text(a.as_str())),
                Cell::opt(r.cohort.as_ref(), |c| Cell::text(c.as_str())),
                Cell::text(r.subject.clone()),
                Cell::text(r.text.get(lang)),
                Cell::opt(r.source.as_ref(), |s| Cell::text(s.cite())),
            ]);
        }
        vec![table]
    }

    /// The title, then the overdue and the due, one line each: the day, the kind and the task.
    fn document(&self, lang: Lang) -> Document {
        let title = self.title(lang);
        let mut d = Document::new(lang, title.clone());
        d.push(Block::Heading(2, title));
        if self.reminders.is_empty() {
            d.push(Block::para(t(lang, "Intet forfalder.", "Nothing is due.")));
            return d;
        }
        for state in [ReminderState::Overdue, ReminderState::Due] {
            let mine: Vec<&Reminder> = self.reminders.iter().filter(|r| r.state == state).collect();
            if mine.is_empty() {
                continue;
            }
            let head = match state {
                ReminderState::Overdue => t(lang, "Overskredet", "Overdue"),
                ReminderState::Due => t(lang, "Forfalder", "Due"),
            };
            d.push(Block::Heading(3, format!("{head} ({})", mine.len())));
            d.push(Block::List(
                mine.iter()
                    .map(|r| {
                        let source = r
                            .source
                            .as_ref()
                            .map(|x| format!(" ({})", x.cite()))
                            .unwrap_or_default();
                        vec![
                            text(format!("{} ", r.due_on)),
                            Inline::Tag {
                                class: "info",
                                text: r.kind.label(lang).to_owned(),
                            },
                            text(format!(" {}{source}", r.text.get(lang))),
                        ]
                    })
                    .collect(),
            ));
        }
        d
    }
}

pub(crate) fn reminders_table() -> Table {
    Table::new(
        "reminders",
        Text::new("Påmindelser", "Reminders"),
        vec![
            Column::text("state", "Status", "State"),
            Column::date("due_on", "Dato", "Due on"),
            Column::integer("days_overdue", "Dage over", "Days overdue"),
            Column::text("kind", "Slags", "Kind"),
            Column::text("agreement", "Aftale", "Agreement").optional(),
            Column::text("cohort", "Kohorte", "Cohort").optional(),
            Column::text("subject", "Om", "Subject"),
            Column::text("text", "Opgave", "Task"),
            Column::text("source", "Kilde", "Source").optional(),
        ],
    )
}

/// The tables of this file by name, empty.
pub(crate) fn empty(name: &str) -> Option<Table> {
    Some(match name {
        "reminders" => reminders_table(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn ikast_in_the_first_quarter_of_2016() {
        let d = Dossier::example("ikast-brande").unwrap();
        let r = d
            .reminders()
            .due(day("2016-03-01"), ReminderOptions::horizon(14));
        assert!(!r.is_empty());
        // Overdue first, then by day.
        let states: Vec<ReminderState> = r.iter().map(|r| r.state).collect();
        let mut sorted = states.clone();
        sorted.sort();
        assert_eq!(states, sorted);
        assert!(r.iter().any(|r| r.kind == ReminderKind::Introduction));
        assert!(r.iter().any(|r| r.kind == ReminderKind::Meeting));
        for x in &r {
            match x.state {
                ReminderState::Overdue => {
                    assert!(x.due_on < day("2016-03-01") && x.days_overdue > 0)
                }
                // Within the horizon, or an introduction past its planned day and before its
                // deadline, which is due now whatever the horizon.
                ReminderState::Due => assert!(
                    x.due_on >= day("2016-03-01")
                        && x.days_overdue == 0
                        && (x.due_on <= day("2016-03-15") || x.kind == ReminderKind::Introduction)
                ),
            }
        }
        // A longer horizon gives at least as much.
        assert!(
            d.reminders()
                .due(day("2016-03-01"), ReminderOptions::horizon(60))
                .len()
                >= r.len()
        );
    }

    #[test]
    fn nothing_is_reminded_for_agreements_not_in_force() {
        let d = Dossier::example("horsens").unwrap();
        // Horsens' agreement is being negotiated on the day.
        assert!(
            d.reminders()
                .due(day("2017-08-01"), ReminderOptions::horizon(14))
                .iter()
                .all(|r| r.agreement.is_none())
        );
    }
}
