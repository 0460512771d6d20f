//! The head-to-head `rank --explain` prints after the ranking: per leaf,
//! its weight, each alternative's weighted gap to the ideal, who is
//! closer and by how much. Tables and Markdown print it as a second
//! table; JSON as the report's `head_to_head` key; CSV as a second
//! section after one empty line.

use std::io::Write;

use innorank::Problem;
use innorank::pipeline::HeadToHead;

use super::grid::Grid;
use super::number::{round_trip, short};
use super::view::RankView;
use super::{Render, fit, markdown, table};

/// The view of a [`HeadToHead`] of alternatives of `problem`.
pub struct VersusView<'a> {
    pub head_to_head: &'a HeadToHead,
    pub problem: &'a Problem,
    /// The width the table is fitted to (`None`: as wide as it is).
    pub width: Option<usize>,
}

/// The ranking and, when there is one, the head-to-head after it.
pub struct RankAndVersus<'a> {
    pub rank: &'a RankView<'a>,
    pub versus: Option<VersusView<'a>>,
}

impl Render for RankAndVersus<'_> {
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        match &self.versus {
            None => self.rank.json(out),
            Some(v) => super::json::with_key(
                out,
                |out| self.rank.json(out),
                "head_to_head",
                &v.head_to_head.json(v.problem),
            ),
        }
    }

    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        self.rank.csv(out)?;
        match &self.versus {
            Some(v) => {
                out.write_all(b"\n")?;
                v.csv(out)
            }
            None => Ok(()),
        }
    }

    fn table(&self) -> String {
        let versus = self.versus.as_ref().map(Render::table).unwrap_or_default();
        format!("{}{versus}", self.rank.table())
    }

    fn markdown(&self) -> String {
        let versus = self.versus.as_ref().map(Render::markdown).unwrap_or_default();
        format!("{}{versus}", self.rank.markdown())
    }
}

impl Render for VersusView<'_> {
    fn json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        super::json::write(out, &self.head_to_head.json(self.problem))
    }

    /// `criterion,weight,a,b,gap_a,gap_b,closer,by`, one row per leaf
    /// (`closer` empty on a draw).
    fn csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let json = self.head_to_head.json(self.problem);
        let rows = json.criteria.iter().map(|c| {
            [
                c.criterion.to_owned(),
                round_trip(c.weight),
                json.a.id.to_owned(),
                json.b.id.to_owned(),
                round_trip(c.gap_a),
                round_trip(c.gap_b),
                c.closer.unwrap_or_default().to_owned(),
                round_trip(c.by),
            ]
        });
        super::csv::records(out, &HEADER, rows)
    }

    fn table(&self) -> String {
        format!("\n{}", table::render(&fit::fit(vec![grid(self)], self.width)))
    }

    fn markdown(&self) -> String {
        format!("\n{}", markdown::render(&[grid(self)]))
    }
}

/// The header of the head-to-head's CSV.
const HEADER: [&str; 8] = ["criterion", "weight", "a", "b", "gap_a", "gap_b", "closer", "by"];

fn grid(v: &VersusView<'_>) -> Grid {
    let h = v.head_to_head;
    let json = h.json(v.problem);
    let (a, b) = (json.a.id, json.b.id);
    let rows = json
        .criteria
        .iter()
        .map(|c| {
            vec![
                c.criterion.to_owned(),
                short(c.weight),
                short(c.gap_a),
                short(c.gap_b),
                c.closer.unwrap_or("tie").to_owned(),
                short(c.by),
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
