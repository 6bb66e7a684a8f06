//! Expectation-alignment checklists for Kotlin and Swift: list a template's items in either
//! language, answer them party by party (a session saves half-done and resumes), compare the
//! parties' answers, see what blocks signing, and render the comparison. Every function
//! delegates to the core.

use crate::convert::{read, write};
use crate::dossier::DossierHandle;
use brobygger::checklists::{
    BuiltinChecklist, ChecklistItemView, Checklists, builtin_template, builtin_templates,
};
use brobygger::{
    AgreementId, AnswerInput, AnswerSession, BrobyggerError, ChecklistAlignment,
    ChecklistReadiness, ChecklistRequirement, ChecklistTemplate, Dossier, Finding, Format, Lang,
    PersonId, ResolveItem, SessionId, StartChecklist, TemplateId, Timestamp,
};
use std::sync::{Arc, RwLock};

/// Every built-in checklist template (the municipality's preparation, the association's
/// standpoint, the advice for each side, the LBB recommendations, the resource check and the
/// joint expectations).
#[uniffi::export]
pub fn checklist_templates() -> Vec<ChecklistTemplate> {
    builtin_templates().to_vec()
}

/// The ids of the built-in templates.
#[uniffi::export]
pub fn checklist_template_ids() -> Vec<String> {
    BuiltinChecklist::ALL
        .iter()
        .map(|b| b.id().to_owned())
        .collect()
}

/// A built-in template by id, in `version` or the newest. Throws `NotFound`.
#[uniffi::export]
pub fn checklist_template(
    id: TemplateId,
    version: Option<u32>,
) -> Result<ChecklistTemplate, BrobyggerError> {
    builtin_template(&id, version)
}

/// Reads a template from TOML and checks it. Throws `Parse` (with path, line and column),
/// `UnsupportedVersion` or `Validation` (with every finding).
#[uniffi::export]
pub fn checklist_template_from_toml(text: String) -> Result<ChecklistTemplate, BrobyggerError> {
    ChecklistTemplate::from_toml(&text)
}

/// Reads a template from JSON and checks it.
#[uniffi::export]
pub fn checklist_template_from_json(text: String) -> Result<ChecklistTemplate, BrobyggerError> {
    ChecklistTemplate::from_json(&text)
}

/// The template as TOML.
#[uniffi::export]
pub fn checklist_template_to_toml(template: ChecklistTemplate) -> Result<String, BrobyggerError> {
    template.to_toml()
}

/// The template as JSON.
#[uniffi::export]
pub fn checklist_template_to_json(template: ChecklistTemplate) -> Result<String, BrobyggerError> {
    template.to_json()
}

/// Every problem with a template, errors first.
#[uniffi::export]
pub fn validate_checklist_template(
    template: ChecklistTemplate,
) -> Result<Vec<Finding>, BrobyggerError> {
    Ok(template.validate())
}

/// A template's items as an app lists them, every text in `lang`.
#[uniffi::export]
pub fn checklist_items(
    template: ChecklistTemplate,
    lang: Lang,
) -> Result<Vec<ChecklistItemView>, BrobyggerError> {
    Ok(template.item_views(lang))
}

/// The template written out as a form in Markdown, in `lang`.
#[uniffi::export]
pub fn describe_checklist_template(
    template: ChecklistTemplate,
    lang: Lang,
) -> Result<String, BrobyggerError> {
    Ok(template.describe(lang))
}

/// A comparison rendered as Markdown or a self-contained HTML page in `lang`.
#[uniffi::export]
pub fn render_checklist_alignment(
    alignment: ChecklistAlignment,
    format: Format,
    lang: Lang,
) -> Result<String, BrobyggerError> {
    Ok(alignment.render(format, lang))
}

/// The dossier's expectation-alignment checklists (the core's `ChecklistsFacet`): sessions,
/// comparisons, requirements. Shares the handle's lock.
#[derive(Debug, uniffi::Object)]
pub struct DossierChecklists(Arc<RwLock<Dossier>>);

#[uniffi::export]
impl DossierHandle {
    /// The dossier's checklists facet.
    pub fn checklists(&self) -> Result<Arc<DossierChecklists>, BrobyggerError> {
        Ok(Arc::new(DossierChecklists(Arc::clone(&self.0))))
    }
}

#[uniffi::export]
impl DossierChecklists {
    /// The dossier's checklist data: its own templates, requirements, sessions, resolutions.
    pub fn data(&self) -> Result<Checklists, BrobyggerError> {
        Ok(read(&self.0)?.checklists.clone())
    }

    /// The checklists an agreement must have answered before it can be signed.
    pub fn requirements(&self) -> Result<Vec<ChecklistRequirement>, BrobyggerError> {
        Ok(read(&self.0)?.checklists.requirements.clone())
    }

    /// A template by id (the dossier's own first, then the built-in ones), in `version` or the
    /// newest. Throws `NotFound`.
    pub fn template(
        &self,
        id: TemplateId,
        version: Option<u32>,
    ) -> Result<ChecklistTemplate, BrobyggerError> {
        read(&self.0)?
            .checklists()
            .template(&id, version)
            .cloned()
            .ok_or_else(|| {
                BrobyggerError::not_found(brobygger::NotFoundCode::ChecklistTemplate, &id)
            })
    }

    /// Adds a template of the dossier's own. Throws `Validation` or `InvalidInput` when its id
    /// and version are taken.
    pub fn add_template(&self, template: ChecklistTemplate) -> Result<(), BrobyggerError> {
        write(&self.0)?.checklists_mut().add_template(template)
    }

    /// Requires a checklist before the agreement can be signed (replacing an earlier
    /// requirement of the same template).
    pub fn require(&self, requirement: ChecklistRequirement) -> Result<(), BrobyggerError> {
        write(&self.0)?.checklists_mut().require(requirement)
    }

    /// Drops a requirement; returns whether there was one.
    pub fn remove_requirement(
        &self,
        agreement: AgreementId,
        template: TemplateId,
    ) -> Result<bool, BrobyggerError> {
        Ok(write(&self.0)?
            .checklists_mut()
            .remove_requirement(&agreement, &template))
    }

    /// Starts one party's answer session; returns its id.
    pub fn start(&self, start: StartChecklist) -> Result<SessionId, BrobyggerError> {
        write(&self.0)?.checklists_mut().start(start)
    }

    /// Records answers in an open session, replacing earlier answers to the same items. Throws
    /// `Validation` with every problem (paths `answers[i]...`); nothing is recorded then.
    pub fn answer(
        &self,
        session: SessionId,
        answers: Vec<AnswerInput>,
        by: PersonId,
        at: Timestamp,
    ) -> Result<(), BrobyggerError> {
        write(&self.0)?
            .checklists_mut()
            .answer(&session, answers, &by, at)
    }

    /// Submits a session with every item answered; it is frozen afterwards.
    pub fn submit(
        &self,
        session: SessionId,
        by: PersonId,
        at: Timestamp,
    ) -> Result<(), BrobyggerError> {
        write(&self.0)?.checklists_mut().submit(&session, &by, at)
    }

    /// Records what the parties agreed on a diverging item.
    pub fn resolve(&self, resolve: ResolveItem) -> Result<(), BrobyggerError> {
        write(&self.0)?.checklists_mut().resolve(resolve)
    }

    /// One session, to resume it. Throws `NotFound`.
    pub fn session(&self, id: SessionId) -> Result<AnswerSession, BrobyggerError> {
        read(&self.0)?
            .checklists()
            .session(&id)
            .cloned()
            .ok_or_else(|| {
                BrobyggerError::not_found(brobygger::NotFoundCode::ChecklistSession, &id)
            })
    }

    /// The sessions for an agreement, in the order started.
    pub fn sessions(&self, agreement: AgreementId) -> Result<Vec<AnswerSession>, BrobyggerError> {
        Ok(read(&self.0)?
            .checklists()
            .sessions(&agreement)
            .into_iter()
            .cloned()
            .collect())
    }

    /// The comparison of the parties' latest answers to one checklist.
    pub fn alignment(
        &self,
        agreement: AgreementId,
        template: TemplateId,
    ) -> Result<ChecklistAlignment, BrobyggerError> {
        read(&self.0)?.checklists().alignment(&agreement, &template)
    }

    /// The comparisons of every checklist answered for an agreement.
    pub fn alignments(
        &self,
        agreement: AgreementId,
    ) -> Result<Vec<ChecklistAlignment>, BrobyggerError> {
        read(&self.0)?.checklists().alignments(&agreement)
    }

    /// Progress on the required checklists and what blocks signing.
    pub fn readiness(&self, agreement: AgreementId) -> Result<ChecklistReadiness, BrobyggerError> {
        read(&self.0)?.checklists().readiness(&agreement)
    }

    /// Where each agreement stands with its checklists, as text in `lang` (empty without
    /// checklist data).
    pub fn summary(&self, lang: Lang) -> Result<String, BrobyggerError> {
        Ok(read(&self.0)?.checklists().summary(lang))
    }

    /// The side-by-side comparison rendered as Markdown or HTML in `lang`.
    pub fn render_comparison(
        &self,
        agreement: AgreementId,
        template: TemplateId,
        format: Format,
        lang: Lang,
    ) -> Result<String, BrobyggerError> {
        read(&self.0)?
            .checklists()
            .render_comparison(&agreement, &template, format, lang)
    }
}
