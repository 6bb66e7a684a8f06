//! The dossier handle: load, inspect, validate, change and save a dossier from Kotlin or Swift.

use crate::convert::{read, write};
use brobygger::chrono::NaiveDate;
use brobygger::{
    Agreement, AgreementId, AgreementStatus, AgreementTerms, Amendment, BrobyggerError, Dossier,
    Finding, Handover, HandoverReport, Lang, Municipality, Organisation, Person, PersonId, Post,
    PostId, StatusEvent, SummaryOptions, Timestamp, TransitionRequest,
};
use std::sync::{Arc, RwLock};

/// A dossier held by the library. Safe to share across threads: reads run in parallel,
/// changes are serialised, and a failed change leaves the dossier as it was.
#[derive(Debug, uniffi::Object)]
pub struct DossierHandle(pub(crate) Arc<RwLock<Dossier>>);

impl DossierHandle {
    pub(crate) fn wrap(d: Dossier) -> Arc<Self> {
        Arc::new(Self(Arc::new(RwLock::new(d))))
    }

    /// The lock, for the API blocks in other modules.
    pub(crate) fn lock(&self) -> &RwLock<Dossier> {
        &self.0
    }
}

#[uniffi::export]
impl DossierHandle {
    /// An empty dossier with a title.
    #[uniffi::constructor]
    pub fn new(title: String) -> Result<Arc<Self>, BrobyggerError> {
        Ok(Self::wrap(Dossier::new(title)))
    }

    /// Reads a dossier from JSON. Throws `Parse` or `UnsupportedVersion`.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>, BrobyggerError> {
        Ok(Self::wrap(Dossier::from_json(&json)?))
    }

    /// Reads a dossier from a JSON file.
    #[uniffi::constructor]
    pub fn load(path: String) -> Result<Arc<Self>, BrobyggerError> {
        Ok(Self::wrap(Dossier::load(path)?))
    }

    /// A built-in example: `aalborg`, `ikast-brande` or `horsens`.
    #[uniffi::constructor]
    pub fn example(name: String) -> Result<Arc<Self>, BrobyggerError> {
        Ok(Self::wrap(Dossier::example(&name)?))
    }

    /// Wraps a dossier built as data.
    #[uniffi::constructor]
    pub fn from_data(dossier: Dossier) -> Result<Arc<Self>, BrobyggerError> {
        dossier.check_version()?;
        Ok(Self::wrap(dossier))
    }

    /// The dossier as JSON.
    pub fn to_json(&self) -> Result<String, BrobyggerError> {
        read(&self.0)?.to_json()
    }

    /// Writes the dossier as JSON to a file.
    pub fn save(&self, path: String) -> Result<(), BrobyggerError> {
        read(&self.0)?.save(path)
    }

    /// A copy of the whole dossier as data.
    pub fn data(&self) -> Result<Dossier, BrobyggerError> {
        Ok(read(&self.0)?.clone())
    }

    /// The title.
    pub fn title(&self) -> Result<String, BrobyggerError> {
        Ok(read(&self.0)?.title.clone())
    }

    /// Every validation finding, errors first.
    pub fn validate(&self) -> Result<Vec<Finding>, BrobyggerError> {
        Ok(read(&self.0)?.validate())
    }

    /// The findings if there are no errors; throws `Validation` with all of them otherwise.
    pub fn check(&self) -> Result<Vec<Finding>, BrobyggerError> {
        read(&self.0)?.check()
    }

    /// A readable summary in `lang`, with post holders as of `as_of` if given.
    pub fn summary(&self, lang: Lang, as_of: Option<NaiveDate>) -> Result<String, BrobyggerError> {
        Ok(read(&self.0)?.summary(SummaryOptions { lang, as_of }))
    }

    /// The municipalities.
    pub fn municipalities(&self) -> Result<Vec<Municipality>, BrobyggerError> {
        Ok(read(&self.0)?.municipalities.clone())
    }

    /// The organisations.
    pub fn organisations(&self) -> Result<Vec<Organisation>, BrobyggerError> {
        Ok(read(&self.0)?.organisations.clone())
    }

    /// The people.
    pub fn people(&self) -> Result<Vec<Person>, BrobyggerError> {
        Ok(read(&self.0)?.people.clone())
    }

    /// The posts with their holders over time.
    pub fn posts(&self) -> Result<Vec<Post>, BrobyggerError> {
        Ok(read(&self.0)?.posts.clone())
    }

    /// The agreements.
    pub fn agreements(&self) -> Result<Vec<Agreement>, BrobyggerError> {
        Ok(read(&self.0)?.agreements.clone())
    }

    /// One agreement. Throws `NotFound`.
    pub fn agreement(&self, id: AgreementId) -> Result<Agreement, BrobyggerError> {
        read(&self.0)?
            .agreement(&id)
            .cloned()
            .ok_or_else(|| BrobyggerError::not_found(brobygger::NotFoundCode::Agreement, &id))
    }

    /// The person holding `post` on `date`, if anyone. Throws `NotFound` for an unknown post.
    pub fn holder_of(
        &self,
        post: PostId,
        date: NaiveDate,
    ) -> Result<Option<PersonId>, BrobyggerError> {
        read(&self.0)?
            .post(&post)
            .map(|p| p.holder_on(date).cloned())
            .ok_or_else(|| BrobyggerError::not_found(brobygger::NotFoundCode::Post, &post))
    }

    /// The posts `person` holds on `date`.
    pub fn posts_held_by(
        &self,
        person: PersonId,
        date: NaiveDate,
    ) -> Result<Vec<Post>, BrobyggerError> {
        Ok(read(&self.0)?
            .posts()
            .held_by(&person, date)
            .into_iter()
            .cloned()
            .collect())
    }

    /// Agreements' status transitions, draft terms and amendments.
    pub fn lifecycle(&self) -> Result<Arc<DossierLifecycle>, BrobyggerError> {
        Ok(Arc::new(DossierLifecycle(Arc::clone(&self.0))))
    }

    /// Moves one person's posts to another on a date, all at once.
    pub fn handover(&self, handover: Handover) -> Result<HandoverReport, BrobyggerError> {
        write(&self.0)?.posts_mut().handover(&handover)
    }

    /// Adds a person (staff or volunteer) to the dossier. Throws `InvalidInput` if the id is
    /// already used.
    pub fn add_person(&self, person: Person) -> Result<(), BrobyggerError> {
        write(&self.0)?.add_person(person)
    }
}

/// An agreement's status transitions, draft terms and amendments (the core's
/// `LifecycleFacet`). Shares the handle's lock; a change that fails leaves the dossier as it was.
#[derive(Debug, uniffi::Object)]
pub struct DossierLifecycle(Arc<RwLock<Dossier>>);

#[uniffi::export]
impl DossierLifecycle {
    /// The findings a status change would meet, without making it.
    pub fn preview(
        &self,
        agreement: AgreementId,
        to: AgreementStatus,
        at: Timestamp,
    ) -> Result<Vec<Finding>, BrobyggerError> {
        read(&self.0)?.lifecycle().preview(&agreement, to, at)
    }

    /// Changes an agreement's status, recording who and when. Throws `InvalidTransition` with
    /// the blocking findings, `NotFound`, or `InvalidInput`; nothing changes then.
    pub fn transition(&self, request: TransitionRequest) -> Result<StatusEvent, BrobyggerError> {
        write(&self.0)?.lifecycle_mut().transition(request)
    }

    /// Replaces the terms of a draft or negotiating agreement.
    pub fn edit_terms(
        &self,
        agreement: AgreementId,
        terms: AgreementTerms,
    ) -> Result<(), BrobyggerError> {
        write(&self.0)?
            .lifecycle_mut()
            .edit_terms(&agreement, terms)
    }

    /// Amends a signed agreement with new terms; returns the new version number.
    pub fn amend(
        &self,
        agreement: AgreementId,
        terms: AgreementTerms,
        amendment: Amendment,
    ) -> Result<u32, BrobyggerError> {
        write(&self.0)?
            .lifecycle_mut()
            .amend(&agreement, terms, amendment)
    }
}

#[cfg(feature = "test-hooks")]
#[uniffi::export]
impl DossierHandle {
    /// Panics while holding the write lock, as a bug inside a change would; the binding tests
    /// use it to prove the panic arrives as an exception and the handle then refuses every call
    /// with `Internal` (`internal.poisoned_handle`) instead of handing out a half-written dossier.
    pub fn self_test_panic_while_changing(&self) -> Result<(), BrobyggerError> {
        let _guard = write(&self.0)?;
        crate::convert::force_panic()
    }
}
