//! CSV output (the csv crate): one row per ranked alternative, full
//! precision numbers.

use std::io::Write;

use innorank::{RankReport, RankedAlternative};

use super::number::{round_trip, write_value};
use super::view::{CheckSummary, CostView, Definition, Library, WeightsView, crossing_text};

/// A new CSV writer into memory.
fn writer() -> ::csv::Writer<Vec<u8>> {
    ::csv::Writer::from_writer(Vec::new())
}

/// Writes what `writer` holds to `out`.
fn finish(out: &mut dyn Write, writer: ::csv::Writer<Vec<u8>>) -> anyhow::Result<()> {
    let bytes = writer
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write CSV: {e}"))?;
    out.write_all(&bytes)?;
    Ok(())
}

/// Writes a header and rows of cells (numbers already written, e.g. with
/// [`round_trip`]): the CSV of a command whose rows are few.
pub fn records<R, C>(out: &mut dyn Write, header: &[&str], rows: R) -> anyhow::Result<()>
where
    R: IntoIterator<Item = C>,
    C: IntoIterator,
    C::Item: AsRef<[u8]>,
{
    let mut w = writer();
    w.write_record(header)?;
    for row in rows {
        w.write_record(row)?;
    }
    finish(out, w)
}

/// Rows formatted per parallel task.
const CHUNK_ROWS: usize = 4_096;

/// Rows looked up together before they are formatted.
const BATCH: usize = 32;

/// Writes a score or distance as ryu does (`0.5`, `1.0`), or nothing (an
/// empty cell) if it is not finite.
pub(super) fn write_score(buf: &mut Vec<u8>, floats: &mut ryu::Buffer, v: f64) {
    if v.is_finite() {
        buf.extend_from_slice(floats.format_finite(v).as_bytes());
    }
}

/// Shortest round-trip digits of finite f64s, byte for byte as ryu writes
/// them, formatted with zmij (about a third faster): the two differ only
/// in the `+` of a positive exponent (`1e16` against `1e+16`), dropped here.
pub(super) struct Floats(zmij::Buffer);

impl Floats {
    pub(super) fn new() -> Self {
        Floats(zmij::Buffer::new())
    }

    /// Appends `v` as [`write_score`] does: nothing if it is not finite.
    pub(super) fn score(&mut self, buf: &mut Vec<u8>, v: f64) {
        if !v.is_finite() {
            return;
        }
        let text = self.0.format_finite(v).as_bytes();
        // Both write plain digits below 1e16: only larger numbers can
        // hold the `+`, so scores and distances skip the search.
        if v.abs() < 1e16 {
            buf.extend_from_slice(text);
            return;
        }
        match memchr::memchr(b'+', text) {
            Some(plus) => {
                buf.extend_from_slice(&text[..plus]);
                buf.extend_from_slice(&text[plus + 1..]);
            }
            None => buf.extend_from_slice(text),
        }
    }
}

/// `rank,id,name,score,d_plus,d_minus[,satisfactory],<leaf ids...>[,<leaf>_from...]`,
/// streamed: rows are formatted in parallel chunks and written in order.
pub fn rank(out: &mut dyn Write, report: &RankReport<'_>, explain: bool) -> anyhow::Result<()> {
    let p = report.problem;
    // With --explain, one `<leaf>_from` column per derived leaf.
    let explained: Vec<(String, usize)> = p
        .criteria()
        .leaves()
        .filter(|(_, l)| explain && p.derived().iter().any(|d| d.column == l.column))
        .map(|(c, l)| (format!("{}_from", c.id), l.column))
        .collect();
    let mut w = writer();
    w.write_record(rank_header(report, &explained))?;
    finish(out, w)?;
    let row_bytes = 96 + 24 * p.criteria().leaves().count();
    super::write_in_order(out, report.ranking.len(), CHUNK_ROWS, |rows, buf| {
        buf.reserve(rows.len() * row_bytes);
        let mut writer = RowWriter {
            report,
            explained: &explained,
            scores: Floats::new(),
            floats: ryu::Buffer::new(),
            ints: itoa::Buffer::new(),
        };
        writer.rows(buf, rows);
        Ok::<(), std::convert::Infallible>(())
    })
}

/// The header of [`rank`]; `explained` the `<leaf>_from` columns.
fn rank_header<'a>(report: &'a RankReport<'_>, explained: &'a [(String, usize)]) -> Vec<&'a str> {
    let mut header = vec!["rank", "id", "name", "score"];
    if report.options.method == innorank::Method::Topsis {
        header.extend(["d_plus", "d_minus"]);
    }
    if report.options.satisfactory.is_some() {
        header.push("satisfactory");
    }
    header.extend(report.problem.criteria().leaves().map(|(c, _)| c.id.as_str()));
    header.extend(explained.iter().map(|(name, _)| name.as_str()));
    header
}

/// Formats the rows of a ranking, for one parallel task.
///
/// Rows are built by hand: numbers and ids never need quoting, so only
/// names and explanations go through the CSV quoting rules. Values are
/// echoed from the input file when it wrote them plainly.
struct RowWriter<'a> {
    report: &'a RankReport<'a>,
    /// The `<leaf>_from` columns: name and score column.
    explained: &'a [(String, usize)],
    /// For scores and distances, the most numbers a row formats.
    scores: Floats,
    floats: ryu::Buffer,
    ints: itoa::Buffer,
}

impl RowWriter<'_> {
    /// Appends the rows of ranks `rows` (0-based positions) to `buf`.
    fn rows(&mut self, buf: &mut Vec<u8>, rows: std::ops::Range<usize>) {
        let text = self.report.problem.score_text();
        let mut ranked = self.report.ranking.range(rows);
        let mut batch = Vec::with_capacity(BATCH);
        loop {
            // Rows in rank order sit anywhere in memory: look a batch up
            // before formatting it, so that their cache misses overlap.
            batch.clear();
            let mut touched = 0u8;
            for r in ranked.by_ref().take(BATCH) {
                let values = text.and_then(|t| t.bytes(r.index));
                touched ^= values.map_or(0, |v| v[0] ^ v[v.len() - 1]);
                touched ^= r.id.as_bytes().first().copied().unwrap_or_default();
                batch.push((r, values));
            }
            std::hint::black_box(touched);
            if batch.is_empty() {
                break;
            }
            for (r, values) in batch.drain(..) {
                self.row(buf, &r, values);
            }
        }
    }

    /// Appends one row; `values` the row's score cells as the input wrote
    /// them, if it did so plainly.
    fn row(&mut self, buf: &mut Vec<u8>, r: &RankedAlternative<'_>, values: Option<&[u8]>) {
        let p = self.report.problem;
        buf.extend_from_slice(self.ints.format(r.rank).as_bytes());
        buf.push(b',');
        buf.extend_from_slice(r.id.as_bytes());
        buf.push(b',');
        quoted(buf, p.alternatives().name(r.index).unwrap_or_default());
        buf.push(b',');
        self.scores.score(buf, r.score);
        for v in [r.d_plus, r.d_minus].into_iter().flatten() {
            buf.push(b',');
            self.scores.score(buf, v);
        }
        if let Some(sat) = r.satisfactory {
            buf.extend_from_slice(if sat { b",true" } else { b",false" });
        }
        if let Some(values) = values {
            buf.push(b',');
            buf.extend_from_slice(values);
        } else {
            for &v in p.scores().row(r.index) {
                buf.push(b',');
                write_value(buf, &mut self.floats, &mut self.ints, v);
            }
        }
        for (_, column) in self.explained {
            buf.push(b',');
            quoted(
                buf,
                &p.derivation(r.index, *column)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            );
        }
        buf.push(b'\n');
    }
}

/// A CSV field, quoted when it holds a comma, quote or line break.
pub(super) fn quoted(buf: &mut Vec<u8>, field: &str) {
    if field.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        buf.push(b'"');
        for b in field.bytes() {
            if b == b'"' {
                buf.push(b'"');
            }
            buf.push(b);
        }
        buf.push(b'"');
    } else {
        buf.extend_from_slice(field.as_bytes());
    }
}

/// `node,criterion,local,global,node_lambda_max,node_cr,node_consistent`.
pub fn weights(out: &mut dyn Write, view: &WeightsView<'_>) -> anyhow::Result<()> {
    let mut w = writer();
    w.write_record([
        "node",
        "criterion",
        "local",
        "global",
        "node_lambda_max",
        "node_cr",
        "node_consistent",
    ])?;
    for node in &view.weights.nodes {
        for (id, local, global) in view.children(node) {
            w.write_record([
                node.id.clone(),
                id.to_owned(),
                round_trip(local),
                round_trip(global),
                round_trip(node.consistency.lambda_max),
                round_trip(node.consistency.cr),
                node.consistent.to_string(),
            ])?;
        }
    }
    finish(out, w)
}

/// One header line and one row.
pub fn check(out: &mut dyn Write, summary: &CheckSummary) -> anyhow::Result<()> {
    let mut w = writer();
    w.write_record([
        "file",
        "valid",
        "problem",
        "criteria",
        "leaves",
        "alternatives",
        "screening_rules",
    ])?;
    w.write_record([
        summary.file.clone(),
        summary.valid.to_string(),
        summary.problem.clone(),
        summary.criteria.to_string(),
        summary.leaves.to_string(),
        summary.alternatives.to_string(),
        summary.screening_rules.to_string(),
    ])?;
    finish(out, w)
}

/// `criterion,id,volume,average_cost,below_baseline`: one row per
/// alternative and volume (its own volume first), baseline rows with id
/// `(baseline)`.
pub fn cost(out: &mut dyn Write, view: &CostView<'_>) -> anyhow::Result<()> {
    let mut w = writer();
    w.write_record(["criterion", "id", "volume", "average_cost", "below_baseline"])?;
    for c in view.curves {
        if let Some((_, costs)) = &c.baseline {
            for (q, v) in c.volumes.iter().zip(costs) {
                w.write_record([c.criterion.as_str(), "(baseline)", &q.to_string(), &round_trip(*v), ""])?;
            }
        }
        for a in &c.alternatives {
            let crossing = crossing_text(a.crossing);
            let own = std::iter::once((a.volume, a.at_volume));
            for (q, v) in own.chain(c.volumes.iter().copied().zip(a.average_costs.iter().copied())) {
                w.write_record([c.criterion.as_str(), &a.id, &q.to_string(), &round_trip(v), &crossing])?;
            }
        }
    }
    finish(out, w)
}

/// `id,name,source,leaves`.
pub fn library(out: &mut dyn Write, library: &Library<'_>) -> anyhow::Result<()> {
    let rows = library.families.iter().map(|s| {
        [
            s.id.to_owned(),
            s.name.to_owned(),
            s.source.to_owned(),
            s.leaves.join(" "),
        ]
    });
    records(out, &["id", "name", "source", "leaves"], rows)
}

/// `id,parent,direction,unit,score,meaning`: one row per rubric entry.
pub fn definition(out: &mut dyn Write, d: &Definition<'_>) -> anyhow::Result<()> {
    fn rows(w: &mut ::csv::Writer<Vec<u8>>, d: &Definition<'_>, parent: &str) -> anyhow::Result<()> {
        for (score, meaning) in &d.rubric {
            w.write_record([
                d.id,
                parent,
                d.direction.unwrap_or(""),
                d.unit.unwrap_or(""),
                score,
                meaning,
            ])?;
        }
        for c in &d.criteria {
            rows(w, c, d.id)?;
        }
        Ok(())
    }
    let mut w = writer();
    w.write_record(["id", "parent", "direction", "unit", "score", "meaning"])?;
    rows(&mut w, d, "")?;
    finish(out, w)
}

#[cfg(test)]
mod tests {
    use super::write_value;

    fn text(v: f64) -> String {
        let mut buf = Vec::new();
        write_value(&mut buf, &mut ryu::Buffer::new(), &mut itoa::Buffer::new(), v);
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn values_read_back_exactly_and_match_ryu() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..200_000 {
            // Decimal data with up to 6 places and a few arbitrary doubles.
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let places = (x % 7) as i32;
            let v = if i % 10 == 0 {
                f64::from_bits(x >> 2) * if x & 1 == 0 { 1.0 } else { -1.0 }
            } else {
                ((x >> 20) % 2_000_000) as f64 / 10f64.powi(places) - 1000.0
            };
            if !v.is_finite() {
                continue;
            }
            let t = text(v);
            assert_eq!(t.parse::<f64>().unwrap(), v, "{t}");
            if v.fract() != 0.0 || v.abs() >= 1e15 {
                assert_eq!(t, ryu::Buffer::new().format_finite(v), "{v:?}");
            }
        }
        assert_eq!(text(99.9064), "99.9064");
        assert_eq!(text(-0.0005), "-0.0005");
        assert_eq!(text(3.0), "3");
    }

    #[test]
    fn scores_are_written_as_ryu_writes_them() {
        let (mut floats, mut ryu) = (super::Floats::new(), ryu::Buffer::new());
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let special = [
            0.0,
            -0.0,
            1.0,
            1e15,
            1e16,
            -1e16,
            9.999_999_999_999_998e15,
            -9.999_999_999_999_998e15,
            1.5e16,
            1e17,
            1e-5,
            1e-7,
            5e-324,
            f64::MAX,
            f64::MIN,
            0.7225184579137875,
        ];
        let random = (0..200_000).map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            f64::from_bits(x)
        });
        for v in special.into_iter().chain(random).filter(|v| v.is_finite()) {
            let mut buf = Vec::new();
            floats.score(&mut buf, v);
            assert_eq!(std::str::from_utf8(&buf).unwrap(), ryu.format_finite(v), "{v:e}");
        }
        let mut buf = Vec::new();
        floats.score(&mut buf, f64::NAN);
        assert!(buf.is_empty());
    }

    #[test]
    fn values_that_are_not_finite_leave_the_cell_empty() {
        let score = |v: f64| {
            let mut buf = Vec::new();
            super::write_score(&mut buf, &mut ryu::Buffer::new(), v);
            String::from_utf8(buf).unwrap()
        };
        for v in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
            assert_eq!(text(v), "");
            assert_eq!(score(v), "");
        }
        assert_eq!(score(1.0), "1.0");
        assert_eq!(score(0.7225184579137875), "0.7225184579137875");
        // Huge and tiny values in exponent form, never hundreds of digits.
        assert_eq!(text(1e308), "1e308");
        assert_eq!(text(-1.7e308), "-1.7e308");
        assert_eq!(text(f64::MAX), "1.7976931348623157e308");
        assert_eq!(text(1e-300), "1e-300");
    }
}
