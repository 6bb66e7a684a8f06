//! Keyed pseudonyms for linking records across two systems without a national id or a name.
//!
//! A pseudonym is HMAC-SHA256 (RFC 2104, FIPS 180-4) of the subject's opaque id under a secret
//! key that belongs to one *domain* (e.g. `analysis-2016`, `link-municipality-red-cross`). The
//! two systems that must link records share that domain's key, compute the same pseudonym for
//! the same household, and nothing else: without the key a pseudonym cannot be reversed or
//! recomputed from a guessed id, and a key for one domain links nothing in another (the domain
//! is also part of the hashed message, so even a key reused by mistake gives other pseudonyms).
//!
//! Only opaque ids can be pseudonymised: a national id number or a name would make the
//! pseudonym a function of identifying data that anyone with the key could test guesses
//! against, so they are refused. The key never appears in `Debug`, `Display`, errors or
//! serialised data; it is wiped from memory when dropped.

use crate::privacy::model::codes::PrivacyError;
use crate::privacy::model::consent::Subject;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::fmt;
use zeroize::Zeroizing;

/// Shortest key accepted, in bytes (the HMAC-SHA256 output size; RFC 2104 section 3).
pub const MIN_KEY_BYTES: usize = 32;

/// A secret key for one pseudonymisation domain.
#[derive(Clone)]
pub struct PseudonymKey {
    domain: String,
    key: Zeroizing<Vec<u8>>,
}

impl fmt::Debug for PseudonymKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PseudonymKey")
            .field("domain", &self.domain)
            .field("key", &"<redacted>")
            .finish()
    }
}

/// A keyed pseudonym: 32 lower-case hex digits (128 bits of the HMAC).
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(transparent)]
pub struct Pseudonym(String);

impl Pseudonym {
    /// The pseudonym as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Pseudonym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn check_domain(domain: &str) -> Result<(), PrivacyError> {
    if crate::ids::is_well_formed(domain) {
        Ok(())
    } else {
        Err(PrivacyError::InvalidKey(
            "the domain must be 1–128 characters from A–Z a–z 0–9 . _ : -",
        ))
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

impl PseudonymKey {
    /// A fresh random key for `domain` (32 bytes from the operating system).
    pub fn generate(domain: &str) -> Result<Self, PrivacyError> {
        check_domain(domain)?;
        let mut key = Zeroizing::new(vec![0u8; MIN_KEY_BYTES]);
        getrandom::fill(&mut key).map_err(|_| {
            PrivacyError::InvalidKey("the operating system gave no random bytes for the key")
        })?;
        Ok(Self {
            domain: domain.to_owned(),
            key,
        })
    }

    /// A key for `domain` from its bytes (at least [`MIN_KEY_BYTES`]).
    pub fn from_bytes(domain: &str, bytes: &[u8]) -> Result<Self, PrivacyError> {
        check_domain(domain)?;
        if bytes.len() < MIN_KEY_BYTES {
            return Err(PrivacyError::InvalidKey(
                "the key must have at least 32 bytes",
            ));
        }
        Ok(Self {
            domain: domain.to_owned(),
            key: Zeroizing::new(bytes.to_vec()),
        })
    }

    /// A key for `domain` from hex (at least 64 hex digits), as stored in a secrets manager.
    pub fn from_hex(domain: &str, hex_key: &str) -> Result<Self, PrivacyError> {
        let s = hex_key.trim();
        if !s.len().is_multiple_of(2) || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(PrivacyError::InvalidKey("the key must be hex digits"));
        }
        let bytes: Zeroizing<Vec<u8>> = Zeroizing::new(
            (0..s.len())
                .step_by(2)
                .filter_map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
                .collect(),
        );
        Self::from_bytes(domain, &bytes)
    }

    /// The key as hex, for storing it in a secrets manager. Never log it.
    pub fn export_secret_hex(&self) -> String {
        hex(&self.key)
    }

    /// The domain.
    pub fn domain(&self) -> &str {
        &self.domain
    }

    fn mac(&self, kind: &str, id: &str) -> Result<Pseudonym, PrivacyError> {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key)
            .map_err(|_| PrivacyError::InvalidKey("the key cannot be used"))?;
        // Unit separators keep (domain, kind, id) unambiguous.
        mac.update(self.domain.as_bytes());
        mac.update(&[0x1f]);
        mac.update(kind.as_bytes());
        mac.update(&[0x1f]);
        mac.update(id.as_bytes());
        let out = mac.finalize().into_bytes();
        Ok(Pseudonym(hex(&out[..16])))
    }

    /// The pseudonym of a subject in this key's domain.
    pub fn pseudonym_of(&self, subject: &Subject) -> Result<Pseudonym, PrivacyError> {
        self.pseudonym(subject.kind(), subject.id())
    }

    /// The pseudonym of an opaque id of a kind (`newcomer`, `person`, `offer`, or a kind the
    /// two systems agree on). A national id number, a name or anything else that is not an
    /// opaque id is refused.
    pub fn pseudonym(&self, kind: &str, id: &str) -> Result<Pseudonym, PrivacyError> {
        if !crate::ids::is_well_formed(kind) {
            return Err(PrivacyError::InvalidParameter {
                field: "kind",
                reason: "the kind must be an id such as newcomer or person",
            });
        }
        if !crate::ids::is_well_formed(id) || crate::ids::id_looks_derived(id, "") {
            return Err(PrivacyError::NotAnOpaqueId);
        }
        self.mac(kind, id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_sha256_matches_rfc_4231_case_2() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(b"Jefe").unwrap();
        mac.update(b"what do ya want for nothing?");
        assert_eq!(
            hex(&mac.finalize().into_bytes()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn keys_are_per_domain_and_never_shown() {
        let bytes = [7u8; 32];
        let a = PseudonymKey::from_bytes("analysis", &bytes).unwrap();
        let b = PseudonymKey::from_bytes("linking", &bytes).unwrap();
        let s = Subject::newcomer("nc-3817-2204");
        assert_ne!(a.pseudonym_of(&s).unwrap(), b.pseudonym_of(&s).unwrap());
        assert_eq!(a.pseudonym_of(&s).unwrap(), a.pseudonym_of(&s).unwrap());
        assert_ne!(
            a.pseudonym("newcomer", "x-1").unwrap(),
            a.pseudonym("person", "x-1").unwrap()
        );
        let dbg = format!("{a:?}");
        assert!(!dbg.contains("0707") && !dbg.contains("7, 7") && dbg.contains("analysis"));
        assert_eq!(a.export_secret_hex(), "07".repeat(32));
        let again = PseudonymKey::from_hex("analysis", &a.export_secret_hex()).unwrap();
        assert_eq!(again.pseudonym_of(&s).unwrap(), a.pseudonym_of(&s).unwrap());
        assert_eq!(a.pseudonym_of(&s).unwrap().as_str().len(), 32);
    }

    #[test]
    fn national_ids_names_and_short_keys_are_refused() {
        let k = PseudonymKey::generate("analysis").unwrap();
        for bad in [
            "010190-1234",
            "0101901234",
            "Fatima Hansen",
            "",
            "p-0101901234",
        ] {
            assert_eq!(
                k.pseudonym("person", bad).unwrap_err().code(),
                "privacy.not_an_opaque_id",
                "{bad}"
            );
        }
        assert_eq!(
            PseudonymKey::from_bytes("analysis", &[1; 16])
                .unwrap_err()
                .code(),
            "privacy.invalid_key"
        );
        assert!(PseudonymKey::from_hex("analysis", "zz").is_err());
        assert!(PseudonymKey::generate("bad domain").is_err());
        assert_ne!(
            PseudonymKey::generate("a").unwrap().export_secret_hex(),
            PseudonymKey::generate("a").unwrap().export_secret_hex()
        );
    }
}
