//! Plain decimal cells (`-?digits[.digits]`), parsed in one pass.
//!
//! Most generated data is written this way, and recognising the form is
//! what lets output echo a cell's text (see `ScoreText`), so the check and
//! the parse are done together.

/// Powers of ten that `f64` holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Work generic over a cell parser, so that [`with_leading`] can hand it
/// [`leading`] as a type (inlined into the row loop) rather than as a
/// function pointer called once per cell.
pub trait WithLeading {
    /// What the work gives.
    type Output;

    /// Does the work with `leading`, which parses a plain decimal at the
    /// start of a field.
    fn run<L: Fn(&[u8]) -> Option<(f64, usize)> + Copy>(self, leading: L) -> Self::Output;
}

/// Runs `work` with [`leading`] for fields separated by `delimiter`,
/// decimal commas in `;`-separated files: one instance per separator, so
/// the separator costs nothing per byte.
pub fn with_leading<W: WithLeading>(delimiter: u8, work: W) -> W::Output {
    match delimiter {
        b';' => work.run(leading::<b',', b';'>),
        b'\t' => work.run(leading::<b'.', b'\t'>),
        b'|' => work.run(leading::<b'.', b'|'>),
        _ => work.run(leading::<b'.', b','>),
    }
}

/// The plain decimal at the start of `text` and its length, if one ends
/// there at the field separator `END` or at the end of `text`: a cell
/// written `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, the number syntax CSV readers
/// and JSON share, with `POINT` for the dot (`,` in files that write
/// decimal commas). `None` for anything else (spaces, `+`, exponents,
/// `.5`, `007`...), which the general parser then handles.
///
/// Exactly `str::parse::<f64>`: with at most 15 significant digits and 22
/// decimals, the digits and the power of ten are exact doubles and their
/// quotient is rounded once, hence correctly (Clinger 1990); longer cells
/// go to `str::parse`.
#[inline]
pub fn leading<const POINT: u8, const END: u8>(text: &[u8]) -> Option<(f64, usize)> {
    let negative = text.first() == Some(&b'-');
    let start = usize::from(negative);
    let mut mantissa = 0u64;
    let int_end = digits(text, start, &mut mantissa);
    let int = &text[start..int_end];
    if int.is_empty() || (int.len() > 1 && int[0] == b'0') {
        return None;
    }
    let mut end = int_end;
    if text.get(end) == Some(&POINT) {
        end = digits(text, end + 1, &mut mantissa);
        if end == int_end + 1 {
            return None;
        }
    }
    if text.get(end).is_some_and(|&b| b != END) {
        return None;
    }
    let decimals = end - int_end - usize::from(end > int_end);
    // Significant digits: all of them, less the zeros that lead `0.00x`.
    let mut significant = int.len() + decimals;
    if significant > 15 && int == b"0" {
        significant -= 1 + text[int_end + 1..end].iter().take_while(|&&b| b == b'0').count();
    }
    let value = if significant <= 15 && decimals < POW10.len() {
        mantissa as f64 / POW10[decimals]
    } else {
        // A sign, ASCII digits and a point: valid UTF-8, and a valid
        // number once the point is a dot.
        let number = std::str::from_utf8(&text[start..end]).ok()?;
        if POINT == b'.' {
            number.parse().ok()?
        } else {
            number.replacen(char::from(POINT), ".", 1).parse().ok()?
        }
    };
    Some((if negative { -value } else { value }, end))
}

/// Reads the digits of `text` from `i` into `mantissa` (wrapping past 19
/// digits, when the caller does not use it) and returns where they end.
/// Eight bytes are looked at at once (SWAR), since most cells are short
/// runs of digits.
fn digits(text: &[u8], mut i: usize, mantissa: &mut u64) -> usize {
    while let Some(word) = text.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        let word = u64::from_le_bytes(word);
        let values = word.wrapping_sub(0x3030_3030_3030_3030);
        // A byte's top bit is set here if it is below '0' or above '9';
        // borrows and carries only reach bytes after such a byte.
        let stop = (values | word.wrapping_add(0x4646_4646_4646_4646)) & 0x8080_8080_8080_8080;
        let n = if stop == 0 {
            8
        } else {
            stop.trailing_zeros() as usize / 8
        };
        if n > 0 {
            // The n digits, first one last, padded with zeros in front.
            let run = values << (8 * (8 - n));
            *mantissa = mantissa.wrapping_mul(POW10_U64[n]).wrapping_add(eight_digits(run));
            i += n;
        }
        if n < 8 {
            return i;
        }
    }
    while let Some(&b) = text.get(i) {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        *mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(d));
        i += 1;
    }
    i
}

/// `10^n` for `n` up to 8.
const POW10_U64: [u64; 9] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

/// The number whose eight decimal digits are the bytes of `v` (values 0 to
/// 9, the first digit in the lowest byte): pairs, then quads, then all.
fn eight_digits(v: u64) -> u64 {
    let v = (v.wrapping_mul(10) + (v >> 8)) & 0x00ff_00ff_00ff_00ff;
    let v = (v.wrapping_mul(100) + (v >> 16)) & 0x0000_ffff_0000_ffff;
    (v.wrapping_mul(10_000) + (v >> 32)) & 0xffff_ffff
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// [`super::leading`] for comma-separated files.
    fn leading(text: &[u8]) -> Option<(f64, usize)> {
        super::leading::<b'.', b','>(text)
    }

    /// The value of a whole cell.
    fn plain(cell: &[u8]) -> Option<f64> {
        leading(cell)
            .filter(|&(_, len)| len == cell.len())
            .map(|(value, _)| value)
    }

    #[test]
    fn accepts_plain_decimals_only() {
        for (text, value) in [
            ("0", 0.0),
            ("-0", -0.0),
            ("12", 12.0),
            ("3.25", 3.25),
            ("-0.001", -0.001),
        ] {
            assert_eq!(
                plain(text.as_bytes()).map(f64::to_bits),
                Some(f64::to_bits(value)),
                "{text}"
            );
        }
        for text in [
            "", "-", ".5", "5.", "007", "+5", "1e3", " 5", "5 ", "1,5", "0x10", "--1", "1.2.3", "inf", "NaN",
        ] {
            assert_eq!(plain(text.as_bytes()), None, "{text:?}");
        }
    }

    #[test]
    fn leading_stops_at_a_comma() {
        assert_eq!(leading(b"2.5,x"), Some((2.5, 3)));
        assert_eq!(leading(b"-7"), Some((-7.0, 2)));
        assert_eq!(leading(b"2.5x,1"), None);
        assert_eq!(leading(b",1"), None);
    }

    /// [`super::leading`] as [`super::with_leading`] picks it for `delimiter`.
    fn leading_for(delimiter: u8) -> impl Fn(&[u8]) -> Option<(f64, usize)> {
        struct Cell<'t>(&'t [u8]);
        impl super::WithLeading for Cell<'_> {
            type Output = Option<(f64, usize)>;
            fn run<L: Fn(&[u8]) -> Option<(f64, usize)> + Copy>(self, leading: L) -> Self::Output {
                leading(self.0)
            }
        }
        move |text| super::with_leading(delimiter, Cell(text))
    }

    #[test]
    fn decimal_commas_end_at_a_semicolon() {
        let comma = leading_for(b';');
        assert_eq!(comma(b"8,25;x"), Some((8.25, 4)));
        assert_eq!(comma(b"-0,5"), Some((-0.5, 4)));
        assert_eq!(comma(b"12345678901234567,25"), Some((12345678901234567.25, 20)));
        for text in ["8.25", "1.234,5", "8,25,1", "8,", ",5", "8;"] {
            let whole = comma(text.as_bytes()).filter(|&(_, n)| n == text.len());
            assert_eq!(whole, None, "{text}");
        }
        assert_eq!(comma(b"8;"), Some((8.0, 1)));
        assert_eq!(leading_for(b'\t')(b"2.5\t1"), Some((2.5, 3)));
    }

    #[test]
    fn long_cells_are_still_exact() {
        for text in [
            "12345678901234567890",
            "0.1000000000000000055511151231257827",
            "9007199254740993",
        ] {
            assert_eq!(plain(text.as_bytes()), text.parse().ok(), "{text}");
        }
    }

    /// `leading` written the obvious way, one byte at a time.
    fn reference(text: &[u8]) -> Option<(u64, usize)> {
        let end = text.iter().position(|&b| b == b',').unwrap_or(text.len());
        let cell = std::str::from_utf8(&text[..end]).ok()?;
        let digits = cell.strip_prefix('-').unwrap_or(cell);
        let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let ok = all_digits(int) && (int == "0" || !int.starts_with('0')) && frac.is_none_or(all_digits);
        ok.then(|| (cell.parse::<f64>().unwrap().to_bits(), end))
    }

    #[test]
    fn leading_zeros_of_fractions_are_not_significant() {
        for text in [
            "0.0000000000000001234",
            "-0.00000000000000000000123456789012345",
            "0.1234567890123456",
        ] {
            assert_eq!(plain(text.as_bytes()), text.parse().ok(), "{text}");
        }
    }

    proptest! {
        #[test]
        fn same_as_the_obvious_way(text in "[-0-9.,x ]{0,30}") {
            let found = leading(text.as_bytes()).map(|(v, n)| (v.to_bits(), n));
            prop_assert_eq!(found, reference(text.as_bytes()), "{:?}", text);
        }

        #[test]
        fn same_as_std_parse(int in 0u64..10_000_000_000_000_000, frac in "[0-9]{0,25}", negative: bool) {
            let text = format!("{}{int}{}{frac}", if negative { "-" } else { "" }, if frac.is_empty() { "" } else { "." });
            let expected: f64 = text.parse().unwrap();
            prop_assert_eq!(plain(text.as_bytes()).map(f64::to_bits), Some(expected.to_bits()), "{}", text);
        }
    }
}
