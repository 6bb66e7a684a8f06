//! Matching at scale for Kotlin and Swift: dense optimal assignment on a full matrix, and
//! profiles in bulk from one JSON table. Every function delegates to the core.

use brobygger::BrobyggerError;
use brobygger::matching::{DenseAssignment, Objective};
use brobygger::matching::{Newcomer, Offer};

/// The optimal assignment of a row-major `rows × cols` matrix (`costs.size == rows * cols`):
/// one cell per row and per column of the smaller side, with the least total cost or the
/// largest total score. `Double.POSITIVE_INFINITY` (`NEGATIVE_INFINITY` when maximising)
/// forbids a cell. Throws `InvalidInput` for a wrong size or a NaN, `Infeasible` when every
/// complete assignment uses a forbidden cell.
#[uniffi::export]
pub fn linear_sum_assignment(
    costs: Vec<f64>,
    rows: u32,
    cols: u32,
    objective: Objective,
) -> Result<DenseAssignment, BrobyggerError> {
    brobygger::matching::solve_dense_owned(costs, rows as usize, cols as usize, objective)
        .map_err(Into::into)
}

/// `linearSumAssignment` off the caller's thread (Kotlin `suspend`, Swift `async`): a large
/// matrix takes seconds. Cancelling the call stops the solver within a row.
#[uniffi::export]
pub async fn linear_sum_assignment_async(
    costs: Vec<f64>,
    rows: u32,
    cols: u32,
    objective: Objective,
) -> Result<DenseAssignment, BrobyggerError> {
    crate::background::off_thread(move |cancel| {
        brobygger::matching::solve_dense_owned_watched(
            costs,
            rows as usize,
            cols as usize,
            objective,
            &cancel.watch(),
        )
    })
    .await
}

/// Reads newcomer households from a JSON table: a list of records, an object of columns, or
/// `{"columns": [...], "data": [[...]]}`; flat `lat`/`lon` columns become the location.
#[uniffi::export]
pub fn newcomers_from_table(json: String) -> Result<Vec<Newcomer>, BrobyggerError> {
    brobygger::matching::newcomers_from_table(&json)
}

/// Reads offers from a JSON table (records, columns or split rows).
#[uniffi::export]
pub fn offers_from_table(json: String) -> Result<Vec<Offer>, BrobyggerError> {
    brobygger::matching::offers_from_table(&json)
}
