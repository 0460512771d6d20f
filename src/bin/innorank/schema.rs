//! `innorank schema`: the JSON Schema of the problem file, or of the
//! ranking's JSON.

use crate::cli::SchemaArgs;
use crate::failure::Failure;
use crate::format;

pub fn run(args: &SchemaArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let schema = match args.output.as_str() {
        "rank" => innorank::pipeline::rank_schema(),
        _ => innorank::problem::problem_schema(),
    };
    format::json::write(out, &schema).map_err(Failure::from)
}
