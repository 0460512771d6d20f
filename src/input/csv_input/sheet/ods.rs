//! What calamine would lay out of an ods workbook, estimated before it
//! opens one. Calamine reads every sheet of an ods file as it opens it,
//! each as one dense range from its first cell to its last with repeated
//! rows and columns written out: up to 10^8 cells (6 GB), which a 2 KB
//! file asks for with `table:number-rows-repeated="990000"`. Here the
//! sheets' XML (`content.xml`) is scanned once, tag by tag, for the
//! rectangle each range would take and how many cells the file writes.
//!
//! Calamine knows the elements by their usual names only (`table:table-row`,
//! not another prefix), and so does this scan.

use super::table::Sparse;
use super::xml::{attribute, attributes, decode};

/// What calamine cannot be given of an ods `content.xml`.
#[derive(Debug, PartialEq)]
pub(super) enum Refusal {
    /// An element not closed where it should be (never, or after an
    /// element opened inside it): calamine reads some elements in loops
    /// that never end at the end of the file (an open `<table:table>`
    /// makes it spin for ever), and refuses the others.
    Unclosed(String),
    /// A sheet whose range would be [`Sparse`] for the cell elements the
    /// file writes, and its name.
    Sparse(String, Sparse),
}

/// The first thing in `content` (an ods `content.xml`), in the file's
/// order, that calamine cannot be given; one pass over its tags.
/// Declarations, comments and processing instructions are not elements.
pub(super) fn refusal(content: &[u8]) -> Option<Refusal> {
    let lossy = |name: &[u8]| String::from_utf8_lossy(name).into_owned();
    let mut open: Vec<&[u8]> = Vec::new();
    let mut sheet: Option<Sheet> = None;
    let mut row = Row::default();
    for (name, tag, closed) in tags(content) {
        match name.split_first() {
            Some((b'/', name)) => match open.pop() {
                Some(top) if top != name => return Some(Refusal::Unclosed(lossy(top))),
                // An end tag with nothing open: calamine refuses it, no loop.
                _ => {}
            },
            Some((b'!' | b'?', _)) | None => continue,
            Some(_) if !closed => open.push(name),
            Some(_) => {}
        }
        // The tags that say where cells lie: their attributes as text.
        let tag = || std::str::from_utf8(tag).unwrap_or("");
        match name {
            b"table:table" => sheet = Some(Sheet::named(tag())),
            b"/table:table" => {
                if let Some(done) = sheet.take()
                    && let Some(sparse) = done.sparse()
                {
                    return Some(Refusal::Sparse(done.name, sparse));
                }
            }
            b"table:table-row" => {
                let Some(sheet) = sheet.as_mut() else { continue };
                let repeats = attribute(tag(), "table:number-rows-repeated");
                row = Row {
                    repeats: repeats.map_or(1, |v| count(v, 1 << 20)),
                    ..Row::default()
                };
                if closed {
                    sheet.next += row.repeats;
                }
            }
            b"/table:table-row" => {
                if let Some(sheet) = sheet.as_mut() {
                    sheet.end_row(&row);
                }
            }
            b"table:table-cell" | b"table:covered-table-cell" => {
                let (mut columns, mut valued) = (1, false);
                for (name, value) in attributes(tag()) {
                    match name {
                        "table:number-columns-repeated" => columns = count(value, 1 << 14),
                        "office:value-type" | "table:formula" => valued = true,
                        _ => {}
                    }
                }
                if valued {
                    let last = (row.column + columns - 1).min(1 << 14);
                    row.span = Some(
                        row.span
                            .map_or((row.column, last), |(l, r)| (l.min(row.column), r.max(last))),
                    );
                    row.written += 1;
                }
                row.column = (row.column + columns).min(1 << 14);
            }
            _ => {}
        }
    }
    open.pop().map(|name| Refusal::Unclosed(lossy(name)))
}

/// A sheet being scanned: rows counted as calamine expands them.
struct Sheet {
    name: String,
    /// The 0-based row the next row element starts at.
    next: u64,
    /// The first and last rows that hold a cell, and the columns of all.
    rows: Option<(u64, u64)>,
    columns: Option<(u64, u64)>,
    /// Cell elements with a value.
    written: usize,
}

/// A row element being scanned.
#[derive(Default)]
struct Row {
    repeats: u64,
    /// The 0-based column the next cell element starts at.
    column: u64,
    /// The columns its cells with a value span.
    span: Option<(u64, u64)>,
    written: usize,
}

impl Sheet {
    fn named(tag: &str) -> Sheet {
        let name = attribute(tag, "table:name").and_then(decode).unwrap_or_default();
        Sheet {
            name: name.into_owned(),
            next: 0,
            rows: None,
            columns: None,
            written: 0,
        }
    }

    fn end_row(&mut self, row: &Row) {
        if let Some((left, right)) = row.span {
            let last = self.next + row.repeats - 1;
            self.rows = Some(self.rows.map_or((self.next, last), |(top, _)| (top, last)));
            self.columns = Some(self.columns.map_or((left, right), |(l, r)| (l.min(left), r.max(right))));
            self.written += row.written;
        }
        self.next += row.repeats;
    }

    /// The range calamine would lay out, if too sparse for the cells.
    fn sparse(&self) -> Option<Sparse> {
        let ((top, bottom), (left, right)) = (self.rows?, self.columns?);
        let places = (bottom - top + 1).saturating_mul(right - left + 1);
        let corner = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        (!super::table::fits(places, self.written)).then(|| Sparse {
            corners: (corner(top), corner(left), corner(bottom), corner(right)),
            cells: self.written,
        })
    }
}

/// A repeat count written `value` (1 if it is none), at most `cap`
/// (calamine's own cap on rows or columns).
fn count(value: &str, cap: u64) -> u64 {
    decode(value).and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, cap)
}

/// The tags of `xml` in order: name (`/name` for an end tag), the bytes
/// of a start tag after its name, and whether it closes itself. A `>`
/// inside a quoted attribute value does not end its tag; comments, CDATA
/// and processing instructions are passed over whole.
fn tags(xml: &[u8]) -> impl Iterator<Item = (&[u8], &[u8], bool)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            at += memchr::memchr(b'<', &xml[at..])? + 1;
            let rest = &xml[at..];
            let skip = [(&b"!--"[..], &b"-->"[..]), (b"![CDATA[", b"]]>"), (b"?", b"?>")]
                .into_iter()
                .find(|(open, _)| rest.starts_with(open));
            match skip {
                Some((open, close)) => {
                    at += open.len() + memchr::memmem::find(&rest[open.len()..], close)? + close.len()
                }
                None => break,
            }
        }
        let start = at;
        // The first `>` outside quotes: quoted values are passed over whole.
        let mut end = start;
        loop {
            end += memchr::memchr3(b'>', b'"', b'\'', &xml[end..])?;
            match xml[end] {
                b'>' => break,
                quote => end += 1 + memchr::memchr(quote, &xml[end + 1..])? + 1,
            }
        }
        at = end + 1;
        let inner = &xml[start..end];
        let name_end = inner
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/' && inner.first() != Some(&b'/'))
            .unwrap_or(inner.len());
        let closed = inner.len() > name_end && inner.last() == Some(&b'/');
        Some((
            &inner[..name_end],
            &inner[name_end..inner.len() - usize::from(closed)],
            closed,
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(rows: &str) -> String {
        format!(
            r#"<?xml version="1.0"?><office:document-content><office:body><office:spreadsheet><table:table table:name="Notes"><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table><table:table table:name="A &amp; B">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        )
    }

    const CELL: &str =
        r#"<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>"#;

    #[test]
    fn rows_repeated_a_million_times_between_two_cells_are_too_sparse() {
        let bomb = format!(
            r#"<table:table-row>{CELL}</table:table-row><table:table-row table:number-rows-repeated="990000"><table:table-cell table:number-columns-repeated="99"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="99"/>{CELL}</table:table-row>"#
        );
        let sparse = Sparse {
            corners: (0, 0, 990_001, 99),
            cells: 2,
        };
        assert_eq!(
            refusal(content(&bomb).as_bytes()),
            Some(Refusal::Sparse("A & B".to_owned(), sparse))
        );
        // One cell repeated over every column of a row repeated: written
        // once, laid out 16384 x 1000 times.
        let repeated = r#"<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="99999" office:value-type="float" table:formula="of:=[.A1]>0"/></table:table-row>"#;
        let Some(Refusal::Sparse(_, sparse)) = refusal(content(repeated).as_bytes()) else {
            panic!("a repeated cell is refused");
        };
        assert_eq!(sparse.corners, (0, 0, 999, 16_383));
    }

    #[test]
    fn what_writers_write_is_not() {
        // LibreOffice: rows of cells, empty cells repeated to the right and
        // empty rows repeated below the table, repeated equal cells.
        let row = format!(
            r#"<table:table-row table:style-name="ro1">{CELL}<table:table-cell table:number-columns-repeated="3" office:value-type="string"><text:p>low</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1020"/></table:table-row>"#
        );
        let table = format!(
            r#"<table:table-column table:number-columns-repeated="1024"/>{}<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
            row.repeat(500)
        );
        assert_eq!(refusal(content(&table).as_bytes()), None);
        // Nor an empty sheet, nor a sheet that is only empty repeats.
        assert_eq!(refusal(content("").as_bytes()), None);
        let empty = r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#;
        assert_eq!(refusal(content(empty).as_bytes()), None);
    }

    #[test]
    fn elements_left_open_are_named() {
        let open = r#"<office:document-content><table:table table:name="Data"><table:table-row><table:table-cell office:value-type="float" office:value="1"></table:table-cell></table:table-row>"#;
        assert_eq!(
            refusal(open.as_bytes()),
            Some(Refusal::Unclosed("table:table".to_owned()))
        );
        assert_eq!(refusal(b"<a><b></a></b>"), Some(Refusal::Unclosed("b".to_owned())));
        assert_eq!(
            refusal(b"<?xml version='1.0'?><!DOCTYPE x><a><b/><!-- <c> --></a>"),
            None
        );
        assert_eq!(refusal(content("").as_bytes()), None);
        // An end tag with nothing open: calamine refuses it, no loop.
        assert_eq!(refusal(b"</a>"), None);
    }

    #[test]
    fn any_bytes_are_scanned_without_a_panic() {
        for xml in [
            "</>",
            "<",
            "<>",
            "</",
            "<a/>",
            "<!--",
            "<![CDATA[",
            "<?",
            "<a b='>",
            "<table:table/>",
            "\u{fe}<\u{ff}>",
        ] {
            let refused = refusal(xml.as_bytes());
            assert!(!matches!(refused, Some(Refusal::Sparse(..))), "{xml}");
            let _ = tags(xml.as_bytes()).count();
        }
        let names: Vec<_> = tags(b"<a/><b c='>'>x</b><!-- <d> --></>")
            .map(|(n, t, c)| (n.to_vec(), String::from_utf8(t.to_vec()).unwrap(), c))
            .collect();
        assert_eq!(
            names,
            [
                (b"a".to_vec(), String::new(), true),
                (b"b".to_vec(), " c='>'".to_owned(), false),
                (b"/b".to_vec(), String::new(), false),
                (b"/".to_vec(), String::new(), false),
            ]
        );
    }

    proptest::proptest! {
        /// Whatever the bytes, the scan ends without a panic.
        #[test]
        fn the_scan_takes_any_bytes(xml in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
            let _ = refusal(&xml);
        }
    }
}
