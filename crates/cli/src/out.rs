//! Writing to standard output without panicking, and the command's failures.
//!
//! `println!` panics when the reader goes away (`brobygger schema | head`); every line goes
//! through [`write`] instead, and a closed pipe ends the command quietly.

use brobygger::BrobyggerError;
use std::io::Write;

/// Why a command stopped early.
#[derive(Debug)]
pub(crate) enum Failure {
    /// A library error: its code decides the exit code.
    Lib(BrobyggerError),
    /// The reader of standard output went away; nothing more to say.
    BrokenPipe,
    /// Errors in the data, already put into words: a message and one line per problem
    /// (exit code 1).
    Data {
        /// What failed, e.g. `nyankomne.csv: 3 fejl`.
        message: String,
        /// One line per problem.
        lines: Vec<String>,
    },
}

impl From<BrobyggerError> for Failure {
    fn from(e: BrobyggerError) -> Self {
        Failure::Lib(e)
    }
}

/// The result of a command: its exit code, or why it stopped.
pub(crate) type Outcome = Result<std::process::ExitCode, Failure>;

/// Writes `s` to standard output.
pub(crate) fn write(s: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::BrokenPipe),
        Err(e) => Err(Failure::Lib(BrobyggerError::invalid_input(
            brobygger::UsageCode::Write,
            "stdout",
            e.kind().to_string(),
        ))),
    }
}

/// Writes a file atomically (a temporary file in the same folder, synced and renamed: a
/// failure leaves the old file as it was and no temporary file), keeping its permissions and a
/// symbolic link. Refuses to replace any of `inputs`, the files the command read.
pub(crate) fn write_file(
    path: &std::path::Path,
    contents: &str,
    inputs: &[&std::path::Path],
) -> Result<(), Failure> {
    write_bytes(path, contents.as_bytes(), inputs)
}

/// As [`write_file`] for bytes (a workbook); `-` writes to standard output.
pub(crate) fn write_bytes(
    path: &std::path::Path,
    contents: &[u8],
    inputs: &[&std::path::Path],
) -> Result<(), Failure> {
    if crate::inputs::is_dash(path) {
        let mut out = std::io::stdout().lock();
        return match out.write_all(contents).and_then(|()| out.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::BrokenPipe),
            Err(e) => Err(Failure::Lib(BrobyggerError::invalid_input(
                brobygger::UsageCode::Write,
                "stdout",
                e.kind().to_string(),
            ))),
        };
    }
    for input in inputs {
        brobygger::refuse_same_file(input, path).map_err(|e| Failure::Lib(e.into()))?;
    }
    brobygger::write_atomic(path, contents).map_err(|e| Failure::Lib(e.into()))
}

/// Writes a line to standard error, ignoring a closed stream (`eprintln!` would panic).
pub(crate) fn err_line(s: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err
        .write_all(s.as_bytes())
        .and_then(|()| err.write_all(b"\n"));
}

/// `eprintln!` that never panics.
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::out::err_line(&format!($($arg)*))
    };
}

/// `println!` that stops the command quietly when standard output is closed.
macro_rules! outln {
    () => {
        $crate::out::write("\n")?
    };
    ($($arg:tt)*) => {
        $crate::out::write(&format!("{}\n", format_args!($($arg)*)))?
    };
}

/// `print!` that stops the command quietly when standard output is closed.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::out::write(&format!($($arg)*))?
    };
}

pub(crate) use {errln, out, outln};
