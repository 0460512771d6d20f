//! Reading a problem file: the only module that names serde_yaml.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use super::diagnostic::{Diagnostic, DiagnosticKind, Diagnostics, Location};
use super::raw::RawProblem;
use super::{Problem, scan, validate};

/// Files larger than this are refused before parsing (16 MiB).
pub const DEFAULT_MAX_SIZE: u64 = 16 * 1024 * 1024;

/// How to load a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Largest input accepted, in bytes.
    pub max_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_size: DEFAULT_MAX_SIZE,
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
        Problem::from_bytes(text.as_bytes(), source, LoadOptions::default())
    }

    /// Loads a problem from raw bytes (UTF-8, an optional byte-order mark).
    pub fn from_bytes(bytes: &[u8], source: &str, options: LoadOptions) -> Result<Problem, Diagnostics> {
        let one = |found: Box<scan::Found>| Diagnostics(vec![located(source, *found)]);
        if bytes.len() as u64 > options.max_size {
            return Err(Diagnostics(vec![Diagnostic {
                location: Location {
                    source: source.to_owned(),
                    ..Location::default()
                },
                kind: DiagnosticKind::TooLarge {
                    limit: options.max_size,
                },
            }]));
        }
        let text = scan::decode(bytes).map_err(one)?;
        scan::check_flow_depth(text).map_err(one)?;
        let scanned = scan::scan(text).map_err(one)?;
        if !scanned.found.is_empty() {
            return Err(Diagnostics(
                scanned.found.into_iter().map(|f| located(source, f)).collect(),
            ));
        }
        if scanned.empty {
            return Err(Diagnostics(vec![Diagnostic {
                location: Location {
                    source: source.to_owned(),
                    ..Location::default()
                },
                kind: DiagnosticKind::Empty,
            }]));
        }
        let raw: RawProblem = serde_yaml::from_str(text).map_err(|e| Diagnostics(vec![from_serde(source, &e)]))?;
        validate::validate(raw).map_err(|issues| {
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
        })
    }

    /// Loads a problem file; `-` reads standard input.
    pub fn from_path(path: &Path, options: LoadOptions) -> Result<Problem, Diagnostics> {
        let source = path.display().to_string();
        let io_error = |e: std::io::Error| {
            Diagnostics(vec![Diagnostic {
                location: Location {
                    source: source.clone(),
                    ..Location::default()
                },
                kind: DiagnosticKind::Io(e.to_string()),
            }])
        };
        let mut bytes = Vec::new();
        // Read at most one byte past the limit so a huge input costs nothing.
        let limit = options.max_size.saturating_add(1);
        if path.as_os_str() == "-" {
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
        Problem::from_bytes(&bytes, &source, options)
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

/// Splits serde_yaml's `PATH: MESSAGE at line L column C` into its parts.
fn from_serde(source: &str, e: &serde_yaml::Error) -> Diagnostic {
    let mut message = e.to_string();
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
