//! The labels and the formatting of values: the cells of a published number, a yes or no and
//! free text, the words for the domain's enums, and numbers as people read them.

use super::Cell;

/// A published number with its unit: "250 ohm".
pub(super) fn measure(value: Option<f64>, decimals: i32, unit: &str) -> Cell {
    Cell::published(value.filter(|v| v.is_finite()), |v| {
        let v = rounded(v, decimals);
        Cell::number(v, format!("{} {unit}", num(v, decimals)))
    })
}

pub(super) fn yes_no(value: Option<bool>) -> Cell {
    Cell::published(value, |b| Cell::text(if b { "yes" } else { "no" }))
}

pub(super) fn words(value: Option<&String>) -> Cell {
    Cell::published(value.filter(|s| !s.trim().is_empty()), |s| {
        Cell::text(s.as_str())
    })
}

/// "+1.5", "-0.3", "0".
pub(super) fn signed(v: f64) -> String {
    if v > 0.0 {
        format!("+{}", num(v, 1))
    } else {
        num(v, 1)
    }
}

/// "5 Hz", "35 kHz", "41.5 kHz".
pub(super) fn hertz(hz: f64) -> String {
    if hz >= 1000.0 {
        format!("{} kHz", num(rounded(hz / 1000.0, 2), 2))
    } else {
        format!("{} Hz", num(rounded(hz, 1), 1))
    }
}

/// "+2.0", "-0.5", "+0.25": a reason's weight, always signed and with at least one decimal.
pub(super) fn signed_weight(w: f64) -> String {
    let r = rounded(w, 2);
    let mut digits = num(r.abs(), 2);
    if !digits.contains('.') {
        digits.push_str(".0");
    }
    format!("{}{digits}", if r < 0.0 { '-' } else { '+' })
}

/// `x` rounded to `decimals` (half away from zero), with no negative zero.
pub(super) fn rounded(x: f64, decimals: i32) -> f64 {
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
pub(super) fn num(x: f64, decimals: i32) -> String {
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
