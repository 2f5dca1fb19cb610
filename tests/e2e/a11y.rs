//! Accessibility: axe-core (from npm, `node_modules/axe-core`, used by these tests only, never
//! shipped) runs in the real window against every view and dialog, in the light and the dark
//! theme, and no serious or critical violation may be found.
//!
//! axe goes in through WebDriver's Execute Script, which WebKitWebDriver evaluates as the
//! automation session, outside the page's CSP: the app's own CSP (`script-src 'self'`) still
//! forbids any inline or injected script to the page itself (`csp_still_blocks_inline_scripts`).

use std::time::Duration;

use fantoccini::error::{CmdError, ErrorStatus};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use crate::harness::{click, open_area, open_detail, wait_for, wait_text, with_app, Harness};

fn axe_source() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/node_modules/axe-core/axe.min.js"
    );
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}; run `npm install` (make setup does)"))
}

/// Injects axe once per page load.
async fn inject(client: &Client) {
    let present = client
        .execute("return typeof window.axe === 'object';", vec![])
        .await
        .expect("execute");
    if present == json!(true) {
        return;
    }
    client
        .execute(&axe_source(), vec![])
        .await
        .expect("axe-core loads in the page");
    let present = client
        .execute("return typeof window.axe === 'object';", vec![])
        .await
        .expect("execute");
    assert_eq!(present, json!(true), "axe is defined after injection");
}

/// Runs axe on the document and returns the serious and critical violations, each as
/// "rule: help (targets)"; prints the milder ones so they can be looked at.
async fn audit(client: &Client, what: &str) -> Vec<String> {
    inject(client).await;
    // Let transitions and the debounce of a refresh settle before measuring contrast.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let script = r#"
        const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] })
          .then((r) => done(JSON.stringify(r.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\s+/g, ' ')),
          })))))
          .catch((e) => done(JSON.stringify({ error: String(e) })));
    "#;
    // WebKitWebDriver sometimes answers an async script with an UnknownError and no result
    // ("Could not parse script result"; seen in CI, not reproducible by hand). The audit only
    // reads the page, so it runs again, at most three times in all; its findings are still
    // checked in full.
    let mut attempt = 1;
    let raw = loop {
        match client.execute_async(script, vec![]).await {
            Ok(raw) => break raw,
            Err(CmdError::Standard(e)) if e.error == ErrorStatus::UnknownError && attempt < 3 => {
                eprintln!("{what}: axe.run got no answer on attempt {attempt} ({e:?}); again");
                attempt += 1;
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            Err(e) => panic!("{what}: axe.run answers: {e}"),
        }
    };
    let text = raw.as_str().expect("axe result as JSON text");
    let parsed: Value = serde_json::from_str(text).expect("axe JSON");
    if let Some(error) = parsed.get("error") {
        panic!("{what}: axe failed: {error}");
    }
    let mut serious = Vec::new();
    for v in parsed.as_array().expect("violations") {
        let impact = v["impact"].as_str().unwrap_or("");
        let line = format!(
            "{what}: {} [{impact}] {}: {}",
            v["id"].as_str().unwrap_or("?"),
            v["help"].as_str().unwrap_or(""),
            v["nodes"]
        );
        if impact == "serious" || impact == "critical" {
            serious.push(line);
        } else {
            eprintln!("axe (not failing): {line}");
        }
    }
    serious
}

async fn set_theme(client: &Client, theme: &str) {
    let select = client
        .find(Locator::Id("theme"))
        .await
        .expect("theme control");
    select.select_by_value(theme).await.expect("choose a theme");
    let root_theme = client
        .execute(
            "return document.documentElement.dataset.theme ?? 'system';",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(root_theme, json!(theme));
}

/// Walks every view and dialog with data in it, auditing each.
async fn audit_everything(client: &Client, theme: &str) -> Vec<String> {
    let mut found = Vec::new();
    set_theme(client, theme).await;
    let at = |view: &str| format!("{view} ({theme})");

    found.extend(audit(client, &at("browse")).await);
    // A measured model's detail, with its plot, band table and the form for the user's figures.
    open_detail(client, "Sennheiser HD 650").await;
    wait_text(
        client,
        "dialog.detail[open] .sound-panel .plot-readout",
        |t| !t.is_empty(),
    )
    .await;
    click(client, "dialog.detail[open] .own-figures-box summary").await;
    found.extend(audit(client, &at("model detail with its measured sound")).await);
    click(client, "dialog.detail[open] .detail-head button").await;

    click(client, "#open-glossary").await;
    wait_text(client, "#glossary[open] h2", |t| t == "Glossary").await;
    found.extend(audit(client, &at("glossary")).await);
    click(client, "#glossary .detail-head button").await;

    click(client, "#open-help").await;
    wait_text(client, "#help[open] h2", |t| !t.is_empty()).await;
    found.extend(audit(client, &at("shortcuts")).await);
    click(client, "#help .detail-head button").await;

    click(client, "#open-about").await;
    wait_text(client, "#about[open] .about-version", |t| !t.is_empty()).await;
    found.extend(audit(client, &at("about")).await);
    click(client, "#about .detail-head button").await;

    click(client, "#tab-advisor").await;
    wait_text(client, "#advice-status", |t| t.contains("best first")).await;
    found.extend(audit(client, &at("advisor")).await);

    open_area(client, "compare", "compare-view").await;
    found.extend(audit(client, &at("compare, empty")).await);
    click(client, "#tab-advisor").await;
    wait_text(client, "#advice-status", |t| t.contains("best first")).await;
    for n in 1..=3 {
        click(
            client,
            &format!(".advice-card:nth-child({n}) .compare-button"),
        )
        .await;
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    click(client, ".advice-card:nth-child(1) .shortlist-button").await;
    click(client, "#tab-compare").await;
    wait_text(client, "table.compare thead", |t| !t.is_empty()).await;
    wait_for(
        client,
        "return document.querySelector('.compare-view .sound-body')?.getAttribute('aria-busy') === 'false';",
        vec![],
        &serde_json::json!(true),
        Duration::from_secs(10),
        "the overlay of measured curves loads",
    )
    .await;
    found.extend(audit(client, &at("compare with the overlay")).await);

    click(client, "#tab-shortlist").await;
    wait_text(client, ".entry h3", |t| !t.is_empty()).await;
    click(client, ".entry .add-session").await;
    wait_text(client, "dialog.form-dialog[open] h2", |t| {
        t.contains("Try-on")
    })
    .await;
    let place = client.find(Locator::Id("session-place")).await.unwrap();
    place.send_keys("City store").await.unwrap();
    click(client, "label[for='rating-comfort-4']").await;
    found.extend(audit(client, &at("try-on form")).await);
    click(client, "#save-session").await;
    wait_text(client, ".session .ratings", |t| t.contains("Comfort 4/5")).await;
    found.extend(audit(client, &at("shortlist with a session")).await);

    click(client, "#add-own-model").await;
    wait_text(client, "dialog.form-dialog[open] h2", |t| !t.is_empty()).await;
    found.extend(audit(client, &at("own model form")).await);
    client
        .execute("document.querySelector('dialog[open]').close();", vec![])
        .await
        .unwrap();
    click(client, "#tab-browse").await;
    found
}

#[tokio::test]
async fn axe_finds_nothing_serious_in_any_view_light_or_dark() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        let mut found = Vec::new();
        // The welcome a new user sees first (the harness skipped it: show it again).
        click(&client, "#open-about").await;
        click(&client, "#show-welcome").await;
        wait_text(&client, "#welcome[open] h2", |t| t.contains("Welcome")).await;
        found.extend(audit(&client, "welcome").await);
        click(&client, "#welcome-skip").await;

        found.extend(audit_everything(&client, "light").await);
        found.extend(audit_everything(&client, "dark").await);
        assert!(
            found.is_empty(),
            "axe found serious or critical violations:\n{}",
            found.join("\n")
        );
        client
    })
    .await;
}

#[tokio::test]
async fn csp_still_blocks_inline_scripts() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        // A script element added to the page is subject to the CSP: it must not run.
        let ran = client
            .execute_async(
                r#"
                const done = arguments[arguments.length - 1];
                window.__inline_ran = false;
                const s = document.createElement('script');
                s.textContent = 'window.__inline_ran = true;';
                document.head.appendChild(s);
                setTimeout(() => done(window.__inline_ran), 200);
                "#,
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(ran, json!(false), "the CSP blocks inline scripts");
        client
    })
    .await;
}
