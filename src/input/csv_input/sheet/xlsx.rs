//! A fast reader of the cells of an xlsx (or xlsm) worksheet: the only
//! module that names the zip crate.
//!
//! A worksheet is a zip entry of XML, about four times the size of the same
//! table in CSV. A general XML reader spends most of its time on events
//! and attributes this reader does not need: here the sheet is inflated
//! once, in chunks of whole rows ([`stream`]) read on all cores while the
//! rest is inflated (each chunk's rows laid out on the core that read
//! them, see [`Block`]); the usual cells and rows are read byte by byte
//! ([`usual`](super::usual)), other `<c>` elements found with `memchr`, numbers parsed
//! in place, and text cells borrowed from the shared strings. The
//! inflater is zlib-rs with run-time CPU detection (AVX2 where the CPU
//! has it).
//!
//! It reads the plain subset that writers produce (numbers, shared,
//! inline and formula strings, booleans, formulas' cached values) and
//! gives up (`None`) on anything else: prefixed element names, comments,
//! error or date cells, `_xHHHH_` escapes, phonetic runs. The caller then
//! reads the workbook with calamine, so a file is never read wrongly, only
//! sometimes more slowly.

use std::io::Read;
use std::path::Path;

use rayon::iter::{ParallelBridge, ParallelIterator};

use super::piecewise::{Head, Stream};
use super::scan::{has, rows};
use super::stream::{self, Piece};
use super::table::{Block, Cell, Refused, Sparse, Strings, Table};
use super::xml::{attribute, between, decode, elements, strings_of};

/// A workbook's sheets, in order, and how to reach their cells.
pub(super) struct Book {
    path: std::path::PathBuf,
    /// Each sheet's name and the zip entry of its cells.
    sheets: Vec<(String, String)>,
    /// The shared strings' zip entry, if any.
    strings: Option<String>,
    /// How many bytes of the sheet's XML are inflated at a time.
    chunk: usize,
}

impl Book {
    /// Opens `path` as an xlsx workbook; `None` if it is not one this
    /// reader knows how to read.
    pub(super) fn open(path: &Path) -> Option<Book> {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(path).ok()?).ok()?;
        let root = entry(&mut zip, "_rels/.rels", u64::MAX)?;
        let workbook = targets(&root, "", "/officeDocument").next()?.1;
        let folder = workbook.rsplit_once('/').map_or("", |(dir, _)| dir).to_owned();
        let rels_name = format!(
            "{folder}/_rels/{}.rels",
            &workbook[folder.len()..].trim_start_matches('/')
        );
        let rels = entry(&mut zip, rels_name.trim_start_matches('/'), u64::MAX)?;
        let listed = entry(&mut zip, &workbook, u64::MAX)?;
        let text = std::str::from_utf8(&listed).ok()?;
        let mut sheets = Vec::new();
        for tag in elements(between(text, "<sheets", "</sheets>")?, "sheet") {
            let name = decode(attribute(tag, "name")?)?.into_owned();
            let id = attribute_ending(tag, ":id")?;
            let (kind, target) = targets(&rels, &folder, "")
                .find(|(_, _, i)| *i == id)
                .map(|(k, t, _)| (k, t))?;
            // A chart sheet has no cells: calamine says what it is.
            if !kind.ends_with("/worksheet") {
                return None;
            }
            sheets.push((name, target));
        }
        let strings = targets(&rels, &folder, "/sharedStrings").next().map(|t| t.1);
        Some(Book {
            path: path.to_owned(),
            sheets,
            strings,
            chunk: stream::CHUNK,
        })
    }

    /// The same workbook inflated `chunk` bytes at a time, so that tests
    /// read small sheets in many pieces.
    #[cfg(test)]
    pub(super) fn chunked(self, chunk: usize) -> Book {
        Book { chunk, ..self }
    }

    /// The sheets' names, in order.
    pub(super) fn names(&self) -> Vec<String> {
        self.sheets.iter().map(|(n, _)| n.clone()).collect()
    }

    /// The cells of sheet `name`, at most `max_size` bytes of XML (or
    /// that they are too [`Sparse`] to lay out), or `None` if they hold
    /// anything this reader leaves to calamine.
    pub(super) fn table(&self, name: &str, max_size: u64) -> Option<Result<Table, Sparse>> {
        let part = &self.sheets.iter().find(|(n, _)| n == name)?.1;
        let inflate =
            |send: &mut dyn FnMut(Piece) -> Option<Vec<u8>>| inflate(&self.path, part, self.chunk, max_size, send);
        cells(inflate, || self.strings(max_size))
    }

    /// The rows of sheet `name` (at most `max_size` bytes of XML, inflated
    /// `chunk` bytes at a time) as they are inflated, on a thread of its own, with the shared strings read
    /// meanwhile; `None` if its first rows hold anything left to calamine.
    pub(super) fn stream(&self, name: &str, max_size: u64, chunk: usize) -> Option<(Head, Stream)> {
        let part = self.sheets.iter().find(|(n, _)| n == name)?.1.clone();
        let path = self.path.clone();
        // A few pieces ahead of the readers at most, so that a few buffers
        // go round instead of a new one (zeroed, page faults) per piece.
        let (sender, pieces) = std::sync::mpsc::sync_channel::<Piece>(AHEAD);
        let (back, spare) = std::sync::mpsc::channel::<Vec<u8>>();
        let inflater = std::thread::spawn(move || {
            inflate(&path, &part, chunk, max_size, &mut |piece| {
                sender.send(piece).ok()?;
                Some(spare.try_recv().unwrap_or_default())
            })
        });
        Stream::new((pieces, back), inflater, self.strings(max_size)?)
    }

    /// The shared strings, none if the workbook has no such part.
    fn strings(&self, max_size: u64) -> Option<Strings> {
        match &self.strings {
            Some(part) => {
                let mut zip = zip::ZipArchive::new(std::fs::File::open(&self.path).ok()?).ok()?;
                shared_strings(&entry(&mut zip, part, max_size)?)
            }
            None => Some(Strings::default()),
        }
    }
}

/// The bytes of entry `name` of the zip archive at `path`, if it has one
/// (its size is bounded by the caller's check of [`unpacked_size`]).
pub(super) fn part(path: &Path, name: &str) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).ok()?).ok()?;
    entry(&mut zip, name, u64::MAX)
}

/// A shared strings part of the zip archive at `path` that claims more
/// strings (`<sst uniqueCount="...">`) than it has bytes: its name, the
/// count and its size. Calamine reserves room for that many strings
/// before it reads one, and aborts on an absurd count.
pub(super) fn overclaimed_strings(path: &Path) -> Option<(String, u64, u64)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).ok()?).ok()?;
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|name| name.ok().map(|n| n.into_owned()))
        .filter(|name| name.to_ascii_lowercase().ends_with("sharedstrings.xml"))
        .collect();
    names.into_iter().find_map(|name| {
        let file = zip.by_name(&name).ok()?;
        let size = file.size();
        // The `<sst>` tag opens the part.
        let mut start = Vec::new();
        file.take(4096).read_to_end(&mut start).ok()?;
        let text = String::from_utf8_lossy(&start);
        let claimed: u64 = elements(&text, "sst")
            .next()
            .and_then(|tag| attribute(tag, "uniqueCount"))?
            .parse()
            .ok()?;
        (claimed > size).then_some((name, claimed, size))
    })
}

/// How many bytes the zip archive at `path` unpacks to, as it declares
/// each entry's size (in its central directory, or for entries written
/// with a data descriptor, entry by entry); `None` if it is no zip
/// archive.
pub(super) fn unpacked_size(path: &Path) -> Option<u64> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).ok()?).ok()?;
    match zip.decompressed_size() {
        Some(total) => Some(u64::try_from(total).unwrap_or(u64::MAX)),
        None => (0..zip.len()).try_fold(0u64, |total, i| {
            Some(total.saturating_add(zip.by_index_raw(i).ok()?.size()))
        }),
    }
}

/// How many pieces the inflater may be ahead of the readers of a
/// [`Stream`]: enough to go on while the shared strings are read (about
/// 8 ms for 10^5 strings), the time of about 8 pieces.
const AHEAD: usize = 8;

/// Inflates zip entry `part` of the workbook at `path` (at most
/// `max_size` bytes) in pieces of whole rows handed to `send`, see
/// [`stream::pieces`].
fn inflate(
    path: &Path,
    part: &str,
    chunk: usize,
    max_size: u64,
    send: &mut dyn FnMut(Piece) -> Option<Vec<u8>>,
) -> Option<()> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).ok()?).ok()?;
    let file = zip.by_name(part).ok()?;
    if file.size() > max_size {
        return None;
    }
    stream::pieces(file.take(max_size), chunk, send)
}

/// The bytes of zip entry `name`, if it exists and holds at most `limit`
/// bytes.
fn entry(zip: &mut zip::ZipArchive<std::fs::File>, name: &str, limit: u64) -> Option<Vec<u8>> {
    let file = zip.by_name(name).ok()?;
    if file.size() > limit {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(file.size()).ok()?);
    file.take(limit).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// The relationships of a `.rels` part whose type ends with `kind`: type,
/// target resolved against `folder`, and id.
fn targets<'r>(rels: &'r [u8], folder: &'r str, kind: &'r str) -> impl Iterator<Item = (String, String, &'r str)> {
    let text = std::str::from_utf8(rels).unwrap_or("");
    elements(text, "Relationship").filter_map(move |tag| {
        let typ = attribute(tag, "Type")?;
        if !typ.ends_with(kind) || attribute(tag, "TargetMode").is_some() {
            return None;
        }
        let target = decode(attribute(tag, "Target")?)?;
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_owned(),
            None if folder.is_empty() => target.into_owned(),
            None => format!("{folder}/{target}"),
        };
        Some((typ.to_owned(), path, attribute(tag, "Id")?))
    })
}

/// The value of the first attribute of `tag` whose name ends with
/// `suffix` (`r:id`, whatever the prefix).
fn attribute_ending<'t>(tag: &'t str, suffix: &str) -> Option<&'t str> {
    super::xml::attributes(tag)
        .find(|(name, _)| name.ends_with(suffix))
        .map(|(_, v)| v)
}

/// The shared strings of `sharedStrings.xml`, each `<si>`'s text runs
/// joined.
fn shared_strings(xml: &[u8]) -> Option<Strings> {
    let text = std::str::from_utf8(xml).ok()?;
    let body = between(text, "<sst", "</sst>").unwrap_or("");
    if has(body, "<rPh") || has(body, "<!") {
        return None;
    }
    let (open, close) = (memchr::memmem::Finder::new("<si"), memchr::memmem::Finder::new("</si>"));
    let bytes = body.as_bytes();
    let mut out = Strings::with_capacity(bytes.len() / 2);
    let mut at = 0;
    while let Some(p) = open.find(&bytes[at..]) {
        at += p + 3;
        match bytes.get(at) {
            Some(b'/') => out.push(""),
            Some(b'>') => {
                // Most strings are just `<t>...</t>`.
                if let Some((text, len)) = plain_string(&body[at + 1..]) {
                    out.push(&decode(text)?);
                    at += 1 + len;
                    continue;
                }
                let end = at + close.find(&bytes[at..])?;
                out.push(&strings_of(&body[at + 1..end])?);
                at = end;
            }
            _ => {}
        }
    }
    Some(out)
}

/// The text of a shared string written `<t>TEXT</t></si>` at the start of
/// `rest`, and the length of that.
fn plain_string(rest: &str) -> Option<(&str, usize)> {
    let text = rest.strip_prefix("<t>")?;
    let end = memchr::memchr(b'<', text.as_bytes())?;
    text[end..]
        .starts_with("</t></si>")
        .then(|| (&text[..end], 3 + end + 9))
}

/// The non-empty cells of a worksheet as a table (or that they are too
/// [`Sparse`] to lay out); `None` if the sheet holds anything left to
/// calamine. `inflate` hands the sheet's rows on in pieces (see
/// [`stream::pieces`]) from a thread of its own, while the pieces already
/// handed on are read, each into a [`Block`] of its rows, on all cores
/// and the shared strings (`strings`) are read beside them.
fn cells(
    inflate: impl FnOnce(&mut dyn FnMut(Piece) -> Option<Vec<u8>>) -> Option<()> + Send,
    strings: impl FnOnce() -> Option<Strings> + Send,
) -> Option<Result<Table, Sparse>> {
    let (sender, pieces) = std::sync::mpsc::channel::<Piece>();
    std::thread::scope(|scope| {
        let inflater = scope.spawn(move || inflate(&mut |piece| sender.send(piece).ok().map(|()| Vec::new())));
        let (strings, blocks) = rayon::join(strings, || {
            pieces
                .into_iter()
                .par_bridge()
                .map(|(bytes, len)| piece_cells(&bytes[..len]).map(Block::from_cells))
                .collect::<Option<Vec<Result<Block, Sparse>>>>()
        });
        inflater.join().ok()??;
        let (strings, blocks) = (strings?, blocks?);
        let blocks = match blocks.into_iter().collect::<Result<Vec<Block>, Sparse>>() {
            Ok(blocks) => blocks,
            Err(sparse) => return Some(Err(sparse)),
        };
        let known = |block: &Block| block.shared.is_none_or(|i| (i as usize) < strings.len());
        blocks.iter().all(known).then_some(())?;
        match Table::from_blocks(blocks, strings) {
            Ok(table) => Some(Ok(table)),
            Err(Refused::Sparse(sparse)) => Some(Err(sparse)),
            Err(Refused::OutOfOrder) => None,
        }
    })
}

/// The cells of a piece of `<sheetData>` (see [`rows`]); `None` if it is
/// not UTF-8.
fn piece_cells(piece: &[u8]) -> Option<Vec<Cell>> {
    let mut cells = Vec::with_capacity(piece.len() / 24);
    rows(piece, usize::MAX, &mut cells)?;
    Some(cells)
}

#[cfg(test)]
mod tests {
    use super::super::table::Value;
    use super::*;

    /// The table of worksheet `xml`, inflated in small chunks, with
    /// `strings` shared strings.
    fn sheet(xml: &str, strings: usize) -> Option<Table> {
        let strings = {
            let mut all = Strings::default();
            (0..strings).for_each(|_| all.push(""));
            all
        };
        cells(|send| stream::pieces(xml.as_bytes(), 4096, send), || Some(strings)).map(|t| t.unwrap())
    }

    #[test]
    fn a_long_sheet_read_in_pieces_keeps_every_row() {
        let rows: String = (1..=20_000)
            .map(|r| format!(r#"<row r="{r}"><c r="A{r}"><v>{r}</v></c><c t="b"><v>1</v></c></row>"#))
            .collect();
        let xml = format!(r#"<?xml version="1.0"?><worksheet xmlns="x"><sheetData>{rows}</sheetData></worksheet>"#);
        let table = sheet(&xml, 0).unwrap();
        assert_eq!(table.start, (0, 0));
        let read: Vec<&[Value]> = table.rows().collect();
        assert_eq!(read.len(), 20_000);
        assert!(
            read.iter()
                .enumerate()
                .all(|(i, row)| row[0] == Value::Number(i as f64 + 1.0))
        );
        assert!(read.iter().all(|row| row[1] == Value::Bool(true)));
        // A prefixed or commented sheet is left to calamine.
        assert!(sheet("<x:worksheet><x:sheetData/></x:worksheet>", 0).is_none());
        assert!(sheet("<worksheet><sheetData><!-- --></sheetData></worksheet>", 0).is_none());
        for inside in [
            "<v>1</v><!-- </c> -->",
            "<is><t><![CDATA[a</c>]]></t></is>",
            "<v>1</v><?pi?>",
        ] {
            let xml = format!(
                r#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr">{inside}</c></row></sheetData></worksheet>"#
            );
            assert!(sheet(&xml, 0).is_none(), "{inside}");
        }
        // A shared string past those there is is left to calamine.
        let shared = r#"<worksheet><sheetData><row r="1"><c t="s"><v>1</v></c></row></sheetData></worksheet>"#;
        assert!(sheet(shared, 2).is_some() && sheet(shared, 1).is_none());
    }
}
