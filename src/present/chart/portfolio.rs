//! The portfolio: the budget frontier (the optimum's value against the
//! budget, the ranking baseline beside it, the budget used marked) and the
//! funded cluster (each funded proposal's value, grouped by the platform
//! it shares, the shelved listed beside with why they are out).

use super::{AXIS, MAX_ROWS, ROW, TOP, WIDTH, header, legend, rows_note, x_axis};
use crate::math::portfolio::Status;
use crate::model::portfolio::ValueSource;
use crate::pipeline::portfolio::{PortfolioReport, WhyNot};
use crate::present::palette;
use crate::present::scale::{Linear, axes, nice_ticks, tick_label};
use crate::present::svg::{Anchor, Svg, TextStyle, shorten};

/// Height of the frontier.
const FRONTIER_HEIGHT: f64 = 380.0;

/// The frontier's plot area: left, right, top, bottom.
const AREA: (f64, f64, f64, f64) = (80.0, WIDTH - 160.0, 64.0, FRONTIER_HEIGHT - 56.0);

/// Width of the shelved panel.
const PANEL: f64 = 240.0;

/// Shelved (and screened-out) proposals listed in the panel, two lines
/// each.
const PANEL_ROWS: usize = MAX_ROWS / 2 - 1;

/// Width of the row labels (ids).
const LABELS: f64 = 110.0;

/// Room right of the longest bar for its value and other platforms.
const BAR_NOTE: f64 = 145.0;

/// Budgets a frontier sweep aims at when the user gave none.
const SWEEP_POINTS: usize = 10;

/// The portfolio of `report` as SVG: the budget frontier, when the
/// report has one (`--frontier`, or [`portfolio_budgets`]), above the
/// funded cluster.
///
/// ```
/// use innorank::pipeline::portfolio::{PortfolioOptions, portfolio};
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: Two labs
/// criteria: [{id: npv, unit: k}, {id: cost, direction: cost, unit: k}]
/// alternatives:
///   - {id: a, scores: {npv: 5, cost: 3}, platforms: [lab]}
///   - {id: b, scores: {npv: 4, cost: 3}, platforms: [lab]}
///   - {id: c, scores: {npv: 6, cost: 5}}
/// portfolio:
///   budget: 8
///   cost: cost
///   value: npv
///   platforms: [{id: lab, fixed_cost: 2}]
/// "#, "p.yaml").unwrap();
/// let options = PortfolioOptions {
///     frontier: innorank::present::chart::portfolio_budgets(8.0),
///     ..Default::default()
/// };
/// let svg = innorank::present::chart::portfolio(&portfolio(&p, &options).unwrap());
/// assert!(svg.contains("Budget frontier") && svg.contains("lab · 2 k paid once · shared by 2"));
/// ```
pub fn portfolio(report: &PortfolioReport<'_>) -> String {
    let units = Units::of(report);
    let cluster = cluster(report, &units);
    let svg = if report.frontier.is_empty() {
        cluster
    } else {
        frontier(report, &units).stack(cluster)
    };
    svg.finish(&format!("Portfolio of {}", report.problem.name()))
}

/// The budgets a chart's frontier is drawn at when the user asked for
/// none: about ten nice steps from a tenth to twice `budget` (none for a
/// budget that is not positive).
///
/// ```
/// let budgets = innorank::present::chart::portfolio_budgets(5000.0);
/// assert_eq!(budgets.first(), Some(&1000.0));
/// assert!(budgets.contains(&5000.0) && budgets.last() == Some(&10000.0));
/// ```
pub fn portfolio_budgets(budget: f64) -> Vec<f64> {
    if !(budget.is_finite() && budget > 0.0) {
        return Vec::new();
    }
    nice_ticks(0.0, 2.0 * budget, SWEEP_POINTS)
        .into_iter()
        .filter(|&b| b > 0.0)
        .collect()
}

/// The units of a proposal's value and cost: what the axes say in
/// brackets, and what follows an amount (nothing after a relative value).
struct Units {
    value: String,
    cost: String,
    /// Written after a value: the value leaf's unit; empty for TOPSIS or
    /// AHP values, which are scores, not amounts.
    value_suffix: String,
}

impl Units {
    fn of(report: &PortfolioReport<'_>) -> Self {
        let problem = report.problem;
        let unit = |column: usize| {
            problem
                .criteria()
                .leaves()
                .nth(column)
                .and_then(|(c, _)| c.unit.clone())
                .unwrap_or_default()
        };
        let (value, value_suffix, cost) = match problem.portfolio() {
            None => Default::default(),
            Some(spec) => {
                let cost = unit(spec.cost);
                match spec.value {
                    ValueSource::Leaf(column) => (unit(column), unit(column), cost),
                    ValueSource::Topsis => ("TOPSIS closeness x 100".to_owned(), String::new(), cost),
                    ValueSource::Ahp => ("AHP priority x 100".to_owned(), String::new(), cost),
                }
            }
        };
        Units {
            value,
            cost,
            value_suffix,
        }
    }

    /// ` (unit)`, or nothing.
    fn of_value(&self) -> String {
        bracket(&self.value)
    }

    fn of_cost(&self) -> String {
        bracket(&self.cost)
    }

    /// `x unit`, or `x`.
    fn cost_amount(&self, x: f64) -> String {
        with_unit(x, &self.cost)
    }

    fn value_amount(&self, x: f64) -> String {
        with_unit(x, &self.value_suffix)
    }
}

fn with_unit(x: f64, unit: &str) -> String {
    format!("{} {unit}", amount(x)).trim_end().to_owned()
}

fn bracket(unit: &str) -> String {
    if unit.is_empty() {
        String::new()
    } else {
        format!(" ({unit})")
    }
}

/// An amount as the chart prints it: whole numbers from 100 on, else up
/// to two decimals.
fn amount(x: f64) -> String {
    if x.abs() >= 100.0 {
        format!("{x:.0}")
    } else {
        tick_label((x * 100.0).round() / 100.0)
    }
}

/// The optimum and the ranking baseline at every budget of the sweep and
/// at the budget used: `(budget, optimum, baseline)`, by budget.
fn frontier_points(report: &PortfolioReport<'_>) -> Vec<(f64, f64, f64)> {
    let mut points: Vec<(f64, f64, f64)> = report
        .frontier
        .iter()
        .map(|f| (f.budget, f.value, f.baseline.value))
        .collect();
    if let Some(b) = &report.baseline
        && !points.iter().any(|p| p.0 == report.budget)
    {
        points.push((report.budget, report.total.value, b.value));
    }
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    points
}

/// The budget frontier's drawing.
fn frontier(report: &PortfolioReport<'_>, units: &Units) -> Svg {
    let points = frontier_points(report);
    let mut svg = Svg::new(WIDTH, FRONTIER_HEIGHT);
    let gain = report.baseline.as_ref().map(|b| report.total.value - b.value);
    header(
        &mut svg,
        "Budget frontier: the best portfolio against funding down the ranking",
        &match gain {
            Some(g) => format!(
                "At the budget used ({}): optimum {}, ranking baseline {} ({}{})",
                units.cost_amount(report.budget),
                amount(report.total.value),
                amount(report.total.value - g),
                if g >= 0.0 { "+" } else { "" },
                amount(g)
            ),
            None => "Value of the best portfolio at each budget".to_owned(),
        },
    );
    let (lo, hi) = points.iter().fold((0.0f64, 0.0f64), |(lo, hi), p| {
        (lo.min(p.1).min(p.2), hi.max(p.1).max(p.2))
    });
    let hi = if hi > lo { hi + (hi - lo) * 0.05 } else { lo + 1.0 };
    let top_budget = points.iter().map(|p| p.0).fold(report.budget, f64::max);
    let x = Linear::new((0.0, if top_budget > 0.0 { top_budget } else { 1.0 }), (AREA.0, AREA.1));
    let y = Linear::new((lo, hi), (AREA.3, AREA.2));
    let labels = (
        format!("Budget{}", units.of_cost()),
        format!("Portfolio value{}", units.of_value()),
    );
    axes(&mut svg, &x, &y, (&labels.0, &labels.1));
    let at = x.at(report.budget);
    svg.line((at, AREA.2), (at, AREA.3), palette::TEXT, 1.5, true);
    svg.text(
        (at + 4.0, AREA.2 + 12.0),
        &format!("budget used {}", amount(report.budget)),
        TextStyle::label(Anchor::Start).halo(),
    );
    let series = [
        ("optimum", palette::BLUE, false, 4.5),
        ("ranking baseline", palette::ORANGE, true, 3.5),
    ];
    for (k, (name, colour, dashed, r)) in series.into_iter().enumerate() {
        let line: Vec<(f64, f64)> = points
            .iter()
            .map(|p| (x.at(p.0), y.at(if k == 0 { p.1 } else { p.2 })))
            .collect();
        svg.polyline(&line, colour, 2.5, dashed);
        for &point in &line {
            svg.circle(point, r, colour);
        }
        legend(&mut svg, (AREA.1 + 12.0, AREA.2), k, (name, colour, dashed));
    }
    if report.frontier.iter().any(|f| f.status == Status::TimeLimit) {
        svg.text(
            (AREA.1 + 12.0, AREA.2 + 54.0),
            "some budgets hit the time limit",
            TextStyle::label(Anchor::Start).colored(palette::MUTED),
        );
    }
    svg
}

/// One row of the cluster: a platform's heading or a funded proposal.
enum Row<'r> {
    /// A paid platform: its label and how many funded proposals share it.
    Platform(String, usize),
    /// Funded proposals that need no paid platform.
    Alone(usize),
    /// A funded proposal under its group, in the group's colour, with
    /// the other platforms it needs.
    Funded(&'r crate::pipeline::portfolio::Funded, &'static str, Vec<&'r str>),
}

/// The cluster's rows: each paid platform and the funded proposals that
/// share it, then the proposals that need none.
fn rows<'r>(report: &'r PortfolioReport<'_>, units: &Units) -> Vec<Row<'r>> {
    let mut rows = Vec::new();
    for (k, p) in report.spend.platforms.iter().enumerate() {
        rows.push(Row::Platform(
            format!(
                "{} · {} paid once",
                shorten(p.name.as_deref().unwrap_or(&p.id), 30),
                units.cost_amount(p.fixed_cost)
            ),
            p.shared_by.len(),
        ));
        for f in report.funded.iter().filter(|f| p.shared_by.contains(&f.id)) {
            let others = f.platforms.iter().map(String::as_str).filter(|&o| o != p.id).collect();
            rows.push(Row::Funded(f, palette::series(k), others));
        }
    }
    let alone: Vec<_> = report
        .funded
        .iter()
        .filter(|f| !report.spend.platforms.iter().any(|p| p.shared_by.contains(&f.id)))
        .collect();
    if !alone.is_empty() {
        rows.push(Row::Alone(alone.len()));
        rows.extend(alone.into_iter().map(|f| Row::Funded(f, palette::MUTED, Vec::new())));
    }
    rows
}

/// The funded cluster's drawing.
fn cluster(report: &PortfolioReport<'_>, units: &Units) -> Svg {
    let all = rows(report, units);
    let shown = all.len().min(MAX_ROWS);
    let listed = report.shelved.len() + report.ranking.screened_out.len();
    let panel_rows = (2 * listed.min(PANEL_ROWS) + 2) * 10 / 14;
    let rows_drawn = shown.max(panel_rows).max(1);
    let height = TOP + rows_drawn as f64 * ROW + AXIS + 30.0;
    let mut svg = Svg::new(WIDTH, height);
    header(
        &mut svg,
        &cluster_title(report, units),
        &cluster_subtitle(report, units),
    );
    let hi = report.funded.iter().map(|f| f.value).fold(0.0, f64::max);
    let lo = report.funded.iter().map(|f| f.value).fold(0.0, f64::min);
    let x = Linear::new(
        (lo, if hi > lo { hi } else { lo + 1.0 }),
        (LABELS, WIDTH - PANEL - BAR_NOTE),
    );
    let bottom = TOP + rows_drawn as f64 * ROW;
    if report.funded.is_empty() {
        svg.text(
            (12.0, TOP + 15.0),
            "Nothing is funded.",
            TextStyle::label(Anchor::Start).colored(palette::MUTED),
        );
    } else {
        x_axis(
            &mut svg,
            &x,
            (TOP - 4.0, bottom),
            &format!("Own value of each funded proposal{}", units.of_value()),
        );
    }
    for (row, r) in all.iter().take(shown).enumerate() {
        draw_row(&mut svg, r, &x, TOP + row as f64 * ROW);
    }
    let drawn = all.iter().take(shown).filter(|r| matches!(r, Row::Funded(..))).count();
    let funded_rows = all.iter().filter(|r| matches!(r, Row::Funded(..))).count();
    rows_note(&mut svg, height - 8.0, funded_rows - drawn, "funded rows");
    shelved(&mut svg, report, units, WIDTH - PANEL + 8.0);
    svg
}

fn cluster_title(report: &PortfolioReport<'_>, units: &Units) -> String {
    if report.status == Status::Infeasible {
        return "No portfolio meets every constraint".to_owned();
    }
    format!(
        "Funded cluster: {} proposals, value {}",
        report.funded.len(),
        units.value_amount(report.total.value)
    )
}

fn cluster_subtitle(report: &PortfolioReport<'_>, units: &Units) -> String {
    if report.status == Status::Infeasible {
        return format!("Conflicting: {}", report.conflicts.join("; "));
    }
    let t = &report.total;
    format!(
        "Spend {} of {} · own values {} + synergies {} + learning {} · grouped by shared platform",
        amount(report.spend.total),
        units.cost_amount(report.budget),
        amount(t.own_values),
        amount(t.synergies),
        amount(t.learning_savings)
    )
}

/// A platform heading, or a funded proposal's bar with its value and the
/// other platforms it needs.
fn draw_row(svg: &mut Svg, row: &Row<'_>, x: &Linear, y: f64) {
    match row {
        Row::Platform(label, n) => {
            svg.text(
                (12.0, y + 15.0),
                &format!("{label} · shared by {n}"),
                TextStyle::label(Anchor::Start).bold(),
            );
        }
        Row::Alone(n) => {
            svg.text(
                (12.0, y + 15.0),
                &format!("No shared platform · {n}"),
                TextStyle::label(Anchor::Start).bold(),
            );
        }
        Row::Funded(f, colour, others) => {
            let (start, end) = (x.at(0.0_f64.max(x.lo)), x.at(f.value));
            let (left, right) = (start.min(end), start.max(end));
            svg.rect_titled(
                left,
                y + 3.0,
                right - left,
                ROW - 6.0,
                colour,
                &format!("{}: {}", labelled(&f.id, &f.name), amount(f.value)),
            );
            svg.text(
                (x.from - 6.0, y + 15.0),
                &shorten(&f.id, 14),
                TextStyle::label(Anchor::End),
            );
            let also = if others.is_empty() {
                String::new()
            } else {
                format!(" · also {}", others.join(", "))
            };
            svg.text(
                (right + 4.0, y + 15.0),
                &shorten(&format!("{}{also}", amount(f.value)), 22),
                TextStyle::label(Anchor::Start).colored(palette::MUTED).halo(),
            );
        }
    }
}

/// `id · name`, or the id alone when it is the name.
fn labelled(id: &str, name: &str) -> String {
    if id == name {
        id.to_owned()
    } else {
        format!("{id} · {name}")
    }
}

/// Why a shelved proposal is out, in a few words.
fn reason(why: &WhyNot, units: &Units) -> String {
    match why {
        WhyNot::ValueLost(v) => format!("forcing it in loses {}", units.value_amount(*v)),
        WhyNot::Infeasible(c) => format!("forbidden: {c}"),
        WhyNot::TimeLimit => "time limit: no portfolio with it found".to_owned(),
    }
}

/// The shelved proposals with their reasons, then the screened-out with
/// the first rule each broke.
fn shelved(svg: &mut Svg, report: &PortfolioReport<'_>, units: &Units, left: f64) {
    let entries: Vec<(String, String)> = report
        .shelved
        .iter()
        .map(|s| (labelled(&s.id, &s.name), reason(&s.why_not, units)))
        .chain(report.ranking.screened_out.iter().map(|s| {
            let first = s.reasons().first().map(ToString::to_string).unwrap_or_default();
            (s.id.to_owned(), format!("screened: {first}"))
        }))
        .collect();
    if entries.is_empty() {
        return;
    }
    svg.text(
        (left, TOP + 10.0),
        &format!("Not funded ({})", entries.len()),
        TextStyle::label(Anchor::Start).bold(),
    );
    for (row, (who, why)) in entries.iter().take(PANEL_ROWS).enumerate() {
        let y = TOP + (2 * row + 1) as f64 * ROW / 1.4 + 10.0;
        svg.text((left, y), &shorten(who, 34), TextStyle::label(Anchor::Start));
        svg.text(
            (left + 8.0, y + ROW / 1.4),
            &shorten(why, 34),
            TextStyle::label(Anchor::Start).colored(palette::MUTED),
        );
    }
    let hidden = entries.len().saturating_sub(PANEL_ROWS);
    if hidden > 0 {
        svg.text(
            (left, TOP + (2 * PANEL_ROWS + 1) as f64 * ROW / 1.4 + 10.0),
            &format!("… and {hidden} more"),
            TextStyle::label(Anchor::Start).colored(palette::MUTED),
        );
    }
}
