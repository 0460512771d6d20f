//! Getting a CSV's bytes from any source within bounds.
//!
//! A regular file's size is known: it is refused at once if over the
//! limit, else read whole (or streamed if very large). Pipes, standard
//! input, FIFOs and devices have no size and cannot seek: they are read as
//! a stream through [`Intake`], which stops at the byte limit and at a line
//! longer than [`MAX_LINE_BYTES`], so an endless source fails fast in
//! bounded memory. A stream that ends within [`WHOLE_FILE_BYTES`] is then
//! read exactly as a regular file of the same bytes.

use std::io::Read;

use super::CsvSource;
use super::encoding::SNIFF_BYTES;
use crate::diagnostic::DiagnosticKind;

/// Sources up to this size are read whole, and parsed in parallel unless
/// they hold quotes (1 GiB).
pub(super) const WHOLE_FILE_BYTES: u64 = 1 << 30;

#[cfg(test)]
thread_local! {
    /// What [`whole_bytes`] gives on this thread, for tests of streaming.
    pub(super) static WHOLE_BYTES: std::cell::Cell<u64> = const { std::cell::Cell::new(WHOLE_FILE_BYTES) };
}

/// [`WHOLE_FILE_BYTES`], or less in tests.
fn whole_bytes() -> u64 {
    #[cfg(test)]
    return WHOLE_BYTES.with(std::cell::Cell::get);
    #[cfg(not(test))]
    WHOLE_FILE_BYTES
}

/// Longest line accepted (16 MiB): far more than any row of ids, names
/// and numbers, and small enough that a source without line breaks
/// (`/dev/zero`, a binary file) fails in milliseconds.
pub const MAX_LINE_BYTES: usize = 1 << 24;

/// Why a source was refused part-way; travels inside an I/O error through
/// the csv crate.
#[derive(Debug, Clone)]
pub(super) struct Limit {
    /// 1-based line, for a line too long.
    pub line: Option<u64>,
    pub kind: DiagnosticKind,
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.kind.fmt(f)
    }
}

impl std::error::Error for Limit {}

impl Limit {
    /// The limit an I/O error carries, if any.
    pub(super) fn of(e: &std::io::Error) -> Option<&Limit> {
        e.get_ref()?.downcast_ref::<Limit>()
    }
}

/// Why opening or reading failed: a limit, or the system's error.
pub(super) fn refusal(e: std::io::Error) -> Limit {
    Limit::of(&e).cloned().unwrap_or_else(|| Limit {
        line: None,
        kind: DiagnosticKind::io(&e),
    })
}

/// A stream that fails once more than `max_size` bytes came through, or a
/// line grew longer than [`MAX_LINE_BYTES`].
pub(super) struct Intake<R> {
    inner: R,
    max_size: u64,
    total: u64,
    /// Line breaks seen, and bytes since the last one.
    breaks: u64,
    line: usize,
}

impl<R: Read> Intake<R> {
    pub(super) fn new(inner: R, max_size: u64) -> Self {
        Intake {
            inner,
            max_size,
            total: 0,
            breaks: 0,
            line: 0,
        }
    }
}

impl<R: Read> Read for Intake<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.total += n as u64;
        if self.total > self.max_size {
            return Err(std::io::Error::other(Limit {
                line: None,
                kind: DiagnosticKind::CsvTooLarge { limit: self.max_size },
            }));
        }
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', &buf[..n]).chain(std::iter::once(n)) {
            self.line += end - start;
            if self.line > MAX_LINE_BYTES {
                return Err(std::io::Error::other(Limit {
                    line: Some(self.breaks + 1),
                    kind: DiagnosticKind::LineTooLong { limit: MAX_LINE_BYTES },
                }));
            }
            if end < n {
                self.breaks += 1;
                self.line = 0;
            }
            start = end + 1;
        }
        Ok(n)
    }
}

/// A source's bytes: all of them, or the first ones and a stream of the
/// rest.
pub(super) enum Input {
    Whole(Vec<u8>),
    Stream(Vec<u8>, Intake<Box<dyn Read>>),
}

/// What [`open`] gives: the start of the source, and how to get the rest.
pub(super) struct Opened {
    /// At least the first [`SNIFF_BYTES`] and the first line (or all).
    pub head: Vec<u8>,
    rest: Option<Rest>,
}

enum Rest {
    /// A big regular file: streamed.
    Stream(Intake<Box<dyn Read>>),
    /// A pipe or device: read whole if it ends soon enough.
    Unknown(Intake<Box<dyn Read>>),
}

/// Opens `source` and reads its start: the whole of a regular file up to
/// [`WHOLE_FILE_BYTES`], else the first bytes and the first line.
pub(super) fn open(source: &CsvSource) -> Result<Opened, Limit> {
    let max_size = source.settings.max_size;
    let too_large = || Limit {
        line: None,
        kind: DiagnosticKind::CsvTooLarge { limit: max_size },
    };
    let reader: Box<dyn Read> = if source.stdin {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(&source.path).map_err(refusal)?;
        let meta = file.metadata().map_err(refusal)?;
        if meta.is_file() {
            let size = meta.len();
            if size > max_size {
                return Err(too_large());
            }
            if size <= whole_bytes() {
                let bytes = read_whole(&file, size as usize, max_size).map_err(refusal)?;
                if bytes.len() as u64 > max_size {
                    return Err(too_large());
                }
                return Ok(Opened {
                    head: bytes,
                    rest: None,
                });
            }
            let mut intake = Intake::new(
                Box::new(std::io::BufReader::with_capacity(1 << 16, file)) as Box<dyn Read>,
                max_size,
            );
            let head = read_head(&mut intake)?;
            return Ok(Opened {
                head,
                rest: Some(Rest::Stream(intake)),
            });
        }
        Box::new(file)
    };
    let mut intake = Intake::new(reader, max_size);
    let head = read_head(&mut intake)?;
    Ok(Opened {
        head,
        rest: Some(Rest::Unknown(intake)),
    })
}

impl Opened {
    /// Whether only the start of the source is at hand.
    pub(super) fn is_partial(&self) -> bool {
        self.rest.is_some()
    }

    /// Everything, or the head and the stream of the rest.
    pub(super) fn finish(self) -> Result<Input, Limit> {
        let Opened { mut head, rest } = self;
        match rest {
            None => Ok(Input::Whole(head)),
            Some(Rest::Stream(intake)) => Ok(Input::Stream(head, intake)),
            Some(Rest::Unknown(mut intake)) => {
                let room = (whole_bytes() + 1).saturating_sub(head.len() as u64);
                (&mut intake).take(room).read_to_end(&mut head).map_err(refusal)?;
                if head.len() as u64 <= whole_bytes() {
                    Ok(Input::Whole(head))
                } else {
                    Ok(Input::Stream(head, intake))
                }
            }
        }
    }
}

/// The first [`SNIFF_BYTES`] of `intake` or more, up to a line break after
/// them, or all if it ends before.
fn read_head(intake: &mut impl Read) -> Result<Vec<u8>, Limit> {
    let mut head = Vec::with_capacity(1 << 16);
    let mut chunk = vec![0u8; 1 << 16];
    let mut line_break = false;
    loop {
        let n = match intake.read(&mut chunk) {
            Ok(0) => return Ok(head),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(refusal(e)),
        };
        head.extend_from_slice(&chunk[..n]);
        line_break |= memchr::memchr(b'\n', &chunk[..n]).is_some();
        // Not text: no need to look for a line break.
        if head.len() >= SNIFF_BYTES && (line_break || super::encoding::sniff(&head).is_some()) {
            return Ok(head);
        }
    }
}

/// The whole of `file`, expected to be `size` bytes long (and at most
/// `max_size`, or one byte more to show it is larger). On Unix, big files
/// are read in pieces on all cores, which halves the time spent copying
/// pages into memory.
fn read_whole(file: &std::fs::File, size: usize, max_size: u64) -> std::io::Result<Vec<u8>> {
    #[cfg(unix)]
    if size >= PIECE {
        use rayon::prelude::*;
        use std::os::unix::fs::FileExt;
        let mut bytes = vec![0u8; size];
        let read = bytes
            .par_chunks_mut(PIECE)
            .enumerate()
            .try_for_each(|(i, piece)| file.read_exact_at(piece, (i * PIECE) as u64));
        // Unless the file changed size meanwhile.
        if read.is_ok() && file.read_at(&mut [0], size as u64)? == 0 {
            return Ok(bytes);
        }
    }
    let mut bytes = Vec::with_capacity(size + 1);
    let mut reader = file;
    std::io::Seek::rewind(&mut reader)?;
    reader.take(max_size.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Size of the pieces a big file is read in (4 MiB).
const PIECE: usize = 1 << 22;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intake_stops_at_the_byte_limit_and_at_a_long_line() {
        let mut out = Vec::new();
        let endless = std::io::repeat(b'y');
        let e = Intake::new(endless, 1 << 30).read_to_end(&mut out).unwrap_err();
        let limit = Limit::of(&e).unwrap();
        assert_eq!(limit.line, Some(1));
        assert_eq!(limit.kind, DiagnosticKind::LineTooLong { limit: MAX_LINE_BYTES });
        assert!(out.len() <= MAX_LINE_BYTES + (1 << 16));

        let lines = std::io::repeat(b'\n').take(5000);
        let e = Intake::new(lines, 4096).read_to_end(&mut Vec::new()).unwrap_err();
        assert_eq!(Limit::of(&e).unwrap().kind, DiagnosticKind::CsvTooLarge { limit: 4096 });

        let mut ok = Vec::new();
        Intake::new(&b"a\nb\n"[..], 4).read_to_end(&mut ok).unwrap();
        assert_eq!(ok, b"a\nb\n");
    }

    #[test]
    fn a_long_line_is_found_on_its_own_line() {
        let mut text = b"a\nb\n".to_vec();
        text.extend(std::iter::repeat_n(b'x', MAX_LINE_BYTES + 1));
        let e = Intake::new(&text[..], u64::MAX)
            .read_to_end(&mut Vec::new())
            .unwrap_err();
        assert_eq!(Limit::of(&e).unwrap().line, Some(3));
    }
}
