"""Reading report files: encodings, bad inputs, directory walking."""

from __future__ import annotations

import codecs
import os
import pickle
import random
from pathlib import Path

import pytest

from warclaims.ingest.files import InputError, iter_input_paths, read_report
from warclaims.ingest.text import doc_id_for

RU = "Купянск освобожден, сообщили в Минобороны. " * 4
UK = "Армія звільнила Куп'янськ, повідомили в Генштабі ЗСУ. " * 3
EN = "Russian forces captured Kupyansk, the ministry said.\n" * 3
HEADLINE = "Kupyansk captured, ministry says"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def read_error(path: Path, **kwargs: int) -> InputError:
    with pytest.raises(InputError) as info:
        read_report(path, **kwargs)
    return info.value


# -- the error type ----------------------------------------------------------------------------


def test_input_error_message_and_attributes() -> None:
    err = InputError("a.txt", "empty file")
    assert (err.source, err.line, err.reason) == ("a.txt", None, "empty file")
    assert str(err) == "a.txt: empty file"
    assert str(InputError("a.txt", "bad byte", line=3)) == "a.txt:3: bad byte"
    assert str(pickle.loads(pickle.dumps(InputError("b", "r", 2)))) == "b:2: r"


# -- bad files ---------------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, "e.txt", b""))
    assert err.reason == "empty file"
    assert str(err) == f"{tmp_path / 'e.txt'}: empty file"


@pytest.mark.parametrize("data", [b"  \n\t\r\n  ", codecs.BOM_UTF8 + b"\n", b"\xef\xbb\xbf"])
def test_whitespace_only(tmp_path: Path, data: bytes) -> None:
    assert "empty file" in read_error(write(tmp_path, "w.txt", data)).reason


def test_random_binary(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4096)) + b"\x00\x00\x00"
    err = read_error(write(tmp_path, "r.bin", data))
    assert err.reason.startswith("binary file")
    assert "only text reports" in err.reason


def test_png_header(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
    assert read_error(write(tmp_path, "x.png", png)).reason.startswith("binary file (NUL")


def test_control_characters_are_binary(tmp_path: Path) -> None:
    data = bytes(range(1, 9)) * 50 + b"some text"
    assert read_error(write(tmp_path, "c.txt", data)).reason.startswith("binary file")


def test_too_large(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"Words words words.\n" * 100)
    err = read_error(path, max_bytes=1000)
    assert err.reason == "file too large (1.9 kB > 1 kB limit; raise it with --max-bytes)"
    assert read_report(path, max_bytes=1900).text.startswith("Words")


def test_too_large_message_in_mb(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"x")
    os.truncate(path, 52_400_000)  # sparse: no 52 MB written
    err = read_error(path)
    assert err.reason == "file too large (52.4 MB > 20 MB limit; raise it with --max-bytes)"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert read_error(tmp_path / "nope.txt").reason == "no such file or directory"
    assert read_error(tmp_path).reason.startswith("is a directory")


def test_nul_in_path() -> None:
    assert read_error(Path("bad\x00name.txt")).reason.startswith("invalid path")


def test_undecodable(tmp_path: Path) -> None:
    rng = random.Random(1)
    data = b"first line\nsecond line\n" + bytes(rng.randrange(0x80, 256) for _ in range(2000))
    err = read_error(write(tmp_path, "u.txt", data))
    assert err.line == 3
    assert err.reason.startswith("cannot decode: not UTF-8/UTF-16 and no charset detected")
    assert str(err).startswith(f"{tmp_path / 'u.txt'}:3: cannot decode")


def test_bad_bytes_after_utf8_bom(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, "b.txt", codecs.BOM_UTF8 + b"ok\nok\n\xff\xfe"))
    assert err.line == 3
    assert "UTF-8 byte-order mark" in err.reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", EN.encode())
    path.chmod(0)
    try:
        assert read_error(path).reason.startswith("permission denied")
    finally:
        path.chmod(0o644)


def test_os_errors_are_input_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "a.txt", EN.encode())

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert read_error(path).reason.startswith("permission denied")

    def fail(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "open", fail)
    assert read_error(path).reason == "cannot read: Input/output error"


# -- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (RU, "cp1251"),
        (UK, "cp1251"),
        (RU, "koi8-r"),
        (RU, "utf-8"),
        (RU, "utf-8-sig"),
        (EN, "utf-8-sig"),
        (RU, "utf-16"),  # with BOM
        (EN, "utf-16"),
        (RU, "utf-16-le"),  # no BOM
        (EN, "utf-16-le"),
        (EN, "utf-16-be"),
        (UK, "utf-16-be"),
        (EN, "utf-32"),
        (EN, "utf-32-le"),
    ],
)
def test_encoding_round_trip(tmp_path: Path, text: str, codec: str) -> None:
    report = read_report(write(tmp_path, "r.txt", text.encode(codec)))
    assert report.text == text
    assert "\ufeff" not in report.text


def test_utf16_le_bom_bytes(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + RU.encode("utf-16-le")
    assert read_report(write(tmp_path, "r.txt", data)).text == RU


def test_crlf_offsets(tmp_path: Path) -> None:
    body = f"{HEADLINE}\r\n\r\nRussian forces captured Kupyansk.\r\nKyiv denied it.\r\n"
    report = read_report(write(tmp_path, "crlf.txt", body.encode()))
    assert "\r" not in report.text
    assert report.text == body.replace("\r\n", "\n")
    start = report.text.index("Kyiv")
    assert report.text[start : start + len("Kyiv denied it.")] == "Kyiv denied it."
    assert doc_id_for(report.text) == doc_id_for(body)
    assert report.title == HEADLINE


def test_lone_cr_and_nfc(tmp_path: Path) -> None:
    report = read_report(write(tmp_path, "cr.txt", "Cafe\u0301 one\rtwo\r".encode()))
    assert report.text == "Caf\u00e9 one\ntwo\n"


# -- report fields -----------------------------------------------------------------------------


def test_headline_and_fields(tmp_path: Path) -> None:
    path = write(tmp_path, "h.txt", f"{HEADLINE}\n\n{EN}".encode())
    report = read_report(path, published="2025-11-21")
    assert report.title == HEADLINE
    assert report.published == "2025-11-21"
    assert report.source == str(path)
    assert report.text.startswith(HEADLINE)


@pytest.mark.parametrize(
    "body",
    [
        EN,  # first line ends with a full stop
        HEADLINE,  # nothing after it
        "x" * 200 + "\nmore text",  # too long
    ],
)
def test_no_headline(tmp_path: Path, body: str) -> None:
    report = read_report(write(tmp_path, "n.txt", body.encode()))
    assert report.title is None
    assert report.published is None


def test_markdown_headline(tmp_path: Path) -> None:
    report = read_report(write(tmp_path, "m.md", f"# {HEADLINE}\n\n{EN}".encode()))
    assert report.title == HEADLINE


# -- walking -----------------------------------------------------------------------------------


def make_tree(root: Path) -> None:
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for name in ["b.txt", "a.md", "c.text", "notes.pdf", "image.png", ".secret.txt", "D.TXT"]:
        (root / name).write_text(EN)
    (root / "sub" / "z.txt").write_text(EN)
    (root / "sub" / "deeper" / "y.md").write_text(EN)
    (root / ".hidden" / "x.txt").write_text(EN)


def test_iter_directory(tmp_path: Path) -> None:
    make_tree(tmp_path)
    got = [p.relative_to(tmp_path).as_posix() for p in iter_input_paths([tmp_path])]
    assert got == ["D.TXT", "a.md", "b.txt", "c.text", "sub/deeper/y.md", "sub/z.txt"]


def test_iter_files_as_given_and_missing(tmp_path: Path) -> None:
    make_tree(tmp_path)
    pdf, hidden, missing = tmp_path / "notes.pdf", tmp_path / ".secret.txt", tmp_path / "no.txt"
    got = list(iter_input_paths([pdf, missing, hidden, tmp_path / "sub", pdf]))
    assert got[0] == pdf and got[2] == hidden  # explicit files whatever their suffix
    assert isinstance(got[1], InputError)
    assert str(got[1]) == f"{missing}: no such file or directory"
    assert got[3:] == [tmp_path / "sub" / "deeper" / "y.md", tmp_path / "sub" / "z.txt"]


def test_iter_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(EN)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert list(iter_input_paths([tmp_path])) == [tmp_path / "a.txt"]


def test_directory_with_unreadable_and_hidden_file(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(f"{HEADLINE}\n\n{EN}")
    (tmp_path / ".hidden.txt").write_text(EN)
    locked = tmp_path / "locked.txt"
    locked.write_text(EN)
    locked.chmod(0)
    try:
        results: list[str] = []
        for item in iter_input_paths([tmp_path]):
            assert isinstance(item, Path)
            try:
                results.append(read_report(item).title or "-")
            except InputError as err:
                results.append(str(err))
        if os.access(locked, os.R_OK):  # root: the lock does not hold
            assert results == [HEADLINE, "-"]
        else:
            assert results == [
                HEADLINE,
                f"{locked}: permission denied; check the file's read permission",
            ]
    finally:
        locked.chmod(0o644)


def test_directory_walk_skips_readme_and_licence(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# About these samples\n", encoding="utf-8")
    (tmp_path / "LICENSE.txt").write_text("MIT\n", encoding="utf-8")
    (tmp_path / "report.txt").write_text("Headline\nBody text.\n", encoding="utf-8")
    found = list(iter_input_paths([tmp_path]))
    assert found == [tmp_path / "report.txt"]
    # named explicitly, a README is still read
    assert list(iter_input_paths([tmp_path / "README.md"])) == [tmp_path / "README.md"]
