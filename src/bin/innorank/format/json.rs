//! JSON output (serde_json).

use serde::Serialize;

/// Pretty-printed JSON with a final newline. Numbers keep full precision.
pub fn to_string<T: Serialize>(value: &T) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}

/// Streams pretty-printed JSON with a final newline.
pub fn write<T: Serialize>(out: &mut dyn std::io::Write, value: &T) -> Result<(), crate::Failure> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(anyhow::Error::new)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// List entries serialised per parallel task.
const CHUNK_ROWS: usize = 1_024;

/// The `rank` report, byte for byte what [`write`] gives, with the entries
/// of its long lists (`ranking`, `screened_out`) serialised on all cores:
/// the head (every field, both lists empty) goes through serde as a whole,
/// each entry on its own, indented to its place in its list.
pub fn rank(out: &mut dyn std::io::Write, report: &innorank::RankReport<'_>) -> Result<(), crate::Failure> {
    let head = serde_json::to_string_pretty(&report.json_head()).map_err(anyhow::Error::new)?;
    let ranking = |i: usize, buf: &mut Vec<u8>| match report.ranking.get(i) {
        Some(entry) => serde_json::to_writer_pretty(buf, &report.json_row(entry)),
        None => Ok(()),
    };
    let screened =
        |i: usize, buf: &mut Vec<u8>| serde_json::to_writer_pretty(buf, &report.json_screened(&report.screened_out[i]));
    let lists: [(&str, usize, &Entry<'_>); 2] = [
        ("ranking", report.ranking.len(), &ranking),
        ("screened_out", report.screened_out.len(), &screened),
    ];
    // Where each empty list's `]` is in the head.
    let ends: Option<Vec<usize>> = lists
        .iter()
        .map(|(name, ..)| head.find(&format!("\n  \"{name}\": []")).map(|at| at + name.len() + 8))
        .collect();
    let Some(ends) = ends else {
        return write(out, report);
    };
    let mut written = 0;
    for ((_, len, entry), end) in lists.into_iter().zip(ends) {
        out.write_all(&head.as_bytes()[written..end])?;
        written = end;
        if len > 0 {
            write_list(out, len, entry)?;
            out.write_all(b"\n  ")?;
        }
    }
    out.write_all(&head.as_bytes()[written..])?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Writes entry `i` of a list into an empty buffer.
type Entry<'a> = dyn Fn(usize, &mut Vec<u8>) -> serde_json::Result<()> + Sync + 'a;

/// The `len` entries of a list at depth 1, each written by `entry` into an
/// empty buffer, serialised in parallel chunks and written in order.
fn write_list(out: &mut dyn std::io::Write, len: usize, entry: &Entry<'_>) -> Result<(), crate::Failure> {
    use rayon::prelude::*;

    let mut buffers = vec![Vec::new(); rayon::current_num_threads().max(1) * 2];
    let group = CHUNK_ROWS * buffers.len();
    for start in (0..len).step_by(group) {
        let results: Vec<serde_json::Result<()>> = buffers
            .par_iter_mut()
            .enumerate()
            .map(|(k, buf)| {
                buf.clear();
                let from = (start + k * CHUNK_ROWS).min(len);
                let mut one = Vec::new();
                for i in from..(from + CHUNK_ROWS).min(len) {
                    one.clear();
                    entry(i, &mut one)?;
                    buf.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
                    indent(buf, &one);
                }
                Ok(())
            })
            .collect();
        if let Some(e) = results.into_iter().find_map(Result::err) {
            return Err(anyhow::Error::new(e).into());
        }
        for buf in &buffers {
            out.write_all(buf)?;
        }
    }
    Ok(())
}

/// Appends `text` with four spaces after each line break.
fn indent(buf: &mut Vec<u8>, text: &[u8]) {
    let mut from = 0;
    for at in memchr::memchr_iter(b'\n', text) {
        buf.extend_from_slice(&text[from..=at]);
        buf.extend_from_slice(b"    ");
        from = at + 1;
    }
    buf.extend_from_slice(&text[from..]);
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_are_shortest_exponent_forms_and_not_finite_ones_null() {
        let values = [
            1e308,
            -f64::MAX,
            1e-300,
            0.25,
            3.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        assert_eq!(
            super::to_string(&values)
                .unwrap()
                .split_whitespace()
                .collect::<String>(),
            "[1e+308,-1.7976931348623157e+308,1e-300,0.25,3.0,null,null,null]"
        );
    }
}
