//! Finding a consent or a match proposal in a dossier by id.

use crate::dossier::Dossier;
use crate::ids::{ConsentId, ProposalId};
use crate::privacy::model::consent::ConsentRecord;
use crate::privacy::model::proposal::MatchProposal;

pub(crate) fn find_consent<'a>(dossier: &'a Dossier, id: &ConsentId) -> Option<&'a ConsentRecord> {
    dossier.privacy.consents.iter().find(|c| &c.id == id)
}

pub(crate) fn find_proposal<'a>(
    dossier: &'a Dossier,
    id: &ProposalId,
) -> Option<&'a MatchProposal> {
    dossier.privacy.proposals.iter().find(|p| &p.id == id)
}
