//! Average cost against volume: each alternative's learning curve and the
//! baseline's, on a logarithmic volume axis, with the crossings marked
//! (the figure of the domain text, from the user's own data).

use super::{WIDTH, header, legend};
use crate::learning_curve::Crossing;
use crate::pipeline::CriterionCurves;
use crate::present::palette;
use crate::present::scale::{Log, axes};
use crate::present::svg::{Anchor, Svg, TextStyle, shorten};

/// Curves drawn; more alternatives are counted in a note.
const MAX_CURVES: usize = 14;

/// Points per curve, spaced evenly on the log axis.
const SAMPLES: usize = 60;

/// Height of the chart.
const HEIGHT: f64 = 420.0;

/// Plot area: left, right, top, bottom.
const AREA: (f64, f64, f64, f64) = (80.0, WIDTH - 150.0, 64.0, HEIGHT - 56.0);

/// The average-cost curves of one `learning_curve` criterion, between
/// the smallest and largest of `curves.volumes` (at least a decade).
///
/// ```
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: c
/// criteria:
///   - {id: unit_cost, derive: learning_curve, baseline: {fixed: 1000, unit_cost: 10, learning_rate: 1}}
/// alternatives:
///   - {id: a, scores: {unit_cost: {fixed: 5000, unit_cost: 6, volume: 2000, learning_rate: 1}}}
/// "#, "c.yaml").unwrap();
/// let curves = innorank::pipeline::curves(&p, &[100, 100_000]);
/// let svg = innorank::present::chart::cost(&curves[0], "");
/// assert!(svg.contains("baseline") && svg.contains("crosses"));
/// ```
pub fn cost(curves: &CriterionCurves, unit: &str) -> String {
    drawing(curves, unit).finish(&format!("Average cost against volume, {}", curves.criterion))
}

/// The charts of every criterion of `all`, one under the other, each
/// with its criterion's unit from `problem`: what `cost --plot` draws.
pub fn cost_all(problem: &crate::Problem, all: &[CriterionCurves]) -> String {
    let unit = |c: &CriterionCurves| {
        problem
            .criteria()
            .leaf(&c.criterion)
            .and_then(|(n, _)| n.unit.clone())
            .unwrap_or_default()
    };
    let mut parts = all.iter().map(|c| drawing(c, &unit(c)));
    let first = parts.next().unwrap_or_else(|| Svg::new(WIDTH, 0.0));
    parts
        .fold(first, Svg::stack)
        .finish(&format!("Average cost against volume, {}", problem.name()))
}

/// One criterion's drawing.
fn drawing(curves: &CriterionCurves, unit: &str) -> Svg {
    let lo = curves.volumes.iter().copied().min().unwrap_or(1).max(1) as f64;
    let hi = (curves.volumes.iter().copied().max().unwrap_or(1) as f64).max(lo * 10.0);
    let volumes: Vec<u64> = (0..SAMPLES)
        .map(|k| (lo * (hi / lo).powf(k as f64 / (SAMPLES - 1) as f64)).round() as u64)
        .collect();
    let mut series: Vec<(String, Vec<f64>, &'static str, bool)> = Vec::new();
    if let Some((b, _)) = &curves.baseline {
        series.push((
            "baseline".into(),
            volumes.iter().map(|&q| b.average_cost(q)).collect(),
            palette::TEXT,
            true,
        ));
    }
    for (i, a) in curves.alternatives.iter().take(MAX_CURVES).enumerate() {
        let costs = volumes.iter().map(|&q| a.curve.average_cost(q)).collect();
        // Past the palette's seven colours, the colours again, dashed.
        series.push((a.id.clone(), costs, palette::series(i), i >= palette::SERIES.len()));
    }
    let (bottom, top) = series
        .iter()
        .flat_map(|s| s.1.iter().copied())
        .filter(|c| c.is_finite() && *c > 0.0)
        .fold((f64::INFINITY, 0.0f64), |(a, b), c| (a.min(c), b.max(c)));
    let (bottom, top) = if bottom < top {
        (bottom / 1.1, top * 1.1)
    } else {
        (1.0, 10.0)
    };
    let mut svg = Svg::new(WIDTH, HEIGHT);
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" ({unit})")
    };
    header(
        &mut svg,
        &format!("Average cost against volume: {}", curves.criterion),
        "Learning curves (fixed + variable cost per unit); ○ where a curve falls below the baseline",
    );
    let x = Log {
        lo,
        hi,
        from: AREA.0,
        to: AREA.1,
    };
    let y = Log {
        lo: bottom,
        hi: top,
        from: AREA.3,
        to: AREA.2,
    };
    let y_label = format!("Average cost per unit{unit}, log scale");
    axes(&mut svg, &x, &y, ("Cumulative volume (units, log scale)", &y_label));
    for (row, (name, costs, colour, dashed)) in series.iter().enumerate() {
        let points: Vec<(f64, f64)> = volumes
            .iter()
            .zip(costs)
            .map(|(&q, &c)| (x.at(q as f64), y.at(c.min(y.hi))))
            .collect();
        svg.polyline(&points, colour, 2.5, *dashed);
        let name = shorten(name, 14);
        legend(&mut svg, (AREA.1 + 12.0, AREA.2), row, (&name, colour, *dashed));
    }
    crossings(&mut svg, curves, (&x, &y));
    let hidden = curves.alternatives.len().saturating_sub(MAX_CURVES);
    if hidden > 0 {
        let ly = AREA.2 + 14.0 + series.len() as f64 * 18.0;
        svg.text(
            (AREA.1 + 12.0, ly),
            &format!("+{hidden} more not drawn"),
            TextStyle::label(Anchor::Start).colored(palette::MUTED),
        );
    }
    svg
}

/// A ring where each alternative falls below the baseline for good, with
/// the volume.
fn crossings(svg: &mut Svg, curves: &CriterionCurves, (x, y): (&Log, &Log)) {
    let Some((baseline, _)) = &curves.baseline else { return };
    for (i, a) in curves.alternatives.iter().take(MAX_CURVES).enumerate() {
        let Some(Crossing::From(q)) = a.crossing else { continue };
        let qf = q as f64;
        if qf < x.lo || qf > x.hi {
            continue;
        }
        let at = (x.at(qf), y.at(baseline.average_cost(q).min(y.hi)));
        svg.circle(at, 6.0, palette::series(i));
        svg.text(
            (at.0, at.1 - 10.0),
            &format!("{} crosses at {q}", shorten(&a.id, 12)),
            TextStyle::label(Anchor::Middle).halo(),
        );
    }
}
