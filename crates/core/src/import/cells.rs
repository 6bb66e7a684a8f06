//! Reading one cell: dates, numbers, coordinates and the multi-valued cells (languages, needs,
//! availability, preferences, lists of ids). A cell that cannot be read gives a [`Bad`] with a
//! code and a text saying what is expected, never the value itself.

use super::csv::ImportCode;
use super::words::{self, Word};
use crate::actors::PartyRef;
use crate::agreement::TimeOfDay;
use crate::i18n::{Lang, Text, Vocabulary};
use crate::ids::is_well_formed;
#[cfg(test)]
use crate::matching::model::profile::{Gender, OfferKind};
use crate::matching::model::profile::{
    LanguageLevel, LanguageSkill, Need, Preference, Slot, Weekday, is_language_code, language_code,
};
use crate::matching::model::seats::{SeatKind, SeatNeed, Seats};
use crate::privacy::model::basis::LegalBasis;
use chrono::NaiveDate;

/// Why a cell (or one item of it) cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bad {
    pub(crate) code: ImportCode,
    pub(crate) text: Text,
}

pub(crate) fn bad(code: ImportCode, da: impl Into<String>, en: impl Into<String>) -> Bad {
    Bad {
        code,
        text: Text::new(da, en),
    }
}

/// The items of a multi-valued cell, `;`-separated, trimmed, empty ones skipped, each with its
/// 1-based position for messages.
pub(crate) fn items(cell: &str) -> impl Iterator<Item = (usize, &str)> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .enumerate()
        .map(|(i, s)| (i + 1, s))
}

/// Prefixes a message about one item of a multi-valued cell with its position.
pub(crate) fn at_item(n: usize, b: Bad) -> Bad {
    Bad {
        code: b.code,
        text: Text::new(
            format!("Element {n}: {}", b.text.da),
            format!("Item {n}: {}", b.text.en),
        ),
    }
}

/// `YYYY-MM-DD`, or the day-first forms Danish spreadsheets show: `DD-MM-YYYY`, `DD.MM.YYYY`.
pub(crate) fn date(s: &str) -> Result<NaiveDate, Bad> {
    crate::time::parse_date(s).ok_or_else(|| {
            bad(
                ImportCode::InvalidDate,
                "Datoen skal skrives ÅÅÅÅ-MM-DD (DD-MM-ÅÅÅÅ og DD.MM.ÅÅÅÅ læses også) og findes i kalenderen.",
                "The date must be written YYYY-MM-DD (DD-MM-YYYY and DD.MM.YYYY are read too) and exist in the calendar.",
            )
        })
}

/// A whole number from 0 up.
pub(crate) fn count(s: &str) -> Result<u32, Bad> {
    s.trim().parse::<u32>().map_err(|_| {
        bad(
            ImportCode::InvalidNumber,
            "Værdien skal være et helt tal fra 0 og op.",
            "The value must be a whole number from 0 up.",
        )
    })
}

/// A number of degrees, with a decimal point or a decimal comma.
pub(crate) fn degrees(s: &str) -> Result<f64, Bad> {
    let s = s.trim();
    let normal = if s.contains('.') {
        s.to_owned()
    } else {
        s.replacen(',', ".", 1)
    };
    match normal.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(bad(
            ImportCode::InvalidCoordinates,
            "Koordinaten skal være et tal i grader, fx 56.1268 eller 56,1268.",
            "The coordinate must be a number of degrees, e.g. 56.1268 or 56,1268.",
        )),
    }
}

/// An id as the model writes them (letters, digits, `.`, `_`, `:`, `-`; at most 128).
pub(crate) fn id(s: &str) -> Result<String, Bad> {
    let s = s.trim();
    if is_well_formed(s) {
        Ok(s.to_owned())
    } else {
        Err(bad(
            ImportCode::InvalidId,
            "Id'et skal være 1–128 tegn blandt A–Z, a–z, 0–9, '.', '_', ':' og '-' og starte med et bogstav eller tal.",
            "The id must be 1–128 characters from A–Z, a–z, 0–9, '.', '_', ':' and '-', starting with a letter or digit.",
        ))
    }
}

/// A profile attribute a consent or basis may name: `newcomer.<field>` or `offer.<field>` of a
/// field the profiles have (`newcomer.preferences`, `offer.credentials`), any case.
pub(crate) fn attribute(s: &str) -> Result<String, Bad> {
    let a = s.trim().to_ascii_lowercase();
    if crate::matching::model::rules::attribute_class(&a).is_some() {
        Ok(a)
    } else {
        Err(bad(
            ImportCode::UnknownValue,
            "Oplysningen skal skrives newcomer.<felt> eller offer.<felt> med et felt, profilerne har, fx newcomer.preferences eller offer.credentials.",
            "The attribute must be written newcomer.<field> or offer.<field> with a field the profiles have, e.g. newcomer.preferences or offer.credentials.",
        ))
    }
}

/// A legal basis for matching other than consent (a consent has its own columns).
pub(crate) fn basis(s: &str) -> Result<LegalBasis, Bad> {
    let b = vocab::<LegalBasis>(s)?;
    if b == LegalBasis::Consent || !b.fits(crate::privacy::model::basis::Purpose::Matching) {
        let all: Vec<String> = vocab_names::<LegalBasis>()
            .into_iter()
            .filter(|k| {
                vocab::<LegalBasis>(k).is_ok_and(|b| {
                    b != LegalBasis::Consent
                        && b.fits(crate::privacy::model::basis::Purpose::Matching)
                })
            })
            .collect();
        let all = all.join(", ");
        return Err(bad(
            ImportCode::UnknownValue,
            format!(
                "Hjemlen skal være en af: {all} (et samtykke skrives i kolonnerne consent_given_on og consent_attributes)."
            ),
            format!(
                "The basis must be one of: {all} (a consent goes in the columns consent_given_on and consent_attributes)."
            ),
        ));
    }
    Ok(b)
}

/// A value of a closed vocabulary by its file name, any case.
pub(crate) fn vocab<T: Vocabulary + serde::de::DeserializeOwned>(s: &str) -> Result<T, Bad> {
    let key = s.trim().to_ascii_lowercase();
    serde_json::from_value::<T>(serde_json::Value::String(key)).map_err(|_| {
        let all = vocab_names::<T>().join(", ");
        bad(
            ImportCode::UnknownValue,
            format!("Værdien skal være en af: {all}."),
            format!("The value must be one of: {all}."),
        )
    })
}

/// The file names of a vocabulary's values.
pub(crate) fn vocab_names<T: Vocabulary>() -> Vec<String> {
    T::values()
        .iter()
        .filter_map(|v| match serde_json::to_value(v) {
            Ok(serde_json::Value::String(s)) => Some(s),
            _ => None,
        })
        .collect()
}

/// A vocabulary value as written in files.
pub(crate) fn vocab_key<T: Vocabulary>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A value of a closed vocabulary by any of its spellings ([`words`]: the file key, the Danish
/// word, common other forms), any case, with `_`, `-` and spaces alike.
pub(crate) fn word<T: serde::de::DeserializeOwned>(
    table: &'static [Word],
    s: &str,
) -> Result<T, Bad> {
    words::find(table, s)
        .and_then(|w| serde_json::from_value::<T>(serde_json::Value::String(w.key.into())).ok())
        .ok_or_else(|| {
            bad(
                ImportCode::UnknownValue,
                format!(
                    "Værdien skal være en af: {}.",
                    words::listed(table, Lang::Da)
                ),
                format!(
                    "The value must be one of: {}.",
                    words::listed(table, Lang::En)
                ),
            )
        })
}

/// A vocabulary value as written in a sheet: its file key, or its word in `lang`.
pub(crate) fn written<T: Vocabulary>(table: &'static [Word], v: &T, lang: Option<Lang>) -> String {
    let key = vocab_key(v);
    match words::by_key(table, &key) {
        Some(w) => w.written(lang).to_owned(),
        None => key,
    }
}

/// `A1` … `C2` or `native` (`modersmål`, `flydende`, `begynder`, ...), any case.
pub(crate) fn level(s: &str) -> Option<LanguageLevel> {
    Some(match words::find(words::LEVELS, s)?.key {
        "A1" => LanguageLevel::A1,
        "A2" => LanguageLevel::A2,
        "B1" => LanguageLevel::B1,
        "B2" => LanguageLevel::B2,
        "C1" => LanguageLevel::C1,
        "C2" => LanguageLevel::C2,
        "native" => LanguageLevel::Native,
        _ => return None,
    })
}

/// `code:level`, the language by its ISO 639 code or its Danish or English name
/// (`arabisk:modersmål`).
pub(crate) fn language(item: &str) -> Result<LanguageSkill, Bad> {
    let bad_item = || {
        bad(
            ImportCode::InvalidLanguage,
            "Skriv sprog:niveau med en ISO 639-kode på 2 eller 3 bogstaver (eller sprogets navn) og et niveau A1–C2, begynder, flydende eller modersmål, fx ar:modersmål.",
            "Write language:level with an ISO 639 code of 2 or 3 letters (or the language's name) and a level A1–C2 or native, e.g. ar:native.",
        )
    };
    let (code, lvl) = item.split_once(':').ok_or_else(bad_item)?;
    let code = code.trim().to_lowercase();
    let code = if is_language_code(&code) {
        code
    } else {
        language_code(&code).ok_or_else(bad_item)?.to_owned()
    };
    let level = level(lvl).ok_or_else(bad_item)?;
    Ok(LanguageSkill::new(code, level))
}

/// A language skill as written in a sheet: `ar:native`, in Danish `ar:modersmål`.
pub(crate) fn language_key(s: &LanguageSkill, lang: Option<Lang>) -> String {
    let level =
        words::by_key(words::LEVELS, s.level.code()).map_or(s.level.code(), |w| w.written(lang));
    format!("{}:{level}", s.language)
}

/// A standard need by any of its spellings, or `custom:<id>` (`eget:<id>`).
pub(crate) fn need(item: &str) -> Result<Need, Bad> {
    let key = item.trim();
    let custom = key
        .split_once(':')
        .filter(|(p, _)| matches!(p.trim().to_lowercase().as_str(), "custom" | "eget"));
    if let Some((_, id)) = custom {
        let id = id.trim();
        return if is_well_formed(id) {
            Ok(Need::Custom { id: id.to_owned() })
        } else {
            Err(bad(
                ImportCode::InvalidId,
                "Et eget behov skrives eget:<id> (eller custom:<id>), hvor id'et er bogstaver, tal, '.', '_' og '-'.",
                "A custom need is written custom:<id>, where the id is letters, digits, '.', '_' and '-'.",
            ))
        };
    }
    words::find(words::NEEDS, key)
        .and_then(|w| Need::STANDARD.iter().find(|n| n.key() == w.key))
        .cloned()
        .ok_or_else(|| {
            bad(
                ImportCode::UnknownValue,
                format!(
                    "Behovet skal være et af: {}, eller eget:<id>.",
                    words::listed(words::NEEDS, Lang::Da)
                ),
                format!(
                    "The need must be one of: {}, or custom:<id>.",
                    words::listed(words::NEEDS, Lang::En)
                ),
            )
        })
}

/// A need as written in a sheet: its file key (`custom:<id>`), or its Danish word (`eget:<id>`).
pub(crate) fn need_key(n: &Need, lang: Option<Lang>) -> String {
    match n {
        Need::Custom { id } if lang == Some(Lang::Da) => format!("eget:{id}"),
        Need::Custom { id } => format!("custom:{id}"),
        other => words::by_key(words::NEEDS, other.key())
            .map_or(other.key(), |w| w.written(lang))
            .to_owned(),
    }
}

/// `day:time`, each in Danish or English, any case, days also by their short forms
/// (`lørdag:dag`, `Sat:daytime`).
pub(crate) fn slot(item: &str) -> Result<Slot, Bad> {
    let bad_item = || {
        bad(
            ImportCode::InvalidSlot,
            format!(
                "Skriv dag:tidspunkt med en ugedag ({}) og et tidspunkt ({}), fx mandag:aften.",
                words::listed(words::WEEKDAYS, Lang::Da),
                words::listed(words::DAY_PARTS, Lang::Da)
            ),
            format!(
                "Write day:time with a weekday ({}) and a time of day ({}), e.g. monday:evening.",
                words::listed(words::WEEKDAYS, Lang::En),
                words::listed(words::DAY_PARTS, Lang::En)
            ),
        )
    };
    let (day, time) = item.split_once(':').ok_or_else(bad_item)?;
    let day: Weekday = word(words::WEEKDAYS, day).map_err(|_| bad_item())?;
    let time: TimeOfDay = word(words::DAY_PARTS, time).map_err(|_| bad_item())?;
    Ok(Slot { day, time })
}

/// A slot as written in a sheet (`saturday:daytime`, in Danish `lørdag:dagtid`).
pub(crate) fn slot_key(s: &Slot, lang: Option<Lang>) -> String {
    format!(
        "{}:{}",
        written(words::WEEKDAYS, &s.day, lang),
        written(words::DAY_PARTS, &s.time, lang)
    )
}

/// `volunteer_gender:<gender>` or `offer_kind:<kind>`, in Danish or English
/// (`frivilligs køn:kvinde`).
pub(crate) fn preference(item: &str) -> Result<Preference, Bad> {
    let bad_item = || {
        bad(
            ImportCode::UnknownValue,
            format!(
                "Skriv frivilligs køn:<{}> eller tilbudstype:<{}>.",
                words::listed(words::GENDERS, Lang::Da).replace(", ", "|"),
                words::listed(words::OFFER_KINDS, Lang::Da).replace(", ", "|")
            ),
            "Write volunteer_gender:<female|male|other> or offer_kind:<contact_family|contact_person|language_mentor|job_mentor|activity>.",
        )
    };
    let (what, value) = item.split_once(':').ok_or_else(bad_item)?;
    match words::find(words::PREFERENCE_KINDS, what).map(|w| w.key) {
        Some("volunteer_gender") => Ok(Preference::VolunteerGender {
            gender: word(words::GENDERS, value).map_err(|_| bad_item())?,
        }),
        Some("offer_kind") => Ok(Preference::OfferKind {
            kind: word(words::OFFER_KINDS, value).map_err(|_| bad_item())?,
        }),
        _ => Err(bad_item()),
    }
}

/// A preference as written in a sheet.
pub(crate) fn preference_key(p: &Preference, lang: Option<Lang>) -> String {
    let kind = |key: &str| {
        words::by_key(words::PREFERENCE_KINDS, key)
            .map_or(key.to_owned(), |w| w.written(lang).to_owned())
    };
    match p {
        Preference::VolunteerGender { gender } => format!(
            "{}:{}",
            kind("volunteer_gender"),
            written(words::GENDERS, gender, lang)
        ),
        Preference::OfferKind { kind: k } => format!(
            "{}:{}",
            kind("offer_kind"),
            written(words::OFFER_KINDS, k, lang)
        ),
    }
}

/// A party key.
pub(crate) fn party(s: &str) -> Result<PartyRef, Bad> {
    let wrong = || {
        bad(
            ImportCode::InvalidParty,
            "Skriv parten som organisation:<id>, department:<kommune>/<afdeling> eller municipality:<id>.",
            "Write the party as organisation:<id>, department:<municipality>/<department> or municipality:<id>.",
        )
    };
    let s = s.trim();
    // An organisation's own id (`DK-LOCAL-…`, `DK-CVR-…`) names it, as a parties sheet writes it.
    let p = match PartyRef::parse_key(s) {
        Ok(p) => p,
        Err(_) if s.starts_with("DK-LOCAL-") || s.starts_with("DK-CVR-") => {
            PartyRef::Organisation {
                organisation: s.into(),
            }
        }
        Err(_) => return Err(wrong()),
    };
    let ok = match &p {
        PartyRef::Municipality { municipality } => is_well_formed(municipality.as_str()),
        PartyRef::Department {
            municipality,
            department,
        } => is_well_formed(municipality.as_str()) && is_well_formed(department.as_str()),
        PartyRef::Organisation { organisation } => is_well_formed(organisation.as_str()),
    };
    if ok { Ok(p) } else { Err(wrong()) }
}

/// Shortest text that reads back to the same number.
#[cfg(test)]
pub(crate) fn float_text(x: f64) -> String {
    format!("{x}")
}

/// A seat kind as written in files: `adults`, `children`, `school_places`, `people` or their
/// Danish words (`voksne`, `børn`, `skolepladser`, `personer`, [`words::SEAT_KINDS`]), or the
/// id of a custom kind.
fn seat_kind(s: &str) -> Result<SeatKind, Bad> {
    let s = s.trim();
    Ok(match words::find(words::SEAT_KINDS, s).map(|w| w.key) {
        Some("adults") => SeatKind::Adults,
        Some("children") => SeatKind::Children,
        Some("school_places") => SeatKind::SchoolPlaces,
        Some("people") => SeatKind::People,
        _ => SeatKind::Custom { id: id(s)? },
    })
}

/// A seat kind as files write it: its key, or its Danish word in Danish Excel form; a custom
/// kind by its id.
pub(crate) fn seat_key(k: &SeatKind, lang: Option<Lang>) -> String {
    let key = match k {
        SeatKind::Adults => "adults",
        SeatKind::Children => "children",
        SeatKind::SchoolPlaces => "school_places",
        SeatKind::People => "people",
        SeatKind::Custom { id } => return id.clone(),
    };
    words::by_key(words::SEAT_KINDS, key)
        .map_or_else(|| key.to_owned(), |w| w.written(lang).to_owned())
}

fn bad_seat() -> Bad {
    bad(
        ImportCode::UnknownValue,
        "Skriv slags:antal, fx rooms:2 eller children:3/1 (antal/optaget for et tilbud).",
        "Write kind:count, e.g. rooms:2 or children:3/1 (count/taken for an offer).",
    )
}

/// `kind:count`: seats of a kind a household needs.
pub(crate) fn seat_need(item: &str) -> Result<SeatNeed, Bad> {
    let (kind, n) = item.rsplit_once(':').ok_or_else(bad_seat)?;
    Ok(SeatNeed {
        seat: seat_kind(kind)?,
        count: count(n)?,
    })
}

/// `kind:capacity` or `kind:capacity/taken`: seats of a kind an offer has.
pub(crate) fn seats(item: &str) -> Result<Seats, Bad> {
    let (kind, n) = item.rsplit_once(':').ok_or_else(bad_seat)?;
    let (capacity, taken) = match n.split_once('/') {
        Some((c, t)) => (count(c)?, count(t)?),
        None => (count(n)?, 0),
    };
    Ok(Seats {
        seat: seat_kind(kind)?,
        capacity,
        taken,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_and_write_the_same_way() {
        assert_eq!(date("2016-01-11"), date("11-01-2016"));
        assert_eq!(date(" 11.01.2016 "), date("2016-01-11"));
        assert!(date("2016-02-30").is_err() && date("11/01/2016").is_err());
        assert_eq!(degrees("56,1268").ok(), Some(56.1268));
        assert_eq!(degrees("9.178").ok(), Some(9.178));
        assert!(degrees("NaN").is_err() && degrees("1,2,3").is_err());
        let l = language("AR:Native").ok();
        assert_eq!(l, Some(LanguageSkill::new("ar", LanguageLevel::Native)));
        assert!(language("klingon:native").is_err() && language("ar").is_err());
        assert_eq!(language("arabic:native"), language("ar:native"));
        assert_eq!(need("Homework_Help").ok(), Some(Need::HomeworkHelp));
        assert_eq!(
            need_key(&need("custom:bike-repair").unwrap(), None),
            "custom:bike-repair"
        );
        assert_eq!(
            need("social_netwrok").unwrap_err().code,
            ImportCode::UnknownValue
        );
        let s = slot("Sat:Daytime").unwrap();
        assert_eq!(slot_key(&s, None), "saturday:daytime");
        assert_eq!(slot_key(&s, Some(Lang::Da)), "lørdag:dagtid");
        assert_eq!(slot("lørdag:dag").ok(), Some(s));
        assert_eq!(need("kvindegruppe").ok(), Some(Need::WomensGroup));
        assert_eq!(need("Socialt netværk").ok(), Some(Need::SocialNetwork));
        assert_eq!(
            need("eget:cykler").ok(),
            Some(Need::Custom {
                id: "cykler".into()
            })
        );
        assert_eq!(
            language("ru:flydende").ok(),
            Some(LanguageSkill::new("ru", LanguageLevel::C1))
        );
        assert_eq!(
            language("Arabisk:Modersmål").ok(),
            Some(LanguageSkill::new("ar", LanguageLevel::Native))
        );
        assert_eq!(
            language_key(
                &LanguageSkill::new("ar", LanguageLevel::Native),
                Some(Lang::Da)
            ),
            "ar:modersmål"
        );
        assert!(slot("someday:evening").is_err() && slot("monday").is_err());
        let p = preference("volunteer_gender:female").unwrap();
        assert_eq!(preference_key(&p, None), "volunteer_gender:female");
        assert_eq!(preference("Frivilligs køn:Kvinde").ok(), Some(p.clone()));
        assert_eq!(preference_key(&p, Some(Lang::Da)), "frivilligs køn:kvinde");
        assert!(preference("religion:x").is_err());
        let items: Vec<(usize, &str)> = items(" a ;; b;").collect();
        assert_eq!(items, [(1, "a"), (2, "b")]);
        assert_eq!(float_text(56.1268), "56.1268");
        assert_eq!(
            vocab::<OfferKind>("Contact_Family").ok(),
            Some(OfferKind::ContactFamily)
        );
    }

    #[test]
    fn messages_never_repeat_the_value() {
        let secret = "Hajar-010190-1234";
        for b in [
            date(secret).unwrap_err(),
            count(secret).unwrap_err(),
            degrees(secret).unwrap_err(),
            id("Hajar Ahmed").unwrap_err(),
            language(secret).unwrap_err(),
            need(secret).unwrap_err(),
            slot(secret).unwrap_err(),
            preference(secret).unwrap_err(),
            party(secret).unwrap_err(),
            vocab::<Gender>(secret).unwrap_err(),
        ] {
            assert!(!b.text.da.contains("Hajar") && !b.text.en.contains("Hajar"));
            assert!(!b.text.en.contains("1234"));
        }
    }
}
