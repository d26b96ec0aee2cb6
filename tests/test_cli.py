"""The `warclaims` command line, end to end through typer's CliRunner.

Every report text here is written for these tests. stdout and stderr are read separately
(click >= 8.2: `result.stdout`, `result.stderr`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warclaims import __version__
from warclaims.cli import app
from warclaims.ingest.text import doc_id_for, normalise_text

KUPIANSK = (
    "Russian troops suffer losses near Kupiansk\n"
    "\n"
    "On November 20, Ukraine's General Staff said Russian forces lost up to 3,000 personnel "
    "near Kupiansk over the past week.\n"
)
POKROVSK = (
    "Moscow claims tanks destroyed\n"
    "\n"
    "The Russian Defence Ministry said on Tuesday that its forces destroyed about 40 "
    "Ukrainian tanks near Pokrovsk in Donetsk Oblast, according to a statement.\n"
)
KURYLIVKA = (
    "Village reported lost\n"
    "\n"
    "A source in the Ukrainian military told reporters that Russian troops had captured "
    "Kurylivka.\n"
)
AVDIIVKA = "The General Staff said Ukrainian forces destroyed 12 tanks near Avdiivka.\n"
RUSSIAN = (
    "Министерство обороны России сообщило, что за минувшие сутки украинские войска "
    "потеряли до 1200 военнослужащих под Купянском. Также уничтожены три танка и "
    "восемь бронемашин, говорится в сообщении ведомства.\n"
)
HEX16 = re.compile(r"[0-9a-f]{16}")

runner = CliRunner()


def run(*args: str | Path) -> object:
    """Invoke the app; no command may end in an uncaught exception or print a traceback."""
    result = runner.invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"uncaught {result.exception!r}") from result.exception
    assert "Traceback" not in result.stdout
    assert "Traceback" not in result.stderr
    return result


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- version and help ---------------------------------------------------------------------------


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"warclaims {__version__}"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ([], ["check", "ingest", "claims", "eval", "--version"]),
        (["check"], ["FILE", "--json", "--published", "--max-bytes", "YYYY-MM-DD"]),
        (["ingest"], ["PATH", "--db", "--published", "--max-bytes", "warclaims.db"]),
        (["claims"], ["--db", "--kind", "--side", "--place", "--claimant", "--json", "casualties"]),
        (["eval"], ["GOLD_DIR", "--reports", "--json", "--verbose"]),
    ],
)
def test_help(command: list[str], expected: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    for word in expected:
        assert word in result.stdout, word


def test_no_arguments_shows_help() -> None:
    result = run()
    assert "check" in result.stdout + result.stderr
    assert "Usage" in result.stdout + result.stderr


# -- check --------------------------------------------------------------------------------------


def test_check_prints_claim_cards(tmp_path: Path) -> None:
    report = write(tmp_path / "kupiansk.txt", KUPIANSK)
    result = run("check", report)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == ""
    out = result.stdout
    assert "Russian troops suffer losses near Kupiansk" in out  # the headline
    assert "casualties" in out
    assert "up to 3,000 personnel [up_to]" in out  # the hedge stays visible
    assert "Kupiansk" in out
    assert doc_id_for(KUPIANSK) in out


def test_check_several_reports_and_kinds(tmp_path: Path) -> None:
    result = run("check", write(tmp_path / "a.txt", KUPIANSK), write(tmp_path / "b.txt", POKROVSK))
    assert result.exit_code == 0, result.stderr
    assert "casualties" in result.stdout
    assert "equipment_loss" in result.stdout
    assert "about 40 equipment [approx]" in result.stdout


def test_check_json_is_the_claims_document(tmp_path: Path) -> None:
    report = write(tmp_path / "kupiansk.txt", KUPIANSK)
    result = run("check", report, "--json", "--published", "2025-11-21")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    for key in ("doc_id", "title", "published", "publisher", "url", "language", "text"):
        assert key in doc
    assert HEX16.fullmatch(doc["doc_id"])
    assert doc["doc_id"] == hashlib.sha256(doc["text"].encode("utf-8")).hexdigest()[:16]
    assert doc["text"] == KUPIANSK
    assert doc["language"] == "en"
    assert doc["published"] == "2025-11-21"
    assert isinstance(doc["flags"], list)
    assert doc["claims"], "no claims extracted"
    text = doc["text"]
    for claim in doc["claims"]:
        for key in ("kind", "category", "side", "quantity", "places", "date", "claimant"):
            assert key in claim
        start, end = claim["evidence"]["start"], claim["evidence"]["end"]
        assert 0 <= start < end <= len(text)
    casualty = next(c for c in doc["claims"] if c["kind"] == "casualties")
    ev = casualty["evidence"]
    assert "up to 3,000" in text[ev["start"] : ev["end"]]
    assert casualty["quantity"]["value"] == 3000
    assert casualty["quantity"]["hedge"] == "up_to"
    assert casualty["side"] == "RU"
    assert casualty["date"]["start"] == "2025-11-20"  # resolved against --published
    for flag in doc["flags"]:
        assert flag["code"] and flag["message"]
        for span in flag["evidence"]:
            assert 0 <= span["start"] <= span["end"] <= len(text)


def test_check_json_several_reports_is_a_list(tmp_path: Path) -> None:
    write(tmp_path / "reports" / "a.txt", KUPIANSK)
    write(tmp_path / "reports" / "b.txt", POKROVSK)
    result = run("check", tmp_path / "reports", "--json")
    assert result.exit_code == 0, result.stderr
    docs = json.loads(result.stdout)
    assert [d["text"] for d in docs] == [KUPIANSK, POKROVSK]


def test_check_reads_html_and_json_lines_as_ingest_does(tmp_path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in KUPIANSK.splitlines()[1:] if line.strip())
    page = write(
        tmp_path / "page.html",
        "<html><head><title>Kupiansk report</title>"
        '<meta property="article:published_time" content="2025-11-21T10:00:00+00:00">'
        f"</head><body><nav>Home | World</nav><article>{body}</article></body></html>",
    )
    lines = write(tmp_path / "wire.jsonl", json.dumps({"text": POKROVSK}) + "\n{broken\n")
    result = run("check", page, lines, "--json")
    assert result.exit_code == 1  # the broken line is reported, the rest is analysed
    assert "wire.jsonl:2" in result.stderr
    html_doc, jsonl_doc = json.loads(result.stdout)
    assert "<p>" not in html_doc["text"] and "Home | World" not in html_doc["text"]
    assert html_doc["title"] == "Kupiansk report"
    assert html_doc["published"] == "2025-11-21"
    assert html_doc["claims"]
    assert jsonl_doc["text"].strip() == POKROVSK.strip()


@pytest.mark.parametrize("bad", ["2025-13-01", "yesterday", "21.11.2025"])
def test_check_bad_published_date(tmp_path: Path, bad: str) -> None:
    report = write(tmp_path / "kupiansk.txt", KUPIANSK)
    result = run("check", report, "--published", bad)
    assert result.exit_code == 2
    assert "--published" in result.stderr
    assert bad in result.stderr
    assert "YYYY-MM-DD" in result.stderr
    assert result.stdout == ""


def test_check_max_bytes_must_be_positive(tmp_path: Path) -> None:
    report = write(tmp_path / "kupiansk.txt", KUPIANSK)
    result = run("check", report, "--max-bytes", "0")
    assert result.exit_code == 2
    assert "--max-bytes" in result.stderr


def _assert_one_error_line(result, name: str) -> str:
    lines = [line for line in error_lines(result) if name in line]
    assert len(lines) == 1, (name, result.stderr)
    assert lines[0].startswith("error: ")
    return lines[0]


def test_check_directory_with_bad_files(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    write(reports / "a_good.txt", KUPIANSK)
    (reports / "b_empty.txt").write_bytes(b"")
    (reports / "c_binary.txt").write_bytes(bytes(range(256)) * 8)
    write(reports / "d_large.txt", "Ukrainian forces destroyed 5 tanks. " * 200)
    (reports / "e_russian.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (reports / "f_utf16.txt").write_bytes(AVDIIVKA.encode("utf-16"))  # with a BOM
    (reports / "g_utf16le.txt").write_bytes(POKROVSK.encode("utf-16-le"))  # without
    (reports / "h_whitespace.txt").write_text("  \n\n \t\n", encoding="utf-8")
    write(reports / "notes.csv", "not a report")  # not a report suffix: ignored

    result = run("check", reports, "--json", "--max-bytes", "5000")

    assert result.exit_code == 1
    bad = ["b_empty.txt", "c_binary.txt", "d_large.txt", "h_whitespace.txt"]
    assert len(error_lines(result)) == len(bad), result.stderr
    assert "empty" in _assert_one_error_line(result, "b_empty.txt")
    assert "binary" in _assert_one_error_line(result, "c_binary.txt")
    assert "--max-bytes" in _assert_one_error_line(result, "d_large.txt")
    _assert_one_error_line(result, "h_whitespace.txt")
    for line in error_lines(result):
        assert str(reports) in line  # the full path, so the user can find the file

    docs = json.loads(result.stdout)
    texts = {d["text"]: d for d in docs}
    assert set(texts) == {KUPIANSK, RUSSIAN, AVDIIVKA, POKROVSK}
    assert texts[RUSSIAN]["language"] == "ru"
    assert texts[AVDIIVKA]["language"] == "en"
    assert any(c["kind"] == "equipment_loss" for c in texts[AVDIIVKA]["claims"])


def test_check_cards_for_recoded_files(tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (tmp_path / "wide.txt").write_bytes(AVDIIVKA.encode("utf-16"))
    result = run("check", tmp_path / "ru.txt", tmp_path / "wide.txt")
    assert result.exit_code == 0, result.stderr
    assert "· ru ·" in result.stdout
    assert "12 equipment" in result.stdout


def test_check_unreadable_file_in_directory(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    write(reports / "a_good.txt", KUPIANSK)
    (reports / "b_gone.txt").symlink_to(tmp_path / "nowhere.txt")  # a dangling link
    result = run("check", reports)
    assert result.exit_code == 1
    assert len(error_lines(result)) == 1
    _assert_one_error_line(result, "b_gone.txt")
    assert "casualties" in result.stdout


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_check_permission_denied(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    write(reports / "a_good.txt", KUPIANSK)
    locked = write(reports / "b_locked.txt", POKROVSK)
    locked.chmod(0)
    try:
        result = run("check", reports)
    finally:
        locked.chmod(0o644)
    assert result.exit_code == 1
    assert "permission" in _assert_one_error_line(result, "b_locked.txt")
    assert "casualties" in result.stdout


def test_check_50_mb_file_rejected_by_default(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    write(reports / "a_good.txt", KUPIANSK)
    huge = reports / "b_huge.txt"
    with huge.open("wb") as handle:  # sparse: instant, takes no disk
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b"\n")
    assert huge.stat().st_size > 50_000_000
    result = run("check", reports)
    assert result.exit_code == 1
    line = _assert_one_error_line(result, "b_huge.txt")
    assert "too large" in line
    assert "--max-bytes" in line
    assert len(error_lines(result)) == 1
    assert "casualties" in result.stdout


def test_check_missing_file(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", KUPIANSK)
    result = run("check", tmp_path / "missing.txt", good)
    assert result.exit_code == 1
    assert "no such file" in _assert_one_error_line(result, "missing.txt")
    assert "casualties" in result.stdout


def test_check_directory_without_reports(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("check", tmp_path / "empty")
    assert result.exit_code == 1
    line = _assert_one_error_line(result, "empty")
    assert "no report files" in line
    assert ".txt" in line


def test_check_file_names_are_not_markup(tmp_path: Path) -> None:
    """Brackets in file names ("[draft]", "[/x]") print as written, never as rich markup."""
    (tmp_path / "[draft] empty.txt").write_bytes(b"")
    write(tmp_path / "report [/x].txt", KUPIANSK)
    result = run("check", tmp_path / "[draft] empty.txt", tmp_path / "report [/x].txt")
    assert result.exit_code == 1
    _assert_one_error_line(result, "[draft] empty.txt")
    assert "report [/x].txt" in result.stdout


def test_check_analysis_crash_in_one_report(tmp_path: Path, monkeypatch) -> None:
    """A bug that crashes the analysis of one report: an error naming it, the rest go on."""
    import warclaims.pipeline as pipeline

    real = pipeline._document

    def crashing(report, doc):
        if "Pokrovsk" in report.text:
            raise RuntimeError("boom")
        return real(report, doc)

    monkeypatch.setattr(pipeline, "_document", crashing)
    reports = tmp_path / "reports"
    write(reports / "a.txt", KUPIANSK)
    write(reports / "b.txt", POKROVSK)
    write(reports / "c.txt", KURYLIVKA)
    result = run("check", reports, "--json")
    assert result.exit_code == 1
    line = _assert_one_error_line(result, "b.txt")
    assert "boom" in line
    assert [d["text"] for d in json.loads(result.stdout)] == [KUPIANSK, KURYLIVKA]


# -- ingest and claims --------------------------------------------------------------------------


def _table_dump(db: Path) -> tuple[dict[str, int], str]:
    """Row counts and one hash over every row of every table."""
    conn = sqlite3.connect(db)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        digest = hashlib.sha256()
        counts = {}
        for table in tables:
            rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
            counts[table] = len(rows)
            for row in sorted(map(repr, rows)):
                digest.update(f"{table}\t{row}\n".encode())
    finally:
        conn.close()
    return counts, digest.hexdigest()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    reports = tmp_path / "reports"
    write(reports / "a_kupiansk.txt", KUPIANSK)
    write(reports / "b_pokrovsk.txt", POKROVSK)
    write(reports / "c_kurylivka.txt", KURYLIVKA)
    return reports


def test_ingest_and_reingest_changes_nothing(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "x.db"
    first = run("ingest", corpus, "--db", db)
    assert first.exit_code == 0, first.stderr
    assert "3 added, 0 already stored, 0 failed" in first.stdout
    assert "3 documents" in first.stdout
    counts, digest = _table_dump(db)
    assert counts["documents"] == 3
    assert counts["claims"] >= 3

    again = run("ingest", corpus, "--db", db)
    assert again.exit_code == 0, again.stderr
    assert "0 added, 3 already stored, 0 failed" in again.stdout
    assert _table_dump(db) == (counts, digest)


def test_ingest_sqlite_url(tmp_path: Path, corpus: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("ingest", corpus / "a_kupiansk.txt", "--db", "sqlite:///rel.db")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "rel.db").is_file()


def test_ingest_default_db_is_in_the_working_directory(
    tmp_path: Path, corpus: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("ingest", corpus / "a_kupiansk.txt")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "warclaims.db").is_file()
    listed = run("claims", "--json")
    assert listed.exit_code == 0, listed.stderr
    assert listed.stdout.strip()


def test_ingest_with_bad_input(tmp_path: Path, corpus: Path) -> None:
    (corpus / "d_empty.txt").write_bytes(b"")
    (corpus / "e_binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    db = tmp_path / "x.db"
    result = run("ingest", corpus, "--db", db)
    assert result.exit_code == 1
    assert len(error_lines(result)) == 2
    _assert_one_error_line(result, "d_empty.txt")
    _assert_one_error_line(result, "e_binary.txt")
    assert "3 added, 0 already stored, 2 failed" in result.stdout
    assert _table_dump(db)[0]["documents"] == 3


def _claims_json(*args: str | Path) -> list[dict]:
    result = run("claims", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_claims_filters(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "x.db"
    assert run("ingest", corpus, "--db", db).exit_code == 0

    everything = _claims_json("--db", db)
    assert len(everything) == _table_dump(db)[0]["claims"]
    for record in everything:
        assert HEX16.fullmatch(record["doc_id"])
        assert isinstance(record["claim_id"], int)
        assert record["kind"]

    casualties = _claims_json("--db", db, "--kind", "casualties")
    assert casualties
    assert {c["kind"] for c in casualties} == {"casualties"}
    kupiansk = next(c for c in casualties if c["doc_id"] == doc_id_for(KUPIANSK))
    assert kupiansk["quantity"]["hedge"] == "up_to"
    assert kupiansk["quantity"]["value"] == 3000

    ru = _claims_json("--db", db, "--side", "RU")
    assert ru and {c["side"] for c in ru} == {"RU"}
    assert doc_id_for(KUPIANSK) in {c["doc_id"] for c in ru}
    ua = _claims_json("--db", db, "--side", "ua")  # case does not matter
    assert {c["side"] for c in ua} == {"UA"}
    assert doc_id_for(POKROVSK) in {c["doc_id"] for c in ua}

    pokrovsk = _claims_json("--db", db, "--place", "pokrovsk")
    assert pokrovsk
    assert all(any(p["name"] == "Pokrovsk" for p in c["places"]) for c in pokrovsk)
    oblast = _claims_json("--db", db, "--place", "Kharkiv Oblast")
    assert {c["doc_id"] for c in oblast} >= {doc_id_for(KUPIANSK), doc_id_for(KURYLIVKA)}
    assert _claims_json("--db", db, "--place", "Nowhereville") == []

    ministry = _claims_json("--db", db, "--claimant", "ministry")
    assert ministry
    assert {c["doc_id"] for c in ministry} == {doc_id_for(POKROVSK)}

    combined = _claims_json("--db", db, "--kind", "casualties", "--side", "UA")
    assert all(c["kind"] == "casualties" and c["side"] == "UA" for c in combined)

    limited = _claims_json("--db", db, "--limit", "1")
    assert len(limited) == 1


def test_claims_table(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "x.db"
    assert run("ingest", corpus, "--db", db).exit_code == 0
    result = run("claims", "--db", db, "--kind", "casualties")
    assert result.exit_code == 0, result.stderr
    assert "casualties" in result.stdout
    assert "up to 3,000" in result.stdout
    assert "Kupiansk" in result.stdout
    assert "Pokrovsk" not in result.stdout  # the filter applies to the table too


def test_claims_nothing_matches(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "x.db"
    assert run("ingest", corpus / "a_kupiansk.txt", "--db", db).exit_code == 0
    result = run("claims", "--db", db, "--place", "Nowhereville")
    assert result.exit_code == 0
    assert "no stored claims match" in result.stdout
    assert run("claims", "--db", db, "--place", "Nowhereville", "--json").stdout == ""


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [("--kind", "tanks", "casualties"), ("--side", "NATO", "RU or UA"), ("--place", " ", "empty")],
)
def test_claims_bad_filter(tmp_path: Path, corpus: Path, option, value, message) -> None:
    db = tmp_path / "x.db"
    assert run("ingest", corpus / "a_kupiansk.txt", "--db", db).exit_code == 0
    result = run("claims", "--db", db, option, value)
    assert result.exit_code == 2
    assert len(error_lines(result)) == 1
    assert message in result.stderr


def test_claims_without_a_store(tmp_path: Path) -> None:
    db = tmp_path / "missing.db"
    result = run("claims", "--db", db)
    assert result.exit_code == 2
    line = _assert_one_error_line(result, str(db))
    assert "warclaims ingest" in line
    assert not db.exists()  # listing never creates a store


def test_ingest_failure_in_the_middle_of_one_report(
    tmp_path: Path, corpus: Path, monkeypatch
) -> None:
    """The document and its claims are written, then the flags insert fails: all rolled back."""
    import warclaims.store.db as store_db

    victim = doc_id_for(normalise_text(POKROVSK))
    real = store_db._insert_flags

    def failing(conn, doc_id, flags):
        if doc_id == victim:
            raise sqlite3.OperationalError("disk I/O error")
        return real(conn, doc_id, flags)

    monkeypatch.setattr(store_db, "_insert_flags", failing)
    db = tmp_path / "x.db"
    result = run("ingest", corpus, "--db", db)
    assert result.exit_code == 1
    assert len(error_lines(result)) == 1
    line = _assert_one_error_line(result, "b_pokrovsk.txt")
    assert "disk I/O error" in line
    assert "2 added, 0 already stored, 1 failed" in result.stdout

    conn = sqlite3.connect(db)
    try:
        docs = {row[0] for row in conn.execute("SELECT doc_id FROM documents")}
        assert docs == {doc_id_for(KUPIANSK), doc_id_for(KURYLIVKA)}
        for table in ("claims", "flags"):
            sql = f"SELECT count(*) FROM {table} WHERE doc_id = ?"
            assert conn.execute(sql, (victim,)).fetchone()[0] == 0
        orphans = conn.execute(
            "SELECT count(*) FROM claim_places WHERE claim_id NOT IN (SELECT id FROM claims)"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        conn.close()

    monkeypatch.setattr(store_db, "_insert_flags", real)
    retry = run("ingest", corpus, "--db", db)
    assert retry.exit_code == 0, retry.stderr
    assert "1 added, 2 already stored, 0 failed" in retry.stdout


@pytest.mark.parametrize(
    "url", ["postgresql://user@localhost/claims", "mysql://x/y", "sqlite://relative.db"]
)
def test_ingest_unsupported_store_url(tmp_path: Path, corpus: Path, url: str) -> None:
    result = run("ingest", corpus, "--db", url)
    assert result.exit_code == 2
    lines = error_lines(result)
    assert len(lines) == 1, result.stderr
    assert url in lines[0]
    assert "sqlite:///" in lines[0]  # says what would work
    assert result.stdout == ""


def test_claims_unsupported_store_url() -> None:
    result = run("claims", "--db", "postgresql://user@localhost/claims")
    assert result.exit_code == 2
    assert "only SQLite" in result.stderr


def test_ingest_store_directory_missing(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "no" / "such" / "dir" / "x.db"
    result = run("ingest", corpus, "--db", db)
    assert result.exit_code == 2
    assert "does not exist" in _assert_one_error_line(result, str(db.parent))


def test_ingest_into_a_file_that_is_not_a_store(tmp_path: Path, corpus: Path) -> None:
    db = write(tmp_path / "notes.db", "these are my notes, not a database\n" * 100)
    before = db.read_bytes()
    result = run("ingest", corpus, "--db", db)
    assert result.exit_code == 2
    _assert_one_error_line(result, str(db))
    assert db.read_bytes() == before


# -- eval ---------------------------------------------------------------------------------------


def _gold_set(root: Path) -> Path:
    write(root / "reports" / "kupiansk.txt", KUPIANSK)
    anchor = "up to 3,000"
    gold = {
        "text_file": "kupiansk.txt",
        "published": "2025-11-21",
        "language": "en",
        "claims": [
            {
                "anchor": anchor,
                "anchor_start": KUPIANSK.index(anchor),
                "kind": "casualties",
                "side": "RU",
                "quantity": {
                    "value": 3000,
                    "low": None,
                    "high": 3000,
                    "hedge": "up_to",
                    "unit": "personnel",
                },
                "places": ["Kupiansk"],
                "claimant": {"type": "official", "side": "UA"},
            }
        ],
        "flags": [],
    }
    write(root / "gold" / "kupiansk.json", json.dumps(gold))
    return root / "gold"


def test_eval_json(tmp_path: Path) -> None:
    gold_dir = _gold_set(tmp_path)
    result = run("eval", gold_dir, "--json")  # reports default to GOLD_DIR/../reports
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    overall = scores["overall"]
    assert overall["documents"] == 1
    for key in ("claims", "strict"):
        for metric in ("precision", "recall", "f1", "tp", "gold", "predicted"):
            assert metric in overall[key]
    assert overall["claims"]["gold"] == 1
    assert overall["claims"]["tp"] == 1
    assert overall["strict"]["tp"] == 1
    assert scores["errors"] == []


def test_eval_table_and_reports_option(tmp_path: Path) -> None:
    gold_dir = _gold_set(tmp_path / "set")
    result = run("eval", gold_dir, "--reports", tmp_path / "set" / "reports")
    assert result.exit_code == 0, result.stderr
    assert "strict" in result.stdout.lower()


def test_eval_missing_gold_dir(tmp_path: Path) -> None:
    result = run("eval", tmp_path / "nope")
    assert result.exit_code == 2
    _assert_one_error_line(result, "nope")


def test_eval_missing_reports_dir(tmp_path: Path) -> None:
    gold_dir = _gold_set(tmp_path)
    result = run("eval", gold_dir, "--reports", tmp_path / "elsewhere")
    assert result.exit_code == 2
    _assert_one_error_line(result, "elsewhere")


def test_eval_malformed_gold_file(tmp_path: Path) -> None:
    gold_dir = _gold_set(tmp_path)
    write(gold_dir / "broken.json", "{not json")
    result = run("eval", gold_dir, "--json")
    assert result.exit_code == 2
    _assert_one_error_line(result, "broken.json")


def test_eval_gold_without_its_report(tmp_path: Path) -> None:
    gold_dir = _gold_set(tmp_path)
    write(gold_dir / "lost.json", json.dumps({"text_file": "lost.txt", "claims": []}))
    result = run("eval", gold_dir, "--json")
    assert result.exit_code == 1
    scores = json.loads(result.stdout)  # the scores of the rest are still printed
    assert [e["document"] for e in scores["errors"]] == ["lost"]
    _assert_one_error_line(result, "lost")
