"""A report's text cut into runs for the report view, on the server.

Claim evidence, claim anchors and flag spans are code-point offsets into `Document.text` (Python
string indices). The page never sees an offset: it gets the text as escaped runs, each saying
which claims' evidence, which claims' anchors and which flags cover it, so the browser (whose
string indices are UTF-16) has nothing to convert. Spans may overlap and nest; out-of-range
spans are clipped and empty ones ignored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from warclaims.model import Claim, Flag, Span


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text under one set of claims and flags, or (`tag` set) a claim's marker."""

    text: str = ""
    claims: tuple[int, ...] = ()
    anchors: tuple[int, ...] = ()
    flags: tuple[int, ...] = ()
    tag: int | None = None
    css: str = ""

    @property
    def plain(self) -> bool:
        return self.tag is None and not (self.claims or self.anchors or self.flags)


_EVIDENCE, _ANCHOR, _FLAG = 0, 1, 2


def _clip(span: Span, length: int) -> tuple[int, int] | None:
    start, end = max(0, min(span.start, length)), max(0, min(span.end, length))
    return (start, end) if start < end else None


def runs(text: str, claims: Sequence[Claim], flags: Sequence[Flag]) -> list[Run]:
    """The runs of `text` in order; a claim's marker follows its anchor (or its evidence)."""
    length = len(text)
    opens: dict[int, list[tuple[int, int]]] = defaultdict(list)
    closes: dict[int, list[tuple[int, int]]] = defaultdict(list)
    tags: dict[int, list[int]] = defaultdict(list)

    def add(layer: int, index: int, span: Span | None) -> tuple[int, int] | None:
        clipped = None if span is None else _clip(span, length)
        if clipped is not None:
            opens[clipped[0]].append((layer, index))
            closes[clipped[1]].append((layer, index))
        return clipped

    for i, claim in enumerate(claims):
        evidence = add(_EVIDENCE, i, claim.evidence)
        anchor = add(_ANCHOR, i, claim.anchor)
        marker = anchor or evidence
        tags[marker[1] if marker else length].append(i)
    for i, flag in enumerate(flags):
        for span in flag.evidence:
            add(_FLAG, i, span)

    kinds = [claim.kind for claim in claims]
    cuts = sorted({0, length, *opens, *closes, *tags})
    active: list[dict[int, int]] = [defaultdict(int), defaultdict(int), defaultdict(int)]
    out: list[Run] = []
    for n, pos in enumerate(cuts):
        for layer, index in closes.get(pos, ()):
            active[layer][index] -= 1
            if not active[layer][index]:
                del active[layer][index]
        for index in tags.get(pos, ()):
            out.append(Run(tag=index, css=f"tag k-{kinds[index]}"))
        for layer, index in opens.get(pos, ()):
            active[layer][index] += 1
        if n + 1 < len(cuts):
            piece = text[pos : cuts[n + 1]]
            out.append(_run(piece, active, kinds))
    return _merge(out)


def _run(piece: str, active: list[dict[int, int]], kinds: list[str]) -> Run:
    claims = tuple(sorted(active[_EVIDENCE]))
    anchors = tuple(sorted(active[_ANCHOR]))
    flags = tuple(sorted(active[_FLAG]))
    css = []
    if claims:
        css += ["ev", f"k-{kinds[claims[-1]]}"]
        if len({kinds[i] for i in claims}) > 1:
            css.append("multi")
    if anchors:
        css += ["anchor", f"a-{kinds[anchors[-1]]}"]
    if flags:
        css.append("flagged")
    return Run(piece, claims, anchors, flags, css=" ".join(css))


def _merge(items: list[Run]) -> list[Run]:
    """Adjacent text runs under the same claims and flags become one."""
    merged: list[Run] = []
    for item in items:
        last = merged[-1] if merged else None
        if (
            last is not None
            and item.tag is None
            and last.tag is None
            and (last.claims, last.anchors, last.flags) == (item.claims, item.anchors, item.flags)
        ):
            merged[-1] = Run(
                last.text + item.text, last.claims, last.anchors, last.flags, css=last.css
            )
        else:
            merged.append(item)
    return merged
