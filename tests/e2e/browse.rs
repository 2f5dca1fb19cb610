//! Browsing the catalog in the real window: search, filters, detail.

use fantoccini::{Client, Locator};

use crate::harness::{
    click, open_detail, texts, type_into, wait_for, wait_text, with_app, Harness,
};

async fn first_row(client: &Client) -> String {
    texts(client, "table.models tbody th")
        .await
        .into_iter()
        .next()
        .unwrap_or_default()
}

#[tokio::test]
async fn the_window_opens_on_the_catalog() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        assert_eq!(client.title().await.unwrap(), "Headroom");
        let rows = texts(&client, "table.models tbody th").await;
        assert!(rows.len() >= 60, "catalog rows: {}", rows.len());
        assert!(rows.iter().any(|r| r == "Sennheiser HD 650"), "{rows:?}");
        wait_text(&client, "#result-count", |t| {
            t == format!("{} models", rows.len())
        })
        .await;
        client
    })
    .await;
}

#[tokio::test]
async fn search_filter_and_open_a_models_detail() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        let everything = wait_text(&client, "#result-count", |t| t.ends_with("models")).await;
        // Search the way people type it.
        let search = client.find(Locator::Id("search")).await.unwrap();
        search.send_keys("hd650").await.unwrap();
        wait_text(&client, "#result-count", |t| t == "1 model").await;
        assert_eq!(first_row(&client).await, "Sennheiser HD 650");

        // Clear the search, then filter: closed backs only.
        search.clear().await.unwrap();
        search.send_keys("dt 770").await.unwrap();
        wait_text(&client, "#result-count", |t| {
            t != everything && t != "1 model"
        })
        .await;
        let rows = texts(&client, "table.models tbody th").await;
        assert!(rows.len() >= 3, "{rows:?}");
        assert!(rows[0].starts_with("Beyerdynamic DT 770 Pro"), "{rows:?}");
        assert!(rows.iter().all(|r| r.contains("770")), "{rows:?}");
        search.clear().await.unwrap();
        wait_text(&client, "#result-count", |t| t == everything).await;
        client
            .find(Locator::Id("facet-back-open"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_text(&client, "#result-count", |t| t != everything).await;
        let backs = texts(&client, "table.models tbody tr td:nth-of-type(1)").await;
        assert!(
            !backs.is_empty() && backs.iter().all(|b| b == "Open"),
            "{backs:?}"
        );

        // Open a model's detail: every spec, unknowns marked, its sources.
        open_detail(&client, "Sennheiser HD 650").await;
        let title = wait_text(&client, "dialog.detail h2", |t| !t.is_empty()).await;
        assert_eq!(title, "Sennheiser HD 650");
        let specs = client
            .find(Locator::Css("dialog.detail .specs"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(specs.contains("300 Ω"), "{specs}");
        assert!(specs.contains("Sensitivity"), "{specs}");
        let sources = texts(&client, "dialog.detail .sources li").await;
        assert!(!sources.is_empty(), "a catalog model lists its sources");
        client
    })
    .await;
}

/// A catalog long enough to be virtualised, scrolled the ways people scroll: small steps down and
/// up, page-sized steps, and jumps. At every stop the rows in the DOM must be the right ones
/// (each position always shows the same model), cover what is visible, and keep the table as
/// tall as the whole catalog; rows that stay in the window must be the same elements.
#[tokio::test]
async fn a_long_catalog_scrolls_with_the_right_rows_in_view() {
    const MODELS: usize = 2000;
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("headroom")).unwrap();
    std::fs::write(
        data.path().join("headroom/catalog.override.json"),
        headroom_domain::synthetic::data_file(MODELS),
    )
    .unwrap();
    let harness = Harness::start_in(data);
    with_app(&harness, |client| async move {
        let report = client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                (async () => {
                  const frame = () => new Promise((r) => requestAnimationFrame(r));
                  const wrap = document.querySelector('.table-wrap');
                  const head = document.querySelector('table.models thead').getBoundingClientRect().height;
                  const rows = () => [...document.querySelectorAll('table.models tbody tr:not(.spacer)')];
                  const idAt = new Map();
                  const problems = [];
                  let reused = 0;
                  const look = (where, before) => {
                    const now = rows();
                    const index = now.map((tr) => Number(tr.getAttribute('aria-rowindex')) - 2);
                    if (index.some((k, i) => i > 0 && k !== index[i - 1] + 1)) problems.push(`${where}: rows not consecutive ${index}`);
                    if (now.length > 120) problems.push(`${where}: ${now.length} rows in the DOM`);
                    now.forEach((tr, i) => {
                      const seen = idAt.get(index[i]);
                      if (seen && seen !== tr.dataset.id) problems.push(`${where}: row ${index[i]} shows ${tr.dataset.id}, earlier ${seen}`);
                      idAt.set(index[i], tr.dataset.id);
                      const old = before.get(index[i]);
                      if (old && old !== tr) problems.push(`${where}: row ${index[i]} was made again`);
                      if (old === tr) reused += 1;
                    });
                    const view = wrap.getBoundingClientRect();
                    const top = now[0].getBoundingClientRect().top, bottom = now[now.length - 1].getBoundingClientRect().bottom;
                    if (top > view.top + head + 1 || bottom < Math.min(view.bottom, wrap.querySelector('table').getBoundingClientRect().bottom) - 1) {
                      problems.push(`${where}: rows ${top}..${bottom} do not cover ${view.top + head}..${view.bottom}`);
                    }
                    return new Map(now.map((tr, i) => [index[i], tr]));
                  };
                  const go = async (where, to) => {
                    const before = new Map(rows().map((tr) => [Number(tr.getAttribute('aria-rowindex')) - 2, tr]));
                    wrap.scrollTop = to;
                    for (let i = 0; i < 4; i++) await frame();
                    look(where, before);
                  };
                  look('start', new Map());
                  const rowHeight = rows()[0].getBoundingClientRect().height;
                  const tall = wrap.scrollHeight;
                  for (let i = 1; i <= 8; i++) await go(`down ${i * 200}`, i * 200);
                  for (let i = 1; i <= 4; i++) await go(`page ${i}`, 1600 + i * 900);
                  await go('jump', 30000);
                  for (let i = 1; i <= 5; i++) await go(`up ${i * 150}`, 30000 - i * 150);
                  await go('end', tall);
                  await go('back to the top', 0);
                  done({ problems, reused, rowHeight, tall, head, seen: idAt.size, distinct: new Set(idAt.values()).size });
                })().catch((e) => done({ problems: [String(e)] }));"#,
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(report["problems"], serde_json::json!([]), "{report}");
        let row = report["rowHeight"].as_f64().unwrap();
        let tall = report["tall"].as_f64().unwrap() - report["head"].as_f64().unwrap();
        assert!(
            (tall - MODELS as f64 * row).abs() < 2.0 * row,
            "the table is as tall as {MODELS} rows: {report}"
        );
        assert!(
            report["reused"].as_u64().unwrap() > 100,
            "rows staying in view are kept: {report}"
        );
        assert_eq!(report["seen"], report["distinct"], "one model per row: {report}");
        client
    })
    .await;
}

/// A detail opened again with nothing changed is the same elements, plot included (kept, not
/// built anew); figures typed but not saved are not kept, and saved ones show at once.
#[tokio::test]
async fn a_detail_opened_again_is_kept_until_it_changes() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        let js = |script: &'static str| {
            let client = client.clone();
            async move { client.execute(script, vec![]).await.expect(script) }
        };
        let close = "document.querySelector('dialog.detail').close();";
        // The detail on screen with its plot drawn.
        let drawn = || {
            wait_for(
                &client,
                "return document.querySelector(\"dialog.detail[open] .sound-body[aria-busy='false'] svg.plot\") !== null;",
                vec![],
                &serde_json::json!(true),
                std::time::Duration::from_secs(15),
                "the detail with its plot",
            )
        };
        // Marks the title and the plot of the detail on screen; reads the marks back.
        let mark = "document.querySelector('dialog.detail h2').dataset.seen = '1'; \
                    document.querySelector('dialog.detail svg.plot').dataset.seen = '1';";
        let marks = "return ['h2', 'svg.plot'].map((s) => document.querySelector('dialog.detail ' + s)?.dataset.seen ?? null);";

        open_detail(&client, "Sennheiser HD 650").await;
        drawn().await;
        js(mark).await;
        js(close).await;
        open_detail(&client, "Sennheiser HD 650").await;
        drawn().await;
        assert_eq!(js(marks).await, serde_json::json!(["1", "1"]), "reopened: kept");

        // Another model in between: HD 650 is still one of the details kept.
        js(close).await;
        open_detail(&client, "Sennheiser HD 600").await;
        wait_text(&client, "dialog.detail[open] h2", |t| t == "Sennheiser HD 600").await;
        assert_eq!(js(marks).await, serde_json::json!([null, null]), "another model: its own");
        js(close).await;
        open_detail(&client, "Sennheiser HD 650").await;
        drawn().await;
        assert_eq!(js(marks).await, serde_json::json!(["1", "1"]), "back to HD 650: kept");

        // Figures typed and not saved: the next opening starts from what is saved.
        click(&client, "dialog.detail .own-figures-box summary").await;
        type_into(&client, "fig-impedance", "123").await;
        js(close).await;
        open_detail(&client, "Sennheiser HD 650").await;
        wait_text(&client, "dialog.detail[open] h2", |t| t == "Sennheiser HD 650").await;
        let typed = js("return [document.querySelector('dialog.detail h2').dataset.seen ?? null, \
                        document.getElementById('fig-impedance').value];")
        .await;
        assert_eq!(typed, serde_json::json!([null, ""]), "built anew, nothing typed kept");

        // Saved figures show, and show again on the next opening.
        click(&client, "dialog.detail .own-figures-box summary").await;
        type_into(&client, "fig-impedance", "123").await;
        click(&client, "dialog.detail .own-figures-form button[type='submit']").await;
        wait_text(&client, "dialog.detail .specs", |t| t.contains("123 Ω")).await;
        js(close).await;
        open_detail(&client, "Sennheiser HD 650").await;
        wait_text(&client, "dialog.detail[open] .specs", |t| t.contains("123 Ω")).await;
        client
    })
    .await;
}
