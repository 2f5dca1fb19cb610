//! A measurement file the user imports: arbitrary bytes as its text. `sound::parse::points`
//! reads it or refuses it naming the problem, never panics; what it reads is ascending and
//! within the limits, and resamples onto the grid without overshooting its levels.

#![no_main]

use headroom_domain::sound::{parse, Curve};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(points) = parse::points(&text) else {
        return;
    };
    assert!(points.len() >= parse::MIN_POINTS && points.len() <= parse::MAX_POINTS);
    assert!(points.windows(2).all(|w| w[0].0 < w[1].0));
    let (lo, hi) = points
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let curve = Curve::resample(&points);
    assert!(curve.db.iter().all(|v| *v >= lo - 1e-9 && *v <= hi + 1e-9));
});
