//! The problem files shown in README.md and docs/problem-format.md load as
//! they are, so the documentation cannot drift from the format.

pub fn yaml_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_start()) {
            (None, "```yaml") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn complete_problem_examples_in_the_docs_load() {
    let mut checked = 0;
    for file in ["README.md", "docs/problem-format.md"] {
        let text = std::fs::read_to_string(file).unwrap();
        for block in yaml_blocks(&text) {
            // Fragments (one section of a file) are shown too; only whole
            // problems can be loaded.
            if !(block.starts_with("name:") || block.contains("\nname:")) || !block.contains("alternatives:") {
                continue;
            }
            innorank::Problem::from_yaml_str(&block, file).unwrap_or_else(|e| panic!("{file}:\n{block}\n{e}"));
            checked += 1;
        }
    }
    assert!(checked >= 2, "README and the format guide each show a whole problem");
}

/// The Markdown files of the repository (not those of build output).
fn markdown_files() -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy();
            if path.is_dir() {
                if !name.starts_with('.') && name != "target" {
                    walk(&path, found);
                }
            } else if name.ends_with(".md") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(std::path::Path::new("."), &mut found);
    found.sort();
    found
}

/// The targets of inline links `[text](target)` and reference definitions
/// `[label]: target`.
fn link_targets(markdown: &str) -> Vec<String> {
    let mut targets = Vec::new();
    for line in markdown.lines() {
        let mut rest = line;
        while let Some(at) = rest.find("](") {
            rest = &rest[at + 2..];
            let end = rest.find(')').unwrap_or(rest.len());
            targets.push(rest[..end].split_whitespace().next().unwrap_or("").to_owned());
        }
        let trimmed = line.trim_start();
        if let Some(close) = trimmed.strip_prefix('[').and_then(|t| t.find("]:")) {
            let target = trimmed[close + 3..].split_whitespace().next().unwrap_or("");
            targets.push(target.to_owned());
        }
    }
    targets
}

/// Where a relative `target` written in the file at `from` (relative to
/// the repository) leads: `None` if it leaves the repository.
fn resolve(from: &std::path::Path, target: &str) -> Option<std::path::PathBuf> {
    let mut path: Vec<String> = from
        .parent()
        .into_iter()
        .flat_map(|p| p.components())
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                path.pop()?;
            }
            part => path.push(part.to_owned()),
        }
    }
    Some(path.iter().collect())
}

#[test]
fn no_link_in_the_docs_points_outside_the_repository() {
    let files = markdown_files();
    assert!(files.len() >= 3, "{files:?}");
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for target in link_targets(&text) {
            let path = target.split('#').next().unwrap_or("");
            let external = ["http://", "https://", "mailto:"].iter().any(|p| target.starts_with(p));
            if external || path.is_empty() {
                continue;
            }
            match resolve(file, path) {
                _ if path.starts_with('/') || path.contains(':') => problems.push(format!(
                    "{}: `{target}` is not a path in the repository",
                    file.display()
                )),
                None => problems.push(format!("{}: `{target}` leaves the repository", file.display())),
                Some(p) if !p.exists() => problems.push(format!("{}: `{target}` does not exist", file.display())),
                Some(_) => {}
            }
        }
        // Paths written as code (`../elsewhere/spec/cli.md`) count too: they
        // must name a file of the repository.
        for (at, _) in text.match_indices("../") {
            let start = text[..at]
                .rfind(|c: char| c.is_whitespace() || "`([<\"'".contains(c))
                .map_or(0, |s| s + 1);
            let word = &text[start..];
            let word = &word[..word
                .find(|c: char| c.is_whitespace() || "`)]>\"'".contains(c))
                .unwrap_or(word.len())];
            match resolve(file, word.split('#').next().unwrap_or("")) {
                None => problems.push(format!("{}: `{word}` leaves the repository", file.display())),
                Some(p) if !p.exists() => problems.push(format!("{}: `{word}` does not exist", file.display())),
                Some(_) => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn link_checks_catch_paths_that_leave_the_repository() {
    let docs = std::path::Path::new("docs/cli.md");
    assert_eq!(
        resolve(docs, "problem-format.md"),
        Some("docs/problem-format.md".into())
    );
    assert_eq!(resolve(docs, "../README.md"), Some("README.md".into()));
    assert_eq!(resolve(docs, "../../elsewhere/spec/cli.md"), None);
    assert_eq!(
        resolve(std::path::Path::new("README.md"), "../elsewhere/spec/cli.md"),
        None
    );
    assert_eq!(
        link_targets("see [a](docs/a.md#x \"title\") and [b](../b.md)\n[c]: ../c.md\n"),
        ["docs/a.md#x", "../b.md", "../c.md"]
    );
}
