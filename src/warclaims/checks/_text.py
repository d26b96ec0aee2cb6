"""Small text helpers shared by the checks: headline and lead spans, figures and their hedges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from warclaims.model import Claim, Document, Quantity, Span

# month names in any case, but "May" only capitalised ("Russia may lose 5,000 troops")
_MONTHS = (
    "(?i:january|february|march|april|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|May"
)
_NUMBER = re.compile(
    r"(?<![\w.,#$€£:/])"
    r"(?P<num>\d{1,3}(?:(?:,|\u00a0| |\u202f)\d{3})+(?!\d)|\d+(?:\.\d+)?)"
    r"(?P<mult>\s*(?:k|thousand|million|mln)\b)?"
    r"(?!\s*(?:st|nd|rd|th)\b)(?![\w:/]|\.\d)",
    re.IGNORECASE,
)
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "million": 1e6, "mln": 1e6}
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$")
_DATE_AFTER = re.compile(rf"^(?i:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTHS})\b")
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

# What the words right after a figure count, as a CLAIMS.md unit where there is one
_UNIT_WORDS: dict[str, str] = {
    "personnel": r"killed|dead|deaths|soldiers|troops|servicemen|servicemembers|fighters|"
    r"personnel|casualties|wounded|injured|prisoners|pows|men|people|civilians",
    "equipment": r"tanks|vehicles|drones|uavs|missiles|aircraft|jets|planes|helicopters|"
    r"artillery|guns|ships|units of",
    "percent": r"%|percent|per cent",
    "km2": r"sq|square|km2|km²",
    "km": r"km|kilometres|kilometers|miles",
    "places": r"villages|settlements|towns|cities",
    "events": r"engagements|attacks|assaults|clashes|battles|strikes",
    "formations": r"brigades|battalions|regiments|companies",
}
_UNIT_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:"
    + "|".join(f"(?P<{unit}>{words})" for unit, words in _UNIT_WORDS.items())
    + r")(?!\w)",
    re.IGNORECASE,
)


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


def unit_after(text: str, pos: int, end: int) -> str | None:
    """What the figure ending at `pos` counts, from the next three words: a CLAIMS.md unit
    ("personnel", "equipment", "percent", "km", "km2") or "places", "events", "formations"."""
    m = _UNIT_AFTER.match(text, pos, end)  # (match at pos: no "^", it would anchor at 0)
    return m.lastgroup if m else None


def units_agree(written: str | None, unit: str | None) -> bool:
    """Whether a unit read from the text can be a claim's quantity unit (unknown fits all)."""
    if written is None or unit is None:
        return True
    if written == "formations":
        return unit in ("regiments", "brigades", "battalions", "companies", "units")
    return written == unit or (written, unit) in (("equipment", "units"), ("km", "km2"))


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


def spell_quantity(q: Quantity) -> str:
    """A quantity as words: "up to 3,000", "about 20,000", "2,000–3,000", "891"."""

    def num(v: float) -> str:
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"

    if q.hedge == "range" and q.low is not None and q.high is not None:
        return f"{num(q.low)}–{num(q.high)}"
    words = {"up_to": "up to ", "at_least": "at least ", "at_most": "at most ", "approx": "about "}
    return words.get(q.hedge, "") + num(q.value) + ("%" if q.unit == "percent" else "")


def claim_figure(doc: Document, claim: Claim) -> str:
    """How a claim's figure reads: its anchor text, or the quantity spelled out."""
    if claim.anchor is not None:
        return quote(doc, claim.anchor)
    if claim.quantity is None:
        return quote(doc, claim.evidence)
    return spell_quantity(claim.quantity)
