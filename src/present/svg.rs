//! A small SVG writer: the one place that knows SVG syntax.
//!
//! Charts draw with these few shapes; every label is an SVG `<text>` in a
//! generic font family (`sans-serif`), so a chart needs no font file and
//! renders the same in a browser, a report and an image viewer.

use std::fmt::Write as _;

/// Font size of ordinary labels, in SVG user units (pixels at 100%).
pub const FONT: f64 = 12.0;

/// An SVG document being drawn, `width` x `height` user units.
#[derive(Debug, Clone)]
pub struct Svg {
    body: String,
    width: f64,
    height: f64,
}

/// Horizontal text alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Text starts at x.
    Start,
    /// Text is centred on x.
    Middle,
    /// Text ends at x.
    End,
}

impl Anchor {
    fn name(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A text's look: size, weight, colour, alignment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Font size in user units.
    pub size: f64,
    /// Bold.
    pub bold: bool,
    /// Fill colour (`#rrggbb`).
    pub color: &'static str,
    /// Alignment on x.
    pub anchor: Anchor,
    /// A white outline, so a label stays legible over lines.
    pub halo: bool,
}

impl TextStyle {
    /// Ordinary label text aligned as `anchor`.
    pub fn label(anchor: Anchor) -> Self {
        TextStyle {
            size: FONT,
            bold: false,
            color: crate::present::palette::TEXT,
            anchor,
            halo: false,
        }
    }

    /// A chart's title: larger and bold, starting at x.
    pub fn title() -> Self {
        TextStyle {
            size: 16.0,
            bold: true,
            ..TextStyle::label(Anchor::Start)
        }
    }

    /// The same style in another colour.
    pub fn colored(self, color: &'static str) -> Self {
        TextStyle { color, ..self }
    }

    /// The same style with a white outline.
    pub fn halo(self) -> Self {
        TextStyle { halo: true, ..self }
    }

    /// The same style, bold.
    pub fn bold(self) -> Self {
        TextStyle { bold: true, ..self }
    }
}

impl Svg {
    /// An empty drawing of this size on a white background.
    pub fn new(width: f64, height: f64) -> Self {
        let mut svg = Svg {
            body: String::new(),
            width,
            height,
        };
        svg.rect(0.0, 0.0, width, height, "#ffffff");
        svg
    }

    /// A filled rectangle.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str) {
        let _ = writeln!(
            self.body,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"/>"#,
            n(x),
            n(y),
            n(w.max(0.0)),
            n(h.max(0.0))
        );
    }

    /// A filled rectangle with a tooltip (`<title>`), shown on hover.
    pub fn rect_titled(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, tip: &str) {
        let _ = writeln!(
            self.body,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"><title>{}</title></rect>"#,
            n(x),
            n(y),
            n(w.max(0.0)),
            n(h.max(0.0)),
            escape(tip)
        );
    }

    /// A straight line; `dashed` for reference lines.
    pub fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), stroke: &str, width: f64, dashed: bool) {
        let dash = if dashed { r#" stroke-dasharray="5 3""# } else { "" };
        let _ = writeln!(
            self.body,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{}"{dash}/>"#,
            n(x1),
            n(y1),
            n(x2),
            n(y2),
            n(width)
        );
    }

    /// A polyline through `points`, unfilled.
    pub fn polyline(&mut self, points: &[(f64, f64)], stroke: &str, width: f64, dashed: bool) {
        let dash = if dashed { r#" stroke-dasharray="6 4""# } else { "" };
        let mut list = String::new();
        for &(x, y) in points {
            let _ = write!(list, "{},{} ", n(x), n(y));
        }
        let _ = writeln!(
            self.body,
            r#"<polyline points="{}" fill="none" stroke="{stroke}" stroke-width="{}"{dash}/>"#,
            list.trim_end(),
            n(width)
        );
    }

    /// A filled circle (a marker).
    pub fn circle(&mut self, (x, y): (f64, f64), r: f64, fill: &str) {
        let _ = writeln!(
            self.body,
            r##"<circle cx="{}" cy="{}" r="{}" fill="{fill}" stroke="#ffffff" stroke-width="1"/>"##,
            n(x),
            n(y),
            n(r)
        );
    }

    /// A text at (x, y), y being its baseline.
    pub fn text(&mut self, (x, y): (f64, f64), text: &str, style: TextStyle) {
        let weight = if style.bold { r#" font-weight="bold""# } else { "" };
        let halo = if style.halo {
            r##" stroke="#ffffff" stroke-width="3" paint-order="stroke""##
        } else {
            ""
        };
        let _ = writeln!(
            self.body,
            r#"<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="{}"{weight}{halo}>{}</text>"#,
            n(x),
            n(y),
            n(style.size),
            style.color,
            style.anchor.name(),
            escape(text)
        );
    }

    /// A text turned 90 degrees counter-clockwise, centred on (x, y): a
    /// vertical axis's label.
    pub fn text_vertical(&mut self, (x, y): (f64, f64), text: &str, style: TextStyle) {
        let _ = writeln!(
            self.body,
            r#"<text x="0" y="0" font-size="{}" fill="{}" text-anchor="middle" transform="translate({},{}) rotate(-90)">{}</text>"#,
            n(style.size),
            style.color,
            n(x),
            n(y),
            escape(text)
        );
    }

    /// This drawing with `below` under it, as one drawing as wide as the
    /// wider of the two.
    pub fn stack(mut self, below: Svg) -> Svg {
        let _ = writeln!(
            self.body,
            "<g transform=\"translate(0,{})\">\n{}</g>",
            n(self.height),
            below.body
        );
        self.width = self.width.max(below.width);
        self.height += below.height;
        self
    }

    /// The document, titled `title` for screen readers.
    pub fn finish(self, title: &str) -> String {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
             font-family=\"sans-serif\" role=\"img\" aria-label=\"{t}\">\n<title>{t}</title>\n{}</svg>\n",
            self.body,
            w = n(self.width),
            h = n(self.height),
            t = escape(title)
        )
    }
}

/// Shortens `text` to at most `max` characters, ending in `…` when cut:
/// long names must not run into the bars.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A coordinate with at most two decimals: files stay small and stable
/// for snapshots.
fn n(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let r = (x * 100.0).round() / 100.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

/// Escapes text for XML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(escape("a<b & \"c\"\u{7}"), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn numbers_are_rounded_and_never_nan() {
        assert_eq!((n(1.0), n(1.234), n(f64::NAN)), ("1".into(), "1.23".into(), "0".into()));
    }

    #[test]
    fn shortens_long_names_only() {
        assert_eq!((shorten("abc", 3), shorten("abcdef", 4)), ("abc".into(), "abc…".into()));
    }
}
