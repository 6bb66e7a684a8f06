//! Danish and English names of the common industry and interest ids profiles carry
//! (`care`, `football`), so a sentence in Danish says `pleje og omsorg`, not `care`.
//!
//! Industries and interests are open lists of ids: an id not named here is shown as written.

use crate::i18n::Lang;

/// `(id, Danish, English)`.
const TAGS: &[(&str, &str, &str)] = &[
    // industries
    ("agriculture", "landbrug", "agriculture"),
    ("care", "pleje og omsorg", "care"),
    ("childcare", "børnepasning", "childcare"),
    ("cleaning", "rengøring", "cleaning"),
    ("construction", "byggeri", "construction"),
    ("education", "undervisning", "education"),
    ("food", "fødevarer", "food"),
    ("health", "sundhed", "health"),
    ("hospitality", "hotel og restauration", "hospitality"),
    ("it", "it", "IT"),
    ("logistics", "lager og logistik", "logistics"),
    ("manufacturing", "industri", "manufacturing"),
    ("office", "kontorarbejde", "office work"),
    ("retail", "detailhandel", "retail"),
    ("transport", "transport", "transport"),
    // interests
    ("art", "kunst", "art"),
    ("chess", "skak", "chess"),
    ("cooking", "madlavning", "cooking"),
    ("crafts", "håndarbejde", "crafts"),
    ("cycling", "cykling", "cycling"),
    ("dance", "dans", "dance"),
    ("football", "fodbold", "football"),
    ("gardening", "havearbejde", "gardening"),
    ("handball", "håndbold", "handball"),
    ("music", "musik", "music"),
    ("reading", "læsning", "reading"),
    ("running", "løb", "running"),
    ("sewing", "syning", "sewing"),
    ("swimming", "svømning", "swimming"),
    ("walking", "gåture", "walking"),
];

/// Whether `id` is one of the industry or interest ids the library names (any case).
pub fn is_known_tag(id: &str) -> bool {
    let key = id.trim().to_lowercase();
    TAGS.iter().any(|(k, _, _)| *k == key)
}

/// The name of an industry or interest id in `lang`; an id not named here as written.
pub fn tag_label(id: &str, lang: Lang) -> String {
    let key = id.trim().to_lowercase();
    TAGS.iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, da, en)| match lang {
            Lang::Da => (*da).to_owned(),
            Lang::En => (*en).to_owned(),
        })
        .unwrap_or_else(|| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ids_have_names_and_others_stay() {
        assert_eq!(tag_label("care", Lang::Da), "pleje og omsorg");
        assert_eq!(tag_label("Football", Lang::Da), "fodbold");
        assert_eq!(tag_label("care", Lang::En), "care");
        assert_eq!(tag_label("beekeeping", Lang::Da), "beekeeping");
        let mut ids: Vec<&str> = TAGS.iter().map(|t| t.0).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), TAGS.len());
    }
}
