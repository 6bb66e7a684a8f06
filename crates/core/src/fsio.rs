//! Safe file writes: every file the library, its bindings and the command line write goes
//! through [`write_atomic`] (or [`write_atomic_with`] for output written in pieces).
//!
//! A write either replaces the whole file or leaves the old one as it was, whatever happens
//! in between (a full disk, a killed process, a power cut):
//!
//! - the contents go to a temporary file in the same folder (so the rename below stays on one
//!   file system), created exclusively and readable only by its owner while it is written;
//! - the temporary file is flushed to the disk (`fsync`) before it is renamed over the target,
//!   and the folder is synced after, so the new name survives a power cut;
//! - an existing file keeps its permissions (a dossier kept at mode 600 stays 600) and, where
//!   the operating system lets us, its owner and group;
//! - a symbolic link is followed, and the file it points to is replaced: the link stays a link;
//! - on any failure, the temporary file is removed before the error is returned. A process
//!   killed in the middle cannot clean up after itself: on Linux and Android the next write to
//!   the same file removes temporary files left by processes that no longer run.
//!
//! [`same_file`] tells whether two paths name one file (a command's `--out` that would replace
//! its own input), and [`FileLock`] serialises read-modify-write cycles on one file between
//! processes (six commands that each add a run to the same dossier all keep their run).
//!
//! Reading is bounded: [`read_input`] reads a regular file of at most [`MAX_INPUT_BYTES`] and
//! refuses a FIFO, a device (`/dev/zero`) or a socket before reading a byte, so no input can
//! make a reader hang or grow without end.
//!
//! Errors name the path and the operating system's reason, never the contents.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

crate::code::codes! {
    /// Writing, reading or locking a file failed (the path is in the error, never the contents).
    pub enum FileCode in "file" {
        /// The folder (or, for reading and locking, the file) does not exist.
        NotFound = "file.not_found", error(InvalidInput),
            "Filen eller mappen findes ikke.",
            "The file or folder does not exist.";
        /// The operating system refused access.
        PermissionDenied = "file.permission_denied", error(InvalidInput),
            "Styresystemet giver ikke adgang til filen.",
            "The operating system denies access to the file.";
        /// The disk, a quota or a file-size limit is full; the old file is unchanged.
        StorageFull = "file.storage_full", error(InvalidInput),
            "Der er ikke plads (disken, en kvote eller en grænse for filstørrelse er nået); filen er uændret.",
            "There is no space left (the disk, a quota or a file-size limit is full); the file is unchanged.";
        /// The file system is mounted read-only.
        ReadOnly = "file.read_only", error(InvalidInput),
            "Filsystemet er skrivebeskyttet.",
            "The file system is read-only.";
        /// The path names a folder, or has no file name.
        NotAFile = "file.not_a_file", error(InvalidInput),
            "Stien er en mappe, ikke en fil.",
            "The path is a folder, not a file.";
        /// An output would replace the input it was made from.
        SameAsInput = "file.same_as_input", error(InvalidInput),
            "Uddata ville overskrive den fil, de er lavet af; vælg en anden fil.",
            "The output would replace the file it was made from; choose another file.";
        /// A symbolic link points at itself, or through more than 40 links.
        LinkLoop = "file.link_loop", error(InvalidInput),
            "Symbolske links peger i ring eller gennem for mange led.",
            "Symbolic links point in a circle or through too many levels.";
        /// Any other failure of the operating system.
        Io = "file.io", error(InvalidInput),
            "Filen kan ikke skrives, læses eller låses.",
            "The file cannot be written, read or locked.";
    }
}

/// Why a file could not be written, read or locked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {}", self.path(), self.reason())]
pub enum FileError {
    /// The folder (or, for reading and locking, the file) does not exist.
    NotFound {
        /// The path.
        path: String,
    },
    /// The operating system refused access.
    PermissionDenied {
        /// The path.
        path: String,
    },
    /// The disk, a quota or a file-size limit is full; the old file is unchanged.
    StorageFull {
        /// The path.
        path: String,
    },
    /// The file system is mounted read-only.
    ReadOnly {
        /// The path.
        path: String,
    },
    /// The path names a folder, or has no file name.
    NotAFile {
        /// The path.
        path: String,
    },
    /// An output would replace the input it was made from.
    SameAsInput {
        /// The path.
        path: String,
    },
    /// A symbolic link points at itself, or through more than 40 links.
    LinkLoop {
        /// The path.
        path: String,
    },
    /// Any other failure of the operating system.
    Io {
        /// The path.
        path: String,
        /// The operating system's reason (its error kind, never the file's contents).
        reason: String,
    },
}

impl FileError {
    /// The stable machine code.
    pub fn code(&self) -> FileCode {
        match self {
            FileError::NotFound { .. } => FileCode::NotFound,
            FileError::PermissionDenied { .. } => FileCode::PermissionDenied,
            FileError::StorageFull { .. } => FileCode::StorageFull,
            FileError::ReadOnly { .. } => FileCode::ReadOnly,
            FileError::NotAFile { .. } => FileCode::NotAFile,
            FileError::SameAsInput { .. } => FileCode::SameAsInput,
            FileError::LinkLoop { .. } => FileCode::LinkLoop,
            FileError::Io { .. } => FileCode::Io,
        }
    }

    /// What went wrong, without the path (the boundary error carries the path beside it).
    pub fn reason(&self) -> String {
        match self {
            FileError::NotFound { .. } => "no such file or folder".into(),
            FileError::PermissionDenied { .. } => "permission denied".into(),
            FileError::StorageFull { .. } => {
                "no space left (disk, quota or file-size limit); the file is unchanged".into()
            }
            FileError::ReadOnly { .. } => "the file system is read-only".into(),
            FileError::NotAFile { .. } => "is a folder, not a file".into(),
            FileError::SameAsInput { .. } => {
                "is the input; refusing to overwrite it with the output".into()
            }
            FileError::LinkLoop { .. } => "too many levels of symbolic links".into(),
            FileError::Io { reason, .. } => reason.clone(),
        }
    }

    /// The path the error is about.
    pub fn path(&self) -> &str {
        match self {
            FileError::NotFound { path }
            | FileError::PermissionDenied { path }
            | FileError::StorageFull { path }
            | FileError::ReadOnly { path }
            | FileError::NotAFile { path }
            | FileError::SameAsInput { path }
            | FileError::LinkLoop { path }
            | FileError::Io { path, .. } => path,
        }
    }

    /// The error for an operating-system failure on `path`.
    pub fn from_io(path: &Path, e: &io::Error) -> Self {
        let path = path.display().to_string();
        match e.kind() {
            io::ErrorKind::NotFound => FileError::NotFound { path },
            io::ErrorKind::PermissionDenied => FileError::PermissionDenied { path },
            io::ErrorKind::StorageFull
            | io::ErrorKind::QuotaExceeded
            | io::ErrorKind::FileTooLarge => FileError::StorageFull { path },
            io::ErrorKind::ReadOnlyFilesystem => FileError::ReadOnly { path },
            io::ErrorKind::IsADirectory => FileError::NotAFile { path },
            kind => FileError::Io {
                path,
                reason: kind.to_string(),
            },
        }
    }
}

impl From<FileError> for crate::error::BrobyggerError {
    fn from(e: FileError) -> Self {
        crate::error::BrobyggerError::InvalidInput {
            code: e.code().into(),
            path: e.path().to_owned(),
            reason: e.reason(),
        }
    }
}

/// Writes `contents` to `path` atomically: the file afterwards holds either all of `contents`
/// or exactly what it held before. See the module docs for what is kept and synced.
pub fn write_atomic(path: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> Result<(), FileError> {
    let contents = contents.as_ref();
    write_atomic_with(path, |w| w.write_all(contents))
}

/// Like [`write_atomic`], for output written in pieces: `write` gets a buffered writer on the
/// temporary file; if it fails (or panics), the target is untouched and no temporary file is
/// left.
pub fn write_atomic_with(
    path: impl AsRef<Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), FileError> {
    let asked = path.as_ref();
    let target = resolve_links(asked)?;
    let (dir, name) = split(&target)?;
    let existing = match fs::metadata(&target) {
        Ok(m) if m.is_dir() => return Err(FileError::NotAFile { path: shown(asked) }),
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(FileError::from_io(asked, &e)),
    };
    remove_stale_temps(&dir, &name);
    let (mut guard, file) = create_temp(&dir, &name, existing.is_some())
        .map_err(|e| FileError::from_io(&error_path(asked, &dir, &e), &e))?;
    let fail = |e: io::Error| FileError::from_io(asked, &e);
    let mut out = io::BufWriter::new(file);
    write(&mut out).map_err(fail)?;
    let file = out.into_inner().map_err(|e| fail(e.into_error()))?;
    if let Some(meta) = &existing {
        keep_permissions(&file, meta).map_err(fail)?;
    }
    file.sync_all().map_err(fail)?;
    drop(file);
    fs::rename(guard.path(), &target).map_err(fail)?;
    guard.disarm();
    sync_dir(&dir);
    Ok(())
}

/// Whether `a` and `b` name the same existing file (through links, `..` or hard links).
/// A path that does not exist names no file, so the answer is then `false`.
pub fn same_file(a: impl AsRef<Path>, b: impl AsRef<Path>) -> bool {
    let (Ok(ma), Ok(mb)) = (fs::metadata(a.as_ref()), fs::metadata(b.as_ref())) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        match (fs::canonicalize(a.as_ref()), fs::canonicalize(b.as_ref())) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}

/// Fails with [`FileError::SameAsInput`] when `output` would replace `input`.
pub fn refuse_same_file(
    input: impl AsRef<Path>,
    output: impl AsRef<Path>,
) -> Result<(), FileError> {
    if same_file(input.as_ref(), output.as_ref()) {
        return Err(FileError::SameAsInput {
            path: shown(output.as_ref()),
        });
    }
    Ok(())
}

/// An exclusive lock on an existing file, held until dropped; other processes asking for it
/// wait. Meant for read-modify-write cycles: take the lock, read the file, write it back with
/// [`write_atomic`], drop the lock.
///
/// Because [`write_atomic`] replaces the file with a new one, a waiting process that wakes up
/// holding a lock on the file that was replaced notices and locks the new file instead.
#[derive(Debug)]
pub struct FileLock {
    _file: File,
}

impl FileLock {
    /// Waits for, and takes, the exclusive lock on the file at `path` (links followed).
    pub fn acquire(path: impl AsRef<Path>) -> Result<Self, FileError> {
        let asked = path.as_ref();
        let target = resolve_links(asked)?;
        let fail = |e: io::Error| FileError::from_io(asked, &e);
        loop {
            let file = File::open(&target).map_err(fail)?;
            fs4::FileExt::lock(&file).map_err(fail)?;
            // Still the file the path names, or was it replaced while we waited?
            if still_named(&file, &target).map_err(fail)? {
                return Ok(FileLock { _file: file });
            }
        }
    }
}

#[cfg(unix)]
fn still_named(file: &File, path: &Path) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let (held, named) = (file.metadata()?, fs::metadata(path)?);
    Ok(held.dev() == named.dev() && held.ino() == named.ino())
}

#[cfg(not(unix))]
fn still_named(_file: &File, _path: &Path) -> io::Result<bool> {
    // Windows does not rename over a file another process has open.
    Ok(true)
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// The file a path finally names, following symbolic links (also to a file not yet made).
fn resolve_links(path: &Path) -> Result<PathBuf, FileError> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&current).map_err(|e| FileError::from_io(path, &e))?;
                current = match current.parent() {
                    Some(parent) if target.is_relative() => parent.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(FileError::LinkLoop { path: shown(path) })
}

fn split(target: &Path) -> Result<(PathBuf, String), FileError> {
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .map(str::to_owned)
        .ok_or_else(|| FileError::NotAFile {
            path: shown(target),
        })?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((dir, name))
}

/// The path to blame for a failure to create the temporary file: the folder when it is the
/// folder that is missing or closed to us.
fn error_path(asked: &Path, dir: &Path, e: &io::Error) -> PathBuf {
    match e.kind() {
        io::ErrorKind::NotFound => dir.to_path_buf(),
        _ => asked.to_path_buf(),
    }
}

/// `.NAME.PID-RANDOM.tmp`: hidden, next to the target, naming the process that wrote it.
fn temp_name(name: &str) -> String {
    format!(
        ".{name}.{}-{:016x}.tmp",
        std::process::id(),
        crate::random::random_u64()
    )
}

/// Removes the temporary file unless the rename took it.
struct TempGuard {
    path: Option<PathBuf>,
}

impl TempGuard {
    fn path(&self) -> &Path {
        self.path.as_deref().unwrap_or(Path::new(""))
    }

    fn disarm(&mut self) {
        self.path = None;
    }
}

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(p) = self.path.take() {
            let _ = fs::remove_file(p);
        }
    }
}

fn create_temp(dir: &Path, name: &str, replacing: bool) -> io::Result<(TempGuard, File)> {
    let mut last = None;
    for _ in 0..8 {
        let path = dir.join(temp_name(name));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // A new file gets what `fs::write` would give it (0666 less the umask); a file
            // that replaces another is private until it takes the old one's permissions.
            options.mode(if replacing { 0o600 } else { 0o666 });
        }
        #[cfg(not(unix))]
        let _ = replacing;
        match options.open(&path) {
            Ok(file) => return Ok((TempGuard { path: Some(path) }, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists)))
}

fn keep_permissions(file: &File, old: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Owner and group first (only a privileged process may give a file away; otherwise the
        // writer's own stay), then the mode, which a change of owner may clear bits of.
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    }
    file.set_permissions(old.permissions())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    // Makes the rename durable. Some file systems refuse to sync a folder; the data itself is
    // already synced, so that is not worth failing a write that has happened.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

/// Removes `.NAME.PID-….tmp` files whose process no longer runs (Linux and Android, where
/// `/proc` tells): what a killed writer left behind.
fn remove_stale_temps(dir: &Path, name: &str) {
    if !cfg!(any(target_os = "linux", target_os = "android")) || !Path::new("/proc/self").exists() {
        return;
    }
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(prefix.as_str()))
            .and_then(|r| r.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Some((pid, random)) = rest.split_once('-') else {
            continue;
        };
        let ours = !pid.is_empty()
            && pid.bytes().all(|b| b.is_ascii_digit())
            && random.len() == 16
            && random.bytes().all(|b| b.is_ascii_hexdigit());
        if ours && !Path::new("/proc").join(pid).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The most bytes [`read_input`] takes from one file: 256 MiB, far above a country's lists of
/// households and offers (a million households as CSV is about 200 MB) and far below what would
/// exhaust a phone or a notebook's memory once parsed.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a whole input file of at most [`MAX_INPUT_BYTES`]: see [`read_input_limited`].
pub fn read_input(path: impl AsRef<Path>) -> Result<Vec<u8>, crate::error::LoadError> {
    read_input_limited(path, MAX_INPUT_BYTES)
}

/// Reads a whole input file of at most `limit` bytes. A path that is not a regular file (a
/// FIFO, a character or block device such as `/dev/zero`, a socket) is refused before it is
/// opened, and again after (it may have been swapped in between), so a reader never waits on
/// a writer that never comes nor reads without end; a file larger than `limit` is refused
/// after reading at most `limit + 1` bytes. Errors name the path, never the contents.
pub fn read_input_limited(
    path: impl AsRef<Path>,
    limit: u64,
) -> Result<Vec<u8>, crate::error::LoadError> {
    use crate::error::LoadError;
    use std::io::Read;
    let path = path.as_ref();
    let shown = || path.display().to_string();
    let io = |e: io::Error| LoadError::Io {
        path: shown(),
        reason: e.kind().to_string(),
    };
    let regular = |m: &fs::Metadata| {
        if m.is_file() {
            Ok(())
        } else if m.is_dir() {
            Err(LoadError::Io {
                path: shown(),
                reason: io::ErrorKind::IsADirectory.to_string(),
            })
        } else {
            Err(LoadError::NotRegularFile { path: shown() })
        }
    };
    regular(&fs::metadata(path).map_err(io)?)?;
    let file = File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    regular(&meta)?;
    if meta.len() > limit {
        return Err(LoadError::TooLarge {
            path: shown(),
            limit,
        });
    }
    // The size can change while reading (a file still being written): read one byte past the
    // limit at most, and refuse if it is there.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge {
            path: shown(),
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "brobygger-fsio-{name}-{}-{:x}",
            std::process::id(),
            crate::random::random_u64()
        ));
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn writes_replaces_and_leaves_nothing_behind() {
        let dir = scratch("write");
        let path = dir.join("d.json");
        write_atomic(&path, "one").unwrap();
        write_atomic(&path, "two").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        assert!(leftovers(&dir).is_empty());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_failing_writer_keeps_the_old_file_and_no_temp() {
        let dir = scratch("fail");
        let path = dir.join("d.json");
        write_atomic(&path, "old").unwrap();
        let e = write_atomic_with(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::from(io::ErrorKind::StorageFull))
        })
        .unwrap_err();
        assert_eq!(e.code(), "file.storage_full");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert!(leftovers(&dir).is_empty());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_panicking_writer_leaves_no_temp() {
        let dir = scratch("panic");
        let path = dir.join("d.json");
        let p = path.clone();
        let result = std::panic::catch_unwind(move || {
            let _ = write_atomic_with(&p, |_| panic!("writer bug"));
        });
        assert!(result.is_err());
        assert!(!path.exists());
        assert!(leftovers(&dir).is_empty());
        fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn mode_and_symlink_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("mode");
        let real = dir.join("real.json");
        write_atomic(&real, "a").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.join("link.json");
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        write_atomic(&link, "b").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "b");
        assert_eq!(
            fs::metadata(&real).unwrap().permissions().mode() & 0o777,
            0o600
        );
        // A dangling link gets its target made.
        let dangling = dir.join("dangling.json");
        std::os::unix::fs::symlink("new.json", &dangling).unwrap();
        write_atomic(&dangling, "c").unwrap();
        assert_eq!(fs::read_to_string(dir.join("new.json")).unwrap(), "c");
        // A link to itself is an error, not a hang.
        let looped = dir.join("loop.json");
        std::os::unix::fs::symlink("loop.json", &looped).unwrap();
        assert_eq!(
            write_atomic(&looped, "d").unwrap_err().code(),
            "file.link_loop"
        );
        assert!(leftovers(&dir).is_empty());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn errors_are_typed() {
        let dir = scratch("errors");
        let e = write_atomic(dir.join("missing/d.json"), "x").unwrap_err();
        assert_eq!(e.code(), "file.not_found");
        let e = write_atomic(&dir, "x").unwrap_err();
        assert_eq!(e.code(), "file.not_a_file");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn same_file_sees_through_paths() {
        let dir = scratch("same");
        let path = dir.join("d.json");
        write_atomic(&path, "x").unwrap();
        assert!(same_file(&path, dir.join(".").join("d.json")));
        assert!(!same_file(&path, dir.join("other.json")));
        assert_eq!(
            refuse_same_file(&path, dir.join("./d.json"))
                .unwrap_err()
                .code(),
            "file.same_as_input"
        );
        fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(any(target_os = "linux", target_os = "android"))]
    #[test]
    fn stale_temps_of_dead_processes_are_removed() {
        let dir = scratch("stale");
        let path = dir.join("d.json");
        // No process has pid 4294967295 (pid_max is at most 2^22 on Linux).
        let stale = dir.join(".d.json.4294967295-0123456789abcdef.tmp");
        let alive = dir.join(format!(
            ".d.json.{}-0123456789abcdef.tmp",
            std::process::id()
        ));
        let unrelated = dir.join(".d.json.notes.tmp");
        for p in [&stale, &alive, &unrelated] {
            fs::write(p, "x").unwrap();
        }
        write_atomic(&path, "y").unwrap();
        assert!(!stale.exists());
        assert!(alive.exists() && unrelated.exists());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn locked_read_modify_write_cycles_lose_nothing() {
        let dir = scratch("lock");
        let path = dir.join("counter.txt");
        write_atomic(&path, "0").unwrap();
        let threads: Vec<_> = (0..6)
            .map(|_| {
                let path = path.clone();
                std::thread::spawn(move || {
                    for _ in 0..15 {
                        let _lock = FileLock::acquire(&path).unwrap();
                        let n: u32 = fs::read_to_string(&path).unwrap().parse().unwrap();
                        write_atomic(&path, (n + 1).to_string()).unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(fs::read_to_string(&path).unwrap(), "90");
        assert_eq!(
            FileLock::acquire(dir.join("missing")).unwrap_err().code(),
            "file.not_found"
        );
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn reading_refuses_devices_fifos_and_files_over_the_limit() {
        use crate::error::LoadError;
        let dir = scratch("read");
        let path = dir.join("a.json");
        fs::write(&path, "0123456789").unwrap();
        assert_eq!(read_input_limited(&path, 10).unwrap(), b"0123456789");
        assert_eq!(
            read_input_limited(&path, 9),
            Err(LoadError::TooLarge {
                path: path.display().to_string(),
                limit: 9
            })
        );
        assert!(matches!(read_input(&dir), Err(LoadError::Io { .. })));
        // Only a path that does not exist is a missing file (bindings raise their own
        // "file not found" for it); a directory is another `load.io`.
        let missing = crate::BrobyggerError::from(read_input(dir.join("nope.json")).unwrap_err());
        assert!(missing.is_missing_file() && missing.code() == "load.io");
        assert!(!crate::BrobyggerError::from(read_input(&dir).unwrap_err()).is_missing_file());
        #[cfg(unix)]
        {
            // /dev/zero never ends: refused before a byte is read.
            assert!(matches!(
                read_input("/dev/zero"),
                Err(LoadError::NotRegularFile { .. })
            ));
            // A FIFO nobody writes to: refused at once instead of waiting.
            let fifo = dir.join("fifo");
            let made = std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .is_ok_and(|s| s.success());
            if made {
                assert!(matches!(
                    read_input(&fifo),
                    Err(LoadError::NotRegularFile { .. })
                ));
            }
        }
    }
}
