//! Numbers in messages, written as a person writes them.

use std::fmt;

/// A number as a person writes it: Rust's shortest round-trip form between
/// 10^-6 and 10^15 (and for zero), scientific notation outside, where `{}`
/// would write `1e308` out as 309 digits and `1e-300` as 301 zeros.
///
/// Used by every library `Display` that shows a user's number (screening
/// reasons, cost curves, warnings); tables and CSV have their own
/// formatters.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Readable(pub f64);

impl fmt::Display for Readable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if x == 0.0 || !x.is_finite() || (1e-6..1e15).contains(&x.abs()) {
            write!(f, "{x}")
        } else {
            write!(f, "{x:e}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Readable;

    #[test]
    fn plain_in_the_middle_scientific_at_the_ends() {
        let shown = |x: f64| Readable(x).to_string();
        assert_eq!(shown(0.0), "0");
        assert_eq!(shown(8.25), "8.25");
        assert_eq!(shown(-2500.0), "-2500");
        assert_eq!(shown(0.000_001), "0.000001");
        assert_eq!(shown(999_999_999_999_999.0), "999999999999999");
        assert_eq!(shown(1e15), "1e15");
        assert_eq!(shown(1.5e308), "1.5e308");
        assert_eq!(shown(-1.7e308), "-1.7e308");
        assert_eq!(shown(1e-300), "1e-300");
        assert_eq!(shown(5e-324), "5e-324");
    }
}
