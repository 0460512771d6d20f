"""Every command from Python returns what the CLI writes with --format json,
on every shipped example (numbers to 1e-12)."""

import pytest

import innorank
from conftest import EXAMPLES, assert_same, run_cli

CASES = [
    ("rank", [], {}),
    ("rank", ["--normalization", "minmax", "--satisfactory", "0.5"], {"normalization": "minmax", "satisfactory": 0.5}),
    ("rank", ["--method", "ahp", "--ahp-method", "geometric"], {"method": "ahp", "ahp_method": "geometric"}),
    ("rank", ["--top", "2"], {"top": 2}),
    ("weights", [], {}),
    ("weights", ["--suggest", "--cr-threshold", "0.01"], {"suggest": True, "cr_threshold": 0.01}),
    ("sensitivity", [], {}),
    ("robustness", ["--draws", "300", "--seed", "7"], {"draws": 300, "seed": 7}),
    ("portfolio", [], {}),
]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("command,flags,options", CASES, ids=lambda c: c if isinstance(c, str) else None)
def test_python_equals_cli(example, command, flags, options):
    code, expected, stderr = run_cli(command, example, *flags)
    call = getattr(innorank, command)
    if code != 0:
        # What the CLI refuses, Python refuses with the same message.
        with pytest.raises(innorank.InnorankError) as err:
            call(str(example), **options)
        assert str(err.value) in stderr
        return
    assert_same(call(str(example), **options), expected)


def test_yaml_text_and_path_like_give_the_same_report():
    path = EXAMPLES[0]
    by_path = innorank.rank(path)
    by_text = innorank.rank(path.read_text())
    assert by_text["ranking"] == by_path["ranking"]


def test_unknown_option_is_a_type_error():
    with pytest.raises(TypeError, match="unknown option.*normalisation"):
        innorank.rank(str(EXAMPLES[0]), normalisation="minmax")


def test_unknown_choice_names_the_choices():
    with pytest.raises(ValueError, match="expected one of: vector, minmax"):
        innorank.rank(str(EXAMPLES[0]), normalization="l2")


def test_loading_options_match_the_cli(tmp_path):
    """`delimiter`, `criteria_dir`, `max_size` and `max_csv_size` do what
    the CLI's flags do: the same report, or the same refusal."""
    (tmp_path / "criteria").mkdir()
    (tmp_path / "criteria" / "risk.yaml").write_text(
        "id: risk\nname: Our risk\ndirection: cost\nscale: {min: 0, max: 100}\nrubric: {0: none, 100: fatal}\n"
    )
    problem = tmp_path / "p.yaml"
    problem.write_text("name: d\ncriteria: [{use: risk}, {id: gain}]\nalternatives: {csv: a.csv}\n")
    (tmp_path / "a.csv").write_text("id;risk;gain\na;40;2\nb;60;3\nc;10;1\n")
    flags = ["--criteria-dir", tmp_path / "criteria", "--delimiter", ";"]
    options = {"criteria_dir": str(tmp_path / "criteria"), "delimiter": ";"}
    code, expected, _ = run_cli("rank", problem, *flags)
    assert code == 0
    assert_same(innorank.rank(str(problem), **options), expected)
    # Without the folder the built-in `risk` (a parent) cannot be scored.
    with pytest.raises(innorank.InnorankError, match="has sub-criteria"):
        innorank.rank(str(problem), delimiter=";")
    for flag, option in [("--max-size", "max_size"), ("--max-csv-size", "max_csv_size")]:
        code, _, stderr = run_cli("rank", problem, *flags, flag, "20")
        assert code == 2
        with pytest.raises(innorank.InnorankError) as err:
            innorank.rank(str(problem), **options, **{option: 20})
        assert str(err.value) in stderr
    with pytest.raises(ValueError, match="option `delimiter`: expected"):
        innorank.rank(str(problem), delimiter=":")


def test_weights_from_replays_the_draws_the_cli_wrote(tmp_path):
    example = EXAMPLES[0]
    draws = tmp_path / "draws.csv"
    code, expected, _ = run_cli("robustness", example, "--draws", "200", "--seed", "3", "--draws-out", draws)
    assert code == 0
    code, replayed, _ = run_cli("robustness", example, "--weights-from", draws)
    assert code == 0
    assert_same(innorank.robustness(str(example), weights_from=str(draws)), replayed)
    assert [a["id"] for a in replayed["alternatives"]] == [a["id"] for a in expected["alternatives"]]
    with pytest.raises(ValueError, match="neither `weights` nor `draws`"):
        innorank.robustness(str(example), weights_from=str(draws), draws=10)
