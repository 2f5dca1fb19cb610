//! Tests of the band words: every band both ways, far-off bands, severity thresholds.

use super::*;
use crate::sound::BANDS;

fn band(name: &str, error_db: f64) -> BandError {
    let &(name, label, low_hz, high_hz) = BANDS.iter().find(|b| b.0 == name).unwrap();
    BandError {
        name,
        label,
        low_hz,
        high_hz,
        range: band_range(low_hz, high_hz),
        error_db,
    }
}

#[test]
fn bands_far_off_say_what_they_do_to_a_mix() {
    let r = describe(&[band("treble", 4.1), band("bass", -6.0), band("mids", 1.0)]);
    assert_eq!(
        r[0].text,
        "Treble 5–10 kHz: 4.1 dB above target: bright; can tire over long sessions"
    );
    assert_eq!(r[0].severity, Severity::Far);
    assert_eq!(
        r[1].text,
        "Bass 60–250 Hz: 6.0 dB below target: lean: your mixes may come out bass-heavy"
    );
    assert_eq!(r[2].severity, Severity::Close);
    assert!(r[2].text.contains("within 2 dB"), "{}", r[2].text);
}

#[test]
fn every_band_has_words_both_ways() {
    for (name, ..) in BANDS {
        let (above, below) = consequence(name);
        assert!(!above.is_empty() && !below.is_empty(), "{name}");
    }
    assert_eq!(band_range(500.0, 2000.0), "0.5–2 kHz");
    assert_eq!(band_range(20.0, 60.0), "20–60 Hz");
    assert_eq!(band_range(10_000.0, 20_000.0), "10–20 kHz");
}

#[test]
fn severity_thresholds() {
    assert_eq!(Severity::of(1.99), Severity::Close);
    assert_eq!(Severity::of(-2.0), Severity::Mild);
    assert_eq!(Severity::of(4.0), Severity::Far);
    assert_eq!(Severity::of(-7.0), Severity::Far);
}
