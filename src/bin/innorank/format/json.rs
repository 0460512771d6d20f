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

/// Rows serialised per parallel task.
const CHUNK_ROWS: usize = 1_024;

/// The `rank` report, byte for byte what [`write`] gives, with the ranking
/// rows serialised on all cores: the head (every field, `ranking` empty)
/// goes through serde as a whole, each row on its own, indented to its
/// place in the list.
pub fn rank(out: &mut dyn std::io::Write, report: &innorank::RankReport<'_>) -> Result<(), crate::Failure> {
    use rayon::prelude::*;

    const EMPTY: &str = "\n  \"ranking\": []";
    let head = serde_json::to_string_pretty(&report.json_head()).map_err(anyhow::Error::new)?;
    let at = match head.find(EMPTY) {
        Some(at) if !report.ranking.is_empty() => at + EMPTY.len() - 1,
        _ => return write(out, report),
    };
    out.write_all(&head.as_bytes()[..at])?;
    let total = report.ranking.len();
    let mut buffers = vec![Vec::new(); rayon::current_num_threads().max(1) * 2];
    let group = CHUNK_ROWS * buffers.len();
    let mut failed = None;
    for start in (0..total).step_by(group) {
        let results: Vec<serde_json::Result<()>> = buffers
            .par_iter_mut()
            .enumerate()
            .map(|(k, buf)| {
                buf.clear();
                let from = (start + k * CHUNK_ROWS).min(total);
                let mut row = Vec::new();
                for (i, entry) in report.ranking.range(from..(from + CHUNK_ROWS).min(total)).enumerate() {
                    row.clear();
                    serde_json::to_writer_pretty(&mut row, &report.json_row(entry))?;
                    buf.extend_from_slice(if from + i == 0 { b"\n    " } else { b",\n    " });
                    indent(buf, &row);
                }
                Ok(())
            })
            .collect();
        if let Some(e) = results.into_iter().find_map(Result::err) {
            failed = Some(e);
            break;
        }
        for buf in &buffers {
            out.write_all(buf)?;
        }
    }
    if let Some(e) = failed {
        return Err(anyhow::Error::new(e).into());
    }
    out.write_all(b"\n  ]")?;
    out.write_all(&head.as_bytes()[at + 1..])?;
    out.write_all(b"\n")?;
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
