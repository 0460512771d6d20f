//! Terminal tables (prettytable).

use prettytable::format::Alignment;
use prettytable::format::consts::FORMAT_NO_LINESEP_WITH_TITLE;
use prettytable::{Attr, Cell, Row, Table};

use super::grid::{Align, Grid};
use super::view::{Definition, Library, Part};

/// Each grid as its title, a framed table and its notes. Grids are printed
/// as they come: cut them to the terminal first with [`super::fit::fit`].
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
        let cell = |column: usize, text: &str| {
            let align = match grid.align(column) {
                Align::Left => Alignment::LEFT,
                Align::Right => Alignment::RIGHT,
            };
            Cell::new_align(text, align)
        };
        table.set_titles(Row::new(
            grid.header
                .iter()
                .enumerate()
                .map(|(c, h)| cell(c, h).with_style(Attr::Bold))
                .collect(),
        ));
        for row in &grid.rows {
            table.add_row(Row::new(row.iter().enumerate().map(|(c, t)| cell(c, t)).collect()));
        }
        out.push_str(&table.to_string());
        for note in &grid.notes {
            out.push_str(note);
            out.push('\n');
        }
    }
    out
}

/// The criteria library, one family per line.
pub fn library(library: &Library<'_>) -> String {
    library.families.iter().map(|s| s.line() + "\n").collect()
}

/// A definition as text to read while scoring: sub-criteria indented under
/// their parent.
pub fn definition(d: &Definition<'_>) -> String {
    let mut out = String::new();
    write_definition(&mut out, d, 0);
    out
}

fn write_definition(out: &mut String, d: &Definition<'_>, depth: usize) {
    let pad = "  ".repeat(depth);
    out.push_str(&format!("{pad}{}: {}{}\n", d.id, d.name, d.source_suffix(depth)));
    for part in d.parts() {
        match part {
            Part::Line(text) => out.push_str(&format!("{pad}  {text}\n")),
            Part::Rubric => {
                out.push_str(&format!("{pad}  rubric:\n"));
                for (k, t) in &d.rubric {
                    out.push_str(&format!("{pad}    {k:>3}  {t}\n"));
                }
            }
        }
    }
    for child in &d.criteria {
        out.push('\n');
        write_definition(out, child, depth + 1);
    }
}
