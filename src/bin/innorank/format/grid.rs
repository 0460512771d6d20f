//! Reports as titled grids of text, shared by the table and Markdown
//! renderers; `fit.rs` cuts them to the terminal's width.

use innorank::RankReport;
use innorank::pipeline::{HierarchyWeights, NodeWeights};
use innorank::problem::{Leaf, Problem};

use super::number::{decimals, exact, short};
use super::view::{CostView, WeightsView, crossing_text, outcome_text};

/// How a grid too wide for the terminal is cut into parts that fit.
///
/// The first `keys` columns (rank, alternative) are repeated in every
/// part so that each row can be read on its own; the next `first_only`
/// columns (score) are shown in the first part only; the remaining value
/// columns fill the parts in order, as many per part as fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// Leading columns repeated in every part.
    pub keys: usize,
    /// Columns after the keys shown in the first part only.
    pub first_only: usize,
    /// A key column whose cells may be cut with an ellipsis, and the width
    /// it may be cut to.
    pub shrink: Option<(usize, usize)>,
}

/// A titled table of text cells.
pub struct Grid {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Lines printed under the table.
    pub notes: Vec<String>,
    /// How each column is aligned; columns past its end are left-aligned.
    pub align: Vec<Align>,
    /// How the grid may be cut to fit a terminal (see [`super::fit::fit`]); `None`: it
    /// is printed as it is.
    pub fit: Option<Fit>,
    /// A column of text (reasons, explanations) whose cells may be wrapped
    /// onto several lines to fit a terminal (see [`super::fit::fit`]).
    pub wrap: Option<usize>,
}

impl Grid {
    /// A grid of left-aligned columns that is never cut.
    pub(super) fn new(title: String, header: Vec<String>, rows: Vec<Vec<String>>, notes: Vec<String>) -> Self {
        Grid {
            title,
            header,
            rows,
            notes,
            align: Vec::new(),
            fit: None,
            wrap: None,
        }
    }

    /// Right-aligns the columns from `first` on: they hold numbers, which
    /// people compare digit by digit.
    pub(super) fn numbers_from(mut self, first: usize) -> Self {
        self.align = (0..self.header.len())
            .map(|c| if c < first { Align::Left } else { Align::Right })
            .collect();
        self
    }

    /// Lets the cells of column `column` be wrapped to fit a terminal; a
    /// column of text, so it is left-aligned.
    pub(super) fn wrapping(mut self, column: usize) -> Self {
        if let Some(align) = self.align.get_mut(column) {
            *align = Align::Left;
        }
        self.wrap = Some(column);
        self
    }

    /// The alignment of column `column`.
    pub fn align(&self, column: usize) -> Align {
        self.align.get(column).copied().unwrap_or(Align::Left)
    }
}

/// Where a column's text sits in its cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text and names.
    Left,
    /// Numbers.
    Right,
}

/// A leaf value as shown to people: the number, and its level name if any.
fn value_cell(problem: &Problem, row: usize, leaf: &Leaf) -> String {
    let v = problem.scores().get(row, leaf.column);
    match leaf.level_name(v) {
        Some(name) => format!("{} ({name})", exact(v)),
        None => short(v),
    }
}

/// The ranking table, then (with `--explain`) the derived values, then the
/// screened-out alternatives.
///
/// `changed` names the command-line options that differ from their
/// defaults, as typed (`--top 3`); the footer lists them with the method
/// and every inconsistent node, so that a printed table says how it was
/// made.
pub fn rank(report: &RankReport<'_>, changed: &[String], explain: bool) -> Vec<Grid> {
    std::iter::once(ranking_grid(report, changed))
        .chain(derived_grid(report).filter(|_| explain))
        .chain(screened_grid(report))
        .collect()
}

/// The ranked alternatives with their scores and values, and the footer.
fn ranking_grid(report: &RankReport<'_>, changed: &[String]) -> Grid {
    let p = report.problem;
    let mut header = vec!["Rank".to_owned(), "Alternative".to_owned(), "Score".to_owned()];
    let mut align = vec![Align::Right, Align::Left, Align::Right];
    if let Some(x) = report.options.satisfactory {
        header.push(format!("Satisfactory (>= {})", exact(x)));
        align.push(Align::Left);
    }
    let first_only = header.len() - 2;
    for ((criterion, leaf), (_, w)) in p.criteria().leaves().zip(report.leaf_weights()) {
        let arrow = match leaf.direction {
            innorank::Direction::Benefit => "max".to_owned(),
            innorank::Direction::Cost => "min".to_owned(),
            innorank::Direction::Target(t) => format!("-> {}", exact(t)),
        };
        header.push(format!("{}\n{arrow}, w={}", criterion.id, decimals(w, 3)));
        align.push(Align::Right);
    }
    let leaves: Vec<&Leaf> = p.criteria().leaves().map(|(_, l)| l).collect();
    let rows = report
        .ranking
        .iter()
        .map(|r| {
            let label = match p.alternatives().name(r.index) {
                Some(name) => format!("{} {name}", r.id),
                None => r.id.to_owned(),
            };
            let mut row = vec![r.rank.to_string(), label, decimals(r.score, 4)];
            if let Some(sat) = r.satisfactory {
                row.push(if sat { "yes" } else { "no" }.to_owned());
            }
            row.extend(leaves.iter().map(|leaf| value_cell(p, r.index, leaf)));
            row
        })
        .collect();
    Grid {
        title: p.name().to_owned(),
        header,
        rows,
        notes: ranking_notes(report, changed),
        align,
        fit: Some(Fit {
            keys: 2,
            first_only,
            shrink: Some((1, ALTERNATIVE_MIN_WIDTH)),
        }),
        wrap: None,
    }
}

/// The ranking's footer: method and weighting, the options that changed,
/// the inconsistent nodes, and how many rows are not shown.
fn ranking_notes(report: &RankReport<'_>, changed: &[String]) -> Vec<String> {
    let p = report.problem;
    let o = &report.options;
    let method = match o.method {
        innorank::Method::Topsis => format!("TOPSIS, {} normalisation", o.normalization.name()),
        innorank::Method::Ahp => format!("AHP, {} synthesis", o.synthesis.name()),
    };
    // Aggregation only means something when a node has judges.
    let aggregation = if report.weights.nodes.iter().any(|n| !n.judges.is_empty()) {
        format!(", {} aggregation", o.weighing.aggregation.name())
    } else {
        String::new()
    };
    let mut notes = vec![format!(
        "{method}; weights by AHP ({}, {} completion, {} RI{aggregation}), CR threshold {}",
        o.weighing.ahp.method.name(),
        o.weighing.ahp.completion.name(),
        o.weighing.ahp.random_index.name(),
        exact(o.weighing.cr_threshold)
    )];
    if !changed.is_empty() {
        notes.push(format!("options: {}", changed.join(" ")));
    }
    notes.extend(inconsistent_notes(&report.weights, o.weighing.cr_threshold));
    let shown = report.ranking.len();
    let ranked = p.alternatives().len() - report.screened_out.len();
    if shown < ranked {
        notes.push(format!(
            "showing the top {shown} of {ranked} ranked alternatives ({} more; --top N to change)",
            ranked - shown
        ));
    }
    notes
}

/// With `--explain`, how each derived value of a shown alternative was
/// computed; `None` without derived criteria.
fn derived_grid(report: &RankReport<'_>) -> Option<Grid> {
    let p = report.problem;
    if p.derived().is_empty() {
        return None;
    }
    let mut rows = Vec::new();
    for r in &report.ranking {
        for (criterion, leaf) in p.criteria().leaves() {
            if let Some(d) = p.derivation(r.index, leaf.column) {
                let value = short(p.scores().get(r.index, leaf.column));
                rows.push(vec![r.id.to_owned(), criterion.id.clone(), value, d.to_string()]);
            }
        }
    }
    let header = ["Alternative", "Criterion", "Value", "From"].map(String::from).to_vec();
    Some(
        Grid::new("Derived values".to_owned(), header, rows, Vec::new())
            .numbers_from(2)
            .wrapping(3),
    )
}

/// The first screened-out alternatives with the rules they broke; `None`
/// if none was.
fn screened_grid(report: &RankReport<'_>) -> Option<Grid> {
    let screened = &report.screened_out;
    if screened.is_empty() {
        return None;
    }
    let rows = screened
        .iter()
        .take(TABLE_SCREENED)
        .map(|s| {
            let reasons: Vec<String> = s.reasons().iter().map(ToString::to_string).collect();
            vec![s.id.to_owned(), reasons.join("; ")]
        })
        .collect();
    let notes = if screened.len() > TABLE_SCREENED {
        vec![format!(
            "and {} more (all of them in --format json)",
            screened.len() - TABLE_SCREENED
        )]
    } else {
        Vec::new()
    };
    let header = vec!["Alternative".to_owned(), "Broken rules".to_owned()];
    Some(Grid::new("Screened out".to_owned(), header, rows, notes).wrapping(1))
}

/// One line per node whose judgments are inconsistent, with its CR and the
/// threshold: a reader of the table learns which weights to doubt without
/// the warnings on standard error.
pub fn inconsistent_notes(weights: &HierarchyWeights, threshold: f64) -> impl Iterator<Item = String> + '_ {
    weights.nodes.iter().filter(|n| !n.consistent).map(move |n| {
        format!(
            "inconsistent: {} CR {} > {threshold} (see innorank weights)",
            n.id,
            decimals(n.consistency.cr, 4)
        )
    })
}

/// The narrowest the Alternative column gets before value columns move to
/// a second table: enough for an id and the start of its name.
pub(super) const ALTERNATIVE_MIN_WIDTH: usize = 20;

/// Screened-out alternatives a table lists.
const TABLE_SCREENED: usize = 20;

/// One grid per parent node: its children's weights, then notes on its
/// consistency, estimated judgments, judges and suggested revisions.
pub fn weights(view: &WeightsView<'_>) -> Vec<Grid> {
    view.weights
        .nodes
        .iter()
        .map(|node| {
            Grid::new(
                format!("Node {}", node.id),
                vec!["Criterion".to_owned(), "Local".to_owned(), "Global".to_owned()],
                view.children(node)
                    .map(|(id, local, global)| vec![id.to_owned(), decimals(local, 4), decimals(global, 4)])
                    .collect(),
                node_notes(view, node),
            )
            .numbers_from(1)
        })
        .collect()
}

/// The notes under a node's weights: its consistency, estimated judgments,
/// each judge and the group's agreement, the judgments that deviate most,
/// and (`--suggest`) the suggested revisions.
fn node_notes(view: &WeightsView<'_>, node: &NodeWeights) -> Vec<String> {
    let pair = |row: usize, col: usize| (&node.children[row], &node.children[col]);
    let c = &node.consistency;
    let verdict = if node.consistent { "consistent" } else { "INCONSISTENT" };
    let mut notes = vec![format!(
        "{} ({}): lambda_max {}, CI {}, RI {}, CR {} ({verdict} at {})",
        view.source(node),
        view.options.ahp.method.name(),
        decimals(c.lambda_max, 4),
        decimals(c.ci, 4),
        decimals(c.ri, 2),
        decimals(c.cr, 4),
        exact(view.options.cr_threshold)
    )];
    for e in &node.estimated {
        let (a, b) = pair(e.row, e.col);
        notes.push(format!(
            "estimated: {a} vs {b} = {} (not judged; {} completion)",
            decimals(e.value, 4),
            view.options.ahp.completion.name()
        ));
    }
    for g in &node.judges {
        let cr = match &g.consistency {
            Some(c) => format!("CR {}", decimals(c.cr, 4)),
            None => "no CR (judgments alone do not link every criterion)".to_owned(),
        };
        notes.push(format!(
            "judge {} (weight {}): {cr}, compatibility with the group {}",
            g.judge,
            decimals(g.weight, 3),
            decimals(g.compatibility, 3)
        ));
    }
    if let Some(c) = node.consensus {
        notes.push(format!(
            "consensus (weighted GCOMPI, 0 = full agreement): {}",
            decimals(c, 4)
        ));
    }
    if let Some(d) = &node.disagreement {
        let (a, b) = pair(d.row, d.col);
        notes.push(format!(
            "widest disagreement: {} judged [{a}, {b}] = {} against the group's {}",
            d.judge,
            decimals(d.judged, 4),
            decimals(d.group, 4)
        ));
    }
    for d in &node.worst {
        let (a, b) = pair(d.row, d.col);
        notes.push(format!(
            "deviates: [{a}, {b}, {}] but the weights imply {} (nearest scale value {})",
            decimals(d.judged, 4),
            decimals(d.fitted, 4),
            scale_text(d.nearest_scale_value())
        ));
    }
    if let Some(repair) = view.suggestion(node.node) {
        for v in repair.changes() {
            let (a, b) = pair(v.row, v.col);
            notes.push(format!(
                "suggest: [{a}, {b}] {} -> {} (CR then {})",
                scale_text(v.from),
                scale_text(v.to),
                decimals(v.cr_after, 4)
            ));
        }
        notes.push(format!(
            "suggestion: {} (CR {} -> {})",
            outcome_text(repair.outcome),
            decimals(repair.cr_before, 4),
            decimals(repair.cr_after, 4)
        ));
    }
    notes
}

/// A scale value as an analyst writes it: `3` or `1/3`.
fn scale_text(v: f64) -> String {
    if v >= 1.0 {
        format!("{}", v.round())
    } else {
        format!("1/{}", (1.0 / v).round())
    }
}

/// One grid per `learning_curve` criterion: the baseline, then each
/// alternative's average cost at its own volume and at the chosen volumes.
pub fn cost(view: &CostView<'_>) -> Vec<Grid> {
    view.curves
        .iter()
        .map(|c| {
            let mut header = ["Alternative", "Volume", "Avg cost at volume"]
                .map(String::from)
                .to_vec();
            header.extend(c.volumes.iter().map(|q| format!("at {q}")));
            let has_baseline = c.baseline.is_some();
            if has_baseline {
                header.push("Below baseline".to_owned());
            }
            let mut rows = Vec::new();
            if let Some((_, costs)) = &c.baseline {
                let mut row = vec!["(baseline)".to_owned(), String::new(), String::new()];
                row.extend(costs.iter().map(|&v| short(v)));
                row.push(String::new());
                rows.push(row);
            }
            for a in &c.alternatives {
                let mut row = vec![a.id.clone(), a.volume.to_string(), short(a.at_volume)];
                row.extend(a.average_costs.iter().map(|&v| short(v)));
                if has_baseline {
                    row.push(crossing_text(a.crossing));
                }
                rows.push(row);
            }
            let mut notes = vec![
                "average cost per unit = fixed/Q + (unit cost/Q) * sum of k^log2(learning rate), k = 1..Q".to_owned(),
            ];
            if let Some((b, _)) = &c.baseline {
                notes.push(format!("baseline: {b}"));
            }
            let mut grid = Grid::new(format!("{}: {}", view.problem, c.criterion), header, rows, notes).numbers_from(1);
            if has_baseline && let Some(last) = grid.align.last_mut() {
                // "from 1001" is text.
                *last = Align::Left;
            }
            grid
        })
        .collect()
}
