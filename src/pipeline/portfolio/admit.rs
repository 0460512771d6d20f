//! What the loader refuses for `innorank portfolio`, located: a `must`
//! proposal that screening rejects, or that requires (directly or through
//! others) one that is rejected or in `must_not`.

use crate::diagnostic::{DiagnosticKind, FieldPath};
use crate::input::Admission;
use crate::model::Problem;
use crate::model::portfolio::PortfolioIssue;
use crate::pipeline::rank::RankOptions;
use crate::pipeline::screening::screen;

/// The admission check of `innorank portfolio`: what ranking with
/// `options` refuses ([`crate::pipeline::rankable`]), and `must` proposals
/// that cannot be funded whatever the budget, at their `must` entry.
///
/// ```
/// use innorank::problem::LoadOptions;
/// let yaml = "name: t\ncriteria: [{id: cost, direction: cost}]\nscreening: [{criterion: cost, max: 5}]\n\
///   alternatives: [{id: a, scores: {cost: 9}}, {id: b, scores: {cost: 1}}]\n\
///   portfolio: {budget: 10, cost: cost, must: [a]}\n";
/// let admit = innorank::pipeline::portfolio::portfolio_admission(Default::default());
/// let options = LoadOptions { admit: Some(admit), ..Default::default() };
/// let errors = innorank::Problem::from_bytes(yaml.as_bytes(), "t.yaml", &options).unwrap_err();
/// assert!(errors.to_string().contains("screening rejects it"));
/// ```
pub fn portfolio_admission(options: RankOptions) -> Admission {
    let rankable = crate::pipeline::rankable(options);
    Admission::new(move |problem| {
        let mut found: Vec<(FieldPath, DiagnosticKind)> = rankable.findings(problem);
        found.extend(must_issues(problem));
        found
    })
}

fn must_issues(problem: &Problem) -> Vec<(FieldPath, DiagnosticKind)> {
    let Some(spec) = problem.portfolio() else {
        return Vec::new();
    };
    let mut kept = vec![false; problem.alternatives().len()];
    for r in screen(problem).kept {
        kept[r] = true;
    }
    let id = |r: usize| problem.alternatives().id(r).to_owned();
    let mut out = Vec::new();
    for (k, &m) in spec.must.iter().enumerate() {
        let at = FieldPath::root().key("portfolio").key("must").index(k);
        if !kept[m] {
            out.push((at, DiagnosticKind::Portfolio(PortfolioIssue::MustScreenedOut(id(m)))));
            continue;
        }
        // Everything `m` requires, transitively.
        let mut reached = vec![m];
        let mut next = 0;
        while next < reached.len() {
            let a = reached[next];
            next += 1;
            for &(x, b) in &spec.requires {
                if x == a && !reached.contains(&b) {
                    reached.push(b);
                }
            }
        }
        let blocked = reached.iter().skip(1).find_map(|&b| {
            if !kept[b] {
                Some((b, "screening rejects"))
            } else if spec.must_not.contains(&b) {
                Some((b, "is in must_not"))
            } else {
                None
            }
        });
        if let Some((b, why)) = blocked {
            let kind = PortfolioIssue::MustForcedOut {
                must: id(m),
                by: id(b),
                why,
            };
            out.push((at, DiagnosticKind::Portfolio(kind)));
        }
    }
    out
}
