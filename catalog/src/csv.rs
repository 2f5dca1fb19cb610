//! RFC 4180 CSV writing shared by the exports, with spreadsheet formula injection neutralised.

/// Writes one record: the fields separated by commas, ended by CRLF.
pub(crate) fn line(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, &f);
    }
    out.push_str("\r\n");
}

/// Writes one field: quoted when it holds a comma, quote or line break; prefixed with `'` when
/// a spreadsheet would read it as a formula (`= + - @`, tab, CR at the start), unless it is a
/// plain number such as `-3.5`.
pub(crate) fn field(out: &mut String, text: &str) {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(text);
    let quoted = text.contains([',', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    if quoted {
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// An optional sign, digits, and optionally a point and more digits: `-3.5`, `+2`, `12.`.
fn is_plain_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (whole, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> String {
        let mut out = String::new();
        field(&mut out, text);
        out
    }

    #[test]
    fn quotes_what_needs_quoting() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell(""), "");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        let mut out = String::new();
        line(&mut out, ["a".to_owned(), "b,c".to_owned()].into_iter());
        assert_eq!(out, "a,\"b,c\"\r\n");
    }

    #[test]
    fn neutralises_formulas_but_not_numbers() {
        assert_eq!(cell("-3.5"), "-3.5");
        assert_eq!(cell("+2"), "+2");
        assert_eq!(cell("12."), "12.");
        assert_eq!(cell("1e5"), "1e5");
        assert_eq!(cell("-"), "'-");
        assert_eq!(cell("-5 dB"), "'-5 dB");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("@cmd"), "'@cmd");
        assert_eq!(cell("=1,2"), "\"'=1,2\"");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("a=b"), "a=b");
    }
}
