//! Reading a frequency-response measurement from text: the formats producers already have.
//!
//! - AutoEq CSV: a `frequency,raw` header, then one `frequency,level` row per point; the
//!   separator may be `,`, `;` or a tab.
//! - Room EQ Wizard's text export: header lines starting with `*`, then frequency, SPL and maybe
//!   phase, separated by tabs, spaces or commas.
//! - squig.link / CrinGraph `.txt`: whitespace-separated, the first two numeric columns.
//!
//! One reader takes all three: it skips blank lines and lines starting with `*`, `#` or `//`,
//! allows one header line of words before the data, and reads the first two numbers of every
//! other line. Whatever it refuses, the error names the line and the problem.

use crate::error::{shorten, Error, Result};

/// The largest file a measurement may be, bytes.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// The most points a measurement may have.
pub const MAX_POINTS: usize = 20_000;
/// The fewest points a measurement may have.
pub const MIN_POINTS: usize = 20;
/// The frequencies a point may have, Hz.
pub const FREQUENCY_HZ: (f64, f64) = (10.0, 40_000.0);
/// The levels a point may have, dB.
pub const LEVEL_DB: (f64, f64) = (-200.0, 200.0);
/// The range a measurement must cover, Hz: the preference rating needs 50 Hz–10 kHz.
pub const MUST_COVER_HZ: (f64, f64) = (50.0, 10_000.0);

const FIELD: &str = "measurement";

fn at_line(line: usize, reason: impl std::fmt::Display) -> Error {
    Error::invalid_input(FIELD, format!("line {line}: {reason}"))
}

/// The fields of one line: split on `;`, tabs and spaces; a line with none of those splits on
/// commas; a comma inside a field split otherwise is a decimal comma (`20,5;85,3`).
fn fields(line: &str) -> Vec<String> {
    let by_other: Vec<&str> = line
        .split(|c: char| c == ';' || c.is_whitespace())
        .filter(|f| !f.is_empty())
        .collect();
    if by_other.len() >= 2 {
        by_other.iter().map(|f| f.replace(',', ".")).collect()
    } else {
        line.split(',')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

fn is_comment(line: &str) -> bool {
    line.is_empty() || line.starts_with('*') || line.starts_with('#') || line.starts_with("//")
}

/// Reads `(frequency Hz, level dB)` points, ascending, from a measurement's text.
///
/// # Errors
/// `InvalidInput` naming the line and the problem: larger than [`MAX_BYTES`], a value that is not
/// a number, a frequency not above the previous one, a value outside [`FREQUENCY_HZ`] or
/// [`LEVEL_DB`], more than [`MAX_POINTS`] or fewer than [`MIN_POINTS`] points, or points that do
/// not cover [`MUST_COVER_HZ`].
pub fn points(text: &str) -> Result<Vec<(f64, f64)>> {
    if text.len() > MAX_BYTES {
        return Err(Error::invalid_input(
            FIELD,
            format!(
                "the file is {} KiB, more than the {} KiB allowed",
                text.len() / 1024,
                MAX_BYTES / 1024
            ),
        ));
    }
    let mut points: Vec<(f64, f64)> = Vec::new();
    let mut header_seen = false;
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw.trim().trim_start_matches('\u{feff}');
        if is_comment(line) {
            continue;
        }
        let fields = fields(line);
        let numbers: Vec<Option<f64>> = fields.iter().take(2).map(|f| f.parse().ok()).collect();
        match numbers.as_slice() {
            [Some(f), Some(db)] => {
                let (f, db) = (*f, *db);
                if !f.is_finite() || !(FREQUENCY_HZ.0..=FREQUENCY_HZ.1).contains(&f) {
                    return Err(at_line(
                        line_no,
                        format!(
                            "frequency {f} Hz is out of range ({}–{} Hz)",
                            FREQUENCY_HZ.0, FREQUENCY_HZ.1
                        ),
                    ));
                }
                if !db.is_finite() || !(LEVEL_DB.0..=LEVEL_DB.1).contains(&db) {
                    return Err(at_line(
                        line_no,
                        format!(
                            "level {db} dB is out of range ({}–{} dB)",
                            LEVEL_DB.0, LEVEL_DB.1
                        ),
                    ));
                }
                if let Some(&(previous, _)) = points.last() {
                    if f <= previous {
                        return Err(at_line(
                            line_no,
                            format!(
                                "frequencies must ascend: {f} Hz is not above the previous {previous} Hz"
                            ),
                        ));
                    }
                }
                if points.len() == MAX_POINTS {
                    return Err(at_line(line_no, format!("more than {MAX_POINTS} points")));
                }
                points.push((f, db));
            }
            // One header line of words before the data (`frequency,raw`, `Freq(Hz) SPL(dB)`).
            _ if points.is_empty() && !header_seen && numbers.iter().all(Option::is_none) => {
                header_seen = true;
            }
            [_] | [] => {
                return Err(at_line(
                    line_no,
                    format!(
                        "expected a frequency and a level, found `{}`",
                        shorten(line, 40)
                    ),
                ))
            }
            _ => {
                let bad = fields
                    .iter()
                    .take(2)
                    .find(|f| f.parse::<f64>().is_err())
                    .map(String::as_str)
                    .unwrap_or(line);
                return Err(at_line(
                    line_no,
                    format!("`{}` is not a number", shorten(bad, 40)),
                ));
            }
        }
    }
    if points.len() < MIN_POINTS {
        return Err(Error::invalid_input(
            FIELD,
            format!(
                "{} points; a measurement needs at least {MIN_POINTS}",
                points.len()
            ),
        ));
    }
    let (first, last) = (points[0].0, points[points.len() - 1].0);
    if first > MUST_COVER_HZ.0 || last < MUST_COVER_HZ.1 {
        return Err(Error::invalid_input(
            FIELD,
            format!(
                "the points cover {first}–{last} Hz; a measurement must cover at least {}–{} Hz",
                MUST_COVER_HZ.0, MUST_COVER_HZ.1
            ),
        ));
    }
    Ok(points)
}

#[cfg(test)]
mod tests;
