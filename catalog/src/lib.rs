//! Headroom's domain: the studio-headphone catalog, its queries, the drivability engine and the
//! advisor. No Tauri and no file system here: callers hand in text and get values back.
//!
//! ```
//! let catalog = headroom_domain::Catalog::embedded().unwrap();
//! let hd650 = catalog.get("sennheiser-hd-650").unwrap();
//! assert_eq!(hd650.brand, "Sennheiser");
//! ```
#![deny(missing_docs)]

pub mod advisor;
pub mod compare;
mod csv;
pub mod drive;
mod error;
pub mod journal;
pub mod load;
pub mod model;
pub mod query;
pub mod sound;
pub mod synthetic;

use std::collections::HashMap;
use std::sync::Arc;

pub use advisor::{recommend, Profile, Recommendation};
pub use drive::{drive, drive_model, Drive, SourcePreset, SourceSpec, Verdict};
pub use error::{Error, ErrorKind, Result};
pub use model::{Back, Model, Origin, Sensitivity, SensitivityUnit, Tier, Transducer};

/// The models Headroom knows: the embedded catalog, optionally with the user's own models.
#[derive(Debug, Clone)]
pub struct Catalog {
    models: Vec<Model>,
    by_id: HashMap<String, usize>,
    /// Search keys and sort ranks for `query::run`.
    search: query::Index,
    /// Each measured model's sound, by id (shared between a catalog and its extensions).
    sound: Arc<HashMap<String, sound::ModelSound>>,
}

impl Catalog {
    /// The catalog embedded in the binary, validated.
    ///
    /// # Errors
    /// `InvalidData` if an embedded file is broken (the crate's tests keep that from shipping).
    pub fn embedded() -> Result<Catalog> {
        let models = load::load_files(load::EMBEDDED_FILES)?;
        load::check_seed_models(&models)?;
        let measurements = sound::Measurements::embedded()?;
        let curves = measurements.iter().cloned();
        Ok(Catalog::from_models(models).with_curves(curves, measurements.target()))
    }

    /// This catalog with published curves for some of its models (analysed against `target`);
    /// a curve for a model the catalog lacks is ignored.
    pub fn with_curves(
        self,
        curves: impl IntoIterator<Item = sound::Measurement>,
        target: &sound::Curve,
    ) -> Catalog {
        self.add_curves(curves, target, false)
    }

    /// Like [`Catalog::with_curves`], for the user's own measurements.
    pub fn with_user_curves(
        self,
        curves: impl IntoIterator<Item = sound::Measurement>,
        target: &sound::Curve,
    ) -> Catalog {
        self.add_curves(curves, target, true)
    }

    fn add_curves(
        mut self,
        curves: impl IntoIterator<Item = sound::Measurement>,
        target: &sound::Curve,
        own: bool,
    ) -> Catalog {
        let mut sound = HashMap::clone(&self.sound);
        for m in curves {
            if self.by_id.contains_key(&m.model) {
                sound.insert(m.model.clone(), sound::ModelSound::new(m, target, own));
            }
        }
        self.sound = Arc::new(sound);
        self
    }

    /// This catalog with `change` applied to every model (the user's own figures, say); the
    /// search index is rebuilt and the measured curves are kept.
    pub fn with_changed_models(&self, change: impl FnMut(&mut Model)) -> Catalog {
        let mut models = self.models.clone();
        models.iter_mut().for_each(change);
        let mut catalog = Catalog::from_models(models);
        catalog.sound = Arc::clone(&self.sound);
        catalog
    }

    /// The measured sound of a model, where a measurement is published.
    pub fn sound(&self, id: &str) -> Option<&sound::ModelSound> {
        if self.sound.is_empty() {
            return None;
        }
        self.sound.get(id)
    }

    /// A catalog of already validated models (tests, benchmarks, synthetic catalogs).
    pub fn from_models(models: Vec<Model>) -> Catalog {
        let by_id = models
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i))
            .collect();
        let search = query::Index::new(&models);
        Catalog {
            models,
            by_id,
            search,
            sound: Arc::default(),
        }
    }

    /// Every model, in data order.
    pub fn models(&self) -> &[Model] {
        &self.models
    }

    /// The model with this id.
    pub fn get(&self, id: &str) -> Option<&Model> {
        self.by_id.get(id).map(|&i| &self.models[i])
    }

    /// The model with this id, or a `NotFound` error naming it.
    ///
    /// # Errors
    /// `NotFound` when no model has the id.
    pub fn require(&self, id: &str) -> Result<&Model> {
        self.get(id).ok_or_else(|| Error::not_found("model", id))
    }

    /// This catalog plus `extra` models (the user's own), which must have ids of their own.
    ///
    /// # Errors
    /// `InvalidInput` when an extra model's id is already taken.
    pub fn with_extra(&self, extra: &[Model]) -> Result<Catalog> {
        let mut models = self.models.clone();
        for m in extra {
            if self.by_id.contains_key(&m.id) {
                return Err(Error::invalid_input(
                    "id",
                    format!("`{}` is already taken", m.id),
                ));
            }
            models.push(m.clone());
        }
        let mut catalog = Catalog::from_models(models);
        catalog.sound = Arc::clone(&self.sound);
        Ok(catalog)
    }

    /// Number of models.
    pub fn len(&self) -> usize {
        self.models.len()
    }

    /// Whether there are no models.
    pub fn is_empty(&self) -> bool {
        self.models.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_catalog_is_valid_and_holds_the_seed_models() {
        let catalog = Catalog::embedded().unwrap_or_else(|e| panic!("embedded catalog: {e}"));
        for (id, tier) in load::SEED_MODELS {
            assert_eq!(catalog.require(id).unwrap().tier, Some(*tier), "{id}");
        }
    }
}

/// The wire names the enums give themselves (`as_str`) are the ones serde reads and writes: the
/// command line and the UI take them from the enums, so the two must never drift.
#[cfg(test)]
mod wire_names {
    use serde::Serialize;

    fn serde_name<T: Serialize>(value: T) -> String {
        serde_json::to_value(value)
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn every_enums_as_str_is_its_serde_name() {
        use crate::advisor::{Room, Task};
        use crate::model::FigureKind;
        use crate::sound::{Normalize, Smoothing};
        use crate::{Back, SensitivityUnit, Tier, Transducer};
        for v in Back::ALL {
            assert_eq!(v.as_str(), serde_name(v));
        }
        for v in Tier::ALL {
            assert_eq!(v.as_str(), serde_name(v));
        }
        for v in Transducer::ALL {
            assert_eq!(v.as_str(), serde_name(v));
        }
        for v in SensitivityUnit::ALL {
            assert_eq!(v.as_str(), serde_name(v));
        }
        for v in Room::ALL {
            assert_eq!(v.as_str(), serde_name(v));
        }
        for v in Task::ALL {
            assert_eq!(v.as_str(), serde_name(v));
        }
        for v in FigureKind::ALL {
            assert_eq!(v.as_str(), serde_name(v));
        }
        for v in Smoothing::ALL {
            assert_eq!(v.as_str(), serde_name(v));
        }
        for v in Normalize::ALL {
            assert_eq!(v.as_str(), serde_name(v));
        }
        for v in crate::advisor::Fit::ALL {
            assert_eq!(v.as_str(), serde_name(v));
        }
        for v in crate::Verdict::ALL {
            assert_eq!(v.as_str(), serde_name(v));
        }
        for v in crate::journal::Status::ALL {
            assert_eq!(v.as_str(), serde_name(v));
        }
        for v in crate::journal::Verdict::ALL {
            assert_eq!(v.as_str(), serde_name(v));
        }
    }
}
