//! Tests of the analysis: bands, tilt and slope, normalisation, band errors, smoothing.

use super::*;

fn flat(level: f64) -> Curve {
    Curve::new(vec![level; GRID.points])
}

/// A curve with a tilt of `db_per_octave` through 0 dB at 1 kHz.
fn tilted(db_per_octave: f64) -> Curve {
    Curve::new(
        (0..GRID.points)
            .map(|i| db_per_octave * (GRID.frequency(i) / 1000.0).log2())
            .collect(),
    )
}

#[test]
fn every_band_holds_grid_points_and_the_bands_tile_the_range() {
    for pair in BANDS.windows(2) {
        assert_eq!(
            pair[0].3, pair[1].2,
            "{} ends where {} starts",
            pair[0].0, pair[1].0
        );
    }
    for (name, _, low, high) in BANDS {
        let n = (0..GRID.points)
            .filter(|&i| (low..high).contains(&GRID.frequency(i)))
            .count();
        assert!(n >= 10, "{name}: {n} points");
    }
}

#[test]
fn a_tilt_gives_the_slope_in_db_per_neper_and_no_spread_around_it() {
    // 3 dB per octave = 3 / ln 2 dB per unit of ln f.
    let target = flat(0.0);
    let (sd, slope) = sd_and_slope(
        &(0..GRID.points)
            .map(|i| (GRID.frequency(i), tilted(3.0).db[i] - target.db[i]))
            .collect::<Vec<_>>(),
    );
    assert!(
        (slope - 3.0 / std::f64::consts::LN_2).abs() < 1e-9,
        "{slope}"
    );
    assert!(sd > 0.0, "a tilt spreads around its mean");
    let p = preference(&tilted(3.0), &target);
    assert!(p < 114.49 - 15.52 * 4.0, "{p}");
}

#[test]
fn normalising_puts_the_reference_at_zero() {
    let c = tilted(2.0).offset(7.0);
    assert!(normalise(&c, Normalize::OneKhz).at(1000.0).abs() < 1e-9);
    assert!(normalise(&c, Normalize::FiveHundred).at(500.0).abs() < 1e-9);
    let loud = normalise(&c, Normalize::Loudness);
    assert!(mean_over(&loud.db, 300.0, 3000.0).abs() < 1e-9);
}

#[test]
fn a_bass_shelf_shows_in_the_bass_bands_only() {
    let target = flat(0.0);
    let shelf = Curve::new(
        (0..GRID.points)
            .map(|i| if GRID.frequency(i) < 250.0 { 6.0 } else { 0.0 })
            .collect(),
    );
    let bands = band_errors(&shelf, &target, Normalize::OneKhz);
    let by_name = |n: &str| bands.iter().find(|b| b.name == n).unwrap().error_db;
    assert!((by_name("bass") - 6.0).abs() < 1e-9);
    assert!((by_name("sub-bass") - 6.0).abs() < 1e-9);
    assert!(by_name("mids").abs() < 1e-9);
    assert!(by_name("air").abs() < 1e-9);
}

#[test]
fn smoothing_averages_a_spike_over_its_window() {
    let mut db = vec![0.0; GRID.points];
    db[100] = 9.0;
    let s = smooth(&Curve::new(db), Smoothing::Third);
    assert!(
        (s.db[100] - 1.0).abs() < 1e-9,
        "9 dB over 9 points: {}",
        s.db[100]
    );
    assert!((s.db[96] - 1.0).abs() < 1e-9 && s.db[95] == 0.0);
    assert_eq!(Smoothing::Twelfth.half_width(), 1);
    assert_eq!(Smoothing::Sixth.half_width(), 2);
}
