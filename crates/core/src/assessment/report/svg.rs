//! Inline SVG charts for the HTML report: dimension scores as bars, survey shares as points
//! with their confidence intervals, and a heat map for matrices other modules supply (the role
//! split). Each chart has a `<title>` and `<desc>` for screen readers, uses the Okabe–Ito
//! colour-blind-safe palette, and is followed in the report by a table with the same numbers.

use crate::assessment::result::ScoreBand;
use crate::present::escape::html as html_escape;
use std::fmt::Write as _;

const BLUE: &str = "#0072B2";
const VERMILION: &str = "#D55E00";
const GREEN: &str = "#009E73";
const ORANGE: &str = "#E69F00";
const GREY: &str = "#767676";
const FONT: &str =
    "font-family=\"system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif\"";

fn n(x: f64) -> String {
    let x = if x.abs() < 0.05 { 0.0 } else { x };
    format!("{x:.1}")
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t = t.trim_end().to_owned();
        t.push('…');
        t
    }
}

fn open(s: &mut String, id: &str, w: f64, h: f64, title: &str, desc: &str) {
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" {FONT} font-size=\"12\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        n(w),
        n(h),
        n(w),
        n(h),
        html_escape(title),
        html_escape(desc)
    );
}

/// One bar of the score chart.
#[derive(Debug, Clone)]
pub(crate) struct ScoreRow {
    pub(crate) label: String,
    pub(crate) score: Option<u32>,
    pub(crate) band: Option<ScoreBand>,
}

fn band_colour(band: Option<ScoreBand>) -> &'static str {
    match band {
        Some(ScoreBand::Strong) => GREEN,
        Some(ScoreBand::Fair) => ORANGE,
        Some(ScoreBand::Weak) => VERMILION,
        None => GREY,
    }
}

/// Horizontal bars from 0 to 100 with the band thresholds (50, 80) marked.
pub(crate) fn score_chart(
    id: &str,
    title: &str,
    desc: &str,
    rows: &[ScoreRow],
    none_label: &str,
) -> String {
    let (label_w, bar_x, bar_w, row_h, top) = (250.0, 260.0, 340.0, 26.0, 28.0);
    let width = 660.0;
    let height = top + row_h * rows.len() as f64 + 10.0;
    let mut s = String::new();
    open(&mut s, id, width, height, title, desc);
    for (v, label) in [(0.0, "0"), (50.0, "50"), (80.0, "80"), (100.0, "100")] {
        let x = bar_x + bar_w * v / 100.0;
        let _ = writeln!(
            s,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#bbb\" stroke-dasharray=\"3 3\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{GREY}\">{label}</text>",
            n(x),
            n(top - 6.0),
            n(x),
            n(height - 6.0),
            n(x),
            n(top - 10.0)
        );
    }
    for (i, r) in rows.iter().enumerate() {
        let y = top + row_h * i as f64;
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            n(label_w),
            n(y + 15.0),
            html_escape(&truncate(&r.label, 38))
        );
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#eeeeee\"/>",
            n(bar_x),
            n(y + 3.0),
            n(bar_w)
        );
        match r.score {
            Some(score) => {
                let w = bar_w * f64::from(score.min(100)) / 100.0;
                let _ = writeln!(
                    s,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" font-weight=\"600\">{score}</text>",
                    n(bar_x),
                    n(y + 3.0),
                    n(w),
                    band_colour(r.band),
                    n(bar_x + bar_w + 8.0),
                    n(y + 15.0)
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    "<text x=\"{}\" y=\"{}\" fill=\"{GREY}\" font-style=\"italic\">{}</text>",
                    n(bar_x + 6.0),
                    n(y + 15.0),
                    html_escape(none_label)
                );
            }
        }
    }
    s.push_str("</svg>");
    s
}

/// One row of the survey chart.
#[derive(Debug, Clone)]
pub(crate) struct ShareRow {
    pub(crate) label: String,
    pub(crate) sub: String,
    /// `(share, low, high)`; `None` when the group is too small to show.
    pub(crate) estimate: Option<(f64, f64, f64)>,
    pub(crate) reference: Option<f64>,
    pub(crate) previous: Option<f64>,
}

/// Points with 95% interval whiskers on a 0–100% axis, with the previous round (hollow) and the
/// LBB reference (diamond) where known.
pub(crate) fn share_chart(
    id: &str,
    title: &str,
    desc: &str,
    rows: &[ShareRow],
    legend: [&str; 3],
    pct: &dyn Fn(f64) -> String,
    suppressed: &str,
) -> String {
    let (label_x, plot_x, plot_w, row_h, top) = (8.0, 330.0, 300.0, 36.0, 30.0);
    let width = 660.0;
    let height = top + row_h * rows.len() as f64 + 34.0;
    let x = |v: f64| plot_x + plot_w * v.clamp(0.0, 1.0);
    let mut s = String::new();
    open(&mut s, id, width, height, title, desc);
    for v in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let _ = writeln!(
            s,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#ddd\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{GREY}\">{}</text>",
            n(x(v)),
            n(top - 6.0),
            n(x(v)),
            n(top + row_h * rows.len() as f64),
            n(x(v)),
            n(top - 10.0),
            html_escape(&pct(v))
        );
    }
    for (i, r) in rows.iter().enumerate() {
        let y = top + row_h * i as f64;
        let cy = y + 18.0;
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\">{}</text><text x=\"{}\" y=\"{}\" fill=\"{GREY}\" font-size=\"11\">{}</text>",
            n(label_x),
            n(y + 14.0),
            html_escape(&truncate(&r.label, 48)),
            n(label_x),
            n(y + 28.0),
            html_escape(&truncate(&r.sub, 52))
        );
        match r.estimate {
            Some((share, low, high)) => {
                if let Some(p) = r.previous {
                    let _ = writeln!(
                        s,
                        "<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"none\" stroke=\"{GREY}\" stroke-width=\"1.5\"/>",
                        n(x(p)),
                        n(cy)
                    );
                }
                let _ = writeln!(
                    s,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{BLUE}\" stroke-width=\"2\"/><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{BLUE}\" stroke-width=\"2\"/><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{BLUE}\" stroke-width=\"2\"/><circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{BLUE}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>",
                    n(x(low)),
                    n(cy),
                    n(x(high)),
                    n(cy),
                    n(x(low)),
                    n(cy - 5.0),
                    n(x(low)),
                    n(cy + 5.0),
                    n(x(high)),
                    n(cy - 5.0),
                    n(x(high)),
                    n(cy + 5.0),
                    n(x(share)),
                    n(cy),
                    n(x(share)),
                    n(cy - 8.0),
                    html_escape(&pct(share))
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    "<text x=\"{}\" y=\"{}\" fill=\"{GREY}\" font-style=\"italic\">{}</text>",
                    n(plot_x + 4.0),
                    n(cy + 4.0),
                    html_escape(suppressed)
                );
            }
        }
        if let Some(rf) = r.reference {
            let (cx, d) = (x(rf), 8.0);
            let _ = writeln!(
                s,
                "<path d=\"M {} {} L {} {} L {} {} L {} {} Z\" fill=\"none\" stroke=\"{VERMILION}\" stroke-width=\"2\"/>",
                n(cx),
                n(cy - d),
                n(cx + d),
                n(cy),
                n(cx),
                n(cy + d),
                n(cx - d),
                n(cy)
            );
        }
    }
    let ly = top + row_h * rows.len() as f64 + 22.0;
    let _ = writeln!(
        s,
        "<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{BLUE}\"/><text x=\"{}\" y=\"{}\">{}</text><circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"none\" stroke=\"{GREY}\" stroke-width=\"1.5\"/><text x=\"{}\" y=\"{}\">{}</text><path d=\"M {} {} L {} {} L {} {} L {} {} Z\" fill=\"none\" stroke=\"{VERMILION}\" stroke-width=\"2\"/><text x=\"{}\" y=\"{}\">{}</text>",
        n(label_x + 5.0),
        n(ly - 4.0),
        n(label_x + 14.0),
        n(ly),
        html_escape(legend[0]),
        n(250.0),
        n(ly - 4.0),
        n(259.0),
        n(ly),
        html_escape(legend[1]),
        n(440.0),
        n(ly - 11.0),
        n(447.0),
        n(ly - 4.0),
        n(440.0),
        n(ly + 3.0),
        n(433.0),
        n(ly - 4.0),
        n(452.0),
        n(ly),
        html_escape(legend[2])
    );
    s.push_str("</svg>");
    s
}

/// One cell of a heat map: row, column, value 0–1 and a short label.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub(crate) row: usize,
    pub(crate) column: usize,
    pub(crate) value: f64,
    pub(crate) label: String,
}

fn blend(v: f64) -> String {
    // From #f7fbff (0) to #08519c (1).
    let v = v.clamp(0.0, 1.0);
    let c = |a: f64, b: f64| (a + (b - a) * v).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        c(247.0, 8.0),
        c(251.0, 81.0),
        c(255.0, 156.0)
    )
}

/// A grid of rows × columns coloured by value, with each cell's label inside.
pub(crate) fn heat_map(
    id: &str,
    title: &str,
    desc: &str,
    rows: &[String],
    columns: &[String],
    cells: &[Cell],
) -> String {
    // Row labels of up to 34 characters fit left of the grid; the slanted column labels of up
    // to 24 characters need room on the right of the last column.
    let (label_w, cell_w, cell_h, head_h) = (250.0, 96.0, 26.0, 112.0);
    let width = label_w + cell_w * columns.len() as f64 + 150.0;
    let height = head_h + cell_h * rows.len() as f64 + 10.0;
    let mut s = String::new();
    open(&mut s, id, width, height, title, desc);
    for (j, c) in columns.iter().enumerate() {
        let cx = label_w + cell_w * j as f64 + 18.0;
        let _ = writeln!(
            s,
            "<text transform=\"translate({} {}) rotate(-35)\">{}</text>",
            n(cx),
            n(head_h - 8.0),
            html_escape(&truncate(c, 24))
        );
    }
    for (i, r) in rows.iter().enumerate() {
        let y = head_h + cell_h * i as f64;
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            n(label_w - 8.0),
            n(y + 17.0),
            html_escape(&truncate(r, 34))
        );
        for j in 0..columns.len() {
            let _ = writeln!(
                s,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#fafafa\" stroke=\"#ffffff\"/>",
                n(label_w + cell_w * j as f64),
                n(y),
                n(cell_w),
                n(cell_h)
            );
        }
    }
    for c in cells {
        let (x, y) = (
            label_w + cell_w * c.column as f64,
            head_h + cell_h * c.row as f64,
        );
        let ink = if c.value > 0.55 { "#ffffff" } else { "#1b1b1b" };
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#ffffff\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{ink}\" font-size=\"11\">{}</text>",
            n(x),
            n(y),
            n(cell_w),
            n(cell_h),
            blend(c.value),
            n(x + cell_w / 2.0),
            n(y + 17.0),
            html_escape(&truncate(&c.label, 14))
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_escape_text_and_close() {
        let svg = score_chart(
            "t",
            "<T>",
            "d",
            &[ScoreRow {
                label: "a & b".into(),
                score: Some(70),
                band: Some(ScoreBand::Fair),
            }],
            "–",
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("a &amp; b") && svg.contains("&lt;T&gt;"));
        assert!(!svg.contains("-0.0"));
        assert_eq!(blend(0.0), "#f7fbff");
        assert_eq!(blend(1.0), "#08519c");
        assert_eq!(truncate("abcdef", 4), "abc…");
    }
}
