//! `reversal` in every format: one row per check with its verdict and the
//! evidence (in full in JSON; summarised, lists cut, in the others).

use std::io::Write;

use innorank::Method;
use innorank::pipeline::{CHECKS, ReversalReport};

use super::grid::Grid;
use super::{Render, fit, markdown, table};

/// Items of a list a table shows before `and N more`.
const SHOWN: usize = 5;

/// The view of a [`ReversalReport`]; tables are fitted to `width`.
pub struct ReversalView<'a> {
    pub report: &'a ReversalReport<'a>,
    pub width: Option<usize>,
}

impl Render for ReversalView<'_> {
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        super::json::write(out, self.report)
    }

    /// `check,passed,findings,evidence`: the evidence in full, as text.
    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let r = self.report;
        let rows = CHECKS.iter().zip(r.verdicts()).enumerate().map(|(k, (name, passed))| {
            vec![
                (*name).to_owned(),
                passed.to_string(),
                findings(r, k).to_string(),
                evidence(r, k, usize::MAX),
            ]
        });
        super::csv::records(out, &["check", "passed", "findings", "evidence"], rows)
    }

    fn table(&self) -> String {
        table::render(&fit::fit(vec![grid(self.report)], self.width))
    }

    fn markdown(&self) -> String {
        markdown::render(&[grid(self.report)])
    }
}

fn grid(r: &ReversalReport<'_>) -> Grid {
    let method = match r.options.method {
        Method::Topsis => format!("TOPSIS, {} normalisation", r.options.normalization.name()),
        Method::Ahp => format!("AHP, {} synthesis", r.options.synthesis.name()),
    };
    let rows = CHECKS
        .iter()
        .zip(r.verdicts())
        .enumerate()
        .map(|(k, (name, passed))| {
            let verdict = if passed { "pass" } else { "FAIL" };
            vec![(*name).to_owned(), verdict.to_owned(), evidence(r, k, SHOWN)]
        })
        .collect();
    let header = ["Check", "Verdict", "Evidence"].map(String::from).to_vec();
    let notes = vec![format!(
        "{method}; {} ranked alternatives; full evidence in --format json",
        r.base.len()
    )];
    Grid::new(format!("{}: rank reversal", r.problem.name()), header, rows, notes).wrapping(2)
}

/// How many findings check `k` has: flips, cases where the best lost
/// first place, 3-cycles, positions where the order by wins differs.
fn findings(r: &ReversalReport<'_>, k: usize) -> u64 {
    let best = r.base.first().copied();
    match k {
        0 => r.leave_one_out.iter().map(|x| x.flips.len() as u64).sum(),
        1 => r.worse_copy.iter().filter(|c| Some(c.best_after) != best).count() as u64,
        2 => r.cycle_count,
        _ => r.recomposition.iter().zip(&r.base).filter(|(a, b)| a != b).count() as u64,
    }
}

/// `items`, the first `shown` of them joined by `separator`, then `and N
/// more`.
fn cut(items: impl ExactSizeIterator<Item = String>, shown: usize, separator: &str) -> String {
    let total = items.len();
    let mut text = items.take(shown).collect::<Vec<_>>().join(separator);
    if total > shown {
        text.push_str(&format!("{separator}and {} more", total - shown));
    }
    text
}

/// The evidence of check `k` in words, lists cut after `shown` items.
fn evidence(r: &ReversalReport<'_>, k: usize, shown: usize) -> String {
    let id = |i: usize| r.problem.alternatives().id(i).to_owned();
    match k {
        0 => leave_one_out(r, &id, shown),
        1 => worse_copy(r, &id, shown),
        2 => transitivity(r, &id, shown),
        _ if r.recomposition == r.base => "the order by pairwise wins is the ranking".to_owned(),
        _ => format!(
            "by pairwise wins: {} (ranking: {})",
            cut(r.recomposition.iter().map(|&i| id(i)), shown.saturating_mul(2), ", "),
            cut(r.base.iter().map(|&i| id(i)), shown.saturating_mul(2), ", ")
        ),
    }
}

/// The removals that flip pairs, each with its flips.
fn leave_one_out(r: &ReversalReport<'_>, id: &dyn Fn(usize) -> String, shown: usize) -> String {
    let flipping: Vec<_> = r.leave_one_out.iter().filter(|x| !x.flips.is_empty()).collect();
    if flipping.is_empty() {
        return format!("no removal flips a pair ({} removals)", r.leave_one_out.len());
    }
    let each = flipping.iter().map(|x| {
        let pairs = x.flips.iter().map(|&(a, b)| format!("{} > {}", id(a), id(b)));
        format!("without {}: {}", id(x.removed), cut(pairs, shown, ", "))
    });
    format!(
        "{} of {} removals flip a pair: {}",
        flipping.len(),
        r.leave_one_out.len(),
        cut(each, shown, "; ")
    )
}

/// The worse copies after which the best is no longer first.
fn worse_copy(r: &ReversalReport<'_>, id: &dyn Fn(usize) -> String, shown: usize) -> String {
    let Some(&best) = r.base.first() else {
        return "nothing ranked".to_owned();
    };
    if r.worse_copy.is_empty() {
        return match r.base.len() {
            1 => format!("{} is the only alternative ranked", id(best)),
            _ => "every alternative ties for first: nothing to replace".to_owned(),
        };
    }
    let lost: Vec<_> = r.worse_copy.iter().filter(|c| c.best_after != best).collect();
    if lost.is_empty() {
        return format!("{} stays first in all {} cases", id(best), r.worse_copy.len());
    }
    let each = lost
        .iter()
        .map(|c| format!("worse {}: {} first", id(c.replaced), id(c.best_after)));
    format!(
        "{} loses first place in {} of {} cases: {}",
        id(best),
        lost.len(),
        r.worse_copy.len(),
        cut(each, shown, "; ")
    )
}

/// The number of 3-cycles and the first of them.
fn transitivity(r: &ReversalReport<'_>, id: &dyn Fn(usize) -> String, shown: usize) -> String {
    if r.cycle_count == 0 {
        return "no 3-cycle among the pairs ranked alone".to_owned();
    }
    let each: Vec<String> = r
        .cycles
        .iter()
        .take(shown)
        .map(|c| format!("{} > {} > {} > {}", id(c[0]), id(c[1]), id(c[2]), id(c[0])))
        .collect();
    let more = match r.cycle_count.saturating_sub(each.len() as u64) {
        0 => String::new(),
        more => format!("; and {more} more"),
    };
    format!("{} 3-cycles: {}{more}", r.cycle_count, each.join("; "))
}
