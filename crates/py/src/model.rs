//! Read-only Python views of the core's data: each wraps a core value and converts on access.
//! Vocabulary values are their file names (`"under_review"`); nested structures without a class
//! of their own come back as plain dicts, the same shape as the JSON file.

use crate::convert::Date;
use crate::convert::{enum_str, to_py};
use brobygger as core;
use brobygger::Label;
use brobygger::chrono::NaiveDate;
use pyo3::prelude::*;

/// Defines a frozen Python class wrapping a core value, with `to_dict()`, `__repr__` and `==`.
/// `view!(pickled; ...)` also pickles the class through the core value's serde form.
macro_rules! view {
    (pickled; $(#[$meta:meta])* $name:ident, $core:ty, $repr:expr, { $($body:tt)* }) => {
        $(#[$meta])*
        #[pyclass(frozen, module = "brobygger")]
        #[derive(Clone, Debug)]
        pub struct $name {
            pub(crate) inner: $core,
        }

        impl From<$core> for $name {
            fn from(inner: $core) -> Self {
                Self { inner }
            }
        }

        #[pymethods]
        impl $name {
            /// The value as plain Python data (dicts and lists), shaped like the JSON file.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                to_py(py, &self.inner)
            }

            /// Pickling: the core value's serde form (see `_from_state`).
            fn __reduce__<'py>(
                slf: &Bound<'py, Self>,
            ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, pyo3::types::PyBytes>,))> {
                crate::convert::reduce(slf.as_any(), crate::convert::state(&slf.get().inner)?)
            }

            /// Unpickling: the value from the state `__reduce__` gave.
            #[staticmethod]
            fn _from_state(state: &[u8]) -> PyResult<Self> {
                Ok(Self {
                    inner: crate::convert::from_state(state)?,
                })
            }

            fn __repr__(&self) -> String {
                let f: fn(&$core) -> String = $repr;
                f(&self.inner)
            }

            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                other
                    .cast::<$name>()
                    .map(|o| o.get().inner == self.inner)
                    .unwrap_or(false)
            }

            $($body)*
        }
    };
    ($(#[$meta:meta])* $name:ident, $core:ty, $repr:expr, { $($body:tt)* }) => {
        $(#[$meta])*
        #[pyclass(frozen, module = "brobygger")]
        #[derive(Clone, Debug)]
        pub struct $name {
            pub(crate) inner: $core,
        }

        impl From<$core> for $name {
            fn from(inner: $core) -> Self {
                Self { inner }
            }
        }

        #[pymethods]
        impl $name {
            /// The value as plain Python data (dicts and lists), shaped like the JSON file.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                to_py(py, &self.inner)
            }

            fn __repr__(&self) -> String {
                let f: fn(&$core) -> String = $repr;
                f(&self.inner)
            }

            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                other
                    .cast::<$name>()
                    .map(|o| o.get().inner == self.inner)
                    .unwrap_or(false)
            }

            $($body)*
        }
    };
}
pub(crate) use view;

fn list<T: Clone, V: From<T>>(items: &[T]) -> Vec<V> {
    items.iter().cloned().map(V::from).collect()
}

view!(pickled;
    /// A problem or observation: `code`, `severity`, `path`, messages in Danish and English,
    /// and the source document behind the rule.
    Finding, core::Finding, |f| format!("Finding({:?}, {:?}, {:?})", f.code, enum_str(&f.severity), f.path.as_str()), {
    /// Stable machine code, e.g. `validation.dangling_reference`.
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }
    /// `"error"`, `"warning"` or `"info"`.
    #[getter]
    fn severity(&self) -> String {
        enum_str(&self.inner.severity)
    }
    /// Path to the field, e.g. `agreements[0].governance.steering_group[2]`.
    #[getter]
    fn path(&self) -> &str {
        self.inner.path.as_str()
    }
    /// The message in Danish.
    #[getter]
    fn message_da(&self) -> &str {
        &self.inner.text.da
    }
    /// The message in English.
    #[getter]
    fn message_en(&self) -> &str {
        &self.inner.text.en
    }
    /// The message in `lang` (`"da"` or `"en"`).
    fn message(&self, lang: &str) -> PyResult<String> {
        Ok(self.inner.message(crate::convert::lang(lang)?).to_owned())
    }
    /// The source document number (`"001"`), if the rule comes from one.
    #[getter]
    fn source_document(&self) -> Option<String> {
        self.inner.source.as_ref().map(|s| s.document.number().to_owned())
    }
    /// The section of the source document, if any.
    #[getter]
    fn source_section(&self) -> Option<String> {
        self.inner.source.as_ref().map(|s| s.section.clone())
    }
    /// A short citation such as `001 "Anerkendelse og respekt"`, if any.
    #[getter]
    fn citation(&self) -> Option<String> {
        self.inner.source.as_ref().map(|s| s.cite())
    }
    /// One line: `[severity] path: message (source)`.
    fn render(&self, lang: &str) -> PyResult<String> {
        Ok(self.inner.render(crate::convert::lang(lang)?))
    }
});

view!(pickled;
    /// A department (forvaltning) of a municipality.
    Department, core::Department, |d| format!("Department({:?}, {:?})", d.id.as_str(), enum_str(&d.kind)), {
    /// Id within its municipality.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// Kind, e.g. `"jobcentre"`.
    #[getter]
    fn kind(&self) -> String {
        enum_str(&self.inner.kind)
    }
    /// Name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }
});

view!(pickled;
    /// A municipality with its departments.
    Municipality, core::Municipality, |m| format!("Municipality({:?}, code={})", m.id.as_str(), m.code), {
    /// Id within the dossier.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// Name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }
    /// Official three-digit municipality code.
    #[getter]
    fn code(&self) -> u16 {
        self.inner.code
    }
    /// The departments.
    #[getter]
    fn departments(&self) -> Vec<Department> {
        list(&self.inner.departments)
    }
});

view!(pickled;
    /// A civil-society organisation.
    Organisation, core::Organisation, |o| format!("Organisation({:?}, {:?})", o.id.as_str(), enum_str(&o.kind)), {
    /// Org-id style id.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// Name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }
    /// Kind, e.g. `"ethnic_minority_association"`.
    #[getter]
    fn kind(&self) -> String {
        enum_str(&self.inner.kind)
    }
    /// The kind's label in `lang`.
    fn kind_label(&self, lang: &str) -> PyResult<&'static str> {
        Ok(self.inner.kind.label(crate::convert::lang(lang)?))
    }
    /// The profile (purpose, activities, members, ...) as a dict.
    #[getter]
    fn profile<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.profile)
    }
});

view!(pickled;
    /// A person acting in a partnership. `repr()` shows the id only.
    Person, core::Person, |p| format!("Person({:?})", p.id.as_str()), {
    /// Opaque id.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// Name (ordinary personal data).
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }
    /// E-mail (ordinary personal data).
    #[getter]
    fn email(&self) -> Option<&str> {
        self.inner.email.as_deref()
    }
    /// Phone (ordinary personal data).
    #[getter]
    fn phone(&self) -> Option<&str> {
        self.inner.phone.as_deref()
    }
});

view!(pickled;
    /// One person's time in a post: `from_date` inclusive, `until` exclusive (None while open).
    Tenure, core::Tenure, |t| format!("Tenure({:?}, {} – {:?})", t.person.as_str(), t.from, t.until), {
    /// Who held the post.
    #[getter]
    fn person(&self) -> &str {
        self.inner.person.as_str()
    }
    /// First day in the post.
    #[getter(from_date)]
    fn start_date(&self) -> NaiveDate {
        self.inner.from
    }
    /// First day no longer in the post.
    #[getter]
    fn until(&self) -> Option<NaiveDate> {
        self.inner.until
    }
});

view!(pickled;
    /// A post and who held it when.
    Post, core::Post, |p| format!("Post({:?}, {:?})", p.id.as_str(), enum_str(&p.kind)), {
    /// Id.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// Title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }
    /// Kind, e.g. `"coordinator"`.
    #[getter]
    fn kind(&self) -> String {
        enum_str(&self.inner.kind)
    }
    /// The party it acts for, as a dict (`{"type": "department", ...}`).
    #[getter]
    fn party<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.party)
    }
    /// A short key for the party: `department:aalborg/ctf`.
    #[getter]
    fn party_key(&self) -> String {
        self.inner.party.key()
    }
    /// The agreement it belongs to, if any.
    #[getter]
    fn agreement(&self) -> Option<&str> {
        self.inner.agreement.as_ref().map(|a| a.as_str())
    }
    /// Who held it when, oldest first.
    #[getter]
    fn holders(&self) -> Vec<Tenure> {
        list(&self.inner.holders)
    }
    /// The person holding it on `date`, if anyone.
    fn holder_on(&self, date: Date) -> Option<String> {
        let date = date.0;
        self.inner.holder_on(date).map(|p| p.to_string())
    }
});

view!(pickled;
    /// A recorded status change.
    StatusEvent, core::StatusEvent, |e| format!("StatusEvent({:?} -> {:?}, {})", enum_str(&e.from), enum_str(&e.to), e.at), {
    /// Status before.
    #[getter(from_status)]
    fn status_before(&self) -> String {
        enum_str(&self.inner.from)
    }
    /// Status after.
    #[getter(to_status)]
    fn status_after(&self) -> String {
        enum_str(&self.inner.to)
    }
    /// When (an aware datetime in UTC).
    #[getter]
    fn at(&self) -> brobygger::Timestamp {
        self.inner.at
    }
    /// Who made the change.
    #[getter]
    fn by(&self) -> &str {
        self.inner.by.as_str()
    }
    /// The version in force.
    #[getter]
    fn version(&self) -> u32 {
        self.inner.version
    }
    /// The note, if any.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.inner.note.as_deref()
    }
    /// The reason blocking findings were overridden, if they were.
    #[getter]
    fn override_reason(&self) -> Option<&str> {
        self.inner.override_record.as_ref().map(|o| o.reason.as_str())
    }
    /// The codes of the overridden findings.
    #[getter]
    fn overridden(&self) -> Vec<String> {
        self.inner
            .override_record
            .as_ref()
            .map(|o| o.overridden.clone())
            .unwrap_or_default()
    }
});

view!(pickled;
    /// One version of an agreement's terms.
    AgreementVersion, core::AgreementVersion, |v| format!("AgreementVersion({}, {:?})", v.number, v.terms.title), {
    /// 1, 2, 3, ...
    #[getter]
    fn number(&self) -> u32 {
        self.inner.number
    }
    /// The amendment record (`on`, `by`, `reason`) as a dict, None for version 1.
    #[getter]
    fn amendment<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.amendment)
    }
    /// The terms.
    #[getter]
    fn terms(&self) -> AgreementTerms {
        self.inner.terms.clone().into()
    }
});

view!(pickled;
    /// What the parties agree on. Nested parts come back as dicts and lists of dicts, ready
    /// for `pandas.DataFrame(...)`.
    AgreementTerms, core::AgreementTerms, |t| format!("AgreementTerms({:?})", t.title), {
    /// Title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }
    /// Purpose.
    #[getter]
    fn purpose(&self) -> Option<&str> {
        self.inner.purpose.as_deref()
    }
    /// The parties' keys: `department:aalborg/ctf`, `organisation:DK-LOCAL-…`.
    #[getter]
    fn party_keys(&self) -> Vec<String> {
        self.inner.parties.iter().map(|p| p.party.key()).collect()
    }
    /// The parties with their signatories, as dicts.
    #[getter]
    fn parties<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.parties)
    }
    /// The goals, as dicts.
    #[getter]
    fn goals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.goals)
    }
    /// The activities, as dicts.
    #[getter]
    fn activities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.activities)
    }
    /// Steering group, coordinators and volunteer representative, as a dict.
    #[getter]
    fn governance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.governance)
    }
    /// The meeting forums, as dicts.
    #[getter]
    fn routines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.routines)
    }
    /// Coordination hours per party, as dicts.
    #[getter]
    fn resources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.resources)
    }
    /// First day.
    #[getter]
    fn start(&self) -> NaiveDate {
        self.inner.term.start
    }
    /// Last day, if limited.
    #[getter]
    fn end(&self) -> Option<NaiveDate> {
        self.inner.term.end
    }
    /// Review dates.
    #[getter]
    fn review_dates(&self) -> Vec<NaiveDate> {
        self.inner.term.review_dates.clone()
    }
    /// `"project"` or `"operation"`.
    #[getter]
    fn stage(&self) -> String {
        enum_str(&self.inner.stage)
    }
    /// `"cooperation"` or `"co_creation"`.
    #[getter]
    fn cooperation_level(&self) -> String {
        enum_str(&self.inner.cooperation_level)
    }
});

view!(pickled;
    /// A partnership agreement with its versions and history.
    Agreement, core::Agreement, |a| format!("Agreement({:?}, {:?}, version {})", a.id.as_str(), enum_str(&a.status), a.versions.len()), {
    /// Id.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// Title of the version in force.
    #[getter]
    fn title(&self) -> &str {
        self.inner.title()
    }
    /// Status: `"draft"`, `"negotiating"`, `"signed"`, `"active"`, `"under_review"`, `"ended"`.
    #[getter]
    fn status(&self) -> String {
        enum_str(&self.inner.status)
    }
    /// The status on a date, replayed from the history.
    fn status_on(&self, date: Date) -> String {
        let date = date.0;
        enum_str(&self.inner.status_on(date))
    }
    /// The number of the version in force.
    #[getter]
    fn version(&self) -> u32 {
        self.inner.current().map(|v| v.number).unwrap_or(0)
    }
    /// Every version, oldest first.
    #[getter]
    fn versions(&self) -> Vec<AgreementVersion> {
        list(&self.inner.versions)
    }
    /// The terms in force.
    #[getter]
    fn terms(&self) -> Option<AgreementTerms> {
        self.inner.terms().cloned().map(AgreementTerms::from)
    }
    /// Every status change, oldest first.
    #[getter]
    fn history(&self) -> Vec<StatusEvent> {
        list(&self.inner.history)
    }
    /// Meetings held, as dicts.
    #[getter]
    fn meetings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.meetings)
    }
});

view!(pickled;
    /// What a handover did.
    HandoverReport, core::HandoverReport, |r| format!("HandoverReport(posts={:?})", r.posts), {
    /// The posts that changed holder.
    #[getter]
    fn posts(&self) -> Vec<String> {
        self.inner.posts.iter().map(|p| p.to_string()).collect()
    }
    /// The agreements those posts belong to.
    #[getter]
    fn agreements(&self) -> Vec<String> {
        self.inner.agreements.iter().map(|a| a.to_string()).collect()
    }
});

// Other areas' views (roles, ...) are made with the same macro.
