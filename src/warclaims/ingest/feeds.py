"""RSS and Atom feeds in (with feedparser): each entry is one report.

An entry's text is its full content when the feed carries it, else its summary, with the
HTML taken out; its title, link and date come from the entry, its publisher from the
feed's own title. A malformed feed whose entries can still be read is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from warclaims.ingest.errors import InputError
from warclaims.ingest.html import html_to_text
from warclaims.ingest.meta import clean_string, published_date
from warclaims.ingest.text import Report, normalise_text

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)


def looks_like_feed(head: bytes) -> bool:
    """Whether a file that starts with `head` is an RSS, Atom or RDF feed."""
    return _FEED_ROOT.search(head[:4096]) is not None


def iter_feed(
    data: bytes | str, source: str, *, published: str | None = None
) -> Iterator[Report | InputError]:
    """The entries of one feed document as reports (bad entries as errors)."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = list(parsed.entries)
    if not entries:
        if parsed.bozo:
            why = getattr(parsed.get("bozo_exception"), "getMessage", lambda: None)()
            reason = f"not a readable RSS/Atom feed ({why or parsed.bozo_exception})"
        elif parsed.version:
            reason = "feed has no entries"
        else:
            reason = "not an RSS/Atom feed"
        yield InputError(source, reason)
        return
    publisher = clean_string(parsed.feed.get("title"))
    for index, entry in enumerate(entries, start=1):
        try:
            yield _entry_report(entry, index, source, publisher, published)
        except InputError as exc:
            yield exc


def _entry_report(
    entry: Any, index: int, source: str, publisher: str | None, published: str | None
) -> Report:
    where = f"entry {index}: "
    text = normalise_text(html_to_text(_entry_html(entry)))
    if not text.strip():
        raise InputError(source, where + "no content or summary text")
    try:
        date = published_date(
            entry.get("published_parsed")
            or entry.get("updated_parsed")
            or entry.get("published")
            or entry.get("updated")
        )
    except ValueError as exc:
        raise InputError(source, where + f"published: {exc}") from exc
    entry_publisher = entry.get("source", {}).get("title") if entry.get("source") else None
    return Report(
        text=text,
        title=clean_string(entry.get("title")),
        published=date or published,
        publisher=clean_string(entry_publisher) or publisher,
        url=clean_string(entry.get("link")),
        source=f"{source}#{index}",
    )


def _entry_html(entry: Any) -> str:
    """The longest of the entry's content parts, else its summary."""
    contents = [part.get("value") or "" for part in entry.get("content") or []]
    best = max(contents, key=len, default="")
    return best if best.strip() else entry.get("summary") or ""
