//! Alternatives from a spreadsheet (xlsx, xlsm, xlsb, xls, ods): the only
//! module that names calamine.
//!
//! The first row of the sheet (`--sheet NAME`, else the first sheet) is the
//! header and each row below an alternative, read by the CSV reader's own
//! header and cell rules ([`map_header`], [`interval_cell`]), so a
//! workbook accepts exactly what the same table saved as CSV does. A number
//! cell is taken as its number (no text round trip); a text cell as CSV
//! text. Problems are located at their cell: `proposals.xlsx!Sheet1!C7`.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};

use super::{
    Column, CsvAlternatives, CsvSource, Errors, Intervals, Rows, ScoreInterval, column_name, excerpt, failure, gather,
    interval_cell, map_header,
};
use crate::input::diagnostic::{Diagnostic, DiagnosticKind, FieldPath};
use crate::input::{Criteria, Leaf};

/// The file extensions read as spreadsheets.
const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// Whether `path` names a spreadsheet, by its extension.
pub(super) fn is_spreadsheet(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Reads every alternative of the spreadsheet `source` for the leaves of
/// `criteria`.
pub(super) fn read(source: &CsvSource, criteria: &Criteria) -> Result<CsvAlternatives, Vec<Diagnostic>> {
    let spreadsheet = |e: &dyn std::fmt::Display| failure(source, None, DiagnosticKind::Spreadsheet(e.to_string()));
    let mut book = open_workbook_auto(&source.path).map_err(|e| spreadsheet(&e))?;
    let names = book.sheet_names();
    let sheet = match &source.settings.sheet {
        Some(asked) if !names.contains(asked) => {
            let sheets = names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
            let kind = DiagnosticKind::UnknownSheet {
                sheet: excerpt(asked),
                sheets,
            };
            return Err(failure(source, None, kind));
        }
        Some(asked) => asked.clone(),
        None => names
            .first()
            .cloned()
            .ok_or_else(|| spreadsheet(&"the workbook has no sheet"))?,
    };
    let range = book.worksheet_range(&sheet).map_err(|e| spreadsheet(&e))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let shown = format!("{}!{sheet}", source.display_name);
    let mut rows = range.rows();
    let header: Vec<String> = rows.next().unwrap_or_default().iter().map(text).collect();
    let leaves: Vec<(&str, &Leaf)> = criteria.leaves().map(|(c, l)| (c.id.as_str(), l)).collect();
    let mut errors = Errors {
        shown: &shown,
        list: Vec::new(),
    };
    let record = csv::ByteRecord::from(header.clone());
    let columns = map_header(
        &record,
        criteria,
        &leaves,
        source.settings.ignore_extra_columns,
        &mut errors,
    );
    let cells = SheetCells {
        shown: shown.clone(),
        names: record.iter().map(column_name).collect(),
        left,
    };
    if !errors.list.is_empty() {
        return Err(cells.locate(errors.list));
    }
    let parsed = parse_rows(rows, u64::from(top) + 1, &columns, &leaves, &cells.names, &shown);
    let mut found = gather(source, parsed, Vec::new(), errors).map_err(|list| cells.locate(list))?;
    found.cells = Some(cells);
    Ok(found)
}

/// Parses the data rows; `header_line` is the header's row number
/// (1-based).
fn parse_rows<'r>(
    rows: impl Iterator<Item = &'r [Data]>,
    header_line: u64,
    columns: &[Column],
    leaves: &[(&str, &Leaf)],
    names: &[String],
    shown: &str,
) -> Rows {
    let mut errors = Errors {
        shown,
        list: Vec::new(),
    };
    let mut out = Rows::default();
    let mut values = vec![0.0; leaves.len()];
    let mut intervals = Intervals::default();
    for (n, row) in rows.enumerate() {
        // Formatted but empty rows below the table are not alternatives.
        if row.iter().all(|c| matches!(c, Data::Empty)) {
            continue;
        }
        let line = header_line + 1 + n as u64;
        intervals.row = out.lines.len();
        let (mut id, mut name) = (String::new(), String::new());
        for (i, cell) in row.iter().enumerate() {
            match columns.get(i).copied().unwrap_or(Column::Skip) {
                Column::Id => id = text(cell),
                Column::Name => name = text(cell),
                Column::Skip => {}
                Column::Portfolio => {
                    let text = text(cell);
                    if !text.is_empty() {
                        out.portfolio.push((out.lines.len(), names[i].clone(), text));
                    }
                }
                Column::Leaf(c) => match value(cell, leaves[c]) {
                    Ok((v, interval)) => {
                        values[c] = v;
                        if let Some((low, high)) = interval {
                            let (row, column) = (intervals.row, c);
                            intervals.list.push(ScoreInterval { row, column, low, high });
                        }
                    }
                    Err(kind) => {
                        values[c] = 0.0;
                        errors.push(Some(line), &names[i], kind);
                    }
                },
            }
        }
        errors.check_id(line, &id);
        out.alternatives.push(&id, Some(&name), None);
        out.values.extend_from_slice(&values);
        out.lines.push(u32::try_from(line).unwrap_or(u32::MAX));
        if errors.full() {
            break;
        }
    }
    out.errors = errors.list;
    out.intervals = intervals.list;
    out
}

/// A leaf cell's value: a number cell as it is (checked against the
/// leaf's scale), anything else read as the CSV reads its text.
fn value(cell: &Data, leaf: (&str, &Leaf)) -> Result<(f64, Option<(f64, f64)>), DiagnosticKind> {
    let number = match *cell {
        Data::Float(v) => v,
        Data::Int(v) => v as f64,
        _ => return interval_cell(text(cell).trim(), leaf, false),
    };
    super::super::rules::in_scale(leaf.1, leaf.0, number).map(|v| (v, None))
}

/// A cell's text, trimmed as CSV cells are: a whole number without `.0`.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Float(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{v:.0}"),
        other => other.to_string(),
    }
}

/// How to name the cell of a sheet's row and column, so that problems
/// found after reading (in portfolio cells, or scores a method refuses)
/// are located as the reader's own are.
#[derive(Debug, Clone)]
pub(crate) struct SheetCells {
    /// `FILE!SHEET`.
    shown: String,
    /// The header's column names, as messages show them.
    names: Vec<String>,
    /// The sheet column of the table's first column (0 for A).
    left: u32,
}

impl SheetCells {
    /// Moves each problem found at a row (its line) and a column to its
    /// cell (`FILE!SHEET!C7`): the source names the cell, the line is
    /// dropped. Problems at no column of the table stay as they are.
    pub(crate) fn locate(&self, list: Vec<Diagnostic>) -> Vec<Diagnostic> {
        list.into_iter()
            .map(|mut d| {
                let Some(line) = d.location.line else { return d };
                let column = self
                    .names
                    .iter()
                    .position(|n| d.location.path == FieldPath::column(n))
                    .map(|i| letters(self.left as usize + i));
                if let Some(column) = column {
                    d.location.source = format!("{}!{column}{line}", self.shown);
                    d.location.line = None;
                }
                d
            })
            .collect()
    }
}

/// The spreadsheet name of the 0-based `column`: A, ..., Z, AA, ...
fn letters(column: usize) -> String {
    let mut n = column + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn column_letters() {
        let names: Vec<String> = [0, 25, 26, 51, 52, 701, 702].into_iter().map(super::letters).collect();
        assert_eq!(names, ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
    }
}
