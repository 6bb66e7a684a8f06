//! Progress and Ctrl-C for long calls (ADR 0067): the core's [`Watch`] with a Python side.
//!
//! A long call (a match, a rematch, a store's import or verification) runs with the interpreter
//! released, as before. Its watch hands each (throttled) update to a sink that takes the
//! interpreter for a moment: it runs Python's signal handlers (`check_signals`, so Ctrl-C
//! raises `KeyboardInterrupt` there) and calls the progress callback, if any. When either
//! raises, the exception is kept, the watch cancels the work, and the call raises that exception
//! once the work has stopped; nothing was changed. A callback that returns `False` stops the
//! work without an exception of its own: the call raises `CancelledError` (`work.cancelled`). What `progress=` means (a callable, `"auto"`
//! for a tqdm bar, off) is decided in Python (`brobygger.progress._resolve`); this file only
//! converts.

use crate::convert::{IntoPy, lang_or_display};
use brobygger as core;
use brobygger::progress::{Progress as CoreProgress, Watch};
use pyo3::prelude::*;
use pyo3::types::PyBool;
use std::ops::ControlFlow;
use std::sync::{Arc, Mutex, PoisonError};

/// How far a long call is: `done` of `total` units of `stage` (``"candidates"``, ``"solve"``,
/// ``"explain"``, ``"simulate"``, ``"import"``, ``"verify"``). A progress callback receives
/// one per update, monotone within a stage, the last of a stage with `done == total`.
#[pyclass(module = "brobygger", frozen)]
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    inner: CoreProgress,
}

#[pymethods]
impl Progress {
    /// The part of the work: ``"candidates"``, ``"solve"``, ``"explain"``, ``"simulate"``,
    /// ``"import"`` or ``"verify"``.
    #[getter]
    fn stage(&self) -> &'static str {
        self.inner.stage.name()
    }

    /// Units done, from 0 to `total`.
    #[getter]
    fn done(&self) -> u64 {
        self.inner.done
    }

    /// Units in the stage.
    #[getter]
    fn total(&self) -> u64 {
        self.inner.total
    }

    /// The stage in words, in `lang` or the display language (``bb.options.lang``):
    /// ``"matcher"`` / ``"matching"``.
    #[pyo3(signature = (lang = None))]
    fn label(&self, lang: Option<&str>) -> PyResult<&'static str> {
        use core::Label;
        Ok(self.inner.stage.label(lang_or_display(lang)?))
    }

    fn __repr__(&self) -> String {
        format!(
            "Progress(stage='{}', done={}, total={})",
            self.inner.stage.name(),
            self.inner.done,
            self.inner.total
        )
    }
}

/// A long call's watch and what its Python side raised.
pub(crate) struct Watched {
    watch: Watch,
    raised: Arc<Mutex<Option<PyErr>>>,
    callback: Option<Py<PyAny>>,
}

/// The watch for a call given `progress=` (see the module docs).
pub(crate) fn watched(py: Python<'_>, progress: Option<&Bound<'_, PyAny>>) -> PyResult<Watched> {
    let resolved = py
        .import("brobygger.progress")?
        .getattr("_resolve")?
        .call1((progress,))?;
    let callback = (!resolved.is_none()).then(|| resolved.unbind());
    let raised: Arc<Mutex<Option<PyErr>>> = Arc::new(Mutex::new(None));
    let keep = Arc::clone(&raised);
    let sink = callback.as_ref().map(|c| c.clone_ref(py));
    let watch = Watch::new().on_progress(move |p| {
        Python::attach(|py| {
            // `False` from the callback asks to stop (`CancelledError`); any other value goes on.
            let told = py.check_signals().and_then(|()| match &sink {
                Some(f) => {
                    let r = f.call1(py, (Progress { inner: p },))?;
                    let r = r.bind(py);
                    Ok(r.is_instance_of::<PyBool>() && !r.is_truthy()?)
                }
                None => Ok(false),
            });
            match told {
                Ok(false) => ControlFlow::Continue(()),
                Ok(true) => ControlFlow::Break(()),
                Err(e) => {
                    let mut slot = keep.lock().unwrap_or_else(PoisonError::into_inner);
                    // The first exception is the one the call raises.
                    slot.get_or_insert(e);
                    ControlFlow::Break(())
                }
            }
        })
    });
    Ok(Watched {
        watch,
        raised,
        callback,
    })
}

impl Watched {
    /// The core's watch, for the call.
    pub(crate) fn watch(&self) -> &Watch {
        &self.watch
    }

    /// The call's outcome: the exception the Python side raised (Ctrl-C's `KeyboardInterrupt`,
    /// the callback's own) comes first, then the core's result. A bar is closed either way.
    pub(crate) fn outcome<T>(
        self,
        py: Python<'_>,
        result: Result<T, core::BrobyggerError>,
    ) -> PyResult<T> {
        if let Some(f) = &self.callback {
            py.import("brobygger.progress")?
                .getattr("_close")?
                .call1((f,))?;
        }
        let raised = self
            .raised
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(e) = raised {
            return Err(e);
        }
        // A Ctrl-C is never lost: Python runs signal handlers only on the main thread, and the
        // updates may all have come from the core's worker threads, so a pending one is
        // handled here, on the calling thread, before the result is given.
        py.check_signals()?;
        result.py()
    }
}
