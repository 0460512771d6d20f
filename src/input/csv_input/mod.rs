//! Alternatives from a CSV file: the only module that names the csv crate.
//!
//! Header: `id`, optional `name`, one column per leaf criterion, in any
//! order. Cells are trimmed; a cell is a finite number or, on a leaf with
//! `levels`, a level name, or an interval of them written `LOW..HIGH`
//! (`110..140`, `low..mid`). Values go straight into a row-major matrix (an
//! interval as its midpoint, the interval kept aside), so a million rows
//! cost little more than their numbers.
//!
//! Fields are separated by commas, or by the `;` or tab the header shows
//! when it has no comma (or by `--delimiter`); a `;`-separated file writes
//! decimals with a comma (`8,25`), as European spreadsheets export them.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

mod decimal;
mod encoding;
mod intake;
mod lines;
mod quote_free;
mod repeats;
mod sheet;

pub(crate) use encoding::{NotUtf8, sniff as sniff_encoding};
use intake::{Input, Limit, MAX_LINE_BYTES as MAX_LINE};
use lines::{Recent, Replay, record_line};
pub(crate) use sheet::SheetCells;

use super::diagnostic::{Diagnostic, DiagnosticKind, FieldPath, FirstSeen, Location, nearest};
use super::{Alternatives, Criteria, CriterionKind, Leaf, ScoreInterval, ScoreText};

/// CSV sources larger than this are refused (4 GiB: some 50 million rows
/// of eight criteria). A pipe or device is read up to it, and no further.
pub const DEFAULT_MAX_CSV_SIZE: u64 = 4 << 30;

/// Stop collecting after this many problems: the rest are usually the same.
const MAX_ERRORS: usize = 50;

/// Where the CSV is and how to read it.
#[derive(Debug, Clone)]
pub struct CsvSource {
    /// The file to open.
    pub path: PathBuf,
    /// How to name it in messages.
    pub display_name: String,
    /// Read standard input instead of `path`.
    pub stdin: bool,
    /// How to read it.
    pub settings: CsvSettings,
}

/// How to read CSV alternatives, whichever the file.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvSettings {
    /// Skip columns that are not `id`, `name` or a leaf instead of refusing.
    pub ignore_extra_columns: bool,
    /// The field separator; told from the header when `None`.
    pub delimiter: Option<u8>,
    /// Largest CSV accepted, in bytes.
    pub max_size: u64,
    /// The sheet of a spreadsheet to read; the first when `None`.
    pub sheet: Option<String>,
}

impl Default for CsvSettings {
    fn default() -> Self {
        CsvSettings {
            ignore_extra_columns: false,
            delimiter: None,
            max_size: DEFAULT_MAX_CSV_SIZE,
            sheet: None,
        }
    }
}

/// The separators `--delimiter` accepts.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// What a CSV column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Id,
    Name,
    Leaf(usize),
    /// `platforms`, `volume` or `uses.<resource>`: kept as text for the
    /// `portfolio:` section.
    Portfolio,
    Skip,
}

/// The alternatives and their values, row by row, in leaf order.
pub struct CsvAlternatives {
    pub alternatives: Alternatives,
    pub values: Vec<f64>,
    /// The leaf cells' text, for rows written in plain decimals.
    pub text: Option<ScoreText>,
    /// Each row's line in the file, so that problems found after reading
    /// (a score `--method ahp` cannot use) are reported where the row is.
    pub lines: Vec<u32>,
    /// The cells written as intervals, by row then column.
    pub intervals: Vec<ScoreInterval>,
    /// The non-empty portfolio cells (`platforms`, `volume`,
    /// `uses.<resource>`): row, column name, text.
    pub portfolio: Vec<(usize, String, String)>,
    /// For a spreadsheet, how to name the cell of a row and column.
    pub cells: Option<SheetCells>,
}

struct Errors<'a> {
    shown: &'a str,
    list: Vec<Diagnostic>,
}

impl Errors<'_> {
    fn push(&mut self, line: Option<u64>, column: &str, kind: DiagnosticKind) {
        self.push_at(line, FieldPath::column(column), kind);
    }

    /// As [`Errors::push`], at a path already built.
    fn push_at(&mut self, line: Option<u64>, path: FieldPath, kind: DiagnosticKind) {
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
                path,
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
    /// The field separator.
    delimiter: u8,
    /// Whether numbers are written with a decimal comma (`;` files).
    decimal_comma: bool,
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
    /// The cells written as intervals, in the order read.
    intervals: Vec<ScoreInterval>,
    /// Non-empty portfolio cells: row, column name, text.
    portfolio: Vec<(usize, String, String)>,
}

/// Where the cells of a row written as intervals go: the row being read
/// and the intervals found so far.
#[derive(Default)]
struct Intervals {
    row: usize,
    list: Vec<ScoreInterval>,
}

/// Reads every alternative of `source` for the leaves of `criteria`.
///
/// A source up to 1 GiB is read whole: a regular file at once, a pipe or
/// device as a stream. Without quotes (whose fields could hold separators
/// and line breaks) its rows are parsed on all cores by [`quote_free`];
/// otherwise, and for larger sources streamed, by the csv crate on one
/// thread. Both give the same values and errors.
pub fn read(source: &CsvSource, criteria: &Criteria) -> Result<CsvAlternatives, Vec<Diagnostic>> {
    if !source.stdin && sheet::is_spreadsheet(&source.path) {
        return sheet::read(source, criteria);
    }
    let fail = |line: Option<u64>, kind: DiagnosticKind| failure(source, line, kind);
    let refused = |limit: Limit| fail(limit.line, limit.kind);
    if let Some(d) = source.settings.delimiter.filter(|d| !DELIMITERS.contains(d)) {
        return Err(fail(
            None,
            DiagnosticKind::Delimiter(escape(&char::from(d).to_string()).into_owned()),
        ));
    }
    let opened = intake::open(source).map_err(refused)?;
    check_encoding(source, &opened.head)?;
    let delimiter = source.settings.delimiter.unwrap_or_else(|| detect(&opened.head));
    let leaves: Vec<(&str, &Leaf)> = criteria.leaves().map(|(c, l)| (c.id.as_str(), l)).collect();
    let mut errors = Errors {
        shown: &source.display_name,
        list: Vec::new(),
    };
    // A bad header stops a stream before the rest of it is taken in.
    if opened.is_partial() && !first_line(&opened.head).contains(&b'"') {
        check_header(source, &opened.head, delimiter, criteria, &leaves, &mut errors)?;
    }
    let (bytes, mut stream) = match opened.finish().map_err(refused)? {
        Input::Whole(bytes) => (bytes, None),
        Input::Stream(head, rest) => {
            let chained = std::io::BufReader::with_capacity(1 << 16, std::io::Cursor::new(head).chain(rest));
            let reader = reader_builder(delimiter, true)
                .flexible(true)
                .from_reader(Recent::new(chained));
            (Vec::new(), Some(reader))
        }
    };
    if let Some(line) = long_line(&bytes) {
        return Err(fail(Some(line), DiagnosticKind::LineTooLong { limit: MAX_LINE }));
    }
    let mut reader = reader_builder(delimiter, true).from_reader(&bytes[..]);
    let header = match stream.as_mut() {
        Some(stream) => stream.byte_headers(),
        None => reader.byte_headers(),
    }
    .map_err(|e| {
        let (line, kind) = csv_error(&e, 0);
        fail(line, kind)
    })?
    .clone();
    let data_start = (reader.position().byte() as usize).min(bytes.len());
    let header_lines = reader.position().line() - 1;
    drop(reader);

    let columns = header_columns(&header, delimiter, criteria, &leaves, &source.settings, &mut errors);
    if !errors.list.is_empty() {
        return Err(errors.list);
    }
    let first_leaf = columns.iter().position(|c| *c == Column::Leaf(0));
    let layout = Layout {
        shown: &source.display_name,
        delimiter,
        decimal_comma: delimiter == b';',
        names: header.iter().map(column_name).collect(),
        columns: &columns,
        leaves: &leaves,
        // Only comma-separated rows can be echoed into CSV output.
        leaf_span: first_leaf
            .filter(|_| delimiter == b',')
            .filter(|&f| (0..leaves.len()).all(|c| columns.get(f + c) == Some(&Column::Leaf(c))))
            .map(|f| (f, f + leaves.len() - 1)),
    };

    let data = &bytes[data_start..];
    // Portfolio cells are few and kept as text: the csv crate reads them.
    let portfolio = columns.contains(&Column::Portfolio);
    let rows = match stream {
        // Line numbers from the stream already count the header.
        Some(stream) => parse_rows(stream, 0, &layout),
        None if portfolio => parse_rows(csv_reader(data, delimiter), header_lines, &layout),
        None => quote_free::read(data, data_start, header_lines, &layout)
            .unwrap_or_else(|| parse_rows(csv_reader(data, delimiter), header_lines, &layout)),
    };
    gather(source, rows, bytes, errors)
}

/// One diagnostic about `source`, at `line` if known.
fn failure(source: &CsvSource, line: Option<u64>, kind: DiagnosticKind) -> Vec<Diagnostic> {
    vec![Diagnostic {
        location: Location {
            source: source.display_name.clone(),
            line: line.map(|l| l as usize),
            ..Location::default()
        },
        kind,
    }]
}

/// Refuses a source whose first bytes are not UTF-8 text.
fn check_encoding(source: &CsvSource, head: &[u8]) -> Result<(), Vec<Diagnostic>> {
    if let Some(found) = encoding::sniff(head) {
        // Bytes in another encoding are shown at their line, as in a row.
        let line = (found == NotUtf8::Other)
            .then(|| std::str::from_utf8(head).err())
            .flatten()
            .map(|e| 1 + memchr::memchr_iter(b'\n', &head[..e.valid_up_to()]).count() as u64);
        return Err(failure(source, line, not_utf8(found)));
    }
    Ok(())
}

/// Checks the header in the first bytes `head` of a stream, so that a bad
/// one stops it before the rest is taken in.
fn check_header(
    source: &CsvSource,
    head: &[u8],
    delimiter: u8,
    criteria: &Criteria,
    leaves: &[(&str, &Leaf)],
    errors: &mut Errors<'_>,
) -> Result<(), Vec<Diagnostic>> {
    let mut reader = reader_builder(delimiter, true).from_reader(head);
    let header = reader.byte_headers().map_err(|e| {
        let (line, kind) = csv_error(&e, 0);
        failure(source, line, kind)
    })?;
    header_columns(header, delimiter, criteria, leaves, &source.settings, errors);
    if !errors.list.is_empty() {
        return Err(std::mem::take(&mut errors.list));
    }
    Ok(())
}

/// The alternatives of the parsed `rows` of `bytes` (empty if streamed),
/// or every problem found in them and about their ids; `errors` holds
/// those found before.
fn gather(
    source: &CsvSource,
    rows: Rows,
    bytes: Vec<u8>,
    mut errors: Errors<'_>,
) -> Result<CsvAlternatives, Vec<Diagnostic>> {
    let Rows {
        alternatives,
        values,
        lines,
        spans,
        hashes,
        errors: found,
        mut intervals,
        portfolio,
    } = rows;
    // Past a limit, or in another encoding, the rest would only mislead.
    if let Some(d) = found.iter().find(|d| is_fatal(&d.kind)) {
        let kind = match d.kind {
            DiagnosticKind::InvalidUtf8 => not_utf8(NotUtf8::Other),
            ref kind => kind.clone(),
        };
        return Err(failure(source, d.location.line.map(|l| l as u64), kind));
    }
    for d in found {
        errors.push_at(d.location.line.map(|l| l as u64), d.location.path, d.kind);
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
    intervals.sort_unstable_by_key(|s| (s.row, s.column));
    Ok(CsvAlternatives {
        alternatives,
        values,
        text,
        lines,
        intervals,
        portfolio,
        cells: None,
    })
}

/// Problems after which nothing else in the file is worth reporting.
fn is_fatal(kind: &DiagnosticKind) -> bool {
    matches!(
        kind,
        DiagnosticKind::InvalidUtf8 | DiagnosticKind::CsvTooLarge { .. } | DiagnosticKind::LineTooLong { .. }
    )
}

/// The one message for a file that is not UTF-8 text.
fn not_utf8(found: NotUtf8) -> DiagnosticKind {
    DiagnosticKind::Encoding {
        found: found.describe(),
        save_as: "\"CSV UTF-8\"",
    }
}

/// The first line of `head`, without its line break.
fn first_line(head: &[u8]) -> &[u8] {
    &head[..memchr::memchr(b'\n', head).unwrap_or(head.len())]
}

/// The separator the header line shows: a comma if it has one outside
/// quotes, else `;` or a tab if it has one, else a comma.
fn detect(head: &[u8]) -> u8 {
    let (mut quoted, mut found) = (false, [false; 3]);
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => return b',',
            b';' if !quoted => found[1] = true,
            b'\t' if !quoted => found[2] = true,
            _ => {}
        }
    }
    match found {
        [_, true, _] => b';',
        [_, _, true] => b'\t',
        _ => b',',
    }
}

/// The 1-based line of the first line longer than [`MAX_LINE`] in `bytes`.
///
/// Each step looks back from the end of the longest line allowed for its
/// last line break, so a file of short lines costs a few steps.
fn long_line(bytes: &[u8]) -> Option<u64> {
    let mut start = 0;
    while bytes.len() - start > MAX_LINE {
        match memchr::memrchr(b'\n', &bytes[start..=start + MAX_LINE]) {
            Some(p) => start += p + 1,
            None => return Some(1 + memchr::memchr_iter(b'\n', &bytes[..start]).count() as u64),
        }
    }
    None
}

/// A csv reader builder for `delimiter`.
fn reader_builder(delimiter: u8, has_headers: bool) -> csv::ReaderBuilder {
    let mut builder = csv::ReaderBuilder::new();
    builder.has_headers(has_headers).delimiter(delimiter);
    builder
}

/// A csv reader of rows after the header.
fn csv_reader(data: &[u8], delimiter: u8) -> csv::Reader<std::io::Cursor<&[u8]>> {
    reader_builder(delimiter, false)
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
/// Sorting the ids' 64-bit hashes (`hashes`, or computed here) shows that
/// there is no repeat (the usual case) faster than a hash set can (see
/// [`repeats::any_equal`]); only if two hashes are equal are the ids themselves
/// compared.
fn duplicate_ids(alternatives: &Alternatives, lines: &[u32], hashes: Option<Vec<u64>>, errors: &mut Errors<'_>) {
    use rayon::prelude::*;

    let hashes = hashes.unwrap_or_else(|| {
        (0..alternatives.len())
            .into_par_iter()
            .map(|i| id_hash(alternatives.id(i)))
            .collect()
    });
    if !repeats::any_equal(hashes) {
        return;
    }
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
                    first: FirstSeen::Line(line),
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
    let mut intervals = Intervals::default();
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let (line, kind) = csv_error(&e, before);
                errors.push(line, "", kind);
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
        intervals.row = out.lines.len();
        for (i, field) in record.iter().enumerate() {
            match read_field(field, i, line, layout, (&mut row, &mut intervals), &mut errors) {
                Field::Id(text) => id = text,
                Field::Name(text) => name = text,
                Field::Portfolio(text) if !text.is_empty() => {
                    out.portfolio
                        .push((out.lines.len(), layout.name(i).to_owned(), text.to_owned()));
                }
                Field::Portfolio(_) | Field::Other => {}
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
    out.intervals = intervals.list;
    out
}

/// What a field gave.
enum Field<'t> {
    Id(&'t str),
    Name(&'t str),
    /// A portfolio cell's text.
    Portfolio(&'t str),
    Other,
}

/// Reads field `i` of a row on `line`: an id or name, or a leaf value
/// into `row` (an interval's midpoint, the interval to `intervals`;
/// problems to `errors`).
fn read_field<'t>(
    field: &'t [u8],
    i: usize,
    line: u64,
    layout: &Layout<'_>,
    (row, intervals): (&mut [f64], &mut Intervals),
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
        Column::Portfolio => Field::Portfolio(text),
        Column::Skip => Field::Other,
        Column::Leaf(c) => {
            row[c] = match interval_cell(text, layout.leaves[c], layout.decimal_comma) {
                Ok((value, None)) => value,
                Ok((value, Some((low, high)))) => {
                    let row = intervals.row;
                    intervals.list.push(ScoreInterval {
                        row,
                        column: c,
                        low,
                        high,
                    });
                    value
                }
                Err(kind) => {
                    errors.push(Some(line), layout.leaves[c].0, kind);
                    0.0
                }
            };
            Field::Other
        }
    }
}

/// A column's name as messages show it.
fn column_name(raw: &[u8]) -> String {
    escape(&String::from_utf8_lossy(raw.trim_ascii())).into_owned()
}

/// What each column of `header`, split at `delimiter`, holds; problems go
/// to `errors`. A header read as one column that holds another separator
/// gives one problem: the advice to pass that separator.
fn header_columns(
    header: &csv::ByteRecord,
    delimiter: u8,
    criteria: &Criteria,
    leaves: &[(&str, &Leaf)],
    settings: &CsvSettings,
    errors: &mut Errors<'_>,
) -> Vec<Column> {
    let others = [
        (b';', "`;`", "';'"),
        (b'\t', "tabs", "tab"),
        (b'|', "`|`", "'|'"),
        (b',', "`,`", "','"),
    ];
    if let [only] = header.iter().collect::<Vec<_>>()[..]
        && let Some(&(_, separator, flag)) = others.iter().find(|o| o.0 != delimiter && only.contains(&o.0))
        && !leaves.iter().any(|(id, _)| id.as_bytes() == only.trim_ascii())
    {
        let header = excerpt(&String::from_utf8_lossy(only));
        errors.push(
            Some(1),
            "",
            DiagnosticKind::OneColumn {
                header,
                separator,
                flag,
            },
        );
        return vec![Column::Skip];
    }
    map_header(header, criteria, leaves, settings.ignore_extra_columns, errors)
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
    let mut unknown = Vec::new();
    for (i, raw) in header.iter().enumerate() {
        let name = String::from_utf8_lossy(raw.trim_ascii()).into_owned();
        let shown = escape(&name).into_owned();
        if let Some(&first) = seen.get(&name) {
            errors.push(
                Some(1),
                &shown,
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
                None if n == "platforms" || n == "volume" || n.starts_with("uses.") => Column::Portfolio,
                None if ignore_extra => Column::Skip,
                None => {
                    unknown.push((shown, name));
                    Column::Skip
                }
            },
        };
        columns.push(column);
    }
    // A misspelt column is one mistake: its report suggests the missing
    // column it was meant to be, and that column is not reported missing.
    let mut missing: Vec<&str> = (["id"].into_iter())
        .filter(|_| !columns.contains(&Column::Id))
        .chain(
            leaves
                .iter()
                .enumerate()
                .filter(|(c, _)| !columns.contains(&Column::Leaf(*c)))
                .map(|(_, (id, _))| *id),
        )
        .collect();
    for (shown, name) in unknown {
        let suggestion = nearest(&name, missing.iter().copied());
        missing.retain(|m| Some(*m) != suggestion.as_deref());
        errors.push(
            Some(1),
            &shown,
            DiagnosticKind::UnknownColumn {
                column: excerpt(&name),
                suggestion,
            },
        );
    }
    for id in missing {
        errors.push(Some(1), "", DiagnosticKind::MissingColumn(id.to_owned()));
    }
    columns
}

/// A cell's value: a finite number, or a level of the leaf. With
/// `decimal_comma`, a number is written with a comma (`8,25`); a dot in a
/// number is refused there, since `1.234` may mean 1234.
fn cell(text: &str, (id, leaf): (&str, &Leaf), decimal_comma: bool) -> Result<f64, DiagnosticKind> {
    if text.is_empty() {
        return Err(DiagnosticKind::EmptyCell);
    }
    let number = if decimal_comma { comma_decimal(text)? } else { None };
    let value = match number.as_deref().unwrap_or(text).parse::<f64>() {
        Ok(v) if v.is_finite() => v,
        Ok(v) if v.is_nan() || text.to_ascii_lowercase().contains("inf") => {
            return Err(DiagnosticKind::NonFinite(excerpt(text)));
        }
        Ok(_) => return Err(DiagnosticKind::OutOfRange(excerpt(text))),
        // A level name never holds control characters: escaped, the
        // message shows none either.
        Err(_) => super::rules::level_value(leaf, id, &escape(text))?.0,
    };
    super::rules::in_scale(leaf, id, value)
}

/// A cell's value as [`cell`] reads it, or an interval `LOW..HIGH` of such
/// values (both numbers or both levels, low <= high) with its midpoint as
/// the value. A level whose name holds `..` is still that level.
fn interval_cell(
    text: &str,
    leaf: (&str, &Leaf),
    decimal_comma: bool,
) -> Result<(f64, Option<(f64, f64)>), DiagnosticKind> {
    let split = text
        .split_once("..")
        .filter(|_| !leaf.1.levels.iter().any(|(name, _)| name == text));
    let Some((low_text, high_text)) = split else {
        if text.starts_with('[') && text.ends_with(']') {
            return Err(DiagnosticKind::CsvInterval(excerpt(text)));
        }
        return cell(text, leaf, decimal_comma).map(|v| (v, None));
    };
    let (low_text, high_text) = (low_text.trim(), high_text.trim());
    let low = cell(low_text, leaf, decimal_comma)?;
    let high = cell(high_text, leaf, decimal_comma)?;
    let is_level = |end: &str| leaf.1.levels.iter().any(|(name, _)| name == end);
    if is_level(low_text) != is_level(high_text) {
        return Err(DiagnosticKind::MixedInterval {
            interval: excerpt(text),
            criterion: leaf.0.to_owned(),
        });
    }
    if low > high {
        return Err(DiagnosticKind::InvertedInterval(excerpt(text)));
    }
    Ok((crate::model::midpoint(low, high), Some((low, high))))
}

fn valid_id(id: &str) -> bool {
    super::rules::valid_alternative_id(id)
}

/// A cell of a decimal-comma file as `str::parse` reads it (`8,25` as
/// `8.25`), `None` if it has no comma; an error if it is a number written
/// with dots.
fn comma_decimal(text: &str) -> Result<Option<String>, DiagnosticKind> {
    if text.contains('.') {
        let undotted = text.replace('.', "").replacen(',', ".", 1);
        if undotted.parse::<f64>().is_ok() {
            return Err(DiagnosticKind::DecimalComma(excerpt(text)));
        }
    }
    Ok(text.contains(',').then(|| text.replacen(',', ".", 1)))
}

/// At most 40 characters of user text, control characters escaped.
fn excerpt(text: &str) -> String {
    super::rules::excerpt(&escape(text))
}

/// `text` with control characters (NUL, escape, line breaks...) written
/// as escapes, so a message never sends them to a terminal.
fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// The line (after `before` lines) and error of a csv crate error.
fn csv_error(e: &csv::Error, before: u64) -> (Option<u64>, DiagnosticKind) {
    let line = e.position().map(|p| before + p.line());
    match e.kind() {
        csv::ErrorKind::Io(io) => match Limit::of(io) {
            Some(limit) => (limit.line, limit.kind.clone()),
            None => (line, DiagnosticKind::io(io)),
        },
        csv::ErrorKind::Utf8 { .. } => (line, DiagnosticKind::InvalidUtf8),
        _ => (line, DiagnosticKind::Syntax(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::intake::WHOLE_BYTES;
    use crate::diagnostic::Diagnostics;
    use crate::input::LoadOptions;

    /// The ids and the bits of the values loaded, or the messages.
    type Loaded = Result<(Vec<String>, Vec<u64>), String>;

    /// A folder with `p.yaml` naming `alts.csv`, removed on drop.
    struct Dir(std::path::PathBuf);

    impl Dir {
        fn new(name: &str) -> Dir {
            let dir = std::env::temp_dir().join(format!("innorank-unit-{name}-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let yaml = "name: s\ncriteria:\n  - {id: gain}\n  - {id: risk, direction: cost, levels: {low: 1, high: 5}}\nalternatives: {csv: alts.csv}\n";
            std::fs::write(dir.join("p.yaml"), yaml).unwrap();
            Dir(dir)
        }

        /// Ids and values, or the messages, read whole and streamed.
        fn load(&self, options: &LoadOptions) -> [Loaded; 2] {
            [u64::MAX, 16].map(|whole| {
                WHOLE_BYTES.with(|w| w.set(whole));
                let loaded = crate::Problem::from_path(&self.0.join("p.yaml"), options);
                WHOLE_BYTES.with(|w| w.set(super::intake::WHOLE_FILE_BYTES));
                loaded
                    .map(|p| {
                        let ids = p.alternatives.ids().map(str::to_owned).collect();
                        let values = (0..p.alternatives.len())
                            .flat_map(|i| p.scores.row(i).iter().map(|v| v.to_bits()).collect::<Vec<_>>())
                            .collect();
                        (ids, values)
                    })
                    .map_err(|e: Diagnostics| e.to_string())
            })
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn streamed_files_read_like_whole_ones() {
        let dir = Dir::new("stream");
        let files: [&[u8]; 4] = [
            b"id,gain,risk\r\na,1.5,low\r\n\r\nb,2,3\r\n",
            b"id;gain;risk\na;1,5;low\nb;2.5;3\nc;x\n",
            b"id,gain,risk\na,1,low\nb,x,1\nh,1\na,2,2\nbad id,1,1\n",
            b"id,name,gain,risk\na,\"Q, \"\"q\"\"\",1,low\nb,Z\xFCrich,2,3\n",
        ];
        for csv in files {
            std::fs::write(dir.0.join("alts.csv"), csv).unwrap();
            let [whole, streamed] = dir.load(&LoadOptions::default());
            assert_eq!(whole, streamed, "{}", String::from_utf8_lossy(csv));
        }
        // A line too long, found in the stream by the csv crate's reads.
        let mut long = b"id,gain,risk\na,1,1\nb,".to_vec();
        long.resize(long.len() + super::MAX_LINE + 1, b'9');
        std::fs::write(dir.0.join("alts.csv"), long).unwrap();
        let [whole, streamed] = dir.load(&LoadOptions::default());
        assert_eq!(whole, streamed);
        let message = whole.unwrap_err();
        assert!(
            message.ends_with("alts.csv:3: the line is longer than 16777216 bytes; break it into several lines"),
            "{message}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_stream_past_the_limit_stops_in_the_csv_reader() {
        let dir = Dir::new("fifo-limit");
        let fifo = dir.0.join("alts.fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        // Without mkfifo there is nothing to test.
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                use std::io::Write;
                let mut out = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
                let _ = out.write_all(b"id,gain,risk\n");
                let rows = b"a,1,2\n".repeat(1000);
                while out.write_all(&rows).is_ok() {}
            })
        };
        let options = LoadOptions {
            alternatives_csv: Some(fifo.clone()),
            max_csv_size: 100_000,
            ..LoadOptions::default()
        };
        WHOLE_BYTES.with(|w| w.set(16));
        let err = crate::Problem::from_path(&dir.0.join("p.yaml"), &options).unwrap_err();
        WHOLE_BYTES.with(|w| w.set(super::intake::WHOLE_FILE_BYTES));
        writer.join().unwrap();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: the CSV file is larger than 100000 bytes; raise the limit with --max-csv-size",
                fifo.display()
            )
        );
    }
}
