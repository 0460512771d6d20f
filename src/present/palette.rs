//! Colours: the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal
//! Design"), whose eight colours stay distinct under the common forms of
//! colour blindness, plus greys for text and grid lines.

/// The palette's colours other than black, most distinct first.
pub const SERIES: [&str; 7] = [BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, YELLOW];

/// Okabe-Ito orange.
pub const ORANGE: &str = "#e69f00";
/// Okabe-Ito sky blue.
pub const SKY: &str = "#56b4e9";
/// Okabe-Ito bluish green.
pub const GREEN: &str = "#009e73";
/// Okabe-Ito yellow.
pub const YELLOW: &str = "#f0e442";
/// Okabe-Ito blue: the default bar colour.
pub const BLUE: &str = "#0072b2";
/// Okabe-Ito vermillion: warnings (inconsistent, critical, threshold).
pub const VERMILLION: &str = "#d55e00";
/// Okabe-Ito reddish purple.
pub const PURPLE: &str = "#cc79a7";
/// Text.
pub const TEXT: &str = "#222222";
/// Secondary text (notes, tick labels).
pub const MUTED: &str = "#595959";
/// Grid lines and axes.
pub const GRID: &str = "#d9d9d9";
/// Bars that are present but not the point (e.g. below a threshold).
pub const PALE: &str = "#a6cbe3";

/// The colour of series `i`, cycling through [`SERIES`].
pub fn series(i: usize) -> &'static str {
    SERIES[i % SERIES.len()]
}
