//! Short text keys for tasks and parties, so apps, Python and command lines can name a task
//! (`match_volunteers`, `activity:act-homework`, `custom:t-plan`) or a party
//! (`department:aalborg/ctf`) without building the tagged structure.

use super::error::RoleError;
use super::split::TaskRef;
use crate::actors::PartyRef;
use std::fmt;

impl TaskRef {
    /// The task's key: the catalogue id as it is (`integration_contract`),
    /// `activity:<activity id>` or `custom:<task id>`.
    pub fn key(&self) -> String {
        match self {
            TaskRef::Catalogue { id } => id.to_string(),
            TaskRef::Activity { activity } => format!("activity:{activity}"),
            TaskRef::Custom { id } => format!("custom:{id}"),
        }
    }

    /// Reads a key made by [`TaskRef::key`]; `catalogue:<id>` is accepted too.
    pub fn parse_key(key: &str) -> Result<TaskRef, RoleError> {
        let key = key.trim();
        let bad = || RoleError::BadKey {
            what: "task",
            reason: "expected a catalogue id, activity:<id> or custom:<id>".into(),
        };
        let non_empty = |s: &str| {
            if s.is_empty() {
                Err(bad())
            } else {
                Ok(s.to_owned())
            }
        };
        if let Some(rest) = key.strip_prefix("activity:") {
            Ok(TaskRef::activity(non_empty(rest)?))
        } else if let Some(rest) = key.strip_prefix("custom:") {
            Ok(TaskRef::custom(non_empty(rest)?))
        } else if let Some(rest) = key.strip_prefix("catalogue:") {
            Ok(TaskRef::catalogue(non_empty(rest)?))
        } else if key.is_empty() || key.contains(':') {
            Err(bad())
        } else {
            Ok(TaskRef::catalogue(key))
        }
    }
}

impl fmt::Display for TaskRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

impl PartyRef {
    /// Reads a key made by [`PartyRef::key`]: `municipality:<id>`,
    /// `department:<municipality>/<department>` or `organisation:<org id>`.
    pub fn parse_key(key: &str) -> Result<PartyRef, RoleError> {
        let bad = || {
            RoleError::BadKey {
            what: "party",
            reason: "expected municipality:<id>, department:<municipality>/<department> or organisation:<id>".into(),
        }
        };
        let (kind, rest) = key.trim().split_once(':').ok_or_else(bad)?;
        if rest.is_empty() {
            return Err(bad());
        }
        match kind {
            "municipality" => Ok(PartyRef::Municipality {
                municipality: rest.into(),
            }),
            "department" => match rest.split_once('/') {
                Some((m, d)) if !m.is_empty() && !d.is_empty() => Ok(PartyRef::Department {
                    municipality: m.into(),
                    department: d.into(),
                }),
                _ => Err(bad()),
            },
            "organisation" => Ok(PartyRef::Organisation {
                organisation: rest.into(),
            }),
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_keys_round_trip() {
        for t in [
            TaskRef::catalogue("integration_contract"),
            TaskRef::activity("act-homework"),
            TaskRef::custom("t-plan"),
        ] {
            assert_eq!(TaskRef::parse_key(&t.key()).ok(), Some(t));
        }
        assert_eq!(
            TaskRef::parse_key("catalogue:coordinate").ok(),
            Some(TaskRef::catalogue("coordinate"))
        );
        for bad in ["", "activity:", "other:x", "custom:"] {
            assert!(TaskRef::parse_key(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn party_keys_round_trip() {
        for p in [
            PartyRef::Municipality {
                municipality: "aalborg".into(),
            },
            PartyRef::Department {
                municipality: "aalborg".into(),
                department: "ctf".into(),
            },
            PartyRef::Organisation {
                organisation: "DK-LOCAL-roede-kors-aalborg".into(),
            },
        ] {
            assert_eq!(PartyRef::parse_key(&p.key()).ok(), Some(p));
        }
        for bad in [
            "",
            "aalborg",
            "department:aalborg",
            "department:/x",
            "club:x",
            "organisation:",
        ] {
            assert!(PartyRef::parse_key(bad).is_err(), "{bad}");
        }
    }
}
