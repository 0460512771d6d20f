//! The cells of a piece of a worksheet's `<sheetData>` (whole rows),
//! read in the order written and handed to a [`Cells`]: the usual tags
//! byte by byte ([`usual`](mod@super::usual)), any other `<c>` by the general path below
//! (attributes found by name, content cut out and read by type).

use super::table::{Cell, Value};
use super::usual;
use super::xml::{attribute, between, decode, strings_of};

/// Where [`rows`] puts the non-empty cells it reads.
pub(super) trait Cells {
    /// Takes the cell at 0-based `row` and `column`; `None` to stop
    /// reading (the sheet is then left to another reader).
    fn cell(&mut self, row: u32, column: u32, value: Value) -> Option<()>;
}

impl Cells for Vec<Cell> {
    #[inline]
    fn cell(&mut self, row: u32, column: u32, value: Value) -> Option<()> {
        self.push((row, column, value));
        Some(())
    }
}

/// Reads the cells of the rows in `piece` (0-based row, 0-based column,
/// value) into `out`, in the order written; shared strings of the general
/// path are checked against `strings` of them. Comments, CDATA and
/// processing instructions are left to calamine: between cells they are
/// tags of no known name, and a cell holding one is refused below.
///
/// `None` also if `bytes` is not UTF-8. The usual tags are read as the
/// ASCII bytes they must be; only what the general path reads, and what
/// lies between tags, is checked by `str::from_utf8`: every byte once,
/// and most of them not at all.
pub(super) fn rows(bytes: &[u8], strings: usize, out: &mut impl Cells) -> Option<()> {
    let text = |range: std::ops::Range<usize>| std::str::from_utf8(&bytes[range]).ok();
    let (mut row, mut column) = (u32::MAX, u32::MAX);
    let mut at = 0;
    // Most tags start right where the one before ended.
    while let Some(p) = (bytes.get(at) == Some(&b'<'))
        .then_some(0)
        .or_else(|| memchr::memchr(b'<', &bytes[at..]))
    {
        if p > 0 {
            text(at..at + p)?;
        }
        let start = at + p + 1;
        if let Some(len) = usual(&bytes[start..], out, &mut row, &mut column)? {
            at = start + len;
            continue;
        }
        let end = start + memchr::memchr(b'>', &bytes[start..])?;
        // A closing tag's name starts after its `/`.
        let name_end = bytes[start..end]
            .iter()
            .skip(1)
            .position(|b| matches!(b, b' ' | b'/' | b'\t' | b'\r' | b'\n'))
            .map_or(end, |n| start + 1 + n);
        let (name, tag) = (text(start..name_end)?, text(name_end..end)?);
        at = end + 1;
        match name {
            "row" => {
                row = match attribute(tag, "r") {
                    Some(r) => r.parse::<u32>().ok()?.checked_sub(1)?,
                    None => row.wrapping_add(1),
                };
                column = u32::MAX;
            }
            "c" => {
                let (mut r, mut t) = (None, None);
                for (name, value) in super::xml::attributes(tag) {
                    match name {
                        "r" => r = Some(value),
                        "t" => t = Some(value),
                        _ => {}
                    }
                }
                (row, column) = match r {
                    Some(r) => reference(r)?,
                    None => (row, column.wrapping_add(1)),
                };
                if tag.ends_with('/') {
                    continue;
                }
                if matches!(t, None | Some("n"))
                    && let Some((number, len)) = plain_number(&bytes[at..])
                {
                    out.cell(row, column, Value::Number(number))?;
                    at += len;
                    continue;
                }
                let close = cell_end(bytes, at)?;
                let inner = text(at..close)?;
                if has(inner, "<!") || has(inner, "<?") {
                    return None;
                }
                if let Some(value) = value(t, inner, strings)? {
                    out.cell(row, column, value)?;
                }
                at = close + 4;
            }
            "/row" => {}
            _ => return None,
        }
    }
    text(at..bytes.len()).map(drop)
}

/// Reads the usual cell, row start or row end at the start of `text` (just
/// after its `<`), see [`usual`](mod@super::usual), pushing a cell to `out`
/// and moving `row` and `column` as the general path in [`rows`] does;
/// the length read, or `Some(None)` for a tag left to that path; `None`
/// if `out` stops the reading.
#[inline]
fn usual(text: &[u8], out: &mut impl Cells, row: &mut u32, column: &mut u32) -> Option<Option<usize>> {
    let Some(head) = text.get(..2) else {
        return Some(None);
    };
    Some(match head {
        b"c " => match usual::cell(&text[1..]) {
            Some((r, c, value, len)) => {
                (*row, *column) = (r, c);
                if let Some(value) = value {
                    out.cell(r, c, value)?;
                }
                Some(1 + len)
            }
            None => None,
        },
        b"/r" => text.starts_with(b"/row>").then_some(5),
        b"ro" => text.strip_prefix(b"row").and_then(usual::row).map(|(r, len)| {
            (*row, *column) = (r, u32::MAX);
            3 + len
        }),
        _ => None,
    })
}

/// The number of the usual number cell's content, `<v>NUMBER</v></c>`
/// written in plain decimals, and the length of that content.
fn plain_number(content: &[u8]) -> Option<(f64, usize)> {
    let v = content.strip_prefix(b"<v>")?;
    let (number, len) = crate::input::csv_input::decimal::leading::<b'.', b'<'>(v)?;
    v[len..].starts_with(b"</v></c>").then_some((number, 3 + len + 8))
}

/// Where the `</c>` that closes a cell whose content starts at `at` is.
fn cell_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    loop {
        at += memchr::memchr(b'<', &bytes[at..])?;
        if bytes[at..].starts_with(b"</c>") {
            return Some(at);
        }
        at += 1;
    }
}

/// A cell reference `B12` as a 0-based row and column.
fn reference(r: &str) -> Option<(u32, u32)> {
    let digits = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, number) = r.split_at(digits);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let column = letters.bytes().fold(0u32, |n, b| n * 26 + u32::from(b - b'A') + 1) - 1;
    Some((number.parse::<u32>().ok()?.checked_sub(1)?, column))
}

/// The value of a cell of type `t` whose content (what is between `<c>`
/// and `</c>`) is `inner`: `Some(None)` for a cell without one, `None` for
/// what is left to calamine.
fn value(t: Option<&str>, inner: &str, strings: usize) -> Option<Option<Value>> {
    if t == Some("inlineStr") {
        let body = between(inner, "<is", "</is>")?;
        return Some(Some(Value::Text(strings_of(body)?.into())));
    }
    // Most cells hold just `<v>...</v>`.
    let plain = inner.strip_prefix("<v>").and_then(|v| v.strip_suffix("</v>"));
    let Some(v) = plain
        .filter(|v| !v.contains('<'))
        .or_else(|| between(inner, "<v", "</v>"))
    else {
        // No value, or `<v/>`: an empty cell, unless it is something else.
        return (!inner.contains("<v") || inner.contains("<v/>")).then_some(None);
    };
    Some(Some(match t {
        None | Some("n") => Value::Number(v.trim().parse().ok()?),
        Some("s") => Value::Shared(v.trim().parse().ok().filter(|&i: &u32| (i as usize) < strings)?),
        Some("str") => Value::Text(decode(v)?.into()),
        Some("b") => Value::Bool(match v.trim() {
            "0" => false,
            "1" => true,
            _ => return None,
        }),
        Some(_) => return None,
    }))
}

/// Whether `needle` is in `text` (memchr's search, faster than `str`'s on
/// long text).
pub(super) fn has(text: &str, needle: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), needle.as_bytes()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_values() {
        assert_eq!(reference("A1"), Some((0, 0)));
        assert_eq!(reference("AA10"), Some((9, 26)));
        assert_eq!(reference("a1"), None);
        let number = value(None, "<f>A1*2</f><v>4.5</v>", 3).unwrap();
        assert!(matches!(number, Some(Value::Number(v)) if v == 4.5));
        assert!(matches!(value(Some("s"), "<v>2</v>", 3), Some(Some(Value::Shared(2)))));
        assert!(value(Some("s"), "<v>3</v>", 3).is_none(), "past the shared strings");
        assert!(matches!(value(None, "", 3), Some(None)));
        assert!(value(Some("e"), "<v>#DIV/0!</v>", 3).is_none(), "left to calamine");
        let read = |piece: &str| {
            let mut cells = Vec::new();
            rows(piece.as_bytes(), 0, &mut cells).map(|()| cells)
        };
        let cells = read(r#"<row r="2"><c r="B2" t="inlineStr"><is><t>a&amp;b</t></is></c><c><v>1</v></c></row>"#);
        let cells = cells.unwrap();
        assert!(matches!(&cells[0], (1, 1, Value::Text(t)) if &**t == "a&b"));
        assert!(matches!(cells[1], (1, 2, Value::Number(v)) if v == 1.0));
        // Bytes that are not UTF-8, wherever they are, are left to calamine.
        let valid =
            r#"<row r="1" x="ü"><c r="A1" t="inlineStr"><is><t>Zürich</t></is></c><c r="B1"><v>2</v></c></row> "#;
        let mut cells = Vec::new();
        assert!(rows(valid.as_bytes(), 0, &mut cells).is_some() && cells.len() == 2);
        for at in ["x=\"", "<t>Z", "</row>", "ü", "ü\"", "<v>2</v></c>"] {
            let at = valid.find(at).unwrap() + at.len();
            let mut bad = valid.as_bytes().to_vec();
            bad.insert(at, 0xff);
            assert!(rows(&bad, 0, &mut Vec::new()).is_none(), "{at}");
        }
        // Malformed text is left to calamine, never a panic.
        for bad in [
            "<>",
            "<row r=\"x\">",
            "<c r=\"1A\"><v>1</v></c>",
            "<c><v>1</v>",
            "<zz/>",
        ] {
            assert!(read(bad).is_none(), "{bad}");
        }
    }
}
