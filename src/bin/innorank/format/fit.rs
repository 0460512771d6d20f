//! Grids cut to the terminal's width: value columns spread over several
//! tables, long names shortened, long text wrapped.

use unicode_width::UnicodeWidthStr;

use super::grid::Grid;

/// Cuts the grids that allow it (see [`Fit`](super::grid::Fit)) so that every line of their
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

/// Plain text broken at spaces so that every line is at most `limit`
/// columns wide, each continuation indented two spaces more than its line;
/// `None` leaves it whole.
pub fn wrap_lines(text: &str, limit: Option<usize>) -> String {
    let Some(limit) = limit else {
        return text.to_owned();
    };
    let mut out = String::new();
    for line in text.lines() {
        let body = line.trim_start();
        let pad = &line[..line.len() - body.len()];
        for piece in wrap_note(body, limit.saturating_sub(pad.len()).max(MIN_TEXT)) {
            out.push_str(pad);
            out.push_str(&piece);
            out.push('\n');
        }
    }
    out
}

/// The narrowest text [`wrap_lines`] wraps to, however deep the indent.
const MIN_TEXT: usize = 24;

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
/// [`Fit`](super::grid::Fit), else with its `wrap` column wrapped.
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
    let mut cut = Cut {
        keys,
        lead: (spec.keys + spec.first_only).min(columns),
        shrink: spec.shrink.filter(|&(c, _)| c < keys),
        widths: [width_at(Level::Lines), width_at(Level::Words)],
        limit,
    };
    let a = cut.shrunk_width(&grid.header, &natural);
    let (parts, _) = cut.parts_at(a);
    if let Some((c, _)) = cut.shrink {
        cut.widths[0][c] = a;
    }
    let shortened = cut.shrink.is_some_and(|(c, _)| a < natural[c]);
    let count = parts.len();
    let mut notes = grid.notes.clone();
    // Wrapped headers alone hide nothing: no note for them.
    let how = match (count > 1, shortened) {
        (true, true) => Some(format!("split into {count} tables and names shortened")),
        (true, false) => Some(format!("split into {count} tables")),
        (false, true) => Some("names shortened".to_owned()),
        (false, false) => None,
    };
    if let Some(how) = how {
        notes.push(format!("{how} to fit {limit} columns (--wide: one table)"));
    }
    let mut out: Vec<Grid> = parts
        .into_iter()
        .enumerate()
        .map(|(i, values)| cut.part(&grid, i, values, a))
        .collect();
    if let Some(last) = out.last_mut() {
        last.notes = notes;
    }
    out
}

/// How a grid with a [`Fit`](super::grid::Fit) that does not fit is cut into parts.
struct Cut {
    /// Leading columns repeated in every part.
    keys: usize,
    /// Columns before the value columns: the keys and those shown in the
    /// first part only.
    lead: usize,
    /// A key column that may be shortened, and the width it may be cut to.
    shrink: Option<(usize, usize)>,
    /// The column widths with headers wrapped at [`Level::Lines`] and at
    /// [`Level::Words`].
    widths: [Vec<usize>; 2],
    /// The terminal width.
    limit: usize,
}

impl Cut {
    /// The columns part `i` shows: its leading columns, then `values`.
    fn shown(&self, i: usize, values: impl IntoIterator<Item = usize>) -> Vec<usize> {
        (0..if i == 0 { self.lead } else { self.keys }).chain(values).collect()
    }

    /// The parts the value columns take with the shrinkable column `a`
    /// wide and headers at their narrowest, and whether a part is wider
    /// than the limit (even one value column did not fit).
    fn parts_at(&mut self, a: usize) -> (Vec<Vec<usize>>, bool) {
        if let Some((c, _)) = self.shrink {
            self.widths[1][c] = a;
        }
        let parts = pack(&self.widths[1], self.keys, self.lead, self.limit);
        let overflows = parts.iter().enumerate().any(|(i, part)| {
            let shown = self.shown(i, part.iter().copied());
            line_width(shown.iter().map(|&c| self.widths[1][c])) > self.limit
        });
        (parts, overflows)
    }

    /// The width the shrinkable column gets: the widest that needs no more
    /// tables than its narrowest would, and overflows no more.
    fn shrunk_width(&mut self, header: &[String], natural: &[usize]) -> usize {
        let shrink = self.shrink;
        // The widths the shortened column may take, widest first.
        let (widest, narrowest) = match shrink {
            Some((c, to)) => {
                let header = header_width(&header[c], Level::Words);
                (natural[c], to.max(header).min(natural[c]))
            }
            None => (0, 0),
        };
        // In a very narrow terminal the names may get shorter still, down to
        // their header, if that lets each table hold a value column.
        let narrowest = match shrink {
            Some((c, _)) if self.parts_at(narrowest).1 => {
                let header = header_width(&header[c], Level::Words).min(narrowest);
                (header..narrowest)
                    .rev()
                    .find(|&a| !self.parts_at(a).1)
                    .unwrap_or(header)
            }
            _ => narrowest,
        };
        // Fewer tables first: as many as the narrowest names need. Then the
        // widest names that need no more and overflow no more; a narrower
        // column never needs more tables nor overflows where a wider one does
        // not, so the search halves the range.
        let (fewest, overflow) = {
            let (parts, overflows) = self.parts_at(narrowest);
            (parts.len(), overflows)
        };
        // When even the narrowest names overflow, they stay at that.
        let (mut low, mut high) = (narrowest, if overflow { narrowest } else { widest });
        while low < high {
            let mid = low + (high - low).div_ceil(2);
            let (parts, overflows) = self.parts_at(mid);
            if parts.len() <= fewest && !overflows {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        low
    }

    /// Part `i` of `grid`, showing the value columns `values`, the
    /// shrinkable column cut to `a`; without notes.
    fn part(&self, grid: &Grid, i: usize, values: Vec<usize>, a: usize) -> Grid {
        let shown = self.shown(i, values);
        let fits = |w: &[usize]| line_width(shown.iter().map(|&c| w[c])) <= self.limit;
        let (level, w) = if fits(&self.widths[0]) {
            (Level::Lines, &self.widths[0])
        } else {
            (Level::Words, &self.widths[1])
        };
        let is_shrunk = |c: usize| self.shrink.is_some_and(|(s, _)| s == c);
        Grid {
            title: if i == 0 {
                grid.title.clone()
            } else {
                format!("{} (continued)", grid.title)
            },
            header: shown
                .iter()
                .map(|&c| wrap_header(&grid.header[c], w[c], level))
                .collect(),
            rows: grid
                .rows
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
            align: shown.iter().map(|&c| grid.align(c)).collect(),
            fit: None,
            wrap: None,
        }
    }
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
    use super::super::grid::{ALTERNATIVE_MIN_WIDTH, Align, Fit};
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
