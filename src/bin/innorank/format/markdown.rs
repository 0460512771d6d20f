//! Markdown tables for reports.

use super::grid::{Align, Grid};
use super::view::{Definition, Part};

/// Each grid as a `###` title, a table (numbers right-aligned with `---:`)
/// and its notes as a list, so that each note stays on its own line when
/// the Markdown is rendered.
pub fn render(grids: &[Grid]) -> String {
    let mut out = String::new();
    for (i, grid) in grids.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!("### {}\n\n", escape(&grid.title)));
        line(&mut out, grid.header.iter());
        line(
            &mut out,
            (0..grid.header.len()).map(|c| match grid.align(c) {
                Align::Left => "---",
                Align::Right => "---:",
            }),
        );
        for row in &grid.rows {
            line(&mut out, row.iter());
        }
        if !grid.notes.is_empty() {
            out.push('\n');
            for note in &grid.notes {
                out.push_str(&format!("- {}\n", escape(note)));
            }
        }
    }
    out
}

/// A definition as Markdown: a heading per criterion (`###` for the one
/// asked for, one level deeper per sub-criterion), the rubric as a list.
pub fn definition(d: &Definition<'_>) -> String {
    let mut out = String::new();
    write_definition(&mut out, d, 0);
    out
}

fn write_definition(out: &mut String, d: &Definition<'_>, depth: usize) {
    let hashes = "#".repeat(depth + 3);
    out.push_str(&format!("{hashes} `{}`: {}{}\n", d.id, d.name, d.source_suffix(depth)));
    for part in d.parts() {
        match part {
            Part::Line(text) => out.push_str(&format!("{text}\n\n")),
            Part::Rubric => {
                out.push_str("rubric:\n\n");
                for (k, t) in &d.rubric {
                    out.push_str(&format!("- **{k}**: {t}\n"));
                }
                out.push('\n');
            }
        }
    }
    for child in &d.criteria {
        write_definition(out, child, depth + 1);
    }
}

fn line<S: AsRef<str>>(out: &mut String, cells: impl Iterator<Item = S>) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        out.push_str(&escape(cell.as_ref()).replace('\n', "<br>"));
        out.push_str(" |");
    }
    out.push('\n');
}

/// Escapes the characters that would break a Markdown table.
fn escape(text: &str) -> String {
    text.replace('|', "\\|")
}
