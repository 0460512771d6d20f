//! Alternatives from a CSV file: the only module that names the csv crate.
//!
//! Header: `id`, optional `name`, one column per leaf criterion, in any
//! order. Cells are trimmed; a cell is a finite number or, on a leaf with
//! `levels`, a level name. Values go straight into per-criterion columns,
//! so a million rows cost little more than their numbers.

use std::collections::HashMap;
use std::path::PathBuf;

use super::diagnostic::{Diagnostic, DiagnosticKind, Location};
use super::{Alternatives, Criteria, CriterionKind, Leaf};

/// Stop collecting after this many problems: the rest are usually the same.
const MAX_ERRORS: usize = 50;

/// Where the CSV is and how to read it.
#[derive(Debug, Clone)]
pub struct CsvSource {
    /// The file to open.
    pub path: PathBuf,
    /// How to name it in messages.
    pub shown: String,
    /// Skip columns that are not `id`, `name` or a leaf instead of refusing.
    pub ignore_extra_columns: bool,
}

/// What a CSV column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Id,
    Name,
    Leaf(usize),
    Skip,
}

/// The alternatives and their values, row by row, in leaf order.
pub struct CsvAlternatives {
    pub alternatives: Alternatives,
    pub values: Vec<f64>,
}

struct Errors<'a> {
    shown: &'a str,
    list: Vec<Diagnostic>,
}

impl Errors<'_> {
    fn push(&mut self, line: Option<u64>, column: &str, kind: DiagnosticKind) {
        if self.list.len() == MAX_ERRORS {
            self.list.push(Diagnostic {
                location: Location {
                    source: self.shown.to_owned(),
                    ..Location::default()
                },
                kind: DiagnosticKind::TooManyErrors(MAX_ERRORS),
            });
        }
        if self.list.len() > MAX_ERRORS {
            return;
        }
        self.list.push(Diagnostic {
            location: Location {
                source: self.shown.to_owned(),
                line: line.map(|l| l as usize),
                column: None,
                path: column.to_owned(),
            },
            kind,
        });
    }

    fn full(&self) -> bool {
        self.list.len() > MAX_ERRORS
    }
}

/// What one stretch of rows gave.
struct Chunk {
    alternatives: Alternatives,
    values: Vec<f64>,
    lines: Vec<u32>,
    errors: Vec<Diagnostic>,
}

/// What every chunk needs to read its rows.
struct Layout<'a> {
    shown: &'a str,
    header: &'a csv::ByteRecord,
    columns: &'a [Column],
    leaves: &'a [(&'a str, &'a Leaf)],
}

/// Files up to this size are read whole and parsed in parallel (1 GiB).
const WHOLE_FILE_BYTES: u64 = 1 << 30;

/// Below this many bytes of rows, one thread reads them all.
const PARALLEL_BYTES: usize = 1 << 20;

/// Reads every alternative of `source` for the leaves of `criteria`.
///
/// The file is read whole. Unless it contains a quote (whose field could
/// hold a line break), its rows are split at line breaks into stretches
/// parsed on all cores and joined in file order, so the result is the same
/// as reading it on one thread.
pub fn read(source: &CsvSource, criteria: &Criteria) -> Result<CsvAlternatives, Vec<Diagnostic>> {
    use rayon::prelude::*;

    let fail = |kind: DiagnosticKind| {
        vec![Diagnostic {
            location: Location {
                source: source.shown.clone(),
                ..Location::default()
            },
            kind,
        }]
    };
    let file = std::fs::File::open(&source.path).map_err(|e| fail(DiagnosticKind::Io(e.to_string())))?;
    let size = file.metadata().map_or(0, |m| m.len());
    // Past this size the file is streamed on one thread instead of being
    // read whole, so memory stays proportional to the values kept.
    let whole = size <= WHOLE_FILE_BYTES;
    let bytes = if whole {
        let mut bytes = Vec::with_capacity(size as usize + 1);
        std::io::Read::read_to_end(&mut &file, &mut bytes).map_err(|e| fail(DiagnosticKind::Io(e.to_string())))?;
        bytes
    } else {
        Vec::new()
    };
    let mut stream = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(std::io::BufReader::with_capacity(1 << 16, &file));
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(&bytes[..]);
    let header = if whole {
        reader.byte_headers()
    } else {
        stream.byte_headers()
    }
    .map_err(|e| fail(csv_error(&e)))?
    .clone();
    let data_start = (reader.position().byte() as usize).min(bytes.len());
    let header_lines = reader.position().line() - 1;
    drop(reader);

    let mut errors = Errors {
        shown: &source.shown,
        list: Vec::new(),
    };
    let leaves: Vec<(&str, &Leaf)> = criteria.leaves().map(|(c, l)| (c.id.as_str(), l)).collect();
    let columns = map_header(&header, criteria, &leaves, source.ignore_extra_columns, &mut errors);
    if !errors.list.is_empty() {
        return Err(errors.list);
    }
    let layout = Layout {
        shown: &source.shown,
        header: &header,
        columns: &columns,
        leaves: &leaves,
    };

    let data = &bytes[data_start..];
    let stretches = if !whole {
        Vec::new()
    } else if data.len() >= PARALLEL_BYTES && !data.contains(&b'"') {
        split_at_lines(data, rayon::current_num_threads() * 4)
    } else {
        vec![data]
    };
    // The line each stretch starts on.
    let newlines: Vec<u64> = stretches
        .par_iter()
        .map(|s| s.iter().filter(|&&b| b == b'\n').count() as u64)
        .collect();
    let mut first_lines = Vec::with_capacity(stretches.len());
    let mut line = header_lines;
    for n in &newlines {
        first_lines.push(line);
        line += n;
    }
    let chunks: Vec<Chunk> = if whole {
        stretches
            .par_iter()
            .zip(first_lines)
            .map(|(stretch, before)| {
                let estimate = stretch
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(1, |p| stretch.len() / (p + 1) + 1);
                let reader = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(*stretch);
                parse_rows(reader, before, estimate, &layout)
            })
            .collect()
    } else {
        // Line numbers from the stream already count the header.
        vec![parse_rows(stream, 0, 1 << 16, &layout)]
    };
    drop(bytes);

    let rows: usize = chunks.iter().map(|c| c.lines.len()).sum();
    let mut alternatives = Alternatives::default();
    let mut values = Vec::with_capacity(rows * leaves.len());
    let mut lines = Vec::with_capacity(rows);
    for chunk in chunks {
        for d in chunk.errors {
            errors.push(d.location.line.map(|l| l as u64), &d.location.path, d.kind);
        }
        alternatives.append(chunk.alternatives);
        values.extend_from_slice(&chunk.values);
        lines.extend_from_slice(&chunk.lines);
    }
    if alternatives.is_empty() && errors.list.is_empty() {
        errors.push(None, "", DiagnosticKind::EmptyList("alternative (row)"));
    }
    // Duplicate ids, reported at the repeat with the line of the first.
    let mut first: HashMap<&str, u32, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(alternatives.len(), Default::default());
    for (i, id) in alternatives.ids().enumerate() {
        if let Some(&line) = first.get(id) {
            errors.push(
                Some(u64::from(lines[i])),
                "id",
                DiagnosticKind::DuplicateId {
                    id: excerpt(id),
                    first: format!("line {line}"),
                },
            );
        } else {
            first.insert(id, lines[i]);
        }
    }
    drop(first);
    if errors.list.is_empty() {
        Ok(CsvAlternatives { alternatives, values })
    } else {
        Err(errors.list)
    }
}

/// About `parts` stretches of `data`, each ending just after a line break
/// (the last at the end).
fn split_at_lines(data: &[u8], parts: usize) -> Vec<&[u8]> {
    let target = data.len().div_ceil(parts.max(1));
    let mut stretches = Vec::with_capacity(parts);
    let mut rest = data;
    while rest.len() > target {
        let cut = rest[target..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |p| target + p + 1);
        let (head, tail) = rest.split_at(cut);
        stretches.push(head);
        rest = tail;
    }
    if !rest.is_empty() {
        stretches.push(rest);
    }
    stretches
}

/// Parses the rows `reader` gives; `before` is the number of lines before
/// its first one, `estimate` about how many rows to expect.
fn parse_rows<R: std::io::Read>(
    mut reader: csv::Reader<R>,
    before: u64,
    estimate: usize,
    layout: &Layout<'_>,
) -> Chunk {
    let mut errors = Errors {
        shown: layout.shown,
        list: Vec::new(),
    };
    let cols = layout.leaves.len();
    let mut alternatives = Alternatives::default();
    alternatives.reserve(estimate, estimate * 8);
    let mut values: Vec<f64> = Vec::with_capacity(estimate * cols);
    let mut lines: Vec<u32> = Vec::with_capacity(estimate);
    let mut row = vec![0.0; cols];
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                errors.push(e.position().map(|p| before + p.line()), "", csv_error(&e));
                break;
            }
        }
        let line = before + record.position().map_or(0, |p| p.line());
        if record.len() != layout.header.len() {
            errors.push(
                Some(line),
                "",
                DiagnosticKind::RaggedRow {
                    found: record.len(),
                    expected: layout.header.len(),
                },
            );
            if errors.full() {
                break;
            }
            continue;
        }
        let (mut id, mut name) = ("", "");
        for (field, &column) in record.iter().zip(layout.columns) {
            let text = match std::str::from_utf8(field.trim_ascii()) {
                Ok(t) => t,
                Err(_) => {
                    errors.push(
                        Some(line),
                        column_name(layout.header, layout.columns, column),
                        DiagnosticKind::InvalidUtf8,
                    );
                    continue;
                }
            };
            match column {
                Column::Id => id = text,
                Column::Name => name = text,
                Column::Skip => {}
                Column::Leaf(c) => {
                    row[c] = cell(text, layout.leaves[c]).unwrap_or_else(|kind| {
                        errors.push(Some(line), layout.leaves[c].0, kind);
                        0.0
                    });
                }
            }
        }
        if !valid_id(id) {
            errors.push(Some(line), "id", DiagnosticKind::AlternativeId(excerpt(id)));
        }
        alternatives.push(id, Some(name), None);
        values.extend_from_slice(&row);
        lines.push(u32::try_from(line).unwrap_or(u32::MAX));
        if errors.full() {
            break;
        }
    }
    Chunk {
        alternatives,
        values,
        lines,
        errors: errors.list,
    }
}

/// What each column holds; problems go to `errors`.
fn map_header(
    header: &csv::ByteRecord,
    criteria: &Criteria,
    leaves: &[(&str, &Leaf)],
    ignore_extra: bool,
    errors: &mut Errors<'_>,
) -> Vec<Column> {
    let mut columns = Vec::with_capacity(header.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, raw) in header.iter().enumerate() {
        let name = String::from_utf8_lossy(raw.trim_ascii()).into_owned();
        if let Some(&first) = seen.get(&name) {
            errors.push(
                Some(1),
                &name,
                DiagnosticKind::DuplicateColumn {
                    column: excerpt(&name),
                    first: first + 1,
                },
            );
        }
        seen.insert(name.clone(), i);
        let column = match name.as_str() {
            "id" => Column::Id,
            "name" => Column::Name,
            n => match leaves.iter().position(|(id, _)| *id == n) {
                Some(c) => Column::Leaf(c),
                None if criteria
                    .nodes()
                    .iter()
                    .skip(1)
                    .any(|c| c.id == n && matches!(c.kind, CriterionKind::Parent(_))) =>
                {
                    errors.push(Some(1), n, DiagnosticKind::ParentScored(n.to_owned()));
                    Column::Skip
                }
                None if ignore_extra => Column::Skip,
                None => {
                    errors.push(Some(1), n, DiagnosticKind::UnknownColumn(excerpt(n)));
                    Column::Skip
                }
            },
        };
        columns.push(column);
    }
    if !columns.contains(&Column::Id) {
        errors.push(Some(1), "", DiagnosticKind::MissingColumn("id".to_owned()));
    }
    for (c, (id, _)) in leaves.iter().enumerate() {
        if !columns.contains(&Column::Leaf(c)) {
            errors.push(Some(1), "", DiagnosticKind::MissingColumn((*id).to_owned()));
        }
    }
    columns
}

fn column_name<'h>(header: &'h csv::ByteRecord, columns: &[Column], column: Column) -> &'h str {
    columns
        .iter()
        .position(|c| *c == column)
        .and_then(|i| std::str::from_utf8(&header[i]).ok())
        .unwrap_or("")
}

/// A cell's value: a finite number, or a level of the leaf.
fn cell(text: &str, (id, leaf): (&str, &Leaf)) -> Result<f64, DiagnosticKind> {
    if text.is_empty() {
        return Err(DiagnosticKind::EmptyCell);
    }
    let value = match text.parse::<f64>() {
        Ok(v) if v.is_finite() => v,
        Ok(v) if v.is_nan() || text.to_ascii_lowercase().contains("inf") => {
            return Err(DiagnosticKind::NonFinite(excerpt(text)));
        }
        Ok(_) => return Err(DiagnosticKind::OutOfRange(excerpt(text))),
        Err(_) => super::validate::level_value(leaf, id, text)?.0,
    };
    super::validate::in_scale(leaf, id, value)
}

fn valid_id(id: &str) -> bool {
    super::validate::valid_alternative_id(id)
}

fn excerpt(text: &str) -> String {
    super::validate::excerpt(text)
}

fn csv_error(e: &csv::Error) -> DiagnosticKind {
    match e.kind() {
        csv::ErrorKind::Io(io) => DiagnosticKind::Io(io.to_string()),
        csv::ErrorKind::Utf8 { .. } => DiagnosticKind::InvalidUtf8,
        _ => DiagnosticKind::Syntax(e.to_string()),
    }
}
