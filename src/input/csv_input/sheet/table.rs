//! A sheet's cells as the row reader takes them, whichever reader read
//! them: numbers as numbers, text kept once (shared strings by index).

use std::borrow::Cow;

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    Empty,
    Number(f64),
    /// A whole number as the workbook stored it (xls, ods).
    Int(i64),
    Bool(bool),
    /// The shared string at this index.
    Shared(u32),
    Text(Box<str>),
}

/// A non-empty cell: 0-based row and column, and its value.
pub(super) type Cell = (u32, u32, Value);

/// The smallest rectangle holding every non-empty cell of a sheet, row by
/// row, and the shared strings its cells name.
#[derive(Debug, Default)]
pub(super) struct Table {
    /// The 0-based row and column of the top left cell.
    pub(super) start: (u32, u32),
    width: usize,
    cells: Vec<Value>,
    strings: Vec<String>,
}

impl Table {
    /// The table of `parts` (non-empty cells, in any order), whose
    /// [`Value::Shared`] cells index `strings`.
    pub(super) fn from_cells(parts: Vec<Vec<Cell>>, strings: Vec<String>) -> Table {
        let (mut top, mut bottom, mut left, mut right) = (u32::MAX, 0, u32::MAX, 0);
        for &(row, column, _) in parts.iter().flatten() {
            (top, bottom) = (top.min(row), bottom.max(row));
            (left, right) = (left.min(column), right.max(column));
        }
        if top > bottom {
            return Table {
                strings,
                ..Table::default()
            };
        }
        let width = (right - left) as usize + 1;
        let mut cells = vec![Value::Empty; width * ((bottom - top) as usize + 1)];
        for (row, column, value) in parts.into_iter().flatten() {
            cells[(row - top) as usize * width + (column - left) as usize] = value;
        }
        Table {
            start: (top, left),
            width,
            cells,
            strings,
        }
    }

    /// The rows, top first, each `width` cells.
    pub(super) fn rows(&self) -> impl Iterator<Item = &[Value]> {
        self.cells.chunks(self.width.max(1))
    }

    /// A cell's text, trimmed as CSV cells are: a whole number without
    /// `.0`, a boolean as `true` or `false`.
    pub(super) fn text<'a>(&'a self, value: &'a Value) -> Cow<'a, str> {
        match value {
            Value::Empty => Cow::Borrowed(""),
            Value::Number(v) if v.fract() == 0.0 && v.abs() < 1e15 => Cow::Owned(format!("{v:.0}")),
            Value::Number(v) => Cow::Owned(v.to_string()),
            Value::Int(v) => Cow::Owned(v.to_string()),
            Value::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Value::Shared(i) => Cow::Borrowed(self.strings.get(*i as usize).map_or("", |s| s.trim())),
            Value::Text(t) => Cow::Borrowed(t.trim()),
        }
    }
}
