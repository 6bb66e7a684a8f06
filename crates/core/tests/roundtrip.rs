#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The dossier file format is lossless: any dossier written and read back is the same dossier,
//! and reading never panics, whatever the input.

mod common;

use brobygger::{Dossier, Example};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_dossier_survives_json(d in common::dossier()) {
        let json = d.to_json().unwrap();
        let back = Dossier::from_json(&json).unwrap();
        prop_assert_eq!(&back, &d);
        // Writing again gives the same bytes: the format is canonical.
        prop_assert_eq!(back.to_json().unwrap(), json);
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = Dossier::from_json_bytes(&bytes);
    }

    #[test]
    fn truncated_examples_are_errors_not_panics(cut in 0usize..60_000, which in 0usize..3) {
        let json = Example::ALL[which].json();
        let cut = cut.min(json.len());
        let mut end = cut;
        while !json.is_char_boundary(end) { end -= 1; }
        let r = Dossier::from_json(&json[..end]);
        if end < json.trim_end().len() {
            prop_assert!(r.is_err());
        }
    }

    #[test]
    fn corrupted_examples_never_panic(pos in 0usize..60_000, byte in any::<u8>(), which in 0usize..3) {
        let mut bytes = Example::ALL[which].json().as_bytes().to_vec();
        let pos = pos % bytes.len();
        bytes[pos] = byte;
        if let Ok(d) = Dossier::from_json_bytes(&bytes) {
            // Whatever was read validates without panicking and writes back out.
            let _ = d.validate();
            let _ = d.summary(brobygger::Lang::En);
            prop_assert!(d.to_json().is_ok());
        }
    }
}

#[test]
fn examples_round_trip_losslessly() {
    for e in Example::ALL {
        let d = e.dossier().unwrap();
        assert_eq!(
            Dossier::from_json(&d.to_json().unwrap()).unwrap(),
            d,
            "{}",
            e.name()
        );
    }
}

#[test]
fn deeply_nested_input_is_an_error_not_a_stack_overflow() {
    let json = format!(
        "{{\"schema_version\": 1, \"title\": {}1{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(Dossier::from_json(&json).is_err());
}
