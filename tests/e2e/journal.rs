//! The try-on journal in the real window: a note written there survives a restart, a SIGKILL
//! of the app, and a damaged file on disk.

use std::time::Duration;

use fantoccini::Client;

use crate::harness::{
    click, open_detail, open_shortlist, texts, type_into, wait_text, with_app, Harness,
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
