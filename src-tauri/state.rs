//! What the commands share: the catalog (with the user's own models), the journal, and what
//! the user must be told at start-up.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use headroom_domain::journal::Document;
use headroom_domain::Catalog;

use crate::error::CmdResult;
use crate::persist::{Journal, Notice, StoreMirror};

/// The app's state, managed by Tauri.
pub struct AppState {
    /// The embedded catalog alone.
    base: Catalog,
    /// The embedded catalog plus the user's own models, rebuilt when those change.
    catalog: RwLock<Arc<Catalog>>,
    pub journal: Journal,
    pub notices: Vec<Notice>,
    pub data_dir: PathBuf,
}

impl AppState {
    /// Loads the embedded catalog and opens the user's data in `data_dir`.
    ///
    /// # Errors
    /// When the embedded catalog is invalid (the tests keep that from shipping), or the data
    /// directory is in use by another Headroom or cannot be used.
    pub fn open(
        data_dir: PathBuf,
        mirror: Box<dyn StoreMirror>,
        now: SystemTime,
    ) -> Result<AppState, Box<dyn std::error::Error>> {
        let (base, mut notices) = load_catalog(&data_dir)?;
        let (journal, journal_notices) = Journal::open(data_dir.clone(), &base, mirror, now)?;
        notices.extend(journal_notices);
        let catalog = journal.read(|doc| doc.catalog(&base))?;
        Ok(AppState {
            base,
            catalog: RwLock::new(Arc::new(catalog)),
            journal,
            notices,
            data_dir,
        })
    }

    /// The embedded catalog alone (journal operations check own models themselves).
    pub fn base(&self) -> &Catalog {
        &self.base
    }

    /// The catalog the user sees: embedded models and their own.
    pub fn catalog(&self) -> Arc<Catalog> {
        self.catalog
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Applies a journal change (checked against the embedded catalog) and, when the document
    /// says the change altered the user's catalog (own models, figures, measurements), rebuilds
    /// the catalog from the saved document.
    pub fn update<T>(
        &self,
        change: impl FnOnce(&mut Document, &Catalog) -> headroom_domain::Result<T>,
    ) -> CmdResult<T> {
        let mut slot = self.catalog.write().unwrap_or_else(|p| p.into_inner());
        let (out, catalog_changed) = self
            .journal
            .update_and_tell(|doc| change(doc, &self.base))?;
        if catalog_changed {
            *slot = Arc::new(self.journal.read(|doc| doc.catalog(&self.base))?);
        }
        Ok(out)
    }
}

/// A catalog file in the data directory that replaces the built-in catalog: for benchmarks and
/// scale tests with synthetic catalogs (`headroom_domain::synthetic::data_file`), never
/// shipped. The same loader validates it.
pub const CATALOG_OVERRIDE: &str = "catalog.override.json";

fn load_catalog(data_dir: &Path) -> Result<(Catalog, Vec<Notice>), Box<dyn std::error::Error>> {
    let path = data_dir.join(CATALOG_OVERRIDE);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let models = headroom_domain::load::load_files(&[(CATALOG_OVERRIDE, &text)])?;
            let notice = Notice {
                level: "info",
                message: format!(
                    "Using the {} models in {} instead of the built-in catalog.",
                    models.len(),
                    path.display()
                ),
            };
            Ok((Catalog::from_models(models), vec![notice]))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Ok((Catalog::embedded()?, Vec::new()))
        }
        Err(e) => Err(format!("cannot read {}: {e}", path.display()).into()),
    }
}
