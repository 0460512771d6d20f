//! `compare` in every format: the ranks side by side, then the
//! coefficients of every ordered pair of methods.

use std::io::Write;

use innorank::pipeline::{CompareMethod, CompareReport};

use super::grid::{ALTERNATIVE_MIN_WIDTH, Fit, Grid};
use super::number::decimals;
use super::{Render, fit, markdown, table};

/// Rows formatted per parallel task in CSV.
const CSV_CHUNK: usize = 4_096;

/// Rows the ranks table shows; CSV and JSON have them all.
const TABLE_ROWS: usize = 50;

/// The view of a [`CompareReport`]; tables are fitted to `width`.
pub struct CompareView<'a> {
    pub report: &'a CompareReport<'a>,
    pub width: Option<usize>,
}

impl Render for CompareView<'_> {
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        super::json::write(out, self.report)
    }

    /// `id,name,<method>_rank...,<method>_score...`, one row per ranked
    /// alternative, formatted on all cores; the coefficients are in the
    /// other formats.
    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let r = self.report;
        let mut header = vec!["id".to_owned(), "name".to_owned()];
        header.extend(r.methods.iter().map(|m| format!("{}_rank", m.name())));
        header.extend(r.methods.iter().map(|m| format!("{}_score", m.name())));
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        super::csv::records(out, &header, std::iter::empty::<Vec<String>>())?;
        super::write_in_order(out, r.alternatives.len(), CSV_CHUNK, |rows, buf| {
            let (mut floats, mut ints) = (ryu::Buffer::new(), itoa::Buffer::new());
            for i in rows {
                let index = r.alternatives[i];
                super::csv::quoted(buf, r.problem.alternatives().id(index));
                buf.push(b',');
                super::csv::quoted(buf, r.problem.alternatives().label(index));
                for ranks in &r.ranks {
                    buf.push(b',');
                    buf.extend_from_slice(ints.format(ranks[i]).as_bytes());
                }
                for scores in &r.scores {
                    buf.push(b',');
                    super::csv::write_score(buf, &mut floats, scores[i]);
                }
                buf.push(b'\n');
            }
            Ok::<(), std::convert::Infallible>(())
        })
    }

    fn table(&self) -> String {
        table::render(&fit::fit(grids(self.report), self.width))
    }

    fn markdown(&self) -> String {
        markdown::render(&grids(self.report))
    }
}

/// A method's name as a two-line header (`topsis` over `vector`).
fn header(method: CompareMethod) -> String {
    method.name().replacen('-', "\n", 1)
}

fn grids(report: &CompareReport<'_>) -> Vec<Grid> {
    vec![ranks_grid(report), pairs_grid(report)]
}

/// The first [`TABLE_ROWS`] alternatives with their rank under each method.
fn ranks_grid(report: &CompareReport<'_>) -> Grid {
    let p = report.problem;
    let mut header_row = vec!["Alternative".to_owned()];
    header_row.extend(report.methods.iter().map(|&m| header(m)));
    let rows = report
        .alternatives
        .iter()
        .take(TABLE_ROWS)
        .enumerate()
        .map(|(i, &index)| {
            let mut row = vec![p.alternatives().id(index).to_owned()];
            row.extend(report.ranks.iter().map(|ranks| ranks[i].to_string()));
            row
        })
        .collect();
    let mut notes = Vec::new();
    if let Some(first) = report.methods.first() {
        notes.push(format!(
            "in the order of {}; tied alternatives share the better rank",
            first.name()
        ));
    }
    let more = report.alternatives.len().saturating_sub(TABLE_ROWS);
    if more > 0 {
        notes.push(format!("and {more} more (all of them in --format csv or json)"));
    }
    notes.extend(
        report
            .skipped
            .iter()
            .map(|s| format!("skipped {}: {}", s.method.name(), s.reason)),
    );
    let mut grid = Grid::new(format!("{}: ranks by method", p.name()), header_row, rows, notes).numbers_from(1);
    grid.fit = Some(Fit {
        keys: 1,
        first_only: 0,
        shrink: Some((0, ALTERNATIVE_MIN_WIDTH)),
    });
    grid
}

/// A coefficient for people, or `-` where it is undefined.
fn coefficient(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |x| decimals(x, 3))
}

/// Every ordered pair of methods with its coefficients.
fn pairs_grid(report: &CompareReport<'_>) -> Grid {
    let header_row = ["Reference", "Other", "rho", "r_w", "WS", "tau-b"]
        .map(String::from)
        .into_iter()
        .chain([format!("top-{}", report.shortlist)])
        .collect();
    let rows = report
        .pairs
        .iter()
        .map(|c| {
            vec![
                c.reference.name().to_owned(),
                c.other.name().to_owned(),
                coefficient(c.spearman),
                coefficient(c.weighted_spearman),
                coefficient(c.ws),
                coefficient(c.kendall_tau_b),
                coefficient(c.top_k_overlap),
            ]
        })
        .collect();
    let mut notes = vec![
        "on average ranks; rho Spearman, r_w weighted Spearman, WS similarity to the reference (asymmetric), tau-b Kendall"
            .to_owned(),
        format!(
            "top-{k}: of the alternatives each method ranks {k} or better, the share both do (|A and B| / max(|A|, |B|))",
            k = report.shortlist
        ),
    ];
    if report.alternatives.len() < 2 {
        notes.push("fewer than two alternatives ranked: the coefficients are undefined (-)".to_owned());
    }
    let mut grid = Grid::new("Agreement between methods".to_owned(), header_row, rows, notes).numbers_from(2);
    grid.fit = Some(Fit {
        keys: 2,
        first_only: 0,
        shrink: None,
    });
    grid
}
