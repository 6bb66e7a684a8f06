//! iCalendar (RFC 5545) content lines: the one escaper, folder and reader of the format.
//!
//! A calendar file is a sequence of content lines `NAME;PARAM=value:value`, each at most 75
//! octets, longer ones folded onto continuation lines that start with a space (RFC 5545 §3.1),
//! with CRLF line ends. Text values escape backslash, `;`, `,` and line breaks (§3.3.11).
//! [`crate::calendar`] builds its files from these pieces and reads them back with
//! [`content_lines`]; nothing else in the crate writes or reads the format.

/// The longest content line in octets, line end not counted (RFC 5545 §3.1).
pub(crate) const MAX_LINE_OCTETS: usize = 75;

/// A TEXT value escaped (RFC 5545 §3.3.11): `\`, `;` and `,` get a backslash, every line break
/// (CRLF, CR or LF) becomes `\n`, and other control characters, which TEXT cannot hold, are
/// left out.
pub(crate) fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A TEXT value unescaped: `\\`, `\;`, `\,`, `\n` and `\N`; any other backslash is kept.
pub(crate) fn unescape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(x @ ('\\' | ';' | ',')) => out.push(x),
            Some(x) => {
                out.push('\\');
                out.push(x);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// A parameter value: quoted when it holds `:`, `;` or `,` (RFC 5545 §3.2); `"` and control
/// characters, which no parameter value can hold, are left out.
pub(crate) fn param_value(s: &str) -> String {
    let clean: String = s.chars().filter(|c| *c != '"' && !c.is_control()).collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// Appends one content line to `out`, folded at [`MAX_LINE_OCTETS`] octets without splitting a
/// character, each physical line ended by CRLF.
pub(crate) fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            // The space that starts a continuation line counts towards its 75 octets.
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// One content line, unfolded: its name (upper case), its parameters (names upper case, values
/// without quotes) and its raw value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ContentLine {
    /// The 1-based line of the file where it starts.
    pub line: u32,
    /// The property name, e.g. `DTSTART`.
    pub name: String,
    /// The parameters in order, e.g. `("TZID", "Europe/Copenhagen")`.
    pub params: Vec<(String, String)>,
    /// The value as written (still escaped for TEXT).
    pub value: String,
}

impl ContentLine {
    /// The value of parameter `name`, if given.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A line that cannot be read: its 1-based number and why (no value of the line is quoted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LineProblem {
    /// The 1-based line.
    pub line: u32,
    /// What is wrong.
    pub reason: &'static str,
}

/// The content lines of a file: folded lines joined (CRLF or LF line ends, continuation lines
/// starting with a space or a tab), empty lines skipped.
pub(crate) fn content_lines(text: &str) -> Result<Vec<ContentLine>, LineProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut logical: Vec<(u32, String)> = Vec::new();
    for (k, raw) in text.split('\n').enumerate() {
        let number = u32::try_from(k + 1).unwrap_or(u32::MAX);
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(rest) = raw.strip_prefix([' ', '\t']) {
            match logical.last_mut() {
                Some((_, l)) => l.push_str(rest),
                None => {
                    return Err(LineProblem {
                        line: number,
                        reason: "the file starts with a continuation line",
                    });
                }
            }
        } else if !raw.is_empty() {
            logical.push((number, raw.to_owned()));
        }
    }
    logical
        .into_iter()
        .map(|(line, l)| parse_line(line, &l))
        .collect()
}

fn parse_line(line: u32, l: &str) -> Result<ContentLine, LineProblem> {
    let problem = |reason| LineProblem { line, reason };
    // The name runs to the first `;` or `:`.
    let end = l
        .find([';', ':'])
        .ok_or_else(|| problem("a content line without a ':'"))?;
    let name = &l[..end];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(problem(
            "a property name that is not letters, digits and '-'",
        ));
    }
    let mut params = Vec::new();
    let mut rest = &l[end..];
    while let Some(p) = rest.strip_prefix(';') {
        let eq = p
            .find('=')
            .ok_or_else(|| problem("a parameter without '='"))?;
        let pname = p[..eq].to_ascii_uppercase();
        let mut v = &p[eq + 1..];
        let value;
        if let Some(q) = v.strip_prefix('"') {
            let close = q
                .find('"')
                .ok_or_else(|| problem("a quoted parameter value without its closing quote"))?;
            value = q[..close].to_owned();
            v = &q[close + 1..];
        } else {
            let stop = v
                .find([';', ':'])
                .ok_or_else(|| problem("a content line without a ':'"))?;
            value = v[..stop].to_owned();
            v = &v[stop..];
        }
        params.push((pname, value));
        rest = v;
    }
    let value = rest
        .strip_prefix(':')
        .ok_or_else(|| problem("a content line without a ':'"))?;
    Ok(ContentLine {
        line,
        name: name.to_ascii_uppercase(),
        params,
        value: value.to_owned(),
    })
}

/// Splits a multi-valued TEXT value (`CATEGORIES`) at its unescaped commas, each part
/// unescaped.
pub(crate) fn split_text_list(value: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cur.push('\\');
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            ',' => parts.push(unescape_text(&std::mem::take(&mut cur))),
            c => cur.push(c),
        }
    }
    parts.push(unescape_text(&cur));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_and_comes_back() {
        let s = "Møde; dagsorden, punkt 1\\2\r\nnæste\rlinje\nslut\u{7}";
        let e = escape_text(s);
        assert_eq!(
            e,
            "Møde\\; dagsorden\\, punkt 1\\\\2\\nnæste\\nlinje\\nslut"
        );
        assert_eq!(
            unescape_text(&e),
            "Møde; dagsorden, punkt 1\\2\nnæste\nlinje\nslut"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "æøå€😀".repeat(20));
        push_line(&mut out, &line);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= MAX_LINE_OCTETS, "{}", physical.len());
        }
        let back = content_lines(&out).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(format!("SUMMARY:{}", back[0].value), line);
    }

    #[test]
    fn parameters_quoted_and_not() {
        let l = content_lines("DTSTART;TZID=Europe/Copenhagen;X-A=\"a:b;c\":20160301T190000\r\n")
            .unwrap();
        assert_eq!(l[0].name, "DTSTART");
        assert_eq!(l[0].param("tzid"), Some("Europe/Copenhagen"));
        assert_eq!(l[0].param("X-A"), Some("a:b;c"));
        assert_eq!(l[0].value, "20160301T190000");
        assert_eq!(param_value("a:b"), "\"a:b\"");
        assert!(content_lines(" x\r\n").is_err());
        assert_eq!(content_lines("A\r\nB:1").unwrap_err().line, 1);
    }

    #[test]
    fn text_lists_split_at_unescaped_commas() {
        assert_eq!(
            split_text_list("møde,a\\,b,c\\;d"),
            vec!["møde".to_owned(), "a,b".into(), "c;d".into()]
        );
    }
}
