//! Guards run before the YAML is deserialised: size, decoding, bracket
//! depth, and an event pass that bounds alias expansion and finds duplicate
//! keys, merge keys, tags and extra documents. The same event walk later
//! maps field paths to line and column for semantic errors.
//!
//! serde_yaml keeps the whole event stream in memory, expands aliases with a
//! limit that grows with the document, and libyaml's scanner is quadratic on
//! deeply nested flow collections; these passes keep hostile input cheap.

use std::collections::{HashMap, HashSet};

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use super::diagnostic::{Diagnostic, DiagnosticKind, FieldPath, Location, Segment};
use super::raw::Shape;

/// Deepest bracket nesting accepted (the format needs a handful).
pub const MAX_FLOW_DEPTH: usize = 64;

/// Deepest nesting of lists and mappings accepted, in any style (a criteria
/// tree ten levels deep needs about 25).
pub const MAX_NESTING: usize = 100;

/// Most values (nodes, aliases expanded) a problem file may hold. The
/// YAML reader keeps every event in memory (about 200 bytes each): a
/// million values is a few hundred MB; larger sets belong in CSV.
pub const MAX_NODES: u64 = 1_000_000;

/// What a node costs once expanded: nodes, and nodes plus string bytes
/// (the measure the alias budget applies to).
#[derive(Debug, Clone, Copy, Default)]
struct Cost {
    nodes: u64,
    units: u64,
}

impl Cost {
    fn node(bytes: usize) -> Self {
        Cost {
            nodes: 1,
            units: 1 + bytes as u64,
        }
    }

    fn add(&mut self, other: Cost) {
        self.nodes = self.nodes.saturating_add(other.nodes);
        self.units = self.units.saturating_add(other.units);
    }
}

/// An error a guard found at 1-based `line` and `column`; the file name
/// is filled in by the caller ([`super::yaml`]).
fn at(line: usize, column: usize, path: FieldPath, kind: DiagnosticKind) -> Diagnostic {
    Diagnostic {
        location: Location {
            line: Some(line),
            column: Some(column),
            path,
            ..Location::default()
        },
        kind,
    }
}

/// Checks the bytes are UTF-8 without NUL and returns the text without a
/// leading byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<&str, Box<Diagnostic>> {
    use super::csv_input::NotUtf8;
    if let Some(found @ (NotUtf8::Utf16 | NotUtf8::Utf32)) = super::csv_input::sniff_encoding(bytes) {
        let (found, save_as) = (found.describe(), "UTF-8");
        let kind = DiagnosticKind::Encoding { found, save_as };
        return Err(Box::new(Diagnostic {
            location: Location::default(),
            kind,
        }));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = position_of(&bytes[..e.valid_up_to()]);
        Box::new(at(line, column, FieldPath::root(), DiagnosticKind::InvalidUtf8))
    })?;
    if let Some(offset) = text.find('\0') {
        let (line, column) = position_of(&bytes[..offset]);
        return Err(Box::new(at(line, column, FieldPath::root(), DiagnosticKind::NulByte)));
    }
    Ok(text)
}

/// 1-based line and column (in characters) just after `prefix`.
fn position_of(prefix: &[u8]) -> (usize, usize) {
    let line = 1 + prefix.iter().filter(|&&b| b == b'\n').count();
    let start = prefix.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = 1 + String::from_utf8_lossy(&prefix[start..]).chars().count();
    (line, column)
}

/// Longest line accepted (1 MiB): the YAML scanner holds every token of a
/// line inside a flow collection, so one huge line costs far more memory
/// than the same data over many lines.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// Refuses lines longer than [`MAX_LINE_BYTES`].
pub fn check_line_length(text: &str) -> Result<(), Box<Diagnostic>> {
    match text.split('\n').position(|line| line.len() > MAX_LINE_BYTES) {
        Some(i) => Err(Box::new(at(
            i + 1,
            1,
            FieldPath::root(),
            DiagnosticKind::LineTooLong { limit: MAX_LINE_BYTES },
        ))),
        None => Ok(()),
    }
}

/// Refuses bracket nesting deeper than [`MAX_FLOW_DEPTH`], counting `[` and
/// `{` outside quoted strings and comments. Plain scalars rarely hold
/// brackets; when they do, the count errs towards a smaller depth.
pub fn check_flow_depth(text: &str) -> Result<(), Box<Diagnostic>> {
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let mut chars = text.chars().peekable();
    let mut previous = '\n';
    while let Some(c) = chars.next() {
        column += 1;
        match c {
            '\n' => {
                line += 1;
                column = 0;
            }
            '#' if previous.is_whitespace() => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                        column = 0;
                        break;
                    }
                }
            }
            '\'' | '"' if !previous.is_alphanumeric() => {
                let quote = c;
                while let Some(c) = chars.next() {
                    column += 1;
                    match c {
                        '\n' => {
                            line += 1;
                            column = 0;
                        }
                        '\\' if quote == '"' => {
                            chars.next();
                            column += 1;
                        }
                        // '' is an escaped quote inside single quotes.
                        '\'' if quote == '\'' && chars.peek() == Some(&'\'') => {
                            chars.next();
                            column += 1;
                        }
                        c if c == quote => break,
                        _ => {}
                    }
                }
            }
            '[' | '{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    let kind = DiagnosticKind::TooDeep { limit: MAX_FLOW_DEPTH };
                    return Err(Box::new(at(line, column, FieldPath::root(), kind)));
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        previous = c;
    }
    Ok(())
}

/// The tab in the indentation behind a YAML syntax error, if there is one.
///
/// The YAML readers report a tab where they notice it: often at the plain
/// scalar on the line above, which the tab seemed to continue, and with a
/// message about scanning scalars. `message` and the 1-based `line` and
/// `column` are the reader's; when the message mentions a tab or the error
/// points at one, the tab is looked for in the indentation of that line
/// and of the lines after it up to the first that is not blank.
pub fn misplaced_tab(text: &str, message: &str, line: usize, column: usize) -> Option<Diagnostic> {
    let lines: Vec<&str> = text.split('\n').skip(line.saturating_sub(1)).take(64).collect();
    let at_tab = lines
        .first()
        .is_some_and(|l| l.chars().nth(column.saturating_sub(1)) == Some('\t'));
    if !at_tab && !message.contains("tab") {
        return None;
    }
    for (i, text) in lines.iter().enumerate() {
        if let Some(tab) = indentation_tab(text) {
            let kind = DiagnosticKind::TabIndent;
            return Some(at(line + i, tab, FieldPath::root(), kind));
        }
        if i > 0 && !text.trim().is_empty() {
            break;
        }
    }
    None
}

/// The 1-based column of a tab in a line's indentation: the spaces, tabs
/// and `- ` list markers before its first other character.
fn indentation_tab(line: &str) -> Option<usize> {
    let mut chars = line.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\t' => return Some(i + 1),
            ' ' => {}
            '-' if chars.peek().is_some_and(|&(_, next)| next == ' ' || next == '\t') => {}
            _ => return None,
        }
    }
    None
}

/// The typed path of the node at `segments`.
fn field_path(segments: &[Segment]) -> FieldPath {
    FieldPath::from(segments.to_vec())
}

/// The shape of a mapping found at `path` in a document whose top level
/// has shape `root`, where the format fixes its keys.
fn shape_at(root: Shape, path: &[Segment]) -> Option<Shape> {
    // A chain of `criteria[i]` steps; a criterion document starts with one.
    let chain = |p: &[Segment]| {
        (root == Shape::Criterion || !p.is_empty())
            && p.len().is_multiple_of(2)
            && p.chunks(2)
                .all(|c| matches!(c, [Segment::Key(k), Segment::Index(_)] if k == "criteria"))
    };
    match path {
        [] if root == Shape::Problem => Some(Shape::Problem),
        [Segment::Key(k), Segment::Index(_)] if root == Shape::Problem && k == "alternatives" => {
            Some(Shape::Alternative)
        }
        [Segment::Key(k), Segment::Index(_)] if root == Shape::Problem && k == "screening" => Some(Shape::Rule),
        [Segment::Key(k), rest @ ..] if root == Shape::Problem && k == "portfolio" => portfolio_shape(rest),
        p if chain(p) => Some(Shape::Criterion),
        [head @ .., Segment::Key(k)] if k == "scale" && chain(head) => Some(Shape::Scale),
        _ => None,
    }
}

/// The shape of a mapping at `path` inside `portfolio:`.
fn portfolio_shape(path: &[Segment]) -> Option<Shape> {
    let key = |s: &Segment, name: &str| matches!(s, Segment::Key(k) if k == name);
    match path {
        [] => Some(Shape::Portfolio),
        [k, Segment::Index(_)] if key(k, "platforms") => Some(Shape::Platform),
        [k, Segment::Index(_), l] if key(k, "platforms") && key(l, "learning") => Some(Shape::Learning),
        [k, Segment::Index(_)] if key(k, "groups") => Some(Shape::Group),
        [k, Segment::Index(_)] if key(k, "resources") => Some(Shape::Resource),
        _ => None,
    }
}

/// An open collection during the walk.
enum Frame {
    Sequence {
        next: usize,
    },
    Mapping {
        /// Expecting a key (true) or a value (false).
        at_key: bool,
        /// The fixed keys of this mapping, if the format fixes them.
        shape: Option<Shape>,
        /// Keys seen so far, with the line of each.
        keys: HashMap<String, usize>,
    },
}

/// Walks the event stream, tracking each node's field path.
struct Walk<'a> {
    /// The document.
    text: &'a str,
    /// Where the last mapping key started.
    key_mark: Option<Marker>,
    /// The shape of the document's top level.
    root: Shape,
    frames: Vec<(Frame, Option<usize>, Cost)>,
    path: Vec<Segment>,
    /// Expanded size of each anchored node, by anchor id.
    anchors: HashMap<usize, Cost>,
    expanded: Cost,
    budget: u64,
    documents: usize,
    /// Paths whose position is wanted, and what was found for them.
    wanted: Option<&'a HashSet<FieldPath>>,
    positions: HashMap<FieldPath, (usize, usize)>,
    /// A mapping whose position was just recorded: a block mapping's start
    /// event is marked at its first key's `:`, so the first key's own
    /// position, which comes next and is earlier, replaces it.
    mapping_just_recorded: Option<FieldPath>,
    found: Vec<Diagnostic>,
    fatal: Option<Diagnostic>,
}

/// The handle yaml-rust2 gives YAML's standard tags (`!!str`, `!!float`),
/// which are allowed; only custom tags are refused.
const STANDARD_TAGS: &str = "tag:yaml.org,2002:";

impl Walk<'_> {
    /// Reports a custom tag at the `!` that starts it (the event's mark is
    /// at the value after it).
    fn tag(&mut self, tag: &yaml_rust2::parser::Tag, mark: Marker) {
        if tag.handle == STANDARD_TAGS {
            return;
        }
        let written = format!("{}{}", tag.handle, tag.suffix);
        let line = self.text.lines().nth(mark.line().saturating_sub(1)).unwrap_or("");
        let before: String = line.chars().take(mark.col()).collect();
        let column = before
            .rfind(&written)
            .map_or(mark.col() + 1, |byte| before[..byte].chars().count() + 1);
        self.found.push(at(
            mark.line(),
            column,
            field_path(&self.path),
            DiagnosticKind::Tag(written),
        ));
    }

    /// Called for every node (scalar, alias, collection start) in value
    /// position or key position. Returns false for a mapping key.
    fn enter_node(&mut self, mark: Marker, key_text: Option<&str>, plain: bool) -> bool {
        let (line, column) = (mark.line(), mark.col() + 1);
        let Some((frame, _, _)) = self.frames.last_mut() else {
            return true;
        };
        match frame {
            Frame::Sequence { next } => {
                self.path.push(Segment::Index(*next));
                *next += 1;
                true
            }
            Frame::Mapping { at_key, keys, shape } => {
                if *at_key {
                    *at_key = false;
                    self.key_mark = Some(mark);
                    let key = key_text.unwrap_or("").to_owned();
                    let merge = plain && key == "<<";
                    let key_path = || {
                        let mut path = self.path.clone();
                        path.push(Segment::Key(key.clone()));
                        field_path(&path)
                    };
                    if let Some(shape) = shape.filter(|s| !merge && !s.keys().contains(&key.as_str())) {
                        self.found.push(at(
                            line,
                            column,
                            key_path(),
                            DiagnosticKind::unknown_key(&key, shape.keys()),
                        ));
                    }
                    if merge {
                        let path = field_path(&self.path);
                        self.found.push(at(line, column, path, DiagnosticKind::MergeKey));
                    } else if let Some(&first_line) = keys.get(&key) {
                        let kind = DiagnosticKind::DuplicateKey {
                            key: key.clone(),
                            first_line,
                        };
                        self.found.push(at(line, column, key_path(), kind));
                    } else {
                        keys.insert(key.clone(), line);
                    }
                    self.path.push(Segment::Key(key));
                    false
                } else {
                    *at_key = true;
                    true
                }
            }
        }
    }

    /// Records the position of the node just entered, if wanted.
    fn record(&mut self, mark: Marker) {
        if let Some(wanted) = self.wanted {
            let path = field_path(&self.path);
            if wanted.contains(&path) {
                self.positions.entry(path).or_insert((mark.line(), mark.col() + 1));
            }
        }
    }

    /// Leaves a value node: pops its path segment and adds its size to the
    /// enclosing collection.
    fn leave_node(&mut self, size: Cost) {
        if let Some((frame, _, total)) = self.frames.last_mut() {
            total.add(size);
            if matches!(frame, Frame::Sequence { .. }) || matches!(frame, Frame::Mapping { at_key: true, .. }) {
                self.path.pop();
            }
        }
    }

    fn charge(&mut self, size: Cost, mark: Marker) {
        self.expanded.add(size);
        let kind = if self.expanded.units > self.budget {
            DiagnosticKind::AliasBudget { budget: self.budget }
        } else if self.expanded.nodes > MAX_NODES {
            DiagnosticKind::TooManyValues { limit: MAX_NODES }
        } else {
            return;
        };
        if self.fatal.is_none() {
            self.fatal = Some(at(mark.line(), mark.col() + 1, field_path(&self.path), kind));
        }
    }
}

impl MarkedEventReceiver for Walk<'_> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        if self.fatal.is_some() {
            return;
        }
        if let Some(path) = self.mapping_just_recorded.take()
            && let Some(position) = self.positions.get_mut(&path)
        {
            *position = (*position).min((mark.line(), mark.col() + 1));
        }
        match event {
            Event::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
                    self.fatal = Some(at(
                        mark.line(),
                        mark.col() + 1,
                        FieldPath::root(),
                        DiagnosticKind::MultipleDocuments,
                    ));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let plain = style == TScalarStyle::Plain;
                let is_value = self.enter_node(mark, Some(&text), plain);
                if let Some(tag) = &tag {
                    self.tag(tag, mark);
                }
                let size = Cost::node(text.len());
                self.charge(size, mark);
                if anchor > 0 {
                    self.anchors.insert(anchor, size);
                }
                if is_value {
                    // An empty value (`criteria:` alone) has its mark at the
                    // next token, often on the next line: use the key's.
                    let at = match self.key_mark {
                        Some(key) if plain && text.is_empty() => key,
                        _ => mark,
                    };
                    self.record(at);
                    self.leave_node(size);
                }
            }
            Event::Alias(anchor) => {
                let is_value = self.enter_node(mark, None, false);
                let size = self.anchors.get(&anchor).copied().unwrap_or(Cost::node(0));
                self.charge(size, mark);
                if is_value {
                    self.record(mark);
                    self.leave_node(size);
                }
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                let is_sequence = matches!(event, Event::SequenceStart(..));
                let is_value = self.enter_node(mark, None, false);
                if let Some(tag) = tag {
                    self.tag(tag, mark);
                }
                if is_value {
                    self.record(mark);
                    let path = field_path(&self.path);
                    if !is_sequence && self.positions.contains_key(&path) {
                        self.mapping_just_recorded = Some(path);
                    }
                } else {
                    // A collection used as a key: keep the path balanced.
                    self.path.push(Segment::Key(String::new()));
                }
                self.charge(Cost::node(0), mark);
                let frame = if is_sequence {
                    Frame::Sequence { next: 0 }
                } else {
                    Frame::Mapping {
                        at_key: true,
                        keys: HashMap::new(),
                        shape: if is_value {
                            shape_at(self.root, &self.path)
                        } else {
                            None
                        },
                    }
                };
                self.frames.push((frame, (anchor > 0).then_some(anchor), Cost::node(0)));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((_, anchor, size)) = self.frames.pop() {
                    if let Some(anchor) = anchor {
                        self.anchors.insert(anchor, size);
                    }
                    self.leave_node(size);
                }
            }
            _ => {}
        }
    }
}

/// The outcome of the event pass.
pub struct Scan {
    /// Problems to report together (duplicate keys, merge keys, tags).
    pub found: Vec<Diagnostic>,
    /// Whether the document had any content.
    pub empty: bool,
}

/// Runs the event pass. A syntax error, a second document or an alias
/// budget overrun stops it and is returned as the error.
pub fn scan(text: &str, root: Shape) -> Result<Scan, Box<Diagnostic>> {
    let budget = 2 * text.len() as u64 + (64 << 10);
    let mut walk = new_walk(text, budget, None);
    walk.root = root;
    run(text, &mut walk)?;
    let empty = walk.expanded.nodes == 0;
    Ok(Scan {
        found: walk.found,
        empty,
    })
}

/// Finds the 1-based line and column of each wanted path.
pub fn positions(text: &str, wanted: &HashSet<FieldPath>) -> HashMap<FieldPath, (usize, usize)> {
    let mut walk = new_walk(text, u64::MAX, Some(wanted));
    // The text already passed `scan`, so the walk cannot fail here; if it
    // did, positions are simply left out.
    let _ = run(text, &mut walk);
    walk.positions
}

fn new_walk<'a>(text: &'a str, budget: u64, wanted: Option<&'a HashSet<FieldPath>>) -> Walk<'a> {
    Walk {
        text,
        key_mark: None,
        root: Shape::Problem,
        frames: Vec::new(),
        path: Vec::new(),
        anchors: HashMap::new(),
        expanded: Cost::default(),
        budget,
        documents: 0,
        wanted,
        positions: HashMap::new(),
        mapping_just_recorded: None,
        found: Vec::new(),
        fatal: None,
    }
}

fn run(text: &str, walk: &mut Walk<'_>) -> Result<(), Box<Diagnostic>> {
    // Event by event rather than `Parser::load`, which recurses once per
    // nesting level and overflows the stack on `- - - ...` input.
    let mut parser = Parser::new_from_str(text);
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            let m = e.marker();
            let found = misplaced_tab(text, e.info(), m.line(), m.col() + 1).unwrap_or_else(|| {
                let kind = DiagnosticKind::Syntax(e.info().to_owned());
                at(m.line(), m.col() + 1, FieldPath::root(), kind)
            });
            Box::new(found)
        })?;
        if event == Event::StreamEnd {
            break;
        }
        walk.on_event(event, mark);
        if walk.frames.len() > MAX_NESTING && walk.fatal.is_none() {
            let kind = DiagnosticKind::TooDeep { limit: MAX_NESTING };
            walk.fatal = Some(at(mark.line(), mark.col() + 1, FieldPath::root(), kind));
        }
        if let Some(found) = walk.fatal.take() {
            return Err(Box::new(found));
        }
    }
    Ok(())
}
