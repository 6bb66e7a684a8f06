//! The national picture from Python: KL's 2015 survey of the municipalities (seed 000) as
//! published aggregates, and a municipality's own answers beside them. Delegations to the core.

use crate::convert::{IntoPy, lang, to_py};
use brobygger::assessment::{self as national, NationalComparison, OwnAnswer};
use brobygger::present::{Format, Present};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// A dict `{question: category}` as the core's answers, in the dict's order.
pub(crate) fn answers(answers: &Bound<'_, PyDict>) -> PyResult<Vec<OwnAnswer>> {
    answers
        .iter()
        .map(|(q, c)| {
            Ok(OwnAnswer::new(
                q.extract::<String>()?,
                c.extract::<String>()?,
            ))
        })
        .collect()
}

/// KL's 2015 survey of the municipalities as published (seed 000): a dict with `id`, `title`,
/// `published_on`, `population`, `respondents` (None: the source gives no n) and `questions`,
/// each with its `categories` and `published` shares (`categories`, `percent`, `source`,
/// `words`, the seed's own words).
#[pyfunction]
pub fn kl_2015(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &national::kl_2015().py()?)
}

/// KL's 2015 survey as a survey shape (a dict shaped like a round's `shape`): one group,
/// `municipality`, and each question a measure with its categories and its headline share as
/// the reference. A round with it (`d.surveys.add({..., "shape": bb.kl_2015_shape()})`) shows
/// its shares beside KL's.
#[pyfunction]
pub fn kl_2015_shape(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &national::kl_2015_shape().py()?)
}

/// A municipality's own answers (`{"housing_placement": "high", ...}`) beside KL's 2015 shares:
/// one dict per published share (`question`, `question_text`, `categories`, `answer`,
/// `percent`, `source`, `own`: the municipality's category when it falls in the share), then
/// each own answer the publication gives no share for (`percent` None). Raises
/// `InvalidInputError` for an unknown question or category.
#[pyfunction]
pub fn compare_with_national<'py>(
    py: Python<'py>,
    answers: &Bound<'py, PyDict>,
) -> PyResult<Bound<'py, PyAny>> {
    let reference = national::kl_2015().py()?;
    to_py(
        py,
        &national::compare_with_national(&reference, &self::answers(answers)?).py()?,
    )
}

/// The comparison as the `national_comparison` table (a plain dict with `name`, `title`,
/// `columns`, `rows`; texts in `lang`), or as Markdown with `markdown=True`.
#[pyfunction]
#[pyo3(signature = (answers, lang = "da", markdown = false))]
pub fn national_comparison_table<'py>(
    py: Python<'py>,
    answers: &Bound<'py, PyDict>,
    lang: &str,
    markdown: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let l = self::lang(lang)?;
    let reference = national::kl_2015().py()?;
    let rows = national::compare_with_national(&reference, &self::answers(answers)?).py()?;
    let c = NationalComparison { reference, rows };
    if markdown {
        return Ok(c.present(Format::Markdown, l).into_pyobject(py)?.into_any());
    }
    to_py(py, &c.tables(l))
}
