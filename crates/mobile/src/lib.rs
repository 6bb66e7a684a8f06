//! spike
uniffi::setup_scaffolding!("brobygger_mobile");
use brobygger::{Thing, Kind, BrobyggerError};
uniffi::use_remote_type!(brobygger::chrono::NaiveDate);

/// make
#[uniffi::export]
pub fn make_thing(name: String, on: chrono::NaiveDate) -> Result<Thing, BrobyggerError> {
    if name.is_empty() { return Err(BrobyggerError::InvalidInput{path: "name".into(), reason: "empty".into()}) }
    Ok(Thing { name, on, kind: Kind::B })
}
