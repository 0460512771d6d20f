//! `innorank init`: write a commented starting file.

use std::io::Write as _;

use anyhow::Context;
use innorank::template::render;

use crate::cli::InitArgs;
use crate::failure::Failure;
use crate::{emit, library};

pub fn run(args: &InitArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let library = library(args.criteria_dir.as_deref())?;
    let text = render(args.template, &library).map_err(|e| Failure::Other(e.into()))?;
    // The YAML language server reads the schema named on this line.
    let text = format!("# yaml-language-server: $schema={}\n{text}", args.schema);
    let Some(path) = &args.output else {
        return emit(out, &text);
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if args.force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!("`{}` already exists; use --force to overwrite it", path.display())
        } else {
            anyhow::Error::new(e).context(format!("cannot create `{}`", path.display()))
        }
    })?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    let _ = writeln!(std::io::stderr(), "wrote {0}; next: innorank check {0}", path.display());
    if args.schema == innorank::problem::SCHEMA_FILE {
        let schema = path.with_file_name(innorank::problem::SCHEMA_FILE);
        if !schema.exists() {
            let _ = writeln!(
                std::io::stderr(),
                "for completion and checks as you type: innorank schema > {}",
                schema.display()
            );
        }
    }
    Ok(())
}
