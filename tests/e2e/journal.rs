//! The try-on journal in the real window: a note written there survives a restart, a SIGKILL
//! of the app, and a damaged file on disk; a model tried many times shows its latest try-ons.

use std::time::Duration;

use fantoccini::Client;
use serde_json::json;

use crate::harness::{
    click, open_detail, open_shortlist, texts, type_into, wait_for, wait_text, with_app, Harness,
};

const NOTE: &str = "Clamp fine, ears warm after 40 minutes. <b>not bold</b>";

async fn saved_notes(client: &Client) -> Vec<String> {
    open_shortlist(client).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    texts(client, ".session-notes").await
}

#[tokio::test]
async fn a_note_survives_restart_sigkill_and_a_damaged_file() {
    let harness = Harness::start();

    // Shortlist a model from its detail, then record a try-on.
    with_app(&harness, |client| async move {
        open_detail(&client, "Sennheiser HD 650").await;
        click(&client, "dialog.detail .actions .primary").await;
        open_shortlist(&client).await;
        wait_text(&client, ".entry h3", |t| t == "Sennheiser HD 650").await;
        click(&client, ".entry .add-session").await;
        type_into(&client, "session-place", "Demo wall").await;
        click(&client, "label[for='rating-comfort-4']").await;
        click(&client, "label[for='verdict-keep']").await;
        type_into(&client, "session-notes", NOTE).await;
        click(&client, "#save-session").await;
        let shown = wait_text(&client, ".session-notes", |t| !t.is_empty()).await;
        assert_eq!(shown, NOTE, "user text reads back literally");
        let ratings = wait_text(&client, ".session .ratings", |t| !t.is_empty()).await;
        assert!(ratings.contains("Comfort 4/5"), "{ratings}");
        client
    })
    .await;

    // A clean restart.
    with_app(&harness, |client| async move {
        assert_eq!(saved_notes(&client).await, [NOTE]);
        client
    })
    .await;

    // SIGKILL the app while it runs, then start it again.
    let client = harness.launch().await;
    assert_eq!(saved_notes(&client).await, [NOTE]);
    harness.kill_app();
    // The app is gone; ending the session lets the driver accept a new one.
    let _ = client.close().await;
    with_app(&harness, |client| async move {
        assert_eq!(saved_notes(&client).await, [NOTE], "after SIGKILL");
        client
    })
    .await;

    // Damage the file on disk: the app moves it aside, restores the backup, and says so.
    std::fs::write(
        harness.data_dir().join("headroom.json"),
        b"{\"version\": 1, \"sess",
    )
    .unwrap();
    with_app(&harness, |client| async move {
        let notice = wait_text(&client, "#notices .notice", |t| !t.is_empty()).await;
        assert!(
            notice.contains("could not be read") && notice.contains("damaged"),
            "{notice}"
        );
        assert_eq!(
            saved_notes(&client).await,
            [NOTE],
            "restored from the backup"
        );
        client
    })
    .await;
}

/// Seven try-ons of a model: the shortlist draws the latest five and a button for the two before
/// them; the button shows all seven and keeps the keyboard on itself; a try-on deleted while
/// they show leaves the other six; the button hides the earlier one again.
#[tokio::test]
async fn many_try_ons_show_the_latest_five_until_all_are_asked_for() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        let added = client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 import('./api.js').then(async (api) => {
                   for (let i = 1; i <= 7; i++) {
                     await api.sessionAdd({ model_id: 'sony-mdr-7506', date: `2026-11-1${i}`,
                       place: `Store ${i}`, notes: `note ${i}` });
                   }
                   done('ok');
                 }).catch((e) => done(String(e)));",
                vec![],
            )
            .await
            .expect("seven try-ons added");
        assert_eq!(added, json!("ok"));
        let latest: Vec<String> = (3..=7).map(|i| format!("note {i}")).collect();
        let all: Vec<String> = (1..=7).map(|i| format!("note {i}")).collect();

        open_shortlist(&client).await;
        wait_text(&client, ".show-sessions", |t| t == "Show 2 earlier try-ons").await;
        assert_eq!(texts(&client, ".session-notes").await, latest);

        click(&client, ".show-sessions").await;
        wait_text(&client, ".show-sessions", |t| t == "Show only the latest 5").await;
        assert_eq!(texts(&client, ".session-notes").await, all);
        let focused =
            "return document.activeElement?.classList.contains('show-sessions') === true \
                       && document.activeElement.getAttribute('aria-expanded') === 'true';";
        wait_for(
            &client,
            focused,
            vec![],
            &json!(true),
            Duration::from_secs(5),
            "the keyboard stays on the button",
        )
        .await;

        // A change while the group is open: it stays open, its try-ons fetched again.
        click(&client, "li.session:first-child .actions button:last-child").await;
        wait_text(&client, ".session-notes", |t| t == "note 2").await;
        assert_eq!(texts(&client, ".session-notes").await, all[1..]);
        assert_eq!(
            texts(&client, ".show-sessions").await,
            ["Show only the latest 5"]
        );

        click(&client, ".show-sessions").await;
        wait_text(&client, ".show-sessions", |t| t == "Show 1 earlier try-on").await;
        assert_eq!(texts(&client, ".session-notes").await, latest);
        client
    })
    .await;
}
