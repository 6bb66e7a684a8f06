//! The few conversions the mobile API needs: remote types borrowed from the core, and lock
//! access that never panics.

use brobygger::{BrobyggerError, Timestamp, chrono};
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

// Dates and instants are registered once, in the core; this component borrows them.
uniffi::use_remote_type!(brobygger::chrono::NaiveDate);
uniffi::use_remote_type!(brobygger::Timestamp);

/// The error every call on a poisoned handle gets. A lock is poisoned only when a change panicked
/// half-way (a bug in the library): the dossier may then be half-written, so the handle refuses
/// to hand it out instead of guessing. The app reloads the dossier from its last saved JSON.
fn poisoned() -> BrobyggerError {
    BrobyggerError::internal(
        brobygger::InternalCode::PoisonedHandle,
        "an earlier change to this dossier failed inside the library; reload the dossier",
    )
}

/// Reads through a lock; a poisoned lock is an `Internal` error, never a panic.
pub(crate) fn read<T>(lock: &RwLock<T>) -> Result<RwLockReadGuard<'_, T>, BrobyggerError> {
    lock.read().map_err(|_| poisoned())
}

/// Writes through a lock; a poisoned lock is an `Internal` error, never a panic.
pub(crate) fn write<T>(lock: &RwLock<T>) -> Result<RwLockWriteGuard<'_, T>, BrobyggerError> {
    lock.write().map_err(|_| poisoned())
}

#[cfg(feature = "test-hooks")]
#[allow(clippy::panic)]
pub(crate) fn force_panic() -> Result<(), BrobyggerError> {
    panic!("self-test panic from brobygger-mobile")
}

#[cfg(test)]
mod tests {
    use super::*;
    use brobygger::chrono::NaiveDate;
    use std::sync::Arc;

    #[test]
    fn a_poisoned_lock_is_an_internal_error_not_a_panic() {
        let lock = Arc::new(RwLock::new(1_u32));
        let l2 = Arc::clone(&lock);
        let _ = std::thread::spawn(move || {
            let _g = l2.write();
            #[allow(clippy::panic)]
            {
                panic!("poison");
            }
        })
        .join();
        let e = read(&lock).err().map(|e| e.code().to_owned());
        assert_eq!(e.as_deref(), Some("internal.poisoned_handle"));
        assert!(write(&lock).is_err());
    }

    fn lift_date(s: &str) -> Result<NaiveDate, Option<BrobyggerError>> {
        use uniffi::{FfiConverter, Lift};
        let buf = <String as FfiConverter<brobygger::UniFfiTag>>::lower(s.to_owned());
        <NaiveDate as Lift<brobygger::UniFfiTag>>::try_lift(buf)
            .map_err(|e| e.downcast::<BrobyggerError>().ok())
    }

    #[test]
    fn a_bad_date_string_lifts_into_a_typed_parse_error() {
        assert_eq!(
            lift_date("2016-02-29").ok(),
            NaiveDate::from_ymd_opt(2016, 2, 29)
        );
        for bad in [
            "2015-02-29",
            "29-02-2016",
            "",
            "+999999999-12-31",
            "2016-1-1x",
        ] {
            match lift_date(bad) {
                Err(Some(BrobyggerError::Parse { code, reason, .. })) => {
                    assert_eq!(code, "input.bad_date", "{bad}");
                    assert!(bad.is_empty() || !reason.contains(bad), "{bad}");
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
    }

    #[test]
    fn an_instant_beyond_chronos_range_lifts_into_a_typed_parse_error() {
        use std::time::{Duration, SystemTime, UNIX_EPOCH};
        use uniffi::{FfiConverter, Lift};
        let lift = |t: SystemTime| {
            let buf = <SystemTime as FfiConverter<brobygger::UniFfiTag>>::lower(t);
            <Timestamp as Lift<brobygger::UniFfiTag>>::try_lift(buf).map_err(|e| {
                e.downcast::<BrobyggerError>()
                    .ok()
                    .map(|e| e.code().to_owned())
            })
        };
        // Java's Instant.MAX and MIN: +1000000000-12-31T23:59:59.999999999Z and its negative.
        let far = Duration::new(31_556_889_864_403_199, 999_999_999);
        assert_eq!(
            lift(UNIX_EPOCH + far).err(),
            Some(Some("input.bad_instant".to_owned()))
        );
        assert_eq!(
            lift(UNIX_EPOCH - far).err(),
            Some(Some("input.bad_instant".to_owned()))
        );
        let before = UNIX_EPOCH - Duration::new(1, 250_000_000);
        assert_eq!(
            lift(before).ok().map(|t| t.to_rfc3339()),
            Some("1969-12-31T23:59:58.750+00:00".to_owned())
        );
    }
}
