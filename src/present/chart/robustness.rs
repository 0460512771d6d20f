//! SMAA rank acceptabilities as stacked bars: per alternative, the share
//! of weight draws that put it first, second, ...

use super::{AXIS, MAX_ROWS, ROW, TOP, WIDTH, fixed, header, rows_note, x_axis};
use crate::pipeline::robustness::RobustnessReport;
use crate::present::palette;
use crate::present::scale::Linear;
use crate::present::svg::{Anchor, Svg, TextStyle, shorten};

/// Ranks drawn in their own colour; later ranks share one grey segment.
const COLOURED: usize = 6;

/// Width of the alternative labels.
const LABELS: f64 = 150.0;

/// Grey of the "later ranks" segment.
const LATER: &str = "#bdbdbd";

/// The rank acceptabilities of `report` as stacked bars, in the order of
/// the ranking at the given weights.
///
/// ```
/// use innorank::pipeline::robustness::{RobustnessOptions, robustness};
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: s
/// criteria: [{id: cost, direction: cost}, {id: gain}]
/// alternatives:
///   - {id: a, scores: {cost: 1, gain: 1}}
///   - {id: b, scores: {cost: 2, gain: 3}}
/// "#, "s.yaml").unwrap();
/// let options = RobustnessOptions { draws: 200, ..Default::default() };
/// let r = robustness(&p, &options, &|_| {}).unwrap();
/// assert!(innorank::present::chart::robustness(&r).contains("rank 1"));
/// ```
pub fn robustness(report: &RobustnessReport<'_>) -> String {
    let mut order: Vec<usize> = (0..report.alternatives.len()).collect();
    order.sort_by_key(|&i| (report.alternatives[i].base_rank, i));
    let shown = order.len().min(MAX_ROWS);
    let rows = shown.max(1);
    let height = TOP + 18.0 + rows as f64 * ROW + AXIS + 24.0;
    let mut svg = Svg::new(WIDTH, height);
    header(
        &mut svg,
        &format!("How sure is the ranking: {}", report.problem.name()),
        &format!(
            "Share of {} random weight draws giving each rank · rows in the order of the ranking",
            report.draws
        ),
    );
    let coloured = report.ranks.min(COLOURED);
    legend(&mut svg, coloured, report.ranks > coloured);
    let x = Linear {
        lo: 0.0,
        hi: 1.0,
        from: LABELS,
        to: WIDTH - 70.0,
    };
    let top = TOP + 18.0;
    x_axis(
        &mut svg,
        &x,
        (top, top + rows as f64 * ROW),
        "Share of draws (rank acceptability)",
    );
    let ids = report.problem.alternatives();
    for (row, &i) in order.iter().take(shown).enumerate() {
        let a = &report.alternatives[i];
        let y = top + row as f64 * ROW;
        let mut at = 0.0;
        for (k, &b) in a.acceptability.iter().enumerate().take(coloured) {
            let tip = format!("{}: rank {} in {}% of draws", ids.id(a.index), k + 1, fixed(b * 100.0));
            svg.rect_titled(
                x.at(at),
                y + 3.0,
                x.at(at + b) - x.at(at),
                ROW - 6.0,
                palette::series(k),
                &tip,
            );
            at += b;
        }
        let rest = (1.0 - at).max(0.0);
        svg.rect_titled(
            x.at(at),
            y + 3.0,
            x.at(at + rest) - x.at(at),
            ROW - 6.0,
            LATER,
            "later ranks",
        );
        svg.text(
            (LABELS - 6.0, y + 15.0),
            &format!("{}. {}", a.base_rank, shorten(ids.id(a.index), 16)),
            TextStyle::label(Anchor::End),
        );
        let first = a.acceptability.first().copied().unwrap_or(0.0);
        svg.text(
            (x.to + 6.0, y + 15.0),
            &format!("b1 {}", fixed(first)),
            TextStyle::label(Anchor::Start).colored(palette::MUTED),
        );
    }
    rows_note(&mut svg, height - 8.0, order.len() - shown, "alternatives");
    svg.finish(&format!("Rank acceptabilities of {}", report.problem.name()))
}

/// The key: one swatch per coloured rank, and the grey of later ranks.
fn legend(svg: &mut Svg, coloured: usize, later: bool) {
    let y = TOP;
    let mut x = LABELS;
    for k in 0..coloured {
        svg.rect(x, y - 9.0, 12.0, 10.0, palette::series(k));
        svg.text(
            (x + 15.0, y),
            &format!("rank {}", k + 1),
            TextStyle::label(Anchor::Start),
        );
        x += 64.0;
    }
    if later {
        svg.rect(x, y - 9.0, 12.0, 10.0, LATER);
        svg.text((x + 15.0, y), "later", TextStyle::label(Anchor::Start));
    }
}
