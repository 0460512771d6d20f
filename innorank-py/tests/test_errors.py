"""Invalid input raises InnorankError (a ValueError) with the located
messages the CLI prints."""

import pytest

import innorank
from conftest import REPO, run_cli

BAD = """name: bad
criteria:
  - {id: cost, direction: cots}
alternatives:
  - {id: a, scores: {cost: 1}}
"""


def test_bad_text_names_line_column_and_field():
    with pytest.raises(innorank.InnorankError) as err:
        innorank.rank(BAD)
    message = str(err.value)
    assert message.startswith("<text>:3:")
    assert "criteria[0].direction" in message or "direction" in message
    assert isinstance(err.value, ValueError)


def test_bad_file_message_is_the_clis(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD)
    code, _, stderr = run_cli("rank", path)
    assert code == 2
    with pytest.raises(innorank.InnorankError) as err:
        innorank.rank(str(path))
    assert str(err.value).startswith(str(path) + ":3:")
    assert str(err.value) in stderr


def test_missing_file():
    with pytest.raises(innorank.InnorankError, match="no-such.yaml"):
        innorank.weights(str(REPO / "no-such.yaml"))


def test_bad_arrays_are_value_errors():
    import numpy as np

    with pytest.raises(ValueError, match="columns"):
        innorank.topsis(np.ones((3, 2)), [1, 1, 1], ["benefit"] * 3)
    with pytest.raises(ValueError, match="directions\\[1\\]"):
        innorank.topsis(np.ones((3, 2)), [1, 1], ["benefit", 1])
    with pytest.raises(innorank.InnorankError, match="not finite"):
        innorank.topsis(np.array([[1.0, np.nan]]), [1, 1], ["benefit", "cost"])
    with pytest.raises(ValueError, match="2-D"):
        innorank.topsis(np.ones(3), [1], ["benefit"])
