//! The report in a real browser: headless Chromium opens it at desktop
//! (1280 px) and phone (390 px) widths and takes screenshots; each must
//! have the size asked for and show more than a blank page, and the page
//! must load nothing from outside (no failed or remote resource). One
//! report has every analysis but the portfolio; the other a portfolio.
//!
//! Without a `chromium` on the PATH the test is skipped with a message,
//! unless `CI` is set: CI installs Chromium (`.ci/run`) and must run it.

use std::path::Path;
use std::process::Command;

use crate::common::{Dir, innorank};

/// The browser's command name (Debian's package `chromium`).
const CHROMIUM: &str = "chromium";

/// Widths and height of the screenshots: a desktop and a phone.
const VIEWS: [(u32, u32); 2] = [(1280, 1600), (390, 1600)];

/// Whether Chromium can be run; panics in CI when it cannot.
fn chromium_available() -> bool {
    let found = Command::new(CHROMIUM)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but `{CHROMIUM}` cannot be run: .ci/run installs it"
        );
        #[allow(clippy::print_stderr)]
        {
            eprintln!("skipped: `{CHROMIUM}` is not installed (apt-get install chromium); CI runs this test");
        }
    }
    found
}

/// Runs headless Chromium on `url` with `args`; returns standard output.
fn chromium(args: &[String], url: &str) -> String {
    let output = Command::new(CHROMIUM)
        .args(["--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars"])
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The size of the PNG at `path` and the number of its distinct colours
/// and of its non-white pixels.
fn png_stats(path: &Path) -> ((u32, u32), usize, usize) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let mut colours = std::collections::HashSet::new();
    let mut inked = 0;
    for px in buf[..info.buffer_size()].chunks(channels) {
        colours.insert(px.to_vec());
        if px.iter().take(3).any(|&c| c < 240) {
            inked += 1;
        }
    }
    ((info.width, info.height), colours.len(), inked)
}

#[test]
fn report_renders_at_desktop_and_phone_widths() {
    if !chromium_available() {
        return;
    }
    let dom = render("browser", &["examples/related-diversification.yaml", "--draws", "300"]);
    assert!(dom.matches("<svg").count() >= 5, "charts missing from the DOM");
    assert!(dom.contains("Weight sensitivity"));
}

/// The report of the cluster example has its portfolio section, chart
/// included, at both widths.
#[test]
fn report_with_a_portfolio_renders() {
    if !chromium_available() {
        return;
    }
    let dom = render("browser-portfolio", &["examples/innovation-cluster.yaml"]);
    assert!(dom.contains("<section id=\"portfolio\">"), "no portfolio section");
    assert!(dom.contains("Budget frontier") && dom.contains("Funded cluster"));
}

/// Writes the report of `args` into a new folder `name`, screenshots it
/// at every width of [`VIEWS`] (each must be of that size and not blank)
/// and returns its DOM after loading.
fn render(name: &str, args: &[&str]) -> String {
    let dir = Dir::new(name);
    let html = dir.join("report.html");
    innorank(["report"])
        .args(args)
        .args(["-q", "-o"])
        .arg(&html)
        .run()
        .success();
    crate::charts::assert_self_contained(&std::fs::read_to_string(&html).unwrap());
    let url = format!("file://{}", html.display());
    for (width, height) in VIEWS {
        let shot = dir.join(format!("report-{width}.png"));
        chromium(
            &[
                format!("--screenshot={}", shot.display()),
                format!("--window-size={width},{height}"),
            ],
            &url,
        );
        let (size, colours, inked) = png_stats(&shot);
        assert_eq!(size, (width, height), "screenshot size");
        assert!(colours > 16, "{width} px: only {colours} colours, the page looks blank");
        assert!(
            inked as f64 > 0.02 * f64::from(width * height),
            "{width} px: almost nothing drawn"
        );
    }
    // The DOM after loading: the charts are there, as inline SVG.
    chromium(&["--dump-dom".to_owned()], &url)
}
