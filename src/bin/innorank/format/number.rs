//! Numbers as text. For people (tables, Markdown, messages):
//! [`decimals`] (a fixed count of decimals), [`short`] (at most 4) and
//! [`exact`] (as typed). For machines (CSV cells): [`round_trip`].

/// From this magnitude on, numbers for people are written in scientific
/// notation (`1.5e308`) instead of hundreds of digits.
const SCIENTIFIC_FROM: f64 = 1e15;

/// What tables show for a number that is not finite (NaN or infinite): no
/// made-up digits. CSV leaves such a cell empty and JSON writes `null`.
pub const NOT_A_NUMBER: &str = "n/a";

/// A number for people: `digits` decimals (`0.7694`); from 1e15 on, at
/// most `digits` decimals in scientific notation (`1.5e308`); `n/a` if it
/// is not finite.
pub fn decimals(x: f64, digits: usize) -> String {
    if !x.is_finite() {
        NOT_A_NUMBER.to_owned()
    } else if x.abs() >= SCIENTIFIC_FROM {
        scientific(x, digits)
    } else {
        format!("{x:.digits$}")
    }
}

/// A number for people in at most 4 decimals, without trailing zeros: `52.3996`, `0.5`, `2500`;
/// scientific notation from 1e15 on and for a value that is not 0 but
/// would show as `0` (`1.5e308`, `1e-300`); `n/a` if it is not finite.
pub fn short(v: f64) -> String {
    if !v.is_finite() {
        return NOT_A_NUMBER.to_owned();
    }
    if v.abs() >= SCIENTIFIC_FROM {
        return scientific(v, 4);
    }
    let text = format!("{v:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "0" | "-0" if v != 0.0 => scientific(v, 4),
        "-0" => "0".to_owned(),
        _ => text.to_owned(),
    }
}

/// `x` (finite, not 0) in scientific notation with at most `digits`
/// decimals, without trailing zeros: `1e308`, `-1.7e308`, `1.2346e-7`.
fn scientific(x: f64, digits: usize) -> String {
    let text = format!("{x:.digits$e}");
    match text.split_once('e') {
        Some((mantissa, exponent)) if mantissa.contains('.') => {
            format!("{}e{exponent}", mantissa.trim_end_matches('0').trim_end_matches('.'))
        }
        _ => text,
    }
}

/// A number for people written in full, as typed in a file or on the
/// command line (`0.6`, `1e300`): [`round_trip`], or `n/a` if it is not finite.
pub fn exact(x: f64) -> String {
    if x.is_finite() {
        round_trip(x)
    } else {
        NOT_A_NUMBER.to_owned()
    }
}

/// A number for machines, as CSV cells write it: the shortest text that
/// reads back exactly (`3`, `0.25`, `1e308`, `5e-324`); empty if it is not
/// finite (JSON writes `null` there).
pub fn round_trip(x: f64) -> String {
    let mut buf = Vec::new();
    write_value(&mut buf, &mut ryu::Buffer::new(), &mut itoa::Buffer::new(), x);
    String::from_utf8_lossy(&buf).into_owned()
}

/// Writes a value in the shortest form that reads back exactly: integers
/// as integers (`3`), others as ryu would (`0.25`, `5.8e-5`, `1e308`).
/// Values with at most six decimals (most input data) take a fast path that
/// gives the same text: `v == m / 10^k` exactly for the smallest such `k`,
/// so `m` with `k` decimals is the shortest decimal that rounds to `v`
/// (below 1e9, decimals 1e-6 apart are several ulps apart). A value that is
/// not finite writes nothing (an empty cell): ryu's text for it would be
/// made up.
pub(super) fn write_value(buf: &mut Vec<u8>, floats: &mut ryu::Buffer, ints: &mut itoa::Buffer, v: f64) {
    if !v.is_finite() {
        return;
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        buf.extend_from_slice(ints.format(v as i64).as_bytes());
        return;
    }
    if v.abs() < 1e9 && v.abs() >= 1e-4 {
        let m = (v * 1e6).round();
        if m / 1e6 == v {
            // Drop the trailing zeros of the six decimals.
            let (mut digits, mut k) = (m.abs() as u64, 6u32);
            while digits % 10 == 0 && k > 0 {
                digits /= 10;
                k -= 1;
            }
            let unit = 10u64.pow(k);
            if v < 0.0 {
                buf.push(b'-');
            }
            buf.extend_from_slice(ints.format(digits / unit).as_bytes());
            if k > 0 {
                buf.push(b'.');
                let fraction = ints.format(digits % unit);
                buf.extend(std::iter::repeat_n(b'0', k as usize - fraction.len()));
                buf.extend_from_slice(fraction.as_bytes());
            }
            return;
        }
    }
    buf.extend_from_slice(floats.format_finite(v).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::{decimals, exact, round_trip, short};

    const NOT_FINITE: [f64; 3] = [f64::INFINITY, f64::NEG_INFINITY, f64::NAN];

    #[test]
    fn decimals_writes_decimals_then_scientific_notation_and_never_made_up_digits() {
        assert_eq!(decimals(0.76942, 4), "0.7694");
        assert_eq!(decimals(123_456_789_012_345.0, 2), "123456789012345.00");
        assert_eq!(decimals(1e15, 4), "1e15");
        assert_eq!(decimals(1e308, 4), "1e308");
        assert_eq!(decimals(-1.7e308, 3), "-1.7e308");
        assert_eq!(decimals(f64::MAX, 4), "1.7977e308");
        assert_eq!(decimals(1e-300, 4), "0.0000");
        for x in NOT_FINITE {
            assert_eq!(decimals(x, 4), "n/a");
        }
    }

    #[test]
    fn short_never_hides_a_value_in_hundreds_of_digits_or_a_zero() {
        assert_eq!(short(52.39962), "52.3996");
        assert_eq!(short(2500.0), "2500");
        assert_eq!(short(-0.0), "0");
        assert_eq!(short(-0.00001), "-1e-5");
        assert_eq!(short(1e-300), "1e-300");
        assert_eq!(short(1.234_567e-7), "1.2346e-7");
        assert_eq!(short(f64::MIN_POSITIVE / 4.0), "5.5627e-309");
        assert_eq!(short(999_999_999_999_999.0), "999999999999999");
        assert_eq!(short(1.5e308), "1.5e308");
        assert_eq!(short(-f64::MAX), "-1.7977e308");
        for x in NOT_FINITE {
            assert_eq!(short(x), "n/a");
        }
    }

    #[test]
    fn round_trip_is_the_shortest_text_that_reads_back_and_empty_when_not_finite() {
        for (x, text) in [
            (3.0, "3"),
            (0.25, "0.25"),
            (-0.0, "0"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e16"),
            (1e308, "1e308"),
            (f64::MAX, "1.7976931348623157e308"),
            (-f64::MAX, "-1.7976931348623157e308"),
            (1e-7, "1e-7"),
            (5e-324, "5e-324"),
        ] {
            assert_eq!(round_trip(x), text);
            assert_eq!(text.parse::<f64>().unwrap(), x);
        }
        for x in NOT_FINITE {
            assert_eq!(round_trip(x), "");
            assert_eq!(exact(x), "n/a");
        }
        assert_eq!(exact(0.6), "0.6");
        assert_eq!(exact(1e300), "1e300");
    }

    #[test]
    fn no_formatter_writes_more_than_a_few_dozen_characters() {
        let mut x: f64 = 1e-320;
        while x.is_finite() {
            for v in [x, -x, x * 1.234_567_891_234_5] {
                for text in [decimals(v, 4), short(v), round_trip(v)] {
                    assert!(text.len() <= 28, "{v:e}: {text}");
                }
            }
            x *= 7.3;
        }
    }
}
