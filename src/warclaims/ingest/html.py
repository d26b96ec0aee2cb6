"""HTML pages in: the main text, title, date, publisher and URL (with trafilatura)."""

from __future__ import annotations

import codecs
import re
from urllib.parse import urlsplit

from warclaims.ingest.encoding import decode_bytes
from warclaims.ingest.errors import InputError
from warclaims.ingest.text import Report, normalise_text

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_BLOCKS = (
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
    "article", "header", "footer", "pre", "ul", "ol", "table", "figcaption",
)  # fmt: skip


def decode_html(data: bytes, source: str) -> str:
    """The page as text: its declared charset when UTF-8 fails, else the shared decoder."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, source)


def report_from_html(data: bytes, source: str, *, published: str | None = None) -> Report:
    """One article page as a report; `published` stands in when the page has no date.

    The text is trafilatura's main text (navigation, footers and comments left out); the
    title, date, publisher (site name, else the host) and URL come from the page's metadata.
    """
    import trafilatura

    if not data.strip():
        raise InputError(source, "empty file")
    page = decode_html(data, source)
    result = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=True
    )
    text = normalise_text(result.text or "") if result is not None else ""
    if not text.strip():
        text = normalise_text(html_to_text(page))
    if not text.strip():
        raise InputError(source, "no article text found in the HTML page")
    title = getattr(result, "title", None) or None
    url = getattr(result, "url", None) or None
    publisher = getattr(result, "sitename", None) or getattr(result, "hostname", None) or None
    if publisher is None and url:
        publisher = urlsplit(url).hostname
    return Report(
        text=text,
        title=title,
        published=getattr(result, "date", None) or published,
        publisher=publisher,
        url=url,
        source=source,
    )


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), one line per block element."""
    import lxml.html
    from lxml import etree

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except (etree.ParserError, ValueError):
        return fragment.strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
