//! Tests of the CSV and Markdown exports: quoting, defused formulas, escapes, models and sessions.

use super::*;
use crate::journal::testing::catalog;
use crate::journal::{Ratings, SessionInput, Status, Verdict};

fn doc() -> Document {
    let c = catalog();
    let mut doc = Document::default();
    doc.add_to_shortlist(&c, "sony-mdr-7506", "2025-05-01")
        .unwrap();
    doc.add_to_shortlist(&c, "sennheiser-hd-650", "2025-05-01")
        .unwrap();
    doc.set_reason("sony-mdr-7506", "=HYPERLINK(\"http://x\")")
        .unwrap();
    doc.set_status("sony-mdr-7506", Status::Tried).unwrap();
    for (date, notes) in [("2025-05-03", "later"), ("2025-05-02", "a, \"b\"\nc")] {
        let input = SessionInput {
            model_id: "sony-mdr-7506".into(),
            date: date.into(),
            ratings: Ratings {
                comfort: Some(4),
                ..Ratings::default()
            },
            notes: notes.into(),
            verdict: Some(Verdict::Maybe),
            ..SessionInput::default()
        };
        doc.add_session(&c, input).unwrap();
    }
    let tried_only = SessionInput {
        model_id: "audeze-lcd-2".into(),
        date: "2025-05-04".into(),
        ..SessionInput::default()
    };
    doc.add_session(&c, tried_only).unwrap();
    doc
}

#[test]
fn csv_rows_quote_and_defuse_formulas() {
    let csv = export_csv(&doc(), &catalog());
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].starts_with("model,model_id,status,reason,added,session_id,date,"));
    assert_eq!(
        lines[1],
        "Sony MDR-7506,sony-mdr-7506,tried,\"'=HYPERLINK(\"\"http://x\"\")\",2025-05-01,s-2,2025-05-02,,,4,,,,,,,,,,,,maybe,\"a, \"\"b\"\"\nc\""
    );
    assert!(
        lines[2].contains(",s-1,2025-05-03,"),
        "sessions by date: {}",
        lines[2]
    );
    assert_eq!(
        lines[3],
        format!(
            "Sennheiser HD 650,sennheiser-hd-650,to-try,,2025-05-01{}",
            ",".repeat(18)
        )
    );
    assert_eq!(
        lines[4],
        format!(
            "Audeze LCD-2,audeze-lcd-2,,,,s-3,2025-05-04{}",
            ",".repeat(16)
        )
    );
    assert_eq!(lines[5], "", "ends with CRLF");
    for line in &lines[1..5] {
        assert_eq!(fields(line), 23, "{line}");
    }
}

/// Fields in one CSV record (a line break inside quotes does not end it).
fn fields(record: &str) -> usize {
    let mut quoted = false;
    1 + record
        .chars()
        .filter(|&c| {
            if c == '"' {
                quoted = !quoted;
            }
            c == ',' && !quoted
        })
        .count()
}

#[test]
fn markdown_escapes_user_text() {
    assert_eq!(
        escape("[x](javascript:alert(1))"),
        "\\[x\\](javascript:alert(1))"
    );
    assert_eq!(
        escape("<img src=x onerror=alert(1)>"),
        "\\<img src=x onerror=alert(1)\\>"
    );
    assert_eq!(
        escape("*a* _b_ `c` # | \\ ~ & !"),
        "\\*a\\* \\_b\\_ \\`c\\` \\# \\| \\\\ \\~ \\& \\!"
    );
    assert_eq!(escape_line("- item"), "\\- item");
    assert_eq!(escape_line("12. item"), "12\\. item");
    assert_eq!(escape_line("3) item"), "3\\) item");
    assert_eq!(escape_line("==="), "\\===");
    assert_eq!(escape_line("2025 was good"), "2025 was good");
}

#[test]
fn markdown_lists_models_and_sessions() {
    let md = export_markdown(&doc(), &catalog());
    assert!(md.starts_with("# Headroom journal\n\n## Sony MDR-7506\n\n- Status: Tried\n- Reason: =HYPERLINK(\"http://x\")\n"), "{md}");
    assert!(md.contains("- **2025-05-02**. Verdict: maybe\n  - Ratings (5 is best): comfort 4/5\n  - Notes:\n\n    a, \"b\"  \n    c\n"), "{md}");
    assert!(
        md.contains("## Audeze LCD-2\n\n- Not on the shortlist\n"),
        "{md}"
    );
    assert_eq!(
        export_markdown(&Document::default(), &catalog()),
        "# Headroom journal\n\nThe shortlist is empty and no try-on sessions are recorded.\n"
    );
}
