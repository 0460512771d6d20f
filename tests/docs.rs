//! The problem files shown in README.md and docs/problem-format.md load as
//! they are, so the documentation cannot drift from the format.

fn yaml_blocks(markdown: &str) -> Vec<String> {
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
