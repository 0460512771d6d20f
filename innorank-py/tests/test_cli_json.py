"""Every command from Python returns what the CLI writes with --format json,
on every shipped example (numbers to 1e-12)."""

import pytest

import innorank
from conftest import EXAMPLES, assert_same, run_cli

CASES = [
    ("rank", [], {}),
    ("rank", ["--normalization", "minmax", "--satisfactory", "0.5"], {"normalization": "minmax", "satisfactory": 0.5}),
    ("rank", ["--method", "ahp", "--ahp-method", "geometric"], {"method": "ahp", "ahp_method": "geometric"}),
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
