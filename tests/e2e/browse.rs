//! Browsing the catalog in the real window: search, filters, detail.

use fantoccini::{Client, Locator};

use crate::harness::{open_detail, texts, wait_text, with_app, Harness};

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
            t.starts_with('4') || t.starts_with('3')
        })
        .await;
        let rows = texts(&client, "table.models tbody th").await;
        assert!(rows[0].starts_with("Beyerdynamic DT 770 Pro"), "{rows:?}");
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
