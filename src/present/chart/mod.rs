//! Charts, one file each: a function from a pipeline report to an SVG
//! document (a `String`).
//!
//! Adding a chart is one file: write `chart/<name>.rs` with a
//! `pub fn <name>(report: &...) -> String` built on [`Svg`], the shared
//! `header` and `rows_note` below, the axes of [`crate::present::scale`], and declare it here.
//! The `portfolio` command's chart (budget frontier, funded cluster) is
//! `chart/portfolio.rs`, added this way.
//!
//! Every chart is [`WIDTH`] wide (fits a printed A4 or Letter page at
//! 96 dpi), titled, with labelled axes in their units, and shows at most
//! [`MAX_ROWS`] alternatives with a note of the rest.

mod compare;
mod cost;
mod curve;
mod portfolio;
mod rank;
mod robustness;
mod sensitivity;
mod versus;
mod weights;

pub use compare::compare;
pub use cost::{cost, cost_all};
pub use curve::curve;
pub use portfolio::{portfolio, portfolio_budgets};
pub use rank::{rank, rank_and_versus};
pub use robustness::robustness;
pub use sensitivity::sensitivity;
pub use versus::versus;
pub use weights::weights;

use crate::present::palette;
// Every chart draws its axes with the one helper of `scale`.
use crate::present::scale::x_axis;
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

/// Entry `row` of a legend whose top left corner is `(left, top)`: a
/// short line in the series' colour and dash, and its name.
fn legend(svg: &mut Svg, (left, top): (f64, f64), row: usize, (name, colour, dashed): (&str, &str, bool)) {
    let y = top + 14.0 + row as f64 * 18.0;
    svg.line((left, y - 4.0), (left + 20.0, y - 4.0), colour, 2.5, dashed);
    svg.text((left + 24.0, y), name, TextStyle::label(Anchor::Start));
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
