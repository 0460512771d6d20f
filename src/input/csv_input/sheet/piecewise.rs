//! The rows of an xlsx sheet read straight into alternatives, piece by
//! piece as the sheet is inflated, on all cores: no table of every cell
//! is built, kept or dropped. Each piece's cells go into one row of
//! cells, reused from row to row, that is read as soon as the row ends.
//!
//! This takes the usual sheet: a header row, then rows in order whose
//! cells lie under the header's. Anything else (a row out of order, a
//! cell left or right of the header) stops it, and the caller reads the
//! sheet again as a whole table, which takes any layout.

use std::sync::mpsc::Receiver;
use std::thread::JoinHandle;

use rayon::iter::{ParallelBridge, ParallelIterator};

use super::table::{Cell, Value};
use super::xlsx::{Cells, rows};

/// A sheet's header row and shared strings, read before its other rows.
pub(super) struct Head {
    pub(super) strings: Vec<String>,
    /// The header's 0-based row and first column.
    pub(super) start: (u32, u32),
    /// The header's cells, from its first non-empty one to its last.
    pub(super) cells: Vec<Value>,
}

/// A sheet being inflated on a thread of its own, past its header; the
/// rest of its rows are read as they come.
pub(super) struct Stream {
    pieces: Receiver<Vec<u8>>,
    inflater: JoinHandle<Option<()>>,
    layout: Layout,
    /// The header's row.
    top: u32,
    /// The cells of the first piece below the header.
    rest: Vec<Cell>,
}

/// Where a part's rows were: its first and last 0-based rows, if any.
type Span = Option<(u32, u32)>;

impl Stream {
    /// The header and the stream of the pieces an `inflater` sends through
    /// `pieces`, with the sheet's shared `strings`; `None` if the first
    /// piece holds no cell or anything left to the whole table's reader.
    pub(super) fn new(
        pieces: Receiver<Vec<u8>>,
        inflater: JoinHandle<Option<()>>,
        strings: Vec<String>,
    ) -> Option<(Head, Stream)> {
        let first = pieces.recv().ok()?;
        let mut cells = Vec::with_capacity(first.len() / 24);
        rows(std::str::from_utf8(&first).ok()?, strings.len(), &mut cells)?;
        let top = cells.first()?.0;
        let count = cells.iter().take_while(|c| c.0 == top).count();
        let mut rest = cells.split_off(count);
        let left = cells.iter().map(|c| c.1).min()?;
        let right = cells.iter().map(|c| c.1).max()?;
        let mut header = vec![Value::Empty; (right - left) as usize + 1];
        for (_, column, value) in cells {
            header[(column - left) as usize] = value;
        }
        rest.shrink_to_fit();
        let known = |v: &Value| !matches!(v, Value::Shared(i) if *i as usize >= strings.len());
        header.iter().all(known).then_some(())?;
        let layout = Layout {
            left,
            width: header.len(),
            strings: strings.len(),
        };
        let head = Head {
            strings,
            start: (top, left),
            cells: header,
        };
        let stream = Stream {
            pieces,
            inflater,
            layout,
            top,
            rest,
        };
        Some((head, stream))
    }

    /// Reads the rows below the header, each piece's into a part of its
    /// own (`new`) by `row` (given the row's 0-based number and its cells
    /// under the header's), on all cores while the sheet is inflated; the
    /// parts in sheet order, or `None` if the sheet is not the usual one
    /// this reader takes or cannot be read.
    pub(super) fn rows<P: Send>(
        self,
        new: impl Fn() -> P + Sync,
        row: impl Fn(&mut P, u32, &[Value]) + Sync,
    ) -> Option<Vec<P>> {
        let layout = &self.layout;
        let mut first = Rows::new(new(), &row, layout, Some(self.top));
        for (r, c, value) in self.rest {
            first.cell(r, c, value)?;
        }
        let first = first.finish();
        let later = self
            .pieces
            .into_iter()
            .enumerate()
            .par_bridge()
            .map(|(i, piece)| {
                let mut part = Rows::new(new(), &row, layout, None);
                rows(std::str::from_utf8(&piece).ok()?, layout.strings, &mut part)?;
                Some((i, part.finish()))
            })
            .collect::<Option<Vec<_>>>();
        self.inflater.join().ok()??;
        let mut later = later?;
        later.sort_unstable_by_key(|(i, _)| *i);
        let parts = std::iter::once(first).chain(later.into_iter().map(|(_, p)| p));
        let mut last = self.top;
        let mut out = Vec::new();
        for (part, span) in parts {
            if let Some((top, bottom)) = span {
                (top > last).then_some(())?;
                last = bottom;
            }
            out.push(part);
        }
        Some(out)
    }
}

/// Where the cells of a row go under the header.
struct Layout {
    /// The header's first column.
    left: u32,
    /// How many cells the header spans.
    width: usize,
    /// How many shared strings there are.
    strings: usize,
}

/// The rows of a piece, gathered a row of cells at a time and handed to
/// `read` as each ends.
struct Rows<'r, P, F> {
    part: P,
    read: &'r F,
    layout: &'r Layout,
    /// The row being gathered.
    cells: Vec<Value>,
    current: Option<u32>,
    /// The row that each new one must come after, if known.
    floor: Option<u32>,
    first: Option<u32>,
}

impl<'r, P, F: Fn(&mut P, u32, &[Value])> Rows<'r, P, F> {
    fn new(part: P, read: &'r F, layout: &'r Layout, floor: Option<u32>) -> Self {
        Rows {
            part,
            read,
            layout,
            cells: vec![Value::Empty; layout.width],
            current: None,
            floor,
            first: None,
        }
    }

    /// Reads the row gathered, if any, and empties the row of cells.
    fn flush(&mut self) {
        if let Some(row) = self.current {
            (self.read)(&mut self.part, row, &self.cells);
            self.cells.fill(Value::Empty);
        }
    }

    fn finish(mut self) -> (P, Span) {
        self.flush();
        (self.part, self.first.zip(self.current))
    }
}

impl<P, F: Fn(&mut P, u32, &[Value])> Cells for Rows<'_, P, F> {
    #[inline]
    fn cell(&mut self, row: u32, column: u32, value: Value) -> Option<()> {
        if let Value::Shared(i) = value {
            ((i as usize) < self.layout.strings).then_some(())?;
        }
        let at = column.checked_sub(self.layout.left)? as usize;
        (at < self.layout.width).then_some(())?;
        if self.current != Some(row) {
            if self.floor.is_some_and(|f| row <= f) {
                return None;
            }
            self.flush();
            (self.current, self.floor) = (Some(row), Some(row));
            self.first.get_or_insert(row);
        }
        self.cells[at] = value;
        Some(())
    }
}
