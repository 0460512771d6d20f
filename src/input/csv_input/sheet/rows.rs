//! A sheet's data rows turned into alternatives, one row at a time, by the
//! CSV reader's cell rules: the one place both spreadsheet readers (the
//! whole [`Table`] of any reader, or the rows of an xlsx sheet as its
//! pieces are read, see [`xlsx::Stream`](super::xlsx::Stream)) make their
//! alternatives, so both give the same values and problems.

use std::borrow::Cow;

use super::super::{Column, Errors, Intervals, Rows, ScoreInterval, id_hash, interval_cell};
use super::table::{Table, Value, text};
use crate::input::Leaf;
use crate::input::diagnostic::DiagnosticKind;
use crate::model::alternatives::Labels;

/// What the row reader needs besides the rows.
pub(super) struct SheetLayout<'a> {
    pub(super) columns: &'a [Column],
    pub(super) leaves: &'a [(&'a str, &'a Leaf)],
    /// Column names, as messages show them.
    pub(super) names: &'a [String],
    pub(super) shown: &'a str,
}

/// Reads data rows, each a full row of the table's cells, into [`Part`]s.
pub(super) struct RowReader<'a> {
    pub(super) layout: &'a SheetLayout<'a>,
    /// The shared strings that [`Value::Shared`] cells index.
    pub(super) strings: &'a [String],
}

/// The alternatives of some consecutive rows: a piece of a sheet, or all
/// of it.
pub(super) struct Part<'a> {
    ids: Labels,
    names: Labels,
    values: Vec<f64>,
    lines: Vec<u32>,
    hashes: Vec<u64>,
    errors: Errors<'a>,
    /// Rows counted from the part's first.
    intervals: Intervals,
    portfolio: Vec<(usize, String, String)>,
    /// One row's leaf values, as they are read.
    row: Vec<f64>,
}

impl<'a> RowReader<'a> {
    /// A part with no row yet.
    pub(super) fn part(&self) -> Part<'a> {
        Part {
            ids: Labels::default(),
            names: Labels::default(),
            values: Vec::new(),
            lines: Vec::new(),
            hashes: Vec::new(),
            errors: Errors {
                shown: self.layout.shown,
                list: Vec::new(),
            },
            intervals: Intervals::default(),
            portfolio: Vec::new(),
            row: vec![0.0; self.layout.leaves.len()],
        }
    }

    /// Reads the cells of the data row at 0-based sheet row `at` into
    /// `part`; a row of empty cells (formatted, below the table) is none.
    /// Past too many problems, rows are passed over.
    pub(super) fn row(&self, part: &mut Part<'a>, at: u32, cells: &[Value]) {
        if part.errors.full() || cells.iter().all(|c| *c == Value::Empty) {
            return;
        }
        let layout = self.layout;
        let line = u64::from(at) + 1;
        part.intervals.row = part.lines.len();
        let (mut id, mut name) = (Cow::Borrowed(""), Cow::Borrowed(""));
        for (i, cell) in cells.iter().enumerate() {
            match layout.columns.get(i).copied().unwrap_or(Column::Skip) {
                Column::Id => id = text(self.strings, cell),
                Column::Name => name = text(self.strings, cell),
                Column::Skip => {}
                Column::Portfolio => {
                    let text = text(self.strings, cell);
                    if !text.is_empty() {
                        let column = layout.names[i].clone();
                        part.portfolio.push((part.lines.len(), column, text.into_owned()));
                    }
                }
                Column::Leaf(c) => match self.value(cell, layout.leaves[c]) {
                    Ok((v, interval)) => {
                        part.row[c] = v;
                        if let Some((low, high)) = interval {
                            let (row, column) = (part.intervals.row, c);
                            part.intervals.list.push(ScoreInterval { row, column, low, high });
                        }
                    }
                    Err(kind) => {
                        part.row[c] = 0.0;
                        part.errors.push(Some(line), &layout.names[i], kind);
                    }
                },
            }
        }
        part.errors.check_id(line, &id);
        part.hashes.push(id_hash(&id));
        part.ids.push(&id);
        part.names.push(&name);
        part.values.extend_from_slice(&part.row);
        part.lines.push(u32::try_from(line).unwrap_or(u32::MAX));
    }

    /// A leaf cell's value: a number cell as it is (checked against the
    /// leaf's scale), anything else read as the CSV reads its text.
    fn value(&self, cell: &Value, leaf: (&str, &Leaf)) -> Result<(f64, Option<(f64, f64)>), DiagnosticKind> {
        let number = match *cell {
            Value::Number(v) => v,
            Value::Int(v) => v as f64,
            _ => return interval_cell(&text(self.strings, cell), leaf, false),
        };
        crate::input::rules::in_scale(leaf.1, leaf.0, number).map(|v| (v, None))
    }
}

/// The rows of the parts, in order, as one.
pub(super) fn join(parts: Vec<Part<'_>>) -> Rows {
    let mut out = Rows::default();
    let count: usize = parts.iter().map(|p| p.lines.len()).sum();
    let width = parts.first().map_or(0, |p| p.row.len());
    let (mut ids, mut names) = (Labels::default(), Labels::default());
    let mut hashes = Vec::with_capacity(count);
    out.values.reserve_exact(count * width);
    out.lines.reserve_exact(count);
    for part in parts {
        let first = out.lines.len();
        ids.append(part.ids);
        names.append(part.names);
        out.values.extend_from_slice(&part.values);
        out.lines.extend_from_slice(&part.lines);
        hashes.extend_from_slice(&part.hashes);
        out.errors.extend(part.errors.list);
        let moved = part.intervals.list.into_iter().map(|s| ScoreInterval {
            row: s.row + first,
            ..s
        });
        out.intervals.extend(moved);
        let moved = part.portfolio.into_iter().map(|(row, c, t)| (row + first, c, t));
        out.portfolio.extend(moved);
    }
    out.alternatives = crate::model::Alternatives::from_labels(ids, names, Labels::empty(count));
    out.hashes = Some(hashes);
    out
}

/// Reads the data rows of `table` (those below its first, the header).
pub(super) fn parse_rows(table: &Table, reader: &RowReader<'_>) -> Rows {
    let mut part = reader.part();
    for (n, cells) in table.rows().enumerate().skip(1) {
        reader.row(&mut part, table.start.0 + n as u32, cells);
    }
    join(vec![part])
}
