//! The codes of role splits: the analysis's findings, the structural ones validation reports,
//! and the errors of the operations that change a split.

use crate::code::codes;
use crate::finding::{FindingKind, SeedDocument, SourceRef};

codes! {
    /// The codes about role splits: the analysis's and validation's findings, and the errors of
    /// the changes.
    pub enum RolesCode in "roles" {
        /// The agreement has no role split at all.
        NoSplit = "roles.no_split", finding(Warning),
            "Aftalen har ingen rollefordeling.",
            "The agreement has no role split.";
        /// A task nobody is Responsible for.
        NoResponsible = "roles.no_responsible", finding(Warning),
            "Ingen part udfører opgaven (R).",
            "No party is responsible for the task (R).";
        /// A task nobody is Accountable for.
        NoAccountable = "roles.no_accountable", finding(Warning),
            "Ingen part har det endelige ansvar for opgaven (A).",
            "No party is accountable for the task (A).";
        /// A task with more than one Accountable.
        MultipleAccountable = "roles.multiple_accountable", finding(Error),
            "Opgaven har mere end én part med det endelige ansvar (A).",
            "The task has more than one accountable party (A).";
        /// A statutory task where a non-municipal party is Responsible or Accountable.
        StatutoryOutsideMunicipality = "roles.statutory_outside_municipality", finding(Error),
            "En lovpligtig kommunal opgave udføres eller ejes af en part uden for kommunen.",
            "A statutory municipal task is carried or owned by a party outside the municipality.";
        /// Two Responsible parties on one task that share no meeting forum to coordinate in.
        DoubleCoverage = "roles.double_coverage", finding(Warning),
            "To parter udfører samme opgave uden et fælles mødeforum at koordinere i.",
            "Two parties carry the same task without a shared meeting forum to coordinate in.";
        /// An agreement activity that no assignment covers.
        ActivityWithoutTask = "roles.activity_without_task", finding(Warning),
            "En af aftalens aktiviteter har ingen roller.",
            "An activity of the agreement has no roles.";
        /// An activity's lead is not among its Responsible parties.
        LeadNotResponsible = "roles.lead_not_responsible", finding(Info),
            "Aktivitetens ansvarlige part er ikke blandt dem, der udfører den.",
            "The activity's lead is not among the parties responsible for it.";
        /// A party's Responsible hours exceed the coordination time it declared.
        LoadExceedsHours = "roles.load_exceeds_hours", finding(Warning),
            "En parts timer på opgaverne overstiger den koordineringstid, parten har afsat.",
            "A party's hours on its tasks exceed the coordination time it set aside.";
        /// One person carries every Accountable assignment of a party.
        SinglePointOfFailure = "roles.single_point_of_failure", finding(Warning),
            "Én person bærer alt det endelige ansvar for en part; samarbejdet står og falder med vedkommende.",
            "One person carries every accountable role of a party; the partnership stands or falls with them.";
        /// An Accountable assignment names no post or person to carry it.
        AccountableWithoutCarrier = "roles.accountable_without_carrier", finding(Info),
            "Det endelige ansvar er ikke placeret hos en post eller en person.",
            "An accountable role names no post or person to carry it.";
        /// The post carrying a Responsible or Accountable assignment has no holder.
        VacantCarrier = "roles.vacant_carrier", finding(Warning),
            "Posten, der bærer en rolle, er ubesat.",
            "The post carrying a role has no holder.";
        /// A department the evaluation recommends involving has no role.
        DepartmentNotInvolved = "roles.department_not_involved", finding(Info),
            "En forvaltning, som evalueringen anbefaler at inddrage, har ingen rolle.",
            "A department the evaluation recommends involving has no role.";
        /// An assignment refers to a task that does not exist.
        UnknownTask = "roles.unknown_task", finding(Error),
            "En rolle henviser til en opgave, der ikke findes.",
            "A role refers to a task that does not exist.";
        /// The same party holds the same role on the same task twice.
        DuplicateAssignment = "roles.duplicate_assignment", finding(Error),
            "Samme part har samme rolle på samme opgave to gange.",
            "The same party holds the same role on the same task twice.";
        /// A party is both consulted or informed and something else on one task.
        ConflictingRoles = "roles.conflicting_roles", both(Error, InvalidInput),
            "En part er både hørt eller orienteret og noget andet på samme opgave; kun udfører og ansvarlig kan kombineres.",
            "A party is both consulted or informed and something else on one task; only responsible and accountable combine.";
        /// The carrying post acts for another party than the assignment's.
        CarrierNotOfParty = "roles.carrier_not_of_party", both(Error, InvalidInput),
            "Posten, der bærer rollen, handler for en anden part.",
            "The post carrying the role acts for another party.";
        /// A custom task uses a catalogue id.
        ReservedTaskId = "roles.reserved_task_id", finding(Error),
            "En egen opgave bruger et id fra opgavekataloget.",
            "A custom task uses an id of the task catalogue.";
        /// The party is not a party to the agreement.
        NotAParty = "roles.not_a_party", error(InvalidInput),
            "Parten er ikke part i aftalen.",
            "The party is not a party to the agreement.";
        /// The task already has an Accountable party.
        SecondAccountable = "roles.second_accountable", error(InvalidInput),
            "Opgaven har allerede en part med det endelige ansvar; fjern den først.",
            "The task already has an accountable party; unassign it first.";
        /// The party already holds that role on the task.
        AlreadyAssigned = "roles.already_assigned", error(InvalidInput),
            "Parten har allerede den rolle på opgaven.",
            "The party already holds that role on the task.";
        /// Hours must be a finite, non-negative number.
        InvalidHours = "roles.invalid_hours", error(InvalidInput),
            "Timer pr. måned skal være et endeligt tal på mindst 0.",
            "Hours per month must be a finite number of at least 0.";
        /// A custom task id is already used, or is a catalogue id.
        TaskIdTaken = "roles.task_id_taken", error(InvalidInput),
            "Opgavens id er allerede i brug.",
            "The task id is already taken.";
        /// A custom task cannot be removed while assignments use it.
        TaskInUse = "roles.task_in_use", error(InvalidInput),
            "Opgaven har stadig roller; fjern dem først.",
            "The task still has roles; unassign them first.";
        /// A list of changes with nothing in it.
        NoChanges = "roles.no_changes", error(InvalidInput),
            "Der er ingen ændringer.",
            "No changes were given.";
        /// The built-in task catalogue could not be read (a bug).
        Catalogue = "roles.catalogue", error(Internal),
            "Det indbyggede opgavekatalog kunne ikke læses.",
            "The built-in task catalogue could not be read.";
    }
}

impl RolesCode {
    /// The codes the analysis and validation report as findings, in declaration order.
    pub fn findings() -> impl Iterator<Item = RolesCode> {
        RolesCode::ALL
            .iter()
            .copied()
            .filter(|c| c.usage().severity().is_some())
    }
}

impl FindingKind for RolesCode {
    fn source(self) -> Option<SourceRef> {
        use RolesCode::*;
        let (document, section) = match self {
            NoSplit | NoResponsible | NoAccountable | MultipleAccountable | ActivityWithoutTask => {
                (SeedDocument::Lbb2017, "Formalisering og kommunikation")
            }
            StatutoryOutsideMunicipality => (SeedDocument::Lbb2017, "Anerkendelse og respekt"),
            DoubleCoverage => (SeedDocument::Kl2015, "Boligforeninger spiller nøglerolle"),
            LoadExceedsHours => (SeedDocument::Lbb2017, "Ressourcer"),
            SinglePointOfFailure | AccountableWithoutCarrier | VacantCarrier => {
                (SeedDocument::Lbb2017, "Kontinuitet i en dynamisk verden")
            }
            DepartmentNotInvolved => (SeedDocument::Lbb2017, "Anbefalinger"),
            _ => return None,
        };
        Some(SourceRef::new(document, section))
    }
}
