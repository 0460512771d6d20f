//! `rank --format xlsx`: the ranking as an Excel workbook, the only module
//! that names rust_xlsxwriter. Sheet "Ranking" has the columns of
//! `--format csv` (bold frozen header, autofilter, numbers as numbers with
//! formats); sheet "Weights" the leaf weights.

use std::io::Write;

use anyhow::Context;
use innorank::RankReport;
use rust_xlsxwriter::{Format, Workbook, Worksheet};

/// Rows of a sheet, header included (Excel's limit).
const MAX_ROWS: usize = 1 << 20;

/// Scores, distances and weights: four decimals shown, all kept.
const FOUR_DECIMALS: &str = "0.0000";

/// Writes the ranking of `report` as a workbook to `out`.
pub fn rank(out: &mut dyn Write, report: &RankReport<'_>) -> anyhow::Result<()> {
    if report.ranking.len() >= MAX_ROWS {
        anyhow::bail!(
            "{} ranked alternatives do not fit in a worksheet ({} rows at most); use --top or --format csv",
            report.ranking.len(),
            MAX_ROWS - 1
        );
    }
    let mut book = Workbook::new();
    ranking(book.add_worksheet().set_name("Ranking")?, report)?;
    weights(book.add_worksheet().set_name("Weights")?, report)?;
    let bytes = book.save_to_buffer().context("cannot build the workbook")?;
    out.write_all(&bytes)?;
    Ok(())
}

/// The bold header row, frozen, with an autofilter over `rows` data rows.
fn header(sheet: &mut Worksheet, names: &[&str], rows: usize) -> anyhow::Result<()> {
    let bold = Format::new().set_bold();
    for (c, name) in names.iter().enumerate() {
        sheet.write_string_with_format(0, col(c), *name, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows as u32, col(names.len().saturating_sub(1)))?;
    Ok(())
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn ranking(sheet: &mut Worksheet, report: &RankReport<'_>) -> anyhow::Result<()> {
    let p = report.problem;
    let topsis = report.options.method == innorank::Method::Topsis;
    let satisfactory = report.options.satisfactory.is_some();
    let mut names = vec!["rank", "id", "name", "score"];
    if topsis {
        names.extend(["d_plus", "d_minus"]);
    }
    if satisfactory {
        names.push("satisfactory");
    }
    let first_value = names.len();
    names.extend(p.criteria().leaves().map(|(c, _)| c.id.as_str()));
    header(sheet, &names, report.ranking.len())?;
    let (whole, four) = (
        Format::new().set_num_format("0"),
        Format::new().set_num_format(FOUR_DECIMALS),
    );
    for (i, r) in report.ranking.iter().enumerate() {
        let row = u32::try_from(i + 1)?;
        sheet.write_number_with_format(row, 0, r.rank as f64, &whole)?;
        sheet.write_string(row, 1, r.id)?;
        sheet.write_string(row, 2, p.alternatives().name(r.index).unwrap_or_default())?;
        let mut c = 3;
        for v in std::iter::once(Some(r.score)).chain([r.d_plus, r.d_minus]).flatten() {
            sheet.write_number_with_format(row, c, v, &four)?;
            c += 1;
        }
        if let Some(sat) = r.satisfactory {
            sheet.write_boolean(row, c, sat)?;
        }
        for (k, &v) in p.scores().row(r.index).iter().enumerate() {
            sheet.write_number(row, col(first_value + k), v)?;
        }
    }
    sheet.set_column_width(1, 12)?;
    sheet.set_column_width(2, 32)?;
    Ok(())
}

fn weights(sheet: &mut Worksheet, report: &RankReport<'_>) -> anyhow::Result<()> {
    let leaves: Vec<(&str, f64)> = report.leaf_weights().collect();
    header(sheet, &["criterion", "weight"], leaves.len())?;
    let four = Format::new().set_num_format(FOUR_DECIMALS);
    for (i, (id, w)) in leaves.into_iter().enumerate() {
        let row = u32::try_from(i + 1)?;
        sheet.write_string(row, 0, id)?;
        sheet.write_number_with_format(row, 1, w, &four)?;
    }
    sheet.set_column_width(0, 24)?;
    Ok(())
}
