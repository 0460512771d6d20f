//! What a file is when it is not UTF-8 text, told from its first bytes.
//!
//! Excel's "Unicode Text" and PowerShell's default output are UTF-16: every
//! other byte of ASCII text is NUL. Read as UTF-8 such a file gives an error
//! per cell and NUL bytes on the terminal; recognising it up front gives one
//! line that says what to do.

/// Bytes looked at (16 KiB): enough to tell, cheap for any file.
pub(super) const SNIFF_BYTES: usize = 1 << 14;

/// What the first bytes of a file show it is, when not UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotUtf8 {
    Utf16,
    Utf32,
    /// A zip (`.xlsx`) or OLE (`.xls`) file.
    Workbook,
    /// NUL bytes without the UTF-16 pattern.
    Binary,
    /// Bytes that are not UTF-8 (Windows-1252, Latin-1...).
    Other,
}

impl NotUtf8 {
    /// How messages name it.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            NotUtf8::Utf16 => "UTF-16 (Excel \"Unicode Text\")",
            NotUtf8::Utf32 => "UTF-32",
            NotUtf8::Workbook => "an Excel workbook, not a CSV file",
            NotUtf8::Binary => "not text: it holds NUL bytes",
            NotUtf8::Other => "not UTF-8 (perhaps Windows-1252 or Latin-1)",
        }
    }
}

/// What `head`, the first bytes of a file (up to [`SNIFF_BYTES`] are
/// looked at), shows the file is, or `None` for UTF-8 text as far as seen.
pub(crate) fn sniff(head: &[u8]) -> Option<NotUtf8> {
    let head = &head[..head.len().min(SNIFF_BYTES)];
    if head.starts_with(b"\xFF\xFE\0\0") || head.starts_with(b"\0\0\xFE\xFF") {
        return Some(NotUtf8::Utf32);
    }
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return Some(NotUtf8::Utf16);
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"\xD0\xCF\x11\xE0") {
        return Some(NotUtf8::Workbook);
    }
    if memchr::memchr(0, head).is_some() {
        return Some(utf16_pattern(head).unwrap_or(NotUtf8::Binary));
    }
    match std::str::from_utf8(head) {
        // A character cut at the end of what was looked at is fine.
        Err(e) if e.error_len().is_some() => Some(NotUtf8::Other),
        _ => None,
    }
}

/// `Utf16` if NUL bytes fill one side of most byte pairs and not the other,
/// as in ASCII text written in UTF-16 without a byte-order mark.
fn utf16_pattern(head: &[u8]) -> Option<NotUtf8> {
    let pairs = head.len() / 2;
    let nul = |side: usize| head.chunks_exact(2).filter(|p| p[side] == 0).count();
    let (even, odd) = (nul(0), nul(1));
    let most = |n: usize| n * 10 >= pairs * 9;
    let few = |n: usize| n * 10 <= pairs;
    (pairs >= 2 && ((most(odd) && few(even)) || (most(even) && few(odd)))).then_some(NotUtf8::Utf16)
}

#[cfg(test)]
mod tests {
    use super::{NotUtf8, sniff};

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    }

    #[test]
    fn tells_utf16_with_or_without_a_byte_order_mark() {
        let text = "id,gain,risk\na,1,2\n";
        for big_endian in [false, true] {
            let mut bom = utf16("\u{feff}", big_endian);
            bom.extend(utf16(text, big_endian));
            assert_eq!(sniff(&bom), Some(NotUtf8::Utf16));
            assert_eq!(sniff(&utf16(text, big_endian)), Some(NotUtf8::Utf16));
        }
        assert_eq!(sniff(b"\xFF\xFE\0\0i\0\0\0"), Some(NotUtf8::Utf32));
    }

    #[test]
    fn tells_binary_workbooks_and_other_encodings() {
        assert_eq!(sniff(&[0; 4096]), Some(NotUtf8::Binary));
        assert_eq!(sniff(b"PK\x03\x04\x14\0"), Some(NotUtf8::Workbook));
        assert_eq!(sniff(b"id,name\na,Z\xFCrich\n"), Some(NotUtf8::Other));
        assert_eq!(sniff(b"id,name\na,Z\xC3\xBCrich\n"), None);
        assert_eq!(sniff(b"\xEF\xBB\xBFid,name\n"), None);
        // A character cut where the look stops is not an error.
        assert_eq!(sniff(b"id,Z\xC3"), None);
        assert_eq!(sniff(b""), None);
    }
}
