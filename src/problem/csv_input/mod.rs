//! Alternatives from a CSV file: the only module that names the csv crate.
//!
//! Header: `id`, optional `name`, one column per leaf criterion, in any
//! order. Cells are trimmed; a cell is a finite number or, on a leaf with
//! `levels`, a level name. Values go straight into a row-major matrix, so a
//! million rows cost little more than their numbers.

use std::collections::HashMap;
use std::path::PathBuf;

mod decimal;
mod lines;
mod quote_free;

use lines::{Recent, Replay, record_line};

use super::diagnostic::{Diagnostic, DiagnosticKind, Location};
use super::{Alternatives, Criteria, CriterionKind, Leaf, ScoreText};

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
    /// The leaf cells' text, for rows written in plain decimals.
    pub text: Option<ScoreText>,
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

    fn ragged(&mut self, line: u64, found: usize, expected: usize) {
        self.push(Some(line), "", DiagnosticKind::RaggedRow { found, expected });
    }

    fn check_id(&mut self, line: u64, id: &str) {
        if !valid_id(id) {
            self.push(Some(line), "id", DiagnosticKind::AlternativeId(excerpt(id)));
        }
    }
}

/// What every reader needs to turn a row into values.
struct Layout<'a> {
    shown: &'a str,
    /// Column names, in file order.
    names: Vec<String>,
    columns: &'a [Column],
    leaves: &'a [(&'a str, &'a Leaf)],
    /// The first and last column of the leaves when they are side by side
    /// in leaf order, so a row's leaf cells are one stretch of text.
    leaf_span: Option<(usize, usize)>,
}

impl Layout<'_> {
    fn name(&self, column: usize) -> &str {
        &self.names[column]
    }
}

/// The rows read: ids, values row by row, the line of each row, and the
/// problems found.
#[derive(Default)]
struct Rows {
    alternatives: Alternatives,
    values: Vec<f64>,
    lines: Vec<u32>,
    /// Where each row's leaf cells are in the file, when echoable.
    spans: Option<Vec<(u32, u32)>>,
    /// Each id's [`id_hash`], when the reader computed them.
    hashes: Option<Vec<u64>>,
    errors: Vec<Diagnostic>,
}

/// Files up to this size are read whole, and parsed in parallel unless they
/// hold quotes (1 GiB).
const WHOLE_FILE_BYTES: u64 = 1 << 30;

/// Reads every alternative of `source` for the leaves of `criteria`.
///
/// A file up to 1 GiB is read whole. Without quotes (whose fields could
/// hold commas and line breaks) its rows are parsed on all cores by
/// [`quote_free`]; otherwise, and for larger files streamed from disk, by
/// the csv crate on one thread. Both give the same values and errors.
pub fn read(source: &CsvSource, criteria: &Criteria) -> Result<CsvAlternatives, Vec<Diagnostic>> {
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
    // Past this size the file is streamed instead of being read whole, so
    // memory stays proportional to the values kept.
    let whole = size <= WHOLE_FILE_BYTES;
    let bytes = if whole {
        read_whole(&file, size as usize).map_err(|e| fail(DiagnosticKind::Io(e.to_string())))?
    } else {
        Vec::new()
    };
    let mut stream = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(Recent::new(std::io::BufReader::with_capacity(1 << 16, &file)));
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
    let first_leaf = columns.iter().position(|c| *c == Column::Leaf(0));
    let layout = Layout {
        shown: &source.shown,
        names: header
            .iter()
            .map(|n| String::from_utf8_lossy(n.trim_ascii()).into_owned())
            .collect(),
        columns: &columns,
        leaves: &leaves,
        leaf_span: first_leaf
            .filter(|&f| (0..leaves.len()).all(|c| columns.get(f + c) == Some(&Column::Leaf(c))))
            .map(|f| (f, f + leaves.len() - 1)),
    };

    let data = &bytes[data_start..];
    let rows = if whole {
        quote_free::read(data, data_start, header_lines, &layout)
            .unwrap_or_else(|| parse_rows(csv_reader(data), header_lines, &layout))
    } else {
        // Line numbers from the stream already count the header.
        parse_rows(stream, 0, &layout)
    };
    let Rows {
        alternatives,
        values,
        lines,
        spans,
        hashes,
        errors: found,
    } = rows;
    for d in found {
        errors.push(d.location.line.map(|l| l as u64), &d.location.path, d.kind);
    }
    if alternatives.is_empty() && errors.list.is_empty() {
        errors.push(None, "", DiagnosticKind::EmptyList("alternative (row)"));
    }
    duplicate_ids(&alternatives, &lines, hashes, &mut errors);
    if !errors.list.is_empty() {
        return Err(errors.list);
    }
    let text = spans
        .filter(|s| s.iter().any(|&(start, end)| start < end))
        .map(|spans| ScoreText::new(bytes, spans));
    Ok(CsvAlternatives {
        alternatives,
        values,
        text,
    })
}

/// The whole of `file`, expected to be `size` bytes long. On Unix, big
/// files are read in pieces on all cores, which halves the time spent
/// copying pages into memory.
fn read_whole(file: &std::fs::File, size: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    #[cfg(unix)]
    if size >= PIECE {
        use rayon::prelude::*;
        use std::os::unix::fs::FileExt;
        let mut bytes = vec![0u8; size];
        let read = bytes
            .par_chunks_mut(PIECE)
            .enumerate()
            .try_for_each(|(i, piece)| file.read_exact_at(piece, (i * PIECE) as u64));
        // Unless the file changed size meanwhile.
        if read.is_ok() && file.read_at(&mut [0], size as u64)? == 0 {
            return Ok(bytes);
        }
    }
    let mut bytes = Vec::with_capacity(size + 1);
    let mut reader = file;
    std::io::Seek::rewind(&mut reader)?;
    reader.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Size of the pieces a big file is read in (4 MiB).
const PIECE: usize = 1 << 22;

/// A csv reader of rows after the header.
fn csv_reader(data: &[u8]) -> csv::Reader<std::io::Cursor<&[u8]>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(std::io::Cursor::new(data))
}

/// Hash of an id for the duplicate check (fixed, so runs are repeatable).
fn id_hash(id: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0x243f_6a88_85a3_08d3).hash_one(id)
}

/// Reports each repeated id at the repeat, with the line of the first.
///
/// Sorting the ids' 64-bit hashes (`hashes`, or computed here) on all cores
/// shows that there is no repeat (the usual case) faster than a hash set
/// can; only if two hashes are equal are the ids themselves compared.
fn duplicate_ids(alternatives: &Alternatives, lines: &[u32], hashes: Option<Vec<u64>>, errors: &mut Errors<'_>) {
    use rayon::prelude::*;

    let mut hashes = hashes.unwrap_or_else(|| {
        (0..alternatives.len())
            .into_par_iter()
            .map(|i| id_hash(alternatives.id(i)))
            .collect()
    });
    hashes.par_sort_unstable();
    if hashes.windows(2).all(|w| w[0] != w[1]) {
        return;
    }
    drop(hashes);
    let mut first: HashMap<&str, u32, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(alternatives.len(), Default::default());
    for (i, id) in alternatives.ids().enumerate() {
        if lines[i] == 0 {
            continue;
        }
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
}

/// Parses the rows `reader` gives on one thread; `before` is the number of
/// lines before its first one.
fn parse_rows<R: Replay>(mut reader: csv::Reader<R>, before: u64, layout: &Layout<'_>) -> Rows {
    let mut errors = Errors {
        shown: layout.shown,
        list: Vec::new(),
    };
    let mut out = Rows::default();
    let mut row = vec![0.0; layout.leaves.len()];
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
        let line = before + record.position().map_or(0, |p| record_line(p, reader.get_ref()));
        if record.len() != layout.names.len() {
            errors.ragged(line, record.len(), layout.names.len());
            if errors.full() {
                break;
            }
            continue;
        }
        let (mut id, mut name) = ("", "");
        for (i, field) in record.iter().enumerate() {
            match read_field(field, i, line, layout, &mut row, &mut errors) {
                Field::Id(text) => id = text,
                Field::Name(text) => name = text,
                Field::Other => {}
            }
        }
        errors.check_id(line, id);
        out.alternatives.push(id, Some(name), None);
        out.values.extend_from_slice(&row);
        out.lines.push(u32::try_from(line).unwrap_or(u32::MAX));
        if errors.full() {
            break;
        }
    }
    out.errors = errors.list;
    out
}

/// What a field gave.
enum Field<'t> {
    Id(&'t str),
    Name(&'t str),
    Other,
}

/// Reads field `i` of a row on `line`: an id or name, or a leaf value
/// into `row` (problems to `errors`).
fn read_field<'t>(
    field: &'t [u8],
    i: usize,
    line: u64,
    layout: &Layout<'_>,
    row: &mut [f64],
    errors: &mut Errors<'_>,
) -> Field<'t> {
    let column = layout.columns[i];
    if column == Column::Skip {
        return Field::Other;
    }
    let Ok(text) = std::str::from_utf8(field.trim_ascii()) else {
        errors.push(Some(line), layout.name(i), DiagnosticKind::InvalidUtf8);
        return Field::Other;
    };
    match column {
        Column::Id => Field::Id(text),
        Column::Name => Field::Name(text),
        Column::Skip => Field::Other,
        Column::Leaf(c) => {
            row[c] = cell(text, layout.leaves[c]).unwrap_or_else(|kind| {
                errors.push(Some(line), layout.leaves[c].0, kind);
                0.0
            });
            Field::Other
        }
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
