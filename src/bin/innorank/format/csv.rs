//! CSV output (the csv crate): one row per ranked alternative, full
//! precision numbers.

use innorank::RankReport;

use super::{CheckSummary, CostView, WeightsView, crossing_text, full};

fn finish(writer: ::csv::Writer<Vec<u8>>) -> anyhow::Result<String> {
    let bytes = writer
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write CSV: {e}"))?;
    Ok(String::from_utf8(bytes)?)
}

/// Rows formatted per parallel task.
const CHUNK_ROWS: usize = 16_384;

/// A value in CSV: integers as integers (`3`), anything else in the
/// shortest form that reads back exactly (`0.25`, `5.8e-5`).
fn number_bytes<'b>(buffer: &'b mut ryu::Buffer, ints: &'b mut itoa::Buffer, v: f64) -> &'b [u8] {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        ints.format(v as i64).as_bytes()
    } else {
        buffer.format_finite(v).as_bytes()
    }
}

/// `rank,id,name,score,d_plus,d_minus[,satisfactory],<leaf ids...>[,<leaf>_from...]`,
/// streamed: rows are formatted in parallel chunks and written in order.
pub fn rank(report: &RankReport<'_>, out: &mut dyn std::io::Write) -> Result<(), crate::Failure> {
    use rayon::prelude::*;

    let p = report.problem;
    let leaves: Vec<_> = p.criteria.leaves().collect();
    let mut header = vec!["rank", "id", "name", "score"];
    if report.options.method == innorank::Method::Topsis {
        header.extend(["d_plus", "d_minus"]);
    }
    if report.options.satisfactory.is_some() {
        header.push("satisfactory");
    }
    header.extend(leaves.iter().map(|(c, _)| c.id.as_str()));
    // With --explain, one `<leaf>_from` column per derived leaf.
    let explained: Vec<_> = leaves
        .iter()
        .filter(|(_, l)| report.options.explain && p.derived.iter().any(|d| d.column == l.column))
        .map(|(c, l)| (format!("{}_from", c.id), l.column))
        .collect();
    header.extend(explained.iter().map(|(name, _)| name.as_str()));
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(&header)?;
    out.write_all(&finish_bytes(w)?)?;

    // Rows are built by hand: numbers and ids never need quoting, so only
    // names and explanations go through the CSV quoting rules.
    let format_chunk = |rows: &[innorank::RankedAlternative<'_>]| -> anyhow::Result<Vec<u8>> {
        let mut buf = Vec::with_capacity(rows.len() * 128);
        let (mut floats, mut ints) = (ryu::Buffer::new(), itoa::Buffer::new());
        for r in rows {
            buf.extend_from_slice(ints.format(r.rank).as_bytes());
            buf.push(b',');
            buf.extend_from_slice(r.id.as_bytes());
            buf.push(b',');
            quoted(&mut buf, p.alternatives.name(r.index).unwrap_or_default());
            buf.push(b',');
            buf.extend_from_slice(floats.format_finite(r.score).as_bytes());
            for v in [r.d_plus, r.d_minus].into_iter().flatten() {
                buf.push(b',');
                buf.extend_from_slice(floats.format_finite(v).as_bytes());
            }
            if let Some(sat) = r.satisfactory {
                buf.extend_from_slice(if sat { b",true" } else { b",false" });
            }
            for &v in p.scores.row(r.index) {
                buf.push(b',');
                buf.extend_from_slice(number_bytes(&mut floats, &mut ints, v));
            }
            for (_, column) in &explained {
                buf.push(b',');
                quoted(
                    &mut buf,
                    &p.derivation(r.index, *column)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                );
            }
            buf.push(b'\n');
        }
        Ok(buf)
    };
    let window = rayon::current_num_threads().max(1) * 2;
    for group in report.ranking.chunks(CHUNK_ROWS * window) {
        let parts: Vec<Vec<u8>> = group
            .par_chunks(CHUNK_ROWS)
            .map(format_chunk)
            .collect::<anyhow::Result<_>>()?;
        for part in parts {
            out.write_all(&part)?;
        }
    }
    Ok(())
}

/// A CSV field, quoted when it holds a comma, quote or line break.
fn quoted(buf: &mut Vec<u8>, field: &str) {
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

fn finish_bytes(writer: ::csv::Writer<Vec<u8>>) -> anyhow::Result<Vec<u8>> {
    writer
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write CSV: {e}"))
}

/// `node,criterion,local,global,node_cr,node_consistent`.
pub fn weights(view: &WeightsView<'_>) -> anyhow::Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
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
                full(local),
                full(global),
                full(node.consistency.lambda_max),
                full(node.consistency.cr),
                node.consistent.to_string(),
            ])?;
        }
    }
    finish(w)
}

/// One header line and one row.
pub fn check(summary: &CheckSummary) -> anyhow::Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
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
    finish(w)
}

/// `criterion,id,volume,average_cost,below_baseline`: one row per
/// alternative and volume (its own volume first), baseline rows with id
/// `(baseline)`.
pub fn cost(view: &CostView<'_>) -> anyhow::Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(["criterion", "id", "volume", "average_cost", "below_baseline"])?;
    for c in view.curves {
        if let Some((_, costs)) = &c.baseline {
            for (q, v) in c.volumes.iter().zip(costs) {
                w.write_record([c.criterion.as_str(), "(baseline)", &q.to_string(), &full(*v), ""])?;
            }
        }
        for a in &c.alternatives {
            let crossing = crossing_text(a.crossing);
            let own = std::iter::once((a.volume, a.at_volume));
            for (q, v) in own.chain(c.volumes.iter().copied().zip(a.average_costs.iter().copied())) {
                w.write_record([c.criterion.as_str(), &a.id, &q.to_string(), &full(v), &crossing])?;
            }
        }
    }
    finish(w)
}

/// `id,name,source,leaves`.
pub fn library(entries: &[innorank::problem::LibraryEntry]) -> anyhow::Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(["id", "name", "source", "leaves"])?;
    for e in entries {
        let leaves: Vec<&str> = e.criteria.leaves().map(|(c, _)| c.id.as_str()).collect();
        w.write_record([
            e.id.as_str(),
            e.criteria.node(1).label(),
            e.source.as_str(),
            &leaves.join(" "),
        ])?;
    }
    finish(w)
}

/// `id,parent,direction,unit,score,meaning`: one row per rubric entry.
pub fn definition(d: &crate::criteria::Definition<'_>) -> anyhow::Result<String> {
    fn rows(w: &mut ::csv::Writer<Vec<u8>>, d: &crate::criteria::Definition<'_>, parent: &str) -> anyhow::Result<()> {
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
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(["id", "parent", "direction", "unit", "score", "meaning"])?;
    rows(&mut w, d, "")?;
    finish(w)
}
