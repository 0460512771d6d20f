//! The shapes nearly every cell and row of a written worksheet take,
//! read byte by byte in one pass: `<c r="B2"><v>1.5</v></c>`,
//! `<c r="A2" s="1" t="s"><v>9</v></c>`, `<row r="2" ...>`. The general
//! tag reader (attributes found by name, then the content cut out and read
//! by type) costs about three times as much per cell; anything else is
//! left to it, so this is only a shortcut, never a second set of rules.

use super::table::Value;

/// A cell at the start of `text` (just after its `<c`) in the usual
/// shape: a reference `r` first, then at most `s` (ignored) and `t` (`n`
/// or `s`) attributes, then `/>` or a `<v>` holding a plain decimal (see
/// [`decimal::leading`](crate::input::csv_input::decimal::leading)) or a
/// shared string's index, closed by `</v></c>`. Its 0-based row and
/// column, its value (`None` for `<c .../>`) and the length read; `None`
/// for any other shape.
#[inline]
pub(super) fn cell(text: &[u8]) -> Option<(u32, u32, Option<Value>, usize)> {
    let rest = text.strip_prefix(b" r=\"")?;
    let (row, column, len) = reference(rest)?;
    // Past `r="`, the reference and its closing quote.
    let mut at = 4 + len + 1;
    let mut shared = false;
    loop {
        match text.get(at..at + 2)? {
            [b'/', b'>'] => return Some((row, column, None, at + 2)),
            [b'>', _] => break,
            b" t" => {
                shared = match text.get(at + 2..at + 6)? {
                    b"=\"s\"" => true,
                    b"=\"n\"" => false,
                    _ => return None,
                };
                at += 6;
            }
            b" s" => {
                let value = text.get(at + 2..)?.strip_prefix(b"=\"")?;
                let digits = value.iter().take_while(|b| b.is_ascii_digit()).count();
                (digits > 0 && value.get(digits) == Some(&b'"')).then_some(())?;
                at += 2 + 2 + digits + 1;
            }
            _ => return None,
        }
    }
    let content = text[at + 1..].strip_prefix(b"<v>")?;
    let (value, len) = if shared {
        let (index, len) = number(content)?;
        (Value::Shared(index), len)
    } else {
        let (number, len) = crate::input::csv_input::decimal::leading::<b'.', b'<'>(content)?;
        (Value::Number(number), len)
    };
    content[len..].starts_with(b"</v></c>").then_some(())?;
    Some((row, column, Some(value), at + 1 + 3 + len + 8))
}

/// The number of a row at the start of `text` (just after its `<row`)
/// whose first attribute is `r`, 0-based, and the length of its start
/// tag (the rest of it ASCII); `None` otherwise.
pub(super) fn row(text: &[u8]) -> Option<(u32, usize)> {
    let rest = text.strip_prefix(b" r=\"")?;
    let (number, len) = number(rest)?;
    (rest.get(len) == Some(&b'"')).then_some(())?;
    let others = memchr::memchr(b'>', &rest[len + 1..])?;
    rest[len + 1..len + 1 + others].is_ascii().then_some(())?;
    Some((number.checked_sub(1)?, 4 + len + 1 + others + 1))
}

/// The number whose digits (values 0 to 9) are the bytes of `digits`,
/// the first in the lowest byte (after zeros): digits joined in pairs,
/// then fours, then eights, each step one multiplication (the method of
/// simdjson's eight-digit parser, Lemire 2018).
fn swar_value(digits: u64) -> u32 {
    let pairs = ((digits & 0x0f0f_0f0f_0f0f_0f0f).wrapping_mul(1 + (10 << 8)) >> 8) & 0x00ff_00ff_00ff_00ff;
    let fours = (pairs.wrapping_mul(1 + (100 << 16)) >> 16) & 0x0000_ffff_0000_ffff;
    (fours.wrapping_mul(1 + (10_000 << 32)) >> 32) as u32
}

/// A cell reference `B12"` at the start of `text`: the 0-based row and
/// column and the length up to the closing quote.
#[inline]
fn reference(text: &[u8]) -> Option<(u32, u32, usize)> {
    let letters = text.iter().take(4).take_while(|b| b.is_ascii_uppercase()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let column = text[..letters]
        .iter()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A') + 1);
    let (row, len) = number(&text[letters..])?;
    (text.get(letters + len) == Some(&b'"')).then_some((row.checked_sub(1)?, column - 1, letters + len))
}

/// The whole number (at most 9 digits, no sign) at the start of `text`
/// and its length.
#[inline]
fn number(text: &[u8]) -> Option<(u32, usize)> {
    // Row numbers and string indices are mostly 1 to 7 digits followed by
    // more text: eight bytes are read at once.
    if let Some(word) = text.get(..8) {
        let word = u64::from_le_bytes(word.try_into().ok()?);
        let digits = word.wrapping_sub(0x3030_3030_3030_3030);
        // A byte's top bit is set if it is below '0' or above '9'; borrows
        // and carries only reach the bytes after such a byte.
        let other = (digits | word.wrapping_add(0x4646_4646_4646_4646)) & 0x8080_8080_8080_8080;
        let len = other.trailing_zeros() as usize / 8;
        if (1..8).contains(&len) {
            return Some((swar_value(digits << (64 - 8 * len)), len));
        }
    }
    let mut value = 0u32;
    let mut len = 0;
    while let Some(digit) = text.get(len).map(|b| b.wrapping_sub(b'0')).filter(|d| *d <= 9) {
        if len == 9 {
            return None;
        }
        value = value * 10 + u32::from(digit);
        len += 1;
    }
    (len > 0).then_some((value, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usual_cells_and_rows() {
        let read = |t: &str| cell(t.as_bytes());
        assert_eq!(
            read(r#" r="B2"><v>1.5</v></c><c"#),
            Some((1, 1, Some(Value::Number(1.5)), 22))
        );
        assert_eq!(
            read(r#" r="AA10" s="12" t="s"><v>7</v></c>"#),
            Some((9, 26, Some(Value::Shared(7)), 35))
        );
        assert_eq!(read(r#" r="C3" s="1"/>"#), Some((2, 2, None, 15)));
        assert_eq!(
            read(r#" r="C3" t="n"><v>-2</v></c>"#),
            Some((2, 2, Some(Value::Number(-2.0)), 27))
        );
        // Other shapes are left to the general reader.
        for other in [
            r#"><v>1</v></c>"#,
            r#" r="b2"><v>1</v></c>"#,
            r#" r="B0"><v>1</v></c>"#,
            r#" r="ABCD2"><v>1</v></c>"#,
            r#" r="B2" t="b"><v>1</v></c>"#,
            r#" r="B2" t="str"><v>x</v></c>"#,
            r#" r="B2"><f>A1</f><v>1</v></c>"#,
            r#" r="B2"><v>1e5</v></c>"#,
            r#" r="B2"><v>1</v><!-- --></c>"#,
            r#" r="B2" t="s"><v>-1</v></c>"#,
            r#" r="B2" s=""><v>1</v></c>"#,
            r#" r="B2" x="1"><v>1</v></c>"#,
            r#" r="B2"><v>1</v>"#,
        ] {
            assert_eq!(read(other), None, "{other}");
        }
        assert_eq!(row(br#" r="12" spans="1:9"><c"#), Some((11, 20)));
        for digits in [
            "7",
            "12",
            "305",
            "4096",
            "99999",
            "100001",
            "1234567",
            "12345678",
            "123456789",
        ] {
            let text = format!("{digits}\"><c r=\"A1\">");
            assert_eq!(
                number(text.as_bytes()),
                Some((digits.parse().unwrap(), digits.len())),
                "{digits}"
            );
            assert_eq!(
                number(digits.as_bytes()),
                Some((digits.parse().unwrap(), digits.len())),
                "{digits}"
            );
        }
        assert_eq!(number(b"1234567890\""), None);
        assert_eq!(number(b"x1234567"), None);
        assert_eq!(row(br#" r="3"/>"#), Some((2, 8)));
        assert_eq!(row(br#" spans="1:9" r="3">"#), None);
        assert_eq!(row(br#" r="0">"#), None);
    }
}
