//! Markdown tables for reports.

use super::grid::{Align, Grid};

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
