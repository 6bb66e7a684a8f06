//! The checklists facet: templates, requirements, answer sessions and their alignment.

use crate::checklists::align::{ChecklistAlignment, checklist_alignment, checklist_alignments};
use crate::checklists::model::session::{
    AnswerInput, AnswerSession, ChecklistRequirement, ResolveItem, StartChecklist,
};
use crate::checklists::model::template::ChecklistTemplate;
use crate::checklists::overview::checklist_summary;
use crate::checklists::readiness::{ChecklistReadiness, checklist_readiness};
use crate::checklists::render::render_checklist_comparison;
use crate::checklists::workflow::{
    add_checklist_template, answer_checklist, checklist_session, checklist_sessions,
    checklist_template, remove_checklist_requirement, require_checklist, resolve_checklist_item,
    start_checklist, submit_checklist,
};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::i18n::Lang;
use crate::ids::{AgreementId, PersonId, SessionId, TemplateId};
use crate::present::render::Format;
use crate::time::Timestamp;
use std::ops::{Deref, DerefMut};

/// Expectation-alignment checklists: reached by [`Dossier::checklists`] (read) and
/// [`Dossier::checklists_mut`] (read and change).
#[derive(Debug)]
pub struct ChecklistsFacet<D> {
    dossier: D,
}

impl<D> ChecklistsFacet<D> {
    pub(crate) fn new(dossier: D) -> Self {
        Self { dossier }
    }
}

impl<'a> ChecklistsFacet<&'a Dossier> {
    /// The template `id` in `version` (the newest if `None`): the dossier's own templates
    /// first, then the built-in ones.
    pub fn template(&self, id: &TemplateId, version: Option<u32>) -> Option<&'a ChecklistTemplate> {
        checklist_template(self.dossier, id, version)
    }

    /// The session with `id`.
    pub fn session(&self, id: &SessionId) -> Option<&'a AnswerSession> {
        checklist_session(self.dossier, id)
    }

    /// The sessions for `agreement`, in the order they were started.
    pub fn sessions(&self, agreement: &AgreementId) -> Vec<&'a AnswerSession> {
        checklist_sessions(self.dossier, agreement)
    }
}

impl<D: Deref<Target = Dossier>> ChecklistsFacet<D> {
    /// Compares the parties' latest sessions of `template` for `agreement`.
    pub fn alignment(
        &self,
        agreement: &AgreementId,
        template: &TemplateId,
    ) -> Result<ChecklistAlignment, BrobyggerError> {
        checklist_alignment(&self.dossier, agreement, template)
    }

    /// The comparisons of every known checklist answered for `agreement`, in the order first
    /// started.
    pub fn alignments(
        &self,
        agreement: &AgreementId,
    ) -> Result<Vec<ChecklistAlignment>, BrobyggerError> {
        checklist_alignments(&self.dossier, agreement)
    }

    /// Where `agreement` stands with its checklists: progress on each required checklist and
    /// the findings the signing rule would report.
    pub fn readiness(&self, agreement: &AgreementId) -> Result<ChecklistReadiness, BrobyggerError> {
        checklist_readiness(&self.dossier, agreement)
    }

    /// Where each agreement stands with its checklists: required checklists and who has
    /// submitted, each comparison's agreement and open critical divergences, and whether
    /// checklists block signing. Empty when the dossier has no checklist data.
    pub fn summary(&self, lang: Lang) -> String {
        checklist_summary(&self.dossier, lang)
    }

    /// The side-by-side comparison of `template` for `agreement`, rendered.
    pub fn render_comparison(
        &self,
        agreement: &AgreementId,
        template: &TemplateId,
        format: Format,
        lang: Lang,
    ) -> Result<String, BrobyggerError> {
        render_checklist_comparison(&self.dossier, agreement, template, format, lang)
    }
}

impl<D: DerefMut<Target = Dossier>> ChecklistsFacet<D> {
    /// Adds a template of the dossier's own (for instance one loaded from TOML). It must be
    /// valid and must not reuse the id and version of a built-in or an existing template.
    pub fn add_template(&mut self, template: ChecklistTemplate) -> Result<(), BrobyggerError> {
        add_checklist_template(&mut self.dossier, template)
    }

    /// Requires a checklist before the agreement can be signed. Replaces an earlier
    /// requirement for the same template.
    pub fn require(&mut self, requirement: ChecklistRequirement) -> Result<(), BrobyggerError> {
        require_checklist(&mut self.dossier, requirement)
    }

    /// Drops the requirement of `template` for `agreement`; returns whether there was one.
    pub fn remove_requirement(&mut self, agreement: &AgreementId, template: &TemplateId) -> bool {
        remove_checklist_requirement(&mut self.dossier, agreement, template)
    }

    /// Starts an answer session for one party; returns its id.
    pub fn start(&mut self, start: StartChecklist) -> Result<SessionId, BrobyggerError> {
        start_checklist(&mut self.dossier, start)
    }

    /// Records answers in a session that is not submitted yet: new ones are added, earlier
    /// answers to the same items replaced. Every problem is reported at once (paths
    /// `answers[i]...`); nothing is recorded if there is any.
    pub fn answer(
        &mut self,
        session: &SessionId,
        answers: Vec<AnswerInput>,
        by: &PersonId,
        at: Timestamp,
    ) -> Result<(), BrobyggerError> {
        answer_checklist(&mut self.dossier, session, answers, by, at)
    }

    /// Submits a session: every item must be answered (`DontKnow` counts); the session is
    /// frozen afterwards. Refused with one finding per unanswered item otherwise.
    pub fn submit(
        &mut self,
        session: &SessionId,
        by: &PersonId,
        at: Timestamp,
    ) -> Result<(), BrobyggerError> {
        submit_checklist(&mut self.dossier, session, by, at)
    }

    /// Records what the parties agreed on an item after discussing a divergence.
    pub fn resolve(&mut self, resolve: ResolveItem) -> Result<(), BrobyggerError> {
        resolve_checklist_item(&mut self.dossier, resolve)
    }
}
