//! Reports as titled grids of text, shared by the table and Markdown
//! renderers.

use innorank::RankReport;
use innorank::pipeline::HierarchyWeights;
use innorank::problem::Problem;
use unicode_width::UnicodeWidthStr;

use super::{CostView, WeightsView, compact, crossing_text, exact, fixed};

/// A titled table of text cells.
pub struct Grid {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Lines printed under the table.
    pub notes: Vec<String>,
    /// How each column is aligned; columns past its end are left-aligned.
    pub align: Vec<Align>,
    /// How the grid may be cut to fit a terminal (see [`fit`]); `None`: it
    /// is printed as it is.
    pub fit: Option<Fit>,
    /// A column of text (reasons, explanations) whose cells may be wrapped
    /// onto several lines to fit a terminal (see [`fit`]).
    pub wrap: Option<usize>,
}

impl Grid {
    /// A grid of left-aligned columns that is never cut.
    fn new(title: String, header: Vec<String>, rows: Vec<Vec<String>>, notes: Vec<String>) -> Self {
        Grid {
            title,
            header,
            rows,
            notes,
            align: Vec::new(),
            fit: None,
            wrap: None,
        }
    }

    /// Right-aligns the columns from `first` on: they hold numbers, which
    /// people compare digit by digit.
    fn numbers_from(mut self, first: usize) -> Self {
        self.align = (0..self.header.len())
            .map(|c| if c < first { Align::Left } else { Align::Right })
            .collect();
        self
    }

    /// Lets the cells of column `column` be wrapped to fit a terminal; a
    /// column of text, so it is left-aligned.
    fn wrapping(mut self, column: usize) -> Self {
        if let Some(align) = self.align.get_mut(column) {
            *align = Align::Left;
        }
        self.wrap = Some(column);
        self
    }

    /// The alignment of column `column`.
    pub fn align(&self, column: usize) -> Align {
        self.align.get(column).copied().unwrap_or(Align::Left)
    }
}

/// Where a column's text sits in its cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text and names.
    Left,
    /// Numbers.
    Right,
}

/// A leaf value as shown to people: the number, and its level name if any.
fn value_cell(problem: &Problem, row: usize, leaf: usize) -> String {
    let (_, l) = problem.criteria.leaves().nth(leaf).expect("leaf index in range");
    let v = problem.scores.get(row, l.column);
    match l.level_name(v) {
        Some(name) => format!("{} ({name})", exact(v)),
        None => compact(v),
    }
}

/// The ranking table, then the screened-out alternatives.
///
/// `changed` names the command-line options that differ from their
/// defaults, as typed (`--top 3`); the footer lists them with the method
/// and every inconsistent node, so that a printed table says how it was
/// made.
pub fn rank(report: &RankReport<'_>, changed: &[String]) -> Vec<Grid> {
    let p = report.problem;
    let satisfactory = report.options.satisfactory;
    let mut header = vec!["Rank".to_owned(), "Alternative".to_owned(), "Score".to_owned()];
    let mut align = vec![Align::Right, Align::Left, Align::Right];
    if let Some(x) = satisfactory {
        header.push(format!("Satisfactory (>= {})", exact(x)));
        align.push(Align::Left);
    }
    let first_only = header.len() - 2;
    for ((criterion, leaf), (_, w)) in p.criteria.leaves().zip(report.leaf_weights()) {
        let arrow = match leaf.direction {
            innorank::Direction::Benefit => "max".to_owned(),
            innorank::Direction::Cost => "min".to_owned(),
            innorank::Direction::Target(t) => format!("-> {}", exact(t)),
        };
        header.push(format!("{}\n{arrow}, w={}", criterion.id, fixed(w, 3)));
        align.push(Align::Right);
    }
    let leaves = p.criteria.leaf_nodes().len();
    let rows = report
        .ranking
        .iter()
        .map(|r| {
            let label = match p.alternatives.name(r.index) {
                Some(name) => format!("{} {name}", r.id),
                None => r.id.to_owned(),
            };
            let mut row = vec![r.rank.to_string(), label, fixed(r.score, 4)];
            if let Some(sat) = r.satisfactory {
                row.push(if sat { "yes" } else { "no" }.to_owned());
            }
            row.extend((0..leaves).map(|leaf| value_cell(p, r.index, leaf)));
            row
        })
        .collect();
    let o = &report.options;
    let method = match o.method {
        innorank::Method::Topsis => format!("TOPSIS, {} normalisation", o.normalization.name()),
        innorank::Method::Ahp => format!("AHP, {} synthesis", o.synthesis.name()),
    };
    // Aggregation only means something when a node has judges.
    let aggregation = if report.weights.nodes.iter().any(|n| !n.judges.is_empty()) {
        format!(", {} aggregation", o.weighing.aggregation.name())
    } else {
        String::new()
    };
    let mut notes = vec![format!(
        "{method}; weights by AHP ({}, {} completion, {} RI{aggregation}), CR threshold {}",
        o.weighing.ahp.method.name(),
        o.weighing.ahp.completion.name(),
        o.weighing.ahp.random_index.name(),
        exact(o.weighing.cr_threshold)
    )];
    if !changed.is_empty() {
        notes.push(format!("options: {}", changed.join(" ")));
    }
    notes.extend(inconsistent_notes(&report.weights, o.weighing.cr_threshold));
    let shown = report.ranking.len();
    let ranked = p.alternatives.len() - report.screened_out.len();
    if shown < ranked {
        notes.push(format!(
            "showing the top {shown} of {ranked} ranked alternatives ({} more; --top N to change)",
            ranked - shown
        ));
    }
    let mut grids = vec![Grid {
        title: p.name.clone(),
        header,
        rows,
        notes,
        align,
        fit: Some(Fit {
            keys: 2,
            first_only,
            shrink: Some((1, ALTERNATIVE_MIN_WIDTH)),
        }),
        wrap: None,
    }];
    if report.options.explain && !p.derived.is_empty() {
        let mut rows = Vec::new();
        for r in &report.ranking {
            for (criterion, leaf) in p.criteria.leaves() {
                if let Some(d) = p.derivation(r.index, leaf.column) {
                    let value = compact(p.scores.get(r.index, leaf.column));
                    rows.push(vec![r.id.to_owned(), criterion.id.clone(), value, d.to_string()]);
                }
            }
        }
        grids.push(
            Grid::new(
                "Derived values".to_owned(),
                ["Alternative", "Criterion", "Value", "From"].map(String::from).to_vec(),
                rows,
                Vec::new(),
            )
            .numbers_from(2)
            .wrapping(3),
        );
    }
    if !report.screened_out.is_empty() {
        grids.push(
            Grid::new(
                "Screened out".to_owned(),
                vec!["Alternative".to_owned(), "Broken rules".to_owned()],
                report
                    .screened_out
                    .iter()
                    .take(TABLE_SCREENED)
                    .map(|s| {
                        let reasons: Vec<String> = s.reasons().iter().map(ToString::to_string).collect();
                        vec![s.id.to_owned(), reasons.join("; ")]
                    })
                    .collect(),
                if report.screened_out.len() > TABLE_SCREENED {
                    vec![format!(
                        "and {} more (all of them in --format json)",
                        report.screened_out.len() - TABLE_SCREENED
                    )]
                } else {
                    Vec::new()
                },
            )
            .wrapping(1),
        );
    }
    grids
}

/// One line per node whose judgments are inconsistent, with its CR and the
/// threshold: a reader of the table learns which weights to doubt without
/// the warnings on standard error.
pub fn inconsistent_notes(weights: &HierarchyWeights, threshold: f64) -> impl Iterator<Item = String> + '_ {
    weights.nodes.iter().filter(|n| !n.consistent).map(move |n| {
        format!(
            "inconsistent: {} CR {} > {threshold} (see innorank weights)",
            n.id,
            fixed(n.consistency.cr, 4)
        )
    })
}

/// The narrowest the Alternative column gets before value columns move to
/// a second table: enough for an id and the start of its name.
const ALTERNATIVE_MIN_WIDTH: usize = 20;

/// Screened-out alternatives a table lists.
const TABLE_SCREENED: usize = 20;

/// One grid per parent node: its children's weights, then (if any) the
/// estimated judgments and the judgments that hurt consistency most.
pub fn weights(view: &WeightsView<'_>) -> Vec<Grid> {
    let mut grids = Vec::new();
    for node in &view.weights.nodes {
        let c = &node.consistency;
        let verdict = if node.consistent { "consistent" } else { "INCONSISTENT" };
        let mut notes = vec![format!(
            "{} ({}): lambda_max {}, CI {}, RI {}, CR {} ({verdict} at {})",
            node.source.name(),
            view.options.ahp.method.name(),
            fixed(c.lambda_max, 4),
            fixed(c.ci, 4),
            fixed(c.ri, 2),
            fixed(c.cr, 4),
            exact(view.options.cr_threshold)
        )];
        for e in &node.estimated {
            notes.push(format!(
                "estimated: {} vs {} = {} (not judged; {} completion)",
                node.children[e.row],
                node.children[e.col],
                fixed(e.value, 4),
                view.options.ahp.completion.name()
            ));
        }
        for g in &node.judges {
            let cr = match &g.consistency {
                Some(c) => format!("CR {}", fixed(c.cr, 4)),
                None => "no CR (judgments alone do not link every criterion)".to_owned(),
            };
            notes.push(format!(
                "judge {} (weight {}): {cr}, compatibility with the group {}",
                g.judge,
                fixed(g.weight, 3),
                fixed(g.compatibility, 3)
            ));
        }
        if let Some(c) = node.consensus {
            notes.push(format!(
                "consensus (weighted GCOMPI, 0 = full agreement): {}",
                fixed(c, 4)
            ));
        }
        if let Some(d) = &node.disagreement {
            notes.push(format!(
                "widest disagreement: {} judged [{}, {}] = {} against the group's {}",
                d.judge,
                node.children[d.row],
                node.children[d.col],
                fixed(d.judged, 4),
                fixed(d.group, 4)
            ));
        }
        for d in &node.worst {
            notes.push(format!(
                "deviates: [{}, {}, {}] but the weights imply {} (nearest scale value {})",
                node.children[d.row],
                node.children[d.col],
                fixed(d.judged, 4),
                fixed(d.fitted, 4),
                scale_text(d.nearest_scale_value())
            ));
        }
        if let Some(repair) = view.suggestion(node.node) {
            for v in repair.changes() {
                notes.push(format!(
                    "suggest: [{}, {}] {} -> {} (CR then {})",
                    node.children[v.row],
                    node.children[v.col],
                    scale_text(v.from),
                    scale_text(v.to),
                    fixed(v.cr_after, 4)
                ));
            }
            notes.push(format!(
                "suggestion: {} (CR {} -> {})",
                super::outcome_text(repair.outcome),
                fixed(repair.cr_before, 4),
                fixed(repair.cr_after, 4)
            ));
        }
        grids.push(
            Grid::new(
                format!("Node {}", node.id),
                vec!["Criterion".to_owned(), "Local".to_owned(), "Global".to_owned()],
                view.children(node)
                    .map(|(id, local, global)| vec![id.to_owned(), fixed(local, 4), fixed(global, 4)])
                    .collect(),
                notes,
            )
            .numbers_from(1),
        );
    }
    grids
}

/// A scale value as an analyst writes it: `3` or `1/3`.
fn scale_text(v: f64) -> String {
    if v >= 1.0 {
        format!("{}", v.round())
    } else {
        format!("1/{}", (1.0 / v).round())
    }
}

/// One grid per `learning_curve` criterion: the baseline, then each
/// alternative's average cost at its own volume and at the chosen volumes.
pub fn cost(view: &CostView<'_>) -> Vec<Grid> {
    view.curves
        .iter()
        .map(|c| {
            let mut header = ["Alternative", "Volume", "Avg cost at volume"]
                .map(String::from)
                .to_vec();
            header.extend(c.volumes.iter().map(|q| format!("at {q}")));
            let has_baseline = c.baseline.is_some();
            if has_baseline {
                header.push("Below baseline".to_owned());
            }
            let mut rows = Vec::new();
            if let Some((_, costs)) = &c.baseline {
                let mut row = vec!["(baseline)".to_owned(), String::new(), String::new()];
                row.extend(costs.iter().map(|&v| compact(v)));
                row.push(String::new());
                rows.push(row);
            }
            for a in &c.alternatives {
                let mut row = vec![a.id.clone(), a.volume.to_string(), compact(a.at_volume)];
                row.extend(a.average_costs.iter().map(|&v| compact(v)));
                if has_baseline {
                    row.push(crossing_text(a.crossing));
                }
                rows.push(row);
            }
            let mut notes = vec![
                "average cost per unit = fixed/Q + (unit cost/Q) * sum of k^log2(learning rate), k = 1..Q".to_owned(),
            ];
            if let Some((b, _)) = &c.baseline {
                notes.push(format!("baseline: {b}"));
            }
            let mut grid = Grid::new(format!("{}: {}", view.problem, c.criterion), header, rows, notes).numbers_from(1);
            if has_baseline && let Some(last) = grid.align.last_mut() {
                // "from 1001" is text.
                *last = Align::Left;
            }
            grid
        })
        .collect()
}

/// How a grid too wide for the terminal is cut into parts that fit.
///
/// The first `keys` columns (rank, alternative) are repeated in every
/// part so that each row can be read on its own; the next `first_only`
/// columns (score) are shown in the first part only; the remaining value
/// columns fill the parts in order, as many per part as fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// Leading columns repeated in every part.
    pub keys: usize,
    /// Columns after the keys shown in the first part only.
    pub first_only: usize,
    /// A key column whose cells may be cut with an ellipsis, and the width
    /// it may be cut to.
    pub shrink: Option<(usize, usize)>,
}

/// Cuts the grids that allow it (see [`Fit`]) so that every line of their
/// table is at most `limit` terminal columns wide; `None` leaves them whole.
///
/// A grid that fits is left as it is. Otherwise the value columns are
/// spread over as few tables as possible with their headers at their
/// narrowest ([`Level::Words`]), and the Alternative column is shortened
/// (with `…`) only as far as that takes. Each table then gets the widest
/// header layout that fits it, the same for all its columns. A column
/// wider than the limit on its own still gets a table: nothing is dropped.
pub fn fit(grids: Vec<Grid>, limit: Option<usize>) -> Vec<Grid> {
    match limit {
        None => grids,
        Some(limit) => grids
            .into_iter()
            .flat_map(|g| fit_grid(g, limit))
            .map(|mut g| {
                g.title = wrap_note(&g.title, limit).join("\n");
                g.notes = g.notes.iter().flat_map(|n| wrap_note(n, limit)).collect();
                g
            })
            .collect(),
    }
}

/// A note or title broken at spaces into lines of at most `limit` columns, the
/// lines after the first indented by two spaces; a word longer than that
/// stays whole.
fn wrap_note(note: &str, limit: usize) -> Vec<String> {
    const INDENT: &str = "  ";
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in note.split(' ') {
        let room = if lines.is_empty() {
            limit
        } else {
            limit.saturating_sub(INDENT.len())
        };
        if !current.is_empty() && display_width(&current) + 1 + display_width(word) > room {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    lines.push(current);
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| if i == 0 { l } else { format!("{INDENT}{l}") })
        .collect()
}

/// What a column adds to a prettytable line: `| ` before the text and a
/// space after it; the line's closing `|` is counted once.
const COLUMN_FRAME: usize = 3;

/// The display width of a cell: its widest line, in terminal columns.
fn display_width(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// Width of a table line whose columns have these text widths.
fn line_width(widths: impl IntoIterator<Item = usize>) -> usize {
    1 + widths.into_iter().map(|w| w + COLUMN_FRAME).sum::<usize>()
}

/// How far a header is wrapped to make its column narrower.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    /// As written: `technical_risk` / `min, w=0.094`.
    Whole,
    /// Each part of a line on its own line: `technical_risk` / `min` /
    /// `w=0.094`.
    Lines,
    /// Also ids broken after `_` or `-`: `technical_` / `risk` / `min` /
    /// `w=0.094`.
    Words,
}

/// One grid fitted to `limit` columns: split into parts if it has a
/// [`Fit`], else with its `wrap` column wrapped.
fn fit_grid(grid: Grid, limit: usize) -> Vec<Grid> {
    let Some(spec) = grid.fit else {
        return vec![wrap_grid(grid, limit)];
    };
    let columns = grid.header.len();
    let cells: Vec<usize> = (0..columns)
        .map(|c| {
            grid.rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|t| display_width(t))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let width_at = |level: Level| -> Vec<usize> {
        (0..columns)
            .map(|c| header_width(&grid.header[c], level).max(cells[c]))
            .collect()
    };
    let natural = width_at(Level::Whole);
    if line_width(natural.iter().copied()) <= limit {
        return vec![grid];
    }
    let keys = spec.keys.min(columns);
    let lead = (spec.keys + spec.first_only).min(columns);
    let shrink = spec.shrink.filter(|&(c, _)| c < keys);
    let mut widths = [width_at(Level::Lines), width_at(Level::Words)];
    // The widths the shortened column may take, widest first.
    let (widest, narrowest) = match shrink {
        Some((c, to)) => {
            let header = header_width(&grid.header[c], Level::Words);
            (natural[c], to.max(header).min(natural[c]))
        }
        None => (0, 0),
    };
    let mut parts_at = |a: usize| {
        if let Some((c, _)) = shrink {
            widths[1][c] = a;
        }
        let parts = pack(&widths[1], keys, lead, limit);
        // A part wider than the limit: even one value column did not fit.
        let overflows = parts.iter().enumerate().any(|(i, part)| {
            let shown = (0..if i == 0 { lead } else { keys }).chain(part.iter().copied());
            line_width(shown.map(|c| widths[1][c])) > limit
        });
        (parts, overflows)
    };
    // In a very narrow terminal the names may get shorter still, down to
    // their header, if that lets each table hold a value column.
    let narrowest = match shrink {
        Some((c, _)) if parts_at(narrowest).1 => {
            let header = header_width(&grid.header[c], Level::Words).min(narrowest);
            (header..narrowest).rev().find(|&a| !parts_at(a).1).unwrap_or(header)
        }
        _ => narrowest,
    };
    // Fewer tables first: as many as the narrowest names need. Then the
    // widest names that need no more and overflow no more; a narrower
    // column never needs more tables nor overflows where a wider one does
    // not, so the search halves the range.
    let (fewest, overflow) = {
        let (parts, overflows) = parts_at(narrowest);
        (parts.len(), overflows)
    };
    // When even the narrowest names overflow, they stay at that.
    let (mut low, mut high) = (narrowest, if overflow { narrowest } else { widest });
    while low < high {
        let mid = low + (high - low).div_ceil(2);
        let (parts, overflows) = parts_at(mid);
        if parts.len() <= fewest && !overflows {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    let a = low;
    let (parts, _) = parts_at(a);
    if let Some((c, _)) = shrink {
        widths[0][c] = a;
        widths[1][c] = a;
    }
    let shortened = shrink.is_some_and(|(c, _)| a < natural[c]);
    let count = parts.len();
    let Grid {
        title,
        header,
        rows,
        notes,
        align,
        ..
    } = grid;
    let is_shrunk = |c: usize| shrink.is_some_and(|(s, _)| s == c);
    let mut out = Vec::with_capacity(count);
    for (i, values) in parts.into_iter().enumerate() {
        let shown: Vec<usize> = (0..if i == 0 { lead } else { keys }).chain(values).collect();
        let fits = |w: &[usize]| line_width(shown.iter().map(|&c| w[c])) <= limit;
        let (level, w) = if fits(&widths[0]) {
            (Level::Lines, &widths[0])
        } else {
            (Level::Words, &widths[1])
        };
        out.push(Grid {
            title: if i == 0 {
                title.clone()
            } else {
                format!("{title} (continued)")
            },
            header: shown.iter().map(|&c| wrap_header(&header[c], w[c], level)).collect(),
            rows: rows
                .iter()
                .map(|row| {
                    shown
                        .iter()
                        .map(|&c| {
                            let text = row.get(c).map_or("", String::as_str);
                            if is_shrunk(c) {
                                shorten(text, a)
                            } else {
                                text.to_owned()
                            }
                        })
                        .collect()
                })
                .collect(),
            notes: Vec::new(),
            align: shown
                .iter()
                .map(|&c| align.get(c).copied().unwrap_or(Align::Left))
                .collect(),
            fit: None,
            wrap: None,
        });
    }
    if let Some(last) = out.last_mut() {
        last.notes = notes;
        // Wrapped headers alone hide nothing: no note for them.
        let how = match (count > 1, shortened) {
            (true, true) => Some(format!("split into {count} tables and names shortened")),
            (true, false) => Some(format!("split into {count} tables")),
            (false, true) => Some("names shortened".to_owned()),
            (false, false) => None,
        };
        if let Some(how) = how {
            last.notes
                .push(format!("{how} to fit {limit} columns (--wide: one table)"));
        }
    }
    out
}

/// A grid whose `wrap` column is wrapped so that the table fits `limit`
/// columns, but never narrower than its longest word.
fn wrap_grid(mut grid: Grid, limit: usize) -> Grid {
    let Some(column) = grid.wrap.filter(|&c| c < grid.header.len()) else {
        return grid;
    };
    let width_of = |c: usize| {
        grid.rows
            .iter()
            .filter_map(|r| r.get(c))
            .chain(std::iter::once(&grid.header[c]))
            .map(|t| display_width(t))
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..grid.header.len()).map(width_of).collect();
    if line_width(widths.iter().copied()) <= limit {
        return grid;
    }
    let others = line_width(widths.iter().enumerate().filter(|&(c, _)| c != column).map(|(_, &w)| w));
    let longest_word = grid
        .rows
        .iter()
        .filter_map(|r| r.get(column))
        .flat_map(|t| t.split_whitespace())
        .chain(std::iter::once(grid.header[column].as_str()))
        .map(display_width)
        .max()
        .unwrap_or(0);
    let width = limit.saturating_sub(others + COLUMN_FRAME).max(longest_word);
    for row in &mut grid.rows {
        if let Some(cell) = row.get_mut(column) {
            *cell = wrap_text(cell, width);
        }
    }
    grid
}

/// Text wrapped to `width` columns: the items of a list joined by `; `
/// stay whole on a line when they can; longer text breaks at spaces.
fn wrap_text(text: &str, width: usize) -> String {
    let parts: Vec<&str> = text.split("; ").collect();
    let last = parts.len().saturating_sub(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, part) in parts.iter().enumerate() {
        let item = if i < last {
            format!("{part};")
        } else {
            (*part).to_owned()
        };
        let words: Vec<&str> = if display_width(&item) <= width {
            vec![item.as_str()]
        } else {
            item.split(' ').collect()
        };
        for word in words {
            if !current.is_empty() && display_width(&current) + 1 + display_width(word) > width {
                lines.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    lines.push(current);
    lines.join("\n")
}

/// Spreads the value columns (from `lead` on) over parts of at most `limit`
/// columns, in order: the first part also holds the columns before `lead`,
/// the others the `keys` columns. Every part gets at least one column.
fn pack(widths: &[usize], keys: usize, lead: usize, limit: usize) -> Vec<Vec<usize>> {
    let first = line_width(widths[..lead].iter().copied());
    let rest = line_width(widths[..keys].iter().copied());
    let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = first;
    for (c, &w) in widths.iter().enumerate().skip(lead) {
        if parts.last().is_some_and(|p| !p.is_empty()) && used + w + COLUMN_FRAME > limit {
            parts.push(Vec::new());
            used = rest;
        }
        used += w + COLUMN_FRAME;
        if let Some(part) = parts.last_mut() {
            part.push(c);
        }
    }
    parts
}

/// `text` cut to `width` terminal columns, ending in `…` when cut.
fn shorten(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    format!("{}…", out.trim_end())
}

/// The parts of a header line that may go on lines of their own: split at
/// `, ` (the comma dropped) and before ` (`, never inside `-> 0.6`:
/// `min, w=0.094` gives `min` and `w=0.094`, `Satisfactory (>= 0.6)` gives
/// `Satisfactory` and `(>= 0.6)`.
fn segments(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    loop {
        let comma = rest.find(", ").map(|i| (i, i + 2));
        let paren = rest.find(" (").filter(|&i| i > 0).map(|i| (i, i + 1));
        let cut = match (comma, paren) {
            (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
            (a, b) => a.or(b),
        };
        match cut {
            Some((end, next)) => {
                out.push(&rest[..end]);
                rest = &rest[next..];
            }
            None => {
                out.push(rest);
                return out;
            }
        }
    }
}

/// A segment cut after each `_` or `-` between letters or digits:
/// `technical_risk` gives `technical_` and `risk`.
fn word_pieces(segment: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = segment.char_indices().collect();
    for (k, &(i, ch)) in chars.iter().enumerate() {
        let inside =
            k > 0 && chars[k - 1].1.is_alphanumeric() && chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
        if (ch == '_' || ch == '-') && inside {
            let end = i + ch.len_utf8();
            out.push(&segment[start..end]);
            start = end;
        }
    }
    out.push(&segment[start..]);
    out
}

/// The width of a header at a level: at [`Level::Words`] its widest piece
/// that cannot be broken.
fn header_width(header: &str, level: Level) -> usize {
    match level {
        Level::Whole => display_width(header),
        Level::Lines => header.lines().flat_map(segments).map(display_width).max().unwrap_or(0),
        Level::Words => header
            .lines()
            .flat_map(segments)
            .flat_map(word_pieces)
            .map(display_width)
            .max()
            .unwrap_or(0),
    }
}

/// A header laid out at a level for a column `width` wide: at
/// [`Level::Words`] each segment's pieces are packed onto as few lines as
/// the width allows.
fn wrap_header(header: &str, width: usize, level: Level) -> String {
    if level == Level::Whole {
        return header.to_owned();
    }
    let mut lines: Vec<String> = Vec::new();
    for segment in header.lines().flat_map(segments) {
        if level == Level::Lines {
            lines.push(segment.to_owned());
            continue;
        }
        let mut current = String::new();
        for piece in word_pieces(segment) {
            if !current.is_empty() && display_width(&current) + display_width(piece) > width {
                lines.push(std::mem::take(&mut current));
            }
            current.push_str(piece);
        }
        lines.push(current);
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ranking-like grid: rank, name, score, then value columns.
    fn ranking(names: &[&str], values: &[&str]) -> Grid {
        let mut header = vec!["Rank".to_owned(), "Alternative".to_owned(), "Score".to_owned()];
        header.extend(values.iter().map(|v| format!("{v}\nmin, w=0.100")));
        let rows = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mut row = vec![(i + 1).to_string(), (*n).to_owned(), "0.5000".to_owned()];
                row.extend(values.iter().map(|_| "12".to_owned()));
                row
            })
            .collect();
        let mut grid = Grid::new("T".to_owned(), header, rows, vec!["note".to_owned()]).numbers_from(2);
        grid.align[0] = Align::Right;
        grid.fit = Some(Fit {
            keys: 2,
            first_only: 1,
            shrink: Some((1, ALTERNATIVE_MIN_WIDTH)),
        });
        grid
    }

    #[test]
    fn header_lines_split_at_comma_and_parenthesis_only() {
        assert_eq!(segments("min, w=0.094"), ["min", "w=0.094"]);
        assert_eq!(segments("-> 0.6, w=0.100"), ["-> 0.6", "w=0.100"]);
        assert_eq!(segments("Satisfactory (>= 0.6)"), ["Satisfactory", "(>= 0.6)"]);
        assert_eq!(segments("(x)"), ["(x)"]);
        assert_eq!(segments(""), [""]);
    }

    #[test]
    fn ids_break_after_inner_underscores_and_hyphens() {
        assert_eq!(word_pieces("technical_risk"), ["technical_", "risk"]);
        assert_eq!(word_pieces("time_to_market"), ["time_", "to_", "market"]);
        assert_eq!(word_pieces("time-to-market"), ["time-", "to-", "market"]);
        assert_eq!(word_pieces("_x_"), ["_x_"]);
        assert_eq!(word_pieces("-> 0.6"), ["-> 0.6"]);
    }

    #[test]
    fn headers_wrap_by_level() {
        let h = "technical_risk\nmin, w=0.094";
        assert_eq!(header_width(h, Level::Whole), 14);
        assert_eq!(header_width(h, Level::Lines), 14);
        assert_eq!(header_width(h, Level::Words), 10);
        assert_eq!(wrap_header(h, 14, Level::Whole), h);
        assert_eq!(wrap_header(h, 14, Level::Lines), "technical_risk\nmin\nw=0.094");
        assert_eq!(wrap_header(h, 10, Level::Words), "technical_\nrisk\nmin\nw=0.094");
        assert_eq!(wrap_header("time_to_market", 8, Level::Words), "time_to_\nmarket");
    }

    #[test]
    fn names_are_shortened_with_an_ellipsis_by_display_width() {
        assert_eq!(shorten("p06 Hydraulic breaker", 30), "p06 Hydraulic breaker");
        assert_eq!(shorten("p06 Hydraulic breaker", 10), "p06 Hydra…");
        // A space before the cut is dropped.
        assert_eq!(shorten("p06 Hydraulic breaker", 5), "p06…");
        // Wide characters count two columns.
        assert_eq!(shorten("液压破碎锤", 7), "液压破…");
        assert_eq!(display_width(&shorten("液压破碎锤", 7)), 7);
        assert_eq!(shorten("abc", 0), "…");
    }

    #[test]
    fn lists_wrap_at_items_then_words() {
        assert_eq!(
            wrap_text("a 9 > max 8; cost 2900 > max 2500", 20),
            "a 9 > max 8;\ncost 2900 > max 2500"
        );
        assert_eq!(wrap_text("shared: none; new: x", 40), "shared: none; new: x");
        assert_eq!(wrap_text("one two three", 3), "one\ntwo\nthree");
        assert_eq!(wrap_note("aaa bbb ccc", 7), ["aaa bbb", "  ccc"]);
        assert_eq!(
            wrap_note("averyveryverylongword x", 5),
            ["averyveryverylongword", "  x"]
        );
    }

    #[test]
    fn a_grid_that_fits_is_unchanged() {
        let out = fit(vec![ranking(&["p1 A"], &["a", "b"])], Some(200));
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].header[3], "a\nmin, w=0.100");
        assert_eq!(out[0].notes, ["note"]);
        // None: never fitted.
        let out = fit(vec![ranking(&["p1 A"], &["a"; 30])], None);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn too_wide_grids_split_into_parts_that_fit_and_keep_every_column() {
        let names = ["p1 A rather long name for an alternative", "p2 Short"];
        let values = [
            "technical_risk",
            "market_risk",
            "financial_exposure",
            "cost",
            "time_to_market",
        ];
        for limit in [50, 60, 80, 100] {
            let out = fit(vec![ranking(&names, &values)], Some(limit));
            let mut seen = Vec::new();
            for (i, part) in out.iter().enumerate() {
                let widths: Vec<usize> = (0..part.header.len())
                    .map(|c| {
                        part.rows
                            .iter()
                            .map(|r| display_width(&r[c]))
                            .chain([display_width(&part.header[c])])
                            .max()
                            .unwrap_or(0)
                    })
                    .collect();
                assert!(line_width(widths) <= limit, "{limit}: part {i}");
                assert_eq!(part.rows.len(), names.len());
                assert_eq!(part.header[0], "Rank");
                assert_eq!(part.header.len(), part.align.len());
                assert_eq!(part.title, if i == 0 { "T" } else { "T (continued)" });
                seen.extend(part.header.iter().skip(if i == 0 { 3 } else { 2 }).cloned());
                // Notes go under the last part only.
                assert_eq!(part.notes.is_empty(), i + 1 < out.len());
            }
            assert_eq!(seen.len(), values.len(), "{limit}");
            for (header, id) in seen.iter().zip(values) {
                assert_eq!(header.split('\n').take_while(|l| *l != "min").collect::<String>(), id);
            }
            assert!(
                out.last()
                    .is_some_and(|p| p.notes.last().is_some_and(|n| n.contains("--wide")))
            );
        }
    }

    #[test]
    fn absurd_widths_do_not_panic_and_drop_nothing() {
        for limit in [0, 1, 5, 20] {
            for names in [&[][..], &["x"], &["a name that is long enough to shorten"]] {
                let out = fit(vec![ranking(names, &["a", "b_c", "d"])], Some(limit));
                let values: usize = out
                    .iter()
                    .enumerate()
                    .map(|(i, p)| p.header.len() - if i == 0 { 3 } else { 2 })
                    .sum();
                assert_eq!(values, 3);
            }
        }
        // No value columns at all.
        let out = fit(vec![ranking(&["x"], &[])], Some(5));
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].header.len(), 3);
    }
}
