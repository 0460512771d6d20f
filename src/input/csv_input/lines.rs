//! True line numbers for the rows the csv crate reads.
//!
//! The csv crate dates a record from where the previous one ended, before
//! the line breaks it skips: blank lines, and the `\n` of a `\r\n` (rust-csv
//! issues 208 and 395). So the first row after a blank line, and every row
//! of a CRLF file, would be reported a line too early. Looking at the bytes
//! at the record's start and counting the line breaks there gives the line
//! the row is really on, the same as the quote-free reader reports.

use std::io::Read;

/// A reader that can show again the bytes from a position it has read.
pub(super) trait Replay: Read {
    /// The bytes read from `byte` on, if still at hand.
    fn from(&self, byte: u64) -> Option<&[u8]>;
}

/// The line a record starting at `position` is on.
pub(super) fn record_line(position: &csv::Position, source: &impl Replay) -> u64 {
    let breaks = source.from(position.byte()).map_or(0, |rest| {
        rest.iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .filter(|&&b| b == b'\n')
            .count()
    });
    position.line() + breaks as u64
}

/// Rows held in memory: the cursor sees all of them.
impl Replay for std::io::Cursor<&[u8]> {
    fn from(&self, byte: u64) -> Option<&[u8]> {
        self.get_ref().get(usize::try_from(byte).ok()?..)
    }
}

/// A stream that keeps the last stretch it read (at least [`KEEP`] bytes,
/// far more than the csv crate reads ahead), so the start of the record
/// just read is still at hand unless the record is longer than that.
pub(super) struct Recent<R> {
    inner: R,
    kept: Vec<u8>,
    /// Stream offset of `kept[0]`.
    start: u64,
}

/// Bytes a [`Recent`] keeps at least (1 MiB).
const KEEP: usize = 1 << 20;

impl<R> Recent<R> {
    pub(super) fn new(inner: R) -> Self {
        Recent {
            inner,
            kept: Vec::with_capacity(2 * KEEP),
            start: 0,
        }
    }
}

impl<R: Read> Read for Recent<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if self.kept.len() + n > 2 * KEEP {
            let drop = self.kept.len().saturating_sub(KEEP);
            self.kept.drain(..drop);
            self.start += drop as u64;
        }
        self.kept.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

impl<R: Read> Replay for Recent<R> {
    fn from(&self, byte: u64) -> Option<&[u8]> {
        let at = usize::try_from(byte.checked_sub(self.start)?).ok()?;
        self.kept.get(at..)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each record's line as reported, for `text` read through `wrap`.
    fn lines<R: Replay>(wrap: impl FnOnce(&'static [u8]) -> R, text: &'static str) -> Vec<u64> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(wrap(text.as_bytes()));
        let mut record = csv::ByteRecord::new();
        let mut out = Vec::new();
        while reader.read_byte_record(&mut record).unwrap() {
            out.push(record_line(record.position().unwrap(), reader.get_ref()));
        }
        out
    }

    #[test]
    fn rows_after_blank_lines_and_crlf_rows_get_their_own_line() {
        for text in ["a\nb\n\nc\n\n\nd\n", "a\r\nb\r\n\r\nc\r\n\r\n\r\nd\r\n"] {
            assert_eq!(lines(std::io::Cursor::new, text), [1, 2, 4, 7], "{text:?}");
            assert_eq!(lines(Recent::new, text), [1, 2, 4, 7], "{text:?}");
        }
        // A quoted field may hold a line break: the next row is a line on.
        assert_eq!(lines(std::io::Cursor::new, "\"a\nb\",1\n\nc,2\n"), [1, 4]);
    }

    #[test]
    fn recent_keeps_the_last_stretch_only() {
        let data: Vec<u8> = (0..5 * KEEP).map(|i| (i % 251) as u8).collect();
        let mut recent = Recent::new(&data[..]);
        let mut buf = vec![0; 100_000];
        while recent.read(&mut buf).unwrap() > 0 {}
        assert_eq!(recent.from(0), None);
        let last = (5 * KEEP - 10) as u64;
        assert_eq!(recent.from(last), Some(&data[5 * KEEP - 10..]));
    }
}
