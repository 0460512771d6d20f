//! The head-to-head `rank --explain` prints after the ranking: per leaf,
//! its weight, each alternative's weighted gap to the ideal, who is
//! closer and by how much. Table and Markdown only: JSON and CSV keep
//! the ranking's shape.

use std::io::Write;

use innorank::Problem;
use innorank::pipeline::HeadToHead;

use super::grid::Grid;
use super::number::short;
use super::{Render, fit, markdown, table};

/// The view of a [`HeadToHead`] of alternatives of `problem`.
pub struct VersusView<'a> {
    pub head_to_head: &'a HeadToHead,
    pub problem: &'a Problem,
    /// The width the table is fitted to (`None`: as wide as it is).
    pub width: Option<usize>,
}

impl Render for VersusView<'_> {
    fn json(&self, _out: &mut dyn Write) -> anyhow::Result<()> {
        Ok(())
    }

    fn csv(&self, _out: &mut dyn Write) -> anyhow::Result<()> {
        Ok(())
    }

    fn table(&self) -> String {
        format!("\n{}", table::render(&fit::fit(vec![grid(self)], self.width)))
    }

    fn markdown(&self) -> String {
        format!("\n{}", markdown::render(&[grid(self)]))
    }
}

fn grid(v: &VersusView<'_>) -> Grid {
    let h = v.head_to_head;
    let ids = v.problem.alternatives();
    let (a, b) = (ids.id(h.a), ids.id(h.b));
    let rows = h
        .edges
        .iter()
        .map(|e| {
            let d = e.advantage();
            let closer = if d > 0.0 {
                a
            } else if d < 0.0 {
                b
            } else {
                "tie"
            };
            vec![
                e.criterion.clone(),
                short(e.weight),
                short(e.gap_a),
                short(e.gap_b),
                closer.to_owned(),
                short(d.abs()),
            ]
        })
        .collect();
    let title = format!(
        "Head-to-head: {a} (#{}, {}) vs {b} (#{}, {})",
        h.ranks.0,
        short(h.scores.0),
        h.ranks.1,
        short(h.scores.1)
    );
    let header = [
        "criterion",
        "weight",
        &format!("gap {a}"),
        &format!("gap {b}"),
        "closer",
        "by",
    ];
    let notes = vec!["gap: weighted distance to the ideal on that criterion (smaller is closer)".to_owned()];
    let mut grid = Grid::new(title, header.iter().map(|s| (*s).to_owned()).collect(), rows, notes).numbers_from(1);
    // Who is closer is a name, not a number.
    grid.align[4] = super::grid::Align::Left;
    // Cut to fit: the criterion is repeated in every part.
    grid.fit = Some(super::grid::Fit {
        keys: 1,
        first_only: 0,
        shrink: Some((0, 14)),
    });
    grid
}
