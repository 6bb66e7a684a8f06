#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The solvers built for scale (issue 12) against simple references: the dense assignment
//! solver against brute force over every permutation (square and rectangular, integer and
//! float, minimising and maximising, with forbidden cells), the sparse optimal solver's bidding
//! phase against plain shortest augmenting paths, and parallel candidate generation against
//! the sequential one.

mod common;

use brobygger::matching;
use brobygger::matching::*;
use brobygger::matching::{AssignmentError, Objective, linear_sum_assignment, solve_dense};
use proptest::prelude::*;

/// The shared fixtures (also asserted by pytest and Kotlin): unique optima and an infeasible
/// matrix, with `null` as a forbidden cell.
#[test]
fn assignment_fixtures_give_the_expected_answers() {
    let dir = common::fixtures().join("assignment");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(case) = name.strip_suffix(".input.json") else {
            continue;
        };
        let input: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let want: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{case}.expected.json"))).unwrap(),
        )
        .unwrap();
        let objective: Objective = serde_json::from_value(input["objective"].clone()).unwrap();
        let forbidden = match objective {
            Objective::Minimize => f64::INFINITY,
            Objective::Maximize => f64::NEG_INFINITY,
        };
        let rows = input["costs"].as_array().unwrap();
        let cols = rows[0].as_array().unwrap().len();
        let costs: Vec<f64> = rows
            .iter()
            .flat_map(|r| {
                r.as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_f64().unwrap_or(forbidden))
            })
            .collect();
        match linear_sum_assignment(&costs, rows.len(), cols, objective) {
            Ok(a) => assert_eq!(serde_json::to_value(&a).unwrap(), want, "{case}"),
            Err(e) => assert_eq!(e.code(), want["error"], "{case}"),
        }
        seen += 1;
    }
    assert_eq!(seen, 5);
}

/// The best total over every way to pick one cell per row and column of the smaller side, or
/// None if each uses a forbidden cell.
fn brute_force(c: &[f64], rows: usize, cols: usize, objective: Objective) -> Option<f64> {
    fn go(
        c: &[f64],
        rows: usize,
        cols: usize,
        i: usize,
        used: &mut Vec<bool>,
        better: &dyn Fn(f64, f64) -> bool,
    ) -> Option<f64> {
        if i == rows {
            return Some(0.0);
        }
        let mut best: Option<f64> = None;
        for j in 0..cols {
            let x = c[i * cols + j];
            if used[j] || !x.is_finite() {
                continue;
            }
            used[j] = true;
            if let Some(rest) = go(c, rows, cols, i + 1, used, better) {
                let t = rest + x;
                if best.is_none_or(|b| better(t, b)) {
                    best = Some(t);
                }
            }
            used[j] = false;
        }
        best
    }
    let better = move |a: f64, b: f64| match objective {
        Objective::Minimize => a < b,
        Objective::Maximize => a > b,
    };
    if rows <= cols {
        go(c, rows, cols, 0, &mut vec![false; cols], &better)
    } else {
        let mut t = vec![0.0; c.len()];
        for i in 0..rows {
            for j in 0..cols {
                t[j * rows + i] = c[i * cols + j];
            }
        }
        go(&t, cols, rows, 0, &mut vec![false; rows], &better)
    }
}

fn arb_matrix(integer: bool) -> impl Strategy<Value = (usize, usize, Vec<f64>)> {
    (1usize..=6, 1usize..=6).prop_flat_map(move |(r, c)| {
        let cell = if integer {
            (0i32..12).prop_map(f64::from).boxed()
        } else {
            (-1000.0f64..1000.0).boxed()
        };
        // About one cell in eight forbidden.
        let cell = prop_oneof![7 => cell, 1 => Just(f64::INFINITY)];
        (Just(r), Just(c), prop::collection::vec(cell, r * c))
    })
}

fn check(
    rows: usize,
    cols: usize,
    mut c: Vec<f64>,
    objective: Objective,
) -> Result<(), TestCaseError> {
    if objective == Objective::Maximize {
        for x in &mut c {
            if x.is_infinite() {
                *x = f64::NEG_INFINITY;
            }
        }
    }
    let expected = brute_force(&c, rows, cols, objective);
    match (solve_dense(&c, rows, cols, objective), expected) {
        (Ok(a), Some(best)) => {
            let k = rows.min(cols);
            prop_assert_eq!(a.rows.len(), k);
            prop_assert!(a.rows.windows(2).all(|w| w[0] < w[1]));
            let mut seen = std::collections::HashSet::new();
            prop_assert!(a.columns.iter().all(|j| seen.insert(*j)));
            let sum: f64 = a
                .rows
                .iter()
                .zip(&a.columns)
                .map(|(&i, &j)| c[i as usize * cols + j as usize])
                .sum();
            prop_assert!(sum.is_finite());
            prop_assert!((sum - a.total).abs() <= 1e-9 * (1.0 + sum.abs()));
            prop_assert!(
                (a.total - best).abs() <= 1e-9 * (1.0 + best.abs()),
                "{} vs {}",
                a.total,
                best
            );
        }
        (Err(AssignmentError::Infeasible), None) => {}
        (got, want) => prop_assert!(false, "got {:?}, brute force {:?}", got, want),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn dense_assignment_equals_brute_force_on_integers(
        (rows, cols, c) in arb_matrix(true), maximize in any::<bool>()
    ) {
        let objective = if maximize { Objective::Maximize } else { Objective::Minimize };
        check(rows, cols, c, objective)?;
    }

    #[test]
    fn dense_assignment_equals_brute_force_on_floats(
        (rows, cols, c) in arb_matrix(false), maximize in any::<bool>()
    ) {
        let objective = if maximize { Objective::Maximize } else { Objective::Minimize };
        check(rows, cols, c, objective)?;
    }
}

/// Many ties (few distinct costs) exercise the warm start's tie handling on bigger matrices:
/// the dense solver must agree with the sparse optimal solver run on the same full matrix.
#[test]
fn dense_assignment_agrees_with_the_flow_solver_on_tied_matrices() {
    let mut seed = 11u64;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        seed >> 33
    };
    for (rows, cols) in [(30, 30), (25, 40), (40, 25), (60, 60)] {
        let scores: Vec<f64> = (0..rows * cols).map(|_| (next() % 4) as f64).collect();
        let dense = solve_dense(&scores, rows, cols, Objective::Maximize).unwrap();
        // The flow solver maximises score then matches; offsetting every score by a constant
        // larger than any difference makes it match as many as it can, as the dense solver
        // must, without changing which complete assignment is best.
        let lists = (0..rows)
            .map(|i| {
                (0..cols)
                    .map(|j| (j as u32, scores[i * cols + j] as i64 + 1_000))
                    .collect()
            })
            .collect();
        let c = Candidates::from_lists(lists, vec![1; cols]);
        let a = matching::optimal(&c);
        let total: i64 = a
            .iter()
            .enumerate()
            .filter_map(|(i, j)| j.map(|j| c.score(i, j).unwrap() - 1_000))
            .sum();
        assert_eq!(total as f64, dense.total, "{rows} x {cols}");
    }
}

fn arb_candidates(max_n: usize, max_m: usize, max_score: i64) -> impl Strategy<Value = Candidates> {
    (1..=max_n, 1..=max_m).prop_flat_map(move |(n, m)| {
        let lists = prop::collection::vec(
            prop::collection::vec((0..m as u32, 0i64..max_score), 0..=m.min(8)),
            n,
        );
        let caps = prop::collection::vec(0u32..4, m);
        (lists, caps).prop_map(|(l, c)| Candidates::from_lists(l, c))
    })
}

fn totals(c: &Candidates, a: &[Option<u32>]) -> (i64, usize) {
    let mut load = vec![0u32; c.offers()];
    let mut s = (0, 0);
    for (i, j) in a.iter().enumerate() {
        if let Some(j) = j {
            load[*j as usize] += 1;
            s.0 += c.score(i, *j).expect("only candidate pairs");
            s.1 += 1;
        }
    }
    assert!(load.iter().zip(&c.capacities).all(|(l, cap)| l <= cap));
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Heavy contention (many households, few places) and few distinct scores (ties) are where
    /// the bidding phase works hardest and hands households over to the shortest paths.
    #[test]
    fn bidding_then_shortest_paths_equals_shortest_paths_alone(
        c in arb_candidates(400, 60, 6), wide in arb_candidates(200, 40, 1_000_000)
    ) {
        for c in [&c, &wide] {
            let fast = matching::optimal(c);
            let reference = matching::optimal_by_shortest_paths(c);
            prop_assert_eq!(totals(c, &fast), totals(c, &reference));
            prop_assert_eq!(matching::optimal(c), fast, "deterministic");
        }
    }
}

/// Any `f64`, special values included (NaN, both infinities, subnormals, the largest). The
/// rest of a matrix is finite; `ANY` cells are one in twelve, or one in four thousand, so a
/// first bad cell lands early in some matrices and in a later block of the check in others.
fn arb_any_matrix() -> impl Strategy<Value = (usize, usize, Vec<f64>)> {
    (
        1usize..=40,
        1usize..=70,
        prop_oneof![Just(11u32), Just(4000u32)],
    )
        .prop_flat_map(|(r, c, finite)| {
            let cell = prop_oneof![
                finite => prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
                1 => prop::num::f64::ANY,
            ];
            (Just(r), Just(c), prop::collection::vec(cell, r * c))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever the numbers, the matrix as a slice, as bytes in this machine's order, as bytes
    /// in the other order, and transposed give one answer: the first bad cell in the matrix's
    /// own row order, or the same optimum. Never a panic.
    #[test]
    fn any_real_matrix_answers_alike_on_every_path(
        (r, k, c) in arb_any_matrix(), maximize in any::<bool>()
    ) {
        let o = if maximize { Objective::Maximize } else { Objective::Minimize };
        let first_bad = c.iter().position(|&x| {
            x.is_nan() || x == if maximize { f64::INFINITY } else { f64::NEG_INFINITY }
        });
        let slice = solve_dense(&c, r, k, o);
        match first_bad {
            Some(p) => prop_assert_eq!(
                slice.clone().unwrap_err(),
                AssignmentError::InvalidEntry { row: p / k, col: p % k }
            ),
            None => {
                let invalid = matches!(slice, Err(AssignmentError::InvalidEntry { .. }));
                prop_assert!(!invalid, "no bad cell, yet {:?}", slice);
            }
        }
        let native = if cfg!(target_endian = "big") { ">f8" } else { "<f8" };
        let other = if cfg!(target_endian = "big") { "<f8" } else { ">f8" };
        let ne: Vec<u8> = c.iter().flat_map(|x| x.to_ne_bytes()).collect();
        let swapped: Vec<u8> = c
            .iter()
            .flat_map(|x| x.to_bits().swap_bytes().to_ne_bytes())
            .collect();
        for (bytes, t) in [(&ne, native), (&swapped, other)] {
            let got = solve_dense_bytes(bytes, t, r, k, o);
            match (&slice, got) {
                (Ok(a), Ok(b)) => {
                    prop_assert_eq!((&a.rows, &a.columns), (&b.rows, &b.columns));
                    prop_assert_eq!(DenseTotal::Real(a.total), b.total);
                }
                (Err(a), Err(b)) => prop_assert_eq!(a, &b),
                (a, b) => prop_assert!(false, "slice {:?}, bytes {:?}", a, b),
            }
        }
        // Transposed, the first bad cell is the first in the transposed row order.
        let tall: Vec<f64> = (0..r * k).map(|x| c[(x % r) * k + x / r]).collect();
        let t = solve_dense(&tall, k, r, o);
        if let Some(q) = tall.iter().position(|&x| {
            x.is_nan() || x == if maximize { f64::INFINITY } else { f64::NEG_INFINITY }
        }) {
            let want = AssignmentError::InvalidEntry { row: q / r, col: q % r };
            prop_assert_eq!(t.unwrap_err(), want);
        } else if let (Ok(a), Ok(b)) = (&slice, &t) {
            prop_assert_eq!(a.rows.len(), b.rows.len());
        }
    }

    /// Any `i64`, the whole range: the bytes path (solved in place when the values allow,
    /// shifted otherwise, in `i64` or `i128`) equals the slice path, and the total is exact.
    #[test]
    fn any_integer_matrix_answers_alike_as_bytes(
        (r, k) in (1usize..=12, 1usize..=12),
        cells in prop::collection::vec(any::<i64>(), 144),
        small in any::<bool>(),
        maximize in any::<bool>(),
    ) {
        let o = if maximize { Objective::Maximize } else { Objective::Minimize };
        // Half the cases near zero, where the in-place path applies.
        let c: Vec<i64> = cells[..r * k]
            .iter()
            .map(|&x| if small { x % 1000 } else { x })
            .collect();
        let want = solve_dense_integers(&c, r, k, o).unwrap();
        let bytes: Vec<u8> = c.iter().flat_map(|x| x.to_ne_bytes()).collect();
        let native = if cfg!(target_endian = "big") { ">i8" } else { "<i8" };
        prop_assert_eq!(solve_dense_bytes(&bytes, native, r, k, o).unwrap(), want.clone());
        let exact: i128 = want
            .rows
            .iter()
            .zip(&want.columns)
            .map(|(&i, &j)| i128::from(c[i as usize * k + j as usize]))
            .sum();
        prop_assert_eq!(want.total, DenseTotal::Integer(exact));
    }
}
