//! The guarded YAML front end: bytes -> a serde value of the raw model,
//! with every finding located (`file:line:col: field.path`). The only module
//! that names serde_yaml; the problem loader and the criteria library both
//! read their documents through [`parse`] and locate later findings with
//! [`locate`].

use std::collections::HashSet;

use serde::de::DeserializeOwned;

use super::diagnostic::{Diagnostic, DiagnosticKind, Diagnostics, FieldPath, Location};
use super::raw::Shape;
use super::scan;
use super::validate::Issue;
use crate::Warning;

pub(super) fn one(source: &str, found: Option<Diagnostic>, kind: DiagnosticKind) -> Diagnostics {
    let location = Location {
        source: source.to_owned(),
        ..found.map(|f| f.location).unwrap_or_default()
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
    let located_one = |found: Box<Diagnostic>| {
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

/// Adds line and column to issues found after deserialisation, from
/// their field paths (or the nearest enclosing field that exists).
pub(super) fn locate(bytes: &[u8], source: &str, issues: Vec<Issue>) -> Diagnostics {
    let text = scan::decode(bytes).unwrap_or_default();
    let wanted: HashSet<FieldPath> = issues.iter().flat_map(|(path, _)| path.ancestors()).collect();
    let positions = scan::positions(text, &wanted);
    Diagnostics(
        issues
            .into_iter()
            .map(|(path, kind)| {
                let position = path.ancestors().find_map(|p| positions.get(&p).copied());
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
pub(super) fn locate_warnings(bytes: &[u8], source: &str, warnings: &mut [Warning]) {
    let mut located: Vec<&mut Location> = warnings.iter_mut().filter_map(Warning::location_mut).collect();
    if located.is_empty() {
        return;
    }
    let text = scan::decode(bytes).unwrap_or_default();
    let wanted: HashSet<FieldPath> = located.iter().flat_map(|l| l.path.ancestors()).collect();
    let positions = scan::positions(text, &wanted);
    for l in &mut located {
        let position = l.path.ancestors().find_map(|p| positions.get(&p).copied());
        l.source = source.to_owned();
        l.line = position.map(|p| p.0);
        l.column = position.map(|p| p.1);
    }
}

/// `found`, a guard's error, in the file `source`.
fn located(source: &str, mut found: Diagnostic) -> Diagnostic {
    found.location.source = source.to_owned();
    found
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

/// serde_yaml's path text (`criteria[2].scores`) as a [`FieldPath`]. The
/// one place a path is read back from text, because serde_yaml gives only
/// text; a path that would not show exactly as written (a key holding `.`
/// or `[`) is kept whole as one key, so the message stays as serde_yaml
/// wrote it.
fn serde_path(text: &str) -> FieldPath {
    let mut path = FieldPath::root();
    for part in text.split('.') {
        let (key, mut indices) = part.split_once('[').map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            path = path.key(key);
        }
        while let Some((index, rest)) = indices.split_once(']') {
            match index.parse() {
                Ok(i) => path = path.index(i),
                Err(_) => return FieldPath::root().key(text),
            }
            indices = rest.strip_prefix('[').unwrap_or(rest);
        }
    }
    if path == text {
        path
    } else {
        FieldPath::root().key(text)
    }
}

/// Splits serde_yaml's `PATH: MESSAGE at line L column C` into its parts.
fn from_serde(source: &str, e: &serde_yaml::Error) -> Diagnostic {
    let mut message = e.to_string();
    for (internal, meaning) in TYPE_NAMES {
        message = message.replace(internal, meaning);
    }
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    let mut path = FieldPath::root();
    if let Some((p, rest)) = message.split_once(": ")
        && !p.contains(' ')
    {
        path = serde_path(p);
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

#[cfg(test)]
mod tests {
    use super::serde_path;

    #[test]
    fn serde_paths_are_read_back_as_written() {
        for text in [
            "criteria[2].scores.cost",
            "comparisons[0][1]",
            "name",
            "a.b[1]x",
            "a[x].b",
            "[3]",
        ] {
            assert_eq!(serde_path(text).to_string(), text);
        }
        assert_eq!(serde_path("criteria[2].id").segments().len(), 3);
    }
}
