//! Alternatives from a spreadsheet (xlsx, xlsm, xlsb, xls, ods): the only
//! module that names calamine.
//!
//! The first row of the sheet (`--sheet NAME`, else the first sheet) is the
//! header and each row below an alternative, read by the CSV reader's own
//! header and cell rules ([`map_header`],
//! [`interval_cell`](super::interval_cell)), so a
//! workbook accepts exactly what the same table saved as CSV does. A number
//! cell is taken as its number (no text round trip); a text cell as CSV
//! text. Problems are located at their cell: `proposals.xlsx!Sheet1!C7`.

use std::path::Path;

use calamine::{Data, DataRef, Reader, Sheets, open_workbook_auto};
use piecewise::{Head, Stream};
use rows::{RowReader, SheetLayout};
use table::{Cell, Sparse, Table, Value, text};

mod ods;
mod piecewise;
mod rows;
mod scan;
mod stream;
mod table;
mod usual;
mod xlsx;
mod xml;

use super::{Column, CsvAlternatives, CsvSource, Errors, Rows, column_name, excerpt, failure, gather, map_header};
use crate::input::diagnostic::{Diagnostic, DiagnosticKind, FieldPath};
use crate::input::{Criteria, Leaf};

/// The file extensions read as spreadsheets.
const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// Whether `path` names a spreadsheet, by its extension.
pub(super) fn is_spreadsheet(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Reads every alternative of the spreadsheet `source` for the leaves of
/// `criteria`: the rows of the usual xlsx sheet as it is inflated (see
/// [`piecewise`]), any other sheet as a whole [`Table`].
pub(super) fn read(source: &CsvSource, criteria: &Criteria) -> Result<CsvAlternatives, Vec<Diagnostic>> {
    within_limit(source)?;
    let is_xlsx = source
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm"));
    let book = is_xlsx.then(|| xlsx::Book::open(&source.path)).flatten();
    let leaves: Vec<(&str, &Leaf)> = criteria.leaves().map(|(c, l)| (c.id.as_str(), l)).collect();
    if let Some(book) = &book {
        let sheet = choose(source, &book.names())?;
        let stream = stream_chunk().and_then(|chunk| book.stream(&sheet, source.settings.max_size, chunk));
        if let Some(found) = stream.and_then(|stream| streamed(source, criteria, &leaves, &sheet, stream)) {
            return found;
        }
    }
    let (sheet, table) = load(source, book.as_ref())?;
    let names = table.rows().next().unwrap_or_default();
    let names = names.iter().map(|v| table.text(v).into_owned()).collect();
    let (columns, cells) = header(source, criteria, &leaves, &sheet, names, table.start.1)?;
    let layout = SheetLayout {
        columns: &columns,
        leaves: &leaves,
        names: &cells.names,
        shown: &cells.shown,
    };
    let reader = RowReader {
        layout: &layout,
        strings: table.strings(),
    };
    let parsed = rows::parse_rows(&table, &reader);
    finish(source, parsed, cells)
}

/// Refuses a workbook larger than `--max-csv-size` allows: what a zip
/// workbook (xlsx, xlsb, ods) unpacks to, as its entries declare it (the
/// zip reader stops each entry there), or the file itself (xls). Checked
/// once, before any reader, since calamine takes no limit.
fn within_limit(source: &CsvSource) -> Result<(), Vec<Diagnostic>> {
    let limit = source.settings.max_size;
    let size = match xlsx::unpacked_size(&source.path) {
        Some(size) => size,
        None => std::fs::metadata(&source.path).map_or(0, |m| m.len()),
    };
    if size <= limit {
        return Ok(());
    }
    let message = format!(
        "the workbook unpacks to {size} bytes, more than the limit of {limit} bytes; raise it with --max-csv-size"
    );
    Err(failure(source, None, DiagnosticKind::Spreadsheet(message)))
}

/// The alternatives of the usual xlsx sheet, read as it is inflated;
/// `None` if the sheet is not the usual one, or if its header has
/// problems (which the whole table's reader then reports).
fn streamed(
    source: &CsvSource,
    criteria: &Criteria,
    leaves: &[(&str, &Leaf)],
    sheet: &str,
    (head, stream): (Head, Stream),
) -> Option<Result<CsvAlternatives, Vec<Diagnostic>>> {
    let names = head.cells.iter().map(|v| text(&head.strings, v).into_owned()).collect();
    let (columns, cells) = header(source, criteria, leaves, sheet, names, head.start.1).ok()?;
    let layout = SheetLayout {
        columns: &columns,
        leaves,
        names: &cells.names,
        shown: &cells.shown,
    };
    let reader = RowReader {
        layout: &layout,
        strings: &head.strings,
    };
    // A row of cells takes at least 30 bytes of XML (`<row><c><v>0</v></c></row>`).
    let new = |bytes: usize| reader.part(bytes / 30);
    let parts = stream.rows(new, |part, row, cells| reader.row(part, row, cells))?;
    #[cfg(test)]
    hooks::STREAMED.with(|s| s.set(true));
    Some(finish(source, rows::join(parts), cells))
}

/// How many bytes of an xlsx sheet are inflated at a time when it is
/// streamed; `None` (in tests only) to read it as a whole table.
fn stream_chunk() -> Option<usize> {
    #[cfg(test)]
    return hooks::STREAM.with(std::cell::Cell::get);
    #[cfg(not(test))]
    Some(stream::CHUNK)
}

/// Test hooks: how [`read`] reads xlsx sheets, and how it read the last.
#[cfg(test)]
mod hooks {
    use std::cell::Cell;

    thread_local! {
        /// The chunk size of streamed sheets; `None` to read them whole.
        pub(super) static STREAM: Cell<Option<usize>> = const { Cell::new(Some(super::stream::CHUNK)) };
        /// Set when a sheet was streamed.
        pub(super) static STREAMED: Cell<bool> = const { Cell::new(false) };
    }
}

/// The columns of a sheet's header row (`names`, the first in sheet
/// column `left`) and how to name its cells; or the header's problems,
/// at their cells.
fn header(
    source: &CsvSource,
    criteria: &Criteria,
    leaves: &[(&str, &Leaf)],
    sheet: &str,
    names: Vec<String>,
    left: u32,
) -> Result<(Vec<Column>, SheetCells), Vec<Diagnostic>> {
    let shown = format!("{}!{sheet}", source.display_name);
    let mut errors = Errors {
        shown: &shown,
        list: Vec::new(),
    };
    let record = csv::ByteRecord::from(names);
    let ignore = source.settings.ignore_extra_columns;
    let columns = map_header(&record, criteria, leaves, ignore, &mut errors);
    let cells = SheetCells {
        shown: shown.clone(),
        names: record.iter().map(column_name).collect(),
        left,
    };
    if !errors.list.is_empty() {
        return Err(cells.locate(errors.list));
    }
    Ok((columns, cells))
}

/// The alternatives of the data rows read, or their problems at their
/// cells.
fn finish(source: &CsvSource, rows: Rows, cells: SheetCells) -> Result<CsvAlternatives, Vec<Diagnostic>> {
    let errors = Errors {
        shown: &cells.shown,
        list: Vec::new(),
    };
    let mut found = gather(source, rows, Vec::new(), errors).map_err(|list| cells.locate(list))?;
    found.cells = Some(cells);
    Ok(found)
}

/// The sheet to read (`--sheet`, else the first) and its cells: from an
/// xlsx workbook (`book`) by the fast reader when it can, else by
/// calamine.
fn load(source: &CsvSource, book: Option<&xlsx::Book>) -> Result<(String, Table), Vec<Diagnostic>> {
    let spreadsheet = |e: &dyn std::fmt::Display| failure(source, None, DiagnosticKind::Spreadsheet(e.to_string()));
    let laid_out = |sheet: String, table: Result<Table, Sparse>| match table {
        Ok(table) => Ok((sheet, table)),
        Err(sparse) => Err(spreadsheet(&too_sparse(&sheet, sparse))),
    };
    if let Some(book) = book {
        let sheet = choose(source, &book.names())?;
        if let Some(table) = book.table(&sheet, source.settings.max_size) {
            return laid_out(sheet, table);
        }
    }
    if let Some((part, claimed, size)) = xlsx::overclaimed_strings(&source.path) {
        let message = format!("its shared strings ({part}) claim {claimed} strings in {size} bytes");
        return Err(spreadsheet(&message));
    }
    // Calamine lays out every sheet of an ods file as it opens it.
    let is_ods = source.path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ods"));
    if let Some(content) = is_ods.then(|| xlsx::part(&source.path, "content.xml")).flatten() {
        match ods::refusal(&content) {
            Some(ods::Refusal::Unclosed(element)) => {
                let message = format!("its content.xml is cut short or malformed: `<{element}>` is not closed");
                return Err(spreadsheet(&message));
            }
            Some(ods::Refusal::Sparse(sheet, sparse)) => return Err(spreadsheet(&too_sparse(&sheet, sparse))),
            None => {}
        }
    }
    let mut book = open_workbook_auto(&source.path).map_err(|e| spreadsheet(&e))?;
    let sheet = choose(source, &book.sheet_names())?;
    // xlsx and xlsb cells one by one, not as calamine's range of every
    // place from the first cell to the last (gigabytes for a stray cell
    // at `XFD1048576`); xls and ods sheets are ranges when opened.
    let cells = match &mut book {
        Sheets::Xlsx(xlsx) => {
            let mut reader = xlsx.worksheet_cells_reader(&sheet).map_err(|e| spreadsheet(&e))?;
            one_by_one(|| reader.next_cell()).map_err(|e| spreadsheet(&e))?
        }
        Sheets::Xlsb(xlsb) => {
            let mut reader = xlsb.worksheet_cells_reader(&sheet).map_err(|e| spreadsheet(&e))?;
            one_by_one(|| reader.next_cell()).map_err(|e| spreadsheet(&e))?
        }
        other => range_cells(&other.worksheet_range(&sheet).map_err(|e| spreadsheet(&e))?),
    };
    laid_out(
        sheet,
        Table::from_cells(from_calamine(cells), table::Strings::default()),
    )
}

/// Why sheet `sheet` is not read: its cells are [`Sparse`].
fn too_sparse(sheet: &str, sparse: Sparse) -> String {
    let (top, left, bottom, right) = sparse.corners;
    format!(
        "the cells of sheet `{sheet}` lie between {}{} and {}{} ({} rows x {} columns) but only {} hold anything: \
         delete the stray cells far from the table (Ctrl+End shows the last one), or save the sheet as CSV",
        letters(left as usize),
        u64::from(top) + 1,
        letters(right as usize),
        u64::from(bottom) + 1,
        u64::from(bottom - top) + 1,
        u64::from(right - left) + 1,
        sparse.cells
    )
}

/// The sheet `source` asks for, or the first of `names`.
fn choose(source: &CsvSource, names: &[String]) -> Result<String, Vec<Diagnostic>> {
    match &source.settings.sheet {
        Some(asked) if !names.contains(asked) => {
            let sheets = names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
            let kind = DiagnosticKind::UnknownSheet {
                sheet: excerpt(asked),
                sheets,
            };
            Err(failure(source, None, kind))
        }
        Some(asked) => Ok(asked.clone()),
        None => names.first().cloned().ok_or_else(|| {
            let kind = DiagnosticKind::Spreadsheet("the workbook has no sheet".to_owned());
            failure(source, None, kind)
        }),
    }
}

/// A calamine cell at its 0-based row and column.
type Placed = ((u32, u32), Data);

/// The cells a calamine cells reader gives, `next` one at a time.
fn one_by_one<'a, E>(
    mut next: impl FnMut() -> Result<Option<calamine::Cell<DataRef<'a>>>, E>,
) -> Result<Vec<Placed>, E> {
    std::iter::from_fn(|| next().transpose())
        .map(|cell| cell.map(|c| (c.get_position(), Data::from(c.get_value().clone()))))
        .collect()
}

/// The cells of calamine's range of a sheet, at their 0-based row and
/// column.
fn range_cells(range: &calamine::Range<Data>) -> Vec<Placed> {
    let (top, left) = range.start().unwrap_or((0, 0));
    range
        .used_cells()
        .map(|(row, column, cell)| ((top + row as u32, left + column as u32), cell.clone()))
        .collect()
}

/// Calamine's non-empty cells, at their 0-based row and column, as this
/// reader's.
fn from_calamine(cells: Vec<Placed>) -> Vec<Cell> {
    cells
        .into_iter()
        .filter(|(_, cell)| !matches!(cell, Data::Empty))
        .map(|((row, column), cell)| {
            let value = match cell {
                Data::Float(v) => Value::Number(v),
                Data::Int(v) => Value::Int(v),
                Data::Bool(b) => Value::Bool(b),
                Data::DateTime(d) => Value::Number(d.as_f64()),
                Data::String(s) => Value::Text(s.into()),
                other => Value::Text(other.to_string().into()),
            };
            (row, column, value)
        })
        .collect()
}

/// How to name the cell of a sheet's row and column, so that problems
/// found after reading (in portfolio cells, or scores a method refuses)
/// are located as the reader's own are.
#[derive(Debug, Clone)]
pub(crate) struct SheetCells {
    /// `FILE!SHEET`.
    shown: String,
    /// The header's column names, as messages show them.
    names: Vec<String>,
    /// The sheet column of the table's first column (0 for A).
    left: u32,
}

impl SheetCells {
    /// Moves each problem found at a row (its line) and a column to its
    /// cell (`FILE!SHEET!C7`): the source names the cell, the line is
    /// dropped. Problems at no column of the table stay as they are.
    pub(crate) fn locate(&self, list: Vec<Diagnostic>) -> Vec<Diagnostic> {
        list.into_iter()
            .map(|mut d| {
                let Some(line) = d.location.line else { return d };
                let column = self
                    .names
                    .iter()
                    .position(|n| d.location.path == FieldPath::column(n))
                    .map(|i| letters(self.left as usize + i));
                if let Some(column) = column {
                    d.location.source = format!("{}!{column}{line}", self.shown);
                    d.location.line = None;
                }
                d
            })
            .collect()
    }
}

/// The spreadsheet name of the 0-based `column`: A, ..., Z, AA, ...
fn letters(column: usize) -> String {
    let mut n = column + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::table::{Table, Value};

    /// A workbook at a temporary path with sheet `Data` (after `Notes`)
    /// holding every kind of cell the fast reader takes, and `Errors`
    /// holding one it leaves to calamine.
    fn workbook(name: &str) -> std::path::PathBuf {
        use rust_xlsxwriter::{Format, Formula, Workbook};
        let path = std::env::temp_dir().join(format!("innorank-unit-{name}-{}.xlsx", std::process::id()));
        let mut book = Workbook::new();
        book.add_worksheet()
            .set_name("Notes")
            .unwrap()
            .write(0, 0, "x")
            .unwrap();
        let ws = book.add_worksheet().set_name("Data & more").unwrap();
        let bold = Format::new().set_bold();
        ws.write(2, 1, "id").unwrap().write(2, 2, "gain").unwrap();
        ws.write(3, 1, "a <1> & 'b'").unwrap().write(3, 2, 1.25).unwrap();
        ws.write(3, 4, true).unwrap().write(4, 2, 1e20).unwrap();
        ws.write_formula(4, 1, Formula::new("1+1").set_result("2")).unwrap();
        ws.write_rich_string(5, 1, &[(&bold, "rich "), (&Format::new(), "text")])
            .unwrap();
        ws.write_blank(6, 1, &bold).unwrap().write(7, 3, -3.5).unwrap();
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 1, 2).unwrap();
        ws.write_datetime_with_format(7, 2, &date, &Format::new().set_num_format("yyyy-mm-dd"))
            .unwrap();
        let errors = book.add_worksheet().set_name("Errors").unwrap();
        errors
            .write_formula(0, 0, Formula::new("1/0").set_result("#DIV/0!"))
            .unwrap();
        book.save(&path).unwrap();
        path
    }

    /// Calamine's range of a sheet as a table.
    fn from_range(range: &calamine::Range<calamine::Data>) -> Table {
        let cells = super::from_calamine(super::range_cells(range));
        Table::from_cells(cells, super::table::Strings::default()).unwrap()
    }

    /// A table's cells as text and number, row by row, and where it starts.
    type Seen = (Vec<Vec<(String, Option<f64>)>>, (u32, u32));

    /// What the row reader sees of `table`.
    fn cells(table: &Table) -> Seen {
        let number = |v: &Value| match v {
            Value::Number(n) => Some(*n),
            _ => None,
        };
        let rows = table
            .rows()
            .map(|row| row.iter().map(|v| (table.text(v).into_owned(), number(v))).collect())
            .collect();
        (rows, table.start)
    }

    #[test]
    fn the_fast_xlsx_reader_reads_what_calamine_reads() {
        use calamine::Reader as _;
        let path = workbook("fast");
        let fast = super::xlsx::Book::open(&path).expect("an xlsx the fast reader opens");
        assert_eq!(fast.names(), ["Notes", "Data & more", "Errors"]);
        let mut slow = calamine::open_workbook_auto(&path).unwrap();
        for sheet in ["Notes", "Data & more"] {
            let table = fast
                .table(sheet, u64::MAX)
                .expect("cells the fast reader takes")
                .unwrap();
            let range = slow.worksheet_range(sheet).unwrap();
            assert_eq!(cells(&table), cells(&from_range(&range)), "{sheet}");
        }
        assert!(
            fast.table("Errors", u64::MAX).is_none(),
            "an error cell is left to calamine"
        );
        assert!(fast.table("Data & more", 100).is_none(), "larger than allowed");
        let _ = std::fs::remove_file(path);
    }

    /// A cell to write: a number, a text, a boolean, or nothing.
    #[derive(Debug, Clone)]
    enum Written {
        Number(f64),
        Text(String),
        Bool(bool),
        Blank,
    }

    fn written() -> impl proptest::strategy::Strategy<Value = Written> {
        use proptest::prelude::*;
        prop_oneof![
            any::<f64>()
                .prop_filter("finite", |v| v.is_finite())
                .prop_map(Written::Number),
            (-1000i32..1000).prop_map(|v| Written::Number(f64::from(v) / 8.0)),
            "[ a-z0-9&<>'\"_.;-]{0,12}".prop_map(Written::Text),
            any::<bool>().prop_map(Written::Bool),
            Just(Written::Blank),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

        /// Whatever plain cells a sheet holds, wherever they start, the
        /// fast reader reads them as calamine does.
        #[test]
        fn fast_and_calamine_agree_on_any_plain_sheet(
            grid in proptest::collection::vec(proptest::collection::vec(written(), 1..6), 0..8),
            top in 0u32..3,
            left in 0u16..3,
            chunk in 16usize..400,
        ) {
            use calamine::Reader as _;
            let path = std::env::temp_dir().join(format!("innorank-unit-agree-{}.xlsx", std::process::id()));
            let mut book = rust_xlsxwriter::Workbook::new();
            let ws = book.add_worksheet();
            for (r, row) in grid.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    let (r, c) = (top + r as u32, left + c as u16);
                    match cell {
                        Written::Number(v) => ws.write_number(r, c, *v).map(|_| ()),
                        Written::Text(t) => ws.write_string(r, c, t).map(|_| ()),
                        Written::Bool(b) => ws.write_boolean(r, c, *b).map(|_| ()),
                        Written::Blank => Ok(()),
                    }
                    .unwrap();
                }
            }
            book.save(&path).unwrap();
            let fast = super::xlsx::Book::open(&path).unwrap().table("Sheet1", u64::MAX).unwrap().unwrap();
            // Inflated a few rows at a time: the rows read in many pieces.
            let pieces = super::xlsx::Book::open(&path).unwrap().chunked(chunk).table("Sheet1", u64::MAX).unwrap().unwrap();
            let range = calamine::open_workbook_auto(&path).unwrap().worksheet_range("Sheet1").unwrap();
            let _ = std::fs::remove_file(&path);
            let slow = cells(&from_range(&range));
            proptest::prop_assert_eq!(cells(&fast), slow.clone());
            proptest::prop_assert_eq!(cells(&pieces), slow);
        }
    }

    /// A cell of a row of alternatives: what the id, gain and risk
    /// columns may hold (numbers, levels, intervals, blanks, mistakes).
    fn row_cell() -> impl proptest::strategy::Strategy<Value = Written> {
        use proptest::prelude::*;
        prop_oneof![
            4 => (-5i32..120).prop_map(|v| Written::Number(f64::from(v) / 4.0)),
            2 => proptest::sample::select(vec!["low", "high", "low..high", "2..3", "a1", "x y", " 7 "])
                .prop_map(|t| Written::Text(t.to_owned())),
            1 => Just(Written::Blank),
            1 => any::<bool>().prop_map(Written::Bool),
        ]
    }

    /// The alternatives, scores and intervals loaded, or the messages.
    type Loaded = Result<
        (
            crate::model::Alternatives,
            crate::DecisionMatrix,
            Vec<crate::model::ScoreInterval>,
        ),
        String,
    >;

    /// The problem `p.yaml` beside the workbook at `path` read with it,
    /// streamed in chunks of `chunk` bytes or (`None`) as a whole table,
    /// and whether it was streamed.
    fn load_sheet(path: &std::path::Path, chunk: Option<usize>) -> (Loaded, bool) {
        let dir = path.parent().unwrap();
        let options = crate::input::LoadOptions {
            alternatives_csv: Some(path.to_owned()),
            ..crate::input::LoadOptions::default()
        };
        super::hooks::STREAM.with(|s| s.set(chunk));
        super::hooks::STREAMED.with(|s| s.set(false));
        let loaded = crate::Problem::from_path(&dir.join("p.yaml"), &options);
        super::hooks::STREAM.with(|s| s.set(Some(super::stream::CHUNK)));
        let loaded = loaded
            .map(|p| (p.alternatives, p.scores, p.score_intervals))
            .map_err(|e: crate::diagnostic::Diagnostics| e.to_string());
        (loaded, super::hooks::STREAMED.with(std::cell::Cell::get))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]

        /// Whatever rows a sheet of alternatives holds, wherever its table
        /// starts, and whatever lies beside it, reading its rows as the
        /// sheet is inflated (in pieces of a few rows) gives the same
        /// alternatives, values and messages as reading the whole table;
        /// and a table with nothing beside it is read that way.
        #[test]
        fn streamed_sheets_read_as_whole_tables(
            rows in proptest::collection::vec((proptest::collection::vec(row_cell(), 3), 0u8..12), 0..60),
            top in 0u32..3,
            left in 0u16..3,
            beside in proptest::option::of((0usize..60, proptest::bool::ANY)),
            chunk in 40usize..600,
        ) {
            let dir = std::env::temp_dir().join(format!("innorank-unit-streamed-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let yaml = "name: s\ncriteria:\n  - {id: gain, scale: {min: 0, max: 25}}\n  - {id: risk, direction: cost, levels: {low: 1, high: 5}}\n";
            std::fs::write(dir.join("p.yaml"), yaml).unwrap();
            let mut book = rust_xlsxwriter::Workbook::new();
            let ws = book.add_worksheet();
            for (c, name) in ["id", "gain", "risk"].iter().enumerate() {
                ws.write_string(top, left + c as u16, *name).unwrap();
            }
            let mut r = top;
            for (n, (cells, gap)) in rows.iter().enumerate() {
                // Now and then empty rows between rows.
                r += 1 + u32::from(*gap == 0) * 3;
                for (c, cell) in cells.iter().enumerate() {
                    let c = left + c as u16;
                    match cell {
                        // Ids mostly unique, some repeated.
                        _ if c == left && n % 7 != 3 => ws.write_string(r, c, format!("a{}", n % 40)).map(|_| ()),
                        Written::Number(v) => ws.write_number(r, c, *v).map(|_| ()),
                        Written::Text(t) => ws.write_string(r, c, t).map(|_| ()),
                        Written::Bool(b) => ws.write_boolean(r, c, *b).map(|_| ()),
                        Written::Blank => Ok(()),
                    }
                    .unwrap();
                }
                if let Some((at, right)) = beside.filter(|(at, _)| *at == n) {
                    let c = if right { left + 3 } else { left.saturating_sub(1) };
                    ws.write_number(r, c, at as f64).unwrap();
                }
            }
            let path = dir.join("a.xlsx");
            book.save(&path).unwrap();
            let (whole, _) = load_sheet(&path, None);
            let (streamed, was) = load_sheet(&path, Some(chunk));
            let _ = std::fs::remove_dir_all(&dir);
            proptest::prop_assert_eq!(streamed, whole);
            let alone = beside.is_none_or(|(at, right)| at >= rows.len() || (!right && left == 0));
            proptest::prop_assert!(was == alone, "streamed: {}", was);
        }
    }

    #[test]
    fn column_letters() {
        let names: Vec<String> = [0, 25, 26, 51, 52, 701, 702].into_iter().map(super::letters).collect();
        assert_eq!(names, ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
    }
}
