//! A worksheet's XML read (inflated) in chunks and handed on in pieces of
//! whole rows, so that rows are read on other cores while the rest of the
//! sheet is still being inflated: inflating is about half of the work and
//! would otherwise run alone before any row is read.

use std::io::Read;

use super::xml::attribute;

/// How many bytes of XML are inflated before the whole rows among them are
/// handed on (about 30 pieces for a 10^5-row sheet).
pub(super) const CHUNK: usize = 1 << 20;

/// A piece of a sheet: the first `.1` bytes of `.0` (the rest of the
/// buffer is room, kept so that the buffer can be filled again).
pub(super) type Piece = (Vec<u8>, usize);

/// Reads `xml` to its end in chunks of about `chunk` bytes and hands the
/// body of its `<sheetData>` to `send` in pieces, each of whole rows and,
/// after the first, starting with a numbered row (`<row r="...">`), so
/// each can be read alone. A row without a number stays with the row
/// before it. The pieces are bytes: checking that they are UTF-8 is left
/// to the readers of pieces, off the inflating thread. `send` answers with
/// a buffer to fill next (a piece already read, handed back: its memory is
/// mapped and initialised, so it costs no page faults nor zeroing), or an
/// empty one. `None` if `xml` is not a worksheet with a `<sheetData>`,
/// cannot be read, or `send` refuses a piece.
pub(super) fn pieces(mut xml: impl Read, chunk: usize, send: &mut dyn FnMut(Piece) -> Option<Vec<u8>>) -> Option<()> {
    let (mut buffer, mut filled) = (Vec::new(), 0);
    let mut spare = Vec::new();
    let mut started = false;
    loop {
        let want = filled + chunk;
        if buffer.len() < want {
            buffer.resize(want, 0);
        }
        let read = fill(&mut xml, &mut buffer[filled..want])?;
        filled += read;
        let more = read == chunk;
        if !started {
            match body_start(&buffer[..filled])? {
                Start::Body(at) => {
                    buffer.copy_within(at..filled, 0);
                    filled -= at;
                    started = true;
                }
                // `<sheetData/>`: no cells.
                Start::Empty => return Some(()),
                Start::NotYet if more => continue,
                Start::NotYet => return None,
            }
        }
        if !more {
            break;
        }
        if let Some(cut) = last_row(&buffer[..filled]) {
            let mut next = std::mem::take(&mut spare);
            let tail = filled - cut;
            if next.len() < tail + chunk {
                next.resize(tail + chunk, 0);
            }
            next[..tail].copy_from_slice(&buffer[cut..filled]);
            let piece = std::mem::replace(&mut buffer, next);
            spare = send((piece, cut))?;
            filled = tail;
        }
    }
    let end = memchr::memmem::find(&buffer[..filled], b"</sheetData>")?;
    send((buffer, end)).map(drop)
}

/// Reads from `xml` until `buffer` is full or `xml` ends; how many bytes
/// were read.
fn fill(xml: &mut impl Read, buffer: &mut [u8]) -> Option<usize> {
    let mut read = 0;
    while read < buffer.len() {
        match xml.read(&mut buffer[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    Some(read)
}

/// Where the body of `<sheetData>` starts in the text read so far.
enum Start {
    Body(usize),
    Empty,
    NotYet,
}

/// Where the body of the worksheet's `<sheetData>` starts in `xml`;
/// `None` if the document is not an unprefixed worksheet.
fn body_start(xml: &[u8]) -> Option<Start> {
    let finder = memchr::memmem::Finder::new(b"<sheetData");
    let mut from = 0;
    while let Some(p) = finder.find(&xml[from..]) {
        let at = from + p + b"<sheetData".len();
        let Some(&next) = xml.get(at) else { break };
        if next == b'>' || next == b'/' || next.is_ascii_whitespace() {
            if !root_is(std::str::from_utf8(&xml[..at]).ok()?, "worksheet") {
                return None;
            }
            let Some(close) = memchr::memchr(b'>', &xml[at..]) else {
                break;
            };
            let empty = close > 0 && xml[at + close - 1] == b'/';
            return Some(if empty {
                Start::Empty
            } else {
                Start::Body(at + close + 1)
            });
        }
        from = at;
    }
    Some(Start::NotYet)
}

/// Whether the document's first element is `name`, unprefixed.
fn root_is(text: &str, name: &str) -> bool {
    let mut rest = text;
    while let Some(p) = rest.find('<') {
        rest = &rest[p + 1..];
        if !rest.starts_with('?') && !rest.starts_with('!') {
            return rest.starts_with(name) && rest[name.len()..].starts_with([' ', '>', '\t', '\r', '\n']);
        }
    }
    false
}

/// Where the last whole `<row ...>` start tag in `xml` begins, if that row
/// is numbered and is not the first thing in `xml`.
fn last_row(xml: &[u8]) -> Option<usize> {
    let finder = memchr::memmem::FinderRev::new(b"<row ");
    let mut end = xml.len();
    while let Some(cut) = finder.rfind(&xml[..end]) {
        if let Some(close) = memchr::memchr(b'>', &xml[cut..]) {
            let tag = std::str::from_utf8(&xml[cut + 4..cut + close]).ok()?;
            return (cut > 0 && attribute(tag, "r").is_some()).then_some(cut);
        }
        end = cut;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces `pieces` hands on for `xml` read in chunks of `chunk`.
    fn cut(xml: &str, chunk: usize) -> Option<Vec<String>> {
        let mut out = Vec::new();
        pieces(xml.as_bytes(), chunk, &mut |(bytes, len)| {
            out.push(String::from_utf8(bytes[..len].to_vec()).unwrap());
            Some(Vec::new())
        })?;
        Some(out)
    }

    #[test]
    fn pieces_hold_whole_rows_and_only_the_sheet_data() {
        let rows: String = (1..=50)
            .map(|r| format!(r#"<row r="{r}"><c><v>{r}</v></c></row>"#))
            .collect();
        let xml = format!(r#"<?xml?><worksheet a="1"><dimension/><sheetData>{rows}</sheetData><x/></worksheet>"#);
        for chunk in [7, 64, 1000, 1 << 20] {
            let pieces = cut(&xml, chunk).unwrap();
            assert_eq!(pieces.concat(), rows, "chunk {chunk}");
            assert!(pieces[1..].iter().all(|p| p.starts_with("<row r=")), "chunk {chunk}");
            assert_eq!(pieces.len() > 1, chunk < xml.len(), "chunk {chunk}");
        }
        // Unnumbered rows stay with the numbered row before them.
        let plain = "<worksheet><sheetData><row r=\"1\"/><row ><c/></row><row ><c/></row></sheetData></worksheet>";
        assert_eq!(
            cut(plain, 5).unwrap(),
            ["<row r=\"1\"/><row ><c/></row><row ><c/></row>"]
        );
        assert_eq!(
            cut("<worksheet><sheetData/></worksheet>", 4).unwrap(),
            Vec::<String>::new()
        );
        assert_eq!(
            cut("<worksheet><sheetData  /></worksheet>", 100).unwrap(),
            Vec::<String>::new()
        );
        for bad in [
            "<x:worksheet><x:sheetData></x:sheetData></x:worksheet>",
            "<worksheet><sheetData><row r=\"1\"/>",
            "<worksheet></worksheet>",
            "<chartsheet><sheetData></sheetData></chartsheet>",
        ] {
            assert!(cut(bad, 3).is_none(), "{bad}");
        }
    }
}
