//! The shortlist and its sessions as CSV (for spreadsheets) and Markdown (for reading, printing
//! and taking to the store). The JSON export is [`super::to_bytes`].
//!
//! Both list the shortlist in the user's order, each model's sessions by date, and then the
//! models that have sessions but are not on the shortlist, in the order they were first tried.

use std::collections::HashMap;

use super::{chronological, Document, Entry, Session};
use crate::Catalog;

/// One model's part of an export: its shortlist entry, if any, and its sessions by date.
struct Group<'a> {
    model_id: &'a str,
    entry: Option<&'a Entry>,
    sessions: Vec<&'a Session>,
}

fn groups(doc: &Document) -> Vec<Group<'_>> {
    let mut out: Vec<Group<'_>> = doc
        .shortlist
        .iter()
        .map(|e| Group {
            model_id: &e.model_id,
            entry: Some(e),
            sessions: Vec::new(),
        })
        .collect();
    let mut at: HashMap<&str, usize> = out
        .iter()
        .enumerate()
        .map(|(i, g)| (g.model_id, i))
        .collect();
    for s in &doc.sessions {
        let i = *at.entry(&s.model_id).or_insert_with(|| {
            out.push(Group {
                model_id: &s.model_id,
                entry: None,
                sessions: Vec::new(),
            });
            out.len() - 1
        });
        out[i].sessions.push(s);
    }
    for g in &mut out {
        g.sessions.sort_by(|a, b| chronological(a, b));
    }
    out
}

fn name(doc: &Document, catalog: &Catalog, model_id: &str) -> String {
    doc.model(catalog, model_id)
        .map(|m| m.display_name())
        .unwrap_or_else(|| model_id.to_owned())
}

const CSV_HEADER: [&str; 23] = [
    "model",
    "model_id",
    "status",
    "reason",
    "added",
    "session_id",
    "date",
    "place",
    "minutes",
    "comfort",
    "clamp",
    "weight",
    "heat",
    "pads",
    "glasses_fit",
    "bass",
    "mids",
    "treble",
    "soundstage",
    "isolation",
    "leakage",
    "verdict",
    "notes",
];

/// The shortlist and its sessions as CSV (RFC 4180: comma-separated, CRLF line ends, fields
/// with commas, quotes or line breaks quoted): a header, then one row per try-on session with
/// its model's name, status and reason and every rating, and one row with empty session columns
/// for each shortlisted model without sessions. Ratings are numbers 1 to 5 or empty.
///
/// Every cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
/// so a spreadsheet shows it as text instead of running it as a formula.
pub fn export_csv(doc: &Document, catalog: &Catalog) -> String {
    let mut out = String::new();
    crate::csv::line(&mut out, CSV_HEADER.iter().map(|h| h.to_string()));
    for g in groups(doc) {
        let model = [
            name(doc, catalog, g.model_id),
            g.model_id.to_owned(),
            g.entry
                .map(|e| e.status.as_str().to_owned())
                .unwrap_or_default(),
            g.entry.map(|e| e.reason.clone()).unwrap_or_default(),
            g.entry.map(|e| e.added.clone()).unwrap_or_default(),
        ];
        if g.sessions.is_empty() {
            crate::csv::line(
                &mut out,
                model
                    .iter()
                    .cloned()
                    .chain(std::iter::repeat_n(String::new(), 18)),
            );
        }
        for s in &g.sessions {
            let number = |n: Option<u8>| n.map(|n| n.to_string()).unwrap_or_default();
            let session = [
                s.id.clone(),
                s.date.clone(),
                s.place.clone(),
                s.minutes.map(|m| m.to_string()).unwrap_or_default(),
            ];
            let scores = s
                .ratings
                .fields()
                .into_iter()
                .chain(s.sound.fields())
                .map(|(_, v)| number(v));
            let last = [
                s.verdict.map(|v| v.as_str().to_owned()).unwrap_or_default(),
                s.notes.clone(),
            ];
            crate::csv::line(
                &mut out,
                model
                    .iter()
                    .cloned()
                    .chain(session)
                    .chain(scores)
                    .chain(last),
            );
        }
    }
    out
}

/// The shortlist and its sessions as Markdown: a heading per model with its status, reason and
/// date added, then its sessions as a list with the place, minutes, verdict, ratings and notes.
///
/// All user text is escaped (`\ * _ [ ] < > # | ~ & !` and backticks everywhere, and list,
/// heading and rule markers at the start of a line), so it renders as the words typed and can
/// never become a link, an image or HTML.
pub fn export_markdown(doc: &Document, catalog: &Catalog) -> String {
    let mut out = String::from("# Headroom journal\n");
    let groups = groups(doc);
    if groups.is_empty() {
        out.push_str("\nThe shortlist is empty and no try-on sessions are recorded.\n");
    }
    for g in groups {
        out.push_str(&format!(
            "\n## {}\n\n",
            escape(&name(doc, catalog, g.model_id))
        ));
        match g.entry {
            Some(e) => {
                out.push_str(&format!("- Status: {}\n", e.status.label()));
                if !e.reason.is_empty() {
                    out.push_str(&format!("- Reason: {}\n", escape(&e.reason)));
                }
                out.push_str(&format!("- Added: {}\n", e.added));
            }
            None => out.push_str("- Not on the shortlist\n"),
        }
        if g.sessions.is_empty() {
            continue;
        }
        out.push_str("\n### Try-on sessions\n");
        for s in g.sessions {
            out.push('\n');
            session_markdown(&mut out, s);
        }
    }
    out
}

const RATING_LABELS: [&str; 6] = [
    "comfort",
    "clamp",
    "weight",
    "heat",
    "pads",
    "fit with glasses",
];

fn session_markdown(out: &mut String, s: &Session) {
    let mut head = format!("- **{}**", s.date);
    if !s.place.is_empty() {
        head.push_str(&format!(", {}", escape(&s.place)));
    }
    if let Some(m) = s.minutes {
        head.push_str(&format!(", {m} min"));
    }
    if let Some(v) = s.verdict {
        head.push_str(&format!(". Verdict: {}", v.as_str()));
    }
    out.push_str(&head);
    out.push('\n');
    let scores = |fields: [(&str, Option<u8>); 6], labels: Option<[&str; 6]>| {
        let mut line = String::new();
        for (i, (field, v)) in fields.into_iter().enumerate() {
            if let Some(v) = v {
                let label = labels.map_or(field, |l| l[i]);
                super::check::push_list(&mut line, format!("{label} {v}/5"));
            }
        }
        line
    };
    let ratings = scores(s.ratings.fields(), Some(RATING_LABELS));
    if !ratings.is_empty() {
        out.push_str(&format!("  - Ratings (5 is best): {ratings}\n"));
    }
    let sound = scores(s.sound.fields(), None);
    if !sound.is_empty() {
        out.push_str(&format!("  - Sound (how much, 3 is neutral): {sound}\n"));
    }
    if s.notes.trim().is_empty() {
        return;
    }
    out.push_str("  - Notes:\n\n");
    let notes = s.notes.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = notes
        .trim_matches('\n')
        .split('\n')
        .map(str::trim)
        .collect();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            out.push('\n');
            continue;
        }
        out.push_str("    ");
        out.push_str(&escape_line(line));
        // A hard line break keeps the user's lines, unless a paragraph ends here.
        if lines.get(i + 1).is_some_and(|next| !next.is_empty()) {
            out.push_str("  ");
        }
        out.push('\n');
    }
}

/// Escapes every character that could start Markdown syntax in running text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes a line of its own: running text, plus the markers that mean something only at the
/// start of a line (`- item`, `+ item`, `1. item`, `2) item`, `===` and `---` underlines).
fn escape_line(line: &str) -> String {
    let escaped = escape(line);
    if escaped.starts_with(['-', '+', '=']) {
        return format!("\\{escaped}");
    }
    let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(escaped.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &escaped[..digits], &escaped[digits..]);
    }
    escaped
}

#[cfg(test)]
mod tests;
