//! Long calls off the caller's thread, as futures Kotlin awaits in a `suspend fun` and Swift in an
//! `async` function (ADR 0058).
//!
//! The work is CPU-bound and synchronous (the core has no async code), so no async runtime is
//! needed: each call runs on a thread of its own and completes a future that the app's executor
//! (a coroutine dispatcher, Swift's cooperative pool) polls through uniffi. The caller's thread is
//! free while the work runs. When the app stops waiting (a cancelled coroutine or task), uniffi
//! drops the future; dropping it raises the call's [`Cancel`] flag, so work that has not started
//! yet never starts, and work under way stops: the core's long loops look at the flag through a
//! [`brobygger::progress::Watch`] (ADR 0067) and return `Cancelled`, which nobody receives. A panic in the work is carried
//! back and re-raised where uniffi polls the future, so it arrives as the same `InternalException`
//! (Swift: a thrown error) as a panic in a blocking call. An app's
//! [`ProgressListener`](brobygger::progress::ProgressListener) hears the watch's updates on the
//! work's thread ([`Cancel::watch_with`], ADR 0071).

use brobygger::BrobyggerError;
use brobygger::progress::{ProgressListener, Watch};
use std::any::Any;
use std::future::Future;
use std::ops::ControlFlow;
use std::panic::{self, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};
use std::thread;

/// A call's outcome: what the work returned, or the payload of its panic.
type Outcome<T> = thread::Result<Result<T, BrobyggerError>>;

/// Whether the app still waits for a call. Shared by the future, its worker thread and the
/// core's watch of the work.
#[derive(Debug, Default)]
pub(crate) struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// True once the app has stopped waiting: the work's result would be thrown away.
    pub(crate) fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }

    /// The core's watch on this flag: the solvers, the import and the verification stop at
    /// their next look once the app stops waiting.
    pub(crate) fn watch(&self) -> Watch {
        Watch::default().with_flag(Arc::clone(&self.0))
    }

    /// The watch, and the app's listener hears its updates (ADR 0071). What the listener throws
    /// is dropped unread and the work goes on: progress is for the eye, and a failing progress
    /// bar must not cost a finished match or roll back an import. The exception's text (its
    /// stack trace, which may hold the app's data) is neither kept nor logged. Stopping is the
    /// coroutine's or the task's cancellation, which raises this flag.
    pub(crate) fn watch_with(&self, listener: Option<Box<dyn ProgressListener>>) -> Watch {
        match listener {
            None => self.watch(),
            Some(listener) => self.watch().on_progress(move |update| {
                let _ignored = listener.on_progress(update);
                ControlFlow::Continue(())
            }),
        }
    }
}

struct Slot<T> {
    outcome: Option<Outcome<T>>,
    waker: Option<Waker>,
}

struct Shared<T> {
    slot: Mutex<Slot<T>>,
    cancel: Cancel,
}

impl<T> Shared<T> {
    /// The slot; nothing panics while holding it, so a poisoned lock still holds a whole slot.
    fn slot(&self) -> MutexGuard<'_, Slot<T>> {
        self.slot.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn finish(&self, outcome: Outcome<T>) {
        let waker = {
            let mut slot = self.slot();
            slot.outcome = Some(outcome);
            slot.waker.take()
        };
        if let Some(w) = waker {
            w.wake();
        }
    }
}

/// The future of a call running on its own thread (see the module docs).
pub(crate) struct OffThread<T> {
    shared: Arc<Shared<T>>,
}

/// Runs `work` on a new thread and returns the future of its result. `work` is handed the call's
/// [`Cancel`] flag; it is not started at all when the app stopped waiting before the thread ran.
pub(crate) fn off_thread<T, F>(work: F) -> OffThread<T>
where
    T: Send + 'static,
    F: FnOnce(&Cancel) -> Result<T, BrobyggerError> + Send + 'static,
{
    let shared = Arc::new(Shared {
        slot: Mutex::new(Slot {
            outcome: None,
            waker: None,
        }),
        cancel: Cancel::default(),
    });
    let worker = Arc::clone(&shared);
    let spawned = thread::Builder::new()
        .name("brobygger-work".to_owned())
        .spawn(move || {
            if worker.cancel.is_cancelled() {
                return;
            }
            RUNNING.fetch_add(1, Ordering::SeqCst);
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| work(&worker.cancel)));
            RUNNING.fetch_sub(1, Ordering::SeqCst);
            worker.finish(outcome);
        });
    if let Err(e) = spawned {
        // The system refused a thread (out of memory or threads): report it the way uniffi
        // reports a failure inside the library, since no domain code was involved.
        let payload: Box<dyn Any + Send> = Box::new(format!(
            "brobygger-mobile: no thread could be started for the work: {e}"
        ));
        shared.finish(Err(payload));
    }
    OffThread { shared }
}

impl<T> Future for OffThread<T> {
    type Output = Result<T, BrobyggerError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut slot = self.shared.slot();
        match slot.outcome.take() {
            Some(Ok(result)) => Poll::Ready(result),
            // uniffi polls inside catch_unwind: the panic becomes the caller's InternalException.
            Some(Err(payload)) => {
                drop(slot);
                panic::resume_unwind(payload)
            }
            None => {
                slot.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

impl<T> Drop for OffThread<T> {
    /// The app stopped waiting (or the result was taken): the worker may stop.
    fn drop(&mut self) {
        self.shared.cancel.0.store(true, Ordering::Release);
    }
}

/// How many async calls' work is running on its thread now: the binding tests watch it fall to
/// zero when a cancelled match stops.
static RUNNING: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// The async calls whose work still runs on its thread (any twin: a match, a report, ...).
#[cfg(feature = "test-hooks")]
#[uniffi::export]
pub fn self_test_workers_running() -> u32 {
    RUNNING.load(Ordering::SeqCst)
}

/// How many calls of [`self_test_wait_until_cancelled`] are still working.
#[cfg(feature = "test-hooks")]
static WAITING: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// Works on a background thread until the caller stops waiting (at most a minute), looking at
/// the call's cancel flag as the core's long loops would; the binding tests use it with
/// [`self_test_workers_waiting`] to prove that cancelling a coroutine stops the work itself.
#[cfg(feature = "test-hooks")]
#[uniffi::export]
pub async fn self_test_wait_until_cancelled() -> Result<(), BrobyggerError> {
    off_thread(|cancel| {
        WAITING.fetch_add(1, Ordering::SeqCst);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while !cancel.is_cancelled() && std::time::Instant::now() < deadline {
            thread::sleep(std::time::Duration::from_millis(1));
        }
        WAITING.fetch_sub(1, Ordering::SeqCst);
        Ok(())
    })
    .await
}

/// The calls of `selfTestWaitUntilCancelled` whose work still runs.
#[cfg(feature = "test-hooks")]
#[uniffi::export]
pub fn self_test_workers_waiting() -> u32 {
    WAITING.load(Ordering::SeqCst)
}

/// Panics on the background thread; the binding tests use it to prove a panic in async work
/// arrives as an exception (`InternalException` in Kotlin), as a blocking call's does.
#[cfg(feature = "test-hooks")]
#[uniffi::export]
pub async fn self_test_panic_async() -> Result<(), BrobyggerError> {
    off_thread(|_| crate::convert::force_panic()).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::task::Wake;
    use std::time::Duration;

    /// A waker that sends on a channel, so a test can wait for the worker's wake-up.
    struct ChannelWaker(Mutex<mpsc::Sender<()>>);

    impl Wake for ChannelWaker {
        fn wake(self: Arc<Self>) {
            let _ = self.0.lock().map(|s| s.send(()));
        }
    }

    fn block_on<T>(mut f: OffThread<T>) -> Result<T, BrobyggerError> {
        let (tx, rx) = mpsc::channel();
        let waker = Waker::from(Arc::new(ChannelWaker(Mutex::new(tx))));
        let mut cx = Context::from_waker(&waker);
        loop {
            if let Poll::Ready(v) = Pin::new(&mut f).poll(&mut cx) {
                return v;
            }
            rx.recv_timeout(Duration::from_secs(30)).unwrap();
        }
    }

    #[test]
    fn the_work_runs_on_another_thread_and_its_result_arrives() {
        let caller = thread::current().id();
        let r = block_on(off_thread(move |_| Ok(thread::current().id() != caller)));
        assert!(r.unwrap());
    }

    #[test]
    fn an_error_arrives_as_the_error() {
        let r: Result<(), _> = block_on(off_thread(|_| {
            Err(BrobyggerError::internal(
                brobygger::InternalCode::Serialize,
                "x",
            ))
        }));
        assert_eq!(r.unwrap_err().code(), "internal.serialize");
    }

    #[test]
    fn a_panic_in_the_work_is_raised_where_the_future_is_polled() {
        let caught = panic::catch_unwind(|| {
            block_on(off_thread(|_| -> Result<(), BrobyggerError> {
                panic!("boom in the worker")
            }))
        });
        let payload = caught.unwrap_err();
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"boom in the worker"));
    }

    /// A listener that counts what it hears and fails every time, as an app's broken progress
    /// bar would (the error is what uniffi hands back for any exception the app throws).
    struct Failing(Arc<std::sync::atomic::AtomicU64>);

    impl ProgressListener for Failing {
        fn on_progress(&self, update: brobygger::progress::Progress) -> Result<(), BrobyggerError> {
            self.0.fetch_add(1, Ordering::SeqCst);
            Err(if update.done == 0 {
                BrobyggerError::cancelled()
            } else {
                BrobyggerError::internal(brobygger::InternalCode::AppCallback, "thrown")
            })
        }
    }

    #[test]
    fn a_listener_that_fails_is_heard_again_and_never_stops_the_work() {
        use brobygger::progress::Stage;
        let heard = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let cancel = Cancel::default();
        let watch = cancel.watch_with(Some(Box::new(Failing(Arc::clone(&heard)))));
        watch.start(Stage::Import, 3).unwrap();
        watch.finish(Stage::Import, 3).unwrap();
        watch.start(Stage::Verify, 2).unwrap();
        assert_eq!(heard.load(Ordering::SeqCst), 3);
        assert!(!cancel.is_cancelled() && !watch.is_cancelled());
        // The call's own cancellation still stops the work, and the listener hears no more.
        cancel.0.store(true, Ordering::Release);
        assert_eq!(
            watch.finish(Stage::Verify, 2).unwrap_err().code(),
            "work.cancelled"
        );
        assert_eq!(heard.load(Ordering::SeqCst), 3);
    }

    #[test]
    fn dropping_the_future_raises_the_flag_the_work_sees() {
        let (started_tx, started_rx) = mpsc::channel();
        let (stopped_tx, stopped_rx) = mpsc::channel();
        let f = off_thread(move |cancel| {
            started_tx.send(()).unwrap();
            while !cancel.is_cancelled() {
                thread::sleep(Duration::from_millis(1));
            }
            stopped_tx.send(()).unwrap();
            Ok(())
        });
        started_rx.recv_timeout(Duration::from_secs(30)).unwrap();
        drop(f);
        stopped_rx.recv_timeout(Duration::from_secs(30)).unwrap();
    }
}
