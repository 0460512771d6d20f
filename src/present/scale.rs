//! Scales: data values to drawing coordinates, and the ticks of an axis.
//!
//! Ticks are "nice" numbers, 1, 2 or 5 times a power of ten (Heckbert,
//! "Nice numbers for graph labels", Graphics Gems, 1990), so a reader can
//! interpolate between them.
//!
//! [`x_axis`] and [`y_axis`] draw an axis along any [`Scale`]: its grid
//! lines, tick labels and title, the same way in every chart.

use crate::present::palette;
use crate::present::svg::{Anchor, Svg, TextStyle};

/// A map from data to one drawing coordinate that an axis can be drawn
/// along.
pub trait Scale {
    /// The drawing coordinate of `x`.
    fn at(&self, x: f64) -> f64;
    /// The values the axis marks.
    fn marks(&self) -> Vec<f64>;
    /// The drawing coordinates of the axis's two ends.
    fn ends(&self) -> (f64, f64);
    /// How a mark is labelled.
    fn label(&self, mark: f64) -> String {
        tick_label(mark)
    }
}

/// A linear scale around 0 whose marks are labelled with their magnitude:
/// both sides of a diverging bar chart read as "by how much".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Magnitude(pub Linear);

/// Ticks a diverging axis aims at (an even count keeps 0 among them).
const MAGNITUDE_TICKS: usize = 6;

impl Scale for Magnitude {
    fn at(&self, x: f64) -> f64 {
        self.0.at(x)
    }
    fn marks(&self) -> Vec<f64> {
        self.0.ticks(MAGNITUDE_TICKS)
    }
    fn ends(&self) -> (f64, f64) {
        (self.0.from, self.0.to)
    }
    fn label(&self, mark: f64) -> String {
        tick_label(mark.abs())
    }
}

/// Ticks a linear axis aims at.
const LINEAR_TICKS: usize = 5;

impl Scale for Linear {
    fn at(&self, x: f64) -> f64 {
        Linear::at(self, x)
    }
    fn marks(&self) -> Vec<f64> {
        self.ticks(LINEAR_TICKS)
    }
    fn ends(&self) -> (f64, f64) {
        (self.from, self.to)
    }
}

impl Scale for Log {
    fn at(&self, x: f64) -> f64 {
        Log::at(self, x)
    }
    fn marks(&self) -> Vec<f64> {
        self.ticks()
    }
    fn ends(&self) -> (f64, f64) {
        (self.from, self.to)
    }
}

/// A horizontal axis: grid lines at `x`'s ticks from `top` to `bottom`,
/// the axis line and tick labels at `bottom`, and `label` centred below.
pub fn x_axis(svg: &mut Svg, x: &impl Scale, (top, bottom): (f64, f64), label: &str) {
    for t in x.marks() {
        let at = x.at(t);
        svg.line((at, top), (at, bottom), palette::GRID, 1.0, false);
        svg.text(
            (at, bottom + 16.0),
            &x.label(t),
            TextStyle::label(Anchor::Middle).colored(palette::MUTED),
        );
    }
    let (from, to) = x.ends();
    svg.line((from, bottom), (to, bottom), palette::MUTED, 1.0, false);
    svg.text(
        ((from + to) / 2.0, bottom + 36.0),
        label,
        TextStyle::label(Anchor::Middle),
    );
}

/// Both axes of a plot whose area is where `x` and `y` map to: `x`
/// along the bottom, `y` up the left side, each with its label.
pub fn axes(svg: &mut Svg, x: &impl Scale, y: &impl Scale, (x_label, y_label): (&str, &str)) {
    let ((left, right), (bottom, top)) = (x.ends(), y.ends());
    x_axis(svg, x, (top, bottom), x_label);
    y_axis(svg, y, (left, right), y_label);
}

/// A vertical axis: grid lines at `y`'s ticks from `left` to `right`, the
/// axis line and tick labels at `left`, and `label` turned upright near
/// the chart's left edge.
pub fn y_axis(svg: &mut Svg, y: &impl Scale, (left, right): (f64, f64), label: &str) {
    for t in y.marks() {
        let at = y.at(t);
        svg.line((left, at), (right, at), palette::GRID, 1.0, false);
        svg.text(
            (left - 6.0, at + 4.0),
            &y.label(t),
            TextStyle::label(Anchor::End).colored(palette::MUTED),
        );
    }
    let (bottom, top) = y.ends();
    svg.line((left, top), (left, bottom), palette::MUTED, 1.0, false);
    svg.text_vertical((18.0, (top + bottom) / 2.0), label, TextStyle::label(Anchor::Middle));
}

/// A linear map from the data interval `[lo, hi]` to the drawing interval
/// `[from, to]` (which may run backwards, as a vertical axis does).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    /// Data interval.
    pub lo: f64,
    /// Data interval's upper end.
    pub hi: f64,
    /// Drawing coordinate of `lo`.
    pub from: f64,
    /// Drawing coordinate of `hi`.
    pub to: f64,
}

impl Linear {
    /// The map from the data interval `(lo, hi)` to the drawing interval
    /// `(from, to)`.
    pub fn new((lo, hi): (f64, f64), (from, to): (f64, f64)) -> Self {
        Linear { lo, hi, from, to }
    }

    /// The drawing coordinate of `x`; an empty data interval maps every
    /// value to `from`.
    pub fn at(&self, x: f64) -> f64 {
        let span = self.hi - self.lo;
        if span.abs() < f64::MIN_POSITIVE || !x.is_finite() {
            return self.from;
        }
        self.from + (x - self.lo) / span * (self.to - self.from)
    }

    /// About `count` nice ticks covering `[lo, hi]`.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        nice_ticks(self.lo, self.hi, count)
    }
}

/// A base-10 logarithmic map from `[lo, hi]` (both > 0) to `[from, to]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Log {
    /// Data interval, > 0.
    pub lo: f64,
    /// Data interval's upper end.
    pub hi: f64,
    /// Drawing coordinate of `lo`.
    pub from: f64,
    /// Drawing coordinate of `hi`.
    pub to: f64,
}

impl Log {
    /// The drawing coordinate of `x` (> 0; smaller values map to `from`).
    pub fn at(&self, x: f64) -> f64 {
        let (lo, hi) = (
            self.lo.max(f64::MIN_POSITIVE).log10(),
            self.hi.max(f64::MIN_POSITIVE).log10(),
        );
        if x <= 0.0 || (hi - lo).abs() < f64::MIN_POSITIVE {
            return self.from;
        }
        self.from + (x.log10() - lo) / (hi - lo) * (self.to - self.from)
    }

    /// The powers of ten within `[lo, hi]`; over at most four
    /// decades also 2 and 5 times them, so the axis has enough labels.
    pub fn ticks(&self) -> Vec<f64> {
        if !(self.lo > 0.0 && self.hi >= self.lo) {
            return Vec::new();
        }
        let first = self.lo.log10().floor() as i32;
        let last = self.hi.log10().ceil() as i32;
        let steps: &[f64] = if last - first <= 4 { &[1.0, 2.0, 5.0] } else { &[1.0] };
        (first..=last)
            .flat_map(|e| steps.iter().map(move |m| m * 10f64.powi(e)))
            .filter(|&t| t >= self.lo * (1.0 - 1e-9) && t <= self.hi * (1.0 + 1e-9))
            .collect()
    }
}

/// About `count` (>= 1) ticks at 1, 2 or 5 times a power of ten, from the
/// first at or above `lo` to the last at or below `hi`; none for a
/// non-finite or empty interval.
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return Vec::new();
    }
    let raw = (hi - lo) / count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|&s| s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).ceil();
    let last = (hi / step + 1e-9).floor();
    // Multiples of the step, so 0.1 * 3 prints as 0.3, not 0.30000000000000004.
    (first as i64..=last as i64)
        .map(|k| round_to(k as f64 * step, step))
        .collect()
}

/// `x` rounded to the decimals `step` shows.
fn round_to(x: f64, step: f64) -> f64 {
    let decimals = (-step.log10().floor()).max(0.0) as i32;
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

/// A tick label: up to three significant decimals, thousands as `k`,
/// millions as `M` (`1000000` is `1M`).
pub fn tick_label(x: f64) -> String {
    let a = x.abs();
    if a >= 1e6 {
        format!("{}M", trimmed(x / 1e6))
    } else if a >= 1e4 {
        format!("{}k", trimmed(x / 1e3))
    } else {
        trimmed(x)
    }
}

/// `x` with up to three decimals, trailing zeros dropped: `5000`,
/// `0.25`, `6368.859`.
pub fn trimmed(x: f64) -> String {
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".to_owned() } else { s.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks_of_the_unit_interval() {
        assert_eq!(nice_ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(0.0, 0.3, 3), vec![0.0, 0.1, 0.2, 0.3]);
        assert!(nice_ticks(1.0, 1.0, 5).is_empty());
        assert!(nice_ticks(0.0, f64::NAN, 5).is_empty());
    }

    #[test]
    fn linear_and_log_maps() {
        let x = Linear {
            lo: 0.0,
            hi: 1.0,
            from: 100.0,
            to: 300.0,
        };
        assert_eq!((x.at(0.5), x.at(f64::NAN)), (200.0, 100.0));
        let y = Log {
            lo: 1e3,
            hi: 1e6,
            from: 0.0,
            to: 300.0,
        };
        assert!((y.at(1e4) - 100.0).abs() < 1e-9);
        assert_eq!(y.ticks(), vec![1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6]);
        let wide = Log {
            lo: 1.0,
            hi: 1e7,
            from: 0.0,
            to: 1.0,
        };
        assert_eq!(wide.ticks().len(), 8);
    }

    #[test]
    fn tick_labels_are_short() {
        let labels: Vec<String> = [0.2, 1000.0, 50_000.0, 2e6].iter().map(|&x| tick_label(x)).collect();
        assert_eq!(labels, ["0.2", "1000", "50k", "2M"]);
    }
}
