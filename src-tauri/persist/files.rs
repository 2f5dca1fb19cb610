//! The files behind the journal, and the only code that writes them.
//!
//! In the data directory:
//! - `headroom.json`: the document, a tauri-plugin-store file (one JSON object of keys).
//! - `headroom.json.bak`: the last good copy, written after the file on every save.
//! - `headroom.json.tmp`, `headroom.json.bak.tmp`: a save in progress; never the only copy of
//!   acknowledged data, removed at start.
//! - `headroom.json.damaged-<UTC time>`: a file that failed validation, moved aside, never
//!   deleted or overwritten.
//! - `headroom.lock`: held for as long as a Headroom process uses the directory.
//!
//! A save writes the new bytes to a temp file, fsyncs it and renames it over the current file,
//! does the same for the backup, and fsyncs the directory. At every instant `headroom.json` is
//! a complete file: a crash leaves either the old or the new version, never a torn one. A save
//! is acknowledged only once both renames are durable, so if the file is later damaged on disk
//! the backup holds every acknowledged change.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

pub const MAIN: &str = "headroom.json";
pub const BACKUP: &str = "headroom.json.bak";
const TEMP: &str = "headroom.json.tmp";
const BACKUP_TEMP: &str = "headroom.json.bak.tmp";
const LOCK: &str = "headroom.lock";

/// The data directory's files.
#[derive(Debug, Clone)]
pub struct DataFiles {
    dir: PathBuf,
}

/// Why the directory cannot be used.
#[derive(Debug)]
pub enum LockError {
    /// Another process holds the lock.
    InUse(PathBuf),
    /// The directory or lock file could not be created.
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::InUse(dir) => write!(
                f,
                "another Headroom window is already using the data in {}; close it first",
                dir.display()
            ),
            LockError::Io(dir, e) => {
                write!(f, "cannot use the data directory {}: {e}", dir.display())
            }
        }
    }
}

impl std::error::Error for LockError {}

impl DataFiles {
    pub fn new(dir: impl Into<PathBuf>) -> DataFiles {
        DataFiles { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn main(&self) -> PathBuf {
        self.dir.join(MAIN)
    }

    pub fn backup(&self) -> PathBuf {
        self.dir.join(BACKUP)
    }

    /// Creates the directory and takes the process lock. The lock lasts as long as the
    /// returned file is open; the OS releases it if the process dies.
    pub fn lock(&self) -> Result<File, LockError> {
        let io_err = |e| LockError::Io(self.dir.clone(), e);
        fs::create_dir_all(&self.dir).map_err(io_err)?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(LOCK))
            .map_err(io_err)?;
        match file.try_lock() {
            Ok(()) => Ok(file),
            Err(TryLockError::WouldBlock) => Err(LockError::InUse(self.dir.clone())),
            Err(TryLockError::Error(e)) => Err(io_err(e)),
        }
    }

    /// The current file's bytes, or `None` if there is none.
    pub fn read_main(&self) -> io::Result<Option<Vec<u8>>> {
        read_optional(&self.main())
    }

    /// The backup's bytes, or `None` if there is none.
    pub fn read_backup(&self) -> io::Result<Option<Vec<u8>>> {
        read_optional(&self.backup())
    }

    /// Removes what an interrupted save left behind; it was never acknowledged.
    pub fn remove_leftovers(&self) -> io::Result<()> {
        for name in [TEMP, BACKUP_TEMP] {
            match fs::remove_file(self.dir.join(name)) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        Ok(())
    }

    /// Replaces the current file and then the backup with `bytes`, each through a temp file
    /// that is fsynced and renamed into place, and makes the renames durable. A crash between
    /// the two leaves a complete current file and the previous backup; after both, either file
    /// alone holds everything.
    pub fn write_atomic(&self, bytes: &[u8]) -> io::Result<()> {
        replace(&self.dir.join(TEMP), &self.main(), bytes)?;
        replace(&self.dir.join(BACKUP_TEMP), &self.backup(), bytes)?;
        sync_dir(&self.dir)
    }

    /// Moves the file `name` (`MAIN` or `BACKUP`) aside as `<name>.damaged-<time>` and returns
    /// its new path. Never overwrites: a name already taken gets a counter.
    pub fn quarantine(&self, name: &str, now: SystemTime) -> io::Result<PathBuf> {
        let stamp = utc_stamp(now);
        let mut n = 0;
        loop {
            let aside = if n == 0 {
                format!("{name}.damaged-{stamp}")
            } else {
                format!("{name}.damaged-{stamp}-{n}")
            };
            let target = self.dir.join(aside);
            if !target.exists() {
                // rename would replace an existing target; the check above and the
                // directory lock (one Headroom per directory) keep that from happening.
                fs::rename(self.dir.join(name), &target)?;
                sync_dir(&self.dir)?;
                return Ok(target);
            }
            n += 1;
        }
    }
}

fn replace(temp: &Path, target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = File::create(temp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp, target)
}

fn read_optional(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    // Makes the renames durable. Directories cannot be opened this way on Windows, where
    // rename durability is the filesystem's business.
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// `20261121T160533Z`
pub fn utc_stamp(now: SystemTime) -> String {
    let secs = now
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn stamps_are_utc_calendar_times() {
        assert_eq!(utc_stamp(UNIX_EPOCH), "19700101T000000Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_795_277_133);
        assert_eq!(utc_stamp(t), "20261121T160533Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(utc_stamp(leap), "20000229T000000Z");
    }

    #[test]
    fn a_save_writes_the_file_and_its_backup() {
        let dir = tempfile::tempdir().unwrap();
        let files = DataFiles::new(dir.path());
        files.write_atomic(b"one").unwrap();
        assert_eq!(files.read_main().unwrap().unwrap(), b"one");
        assert_eq!(files.read_backup().unwrap().unwrap(), b"one");
        files.write_atomic(b"two").unwrap();
        assert_eq!(files.read_main().unwrap().unwrap(), b"two");
        assert_eq!(files.read_backup().unwrap().unwrap(), b"two");
        assert!(!dir.path().join(TEMP).exists());
        assert!(!dir.path().join(BACKUP_TEMP).exists());
    }

    #[test]
    fn quarantine_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let files = DataFiles::new(dir.path());
        let now = UNIX_EPOCH + Duration::from_secs(1_795_277_133);
        fs::write(files.main(), b"bad 1").unwrap();
        let first = files.quarantine(MAIN, now).unwrap();
        fs::write(files.main(), b"bad 2").unwrap();
        let second = files.quarantine(MAIN, now).unwrap();
        assert_ne!(first, second);
        assert_eq!(fs::read(&first).unwrap(), b"bad 1");
        assert_eq!(fs::read(&second).unwrap(), b"bad 2");
        assert!(first
            .file_name()
            .unwrap()
            .to_string_lossy()
            .contains("damaged-20261121T160533Z"));
        assert!(!files.main().exists());
    }

    #[test]
    fn a_second_lock_on_the_same_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let files = DataFiles::new(dir.path());
        let held = files.lock().unwrap();
        let e = DataFiles::new(dir.path()).lock().unwrap_err();
        assert!(matches!(e, LockError::InUse(_)), "{e}");
        assert!(e.to_string().contains("already using"));
        drop(held);
        DataFiles::new(dir.path())
            .lock()
            .expect("free again once the holder is gone");
    }

    #[test]
    fn leftovers_of_an_interrupted_save_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let files = DataFiles::new(dir.path());
        fs::write(dir.path().join(TEMP), b"half a fi").unwrap();
        files.remove_leftovers().unwrap();
        assert!(!dir.path().join(TEMP).exists());
        files.remove_leftovers().expect("nothing to remove is fine");
    }
}
