//! Dense optimal assignment (the linear sum assignment problem): given a `rows × cols` matrix
//! of costs or scores, pick one cell per row and per column (`min(rows, cols)` cells) with the
//! least total cost, or the largest total score. The same problem and answer shape as
//! `scipy.optimize.linear_sum_assignment`, for callers who have a full matrix (a coordinator's
//! spreadsheet of scores, a small municipality's households × contact families).
//!
//! The solver is Jonker–Volgenant's: column reduction with reduction transfer (square
//! matrices), two passes of augmenting row reduction (an auction that keeps the dual feasible),
//! then a shortest augmenting path per remaining row, Dijkstra over the dense reduced costs.
//! It is exact for any finite costs; `+∞` (for minimising; `−∞` when maximising) forbids a
//! cell. Profiles with rules belong in the sparse solvers of [`crate::matching::solve`], which
//! never form a matrix.
//!
//! ```
//! use brobygger::matching::{linear_sum_assignment, Objective};
//!
//! // Three households × three contact families, scores (higher is better).
//! let scores = [4.0, 1.0, 3.0, 2.0, 0.0, 5.0, 3.0, 2.0, 2.0];
//! let a = linear_sum_assignment(&scores, 3, 3, Objective::Maximize)?;
//! assert_eq!(a.columns, vec![0, 2, 1]);
//! assert_eq!(a.total, 11.0);
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```

use crate::code::codes;
use crate::error::BrobyggerError;
use std::borrow::Cow;

/// Whether the matrix holds costs (minimise) or scores (maximise).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Objective {
    /// The least total cost.
    #[default]
    Minimize,
    /// The largest total score.
    Maximize,
}

/// An optimal assignment: `rows[k]` is matched with `columns[k]`, sorted by row, one pair per
/// row of the smaller dimension.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DenseAssignment {
    /// Row indices, increasing.
    pub rows: Vec<u32>,
    /// The column matched with each row.
    pub columns: Vec<u32>,
    /// The sum of the chosen cells.
    pub total: f64,
}

/// Why a dense assignment could not be solved.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AssignmentError {
    /// The data does not have `rows × cols` entries.
    #[error("the matrix has {len} entries, not {rows} × {cols}")]
    Shape {
        /// Entries given.
        len: usize,
        /// Rows declared.
        rows: usize,
        /// Columns declared.
        cols: usize,
    },
    /// A cell is NaN, or infinite in the direction that would make the total unbounded.
    #[error("entry [{row}, {col}] is not a usable number")]
    InvalidEntry {
        /// Its row.
        row: usize,
        /// Its column.
        col: usize,
    },
    /// Every complete assignment uses a forbidden cell.
    #[error("every complete assignment uses a forbidden (infinite) cell")]
    Infeasible,
}

codes! {
    /// The codes of dense assignment on a full matrix.
    pub enum AssignmentCode in "assignment" {
        /// The data does not have `rows × cols` entries.
        Shape = "assignment.shape", error(InvalidInput),
            "Matricen har ikke rækker × kolonner tal.",
            "The matrix does not have rows × columns entries.";
        /// A cell is NaN, or infinite in the direction that would make the total unbounded.
        InvalidEntry = "assignment.invalid_entry", error(InvalidInput),
            "En celle er ikke et brugbart tal (NaN eller uendelig den forkerte vej).",
            "A cell is not a usable number (NaN, or infinite the wrong way).";
        /// Every complete assignment uses a forbidden cell.
        Infeasible = "assignment.infeasible", error(Infeasible),
            "Enhver fuldstændig tildeling bruger en forbudt (uendelig) celle.",
            "Every complete assignment uses a forbidden (infinite) cell.";
    }
}

impl AssignmentError {
    /// The stable machine code.
    pub fn code(&self) -> AssignmentCode {
        match self {
            AssignmentError::Shape { .. } => AssignmentCode::Shape,
            AssignmentError::InvalidEntry { .. } => AssignmentCode::InvalidEntry,
            AssignmentError::Infeasible => AssignmentCode::Infeasible,
        }
    }
}

impl From<AssignmentError> for BrobyggerError {
    fn from(e: AssignmentError) -> Self {
        let code = e.code().into();
        let reason = e.to_string();
        match e {
            AssignmentError::Shape { .. } => BrobyggerError::InvalidInput {
                code,
                path: "costs".into(),
                reason,
            },
            AssignmentError::InvalidEntry { row, col } => BrobyggerError::InvalidInput {
                code,
                path: format!("costs[{row}][{col}]"),
                reason,
            },
            AssignmentError::Infeasible => BrobyggerError::Infeasible { code, reason },
        }
    }
}

/// Solves the assignment problem on a row-major `rows × cols` matrix. With `rows ≤ cols`
/// every row is matched, otherwise every column. An empty matrix gives an empty assignment.
pub fn linear_sum_assignment(
    matrix: &[f64],
    rows: usize,
    cols: usize,
    objective: Objective,
) -> Result<DenseAssignment, BrobyggerError> {
    solve_dense(matrix, rows, cols, objective).map_err(Into::into)
}

/// [`linear_sum_assignment`] with the specific error.
pub fn solve_dense(
    matrix: &[f64],
    rows: usize,
    cols: usize,
    objective: Objective,
) -> Result<DenseAssignment, AssignmentError> {
    solve_cow(Cow::Borrowed(matrix), rows, cols, objective)
}

/// [`solve_dense`] on a matrix the caller hands over (as a binding does after converting it),
/// so maximising negates it in place instead of copying it.
pub fn solve_dense_owned(
    matrix: Vec<f64>,
    rows: usize,
    cols: usize,
    objective: Objective,
) -> Result<DenseAssignment, AssignmentError> {
    solve_cow(Cow::Owned(matrix), rows, cols, objective)
}

fn solve_cow(
    matrix: Cow<'_, [f64]>,
    rows: usize,
    cols: usize,
    objective: Objective,
) -> Result<DenseAssignment, AssignmentError> {
    if rows.checked_mul(cols) != Some(matrix.len()) {
        return Err(AssignmentError::Shape {
            len: matrix.len(),
            rows,
            cols,
        });
    }
    let forbidden = match objective {
        Objective::Minimize => f64::INFINITY,
        Objective::Maximize => f64::NEG_INFINITY,
    };
    if let Some(k) = matrix
        .iter()
        .position(|x| x.is_nan() || (x.is_infinite() && *x != forbidden))
    {
        return Err(AssignmentError::InvalidEntry {
            row: k / cols,
            col: k % cols,
        });
    }
    if rows == 0 || cols == 0 {
        return Ok(DenseAssignment {
            rows: Vec::new(),
            columns: Vec::new(),
            total: 0.0,
        });
    }
    // The solver minimises over no more rows than columns: negate scores and transpose tall
    // matrices, copying only when the matrix is borrowed or must be transposed.
    let sign = match objective {
        Objective::Minimize => 1.0,
        Objective::Maximize => -1.0,
    };
    let transpose = rows > cols;
    let costs: Cow<'_, [f64]> = if transpose {
        let mut t = vec![0.0; matrix.len()];
        for i in 0..rows {
            for j in 0..cols {
                t[j * rows + i] = sign * matrix[i * cols + j];
            }
        }
        Cow::Owned(t)
    } else if objective == Objective::Maximize {
        let mut owned = matrix.into_owned();
        owned.iter_mut().for_each(|x| *x = -*x);
        Cow::Owned(owned)
    } else {
        matrix
    };
    let (n, m) = if transpose {
        (cols, rows)
    } else {
        (rows, cols)
    };
    let col_of_row = Lap::new(&costs, n, m).solve()?;
    let mut pairs: Vec<(u32, u32, f64)> = col_of_row
        .iter()
        .enumerate()
        .map(|(i, &j)| {
            let cell = sign * costs[i * m + j];
            if transpose {
                (j as u32, i as u32, cell)
            } else {
                (i as u32, j as u32, cell)
            }
        })
        .collect();
    pairs.sort_unstable_by_key(|p| (p.0, p.1));
    Ok(DenseAssignment {
        rows: pairs.iter().map(|p| p.0).collect(),
        columns: pairs.iter().map(|p| p.1).collect(),
        total: pairs.iter().map(|p| p.2).sum(),
    })
}

const FREE: usize = usize::MAX;

/// The Jonker–Volgenant state on an `n × m` cost matrix with `n ≤ m`: column prices `v`
/// (reduced cost of a cell is `c[i][j] − v[j]`, and a row's assigned cell has the least
/// reduced cost in its row), and the partial assignment.
struct Lap<'a> {
    c: &'a [f64],
    n: usize,
    m: usize,
    v: Vec<f64>,
    col_of: Vec<usize>,
    row_of: Vec<usize>,
}

impl<'a> Lap<'a> {
    fn new(c: &'a [f64], n: usize, m: usize) -> Self {
        Lap {
            c,
            n,
            m,
            v: vec![0.0; m],
            col_of: vec![FREE; n],
            row_of: vec![FREE; m],
        }
    }

    fn row(&self, i: usize) -> &[f64] {
        &self.c[i * self.m..(i + 1) * self.m]
    }

    fn solve(mut self) -> Result<Vec<usize>, AssignmentError> {
        // The warm start needs finite prices; a forbidden cell anywhere leaves it all to the
        // shortest paths, which handle infinities exactly.
        let finite = self.c.iter().all(|x| x.is_finite());
        let mut free: Vec<usize> = if finite && self.n == self.m {
            self.column_reduction()
        } else {
            (0..self.n).collect()
        };
        if finite {
            for _ in 0..2 {
                free = self.augmenting_row_reduction(free);
            }
        }
        for i in free {
            self.augment(i)?;
        }
        Ok(self.col_of)
    }

    /// Each column takes its cheapest row at that row's cost as price (square matrices only:
    /// every column will be assigned, so any price is allowed). A row chosen by one column
    /// keeps it and transfers its slack to that column's price; rows chosen by none are free.
    fn column_reduction(&mut self) -> Vec<usize> {
        let (n, m) = (self.n, self.m);
        let mut chosen = vec![0u32; n];
        for j in (0..m).rev() {
            let mut best = (f64::INFINITY, 0);
            for i in 0..n {
                let x = self.c[i * m + j];
                if x < best.0 {
                    best = (x, i);
                }
            }
            let (min, i) = best;
            self.v[j] = min;
            chosen[i] += 1;
            if chosen[i] == 1 {
                self.col_of[i] = j;
                self.row_of[j] = i;
            } else if self.v[j] < self.v[self.col_of[i]] {
                let old = self.col_of[i];
                self.row_of[old] = FREE;
                self.col_of[i] = j;
                self.row_of[j] = i;
            }
        }
        let mut free = Vec::new();
        for (i, &times) in chosen.iter().enumerate() {
            match times {
                0 => free.push(i),
                1 => {
                    // Reduction transfer: make the row indifferent between its column and the
                    // next best, by raising its column's price.
                    let j1 = self.col_of[i];
                    let row = self.row(i);
                    let mut second = f64::INFINITY;
                    for (j, (&x, &v)) in row.iter().zip(&self.v).enumerate() {
                        if j != j1 && x - v < second {
                            second = x - v;
                        }
                    }
                    if second.is_finite() {
                        self.v[j1] -= second - (row[j1] - self.v[j1]);
                    }
                }
                _ => {}
            }
        }
        free
    }

    /// One pass of augmenting row reduction: each free row takes its cheapest column at
    /// reduced cost, lowering that column's price until the row is indifferent with its second
    /// choice; a displaced row continues at once if the price moved, otherwise in the next
    /// pass. Bounded, so ties cannot make it cycle. Returns the rows still free.
    fn augmenting_row_reduction(&mut self, free: Vec<usize>) -> Vec<usize> {
        let mut next = Vec::new();
        let mut budget = 4 * self.n + 16;
        let mut k = 0;
        let mut current: Option<usize> = None;
        loop {
            let i = match current.take() {
                Some(i) => i,
                None => match free.get(k) {
                    Some(&i) => {
                        k += 1;
                        i
                    }
                    None => break,
                },
            };
            if budget == 0 {
                next.push(i);
                continue;
            }
            budget -= 1;
            let (mut u1, mut j1, mut u2, mut j2) = (f64::INFINITY, FREE, f64::INFINITY, FREE);
            for (j, (&x, &v)) in self.row(i).iter().zip(&self.v).enumerate() {
                let h = x - v;
                if h < u2 {
                    if h < u1 {
                        u2 = u1;
                        j2 = j1;
                        u1 = h;
                        j1 = j;
                    } else {
                        u2 = h;
                        j2 = j;
                    }
                }
            }
            if j1 == FREE {
                next.push(i);
                continue;
            }
            let mut owner = self.row_of[j1];
            let moved = u1 < u2 && u2.is_finite();
            if moved {
                self.v[j1] -= u2 - u1;
            } else if owner != FREE && j2 != FREE {
                // A tie: take the second column instead, displacing its owner (if any).
                j1 = j2;
                owner = self.row_of[j1];
            }
            if owner != FREE {
                self.col_of[owner] = FREE;
            }
            self.col_of[i] = j1;
            self.row_of[j1] = i;
            if owner != FREE {
                if moved {
                    current = Some(owner);
                } else {
                    next.push(owner);
                }
            }
        }
        next
    }

    /// The shortest augmenting path from free row `start` to a free column over reduced costs
    /// (Dijkstra on the dense matrix), then the price update and the augmentation.
    fn augment(&mut self, start: usize) -> Result<(), AssignmentError> {
        let m = self.m;
        // Row potentials for this search: a row's reduced costs are c − v − u, non-negative
        // for assigned rows, whose assigned cell is tight.
        let mut dist = vec![f64::INFINITY; m];
        let mut pred = vec![start; m];
        let mut todo: Vec<usize> = (0..m).collect();
        let mut done: Vec<usize> = Vec::new();
        let mut i = start;
        let mut base = 0.0;
        let mut offset = {
            let row = self.row(start);
            row.iter()
                .zip(&self.v)
                .map(|(x, v)| x - v)
                .fold(f64::INFINITY, f64::min)
        };
        if !offset.is_finite() {
            return Err(AssignmentError::Infeasible);
        }
        let sink = loop {
            let row = &self.c[i * m..(i + 1) * m];
            let mut lowest = f64::INFINITY;
            let mut at = usize::MAX;
            for (k, &j) in todo.iter().enumerate() {
                let r = base + row[j] - self.v[j] - offset;
                if r < dist[j] {
                    dist[j] = r;
                    pred[j] = i;
                }
                let d = dist[j];
                if d < lowest || (d == lowest && self.row_of[j] == FREE) {
                    lowest = d;
                    at = k;
                }
            }
            if at == usize::MAX || !lowest.is_finite() {
                return Err(AssignmentError::Infeasible);
            }
            let j = todo.swap_remove(at);
            base = lowest;
            if self.row_of[j] == FREE {
                break j;
            }
            done.push(j);
            i = self.row_of[j];
            offset = self.row(i)[j] - self.v[j];
        };
        // Prices: every column settled before the sink gets cheaper for its row by what the
        // path saved, keeping every assigned cell tight and every reduced cost non-negative.
        for &j in &done {
            self.v[j] -= base - dist[j];
        }
        let mut j = sink;
        loop {
            let i = pred[j];
            self.row_of[j] = i;
            let previous = std::mem::replace(&mut self.col_of[i], j);
            if i == start {
                break;
            }
            j = previous;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_minimise_and_maximise() {
        let c = [4.0, 1.0, 3.0, 2.0, 0.0, 5.0, 3.0, 2.0, 2.0];
        let a = solve_dense(&c, 3, 3, Objective::Minimize).unwrap();
        assert_eq!(
            (a.rows, a.columns, a.total),
            (vec![0, 1, 2], vec![1, 0, 2], 5.0)
        );
        let a = solve_dense(&c, 3, 3, Objective::Maximize).unwrap();
        assert_eq!(a.total, 11.0);
    }

    #[test]
    fn rectangular_both_ways() {
        // 2 × 3 and its transpose: the same total.
        let c = [1.0, 2.0, 3.0, 2.0, 4.0, 6.0];
        let a = solve_dense(&c, 2, 3, Objective::Minimize).unwrap();
        assert_eq!(a.total, 4.0);
        let t = [1.0, 2.0, 2.0, 4.0, 3.0, 6.0];
        let b = solve_dense(&t, 3, 2, Objective::Minimize).unwrap();
        assert_eq!(b.total, 4.0);
        assert_eq!(b.columns.len(), 2);
    }

    #[test]
    fn errors_have_codes_and_paths() {
        let e = solve_dense(&[1.0, 2.0, 3.0], 2, 2, Objective::Minimize).unwrap_err();
        assert_eq!(e.code(), "assignment.shape");
        let e = linear_sum_assignment(&[1.0, f64::NAN], 1, 2, Objective::Minimize).unwrap_err();
        assert_eq!(e.code(), "assignment.invalid_entry");
        assert!(e.to_string().contains("costs[0][1]"));
        let inf = f64::INFINITY;
        let e =
            linear_sum_assignment(&[inf, inf, 1.0, inf], 2, 2, Objective::Minimize).unwrap_err();
        assert_eq!(e.code(), "assignment.infeasible");
        // +∞ forbids a cell when minimising; −∞ is an error there.
        let ok = solve_dense(&[inf, 1.0, 2.0, inf], 2, 2, Objective::Minimize).unwrap();
        assert_eq!(ok.total, 3.0);
        assert!(solve_dense(&[f64::NEG_INFINITY], 1, 1, Objective::Minimize).is_err());
        assert!(
            solve_dense(&[], 0, 5, Objective::Minimize)
                .unwrap()
                .rows
                .is_empty()
        );
    }
}
