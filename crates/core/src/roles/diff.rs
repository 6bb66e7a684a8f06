//! The difference between two versions of a split, for amendments: which cells were added,
//! removed or changed (same task, party and role; another carrier, estimate or note), and which
//! custom tasks came and went.

use super::model::split::{Assignment, Carrier, CustomTask, RoleSplit};
use super::tasks::{Located, Scope};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::i18n::{Label, Lang};
use crate::ids::AgreementId;
use std::fmt::Write;

/// An assignment whose carrier, hours or note changed between versions.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AssignmentChange {
    /// The cell before.
    pub before: Assignment,
    /// The cell after.
    pub after: Assignment,
}

/// A custom task whose name, description or statutory flag changed between versions.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CustomTaskChange {
    /// The task before.
    pub before: CustomTask,
    /// The task after.
    pub after: CustomTask,
}

/// What changed in a split between two versions of an agreement.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RoleSplitDiff {
    /// The older version.
    pub from_version: u32,
    /// The newer version.
    pub to_version: u32,
    /// Cells only in the newer version, in its order.
    pub added: Vec<Assignment>,
    /// Cells only in the older version, in its order.
    pub removed: Vec<Assignment>,
    /// Cells in both whose carrier, hours or note changed.
    pub changed: Vec<AssignmentChange>,
    /// Custom tasks only in the newer version.
    pub tasks_added: Vec<CustomTask>,
    /// Custom tasks only in the older version.
    pub tasks_removed: Vec<CustomTask>,
    /// Custom tasks in both that changed.
    pub tasks_changed: Vec<CustomTaskChange>,
}

impl RoleSplitDiff {
    /// The difference from `old` to `new`. A cell is identified by task, party and role.
    pub fn between(old: &RoleSplit, new: &RoleSplit, from_version: u32, to_version: u32) -> Self {
        let find = |split: &RoleSplit, a: &Assignment| {
            split
                .assignments
                .iter()
                .find(|b| b.is(&a.task, &a.party, a.role))
                .cloned()
        };
        let mut diff = RoleSplitDiff {
            from_version,
            to_version,
            ..Self::default()
        };
        for a in &new.assignments {
            match find(old, a) {
                None => diff.added.push(a.clone()),
                Some(before) if &before != a => diff.changed.push(AssignmentChange {
                    before,
                    after: a.clone(),
                }),
                Some(_) => {}
            }
        }
        diff.removed = old
            .assignments
            .iter()
            .filter(|a| find(new, a).is_none())
            .cloned()
            .collect();
        for t in &new.tasks {
            match old.custom_task(&t.id) {
                None => diff.tasks_added.push(t.clone()),
                Some(before) if before != t => diff.tasks_changed.push(CustomTaskChange {
                    before: before.clone(),
                    after: t.clone(),
                }),
                Some(_) => {}
            }
        }
        diff.tasks_removed = old
            .tasks
            .iter()
            .filter(|t| new.custom_task(&t.id).is_none())
            .cloned()
            .collect();
        diff
    }

    /// Whether the two versions split the roles identically.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.tasks_added.is_empty()
            && self.tasks_removed.is_empty()
            && self.tasks_changed.is_empty()
    }
}

pub(crate) fn role_diff(
    dossier: &Dossier,
    agreement: &AgreementId,
    from_version: u32,
    to_version: u32,
) -> Result<RoleSplitDiff, BrobyggerError> {
    let old = Located::find(dossier, agreement, Some(from_version))?;
    let new = Located::find(dossier, agreement, Some(to_version))?;
    Ok(RoleSplitDiff::between(
        &old.terms().roles,
        &new.terms().roles,
        from_version,
        to_version,
    ))
}

pub(crate) fn describe_role_diff(
    dossier: &Dossier,
    agreement: &AgreementId,
    from_version: u32,
    to_version: u32,
    lang: Lang,
) -> Result<String, BrobyggerError> {
    let diff = role_diff(dossier, agreement, from_version, to_version)?;
    let old = Located::find(dossier, agreement, Some(from_version))?;
    let new = Located::find(dossier, agreement, Some(to_version))?;
    let (old_path, new_path) = (old.terms_path(), new.terms_path());
    let old_scope = Scope::new(dossier, old.terms(), &old_path);
    let new_scope = Scope::new(dossier, new.terms(), &new_path);
    let name = |scope: &Scope<'_>, a: &Assignment| {
        scope
            .resolve(&a.task)
            .map(|t| t.name.get(lang).to_owned())
            .unwrap_or_else(|| a.task.key())
    };
    let cell = |scope: &Scope<'_>, a: &Assignment| {
        format!(
            "{} – {}: {} ({})",
            name(scope, a),
            dossier.party_name(&a.party),
            a.role.letter(),
            a.role.label(lang)
        )
    };
    let carrier = |c: &Option<Carrier>| match c {
        None => "–".to_owned(),
        Some(Carrier::Post { post }) => dossier
            .post(post)
            .map(|p| p.title.clone())
            .unwrap_or_else(|| post.to_string()),
        Some(Carrier::Person { .. }) => match lang {
            Lang::Da => "navngiven person".to_owned(),
            Lang::En => "named person".to_owned(),
        },
    };
    let hours = |h: Option<f64>| h.map_or_else(|| "–".to_owned(), |h| format!("{h}"));
    let what_changed = |c: &AssignmentChange| {
        let mut parts = Vec::new();
        if c.before.carried_by != c.after.carried_by {
            parts.push(format!(
                "{} {} → {}",
                match lang {
                    Lang::Da => "bæres af",
                    Lang::En => "carried by",
                },
                carrier(&c.before.carried_by),
                carrier(&c.after.carried_by)
            ));
        }
        if c.before.hours_per_month != c.after.hours_per_month {
            parts.push(format!(
                "{} {} → {}",
                match lang {
                    Lang::Da => "timer/md.",
                    Lang::En => "hours/month",
                },
                hours(c.before.hours_per_month),
                hours(c.after.hours_per_month)
            ));
        }
        if c.before.note != c.after.note {
            parts.push(
                match lang {
                    Lang::Da => "ny note",
                    Lang::En => "new note",
                }
                .to_owned(),
            );
        }
        parts.join(", ")
    };
    let (t_added, t_removed, t_changed, t_task_added, t_task_removed, t_task_changed) = match lang {
        Lang::Da => (
            "Tilføjet",
            "Fjernet",
            "Ændret",
            "Ny egen opgave",
            "Egen opgave fjernet",
            "Egen opgave ændret",
        ),
        Lang::En => (
            "Added",
            "Removed",
            "Changed",
            "New own task",
            "Own task removed",
            "Own task changed",
        ),
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {from_version} → {to_version}:",
        match lang {
            Lang::Da => "Rollefordeling, version",
            Lang::En => "Role split, version",
        }
    );
    if diff.is_empty() {
        let _ = writeln!(
            s,
            "- {}",
            match lang {
                Lang::Da => "Ingen ændringer.",
                Lang::En => "No changes.",
            }
        );
    }
    for t in &diff.tasks_added {
        let _ = writeln!(s, "- {t_task_added}: {}", t.name);
    }
    for t in &diff.tasks_removed {
        let _ = writeln!(s, "- {t_task_removed}: {}", t.name);
    }
    for c in &diff.tasks_changed {
        let _ = writeln!(
            s,
            "- {t_task_changed}: {} → {}",
            c.before.name, c.after.name
        );
    }
    for a in &diff.added {
        let _ = writeln!(s, "- {t_added}: {}", cell(&new_scope, a));
    }
    for a in &diff.removed {
        let _ = writeln!(s, "- {t_removed}: {}", cell(&old_scope, a));
    }
    for c in &diff.changed {
        let _ = writeln!(
            s,
            "- {t_changed}: {} ({})",
            cell(&new_scope, &c.after),
            what_changed(c)
        );
    }
    Ok(s)
}
