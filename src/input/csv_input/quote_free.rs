//! Rows of a CSV file without quotes, read on all cores.
//!
//! Without quotes a record is a line and a field is the text between
//! separators, so the rows can be split at line breaks and parsed in parallel
//! straight into the final matrix. The csv crate's rules are kept: `\n` and
//! `\r\n` end a record, empty lines are skipped, line numbers count every
//! line. A file with a quote anywhere, or a lone `\r` (also a record end
//! for the csv crate), goes back to the csv crate.

use rayon::prelude::*;

use super::decimal;
use super::{Alternatives, Column, Errors, Field, Intervals, Layout, Rows, id_hash, read_field};
use crate::input::rules::in_scale;
use crate::model::ScoreInterval;
use crate::model::alternatives::Labels;

/// Below this many bytes of rows (64 KiB), one thread reads them all.
const PARALLEL_BYTES: usize = 1 << 16;

/// Bytes of rows per parallel task, at most (1 MiB): small tasks keep the
/// cores equally busy to the end, even when one of them is slowed.
const STRETCH_BYTES: usize = 1 << 20;

/// Reads the rows in `data`, which starts at byte `offset` of the file,
/// after `before` lines. `None` if a quote or a lone `\r` needs the csv
/// crate.
pub(super) fn read(data: &[u8], offset: usize, before: u64, layout: &Layout<'_>) -> Option<Rows> {
    let stretches = if data.len() >= PARALLEL_BYTES {
        split_at_lines(data, (rayon::current_num_threads() * 4).max(data.len() / STRETCH_BYTES))
    } else {
        vec![data]
    };
    // Records and lines per stretch, to give each its place in the output.
    let counts: Vec<(usize, u64)> = stretches.par_iter().map(|s| count(s)).collect::<Option<_>>()?;
    let records: usize = counts.iter().map(|c| c.0).sum();
    let cols = layout.leaves.len();
    let mut values = vec![0.0; records * cols];
    let mut lines = vec![0u32; records];
    let mut spans = vec![(0u32, 0u32); if layout.leaf_span.is_some() { records } else { 0 }];
    // Ids go straight into one buffer, each stretch's at the start of its
    // own region (ids are shorter than their rows), and are closed up after.
    let mut ids = vec![0u8; data.len()];
    let mut id_ends = vec![0usize; records];
    let mut hashes = vec![0u64; records];

    let sizes: Vec<usize> = counts.iter().map(|c| c.0).collect();
    let spans_sizes = sizes.iter().map(|&n| if layout.leaf_span.is_some() { n } else { 0 });
    let mut offsets = Vec::with_capacity(stretches.len());
    let (mut start, mut line) = (offset, before);
    for (stretch, &(_, newlines)) in stretches.iter().zip(&counts) {
        offsets.push((start, line));
        start += stretch.len();
        line += newlines;
    }
    let mut values_parts = carve(&mut values, sizes.iter().map(|n| n * cols)).into_iter();
    let mut lines_parts = carve(&mut lines, sizes.iter().copied()).into_iter();
    let mut spans_parts = carve(&mut spans, spans_sizes).into_iter();
    let mut ids_parts = carve(&mut ids, stretches.iter().map(|s| s.len())).into_iter();
    let mut id_ends_parts = carve(&mut id_ends, sizes.iter().copied()).into_iter();
    let mut hashes_parts = carve(&mut hashes, sizes.iter().copied()).into_iter();
    let jobs: Vec<Job> = stretches
        .iter()
        .zip(offsets)
        .map(|(data, (offset, before))| Job {
            data,
            offset,
            before,
            values: values_parts.next().unwrap_or_default(),
            lines: lines_parts.next().unwrap_or_default(),
            spans: spans_parts.next().unwrap_or_default(),
            ids: ids_parts.next().unwrap_or_default(),
            id_ends: id_ends_parts.next().unwrap_or_default(),
            hashes: hashes_parts.next().unwrap_or_default(),
        })
        .collect();
    let parts: Vec<Part> = jobs
        .into_par_iter()
        .map(|job| decimal::with_leading(layout.delimiter, (job, layout)))
        .collect();
    let id_bytes: Vec<usize> = parts.iter().map(|p| p.id_bytes).collect();
    close_up(&mut ids, &mut id_ends, &id_bytes, &stretches, &sizes);
    let (mut names, mut errors, mut intervals) = (Labels::default(), Vec::new(), Vec::new());
    let mut first = 0;
    for (part, &size) in parts.into_iter().zip(&sizes) {
        names.append(part.names);
        errors.extend(part.errors);
        // A part counts its rows from its own first.
        intervals.extend(part.intervals.into_iter().map(|s| ScoreInterval {
            row: s.row + first,
            ..s
        }));
        first += size;
    }
    // Ids come from cells checked to be UTF-8, so this cannot fail.
    let ids = String::from_utf8(ids).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Some(Rows {
        alternatives: Alternatives::from_labels(Labels::from_parts(ids, id_ends), names, Labels::empty(records)),
        values,
        lines,
        spans: layout.leaf_span.map(|_| spans),
        hashes: Some(hashes),
        errors,
        intervals,
        portfolio: Vec::new(),
    })
}

/// Closes up the ids the parts wrote at the start of their stretches'
/// regions of `ids` (`id_bytes` each): each region's text moves down to
/// follow the last, and its ends in `id_ends` (`sizes` per part) move with
/// it.
fn close_up(ids: &mut Vec<u8>, id_ends: &mut [usize], id_bytes: &[usize], stretches: &[&[u8]], sizes: &[usize]) {
    let (mut region, mut used, mut bases) = (0, 0, Vec::with_capacity(id_bytes.len()));
    for (&bytes, stretch) in id_bytes.iter().zip(stretches) {
        ids.copy_within(region..region + bytes, used);
        bases.push(used);
        used += bytes;
        region += stretch.len();
    }
    ids.truncate(used);
    ids.shrink_to_fit();
    carve(id_ends, sizes.iter().copied())
        .into_par_iter()
        .zip(bases)
        .for_each(|(ends, base)| ends.iter_mut().for_each(|e| *e += base));
}

/// `all` cut into consecutive pieces of the given sizes.
fn carve<T>(mut all: &mut [T], sizes: impl Iterator<Item = usize>) -> Vec<&mut [T]> {
    sizes
        .map(|n| {
            let (piece, rest) = std::mem::take(&mut all).split_at_mut(n);
            all = rest;
            piece
        })
        .collect()
}

/// About `parts` stretches of `data`, each ending just after a line break
/// (the last at the end).
fn split_at_lines(data: &[u8], parts: usize) -> Vec<&[u8]> {
    let target = data.len().div_ceil(parts.max(1));
    let mut stretches = Vec::with_capacity(parts);
    let mut rest = data;
    while rest.len() > target {
        let cut = memchr::memchr(b'\n', &rest[target..]).map_or(rest.len(), |p| target + p + 1);
        let (head, tail) = rest.split_at(cut);
        stretches.push(head);
        rest = tail;
    }
    if !rest.is_empty() {
        stretches.push(rest);
    }
    stretches
}

/// The records (non-empty lines) and line breaks in `stretch`; `None` if
/// it holds a quote, or a `\r` not followed by `\n` (nor at the very end).
///
/// One pass over the bytes finds all three (line breaks, quotes and
/// `\r`): the stretch is read from memory once, not once per byte sought.
fn count(stretch: &[u8]) -> Option<(usize, u64)> {
    let (mut records, mut newlines, mut start) = (0, 0, 0);
    for at in memchr::memchr3_iter(b'\n', b'"', b'\r', stretch) {
        match stretch[at] {
            b'\n' => {
                newlines += 1;
                records += usize::from(!is_blank(&stretch[start..at]));
                start = at + 1;
            }
            b'\r' if stretch.get(at + 1).is_none_or(|&b| b == b'\n') => {}
            _ => return None,
        }
    }
    records += usize::from(!is_blank(&stretch[start..]));
    Some((records, newlines))
}

/// A line the csv crate skips.
fn is_blank(line: &[u8]) -> bool {
    matches!(line, [] | [b'\r'])
}

/// One stretch of rows and the parts of the output that are its own.
struct Job<'d, 'o> {
    data: &'d [u8],
    /// Byte offset of `data` in the file.
    offset: usize,
    /// Lines before its first.
    before: u64,
    values: &'o mut [f64],
    /// The line of each row; 0 for a row not read (ragged, or after too
    /// many errors), which the duplicate check skips.
    lines: &'o mut [u32],
    /// Empty unless the leaf cells are side by side.
    spans: &'o mut [(u32, u32)],
    /// Room for the ids, written back to back from the start.
    ids: &'o mut [u8],
    /// Where each id ends in `ids`.
    id_ends: &'o mut [usize],
    hashes: &'o mut [u64],
}

/// What a job gives besides what it wrote in place.
struct Part {
    names: Labels,
    errors: Vec<super::Diagnostic>,
    /// Bytes of ids written.
    id_bytes: usize,
    /// The cells written as intervals, rows counted from the stretch's
    /// first.
    intervals: Vec<ScoreInterval>,
}

impl decimal::WithLeading for (Job<'_, '_>, &Layout<'_>) {
    type Output = Part;

    fn run<L: Fn(&[u8]) -> Option<(f64, usize)> + Copy>(self, leading: L) -> Part {
        self.0.run(self.1, leading)
    }
}

impl Job<'_, '_> {
    fn run<L: Fn(&[u8]) -> Option<(f64, usize)> + Copy>(self, layout: &Layout<'_>, leading: L) -> Part {
        let mut errors = Errors {
            shown: layout.shown,
            list: Vec::new(),
        };
        let cols = layout.leaves.len();
        let delimiter = layout.delimiter;
        let (mut names, mut id_bytes) = (Labels::default(), 0);
        let mut intervals = Intervals::default();
        let (mut record, mut line, mut start) = (0, self.before, 0);
        let ends = memchr::memchr_iter(b'\n', self.data).chain(std::iter::once(self.data.len()));
        for end in ends {
            let text = &self.data[start..end];
            let text = text.strip_suffix(b"\r").unwrap_or(text);
            let line_start = start;
            start = end + 1;
            line += 1;
            if text.is_empty() {
                continue;
            }
            let row = &mut self.values[record * cols..(record + 1) * cols];
            self.lines[record] = u32::try_from(line).unwrap_or(u32::MAX);
            let errors_before = errors.list.len();
            intervals.row = record;
            let RowFields {
                mut id,
                mut name,
                plain,
                span,
                complete,
            } = fields(text, line, layout, leading, (row, &mut intervals), &mut errors);
            // Ragged rows keep their slot so the others keep theirs; the
            // error makes the whole read fail anyway.
            if !complete {
                errors.list.truncate(errors_before);
                let found = memchr::memchr_iter(delimiter, text).count() + 1;
                errors.ragged(line, found, layout.names.len());
                (id, name, self.lines[record]) = ("", "", 0);
            } else {
                errors.check_id(line, id);
                if plain && layout.leaf_span.is_some() {
                    let at = |p: usize| u32::try_from(self.offset + line_start + p).unwrap_or(0);
                    self.spans[record] = (at(span.0), at(span.1));
                }
            }
            self.ids[id_bytes..id_bytes + id.len()].copy_from_slice(id.as_bytes());
            id_bytes += id.len();
            self.id_ends[record] = id_bytes;
            self.hashes[record] = id_hash(id);
            names.push(name);
            record += 1;
            if errors.full() {
                break;
            }
        }
        // Rows left unread after too many errors stay empty.
        self.id_ends[record..].fill(id_bytes);
        self.lines[record..].fill(0);
        names.append(Labels::empty(self.lines.len() - record));
        Part {
            names,
            errors: errors.list,
            id_bytes,
            intervals: intervals.list,
        }
    }
}

/// What the fields of one row gave besides the values written in place.
struct RowFields<'t> {
    id: &'t str,
    name: &'t str,
    /// Every leaf cell was read by the fast path: the row can be echoed.
    plain: bool,
    /// Where the leaf cells are in the row's text.
    span: (usize, usize),
    /// The row has as many fields as the header, no more.
    complete: bool,
}

/// Reads the fields of one row `text` on `line`: leaf values into `row`
/// (cells written as intervals to `intervals`), problems to `errors`;
/// `leading` parses a number at the start of a field.
#[inline]
fn fields<'t>(
    text: &'t [u8],
    line: u64,
    layout: &Layout<'_>,
    leading: impl Fn(&[u8]) -> Option<(f64, usize)>,
    (row, intervals): (&mut [f64], &mut Intervals),
    errors: &mut Errors<'_>,
) -> RowFields<'t> {
    let delimiter = layout.delimiter;
    let (mut id, mut name, mut plain, mut span) = ("", "", true, (0, 0));
    let (mut pos, mut complete) = (0, false);
    for (i, &column) in layout.columns.iter().enumerate() {
        if pos > text.len() {
            break;
        }
        let rest = &text[pos..];
        let leading = match column {
            Column::Leaf(_) => leading(rest),
            _ => None,
        };
        let len = match (leading, column) {
            (Some((value, len)), Column::Leaf(c)) => {
                let (criterion, leaf) = layout.leaves[c];
                row[c] = in_scale(leaf, criterion, value).unwrap_or_else(|kind| {
                    errors.push(Some(line), criterion, kind);
                    0.0
                });
                len
            }
            _ => {
                plain &= !matches!(column, Column::Leaf(_));
                let len = memchr::memchr(delimiter, rest).unwrap_or(rest.len());
                match read_field(&rest[..len], i, line, layout, (&mut *row, &mut *intervals), errors) {
                    Field::Id(t) => id = t,
                    Field::Name(t) => name = t,
                    // Files with portfolio columns are read by the csv crate.
                    Field::Portfolio(_) | Field::Other => {}
                }
                len
            }
        };
        if let Some((first, last)) = layout.leaf_span {
            if i == first {
                span.0 = pos;
            }
            if i == last {
                span.1 = pos + len;
            }
        }
        pos += len + 1;
        complete = i + 1 == layout.columns.len() && pos == text.len() + 1;
    }
    RowFields {
        id,
        name,
        plain,
        span,
        complete,
    }
}
