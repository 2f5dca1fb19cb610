//! The rows of each section of a comparison, in display order: specs, build and cable, price,
//! studio notes, sources, the advice, the measured sound, the loudness and the user's try-on.

use super::format::{hertz, measure, num, rounded, signed, signed_weight, words, yes_no};
use super::table::{row, section, Col};
use super::{Better, Cell, Row, Section, BAR_SPAN_DB, NOT_RATED, NOT_TRIED, TOP_REASONS};
use crate::journal::TryOnSummary;
use crate::model::{CableStyle, Origin, SourceKind};
use crate::sound;

pub(super) fn specs(cols: &[Col<'_>]) -> Section {
    let rows = vec![
        row("back", "Cup design", None, cols, |c| {
            Cell::text(c.model.back.label())
        }),
        row("transducer", "Driver type", None, cols, |c| {
            Cell::published(c.model.transducer, |t| Cell::text(t.label()))
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
pub(super) fn measured(cols: &[Col<'_>]) -> Section {
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

pub(super) fn build_rows(cols: &[Col<'_>]) -> Section {
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

pub(super) fn price(cols: &[Col<'_>]) -> Section {
    let rows = vec![
        row("tier", "Price tier", None, cols, |c| {
            Cell::published(c.model.tier, |t| Cell::text(t.label()))
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

pub(super) fn notes(cols: &[Col<'_>]) -> Section {
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

pub(super) fn sources(cols: &[Col<'_>]) -> Section {
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

pub(super) fn advice(cols: &[Col<'_>]) -> Section {
    let mut rows = vec![
        row("fit", "Fit", None, cols, |c| Cell::text(c.rec.fit.label())),
        row("score", "Advisor score", Some(Better::Higher), cols, |c| {
            let s = rounded(c.rec.score, 2);
            Cell::number(s, num(s, 2))
        }),
        row("budget", "Budget", None, cols, |c| match c.model.tier {
            Some(t) if c.rec.over_budget => {
                Cell::text(format!("over budget ({})", t.label().to_lowercase()))
            }
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

pub(super) fn loudness(cols: &[Col<'_>], source_name: &str, target: f64) -> Section {
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
            Cell::published(c.rec.drive, |d| Cell::text(d.verdict.label()))
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

pub(super) fn tryon(cols: &[Col<'_>], glasses: bool) -> Section {
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
