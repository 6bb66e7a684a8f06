//! The `Store` class: a dossier kept in an SQLite file with its history and audit trail
//! (`brobygger-store`), from Python.
//!
//! Conversion only: every operation is the store crate's. The store waits for SQLite's write
//! lock and runs SQL with the interpreter released, so other Python threads (and writers in
//! other processes) carry on; a change's Python function runs with it held again.

use crate::convert::Date;
use crate::convert::{IntoPy, from_py, to_py};
use crate::dossier::Dossier;
use crate::progress::watched;
use brobygger as core;
use brobygger::progress::Watch;
use brobygger_store as store;
use pyo3::prelude::*;
use pyo3::types::PyType;
use std::sync::Mutex;

/// A dossier kept in an SQLite file: the current state, every earlier version of every entity
/// and a hash-chained audit trail of who changed what and when.
///
/// ``with Store.open(path) as store:`` opens (creating or migrating) the file and closes it at
/// the end of the block. Every write is one audited transaction that waits for other writers
/// (threads or processes) first, so no work is lost; a write that fails changes nothing.
#[pyclass(module = "brobygger", frozen)]
#[derive(Debug)]
pub struct Store {
    inner: store::SharedStore,
}

impl Store {
    /// Runs `f` on the open store with the interpreter released. A call from inside this
    /// store's own change is refused (`store.reentrant`) rather than waiting for itself.
    fn with<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut store::Store) -> Result<T, store::StoreError> + Send,
    ) -> PyResult<T> {
        py.detach(|| self.inner.with(f).map_err(core::BrobyggerError::from).py())
    }

    /// [`Store::with`] under a progress watch (`progress=`, ADR 0067): Ctrl-C or the callback's
    /// exception stops the work and comes through as it was raised.
    fn with_progress<T: Send>(
        &self,
        py: Python<'_>,
        progress: Option<&Bound<'_, PyAny>>,
        f: impl FnOnce(&mut store::Store, &Watch) -> Result<T, store::StoreError> + Send,
    ) -> PyResult<T> {
        let w = watched(py, progress)?;
        let watch = w.watch();
        let result = py.detach(|| {
            self.inner
                .with(|s| f(s, watch))
                .map_err(core::BrobyggerError::from)
        });
        w.outcome(py, result)
    }
}

/// A core table as a DataFrame, made by `brobygger.tables.frame` (pandas is optional: without
/// it, that raises an `ImportError` that says so).
fn frame<'py>(py: Python<'py>, table: &core::present::Table) -> PyResult<Bound<'py, PyAny>> {
    let tables = pyo3::types::PyList::new(py, [to_py(py, table)?])?;
    py.import("brobygger.tables")?
        .getattr("frame")?
        .call1((tables, table.name.as_str()))
}

fn events_out<'py>(
    py: Python<'py>,
    events: &[store::AuditEvent],
    records: bool,
) -> PyResult<Bound<'py, PyAny>> {
    if records {
        return to_py(py, &events);
    }
    frame(py, &store::log_table(events))
}

fn subject(newcomer: Option<String>, person: Option<String>) -> PyResult<store::Erase> {
    match (newcomer, person) {
        (Some(n), None) => Ok(store::Erase::Newcomer(core::NewcomerId::new(n))),
        (None, Some(p)) => Ok(store::Erase::Person(core::PersonId::new(p))),
        _ => Err(crate::convert::to_pyerr(
            core::BrobyggerError::invalid_input(
                core::StoreCode::EraseSubject,
                "subject",
                "give exactly one of newcomer and person",
            ),
        )),
    }
}

#[pymethods]
impl Store {
    /// Opens the store at `path`, creating or migrating it. `journal` is ``"wal"`` (the
    /// default) or ``"rollback"`` (for a file on a network share); a writer waits up to
    /// `busy_timeout` seconds for another. `durability` is ``"normal"`` (the default: a write
    /// does not wait for the disk, and a power cut may undo the last writes whole) or ``"full"``
    /// (every write synced before it returns; ADR 0055). Raises `UnsupportedVersionError` (code
    /// ``store.newer_schema``) for a file of a newer brobygger, `InvalidInputError` for a file
    /// that is not a store (``store.not_a_database``, ``store.corrupt``, ``store.foreign``).
    #[classmethod]
    #[pyo3(signature = (path, journal = None, busy_timeout = None, durability = None))]
    fn open(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        path: std::path::PathBuf,
        journal: Option<&str>,
        busy_timeout: Option<f64>,
        durability: Option<&str>,
    ) -> PyResult<Self> {
        // Unset options keep the store crate's defaults (WAL, 30 s, normal): the binding
        // decides none.
        let mut options = store::StoreOptions::default();
        if let Some(journal) = journal {
            options = options
                .journal(store::JournalMode::parse(journal).map_err(crate::convert::to_pyerr)?);
        }
        if let Some(durability) = durability {
            options = options.durability(
                store::Durability::parse(durability).map_err(crate::convert::to_pyerr)?,
            );
        }
        if let Some(seconds) = busy_timeout {
            let timeout = std::time::Duration::try_from_secs_f64(seconds).map_err(|_| {
                crate::convert::to_pyerr(core::BrobyggerError::invalid_input(
                    core::StoreCode::Options,
                    "busy_timeout",
                    "a number of seconds, 0 or more",
                ))
            })?;
            options = options.busy_timeout(timeout);
        }
        let s = py
            .detach(|| store::Store::open_with(&path, options))
            .map_err(core::BrobyggerError::from)
            .py()?;
        Ok(Self {
            inner: store::SharedStore::new(s),
        })
    }

    /// Closes the file (also at the end of a ``with`` block); any later call raises
    /// `InvalidInputError` (code ``store.closed``).
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        py.detach(|| self.inner.close().map_err(core::BrobyggerError::from).py())
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    #[pyo3(signature = (*_args))]
    fn __exit__(&self, py: Python<'_>, _args: &Bound<'_, pyo3::types::PyTuple>) -> PyResult<bool> {
        self.close(py)?;
        Ok(false)
    }

    /// The file's path, as given.
    fn path(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, |s| Ok(s.path().to_owned()))
    }

    /// The schema version of the file.
    fn schema_version(&self, py: Python<'_>) -> PyResult<u32> {
        self.with(py, |s| s.schema_version())
    }

    /// Whether the store holds no dossier yet.
    fn is_empty(&self, py: Python<'_>) -> PyResult<bool> {
        self.with(py, |s| s.is_empty())
    }

    /// The dossier as it is now (a copy: change the store with `update`).
    fn dossier(&self, py: Python<'_>) -> PyResult<Dossier> {
        let inner = self.with(py, |s| s.dossier())?;
        Ok(Dossier { inner })
    }

    /// The dossier as canonical JSON, the same text ``Dossier.to_json()`` gives.
    fn export_json(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, |s| s.export_json())
    }

    /// Puts `dossier` in the store, replacing what it held; every entity that is new, changed or
    /// gone is recorded. Returns what changed (a dict: ``created``, ``updated``, ``deleted``,
    /// ``erasures``, ``erased`` (earlier versions emptied), ``redacted`` (earlier versions
    /// the erased person was cut out of)).
    ///
    /// `progress`: a callable receiving each `Progress` update, ``"auto"`` for a tqdm bar,
    /// ``False`` for nothing; by default ``bb.options.progress`` (off). Ctrl-C or an exception
    /// in the callback rolls the import back: the store keeps what it held.
    #[pyo3(name = "import_", signature = (dossier, actor, operation = "import", progress = None))]
    fn import<'py>(
        &self,
        py: Python<'py>,
        dossier: &Dossier,
        actor: &str,
        operation: &str,
        progress: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = dossier.inner.clone();
        let summary = self.with_progress(py, progress, |s, watch| {
            s.import_watched(&d, store::Change::new(actor, operation), watch)
        })?;
        to_py(py, &summary)
    }

    /// Changes the dossier with `change`, a function that takes the current `Dossier` and
    /// changes it (``lambda d: d.lifecycle.transition(...)``). All or nothing: when it raises,
    /// nothing is stored and the exception comes through as it was. Waits for other writers
    /// first, so it always works on the latest dossier. Returns what changed (as `import_`).
    fn update<'py>(
        &self,
        py: Python<'py>,
        actor: &str,
        operation: &str,
        change: Py<PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let raised: Mutex<Option<PyErr>> = Mutex::new(None);
        let result = py.detach(|| {
            self.inner
                .update(store::Change::new(actor, operation), |d| {
                    Python::attach(|py| {
                        let call = || -> PyResult<core::Dossier> {
                            let handle = Py::new(py, Dossier { inner: d.clone() })?;
                            change.call1(py, (handle.clone_ref(py),))?;
                            let changed = handle.try_borrow(py)?.inner.clone();
                            Ok(changed)
                        };
                        match call() {
                            Ok(changed) => {
                                *d = changed;
                                Ok(())
                            }
                            Err(e) => {
                                *raised.lock().unwrap_or_else(|p| p.into_inner()) = Some(e);
                                Err(core::BrobyggerError::internal(
                                    core::InternalCode::AppCallback,
                                    "the change's function raised; nothing was stored",
                                ))
                            }
                        }
                    })
                })
        });
        if let Some(e) = raised.lock().unwrap_or_else(|p| p.into_inner()).take() {
            return Err(e);
        }
        let ((), summary) = result.map_err(core::BrobyggerError::from).py()?;
        to_py(py, &summary)
    }

    /// Erases one newcomer household (`newcomer=`) or one person (`person=`) as of `on` (GDPR
    /// art. 17): anonymised in the current dossier with cascade, every earlier version naming
    /// them emptied, one verifiable erasure event. Returns what changed (as `import_`).
    #[pyo3(signature = (actor, on, newcomer = None, person = None, operation = "erase"))]
    fn erase<'py>(
        &self,
        py: Python<'py>,
        actor: &str,
        on: Date,
        newcomer: Option<String>,
        person: Option<String>,
        operation: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let on = on.0;
        let subject = subject(newcomer, person)?;
        let summary = self.with(py, |s| {
            s.erase(store::Change::new(actor, operation), subject, on)
        })?;
        to_py(py, &summary)
    }

    /// The audit trail, oldest first, as a pandas DataFrame (the core's ``audit_log`` table):
    /// columns ``seq``, ``at`` (UTC, RFC 3339), ``actor``, ``operation``, ``collection``,
    /// ``entity``, ``action``, ``fields`` (a list of paths, never values), ``digest``,
    /// ``prev_hash``, ``hash``. ``records=True`` gives the same events as a list of dicts
    /// (without pandas).
    #[pyo3(signature = (*, records = false))]
    fn log<'py>(&self, py: Python<'py>, records: bool) -> PyResult<Bound<'py, PyAny>> {
        let events = self.with(py, |s| s.log())?;
        events_out(py, &events, records)
    }

    /// The audit events about one entity (`collection`, e.g. ``"agreements"``, and its id), as
    /// `log` gives them (a DataFrame, or dicts with ``records=True``).
    #[pyo3(signature = (collection, id, *, records = false))]
    fn log_of<'py>(
        &self,
        py: Python<'py>,
        collection: &str,
        id: &str,
        records: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let events = self.with(py, |s| s.log_of(collection, id))?;
        events_out(py, &events, records)
    }

    /// Every stored version of one entity, oldest first, as a pandas DataFrame (the core's
    /// ``history`` table): ``seq``, ``at``, ``actor``, ``operation``, ``action`` and ``json``
    /// (the entity after the change; None after a deletion or once erased). ``records=True``
    /// gives a list of dicts with the same keys.
    #[pyo3(signature = (collection, id, *, records = false))]
    fn history<'py>(
        &self,
        py: Python<'py>,
        collection: &str,
        id: &str,
        records: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let revisions = self.with(py, |s| s.history(collection, id))?;
        if records {
            return to_py(py, &revisions);
        }
        frame(py, &store::history_table(&revisions))
    }

    /// The number of the last audit event (0 for a new store).
    fn head(&self, py: Python<'_>) -> PyResult<i64> {
        self.with(py, |s| s.head())
    }

    /// The changes made after audit event `since`, as a change file's data (a dict; write it
    /// with ``json.dump``): apply it to another copy with `apply`.
    fn changes_since<'py>(&self, py: Python<'py>, since: i64) -> PyResult<Bound<'py, PyAny>> {
        let set = self.with(py, |s| s.changes_since(since))?;
        to_py(py, &set)
    }

    /// Applies another copy's changes (a dict from `changes_since`, or its JSON text). Returns
    /// ``applied``, ``unchanged`` and ``conflicts`` (entities both copies changed differently;
    /// this copy kept its own). Applying the same changes twice changes nothing.
    #[pyo3(signature = (changes, actor, operation = "apply"))]
    fn apply<'py>(
        &self,
        py: Python<'py>,
        changes: &Bound<'py, PyAny>,
        actor: &str,
        operation: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let set: store::ChangeSet = match changes.extract::<String>() {
            Ok(text) => store::ChangeSet::from_json(&text)
                .map_err(core::BrobyggerError::from)
                .py()?,
            Err(_) => from_py(changes, "changes")?,
        };
        let report = self.with(py, |s| s.apply(store::Change::new(actor, operation), &set))?;
        to_py(py, &report)
    }

    /// Checks the whole audit trail: a dict with ``events`` (checked) and ``problem`` (None when
    /// intact; else a dict with ``kind``: ``gap``, ``broken_link``, ``tampered``,
    /// ``history_tampered`` or ``truncated``, and the event numbers). `progress`: as in
    /// `import_`.
    #[pyo3(signature = (*, progress = None))]
    fn verify<'py>(
        &self,
        py: Python<'py>,
        progress: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let report = self.with_progress(py, progress, |s, watch| s.verify_watched(watch))?;
        to_py(py, &report)
    }

    /// `verify` as an exception: the report when the trail is intact; raises
    /// `InvalidInputError` with code ``store.tampered`` otherwise.
    fn verify_intact<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let report = self.with(py, |s| s.verify_intact())?;
        to_py(py, &report)
    }

    fn __repr__(&self) -> String {
        match self.inner.try_path() {
            Some(Some(path)) => format!("Store({path:?})"),
            Some(None) => "Store(closed)".to_owned(),
            None => "Store(busy)".to_owned(),
        }
    }
}
