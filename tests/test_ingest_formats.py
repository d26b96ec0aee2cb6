"""Every input format of `warclaims ingest`: text, HTML, JSON, JSON lines, RSS/Atom, stdin.

All texts here are written for these tests.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warclaims.cli import app
from warclaims.ingest.errors import InputError
from warclaims.ingest.html import html_to_text, report_from_html
from warclaims.ingest.jsonl import FieldNames
from warclaims.ingest.meta import published_date
from warclaims.ingest.sources import INGEST_SUFFIXES, ReadOptions, ReportReader, sniff_format
from warclaims.ingest.text import Report
from warclaims.store import open_store

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

STORY = (
    "Russian forces said on Thursday they had captured Kurylivka near Kupiansk, "
    "a claim Ukraine's General Staff denied."
)
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Claim and denial near Kupiansk | Test Gazette</title>
<meta property="og:site_name" content="Test Gazette">
<meta property="og:url" content="https://gazette.example/kurylivka">
<meta property="article:published_time" content="2025-11-20T10:00:00Z">
</head><body><nav>Home | Sport | Weather</nav>
<article><h1>Claim and denial near Kupiansk</h1>
<p>Russian forces said on Thursday they had captured Kurylivka near Kupiansk.</p>
<p>Ukraine's General Staff denied the claim and said fighting continued in the village.</p>
</article><footer>Copyright Test Gazette, all rights reserved</footer></body></html>
"""
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Courier</title><link>https://courier.example/</link>
<item><title>First entry</title><link>https://courier.example/1</link>
<pubDate>Thu, 20 Nov 2025 19:30:00 +0200</pubDate>
<description><![CDATA[<p>Kupiansk is held, the <b>General Staff</b> said.</p>
<p>Second paragraph.</p>]]></description></item>
<item><title>Second entry</title><link>https://courier.example/2</link>
<pubDate>Fri, 21 Nov 2025 09:00:00 +0200</pubDate>
<description>Fighting near Kurylivka continued.</description></item>
<item><title>Empty entry</title><link>https://courier.example/3</link></item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Monitor</title>
<entry><title>Encirclement claim</title><link href="https://atom.example/e1"/>
<id>urn:e1</id><updated>2025-11-21T12:00:00Z</updated>
<content type="html">&lt;p&gt;Putin said 15 Ukrainian battalions were surrounded.&lt;/p&gt;
</content>
</entry></feed>
"""


def read_all(*inputs: str | Path, stdin: bytes | None = None, **options) -> list:
    reader = ReportReader(
        list(inputs),
        ReadOptions(**options),
        stdin=io.BytesIO(stdin) if stdin is not None else None,
    )
    return list(reader)


def reports_and_errors(items: list) -> tuple[list[Report], list[InputError]]:
    reports = [i for i in items if isinstance(i, Report)]
    errors = [i for i in items if isinstance(i, InputError)]
    return reports, errors


def jsonl(*records: object) -> str:
    return "".join(
        (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records
    )


# -- plain text ----------------------------------------------------------------------------------


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "wire_20251120.txt"
    path.write_text("Kurylivka claimed\n\n" + STORY + "\n", encoding="utf-8")
    [report] = read_all(path)
    assert report.title == "Kurylivka claimed"
    assert report.published == "2025-11-20"  # from the file name
    assert report.source == str(path)
    [forced] = read_all(path, published="2025-11-21")
    assert forced.published == "2025-11-21"


def test_text_in_cp1251(tmp_path: Path) -> None:
    text = "Минобороны России заявило о взятии Куриловки. " * 5
    (tmp_path / "ru.txt").write_bytes(text.encode("cp1251"))
    [report] = read_all(tmp_path / "ru.txt")
    assert "Куриловки" in report.text


# -- HTML ----------------------------------------------------------------------------------------


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [report] = read_all(path)
    assert isinstance(report, Report)
    assert report.title == "Claim and denial near Kupiansk"
    assert report.published == "2025-11-20"
    assert report.publisher == "Test Gazette"
    assert report.url == "https://gazette.example/kurylivka"
    assert "captured Kurylivka" in report.text
    assert "Ukraine's General Staff denied the claim" in report.text
    assert "Sport" not in report.text and "Copyright" not in report.text


def test_html_declared_charset_and_fallback_date(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Купянск</title></head><body><article><p>"
        + "Генштаб ВСУ опроверг заявление о взятии Купянска. " * 4
        + "</p></article></body></html>"
    )
    path = tmp_path / "ru_20251121.htm"
    path.write_bytes(page.encode("cp1251"))
    [report] = read_all(path)
    assert "опроверг" in report.text
    assert report.published == "2025-11-21"  # no date in the page: the file name's


def test_html_without_text(tmp_path: Path) -> None:
    (tmp_path / "blank.html").write_text("<html><body><script>x()</script></body></html>")
    [error] = read_all(tmp_path / "blank.html")
    assert isinstance(error, InputError)
    assert "no article text" in error.reason
    with pytest.raises(InputError, match="empty file"):
        report_from_html(b"  ", "x.html")


def test_html_to_text() -> None:
    assert html_to_text("<p>One <b>two</b>.</p><p>Three &amp; four<br>five</p>") == (
        "One two.\nThree & four\nfive"
    )
    assert html_to_text("<script>bad()</script>plain") == "plain"
    assert html_to_text("no markup") == "no markup"


# -- JSON and JSON lines -------------------------------------------------------------------------

RECORD = {
    "text": STORY,
    "title": "Kurylivka claimed",
    "published": "2025-11-20T16:05:00Z",
    "url": "https://wire.example/1",
    "publisher": "Test Wire",
}


def test_json_object_array_and_wrapper(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps(RECORD))
    (tmp_path / "many.json").write_text(json.dumps([RECORD, {**RECORD, "text": STORY + " 2"}]))
    (tmp_path / "wrapped.json").write_text(json.dumps({"items": [RECORD]}))
    reports, errors = reports_and_errors(read_all(tmp_path))
    assert errors == []
    assert len(reports) == 4
    first = reports[1]  # many.json comes first in name order: many, one, wrapped
    assert (first.title, first.published, first.url, first.publisher) == (
        "Kurylivka claimed",
        "2025-11-20",
        "https://wire.example/1",
        "Test Wire",
    )
    assert [r.source for r in reports] == [
        f"{tmp_path / 'many.json'}#1",
        f"{tmp_path / 'many.json'}#2",
        str(tmp_path / "one.json"),
        f"{tmp_path / 'wrapped.json'}#1",
    ]


def test_json_bad_items_and_bad_json(tmp_path: Path) -> None:
    (tmp_path / "items.json").write_text(json.dumps([RECORD, {"title": "no text"}, 5]))
    (tmp_path / "broken.json").write_text('{"text": "a",\n "title": }')
    (tmp_path / "empty.json").write_text("[]")
    reports, errors = reports_and_errors(read_all(tmp_path))
    assert len(reports) == 1
    reasons = sorted(str(e) for e in errors)
    assert any("broken.json:2: not valid JSON" in r for r in reasons)
    assert any("items.json: item 2: no 'text' field" in r for r in reasons)
    assert any("items.json: item 3: expected a JSON object, got a number" in r for r in reasons)
    assert any("empty.json: an empty JSON array" in r for r in reasons)


def test_jsonl_per_line_errors(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        jsonl(
            RECORD,
            "",
            "{not json",
            {"title": "missing text"},
            {**RECORD, "text": "  "},
            {**RECORD, "published": "sometime soon"},
            {**RECORD, "text": 42},
            {**RECORD, "text": STORY + " Again."},
        ),
        encoding="utf-8",
    )
    reports, errors = reports_and_errors(read_all(path))
    assert [r.source for r in reports] == [f"{path}:1", f"{path}:8"]
    assert [(e.source, e.line) for e in errors] == [(str(path), n) for n in (3, 4, 5, 6, 7)]
    assert "not valid JSON" in errors[0].reason
    assert "no 'text' field" in errors[1].reason and "--json-text" in errors[1].reason
    assert "is empty" in errors[2].reason
    assert "not a date" in errors[3].reason
    assert "a number, not a string" in errors[4].reason


def test_jsonl_field_names(tmp_path: Path) -> None:
    path = tmp_path / "custom.ndjson"
    record = {
        "body": STORY,
        "headline": "Renamed",
        "meta": {"date": "20 November 2025", "site": "Nested Outlet"},
        "link": "https://n.example/1",
    }
    path.write_text(jsonl(record))
    fields = FieldNames(
        text="body", title="headline", published="meta.date", url="link", publisher="meta.site"
    )
    [report] = read_all(path, fields=fields)
    assert (report.text, report.title, report.published, report.url, report.publisher) == (
        STORY,
        "Renamed",
        "2025-11-20",
        "https://n.example/1",
        "Nested Outlet",
    )
    with pytest.raises(ValueError, match="empty JSON field name"):
        FieldNames(text=" ")


@pytest.mark.parametrize("codec", ["utf-8-sig", "cp1251", "utf-16"])
def test_jsonl_encodings(tmp_path: Path, codec: str) -> None:
    texts = [f"Генштаб сообщил о потерях под Купянском, запись {i}." for i in range(40)]
    path = tmp_path / "ru.jsonl"
    path.write_bytes(jsonl(*({"text": t} for t in texts)).encode(codec))
    reports, errors = reports_and_errors(read_all(path))
    assert errors == []
    assert [r.text for r in reports] == texts


def test_jsonl_line_too_long(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(jsonl({"text": "x" * 500}, {"text": STORY}, {"text": "y" * 500}))
    reports, errors = reports_and_errors(read_all(path, max_bytes=300))
    assert [r.text for r in reports] == [STORY]
    assert [(e.line, "longer than 300 bytes" in e.reason) for e in errors] == [
        (1, True),
        (3, True),
    ]


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    """A JSON-lines file bigger than --max-bytes is fine: the limit is per line."""
    path = tmp_path / "many.jsonl"
    path.write_text(jsonl(*({"text": f"{STORY} Number {i}."} for i in range(2000))))
    assert path.stat().st_size > 200_000
    reader = ReportReader([path], ReadOptions(max_bytes=1000))
    seen = 0
    for item in reader:
        assert isinstance(item, Report)
        seen += 1
        assert 0 < reader.done <= reader.total
    assert seen == 2000
    assert reader.done == reader.total == path.stat().st_size


# -- feeds ---------------------------------------------------------------------------------------


def test_rss_entries(tmp_path: Path) -> None:
    path = tmp_path / "courier.rss"
    path.write_text(RSS, encoding="utf-8")
    reports, errors = reports_and_errors(read_all(path))
    assert [r.title for r in reports] == ["First entry", "Second entry"]
    first = reports[0]
    assert first.text == "Kupiansk is held, the General Staff said.\nSecond paragraph."
    assert (first.published, first.url, first.publisher, first.source) == (
        "2025-11-20",
        "https://courier.example/1",
        "Test Courier",
        f"{path}#1",
    )
    assert reports[1].published == "2025-11-21"
    [error] = errors
    assert "entry 3: no content or summary text" in str(error)


def test_atom_entry(tmp_path: Path) -> None:
    path = tmp_path / "monitor.atom"
    path.write_text(ATOM, encoding="utf-8")
    [report] = read_all(path)
    assert report.text == "Putin said 15 Ukrainian battalions were surrounded."
    assert (report.title, report.url, report.publisher, report.published) == (
        "Encirclement claim",
        "https://atom.example/e1",
        "Atom Monitor",
        "2025-11-21",
    )


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    (tmp_path / "data.xml").write_text("<?xml version='1.0'?><catalog><book/></catalog>")
    (tmp_path / "empty.rss").write_text(
        "<rss version='2.0'><channel><title>T</title></channel></rss>"
    )
    errors = read_all(tmp_path)
    assert sorted(e.reason for e in errors) == ["feed has no entries", "not an RSS/Atom feed"]


# -- standard input and sniffing -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (jsonl(RECORD, RECORD).encode(), "jsonl"),
        (json.dumps([RECORD], indent=2).encode(), "json"),
        (json.dumps(RECORD, indent=2).encode(), "json"),
        (PAGE.encode(), "html"),
        (RSS.encode(), "feed"),
        (ATOM.encode(), "feed"),
        (b"\xef\xbb\xbfHeadline\n\nBody text.", "txt"),
    ],
)
def test_sniff_format(data: bytes, fmt: str) -> None:
    assert sniff_format(data) == fmt


def test_stdin_each_format() -> None:
    assert [r.source for r in read_all("-", stdin=jsonl(RECORD).encode())] == ["<stdin>:1"]
    [page] = read_all("-", stdin=PAGE.encode())
    assert page.publisher == "Test Gazette"
    assert len(read_all("-", stdin=RSS.encode())) == 3  # two entries and one error
    [text] = read_all("-", stdin=("Headline\n\n" + STORY).encode())
    assert (text.title, text.source) == ("Headline", "<stdin>")
    [forced] = read_all("-", stdin=b"{not json at all", format="txt")
    assert forced.text == "{not json at all"
    [error] = read_all("-", stdin=b"x" * 50, max_bytes=10)
    assert "larger than 10 bytes" in error.reason


def test_directory_walk_takes_every_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\n" + STORY)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(PAGE)
    (tmp_path / "sub" / "c.jsonl").write_text(jsonl(RECORD))
    (tmp_path / "d.rss").write_text(RSS)
    (tmp_path / "README.md").write_text("not a report")
    (tmp_path / "notes.csv").write_text("a,b\n")
    reports, errors = reports_and_errors(read_all(tmp_path))
    assert len(reports) == 5 and len(errors) == 1  # the feed's empty entry
    assert {".txt", ".html", ".json", ".jsonl", ".rss", ".atom", ".xml"} <= INGEST_SUFFIXES


def test_unknown_suffix_is_sniffed_and_missing_inputs(tmp_path: Path) -> None:
    (tmp_path / "export.dat").write_text(jsonl(RECORD))
    [report] = read_all(tmp_path / "export.dat")
    assert report.publisher == "Test Wire"
    [missing] = read_all(tmp_path / "nope.txt")
    assert "no such file" in missing.reason
    (tmp_path / "empty").mkdir()
    [none] = read_all(tmp_path / "empty")
    assert "no report files found" in none.reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-11-20", "2025-11-20"),
        ("2025-11-20T23:15:00+02:00", "2025-11-20"),
        ("Thu, 20 Nov 2025 09:15:00 GMT", "2025-11-20"),
        ("20 November 2025", "2025-11-20"),
        (1763630000, "2025-11-20"),
        (None, None),
        ("", None),
    ],
)
def test_published_date(value: object, expected: str | None) -> None:
    assert published_date(value) == expected


@pytest.mark.parametrize("value", ["soon", "2025-13-45", True, ["2025-11-20"]])
def test_published_date_errors(value: object) -> None:
    with pytest.raises(ValueError, match="not a date"):
        published_date(value)


# -- the command, end to end ---------------------------------------------------------------------


def test_cli_ingests_the_samples(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "14 added, 0 already stored, 0 failed, 2 merged as duplicates" in result.stdout
    assert "14 documents (16 sources)" in result.stdout
    with open_store(str(db)) as store:
        publishers = {s.publisher for c in store.clusters() for s in c.sources}
        [wire] = store.clusters(min_size=2)
    assert {"Eastbound Monitor", "Slobozhanka Daily", "Northline Wire"} <= publishers
    assert wire.outlets == ["Northline Wire", "Eastern Courier", "Danube Herald"]
    again = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(db)])
    assert "0 added, 16 already stored, 0 failed, 0 merged" in again.stdout


def test_cli_stdin_field_options_and_error_list(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    lines = jsonl(
        {"body": "Headline one\n\nRussian forces captured Kurylivka, the ministry said."},
        "{broken",
        {"title": "no body"},
    )
    result = CliRunner().invoke(
        app, ["ingest", "-", "--db", str(db), "--json-text", "body"], input=lines.encode()
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: <stdin>:2: not valid JSON: Expecting property name enclosed in double quotes"
        " (column 2)",
        "error: <stdin>:3: no 'body' field (name the text field with --json-text)",
    ]
    assert "1 added, 0 already stored, 2 failed" in result.stdout


def test_cli_bad_options(tmp_path: Path) -> None:
    runner = CliRunner()
    bad_format = runner.invoke(app, ["ingest", "-", "--format", "pdf", "--db", str(tmp_path / "x")])
    assert bad_format.exit_code == 2
    assert "unknown format 'pdf'" in bad_format.stderr
    bad_field = runner.invoke(app, ["ingest", "-", "--json-url", "", "--db", str(tmp_path / "x")])
    assert bad_field.exit_code == 2
    assert "empty JSON field name" in bad_field.stderr
