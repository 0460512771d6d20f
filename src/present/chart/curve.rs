//! The gradient plot of `sensitivity --curve NODE`: each alternative's
//! score against the node's weight, the current weight marked, the
//! crossings with the leader labelled (Expert Choice's gradient view).

use super::{WIDTH, header, legend};
use crate::pipeline::sensitivity::Curve;
use crate::present::palette;
use crate::present::scale::{Linear, axes};
use crate::present::svg::{Anchor, Svg, TextStyle, shorten};

/// Alternatives drawn in colour (with a legend entry); the rest are thin
/// grey lines.
const COLOURED: usize = 7;

/// Alternatives drawn at all.
const DRAWN: usize = super::MAX_ROWS;

/// Height of the chart.
const HEIGHT: f64 = 440.0;

/// Plot area: left, right, top, bottom.
const AREA: (f64, f64, f64, f64) = (70.0, WIDTH - 150.0, 64.0, HEIGHT - 56.0);

/// The gradient plot of `curve`.
///
/// ```
/// use innorank::pipeline::sensitivity::curve;
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: s
/// criteria: [{id: cost, direction: cost, weight: 1}, {id: gain, weight: 1}]
/// alternatives:
///   - {id: a, scores: {cost: 1, gain: 1}}
///   - {id: b, scores: {cost: 2, gain: 3}}
/// "#, "s.yaml").unwrap();
/// let c = curve(&p, &Default::default(), "cost", 10).unwrap();
/// assert!(innorank::present::chart::curve(&c).contains("current weight"));
/// ```
pub fn curve(curve: &Curve<'_>) -> String {
    let ids = curve.problem.alternatives();
    let mut svg = Svg::new(WIDTH, HEIGHT);
    header(
        &mut svg,
        &format!("Scores as the weight of {} moves", shorten(&curve.node, 30)),
        "The other criteria keep their proportions · ● where an alternative overtakes the leader",
    );
    let (lo, hi) = curve
        .series
        .iter()
        .take(DRAWN)
        .flat_map(|s| s.1.iter().copied())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(x), b.max(x)));
    let (lo, hi) = if lo < hi { (lo, hi) } else { (0.0, 1.0) };
    let pad = (hi - lo) * 0.05;
    let x = Linear::new((0.0, 1.0), (AREA.0, AREA.1));
    let y = Linear::new((lo - pad, hi + pad), (AREA.3, AREA.2));
    let x_label = format!("Global weight of {} (0 to 1)", shorten(&curve.node, 30));
    axes(&mut svg, &x, &y, (&x_label, "Score"));
    for (k, (alt, scores)) in curve.series.iter().enumerate().take(DRAWN).rev() {
        let points: Vec<(f64, f64)> = curve.t.iter().zip(scores).map(|(&t, &s)| (x.at(t), y.at(s))).collect();
        let (colour, width) = if k < COLOURED {
            (palette::series(k), 2.5)
        } else {
            (palette::GRID, 1.0)
        };
        svg.polyline(&points, colour, width, false);
        if k < COLOURED {
            let name = shorten(ids.id(*alt), 14);
            legend(&mut svg, (AREA.1 + 12.0, AREA.2), k, (&name, colour, false));
        }
    }
    let w = x.at(curve.weight);
    svg.line((w, AREA.2), (w, AREA.3), palette::TEXT, 1.5, true);
    svg.text(
        (w + 4.0, AREA.2 + 12.0),
        &format!("current weight {}", super::fixed(curve.weight)),
        TextStyle::label(Anchor::Start).halo(),
    );
    leader_crossings(&mut svg, curve, (&x, &y));
    svg.finish(&format!("Gradient sensitivity of {}", curve.node))
}

/// Marks and labels where an alternative crosses the leader at W.
fn leader_crossings(svg: &mut Svg, curve: &Curve<'_>, (x, y): (&Linear, &Linear)) {
    let Some(&(leader, ref scores)) = curve.series.first() else {
        return;
    };
    // Labels of nearby crossings are staggered on three heights.
    for (k, c) in curve
        .crossings
        .iter()
        .filter(|c| c.pair.0 == leader || c.pair.1 == leader)
        .enumerate()
    {
        let Some(i) = curve.t.iter().position(|&t| t == c.t) else {
            continue;
        };
        let at = (x.at(c.t), y.at(scores[i]));
        svg.circle(at, 5.0, palette::TEXT);
        let other = if c.pair.0 == leader { c.pair.1 } else { c.pair.0 };
        svg.text(
            (at.0, at.1 - 9.0 - 14.0 * (k % 3) as f64),
            &format!(
                "{} at {}",
                shorten(curve.problem.alternatives().id(other), 12),
                super::fixed(c.t)
            ),
            TextStyle::label(Anchor::Middle).halo(),
        );
    }
}
