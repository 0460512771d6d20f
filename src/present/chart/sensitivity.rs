//! The weight sensitivity as a tornado: per node, the interval of its
//! weight on which the winner stays, around its current weight; the
//! critical criterion (smallest margin) highlighted.

use super::{AXIS, MAX_ROWS, ROW, TOP, WIDTH, fixed, header, rows_note, x_axis};
use crate::pipeline::sensitivity::{NodeSensitivity, Sensitivity};
use crate::present::palette;
use crate::present::scale::Linear;
use crate::present::svg::{Anchor, Svg, TextStyle, shorten};

/// Width of the node labels.
const LABELS: f64 = 170.0;

/// The tornado of `report`: nodes with the smallest margin first.
///
/// ```
/// use innorank::pipeline::sensitivity::{SensitivityOptions, sensitivity};
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: s
/// criteria: [{id: cost, direction: cost, weight: 1}, {id: gain, weight: 1}]
/// alternatives:
///   - {id: a, scores: {cost: 1, gain: 1}}
///   - {id: b, scores: {cost: 2, gain: 3}}
/// "#, "s.yaml").unwrap();
/// let s = sensitivity(&p, &SensitivityOptions::default()).unwrap();
/// let svg = innorank::present::chart::sensitivity(&s);
/// assert!(svg.contains("critical"));
/// ```
pub fn sensitivity(report: &Sensitivity<'_>) -> String {
    let mut order: Vec<usize> = (0..report.nodes.len()).collect();
    let margin = |i: usize| {
        report.nodes[i]
            .stability
            .as_ref()
            .and_then(|s| s.margin)
            .unwrap_or(f64::INFINITY)
    };
    order.sort_by(|&a, &b| margin(a).total_cmp(&margin(b)).then(a.cmp(&b)));
    let shown = order.len().min(MAX_ROWS);
    let rows = shown.max(1);
    let height = TOP + rows as f64 * ROW + AXIS + 24.0;
    let mut svg = Svg::new(WIDTH, height);
    let ids = report.problem.alternatives();
    let winner = report.winner.map(|w| ids.id(w)).unwrap_or("nobody");
    let critical = report.critical.map(|c| report.nodes[c].id.as_str());
    header(
        &mut svg,
        &format!("Where {} stays the winner", shorten(winner, 30)),
        &format!(
            "Bar: weights that keep the winner; tick: current weight; → who leads above · critical: {}",
            critical.unwrap_or("none")
        ),
    );
    let x = Linear {
        lo: 0.0,
        hi: 1.0,
        from: LABELS,
        to: WIDTH - 150.0,
    };
    let top = TOP;
    let bottom = top + rows as f64 * ROW;
    x_axis(&mut svg, &x, (top, bottom), "Global weight of the criterion (0 to 1)");
    for (row, &i) in order.iter().take(shown).enumerate() {
        let is_critical = report.critical == Some(i);
        node_row(
            &mut svg,
            report,
            &x,
            top + row as f64 * ROW,
            (&report.nodes[i], is_critical),
        );
    }
    rows_note(&mut svg, height - 8.0, order.len() - shown, "criteria");
    svg.finish(&format!("Weight sensitivity of {}", report.problem.name()))
}

/// One node's bar, current-weight tick and end labels.
fn node_row(svg: &mut Svg, report: &Sensitivity<'_>, x: &Linear, y: f64, (node, critical): (&NodeSensitivity, bool)) {
    let label = if critical {
        format!("★ {} (critical)", shorten(&node.id, 16))
    } else {
        shorten(&node.id, 24)
    };
    let style = TextStyle::label(Anchor::End);
    let style = if critical {
        style.bold().colored(palette::VERMILLION)
    } else {
        style
    };
    svg.text((LABELS - 6.0, y + 15.0), &label, style);
    let Some(s) = &node.stability else {
        svg.text(
            (x.from + 4.0, y + 15.0),
            &format!("fixed at {} (cannot move)", fixed(node.weight)),
            TextStyle::label(Anchor::Start).colored(palette::MUTED),
        );
        return;
    };
    let fill = if critical { palette::VERMILLION } else { palette::BLUE };
    let ids = report.problem.alternatives();
    let tip = format!(
        "{}: winner kept for weight in [{}, {}], now {}",
        node.id,
        fixed(s.top.lo),
        fixed(s.top.hi),
        fixed(node.weight)
    );
    svg.rect_titled(
        x.at(s.top.lo),
        y + 4.0,
        x.at(s.top.hi) - x.at(s.top.lo),
        ROW - 8.0,
        fill,
        &tip,
    );
    let w = x.at(node.weight);
    svg.line((w, y + 1.0), (w, y + ROW - 1.0), palette::TEXT, 3.0, false);
    let beyond = match s.top.hi_end {
        Some(e) => format!("{}–{} → {}", fixed(s.top.lo), fixed(s.top.hi), shorten(ids.id(e), 10)),
        None => format!("{}–{}", fixed(s.top.lo), fixed(s.top.hi)),
    };
    svg.text(
        (x.to + 6.0, y + 15.0),
        &beyond,
        TextStyle::label(Anchor::Start).colored(palette::MUTED),
    );
}
