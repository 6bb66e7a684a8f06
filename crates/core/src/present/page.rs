//! A self-contained HTML page the library writes (the role matrix, the checklist comparison)
//! made into a fragment for embedding, e.g. in Jupyter or an app's web view: the page's style
//! sheet scoped to the fragment's element, so the page around it keeps its own styles.

/// The class of the element that holds a page made into a fragment by [`fragment`].
pub const PAGE_CLASS: &str = "bb-page";

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = start + s[start..].find(close)?;
    Some(&s[start..end])
}

/// Prefixes every selector of a flat style sheet (no nested `@` rules, as the library's pages
/// have) with `.bb-page`; `body` becomes `.bb-page` itself.
fn scope_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len() + 256);
    for rule in css.split('}') {
        let Some((selectors, declarations)) = rule.split_once('{') else {
            continue;
        };
        if selectors.trim_start().starts_with('@') {
            // Not written by the library's page renderers; dropped rather than left unscoped.
            continue;
        }
        let scoped: Vec<String> = selectors
            .split(',')
            .map(str::trim)
            .filter(|sel| !sel.is_empty())
            .map(|sel| match sel.strip_prefix("body") {
                Some(rest) if rest.is_empty() || rest.starts_with([' ', '.', ':', '>']) => {
                    format!(".{PAGE_CLASS}{rest}")
                }
                _ => format!(".{PAGE_CLASS} {sel}"),
            })
            .collect();
        out.push_str(&scoped.join(","));
        out.push('{');
        out.push_str(declarations.trim());
        out.push_str("}\n");
    }
    out
}

/// A self-contained page written by the library (the role matrix, the checklist comparison) as
/// a fragment for embedding, e.g. in Jupyter: the body's content inside
/// `<div class="bb-page" lang="..">` with the page's style sheet scoped to that element, so the
/// notebook around it keeps its own styles. Text that is not such a page comes back unchanged.
pub fn fragment(page: &str) -> String {
    let (Some(css), Some(body)) = (
        between(page, "<style>", "</style>"),
        between(page, "<body>", "</body>"),
    ) else {
        return page.to_owned();
    };
    let lang = between(page, "<html lang=\"", "\"").unwrap_or("da");
    format!(
        "<div class=\"{PAGE_CLASS}\" lang=\"{lang}\">\n<style>\n{}</style>\n{}</div>\n",
        scope_css(css),
        body.trim_matches('\n')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_styles_are_scoped_to_the_fragment() {
        let page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><style>body{margin:0} th, td{x:y}</style></head>\n<body>\n<h1>T</h1>\n</body>\n</html>\n";
        let f = fragment(page);
        assert_eq!(
            f,
            "<div class=\"bb-page\" lang=\"en\">\n<style>\n.bb-page{margin:0}\n.bb-page th,.bb-page td{x:y}\n</style>\n<h1>T</h1></div>\n"
        );
        assert_eq!(fragment("<p>no page</p>"), "<p>no page</p>");
        assert_eq!(
            scope_css("body{margin:0} th, td{x:y} body.a{z:w} @media print{p{q:r}}"),
            ".bb-page{margin:0}\n.bb-page th,.bb-page td{x:y}\n.bb-page.a{z:w}\n"
        );
    }
}
