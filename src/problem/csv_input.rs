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

/// Reads every alternative of `source` for the leaves of `criteria`.
pub fn read(source: &CsvSource, criteria: &Criteria) -> Result<CsvAlternatives, Vec<Diagnostic>> {
    let mut errors = Errors {
        shown: &source.shown,
        list: Vec::new(),
    };
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
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(std::io::BufReader::with_capacity(1 << 16, file));
    let header = reader.byte_headers().map_err(|e| fail(csv_error(&e)))?.clone();
    let leaves: Vec<(&str, &Leaf)> = criteria.leaves().map(|(c, l)| (c.id.as_str(), l)).collect();
    let columns = map_header(&header, criteria, &leaves, source.ignore_extra_columns, &mut errors);
    if !errors.list.is_empty() {
        return Err(errors.list);
    }

    let mut alternatives = Alternatives::default();
    let mut values: Vec<f64> = Vec::new();
    let mut row = vec![0.0; leaves.len()];
    let mut lines: Vec<u32> = Vec::new();
    let mut record = csv::ByteRecord::new();
    let mut previous_end = reader.position().byte();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                errors.push(e.position().map(|p| p.line()), "", csv_error(&e));
                break;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        if lines.is_empty() {
            // Reserve for the whole file from the first row's length.
            let row_bytes = (reader.position().byte() - previous_end).max(1);
            let rows = (size / row_bytes + 16).min(size / 2 + 16) as usize;
            values.reserve(rows * leaves.len());
            lines.reserve(rows);
            alternatives.reserve(rows, rows * 8);
        }
        previous_end = reader.position().byte();
        if record.len() != header.len() {
            errors.push(
                Some(line),
                "",
                DiagnosticKind::RaggedRow {
                    found: record.len(),
                    expected: header.len(),
                },
            );
            if errors.full() {
                break;
            }
            continue;
        }
        let (mut id, mut name) = ("", "");
        for (field, &column) in record.iter().zip(&columns) {
            let text = match std::str::from_utf8(field.trim_ascii()) {
                Ok(t) => t,
                Err(_) => {
                    errors.push(
                        Some(line),
                        column_name(&header, &columns, column),
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
                    let value = cell(text, leaves[c]).unwrap_or_else(|kind| {
                        errors.push(Some(line), leaves[c].0, kind);
                        0.0
                    });
                    row[c] = value;
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
        Err(_) => match leaf.levels.iter().find(|(name, _)| name == text) {
            Some((_, v)) => *v,
            None if leaf.levels.is_empty() => {
                return Err(DiagnosticKind::NoLevels {
                    level: excerpt(text),
                    criterion: id.to_owned(),
                });
            }
            None => {
                return Err(DiagnosticKind::UnknownLevel {
                    level: excerpt(text),
                    criterion: id.to_owned(),
                    levels: leaf
                        .levels
                        .iter()
                        .map(|(n, _)| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
        },
    };
    if let Some((min, max)) = leaf.scale
        && !(min..=max).contains(&value)
    {
        return Err(DiagnosticKind::OutOfScale {
            value,
            criterion: id.to_owned(),
            min,
            max,
        });
    }
    Ok(value)
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
