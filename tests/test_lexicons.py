"""warclaims.lexicons: the actor lexicon, its lookup, and the loaded-language patterns."""

from __future__ import annotations

from pathlib import Path

import pytest

from warclaims.lexicons import (
    find_actor,
    load_actors,
    load_loaded_terms,
    normalise_key,
    read_actors,
    read_loaded_terms,
)

HEADER = "name\taliases\ttype\tside\trole\tentity\n"


def test_actors_load_with_valid_fields() -> None:
    actors = load_actors("en")
    assert len(actors) >= 60
    for actor in actors:
        assert actor.type in ("official", "media", "expert")
        assert actor.side in ("RU", "UA", "other")
        assert actor.entity in ("person", "body")
        assert actor.role and actor.positions
    names = {a.name for a in actors}
    for expected in (
        "Vladimir Putin",
        "Valery Gerasimov",
        "Volodymyr Zelensky",
        "Oleksandr Syrskyi",
        "Ivan Fedorov",
        "Russian Ministry of Defence",
        "General Staff of the Armed Forces of Ukraine",
        "Institute for the Study of War",
        "DeepState",
    ):
        assert expected in names


def test_actor_fields() -> None:
    gerasimov = find_actor("Valery Gerasimov")
    assert gerasimov is not None
    assert gerasimov.side == "RU"
    assert gerasimov.type == "official"
    assert gerasimov.entity == "person"
    assert gerasimov.positions[0].startswith("Chief of the General Staff")
    assert "Gerasimov" in gerasimov.aliases
    isw = find_actor("ISW")
    assert isw is not None and isw.type == "expert" and isw.entity == "body"
    tass = find_actor("TASS")
    assert tass is not None and tass.type == "media" and tass.side == "RU"


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Valery Gerasimov", "Valery Gerasimov"),
        ("valeriy gerasimov", "Valery Gerasimov"),
        ("General Staff Chief Valery Gerasimov", "Valery Gerasimov"),
        ("President Vladimir Putin", "Vladimir Putin"),
        ("Russian President Vladimir Putin", "Vladimir Putin"),
        ("Putin’s", "Vladimir Putin"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Zelenskiy's", "Volodymyr Zelensky"),
        ("Syrskii", "Oleksandr Syrskyi"),
        ("Syrsky", "Oleksandr Syrskyi"),
        ("Defence Minister Andrei Belousov", "Andrei Belousov"),
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
        ("the Kremlin", "Kremlin"),
        ("Russian defense ministry", "Russian Ministry of Defence"),
        ("Russia’s Defence Ministry", "Russian Ministry of Defence"),
        ("Ministry of Defense of Russia", "Russian Ministry of Defence"),
        ("Ukraine's General Staff", "General Staff of the Armed Forces of Ukraine"),
        ("Institute for the Study of War", "Institute for the Study of War"),
        ("Fedorov", "Ivan Fedorov"),
    ],
)
def test_find_actor(mention: str, name: str) -> None:
    actor = find_actor(mention)
    assert actor is not None
    assert actor.name == name


@pytest.mark.parametrize(
    "mention", ["Valerie Gerasimov", "Joe Biden", "General", "President", "a source", ""]
)
def test_find_actor_unknown(mention: str) -> None:
    assert find_actor(mention) is None


def test_normalise_key() -> None:
    assert normalise_key("  Russia’s  Defense Ministry ") == "russia's defence ministry"
    assert normalise_key("Zelenskyy’s") == "zelenskyy"


def write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "actors.tsv"
    path.write_text("# comment\n" + header + body, encoding="utf-8")
    return path


def test_read_actors_ok(tmp_path: Path) -> None:
    path = write(tmp_path, "Jane Doe\tDoe|J. Doe\tofficial\tUA\tMayor of X\tperson\n")
    (actor,) = read_actors(path)
    assert actor.aliases == ("Doe", "J. Doe")
    assert actor.forms == ("Jane Doe", "Doe", "J. Doe")


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("Jane Doe\tDoe\tofficial\tUA\tMayor\n", "expected 6"),
        ("Jane Doe\tDoe\tboss\tUA\tMayor\tperson\n", "type"),
        ("Jane Doe\tDoe\tofficial\tXX\tMayor\tperson\n", "side"),
        ("Jane Doe\tDoe\tofficial\tUA\tMayor\tthing\n", "entity"),
        ("Jane Doe\tDoe||J\tofficial\tUA\tMayor\tperson\n", "empty alias"),
        ("Jane Doe\tDoe\tofficial\tUA\t\tperson\n", "empty role"),
    ],
)
def test_read_actors_malformed_row(tmp_path: Path, body: str, problem: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ValueError, match=rf"actors\.tsv:3: .*{problem}"):
        read_actors(path)


def test_read_actors_duplicate_alias(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Jane Doe\tDoe\tofficial\tUA\tMayor\tperson\nJohn Doe\tDOE\tofficial\tRU\tMayor\tperson\n",
    )
    with pytest.raises(ValueError, match=r"actors\.tsv:4: duplicate .*'DOE'.*Jane Doe"):
        read_actors(path)


def test_read_actors_bad_header(tmp_path: Path) -> None:
    path = write(tmp_path, "", header="name\taliases\n")
    with pytest.raises(ValueError, match=r"actors\.tsv:2: header"):
        read_actors(path)


def test_loaded_terms_load_and_match() -> None:
    terms = {t.pattern: t for t in load_loaded_terms("en")}
    assert terms["neo-nazi regime"].technique == "name_calling"
    assert terms["neo-nazi regime"].strength == "strong"
    assert terms["catastrophic"].technique == "exaggeration"
    invaders = terms["invader(s)"].regex
    assert invaders.search("the Russian Invaders attacked")
    assert invaders.search("an invader")
    assert not invaders.search("invasion")
    assert terms["neo-nazi*"].regex.search("neo‑Nazis")  # non-breaking hyphen
    assert terms["neo-nazi regime"].regex.search("a hostile, neo-Nazi  regime in Kyiv")
    assert not terms["relentless"].regex.search("relentlessly bombarded")
    assert not terms["orc(s)"].regex.search("orchestra")
    assert terms["kyiv regime"].regex.search("the Kyiv regime")


def test_read_loaded_terms_malformed(tmp_path: Path) -> None:
    path = tmp_path / "loaded_language.tsv"
    path.write_text(
        "pattern\ttechnique\tstrength\tnote\nOrcs\tname_calling\tstrong\tx\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"loaded_language\.tsv:2: pattern not lower-case"):
        read_loaded_terms(path)
    path.write_text(
        "pattern\ttechnique\tstrength\tnote\norcs\tsmearing\tstrong\tx\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="technique"):
        read_loaded_terms(path)
