//! The persistence adapter: the one module that reads and writes the user's data.
//!
//! tauri-plugin-store replaces a file it cannot parse with defaults without a word, and writes
//! in place. So the adapter validates the file itself before anything else sees it, moves a
//! bad file aside and restores the last good copy (telling the user), and writes every change
//! durably (see [`files`]) before the command that made it returns. The plugin's store holds
//! the document's keys in memory for the running app; it never reads or writes the file.

pub mod files;

use std::fs::File;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::SystemTime;

use headroom_domain::journal::{self, Document};
use headroom_domain::Catalog;
use serde::Serialize;
use tauri::Runtime;
use tauri_plugin_store::Store;

use crate::error::{AppError, ErrorKind};
use files::DataFiles;

/// Something the user must be told at start-up (shown as a banner in the window).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Notice {
    /// `info`, `warning` or `error`.
    pub level: &'static str,
    pub message: String,
}

/// Keeps tauri-plugin-store's in-memory store in step with the saved document. Called after
/// the document is on disk.
pub trait StoreMirror: Send {
    fn mirror(&self, doc: &Document);
}

impl<R: Runtime> StoreMirror for Arc<Store<R>> {
    fn mirror(&self, doc: &Document) {
        // The store reads back the file the adapter has just written: the same document, key by
        // key. `set` would do the same and also broadcast every key's whole value to the window
        // as a `store://change` event, on every save: the growing list of sessions, sent to a
        // webview that has no store permission and listens to nothing (issue 16 found it as
        // memory growth in both processes). This reload emits nothing and replaces the whole
        // cache (plain `reload` merges, so a key the document no longer has would linger).
        if self.reload_ignore_defaults().is_ok() {
            return;
        }
        // No file yet (a first start, before the first save): set the keys; nothing listens
        // this early.
        let serde_json::Value::Object(keys) =
            serde_json::to_value(doc).expect("a document serializes")
        else {
            unreachable!("a document is a JSON object");
        };
        for (key, value) in keys {
            self.set(key, value);
        }
    }
}

/// A mirror that keeps nothing, for code that has no Tauri app (the crash-test child).
pub struct NoMirror;

impl StoreMirror for NoMirror {
    fn mirror(&self, _doc: &Document) {}
}

/// The user's journal (shortlist, try-ons, own models, comparison set, advisor profile).
pub struct Journal {
    files: DataFiles,
    inner: Mutex<Inner>,
}

struct Inner {
    doc: Document,
    /// How many changes this process has saved: views compare it to skip drawing again what
    /// they already show. Not saved; it starts at 0 with every launch.
    revision: u64,
    mirror: Box<dyn StoreMirror>,
    /// The directory lock; `None` once the journal is closed.
    lock: Option<File>,
}

impl Journal {
    /// Locks the data directory, validates and recovers the file, and returns the journal with
    /// what the user must be told.
    ///
    /// # Errors
    /// When another process uses the directory, or the directory cannot be read or written.
    pub fn open(
        dir: PathBuf,
        catalog: &Catalog,
        mirror: Box<dyn StoreMirror>,
        now: SystemTime,
    ) -> Result<(Journal, Vec<Notice>), Box<dyn std::error::Error>> {
        let files = DataFiles::new(dir);
        let lock = files.lock()?;
        let (doc, notices) = recover(&files, catalog, now)?;
        mirror.mirror(&doc);
        let journal = Journal {
            files,
            inner: Mutex::new(Inner {
                doc,
                revision: 0,
                mirror,
                lock: Some(lock),
            }),
        };
        Ok((journal, notices))
    }

    /// Where the document lives.
    pub fn path(&self) -> PathBuf {
        self.files.main()
    }

    /// Reads the current document.
    pub fn read<T>(&self, f: impl FnOnce(&Document) -> T) -> T {
        f(&self.lock().doc)
    }

    /// The number of changes saved since launch. Read it before the data a response carries:
    /// then the data is at least as new as the revision says, and a view that skips drawing
    /// an unchanged revision never keeps stale data on screen.
    pub fn revision(&self) -> u64 {
        self.lock().revision
    }

    /// Applies a change to a copy of the document, saves the copy durably, and only then makes
    /// it current. A change that fails validation or cannot be saved leaves everything as it
    /// was. Saves are serialized by the lock.
    pub fn update<T>(
        &self,
        change: impl FnOnce(&mut Document) -> headroom_domain::Result<T>,
    ) -> Result<T, AppError> {
        self.update_and_tell(change).map(|(out, _)| out)
    }

    /// [`Journal::update`], also saying whether the change altered the catalog the user sees
    /// (their own models, figures or measurements), as the document itself tells.
    pub fn update_and_tell<T>(
        &self,
        change: impl FnOnce(&mut Document) -> headroom_domain::Result<T>,
    ) -> Result<(T, bool), AppError> {
        let mut inner = self.lock();
        if inner.lock.is_none() {
            return Err(AppError::new(
                ErrorKind::Storage,
                "the journal is closed; nothing was changed",
            ));
        }
        let mut next = inner.doc.clone();
        let out = change(&mut next)?;
        self.files
            .write_atomic(&journal::to_bytes(&next))
            .map_err(|e| {
                AppError::new(
                    ErrorKind::Storage,
                    format!(
                        "could not save to {}: {e}; nothing was changed",
                        self.files.main().display()
                    ),
                )
            })?;
        inner.mirror.mirror(&next);
        let catalog_changed = next.changes_catalog(&inner.doc);
        inner.doc = next;
        inner.revision += 1;
        Ok((out, catalog_changed))
    }

    /// Releases the data directory (at exit, or before reopening it in tests). Every later
    /// change is refused.
    pub fn close(&self) {
        if let Some(file) = self.lock().lock.take() {
            // Unlock explicitly rather than only closing: a child process forked at this moment
            // shares the open file (until its exec closes it) and would keep the lock held.
            let _ = file.unlock();
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave a half-applied change (changes are made
        // on a copy), so the data behind a poisoned lock is still the last saved document.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Reads the file; if it is bad, moves it aside and restores the backup, or starts empty.
fn recover(
    files: &DataFiles,
    catalog: &Catalog,
    now: SystemTime,
) -> std::io::Result<(Document, Vec<Notice>)> {
    files.remove_leftovers()?;
    let mut notices = Vec::new();
    let main = files.read_main()?;
    let problem = match &main {
        Some(bytes) => match journal::load(bytes, catalog) {
            Ok(journal::Loaded {
                document: doc,
                profile_dropped,
            }) => {
                if profile_dropped {
                    notices.push(Notice {
                        level: "warning",
                        message: "Your saved advisor settings could not be read, so the advisor \
                                  starts from its defaults. The rest of your journal is intact."
                            .into(),
                    });
                }
                return Ok((doc, notices));
            }
            Err(e) => Some(e.to_string()),
        },
        None => None,
    };
    // A bad file is moved aside before anything else happens to the directory.
    let damaged = match problem {
        Some(problem) => Some((problem, files.quarantine(files::MAIN, now)?)),
        None => None,
    };
    let backup = match files.read_backup()? {
        Some(bytes) => match journal::from_bytes(&bytes, catalog) {
            Ok(doc) => Some((bytes, doc)),
            Err(e) => {
                let aside = files.quarantine(files::BACKUP, now)?;
                notices.push(Notice {
                    level: "warning",
                    message: format!(
                        "The backup copy of your journal could not be read either ({e}). It was moved to {}.",
                        aside.display()
                    ),
                });
                None
            }
        },
        None => None,
    };
    let doc = match (damaged, backup) {
        // First run: nothing to read.
        (None, None) => Document::default(),
        // The file was missing but a backup exists: an interrupted first save or a deletion.
        (None, Some((bytes, doc))) => {
            files.write_atomic(&bytes)?;
            notices.push(Notice {
                level: "warning",
                message:
                    "Your journal file was missing; Headroom restored it from its backup copy."
                        .into(),
            });
            doc
        }
        (Some((problem, moved)), Some((bytes, doc))) => {
            files.write_atomic(&bytes)?;
            notices.push(Notice {
                level: "warning",
                message: format!(
                    "Your journal file could not be read ({problem}). It was moved to {} and \
                     Headroom restored the last good copy.",
                    moved.display()
                ),
            });
            doc
        }
        (Some((problem, moved)), None) => {
            notices.push(Notice {
                level: "error",
                message: format!(
                    "Your journal file could not be read ({problem}) and there is no good backup. \
                     It was moved to {}, untouched; Headroom starts with an empty journal.",
                    moved.display()
                ),
            });
            Document::default()
        }
    };
    Ok((doc, notices))
}
