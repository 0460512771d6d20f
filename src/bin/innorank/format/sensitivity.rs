//! `sensitivity` in every format: a grid of intervals with a sentence per
//! node for people, one row per node for programs; `--curve` as a grid of
//! scores (one row per weight) or `t,<ids...>` CSV.

use std::io::Write;

use innorank::pipeline::sensitivity::{
    Compared, Curve, Interval, JudgmentRange, NodeSensitivity, Sensitivity, Stability,
};
use innorank::problem::{CriterionKind, Problem};

use super::grid::{Fit, Grid};
use super::number::{decimals, round_trip, short};
use super::{Render, csv, fit, json, markdown, table};

/// Everything `sensitivity` shows.
pub struct SensitivityView<'a> {
    pub report: &'a Sensitivity<'a>,
    /// The terminal width tables are fitted to.
    pub width: Option<usize>,
}

/// Everything `sensitivity --curve` shows.
pub struct CurveView<'a> {
    pub curve: &'a Curve<'a>,
    pub width: Option<usize>,
}

impl Render for SensitivityView<'_> {
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        json::write(out, self.report)
    }
    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        nodes_csv(out, self.report)
    }
    fn table(&self) -> String {
        table::render(&fit::fit(grids(self.report), self.width))
    }
    fn markdown(&self) -> String {
        markdown::render(&grids(self.report))
    }
}

impl Render for CurveView<'_> {
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        json::write(out, self.curve)
    }
    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let c = self.curve;
        let ids = c.series.iter().map(|(i, _)| c.problem.alternatives().id(*i));
        let header: Vec<&str> = std::iter::once("t").chain(ids).collect();
        let rows = c.t.iter().enumerate().map(|(k, &t)| {
            std::iter::once(round_trip(t))
                .chain(c.series.iter().map(move |(_, s)| round_trip(s[k])))
                .collect::<Vec<_>>()
        });
        csv::records(out, &header, rows)
    }
    fn table(&self) -> String {
        table::render(&fit::fit(vec![curve_grid(self.curve)], self.width))
    }
    fn markdown(&self) -> String {
        markdown::render(&[curve_grid(self.curve)])
    }
}

/// How deep node `node` sits (top-level criteria: 0).
fn depth(problem: &Problem, node: usize) -> usize {
    let nodes = problem.criteria().nodes();
    let parent_of = |n: usize| {
        nodes.iter().position(|c| match &c.kind {
            CriterionKind::Parent(p) => p.children.contains(&n),
            CriterionKind::Leaf(_) => false,
        })
    };
    let (mut d, mut at) = (0, node);
    while let Some(p) = parent_of(at) {
        if p == 0 {
            break;
        }
        (d, at) = (d + 1, p);
    }
    d
}

/// `0.21-0.48`, `any` for the whole of [0, 1].
fn span<E>(i: &Interval<E>) -> String {
    if i.lo_end.is_none() && i.hi_end.is_none() {
        "any".to_owned()
    } else {
        format!("{}-{}", bound(i.lo, 2), bound(i.hi, 2))
    }
}

/// An end of an interval: `0` and `1` as such, else `digits` decimals.
fn bound(x: f64, digits: usize) -> String {
    if x == 0.0 || x == 1.0 {
        format!("{x}")
    } else {
        decimals(x, digits)
    }
}

fn percent(margin: Option<f64>) -> String {
    match margin {
        None => "-".to_owned(),
        Some(m) if m < 0.01 => format!("{:.1} %", m * 100.0),
        Some(m) => format!("{:.0} %", m * 100.0),
    }
}

/// The intervals grid with a sentence per node, then (with --judgments)
/// the judgments grid.
fn grids(report: &Sensitivity<'_>) -> Vec<Grid> {
    let p = report.problem;
    let id = |i: usize| p.alternatives().id(i).to_owned();
    let k = report.shortlist;
    let rows = report
        .nodes
        .iter()
        .map(|n| {
            let name = format!("{}{}", "  ".repeat(depth(p, n.node)), n.id);
            let mut row = vec![name, decimals(n.weight, 3)];
            match &n.stability {
                Some(s) => {
                    row.extend([span(&s.top), span(&s.ranking), span(&s.shortlist), percent(s.margin)]);
                }
                None => row.extend(["fixed", "fixed", "fixed", "-"].map(str::to_owned)),
            }
            row
        })
        .collect();
    let header = ["Node", "Weight", "Winner", "Order", &format!("Top {k}"), "Margin"].map(str::to_owned);
    let mut notes = Vec::new();
    match report.winner {
        Some(w) => {
            notes.push(format!(
                "Winner, Order, Top {k}: the weights between which {} stays first, the whole order stays, the first {k} stay the same; the others keep their proportions.",
                id(w)
            ));
            notes.extend(report.nodes.iter().filter_map(|n| sentence(report, n, &id(w))));
        }
        None => notes.push("Nothing is ranked: no interval to find.".to_owned()),
    }
    notes.push(critical(report));
    let mut grid = Grid::new(
        format!("{}: how far one weight can move", p.name()),
        header.to_vec(),
        rows,
        notes,
    )
    .numbers_from(1);
    grid.fit = Some(Fit {
        keys: 1,
        first_only: 1,
        shrink: Some((0, 16)),
    });
    let mut out = vec![grid];
    if report.options.judgments {
        out.push(judgments_grid(report));
    }
    out
}

/// "risk (0.317): p06 stays first from 0.210 (p01 leads below) to 0.480
/// (p03 above)."
fn sentence(report: &Sensitivity<'_>, n: &NodeSensitivity, winner: &str) -> Option<String> {
    let s: &Stability = n.stability.as_ref()?;
    let id = |i: usize| report.problem.alternatives().id(i);
    let top = &s.top;
    let text = match (top.lo_end, top.hi_end) {
        (None, None) => format!(
            "{} ({}): {winner} stays first at any weight.",
            n.id,
            decimals(n.weight, 3)
        ),
        (lo, hi) => {
            let below = lo.map_or(String::new(), |a| format!(" ({} leads below)", id(a)));
            let above = hi.map_or(String::new(), |a| format!(" ({} leads above)", id(a)));
            format!(
                "{} ({}): {winner} stays first from {}{below} to {}{above}.",
                n.id,
                decimals(n.weight, 3),
                bound(top.lo, 3),
                bound(top.hi, 3)
            )
        }
    };
    Some(text)
}

/// "Critical criterion: relatedness: 12 % less weight (0.295 to 0.260)
/// puts p01 first."
fn critical(report: &Sensitivity<'_>) -> String {
    let Some(n) = report.critical.map(|i| &report.nodes[i]) else {
        return "Critical criterion: none; no single weight changes the winner.".to_owned();
    };
    let s = n.stability.as_ref().expect("the critical node moves");
    let id = |i: usize| report.problem.alternatives().id(i);
    let w = n.weight;
    let below = s.top.lo_end.map(|a| ((w - s.top.lo) / w, "less", s.top.lo, a));
    let above = s.top.hi_end.map(|a| ((s.top.hi - w) / w, "more", s.top.hi, a));
    let (m, way, to, who) = match (below, above) {
        (Some(b), Some(a)) => {
            if a.0 < b.0 {
                a
            } else {
                b
            }
        }
        (b, a) => b.or(a).expect("a margin has an end"),
    };
    format!(
        "Critical criterion: {}: {} {way} weight ({} to {}) puts {} first.",
        n.id,
        percent(Some(m)),
        decimals(w, 3),
        decimals(to, 3),
        id(who)
    )
}

/// A judgment's value as written: `3`, `1/2`, `2.5`.
fn judgment(v: f64) -> String {
    let inverse = 1.0 / v;
    if v < 1.0 && (inverse - inverse.round()).abs() < 1e-9 {
        format!("1/{}", inverse.round())
    } else {
        short(v)
    }
}

/// One row per judgment; a panel's judge leads the judgment's cell, so that
/// the grid fits 80 columns with long ids.
fn judgments_grid(report: &Sensitivity<'_>) -> Grid {
    let p = report.problem;
    let header = ["Node", "Judgment", "Value", "Keeps winner", "Nearest flip"].map(str::to_owned);
    let rows = report
        .judgments
        .iter()
        .map(|j: &JudgmentRange| {
            let judge = j.judge.as_ref().map_or(String::new(), |k| format!("{k}: "));
            vec![
                j.node.clone(),
                format!("{judge}{} vs {}", j.pair.0, j.pair.1),
                judgment(j.value),
                format!("{}-{}", judgment(j.lo), judgment(j.hi)),
                j.flip.map_or("-".to_owned(), |f| {
                    format!("{}: {}", judgment(f.value), p.alternatives().id(f.winner))
                }),
            ]
        })
        .collect();
    let notes = report
        .judgments
        .iter()
        .filter_map(|j| {
            let f = j.flip?;
            let judge = match (&j.judge, j.compared) {
                (Some(k), _) => format!(" for {k}"),
                (None, Compared::Alternatives) => format!(" under {}", j.node),
                (None, Compared::Criteria) => String::new(),
            };
            Some(format!(
                "If {} vs {}{judge} were {} instead of {}, {} would win.",
                j.pair.0,
                j.pair.1,
                judgment(f.value),
                judgment(j.value),
                p.alternatives().id(f.winner)
            ))
        })
        .collect();
    let mut grid = Grid::new(
        "Pairwise judgments: the values that keep the winner".to_owned(),
        header.to_vec(),
        rows,
        notes,
    )
    .numbers_from(2);
    grid.wrap = Some(1);
    grid
}

/// `node,weight,fixed,top_lo,...`: one row per node, ends as ids.
fn nodes_csv(out: &mut dyn Write, report: &Sensitivity<'_>) -> anyhow::Result<()> {
    const HEADER: [&str; 22] = [
        "node",
        "weight",
        "fixed",
        "top_lo",
        "top_hi",
        "top_lo_leader",
        "top_hi_leader",
        "ranking_lo",
        "ranking_hi",
        "ranking_lo_above",
        "ranking_lo_below",
        "ranking_hi_above",
        "ranking_hi_below",
        "shortlist_k",
        "shortlist_lo",
        "shortlist_hi",
        "shortlist_lo_enters",
        "shortlist_lo_leaves",
        "shortlist_hi_enters",
        "shortlist_hi_leaves",
        "margin",
        "critical",
    ];
    let p = report.problem;
    let id = |i: Option<usize>| i.map_or(String::new(), |i| p.alternatives().id(i).to_owned());
    let rows = report.nodes.iter().enumerate().map(|(k, n)| {
        let mut row = vec![n.id.clone(), round_trip(n.weight), n.stability.is_none().to_string()];
        match &n.stability {
            Some(s) => {
                let (t, r, l) = (&s.top, &s.ranking, &s.shortlist);
                row.extend([round_trip(t.lo), round_trip(t.hi), id(t.lo_end), id(t.hi_end)]);
                row.extend([round_trip(r.lo), round_trip(r.hi)]);
                for end in [r.lo_end, r.hi_end] {
                    row.extend([id(end.map(|e| e.0)), id(end.map(|e| e.1))]);
                }
                row.extend([report.shortlist.to_string(), round_trip(l.lo), round_trip(l.hi)]);
                for end in [l.lo_end, l.hi_end] {
                    row.extend([id(end.map(|e| e.enters)), id(end.map(|e| e.leaves))]);
                }
                row.push(s.margin.map_or(String::new(), round_trip));
            }
            None => row.extend(std::iter::repeat_n(String::new(), 18)),
        }
        row.push((report.critical == Some(k)).to_string());
        row
    });
    csv::records(out, &HEADER, rows)
}

/// The scores at every `t`, marked `*` at W and `x` at a crossing.
fn curve_grid(c: &Curve<'_>) -> Grid {
    let p = c.problem;
    let header: Vec<String> = std::iter::once("t".to_owned())
        .chain(c.series.iter().map(|(i, _)| p.alternatives().id(*i).to_owned()))
        .collect();
    let rows =
        c.t.iter()
            .enumerate()
            .map(|(k, &t)| {
                let mark = if t == c.weight {
                    " *"
                } else if c.crossings.iter().any(|x| x.t == t) {
                    " x"
                } else {
                    "  "
                };
                std::iter::once(format!("{}{mark}", decimals(t, 3)))
                    .chain(c.series.iter().map(|(_, s)| decimals(s[k], 4)))
                    .collect()
            })
            .collect();
    let mut notes = vec![format!(
        "* the weight {} has in the problem; x where two scores cross:",
        c.node
    )];
    notes.extend(c.crossings.iter().map(|x| {
        format!(
            "  at {}: {} and {} swap",
            decimals(x.t, 6),
            p.alternatives().id(x.pair.0),
            p.alternatives().id(x.pair.1)
        )
    }));
    if c.crossings.is_empty() {
        notes[0] = format!("* the weight {} has in the problem; no two scores cross.", c.node);
    }
    let mut grid = Grid::new(
        format!("{}: scores as {} weighs 0 to 1", p.name(), c.node),
        header,
        rows,
        notes,
    )
    .numbers_from(0);
    grid.fit = Some(Fit {
        keys: 1,
        first_only: 0,
        shrink: None,
    });
    grid
}
