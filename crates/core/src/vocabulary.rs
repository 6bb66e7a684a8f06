//! Every closed vocabulary of the model with its labels, for apps' pickers and legends.

use crate::actors::{
    CooperationDegree, DepartmentKind, HousingCooperationArea, OrganisationForm, OrganisationKind,
    PremisesAccess,
};
use crate::agreement::{
    ActionStatus, ActivityKind, CooperationLevel, Stage, TargetGroup, TimeOfDay, Track,
};
use crate::finding::{SeedDocument, Severity};
use crate::i18n::{Lang, VocabularyEntry, entries};
use crate::posts::model::PostKind;
use crate::roles::model::split::Raci;
use crate::sensitivity::SensitivityClass;
use crate::status::AgreementStatus;

/// Every closed vocabulary of the model with its labels in `lang`, for pickers and legends in
/// apps: `agreement_status`, `activity_kind`, `department_kind`, ...
pub fn vocabulary(lang: Lang) -> Vec<VocabularyEntry> {
    [
        entries::<AgreementStatus>(lang),
        entries::<crate::assessment::model::LikertAnswer>(lang),
        entries::<crate::assessment::result::CheckStatus>(lang),
        entries::<crate::assessment::catalogue::Dimension>(lang),
        entries::<crate::assessment::report::parts::ReportSlot>(lang),
        entries::<crate::assessment::model::RespondentGroup>(lang),
        entries::<crate::assessment::result::ScoreBand>(lang),
        entries::<crate::assessment::model::SurveyMeasure>(lang),
        entries::<crate::assessment::model::SurveyPopulation>(lang),
        entries::<ActivityKind>(lang),
        entries::<CooperationDegree>(lang),
        entries::<CooperationLevel>(lang),
        entries::<DepartmentKind>(lang),
        entries::<OrganisationForm>(lang),
        entries::<OrganisationKind>(lang),
        entries::<HousingCooperationArea>(lang),
        entries::<PostKind>(lang),
        entries::<PremisesAccess>(lang),
        entries::<Raci>(lang),
        entries::<SeedDocument>(lang),
        entries::<SensitivityClass>(lang),
        entries::<Severity>(lang),
        entries::<Stage>(lang),
        entries::<TargetGroup>(lang),
        entries::<TimeOfDay>(lang),
        entries::<ActionStatus>(lang),
        entries::<Track>(lang),
        entries::<crate::checklists::model::vocab::Side>(lang),
        entries::<crate::checklists::model::vocab::YesNo>(lang),
        entries::<crate::checklists::model::template::AnswerKindName>(lang),
        entries::<crate::checklists::align::AlignmentStatus>(lang),
        entries::<crate::present::render::Format>(lang),
        entries::<crate::matching::model::profile::LanguageLevel>(lang),
        entries::<crate::matching::model::profile::Weekday>(lang),
        entries::<crate::matching::model::profile::Gender>(lang),
        entries::<crate::matching::model::profile::Credential>(lang),
        entries::<crate::matching::model::profile::OfferKind>(lang),
        entries::<crate::matching::model::run::Solver>(lang),
        entries::<crate::matching::model::run::OfferRanking>(lang),
        entries::<crate::matching::model::intro::IntroductionSetting>(lang),
        entries::<crate::matching::model::intro::IntroductionState>(lang),
        crate::matching::model::profile::need_vocabulary(lang),
        entries::<crate::import::csv::CsvTable>(lang),
        entries::<crate::reminders::ReminderKind>(lang),
        entries::<crate::reminders::ReminderState>(lang),
        entries::<crate::privacy::model::basis::Purpose>(lang),
        entries::<crate::privacy::model::basis::LegalBasis>(lang),
        entries::<crate::privacy::model::consent::ConsentForm>(lang),
        entries::<crate::privacy::model::proposal::ProposalSide>(lang),
        entries::<crate::privacy::model::proposal::ProposalState>(lang),
        entries::<crate::privacy::model::proposal::ContactField>(lang),
        entries::<crate::privacy::model::audience::Audience>(lang),
        entries::<crate::privacy::audience::Treatment>(lang),
        entries::<crate::privacy::model::retention::RecordType>(lang),
        entries::<crate::privacy::model::retention::RetentionAction>(lang),
        entries::<crate::privacy::retention::RetentionState>(lang),
        entries::<crate::privacy::aggregate::AggregateDimension>(lang),
        entries::<crate::privacy::aggregate::Suppression>(lang),
        entries::<crate::outcomes::model::Employment>(lang),
        entries::<crate::outcomes::model::DanishLevel>(lang),
        entries::<crate::outcomes::model::SocialNetwork>(lang),
        entries::<crate::outcomes::view::OutcomeGrouping>(lang),
        entries::<crate::outcomes::view::Timing>(lang),
        entries::<crate::outcomes::view::OutcomeMeasure>(lang),
        entries::<crate::progress::Stage>(lang),
    ]
    .concat()
}
