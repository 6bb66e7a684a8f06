//! The one Markdown escaper and the one HTML escaper: every text the library writes into a
//! Markdown or HTML document (names, titles, answers, findings, ids) goes through one of them,
//! so a name such as `Kultur *og* <Fritid> | 1. hold` reads the same as it was written.
//!
//! The Markdown escaper's rules, for CommonMark with GitHub tables, where the text may stand in
//! a paragraph, a heading, a list item or a table cell:
//! - every ASCII punctuation that can open markup is backslash-escaped (CommonMark allows a
//!   backslash before any ASCII punctuation): `\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `#`
//!   `~` `&` (the last so `&amp;` stays those five characters);
//! - what only means something at the start of a block is escaped there: a leading `- `, `+ `
//!   or `--` (a bullet or a rule), the `.` or `)` of leading `1. ` or `1) ` (`1. hold` is not a
//!   list; `1.234` and `-5` stay as they are), and whitespace worth four columns or more (not a
//!   code block);
//! - a line break (`\n`, `\r\n`, `\r`; also a vertical tab or form feed) becomes a space: a
//!   heading, a list item and a table cell are one line;
//! - NUL becomes U+FFFD, as CommonMark and HTML parsers would make it.
//!
//! The HTML escaper escapes `&`, `<`, `>`, `"` and `'`, so its output is safe in element
//! content and in quoted attribute values alike, and replaces NUL with U+FFFD.

/// Escapes `s` for Markdown (CommonMark with GitHub tables), for any place inline text may
/// stand: a paragraph, a heading, a list item or a table cell. See the module docs for the
/// rules.
pub fn markdown(s: &str) -> String {
    // Line breaks first, so whitespace and markers after a break are seen at the start.
    let s = &one_line(s);
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut chars = s.chars().peekable();

    // Leading whitespace of four columns or more would start an indented code block: its
    // first character is written as a character reference instead.
    let mut width = 0;
    for c in s.chars() {
        match c {
            ' ' => width += 1,
            '\t' => width += 4 - width % 4,
            _ => break,
        }
    }
    if width >= 4 {
        match chars.next() {
            Some('\t') => out.push_str("&#9;"),
            Some(_) => out.push_str("&#32;"),
            None => {}
        }
    }
    while let Some(&c) = chars.peek() {
        if c == ' ' || c == '\t' {
            out.push(c);
            chars.next();
        } else {
            break;
        }
    }

    // Block markers at the start: `- ` and `+ ` (a bullet), `---` (a rule), `1. ` and `1) `
    // (an ordered list). `-5`, `+45` and `1.234` stay as they are.
    let ends_marker = |c: Option<&char>| matches!(c, None | Some(' ' | '\t'));
    match chars.peek() {
        Some(&c) if c == '-' || c == '+' => {
            let mut ahead = chars.clone();
            ahead.next();
            let next = ahead.peek();
            if ends_marker(next) || (c == '-' && next == Some(&'-')) {
                out.push('\\');
            }
            out.push(c);
            chars.next();
        }
        Some(c) if c.is_ascii_digit() => {
            while let Some(&d) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                out.push(d);
                chars.next();
            }
            if let Some(&p) = chars.peek()
                && (p == '.' || p == ')')
            {
                let mut ahead = chars.clone();
                ahead.next();
                if ends_marker(ahead.peek()) {
                    out.push('\\');
                }
                out.push(p);
                chars.next();
            }
        }
        _ => {}
    }

    for c in chars {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `s` with each line break (`\r\n`, `\r`, `\n`, and the vertical tab and form feed that
/// parsers take as blank) as a space and NUL as U+FFFD.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(' ');
            }
            '\n' | '\u{b}' | '\u{c}' => out.push(' '),
            '\0' => out.push('\u{FFFD}'),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes `s` for HTML element content and quoted attribute values.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\0' => out.push('\u{FFFD}'),
            _ => out.push(c),
        }
    }
    out
}

/// [`html`], with each line break written as `<br>`: for texts people wrote over several
/// lines (an answer, a comment) shown in a table cell or a list item.
pub fn html_lines(s: &str) -> String {
    let escaped = html(s);
    escaped
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use pulldown_cmark::{Event, Options, Parser, Tag};

    /// `s` as a reader sees it: line breaks as spaces, NUL replaced.
    fn seen(s: &str) -> String {
        s.replace("\r\n", " ")
            .replace(['\r', '\n', '\u{b}', '\u{c}'], " ")
            .replace('\0', "\u{FFFD}")
    }

    const EDGE: [char; 2] = [' ', '\t'];

    /// The name of a block tag's variant: `Heading` for `Heading { level: H2, .. }`.
    fn tag_name(tag: &Tag<'_>) -> String {
        format!("{tag:?}")
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect()
    }

    /// The text of `md`, whether it held only text (no emphasis, link, code, HTML, rule or
    /// nested block), and the name of its first block.
    fn parse(md: &str) -> (String, bool, Option<String>) {
        let mut text = String::new();
        let mut only_text = true;
        let mut first = None;
        for e in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
            match e {
                Event::Text(t) => text.push_str(&t),
                Event::Start(tag) => {
                    let name = tag_name(&tag);
                    if !matches!(
                        name.as_str(),
                        "Paragraph"
                            | "Heading"
                            | "Item"
                            | "List"
                            | "Table"
                            | "TableHead"
                            | "TableRow"
                            | "TableCell"
                    ) || matches!(tag, Tag::List(Some(_)))
                    {
                        only_text = false;
                    }
                    first.get_or_insert(name);
                }
                Event::End(_) => {}
                _ => only_text = false,
            }
        }
        (text, only_text, first)
    }

    fn check_everywhere(s: &str) -> Result<(), TestCaseError> {
        let e = markdown(s);
        prop_assert!(!e.contains('\n') && !e.contains('\r'));
        let plain = seen(s);
        for (place, md, block) in [
            ("paragraph", e.clone(), "Paragraph"),
            ("heading", format!("## {e}"), "Heading"),
            ("list item", format!("- {e}"), "List"),
            ("table cell", format!("| h |\n|---|\n| {e} |"), "Table"),
            ("after text", format!("x {e}"), "Paragraph"),
        ] {
            let (text, only_text, first) = parse(&md);
            let want = if place == "after text" {
                format!("x {plain}")
            } else {
                plain.clone()
            };
            prop_assert!(only_text, "{}: {:?} -> {:?}", place, s, md);
            if !want.trim_matches(EDGE).is_empty() || place == "table cell" {
                prop_assert_eq!(first.as_deref(), Some(block), "{}: {:?}", place, md);
            }
            let got = if place == "table cell" {
                text.strip_prefix('h').unwrap_or(&text).to_owned()
            } else {
                text
            };
            prop_assert_eq!(
                got.trim_matches(EDGE),
                want.trim_matches(EDGE),
                "{}: {:?}",
                place,
                md
            );
        }
        Ok(())
    }

    #[test]
    fn markup_is_neutralised() {
        assert_eq!(markdown("a*b_[c]<d>|#&"), "a\\*b\\_\\[c\\]\\<d\\>\\|\\#\\&");
        assert_eq!(markdown("1. hold"), "1\\. hold");
        assert_eq!(markdown("- punkt"), "\\- punkt");
        assert_eq!(markdown("Aalborg - Center"), "Aalborg - Center");
        assert_eq!(markdown("1.234 og -5"), "1.234 og -5");
        assert_eq!(markdown("--- x"), "\\--- x");
        assert_eq!(markdown("to\nlinjer\r\nher"), "to linjer her");
        assert_eq!(markdown("18,4 km"), "18,4 km");
        assert_eq!(
            html("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(html_lines("a\nb<"), "a<br>b&lt;");
        for s in [
            "    kode?",
            "\tkode?",
            "---",
            "***",
            "=",
            "1) a",
            "&amp;",
            "<div>",
            "[a](b)",
            "![x](y)",
            "`x`",
            "~~x~~",
            "a  \nb",
            "x\\",
            "# h #",
            "| a | b |",
        ] {
            check_everywhere(s).unwrap_or_else(|e| panic!("{s:?}: {e}"));
        }
    }

    /// Strings heavy in markup characters, line breaks and whitespace, mixed with any Unicode.
    fn markupish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            prop::sample::select(vec![
                "*",
                "_",
                "`",
                "[",
                "]",
                "(",
                ")",
                "<",
                ">",
                "|",
                "#",
                "~",
                "&",
                "\\",
                "!",
                "-",
                "+",
                "=",
                ".",
                "1",
                "12",
                " ",
                "    ",
                "\t",
                "\n",
                "\r\n",
                "\r",
                "&amp;",
                "&#32;",
                "http://x.dk",
                "<b>",
                "**",
                "__",
                "---",
                ":",
                "æøå",
                "\u{0}",
                "\u{a0}",
                "\u{2028}",
            ])
            .prop_map(str::to_owned),
            any::<char>().prop_map(|c| c.to_string()),
            "[a-zA-Z0-9 ]{0,6}",
        ];
        prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
    }

    /// Reads HTML escaped by [`html`] back.
    fn unescape_html(s: &str) -> String {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn markdown_shows_any_text_as_written(s in markupish()) {
            check_everywhere(&s)?;
        }

        #[test]
        fn markdown_shows_any_unicode_as_written(s in any::<String>()) {
            check_everywhere(&s)?;
        }

        #[test]
        fn html_round_trips_and_opens_nothing(s in prop_oneof![markupish(), any::<String>()]) {
            let e = html(&s);
            prop_assert!(!e.contains(['<', '>', '"', '\'']));
            for (i, _) in e.match_indices('&') {
                let rest = &e[i..];
                prop_assert!(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|x| rest.starts_with(x)));
            }
            prop_assert_eq!(unescape_html(&e), s.replace('\0', "\u{FFFD}"));
            prop_assert!(!html_lines(&s).contains(['\n', '\r']));
        }
    }
}
