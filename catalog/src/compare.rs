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
//! use headroom_catalog::{compare, Catalog, Profile};
//!
//! let catalog = Catalog::embedded().unwrap();
//! let ids = ["sennheiser-hd-650".to_owned(), "sony-mdr-7506".to_owned()];
//! let c = compare::build(&catalog, &ids, &Profile::default(), &[]).unwrap();
//! assert_eq!(c.columns[0].name, "Sennheiser HD 650");
//! let weight = c.row("weight_g").unwrap();
//! assert!(weight.cells.iter().all(|cell| cell.known));
//! assert!(compare::to_markdown(&c).contains("| ◆ Weight |"));
//! ```

use std::collections::HashSet;

use serde::Serialize;

use crate::advisor::{self, Fit, Profile, Reason, Recommendation};
use crate::drive::{self, Verdict};
use crate::error::{Error, Result};
use crate::journal::{self, TryOnSummary};
use crate::model::{CableStyle, FigureKind, Model, Origin, SourceKind, Tier, Transducer};
use crate::sound::{self, ModelSound};
use crate::Catalog;

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

/// What one column is built from.
struct Col<'a> {
    model: &'a Model,
    rec: &'a Recommendation,
    /// The advisor's weightiest reasons, at most [`TOP_REASONS`].
    top: Vec<&'a Reason>,
    tryon: Option<&'a TryOnSummary>,
    sound: Option<&'a ModelSound>,
}

/// Compares the models `ids` (2 to 4, distinct, in the user's order) for `profile`, with the
/// user's try-on summaries `tryons` (those of other models are ignored).
///
/// The advisor's fit, score and reasons come from [`advisor::recommend`] over these models with
/// `show_over_budget` on, so a model above the budget still gets its fit (and a row says it is
/// over budget). The user's try-ons weigh in as they do in the advisor.
///
/// # Errors
/// - `InvalidInput` naming `ids` when there are fewer than 2 or more than 4, or one is listed
///   twice; naming `tryons` when two summaries are for the same compared model; naming the
///   profile field the advisor refuses (see [`Profile::validate`]) or `fits[i].field` for a
///   try-on average outside 1 to 5.
/// - `NotFound` naming the first id no model has.
pub fn build(
    catalog: &Catalog,
    ids: &[String],
    profile: &Profile,
    tryons: &[TryOnSummary],
) -> Result<Comparison> {
    if ids.len() < MIN_MODELS || ids.len() > MAX_MODELS {
        return Err(Error::invalid_input(
            "ids",
            format!(
                "pick {MIN_MODELS} to {MAX_MODELS} models to compare, not {}",
                ids.len()
            ),
        ));
    }
    let mut seen = HashSet::with_capacity(ids.len());
    if let Some(twice) = ids.iter().find(|id| !seen.insert(id.as_str())) {
        return Err(Error::invalid_input(
            "ids",
            format!("`{twice}` is listed twice"),
        ));
    }
    let models = ids
        .iter()
        .map(|id| catalog.require(id))
        .collect::<Result<Vec<&Model>>>()?;

    let mut own: Vec<&TryOnSummary> = Vec::with_capacity(ids.len());
    for t in tryons.iter().filter(|t| seen.contains(t.model_id.as_str())) {
        if own.iter().any(|o| o.model_id == t.model_id) {
            return Err(Error::invalid_input(
                "tryons",
                format!("two summaries for model `{}`", t.model_id),
            ));
        }
        own.push(t);
    }
    let fits: Vec<TryOnSummary> = own
        .iter()
        .filter(|t| t.sessions > 0)
        .map(|t| (*t).clone())
        .collect();
    let advised = Profile {
        show_over_budget: true,
        ..profile.clone()
    };
    let subset = Catalog::from_models(models.iter().map(|m| (*m).clone()).collect());
    let recs = advisor::recommend(&subset, &advised, &fits)?;

    let cols: Vec<Col<'_>> = models
        .iter()
        .map(|m| {
            let rec = recs
                .iter()
                .find(|r| r.id == m.id)
                .expect("the advisor ranks every model when show_over_budget is on");
            Col {
                model: m,
                rec,
                top: top_reasons(rec),
                tryon: own
                    .iter()
                    .copied()
                    .find(|t| t.model_id == m.id && t.sessions > 0),
                sound: catalog.sound(&m.id),
            }
        })
        .collect();

    let source_name = source_name(profile);
    let target = rounded(profile.target_db, 1);
    let sections = vec![
        specs(&cols),
        build_rows(&cols),
        price(&cols),
        notes(&cols),
        sources(&cols),
        advice(&cols),
        measured(&cols),
        loudness(&cols, &source_name, target),
        tryon(&cols, profile.glasses),
    ];
    Ok(Comparison {
        columns: models
            .iter()
            .map(|m| Column {
                id: m.id.clone(),
                name: m.display_name(),
                origin: m.origin,
            })
            .collect(),
        sections,
        source_name,
        target_db: profile.target_db,
    })
}

/// The preset's name, or the custom figures.
fn source_name(profile: &Profile) -> String {
    let choice = &profile.source;
    match drive::preset(&choice.preset) {
        Ok(p) => p.name.clone(),
        Err(_) => format!(
            "Custom source ({} Vrms, {} ohm)",
            num(choice.vrms.unwrap_or(f64::NAN), 2),
            num(choice.output_ohm.unwrap_or(f64::NAN), 1)
        ),
    }
}

/// A row: one cell per column from `cell`, then its marks.
fn row(
    key: &str,
    label: impl Into<String>,
    better: Option<Better>,
    cols: &[Col<'_>],
    cell: impl Fn(&Col<'_>) -> Cell,
) -> Row {
    let mut cells: Vec<Cell> = cols.iter().map(cell).collect();
    let differs = cells
        .windows(2)
        .any(|w| w[0].known != w[1].known || w[0].text != w[1].text);
    if let Some(better) = better {
        mark_best(&mut cells, better);
    }
    Row {
        key: key.to_owned(),
        label: label.into(),
        cells,
        differs,
        better,
    }
}

/// Marks the best known values (all of them when tied), unless fewer than two values are known
/// or all known values are equal.
fn mark_best(cells: &mut [Cell], better: Better) {
    let known: Vec<f64> = cells
        .iter()
        .filter(|c| c.known)
        .filter_map(|c| c.value)
        .collect();
    if known.len() < 2 || known.iter().all(|v| *v == known[0]) {
        return;
    }
    let best = match better {
        Better::Higher => known.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        Better::Lower => known.iter().copied().fold(f64::INFINITY, f64::min),
    };
    for c in cells.iter_mut() {
        c.best = c.known && c.value == Some(best);
    }
}

fn section(key: &str, title: impl Into<String>, rows: Vec<Row>) -> Section {
    Section {
        key: key.to_owned(),
        title: title.into(),
        rows,
    }
}

/// A published number with its unit: "250 ohm".
fn measure(value: Option<f64>, decimals: i32, unit: &str) -> Cell {
    Cell::published(value.filter(|v| v.is_finite()), |v| {
        let v = rounded(v, decimals);
        Cell::number(v, format!("{} {unit}", num(v, decimals)))
    })
}

fn yes_no(value: Option<bool>) -> Cell {
    Cell::published(value, |b| Cell::text(if b { "yes" } else { "no" }))
}

fn words(value: Option<&String>) -> Cell {
    Cell::published(value.filter(|s| !s.trim().is_empty()), |s| {
        Cell::text(s.as_str())
    })
}

fn specs(cols: &[Col<'_>]) -> Section {
    let rows = vec![
        row("back", "Cup design", None, cols, |c| {
            Cell::text(c.model.back.label())
        }),
        row("transducer", "Driver type", None, cols, |c| {
            Cell::published(c.model.transducer, |t| Cell::text(transducer_label(t)))
        }),
        row("driver_mm", "Driver size", None, cols, |c| {
            measure(c.model.driver_mm, 1, "mm")
        }),
        row("impedance_ohm", "Impedance", None, cols, |c| {
            measure(c.model.impedance_ohm, 1, "ohm")
        }),
        row(
            "sensitivity",
            "Sensitivity (as published)",
            None,
            cols,
            |c| {
                Cell::published(c.model.sensitivity, |s| {
                    let mut text = format!("{} {}", num(s.value, 1), s.unit.as_str());
                    if let Some(hz) = s.ref_hz {
                        text.push_str(&format!(" at {}", hertz(hz)));
                    }
                    Cell::text(text)
                })
            },
        ),
        row(
            "sensitivity_db_per_mw",
            "Sensitivity in dB/mW",
            None,
            cols,
            |c| measure(c.model.sensitivity_db_per_mw(), 1, "dB/mW"),
        ),
        row("weight_g", "Weight", Some(Better::Lower), cols, |c| {
            measure(c.model.weight_g, 0, "g")
        }),
        row("frequency_response", "Frequency range", None, cols, |c| {
            Cell::published(c.model.frequency_response, |f| {
                Cell::text(format!("{} – {}", hertz(f.low_hz), hertz(f.high_hz)))
            })
        }),
    ];
    section("specs", "Specs", with_kinds(rows, cols))
}

/// Marks each cell of a catalog figure's row with how sure that model's figure is (the row key
/// is the field name; the converted sensitivity shares the published one's kind).
fn with_kinds(mut rows: Vec<Row>, cols: &[Col<'_>]) -> Vec<Row> {
    for r in &mut rows {
        let field = match r.key.as_str() {
            "sensitivity_db_per_mw" => "sensitivity",
            key => key,
        };
        for (cell, c) in r.cells.iter_mut().zip(cols) {
            if cell.known {
                cell.kind = c.model.figure_kind(field);
            }
        }
    }
    rows
}

/// The measured sound against the Harman over-ear 2018 target: the predicted preference rating
/// and the mean error in each band (loudness-matched), and whose measurement it is.
fn measured(cols: &[Col<'_>]) -> Section {
    const NOT_MEASURED: &str = "no published measurement";
    let mut rows = vec![row(
        "preference",
        "Predicted preference (Olive et al. 2018; a model of average listeners)",
        Some(Better::Higher),
        cols,
        |c| match c.sound {
            Some(s) => {
                let v = rounded(s.preference, 1);
                Cell::number(v, num(v, 1))
            }
            None => Cell::unknown(NOT_MEASURED),
        },
    )];
    for (i, &(name, label, low, high)) in sound::BANDS.iter().enumerate() {
        let key = format!("band_{}", name.replace('-', "_"));
        let label = format!("{label} {} vs target", sound::band_range(low, high));
        rows.push(row(&key, label, None, cols, |c| match c.sound {
            Some(s) => {
                let v = rounded(s.bands[i].error_db, 1);
                Cell::number(v, format!("{} dB", signed(v)))
            }
            None => Cell::unknown(NOT_MEASURED),
        }));
    }
    rows.push(row("measured_by", "Measured by", None, cols, |c| {
        match c.sound {
            Some(s) => {
                let p = &s.measurement.provenance;
                Cell::text(match &p.note {
                    Some(note) => format!("{} ({note})", p.measurer),
                    None => p.measurer.clone(),
                })
            }
            None => Cell::unknown(NOT_MEASURED),
        }
    }));
    section("measured", "Measured sound", rows)
}

/// "+1.5", "-0.3", "0".
fn signed(v: f64) -> String {
    if v > 0.0 {
        format!("+{}", num(v, 1))
    } else {
        num(v, 1)
    }
}

fn build_rows(cols: &[Col<'_>]) -> Section {
    let rows = vec![
        row("cable_detachable", "Detachable cable", None, cols, |c| {
            yes_no(c.model.cable.detachable)
        }),
        row("cable_length_m", "Cable length", None, cols, |c| {
            measure(c.model.cable.length_m, 2, "m")
        }),
        row("cable_style", "Cable style", None, cols, |c| {
            Cell::published(c.model.cable.style, |s| {
                Cell::text(match s {
                    CableStyle::Straight => "straight",
                    CableStyle::Coiled => "coiled",
                    CableStyle::Both => "straight and coiled",
                })
            })
        }),
        row("cable_connector", "Connector", None, cols, |c| {
            words(c.model.cable.connector.as_ref())
        }),
        row("folds", "Folds", None, cols, |c| yes_no(c.model.folds)),
        row("swivels", "Swivels", None, cols, |c| {
            yes_no(c.model.swivels)
        }),
        row("pads", "Pads", None, cols, |c| words(c.model.pads.as_ref())),
    ];
    section("build", "Build and cable", rows)
}

fn price(cols: &[Col<'_>]) -> Section {
    let rows = vec![
        row("tier", "Price tier", None, cols, |c| {
            Cell::published(c.model.tier, |t| Cell::text(tier_label(t)))
        }),
        // Not numeric: prices in different currencies or years do not compare.
        row("price", "Indicative price", None, cols, |c| {
            Cell::published(c.model.price.as_ref(), |p| {
                Cell::text(format!("{} {} ({})", num(p.amount, 2), p.currency, p.as_of))
            })
        }),
        row("price_source", "Price seen at", None, cols, |c| {
            words(c.model.price.as_ref().map(|p| &p.source))
        }),
        row("year", "Launch year", None, cols, |c| {
            Cell::published(c.model.year, |y| Cell::number(f64::from(y), y.to_string()))
        }),
    ];
    section("price", "Price and year", with_kinds(rows, cols))
}

fn notes(cols: &[Col<'_>]) -> Section {
    let rows = vec![
        row("notes_isolation", "Isolation", None, cols, |c| {
            words(c.model.notes.isolation.as_ref())
        }),
        row("notes_leakage", "Leakage", None, cols, |c| {
            words(c.model.notes.leakage.as_ref())
        }),
        row("notes_comfort", "Comfort", None, cols, |c| {
            words(c.model.notes.comfort.as_ref())
        }),
    ];
    section("notes", "Studio notes", rows)
}

fn sources(cols: &[Col<'_>]) -> Section {
    let rows = vec![
        row("origin", "Entered by", None, cols, |c| {
            Cell::text(match c.model.origin {
                Origin::Catalog => "the catalog",
                Origin::User => "you",
            })
        }),
        row("sources_count", "Sources", None, cols, |c| {
            let n = c.model.sources.len();
            Cell::number(n as f64, n.to_string())
        }),
        row("sources_kinds", "Kinds of source", None, cols, |c| {
            let kinds: Vec<&str> = SourceKind::ALL
                .into_iter()
                .filter(|k| c.model.sources.iter().any(|s| s.kind == *k))
                .map(SourceKind::as_str)
                .collect();
            Cell::text(if kinds.is_empty() {
                "none".to_owned()
            } else {
                kinds.join(", ")
            })
        }),
        row("figure_notes", "Figure notes", None, cols, |c| {
            let notes = &c.model.figure_notes;
            Cell::text(if notes.is_empty() {
                "none".to_owned()
            } else {
                notes
                    .iter()
                    .map(|(field, note)| format!("{field}: {note}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        }),
    ];
    section("sources", "Sources", rows)
}

fn advice(cols: &[Col<'_>]) -> Section {
    let mut rows = vec![
        row("fit", "Fit", None, cols, |c| {
            Cell::text(fit_label(c.rec.fit))
        }),
        row("score", "Advisor score", Some(Better::Higher), cols, |c| {
            let s = rounded(c.rec.score, 2);
            Cell::number(s, num(s, 2))
        }),
        row("budget", "Budget", None, cols, |c| match c.model.tier {
            Some(t) if c.rec.over_budget => Cell::text(format!("over budget ({})", tier_label(t))),
            Some(_) => Cell::text("within budget"),
            None => Cell::unknown("no price tier"),
        }),
    ];
    for i in 0..TOP_REASONS {
        let n = i + 1;
        rows.push(row(
            &format!("reason_{n}"),
            format!("Reason {n}"),
            None,
            cols,
            |c| {
                c.top.get(i).map_or_else(
                    || Cell::unknown("none"),
                    |r| Cell::text(format!("{} {}", signed_weight(r.weight), r.text)),
                )
            },
        ));
    }
    section("advice", "Advice for your profile", rows)
}

/// The weightiest reasons, pros and cons alike; equal weights keep the advisor's order.
fn top_reasons(rec: &Recommendation) -> Vec<&Reason> {
    let mut reasons: Vec<&Reason> = rec.reasons.iter().collect();
    reasons.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
    reasons.truncate(TOP_REASONS);
    reasons
}

fn loudness(cols: &[Col<'_>], source_name: &str, target: f64) -> Section {
    let t = num(target, 1);
    let rows = vec![
        row(
            "max_spl_db",
            "Loudest peak",
            Some(Better::Higher),
            cols,
            |c| measure(c.rec.drive.map(|d| d.max_spl_db), 1, "dB SPL"),
        ),
        row(
            "headroom_db",
            format!("Headroom over {t} dB"),
            Some(Better::Higher),
            cols,
            |c| {
                Cell::published(c.rec.drive, |d| {
                    let h = rounded(d.headroom_db, 1);
                    let text = if h < 0.0 {
                        format!("{} dB short", num(-h, 1))
                    } else {
                        format!("{} dB to spare", num(h, 1))
                    };
                    Cell {
                        bar: Some(((h + BAR_SPAN_DB) / (2.0 * BAR_SPAN_DB)).clamp(0.0, 1.0)),
                        ..Cell::number(h, text)
                    }
                })
            },
        ),
        row("verdict", "Verdict", None, cols, |c| {
            Cell::published(c.rec.drive, |d| Cell::text(verdict_label(d.verdict)))
        }),
        row("damping", "Damping", None, cols, |c| {
            Cell::published(c.rec.drive, |d| {
                Cell::text(if d.damping_ok {
                    "fine"
                } else {
                    "source impedance over 1/8 of the load"
                })
            })
        }),
    ];
    section(
        "loudness",
        format!("Loudness on {source_name}, for {t} dB SPL peaks"),
        rows,
    )
}

fn tryon(cols: &[Col<'_>], glasses: bool) -> Section {
    type Pick = fn(&TryOnSummary) -> Option<f64>;
    let mut rows = vec![
        row("tryon_sessions", "Sessions", None, cols, |c| {
            c.tryon.map_or_else(
                || Cell::unknown(NOT_TRIED),
                |t| Cell::number(t.sessions as f64, t.sessions.to_string()),
            )
        }),
        row("tryon_last_date", "Last tried", None, cols, |c| {
            c.tryon.map_or_else(
                || Cell::unknown(NOT_TRIED),
                |t| Cell::text(t.last_date.as_str()),
            )
        }),
    ];
    let ratings: [(&str, &str, Pick); 6] = [
        ("tryon_comfort", "Comfort", |t| t.avg_comfort),
        ("tryon_clamp", "Clamp", |t| t.avg_clamp),
        ("tryon_weight", "Weight on the head", |t| t.avg_weight),
        ("tryon_heat", "Heat", |t| t.avg_heat),
        ("tryon_pads", "Pads", |t| t.avg_pads),
        ("tryon_glasses_fit", "Fit with glasses", |t| {
            t.avg_glasses_fit
        }),
    ];
    for (key, label, pick) in ratings {
        let any_known = cols.iter().any(|c| c.tryon.and_then(pick).is_some());
        if key == "tryon_glasses_fit" && !glasses && !any_known {
            continue;
        }
        rows.push(row(key, label, Some(Better::Higher), cols, |c| {
            match c.tryon {
                None => Cell::unknown(NOT_TRIED),
                Some(t) => pick(t).filter(|v| v.is_finite()).map_or_else(
                    || Cell::unknown(NOT_RATED),
                    |v| {
                        let v = rounded(v, 1);
                        Cell::number(v, format!("{}/5", num(v, 1)))
                    },
                ),
            }
        }));
    }
    rows.push(row(
        "tryon_verdict",
        "Your last verdict",
        None,
        cols,
        |c| match c.tryon {
            None => Cell::unknown(NOT_TRIED),
            Some(t) => t
                .last_verdict
                .map_or_else(|| Cell::unknown("no verdict"), |v| Cell::text(v.as_str())),
        },
    ));
    rows.push(row("tryon_note", "Latest note", None, cols, |c| {
        match c.tryon {
            None => Cell::unknown(NOT_TRIED),
            Some(t) => t
                .latest_note
                .as_deref()
                .filter(|n| !n.trim().is_empty())
                .map_or_else(|| Cell::unknown("no notes"), Cell::text),
        }
    }));
    section("tryon", "Your try-on (ratings 1 to 5, 5 is best)", rows)
}

fn transducer_label(t: Transducer) -> &'static str {
    match t {
        Transducer::Dynamic => "dynamic",
        Transducer::PlanarMagnetic => "planar magnetic",
        Transducer::Electrostatic => "electrostatic",
        Transducer::Other => "other",
    }
}

fn tier_label(t: Tier) -> &'static str {
    match t {
        Tier::Budget => "budget",
        Tier::Midrange => "midrange",
        Tier::HighEnd => "high-end",
    }
}

fn fit_label(f: Fit) -> &'static str {
    match f {
        Fit::Great => "great",
        Fit::Good => "good",
        Fit::Fair => "fair",
        Fit::Poor => "poor",
    }
}

fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::Comfortable => "comfortable",
        Verdict::Enough => "enough",
        Verdict::Marginal => "marginal",
        Verdict::TooQuiet => "too quiet",
    }
}

/// "5 Hz", "35 kHz", "41.5 kHz".
fn hertz(hz: f64) -> String {
    if hz >= 1000.0 {
        format!("{} kHz", num(rounded(hz / 1000.0, 2), 2))
    } else {
        format!("{} Hz", num(rounded(hz, 1), 1))
    }
}

/// "+2.0", "-0.5", "+0.25": a reason's weight, always signed and with at least one decimal.
fn signed_weight(w: f64) -> String {
    let r = rounded(w, 2);
    let mut digits = num(r.abs(), 2);
    if !digits.contains('.') {
        digits.push_str(".0");
    }
    format!("{}{digits}", if r < 0.0 { '-' } else { '+' })
}

/// `x` rounded to `decimals` (half away from zero), with no negative zero.
fn rounded(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    let r = (x * scale).round() / scale;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// `x` with at most `decimals` decimals, trailing zeros dropped ("250", "97.8"). Callers pass
/// values already [`rounded`] to as many decimals, so the text and the value agree.
fn num(x: f64, decimals: i32) -> String {
    if !x.is_finite() {
        return "?".to_owned();
    }
    let text = format!("{:.*}", decimals.max(0) as usize, rounded(x, decimals));
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

// ---- exports ----

/// The mark before the label of a row whose models differ, in [`to_markdown`].
pub const DIFFERS_MARK: &str = "◆ ";

/// The comparison as GitHub-flavoured Markdown: a title and a legend, then per section a
/// heading and a table whose first column is the row label and then one column per model.
/// A row whose models differ has its label marked with [`DIFFERS_MARK`]; best cells are bold.
///
/// All catalog and user text is escaped (`\ ` * _ [ ] < > | ~ & ! #` and backticks), and line
/// breaks become spaces, so it renders as written and never as a link, an image or HTML.
pub fn to_markdown(c: &Comparison) -> String {
    let mut out = String::from("# Headroom comparison\n\n");
    out.push_str(&format!(
        "{DIFFERS_MARK}marks the rows where the models differ; **bold** marks the better value \
         where better has a direction; [brackets] say how sure a catalog figure is (maker, \
         retailer, review, measured, relayed, or user for your own). Loudness is for {}, against \
         {} dB SPL peaks.\n",
        md_escape(&c.source_name),
        num(c.target_db, 1)
    ));
    for s in &c.sections {
        out.push_str(&format!("\n## {}\n\n| |", md_escape(&s.title)));
        for col in &c.columns {
            out.push_str(&format!(" {} |", md_escape(&col.name)));
        }
        out.push_str("\n| --- |");
        for _ in &c.columns {
            out.push_str(" --- |");
        }
        out.push('\n');
        for r in &s.rows {
            let mark = if r.differs { DIFFERS_MARK } else { "" };
            out.push_str(&format!("| {mark}{} |", md_escape(&r.label)));
            for cell in &r.cells {
                let text = md_escape(&cell_with_kind(cell));
                if cell.best {
                    out.push_str(&format!(" **{text}** |"));
                } else {
                    out.push_str(&format!(" {text} |"));
                }
            }
            out.push('\n');
        }
    }
    out
}

/// A cell as the exports write it: its text, and the kind of a catalog figure in brackets
/// ("96 dB/mW [relayed]").
fn cell_with_kind(cell: &Cell) -> String {
    match cell.kind {
        Some(kind) => format!("{} [{}]", cell.text, kind.as_str()),
        None => cell.text.clone(),
    }
}

/// Escapes everything that could start Markdown syntax or break a table cell, and turns line
/// breaks into spaces.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push(' ');
                }
            }
            '\n' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The comparison as CSV (RFC 4180: comma-separated, CRLF line ends, fields holding a comma, a
/// quote or a line break quoted, quotes doubled).
///
/// The header is `section,row,<one column per model, named>,differs,best`; then one line per
/// row: its section's title, its label, each model's cell text, `yes` or `no`, and the names of
/// the models with the best value, joined by `; ` (empty when there is none).
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so
/// a spreadsheet shows it as text instead of running it as a formula, unless it is a plain
/// number (`-3.5`, `+2`), which stays a number.
pub fn to_csv(c: &Comparison) -> String {
    let mut out = String::new();
    let header = ["section".to_owned(), "row".to_owned()]
        .into_iter()
        .chain(c.columns.iter().map(|col| col.name.clone()))
        .chain(["differs".to_owned(), "best".to_owned()]);
    crate::csv::line(&mut out, header);
    for s in &c.sections {
        for r in &s.rows {
            let best: Vec<&str> = r
                .cells
                .iter()
                .zip(&c.columns)
                .filter(|(cell, _)| cell.best)
                .map(|(_, col)| col.name.as_str())
                .collect();
            let line = [s.title.clone(), r.label.clone()]
                .into_iter()
                .chain(r.cells.iter().map(cell_with_kind))
                .chain([
                    if r.differs { "yes" } else { "no" }.to_owned(),
                    best.join("; "),
                ]);
            crate::csv::line(&mut out, line);
        }
    }
    out
}

#[cfg(test)]
mod sound_tests {
    use super::*;

    #[test]
    fn figures_carry_their_kind_into_the_cells_and_the_exports() {
        let catalog = Catalog::embedded().unwrap();
        let ids = ["sennheiser-hd-650".to_owned(), "sony-mdr-7506".to_owned()];
        let c = build(&catalog, &ids, &Profile::default(), &[]).unwrap();
        let hd650 = catalog.require("sennheiser-hd-650").unwrap();
        let impedance = c.row("impedance_ohm").unwrap();
        assert_eq!(impedance.cells[0].kind, hd650.figure_kind("impedance_ohm"));
        assert!(
            impedance.cells[0].kind.is_some(),
            "every catalog figure has a kind"
        );
        let kind = impedance.cells[0].kind.unwrap().as_str();
        let md = to_markdown(&c);
        assert!(md.contains(&format!("| 300 ohm \\[{kind}\\] |")), "{md}");
        assert!(to_csv(&c).contains(&format!("300 ohm [{kind}]")));
    }

    #[test]
    fn the_measured_section_has_the_rating_the_bands_and_who_measured() {
        let catalog = Catalog::embedded().unwrap();
        let ids = ["sennheiser-hd-650".to_owned(), "sony-mdr-v6".to_owned()];
        let c = build(&catalog, &ids, &Profile::default(), &[]).unwrap();
        let pref = c.row("preference").unwrap();
        let hd650 = catalog.sound("sennheiser-hd-650").unwrap();
        assert_eq!(pref.cells[0].value, Some(rounded(hd650.preference, 1)));
        assert!(
            !pref.cells[1].known,
            "the MDR-V6 has no published measurement"
        );
        assert_eq!(pref.cells[1].text, "no published measurement");
        let bass = c.row("band_bass").unwrap();
        assert_eq!(bass.label, "Bass 60–250 Hz vs target");
        assert_eq!(
            bass.cells[0].value,
            Some(rounded(hd650.bands[1].error_db, 1))
        );
        assert_eq!(c.row("measured_by").unwrap().cells[0].text, "oratory1990");
        assert_eq!(
            sound::BANDS.len() + 2,
            c.sections
                .iter()
                .find(|s| s.key == "measured")
                .unwrap()
                .rows
                .len()
        );
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use serde_json::json;

    use super::*;
    use crate::advisor::{Room, SourceChoice, Task};
    use crate::journal::Verdict as TryVerdict;
    use crate::ErrorKind;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    /// Three invented models, so nothing here changes when the real catalog does: a light
    /// closed 32 ohm model published in dB/mW, a heavier open 300 ohm one in dB/V, and a user's
    /// own model with little published (but the same driver size and cable as the others).
    fn fixture_catalog() -> Catalog {
        let models = [
            json!({
                "id": "acme-s1", "family": "acme-s1", "brand": "Acme", "model": "S1",
                "back": "closed", "transducer": "dynamic", "driver_mm": 40, "impedance_ohm": 32,
                "sensitivity": { "value": 98, "unit": "dB/mW", "ref_hz": 1000 },
                "weight_g": 250,
                "frequency_response": { "low_hz": 5, "high_hz": 35000 },
                "cable": { "detachable": true, "length_m": 3, "style": "coiled",
                           "connector": "3.5 mm | 6.35 mm" },
                "folds": true, "swivels": true, "pads": "protein leather", "tier": "budget",
                "price": { "amount": 99, "currency": "USD", "as_of": "2025-06",
                           "source": "A *shop*, [link](https://example.com)" },
                "year": 2019,
                "notes": { "isolation": "Good", "leakage": "Low", "comfort": "Snug,\nwarm" },
                "sources": [ { "kind": "maker", "title": "spec", "url": "https://example.com/a" },
                             { "kind": "review", "title": "review", "url": "https://example.com/b" } ],
                "figure_notes": { "weight_g": "measured by a <b>review</b>" },
            }),
            json!({
                "id": "bolt-o2", "family": "bolt-o2", "brand": "Bolt", "model": "O2",
                "variant": "300 ohm",
                "back": "open", "transducer": "dynamic", "driver_mm": 40, "impedance_ohm": 300,
                "sensitivity": { "value": 103, "unit": "dB/V", "ref_hz": null },
                "weight_g": 260,
                "frequency_response": { "low_hz": 10, "high_hz": 41000 },
                "cable": { "detachable": true, "length_m": 3, "style": "straight",
                           "connector": "6.35 mm" },
                "folds": false, "swivels": null, "pads": "velour", "tier": "midrange",
                "price": { "amount": 399, "currency": "USD", "as_of": "2025-06", "source": "shop" },
                "year": 2005,
                "notes": { "isolation": "None", "leakage": "High", "comfort": "Light" },
                "sources": [ { "kind": "maker", "title": "spec", "url": "https://example.com/c" } ],
            }),
            json!({
                "id": "user-mystery-1", "family": "user-mystery-1", "brand": "", "model": "=Mystery",
                "back": "semi-open", "origin": "user", "driver_mm": 40,
                "cable": { "detachable": true, "length_m": 3 },
            }),
        ];
        Catalog::from_models(
            models
                .into_iter()
                .map(|m| serde_json::from_value(m).expect("a valid test model"))
                .collect(),
        )
    }

    /// A profile with custom source figures, independent of the embedded presets.
    fn fixture_profile() -> Profile {
        Profile {
            room: Room::Moderate,
            tasks: vec![Task::Tracking, Task::Mixing],
            source: SourceChoice {
                preset: "custom".to_owned(),
                vrms: Some(1.0),
                output_ohm: Some(10.0),
            },
            budget: Tier::Budget,
            hours: 4.0,
            glasses: true,
            ..Profile::default()
        }
    }

    fn summary(model_id: &str, comfort: Option<f64>, weight: Option<f64>) -> TryOnSummary {
        TryOnSummary {
            model_id: model_id.to_owned(),
            sessions: 2,
            last_date: "2025-05-03".to_owned(),
            avg_comfort: comfort,
            avg_clamp: Some(4.0),
            avg_weight: weight,
            avg_heat: None,
            avg_pads: None,
            avg_glasses_fit: None,
            avg_bass: Some(3.0),
            avg_mids: None,
            avg_treble: None,
            avg_soundstage: None,
            avg_isolation: None,
            avg_leakage: None,
            last_verdict: Some(TryVerdict::Keep),
            latest_note: Some("Comfy | but *warm*\n<script>".to_owned()),
        }
    }

    fn fixture_comparison() -> Comparison {
        let tryons = [
            summary("bolt-o2", Some(4.5), Some(4.0)),
            summary("acme-s1", Some(3.0), None),
            summary("not-compared", Some(1.0), None),
        ];
        build(
            &fixture_catalog(),
            &ids(&["bolt-o2", "acme-s1", "user-mystery-1"]),
            &fixture_profile(),
            &tryons,
        )
        .unwrap()
    }

    fn row<'c>(c: &'c Comparison, key: &str) -> &'c Row {
        c.row(key).unwrap_or_else(|| panic!("no row `{key}`"))
    }

    fn texts(r: &Row) -> Vec<&str> {
        r.cells.iter().map(|c| c.text.as_str()).collect()
    }

    fn bests(r: &Row) -> Vec<bool> {
        r.cells.iter().map(|c| c.best).collect()
    }

    fn error(result: Result<Comparison>) -> Error {
        match result {
            Ok(c) => panic!("expected an error, got {} columns", c.columns.len()),
            Err(e) => e,
        }
    }

    #[test]
    fn compare_has_a_row_for_every_field_and_every_part() {
        let c = fixture_comparison();
        let keys: Vec<&str> = c
            .sections
            .iter()
            .flat_map(|s| &s.rows)
            .map(|r| r.key.as_str())
            .collect();
        // Every field of `Model` except those in the column header (id, family, brand, model,
        // variant), then the advice, the loudness and the try-on summary.
        let expected = [
            "back",
            "transducer",
            "driver_mm",
            "impedance_ohm",
            "sensitivity",
            "sensitivity_db_per_mw",
            "weight_g",
            "frequency_response",
            "cable_detachable",
            "cable_length_m",
            "cable_style",
            "cable_connector",
            "folds",
            "swivels",
            "pads",
            "tier",
            "price",
            "price_source",
            "year",
            "notes_isolation",
            "notes_leakage",
            "notes_comfort",
            "origin",
            "sources_count",
            "sources_kinds",
            "figure_notes",
            "fit",
            "score",
            "budget",
            "reason_1",
            "reason_2",
            "reason_3",
            "preference",
            "band_sub_bass",
            "band_bass",
            "band_low_mids",
            "band_mids",
            "band_presence",
            "band_treble",
            "band_air",
            "measured_by",
            "max_spl_db",
            "headroom_db",
            "verdict",
            "damping",
            "tryon_sessions",
            "tryon_last_date",
            "tryon_comfort",
            "tryon_clamp",
            "tryon_weight",
            "tryon_heat",
            "tryon_pads",
            "tryon_glasses_fit",
            "tryon_verdict",
            "tryon_note",
        ];
        assert_eq!(keys, expected);
        for r in c.sections.iter().flat_map(|s| &s.rows) {
            assert_eq!(r.cells.len(), 3, "row {}", r.key);
        }
        assert_eq!(
            c.columns
                .iter()
                .map(|col| col.name.as_str())
                .collect::<Vec<_>>(),
            ["Bolt O2 300 ohm", "Acme S1", "=Mystery"],
            "the user's order"
        );
        assert_eq!(c.columns[2].origin, Origin::User);
    }

    #[test]
    fn compare_formats_the_catalog_figures() {
        let c = fixture_comparison();
        assert_eq!(
            texts(row(&c, "impedance_ohm")),
            ["300 ohm", "32 ohm", NOT_PUBLISHED]
        );
        assert_eq!(
            texts(row(&c, "sensitivity")),
            ["103 dB/V", "98 dB/mW at 1 kHz", NOT_PUBLISHED]
        );
        // 103 dB/V at 300 ohm is 97.8 dB/mW (ARCHITECTURE.md's worked example).
        let per_mw = row(&c, "sensitivity_db_per_mw");
        assert_eq!(texts(per_mw), ["97.8 dB/mW", "98 dB/mW", NOT_PUBLISHED]);
        assert_eq!(per_mw.cells[0].value, Some(97.8));
        assert_eq!(per_mw.better, None, "sensitivity is not better either way");
        assert_eq!(
            texts(row(&c, "frequency_response")),
            ["10 Hz – 41 kHz", "5 Hz – 35 kHz", NOT_PUBLISHED]
        );
        assert_eq!(
            texts(row(&c, "price")),
            ["399 USD (2025-06)", "99 USD (2025-06)", NOT_PUBLISHED]
        );
        assert_eq!(
            texts(row(&c, "swivels")),
            [NOT_PUBLISHED, "yes", NOT_PUBLISHED]
        );
        assert_eq!(
            texts(row(&c, "sources_kinds")),
            ["maker", "maker, review", "none"]
        );
        assert_eq!(
            texts(row(&c, "origin")),
            ["the catalog", "the catalog", "you"]
        );
    }

    #[test]
    fn compare_advice_rows_show_fit_score_budget_and_top_reasons() {
        let c = fixture_comparison();
        // The budget is `budget`: the midrange model still gets its fit, flagged over budget.
        assert_eq!(
            texts(row(&c, "budget")),
            ["over budget (midrange)", "within budget", "no price tier"]
        );
        let recs = advisor::recommend(
            &fixture_catalog(),
            &Profile {
                show_over_budget: true,
                ..fixture_profile()
            },
            &[
                summary("bolt-o2", Some(4.5), Some(4.0)),
                summary("acme-s1", Some(3.0), None),
            ],
        )
        .unwrap();
        for (i, col) in c.columns.iter().enumerate() {
            let rec = recs.iter().find(|r| r.id == col.id).unwrap();
            assert_eq!(
                row(&c, "score").cells[i].value,
                Some(rounded(rec.score, 2)),
                "{}",
                col.id
            );
            assert_eq!(row(&c, "fit").cells[i].text, fit_label(rec.fit));
            let max = rec
                .reasons
                .iter()
                .map(|r| r.weight.abs())
                .fold(0.0, f64::max);
            let first = &row(&c, "reason_1").cells[i].text;
            assert!(
                first.starts_with(&signed_weight(
                    rec.reasons
                        .iter()
                        .find(|r| r.weight.abs() == max)
                        .unwrap()
                        .weight
                )),
                "{first}"
            );
        }
        // The Bolt's two heaviest reasons weigh 4.0 each: they keep the advisor's order.
        assert!(row(&c, "reason_1").cells[0]
            .text
            .starts_with("-4.0 300 ohm on your source"));
        assert_eq!(
            row(&c, "reason_2").cells[0].text,
            "+4.0 You marked it \"keep\" after your own try-on"
        );
        assert!(
            row(&c, "score")
                .cells
                .iter()
                .filter(|cell| cell.best)
                .count()
                == 1
        );
        assert_eq!(signed_weight(-0.5), "-0.5");
        assert_eq!(signed_weight(0.25), "+0.25");
        assert_eq!(signed_weight(2.0), "+2.0");
    }

    #[test]
    fn compare_marks_rows_that_differ() {
        let c = fixture_comparison();
        assert!(!row(&c, "driver_mm").differs, "40 mm three times");
        assert!(!row(&c, "cable_detachable").differs, "yes three times");
        assert!(
            row(&c, "transducer").differs,
            "dynamic, dynamic and unknown differ"
        );
        let catalog = fixture_catalog();
        let two = build(
            &catalog,
            &ids(&["acme-s1", "bolt-o2"]),
            &fixture_profile(),
            &[],
        )
        .unwrap();
        assert!(!row(&two, "driver_mm").differs, "40 mm both");
        assert!(!row(&two, "cable_length_m").differs, "3 m both");
        assert!(!row(&two, "cable_detachable").differs);
        assert!(row(&two, "impedance_ohm").differs);
        assert!(row(&two, "back").differs);
        assert!(!row(&two, "tryon_comfort").differs, "not tried, both");
        // Nobody wears glasses and nobody rated the fit with them: no row.
        let no_glasses = Profile {
            glasses: false,
            ..fixture_profile()
        };
        let plain = build(&catalog, &ids(&["acme-s1", "bolt-o2"]), &no_glasses, &[]).unwrap();
        assert!(plain.row("tryon_glasses_fit").is_none());
        let mut rated = summary("acme-s1", None, None);
        rated.avg_glasses_fit = Some(2.0);
        let with = build(
            &catalog,
            &ids(&["acme-s1", "bolt-o2"]),
            &no_glasses,
            &[rated],
        )
        .unwrap();
        assert_eq!(texts(row(&with, "tryon_glasses_fit")), ["2/5", NOT_TRIED]);
    }

    #[test]
    fn compare_marks_the_better_value() {
        let c = fixture_comparison();
        // Lighter is better; the unknown weight is never best.
        let weight = row(&c, "weight_g");
        assert_eq!(weight.better, Some(Better::Lower));
        assert_eq!(bests(weight), [false, true, false]);
        // More headroom is better: the 32 ohm, 98 dB/mW model is louder on 1 V.
        let headroom = row(&c, "headroom_db");
        assert_eq!(headroom.better, Some(Better::Higher));
        assert_eq!(bests(headroom), [false, true, false]);
        assert_eq!(bests(row(&c, "max_spl_db")), [false, true, false]);
        // Higher comfort is better; untried is never best.
        assert_eq!(bests(row(&c, "tryon_comfort")), [true, false, false]);
        // Only one known rating: no best.
        assert_eq!(bests(row(&c, "tryon_weight")), [false, false, false]);
        // Equal known ratings: no best.
        assert_eq!(bests(row(&c, "tryon_clamp")), [false, false, false]);
        // Rows without a direction never mark one.
        assert_eq!(bests(row(&c, "impedance_ohm")), [false, false, false]);
    }

    #[test]
    fn compare_best_marks_every_tied_best_value() {
        let cells = |values: &[Option<f64>]| -> Vec<Cell> {
            values
                .iter()
                .map(|v| {
                    v.map_or_else(
                        || Cell::unknown(NOT_PUBLISHED),
                        |v| Cell::number(v, num(v, 1)),
                    )
                })
                .collect()
        };
        let marked = |values: &[Option<f64>], better| {
            let mut c = cells(values);
            mark_best(&mut c, better);
            c.iter().map(|c| c.best).collect::<Vec<_>>()
        };
        assert_eq!(
            marked(&[Some(250.0), Some(250.0), Some(300.0)], Better::Lower),
            [true, true, false]
        );
        assert_eq!(
            marked(&[Some(3.0), None, Some(5.0), Some(5.0)], Better::Higher),
            [false, false, true, true]
        );
        assert_eq!(
            marked(&[Some(3.0), Some(3.0)], Better::Higher),
            [false, false]
        );
        assert_eq!(marked(&[Some(3.0), None], Better::Higher), [false, false]);
        assert_eq!(marked(&[None, None], Better::Lower), [false, false]);
        assert_eq!(
            marked(&[Some(-3.5), Some(-1.0), None], Better::Higher),
            [false, true, false]
        );
    }

    #[test]
    fn compare_unknowns_read_as_unknown_never_zero() {
        let c = fixture_comparison();
        let mystery = 2;
        for r in c.sections.iter().flat_map(|s| &s.rows) {
            let cell = &r.cells[mystery];
            if cell.known {
                continue;
            }
            assert_eq!(cell.value, None, "row {}", r.key);
            assert!(!cell.best, "row {}", r.key);
            assert!(
                !cell.text.chars().any(|ch| ch.is_ascii_digit()),
                "row {}: {}",
                r.key,
                cell.text
            );
        }
        for key in [
            "impedance_ohm",
            "weight_g",
            "max_spl_db",
            "headroom_db",
            "verdict",
            "year",
        ] {
            assert_eq!(row(&c, key).cells[mystery].text, NOT_PUBLISHED, "{key}");
            assert!(!row(&c, key).cells[mystery].known, "{key}");
        }
        for key in [
            "tryon_sessions",
            "tryon_comfort",
            "tryon_verdict",
            "tryon_note",
        ] {
            assert_eq!(row(&c, key).cells[mystery].text, NOT_TRIED, "{key}");
        }
        // Tried but not rated reads differently from not tried.
        assert_eq!(row(&c, "tryon_heat").cells[0].text, NOT_RATED);
        assert!(!row(&c, "tryon_heat").cells[0].known);
        assert_eq!(row(&c, "headroom_db").cells[mystery].bar, None);
    }

    #[test]
    fn compare_headroom_cells_carry_a_bar() {
        let c = fixture_comparison();
        let headroom = row(&c, "headroom_db");
        for cell in headroom.cells.iter().filter(|cell| cell.known) {
            let h = cell.value.unwrap();
            let bar = cell.bar.unwrap();
            assert!((0.0..=1.0).contains(&bar));
            assert_eq!(
                bar,
                ((h + BAR_SPAN_DB) / (2.0 * BAR_SPAN_DB)).clamp(0.0, 1.0)
            );
            let max = row(&c, "max_spl_db")
                .cells
                .iter()
                .find(|m| m.known)
                .unwrap();
            assert!(max.value.unwrap() > 0.0);
        }
        assert!(c
            .row("max_spl_db")
            .unwrap()
            .cells
            .iter()
            .all(|cell| cell.bar.is_none()));
        assert_eq!(c.target_db, 110.0);
        assert_eq!(c.source_name, "Custom source (1 Vrms, 10 ohm)");
    }

    #[test]
    fn compare_takes_two_to_four_models() {
        let catalog = Catalog::embedded().unwrap();
        let p = Profile::default();
        let all = [
            "sennheiser-hd-650",
            "sony-mdr-7506",
            "audeze-lcd-2",
            "beyerdynamic-dt-990-pro-250",
            "beyerdynamic-dt-770-pro-80",
        ];
        for n in [0, 1, 5] {
            let e = error(build(&catalog, &ids(&all[..n]), &p, &[]));
            assert_eq!(e.kind(), ErrorKind::InvalidInput, "{n}: {e}");
            assert!(e.message().starts_with("ids: pick 2 to 4 models"), "{e}");
        }
        for n in 2..=4 {
            let c = build(&catalog, &ids(&all[..n]), &p, &[]).unwrap();
            assert_eq!(c.columns.len(), n);
            let got: Vec<&str> = c.columns.iter().map(|col| col.id.as_str()).collect();
            assert_eq!(got, all[..n]);
        }
    }

    #[test]
    fn compare_refuses_duplicates_and_unknown_ids() {
        let catalog = fixture_catalog();
        let p = fixture_profile();
        let e = error(build(
            &catalog,
            &ids(&["acme-s1", "bolt-o2", "acme-s1"]),
            &p,
            &[],
        ));
        assert_eq!(e.kind(), ErrorKind::InvalidInput);
        assert_eq!(e.message(), "ids: `acme-s1` is listed twice");
        let e = error(build(&catalog, &ids(&["acme-s1", "nope"]), &p, &[]));
        assert_eq!(e.kind(), ErrorKind::NotFound);
        assert_eq!(e.message(), "no model with id `nope`");
        let twice = [
            summary("acme-s1", None, None),
            summary("acme-s1", None, None),
        ];
        let e = error(build(&catalog, &ids(&["acme-s1", "bolt-o2"]), &p, &twice));
        assert_eq!(e.message(), "tryons: two summaries for model `acme-s1`");
        let bad = Profile { hours: 0.0, ..p };
        let e = error(build(&catalog, &ids(&["acme-s1", "bolt-o2"]), &bad, &[]));
        assert!(e.message().starts_with("hours:"), "{e}");
    }

    fn laptop() -> Profile {
        Profile {
            source: SourceChoice {
                preset: "laptop".to_owned(),
                ..SourceChoice::default()
            },
            ..Profile::default()
        }
    }

    #[test]
    fn compare_variants_are_separate_columns() {
        let catalog = Catalog::embedded().unwrap();
        let pair = ids(&["beyerdynamic-dt-770-pro-32", "beyerdynamic-dt-770-pro-250"]);
        let c = build(&catalog, &pair, &laptop(), &[]).unwrap();
        assert_eq!(c.columns[0].name, "Beyerdynamic DT 770 Pro 32 ohm");
        assert_eq!(c.columns[1].name, "Beyerdynamic DT 770 Pro 250 ohm");
        assert_eq!(texts(row(&c, "impedance_ohm")), ["32 ohm", "250 ohm"]);
        assert!(row(&c, "impedance_ohm").differs);
        assert!(!row(&c, "back").differs, "same family, same cups");
        assert_eq!(c.source_name, "Laptop headphone jack");
        let headroom = row(&c, "headroom_db");
        if pair
            .iter()
            .all(|id| catalog.get(id).unwrap().sensitivity.is_some())
        {
            assert!(headroom.differs);
            assert_eq!(
                bests(headroom),
                [true, false],
                "32 ohm: more headroom on a laptop"
            );
        } else {
            // The catalog does not publish these variants' sensitivity (yet): unknown, not 0.
            assert_eq!(texts(headroom), [NOT_PUBLISHED, NOT_PUBLISHED]);
            assert_eq!(bests(headroom), [false, false]);
        }
    }

    #[test]
    fn compare_low_impedance_variant_has_more_headroom_on_a_laptop() {
        // Two variants of one family with the same (invented) 96 dB/mW sensitivity: on the
        // laptop preset the 32 ohm one gets the higher voltage sensitivity and more headroom.
        let variant = |ohm: u32| {
            serde_json::from_value::<Model>(json!({
                "id": format!("acme-c7-{ohm}"), "family": "acme-c7", "brand": "Acme",
                "model": "C7", "variant": format!("{ohm} ohm"), "back": "closed",
                "impedance_ohm": ohm, "weight_g": 270,
                "sensitivity": { "value": 96, "unit": "dB/mW", "ref_hz": 500 },
            }))
            .expect("a valid test model")
        };
        let catalog = Catalog::from_models(vec![variant(250), variant(32)]);
        let c = build(
            &catalog,
            &ids(&["acme-c7-32", "acme-c7-250"]),
            &laptop(),
            &[],
        )
        .unwrap();
        assert_eq!(c.columns[0].name, "Acme C7 32 ohm");
        let headroom = row(&c, "headroom_db");
        assert!(headroom.differs);
        assert!(
            headroom.cells[0].value > headroom.cells[1].value,
            "{:?}",
            texts(headroom)
        );
        assert_eq!(bests(headroom), [true, false]);
        assert_eq!(bests(row(&c, "max_spl_db")), [true, false]);
        assert!(!row(&c, "weight_g").differs);
        assert_eq!(
            bests(row(&c, "weight_g")),
            [false, false],
            "equal weights: no best"
        );
        assert!(!row(&c, "sensitivity").differs);
        assert!(row(&c, "sensitivity_db_per_mw")
            .cells
            .iter()
            .all(|cell| cell.text == "96 dB/mW"));
    }

    #[test]
    fn compare_serializes_for_the_ui() {
        let c = fixture_comparison();
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(
            v["columns"][2],
            json!({ "id": "user-mystery-1", "name": "=Mystery", "origin": "user" })
        );
        let weight = &v["sections"][0]["rows"][6];
        assert_eq!(weight["key"], "weight_g");
        assert_eq!(weight["better"], "lower");
        assert_eq!(
            weight["cells"][1],
            json!({ "text": "250 g", "value": 250.0, "known": true, "best": true, "bar": null, "kind": null })
        );
        assert_eq!(weight["cells"][2]["value"], json!(null));
        assert_eq!(v["sections"][0]["rows"][0]["better"], json!(null));
    }

    // ---- exports ----

    fn fixture_path(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/compare")
            .join(name)
    }

    /// Compares `actual` with a fixture file, or rewrites the file when `HEADROOM_BLESS` is set
    /// (`HEADROOM_BLESS=1 cargo test -p headroom-catalog compare`, then review the diff).
    fn matches_fixture(name: &str, actual: &str) {
        let path = fixture_path(name);
        if std::env::var_os("HEADROOM_BLESS").is_some() {
            std::fs::write(&path, actual).unwrap();
            return;
        }
        let expected =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {name}: {e}"));
        assert!(
            expected == actual,
            "{name} differs; actual output:\n{actual}"
        );
    }

    #[test]
    fn compare_markdown_matches_its_fixture() {
        matches_fixture("three.md", &to_markdown(&fixture_comparison()));
    }

    #[test]
    fn compare_csv_matches_its_fixture() {
        matches_fixture("three.csv", &to_csv(&fixture_comparison()));
    }

    #[test]
    fn compare_markdown_escapes_user_and_catalog_text() {
        assert_eq!(
            md_escape("a|b\\c*d_e<f>g[h](i)`j`\nk\r\nl\rm ~&!#"),
            "a\\|b\\\\c\\*d\\_e\\<f\\>g\\[h\\](i)\\`j\\` k l m \\~\\&\\!\\#"
        );
        let md = to_markdown(&fixture_comparison());
        assert!(!md.contains("<script>") && !md.contains("<b>"), "{md}");
        assert!(
            md.contains("A \\*shop\\*, \\[link\\](https://example.com)"),
            "no links: {md}"
        );
        assert!(
            md.contains("| ◆ Weight | 260 g | **250 g** | not published |"),
            "{md}"
        );
        // Every table line has as many cells as the header.
        for line in md.lines().filter(|l| l.starts_with('|')) {
            let unescaped_pipes = line
                .match_indices('|')
                .filter(|(i, _)| *i == 0 || line.as_bytes()[i - 1] != b'\\')
                .count();
            assert_eq!(unescaped_pipes, 5, "{line}");
        }
    }

    #[test]
    fn compare_csv_neutralises_formulas_in_names() {
        let csv = to_csv(&fixture_comparison());
        assert!(
            csv.starts_with("section,row,Bolt O2 300 ohm,Acme S1,'=Mystery,differs,best\r\n"),
            "{csv}"
        );
        assert!(
            csv.contains("\r\nSpecs,Weight,260 g,250 g,not published,yes,Acme S1\r\n"),
            "{csv}"
        );
    }
}
