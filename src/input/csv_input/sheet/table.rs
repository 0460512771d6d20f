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

/// Cells spread too thinly to be laid out as one table: a few cells far
/// apart (`A1` and `XFD1048576`, say) would take more memory than the
/// machine has. The rectangle from the first cell to the last and how
/// many cells it holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Sparse {
    /// The 0-based row and column of the top left corner, then of the
    /// bottom right one.
    pub(super) corners: (u32, u32, u32, u32),
    pub(super) cells: usize,
}

/// Why blocks were not put together as a table.
#[derive(Debug, PartialEq)]
pub(super) enum Refused {
    /// Two blocks share a row (a sheet whose rows are out of order).
    OutOfOrder,
    Sparse(Sparse),
}

/// Whether a table of `places` places may be laid out for `cells`
/// non-empty cells: at most four places a cell, or about a million places
/// (24 MiB) whatever the cells. Any table of alternatives fits: each row
/// has its id and every leaf filled, while a few stray cells far from the
/// table would need gigabytes.
pub(super) fn fits(places: u64, cells: usize) -> bool {
    places <= (4 * cells as u64).max(1 << 20)
}

impl Sparse {
    /// `Err` if `cells` non-empty cells spread over the rectangle
    /// `corners` (as [`Sparse::corners`]) are too sparse to lay out.
    fn check(corners: (u32, u32, u32, u32), cells: usize) -> Result<(), Sparse> {
        let (top, left, bottom, right) = corners;
        let places = (u64::from(bottom - top) + 1) * (u64::from(right - left) + 1);
        if fits(places, cells) {
            Ok(())
        } else {
            Err(Sparse { corners, cells })
        }
    }
}

/// The smallest rectangle holding some cells, row by row: the rows of one
/// piece of a sheet, laid out where the piece was read, so that the
/// whole table is these blocks put end to end rather than every cell
/// moved once more after all are read.
#[derive(Debug, Default)]
pub(super) struct Block {
    /// The 0-based top and bottom rows and left and right columns.
    top: u32,
    bottom: u32,
    left: u32,
    right: u32,
    /// `(bottom - top + 1) x (right - left + 1)` cells; none if no cell.
    cells: Vec<Value>,
    /// How many of them are not empty (as given).
    count: usize,
    /// The highest shared string index among the cells, if any.
    pub(super) shared: Option<u32>,
}

impl Block {
    /// The block of `cells` (non-empty, in any order; of two at the same
    /// place, the later), unless they are [`Sparse`].
    pub(super) fn from_cells(cells: Vec<Cell>) -> Result<Block, Sparse> {
        let (mut top, mut bottom, mut left, mut right) = (u32::MAX, 0, u32::MAX, 0);
        let mut shared = None;
        let mut ascending = true;
        let mut last = None;
        for (row, column, value) in &cells {
            (top, bottom) = (top.min(*row), bottom.max(*row));
            (left, right) = (left.min(*column), right.max(*column));
            if let Value::Shared(i) = value {
                shared = shared.max(Some(*i));
            }
            ascending &= last < Some((*row, *column));
            last = Some((*row, *column));
        }
        if cells.is_empty() {
            return Ok(Block::default());
        }
        let count = cells.len();
        Sparse::check((top, left, bottom, right), count)?;
        let width = (right - left) as usize + 1;
        let size = width * ((bottom - top) as usize + 1);
        // As many cells as places, each after the one before: each place
        // once, in order (the usual full table).
        let dense = if ascending && cells.len() == size {
            // A new vector, not `collect`'s reuse of the cells' larger one.
            let mut dense = Vec::with_capacity(size);
            dense.extend(cells.into_iter().map(|(_, _, value)| value));
            dense
        } else {
            let mut dense = vec![Value::Empty; size];
            for (row, column, value) in cells {
                dense[(row - top) as usize * width + (column - left) as usize] = value;
            }
            dense
        };
        Ok(Block {
            top,
            bottom,
            left,
            right,
            cells: dense,
            count,
            shared,
        })
    }

    fn width(&self) -> usize {
        (self.right - self.left) as usize + 1
    }

    /// The block's rows widened to columns `left..left + width`.
    fn widen(self, left: u32, width: usize) -> Vec<Value> {
        if self.left == left && self.width() == width {
            return self.cells;
        }
        let (old, skip) = (self.width(), (self.left - left) as usize);
        let mut out = Vec::with_capacity(width * self.cells.len() / old);
        for row in self.cells.chunks(old) {
            out.extend(std::iter::repeat_n(Value::Empty, skip));
            out.extend_from_slice(row);
            out.extend(std::iter::repeat_n(Value::Empty, width - skip - old));
        }
        out
    }
}

/// The smallest rectangle holding every non-empty cell of a sheet, row by
/// row, and the shared strings its cells name.
#[derive(Debug, Default)]
pub(super) struct Table {
    /// The 0-based row and column of the top left cell.
    pub(super) start: (u32, u32),
    width: usize,
    /// The rows, top first, in blocks of whole rows of `width` cells.
    blocks: Vec<Vec<Value>>,
    strings: Strings,
}

impl Table {
    /// The table of `cells` (non-empty, in any order), whose
    /// [`Value::Shared`] cells index `strings`, unless they are [`Sparse`].
    pub(super) fn from_cells(cells: Vec<Cell>, strings: Strings) -> Result<Table, Sparse> {
        match Table::from_blocks(vec![Block::from_cells(cells)?], strings) {
            Ok(table) => Ok(table),
            Err(Refused::Sparse(sparse)) => Err(sparse),
            // Never: a single block shares no row with another.
            Err(Refused::OutOfOrder) => Ok(Table::default()),
        }
    }

    /// The table of `blocks` (in any order), unless two of them share a
    /// row or all together are [`Sparse`].
    pub(super) fn from_blocks(mut blocks: Vec<Block>, strings: Strings) -> Result<Table, Refused> {
        blocks.retain(|b| !b.cells.is_empty());
        blocks.sort_unstable_by_key(|b| b.top);
        if blocks.windows(2).any(|w| w[1].top <= w[0].bottom) {
            return Err(Refused::OutOfOrder);
        }
        let (Some(first), Some(last)) = (blocks.first(), blocks.last()) else {
            return Ok(Table {
                strings,
                ..Table::default()
            });
        };
        let (top, bottom) = (first.top, last.bottom);
        let left = blocks.iter().map(|b| b.left).min().unwrap_or(0);
        let right = blocks.iter().map(|b| b.right).max().unwrap_or(0);
        let count = blocks.iter().map(|b| b.count).sum();
        Sparse::check((top, left, bottom, right), count).map_err(Refused::Sparse)?;
        let width = (right - left) as usize + 1;
        let mut rows = Vec::with_capacity(blocks.len());
        let mut next = top;
        for block in blocks {
            // Rows with no cell between two blocks are empty rows.
            let gap = (block.top - next) as usize * width;
            if let Some(before) = rows.last_mut().filter(|_| gap > 0) {
                Vec::extend(before, std::iter::repeat_n(Value::Empty, gap));
            }
            next = block.bottom + 1;
            rows.push(block.widen(left, width));
        }
        debug_assert_eq!(
            rows.iter().map(Vec::len).sum::<usize>(),
            width * (bottom - top + 1) as usize
        );
        Ok(Table {
            start: (top, left),
            width,
            blocks: rows,
            strings,
        })
    }

    /// The rows, top first, each `width` cells.
    pub(super) fn rows(&self) -> impl Iterator<Item = &[Value]> {
        self.blocks.iter().flat_map(|b| b.chunks(self.width.max(1)))
    }

    /// The shared strings the cells index.
    pub(super) fn strings(&self) -> &Strings {
        &self.strings
    }

    /// A cell's text, as [`text`] gives it.
    pub(super) fn text<'a>(&'a self, value: &'a Value) -> Cow<'a, str> {
        text(&self.strings, value)
    }
}

/// A cell's text, trimmed as CSV cells are: a whole number without `.0`,
/// a boolean as `true` or `false`, a shared string from `strings`.
pub(super) fn text<'a>(strings: &'a Strings, value: &'a Value) -> Cow<'a, str> {
    match value {
        Value::Empty => Cow::Borrowed(""),
        Value::Number(v) if v.fract() == 0.0 && v.abs() < 1e15 => Cow::Owned(format!("{v:.0}")),
        Value::Number(v) => Cow::Owned(v.to_string()),
        Value::Int(v) => Cow::Owned(v.to_string()),
        Value::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
        Value::Shared(i) => Cow::Borrowed(strings.get(*i as usize).map_or("", str::trim)),
        Value::Text(t) => Cow::Borrowed(t.trim()),
    }
}

/// A workbook's shared strings, back to back in one text: one allocation
/// for all of them rather than one each (a sheet of 10^5 rows may have
/// 10^5 ids).
#[derive(Debug, Default)]
pub(super) struct Strings {
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<usize>,
}

impl Strings {
    /// Room for about `bytes` bytes of text.
    pub(super) fn with_capacity(bytes: usize) -> Strings {
        Strings {
            text: String::with_capacity(bytes),
            ends: Vec::new(),
        }
    }

    /// Adds `string` after the others.
    pub(super) fn push(&mut self, string: &str) {
        self.text.push_str(string);
        self.ends.push(self.text.len());
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The string at `index`, if there is one.
    pub(super) fn get(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)?;
        let start = index.checked_sub(1).map_or(0, |i| self.ends[i]);
        Some(&self.text[start..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(v: f64) -> Value {
        Value::Number(v)
    }

    #[test]
    fn blocks_are_put_end_to_end_with_gaps_and_widened() {
        // Rows 2-3 (columns B-C), then row 6 (columns A-B), given out of order.
        let lower = Block::from_cells(vec![(5, 0, number(6.0)), (5, 1, Value::Shared(4))]).unwrap();
        let upper = Block::from_cells(vec![(1, 1, number(1.0)), (2, 2, number(2.0))]).unwrap();
        assert_eq!(lower.shared, Some(4));
        let table = Table::from_blocks(vec![lower, Block::default(), upper], Strings::default()).unwrap();
        assert_eq!(table.start, (1, 0));
        let rows: Vec<&[Value]> = table.rows().collect();
        let e = Value::Empty;
        assert_eq!(
            rows,
            [
                &[e.clone(), number(1.0), e.clone()][..],
                &[e.clone(), e.clone(), number(2.0)],
                &[e.clone(), e.clone(), e.clone()],
                &[e.clone(), e.clone(), e.clone()],
                &[number(6.0), Value::Shared(4), e.clone()],
            ]
        );
        // Blocks sharing a row (rows out of order in the sheet) are refused.
        let a = Block::from_cells(vec![(1, 0, number(1.0)), (4, 0, number(4.0))]).unwrap();
        let b = Block::from_cells(vec![(2, 0, number(2.0))]).unwrap();
        assert_eq!(
            Table::from_blocks(vec![a, b], Strings::default()).err(),
            Some(Refused::OutOfOrder)
        );
        assert_eq!(
            Table::from_blocks(Vec::new(), Strings::default())
                .unwrap()
                .rows()
                .count(),
            0
        );
        // Of two cells at one place, the later.
        let table = Table::from_cells(vec![(0, 0, number(1.0)), (0, 0, number(2.0))], Strings::default()).unwrap();
        assert_eq!(table.rows().collect::<Vec<_>>(), [&[number(2.0)][..]]);
    }

    #[test]
    fn cells_spread_too_thinly_are_refused_before_any_memory_is_taken() {
        // `A1` and `XFD1048576`: 17 billion places for two cells.
        let corners = vec![(0, 0, number(1.0)), (1_048_575, 16_383, number(2.0))];
        let sparse = Sparse {
            corners: (0, 0, 1_048_575, 16_383),
            cells: 2,
        };
        assert_eq!(Block::from_cells(corners.clone()).err(), Some(sparse));
        assert_eq!(Table::from_cells(corners, Strings::default()).err(), Some(sparse));
        // Two blocks that fit alone but not together: far apart rows.
        let top = Block::from_cells(vec![(0, 0, number(1.0)), (0, 1023, number(1.0))]).unwrap();
        let bottom = Block::from_cells(vec![(4095, 0, number(1.0))]).unwrap();
        assert_eq!(
            Table::from_blocks(vec![top, bottom], Strings::default()).err(),
            Some(Refused::Sparse(Sparse {
                corners: (0, 0, 4095, 1023),
                cells: 3
            }))
        );
        // A million places always fit; beyond, four a cell.
        let row: Vec<Cell> = (0..1024).map(|c| (0, c, number(1.0))).collect();
        let far = |bottom: u32| {
            let mut cells = row.clone();
            cells.push((bottom, 0, number(1.0)));
            Table::from_cells(cells, Strings::default())
        };
        assert!(far(1023).is_ok() && far(1024).is_err());
        let full: Vec<Cell> = (0..4096)
            .flat_map(|r| (0..300).map(move |c| (r, c, number(1.0))))
            .collect();
        assert!(Table::from_cells(full, Strings::default()).is_ok());
    }
}
