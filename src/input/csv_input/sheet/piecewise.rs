//! The rows of an xlsx sheet read straight into alternatives, piece by
//! piece as the sheet is inflated, on all cores: no table of every cell
//! is built, kept or dropped. Each piece's cells go into one row of
//! cells, reused from row to row, that is read as soon as the row ends.
//!
//! This takes the usual sheet: a header row, then rows in order whose
//! cells lie under the header's. Anything else (a row out of order, a
//! cell left or right of the header) stops it, and the caller reads the
//! sheet again as a whole table, which takes any layout.

use std::sync::mpsc::{Receiver, Sender};
use std::thread::JoinHandle;

use rayon::iter::{ParallelBridge, ParallelIterator};

use super::scan::{Cells, rows};
use super::stream::Piece;
use super::table::{Strings, Value};

/// A sheet's header row and shared strings, read before its other rows.
pub(super) struct Head {
    pub(super) strings: Strings,
    /// The header's 0-based row and first column.
    pub(super) start: (u32, u32),
    /// The header's cells, from its first non-empty one to its last.
    pub(super) cells: Vec<Value>,
}

/// A sheet being inflated on a thread of its own, its header read; its
/// rows are read as they come.
pub(super) struct Stream {
    /// The first piece, the header's, and the pieces to come.
    first: Piece,
    pieces: Receiver<Piece>,
    /// Where pieces read go back to the inflater, to be filled again.
    back: Sender<Vec<u8>>,
    inflater: JoinHandle<Option<()>>,
    layout: Layout,
    /// The header's row.
    top: u32,
}

/// Where a part's rows were: its first and last 0-based rows, if any.
type Span = Option<(u32, u32)>;

impl Stream {
    /// The header and the stream of the pieces an `inflater` sends through
    /// `pieces` (taking buffers back through `back`), with the sheet's
    /// shared `strings`; `None` if the first piece holds no cell or
    /// anything left to the whole table's reader.
    pub(super) fn new(
        (pieces, back): (Receiver<Piece>, Sender<Vec<u8>>),
        inflater: JoinHandle<Option<()>>,
        strings: Strings,
    ) -> Option<(Head, Stream)> {
        let first = pieces.recv().ok()?;
        let mut header = HeaderRow::default();
        let read = rows(&first.0[..first.1], strings.len(), &mut header);
        if read.is_none() && !header.ended {
            return None;
        }
        let top = header.row?;
        let left = header.cells.iter().map(|c| c.0).min()?;
        let right = header.cells.iter().map(|c| c.0).max()?;
        let mut cells = vec![Value::Empty; (right - left) as usize + 1];
        for (column, value) in header.cells {
            cells[(column - left) as usize] = value;
        }
        let known = |v: &Value| !matches!(v, Value::Shared(i) if *i as usize >= strings.len());
        cells.iter().all(known).then_some(())?;
        let layout = Layout {
            left,
            width: cells.len(),
            strings: strings.len(),
        };
        let head = Head {
            strings,
            start: (top, left),
            cells,
        };
        let stream = Stream {
            first,
            pieces,
            back,
            inflater,
            layout,
            top,
        };
        Some((head, stream))
    }

    /// Reads the rows below the header, each piece's into a part of its
    /// own (`new`, given the piece's size in bytes) by `row` (given the row's 0-based number and its cells
    /// under the header's), on all cores while the sheet is inflated; the
    /// parts in sheet order, or `None` if the sheet is not the usual one
    /// this reader takes or cannot be read.
    pub(super) fn rows<P: Send>(
        self,
        new: impl Fn(usize) -> P + Sync,
        row: impl Fn(&mut P, u32, &[Value]) + Sync,
    ) -> Option<Vec<P>> {
        let (layout, top) = (&self.layout, self.top);
        let parts = std::iter::once(self.first)
            .chain(self.pieces)
            .enumerate()
            .par_bridge()
            .map_with(self.back, |back, (i, (bytes, len))| {
                // The header's cells start the first piece.
                let skip = (i == 0).then_some(top);
                let mut part = Rows::new(new(len), &row, layout, skip);
                rows(&bytes[..len], layout.strings, &mut part)?;
                // Unless the inflater is done: then the buffer is dropped.
                let _ = back.send(bytes);
                Some((i, part.finish()))
            })
            .collect::<Option<Vec<_>>>();
        self.inflater.join().ok()??;
        let mut parts = parts?;
        parts.sort_unstable_by_key(|(i, _)| *i);
        let mut last = top;
        let mut out = Vec::with_capacity(parts.len());
        for (_, (part, span)) in parts {
            if let Some((first, bottom)) = span {
                (first > last).then_some(())?;
                last = bottom;
            }
            out.push(part);
        }
        Some(out)
    }
}

/// The cells of a sheet's first row that has any, read until a cell of
/// another row.
#[derive(Default)]
struct HeaderRow {
    row: Option<u32>,
    /// Column and value.
    cells: Vec<(u32, Value)>,
    /// Whether a cell of another row was met.
    ended: bool,
}

impl Cells for HeaderRow {
    fn cell(&mut self, row: u32, column: u32, value: Value) -> Option<()> {
        if *self.row.get_or_insert(row) != row {
            self.ended = true;
            return None;
        }
        self.cells.push((column, value));
        Some(())
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
    /// The row being gathered: a cell counts if its entry of `written`
    /// is the row's number (so that no cell is emptied between rows).
    cells: Vec<Value>,
    written: Vec<u32>,
    current: Option<u32>,
    /// The row that each new one must come after, if known.
    floor: Option<u32>,
    /// The header's row, whose cells are passed over while no other row
    /// has been met (in the first piece).
    skip: Option<u32>,
    first: Option<u32>,
}

impl<'r, P, F: Fn(&mut P, u32, &[Value])> Rows<'r, P, F> {
    fn new(part: P, read: &'r F, layout: &'r Layout, skip: Option<u32>) -> Self {
        Rows {
            part,
            read,
            layout,
            cells: vec![Value::Empty; layout.width],
            written: vec![u32::MAX; layout.width],
            current: None,
            floor: skip,
            skip,
            first: None,
        }
    }

    /// Reads the row gathered, if any: its cells not written empty.
    fn flush(&mut self) {
        if let Some(row) = self.current {
            for (cell, &written) in self.cells.iter_mut().zip(&self.written) {
                if written != row {
                    *cell = Value::Empty;
                }
            }
            (self.read)(&mut self.part, row, &self.cells);
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
            if self.skip == Some(row) {
                return Some(());
            }
            if self.floor.is_some_and(|f| row <= f) {
                return None;
            }
            self.flush();
            (self.current, self.floor, self.skip) = (Some(row), Some(row), None);
            self.first.get_or_insert(row);
        }
        self.cells[at] = value;
        self.written[at] = row;
        Some(())
    }
}
