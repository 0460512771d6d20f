//! Output formats: one view per command (`view.rs`), written by [`emit`]
//! in the format asked for. Each format has its file, and each third-party
//! format crate is named in one file: prettytable in `table.rs`,
//! serde_json in `json.rs`, csv in `csv.rs`, rust_xlsxwriter in `xlsx.rs`. Tables and Markdown share the
//! titled grids of `grid.rs`.

pub mod compare;
pub mod csv;
pub mod fit;
pub mod grid;
mod in_order;
pub mod json;
mod json_rows;
pub mod markdown;
pub mod number;
pub mod portfolio;
pub mod portfolio_plot;
pub mod reversal;
pub mod robustness;
pub mod sensitivity;
pub mod table;
pub mod versus;
pub mod view;
pub mod width;
pub mod xlsx;

use std::io::Write;

use crate::cli::Format;
use view::{CheckSummary, CostView, Definition, Library, RankView, WeightsView};

/// A view that can be written in every output format.
pub trait Render {
    /// Writes the view as JSON.
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()>;
    /// Writes the view as CSV.
    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()>;
    /// The view as text for the terminal.
    fn table(&self) -> String;
    /// The view as Markdown.
    fn markdown(&self) -> String;
}

/// Writes `view` to `out` in `format`.
pub fn emit(out: &mut dyn Write, view: &dyn Render, format: Format) -> anyhow::Result<()> {
    match format {
        Format::Json => view.json(out),
        Format::Csv => view.csv(out),
        Format::Table => Ok(out.write_all(view.table().as_bytes())?),
        Format::Markdown => Ok(out.write_all(view.markdown().as_bytes())?),
        // Refused for every command but `rank`, which writes it itself.
        Format::Xlsx => anyhow::bail!("--format xlsx applies to rank only"),
    }
}

impl Render for RankView<'_> {
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        json::rank(out, self.report, self.explain)
    }
    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        csv::rank(out, self.report, self.explain)
    }
    fn table(&self) -> String {
        table::render(&fit::fit(
            grid::rank(self.report, &self.changed, self.explain),
            self.width,
        ))
    }
    fn markdown(&self) -> String {
        markdown::render(&grid::rank(self.report, &self.changed, self.explain))
    }
}

/// A plain-text view (`check`, `criteria`) whose table text is wrapped to
/// a width; the other formats are the view's own.
pub struct Wrapped<V> {
    pub view: V,
    /// The width lines are wrapped to; `None`: left whole.
    pub width: Option<usize>,
}

impl<V: Render> Render for Wrapped<V> {
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        self.view.json(out)
    }
    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        self.view.csv(out)
    }
    fn table(&self) -> String {
        fit::wrap_lines(&self.view.table(), self.width)
    }
    fn markdown(&self) -> String {
        self.view.markdown()
    }
}

impl Render for WeightsView<'_> {
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        json::write(out, self)
    }
    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        csv::weights(out, self)
    }
    fn table(&self) -> String {
        table::render(&fit::fit(grid::weights(self), self.width))
    }
    fn markdown(&self) -> String {
        markdown::render(&grid::weights(self))
    }
}

impl Render for CostView<'_> {
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        json::write(out, self)
    }
    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        csv::cost(out, self)
    }
    fn table(&self) -> String {
        table::render(&fit::fit(grid::cost(self), self.width))
    }
    fn markdown(&self) -> String {
        markdown::render(&grid::cost(self))
    }
}

impl Render for CheckSummary {
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        json::write(out, self)
    }
    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        csv::check(out, self)
    }
    fn table(&self) -> String {
        format!("{}\n", self.sentence())
    }
    /// The same sentence: a line of text is already Markdown.
    fn markdown(&self) -> String {
        self.table()
    }
}

impl Render for Library<'_> {
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        json::write(out, self)
    }
    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        csv::library(out, self)
    }
    fn table(&self) -> String {
        table::library(self)
    }
    /// The same lines: a list of ids and names reads as it is.
    fn markdown(&self) -> String {
        table::library(self)
    }
}

impl Render for Definition<'_> {
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        json::write(out, self)
    }
    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        csv::definition(out, self)
    }
    fn table(&self) -> String {
        table::definition(self)
    }
    fn markdown(&self) -> String {
        markdown::definition(self)
    }
}

pub use in_order::write_in_order;
