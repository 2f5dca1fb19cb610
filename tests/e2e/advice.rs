//! The advisor and the comparison in the real window.

use std::time::Duration;

use fantoccini::{Client, Locator};

use crate::harness::{click, texts, wait_text, with_app, Harness};

/// Waits for the advice list to settle after a change (the status line changes, then holds).
async fn settled(client: &Client) -> String {
    let mut last = String::new();
    for _ in 0..40 {
        tokio::time::sleep(Duration::from_millis(150)).await;
        let now = texts(client, ".advice-card h3").await.join("|");
        if !now.is_empty() && now == last {
            return now;
        }
        last = now;
    }
    last
}

#[tokio::test]
async fn tracking_in_a_noisy_flat_on_a_laptop_ranks_closed_backs_first() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        click(&client, "#tab-advisor").await;
        wait_text(&client, "#advice-status", |t| t.contains("best first")).await;
        click(&client, "label[for='room-noisy']").await;
        click(&client, "label[for='p-others_nearby']").await;
        click(&client, "label[for='task-mixing']").await; // off
        click(&client, "label[for='task-tracking']").await; // on
        client
            .find(Locator::Css("#p-source option[value='laptop']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        settled(&client).await;
        let facts = texts(&client, ".advice-card .facts").await;
        assert!(facts.len() >= 5, "{facts:?}");
        for (i, f) in facts.iter().take(5).enumerate() {
            assert!(
                f.starts_with("Closed back"),
                "result {i} is not closed-back: {f}"
            );
        }
        let reasons = texts(&client, ".advice-card:first-child .reason-text").await;
        assert!(
            reasons.iter().any(|r| r.starts_with("Closed back")),
            "the top result says why: {reasons:?}"
        );
        assert!(
            reasons.iter().any(|r| r.contains("laptop")),
            "and how loud it gets on the laptop: {reasons:?}"
        );
        client
    })
    .await;
}

#[tokio::test]
async fn three_advised_models_compared_with_only_the_differences() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        click(&client, "#tab-advisor").await;
        wait_text(&client, "#advice-status", |t| t.contains("best first")).await;
        let names = texts(&client, ".advice-card h3").await;
        for n in 1..=3 {
            click(
                &client,
                &format!(".advice-card:nth-child({n}) .compare-button"),
            )
            .await;
            wait_text(&client, "#notices", |t| t.contains(&format!("({n} of 4)"))).await;
        }
        click(&client, "#tab-compare").await;
        client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css("table.compare thead .col-name"))
            .await
            .unwrap();
        let heads = texts(&client, "table.compare thead .col-name").await;
        assert_eq!(heads, names[..3].to_vec(), "columns in the order picked");
        let fit = texts(&client, "table.compare tr[data-row='fit'] td").await;
        assert_eq!(fit.len(), 3, "the advisor's fit per model: {fit:?}");
        let all_rows = texts(&client, "table.compare tbody tr[data-row]")
            .await
            .len();
        click(&client, "label[for='only-differences']").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let marked = client
            .find_all(Locator::Css("table.compare tbody tr[data-row]"))
            .await
            .unwrap();
        assert!(
            !marked.is_empty() && marked.len() < all_rows,
            "{} of {all_rows}",
            marked.len()
        );
        for row in marked {
            assert_eq!(row.attr("class").await.unwrap().as_deref(), Some("differs"));
        }
        client
    })
    .await;
}
