//! The head-to-head of two alternatives ("why the winner wins"): per
//! criterion, its weight and which of the two is closer to the ideal, by
//! how much, as bars diverging from a centre line.

use super::{AXIS, ROW, TOP, WIDTH, fixed, header};
use crate::pipeline::HeadToHead;
use crate::present::palette;
use crate::present::scale::{Linear, Magnitude, x_axis};
use crate::present::svg::{Anchor, Svg, TextStyle, shorten};

/// Width of the criterion labels.
const LABELS: f64 = 190.0;

/// The head-to-head `h` of alternatives of `problem` as an SVG chart.
///
/// ```
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: v
/// criteria: [{id: cost, direction: cost}, {id: gain}]
/// alternatives:
///   - {id: a, scores: {cost: 1, gain: 5}}
///   - {id: b, scores: {cost: 4, gain: 6}}
/// "#, "v.yaml").unwrap();
/// let report = innorank::rank(&p, &Default::default()).unwrap();
/// let h = innorank::pipeline::head_to_head(&report, None).unwrap();
/// let svg = innorank::present::chart::versus(&h, &p);
/// assert!(svg.contains("closer to the ideal"));
/// ```
pub fn versus(h: &HeadToHead, problem: &crate::Problem) -> String {
    let ids = problem.alternatives();
    drawing(h, problem).finish(&format!("Head-to-head of {} and {}", ids.id(h.a), ids.id(h.b)))
}

/// The head-to-head's drawing.
pub(super) fn drawing(h: &HeadToHead, problem: &crate::Problem) -> Svg {
    let (a, b) = (problem.alternatives().id(h.a), problem.alternatives().id(h.b));
    let rows = h.edges.len().max(1);
    let height = TOP + 18.0 + rows as f64 * ROW + AXIS + 8.0;
    let mut svg = Svg::new(WIDTH, height);
    header(
        &mut svg,
        &format!("Why {} ranks above {}", shorten(a, 24), shorten(b, 24)),
        &format!(
            "#{} {a} ({}) vs #{} {b} ({}) · bar: weighted gap to the ideal of the other minus this one",
            h.ranks.0,
            fixed(h.scores.0),
            h.ranks.1,
            fixed(h.scores.1)
        ),
    );
    let reach = h.edges.iter().map(|e| e.advantage().abs()).fold(0.0, f64::max);
    let reach = if reach > 0.0 { reach } else { 1.0 };
    let x = Linear {
        lo: -reach,
        hi: reach,
        from: LABELS + 10.0,
        to: WIDTH - 60.0,
    };
    let centre = x.at(0.0);
    let top = TOP + 18.0;
    let bottom = top + rows as f64 * ROW;
    svg.text(
        (x.to, top - 4.0),
        &format!("{} closer to the ideal →", shorten(a, 20)),
        TextStyle::label(Anchor::End).colored(palette::BLUE).bold(),
    );
    svg.text(
        (x.from, top - 4.0),
        &format!("← {} closer to the ideal", shorten(b, 20)),
        TextStyle::label(Anchor::Start).colored(palette::ORANGE).bold(),
    );
    x_axis(
        &mut svg,
        &Magnitude(x),
        (top, bottom),
        "Advantage: difference of weighted gaps to the ideal (score units)",
    );
    for (row, e) in h.edges.iter().enumerate() {
        let y = top + row as f64 * ROW;
        let d = e.advantage();
        let end = x.at(d);
        let fill = if d >= 0.0 { palette::BLUE } else { palette::ORANGE };
        let tip = format!(
            "{}: {a} gap {}, {b} gap {}",
            e.criterion,
            fixed(e.gap_a),
            fixed(e.gap_b)
        );
        svg.rect_titled(centre.min(end), y + 4.0, (end - centre).abs(), ROW - 8.0, fill, &tip);
        svg.text(
            (LABELS, y + 15.0),
            &format!("{} (w {})", shorten(&e.criterion, 18), fixed(e.weight)),
            TextStyle::label(Anchor::End),
        );
        let (tx, anchor) = if d >= 0.0 {
            (end + 4.0, Anchor::Start)
        } else {
            (end - 4.0, Anchor::End)
        };
        svg.text(
            (tx, y + 15.0),
            &fixed(d.abs()),
            TextStyle::label(anchor).colored(palette::MUTED),
        );
    }
    svg.line((centre, top), (centre, bottom), palette::TEXT, 1.0, false);
    svg
}
