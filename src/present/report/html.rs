//! The report's markup (maud templates, compiled with the crate): one
//! function per section.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::Report;
use crate::math::portfolio::Status;
use crate::model::CriterionKind;
use crate::pipeline::portfolio::{PortfolioReport, WhyNot, status_name};
use crate::pipeline::{Method, RankReport};
use crate::present::chart;

/// The page's style sheet: screen, phone width and print.
const STYLE: &str = include_str!("style.css");

/// Table rows of the ranking; the chart shows the top 30.
const TABLE_ROWS: usize = 100;

/// The whole page.
pub(super) fn page(r: &Report<'_>) -> Markup {
    let problem = r.rank.problem;
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Decision report: " (problem.name()) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                main {
                    header {
                        h1 { (problem.name()) }
                        @if let Some(d) = problem.description() { p.lead { (d) } }
                        p.meta { "Decision report by innorank " (env!("CARGO_PKG_VERSION")) " · " (method(&r.rank)) }
                    }
                    (contents(r))
                    (criteria(r))
                    (weights(r))
                    (ranking(&r.rank))
                    (versus(r))
                    (sensitivity(r))
                    (robustness(r))
                    (cost(r))
                    (portfolio(r))
                    (warnings(r))
                }
            }
        }
    }
}

/// The method as a reader names it.
fn method(rank: &RankReport<'_>) -> String {
    let o = &rank.options;
    match o.method {
        Method::Topsis => format!("TOPSIS, {} normalisation", o.normalization.name()),
        Method::Ahp => format!("AHP, {} synthesis", o.synthesis.name()),
    }
}

/// Links to the sections present.
fn contents(r: &Report<'_>) -> Markup {
    html! {
        nav {
            a href="#criteria" { "Criteria" } " "
            a href="#weights" { "Weights" } " "
            a href="#ranking" { "Ranking" } " "
            @if r.versus.is_some() { a href="#versus" { "Head-to-head" } " " }
            @if r.sensitivity.is_some() { a href="#sensitivity" { "Sensitivity" } " " }
            @if r.robustness.is_some() { a href="#robustness" { "Robustness" } " " }
            @if !r.curves.is_empty() { a href="#cost" { "Cost curves" } " " }
            @if r.portfolio.is_some() { a href="#portfolio" { "Portfolio" } }
        }
    }
}

/// A chart in a figure with its caption.
fn figure(svg: String, caption: &str) -> Markup {
    html! { figure { (PreEscaped(svg)) figcaption { (caption) } } }
}

/// A number as the report prints it.
fn num(x: f64) -> String {
    format!("{x:.3}")
}

/// An amount (money, budget units) with up to three decimals, none when
/// whole: `5000`, `6368.859`.
fn plain(x: f64) -> String {
    crate::present::scale::trimmed(x)
}

/// The criteria tree with each node's direction and global weight.
fn criteria(r: &Report<'_>) -> Markup {
    html! {
        section #criteria {
            h2 { "Problem and criteria" }
            p { (r.rank.problem.alternatives().len()) " alternatives, "
                (r.rank.problem.criteria().leaves().len()) " leaf criteria. Global weights in brackets." }
            ul.tree { (tree(r, 0)) }
        }
    }
}

/// Node `index` and its children, nested.
fn tree(r: &Report<'_>, index: usize) -> Markup {
    let criteria = r.rank.problem.criteria();
    let node = criteria.node(index);
    let weight = r.rank.weights.global.get(index).copied().unwrap_or(0.0);
    html! {
        @match &node.kind {
            CriterionKind::Leaf(leaf) => li {
                b { (node.label()) } " (" (num(weight)) ") · " (leaf.direction.name())
                @if let Some(u) = &node.unit { " · " (u) }
            },
            CriterionKind::Parent(parent) => li {
                b { (node.label()) } @if index > 0 { " (" (num(weight)) ")" }
                ul { @for &c in &parent.children { (tree(r, c)) } }
            },
        }
    }
}

/// The weights chart and the consistency of every node.
fn weights(r: &Report<'_>) -> Markup {
    let threshold = r.rank.options.weighing.cr_threshold;
    let svg = chart::weights(r.rank.problem, &r.rank.weights, threshold);
    html! {
        section #weights {
            h2 { "Weights and consistency" }
            (figure(svg, "Local weights within each node (thick) and global weights (thin)."))
            div.scroll { table {
                thead { tr { th { "Node" } th { "Children" } th.n { "CR" } th { "Consistency" } } }
                tbody { @for n in &r.rank.weights.nodes {
                    tr.bad[!n.consistent] {
                        td { (n.id) } td { (n.children.join(", ")) } td.n { (num(n.consistency.cr)) }
                        td { @if n.consistent { "ok" } @else { "inconsistent: CR above " (num(threshold)) } }
                    }
                } }
            } }
        }
    }
}

/// The ranking chart and table, and the screened-out with their reasons.
fn ranking(rank: &RankReport<'_>) -> Markup {
    let hidden = rank.ranking.len().saturating_sub(TABLE_ROWS);
    html! {
        section #ranking {
            h2 { "Ranking" }
            (figure(chart::rank(rank), if rank.options.satisfactory.is_some() {
                "Scores in rank order; the dashed line is the satisfactory threshold."
            } else {
                "Scores in rank order."
            }))
            div.scroll { table {
                thead { tr { th.n { "Rank" } th { "Alternative" } th.n { "Score" } } }
                tbody { @for a in rank.ranking.iter().take(TABLE_ROWS) {
                    tr.good[a.satisfactory == Some(true)] {
                        td.n { (a.rank) } td { (a.id) @if let Some(n) = rank.problem.alternatives().name(a.index) { " · " (n) } }
                        td.n { (num(a.score)) }
                    }
                } }
            } }
            @if hidden > 0 { p.note { "… and " (hidden) " more ranked." } }
            @if !rank.screened_out.is_empty() {
                h3 { "Screened out (" (rank.screened_out.len()) ")" }
                div.scroll { table {
                    thead { tr { th { "Alternative" } th { "Rules broken" } } }
                    tbody { @for s in rank.screened_out.iter().take(TABLE_ROWS) {
                        tr { td { (s.id) } td { (s.reasons().iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")) } }
                    } }
                } }
                @if rank.screened_out.len() > TABLE_ROWS { p.note { "… and " (rank.screened_out.len() - TABLE_ROWS) " more screened out." } }
            }
        }
    }
}

/// Why the first of the pair ranks above the second.
fn versus(r: &Report<'_>) -> Markup {
    let Some(h) = &r.versus else { return html! {} };
    let ids = r.rank.problem.alternatives();
    let (a, b) = (ids.id(h.a), ids.id(h.b));
    html! {
        section #versus {
            h2 { "Head-to-head: " (a) " and " (b) }
            (figure(chart::versus(h, r.rank.problem), "Per criterion: who is closer to the ideal, by how much (weighted)."))
            div.scroll { table {
                thead { tr { th { "Criterion" } th.n { "Weight" } th.n { "Gap " (a) } th.n { "Gap " (b) } th { "Closer" } th.n { "By" } } }
                tbody { @for e in &h.edges {
                    tr {
                        td { (e.criterion) } td.n { (num(e.weight)) } td.n { (num(e.gap_a)) } td.n { (num(e.gap_b)) }
                        td { @if e.advantage() > 0.0 { (a) } @else if e.advantage() < 0.0 { (b) } @else { "tie" } }
                        td.n { (num(e.advantage().abs())) }
                    }
                } }
            } }
        }
    }
}

/// The tornado and the intervals of every node.
fn sensitivity(r: &Report<'_>) -> Markup {
    let Some(s) = &r.sensitivity else { return html! {} };
    let ids = r.rank.problem.alternatives();
    let critical = s.critical.map(|c| s.nodes[c].id.as_str());
    html! {
        section #sensitivity {
            h2 { "Weight sensitivity" }
            p { "Each criterion's weight moves alone (the others keep their proportions). "
                @if let Some(c) = critical { "Critical criterion: " b { (c) } " (smallest relative margin)." } }
            (figure(chart::sensitivity(s), "Weights on which the winner stays; the tick is the current weight."))
            div.scroll { table {
                thead { tr { th { "Criterion" } th.n { "Weight" } th.n { "Winner kept from" } th.n { "to" } th { "Then leads" } th.n { "Margin" } } }
                tbody { @for (i, n) in s.nodes.iter().enumerate() {
                    tr.bad[s.critical == Some(i)] {
                        td { (n.id) } td.n { (num(n.weight)) }
                        @if let Some(st) = &n.stability {
                            td.n { (num(st.top.lo)) } td.n { (num(st.top.hi)) }
                            td { (st.top.hi_end.or(st.top.lo_end).map(|e| ids.id(e)).unwrap_or("—")) }
                            td.n { (st.margin.map(num).unwrap_or_else(|| "—".into())) }
                        } @else { td colspan="4" { "fixed" } }
                    }
                } }
            } }
        }
    }
}

/// SMAA's rank acceptabilities, when draws were asked for.
fn robustness(r: &Report<'_>) -> Markup {
    let Some(smaa) = &r.robustness else { return html! {} };
    html! {
        section #robustness {
            h2 { "Robustness (SMAA)" }
            p { "Choice entropy " (num(smaa.choice_entropy)) " over " (smaa.draws) " draws." }
            (figure(chart::robustness(smaa), "Share of weight draws that give each rank."))
        }
    }
}

/// The cost curves, when the problem has learning curves.
fn cost(r: &Report<'_>) -> Markup {
    if r.curves.is_empty() {
        return html! {};
    }
    html! {
        section #cost {
            h2 { "Cost curves" }
            @for c in &r.curves {
                (figure(chart::cost_all(r.rank.problem, std::slice::from_ref(c)), "Average cost per unit against cumulative volume."))
            }
        }
    }
}

/// The portfolio of the `portfolio:` section: the funded cluster beside
/// the ranking baseline, the chart, what binds and why not for the
/// shelved.
fn portfolio(r: &Report<'_>) -> Markup {
    let Some(p) = &r.portfolio else { return html! {} };
    let feasible = p.status != Status::Infeasible;
    html! {
        section #portfolio {
            h2 { "Portfolio: what to fund with a budget of " (plain(p.budget)) }
            p { "Values: " b { (p.value) } ". Only proposals that pass screening can be funded; shared platforms are paid once. "
                "Solve: " (status_name(p.status)) "." }
            @if !feasible {
                p.bad { "No portfolio meets every constraint. Constraints that conflict: " (p.conflicts.join("; ")) "." }
            } @else {
                @if let Some(b) = &p.baseline {
                    div.scroll { table {
                        thead { tr { th { "Set" } th.n { "Value" } th.n { "Spend" } th { "Funded" } } }
                        tbody {
                            tr.good { td { "optimal portfolio" } td.n { (plain(p.total.value)) } td.n { (plain(p.spend.total)) }
                                td { (p.funded.iter().map(|f| f.id.as_str()).collect::<Vec<_>>().join(", ")) } }
                            tr { td { "funding down the ranking" } td.n { (plain(b.value)) } td.n { (plain(b.spend)) } td { (b.funded.join(", ")) } }
                        }
                    } }
                    p { "Choosing the set gains " b { (plain(p.total.value - b.value)) } " over funding down the ranking. Value "
                        (plain(p.total.value)) " = own values " (plain(p.total.own_values)) " + synergies " (plain(p.total.synergies))
                        " + pooled learning savings " (plain(p.total.learning_savings)) "." }
                }
                (figure(chart::portfolio(p), "Above: the best portfolio and the ranking baseline at each budget (dashed: the budget used). Below: the funded proposals grouped by the platform they share, the others with why they are out."))
                (portfolio_tables(p))
            }
        }
    }
}

/// The funded proposals, what binds, and the shelved with why not.
fn portfolio_tables(p: &PortfolioReport<'_>) -> Markup {
    let slack: Vec<String> = p.slack.iter().map(|(k, v)| format!("{k} {}", plain(*v))).collect();
    html! {
        h3 { "Funded (" (p.funded.len()) ")" }
        div.scroll { table {
            thead { tr { th { "Proposal" } th.n { "Value" } th.n { "Cost" } th { "Shared platforms" } } }
            tbody { @for f in &p.funded {
                tr { td { (f.id) " · " (f.name) } td.n { (plain(f.value)) } td.n { (plain(f.cost)) } td { (f.platforms.join(", ")) } }
            } }
        } }
        p { b { "Binding: " } @if p.binding.is_empty() { "nothing (every constraint has slack)" } @else { (p.binding.join("; ")) }
            ". Left over: " (slack.join(", ")) "." }
        @if !p.shelved.is_empty() {
            h3 { "Shelved and why (" (p.shelved.len()) ")" }
            div.scroll { table {
                thead { tr { th { "Proposal" } th.n { "Value" } th { "Why not" } } }
                tbody { @for s in &p.shelved {
                    tr { td { (s.id) " · " (s.name) } td.n { (plain(s.value)) } td { (why_not(&s.why_not)) } }
                } }
            } }
        }
    }
}

/// Why a shelved proposal is out, as a sentence.
fn why_not(why: &WhyNot) -> String {
    match why {
        WhyNot::ValueLost(v) => format!("funding it loses {} of value at best", plain(*v)),
        WhyNot::Infeasible(c) => format!("cannot be funded: {c}"),
        WhyNot::TimeLimit => "the time limit passed before a portfolio with it was found".to_owned(),
    }
}

/// Every warning of the analyses.
fn warnings(r: &Report<'_>) -> Markup {
    let all = r.warnings();
    html! {
        @if !all.is_empty() {
            section #warnings { h2 { "Warnings" } ul { @for w in all { li { (w.to_string()) } } } }
        }
    }
}
