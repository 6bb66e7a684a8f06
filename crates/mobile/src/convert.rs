//! The few conversions the mobile API needs: remote types borrowed from the core, and lock
//! access that never panics.

use brobygger::{Timestamp, chrono};
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

// Dates and instants are registered once, in the core; this component borrows them.
uniffi::use_remote_type!(brobygger::chrono::NaiveDate);
uniffi::use_remote_type!(brobygger::Timestamp);

/// Reads through a lock, recovering the data if another thread panicked while holding it
/// (the data is only replaced whole, so it is never half-written).
pub(crate) fn read<T>(lock: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(|e| e.into_inner())
}

/// Writes through a lock, recovering like [`read`].
pub(crate) fn write<T>(lock: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(|e| e.into_inner())
}

#[cfg(feature = "test-hooks")]
#[allow(clippy::panic)]
pub(crate) fn force_panic() -> Result<(), brobygger::BrobyggerError> {
    panic!("self-test panic from brobygger-mobile")
}
