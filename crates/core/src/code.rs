//! Codes: the stable machine name of every error and every finding, with its Danish and English
//! text.
//!
//! Each code is a variant of one per-concern enum (`LoadCode`, `PrivacyCode`, `RolesCode`, ...),
//! declared with the [`codes!`] macro: the code string, how it is used (a finding of a severity,
//! an error of a kind, or both) and what it means in Danish and English. The registry
//! ([`codes()`](crate::codes)) lists every one of them; the guide's reference of codes is
//! generated from it and checked for drift. An error carries its code as an [`ErrorCode`], which
//! is made only from such a variant: no code is written as a string anywhere else, in the core
//! or in a binding.
//!
//! The codes of the library's own boundary live here too: reading files ([`LoadCode`]), writing
//! them ([`SaveCode`]), arguments that cannot be read ([`InputCode`]), lookups that find nothing
//! ([`NotFoundCode`]), bugs ([`InternalCode`]), the SQLite store ([`StoreCode`]) and the
//! command-line tool's own checks ([`UsageCode`]); writing files safely has its codes beside the
//! writer (`FileCode`, in `fsio`).

use crate::i18n::{Lang, Text};
use std::fmt;

/// How serious a finding is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Severity {
    /// Worth knowing; nothing to fix.
    Info,
    /// Should be looked at; does not block anything.
    Warning,
    /// Must be fixed; blocks saving as valid, signing, or the operation asked for.
    Error,
}

crate::i18n::labels!(Severity, "severity" {
    Info => ("info", "info"),
    Warning => ("advarsel", "warning"),
    Error => ("fejl", "error"),
});

/// How an error reaches a caller: the variant of [`BrobyggerError`](crate::BrobyggerError) it
/// arrives as (Kotlin `BrobyggerException.<Kind>`, Python `<Kind>Error`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ErrorKind {
    /// The input could not be read.
    Parse,
    /// The document's schema version is missing or not supported.
    UnsupportedVersion,
    /// The data was read but is not valid; the error carries every finding.
    Validation,
    /// Something referred to does not exist.
    NotFound,
    /// A status change that is not allowed now.
    InvalidTransition,
    /// An argument is not acceptable.
    InvalidInput,
    /// A problem has no solution under its hard constraints.
    Infeasible,
    /// The work was asked to stop and stopped; nothing was changed.
    Cancelled,
    /// A bug in the library.
    Internal,
}

impl ErrorKind {
    /// The kind as written in the reference and in files: `invalid_input`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Parse => "parse",
            ErrorKind::UnsupportedVersion => "unsupported_version",
            ErrorKind::Validation => "validation",
            ErrorKind::NotFound => "not_found",
            ErrorKind::InvalidTransition => "invalid_transition",
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::Infeasible => "infeasible",
            ErrorKind::Cancelled => "cancelled",
            ErrorKind::Internal => "internal",
        }
    }
}

/// How a code is used: as the code of findings of one severity, of an error of one kind, or of
/// both (a rule a validation reports and an operation refuses on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Usage {
    /// Findings of this severity carry the code.
    Finding(Severity),
    /// Errors of this kind carry the code.
    Error(ErrorKind),
    /// Both findings of the severity and errors of the kind carry it.
    Both(Severity, ErrorKind),
}

impl Usage {
    /// The severity of the findings that carry the code, if findings do.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Usage::Finding(s) | Usage::Both(s, _) => Some(s),
            Usage::Error(_) => None,
        }
    }

    /// The kind of the errors that carry the code, if errors do.
    pub fn error(self) -> Option<ErrorKind> {
        match self {
            Usage::Error(k) | Usage::Both(_, k) => Some(k),
            Usage::Finding(_) => None,
        }
    }
}

/// A per-concern enum of codes, declared with the crate's `codes!` macro.
pub trait Code: Copy + Sized + 'static {
    /// The concern, e.g. `privacy`: the group the reference lists the codes under.
    const CONCERN: &'static str;
    /// Every code of the concern, in declaration order.
    fn all() -> &'static [Self];
    /// The stable machine code, `<concern>.<snake_case_name>`; never reworded.
    fn code(self) -> &'static str;
    /// How the code is used.
    fn usage(self) -> Usage;
    /// What the code means, in Danish and English: no data of the case, only the rule. An
    /// error's text may name a field of the error in braces (`{id}`, `{found}`), filled in when
    /// the error is shown.
    fn texts(self) -> (&'static str, &'static str);
}

/// The code an error carries: made only from a variant of a per-concern enum ([`Code`]), so it
/// is always in the registry. Kotlin and Swift see it as a `String`, Python as a `str`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ErrorCode {
    code: &'static str,
    concern: &'static str,
    texts: (&'static str, &'static str),
}

impl ErrorCode {
    /// The code, e.g. `not_found.agreement`.
    pub fn as_str(self) -> &'static str {
        self.code
    }

    /// The concern, e.g. `not_found`.
    pub fn concern(self) -> &'static str {
        self.concern
    }

    /// What the code means in `lang` (placeholders such as `{id}` not filled in).
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Da => self.texts.0,
            Lang::En => self.texts.1,
        }
    }
}

impl<C: Code> From<C> for ErrorCode {
    fn from(c: C) -> Self {
        ErrorCode {
            code: c.code(),
            concern: C::CONCERN,
            texts: c.texts(),
        }
    }
}

impl fmt::Debug for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.code, f)
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

impl serde::Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code)
    }
}

impl PartialEq<str> for ErrorCode {
    fn eq(&self, other: &str) -> bool {
        self.code == other
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.code == *other
    }
}

impl PartialEq<ErrorCode> for &str {
    fn eq(&self, other: &ErrorCode) -> bool {
        *self == other.code
    }
}

/// One code in the registry: what [`codes()`](crate::codes) lists and the guide's reference
/// shows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CodeInfo {
    /// The code, e.g. `privacy.consent_expired`.
    pub code: String,
    /// The concern it belongs to, e.g. `privacy`.
    pub concern: String,
    /// The severity of the findings that carry it, if findings do.
    pub severity: Option<Severity>,
    /// The kind of the errors that carry it, if errors do.
    pub error: Option<ErrorKind>,
    /// What it means, in Danish and English.
    pub text: Text,
}

impl CodeInfo {
    /// The entry of one code.
    pub fn of<C: Code>(c: C) -> Self {
        let usage = c.usage();
        let (da, en) = c.texts();
        CodeInfo {
            code: c.code().to_owned(),
            concern: C::CONCERN.to_owned(),
            severity: usage.severity(),
            error: usage.error(),
            text: Text::new(da, en),
        }
    }

    /// The entries of every code of a concern, in declaration order.
    pub fn all_of<C: Code>() -> Vec<CodeInfo> {
        C::all().iter().copied().map(CodeInfo::of).collect()
    }
}

/// Declares a per-concern enum of codes: the enum, `ALL`, inherent `code()`, `usage()` and
/// `text(lang)`, and [`Code`]. Each variant is written
/// `Name = "concern.name", finding(Severity) | error(ErrorKind) | both(Severity, ErrorKind),
/// "dansk tekst", "English text";`.
macro_rules! codes {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident in $concern:literal {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $code:literal, $how:ident($($arg:ident),+), $da:literal, $en:literal;
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
        }

        impl $name {
            /// Every code of the concern, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable machine code.
            pub const fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// How the code is used.
            pub fn usage(self) -> $crate::code::Usage {
                match self {
                    $($name::$variant => $crate::code::codes!(@usage $how($($arg),+)),)+
                }
            }

            /// What the code means in `lang`.
            pub fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                let (da, en) = <$name as $crate::code::Code>::texts(self);
                match lang {
                    $crate::i18n::Lang::Da => da,
                    $crate::i18n::Lang::En => en,
                }
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.code() == *other
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.code() == other
            }
        }

        impl $crate::code::Code for $name {
            const CONCERN: &'static str = $concern;

            fn all() -> &'static [Self] {
                $name::ALL
            }

            fn code(self) -> &'static str {
                $name::code(self)
            }

            fn usage(self) -> $crate::code::Usage {
                $name::usage(self)
            }

            fn texts(self) -> (&'static str, &'static str) {
                match self {
                    $($name::$variant => ($da, $en),)+
                }
            }
        }
    };
    (@usage finding($s:ident)) => {
        $crate::code::Usage::Finding($crate::code::Severity::$s)
    };
    (@usage error($k:ident)) => {
        $crate::code::Usage::Error($crate::code::ErrorKind::$k)
    };
    (@usage both($s:ident, $k:ident)) => {
        $crate::code::Usage::Both($crate::code::Severity::$s, $crate::code::ErrorKind::$k)
    };
}
pub(crate) use codes;

codes! {
    /// Reading a document (a dossier, a rule set, a checklist template, a list) failed.
    pub enum LoadCode in "load" {
        /// Not well-formed JSON or TOML, or a field of the wrong shape.
        Syntax = "load.syntax", error(Parse),
            "Filen kan ikke læses: den er ikke velformet, eller et felt har forkert form.",
            "The file cannot be read: it is not well-formed, or a field has the wrong shape.";
        /// The document has no `schema_version`.
        MissingSchemaVersion = "load.missing_schema_version", error(UnsupportedVersion),
            "Dokumentet har ingen schema_version (biblioteket læser version {supported}).",
            "The document has no schema_version (the library reads version {supported}).";
        /// The document was written by a newer version of the library.
        NewerSchemaVersion = "load.newer_schema_version", error(UnsupportedVersion),
            "Dokumentet har skemaversion {found}, som er nyere end den, biblioteket læser ({supported}); opdatér brobygger.",
            "The document has schema version {found}, newer than the one the library reads ({supported}); update brobygger.";
        /// The document's schema version is not one the library knows.
        UnknownSchemaVersion = "load.unknown_schema_version", error(UnsupportedVersion),
            "Skemaversion {found} kendes ikke (biblioteket læser version {supported}).",
            "Schema version {found} is not known (the library reads version {supported}).";
        /// Reading or writing the file failed.
        Io = "load.io", error(InvalidInput),
            "Filen kan ikke åbnes, læses eller skrives.",
            "The file cannot be opened, read or written.";
        /// The file is larger than a reader takes; nothing past the limit was read.
        TooLarge = "load.too_large", error(InvalidInput),
            "Filen er større, end biblioteket læser ({limit} byte); intet ud over grænsen er læst.",
            "The file is larger than the library reads ({limit} bytes); nothing past the limit was read.";
        /// A FIFO, a device or a socket: it may never end or never answer, so it is not read.
        NotRegularFile = "load.not_regular_file", error(InvalidInput),
            "Stien er ikke en almindelig fil (men en FIFO, en enhed eller en sokkel), så den læses ikke.",
            "The path is not a regular file (a FIFO, a device or a socket), so it is not read.";
    }
}

codes! {
    /// Writing a document failed: a bug, since every value the library holds can be written.
    pub enum SaveCode in "save" {
        /// A value could not be written as JSON or TOML.
        Serialize = "save.serialize", error(Internal),
            "En værdi kunne ikke skrives som JSON eller TOML.",
            "A value could not be written as JSON or TOML.";
        /// A table could not be written as CSV.
        Csv = "save.csv", error(Internal),
            "En tabel kunne ikke skrives som CSV.",
            "A table could not be written as CSV.";
    }
}

codes! {
    /// An argument cannot be read: a date, a key, a list of changes, a table, a value of a
    /// vocabulary, a language, or a value of the wrong type handed over by an app.
    pub enum InputCode in "input" {
        /// A date that is not a calendar date in `YYYY-MM-DD`.
        BadDate = "input.bad_date", error(Parse),
            "Datoen kan ikke læses; skriv den som ÅÅÅÅ-MM-DD.",
            "The date cannot be read; write it as YYYY-MM-DD.";
        /// A time of day that is not `HH:MM` from 00:00 to 23:59.
        BadTime = "input.bad_time", error(Parse),
            "Klokkeslættet kan ikke læses; skriv det som TT:MM (00:00 til 23:59).",
            "The time of day cannot be read; write it as HH:MM (00:00 to 23:59).";
        /// An instant outside the range the library holds.
        BadInstant = "input.bad_instant", error(Parse),
            "Tidspunktet ligger uden for det, biblioteket kan rumme.",
            "The instant lies outside the range the library holds.";
        /// A task or party key that cannot be read.
        BadKey = "input.bad_key", error(InvalidInput),
            "Nøglen kan ikke læses (en opgave skrives som match_volunteers, activity:<id> eller custom:<id>; en part som department:<kommune>/<forvaltning> eller organisation:<id>).",
            "The key cannot be read (a task is written as match_volunteers, activity:<id> or custom:<id>; a party as department:<municipality>/<department> or organisation:<id>).";
        /// A JSON list of role changes that cannot be read.
        BadChanges = "input.bad_changes", error(Parse),
            "Listen af ændringer kan ikke læses.",
            "The list of changes cannot be read.";
        /// A field of an argument has the wrong shape or type.
        BadField = "input.bad_field", error(InvalidInput),
            "Et felt har forkert form eller type.",
            "A field has the wrong shape or type.";
        /// A table that is not a list of records, an object of columns or split rows.
        Table = "input.table", error(InvalidInput),
            "Tabellen skal være en liste af rækker, et objekt af kolonner (lige lange lister) eller delt i kolonnenavne og rækker.",
            "The table must be a list of records, an object of columns (lists of equal length) or split into column names and rows.";
        /// A group key column with the name of a result table's column, or named twice.
        KeyColumn = "input.key_column", error(InvalidInput),
            "En kolonne i gruppens nøgle har samme navn som en kolonne i resultatet eller står der to gange.",
            "A column of the group key has the name of a column of the result or is named twice.";
        /// A value outside its vocabulary.
        UnknownValue = "input.unknown_value", error(InvalidInput),
            "Værdien findes ikke i ordforrådet.",
            "The value is not in the vocabulary.";
        /// A language the library does not write.
        Lang = "input.lang", error(InvalidInput),
            "Sproget skal være dansk (da, dansk) eller engelsk (en, english).",
            "The language must be Danish (da, dansk) or English (en, english).";
        /// A value of a type the library cannot take (an app handed over something else).
        UnsupportedType = "input.unsupported_type", error(InvalidInput),
            "Værdien har en type, biblioteket ikke kan tage imod.",
            "The value has a type the library cannot take.";
        /// What a file holds cannot be told from its name and content.
        UnknownFileKind = "input.unknown_file_kind", error(InvalidInput),
            "Det kan ikke ses, hvad filen indeholder; sig det med --as dossier|rules|template|newcomers|offers.",
            "What the file holds cannot be told; say what it is with --as dossier|rules|template|newcomers|offers.";
        /// Data nested deeper than the library reads (lists in lists, records in records).
        TooDeep = "input.too_deep", error(InvalidInput),
            "Data er indlejret dybere, end biblioteket læser ({limit} niveauer).",
            "The data is nested deeper than the library reads ({limit} levels).";
        /// A whole number outside the range any field of the library holds.
        NumberOutOfRange = "input.number_out_of_range", error(InvalidInput),
            "Tallet er uden for det område, biblioteket kan rumme.",
            "The number lies outside the range the library holds.";
        /// Another thread's call on the same dossier did not finish in time.
        Busy = "input.busy", error(InvalidInput),
            "Dossieret var optaget af et andet kald for længe; prøv igen.",
            "The dossier stayed busy with another call for too long; try again.";
        /// A role carried by a post and a person at once.
        PostAndPerson = "input.post_and_person", error(InvalidInput),
            "Angiv en post eller en person til at bære rollen, ikke begge.",
            "Give a post or a person to carry the role, not both.";
    }
}

codes! {
    /// A lookup by id found nothing.
    pub enum NotFoundCode in "not_found" {
        /// No agreement with the id.
        Agreement = "not_found.agreement", error(NotFound),
            "Der er ingen aftale med id {id}.",
            "There is no agreement with id {id}.";
        /// The party does not hold the role on the task.
        Assignment = "not_found.assignment", error(NotFound),
            "Parten har ikke den rolle på opgaven ({id}).",
            "The party does not hold that role on the task ({id}).";
        /// No item with the id in the checklist template.
        ChecklistItem = "not_found.checklist_item", error(NotFound),
            "Tjeklisten har intet punkt med id {id}.",
            "The checklist has no item with id {id}.";
        /// No checklist session with the id.
        ChecklistSession = "not_found.checklist_session", error(NotFound),
            "Der er ingen besvarelse af en tjekliste med id {id}.",
            "There is no checklist session with id {id}.";
        /// No checklist template with the id (and version).
        ChecklistTemplate = "not_found.checklist_template", error(NotFound),
            "Der er ingen tjekliste-skabelon med id {id}.",
            "There is no checklist template with id {id}.";
        /// No cohort with the id.
        Cohort = "not_found.cohort", error(NotFound),
            "Der er intet hold af nyankomne med id {id}.",
            "There is no cohort with id {id}.";
        /// No consent with the id.
        Consent = "not_found.consent", error(NotFound),
            "Der er intet samtykke med id {id}.",
            "There is no consent with id {id}.";
        /// No built-in example with the name.
        Example = "not_found.example", error(NotFound),
            "Der er intet indbygget eksempel ved navn {id} (der er aalborg, ikast-brande og horsens).",
            "There is no built-in example named {id} (there are aalborg, ikast-brande and horsens).";
        /// No stored matching run with the id.
        MatchRun = "not_found.match_run", error(NotFound),
            "Der er ingen gemt matchning med id {id}.",
            "There is no stored matching run with id {id}.";
        /// No household with the id.
        Newcomer = "not_found.newcomer", error(NotFound),
            "Der er ingen nyankommen husstand med id {id}.",
            "There is no newcomer household with id {id}.";
        /// No volunteer offer with the id.
        Offer = "not_found.offer", error(NotFound),
            "Der er intet frivilligtilbud med id {id}.",
            "There is no volunteer offer with id {id}.";
        /// No party with the key in the dossier.
        Party = "not_found.party", error(NotFound),
            "Der er ingen part {id} i dossieret.",
            "There is no party {id} in the dossier.";
        /// No person with the id.
        Person = "not_found.person", error(NotFound),
            "Der er ingen person med id {id}.",
            "There is no person with id {id}.";
        /// No post with the id.
        Post = "not_found.post", error(NotFound),
            "Der er ingen post med id {id}.",
            "There is no post with id {id}.";
        /// No match proposal with the id.
        Proposal = "not_found.proposal", error(NotFound),
            "Der er intet matchforslag med id {id}.",
            "There is no match proposal with id {id}.";
        /// No question with the id in the survey round (an answer names it, so it arrives as
        /// invalid input at the answer's path).
        Question = "not_found.question", error(InvalidInput),
            "Undersøgelsen har intet spørgsmål med id {id}.",
            "The survey has no question with id {id}.";
        /// No relationship with the id.
        Relationship = "not_found.relationship", error(NotFound),
            "Der er intet forløb med id {id}.",
            "There is no relationship with id {id}.";
        /// No matching rule set with the id.
        RuleSet = "not_found.rule_set", error(NotFound),
            "Der er intet regelsæt for matchning med id {id}.",
            "There is no matching rule set with id {id}.";
        /// No survey round with the id.
        Survey = "not_found.survey", error(NotFound),
            "Der er ingen spørgeskemarunde med id {id}.",
            "There is no survey round with id {id}.";
        /// No result table with the name.
        Table = "not_found.table", error(NotFound),
            "Biblioteket laver ingen tabel ved navn {id}.",
            "The library makes no table named {id}.";
        /// No task with the key in the catalogue, the agreement's activities or its own tasks.
        Task = "not_found.task", error(NotFound),
            "Der er ingen opgave {id} i kataloget, aftalens aktiviteter eller dens egne opgaver.",
            "There is no task {id} in the catalogue, the agreement's activities or its own tasks.";
        /// The agreement has no such version.
        Version = "not_found.version", error(NotFound),
            "Aftalen har ingen sådan version ({id}).",
            "The agreement has no such version ({id}).";
    }
}

impl NotFoundCode {
    /// What was not found, as the error's `entity` names it: `agreement`, `checklist_session`.
    pub fn entity(self) -> &'static str {
        let code = self.code();
        code.strip_prefix("not_found.").unwrap_or(code)
    }
}

codes! {
    /// A bug in the library, or in how an app holds it.
    pub enum InternalCode in "internal" {
        /// An earlier change to a shared dossier handle failed half-way.
        PoisonedHandle = "internal.poisoned_handle", error(Internal),
            "En tidligere ændring af dossieret fejlede inde i biblioteket; indlæs dossieret igen fra det sidst gemte.",
            "An earlier change to this dossier failed inside the library; reload the dossier from its last saved copy.";
        /// A value could not be handed to the app as plain data.
        Serialize = "internal.serialize", error(Internal),
            "En værdi kunne ikke gives videre som data.",
            "A value could not be handed over as data.";
        /// The app's own function failed inside a change of a store (an exception in a Kotlin
        /// or Swift callback); nothing was stored.
        AppCallback = "internal.app_callback", error(Internal),
            "Appens egen funktion fejlede under en ændring af lageret; intet er gemt.",
            "The app's own function failed during a change of the store; nothing was stored.";
    }
}

codes! {
    /// Long work watched by a [`crate::progress::Watch`].
    pub enum WorkCode in "work" {
        /// The work was asked to stop (a cancelled coroutine or task, Ctrl-C, a progress
        /// callback that failed) and stopped before it changed anything.
        Cancelled = "work.cancelled", error(Cancelled),
            "Arbejdet blev afbrudt; intet er ændret.",
            "The work was cancelled; nothing was changed.";
    }
}

codes! {
    /// The SQLite store (crate `brobygger-store`): opening, migrating, reading and writing a
    /// store, and the change files two copies exchange. Declared here, with the library's other
    /// boundary codes, so the registry lists them; the store's `StoreError` carries them.
    pub enum StoreCode in "store" {
        /// The store was written by a newer brobygger; it is left untouched.
        NewerSchema = "store.newer_schema", error(UnsupportedVersion),
            "Lageret har skemaversion {found}, som er nyere end den, biblioteket læser ({supported}); opdatér brobygger. Filen er ikke ændret.",
            "The store has schema version {found}, newer than the one the library reads ({supported}); update brobygger. The file is unchanged.";
        /// The file is not an SQLite database (or is encrypted).
        NotADatabase = "store.not_a_database", error(InvalidInput),
            "Filen er ikke et brobygger-lager (ikke en SQLite-database).",
            "The file is not a brobygger store (not an SQLite database).";
        /// The file is an SQLite database, but damaged or truncated.
        Corrupt = "store.corrupt", error(InvalidInput),
            "Lageret er beskadiget eller afkortet; hent det seneste gode eksemplar.",
            "The store is damaged or truncated; restore its last good copy.";
        /// An SQLite database of another program.
        Foreign = "store.foreign", error(InvalidInput),
            "Filen er en SQLite-database, men ikke et brobygger-lager; den er ikke ændret.",
            "The file is an SQLite database, but not a brobygger store; it is unchanged.";
        /// The file or its folder is read-only.
        ReadOnly = "store.read_only", error(InvalidInput),
            "Lageret er skrivebeskyttet.",
            "The store is read-only.";
        /// The disk or a quota is full; the change was not made.
        StorageFull = "store.storage_full", error(InvalidInput),
            "Der er ikke plads på disken; ændringen er ikke foretaget.",
            "There is no space left; the change was not made.";
        /// The operating system refused a write (a file-size limit, a failing disk).
        WriteFailed = "store.write_failed", error(InvalidInput),
            "Disken afviste skrivningen (en grænse for filstørrelse eller en disk med fejl); ændringen er ikke foretaget.",
            "The disk refused the write (a file-size limit or a failing disk); the change was not made.";
        /// Another process held the store past the busy timeout.
        Busy = "store.busy", error(InvalidInput),
            "Lageret var optaget af en anden skrivning længere end ventetiden; prøv igen.",
            "The store stayed busy with another writer past the timeout; try again.";
        /// The file cannot be opened (a missing folder, no permission).
        CannotOpen = "store.cannot_open", error(InvalidInput),
            "Lageret kan ikke åbnes (mappen findes ikke, eller der er ikke adgang).",
            "The store cannot be opened (the folder does not exist, or access is denied).";
        /// The store holds no dossier yet.
        Empty = "store.empty", error(InvalidInput),
            "Lageret indeholder endnu intet dossier; importér et først.",
            "The store holds no dossier yet; import one first.";
        /// Any other failure of SQLite.
        Sqlite = "store.sqlite", error(InvalidInput),
            "SQLite fejlede på lageret.",
            "SQLite failed on the store.";
        /// The audit trail was changed behind the library's back (an event edited, removed or
        /// moved, or a stored version altered).
        Tampered = "store.tampered", error(InvalidInput),
            "Revisionssporet er ændret uden om biblioteket; lageret kan ikke stoles på, før det er undersøgt.",
            "The audit trail was changed behind the library's back; the store cannot be trusted until it is looked into.";
        /// The store was closed (in Python, after `close()` or its `with` block).
        Closed = "store.closed", error(InvalidInput),
            "Lageret er lukket; åbn det igen.",
            "The store is closed; open it again.";
        /// A call on a store from inside one of its own changes (the app's function of
        /// `update` calling the same store): it would wait for itself forever, so it is refused.
        Reentrant = "store.reentrant", error(InvalidInput),
            "Lageret kan ikke bruges inde fra en af dets egne ændringer; gør det før eller efter ændringen.",
            "The store cannot be used from inside one of its own changes; do it before or after the change.";
        /// Options to open a store that are not acceptable (an unknown journal mode, a
        /// negative or endless busy timeout).
        Options = "store.options", error(InvalidInput),
            "Indstillingerne for lageret kan ikke bruges (journaltilstand eller ventetid).",
            "The store's options cannot be used (journal mode or busy timeout).";
        /// An erasure must name exactly one newcomer household or one person.
        EraseSubject = "store.erase_subject", error(InvalidInput),
            "Angiv præcis én nytilkommen husstand eller én person, der skal slettes.",
            "Name exactly one newcomer household or one person to erase.";
        /// An entity of which the store holds no version.
        NoHistory = "store.no_history", error(NotFound),
            "Lageret har ingen gemte versioner af {id}.",
            "The store holds no versions of {id}.";
        /// A change file that cannot be read (not JSON, or not a change file).
        ChangesSyntax = "store.changes_syntax", error(Parse),
            "Filen er ikke en fil med ændringer fra et brobygger-lager.",
            "The file is not a change file of a brobygger store.";
        /// A change file of another format or a newer version.
        ChangesVersion = "store.changes_version", error(UnsupportedVersion),
            "Filen med ændringer har version {found}; biblioteket læser version {supported}.",
            "The change file has version {found}; the library reads version {supported}.";
        /// A change file could not be written.
        ChangesSerialize = "store.changes_serialize", error(Internal),
            "En fil med ændringer kunne ikke skrives som JSON.",
            "A change file could not be written as JSON.";
        /// A dossier could not be cut into the store's rows or joined from them.
        Layout = "store.layout", error(Internal),
            "Dossieret kunne ikke deles i lagerets rækker eller samles fra dem.",
            "The dossier could not be cut into the store's rows or joined from them.";
        /// An audit event could not be written.
        Audit = "store.audit", error(Internal),
            "En hændelse i revisionssporet kunne ikke skrives.",
            "An event of the audit trail could not be written.";
    }
}

codes! {
    /// The command-line tool's own checks of what it was asked to do.
    pub enum UsageCode in "cli" {
        /// The dossier has several agreements and the command works on one.
        NoAgreement = "cli.no_agreement", error(InvalidInput),
            "Dossieret har flere aftaler; vælg én med --agreement.",
            "The dossier has several agreements; choose one with --agreement.";
        /// HTML shows one agreement.
        AgreementNeeded = "cli.agreement_needed", error(InvalidInput),
            "HTML viser én aftale; vælg én med --agreement.",
            "HTML shows one agreement; choose one with --agreement.";
        /// HTML shows one checklist.
        TemplateNeeded = "cli.template_needed", error(InvalidInput),
            "HTML viser én tjekliste; vælg én med --template.",
            "HTML shows one checklist; choose one with --template.";
        /// A date on the command line that is not `YYYY-MM-DD`.
        BadDate = "cli.bad_date", error(InvalidInput),
            "Datoen skal skrives som ÅÅÅÅ-MM-DD.",
            "The date must be written as YYYY-MM-DD.";
        /// Neither a dossier file nor an example.
        NoInput = "cli.no_input", error(InvalidInput),
            "Angiv en dossierfil eller --example NAVN (aalborg, ikast-brande, horsens, esbjerg).",
            "Give a dossier file or --example NAME (aalborg, ikast-brande, horsens, esbjerg).";
        /// `db import --example NAME` without the store to import into.
        NoStore = "cli.no_store", error(InvalidInput),
            "Angiv lagerfilen, der skal importeres til.",
            "Give the store file to import into.";
        /// `-` where a store is expected: SQLite keeps a store in a file it can reopen and lock.
        StoreIsStream = "cli.store_is_stream", error(InvalidInput),
            "Et lager skal være en fil: - (standardinput eller standardoutput) kan ikke rumme et; angiv lagerfilen.",
            "A store is a file: - (standard input or output) cannot hold one; give the store file.";
        /// `db erase` without the household or person to erase.
        NoSubject = "cli.no_subject", error(InvalidInput),
            "Angiv, hvem der skal slettes: --newcomer ID eller --person ID.",
            "Give who is to be erased: --newcomer ID or --person ID.";
        /// An input the command needs is missing.
        MissingInput = "cli.missing_input", error(InvalidInput),
            "Der mangler et input; angiv filerne (--newcomers, --offers, --rules) eller et dossier med --dossier FIL eller --example NAVN.",
            "An input is missing; give the files (--newcomers, --offers, --rules), or a dossier with --dossier FILE or --example NAME.";
        /// The dossier has several candidates and the command needs one.
        Choose = "cli.choose", error(InvalidInput),
            "Dossieret har flere at vælge imellem; vælg én med det nævnte tilvalg.",
            "The dossier has several to choose from; choose one with the option named.";
        /// `--store` without a dossier to store into, or with outside inputs.
        CannotStore = "cli.cannot_store", error(InvalidInput),
            "--store gemmer kørslen i en dossierfil og bruger dossierets eget hold, tilbud og regelsæt: angiv --dossier FIL, og udelad --newcomers, --offers og --rules.",
            "--store writes the run into a dossier file and uses the dossier's own cohort, offers and rule set: give --dossier FILE, and leave out --newcomers, --offers and --rules.";
        /// A `--format` the command does not write (every command takes the one vocabulary).
        UnsupportedFormat = "cli.unsupported_format", error(InvalidInput),
            "Kommandoen skriver ikke det format; fejlen nævner dem, den skriver.",
            "The command does not write that format; the error names the ones it writes.";
        /// Writing output failed.
        Write = "cli.write", error(InvalidInput),
            "Uddata kan ikke skrives.",
            "The output cannot be written.";
        /// A value could not be written as JSON or CSV.
        Serialize = "cli.serialize", error(Internal),
            "En værdi kunne ikke skrives som JSON eller CSV.",
            "A value could not be written as JSON or CSV.";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_carries_its_concern_and_texts() {
        let c = ErrorCode::from(NotFoundCode::Agreement);
        assert_eq!(c, "not_found.agreement");
        assert_eq!(c.concern(), "not_found");
        assert!(c.text(Lang::Da).starts_with("Der er ingen aftale"));
        assert_eq!(NotFoundCode::ChecklistSession.entity(), "checklist_session");
        assert_eq!(
            CodeInfo::of(LoadCode::Io).error,
            Some(ErrorKind::InvalidInput)
        );
    }
}
