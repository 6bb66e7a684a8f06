//! A store shared between threads: what the Python and Kotlin/Swift bindings hold.
//!
//! A [`Store`] takes `&mut self` for every call, so Rust code cannot call it from inside its own
//! change. A binding hands one store to many threads behind a lock, and the app's function of an
//! `update` runs while that lock is held: a call on the same store from inside that function
//! would wait for itself forever. [`SharedStore`] refuses such a call with
//! [`StoreError::Reentrant`] (`store.reentrant`) instead; calls from other threads wait for the
//! change to end, as before. It also keeps the store's closing (Python's `close()`) in one place.

use crate::error::StoreError;
use crate::store::{Change, ChangeSummary, Store};
use brobygger::{BrobyggerError, Dossier};
use std::sync::{Mutex, MutexGuard};
use std::thread::ThreadId;

/// A [`Store`] behind a lock, for bindings that share it between threads.
#[derive(Debug)]
pub struct SharedStore {
    store: Mutex<Option<Store>>,
    /// The thread running an `update`'s function, while it runs.
    changing: Mutex<Option<ThreadId>>,
}

/// Clears the changing thread when the change ends, also by a panic.
struct Changing<'a>(&'a Mutex<Option<ThreadId>>);

impl Drop for Changing<'_> {
    fn drop(&mut self) {
        *relock(self.0) = None;
    }
}

/// The lock's value also after a panic while it was held: a panic inside a write rolled its
/// transaction back, so the connection is as it was before it.
fn relock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl SharedStore {
    /// Shares `store`.
    pub fn new(store: Store) -> Self {
        Self {
            store: Mutex::new(Some(store)),
            changing: Mutex::new(None),
        }
    }

    fn refuse_reentry(&self) -> Result<(), StoreError> {
        if *relock(&self.changing) == Some(std::thread::current().id()) {
            return Err(StoreError::Reentrant);
        }
        Ok(())
    }

    /// Runs `f` on the store, waiting for a call of another thread to end first. Refused with
    /// [`StoreError::Reentrant`] from inside this store's own change, and with
    /// [`StoreError::Closed`] once the store is closed.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.refuse_reentry()?;
        let mut guard = relock(&self.store);
        let store = guard.as_mut().ok_or(StoreError::Closed)?;
        f(store)
    }

    /// [`Store::update`] on the shared store: `operation` runs under the store's lock, and any
    /// call on this same store from inside it (on its thread) is refused with
    /// [`StoreError::Reentrant`] instead of waiting for itself.
    pub fn update<T>(
        &self,
        change: Change<'_>,
        operation: impl FnOnce(&mut Dossier) -> Result<T, BrobyggerError>,
    ) -> Result<(T, ChangeSummary), StoreError> {
        self.with(|store| {
            *relock(&self.changing) = Some(std::thread::current().id());
            let _clear = Changing(&self.changing);
            store.update(change, operation)
        })
    }

    /// Closes the store (after the call that holds it, if any); every later call is refused
    /// with [`StoreError::Closed`]. Closing a closed store does nothing; from inside a change it
    /// is refused with [`StoreError::Reentrant`].
    pub fn close(&self) -> Result<(), StoreError> {
        self.refuse_reentry()?;
        relock(&self.store).take();
        Ok(())
    }

    /// The file's path, without waiting (for a `repr`): `None` while another call holds the
    /// store, `Some(None)` once it is closed.
    pub fn try_path(&self) -> Option<Option<String>> {
        match self.store.try_lock() {
            Ok(guard) => Some(guard.as_ref().map(|s| s.path().to_owned())),
            Err(std::sync::TryLockError::Poisoned(p)) => {
                Some(p.into_inner().as_ref().map(|s| s.path().to_owned()))
            }
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_from_inside_a_change_is_refused_and_other_threads_wait() {
        let dir = std::env::temp_dir().join(format!("brobygger-shared-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let shared = std::sync::Arc::new(SharedStore::new(Store::open(dir.join("s.db")).unwrap()));
        let d = Dossier::example("ikast-brande").unwrap();
        shared
            .with(|s| s.import(&d, Change::new("a", "import")))
            .unwrap();
        let inner = std::cell::RefCell::new(None);
        let waiting = std::cell::RefCell::new(None);
        let other = std::sync::Arc::clone(&shared);
        let ((), _) = shared
            .update(Change::new("a", "rename"), |d| {
                d.title = "x".into();
                *inner.borrow_mut() = Some((
                    shared.with(|s| s.head()).unwrap_err().code(),
                    shared.close().unwrap_err().code(),
                ));
                // Another thread waits for the change instead of being refused.
                let waiter = std::thread::spawn(move || other.with(|s| s.head()));
                std::thread::sleep(std::time::Duration::from_millis(20));
                assert!(!waiter.is_finished());
                *waiting.borrow_mut() = Some(waiter);
                Ok(())
            })
            .unwrap();
        let waited = waiting.into_inner().unwrap().join().unwrap().unwrap();
        assert!(waited > 1);
        let (a, b) = inner.into_inner().unwrap();
        assert_eq!(
            (a.as_str(), b.as_str()),
            ("store.reentrant", "store.reentrant")
        );
        // After the change the same thread uses the store again.
        assert_eq!(shared.with(|s| s.dossier()).unwrap().title, "x");
        shared.close().unwrap();
        assert_eq!(
            shared.with(|s| s.head()).unwrap_err().code(),
            "store.closed"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
