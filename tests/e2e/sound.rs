//! Measured sound and the user's own figures in the real window: the Compare overlay, an own
//! measurement imported from a Room EQ Wizard export, and a sensitivity from the box that
//! changes the headroom in the Advisor and in Compare.

use std::time::Duration;

use fantoccini::{Client, Locator};
use serde_json::json;

use crate::harness::{
    click, open_area, open_detail, open_shortlist, texts, type_into, wait_for, wait_text, with_app,
    Harness,
};

/// Opens a model's detail from the browse table and adds it to the comparison.
async fn compare(client: &Client, name: &str, n: usize) {
    click(client, "#tab-browse").await;
    open_detail(client, name).await;
    wait_text(client, "dialog.detail[open] h2", |t| t == name).await;
    click(client, "dialog.detail[open] .actions button.secondary").await;
    wait_text(client, "#notices", |t| t.contains(&format!("({n} of 4)"))).await;
}

/// Runs `script` in the page and returns its value.
async fn eval(client: &Client, script: &str) -> serde_json::Value {
    client.execute(script, vec![]).await.expect(script)
}

#[tokio::test]
async fn compare_overlays_three_measured_models_with_the_target() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        let names = [
            "Sennheiser HD 650",
            "Sennheiser HD 600",
            "Beyerdynamic DT 770 Pro 250 ohm",
        ];
        for (i, name) in names.iter().enumerate() {
            compare(&client, name, i + 1).await;
        }
        open_area(&client, "compare", "compare-view").await;
        wait_text(&client, ".compare-view .plot-readout", |t| !t.is_empty()).await;

        // Three curves and the target, each with its own dash pattern, and a legend.
        let series = eval(
            &client,
            "return [...document.querySelectorAll('.compare-view svg.plot path.series')]
               .map((p) => [p.getAttribute('class'), p.getAttribute('stroke-dasharray') || '']);",
        )
        .await;
        let series = series.as_array().unwrap();
        assert_eq!(series.len(), 4, "{series:?}");
        assert!(series[3][0].as_str().unwrap().contains("series-target"));
        let mut dashes: Vec<&str> = series.iter().map(|s| s[1].as_str().unwrap()).collect();
        dashes.sort_unstable();
        dashes.dedup();
        assert_eq!(dashes.len(), 4, "each curve is told apart without colour");
        let legend = texts(&client, ".compare-view .legend-item").await;
        assert_eq!(&legend[..3], &names, "the legend names the models in order");
        assert!(legend[3].contains("Harman"), "{legend:?}");
        let readout = texts(&client, ".compare-view .plot-readout").await.join("");
        for name in names {
            assert!(readout.contains(name), "{readout}");
        }
        // The readout follows the keyboard: the range input moves it.
        let before = readout.clone();
        let slider = client
            .find(Locator::Css(".compare-view .plot-reader input[type='range']"))
            .await
            .unwrap();
        slider.send_keys("\u{E012}\u{E012}\u{E012}").await.unwrap(); // three left arrows
        let moved = wait_text(&client, ".compare-view .plot-readout", |t| t != before).await;
        assert!(moved.contains("Hz"), "{moved}");

        // The exports work in this engine: a standalone SVG document, and a PNG drawn from it
        // through a canvas (WebKit may refuse to draw an SVG into a canvas; then saving fails).
        let exported = client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 (async () => {
                   const { pngBlob, svgDocument } = await import('./plot.js');
                   const svg = document.querySelector('.compare-view svg.plot');
                   const text = svgDocument(svg);
                   const png = await pngBlob(svg);
                   const head = new Uint8Array(await png.slice(0, 4).arrayBuffer());
                   done([text.startsWith('<svg') && text.includes('xmlns=\"http://www.w3.org/2000/svg\"'),
                         (text.match(/<path/g) || []).length, png.type, png.size, [...head]]);
                 })().catch((e) => done(String(e)));",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(exported[0], json!(true), "{exported}");
        assert_eq!(exported[1], json!(4), "{exported}");
        assert_eq!(exported[2], json!("image/png"), "{exported}");
        assert!(exported[3].as_u64().unwrap() > 5_000, "{exported}");
        assert_eq!(exported[4], json!([0x89, 0x50, 0x4e, 0x47]), "a PNG signature: {exported}");

        // A curve can be hidden.
        click(&client, ".compare-view .legend li:nth-child(2) .legend-item").await;
        let hidden = eval(
            &client,
            "const b = document.querySelector('.compare-view .legend li:nth-child(2) .legend-item');
             const p = document.querySelectorAll('.compare-view svg.plot path.series')[1];
             return [b.getAttribute('aria-pressed'), p.classList.contains('hidden'),
                     document.querySelector('.compare-view .plot-readout').textContent];",
        )
        .await;
        assert_eq!(hidden[0], json!("false"));
        assert_eq!(hidden[1], json!(true));
        assert!(!hidden[2].as_str().unwrap().contains("HD 600"), "{hidden:?}");

        // The error view plots each curve minus the target, around a flat target line.
        let raw = eval(&client, "return document.querySelector('.compare-view svg.plot path.series-0').getAttribute('d');").await;
        click(&client, ".compare-view .sound-controls .check label").await;
        wait_text(&client, ".compare-view svg.plot .axis-title:last-of-type", |t| {
            t.contains("Error against the target")
        })
        .await;
        let error = eval(&client, "return document.querySelector('.compare-view svg.plot path.series-0').getAttribute('d');").await;
        assert_ne!(raw, error);
        let flat = eval(
            &client,
            "const d = document.querySelector('.compare-view svg.plot path.series-target').getAttribute('d');
             return new Set(d.split(/[ML]/).filter(Boolean).map((p) => p.split(' ')[1])).size;",
        )
        .await;
        assert_eq!(flat, json!(1), "the target is the 0 dB line");

        // Smoothing changes the curves; the band table and the rows of the comparison follow.
        client
            .find(Locator::Css(".compare-view .sound-controls select[id$='-smoothing'] option[value='1/3']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for(
            &client,
            "return document.querySelector('.compare-view svg.plot path.series-0').getAttribute('d') !== arguments[0];",
            vec![error.clone()],
            &json!(true),
            Duration::from_secs(10),
            "1/3-octave smoothing redraws the curves",
        )
        .await;
        let rows = texts(&client, ".compare-view table.bands tbody tr").await;
        assert_eq!(rows.len(), 7, "{rows:?}");
        let preference = texts(&client, "table.compare tr[data-row='preference'] td").await;
        assert_eq!(preference.len(), 3);
        for p in &preference {
            let number = p.split_whitespace().next().unwrap_or_default();
            assert!(number.parse::<f64>().is_ok(), "a rating per model: {preference:?}");
        }
        let measured_by = texts(&client, "table.compare tr[data-row='measured_by'] td").await;
        assert!(measured_by[0].starts_with("oratory1990"), "{measured_by:?}");
        assert!(
            measured_by[2].contains("Pro"),
            "the DT 770 file may be the non-Pro, and it says so: {measured_by:?}"
        );
        client
    })
    .await;
}

/// A Room EQ Wizard text export: `*` header lines, then frequency, SPL and phase by tabs.
fn rew_export() -> String {
    let mut text = String::from(
        "* Measurement data measured by REW V5.20.13\n* Source: E-MU 0202\n* Format: 1/48 octave\n* Freq(Hz)\tSPL(dB)\tPhase(degrees)\n",
    );
    for i in 0..480 {
        let f = 20.0 * 1000f64.powf(f64::from(i) / 479.0);
        let bass = if f < 150.0 { 6.0 } else { 0.0 };
        text.push_str(&format!("{f:.3}\t{:.3}\t-12.5\n", 80.0 + bass));
    }
    text
}

#[tokio::test]
async fn a_rew_export_imports_as_an_own_models_curve_and_a_bad_file_changes_nothing() {
    let harness = Harness::start();
    let files = tempfile::tempdir().unwrap();
    let good = files.path().join("x1-left.txt");
    std::fs::write(&good, rew_export()).unwrap();
    let bad = files.path().join("x1-broken.txt");
    std::fs::write(&bad, rew_export().replacen("\n2", "\nabc", 1)).unwrap();
    with_app(&harness, |client| async move {
        // A model the catalog lacks, added from the shortlist.
        open_shortlist(&client).await;
        click(&client, "#add-own-model").await;
        type_into(&client, "own-name", "Demo X1").await;
        type_into(&client, "own-brand", "Acme").await;
        click(&client, "#save-own-model").await;
        wait_text(&client, ".own-models", |t| t.contains("Demo X1")).await;
        click(&client, "#tab-browse").await;
        type_into(&client, "search", "acme demo").await;
        wait_text(&client, "#result-count", |t| t.starts_with("1 ")).await;
        open_detail(&client, "Acme Demo X1").await;
        wait_text(&client, "dialog.detail .unmeasured", |t| {
            t.contains("No published measurement")
        })
        .await;

        let input = client
            .find(Locator::Css(
                "dialog.detail .own-measurement input[type='file']",
            ))
            .await
            .unwrap();
        input.send_keys(good.to_str().unwrap()).await.unwrap();
        wait_text(&client, "dialog.detail .legend", |t| {
            t.contains("Acme Demo X1 (your measurement)")
        })
        .await;
        let source = texts(&client, "dialog.detail .curve-sources li")
            .await
            .join(" ");
        assert!(
            source.contains("your measurement, imported from “x1-left.txt”"),
            "{source}"
        );
        let bass = texts(
            &client,
            "dialog.detail table.bands tbody tr:nth-child(2) td",
        )
        .await;
        assert_eq!(bass.len(), 1);

        // A broken file is refused with its line, and the imported curve stays.
        let input = client
            .find(Locator::Css(
                "dialog.detail .own-measurement input[type='file']",
            ))
            .await
            .unwrap();
        input.send_keys(bad.to_str().unwrap()).await.unwrap();
        let notice = wait_text(&client, "#notices .error", |t| t.contains("x1-broken.txt")).await;
        assert!(
            notice.contains("line ") && notice.contains("Nothing was changed"),
            "{notice}"
        );
        let legend = texts(&client, "dialog.detail .legend-item").await;
        assert!(
            legend.iter().any(|l| l.contains("your measurement")),
            "{legend:?}"
        );
        client
    })
    .await;
}

#[tokio::test]
async fn your_own_sensitivity_changes_the_headroom_in_the_advisor_and_compare() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        let name = "Beyerdynamic DT 770 Pro 250 ohm";
        let id = "beyerdynamic-dt-770-pro-250";
        let card = format!(".advice-card[data-id='{id}']");
        click(&client, "#tab-advisor").await;
        wait_text(&client, "#advice-status", |t| t.contains("best first")).await;
        let before = wait_text(&client, &card, |t| !t.is_empty()).await;
        assert!(
            before.contains("can't compute"),
            "no sensitivity published: {before}"
        );

        click(&client, "#tab-browse").await;
        open_detail(&client, name).await;
        wait_text(&client, "dialog.detail[open] h2", |t| t == name).await;
        click(&client, "dialog.detail .own-figures-box summary").await;
        type_into(&client, "fig-sensitivity", "96").await;
        click(
            &client,
            "dialog.detail .own-figures-form button[type='submit']",
        )
        .await;
        wait_text(&client, "#notices", |t| {
            t.contains("Your figures were saved")
        })
        .await;
        wait_text(&client, "dialog.detail .specs", |t| {
            t.contains("96 dB SPL/mW")
        })
        .await;
        let marked = texts(&client, "dialog.detail .specs dd .kind-user").await;
        assert_eq!(
            marked.len(),
            1,
            "the sensitivity alone is marked as the user's: {marked:?}"
        );
        click(&client, "dialog.detail .detail-head button").await;

        // The advisor now computes it: 250 ohm at 96 dB/mW on the default interface.
        click(&client, "#tab-advisor").await;
        let after = wait_text(&client, &card, |t| t.contains("96 dB SPL/mW")).await;
        assert!(!after.contains("can't compute"), "{after}");
        assert!(
            after.contains("your own figure"),
            "the sentence says whose figure: {after}"
        );
        assert!(after.contains("headroom"), "{after}");

        // And Compare shows the headroom with the figure marked as the user's.
        compare(&client, name, 1).await;
        compare(&client, "Sennheiser HD 650", 2).await;
        open_area(&client, "compare", "compare-view").await;
        wait_text(&client, "table.compare thead", |t| !t.is_empty()).await;
        let headroom = texts(&client, "table.compare tr[data-row='headroom_db'] td").await;
        assert!(headroom[0].contains("dB"), "{headroom:?}");
        let sens = texts(&client, "table.compare tr[data-row='sensitivity'] td").await;
        assert!(sens[0].contains("96 dB/mW"), "{sens:?}");
        let marked = texts(
            &client,
            "table.compare tr[data-row='sensitivity'] td:nth-of-type(1) .kind-user",
        )
        .await;
        assert_eq!(marked.len(), 1, "marked as the user's in Compare too");
        client
    })
    .await;
}
