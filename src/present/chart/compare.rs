//! `compare`: the ranks each method gives, side by side (rank flows: one
//! line per alternative across the methods), and the heatmap of
//! Spearman's rho between every pair of methods.

use super::{MAX_ROWS, ROW, TOP, WIDTH, header, rows_note};
use crate::pipeline::CompareReport;
use crate::present::palette;
use crate::present::svg::{Anchor, Svg, TextStyle, shorten};

/// Lines drawn in colour; the rest are grey.
const COLOURED: usize = 7;

/// Left and right ends of the rank flows.
const FLOWS: (f64, f64) = (90.0, 380.0);

/// Left edge of the heatmap's row labels, and its cell size.
const HEAT: (f64, f64) = (480.0, 40.0);

/// The rank flows and the correlation heatmap of `report`.
///
/// ```
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: c
/// criteria: [{id: cost, direction: cost}, {id: gain}]
/// alternatives:
///   - {id: a, scores: {cost: 1, gain: 5}}
///   - {id: b, scores: {cost: 4, gain: 6}}
///   - {id: c, scores: {cost: 2, gain: 2}}
/// "#, "c.yaml").unwrap();
/// let r = innorank::pipeline::compare(&p, &Default::default()).unwrap();
/// assert!(innorank::present::chart::compare(&r).contains("Spearman"));
/// ```
pub fn compare(report: &CompareReport<'_>) -> String {
    let shown = report.alternatives.len().min(MAX_ROWS);
    let m = report.methods.len() as f64;
    let heat = 20.0 + m * HEAT.1 + 10.0 + m * 16.0;
    let height = TOP + 30.0 + (shown as f64 * ROW).max(heat) + 40.0;
    let mut svg = Svg::new(WIDTH, height);
    header(
        &mut svg,
        &format!("Rankings by method: {}", report.problem.name()),
        "Left: each alternative's rank per method (lines that cross changed places) · right: Spearman's rho",
    );
    flows(&mut svg, report, shown);
    heatmap(&mut svg, report);
    rows_note(
        &mut svg,
        height - 8.0,
        report.alternatives.len() - shown,
        "alternatives",
    );
    svg.finish(&format!("Rankings by method of {}", report.problem.name()))
}

/// One column per method, one line per shown alternative through its ranks.
fn flows(svg: &mut Svg, report: &CompareReport<'_>, shown: usize) {
    let m = report.methods.len();
    let top = TOP + 30.0;
    let x = |k: usize| {
        if m < 2 {
            FLOWS.0
        } else {
            FLOWS.0 + (FLOWS.1 - FLOWS.0) * k as f64 / (m - 1) as f64
        }
    };
    let y = |rank: usize| top + (rank.min(shown).max(1) - 1) as f64 * ROW + ROW / 2.0;
    for (k, method) in report.methods.iter().enumerate() {
        svg.line((x(k), top), (x(k), top + shown as f64 * ROW), palette::GRID, 1.0, false);
        svg.text(
            (x(k), top - 8.0),
            method.name(),
            TextStyle::label(Anchor::Middle).bold(),
        );
    }
    let ids = report.problem.alternatives();
    for i in (0..shown).rev() {
        let ranks: Vec<usize> = report.ranks.iter().map(|r| r[i]).collect();
        let points: Vec<(f64, f64)> = ranks.iter().enumerate().map(|(k, &r)| (x(k), y(r))).collect();
        let (colour, width) = if i < COLOURED {
            (palette::series(i), 2.5)
        } else {
            (palette::MUTED, 1.0)
        };
        svg.polyline(&points, colour, width, false);
        for &p in &points {
            svg.circle(p, 3.5, colour);
        }
        let id = shorten(ids.id(report.alternatives[i]), 12);
        if let (Some(&first), Some(&last)) = (ranks.first(), ranks.last()) {
            svg.text(
                (x(0) - 8.0, y(first) + 4.0),
                &format!("{first}. {id}"),
                TextStyle::label(Anchor::End),
            );
            if m > 1 {
                svg.text((x(m - 1) + 8.0, y(last) + 4.0), &id, TextStyle::label(Anchor::Start));
            }
        }
    }
}

/// Spearman's rho of every pair of methods, darker blue for higher.
fn heatmap(svg: &mut Svg, report: &CompareReport<'_>) {
    let m = report.methods.len();
    let (left, cell) = HEAT;
    let labels = left + 24.0;
    let top = TOP + 30.0;
    svg.text(
        (left, top - 8.0),
        "Spearman's rho",
        TextStyle::label(Anchor::Start).bold(),
    );
    for (k, method) in report.methods.iter().enumerate() {
        let y = top + 20.0 + k as f64 * cell;
        svg.text(
            (labels - 6.0, y + cell / 2.0 + 4.0),
            &(k + 1).to_string(),
            TextStyle::label(Anchor::End),
        );
        svg.text(
            (left, top + 30.0 + m as f64 * cell + k as f64 * 16.0),
            &format!("{} = {}", k + 1, method.name()),
            TextStyle::label(Anchor::Start).colored(palette::MUTED),
        );
        svg.text(
            (labels + (k as f64 + 0.5) * cell, top + 14.0),
            &(k + 1).to_string(),
            TextStyle::label(Anchor::Middle),
        );
        for (j, other) in report.methods.iter().enumerate() {
            let rho = if j == k {
                Some(1.0)
            } else {
                report
                    .pairs
                    .iter()
                    .find(|p| p.reference == *method && p.other == *other)
                    .and_then(|p| p.spearman)
            };
            cell_at(svg, (labels + j as f64 * cell, y), cell, rho);
        }
    }
}

/// One heatmap cell: blue whose lightness follows rho (white at 0 or
/// below), the value written in it.
fn cell_at(svg: &mut Svg, (x, y): (f64, f64), size: f64, rho: Option<f64>) {
    let Some(rho) = rho else {
        svg.rect(x + 1.0, y + 1.0, size - 2.0, size - 2.0, palette::GRID);
        svg.text(
            (x + size / 2.0, y + size / 2.0 + 4.0),
            "—",
            TextStyle::label(Anchor::Middle),
        );
        return;
    };
    let level = BLUES[((rho.clamp(0.0, 1.0) * (BLUES.len() - 1) as f64).round()) as usize];
    svg.rect_titled(
        x + 1.0,
        y + 1.0,
        size - 2.0,
        size - 2.0,
        level,
        &format!("rho {rho:.3}"),
    );
    let ink = if rho > 0.6 { "#ffffff" } else { palette::TEXT };
    let style = TextStyle {
        size: 11.0,
        ..TextStyle::label(Anchor::Middle).colored(ink)
    };
    svg.text((x + size / 2.0, y + size / 2.0 + 4.0), &format!("{rho:.2}"), style);
}

/// A single-hue blue ramp (light to dark): readable without telling hues
/// apart.
const BLUES: [&str; 6] = ["#f7fbff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
