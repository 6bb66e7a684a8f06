#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Small-cell suppression under attack (issue 18, item 4): an attacker holding every table of one
//! analyst export writes down every sum the tables publish (each partition table adds up to the
//! total, each two-way table's rows and columns add up to the one-way tables' cells, every listed
//! cell counts at least one household), then tries to recover each hidden cell by solving the
//! linear system and by bounding it. The test fails if any hidden cell under the threshold is
//! pinned to one value, for generated cohorts of any shape and every threshold from 2 to 8.

use brobygger::matching::{MatchOptions, MatchRequest, Solver};
use brobygger::privacy::{
    AggregateDimension, AnalystExport, AnalystExportOptions, SafeTable, SafeTableRequest,
};
use brobygger::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

type Var = (usize, usize);

/// What the attacker writes down: for each sum, its unknown cells, the known part moved to the
/// right-hand side, and whether the total is unknown.
struct Sum {
    unknown: Vec<Var>,
    total_unknown: bool,
    /// margin (if a cell: its index) and the known value.
    margin_cell: Option<Var>,
    rhs: i64,
}

fn sums(export: &AnalystExport) -> Vec<Sum> {
    let tables = &export.tables;
    let total = tables.iter().find_map(|t| t.total).map(i64::from);
    let mut out = Vec::new();
    for (ti, t) in tables.iter().enumerate() {
        if !t.dimensions.iter().all(|d| d.is_partition()) {
            continue;
        }
        let mut add = |cells: Vec<usize>, margin: Result<Option<Var>, ()>| {
            let mut unknown = Vec::new();
            let mut known = 0i64;
            for c in cells {
                match t.cells[c].count {
                    Some(v) => known += i64::from(v),
                    None => unknown.push((ti, c)),
                }
            }
            let (margin_cell, margin_value, total_unknown) = match margin {
                Err(()) => (None, total, total.is_none()),
                Ok(Some((mt, mc))) => {
                    let v = tables[mt].cells[mc].count.map(i64::from);
                    (v.is_none().then_some((mt, mc)), v, false)
                }
                Ok(None) => return,
            };
            out.push(Sum {
                unknown,
                total_unknown,
                margin_cell,
                rhs: margin_value.unwrap_or(0) - known,
            });
        };
        add((0..t.cells.len()).collect(), Err(()));
        if t.dimensions.len() == 2 {
            for (axis, dim) in t.dimensions.iter().enumerate() {
                let Some(one) = tables.iter().position(|o| o.dimensions == [*dim]) else {
                    continue;
                };
                for (c1, cell1) in tables[one].cells.iter().enumerate() {
                    if cell1.keys == ["*"] {
                        continue;
                    }
                    let cells = (0..t.cells.len())
                        .filter(|c| t.cells[*c].keys.get(axis) == cell1.keys.first())
                        .collect();
                    add(cells, Ok(Some((one, c1))));
                }
            }
        }
    }
    out
}

/// Bounds each hidden cell: at least 1 (it is listed), at most the total; narrowed by every sum.
fn bounds(export: &AnalystExport, sums: &[Sum]) -> BTreeMap<Var, (i64, i64)> {
    let most = export
        .tables
        .iter()
        .find_map(|t| t.total)
        .map_or(i64::from(u32::MAX), i64::from);
    let mut b: BTreeMap<Var, (i64, i64)> = BTreeMap::new();
    for (ti, t) in export.tables.iter().enumerate() {
        for (c, cell) in t.cells.iter().enumerate() {
            if cell.count.is_none() {
                b.insert((ti, c), (1, most));
            }
        }
    }
    for _ in 0..200 {
        let mut changed = false;
        for s in sums.iter().filter(|s| !s.total_unknown) {
            // sum(unknown) - margin_cell = rhs
            let (lo_sum, hi_sum) = s
                .unknown
                .iter()
                .fold((0, 0), |(l, h), v| (l + b[v].0, h + b[v].1));
            let (m_lo, m_hi) = s.margin_cell.map_or((0, 0), |m| b[&m]);
            if let Some(m) = s.margin_cell {
                let x = b[&m];
                let next = (x.0.max(lo_sum - s.rhs), x.1.min(hi_sum - s.rhs));
                changed |= next != x;
                b.insert(m, next);
            }
            for v in &s.unknown {
                let (lo, hi) = b[v];
                let next = (
                    lo.max(s.rhs + m_lo - (hi_sum - hi)),
                    hi.min(s.rhs + m_hi - (lo_sum - lo)),
                );
                changed |= next != (lo, hi);
                b.insert(*v, next);
            }
        }
        if !changed {
            break;
        }
    }
    b
}

/// The hidden cells the sums fix as a linear system.
fn solved(export: &AnalystExport, sums: &[Sum]) -> Vec<Var> {
    let vars: Vec<Var> = bounds(export, &[]).into_keys().collect();
    let col = |v: &Var| vars.iter().position(|x| x == v).unwrap();
    let mut rows: Vec<Vec<f64>> = sums
        .iter()
        .filter(|s| !s.total_unknown)
        .map(|s| {
            let mut r = vec![0.0; vars.len()];
            for v in &s.unknown {
                r[col(v)] += 1.0;
            }
            if let Some(m) = &s.margin_cell {
                r[col(m)] -= 1.0;
            }
            r
        })
        .collect();
    let mut pivots = Vec::new();
    let mut top = 0;
    for c in 0..vars.len() {
        if top == rows.len() {
            break;
        }
        let Some(p) = (top..rows.len()).find(|&r| rows[r][c].abs() > 1e-9) else {
            continue;
        };
        rows.swap(top, p);
        let f = rows[top][c];
        for x in &mut rows[top] {
            *x /= f;
        }
        let pivot = rows[top].clone();
        for (r, row) in rows.iter_mut().enumerate() {
            if r != top && row[c].abs() > 1e-9 {
                let g = row[c];
                for (x, y) in row.iter_mut().zip(&pivot) {
                    *x -= g * y;
                }
            }
        }
        pivots.push((top, c));
        top += 1;
    }
    pivots
        .into_iter()
        .filter(|&(r, c)| {
            rows[r]
                .iter()
                .enumerate()
                .all(|(k, x)| k == c || x.abs() <= 1e-9)
        })
        .map(|(_, c)| vars[c])
        .collect()
}

/// Each table of the export as it would be with nothing hidden (the truth the attacker wants).
fn truth(d: &Dossier, o: &AnalystExportOptions, t: &SafeTable) -> Vec<u32> {
    d.privacy()
        .safe_table(&SafeTableRequest {
            cohort: o.cohort.clone(),
            by: t.dimensions.clone(),
            on: o.on,
            run: o.run.clone(),
            min_cell: 1,
        })
        .unwrap()
        .cells
        .iter()
        .map(|c| c.count.unwrap())
        .collect()
}

fn attack(d: &Dossier, o: &AnalystExportOptions) {
    let export = d.privacy().analyst_export(o).unwrap();
    let sums = sums(&export);
    let b = bounds(&export, &sums);
    let solved = solved(&export, &sums);
    for (ti, t) in export.tables.iter().enumerate() {
        let true_counts = truth(d, o, t);
        assert_eq!(true_counts.len(), t.cells.len());
        for (c, cell) in t.cells.iter().enumerate() {
            let v = i64::from(true_counts[c]);
            match cell.count {
                Some(shown) => assert_eq!(i64::from(shown), v),
                None => {
                    let (lo, hi) = b[&(ti, c)];
                    assert!(
                        lo <= v && v <= hi,
                        "bounds exclude the truth: {lo}..{hi} vs {v}"
                    );
                    if v < i64::from(o.min_cell) {
                        assert!(
                            lo < hi && !solved.contains(&(ti, c)),
                            "{:?} cell {:?} = {v} (under {}) is recovered: bounds {lo}..{hi}, solved {}",
                            t.dimensions,
                            cell.keys,
                            o.min_cell,
                            solved.contains(&(ti, c))
                        );
                    }
                    // A hidden cell of a free-text dimension never shows its key.
                    for (k, dim) in t.dimensions.iter().enumerate() {
                        if *dim == AggregateDimension::Area {
                            assert_eq!(cell.keys[k], "*");
                        }
                    }
                }
            }
        }
    }
}

fn day() -> chrono::NaiveDate {
    "2016-06-01".parse().unwrap()
}

fn with_run(mut d: Dossier) -> (Dossier, AnalystExportOptions) {
    let run = d
        .matching()
        .match_cohort(&MatchRequest {
            cohort: d.cohorts[0].id.clone(),
            rule_set: d.rule_sets[0].id.clone(),
            options: MatchOptions::new(Solver::Optimal, "2016-04-01".parse().unwrap()),
        })
        .unwrap();
    let id = run.id.clone();
    d.matching_mut().add_run(run).unwrap();
    let o = AnalystExportOptions {
        cohort: d.cohorts[0].id.clone(),
        on: day(),
        run: Some(id),
        min_cell: 5,
    };
    (d, o)
}

#[test]
fn the_ikast_export_gives_away_no_hidden_cell_at_any_threshold() {
    let (d, mut o) = with_run(Dossier::example("ikast-brande").unwrap());
    for min in 2..=8 {
        o.min_cell = min;
        attack(&d, &o);
        let mut without = o.clone();
        without.run = None;
        attack(&d, &without);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn generated_cohorts_give_away_no_hidden_cell(
        households in prop::collection::vec(
            (0usize..6, 0usize..4, 1u32..3, 1u32..=12, 0usize..10),
            6..36,
        ),
        min in 2u32..=6,
    ) {
        let mut d = Dossier::example("ikast-brande").unwrap();
        let base = d.cohorts[0].newcomers.clone();
        let areas = ["Bording", "Ikast", "Brande", "Nørre Snede", "Engesvang", "Fatimas gade 3"];
        d.cohorts[0].introductions.clear();
        d.cohorts[0].newcomers = households
            .iter()
            .enumerate()
            .map(|(k, (area, children, adults, month, like))| {
                let mut n = base[*like].clone();
                n.id = format!("nc-7000-{k:04}").into();
                n.area = Some(areas[*area].to_owned());
                n.household.adults = *adults;
                n.household.children_ages = vec![4; *children];
                n.arrival = chrono::NaiveDate::from_ymd_opt(2015, *month, 1).unwrap();
                n.integration_contract_meeting = None;
                n.waiting_since = None;
                n
            })
            .collect();
        d.privacy.consents.clear();
        d.privacy.proposals.clear();
        let (d, mut o) = with_run(d);
        o.min_cell = min;
        attack(&d, &o);
    }
}
