//! A sheet as rows of text cells, each row with the line (or spreadsheet row) it starts on: what
//! every layout's reader works on, whether the sheet came from a CSV file or an `.xlsx`
//! workbook (read with `calamine`).
//!
//! CSV lines are counted the way an editor or a spreadsheet counts them: a line ends at `\r\n`
//! (what Excel on Windows writes), `\n` or a lone `\r` (old Mac files), so a problem on the
//! first data row is on line 2 whatever the file's line ends.

use super::csv::CsvDelimiter;

/// One row of a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GridRow {
    /// The 1-based line (CSV) or row number (workbook) the row starts on.
    pub(crate) line: u32,
    /// The cells, from the first column (column A) on.
    pub(crate) cells: Vec<String>,
}

/// A sheet's rows, and where reading stopped if the text is not valid CSV.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Grid {
    pub(crate) rows: Vec<GridRow>,
    /// The line of a CSV syntax error (a quote that never closes); the rows before it are kept.
    pub(crate) broken_at: Option<u32>,
    /// Whether cells carry the CSV writer's guard against formula injection (a leading `'`),
    /// which reading takes off: CSV files do, workbooks hold text as text and do not.
    pub(crate) guarded: bool,
}

/// The byte offsets at which each line starts, counting `\r\n`, `\n` and a lone `\r` as one
/// line end each.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                i += 1;
                starts.push(i + 1);
            }
            b'\r' | b'\n' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

/// The 1-based line holding byte `offset`.
fn line_of(starts: &[usize], offset: usize) -> u32 {
    u32::try_from(starts.partition_point(|s| *s <= offset)).unwrap_or(u32::MAX)
}

/// The line a record starts on: the reader's position may point at blank lines before it.
fn record_line(text: &str, starts: &[usize], offset: u64) -> u32 {
    let bytes = text.as_bytes();
    let mut i = usize::try_from(offset).unwrap_or(usize::MAX);
    while matches!(bytes.get(i), Some(b'\r' | b'\n')) {
        i += 1;
    }
    line_of(starts, i)
}

/// Where a quoted cell opens that never closes, if one does: the CSV reader would read the
/// rest of the file into it.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut at_field_start, mut open) = (true, None::<usize>);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match open {
            Some(_) if b == b'"' && bytes.get(i + 1) == Some(&b'"') => i += 1,
            Some(_) if b == b'"' => open = None,
            Some(_) => {}
            None if b == b'"' && at_field_start => open = Some(i),
            None => {}
        }
        at_field_start = open.is_none() && (b == delimiter || b == b'\n' || b == b'\r');
        i += 1;
    }
    open
}

/// The delimiter of the first non-blank line: whichever of `,`, `;` and tab occurs most
/// outside quotes (`,` on a tie or when there is none).
pub(crate) fn detect_delimiter(text: &str) -> CsvDelimiter {
    let line = text
        .split(['\r', '\n'])
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let (mut comma, mut semi, mut tab, mut quoted) = (0usize, 0usize, 0usize, false);
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => comma += 1,
            ';' if !quoted => semi += 1,
            '\t' if !quoted => tab += 1,
            _ => {}
        }
    }
    if tab > comma && tab > semi {
        CsvDelimiter::Tab
    } else if semi > comma {
        CsvDelimiter::Semicolon
    } else {
        CsvDelimiter::Comma
    }
}

/// A CSV text's rows (a byte-order mark at the start is dropped).
pub(crate) fn csv_grid(text: &str, delimiter: CsvDelimiter) -> Grid {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let starts = line_starts(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.byte())
        .from_reader(text.as_bytes());
    let mut grid = Grid {
        guarded: true,
        ..Grid::default()
    };
    for result in reader.records() {
        match result {
            Ok(record) => {
                let line = record
                    .position()
                    .map_or(0, |p| record_line(text, &starts, p.byte()));
                grid.rows.push(GridRow {
                    line,
                    cells: record.iter().map(str::to_owned).collect(),
                });
            }
            Err(e) => {
                let line = e
                    .position()
                    .map_or(0, |p| record_line(text, &starts, p.byte()));
                grid.broken_at = Some(line);
                break;
            }
        }
    }
    if let Some(at) = unclosed_quote(text, delimiter.byte()) {
        let line = line_of(&starts, at);
        // The row holding the open quote swallowed the rest of the file: drop it and after.
        grid.rows.retain(|r| r.line < line);
        grid.broken_at = Some(line);
    }
    grid
}

/// Why a workbook cannot be read: not an `.xlsx` file (or half written, or encrypted, as a
/// workbook locked by a password is), or without the sheet asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum WorkbookProblem {
    /// The bytes are not a readable `.xlsx` workbook.
    Unreadable,
    /// The workbook has no sheet of that name (the names it has are given).
    NoSuchSheet(Vec<String>),
}

/// A workbook sheet read: its name, its rows, and the `(line, column)` of each cell that
/// showed a spreadsheet error.
pub(crate) type Workbook = (String, Grid, Vec<(u32, u32)>);

/// A workbook sheet's rows, each cell as text the cell readers take: numbers as the shortest
/// text that reads back (whole numbers without `.0`), dates as `YYYY-MM-DD`, truth values as
/// `true`/`false`; a cell holding a spreadsheet error (`#VALUE!`) as empty, with its place in
/// `errors`. The first sheet unless `sheet` names one; lines are the sheet's row numbers.
pub(crate) fn xlsx_grid(bytes: &[u8], sheet: Option<&str>) -> Result<Workbook, WorkbookProblem> {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|_| WorkbookProblem::Unreadable)?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(want) => names
            .iter()
            .find(|n| n.trim().eq_ignore_ascii_case(want.trim()) || n.trim() == want.trim())
            .cloned()
            .ok_or_else(|| WorkbookProblem::NoSuchSheet(names.clone()))?,
        None => names.first().cloned().ok_or(WorkbookProblem::Unreadable)?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|_| WorkbookProblem::Unreadable)?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut grid = Grid::default();
    let mut errors = Vec::new();
    for (r, row) in range.rows().enumerate() {
        let line = u32::try_from(r)
            .ok()
            .and_then(|r| r.checked_add(top))
            .and_then(|r| r.checked_add(1))
            .unwrap_or(u32::MAX);
        // Cells left of the used range are empty: the row starts at column A.
        let mut cells = vec![String::new(); usize::try_from(left).unwrap_or(0)];
        for cell in row {
            let text = match cell {
                Data::Empty => String::new(),
                Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
                Data::Int(i) => i.to_string(),
                Data::Float(f) => number_cell(*f),
                Data::Bool(b) => b.to_string(),
                Data::DateTime(d) => {
                    let (y, m, day, ..) = d.to_ymd_hms_milli();
                    chrono::NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(day))
                        .map(|d| d.format("%Y-%m-%d").to_string())
                        .unwrap_or_default()
                }
                Data::Error(_) => {
                    let column = u32::try_from(cells.len() + 1).unwrap_or(u32::MAX);
                    errors.push((line, column));
                    String::new()
                }
            };
            cells.push(text);
        }
        grid.rows.push(GridRow { line, cells });
    }
    Ok((name, grid, errors))
}

/// A workbook number as a cell's text: whole numbers without `.0`, others as the shortest text
/// that reads back.
fn number_cell(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        // Exact for whole numbers of this size.
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<u32> {
        csv_grid(text, detect_delimiter(text))
            .rows
            .iter()
            .map(|r| r.line)
            .collect()
    }

    #[test]
    fn lines_are_counted_alike_for_every_line_end() {
        let lf = "id;ankomst\nnc-1;2016-01-11\n\nnc-2;2016-01-12\n";
        assert_eq!(lines(lf), [1, 2, 4]);
        assert_eq!(lines(&lf.replace('\n', "\r\n")), [1, 2, 4]);
        assert_eq!(lines(&lf.replace('\n', "\r")), [1, 2, 4]);
        // A quoted cell over two lines: the next row starts two lines further down.
        assert_eq!(lines("a,b\r\n\"x\r\ny\",1\r\nz,2\r\n"), [1, 2, 4]);
        assert_eq!(lines("\u{feff}a,b\r\n1,2"), [1, 2]);
    }

    #[test]
    fn a_broken_quote_is_located() {
        let g = csv_grid("a,b\r\n1,2\r\n\"3,4\r\n5,6\r\n", CsvDelimiter::Comma);
        assert_eq!(g.rows.len(), 2);
        assert_eq!(g.broken_at, Some(3));
        // Quotes inside a cell that does not start with one are text, and "" is a quote.
        let g = csv_grid(
            "a,b\n5\" skærm,\"sagde \"\"hej\"\"\"\n",
            CsvDelimiter::Comma,
        );
        assert_eq!((g.rows.len(), g.broken_at), (2, None));
    }
}
