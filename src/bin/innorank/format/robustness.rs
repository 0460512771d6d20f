//! `robustness` in every format: the acceptability table (first ranks
//! only; every rank goes to CSV and JSON), CSV rows, the library's JSON.

use std::io::Write;

use innorank::pipeline::robustness::{Acceptability, RobustnessReport, WeightsModel};

use super::grid::{Fit, Grid};
use super::number::{decimals, round_trip};
use super::{Render, csv, fit, json, markdown, table};

/// Rank acceptabilities shown in the table.
const TABLE_RANKS: usize = 3;

/// Alternatives named in the "ranks first in" sentences.
const SENTENCES: usize = 3;

/// The pairwise table is shown for at most this many alternatives.
const PAIRWISE_TABLE: usize = 8;

/// The robustness report and how much of it the table shows.
pub struct RobustnessView<'a> {
    pub report: &'a RobustnessReport<'a>,
    /// Rows the table and Markdown show.
    pub rows: usize,
    /// The table's width limit (`None`: as wide as it takes).
    pub width: Option<usize>,
}

impl Render for RobustnessView<'_> {
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        json::write(out, self.report)
    }
    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        write_csv(out, self.report)
    }
    fn table(&self) -> String {
        table::render(&fit::fit(grids(self), self.width))
    }
    fn markdown(&self) -> String {
        markdown::render(&grids(self))
    }
}

/// A share as a percentage with one decimal: `62.1%`.
fn percent(x: f64) -> String {
    format!("{}%", share(x))
}

/// A share in percent with one decimal, never rounded to a certainty it is
/// not: `<0.1` above 0, `>99.9` below 1.
fn share(x: f64) -> String {
    match 100.0 * x {
        p if p > 0.0 && p < 0.05 => "<0.1".to_owned(),
        p if (99.95..100.0).contains(&p) => ">99.9".to_owned(),
        p => decimals(p, 1),
    }
}

/// A standard error in percent: one decimal, or two significant digits
/// when smaller (`0.017`), so a small error does not read as none.
fn error_text(se: f64) -> String {
    match 100.0 * se {
        p if p > 0.0 && p < 0.1 => format!("{:.1$}", p, (-p.log10()).ceil() as usize + 1),
        p => decimals(p, 1),
    }
}

/// One row per alternative: `id, base_rank, mean_rank, rank_p05,
/// rank_p95, holistic, confidence, b1..bR` (and with `--pairwise`, the
/// share of draws it beats each alternative in, `beats:<id>`).
fn write_csv(out: &mut dyn Write, report: &RobustnessReport<'_>) -> anyhow::Result<()> {
    let ids = report.problem.alternatives();
    let mut header: Vec<String> = [
        "id",
        "base_rank",
        "mean_rank",
        "rank_p05",
        "rank_p95",
        "holistic",
        "confidence",
    ]
    .map(str::to_owned)
    .to_vec();
    header.extend((1..=report.ranks).map(|r| format!("b{r}")));
    if report.pairwise.is_some() {
        header.extend(report.alternatives.iter().map(|a| format!("beats:{}", ids.id(a.index))));
    }
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows = report.alternatives.iter().enumerate().map(|(i, a)| {
        let mut row = vec![
            ids.id(a.index).to_owned(),
            a.base_rank.to_string(),
            round_trip(a.mean_rank),
            a.rank_p05.to_string(),
            a.rank_p95.to_string(),
            round_trip(a.holistic),
            a.confidence.map(round_trip).unwrap_or_default(),
        ];
        row.extend(a.acceptability.iter().map(|&b| round_trip(b)));
        if let Some(matrix) = &report.pairwise {
            row.extend(matrix[i].iter().map(|&c| round_trip(c)));
        }
        row
    });
    csv::records(out, &header, rows)
}

/// The acceptability grid, then (with `--pairwise`, few alternatives) the
/// pairwise grid.
fn grids(view: &RobustnessView<'_>) -> Vec<Grid> {
    let report = view.report;
    let mut grids = vec![acceptability_grid(view)];
    if let Some(matrix) = report.pairwise.as_ref().filter(|m| m.len() <= PAIRWISE_TABLE) {
        let ids: Vec<&str> = report
            .alternatives
            .iter()
            .map(|a| report.problem.alternatives().id(a.index))
            .collect();
        let header = std::iter::once("Beats →".to_owned())
            .chain(ids.iter().map(|&s| s.to_owned()))
            .collect();
        let rows = matrix
            .iter()
            .zip(&ids)
            .enumerate()
            .map(|(i, (row, id))| {
                let cells = row
                    .iter()
                    .enumerate()
                    .map(|(k, &c)| if k == i { "-".to_owned() } else { percent(c) });
                std::iter::once((*id).to_owned()).chain(cells).collect()
            })
            .collect();
        let mut grid = Grid::new(
            "Pairwise winning indices: share of draws the row ranks strictly above the column".to_owned(),
            header,
            rows,
            Vec::new(),
        )
        .numbers_from(1);
        grid.fit = Some(Fit {
            keys: 1,
            first_only: 0,
            shrink: None,
        });
        grids.push(grid);
    }
    grids
}

fn acceptability_grid(view: &RobustnessView<'_>) -> Grid {
    let report = view.report;
    let shown = report.ranks.min(TABLE_RANKS);
    let mut header = vec!["Base\nrank".to_owned(), "Alternative".to_owned()];
    header.extend((1..=shown).map(|r| format!("b{r}")));
    header.extend(["Mean\nrank", "Rank\np5..p95", "Holistic"].map(str::to_owned));
    let alternatives = report.problem.alternatives();
    let rows = report
        .alternatives
        .iter()
        .take(view.rows)
        .map(|a| {
            let label = match alternatives.name(a.index) {
                Some(name) => format!("{} {name}", alternatives.id(a.index)),
                None => alternatives.id(a.index).to_owned(),
            };
            let mut row = vec![a.base_rank.to_string(), label];
            row.extend(a.acceptability.iter().take(shown).map(|&b| percent(b)));
            row.push(decimals(a.mean_rank, 2));
            row.push(format!("{}-{}", a.rank_p05, a.rank_p95));
            row.push(decimals(a.holistic, 3));
            row
        })
        .collect();
    let title = format!("Robustness (SMAA): {}", report.problem.name());
    let mut grid = Grid::new(title, header, rows, notes(view)).numbers_from(2);
    grid.fit = Some(Fit {
        keys: 2,
        first_only: 0,
        shrink: Some((1, 12)),
    });
    grid
}

/// How the draws were made, for the footer.
fn settings(report: &RobustnessReport<'_>) -> String {
    let o = &report.options;
    let model = match report.model {
        WeightsModel::Judgments => format!(
            "judgments ±{} Saaty step{}",
            o.judgment_spread,
            if o.judgment_spread == 1 { "" } else { "s" }
        ),
        ref m => m.name().to_owned(),
    };
    let method = match o.rank.method {
        innorank::Method::Topsis => format!("topsis ({})", o.rank.normalization.name()),
        innorank::Method::Ahp => format!("ahp ({})", o.rank.synthesis.name()),
    };
    let compared = report.compared_leaves();
    let compared = if compared.is_empty() {
        String::new()
    } else {
        format!(
            "; comparisons of the alternatives drawn under {} (±{} Saaty step{}, or their intervals)",
            compared.join(", "),
            o.judgment_spread,
            if o.judgment_spread == 1 { "" } else { "s" }
        )
    };
    format!(
        "{} draws; weights: {model}; seed {}; {method}{compared}.",
        report.draws, o.seed
    )
}

fn notes(view: &RobustnessView<'_>) -> Vec<String> {
    let report = view.report;
    let alternatives = report.problem.alternatives();
    let mut firsts: Vec<&Acceptability> = report
        .alternatives
        .iter()
        .filter(|a| a.acceptability[0] > 0.0)
        .collect();
    firsts.sort_by(|a, b| b.acceptability[0].total_cmp(&a.acceptability[0]));
    let mut notes: Vec<String> = firsts
        .iter()
        .take(SENTENCES)
        .map(|a| {
            format!(
                "{} ranks first in {} % of draws (± {} %).",
                alternatives.id(a.index),
                share(a.acceptability[0]),
                error_text(a.acceptability_se[0])
            )
        })
        .collect();
    if report.alternatives.is_empty() {
        notes.push("Nothing ranked.".to_owned());
    } else {
        notes.push(format!(
            "Choice entropy {} bits (0: always the same winner).",
            decimals(report.choice_entropy, 3)
        ));
    }
    let hidden = report.alternatives.len().saturating_sub(view.rows);
    if hidden > 0 {
        notes.push(format!("{hidden} more alternatives in --format csv or json."));
    }
    notes.push(settings(report));
    notes.push(format!(
        "b1..b{}, central weights and confidence: --format csv or json.",
        report.ranks
    ));
    notes
}
