//! Reading a problem file: the only module that names serde_yaml.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::csv_input::{CsvSettings, CsvSource};
use super::diagnostic::{Diagnostic, DiagnosticKind, Diagnostics, Location};
use super::library::CriteriaLibrary;
use super::raw::{RawCriterion, RawProblem, Shape};
use super::validate::{CsvPlan, Issue};
use super::{Problem, scan, validate};
use crate::Warning;

/// Files larger than this are refused before parsing (16 MiB).
pub const DEFAULT_MAX_SIZE: u64 = 16 * 1024 * 1024;

/// CSV sources larger than this are refused (4 GiB: some 50 million rows
/// of eight criteria). A pipe or device is read up to it, and no further.
pub const DEFAULT_MAX_CSV_SIZE: u64 = 4 << 30;

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
    /// The options the problem will be ranked with, if known: data they
    /// cannot rank (a negative benefit score under `--method ahp`, ...) is
    /// then reported at load, located, like any other invalid input.
    pub rank_with: Option<crate::RankOptions>,
    /// Largest CSV source accepted, in bytes.
    pub max_csv_size: u64,
    /// The CSV field separator (`,`, `;`, tab or `|`); told from the
    /// header line when `None`.
    pub csv_delimiter: Option<u8>,
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
            rank_with: None,
            max_csv_size: DEFAULT_MAX_CSV_SIZE,
            csv_delimiter: None,
        }
    }
}

impl LoadOptions {
    fn csv_plan(&self) -> CsvPlan {
        let settings = CsvSettings {
            ignore_extra_columns: self.ignore_extra_columns,
            delimiter: self.csv_delimiter,
            max_size: self.max_csv_size,
        };
        CsvPlan {
            replacement: self.alternatives_csv.as_ref().map(|path| {
                let stdin = path.as_os_str() == "-";
                CsvSource {
                    path: path.clone(),
                    shown: if stdin {
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
    /// assert_eq!(err.0[0].to_string(), "p.yaml:2:11: criteria: must list at least one criterion");
    /// ```
    pub fn from_yaml_str(text: &str, source: &str) -> Result<Problem, Diagnostics> {
        Problem::from_bytes(text.as_bytes(), source, &LoadOptions::default())
    }

    /// Loads a problem from raw bytes (UTF-8, an optional byte-order mark).
    pub fn from_bytes(bytes: &[u8], source: &str, options: &LoadOptions) -> Result<Problem, Diagnostics> {
        let (mut raw, found): (RawProblem, _) = parse(bytes, source, Shape::Problem, options.max_size)?;
        let (mut issues, mut unresolved) = (Vec::new(), Vec::new());
        if let Some(criteria) = &mut raw.criteria
            && uses_library(criteria)
        {
            let library = options.library.clone().unwrap_or_else(CriteriaLibrary::built_in);
            library.resolve(criteria, "", &mut issues, &mut unresolved);
        }
        match validate::validate(raw, issues, unresolved, &options.csv_plan(), options.rank_with.as_ref()) {
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
    pub fn from_path(path: &Path, options: &LoadOptions) -> Result<Problem, Diagnostics> {
        let source = path.display().to_string();
        let io_error = |e: std::io::Error| one(&source, None, DiagnosticKind::Io(e.to_string()));
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
    let typo_in: Vec<&str> = found
        .iter()
        .filter(|d| matches!(d.kind, DiagnosticKind::UnknownKey { .. }))
        .map(|d| {
            let path = &d.location.path;
            // A top-level key's mapping is the document itself ("").
            &path[..path.rfind(['.', '[']).unwrap_or(0)]
        })
        .collect();
    let inside = |path: &str, mapping: &str| {
        path.strip_prefix(mapping)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
    };
    issues
        .into_iter()
        .filter(|(path, kind)| !(kind.is_missing() && typo_in.iter().any(|m| inside(path, m))))
        .collect()
}

/// Whether any criterion in the tree says `use`.
pub(super) fn uses_library(criteria: &[RawCriterion]) -> bool {
    criteria
        .iter()
        .any(|c| c.use_.is_some() || c.criteria.as_deref().is_some_and(uses_library))
}

fn one(source: &str, found: Option<scan::Found>, kind: DiagnosticKind) -> Diagnostics {
    let location = match found {
        Some(f) => Location {
            source: source.to_owned(),
            line: f.line,
            column: f.column,
            path: f.path,
        },
        None => Location {
            source: source.to_owned(),
            ..Location::default()
        },
    };
    Diagnostics(vec![Diagnostic { location, kind }])
}

/// Guards, then deserialises a document whose top level has shape `root`.
///
/// Problems the scan found that do not stop deserialisation (unknown and
/// duplicate keys, merge keys, tags) come back beside the value, so they
/// are reported together with the problems validation finds.
pub(super) fn parse<T: DeserializeOwned>(
    bytes: &[u8],
    source: &str,
    root: Shape,
    max_size: u64,
) -> Result<(T, Vec<Diagnostic>), Diagnostics> {
    let located_one = |found: Box<scan::Found>| {
        let found = *found;
        let kind = found.kind.clone();
        one(source, Some(found), kind)
    };
    if bytes.len() as u64 > max_size {
        return Err(one(source, None, DiagnosticKind::TooLarge { limit: max_size }));
    }
    let text = scan::decode(bytes).map_err(located_one)?;
    scan::check_line_length(text).map_err(located_one)?;
    scan::check_flow_depth(text).map_err(located_one)?;
    let scanned = scan::scan(text, root).map_err(located_one)?;
    if scanned.empty {
        return Err(one(source, None, DiagnosticKind::Empty));
    }
    let found: Vec<Diagnostic> = scanned.found.into_iter().map(|f| located(source, f)).collect();
    // Merge keys and tags change what the document means: reading on would
    // only add confusing follow-up errors.
    if found
        .iter()
        .any(|d| matches!(d.kind, DiagnosticKind::MergeKey | DiagnosticKind::Tag(_)))
    {
        return Err(Diagnostics(found));
    }
    match serde_yaml::from_str(text) {
        Ok(value) => Ok((value, found)),
        Err(e) => {
            let mut all = found;
            // A repeated struct field is already reported by the scan.
            if all.is_empty() || !e.to_string().contains("duplicate field") {
                let mut diagnostic = from_serde(source, &e);
                // libyaml refuses some tabs yaml-rust2 lets through.
                if let (DiagnosticKind::Syntax(message), Some(line), Some(column)) =
                    (&diagnostic.kind, diagnostic.location.line, diagnostic.location.column)
                    && let Some(tab) = scan::misplaced_tab(text, message, line, column)
                {
                    diagnostic = located(source, tab);
                }
                all.push(diagnostic);
            }
            Err(Diagnostics(all))
        }
    }
}

/// Adds line and column to problems found after deserialisation, from
/// their field paths (or the nearest enclosing field that exists).
pub(super) fn locate(bytes: &[u8], source: &str, issues: Vec<Issue>) -> Diagnostics {
    let text = scan::decode(bytes).unwrap_or_default();
    let wanted: HashSet<String> = issues.iter().flat_map(|(path, _)| ancestors(path)).collect();
    let positions = scan::positions(text, &wanted);
    Diagnostics(
        issues
            .into_iter()
            .map(|(path, kind)| {
                let position = ancestors(&path).find_map(|p| positions.get(&p).copied());
                Diagnostic {
                    location: Location {
                        source: source.to_owned(),
                        line: position.map(|p| p.0),
                        column: position.map(|p| p.1),
                        path,
                    },
                    kind,
                }
            })
            .collect(),
    )
}

/// Adds the file, line and column to warnings about a value in the file
/// (a judgment off Saaty's scale), from their field paths, as [`locate`]
/// does for errors.
fn locate_warnings(bytes: &[u8], source: &str, warnings: &mut [Warning]) {
    let mut located: Vec<&mut Location> = warnings.iter_mut().filter_map(Warning::location_mut).collect();
    if located.is_empty() {
        return;
    }
    let text = scan::decode(bytes).unwrap_or_default();
    let wanted: HashSet<String> = located.iter().flat_map(|l| ancestors(&l.path)).collect();
    let positions = scan::positions(text, &wanted);
    for l in &mut located {
        let position = ancestors(&l.path).find_map(|p| positions.get(&p).copied());
        l.source = source.to_owned();
        l.line = position.map(|p| p.0);
        l.column = position.map(|p| p.1);
    }
}

/// `a.b[2].c`, then `a.b[2]`, `a.b`, `a`: the path and its ancestors.
fn ancestors(path: &str) -> impl Iterator<Item = String> + '_ {
    let mut next = Some(path.to_owned());
    std::iter::from_fn(move || {
        let current = next.take()?;
        if !current.is_empty() {
            let cut = current.rfind(['.', '[']).unwrap_or(0);
            next = Some(current[..cut].to_owned());
        }
        Some(current)
    })
}

fn located(source: &str, found: scan::Found) -> Diagnostic {
    Diagnostic {
        location: Location {
            source: source.to_owned(),
            line: found.line,
            column: found.column,
            path: found.path,
        },
        kind: found.kind,
    }
}

/// What the serde model's type names mean to a user.
const TYPE_NAMES: [(&str, &str); 7] = [
    (
        "struct RawProblem",
        "a problem: a mapping with `name`, `criteria` and `alternatives`",
    ),
    ("struct RawCriterion", "a criterion: a mapping with `id` (or `use`)"),
    (
        "struct RawAlternative",
        "an alternative: a mapping with `id` and `scores`",
    ),
    ("struct RawScale", "a scale: `{min: ..., max: ...}`"),
    (
        "struct RawRule",
        "a screening rule: `{criterion: ..., min: ..., max: ...}`",
    ),
    ("struct Text", "text"),
    ("enum RawDirection", "`benefit`, `cost` or `target`"),
];

/// Splits serde_yaml's `PATH: MESSAGE at line L column C` into its parts.
fn from_serde(source: &str, e: &serde_yaml::Error) -> Diagnostic {
    let mut message = e.to_string();
    for (internal, meaning) in TYPE_NAMES {
        message = message.replace(internal, meaning);
    }
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    let mut path = String::new();
    if let Some((p, rest)) = message.split_once(": ")
        && !p.contains(' ')
    {
        path = p.to_owned();
        message = rest.to_owned();
    }
    Diagnostic {
        location: Location {
            source: source.to_owned(),
            line: e.location().map(|l| l.line()),
            column: e.location().map(|l| l.column()),
            path,
        },
        kind: DiagnosticKind::Syntax(message),
    }
}
