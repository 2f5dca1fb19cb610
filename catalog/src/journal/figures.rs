//! The user's own figures for catalog models: what their box or manual states, where the
//! catalog has nothing or says otherwise. They replace the catalog's figure everywhere
//! (drivability, the advisor, the comparison), marked as the user's.

use serde::{Deserialize, Serialize};

use super::check::{self, Problem};
use super::{Document, MAX_FIGURES};
use crate::error::{Error, Result};
use crate::load;
use crate::model::{FigureKind, FigureSource, Model, Price, Sensitivity};
use crate::Catalog;

/// The figures a user may enter for a catalog model. At least one is set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct UserFigures {
    /// Nominal impedance, ohm.
    #[serde(default)]
    pub impedance_ohm: Option<f64>,
    /// Sensitivity with its unit.
    #[serde(default)]
    pub sensitivity: Option<Sensitivity>,
    /// Weight without cable, grams.
    #[serde(default)]
    pub weight_g: Option<f64>,
    /// What the user paid or saw, in US dollars.
    #[serde(default)]
    pub price: Option<Price>,
}

/// The longest `price.source` a user may write.
const SOURCE_CHARS: usize = 120;

impl UserFigures {
    /// The fields that are set, by name.
    fn fields(&self) -> impl Iterator<Item = &'static str> + '_ {
        [
            ("impedance_ohm", self.impedance_ohm.is_some()),
            ("sensitivity", self.sensitivity.is_some()),
            ("weight_g", self.weight_g.is_some()),
            ("price", self.price.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
    }

    /// `model` with these figures in place of the catalog's, each marked as the user's, and a
    /// note on each saying what the catalog had.
    pub fn apply(&self, model: &mut Model) {
        for field in self.fields() {
            let before = catalog_value(model, field);
            match field {
                "impedance_ohm" => model.impedance_ohm = self.impedance_ohm,
                "sensitivity" => model.sensitivity = self.sensitivity,
                "weight_g" => model.weight_g = self.weight_g,
                _ => model.price.clone_from(&self.price),
            }
            model.provenance.insert(
                field.to_owned(),
                FigureSource {
                    kind: FigureKind::User,
                    source: None,
                },
            );
            model.figure_notes.insert(
                field.to_owned(),
                format!("Your own figure. The catalog has {before}."),
            );
        }
    }
}

/// A catalog figure as a note says it ("96 dB/mW", "nothing").
fn catalog_value(m: &Model, field: &str) -> String {
    let kind = m
        .figure_kind(field)
        .map_or(String::new(), |k| format!(" ({})", k.as_str()));
    let value = match field {
        "impedance_ohm" => m.impedance_ohm.map(|z| format!("{z} ohm")),
        "sensitivity" => m
            .sensitivity
            .map(|s| format!("{} {}", s.value, s.unit.as_str())),
        "weight_g" => m.weight_g.map(|g| format!("{g} g")),
        _ => m
            .price
            .as_ref()
            .map(|p| format!("{} {}", p.amount, p.currency)),
    };
    value.map_or("nothing".to_owned(), |v| v + &kind)
}

/// The rules for a user's figures for `model` (the catalog model they are for).
pub(crate) fn check(f: &UserFigures, model: &Model) -> check::Checked {
    let problem = |(field, reason): (&str, String)| Problem::new(field, reason);
    if f.fields().next().is_none() {
        return Err(Problem::new("", "enter at least one figure"));
    }
    if let Some(z) = f.impedance_ohm {
        let (low, high) = load::bounds::IMPEDANCE_OHM;
        if !(z.is_finite() && (low..=high).contains(&z)) {
            return Err(Problem::new(
                "impedance_ohm",
                format!("{z} ohm is outside {low}–{high} ohm"),
            ));
        }
    }
    if let Some(s) = f.sensitivity {
        if let Some(hz) = s.ref_hz {
            if !(hz.is_finite() && (20.0..=20_000.0).contains(&hz)) {
                return Err(Problem::new(
                    "sensitivity.ref_hz",
                    format!("{hz} Hz is outside 20–20000 Hz"),
                ));
            }
        }
        // Checked with the impedance the model will have: the user's, else the catalog's.
        load::check_sensitivity(s, f.impedance_ohm.or(model.impedance_ohm)).map_err(problem)?;
    }
    if let Some(g) = f.weight_g {
        let (low, high) = load::bounds::WEIGHT_G;
        if !(g.is_finite() && (low..=high).contains(&g)) {
            return Err(Problem::new(
                "weight_g",
                format!("{g} g is outside {low}–{high} g"),
            ));
        }
    }
    if let Some(p) = &f.price {
        if p.currency != "USD" {
            return Err(Problem::new(
                "price.currency",
                format!("prices are in USD, not {}", check::quote(&p.currency)),
            ));
        }
        let (low, high) = load::bounds::PRICE_USD;
        if !(p.amount.is_finite() && (low..=high).contains(&p.amount)) {
            return Err(Problem::new(
                "price.amount",
                format!("{} USD is outside {low}–{high} USD", p.amount),
            ));
        }
        if !check::is_date(&format!("{}-01", p.as_of)) {
            return Err(Problem::new(
                "price.as_of",
                format!("{} is not a month (YYYY-MM)", check::quote(&p.as_of)),
            ));
        }
        check::one_line("price.source", &p.source, SOURCE_CHARS)?;
    }
    Ok(())
}

impl Document {
    /// Sets the user's own figures for a catalog model (replacing any earlier ones) and returns
    /// the earlier ones, which undo puts back with this same call.
    ///
    /// # Errors
    /// `NotFound` for a model the catalog lacks (an own model's figures are edited on the model
    /// itself); `InvalidInput` naming the field for a figure out of range, a sensitivity that is
    /// implausible with the impedance, a price not in USD, or no figure at all; `InvalidInput`
    /// when 2,000 models already have figures.
    pub fn set_figures(
        &mut self,
        catalog: &Catalog,
        model_id: &str,
        figures: UserFigures,
    ) -> Result<Option<UserFigures>> {
        let model = catalog
            .get(model_id)
            .ok_or_else(|| Error::not_found("catalog model", model_id))?;
        check(&figures, model).map_err(|p| p.within("figures").input())?;
        self.put_for_model(
            |d| &mut d.figures,
            ("figures", MAX_FIGURES, "models"),
            model_id,
            figures,
        )
    }

    /// Removes the user's figures for a model and returns them (undo: [`Document::set_figures`]).
    ///
    /// # Errors
    /// `NotFound` when the model has none.
    pub fn remove_figures(&mut self, model_id: &str) -> Result<UserFigures> {
        self.figures
            .remove(model_id)
            .ok_or_else(|| Error::not_found("figures for model", model_id))
    }
}
