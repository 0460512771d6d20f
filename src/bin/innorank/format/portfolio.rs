//! `innorank portfolio` in every format: grids that read as sentences for
//! the table and Markdown, the report's own JSON, one CSV row per
//! survivor.

use std::io::Write;

use innorank::pipeline::portfolio::{PortfolioReport, WhyNot};
use innorank::portfolio::Status;

use super::grid::Grid;
use super::number::{round_trip, short};
use super::{Render, csv, fit, json, markdown, table};

/// The portfolio report and the width its tables are fitted to.
pub struct PortfolioView<'a> {
    pub report: &'a PortfolioReport<'a>,
    pub width: Option<usize>,
}

impl Render for PortfolioView<'_> {
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        json::write(out, self.report)
    }
    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        write_csv(out, self.report)
    }
    fn table(&self) -> String {
        table::render(&fit::fit(grids(self.report), self.width))
    }
    fn markdown(&self) -> String {
        markdown::render(&grids(self.report))
    }
}

/// `id,name,funded,value,cost,platforms,why_not,value_lost[,core_index]`:
/// one row per survivor, funded first, each list by descending value;
/// `platforms` separated by `;`; `why_not` is `funded`, `value_lost`,
/// `infeasible: <constraint>` or `time_limit`; `core_index` with
/// `--robust`.
fn write_csv(out: &mut dyn Write, r: &PortfolioReport<'_>) -> anyhow::Result<()> {
    let mut header = vec![
        "id",
        "name",
        "funded",
        "value",
        "cost",
        "platforms",
        "why_not",
        "value_lost",
    ];
    let robust = !r.core_index.is_empty();
    if robust {
        header.push("core_index");
    }
    let spec = r.problem.portfolio();
    let platforms = |index: usize| -> String {
        spec.map(|s| {
            let ids: Vec<&str> = s.needs[index].iter().map(|&p| s.platforms[p].id.as_str()).collect();
            ids.join(";")
        })
        .unwrap_or_default()
    };
    let cost = |index: usize| spec.map_or(0.0, |s| r.problem.scores().get(index, s.cost));
    let row = |id: &str, name: &str, funded: bool, numbers: (f64, f64), platforms: String, why: (String, String)| {
        let mut row = vec![
            id.to_owned(),
            name.to_owned(),
            funded.to_string(),
            round_trip(numbers.0),
            round_trip(numbers.1),
            platforms,
            why.0,
            why.1,
        ];
        if let Some((_, share)) = r.core_index.iter().find(|(k, _)| k == id) {
            row.push(round_trip(*share));
        }
        row
    };
    let funded = r.funded.iter().map(|f| {
        let why = ("funded".to_owned(), String::new());
        row(&f.id, &f.name, true, (f.value, f.cost), f.platforms.join(";"), why)
    });
    let shelved = r.shelved.iter().map(|s| {
        let why = match &s.why_not {
            WhyNot::ValueLost(x) => ("value_lost".to_owned(), round_trip(*x)),
            WhyNot::Infeasible(c) => (format!("infeasible: {c}"), String::new()),
            WhyNot::TimeLimit => ("time_limit".to_owned(), String::new()),
        };
        row(&s.id, &s.name, false, (s.value, cost(s.index)), platforms(s.index), why)
    });
    csv::records(out, &header, funded.chain(shelved).collect::<Vec<_>>())
}

/// The report as titled grids.
fn grids(r: &PortfolioReport<'_>) -> Vec<Grid> {
    if r.status == Status::Infeasible {
        return vec![infeasible(r)];
    }
    let mut out = vec![funded(r)];
    if !r.spend.platforms.is_empty() {
        out.push(platforms(r));
    }
    if !r.shelved.is_empty() {
        out.push(shelved(r));
    }
    out.push(versus_baseline(r));
    if !r.frontier.is_empty() {
        out.push(frontier(r));
    }
    if !r.next.is_empty() {
        out.push(next(r));
    }
    if !r.core_index.is_empty() {
        out.push(core_index(r));
    }
    out
}

fn core_index(r: &PortfolioReport<'_>) -> Grid {
    let funded: Vec<&str> = r.funded.iter().map(|f| f.id.as_str()).collect();
    let rows = r
        .core_index
        .iter()
        .map(|(id, share)| {
            let now = if funded.contains(&id.as_str()) {
                "funded"
            } else {
                "shelved"
            };
            vec![id.clone(), now.to_owned(), short(*share)]
        })
        .collect();
    let header = ["Proposal", "Now", "Core index"].map(String::from).to_vec();
    let notes = vec![
        "Core index: the share of weight draws (the `robustness` command's default model) whose optimal portfolio funds it; 1: fund whatever the weights, 0: never.".to_owned(),
    ];
    Grid::new("Core index under random weights".to_owned(), header, rows, notes).numbers_from(2)
}

/// What the values are, for the title.
fn value_meaning(r: &PortfolioReport<'_>) -> String {
    if r.relative_values() {
        format!(
            "{} score x 100, relative to the other survivors",
            r.value.to_uppercase()
        )
    } else {
        format!("`{}`", r.value)
    }
}

fn funded(r: &PortfolioReport<'_>) -> Grid {
    let title = format!(
        "Portfolio for {}: budget {}, value = {}",
        r.problem.name(),
        short(r.budget),
        value_meaning(r)
    );
    let rows = r
        .funded
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let shared = if f.platforms.is_empty() {
                "-".to_owned()
            } else {
                f.platforms.join(", ")
            };
            vec![
                (k + 1).to_string(),
                f.name.clone(),
                short(f.value),
                short(f.cost),
                shared,
            ]
        })
        .collect();
    let header = ["#", "Funded", "Value", "Cost", "Platforms"].map(String::from).to_vec();
    let mut grid = Grid::new(title, header, rows, summary(r)).numbers_from(2);
    grid.align[4] = super::grid::Align::Left;
    grid.wrap = Some(4);
    grid
}

/// The sentences under the funded set.
fn summary(r: &PortfolioReport<'_>) -> Vec<String> {
    let t = &r.total;
    let mut notes = vec![format!(
        "Total value {} = own values {} + synergies {} + learning savings {}.",
        short(t.value),
        short(t.own_values),
        short(t.synergies),
        short(t.learning_savings)
    )];
    let s = &r.spend;
    let platform_costs: f64 = s.platforms.iter().map(|p| p.fixed_cost).sum();
    notes.push(format!(
        "Spend {} of {} = own costs {} + shared platforms {}.",
        short(s.total),
        short(r.budget),
        short(s.own_costs),
        short(platform_costs)
    ));
    let slack: Vec<String> = r.slack.iter().map(|(k, v)| format!("{k} {}", short(*v))).collect();
    notes.push(format!("Left over: {}.", slack.join(", ")));
    if !r.binding.is_empty() {
        notes.push(format!("Binding: {}.", r.binding.join("; ")));
    }
    notes.push(match (r.status, r.bound) {
        (Status::TimeLimit, Some(b)) => format!(
            "The time limit stopped the search: this is the best portfolio found; no portfolio is worth more than {}.",
            short(b)
        ),
        (Status::TimeLimit, None) => "The time limit stopped the search: this is the best portfolio found.".to_owned(),
        _ => "This portfolio is optimal.".to_owned(),
    });
    if !r.ranking.screened_out.is_empty() {
        let ids: Vec<&str> = r.ranking.screened_out.iter().map(|s| s.id).collect();
        notes.push(format!("Screened out before selection: {}.", ids.join(", ")));
    }
    notes
}

fn platforms(r: &PortfolioReport<'_>) -> Grid {
    let rows = r
        .spend
        .platforms
        .iter()
        .map(|p| {
            let name = p.name.clone().unwrap_or_else(|| p.id.clone());
            vec![name, short(p.fixed_cost), p.shared_by.join(", ")]
        })
        .collect();
    let header = ["Shared platform", "Paid once", "Shared by"].map(String::from).to_vec();
    let mut grid = Grid::new("Shared platforms, each paid once".to_owned(), header, rows, Vec::new()).numbers_from(1);
    grid.align[2] = super::grid::Align::Left;
    grid.wrap = Some(2);
    grid
}

fn shelved(r: &PortfolioReport<'_>) -> Grid {
    let rows = r
        .shelved
        .iter()
        .map(|s| {
            let why = match &s.why_not {
                WhyNot::ValueLost(x) if *x <= 0.0 => "an equally good portfolio funds it".to_owned(),
                WhyNot::ValueLost(x) => format!("funding it loses {} of value at best", short(*x)),
                WhyNot::Infeasible(c) => format!("cannot be funded: {c}"),
                WhyNot::TimeLimit => "undecided: the time limit passed first".to_owned(),
            };
            vec![s.name.clone(), short(s.value), why]
        })
        .collect();
    let header = ["Shelved", "Value", "Why not"].map(String::from).to_vec();
    let mut grid = Grid::new("Shelved proposals and why".to_owned(), header, rows, Vec::new()).numbers_from(1);
    grid.align[2] = super::grid::Align::Left;
    grid.wrap = Some(2);
    grid
}

fn versus_baseline(r: &PortfolioReport<'_>) -> Grid {
    let optimum: Vec<String> = r.funded.iter().map(|f| f.id.clone()).collect();
    let mut rows = vec![vec![
        "optimum".to_owned(),
        short(r.total.value),
        short(r.spend.total),
        optimum.join(", "),
    ]];
    let mut notes = Vec::new();
    if let Some(b) = &r.baseline {
        rows.push(vec![
            "down the ranking".to_owned(),
            short(b.value),
            short(b.spend),
            b.funded.join(", "),
        ]);
        let gain = r.total.value - b.value;
        notes.push(if gain > 0.0 {
            format!(
                "Choosing the set gains {} of value over funding down the ranking.",
                short(gain)
            )
        } else {
            "Funding down the ranking is as good as the optimum here.".to_owned()
        });
    }
    let header = ["Set", "Value", "Spend", "Funded"].map(String::from).to_vec();
    let mut grid = Grid::new(
        "The optimum beside funding down the ranking".to_owned(),
        header,
        rows,
        notes,
    )
    .numbers_from(1);
    grid.align[3] = super::grid::Align::Left;
    grid.wrap = Some(3);
    grid
}

fn frontier(r: &PortfolioReport<'_>) -> Grid {
    let rows = r
        .frontier
        .iter()
        .map(|p| {
            let status = innorank::pipeline::portfolio::status_name(p.status);
            vec![
                short(p.budget),
                short(p.value),
                short(p.spend),
                status.to_owned(),
                p.funded.join(", "),
            ]
        })
        .collect();
    let header = ["Budget", "Value", "Spend", "Status", "Funded"]
        .map(String::from)
        .to_vec();
    let notes = vec!["Each budget is solved afresh: the sets need not be nested.".to_owned()];
    let mut grid = Grid::new("The optimum at each budget".to_owned(), header, rows, notes).numbers_from(0);
    grid.align[3] = super::grid::Align::Left;
    grid.align[4] = super::grid::Align::Left;
    grid.wrap = Some(4);
    grid
}

fn next(r: &PortfolioReport<'_>) -> Grid {
    let rows = r
        .next
        .iter()
        .enumerate()
        .map(|(k, p)| vec![(k + 1).to_string(), short(p.value), short(p.gap), p.funded.join(", ")])
        .collect();
    let header = ["#", "Value", "Gap", "Funded"].map(String::from).to_vec();
    let notes = vec!["After the optimum, each is a portfolio to which nothing more can be added.".to_owned()];
    let mut grid = Grid::new("The best portfolios".to_owned(), header, rows, notes).numbers_from(0);
    grid.align[3] = super::grid::Align::Left;
    grid.wrap = Some(3);
    grid
}

fn infeasible(r: &PortfolioReport<'_>) -> Grid {
    let title = format!(
        "Portfolio for {}: no portfolio satisfies every constraint",
        r.problem.name()
    );
    let rows = r.conflicts.iter().map(|c| vec![c.clone()]).collect();
    let notes = vec!["These constraints cannot all hold at once; relax one of them.".to_owned()];
    Grid::new(title, vec!["Conflicting constraint".to_owned()], rows, notes)
}
