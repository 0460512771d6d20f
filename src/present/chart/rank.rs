//! The ranking: scores as bars in rank order, the satisfactory threshold
//! as a line, the screened-out listed beside with their reasons.

use super::{AXIS, MAX_ROWS, ROW, TOP, WIDTH, fixed, header, rows_note, x_axis};
use crate::pipeline::{Method, RankReport};
use crate::present::palette;
use crate::present::scale::Linear;
use crate::present::svg::{Anchor, Svg, TextStyle, shorten};

/// Width of the screened-out panel, when there is one.
const PANEL: f64 = 230.0;

/// Screened-out alternatives listed in the panel (two lines each).
const PANEL_ROWS: usize = MAX_ROWS / 2 - 1;

/// Width of the row labels (`12. proposal-id`).
const LABELS: f64 = 150.0;

/// The ranking of `report` as an SVG bar chart.
///
/// ```
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: r
/// criteria: [{id: cost, direction: cost}]
/// alternatives: [{id: a, scores: {cost: 5}}, {id: b, scores: {cost: 3}}]
/// "#, "r.yaml").unwrap();
/// let report = innorank::rank(&p, &Default::default()).unwrap();
/// let svg = innorank::present::chart::rank(&report);
/// assert!(svg.starts_with("<svg") && svg.contains(">1. b</text>"));
/// ```
pub fn rank(report: &RankReport<'_>) -> String {
    drawing(report).finish(&format!("Ranking of {}", report.problem.name()))
}

/// The ranking of `report` and, under it, the head-to-head `versus` (of
/// the top two, usually): what `rank --plot` draws.
pub fn rank_and_versus(report: &RankReport<'_>, versus: Option<&crate::pipeline::HeadToHead>) -> String {
    let mut svg = drawing(report);
    if let Some(h) = versus {
        svg = svg.stack(super::versus::drawing(h, report.problem));
    }
    svg.finish(&format!("Ranking of {}", report.problem.name()))
}

/// The ranking's drawing.
fn drawing(report: &RankReport<'_>) -> Svg {
    let shown = report.ranking.len().min(MAX_ROWS);
    let screened = (2 * report.screened_out.len().min(PANEL_ROWS) + 2) * 10 / 14;
    let rows = shown.max(screened).max(1);
    let height = TOP + rows as f64 * ROW + AXIS + 30.0;
    let mut svg = Svg::new(WIDTH, height);
    let method = match report.options.method {
        Method::Topsis => "TOPSIS closeness",
        Method::Ahp => "AHP priority",
    };
    header(
        &mut svg,
        &format!("Ranking: {}", report.problem.name()),
        &format!(
            "{method}, higher is better · {} ranked, {} screened out",
            report.ranking.len(),
            report.screened_out.len()
        ),
    );
    let panel = if report.screened_out.is_empty() { 0.0 } else { PANEL };
    let x = Linear {
        lo: 0.0,
        hi: 1.0,
        from: LABELS,
        to: WIDTH - panel - 48.0,
    };
    let bottom = TOP + rows as f64 * ROW;
    x_axis(&mut svg, &x, (TOP - 4.0, bottom), &format!("Score ({method}, 0 to 1)"));
    bars(&mut svg, report, &x, shown);
    if let Some(t) = report.options.satisfactory {
        let at = x.at(t);
        svg.line((at, TOP - 8.0), (at, bottom), palette::VERMILLION, 2.0, true);
        svg.text(
            (at, TOP - 10.0),
            &format!("satisfactory ≥ {}", fixed(t)),
            TextStyle::label(Anchor::Middle).colored(palette::VERMILLION),
        );
    }
    rows_note(&mut svg, height - 8.0, report.ranking.len() - shown, "ranked");
    if panel > 0.0 {
        screened_out(&mut svg, report, WIDTH - panel + 8.0);
    }
    svg
}

/// One bar per shown alternative, labelled with its rank, id and score.
fn bars(svg: &mut Svg, report: &RankReport<'_>, x: &Linear, shown: usize) {
    for (row, r) in report.ranking.iter().take(shown).enumerate() {
        let y = TOP + row as f64 * ROW;
        let fill = match r.satisfactory {
            Some(false) => palette::PALE,
            _ => palette::BLUE,
        };
        let end = x.at(r.score);
        svg.rect_titled(
            x.from,
            y + 3.0,
            end - x.from,
            ROW - 6.0,
            fill,
            &format!("{}: {}", r.id, fixed(r.score)),
        );
        svg.text(
            (x.from - 6.0, y + 15.0),
            &format!("{}. {}", r.rank, shorten(r.id, 18)),
            TextStyle::label(Anchor::End),
        );
        svg.text(
            (end + 4.0, y + 15.0),
            &fixed(r.score),
            TextStyle::label(Anchor::Start).colored(palette::MUTED).halo(),
        );
    }
}

/// The screened-out alternatives with their first broken rule.
fn screened_out(svg: &mut Svg, report: &RankReport<'_>, left: f64) {
    svg.text(
        (left, TOP + 10.0),
        &format!("Screened out ({})", report.screened_out.len()),
        TextStyle::label(Anchor::Start).bold(),
    );
    // Two lines each: the id, then the first rule it broke.
    for (row, s) in report.screened_out.iter().take(PANEL_ROWS).enumerate() {
        let reasons = s.reasons();
        let mut reason = reasons.first().map(ToString::to_string).unwrap_or_default();
        if reasons.len() > 1 {
            reason = format!("{reason} (+{})", reasons.len() - 1);
        }
        let y = TOP + (2 * row + 1) as f64 * ROW / 1.4 + 10.0;
        svg.text((left, y), &shorten(s.id, 30), TextStyle::label(Anchor::Start));
        svg.text(
            (left + 8.0, y + ROW / 1.4),
            &shorten(&reason, 34),
            TextStyle::label(Anchor::Start).colored(palette::MUTED),
        );
    }
    let hidden = report.screened_out.len().saturating_sub(PANEL_ROWS);
    if hidden > 0 {
        svg.text(
            (left, TOP + (2 * PANEL_ROWS + 1) as f64 * ROW / 1.4 + 10.0),
            &format!("… and {hidden} more"),
            TextStyle::label(Anchor::Start).colored(palette::MUTED),
        );
    }
}
