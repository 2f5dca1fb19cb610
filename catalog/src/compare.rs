//! The comparison: two to four models side by side, with the differences marked, the advisor's
//! fit and reasons for the user's profile, the loudness on the user's source and the user's own
//! try-on summary.
//!
//! [`build`] makes a [`Comparison`]: one [`Column`] per model in the order the user gave, and
//! [`Section`]s of [`Row`]s, each row one [`Cell`] per column. The text of a cell is what people
//! read; a figure nobody published reads [`NOT_PUBLISHED`], a try-on item of a model the user has
//! not tried reads [`NOT_TRIED`] (and one they tried but did not rate, [`NOT_RATED`]), never `0`.
//!
//! Marks, per row:
//! - `differs`: the cells do not all read the same (an unknown differs from any known value).
//! - `best`: on rows where "better" has a direction ([`Row::better`]: lighter weight, more
//!   headroom, a louder peak, a higher advisor score, higher try-on ratings), the cells holding
//!   the best value, compared as shown (rounded). Unknown values are never best; tied best values
//!   are all best; a row with fewer than two known values, or whose known values are all equal,
//!   has no best cell.
//!
//! [`to_markdown`] and [`to_csv`] export a comparison for printing or sharing.
//!
//! ```
//! use headroom_domain::{compare, Catalog, Profile};
//!
//! let catalog = Catalog::embedded().unwrap();
//! let ids = ["sennheiser-hd-650".to_owned(), "sony-mdr-7506".to_owned()];
//! let c = compare::build(&catalog, &ids, &Profile::default(), &[]).unwrap();
//! assert_eq!(c.columns[0].name, "Sennheiser HD 650");
//! let weight = c.row("weight_g").unwrap();
//! assert!(weight.cells.iter().all(|cell| cell.known));
//! assert!(compare::to_markdown(&c).contains("| ◆ Weight |"));
//! ```

use serde::Serialize;

use crate::journal;
use crate::model::{FigureKind, Origin};

mod export;
mod format;
mod sections;
#[cfg(test)]
mod sound_tests;
mod table;
#[cfg(test)]
mod tests;

pub use export::{to_csv, to_markdown, DIFFERS_MARK};
pub use table::build;

/// The fewest models a comparison holds.
pub const MIN_MODELS: usize = 2;
/// The most models a comparison holds (the journal's comparison set holds as many).
pub const MAX_MODELS: usize = journal::MAX_COMPARE;
/// How many of the advisor's reasons a comparison shows per model (the weightiest).
pub const TOP_REASONS: usize = 3;
/// The headroom bar spans this many dB either side of the target: a cell's `bar` is 0 at this
/// far short of the target or more, 0.5 exactly at the target, 1 at this much to spare or more.
pub const BAR_SPAN_DB: f64 = 20.0;
/// What a catalog figure nobody published reads.
pub const NOT_PUBLISHED: &str = "not published";
/// What a try-on item reads for a model the user has not tried.
pub const NOT_TRIED: &str = "not tried";
/// What a try-on rating reads for a model the user tried without rating that item.
pub const NOT_RATED: &str = "not rated";

/// Which way a row's values get better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    /// The highest value is best.
    Higher,
    /// The lowest value is best.
    Lower,
}

/// One model compared.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Column {
    /// The model's id.
    pub id: String,
    /// "Beyerdynamic DT 770 Pro 80 ohm".
    pub name: String,
    /// From the catalog or the user's own.
    pub origin: Origin,
}

/// One value of one model.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Cell {
    /// Formatted for people ("250 ohm"); an unknown reads [`NOT_PUBLISHED`], [`NOT_TRIED`],
    /// [`NOT_RATED`] or another word, never a number.
    pub text: String,
    /// On numeric rows, the number the text shows (rounded as shown); `None` when unknown and on
    /// rows that are not numeric.
    pub value: Option<f64>,
    /// Whether the value is known.
    pub known: bool,
    /// The best value of its row (see the module documentation).
    pub best: bool,
    /// On the headroom row only: where the model lands on a bar from [`BAR_SPAN_DB`] short of
    /// the target (0) through the target (0.5) to [`BAR_SPAN_DB`] to spare (1), clamped.
    pub bar: Option<f64>,
    /// On rows of catalog figures: how sure the figure is (maker, relayed, the user's own...).
    pub kind: Option<FigureKind>,
}

impl Cell {
    /// A known value that is not a number.
    fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            value: None,
            known: true,
            best: false,
            bar: None,
            kind: None,
        }
    }

    /// A known number, `value` already rounded as `text` shows it.
    fn number(value: f64, text: String) -> Cell {
        Cell {
            value: Some(value),
            ..Cell::text(text)
        }
    }

    /// An unknown value.
    fn unknown(text: &str) -> Cell {
        Cell {
            known: false,
            ..Cell::text(text)
        }
    }

    /// A known value, or [`NOT_PUBLISHED`].
    fn published<T>(value: Option<T>, show: impl FnOnce(T) -> Cell) -> Cell {
        value.map_or_else(|| Cell::unknown(NOT_PUBLISHED), show)
    }
}

/// One line of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Row {
    /// Stable snake_case id (`impedance_ohm`, `headroom_db`, `reason_1`).
    pub key: String,
    /// What people read.
    pub label: String,
    /// One per column, in column order.
    pub cells: Vec<Cell>,
    /// The cells do not all read the same.
    pub differs: bool,
    /// Which way the values get better, on rows where that is defined.
    pub better: Option<Better>,
}

/// A group of rows under a title.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Section {
    /// Stable id: `specs`, `build`, `price`, `notes`, `sources`, `advice`, `loudness`, `tryon`.
    pub key: String,
    /// What people read.
    pub title: String,
    /// The rows, in display order.
    pub rows: Vec<Row>,
}

/// Two to four models side by side.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Comparison {
    /// The models, in the user's order.
    pub columns: Vec<Column>,
    /// The rows, grouped.
    pub sections: Vec<Section>,
    /// The source the loudness rows are for ("Laptop headphone jack").
    pub source_name: String,
    /// The target peak level the headroom is measured against, dB SPL.
    pub target_db: f64,
}

impl Comparison {
    /// The row with this key, in any section.
    pub fn row(&self, key: &str) -> Option<&Row> {
        self.sections
            .iter()
            .flat_map(|s| &s.rows)
            .find(|r| r.key == key)
    }
}
