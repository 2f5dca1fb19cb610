//! The exports of a comparison: GitHub-flavoured Markdown for printing or reading, and CSV for
//! spreadsheets, both escaped so that no text turns into markup or a formula.

use super::format::num;
use super::{Cell, Comparison};

/// The mark before the label of a row whose models differ, in [`to_markdown`].
pub const DIFFERS_MARK: &str = "◆ ";

/// The comparison as GitHub-flavoured Markdown: a title and a legend, then per section a
/// heading and a table whose first column is the row label and then one column per model.
/// A row whose models differ has its label marked with [`DIFFERS_MARK`]; best cells are bold.
///
/// All catalog and user text is escaped (`\ ` * _ [ ] < > | ~ & ! #` and backticks), and line
/// breaks become spaces, so it renders as written and never as a link, an image or HTML.
pub fn to_markdown(c: &Comparison) -> String {
    let mut out = String::from("# Headroom comparison\n\n");
    out.push_str(&format!(
        "{DIFFERS_MARK}marks the rows where the models differ; **bold** marks the better value \
         where better has a direction; [brackets] say how sure a catalog figure is (maker, \
         retailer, review, measured, relayed, or user for your own). Loudness is for {}, against \
         {} dB SPL peaks.\n",
        md_escape(&c.source_name),
        num(c.target_db, 1)
    ));
    for s in &c.sections {
        out.push_str(&format!("\n## {}\n\n| |", md_escape(&s.title)));
        for col in &c.columns {
            out.push_str(&format!(" {} |", md_escape(&col.name)));
        }
        out.push_str("\n| --- |");
        for _ in &c.columns {
            out.push_str(" --- |");
        }
        out.push('\n');
        for r in &s.rows {
            let mark = if r.differs { DIFFERS_MARK } else { "" };
            out.push_str(&format!("| {mark}{} |", md_escape(&r.label)));
            for cell in &r.cells {
                let text = md_escape(&cell_with_kind(cell));
                if cell.best {
                    out.push_str(&format!(" **{text}** |"));
                } else {
                    out.push_str(&format!(" {text} |"));
                }
            }
            out.push('\n');
        }
    }
    out
}

/// A cell as the exports write it: its text, and the kind of a catalog figure in brackets
/// ("96 dB/mW [relayed]").
fn cell_with_kind(cell: &Cell) -> String {
    match cell.kind {
        Some(kind) => format!("{} [{}]", cell.text, kind.as_str()),
        None => cell.text.clone(),
    }
}

/// Escapes everything that could start Markdown syntax or break a table cell, and turns line
/// breaks into spaces.
pub(super) fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push(' ');
                }
            }
            '\n' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The comparison as CSV (RFC 4180: comma-separated, CRLF line ends, fields holding a comma, a
/// quote or a line break quoted, quotes doubled).
///
/// The header is `section,row,<one column per model, named>,differs,best`; then one line per
/// row: its section's title, its label, each model's cell text, `yes` or `no`, and the names of
/// the models with the best value, joined by `; ` (empty when there is none).
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so
/// a spreadsheet shows it as text instead of running it as a formula, unless it is a plain
/// number (`-3.5`, `+2`), which stays a number.
pub fn to_csv(c: &Comparison) -> String {
    let mut out = String::new();
    let header = ["section".to_owned(), "row".to_owned()]
        .into_iter()
        .chain(c.columns.iter().map(|col| col.name.clone()))
        .chain(["differs".to_owned(), "best".to_owned()]);
    crate::csv::line(&mut out, header);
    for s in &c.sections {
        for r in &s.rows {
            let best: Vec<&str> = r
                .cells
                .iter()
                .zip(&c.columns)
                .filter(|(cell, _)| cell.best)
                .map(|(_, col)| col.name.as_str())
                .collect();
            let line = [s.title.clone(), r.label.clone()]
                .into_iter()
                .chain(r.cells.iter().map(cell_with_kind))
                .chain([
                    if r.differs { "yes" } else { "no" }.to_owned(),
                    best.join("; "),
                ]);
            crate::csv::line(&mut out, line);
        }
    }
    out
}
