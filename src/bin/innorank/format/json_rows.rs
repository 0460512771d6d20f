//! The `ranking` entries of `rank --format json`, written by hand: the
//! bytes serde_json's pretty printer gives for `RankReport::json_row`
//! (tested against it), indented to their place in the list, without its
//! per-field machinery and the copy that indenting takes; at a million
//! entries that is most of the time of writing JSON.

use std::ops::Range;

use innorank::{RankReport, RankedAlternative};

/// Formats ranking entries (without `--explain`) for one parallel task.
pub(super) struct RowWriter<'a> {
    report: &'a RankReport<'a>,
    /// Each leaf's key, quoted and escaped, and its column.
    leaves: Vec<(Vec<u8>, usize)>,
    /// serde_json's own formatter, so numbers come out as it writes them.
    floats: zmij::Buffer,
    ints: itoa::Buffer,
}

impl<'a> RowWriter<'a> {
    pub(super) fn new(report: &'a RankReport<'a>) -> Self {
        let leaves = report
            .problem
            .criteria()
            .leaves()
            .map(|(c, l)| {
                let mut key = Vec::new();
                string(&mut key, &c.id);
                (key, l.column)
            })
            .collect();
        RowWriter {
            report,
            leaves,
            floats: zmij::Buffer::new(),
            ints: itoa::Buffer::new(),
        }
    }

    /// Appends the entries at ranking positions `rows`, each after the
    /// separator its position calls for (none before the first).
    pub(super) fn rows(&mut self, buf: &mut Vec<u8>, rows: Range<usize>) {
        let first = rows.start == 0;
        for (k, r) in self.report.ranking.range(rows).enumerate() {
            buf.extend_from_slice(if first && k == 0 { b"\n    {" } else { b",\n    {" });
            self.row(buf, &r);
        }
    }

    fn row(&mut self, buf: &mut Vec<u8>, r: &RankedAlternative<'_>) {
        const FIELD: &[u8] = b"\n      ";
        let p = self.report.problem;
        buf.extend_from_slice(b"\n      \"rank\": ");
        buf.extend_from_slice(self.ints.format(r.rank).as_bytes());
        buf.extend_from_slice(b",\n      \"id\": ");
        string(buf, r.id);
        buf.extend_from_slice(b",\n      \"name\": ");
        string(buf, p.alternatives().name(r.index).unwrap_or(r.id));
        let floats = &mut self.floats;
        number(buf, floats, b",\n      \"score\": ", r.score);
        if let (Some(plus), Some(minus)) = (r.d_plus, r.d_minus) {
            number(buf, floats, b",\n      \"d_plus\": ", plus);
            number(buf, floats, b",\n      \"d_minus\": ", minus);
        }
        if let Some(sat) = r.satisfactory {
            buf.extend_from_slice(if sat {
                b",\n      \"satisfactory\": true"
            } else {
                b",\n      \"satisfactory\": false"
            });
        }
        buf.extend_from_slice(b",\n      \"values\": {");
        let values = p.scores().row(r.index);
        for (k, (key, column)) in self.leaves.iter().enumerate() {
            buf.extend_from_slice(if k == 0 { b"\n        " } else { b",\n        " });
            buf.extend_from_slice(key);
            number(buf, floats, b": ", values[*column]);
        }
        if !self.leaves.is_empty() {
            buf.extend_from_slice(FIELD);
        }
        buf.extend_from_slice(b"}\n    }");
    }
}

/// `prefix` and `v` as serde_json writes an f64 (with zmij): shortest
/// round-trip digits, `null` when not finite.
fn number(buf: &mut Vec<u8>, floats: &mut zmij::Buffer, prefix: &[u8], v: f64) {
    buf.extend_from_slice(prefix);
    if v.is_finite() {
        buf.extend_from_slice(floats.format_finite(v).as_bytes());
    } else {
        buf.extend_from_slice(b"null");
    }
}

/// `text` as a JSON string, escaped as serde_json does: `"` and `\`, the
/// short escapes for five control characters, `\u00XX` for the others.
fn string(buf: &mut Vec<u8>, text: &str) {
    buf.push(b'"');
    let bytes = text.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x0c => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0..0x20 => b'u',
            _ => continue,
        };
        buf.extend_from_slice(&bytes[from..i]);
        buf.extend_from_slice(&[b'\\', short]);
        if short == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            buf.extend_from_slice(&[b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
        }
        from = i + 1;
    }
    buf.extend_from_slice(&bytes[from..]);
    buf.push(b'"');
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    #[test]
    fn rows_are_what_serde_json_writes() {
        let yaml = r#"
name: r
criteria: [{id: cost, direction: cost}, {id: q_x, direction: benefit}]
alternatives:
  - {id: a, name: "A \"1\"\n\u0001", scores: {cost: 5, q_x: 1e-7}}
  - {id: b, scores: {cost: 3.25, q_x: 2}}
  - {id: c, scores: {cost: 3.25, q_x: 2}}
"#;
        let p = innorank::Problem::from_yaml_str(yaml, "r.yaml").unwrap();
        for satisfactory in [None, Some(0.5)] {
            let options = innorank::RankOptions {
                satisfactory,
                ..Default::default()
            };
            let report = innorank::rank(&p, &options).unwrap();
            let (mut fast, mut serde) = (Vec::new(), Vec::new());
            super::super::json::rank(&mut fast, &report, false).unwrap();
            super::super::json::write(&mut serde, &report).unwrap();
            assert_eq!(String::from_utf8(fast).unwrap(), String::from_utf8(serde).unwrap());
        }
    }

    proptest! {
        #[test]
        fn strings_are_escaped_as_serde_json_does(text in "\\PC*|[\\x00-\\x7f]*") {
            let mut buf = Vec::new();
            super::string(&mut buf, &text);
            prop_assert_eq!(String::from_utf8(buf).unwrap(), serde_json::to_string(&text).unwrap());
        }
    }
}
