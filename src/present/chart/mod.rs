//! Charts, one file each: a function from a pipeline report to an SVG
//! document (a `String`).
//!
//! Adding a chart is one file: write `chart/<name>.rs` with a
//! `pub fn <name>(report: &...) -> String` built on [`Svg`], the shared
//! `header`, `x_axis` and `rows_note` below, and declare it here.
//! The `portfolio` command (budget frontier, funded cluster) is expected
//! to add `chart/portfolio.rs` this way and a section in
//! [`crate::present::report`].
//!
//! Every chart is [`WIDTH`] wide (fits a printed A4 or Letter page at
//! 96 dpi), titled, with labelled axes in their units, and shows at most
//! [`MAX_ROWS`] alternatives with a note of the rest.

mod compare;
mod cost;
mod curve;
mod rank;
mod robustness;
mod sensitivity;
mod versus;
mod weights;

pub use compare::compare;
pub use cost::{cost, cost_all};
pub use curve::curve;
pub use rank::{rank, rank_and_versus};
pub use robustness::robustness;
pub use sensitivity::sensitivity;
pub use versus::versus;
pub use weights::weights;

use crate::present::palette;
use crate::present::scale::{Linear, tick_label};
use crate::present::svg::{Anchor, Svg, TextStyle, shorten};

/// The width of every chart, in SVG user units (CSS pixels).
pub const WIDTH: f64 = 720.0;

/// The most alternatives (or rows) a chart draws; the rest are counted in
/// a note.
pub const MAX_ROWS: usize = 30;

/// Height of one bar row.
const ROW: f64 = 22.0;

/// Where the first row starts, below the title and subtitle.
const TOP: f64 = 74.0;

/// Space below the rows for the x axis, its ticks and its label.
const AXIS: f64 = 48.0;

/// The title and a muted subtitle line, each shortened to fit [`WIDTH`]
/// (about 9 and 6.5 units per character at their sizes).
fn header(svg: &mut Svg, title: &str, subtitle: &str) {
    svg.text((12.0, 24.0), &shorten(title, 74), TextStyle::title());
    svg.text(
        (12.0, 44.0),
        &shorten(subtitle, 106),
        TextStyle::label(Anchor::Start).colored(palette::MUTED),
    );
}

/// Vertical grid lines at nice ticks from `top` to `bottom`, tick labels
/// under `bottom`, and the axis label centred below them.
fn x_axis(svg: &mut Svg, x: &Linear, (top, bottom): (f64, f64), label: &str) {
    for t in x.ticks(5) {
        let at = x.at(t);
        svg.line((at, top), (at, bottom), palette::GRID, 1.0, false);
        svg.text(
            (at, bottom + 16.0),
            &tick_label(t),
            TextStyle::label(Anchor::Middle).colored(palette::MUTED),
        );
    }
    svg.line((x.from, bottom), (x.to, bottom), palette::MUTED, 1.0, false);
    svg.text(
        ((x.from + x.to) / 2.0, bottom + 36.0),
        label,
        TextStyle::label(Anchor::Middle),
    );
}

/// "… and N more not shown" under the rows when some were left out.
fn rows_note(svg: &mut Svg, y: f64, hidden: usize, what: &str) {
    if hidden > 0 {
        svg.text(
            (12.0, y),
            &format!("… and {hidden} more {what} not shown (top {MAX_ROWS} drawn)"),
            TextStyle::label(Anchor::Start).colored(palette::MUTED),
        );
    }
}

/// A number as charts print it: three decimals.
fn fixed(x: f64) -> String {
    format!("{x:.3}")
}
