//! The criteria library: reusable criterion definitions with scoring
//! rubrics, built into the binary (`criteria/*.yaml`) and extendable with
//! an organisation's own folder.
//!
//! A problem pulls a definition with `{use: risk}`; keys given beside `use`
//! override the library's (`{use: depth_breadth, target: 4}`).

use std::path::Path;
use std::sync::{Arc, OnceLock};

use super::diagnostic::{Diagnostic, DiagnosticKind, Diagnostics, FieldPath, Location, nearest};
use super::raw::{RawCriterion, Shape};
use super::validate::Issue;
use super::{Criteria, validate, yaml};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/library.rs"));
}

/// One library definition.
#[derive(Debug, Clone)]
pub struct LibraryEntry {
    /// The criterion's id, which `use` refers to.
    pub id: String,
    /// Where it came from: `built-in` or the file's path.
    pub source: String,
    /// The definition, validated (root's only child is the criterion).
    pub criteria: Criteria,
    raw: RawCriterion,
}

/// A set of library definitions, looked up by id.
///
/// ```
/// let library = innorank::problem::CriteriaLibrary::built_in();
/// assert!(library.get("risk").is_some());
/// ```
#[derive(Debug, Clone, Default)]
pub struct CriteriaLibrary {
    entries: Vec<LibraryEntry>,
}

impl CriteriaLibrary {
    /// The library shipped with innorank (shared, parsed once).
    ///
    /// # Panics
    ///
    /// Never in a released build: the embedded files are parsed by the tests
    /// (a broken built-in file panics on first use).
    pub fn built_in() -> Arc<CriteriaLibrary> {
        static BUILT_IN: OnceLock<Arc<CriteriaLibrary>> = OnceLock::new();
        BUILT_IN
            .get_or_init(|| {
                let mut library = CriteriaLibrary::default();
                for (stem, text) in embedded::BUILT_IN {
                    let entry = parse_entry(text.as_bytes(), &format!("criteria/{stem}.yaml"), "built-in")
                        .unwrap_or_else(|e| panic!("the built-in criteria library is valid (tested): {e}"));
                    library.insert(entry);
                }
                Arc::new(library)
            })
            .clone()
    }

    /// The built-in library with the definitions of `dir` added (see
    /// [`CriteriaLibrary::add_dir`]), as `--criteria-dir` asks; the
    /// built-in one itself when `dir` is `None`.
    ///
    /// ```
    /// use innorank::problem::CriteriaLibrary;
    /// let library = CriteriaLibrary::built_in_with(None).unwrap();
    /// assert!(std::sync::Arc::ptr_eq(&library, &CriteriaLibrary::built_in()));
    /// assert!(CriteriaLibrary::built_in_with(Some("no/such/folder".as_ref())).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// What [`CriteriaLibrary::add_dir`] finds wrong in `dir`.
    pub fn built_in_with(dir: Option<&Path>) -> Result<Arc<CriteriaLibrary>, Diagnostics> {
        let built_in = CriteriaLibrary::built_in();
        let Some(dir) = dir else {
            return Ok(built_in);
        };
        let mut library = (*built_in).clone();
        library.add_dir(dir)?;
        Ok(Arc::new(library))
    }

    /// Adds every `*.yaml` file of `dir`; a definition with the id of an
    /// existing one replaces it.
    ///
    /// # Errors
    ///
    /// A folder or file that cannot be read, or a definition that is not valid,
    /// as [`Diagnostics`]: every problem of every file.
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), Diagnostics> {
        let io = |e: std::io::Error| {
            Diagnostics(vec![Diagnostic {
                location: Location {
                    source: dir.display().to_string(),
                    ..Location::default()
                },
                kind: DiagnosticKind::io(&e),
            }])
        };
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .collect();
        paths.sort();
        let mut errors = Vec::new();
        for path in paths {
            let source = path.display().to_string();
            match std::fs::read(&path) {
                Ok(bytes) => match parse_entry(&bytes, &source, &source) {
                    Ok(entry) => self.insert(entry),
                    Err(d) => errors.extend(d.0),
                },
                Err(e) => errors.extend(io(e).0),
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Diagnostics(errors))
        }
    }

    fn insert(&mut self, entry: LibraryEntry) {
        match self.entries.iter_mut().find(|e| e.id == entry.id) {
            Some(existing) => *existing = entry,
            None => self.entries.push(entry),
        }
    }

    /// Every definition, built-in ones first, in file-name order.
    pub fn entries(&self) -> &[LibraryEntry] {
        &self.entries
    }

    /// The definition with this id.
    pub fn get(&self, id: &str) -> Option<&LibraryEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The definition of a family or of any sub-criterion in the library.
    fn find(&self, id: &str) -> Option<&RawCriterion> {
        fn search<'a>(c: &'a RawCriterion, id: &str) -> Option<&'a RawCriterion> {
            if c.id.as_ref().is_some_and(|i| i.0 == id) {
                return Some(c);
            }
            c.criteria.iter().flatten().find_map(|sub| search(sub, id))
        }
        self.get(id)
            .map(|e| &e.raw)
            .or_else(|| self.entries.iter().find_map(|e| search(&e.raw, id)))
    }

    /// Replaces every `use` in `criteria` (recursively) by the library
    /// definition with the given keys overriding it.
    /// Names that are not in the library are reported in `issues` (with
    /// the nearest id in the library), and the paths of the criteria that
    /// name them are returned in `unresolved`: what those criteria hold is
    /// unknown, so validation does not report what names them.
    pub(super) fn resolve(
        &self,
        criteria: &mut [RawCriterion],
        path: &FieldPath,
        issues: &mut Vec<Issue>,
        unresolved: &mut Vec<FieldPath>,
    ) {
        for (i, c) in criteria.iter_mut().enumerate() {
            let at = path.key("criteria").index(i);
            if let Some(name) = c.use_.take() {
                match self.find(&name.0) {
                    Some(base) => *c = merge(base, std::mem::take(c)),
                    None => {
                        // Keep the name as the id, for messages about the
                        // criterion's siblings.
                        if c.id.is_none() {
                            c.id = Some(name.clone());
                        }
                        unresolved.push(at.clone());
                        issues.push((
                            at.key("use"),
                            DiagnosticKind::UnknownLibraryCriterion {
                                suggestion: nearest(&name.0, self.ids().iter().map(String::as_str)),
                                name: name.0,
                                known: self.entries.iter().map(|e| e.id.clone()).collect(),
                            },
                        ));
                    }
                }
            }
            if let Some(sub) = &mut c.criteria {
                self.resolve(sub, &at, issues, unresolved);
            }
        }
    }

    /// Every id `use` accepts: the families and all their sub-criteria.
    fn ids(&self) -> Vec<String> {
        fn walk(c: &RawCriterion, out: &mut Vec<String>) {
            out.extend(c.id.as_ref().map(|t| t.0.clone()));
            c.criteria.iter().flatten().for_each(|sub| walk(sub, out));
        }
        let mut out = Vec::new();
        self.entries.iter().for_each(|e| walk(&e.raw, &mut out));
        out
    }
}

/// `over`'s keys win; sub-criteria given in `over` replace the library's,
/// and then the library's judgments (which name its own sub-criteria) are
/// not inherited either.
fn merge(base: &RawCriterion, over: RawCriterion) -> RawCriterion {
    let base = base.clone();
    let own_children = over.criteria.is_some();
    RawCriterion {
        id: over.id.or(base.id),
        use_: None,
        name: over.name.or(base.name),
        description: over.description.or(base.description),
        direction: over.direction.or(base.direction),
        unit: over.unit.or(base.unit),
        scale: over.scale.or(base.scale),
        target: over.target.or(base.target),
        levels: over.levels.or(base.levels),
        rubric: over.rubric.or(base.rubric),
        weight: over.weight.or(base.weight),
        criteria: over.criteria.or(base.criteria),
        comparisons: over.comparisons.or(if own_children { None } else { base.comparisons }),
        judges: over.judges.or(if own_children { None } else { base.judges }),
        matrix: over.matrix.or(if own_children { None } else { base.matrix }),
        derive: over.derive.or(base.derive),
        baseline: over.baseline.or(base.baseline),
    }
}

/// Parses and validates one library file.
fn parse_entry(bytes: &[u8], file: &str, source: &str) -> Result<LibraryEntry, Diagnostics> {
    let (raw, found): (RawCriterion, _) = yaml::parse(bytes, file, Shape::Criterion, u64::MAX)?;
    let (raw, criteria) = match validate::validate_entry(raw) {
        Ok(valid) if found.is_empty() => valid,
        Ok(_) => return Err(Diagnostics(found)),
        Err(issues) => {
            return Err(Diagnostics(
                found.into_iter().chain(yaml::locate(bytes, file, issues).0).collect(),
            ));
        }
    };
    Ok(LibraryEntry {
        id: criteria.node(1).id.clone(),
        source: source.to_owned(),
        criteria,
        raw,
    })
}
