//! The Danish of the CLI's help: each English text as the doc comments and `after_help`
//! attributes write it, with its Danish. Example blocks are translated line by line: their
//! commands stay, their prose lines are here.

/// `(English, Danish)`.
pub(crate) const TEXTS: &[(&str, &str)] = &[
    // issue 20: brobygger new, the party templates, one --format vocabulary
    (
        "A dossier (or a store) from the partnership's own spreadsheets: newcomer households, offers, the parties and their posts (CSV in any encoding, or .xlsx); every problem with its file, line and column",
        "Et dossier (eller et lager) fra partnerskabets egne regneark: nyankomne husstande, tilbud, parterne og deres poster (CSV i enhver tegnkodning eller .xlsx); hvert problem med fil, linje og kolonne",
    ),
    (
        "Start from `brobygger template newcomers`, `template offers`, `template organisations` and `template posts`. The parties become a draft agreement; the households one cohort.",
        "Start fra `brobygger template newcomers`, `template offers`, `template organisations` og `template posts`. Parterne bliver til et aftaleudkast, husstandene til én kohorte.",
    ),
    (
        "Exit codes: 0 done (warnings allowed) · 1 the sheets have errors · 2 bad usage or unreadable input.",
        "Afslutningskoder: 0 udført (advarsler tilladt) · 1 regnearkene har fejl · 2 forkert brug eller input, der ikke kan læses.",
    ),
    (
        "The partnership's title, e.g. \"Venner Viser Vej i Ikast-Brande\"",
        "Partnerskabets titel, fx \"Venner Viser Vej i Ikast-Brande\"",
    ),
    (
        "The draft agreement's first day (YYYY-MM-DD or DD-MM-YYYY; default: today)",
        "Aftaleudkastets første dag (ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ; standard: i dag)",
    ),
    (
        "The draft agreement's id (the cohort is ID-nyankomne); made from the title when absent",
        "Aftaleudkastets id (kohorten hedder ID-nyankomne); laves af titlen, hvis det udelades",
    ),
    (
        "Newcomer households: CSV (any encoding, `;` or `,`) or .xlsx; repeat for more files; `-` reads standard input",
        "Nyankomne husstande: CSV (enhver tegnkodning, `;` eller `,`) eller .xlsx; gentag for flere filer; `-` læser standardinput",
    ),
    (
        "Volunteer offers: CSV or .xlsx; repeat for more files",
        "Frivilligtilbud: CSV eller .xlsx; gentag for flere filer",
    ),
    (
        "The parties (the municipality and the organisations): CSV or .xlsx",
        "Parterne (kommunen og organisationerne): CSV eller .xlsx",
    ),
    (
        "The parties' posts: CSV or .xlsx",
        "Parternes poster: CSV eller .xlsx",
    ),
    (
        "The matching rule set (TOML or JSON, see `brobygger template rules`), so `match --store` can match the cohort",
        "Regelsættet til matchning (TOML eller JSON, se `brobygger template rules`), så `match --store` kan matche kohorten",
    ),
    (
        "Skip columns the layouts do not know (a warning each) instead of refusing them",
        "Spring kolonner over, som layoutene ikke kender (med en advarsel for hver), i stedet for at afvise dem",
    ),
    (
        "Write the dossier (JSON) to this file; `-` (the default) writes to standard output",
        "Skriv dossieret (JSON) til denne fil; `-` (standard) skriver til standardoutput",
    ),
    (
        "Import the dossier into this store (SQLite; created if absent) instead",
        "Importér i stedet dossieret i dette lager (SQLite; oprettes, hvis det ikke findes)",
    ),
    (
        "The parties sheet for `brobygger new`: the municipality and the organisations, one row each (id, name, kind, and a municipality's code)",
        "Partsarket til `brobygger new`: kommunen og organisationerne, én række hver (id, navn, type og kommunens kommunekode)",
    ),
    (
        "The posts sheet for `brobygger new`: one row per post (id, title, kind, and the party it is for, by its id in the parties sheet)",
        "Postarket til `brobygger new`: én række pr. post (id, titel, type og den part, den er for, ved partens id i partsarket)",
    ),
    (
        "Add two invented example rows after the header",
        "Tilføj to opdigtede eksempelrækker efter overskriften",
    ),
    (
        "For a spreadsheet program in --lang: for Danish Excel `;`, a byte-order mark and Danish headings and words",
        "Til et regneark på --lang: til dansk Excel `;`, byte-order mark og danske overskrifter og ord",
    ),
    (
        "Output format: text, json or csv",
        "Outputformat: text, json eller csv",
    ),
    (
        "Output format: text, md, html, json or csv",
        "Outputformat: text, md, html, json eller csv",
    ),
    (
        "Output format: text, md, html or json",
        "Outputformat: text, md, html eller json",
    ),
    ("Output format: text or csv", "Outputformat: text eller csv"),
    ("Output format: md or html", "Outputformat: md eller html"),
    (
        "What to print or write: text, json, csv or xlsx",
        "Hvad der vises eller skrives: text, json, csv eller xlsx",
    ),
    (
        "Output format: ics (an iCalendar file, RFC 5545, to import or subscribe to) or json",
        "Outputformat: ics (en iCalendar-fil, RFC 5545, til at importere eller abonnere på) eller json",
    ),
    (
        "Output format: text, md, html, csv (the municipality's spreadsheet, one row per offer, which --csv reads back), hsds (Open Referral HSDS 3.0 organizations as JSON, public entries only) or json",
        "Outputformat: text, md, html, csv (kommunens regneark, én række pr. tilbud, som --csv læser igen), hsds (Open Referral HSDS 3.0-organisationer som JSON, kun offentlige opslag) eller json",
    ),
    (
        "What to print: md (the readable form, also `form`), toml or json (the template file)",
        "Hvad der vises: md (den læsbare formular, også `form`), toml eller json (skabelonfilen)",
    ),
    // issue 20: spreadsheets for people
    (
        "Write to this file instead of standard output; a name ending in .xlsx writes an Excel workbook (headings and words in --lang)",
        "Skriv til denne fil i stedet for standardoutput; et navn, der ender på .xlsx, giver en Excel-projektmappe (overskrifter og ord på --lang)",
    ),
    (
        "One row per household, as an Excel workbook (.xlsx)",
        "Én række pr. husstand som Excel-projektmappe (.xlsx)",
    ),
    (
        "Write the result to this file (in --format, text meaning JSON; a name ending in .xlsx means a workbook) and print a summary; `-` writes to standard output",
        "Skriv resultatet til denne fil (i --format, hvor text betyder JSON; et navn, der ender på .xlsx, giver en projektmappe) og vis et resumé; `-` skriver til standardoutput",
    ),
    (
        "CSV for a spreadsheet program in --lang: for Danish Excel `;`, a byte-order mark, decimal commas and Danish headings",
        "CSV til et regneark på --lang: til dansk Excel `;`, byte-order mark, decimalkomma og danske overskrifter",
    ),
    (
        "For a spreadsheet program in --lang: for Danish Excel `;`, a byte-order mark, decimal commas, day-first dates and Danish headings and words",
        "Til et regneark på --lang: til dansk Excel `;`, byte-order mark, decimalkomma, datoer med dagen først og danske overskrifter og ord",
    ),
    // the program and clap's own flags
    (
        "Partnerships between municipalities and civil society receiving refugees",
        "Partnerskaber mellem kommuner og civilsamfund om modtagelse af flygtninge",
    ),
    (
        "Language of the output: da (Danish) or en (English)",
        "Sproget i output: da (dansk) eller en (engelsk)",
    ),
    (
        "Read a dossier that has errors anyway (by default every command but validate refuses one, with its findings and exit code 1)",
        "Læs et dossier med fejl alligevel (som standard afviser alle kommandoer undtagen validate et sådant, med fundene og slutkode 1)",
    ),
    (
        "Print help (see more with '--help')",
        "Vis hjælp (mere med '--help')",
    ),
    (
        "Print help (see a summary with '-h')",
        "Vis hjælp (et overblik med '-h')",
    ),
    ("Print help", "Vis hjælp"),
    ("Print version", "Vis versionen"),
    (
        "Print this message or the help of the given subcommand(s)",
        "Vis denne hjælp eller hjælpen til de nævnte kommandoer",
    ),
    // example blocks: prose lines
    (
        "Exit codes: 0 done (warnings allowed) · 1 the data has errors (findings, bad CSV cells, signing blocked) · 2 bad usage or unreadable input.",
        "Afslutningskoder: 0 udført (advarsler tilladt) · 1 data har fejl (fund, forkerte CSV-celler, underskrift blokeret) · 2 forkert brug eller input, der ikke kan læses.",
    ),
    (
        "The cohort is matched, and its introductions checked, on the first day of the month after its last household arrived (Ikast-Brande: 2016-04-01); the health is assessed on the day each example is told as of. --as-of sets one day for both.",
        "Kohorten matches, og dens introduktioner tjekkes, den første dag i måneden efter, at dens sidste husstand kom (Ikast-Brande: 2016-04-01); sundheden vurderes på den dag, hvert eksempel fortælles pr. --as-of sætter én dag for begge.",
    ),
    (
        "Exit codes: 0 valid (warnings allowed) · 1 errors in the data · 2 the file cannot be read.",
        "Afslutningskoder: 0 gyldig (advarsler tilladt) · 1 fejl i data · 2 filen kan ikke læses.",
    ),
    (
        "Start a checklist of your own from `brobygger template checklist joint-expectations`.",
        "Start en tjekliste af jeres egen fra `brobygger template checklist joint-expectations`.",
    ),
    (
        "Solvers: optimal (highest total score, exact), stable (no household and offer would both rather have each other; households propose), stable-offers (offers propose), greedy (best pair first).",
        "Løsere: optimal (højeste samlede score, eksakt), stable (ingen husstand og intet tilbud ville begge hellere have hinanden; husstandene foreslår), stable-offers (tilbuddene foreslår), greedy (bedste par først).",
    ),
    (
        "Start from `brobygger template newcomers`, `template offers` and `template rules`.",
        "Start fra `brobygger template newcomers`, `template offers` og `template rules`.",
    ),
    (
        "The same column names are read from JSON tables (brobygger match --newcomers table.json).",
        "De samme kolonnenavne læses fra JSON-tabeller (brobygger match --newcomers tabel.json).",
    ),
    ("# the built-in templates", "# de indbyggede skabeloner"),
    // demo
    (
        "The main job on the built-in examples, end to end: validate, role split, checklist alignment, matching of Ikast-Brande's cohort, introductions due, and each agreement's health; with --out, also write the reports, the match result and the dossier",
        "Hovedopgaven på de indbyggede eksempler fra ende til anden: validering, rollefordeling, forventningsafstemning, matchning af Ikast-Brandes kohorte, forfaldne introduktioner og hver aftales sundhed; med --out skrives også rapporterne, matchresultatet og dossieret",
    ),
    (
        "Only this example: aalborg, ikast-brande, horsens, esbjerg",
        "Kun dette eksempel: aalborg, ikast-brande, horsens, esbjerg",
    ),
    (
        "Use this day (YYYY-MM-DD) for matching, introductions and the assessment",
        "Brug denne dag (ÅÅÅÅ-MM-DD) til matchning, introduktioner og vurdering",
    ),
    (
        "Write every agreement's report (Markdown and HTML), each cohort's match (JSON and CSV) and the dossier with the runs into this folder",
        "Skriv hver aftales rapport (Markdown og HTML), hver kohortes matchning (JSON og CSV) og dossieret med kørslerne i denne mappe",
    ),
    // summary
    (
        "Load a dossier, validate it and print a readable summary",
        "Indlæs et dossier, valider det, og vis et læsbart resumé",
    ),
    (
        "A dossier JSON file (or use --example)",
        "En dossierfil i JSON (eller brug --example)",
    ),
    (
        "A built-in example: aalborg, ikast-brande, horsens, esbjerg",
        "Et indbygget eksempel: aalborg, ikast-brande, horsens, esbjerg",
    ),
    (
        "Show post holders on this date (YYYY-MM-DD)",
        "Vis posternes indehavere på denne dato (ÅÅÅÅ-MM-DD)",
    ),
    // validate
    (
        "Check a file and print every problem: a dossier, a rule set, a checklist template, or a list of newcomers or offers (CSV or JSON). The kind is told from the name and content",
        "Tjek en fil, og vis alle problemer: et dossier, et regelsæt, en tjeklisteskabelon eller en liste over nyankomne eller tilbud (CSV eller JSON). Filens art ses af navnet og indholdet",
    ),
    (
        "The file: .json, .toml, .csv (or .tsv/.txt)",
        "Filen: .json, .toml, .csv (eller .tsv/.txt)",
    ),
    (
        "A built-in example dossier instead of a file",
        "Et indbygget eksempeldossier i stedet for en fil",
    ),
    (
        "What the file holds, when its name and content do not tell",
        "Hvad filen indeholder, når navn og indhold ikke siger det",
    ),
    (
        "Print the problems as JSON (findings, or CSV problems with line and column)",
        "Vis problemerne som JSON (fund eller CSV-problemer med linje og kolonne)",
    ),
    (
        "CSV: skip columns the layout does not know (a warning each) instead of refusing them",
        "CSV: spring kolonner over, som layoutet ikke kender (en advarsel for hver), i stedet for at afvise dem",
    ),
    // assess
    (
        "Assess agreements as of a date: scores per dimension, findings with evidence and advice (role split, checklists, matching and introductions included)",
        "Vurder aftaler pr. en dato: point pr. dimension, fund med evidens og råd (rollefordeling, tjeklister, matchning og introduktioner medregnet)",
    ),
    (
        "Only this agreement (default: every agreement)",
        "Kun denne aftale (standard: alle aftaler)",
    ),
    (
        "The date to assess as of (YYYY-MM-DD or DD-MM-YYYY; default: today)",
        "Datoen, der vurderes pr. (ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ; standard: i dag)",
    ),
    (
        "Print the assessments as JSON",
        "Vis vurderingerne som JSON",
    ),
    // align
    (
        "Expectation alignment: the parties' checklist answers side by side, critical divergences first, and whether the checklists allow signing (exit 1 if they do not)",
        "Forventningsafstemning: parternes svar på tjeklisterne side om side, kritiske uenigheder først, og om tjeklisterne tillader underskrift (afslutningskode 1, hvis ikke)",
    ),
    (
        "The agreement (may be left out when the dossier has only one)",
        "Aftalen (kan udelades, når dossieret kun har én)",
    ),
    (
        "Only this checklist template (default: every template answered for the agreement)",
        "Kun denne tjeklisteskabelon (standard: alle skabeloner, der er besvaret for aftalen)",
    ),
    (
        "md (Markdown) or html (a self-contained page; one template)",
        "md (Markdown) eller html (en selvstændig side; én skabelon)",
    ),
    (
        "Write the comparison to this file instead of standard output",
        "Skriv sammenligningen til denne fil i stedet for standardoutput",
    ),
    // match
    (
        "Match newcomer households with volunteer offers under a rule set: from CSV or JSON files, or a dossier's cohort; explained matches, the unmatched with their reasons",
        "Match nyankomne husstande med frivilligtilbud efter et regelsæt: fra CSV- eller JSON-filer eller et dossiers kohorte; forklarede forslag og husstande uden match med begrundelser",
    ),
    (
        "Newcomer households: a CSV file (see `brobygger template newcomers`) or JSON: a list of records, or a table of columns with the same column names (as a DataFrame writes it)",
        "Nyankomne husstande: en CSV-fil (se `brobygger template newcomers`) eller JSON: en liste af poster eller en tabel af kolonner med de samme kolonnenavne (som en DataFrame skriver den)",
    ),
    (
        "Volunteer offers: a CSV file (see `brobygger template offers`) or JSON, as --newcomers",
        "Frivilligtilbud: en CSV-fil (se `brobygger template offers`) eller JSON som ved --newcomers",
    ),
    (
        "The rule set: TOML or JSON (see `brobygger template rules`)",
        "Regelsættet: TOML eller JSON (se `brobygger template rules`)",
    ),
    (
        "A dossier whose cohort, offers and rule set are used where no file is given",
        "Et dossier, hvis kohorte, tilbud og regelsæt bruges, hvor ingen fil er givet",
    ),
    (
        "A built-in example dossier instead (ikast-brande has a cohort)",
        "Et indbygget eksempeldossier i stedet (ikast-brande har en kohorte)",
    ),
    (
        "The dossier's cohort (may be left out when it has only one)",
        "Dossierets kohorte (kan udelades, når det kun har én)",
    ),
    (
        "The dossier's rule set (may be left out when it has only one)",
        "Dossierets regelsæt (kan udelades, når det kun har ét)",
    ),
    ("The solver", "Løseren"),
    (
        "How offers rank households in stable matching",
        "Hvordan tilbuddene rangerer husstande i stabil matchning",
    ),
    (
        "The day of the run, for waiting times (YYYY-MM-DD or DD-MM-YYYY; default: today)",
        "Kørslens dag, til ventetider (ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ; standard: i dag)",
    ),
    ("What to print or write", "Hvad der vises eller skrives"),
    (
        "Show each match's explanation, rule by rule (text format)",
        "Vis hvert forslags begrundelse regel for regel (tekstformat)",
    ),
    (
        "Store the run in the dossier file (--dossier; cohort, offers and rule set from it)",
        "Gem kørslen i dossierfilen (--dossier; kohorte, tilbud og regelsæt derfra)",
    ),
    (
        "The stored run's id (default: derived from the rule set, cohort, solver and date)",
        "Den gemte kørsels id (standard: dannet af regelsæt, kohorte, løser og dato)",
    ),
    (
        "Never show the progress spinner (it only shows on a terminal anyway)",
        "Vis aldrig fremdriftsindikatoren (den vises alligevel kun i en terminal)",
    ),
    // national
    (
        "A municipality beside the national figures of KL's 2015 survey of the municipalities: what the dossier answers itself (the cooperation with housing organisations on placing refugees), with your own answers to the other questions",
        "En kommune ved siden af landstallene fra KL's rundspørge til kommunerne i 2015: det, dossieret selv svarer (samarbejdet med boligorganisationer om placering af flygtninge), og jeres egne svar på de andre spørgsmål",
    ),
    (
        "The municipality (may be left out when the dossier has only one)",
        "Kommunen (kan udelades, når dossieret kun har én)",
    ),
    (
        "Your answer to a question the dossier cannot answer, as QUESTION=CATEGORY (e.g. cooperation_change=more); repeat the option for several",
        "Jeres svar på et spørgsmål, dossieret ikke kan svare på, skrevet SPØRGSMÅL=KATEGORI (fx cooperation_change=more); gentag tilvalget for flere svar",
    ),
    (
        "The figures and your answers as a table",
        "Tallene og jeres svar som tabel",
    ),
    ("The rows as JSON", "Rækkerne som JSON"),
    (
        "Questions and answers: cooperation_change (more, same, less); cooperation_degree and housing_placement (very_high, high, some, low, not_at_all); civil_society_attitude (very_positive, mostly_positive, neutral, negative). The figures are shares as KL published them; the source does not say how many municipalities answered.",
        "Spørgsmål og svar: cooperation_change (more, same, less); cooperation_degree og housing_placement (very_high, high, some, low, not_at_all); civil_society_attitude (very_positive, mostly_positive, neutral, negative). Tallene er andele, som KL offentliggjorde dem; kilden oplyser ikke, hvor mange kommuner der svarede.",
    ),
    // survey
    (
        "Survey rounds of any shape (a partnership's volunteers, staff and newcomers, or a population of municipalities): each round's shares by its respondent groups with their 95% intervals and small groups hidden, and the changes since an earlier round",
        "Spørgerunder af enhver form (et partnerskabs frivillige, medarbejdere og nyankomne eller en hel gruppe af kommuner): hver rundes andele for hver gruppe af svarpersoner med 95 %-interval og små grupper skjult, og udviklingen siden en tidligere runde",
    ),
    (
        "A share is shown only when at least --min-cell answered (5 by default, never fewer); a municipality beside KL's published figures is `brobygger national`.",
        "En andel vises kun, når mindst --min-cell har svaret (5 som standard, aldrig færre); en kommune ved siden af KL's offentliggjorte tal er `brobygger national`.",
    ),
    (
        "Only this round (default: every round, oldest first)",
        "Kun denne runde (standard: alle runder, ældste først)",
    ),
    (
        "The earlier round to compare with (default: the latest earlier round about the same agreement)",
        "Den tidligere runde, der sammenlignes med (standard: den seneste tidligere runde om samme aftale)",
    ),
    (
        "The fewest respondents a shown share may have (at least 5, the default)",
        "Det mindste antal svar, en vist andel må bygge på (mindst 5, som er standard)",
    ),
    (
        "Each round: who was asked, its shares and changes as tables",
        "Hver runde: hvem der blev spurgt, andele og udvikling som tabeller",
    ),
    (
        "A self-contained HTML page (one round)",
        "En selvstændig HTML-side (én runde)",
    ),
    (
        "The rounds' shares and changes as JSON (hidden shares without numbers)",
        "Rundernes andele og udvikling som JSON (skjulte andele uden tal)",
    ),
    (
        "One row per share, for a spreadsheet",
        "Én række pr. andel til et regneark",
    ),
    // outcomes
    (
        "A cohort's outcomes over time (work or education, self-support, Danish, social network) by whether and how early its households were matched and introduced, aggregated: never a household on its own",
        "En kohortes udfald over tid (arbejde eller uddannelse, selvforsørgelse, dansk, netværk) efter, om og hvor tidligt husstandene blev matchet og fik frivilligtilbud introduceret, samlet: aldrig en enkelt husstand",
    ),
    (
        "Each household's latest follow-up on or before the day counts, if a consent or other basis for evaluation covers it then. A cell is shown only when at least --min-cell households have the outcome and as many do not (5 by default, never fewer).",
        "Hver husstands seneste opfølgning på eller før dagen tæller, hvis et samtykke eller anden hjemmel til evaluering dækker den på dagen. En celle vises kun, når mindst --min-cell husstande har udfaldet og lige så mange ikke har det (5 som standard, aldrig færre).",
    ),
    (
        "The cohort (may be left out when the dossier has only one)",
        "Kohorten (kan udelades, når dossieret kun har én)",
    ),
    (
        "The day of the view: each household's latest follow-up on or before it counts (YYYY-MM-DD or DD-MM-YYYY; default: today)",
        "Dagen for opgørelsen: hver husstands seneste opfølgning på eller før den tæller (ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ; standard: i dag)",
    ),
    (
        "The fewest households a shown number may have (at least 5, the default)",
        "Det mindste antal husstande, et vist tal må bygge på (mindst 5, som er standard)",
    ),
    (
        "What the view holds and its cells as a table",
        "Hvad opgørelsen rummer, og dens celler som tabel",
    ),
    (
        "The view as JSON (hidden cells without numbers)",
        "Opgørelsen som JSON (skjulte celler uden tal)",
    ),
    (
        "One row per cell, for a spreadsheet",
        "Én række pr. celle til et regneark",
    ),
    // directory
    (
        "The association directory: every association with its offers, from a dossier, a store or the municipality's spreadsheet; searched and filtered, written back as the spreadsheet, or exported as Open Referral HSDS 3.0 (no personal data)",
        "Foreningsfortegnelsen: alle foreninger med deres tilbud, fra et dossier, et lager eller kommunens regneark; søgt og filtreret, skrevet tilbage som regneark eller eksporteret som Open Referral HSDS 3.0 (uden personoplysninger)",
    ),
    (
        "A dossier JSON file or a store (or use --example or --csv)",
        "En dossierfil (JSON) eller et lager (eller brug --example eller --csv)",
    ),
    (
        "A built-in example: aalborg, ikast-brande, horsens, esbjerg",
        "Et indbygget eksempel: aalborg, ikast-brande, horsens, esbjerg",
    ),
    (
        "The directory spreadsheet instead of a dossier (CSV, Danish or English headers)",
        "Foreningsregnearket i stedet for et dossier (CSV med danske eller engelske overskrifter)",
    ),
    (
        "Free text: every word must be found, in any case and inflection",
        "Fritekst: hvert ord skal findes, uanset store og små bogstaver og bøjning",
    ),
    (
        "Only ethnic minority associations (the list 003 tells of)",
        "Kun etniske minoritetsforeninger (den liste, 003 fortæller om)",
    ),
    (
        "Only offers in these languages (ISO 639 codes; repeat the option or separate with commas)",
        "Kun tilbud på disse sprog (ISO 639-koder; gentag tilvalget, eller adskil med kommaer)",
    ),
    (
        "Only organisations with an entry of their own",
        "Kun organisationer med et opslag af deres eget",
    ),
    (
        "Check contact posts for a holder on this day (YYYY-MM-DD)",
        "Se efter, om kontaktposterne er besat på denne dag (ÅÅÅÅ-MM-DD)",
    ),
    (
        "HSDS: also entries for municipal staff only (never for publication)",
        "HSDS: også opslag, der kun er til kommunens medarbejdere (aldrig til offentliggørelse)",
    ),
    (
        "Each association with its offers, days and times",
        "Hver forening med sine tilbud, dage og tidspunkter",
    ),
    ("As text, in Markdown", "Som tekst, i Markdown"),
    (
        "The municipality's spreadsheet (one row per offer), which --csv reads back",
        "Kommunens regneark (én række pr. tilbud), som --csv læser igen",
    ),
    (
        "Open Referral HSDS 3.0 organizations as JSON (public entries only, no personal data)",
        "Open Referral HSDS 3.0-organisationer som JSON (kun offentlige opslag, uden personoplysninger)",
    ),
    ("The register as JSON", "Fortegnelsen som JSON"),
    (
        "Exit codes: 0 done · 1 the spreadsheet has errors (its other rows are still shown) · 2 bad usage or unreadable input.",
        "Afslutningskoder: 0 udført · 1 regnearket har fejl (dets øvrige rækker vises stadig) · 2 forkert brug eller input, der ikke kan læses.",
    ),
    // remind
    (
        "What is due or overdue on a day: introductions of volunteer offers, meetings to convene, planned reviews, the end of the term, committee briefings, meetings' action items",
        "Hvad der forfalder eller er overskredet på en dag: introduktioner af frivilligtilbud, møder, der skal indkaldes, planlagte revisioner, aftalens udløb, orientering af udvalg og opgaver fra møderne",
    ),
    // issue 20: meetings' minutes and action items
    (
        "The minutes of the meetings held: agenda, decisions and action items with their owners, due days and where they stand on a day",
        "Referater af de afholdte møder: dagsorden, beslutninger og opgaver med ansvarlige, frister og status på en dag",
    ),
    (
        "Only the meetings of this agreement",
        "Kun møderne under denne aftale",
    ),
    (
        "The day the action items are judged on (YYYY-MM-DD or DD-MM-YYYY; default: today)",
        "Dagen, opgaverne vurderes på (ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ; standard: i dag)",
    ),
    (
        "Only the action items past their due day and still open",
        "Kun opgaver, der er over fristen og stadig åbne",
    ),
    (
        "The day (YYYY-MM-DD or DD-MM-YYYY; default: today)",
        "Dagen (ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ; standard: i dag)",
    ),
    (
        "Also what falls due within this many days",
        "Også hvad der forfalder inden for så mange dage",
    ),
    (
        "Only these kinds (repeat the option, or separate with commas)",
        "Kun disse slags (gentag tilvalget, eller adskil med kommaer)",
    ),
    ("Output format", "Outputformat"),
    // calendar
    (
        "The partnership's calendar as an iCalendar file (RFC 5545) to import or subscribe to: fixed meetings as series with their notice, meetings held, activities on their schedules, reviews, ends of term, briefings, and for coordinators introductions and check-ins",
        "Partnerskabets kalender som iCalendar-fil (RFC 5545), der kan importeres eller abonneres på: faste møder som serier med deres varsel, afholdte møder, aktiviteter efter deres tidsplan, revisioner, aftalers udløb, orientering af udvalg og for koordinatorer introduktioner og opfølgninger",
    ),
    (
        "Times are Danish time (Europe/Copenhagen). Each event keeps its id from one export to the next, so a subscribed calendar updates instead of adding copies.",
        "Tider er dansk tid (Europe/Copenhagen). Hver begivenhed beholder sit id fra den ene eksport til den næste, så en kalender, man abonnerer på, opdateres i stedet for at få dubletter.",
    ),
    (
        "A dossier JSON file or a store (or use --example); `-` reads standard input",
        "En dossierfil (JSON) eller et lager (eller brug --example); `-` læser standardinput",
    ),
    (
        "The day the calendar is made as of (YYYY-MM-DD or DD-MM-YYYY; default: today)",
        "Dagen, kalenderen laves pr. (ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ; standard: i dag)",
    ),
    ("Who the calendar is for", "Hvem kalenderen er til"),
    (
        "How many days ahead dated tasks (reviews, ends of term, briefings, introductions) are taken",
        "Hvor mange dage frem daterede opgaver (revisioner, aftalers udløb, orienteringer, introduktioner) tages med",
    ),
    (
        "Write to this file instead of standard output (`-` for standard output)",
        "Skriv til denne fil i stedet for standardoutput (`-` for standardoutput)",
    ),
    (
        "An iCalendar file (RFC 5545) to import or subscribe to",
        "En iCalendar-fil (RFC 5545), der kan importeres eller abonneres på",
    ),
    ("The events as JSON", "Begivenhederne som JSON"),
    (
        "Coordinators: everything, households by pseudonymous id only",
        "Koordinatorer: alt, husstande kun med pseudonymt id",
    ),
    (
        "The partnership's people: meetings, activities and the agreements' dates, no household",
        "Partnerskabets folk: møder, aktiviteter og aftalernes datoer, ingen husstande",
    ),
    (
        "Anyone: the activities of associations listed publicly",
        "Alle: aktiviteterne i foreninger, der er offentligt listet",
    ),
    // report
    (
        "Write a report on one agreement to share: the agreement, role split, checklists, assessment and surveys",
        "Skriv en rapport om én aftale, der kan deles: aftalen, rollefordeling, tjeklister, vurdering og undersøgelser",
    ),
    (
        "The date to report as of (YYYY-MM-DD or DD-MM-YYYY; default: today)",
        "Datoen, rapporten laves pr. (ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ; standard: i dag)",
    ),
    (
        "md (Markdown) or html (a self-contained page)",
        "md (Markdown) eller html (en selvstændig side)",
    ),
    (
        "Write to this file instead of standard output",
        "Skriv til denne fil i stedet for standardoutput",
    ),
    // template
    (
        "Print a file to start from: a checklist template (TOML), a starter rule set (TOML), or the newcomers or offers CSV layout",
        "Vis en fil at starte fra: en tjeklisteskabelon (TOML), et startregelsæt (TOML) eller CSV-layoutet for nyankomne eller tilbud",
    ),
    (
        "A built-in checklist template as TOML (or JSON) to start your own; without an id, the list of built-in templates",
        "En indbygget tjeklisteskabelon som TOML (eller JSON) at starte jeres egen fra; uden id listen over indbyggede skabeloner",
    ),
    (
        "The template's id, e.g. joint-expectations",
        "Skabelonens id, fx joint-expectations",
    ),
    (
        "The template version (the newest if absent)",
        "Skabelonens version (den nyeste, hvis udeladt)",
    ),
    ("toml or json", "toml eller json"),
    (
        "A starter rule set (TOML) with one rule of each common kind, commented",
        "Et startregelsæt (TOML) med én regel af hver almindelig slags, med kommentarer",
    ),
    (
        "The newcomers CSV layout: the header row, optionally two invented example rows, or (--describe) every column explained",
        "CSV-layoutet for nyankomne: overskriftsrækken, eventuelt to opdigtede eksempelrækker, eller (--describe) hver kolonne forklaret",
    ),
    (
        "Add two invented example rows (from the Ikast-Brande example) after the header",
        "Tilføj to opdigtede eksempelrækker (fra Ikast-Brande-eksemplet) efter overskriften",
    ),
    (
        "Explain every column (Markdown) instead of printing the file",
        "Forklar hver kolonne (Markdown) i stedet for at vise filen",
    ),
    (
        "The offers CSV layout: the header row, optionally two invented example rows, or (--describe) every column explained",
        "CSV-layoutet for tilbud: overskriftsrækken, eventuelt to opdigtede eksempelrækker, eller (--describe) hver kolonne forklaret",
    ),
    // schema, example
    (
        "Print the JSON Schema of a file format (personal fields carry x-sensitivity)",
        "Vis JSON-skemaet for et filformat (personfelter har x-sensitivity)",
    ),
    ("Which format", "Hvilket format"),
    (
        "Print a built-in example dossier as JSON, to start from",
        "Vis et indbygget eksempeldossier som JSON at starte fra",
    ),
    (
        "aalborg, ikast-brande, horsens or esbjerg",
        "aalborg, ikast-brande, horsens eller esbjerg",
    ),
    // roles
    (
        "Print who does what under an agreement (RACI matrix) with its findings, as Markdown or as a self-contained HTML page; exit code 1 if the split has errors",
        "Vis hvem der gør hvad under en aftale (RACI-matrix) med fund, som Markdown eller som en selvstændig HTML-side; afslutningskode 1, hvis fordelingen har fejl",
    ),
    ("A built-in example", "Et indbygget eksempel"),
    (
        "The agreement's id; every agreement if left out",
        "Aftalens id; alle aftaler, hvis udeladt",
    ),
    (
        "The agreement version; the version in force if left out",
        "Aftalens version; den gældende version, hvis udeladt",
    ),
    (
        "Look post holders up on this date (YYYY-MM-DD)",
        "Slå posternes indehavere op på denne dato (ÅÅÅÅ-MM-DD)",
    ),
    (
        "md (Markdown table) or html (page)",
        "md (Markdown-tabel) eller html (side)",
    ),
    // checklist
    (
        "Expectation-alignment checklists: templates, side-by-side comparisons, signing readiness",
        "Tjeklister til forventningsafstemning: skabeloner, sammenligninger side om side, klar til underskrift",
    ),
    (
        "List the built-in templates",
        "Vis de indbyggede skabeloner",
    ),
    (
        "Print a built-in template as a form, or as TOML or JSON to start a template of your own",
        "Vis en indbygget skabelon som skema eller som TOML eller JSON at starte jeres egen skabelon fra",
    ),
    (
        "The template id, e.g. joint-expectations",
        "Skabelonens id, fx joint-expectations",
    ),
    ("What to print", "Hvad der vises"),
    (
        "Check a template file (.toml or .json); exit code 1 if it has errors",
        "Tjek en skabelonfil (.toml eller .json); afslutningskode 1, hvis den har fejl",
    ),
    ("The template file", "Skabelonfilen"),
    (
        "Compare the parties' answers to a checklist side by side",
        "Sammenlign parternes svar på en tjekliste side om side",
    ),
    ("The agreement", "Aftalen"),
    ("The template", "Skabelonen"),
    (
        "Whether an agreement's checklists allow signing; exit code 1 if they do not",
        "Om en aftales tjeklister tillader underskrift; afslutningskode 1, hvis ikke",
    ),
    // db: the SQLite store
    (
        "The SQLite store: a dossier with its history and a verifiable audit trail. Every command that reads a dossier file also reads a store",
        "SQLite-lageret: et dossier med dets historik og et revisionsspor, der kan efterprøves. Alle kommandoer, der læser en dossierfil, læser også et lager",
    ),
    (
        "Create a store (or bring an older one up to date)",
        "Opret et lager (eller bring et ældre lager up to date)",
    ),
    ("The store file", "Lagerfilen"),
    (
        "Put a dossier (a JSON file or a built-in example) into a store; every new, changed or removed entity is recorded in the audit trail",
        "Læg et dossier (en JSON-fil eller et indbygget eksempel) i et lager; alt, der kommer til, ændres eller fjernes, registreres i revisionssporet",
    ),
    (
        "The dossier JSON file (or use --example); `-` reads standard input",
        "Dossierets JSON-fil (eller brug --example); `-` læser standardinput",
    ),
    (
        "A built-in example instead of a file",
        "Et indbygget eksempel i stedet for en fil",
    ),
    (
        "Print the store's dossier as JSON (the same bytes as the file it came from)",
        "Udskriv lagerets dossier som JSON (de samme bytes som den fil, det kom fra)",
    ),
    (
        "Print the audit trail: who changed which entity, when, by which operation, and which fields (never their values)",
        "Udskriv revisionssporet: hvem der ændrede hvad, hvornår, med hvilken handling, og hvilke felter (aldrig deres værdier)",
    ),
    (
        "Only this collection (agreements, cohorts, match_runs, privacy.consents, ...)",
        "Kun denne samling (agreements, cohorts, match_runs, privacy.consents, ...)",
    ),
    (
        "Only this entity (with --collection)",
        "Kun dette element (sammen med --collection)",
    ),
    (
        "JSON lines instead of text",
        "JSON-linjer i stedet for tekst",
    ),
    (
        "Print every stored version of one entity, oldest first (JSON lines)",
        "Udskriv alle gemte versioner af ét element, ældste først (JSON-linjer)",
    ),
    (
        "The collection, e.g. agreements",
        "Samlingen, fx agreements",
    ),
    ("The entity's id", "Elementets id"),
    (
        "Erase one newcomer household or one person (GDPR art. 17): anonymised with everything linked to them, and every earlier version naming them emptied; the audit trail records the erasure and stays verifiable",
        "Slet én nyankommen husstand eller én person (GDPR art. 17): anonymiseret med alt, der hænger sammen med dem, og alle tidligere versioner, der nævner dem, tømt; revisionssporet registrerer sletningen og kan stadig efterprøves",
    ),
    ("The household's id", "Husstandens id"),
    ("The person's id", "Personens id"),
    (
        "The day of the erasure (YYYY-MM-DD or DD-MM-YYYY; default: today)",
        "Dagen for sletningen (ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ; standard: i dag)",
    ),
    (
        "Print the changes made after an audit event (`--since SEQ`, 0 for all) as a change file for the other copy of the partnership (`db apply`); says which SEQ to use next time",
        "Udskriv ændringerne efter en hændelse i revisionssporet (`--since NR`, 0 for alle) som en ændringsfil til partnerskabets anden kopi (`db apply`); siger, hvilket NR der skal bruges næste gang",
    ),
    (
        "The last audit event the other copy has from this one",
        "Den sidste hændelse, den anden kopi har fra denne",
    ),
    (
        "Apply the other copy's change file: what both held alike is changed, what this copy has already is left, and what both changed differently is reported as a conflict (exit code 1) and kept as this copy has it. Applying the same file twice changes nothing",
        "Anvend den anden kopis ændringsfil: det, begge havde ens, ændres; det, denne kopi allerede har, bliver; og det, begge har ændret forskelligt, meldes som en konflikt (afslutningskode 1) og beholdes, som denne kopi har det. Samme fil to gange ændrer intet",
    ),
    (
        "The change file from `db changes`; `-` reads standard input",
        "Ændringsfilen fra `db changes`; `-` læser standardinput",
    ),
    (
        "Check the audit trail's hash chain; exit code 1 if an event or a stored version was edited, removed or reordered behind the library's back",
        "Efterprøv revisionssporets hashkæde; afslutningskode 1, hvis en hændelse eller en gemt version er ændret, fjernet eller byttet om uden om biblioteket",
    ),
    (
        "Rematch: the households that wait on the day (they lost a match or were never matched) with the places relationships and proposals leave; the dossier's whole programme unless --cohort is given",
        "Nyt match: de husstande, der venter på dagen (de mistede et match eller blev aldrig matchet), med de pladser, forløb og forslag efterlader; hele dossierets program, medmindre --cohort er angivet",
    ),
    (
        "Rematch: the previous partner is exclude (the default), allow or prefer",
        "Nyt match: den tidligere partner er exclude (udelukket, standard), allow (tilladt) eller prefer (foretrukket)",
    ),
    (
        "Rematch: also propose pairs a side declined before",
        "Nyt match: foreslå også par, som en af parterne tidligere har afslået",
    ),
    (
        "Rematch: only the households that lost a match",
        "Nyt match: kun de husstande, der mistede et match",
    ),
    (
        "Each household's next best offers, this many, with the score given up",
        "Hver husstands næstbedste tilbud, så mange, med de point, der gives afkald på",
    ),
    (
        "Why a household and an offer were not matched (repeat for more pairs)",
        "Hvorfor en husstand og et tilbud ikke blev matchet (gentag for flere par)",
    ),
    (
        "Households and volunteer offers over time: list the relationships with their state on a day or their events, propose a stored run's matches, record a step, end one",
        "Husstande og frivilligtilbud over tid: vis forløbene med deres tilstand på en dag eller deres hændelser, foreslå en gemt kørsels match, registrér et skridt, afslut et forløb",
    ),
    (
        "List the relationships with their state on a day",
        "Vis forløbene med deres tilstand på en dag",
    ),
    (
        "List every event of every relationship",
        "Vis alle hændelser i alle forløb",
    ),
    (
        "Propose every match of a stored run as a relationship, all or nothing",
        "Foreslå hvert match i en gemt kørsel som et forløb, alle eller ingen",
    ),
    (
        "Record a step of a relationship: accepted, declined (with --side), withdrawn, started or check_in (with --outcome)",
        "Registrér et skridt i et forløb: accepted (accepteret), declined (afslået, med --side), withdrawn (trukket tilbage), started (startet) eller check_in (opfølgning, med --outcome)",
    ),
    (
        "End a running relationship with a reason: moved_away, did_not_click, volunteer_stopped, household_stopped, goal_reached, consent_withdrawn or other",
        "Afslut et forløb med en årsag: moved_away (flyttet), did_not_click (kemien passede ikke), volunteer_stopped (den frivillige stoppede), household_stopped (husstanden ville stoppe), goal_reached (målet er nået), consent_withdrawn (samtykket trukket tilbage) eller other (anden årsag)",
    ),
    (
        "A dossier JSON file or store (or use --example); `-` reads standard input",
        "En dossierfil i JSON eller et lager (eller brug --example); `-` læser standardinput",
    ),
    (
        "The dossier JSON file or store; `-` reads it from standard input and writes it, changed, to standard output",
        "Dossierfilen i JSON eller lageret; `-` læser det fra standardinput og skriver det, ændret, til standardoutput",
    ),
    ("The stored run", "Den gemte kørsel"),
    ("The day (YYYY-MM-DD)", "Dagen (ÅÅÅÅ-MM-DD)"),
    ("The relationship", "Forløbet"),
    (
        "The step: accepted, declined, withdrawn, started or check_in",
        "Skridtet: accepted, declined, withdrawn, started eller check_in",
    ),
    (
        "Whose answer: household or volunteer (accepted, declined)",
        "Hvis svar: household (husstanden) eller volunteer (den frivillige) (accepted, declined)",
    ),
    (
        "How it goes: going, needs_support or not_meeting (check_in)",
        "Hvordan det går: going (godt), needs_support (brug for støtte) eller not_meeting (mødes ikke) (check_in)",
    ),
    ("The post that records it", "Den post, der registrerer det"),
    ("Why it ended", "Hvorfor det sluttede"),
    (
        "Whether the household waits for a new match (default: as the reason suggests)",
        "Om husstanden venter på et nyt match (standard: som årsagen tilsiger)",
    ),
];

/// Value names in usage and option lines: `(English, Danish)`.
pub(crate) const VALUE_NAMES: &[(&str, &str)] = &[
    ("FILE", "FIL"),
    ("EXAMPLE", "EKSEMPEL"),
    ("AS_OF", "DATO"),
    ("OUT", "UD"),
    ("AGREEMENT", "AFTALE"),
    ("KIND", "ART"),
    ("TEMPLATE", "SKABELON"),
    ("FORMAT", "FORMAT"),
    ("NEWCOMERS", "NYANKOMNE"),
    ("OFFERS", "TILBUD"),
    ("RULES", "REGLER"),
    ("DOSSIER", "DOSSIER"),
    ("COHORT", "KOHORTE"),
    ("RULE_SET", "REGELSÆT"),
    ("SOLVER", "LØSER"),
    ("RANKING", "RANGERING"),
    ("RUN_ID", "KØRSEL"),
    ("DAYS", "DAGE"),
    ("ONLY", "SLAGS"),
    ("VERSION", "VERSION"),
    ("NAME", "NAVN"),
    ("ID", "ID"),
    ("LANG", "SPROG"),
    ("WHAT", "HVAD"),
    ("STORE", "LAGER"),
    ("COLLECTION", "SAMLING"),
    ("ENTITY", "ELEMENT"),
    ("NEWCOMER", "HUSSTAND"),
    ("PERSON", "PERSON"),
    ("ON", "DATO"),
    ("SINCE", "NR"),
    ("CHANGES", "ÆNDRINGER"),
    ("CSV", "CSV"),
    ("SEARCH", "TEKST"),
    ("LANGUAGE", "SPROGKODE"),
    ("RUN", "KØRSEL"),
    ("EVENT", "HÆNDELSE"),
    ("SIDE", "SIDE"),
    ("OUTCOME", "UDFALD"),
    ("BY", "AF"),
    ("REASON", "ÅRSAG"),
    ("REMATCH", "NYT_MATCH"),
    ("PREVIOUS_PARTNER", "TIDLIGERE_PARTNER"),
    ("ALTERNATIVES", "ANTAL"),
    ("NEWCOMER:OFFER", "HUSSTAND:TILBUD"),
    ("SURVEY", "RUNDE"),
    ("BEFORE", "FØR"),
    ("MIN_CELL", "MINDST"),
];
