"""Small text helpers shared by the checks: headline and lead spans, figures and their hedges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from warclaims.model import Claim, Document, Span

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_NUMBER = re.compile(
    r"(?<![\w.,#$€£:/])"
    r"(?P<num>\d{1,3}(?:(?:,|\u00a0| |\u202f)\d{3})+(?!\d)|\d+(?:\.\d+)?)"
    r"(?P<mult>\s*(?:k|thousand|million|mln)\b)?"
    r"(?!\s*(?:st|nd|rd|th)\b)(?![\w:/]|\.\d)",
    re.IGNORECASE,
)
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "million": 1e6, "mln": 1e6}
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
# Hedge words as CLAIMS.md lists them, in front of or after a figure, and range joiners.
_HEDGE_BEFORE = re.compile(
    r"(?:\b(?:up to|as many as|at least|more than|over|in excess of|upwards of|fewer than|"
    r"under|less than|about|around|approximately|approx\.?|some|nearly|almost|roughly|"
    r"close to|estimated|an estimated|just over|just under|upward of)|[~≈<>]|"
    r"\d\s*(?:-|–|—|to)\s*)\s*$",
    re.IGNORECASE,
)
_HEDGE_AFTER = re.compile(
    r"^\s*(?:\+|\bor (?:more|so|fewer|less)\b|\bplus\b|(?:-|–|—|\bto\b)\s*\d)", re.IGNORECASE
)

HEDGED = frozenset({"approx", "up_to", "at_least", "at_most", "range"})


@dataclass(frozen=True, slots=True)
class Figure:
    """A number written in the text: its value, where it is, and whether a hedge goes with it."""

    value: float
    span: Span
    hedged: bool


def parse_number(number: str, multiplier: str | None = None) -> float:
    """ "3,000" → 3000, "1 150 000" → 1150000, "2.5" + "million" → 2500000."""
    digits = re.sub(r"[,\s\u00a0\u202f]", "", number)
    value = float(digits)
    if multiplier:
        value *= _MULTIPLIERS[multiplier.strip().lower()]
    return value


def figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Numbers in `text[start:end]` that can be figures: dates, years, ordinals, money and
    clock times are left out."""
    end = len(text) if end is None else end
    found: list[Figure] = []
    for m in _NUMBER.finditer(text, start, end):
        raw = m.group("num")
        before, after = text[max(0, m.start() - 15) : m.start()], text[m.end() : m.end() + 20]
        is_year = re.fullmatch(r"(?:19|20)\d\d", raw) is not None
        if is_year or _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
            continue
        value = parse_number(raw, m.group("mult"))
        window = text[max(start, m.start() - 25) : m.start()]
        hedged = bool(_HEDGE_BEFORE.search(window) or _HEDGE_AFTER.match(text[m.end() : end]))
        found.append(Figure(value, Span(start=m.start(), end=m.end()), hedged))
    return found


def same_figure(a: float, b: float, tolerance: float = 1e-9) -> bool:
    """Whether two figures agree within a relative tolerance."""
    if a == b:
        return True
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def claim_values(claim: Claim) -> tuple[float, ...]:
    """The figures a claim's quantity states: value and any bounds."""
    q = claim.quantity
    if q is None:
        return ()
    return tuple(v for v in (q.value, q.low, q.high) if v is not None)


def headline_span(doc: Document) -> Span | None:
    """Where the headline (doc.title) sits in the first line of the text, if it does."""
    if not doc.title or not doc.title.strip():
        return None
    first_line = doc.text.split("\n", 1)[0]
    at = first_line.find(doc.title.strip())
    if at < 0:
        return None
    return Span(start=at, end=at + len(doc.title.strip()))


_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"'”’)]|$)|\n")


def lead_span(doc: Document) -> Span | None:
    """The first sentence of the body (after the headline line, if any)."""
    text = doc.text
    head = headline_span(doc)
    start = text.find("\n", head.end) + 1 if head else 0
    if head and start == 0:
        return None
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text):
        return None
    m = _SENTENCE_END.search(text, start)
    end = m.end() if m else len(text)
    end = end - 1 if text[end - 1 : end] == "\n" else end
    return Span(start=start, end=end)


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def body_claims(doc: Document) -> list[Claim]:
    """Claims outside the headline (GOLD.md: headlines carry no claims of their own)."""
    head = headline_span(doc)
    return [c for c in doc.claims if head is None or not overlaps(c.evidence, head)]


def quote_text(text: str) -> str:
    """Text in typographic quotes, whitespace collapsed."""
    return "“" + " ".join(text.split()) + "”"


def quote(doc: Document, span: Span) -> str:
    """The text of a span in typographic quotes, whitespace collapsed."""
    return quote_text(span.slice(doc.text))


def claim_figure(doc: Document, claim: Claim) -> str:
    """How a claim's figure reads: its anchor text, or the quantity spelled out."""
    if claim.anchor is not None:
        return quote(doc, claim.anchor)
    q = claim.quantity
    if q is None:
        return quote(doc, claim.evidence)
    value = f"{q.value:,.0f}" if float(q.value).is_integer() else f"{q.value:,}"
    words = {"up_to": "up to ", "at_least": "at least ", "at_most": "at most ", "approx": "about "}
    if q.hedge == "range" and q.low is not None and q.high is not None:
        return f"{q.low:,.0f}–{q.high:,.0f}"
    return words.get(q.hedge, "") + value
