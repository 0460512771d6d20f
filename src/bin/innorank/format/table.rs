//! Terminal tables (prettytable).

use prettytable::format::consts::FORMAT_NO_LINESEP_WITH_TITLE;
use prettytable::{Cell, Row, Table};

use super::grid::Grid;

pub fn render(grids: &[Grid]) -> String {
    let mut out = String::new();
    for (i, grid) in grids.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&grid.title);
        out.push('\n');
        let mut table = Table::new();
        table.set_format(*FORMAT_NO_LINESEP_WITH_TITLE);
        table.set_titles(Row::new(
            grid.header.iter().map(|h| Cell::new(h).style_spec("b")).collect(),
        ));
        for row in &grid.rows {
            table.add_row(Row::new(row.iter().map(|c| Cell::new(c)).collect()));
        }
        out.push_str(&table.to_string());
        for note in &grid.notes {
            out.push_str(note);
            out.push('\n');
        }
    }
    out
}
