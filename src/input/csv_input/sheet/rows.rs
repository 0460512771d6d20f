//! A sheet's data rows turned into alternatives, one row at a time, by the
//! CSV reader's cell rules: the one place both spreadsheet readers (the
//! whole [`Table`] of any reader, or the rows of an xlsx sheet as its
//! pieces are read, see [`Stream`](super::piecewise::Stream)) make their
//! alternatives, so both give the same values and problems.

use std::borrow::Cow;

use super::super::{Column, Errors, Intervals, Rows, ScoreInterval, id_hash, interval_cell};
use super::table::{Strings, Table, Value, text};
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
    pub(super) strings: &'a Strings,
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
    /// Leaf values a row.
    width: usize,
}

impl<'a> RowReader<'a> {
    /// A part with no row yet, with room for `rows` rows (memory reserved,
    /// not touched, is nearly free: better too much than growing).
    pub(super) fn part(&self, rows: usize) -> Part<'a> {
        Part {
            ids: Labels::default(),
            names: Labels::default(),
            values: Vec::with_capacity(rows * self.layout.leaves.len()),
            lines: Vec::with_capacity(rows),
            hashes: Vec::with_capacity(rows),
            errors: Errors {
                shown: self.layout.shown,
                list: Vec::new(),
            },
            intervals: Intervals::default(),
            portfolio: Vec::new(),
            width: self.layout.leaves.len(),
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
        // Every leaf has a column, so each row writes all its values.
        let base = part.values.len();
        part.values.resize(base + part.width, 0.0);
        let values = &mut part.values[base..];
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
                        values[c] = v;
                        if let Some((low, high)) = interval {
                            let (row, column) = (part.intervals.row, c);
                            part.intervals.list.push(ScoreInterval { row, column, low, high });
                        }
                    }
                    Err(kind) => {
                        values[c] = 0.0;
                        part.errors.push(Some(line), &layout.names[i], kind);
                    }
                },
            }
        }
        part.errors.check_id(line, &id);
        part.hashes.push(id_hash(&id));
        part.ids.push(&id);
        part.names.push(&name);
        part.lines.push(u32::try_from(line).unwrap_or(u32::MAX));
    }

    /// A leaf cell's value: a number cell as it is (checked against the
    /// leaf's scale), anything else read as the CSV reads its text.
    #[inline]
    fn value(&self, cell: &Value, leaf: (&str, &Leaf)) -> Result<(f64, Option<(f64, f64)>), DiagnosticKind> {
        let number = match *cell {
            // Most cells: a number within the scale, taken as it is.
            Value::Number(v) if leaf.1.scale.is_none_or(|(min, max)| (min..=max).contains(&v)) => return Ok((v, None)),
            Value::Number(v) => v,
            Value::Int(v) => v as f64,
            _ => return interval_cell(&text(self.strings, cell), leaf, false),
        };
        crate::input::rules::in_scale(leaf.1, leaf.0, number).map(|v| (v, None))
    }
}

/// The rows of the parts, in order, as one. The numbers are copied on all
/// cores, each part's into its own stretch of the whole.
pub(super) fn join(parts: Vec<Part<'_>>) -> Rows {
    let count: usize = parts.iter().map(|p| p.lines.len()).sum();
    let width = parts.first().map_or(0, |p| p.width);
    let mut out = Rows {
        values: vec![0.0; count * width],
        lines: vec![0; count],
        ..Rows::default()
    };
    let mut hashes = vec![0; count];
    rayon::scope(|scope| {
        let (mut values, mut lines, mut rest) = (&mut out.values[..], &mut out.lines[..], &mut hashes[..]);
        for part in &parts {
            let n = part.lines.len();
            let (v, l, h);
            (v, values) = std::mem::take(&mut values).split_at_mut(n * width);
            (l, lines) = std::mem::take(&mut lines).split_at_mut(n);
            (h, rest) = std::mem::take(&mut rest).split_at_mut(n);
            scope.spawn(move |_| {
                v.copy_from_slice(&part.values);
                l.copy_from_slice(&part.lines);
                h.copy_from_slice(&part.hashes);
            });
        }
    });
    let (mut ids, mut names) = (Labels::default(), Labels::default());
    let mut first = 0;
    for part in parts {
        ids.append(part.ids);
        names.append(part.names);
        out.errors.extend(part.errors.list);
        let moved = part.intervals.list.into_iter().map(|s| ScoreInterval {
            row: s.row + first,
            ..s
        });
        out.intervals.extend(moved);
        let moved = part.portfolio.into_iter().map(|(row, c, t)| (row + first, c, t));
        out.portfolio.extend(moved);
        first += part.lines.len();
    }
    out.alternatives = super::super::Alternatives::from_labels(ids, names, Labels::empty(count));
    out.hashes = Some(hashes);
    out
}

/// Reads the data rows of `table` (those below its first, the header).
pub(super) fn parse_rows(table: &Table, reader: &RowReader<'_>) -> Rows {
    let mut part = reader.part(table.rows().count());
    for (n, cells) in table.rows().enumerate().skip(1) {
        reader.row(&mut part, table.start.0 + n as u32, cells);
    }
    join(vec![part])
}
