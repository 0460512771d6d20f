//! JSON output (serde_json), and the JSON shapes of the views that are not
//! their own shape (`weights`, `cost`). The `rank` report's shape is the
//! library's.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use innorank::learning_curve::CostCurve;
use innorank::pipeline::WeightsJson;

use super::view::{CostView, WeightsView};

/// Pretty-printed JSON with a final newline. Numbers keep full precision.
pub fn write<T: Serialize + ?Sized>(out: &mut dyn std::io::Write, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// List entries serialised per parallel task.
const CHUNK_ROWS: usize = 1_024;

/// The `rank` report, byte for byte what [`write()`] gives, with the entries
/// of its long lists (`ranking`, `screened_out`) serialised on all cores:
/// the head (every field, both lists empty) goes through serde as a whole,
/// each entry on its own, indented to its place in its list.
pub fn rank(out: &mut dyn std::io::Write, report: &innorank::RankReport<'_>, explain: bool) -> anyhow::Result<()> {
    let head = serde_json::to_string_pretty(&report.json_head())?;
    let ranking = |i: usize, buf: &mut Vec<u8>| match report.ranking.get(i) {
        Some(entry) => serde_json::to_writer_pretty(buf, &report.json_row(entry, explain)),
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
    for ((name, len, entry), end) in lists.into_iter().zip(ends) {
        out.write_all(&head.as_bytes()[written..end])?;
        written = end;
        if len > 0 && name == "ranking" && !explain {
            super::write_in_order(out, len, CHUNK_ROWS, |rows, buf| {
                super::json_rows::RowWriter::new(report).rows(buf, rows);
                Ok::<(), std::convert::Infallible>(())
            })?;
            out.write_all(b"\n  ")?;
        } else if len > 0 {
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
fn write_list(out: &mut dyn std::io::Write, len: usize, entry: &Entry<'_>) -> anyhow::Result<()> {
    super::write_in_order(out, len, CHUNK_ROWS, |items, buf| {
        let mut one = Vec::new();
        for i in items {
            one.clear();
            entry(i, &mut one)?;
            buf.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
            indent(buf, &one);
        }
        Ok::<(), serde_json::Error>(())
    })
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

impl Serialize for WeightsView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        WeightsJson {
            problem: self.problem,
            weights: self.weights,
            options: self.options,
            suggestions: self.suggestions,
            warnings: self.warnings,
        }
        .serialize(s)
    }
}

#[derive(Serialize)]
struct CurveEntry {
    fixed: f64,
    unit_cost: f64,
    learning_rate: f64,
}

impl From<&CostCurve> for CurveEntry {
    fn from(c: &CostCurve) -> Self {
        CurveEntry {
            fixed: c.fixed(),
            unit_cost: c.unit_cost(),
            learning_rate: c.learning_rate(),
        }
    }
}

#[derive(Serialize)]
struct BaselineEntry {
    curve: CurveEntry,
    average_cost: Vec<f64>,
}

#[derive(Serialize)]
struct AlternativeCurveEntry<'a> {
    id: &'a str,
    curve: CurveEntry,
    volume: u64,
    average_cost_at_volume: f64,
    average_cost: Vec<f64>,
    /// `"always"`, `"never"`, `{"from": Q}` or `{"until": Q}`; absent
    /// without a baseline.
    #[serde(skip_serializing_if = "Option::is_none")]
    below_baseline: Option<crossing_json::Crossing>,
}

/// The JSON form of a crossing: `"always"`, `"never"`, `{"from": Q}` or
/// `{"until": Q}`.
mod crossing_json {
    use serde::{Serialize, Serializer};

    pub struct Crossing(pub innorank::learning_curve::Crossing);

    impl Serialize for Crossing {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use innorank::learning_curve::Crossing::*;
            use serde::ser::SerializeMap;
            let (key, q) = match self.0 {
                Always => return s.serialize_str("always"),
                From(q) => ("from", q),
                Until(q) => ("until", q),
                Never => return s.serialize_str("never"),
            };
            let mut map = s.serialize_map(Some(1))?;
            map.serialize_entry(key, &q)?;
            map.end()
        }
    }
}

#[derive(Serialize)]
struct CriterionCurvesEntry<'a> {
    criterion: &'a str,
    volumes: &'a [u64],
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<BaselineEntry>,
    alternatives: Vec<AlternativeCurveEntry<'a>>,
}

impl Serialize for CostView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let entries: Vec<_> = self
            .curves
            .iter()
            .map(|c| CriterionCurvesEntry {
                criterion: &c.criterion,
                volumes: &c.volumes,
                baseline: c.baseline.as_ref().map(|(b, ac)| BaselineEntry {
                    curve: b.into(),
                    average_cost: ac.clone(),
                }),
                alternatives: c
                    .alternatives
                    .iter()
                    .map(|a| AlternativeCurveEntry {
                        id: &a.id,
                        curve: (&a.curve).into(),
                        volume: a.volume,
                        average_cost_at_volume: a.at_volume,
                        average_cost: a.average_costs.clone(),
                        below_baseline: a.crossing.map(crossing_json::Crossing),
                    })
                    .collect(),
            })
            .collect();
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("problem", self.problem)?;
        map.serialize_entry("criteria", &entries)?;
        map.end()
    }
}

/// Writes the JSON object `object` writes with one more key at its end,
/// `key: value`, streaming: the object's closing `\n}\n` is held back and
/// replaced (the rank report with its head-to-head).
pub fn with_key<T: Serialize + ?Sized>(
    out: &mut dyn std::io::Write,
    object: impl FnOnce(&mut dyn std::io::Write) -> anyhow::Result<()>,
    key: &str,
    value: &T,
) -> anyhow::Result<()> {
    let mut held = HoldBack { out, tail: Vec::new() };
    object(&mut held)?;
    let HoldBack { out, tail } = held;
    anyhow::ensure!(tail == CLOSE, "internal error: not a JSON object");
    let text = serde_json::to_string_pretty(value)?;
    write!(
        out,
        ",\n  {}: {}{CLOSE_TEXT}",
        serde_json::to_string(key)?,
        text.replace('\n', "\n  ")
    )?;
    Ok(())
}

/// How a pretty JSON object written by [`write()`] ends.
const CLOSE_TEXT: &str = "\n}\n";
const CLOSE: &[u8] = CLOSE_TEXT.as_bytes();

/// Passes everything on but the last [`CLOSE`]`.len()` bytes written.
struct HoldBack<'a> {
    out: &'a mut dyn std::io::Write,
    tail: Vec<u8>,
}

impl std::io::Write for HoldBack<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let keep = CLOSE.len();
        if buf.len() >= keep {
            self.out.write_all(&self.tail)?;
            self.out.write_all(&buf[..buf.len() - keep])?;
            self.tail.clear();
            self.tail.extend_from_slice(&buf[buf.len() - keep..]);
        } else {
            self.tail.extend_from_slice(buf);
            let over = self.tail.len().saturating_sub(keep);
            self.out.write_all(&self.tail[..over])?;
            self.tail.drain(..over);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
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
            {
                let mut out = Vec::new();
                super::write(&mut out, &values[..]).unwrap();
                String::from_utf8(out).unwrap()
            }
            .split_whitespace()
            .collect::<String>(),
            "[1e+308,-1.7976931348623157e+308,1e-300,0.25,3.0,null,null,null]"
        );
    }

    /// The key lands inside the object however the object's bytes are cut
    /// into writes, and what is not a pretty object is refused.
    #[test]
    fn with_key_appends_inside_the_object() {
        let object = serde_json::json!({"a": [1, 2], "b": {"c": null}});
        for chunk in [1, 2, 3, 5, 1000] {
            let mut out = Vec::new();
            super::with_key(
                &mut out,
                |o| {
                    let mut text = Vec::new();
                    super::write(&mut text, &object)?;
                    text.chunks(chunk).try_for_each(|c| o.write_all(c))?;
                    Ok(())
                },
                "h",
                &[3],
            )
            .unwrap();
            let back: serde_json::Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(
                back,
                serde_json::json!({"a": [1, 2], "b": {"c": null}, "h": [3]}),
                "{chunk}"
            );
        }
        let mut out = Vec::new();
        assert!(super::with_key(&mut out, |o| Ok(o.write_all(b"[1]\n")?), "h", &1).is_err());
    }
}
