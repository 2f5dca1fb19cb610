//! Property tests of the measured-sound analysis and of the measurement readers: the invariants
//! the views and the advisor rely on, over generated curves and generated files.

use headroom_domain::sound::{
    self, analyse, band_errors, parse, preference, smooth, Curve, Normalize, Smoothing, GRID,
};
use proptest::prelude::*;

/// A plausible response: a smooth random walk of up to ±20 dB.
fn curve() -> impl Strategy<Value = Curve> {
    prop::collection::vec(-0.6f64..0.6, GRID.points).prop_map(|steps| {
        let mut level = 0.0f64;
        Curve::new(
            steps
                .into_iter()
                .map(|s| {
                    level = (level + s).clamp(-20.0, 20.0);
                    level
                })
                .collect(),
        )
    })
}

fn smoothing() -> impl Strategy<Value = Smoothing> {
    prop::sample::select(Smoothing::ALL.to_vec())
}

fn normalize() -> impl Strategy<Value = Normalize> {
    prop::sample::select(Normalize::ALL.to_vec())
}

proptest! {
    #[test]
    fn a_curve_equal_to_the_target_scores_the_maximum_with_no_band_error(
        target in curve(), n in normalize(), s in smoothing()
    ) {
        let a = analyse(&target, &target, s, n);
        prop_assert!((a.preference - 114.49).abs() < 1e-9, "{}", a.preference);
        for b in &a.bands {
            prop_assert!(b.error_db.abs() < 1e-9, "{}: {}", b.name, b.error_db);
        }
        prop_assert!(a.error.db.iter().all(|e| e.abs() < 1e-9));
    }

    #[test]
    fn a_constant_offset_changes_nothing(
        c in curve(), target in curve(), offset in -30.0f64..30.0, n in normalize()
    ) {
        let shifted = c.offset(offset);
        prop_assert!((preference(&c, &target) - preference(&shifted, &target)).abs() < 1e-9);
        let (a, b) = (band_errors(&c, &target, n), band_errors(&shifted, &target, n));
        for (x, y) in a.iter().zip(&b) {
            prop_assert!((x.error_db - y.error_db).abs() < 1e-9, "{}", x.name);
        }
    }

    #[test]
    fn smoothing_a_flat_line_leaves_it_flat(level in -50.0f64..50.0, s in smoothing()) {
        let flat = Curve::new(vec![level; GRID.points]);
        let smoothed = smooth(&flat, s);
        prop_assert!(smoothed.db.iter().all(|v| (v - level).abs() < 1e-9));
    }

    #[test]
    fn smoothing_never_leaves_the_range_of_the_curve(c in curve(), s in smoothing()) {
        let (lo, hi) = c.db.iter().fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(*v), h.max(*v)));
        prop_assert!(smooth(&c, s).db.iter().all(|v| *v >= lo - 1e-9 && *v <= hi + 1e-9));
    }

    #[test]
    fn the_rating_never_exceeds_its_maximum(c in curve(), target in curve()) {
        prop_assert!(preference(&c, &target) <= 114.49 + 1e-9);
    }

    /// Any text is read or refused with a message, never a panic; what is read is ascending,
    /// within the limits, and resamples onto the grid without overshooting the points.
    #[test]
    fn any_text_is_read_within_the_limits_or_refused(text in "\\PC{0,400}") {
        check_reader(&text)?;
    }

    #[test]
    fn generated_files_in_every_format_read_or_are_refused_cleanly(
        rows in prop::collection::vec((1.0f64..50_000.0, -250.0f64..250.0, -180.0f64..180.0), 0..120),
        sep in prop::sample::select(vec![",", ";", "\t", " ", "  "]),
        header in prop::sample::select(vec!["", "frequency,raw\n", "* REW export\n* Freq(Hz) SPL(dB)\n", "Frequency dB\n"]),
        sort in any::<bool>(),
    ) {
        let mut rows = rows;
        if sort {
            rows.sort_by(|a, b| a.0.total_cmp(&b.0));
            rows.dedup_by(|a, b| a.0 == b.0);
        }
        let body: String = rows.iter().map(|(f, l, p)| format!("{f}{sep}{l}{sep}{p}\n")).collect();
        check_reader(&format!("{header}{body}"))?;
    }
}

fn check_reader(text: &str) -> Result<(), TestCaseError> {
    match parse::points(text) {
        Ok(points) => {
            prop_assert!(points.len() >= parse::MIN_POINTS && points.len() <= parse::MAX_POINTS);
            prop_assert!(points.windows(2).all(|w| w[0].0 < w[1].0), "ascending");
            for (f, l) in &points {
                prop_assert!((parse::FREQUENCY_HZ.0..=parse::FREQUENCY_HZ.1).contains(f));
                prop_assert!((parse::LEVEL_DB.0..=parse::LEVEL_DB.1).contains(l));
            }
            let (lo, hi) = points
                .iter()
                .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
            let curve = Curve::resample(&points);
            prop_assert!(curve.db.iter().all(|v| *v >= lo - 1e-9 && *v <= hi + 1e-9));
        }
        Err(e) => {
            prop_assert_eq!(e.kind(), headroom_domain::ErrorKind::InvalidInput);
            prop_assert!(e.message().starts_with("measurement: "), "{}", e);
        }
    }
    Ok(())
}

#[test]
fn every_catalog_curve_analyses_to_finite_numbers() {
    let m = sound::Measurements::embedded().unwrap();
    for measurement in m.iter() {
        let a = analyse(
            &measurement.curve,
            m.target(),
            Smoothing::Third,
            Normalize::OneKhz,
        );
        assert_eq!(a.curve.db.len(), GRID.points);
        assert!(a.preference.is_finite(), "{}", measurement.model);
        assert!(
            a.bands.iter().all(|b| b.error_db.is_finite()),
            "{}",
            measurement.model
        );
    }
}
