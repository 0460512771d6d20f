//! The weights: each parent node's local weights and the global weight of
//! every child, inconsistent nodes marked with their CR.

use super::{ROW, TOP, WIDTH, fixed, header, x_axis};
use crate::pipeline::HierarchyWeights;
use crate::present::palette;
use crate::present::scale::Linear;
use crate::present::svg::{Anchor, Svg, TextStyle, shorten};

/// Width of the criterion labels.
const LABELS: f64 = 190.0;

/// Height of a node's heading line.
const HEADING: f64 = 24.0;

/// The weights of every parent node of `problem` as an SVG chart: local
/// weights as thick bars, global weights as thin bars under them; a node
/// whose CR exceeds `cr_threshold` is headed in vermillion with its CR.
///
/// ```
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: w
/// criteria: [{id: a, weight: 3}, {id: b, weight: 1}]
/// alternatives: [{id: x, scores: {a: 1, b: 1}}]
/// "#, "w.yaml").unwrap();
/// let w = innorank::pipeline::weigh_with(p.criteria(), &Default::default()).unwrap();
/// let svg = innorank::present::chart::weights(&p, &w, 0.1);
/// assert!(svg.contains("0.750"));
/// ```
pub fn weights(problem: &crate::Problem, weights: &HierarchyWeights, cr_threshold: f64) -> String {
    let rows: usize = weights.nodes.iter().map(|n| n.children.len()).sum();
    let body = weights.nodes.len() as f64 * HEADING + rows as f64 * ROW;
    let height = TOP + 14.0 + body + 56.0;
    let mut svg = Svg::new(WIDTH, height);
    let inconsistent = weights.nodes.iter().filter(|n| !n.consistent).count();
    header(
        &mut svg,
        &format!("Criteria weights: {}", problem.name()),
        &format!(
            "{} parent nodes, {inconsistent} inconsistent (CR > {}) · local weights within each node",
            weights.nodes.len(),
            fixed(cr_threshold)
        ),
    );
    legend(&mut svg, TOP - 2.0);
    let x = Linear {
        lo: 0.0,
        hi: 1.0,
        from: LABELS,
        to: WIDTH - 60.0,
    };
    let top = TOP + 14.0;
    x_axis(
        &mut svg,
        &x,
        (top, top + body),
        "Weight (share of the parent, or of the whole)",
    );
    let criteria = problem.criteria();
    let mut y = top;
    for node in &weights.nodes {
        let label = criteria.node(node.node).label().to_owned();
        let (text, style) = if node.consistent {
            (
                format!("{label}  (CR {})", fixed(node.consistency.cr)),
                TextStyle::label(Anchor::Start).bold(),
            )
        } else {
            (
                format!(
                    "⚠ {label}  inconsistent: CR {} > {}",
                    fixed(node.consistency.cr),
                    fixed(cr_threshold)
                ),
                TextStyle::label(Anchor::Start).bold().colored(palette::VERMILLION),
            )
        };
        svg.text((12.0, y + 17.0), &text, style);
        y += HEADING;
        for (child, &local) in node.children.iter().zip(&node.local) {
            let global = criteria
                .nodes()
                .iter()
                .position(|c| &c.id == child)
                .and_then(|i| weights.global.get(i).copied())
                .unwrap_or(0.0);
            row(&mut svg, &x, y, (child, local, global));
            y += ROW;
        }
    }
    svg.finish(&format!("Criteria weights of {}", problem.name()))
}

/// One child: its local weight (thick bar) and global weight (thin bar).
fn row(svg: &mut Svg, x: &Linear, y: f64, (id, local, global): (&str, f64, f64)) {
    let tip = format!("{id}: local {}, global {}", fixed(local), fixed(global));
    svg.rect_titled(x.from, y + 2.0, x.at(local) - x.from, 11.0, palette::BLUE, &tip);
    svg.rect_titled(x.from, y + 14.0, x.at(global) - x.from, 5.0, palette::ORANGE, &tip);
    svg.text(
        (LABELS - 6.0, y + 14.0),
        &shorten(id, 26),
        TextStyle::label(Anchor::End),
    );
    svg.text(
        (x.at(local) + 4.0, y + 12.0),
        &fixed(local),
        TextStyle::label(Anchor::Start).colored(palette::MUTED),
    );
}

/// The key of the two bar kinds.
fn legend(svg: &mut Svg, y: f64) {
    svg.rect(LABELS, y - 9.0, 14.0, 10.0, palette::BLUE);
    svg.text((LABELS + 18.0, y), "local weight", TextStyle::label(Anchor::Start));
    svg.rect(LABELS + 120.0, y - 7.0, 14.0, 5.0, palette::ORANGE);
    svg.text((LABELS + 138.0, y), "global weight", TextStyle::label(Anchor::Start));
}
