"""`warclaims place NAME [--context TEXT]` through typer's CliRunner."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from warclaims.cli import app

runner = CliRunner()


def run(*args: str):  # noqa: ANN201
    result = runner.invoke(app, ["place", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"uncaught {result.exception!r}") from result.exception
    assert "Traceback" not in result.stdout + result.stderr
    return result


def test_prints_the_pick_and_the_candidates() -> None:
    result = run("Kucherovka", "--context", "Kupiansk district, Kharkiv Oblast")
    assert result.exit_code == 0
    assert "Kucherivka" in result.stdout and "812655" in result.stdout
    assert "Kharkiv Oblast" in result.stdout
    assert "Poltava" in result.stdout  # a namesake, lower down


def test_json() -> None:
    result = run("в Купянске", "--json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["query"] == "в Купянске"
    assert payload["found_by"] == "inflected"
    assert payload["place"]["gazetteer_id"] == "703656"
    assert payload["place"]["name"] == "Kupiansk"
    first = payload["candidates"][0]
    assert first["id"] == "703656" and first["raion"] == "Kupiansk Raion"
    assert first["name_uk"] == "Куп’янськ"


def test_ambiguous_json_lists_candidates() -> None:
    payload = json.loads(run("Kurylivka", "--json", "--limit", "3").stdout)
    assert len(payload["candidates"]) == 3
    assert payload["candidates_total"] >= 8
    assert payload["place"]["candidates"]
    assert payload["place"]["confidence"] < 0.9


def test_oblast_and_raion_options() -> None:
    by_oblast = json.loads(run("Kurylivka", "--oblast", "Kharkiv region", "--json").stdout)
    assert by_oblast["place"]["gazetteer_id"] == "703610"
    by_raion = json.loads(run("Kucherivka", "--raion", "Kupiansk Raion", "--json").stdout)
    assert by_raion["place"]["gazetteer_id"] == "812655"


def test_nothing_found_exits_1() -> None:
    result = run("Nowhereville")
    assert result.exit_code == 1
    assert "no place found" in result.stdout
    payload = json.loads(run("Nowhereville", "--json").stdout)
    assert payload["place"]["name"] is None and payload["candidates"] == []


@pytest.mark.parametrize("bad", ["", "   ", "x" * 10_000])
def test_bad_name_is_a_usage_error(bad: str) -> None:
    result = run(bad)
    assert result.exit_code == 2
    assert "error:" in result.stderr


def test_control_characters_and_mixed_scripts_find_nothing() -> None:
    for bad in ("Kup\x00iansk", "Kupянськ"):
        assert run(bad).exit_code == 1
