//! Reading a problem: bytes or a file through the YAML front end
//! ([`super::yaml`]), the criteria library, validation and the CSV source.

use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use super::csv_input::{CsvSettings, CsvSource};
use super::diagnostic::{Diagnostic, DiagnosticKind, Diagnostics, FieldPath};
use super::library::CriteriaLibrary;
use super::raw::RawAlternatives;
use super::raw::{RawCriterion, RawProblem, Shape};
use super::rules::excerpt;
pub use super::validate::Admission;
use super::validate::{AlternativesSource, Issue};
use super::yaml::{locate, locate_warnings, one, parse};
use super::{Problem, validate};

/// Files larger than this are refused before parsing (16 MiB).
pub const DEFAULT_MAX_SIZE: u64 = 16 * 1024 * 1024;

pub use super::csv_input::DEFAULT_MAX_CSV_SIZE;

/// Where alternatives in CSV come from.
#[derive(Debug, Clone, Default)]
pub struct CsvPlan {
    /// A file named on the command line, replacing the problem's own.
    pub replacement: Option<CsvSource>,
    /// The folder `{csv: FILE}` paths start from.
    pub base_dir: PathBuf,
    /// Allow `{csv: FILE}` to leave that folder.
    pub allow_outside: bool,
    /// How to read the CSV.
    pub settings: CsvSettings,
}

/// How to load a problem.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Largest input accepted, in bytes.
    pub max_size: u64,
    /// The criteria library `use` draws from; the built-in one if `None`.
    pub library: Option<Arc<CriteriaLibrary>>,
    /// A CSV file of alternatives replacing the problem's own (a path from
    /// the command line: taken as given; `-` is standard input, unless the
    /// problem is read from there).
    pub alternatives_csv: Option<PathBuf>,
    /// The folder `alternatives: {csv: FILE}` is relative to: the problem
    /// file's folder ([`Problem::from_path`] sets it), else the working
    /// directory.
    pub base_dir: Option<PathBuf>,
    /// Let `{csv: FILE}` name a file outside that folder.
    pub allow_outside_paths: bool,
    /// Skip CSV columns that are not `id`, `name` or a leaf.
    pub ignore_extra_columns: bool,
    /// A last check of the validated problem, if any: what it finds is
    /// reported at load, located, like any other invalid input. For the
    /// options a problem will be ranked with, [`crate::pipeline::rankable`]
    /// gives one (a negative benefit score under `--method ahp`, ...).
    pub admit: Option<Admission>,
    /// Largest CSV source accepted, in bytes.
    pub max_csv_size: u64,
    /// The CSV field separator (`,`, `;`, tab or `|`); told from the
    /// header line when `None`.
    pub csv_delimiter: Option<u8>,
    /// The sheet to read when the alternatives are a spreadsheet (xlsx,
    /// xls, ods); the first sheet when `None`.
    pub sheet: Option<String>,
}

/// The CSV field separator named by `name`: `,`, `;`, `|`, or `tab` (also
/// a tab character or `\t`), as `--delimiter` and the Python option
/// `delimiter` take it.
///
/// ```
/// use innorank::problem::csv_delimiter;
/// assert_eq!(csv_delimiter("tab"), Ok(b'\t'));
/// assert!(csv_delimiter(":").unwrap_err().contains("`tab`"));
/// ```
///
/// # Errors
/// A message naming the accepted separators when `name` is none of them.
pub fn csv_delimiter(name: &str) -> Result<u8, String> {
    match name {
        "," => Ok(b','),
        ";" => Ok(b';'),
        "|" => Ok(b'|'),
        "tab" | "\t" | "\\t" => Ok(b'\t'),
        _ => Err(format!(
            "expected `,`, `;`, `|` or `tab`, found `{}`",
            name.escape_default()
        )),
    }
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_size: DEFAULT_MAX_SIZE,
            library: None,
            alternatives_csv: None,
            base_dir: None,
            allow_outside_paths: false,
            ignore_extra_columns: false,
            admit: None,
            max_csv_size: DEFAULT_MAX_CSV_SIZE,
            csv_delimiter: None,
            sheet: None,
        }
    }
}

impl LoadOptions {
    fn csv_plan(&self) -> CsvPlan {
        let settings = CsvSettings {
            ignore_extra_columns: self.ignore_extra_columns,
            delimiter: self.csv_delimiter,
            max_size: self.max_csv_size,
            sheet: self.sheet.clone(),
        };
        CsvPlan {
            replacement: self.alternatives_csv.as_ref().map(|path| {
                let stdin = path.as_os_str() == "-";
                CsvSource {
                    path: path.clone(),
                    display_name: if stdin {
                        "<stdin>".to_owned()
                    } else {
                        path.display().to_string()
                    },
                    stdin,
                    settings: settings.clone(),
                }
            }),
            base_dir: self.base_dir.clone().unwrap_or_default(),
            allow_outside: self.allow_outside_paths,
            settings,
        }
    }
}

impl Problem {
    /// Loads a problem from YAML text. `source` names the input in messages.
    ///
    /// ```
    /// let err = innorank::Problem::from_yaml_str("name: x\ncriteria: []\nalternatives: []\n", "p.yaml")
    ///     .unwrap_err();
    /// assert_eq!(err.len(), 2);
    /// assert_eq!(err.iter().next().unwrap().to_string(), "p.yaml:2:11: criteria: must list at least one criterion");
    /// ```
    ///
    /// # Errors
    ///
    /// Every problem found in the text, as [`Diagnostics`], located by line,
    /// column and field path.
    pub fn from_yaml_str(text: &str, source: &str) -> Result<Problem, Diagnostics> {
        Problem::from_bytes(text.as_bytes(), source, &LoadOptions::default())
    }

    /// Loads a problem from raw bytes (UTF-8, an optional byte-order mark).
    ///
    /// # Errors
    ///
    /// As [`Problem::from_yaml_str`]; also an input over
    /// [`LoadOptions::max_size`], and a CSV source of alternatives that cannot
    /// be read or is invalid.
    pub fn from_bytes(bytes: &[u8], source: &str, options: &LoadOptions) -> Result<Problem, Diagnostics> {
        let (mut raw, found): (RawProblem, _) = parse(bytes, source, Shape::Problem, options.max_size)?;
        let (issues, unresolved) = match &mut raw.criteria {
            Some(criteria) => resolve_library(criteria, options.library.as_ref()),
            None => Default::default(),
        };
        let alternatives = alternatives_source(raw.alternatives.take(), &options.csv_plan());
        match validate::validate(raw, issues, unresolved, alternatives, options.admit.as_ref()) {
            Ok(mut problem) if found.is_empty() => {
                locate_warnings(bytes, source, &mut problem.warnings);
                Ok(problem)
            }
            Ok(_) => Err(Diagnostics(found)),
            Err(rejected) => {
                let issues = without_echoes(&found, rejected.issues);
                let yaml = locate(bytes, source, issues).0;
                Err(Diagnostics(
                    found.into_iter().chain(yaml).chain(rejected.located).collect(),
                ))
            }
        }
    }

    /// Loads a problem file; `-` reads standard input.
    ///
    /// # Errors
    ///
    /// As [`Problem::from_bytes`]; also a file (or standard input) that cannot
    /// be read, and standard input asked for twice.
    pub fn from_path(path: &Path, options: &LoadOptions) -> Result<Problem, Diagnostics> {
        let source = path.display().to_string();
        let io_error = |e: std::io::Error| one(&source, None, DiagnosticKind::io(&e));
        let mut bytes = Vec::new();
        // Read at most one byte past the limit so a huge input costs nothing.
        let limit = options.max_size.saturating_add(1);
        if path.as_os_str() == "-" {
            let stdin = |csv: &Path| csv.as_os_str() == "-" || csv == Path::new("/dev/stdin");
            if options.alternatives_csv.as_deref().is_some_and(stdin) {
                return Err(one("<stdin>", None, DiagnosticKind::StdinTwice));
            }
            std::io::stdin()
                .lock()
                .take(limit)
                .read_to_end(&mut bytes)
                .map_err(io_error)?;
            return Problem::from_bytes(&bytes, "<stdin>", options);
        }
        std::fs::File::open(path)
            .and_then(|f| f.take(limit).read_to_end(&mut bytes))
            .map_err(io_error)?;
        let mut options = options.clone();
        if options.base_dir.is_none() {
            options.base_dir = path.parent().map(Path::to_path_buf);
        }
        Problem::from_bytes(&bytes, &source, &options)
    }
}

/// Drops "missing ..." reports about a mapping that has a misspelt key:
/// `score:` for `scores:` should not also give "missing score".
fn without_echoes(found: &[Diagnostic], issues: Vec<Issue>) -> Vec<Issue> {
    let typo_in: Vec<FieldPath> = found
        .iter()
        .filter(|d| matches!(d.kind, DiagnosticKind::UnknownKey { .. }))
        // A top-level key's mapping is the document itself (the root).
        .map(|d| d.location.path.parent().unwrap_or_default())
        .collect();
    issues
        .into_iter()
        .filter(|(path, kind)| !(kind.is_missing() && typo_in.iter().any(|m| path.starts_with(m))))
        .collect()
}

/// Where the alternatives come from: the CSV named on the command line,
/// the problem's own `{csv: FILE}` (relative to its folder), or its list; or
/// why there are none to read, at the field at fault.
pub(super) fn alternatives_source(
    alternatives: Option<RawAlternatives>,
    plan: &CsvPlan,
) -> Result<AlternativesSource, Issue> {
    match (&plan.replacement, alternatives) {
        (Some(file), _) => Ok(AlternativesSource::Csv(file.clone())),
        (None, Some(RawAlternatives::Csv(file))) => match csv_path(&file, plan) {
            Ok(path) => Ok(AlternativesSource::Csv(CsvSource {
                display_name: path.display().to_string(),
                path,
                stdin: false,
                settings: plan.settings.clone(),
            })),
            Err(kind) => Err((FieldPath::root().key("alternatives").key("csv"), kind)),
        },
        (None, Some(RawAlternatives::List(list))) if list.is_empty() => Err((
            FieldPath::root().key("alternatives"),
            DiagnosticKind::EmptyList("alternative"),
        )),
        (None, Some(RawAlternatives::List(list))) => Ok(AlternativesSource::List(list)),
        (None, None) => Err((FieldPath::root(), DiagnosticKind::NoAlternatives)),
    }
}

/// The file a problem's `{csv: FILE}` names: relative to the problem's
/// folder, and inside it unless allowed otherwise.
fn csv_path(file: &str, plan: &CsvPlan) -> Result<PathBuf, DiagnosticKind> {
    let path = Path::new(file);
    let escapes = path.is_absolute() || path.components().any(|c| matches!(c, Component::ParentDir));
    if escapes && !plan.allow_outside {
        return Err(DiagnosticKind::OutsidePath(excerpt(file)));
    }
    Ok(plan.base_dir.join(path))
}

/// Resolves every `use:` in the tree against `library` (the built-in one if
/// `None`): the first step of validation, for the loader and the builder.
/// Returns the issues found and the paths of the criteria left unresolved.
pub(super) fn resolve_library(
    criteria: &mut [RawCriterion],
    library: Option<&Arc<CriteriaLibrary>>,
) -> (Vec<Issue>, Vec<FieldPath>) {
    let (mut issues, mut unresolved) = (Vec::new(), Vec::new());
    if uses_library(criteria) {
        let library = library.cloned().unwrap_or_else(CriteriaLibrary::built_in);
        library.resolve(criteria, &FieldPath::root(), &mut issues, &mut unresolved);
    }
    (issues, unresolved)
}

/// Whether any criterion in the tree says `use`.
fn uses_library(criteria: &[RawCriterion]) -> bool {
    criteria
        .iter()
        .any(|c| c.use_.is_some() || c.criteria.as_deref().is_some_and(uses_library))
}
