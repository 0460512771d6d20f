//! Reports as titled grids of text, shared by the table and Markdown
//! renderers.

use innorank::RankReport;
use innorank::problem::Problem;

use super::{CostView, WeightsView, compact, crossing_text, exact, fixed};

/// A titled table of text cells.
pub struct Grid {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Lines printed under the table.
    pub notes: Vec<String>,
}

/// A leaf value as shown to people: the number, and its level name if any.
fn value_cell(problem: &Problem, row: usize, leaf: usize) -> String {
    let (_, l) = problem.criteria.leaves().nth(leaf).expect("leaf index in range");
    let v = problem.scores.get(row, l.column);
    match l.level_name(v) {
        Some(name) => format!("{} ({name})", exact(v)),
        None => compact(v),
    }
}

/// The ranking table, then the screened-out alternatives.
pub fn rank(report: &RankReport<'_>) -> Vec<Grid> {
    let p = report.problem;
    let satisfactory = report.options.satisfactory;
    let mut header = vec!["Rank".to_owned(), "Alternative".to_owned(), "Score".to_owned()];
    if let Some(x) = satisfactory {
        header.push(format!("Satisfactory (>= {})", exact(x)));
    }
    for ((criterion, leaf), (_, w)) in p.criteria.leaves().zip(report.leaf_weights()) {
        let arrow = match leaf.direction {
            innorank::Direction::Benefit => "max".to_owned(),
            innorank::Direction::Cost => "min".to_owned(),
            innorank::Direction::Target(t) => format!("-> {}", exact(t)),
        };
        header.push(format!("{}\n{arrow}, w={}", criterion.id, fixed(w, 3)));
    }
    let leaves = p.criteria.leaf_nodes().len();
    let rows = report
        .ranking
        .iter()
        .map(|r| {
            let label = match p.alternatives.name(r.index) {
                Some(name) => format!("{} {name}", r.id),
                None => r.id.to_owned(),
            };
            let mut row = vec![r.rank.to_string(), label, fixed(r.score, 4)];
            if let Some(sat) = r.satisfactory {
                row.push(if sat { "yes" } else { "no" }.to_owned());
            }
            row.extend((0..leaves).map(|leaf| value_cell(p, r.index, leaf)));
            row
        })
        .collect();
    let o = &report.options;
    let method = match o.method {
        innorank::Method::Topsis => format!("TOPSIS, {} normalisation", o.normalization.name()),
        innorank::Method::Ahp => format!("AHP, {} synthesis", o.synthesis.name()),
    };
    let mut notes = vec![format!(
        "{method}; weights by AHP ({}, {} completion, {} RI), CR threshold {}",
        o.weighing.ahp.method.name(),
        o.weighing.ahp.completion.name(),
        o.weighing.ahp.random_index.name(),
        exact(o.weighing.cr_threshold)
    )];
    let shown = report.ranking.len();
    let ranked = p.alternatives.len() - report.screened_out.len();
    if shown < ranked {
        notes.push(format!(
            "showing the top {shown} of {ranked} ranked alternatives ({} more; --top N to change)",
            ranked - shown
        ));
    }
    let mut grids = vec![Grid {
        title: p.name.clone(),
        header,
        rows,
        notes,
    }];
    if report.options.explain && !p.derived.is_empty() {
        let mut rows = Vec::new();
        for r in &report.ranking {
            for (criterion, leaf) in p.criteria.leaves() {
                if let Some(d) = p.derivation(r.index, leaf.column) {
                    let value = compact(p.scores.get(r.index, leaf.column));
                    rows.push(vec![r.id.to_owned(), criterion.id.clone(), value, d.to_string()]);
                }
            }
        }
        grids.push(Grid {
            title: "Derived values".to_owned(),
            header: ["Alternative", "Criterion", "Value", "From"].map(String::from).to_vec(),
            rows,
            notes: Vec::new(),
        });
    }
    if !report.screened_out.is_empty() {
        grids.push(Grid {
            title: "Screened out".to_owned(),
            header: vec!["Alternative".to_owned(), "Broken rules".to_owned()],
            rows: report
                .screened_out
                .iter()
                .take(TABLE_SCREENED)
                .map(|s| {
                    let reasons: Vec<String> = s.reasons().iter().map(ToString::to_string).collect();
                    vec![s.id.to_owned(), reasons.join("; ")]
                })
                .collect(),
            notes: if report.screened_out.len() > TABLE_SCREENED {
                vec![format!(
                    "and {} more (all of them in --format json)",
                    report.screened_out.len() - TABLE_SCREENED
                )]
            } else {
                Vec::new()
            },
        });
    }
    grids
}

/// Screened-out alternatives a table lists.
const TABLE_SCREENED: usize = 20;

/// One grid per parent node: its children's weights, then (if any) the
/// estimated judgments and the judgments that hurt consistency most.
pub fn weights(view: &WeightsView<'_>) -> Vec<Grid> {
    let mut grids = Vec::new();
    for node in &view.weights.nodes {
        let c = &node.consistency;
        let verdict = if node.consistent { "consistent" } else { "INCONSISTENT" };
        let mut notes = vec![format!(
            "{} ({}): lambda_max {}, CI {}, RI {}, CR {} ({verdict} at {})",
            node.source.name(),
            view.options.ahp.method.name(),
            fixed(c.lambda_max, 4),
            fixed(c.ci, 4),
            fixed(c.ri, 2),
            fixed(c.cr, 4),
            exact(view.options.cr_threshold)
        )];
        for e in &node.estimated {
            notes.push(format!(
                "estimated: {} vs {} = {} (not judged; {} completion)",
                node.children[e.row],
                node.children[e.col],
                fixed(e.value, 4),
                view.options.ahp.completion.name()
            ));
        }
        for g in &node.judges {
            let cr = match &g.consistency {
                Some(c) => format!("CR {}", fixed(c.cr, 4)),
                None => "no CR (judgments alone do not link every criterion)".to_owned(),
            };
            notes.push(format!(
                "judge {} (weight {}): {cr}, compatibility with the group {}",
                g.judge,
                fixed(g.weight, 3),
                fixed(g.compatibility, 3)
            ));
        }
        if let Some(c) = node.consensus {
            notes.push(format!(
                "consensus (weighted GCOMPI, 0 = full agreement): {}",
                fixed(c, 4)
            ));
        }
        if let Some(d) = &node.disagreement {
            notes.push(format!(
                "widest disagreement: {} judged [{}, {}] = {} against the group's {}",
                d.judge,
                node.children[d.row],
                node.children[d.col],
                fixed(d.judged, 4),
                fixed(d.group, 4)
            ));
        }
        for d in &node.worst {
            notes.push(format!(
                "deviates: [{}, {}, {}] but the weights imply {} (nearest scale value {})",
                node.children[d.row],
                node.children[d.col],
                fixed(d.judged, 4),
                fixed(d.fitted, 4),
                scale_text(d.nearest_scale_value())
            ));
        }
        if let Some(repair) = view.suggestion(node.node) {
            for v in repair.changes() {
                notes.push(format!(
                    "suggest: [{}, {}] {} -> {} (CR then {})",
                    node.children[v.row],
                    node.children[v.col],
                    scale_text(v.from),
                    scale_text(v.to),
                    fixed(v.cr_after, 4)
                ));
            }
            notes.push(format!(
                "suggestion: {} (CR {} -> {})",
                super::outcome_text(repair.outcome),
                fixed(repair.cr_before, 4),
                fixed(repair.cr_after, 4)
            ));
        }
        grids.push(Grid {
            title: format!("Node {}", node.id),
            header: vec!["Criterion".to_owned(), "Local".to_owned(), "Global".to_owned()],
            rows: view
                .children(node)
                .map(|(id, local, global)| vec![id.to_owned(), fixed(local, 4), fixed(global, 4)])
                .collect(),
            notes,
        });
    }
    grids
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
                row.extend(costs.iter().map(|&v| compact(v)));
                row.push(String::new());
                rows.push(row);
            }
            for a in &c.alternatives {
                let mut row = vec![a.id.clone(), a.volume.to_string(), compact(a.at_volume)];
                row.extend(a.average_costs.iter().map(|&v| compact(v)));
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
            Grid {
                title: format!("{}: {}", view.problem, c.criterion),
                header,
                rows,
                notes,
            }
        })
        .collect()
}
