"""The extraction lexicon fails loudly on mistakes instead of silently matching nothing."""

from __future__ import annotations

import pytest

from warclaims.extract.lexicon import _check_triggers, load_lexicon


def test_shipped_lexicon_loads() -> None:
    lex = load_lexicon("en")
    assert lex.unit_of["tanks"] == ("equipment", "tanks")
    assert "killed" in lex.cue_of["killed"]
    assert lex.side_of["enemy"] == "enemy"


@pytest.mark.parametrize(
    "triggers",
    [
        {"skirmish": [{"pattern": "clashed"}]},
        {"fighting": [{"pattern": "clashed", "objekt": "place"}]},
        {"fighting": [{"category": "x"}]},
        {"fighting": [{"pattern": "clashed"}, {"pattern": "clashed"}]},
    ],
)
def test_bad_trigger_rules_are_refused(triggers: dict) -> None:
    with pytest.raises(ValueError, match="triggers"):
        _check_triggers("extraction.json", triggers)
