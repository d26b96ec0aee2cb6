"""Place mentions: capitalised word runs that the gazetteer knows, resolved in document context."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from warclaims.model import Place
from warclaims.places import is_known_name, lookup

_MAX_WORDS = 4
_CONTINUATIONS = {"region", "oblast", "oblast’s", "province", "-", "–"}
_CAPITALS = {"kyiv", "kiev", "moscow"}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int  # token indices
    end: int
    place: Place

    @property
    def is_country(self) -> bool:
        return self.place.precision == "country"


def _can_start(tok: Token) -> bool:
    return tok.is_alpha and (tok.is_title or tok.is_upper) and len(tok) > 1 and tok.ent_type_ != "PERSON"


def _candidate_ends(doc: Doc, i: int) -> list[int]:
    ends = []
    j = i
    while j < len(doc) and j - i < _MAX_WORDS * 2:
        tok = doc[j]
        if j > i and not (
            _can_start(tok) or tok.lower_ in _CONTINUATIONS or (tok.text in "-–" and not tok.whitespace_)
        ):
            break
        if j > i and doc[j - 1].text in "-–" and doc[j - 1].whitespace_:
            break
        ends.append(j + 1)
        j += 1
    return ends


def find_place_mentions(doc: Doc) -> list[PlaceMention]:
    """Longest gazetteer names in the doc, left to right, then resolved with context."""
    raw: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if not _can_start(doc[i]):
            i += 1
            continue
        match = None
        for end in reversed(_candidate_ends(doc, i)):
            if doc[end - 1].text in "-–":
                continue
            if is_known_name(doc[i:end].text):
                match = end
                break
        if match is None:
            i += 1
            continue
        if not _is_metonym(doc, i, match):
            raw.append((i, match))
        i = match
    return _resolve(doc, raw)


def _is_metonym(doc: Doc, start: int, end: int) -> bool:
    """'Kyiv's military command', 'forcing Kyiv to …': a capital standing for its government."""
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.lower_ in ("’s", "'s") and end - start == 1 and doc[start].lower_ in _CAPITALS:
        return True
    if doc[start].lower_ in _CAPITALS and end - start == 1:
        tok = doc[start]
        return tok.dep_ in ("nsubj", "dobj", "nsubjpass") and not (nxt is not None and nxt.pos_ == "NOUN")
    return False


def _resolve(doc: Doc, raw: list[tuple[int, int]]) -> list[PlaceMention]:
    first = [lookup(doc[s:e].text) for s, e in raw]
    oblasts = Counter(
        p.admin1 for p in first if p.admin1 and p.precision in ("settlement", "oblast", "raion") and (p.confidence or 0) >= 0.99
    )
    context_oblast = oblasts.most_common(1)[0][0] if oblasts else None
    out = []
    for (s, e), place in zip(raw, first, strict=True):
        if context_oblast and (place.confidence or 0) < 0.99:
            place = lookup(doc[s:e].text, oblast=_sentence_oblast(doc, s, first, raw) or context_oblast)
        place = place.model_copy(update={"mention": doc[s:e].text})
        out.append(PlaceMention(s, e, place))
    return out


def _sentence_oblast(doc: Doc, i: int, places: list[Place], raw: list[tuple[int, int]]) -> str | None:
    sent = doc[i].sent
    for (s, _e), p in zip(raw, places, strict=True):
        if sent.start <= s < sent.end and p.precision == "oblast" and p.name:
            return p.name
    return None
