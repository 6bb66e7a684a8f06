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

use super::scratch::Scratch;
use crate::code::codes;
use crate::error::BrobyggerError;
use crate::progress::{Progress, Stage, Watch};
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
    /// The matrix holds values that are not real numbers or integers (complex numbers, text,
    /// objects, dates), or comes in an element type the library does not read.
    #[error("a matrix of {found} cannot be assigned: give integers or real numbers")]
    ElementType {
        /// What the matrix holds (a kind of value, never a value).
        found: String,
    },
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
        /// The matrix holds complex numbers, text, objects or dates, not integers or reals.
        ElementType = "assignment.element_type", error(InvalidInput),
            "Matricen skal indeholde heltal eller reelle tal, ikke komplekse tal, tekst eller andet.",
            "The matrix must hold integers or real numbers, not complex numbers, text or anything else.";
    }
}

impl AssignmentError {
    /// The stable machine code.
    pub fn code(&self) -> AssignmentCode {
        match self {
            AssignmentError::Shape { .. } => AssignmentCode::Shape,
            AssignmentError::InvalidEntry { .. } => AssignmentCode::InvalidEntry,
            AssignmentError::Infeasible => AssignmentCode::Infeasible,
            AssignmentError::ElementType { .. } => AssignmentCode::ElementType,
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
            AssignmentError::ElementType { .. } => BrobyggerError::InvalidInput {
                code,
                path: "costs".into(),
                reason,
            },
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

/// [`linear_sum_assignment`] under `watch`: progress in rows placed by the shortest paths
/// (stage `solve`), and `Cancelled` (`work.cancelled`) within one row once the watch is
/// cancelled ([`crate::progress`]). The answer is the unwatched one.
pub fn linear_sum_assignment_watched(
    matrix: &[f64],
    rows: usize,
    cols: usize,
    objective: Objective,
    watch: &Watch,
) -> Result<DenseAssignment, BrobyggerError> {
    solve_cow(
        Cow::Borrowed(matrix),
        rows,
        cols,
        objective,
        &mut watching(watch),
    )
}

/// [`linear_sum_assignment`] with the specific error.
pub fn solve_dense(
    matrix: &[f64],
    rows: usize,
    cols: usize,
    objective: Objective,
) -> Result<DenseAssignment, AssignmentError> {
    solve_cow(Cow::Borrowed(matrix), rows, cols, objective, &mut unwatched)
}

/// [`solve_dense`] on a matrix the caller hands over (as a binding does after converting it),
/// so maximising negates it in place instead of copying it.
pub fn solve_dense_owned(
    matrix: Vec<f64>,
    rows: usize,
    cols: usize,
    objective: Objective,
) -> Result<DenseAssignment, AssignmentError> {
    solve_cow(Cow::Owned(matrix), rows, cols, objective, &mut unwatched)
}

/// [`solve_dense_owned`] under `watch`, as [`linear_sum_assignment_watched`].
pub fn solve_dense_owned_watched(
    matrix: Vec<f64>,
    rows: usize,
    cols: usize,
    objective: Objective,
    watch: &Watch,
) -> Result<DenseAssignment, BrobyggerError> {
    solve_cow(
        Cow::Owned(matrix),
        rows,
        cols,
        objective,
        &mut watching(watch),
    )
}

/// How the solver looks at its watch: `look(done, total)` once per row it augments (a row's
/// shortest path scans the matrix, so a look costs nothing beside it), never inside a row.
/// Unwatched calls pass [`unwatched`] and keep the specific [`AssignmentError`]; watched ones
/// pass [`watching`], whose error is the crate's, so a stop is `work.cancelled`.
type Look<'a, E> = &'a mut dyn FnMut(u64, u64) -> Result<(), E>;

fn unwatched(_: u64, _: u64) -> Result<(), AssignmentError> {
    Ok(())
}

fn watching(watch: &Watch) -> impl FnMut(u64, u64) -> Result<(), BrobyggerError> + '_ {
    // `report`, not `step`: one row is already far more work than a report (its sink is
    // throttled), and a binding's sink is where Ctrl-C is seen.
    move |done, total| {
        watch.report(Progress {
            stage: Stage::Solve,
            done,
            total,
        })
    }
}

fn solve_cow<E: From<AssignmentError>>(
    matrix: Cow<'_, [f64]>,
    rows: usize,
    cols: usize,
    objective: Objective,
    look: Look<'_, E>,
) -> Result<DenseAssignment, E> {
    if rows.checked_mul(cols) != Some(matrix.len()) {
        return Err(AssignmentError::Shape {
            len: matrix.len(),
            rows,
            cols,
        }
        .into());
    }
    check_reals(&matrix, cols, objective)?;
    if rows == 0 || cols == 0 {
        return Ok(DenseAssignment {
            rows: Vec::new(),
            columns: Vec::new(),
            total: 0.0,
        });
    }
    // The solver minimises over no more rows than columns: negate scores and transpose tall
    // matrices, copying only when the matrix is borrowed or must be transposed.
    let sign = sign_of(objective);
    let transpose = rows > cols;
    if transpose {
        let costs = shifted(|k| matrix[k], rows, cols, true, |x| sign * x);
        return solve_reals(&costs, rows, cols, sign, look);
    }
    let costs: Cow<'_, [f64]> = if objective == Objective::Maximize {
        let mut owned = matrix.into_owned();
        owned.iter_mut().for_each(|x| *x = -*x);
        Cow::Owned(owned)
    } else {
        matrix
    };
    solve_reals(&costs, rows, cols, sign, look)
}

/// `1` when minimising, `−1` when maximising: the solver minimises `sign × cell`.
fn sign_of(objective: Objective) -> f64 {
    match objective {
        Objective::Minimize => 1.0,
        Objective::Maximize => -1.0,
    }
}

/// Whether a real cell may be solved: finite, or the infinity that forbids it (`+∞` when
/// minimising, `−∞` when maximising). NaN compares false either way.
#[inline(always)]
fn allowed(x: f64, objective: Objective) -> bool {
    match objective {
        Objective::Minimize => x > f64::NEG_INFINITY,
        Objective::Maximize => x < f64::INFINITY,
    }
}

/// The first cell (row-major) that is NaN or infinite the wrong way, as the error.
fn check_reals<X: Copy + Into<f64>>(
    cells: &[X],
    cols: usize,
    objective: Objective,
) -> Result<(), AssignmentError> {
    // Checked a block at a time without stopping at a cell, so the compiler vectorises it (an
    // early exit per cell cost 2 ms on 20 MB); the cell is looked for only in a bad block.
    let allowed = |x: X| allowed(x.into(), objective);
    const BLOCK: usize = 1024;
    for (b, block) in cells.chunks(BLOCK).enumerate() {
        // A count, not `all`, and one loop per objective: the compiler vectorises a sum of
        // comparisons against a constant.
        let good = match objective {
            Objective::Minimize => block
                .iter()
                .map(|&x| u32::from(x.into() > f64::NEG_INFINITY))
                .sum::<u32>(),
            Objective::Maximize => block
                .iter()
                .map(|&x| u32::from(x.into() < f64::INFINITY))
                .sum::<u32>(),
        };
        if good as usize == block.len() {
            continue;
        }
        if let Some(k) = block.iter().position(|&x| !allowed(x)) {
            let k = b * BLOCK + k;
            return Err(AssignmentError::InvalidEntry {
                row: k / cols,
                col: k % cols,
            });
        }
    }
    Ok(())
}

/// Solves `costs` (the `rows × cols` matrix times `sign`, transposed when tall) and answers
/// in the caller's rows and columns.
fn solve_reals<E: From<AssignmentError>>(
    costs: &[f64],
    rows: usize,
    cols: usize,
    sign: f64,
    look: Look<'_, E>,
) -> Result<DenseAssignment, E> {
    let transpose = rows > cols;
    let (n, m) = if transpose {
        (cols, rows)
    } else {
        (rows, cols)
    };
    let col_of_row = Lap::new(costs, n, m).solve(look)?;
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

/// A real matrix read from bytes. Native-endian `f64` bytes, aligned as Python's `bytes` are,
/// are viewed in place, so a matrix the solver can take as it is (wide or square, costs) is
/// never copied; otherwise it is checked and turned into the solver's costs in one pass. A
/// 500 × 5000 matrix is 20 MB: each copy, and each per-cell decoding, showed in the time
/// against scipy.
fn reals_from<X: Element + Into<f64>, E: From<AssignmentError>>(
    data: &[u8],
    (rows, cols): (usize, usize),
    big: bool,
    objective: Objective,
    look: Look<'_, E>,
) -> Result<DenseSolution, E> {
    let a = with_cells::<X, _>(data, (rows, cols), big, |cells| {
        let real = |k: usize| -> f64 { cells[k].into() };
        if rows == 0 || cols == 0 {
            return Ok(DenseAssignment {
                rows: Vec::new(),
                columns: Vec::new(),
                total: 0.0,
            });
        }
        let sign = sign_of(objective);
        let plain: Option<&[f64]> = bytemuck::try_cast_slice(cells).ok();
        match plain {
            Some(costs) if X::SIZE == 8 && rows <= cols && sign > 0.0 => {
                check_reals(cells, cols, objective)?;
                solve_reals(costs, rows, cols, sign, look)
            }
            _ => {
                // Checked while copied (one pass over 20 MB instead of two); the first bad
                // cell in row order is then found by the check, as the error names it.
                let ok = std::cell::Cell::new(true);
                let costs = shifted(real, rows, cols, rows > cols, |x| {
                    ok.set(ok.get() & allowed(x, objective));
                    sign * x
                });
                if !ok.get() {
                    check_reals(cells, cols, objective)?;
                }
                solve_reals(&costs, rows, cols, sign, look)
            }
        }
    })??;
    Ok(DenseSolution {
        rows: a.rows,
        columns: a.columns,
        total: DenseTotal::Real(a.total),
    })
}

/// The total of a [`DenseSolution`]: exact for integer matrices.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DenseTotal {
    /// The sum of a real matrix's chosen cells.
    Real(f64),
    /// The exact sum of an integer matrix's chosen cells (no rounding above 2⁵³).
    Integer(i128),
}

/// An optimal assignment of a real or integer matrix: `rows[k]` is matched with
/// `columns[k]`, sorted by row.
#[derive(Debug, Clone, PartialEq)]
pub struct DenseSolution {
    /// Row indices, increasing.
    pub rows: Vec<u32>,
    /// The column matched with each row.
    pub columns: Vec<u32>,
    /// The sum of the chosen cells.
    pub total: DenseTotal,
}

/// Solves the assignment problem on a row-major matrix of integers exactly: every cost,
/// price and path length is an integer (64-bit when the costs' range allows, 128-bit
/// otherwise), so costs beyond 2⁵³, which a float64 cannot hold, give the true optimum and
/// its exact total. Integer matrices have no forbidden cells.
pub fn solve_dense_integers(
    matrix: &[i64],
    rows: usize,
    cols: usize,
    objective: Objective,
) -> Result<DenseSolution, AssignmentError> {
    if rows.checked_mul(cols) != Some(matrix.len()) {
        return Err(AssignmentError::Shape {
            len: matrix.len(),
            rows,
            cols,
        });
    }
    solve_ints(
        |k| matrix[k],
        Some(matrix),
        rows,
        cols,
        objective,
        &mut unwatched,
    )
}

/// Solves the assignment problem on a matrix handed over as raw bytes (row-major, `rows ×
/// cols`) in the element type `typestr` names, as the array interface writes it (numpy's
/// `dtype.str`): `<f8`, `<f4`, `<i8` ... `|i1`, `<u8` ... `|u1`, `|b1`, with `<`, `>`, `=` or
/// `|` for the byte order. Reals are solved as [`solve_dense_owned`] does; integers and
/// booleans exactly, as [`solve_dense_integers`] does. Complex numbers, text, objects and
/// dates are [`AssignmentError::ElementType`], as scipy refuses them.
pub fn solve_dense_bytes(
    data: &[u8],
    typestr: &str,
    rows: usize,
    cols: usize,
    objective: Objective,
) -> Result<DenseSolution, AssignmentError> {
    from_bytes(data, typestr, (rows, cols), objective, &mut unwatched)
}

/// [`solve_dense_bytes`] under `watch`, as [`linear_sum_assignment_watched`].
pub fn solve_dense_bytes_watched(
    data: &[u8],
    typestr: &str,
    rows: usize,
    cols: usize,
    objective: Objective,
    watch: &Watch,
) -> Result<DenseSolution, BrobyggerError> {
    from_bytes(data, typestr, (rows, cols), objective, &mut watching(watch))
}

fn from_bytes<E: From<AssignmentError>>(
    data: &[u8],
    typestr: &str,
    (rows, cols): (usize, usize),
    objective: Objective,
    look: Look<'_, E>,
) -> Result<DenseSolution, E> {
    let mut chars = typestr.chars();
    let (order, kind) = (chars.next(), chars.next());
    let size: usize = chars.as_str().parse().unwrap_or(0);
    let big = match order {
        Some('>') => true,
        Some('<') => false,
        Some('|' | '=') => cfg!(target_endian = "big"),
        _ => return Err(element_type("an element type it does not know").into()),
    };
    let found = |what: &str| Err(element_type(what).into());
    let shape = (rows, cols);
    match (kind, size) {
        (Some('f'), 8) => reals_from::<f64, E>(data, shape, big, objective, look),
        (Some('f'), 4) => reals_from::<f32, E>(data, shape, big, objective, look),
        (Some('i'), 8) => ints_from::<i64, E>(data, shape, big, objective, look),
        (Some('i'), 4) => ints_from::<i32, E>(data, shape, big, objective, look),
        (Some('i'), 2) => ints_from::<i16, E>(data, shape, big, objective, look),
        (Some('i'), 1) => ints_from::<i8, E>(data, shape, big, objective, look),
        (Some('u'), 8) => ints_from::<u64, E>(data, shape, big, objective, look),
        (Some('u'), 4) => ints_from::<u32, E>(data, shape, big, objective, look),
        (Some('u'), 2) => ints_from::<u16, E>(data, shape, big, objective, look),
        (Some('u' | 'b'), 1) => ints_from::<u8, E>(data, shape, big, objective, look),
        (Some('c'), _) => found("complex numbers"),
        (Some('U' | 'S' | 'a'), _) => found("text"),
        (Some('O'), _) => found("Python objects"),
        (Some('M' | 'm'), _) => found("dates or durations"),
        (Some('f'), _) => found("floats of a width other than 32 or 64 bits"),
        _ => found("an element type it does not know"),
    }
}

fn element_type(what: &str) -> AssignmentError {
    AssignmentError::ElementType {
        found: what.to_owned(),
    }
}

/// A cell type a matrix can arrive in as bytes (numpy's element types).
trait Element: bytemuck::Pod + 'static {
    /// Its width in bytes.
    const SIZE: usize;
    /// The cell in `b`, exactly `SIZE` bytes, big-endian if `big`.
    fn read(b: &[u8], big: bool) -> Self;
}

macro_rules! element {
    ($($t:ty),*) => {$(
        impl Element for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            #[inline(always)]
            fn read(b: &[u8], big: bool) -> Self {
                let mut a = [0u8; std::mem::size_of::<$t>()];
                a.copy_from_slice(b);
                if big { <$t>::from_be_bytes(a) } else { <$t>::from_le_bytes(a) }
            }
        }
    )*};
}

element!(f64, f32, i64, i32, i16, i8, u64, u32, u16, u8);

/// `f` on the cells of a row-major `rows × cols` matrix of `X` in `data`: the bytes themselves
/// when they are in this machine's byte order and aligned for `X`, else a decoded copy.
fn with_cells<X: Element, R>(
    data: &[u8],
    (rows, cols): (usize, usize),
    big: bool,
    f: impl FnOnce(&[X]) -> R,
) -> Result<R, AssignmentError> {
    let want = rows.checked_mul(cols).and_then(|k| k.checked_mul(X::SIZE));
    if want != Some(data.len()) {
        return Err(AssignmentError::Shape {
            len: data.len() / X::SIZE,
            rows,
            cols,
        });
    }
    if big == cfg!(target_endian = "big")
        && let Ok(cells) = bytemuck::try_cast_slice::<u8, X>(data)
    {
        return Ok(f(cells));
    }
    let decoded: Vec<X> = data
        .chunks_exact(X::SIZE)
        .map(|b| X::read(b, big))
        .collect();
    Ok(f(&decoded))
}

/// An integer matrix read from bytes, solved exactly: the one copy is the shifted matrix the
/// solver works on.
fn ints_from<X: Element + Ord + Into<i128>, E: From<AssignmentError>>(
    data: &[u8],
    (rows, cols): (usize, usize),
    big: bool,
    objective: Objective,
    look: Look<'_, E>,
) -> Result<DenseSolution, E> {
    with_cells::<X, _>(data, (rows, cols), big, |cells| {
        // The cells as `i64` only when they are `i64` (a `u64` or a pair of `i32` would cast too).
        let raw = (std::any::TypeId::of::<X>() == std::any::TypeId::of::<i64>())
            .then(|| bytemuck::try_cast_slice::<X, i64>(cells).ok())
            .flatten();
        solve_ints(|k| cells[k], raw, rows, cols, objective, look)
    })?
}

/// The exact integer path: the costs shifted to `0..=range` (`x − min` when minimising,
/// `max − x` when maximising: the same optimum, since every row of the smaller side takes one
/// cell), transposed when tall, in `i64` when `range × 4(n + 2)` fits with room to spare (the
/// prices and path lengths stay within a few multiples of `range × n`), else in `i128`.
fn solve_ints<S: Copy + Ord + Into<i128>, E: From<AssignmentError>>(
    cell: impl Fn(usize) -> S + Copy,
    raw: Option<&[i64]>,
    rows: usize,
    cols: usize,
    objective: Objective,
    look: Look<'_, E>,
) -> Result<DenseSolution, E> {
    if rows == 0 || cols == 0 {
        return Ok(DenseSolution {
            rows: Vec::new(),
            columns: Vec::new(),
            total: DenseTotal::Integer(0),
        });
    }
    // In the cells' own type: a pass the compiler can vectorise, widened once at the end.
    let first = cell(0);
    let (lo, hi) = (1..rows * cols).fold((first, first), |(lo, hi), k| {
        let x = cell(k);
        (if x < lo { x } else { lo }, if x > hi { x } else { hi })
    });
    let (lo, hi): (i128, i128) = (lo.into(), hi.into());
    let transpose = rows > cols;
    let (n, m) = if transpose {
        (cols, rows)
    } else {
        (rows, cols)
    };
    let shift = |x: S| -> i128 {
        let x: i128 = x.into();
        match objective {
            Objective::Minimize => x - lo,
            Objective::Maximize => hi - x,
        }
    };
    let range = hi - lo;
    let small = range
        .checked_mul(4 * (n as i128 + 2))
        .is_some_and(|b| b < i128::from(i64::MAX / 4));
    // A wide or square matrix of costs already in `i64` is solved as it is when its values,
    // not only their range, stay as far from overflow: shifting every cell by one constant
    // changes no comparison the solver makes, so the answer is the shifted one, without the
    // copy (20 MB for a 500 × 5000 matrix).
    let in_place = raw.filter(|_| {
        objective == Objective::Minimize
            && !transpose
            && lo
                .abs()
                .max(hi.abs())
                .checked_mul(4 * (n as i128 + 2))
                .is_some_and(|b| b < i128::from(i64::MAX / 4))
    });
    let col_of_row = if let Some(c) = in_place {
        Lap::new(c, n, m).solve(look)?
    } else if small {
        // In range by the check above.
        let c = shifted(cell, rows, cols, transpose, |x| shift(x) as i64);
        Lap::new(&c[..], n, m).solve(look)?
    } else {
        let c = shifted(cell, rows, cols, transpose, shift);
        Lap::new(&c[..], n, m).solve(look)?
    };
    let mut pairs: Vec<(u32, u32)> = col_of_row
        .iter()
        .enumerate()
        .map(|(i, &j)| {
            if transpose {
                (j as u32, i as u32)
            } else {
                (i as u32, j as u32)
            }
        })
        .collect();
    pairs.sort_unstable();
    let total: i128 = pairs
        .iter()
        .map(|&(i, j)| -> i128 { cell(i as usize * cols + j as usize).into() })
        .sum();
    Ok(DenseSolution {
        rows: pairs.iter().map(|p| p.0).collect(),
        columns: pairs.iter().map(|p| p.1).collect(),
        total: DenseTotal::Integer(total),
    })
}

/// The matrix's cells through `f`, transposed when asked, row-major: the one copy the solver
/// works on, in [`Scratch`] memory (huge pages when large). Every cell is written.
fn shifted<S: Copy, T: bytemuck::Pod>(
    cell: impl Fn(usize) -> S,
    rows: usize,
    cols: usize,
    transpose: bool,
    f: impl Fn(S) -> T,
) -> Scratch<T> {
    let mut t = Scratch::for_overwrite(rows * cols);
    if !transpose {
        t.iter_mut().enumerate().for_each(|(k, x)| *x = f(cell(k)));
        return t;
    }
    // Blocks of rows keep the writes into the transposed matrix close together.
    const BLOCK: usize = 64;
    for i0 in (0..rows).step_by(BLOCK) {
        let i1 = (i0 + BLOCK).min(rows);
        for j in 0..cols {
            for i in i0..i1 {
                t[j * rows + i] = f(cell(i * cols + j));
            }
        }
    }
    t
}

const FREE: usize = usize::MAX;

/// The numbers the solver computes in: `f64` for real matrices, `i64` or `i128` for integer
/// ones (exact; `i128` when the costs' range times the size could overflow `i64`). `INF` marks
/// "none yet" and, for floats, a forbidden cell; integer matrices have no forbidden cells, and
/// their shifted costs and prices stay far below `INF`.
trait Cost:
    Copy
    + PartialOrd
    + std::ops::Add<Output = Self>
    + std::ops::Sub<Output = Self>
    + std::ops::SubAssign
{
    const INF: Self;
    const ZERO: Self;
    fn finite(self) -> bool;
}

impl Cost for f64 {
    const INF: Self = f64::INFINITY;
    const ZERO: Self = 0.0;
    fn finite(self) -> bool {
        self.is_finite()
    }
}

impl Cost for i64 {
    const INF: Self = i64::MAX;
    const ZERO: Self = 0;
    fn finite(self) -> bool {
        self != i64::MAX
    }
}

impl Cost for i128 {
    const INF: Self = i128::MAX;
    const ZERO: Self = 0;
    fn finite(self) -> bool {
        self != i128::MAX
    }
}

/// Whether no cell is forbidden: counted a block at a time, which the compiler vectorises
/// (`all` stops at each cell and is not; on 20 MB that was 2 ms).
fn all_finite<T: Cost>(c: &[T]) -> bool {
    c.chunks(1024)
        .all(|b| b.iter().map(|&x| u32::from(x.finite())).sum::<u32>() as usize == b.len())
}

/// The Jonker–Volgenant state on an `n × m` cost matrix with `n ≤ m`: column prices `v`
/// (reduced cost of a cell is `c[i][j] − v[j]`, and a row's assigned cell has the least
/// reduced cost in its row), and the partial assignment.
struct Lap<'a, T: Cost> {
    c: &'a [T],
    n: usize,
    m: usize,
    v: Vec<T>,
    col_of: Vec<usize>,
    row_of: Vec<usize>,
}

impl<'a, T: Cost> Lap<'a, T> {
    fn new(c: &'a [T], n: usize, m: usize) -> Self {
        Lap {
            c,
            n,
            m,
            v: vec![T::ZERO; m],
            col_of: vec![FREE; n],
            row_of: vec![FREE; m],
        }
    }

    fn row(&self, i: usize) -> &'a [T] {
        &self.c[i * self.m..(i + 1) * self.m]
    }

    fn solve<E: From<AssignmentError>>(mut self, look: Look<'_, E>) -> Result<Vec<usize>, E> {
        // The warm start needs finite prices; a forbidden cell anywhere leaves it all to the
        // shortest paths, which handle infinities exactly.
        let finite = all_finite(self.c);
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
        // The shortest paths are the long part (each scans the matrix): looked at once a row.
        let total = free.len() as u64;
        look(0, total)?;
        for (k, i) in (1..).zip(free) {
            self.augment(i)?;
            look(k, total)?;
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
            let mut best = (T::INF, 0);
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
                    let mut second = T::INF;
                    for (j, (&x, &v)) in row.iter().zip(&self.v).enumerate() {
                        if j != j1 && x - v < second {
                            second = x - v;
                        }
                    }
                    if second.finite() {
                        let d = second - (row[j1] - self.v[j1]);
                        self.v[j1] -= d;
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
            let (mut u1, mut j1, mut u2, mut j2) = (T::INF, FREE, T::INF, FREE);
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
            let moved = u1 < u2 && u2.finite();
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
        let mut dist = vec![T::INF; m];
        let mut pred = vec![start; m];
        let mut todo: Vec<usize> = (0..m).collect();
        let mut done: Vec<usize> = Vec::new();
        let mut i = start;
        let mut base = T::ZERO;
        let mut offset = {
            let row = self.row(start);
            row.iter()
                .zip(&self.v)
                .map(|(&x, &v)| x - v)
                .fold(T::INF, |a, b| if b < a { b } else { a })
        };
        if !offset.finite() {
            return Err(AssignmentError::Infeasible);
        }
        let sink = loop {
            let row = &self.c[i * m..(i + 1) * m];
            let mut lowest = T::INF;
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
            if at == usize::MAX || !lowest.finite() {
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
    fn integers_are_exact_beyond_2_to_the_53() {
        let big = 1i64 << 60;
        // 2⁶⁰ + 1 and 2⁶⁰ are the same float64: only exact integers see the better pairing.
        let c = [big + 1, big, big, big + 3];
        let a = solve_dense_integers(&c, 2, 2, Objective::Minimize).unwrap();
        assert_eq!(
            (a.columns, a.total),
            (vec![1, 0], DenseTotal::Integer(2 * i128::from(big)))
        );
        let a = solve_dense_integers(&c, 2, 2, Objective::Maximize).unwrap();
        assert_eq!(a.total, DenseTotal::Integer(2 * i128::from(big) + 4));
        // The extremes of i64, both ways, wide and tall.
        let c = [i64::MIN, i64::MAX, 0, i64::MAX, i64::MIN, 7];
        for (r, k) in [(2, 3), (3, 2)] {
            for o in [Objective::Minimize, Objective::Maximize] {
                let a = solve_dense_integers(&c, r, k, o).unwrap();
                assert_eq!(a.rows.len(), 2);
            }
        }
        let a = solve_dense_integers(&c, 2, 3, Objective::Minimize).unwrap();
        assert_eq!(a.total, DenseTotal::Integer(2 * i128::from(i64::MIN)));
    }

    #[test]
    fn bytes_in_every_element_type_and_typed_refusals() {
        let c = [4i64, 1, 3, 2, 0, 5, 3, 2, 2];
        let bytes: Vec<u8> = c.iter().flat_map(|x| x.to_le_bytes()).collect();
        let a = solve_dense_bytes(&bytes, "<i8", 3, 3, Objective::Minimize).unwrap();
        assert_eq!(
            (a.columns.clone(), a.total),
            (vec![1, 0, 2], DenseTotal::Integer(5))
        );
        let be: Vec<u8> = c.iter().flat_map(|x| (*x as i32).to_be_bytes()).collect();
        assert_eq!(
            solve_dense_bytes(&be, ">i4", 3, 3, Objective::Minimize)
                .unwrap()
                .columns,
            a.columns
        );
        let u8s: Vec<u8> = c.iter().map(|&x| x as u8).collect();
        assert_eq!(
            solve_dense_bytes(&u8s, "|u1", 3, 3, Objective::Minimize)
                .unwrap()
                .columns,
            a.columns
        );
        let f: Vec<u8> = c.iter().flat_map(|&x| (x as f32).to_le_bytes()).collect();
        let r = solve_dense_bytes(&f, "<f4", 3, 3, Objective::Minimize).unwrap();
        assert_eq!(r.total, DenseTotal::Real(5.0));
        for t in ["<c16", "<U3", "|O", "<M8[D]", "<f2", "?"] {
            let e = solve_dense_bytes(&bytes, t, 3, 3, Objective::Minimize).unwrap_err();
            assert_eq!(e.code(), "assignment.element_type", "{t}");
        }
        assert_eq!(
            BrobyggerError::from(
                solve_dense_bytes(&bytes, "<c16", 3, 3, Objective::Minimize).unwrap_err()
            )
            .code(),
            "assignment.element_type"
        );
    }

    /// Reproducible numbers below `below` (a linear congruential generator from `seed`).
    fn numbers(mut seed: u64, below: u64) -> impl FnMut() -> u64 {
        move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % below
        }
    }

    /// A working matrix of 4 MB or more is a map the thread keeps for its next solve, with
    /// the last solve's numbers in it: each answer must still be its own matrix's.
    #[test]
    fn a_kept_working_matrix_never_shows_in_the_next_answer() {
        let mut next = numbers(29, 100_000);
        // Shrinking sizes, so each solve after the first reuses the kept map.
        for (r, k) in [(30, 19_000), (30, 18_000), (17_000, 30), (30, 17_500)] {
            let c: Vec<f64> = (0..r * k).map(|_| next() as f64 / 4.0).collect();
            let le: Vec<u8> = c.iter().flat_map(|x| x.to_le_bytes()).collect();
            for o in [Objective::Minimize, Objective::Maximize] {
                let want = solve_dense(&c, r, k, o).unwrap();
                let got = solve_dense_bytes(&le, "<f8", r, k, o).unwrap();
                assert_eq!((&got.rows, &got.columns), (&want.rows, &want.columns));
                assert_eq!(got.total, DenseTotal::Real(want.total));
            }
            let ints: Vec<u32> = c.iter().map(|&x| x as u32).collect();
            let le: Vec<u8> = ints.iter().flat_map(|x| x.to_le_bytes()).collect();
            let wide: Vec<i64> = ints.iter().map(|&x| i64::from(x)).collect();
            for o in [Objective::Minimize, Objective::Maximize] {
                let want = solve_dense_integers(&wide, r, k, o).unwrap();
                assert_eq!(solve_dense_bytes(&le, "<u4", r, k, o).unwrap(), want);
            }
        }
    }

    /// Bytes viewed in place (aligned, this machine's order) and bytes decoded (misaligned, or
    /// the other order) give the slice's answer, wide, square and tall, both objectives.
    #[test]
    fn bytes_in_place_or_decoded_answer_alike() {
        let mut next = numbers(11, 1000);
        for (r, k) in [(3, 7), (5, 5), (7, 3), (1, 9), (9, 1)] {
            let c: Vec<f64> = (0..r * k).map(|_| next() as f64 / 8.0).collect();
            for o in [Objective::Minimize, Objective::Maximize] {
                let want = solve_dense(&c, r, k, o).unwrap();
                let le: Vec<u8> = c.iter().flat_map(|x| x.to_le_bytes()).collect();
                let be: Vec<u8> = c.iter().flat_map(|x| x.to_be_bytes()).collect();
                let mut shifted_by_one = vec![0u8];
                shifted_by_one.extend_from_slice(&le);
                for (bytes, t) in [
                    (&le[..], "<f8"),
                    (&be[..], ">f8"),
                    (&shifted_by_one[1..], "<f8"),
                ] {
                    let got = solve_dense_bytes(bytes, t, r, k, o).unwrap();
                    assert_eq!(
                        (&got.rows, &got.columns),
                        (&want.rows, &want.columns),
                        "{r}x{k} {t}"
                    );
                    assert_eq!(got.total, DenseTotal::Real(want.total));
                }
                let ints: Vec<i64> = c.iter().map(|x| (x * 8.0) as i64).collect();
                let want = solve_dense_integers(&ints, r, k, o).unwrap();
                let le: Vec<u8> = ints.iter().flat_map(|x| x.to_le_bytes()).collect();
                let mut shifted_by_one = vec![0u8];
                shifted_by_one.extend_from_slice(&le);
                for bytes in [&le[..], &shifted_by_one[1..]] {
                    assert_eq!(solve_dense_bytes(bytes, "<i8", r, k, o).unwrap(), want);
                }
                // `i64` costs are solved in place, `u32` ones shifted: the same answer.
                let u32s: Vec<u8> = ints
                    .iter()
                    .flat_map(|&x| (x as u32).to_le_bytes())
                    .collect();
                assert_eq!(solve_dense_bytes(&u32s, "<u4", r, k, o).unwrap(), want);
                let shifted_up: Vec<i64> = ints.iter().map(|x| x + 1_000_000_007).collect();
                let up = solve_dense_integers(&shifted_up, r, k, o).unwrap();
                assert_eq!((&up.rows, &up.columns), (&want.rows, &want.columns));
            }
        }
    }

    /// A copy checks while it copies; the error still names the first bad cell in row order.
    #[test]
    fn bad_cells_in_bytes_are_named_in_row_order() {
        for (r, k) in [(7, 3), (3, 7), (4, 4)] {
            for o in [Objective::Minimize, Objective::Maximize] {
                let mut c = vec![1.0f64; r * k];
                c[2 * k + 1] = f64::NAN;
                c[r * k - 1] = f64::NAN;
                for (bytes, t) in [
                    (
                        c.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>(),
                        "<f8",
                    ),
                    (c.iter().flat_map(|x| x.to_be_bytes()).collect(), ">f8"),
                    (
                        c.iter().flat_map(|&x| (x as f32).to_le_bytes()).collect(),
                        "<f4",
                    ),
                ] {
                    let e = solve_dense_bytes(&bytes, t, r, k, o).unwrap_err();
                    assert_eq!(
                        e,
                        AssignmentError::InvalidEntry { row: 2, col: 1 },
                        "{r}x{k} {t}"
                    );
                }
            }
        }
    }

    /// The check runs a block of cells at a time: the first bad cell is named whichever block
    /// it is in, and only the wrong infinity is bad.
    #[test]
    fn the_first_bad_cell_is_named_across_blocks() {
        let (r, k) = (50, 70);
        for (o, wrong, right) in [
            (Objective::Minimize, f64::NEG_INFINITY, f64::INFINITY),
            (Objective::Maximize, f64::INFINITY, f64::NEG_INFINITY),
        ] {
            let mut c: Vec<f64> = (0..r * k).map(|x| (x % 97) as f64).collect();
            c[5] = right;
            assert!(solve_dense(&c, r, k, o).is_ok());
            for (first, second) in [(1100, 2100), (1023, 1024), (3499, 3499), (0, 2048)] {
                for bad in [wrong, f64::NAN] {
                    let mut c = c.clone();
                    c[second] = f64::NAN;
                    c[first] = bad;
                    let want = AssignmentError::InvalidEntry {
                        row: first / k,
                        col: first % k,
                    };
                    assert_eq!(solve_dense(&c, r, k, o).unwrap_err(), want);
                    let le: Vec<u8> = c.iter().flat_map(|x| x.to_le_bytes()).collect();
                    assert_eq!(solve_dense_bytes(&le, "<f8", r, k, o).unwrap_err(), want);
                    // The same cells transposed (`k × r`, tall): its first bad cell in its
                    // own row order.
                    let tall: Vec<f64> = (0..r * k).map(|x| c[(x % r) * k + x / r]).collect();
                    let (row, col) = [first, second]
                        .into_iter()
                        .map(|x| (x % k, x / k))
                        .min()
                        .unwrap_or_default();
                    let want = AssignmentError::InvalidEntry { row, col };
                    assert_eq!(solve_dense(&tall, k, r, o).unwrap_err(), want);
                    let le: Vec<u8> = tall.iter().flat_map(|x| x.to_le_bytes()).collect();
                    assert_eq!(solve_dense_bytes(&le, "<f8", k, r, o).unwrap_err(), want);
                }
            }
        }
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
