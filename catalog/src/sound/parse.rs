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
mod tests {
    use super::*;

    /// A log sweep of `n` points from 20 Hz to 20 kHz, as `frequency<sep>level` lines.
    fn sweep(n: usize, sep: &str) -> String {
        (0..n)
            .map(|i| {
                let f = 20.0 * 1000f64.powf(i as f64 / (n - 1) as f64);
                format!("{f:.2}{sep}{:.2}\n", (i as f64 / 7.0).sin())
            })
            .collect()
    }

    #[test]
    fn reads_autoeq_rew_and_squig_formats() {
        let autoeq = format!("frequency,raw\n{}", sweep(100, ","));
        assert_eq!(points(&autoeq).unwrap().len(), 100);

        let semicolon = format!("frequency;raw\n{}", sweep(100, ";"));
        assert_eq!(points(&semicolon).unwrap().len(), 100);

        let rew = format!(
            "* Measurement data measured by REW V5.20\n* Source: Umik-1\n* Format: 1/48 octave\n* Freq(Hz) SPL(dB) Phase(degrees)\n{}",
            sweep(120, "\t").replace('\n', "\t-12.5\n")
        );
        let p = points(&rew).unwrap();
        assert_eq!(p.len(), 120);
        assert!((p[0].0 - 20.0).abs() < 1e-9);

        let squig = sweep(80, " ");
        assert_eq!(points(&squig).unwrap().len(), 80);

        let decimal_comma = "frequency;raw\n".to_owned() + &sweep(50, ";").replace('.', ",");
        let p = points(&decimal_comma).unwrap();
        assert_eq!(p.len(), 50);
        assert!((p[49].0 - 20_000.0).abs() < 1e-6);
    }

    #[test]
    fn refusals_name_the_line_and_the_problem() {
        let good = format!("frequency,raw\n{}", sweep(60, ","));
        let lines: Vec<&str> = good.lines().collect();
        let with_line = |n: usize, text: &str| {
            let mut l = lines.clone();
            l[n] = text;
            l.join("\n")
        };
        let e = points(&with_line(5, "abc,1.0")).unwrap_err().to_string();
        assert!(
            e.contains("line 6") && e.contains("`abc` is not a number"),
            "{e}"
        );
        let e = points(&with_line(5, "20.0,1.0")).unwrap_err().to_string();
        assert!(e.contains("line 6") && e.contains("must ascend"), "{e}");
        let e = points(&with_line(60, "50000,1.0")).unwrap_err().to_string();
        assert!(e.contains("line 61") && e.contains("out of range"), "{e}");
        let e = points(&with_line(30, "1000,250")).unwrap_err().to_string();
        assert!(e.contains("line 31") && e.contains("level 250"), "{e}");
        let e = points(&with_line(30, "1000")).unwrap_err().to_string();
        assert!(
            e.contains("line 31") && e.contains("expected a frequency"),
            "{e}"
        );
        let e = points("frequency,raw\n20,1\n30,1\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("2 points") && e.contains("at least 20"), "{e}");
        let narrow: String = (0..40).map(|i| format!("{},0\n", 200 + i * 100)).collect();
        let e = points(&narrow).unwrap_err().to_string();
        assert!(e.contains("must cover at least 50–10000 Hz"), "{e}");
        let e = points(&"x".repeat(MAX_BYTES + 1)).unwrap_err().to_string();
        assert!(e.contains("KiB"), "{e}");
        let many: String = (0..=MAX_POINTS)
            .map(|i| format!("{},0\n", 10.0 + i as f64))
            .collect();
        let e = points(&many).unwrap_err().to_string();
        assert!(e.contains("more than 20000 points"), "{e}");
        let e = points("frequency,raw\nfreq,level\n20,1")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2"), "only one header line: {e}");
    }
}
