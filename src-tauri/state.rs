//! What the commands share: the catalog (with the user's own models), the journal, and what
//! the user must be told at start-up.

use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use headroom_catalog::journal::Document;
use headroom_catalog::Catalog;

use crate::error::{AppError, CmdResult};
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
        let base = Catalog::embedded()?;
        let (journal, notices) = Journal::open(data_dir.clone(), &base, mirror, now)?;
        let catalog = journal.read(|doc| with_own_models(&base, doc))?;
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

    /// Applies a journal change that may add, edit or remove the user's own models, and
    /// rebuilds the catalog from the saved document.
    pub fn update_own_models<T>(
        &self,
        change: impl FnOnce(&mut Document, &Catalog) -> headroom_catalog::Result<T>,
    ) -> CmdResult<T> {
        let mut slot = self.catalog.write().unwrap_or_else(|p| p.into_inner());
        let out = self.journal.update(|doc| change(doc, &self.base))?;
        *slot = Arc::new(self.journal.read(|doc| with_own_models(&self.base, doc))?);
        Ok(out)
    }
}

fn with_own_models(base: &Catalog, doc: &Document) -> Result<Catalog, AppError> {
    Ok(base.with_extra(&doc.own_models)?)
}
