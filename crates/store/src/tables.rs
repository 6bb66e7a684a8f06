//! The audit trail and an entity's versions as the core's typed tables (`audit_log`,
//! `history`): what Python's DataFrames and the apps' lists read.

use crate::audit::AuditEvent;
use crate::store::Revision;
use brobygger::present::{Cell, Table};

/// `events` as the core's `audit_log` table.
pub fn log_table(events: &[AuditEvent]) -> Table {
    let mut table = brobygger::audit_log_table();
    for e in events {
        table.push(vec![
            Cell::int(e.seq),
            Cell::text(&e.at),
            Cell::text(&e.actor),
            Cell::text(&e.operation),
            Cell::text(&e.collection),
            Cell::text(&e.entity),
            Cell::text(e.action.as_str()),
            Cell::list(e.fields.iter().cloned()),
            Cell::text(&e.digest),
            Cell::text(&e.prev_hash),
            Cell::text(&e.hash),
        ]);
    }
    table
}

/// `revisions` as the core's `history` table.
pub fn history_table(revisions: &[Revision]) -> Table {
    let mut table = brobygger::history_table();
    for r in revisions {
        table.push(vec![
            Cell::int(r.seq),
            Cell::text(&r.at),
            Cell::text(&r.actor),
            Cell::text(&r.operation),
            Cell::text(r.action.as_str()),
            Cell::opt(r.json.as_deref(), Cell::text),
        ]);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::Action;

    #[test]
    fn every_field_of_an_event_has_its_column() {
        let e = AuditEvent {
            seq: 3,
            at: "2026-12-03T16:00:00.000Z".into(),
            actor: "anna".into(),
            operation: "rename".into(),
            collection: "dossier".into(),
            entity: "dossier".into(),
            action: Action::Updated,
            fields: vec!["title".into()],
            digest: "d".into(),
            prev_hash: "p".into(),
            hash: "h".into(),
        };
        let t = log_table(std::slice::from_ref(&e));
        let json = serde_json::to_value(&e).unwrap();
        let fields = json.as_object().unwrap();
        fn sorted(mut v: Vec<&str>) -> Vec<&str> {
            v.sort_unstable();
            v
        }
        assert_eq!(
            sorted(t.names()),
            sorted(fields.keys().map(String::as_str).collect())
        );
        let r = Revision {
            seq: 3,
            at: e.at.clone(),
            actor: "anna".into(),
            operation: "erase".into(),
            action: Action::Erased,
            json: None,
        };
        let t = history_table(std::slice::from_ref(&r));
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            sorted(t.names()),
            sorted(
                json.as_object()
                    .unwrap()
                    .keys()
                    .map(String::as_str)
                    .collect()
            )
        );
        assert_eq!(t.rows[0][5], Cell::Missing);
    }
}
