"""Place mentions: capitalised word runs that the gazetteer knows, resolved in document context."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from warclaims.extract.spans import sentence_of
from warclaims.model import Place
from warclaims.places import is_known_name, lookup

_MAX_WORDS = 4
_CONTINUATIONS = {"region", "oblast", "oblast’s", "province", "-", "–"}
_CAPITALS = {"kyiv", "kiev", "moscow"}
_NOT_PLACE_ENTS = {
    "NORP",
    "LANGUAGE",
    "DATE",
    "TIME",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "PRODUCT",
    "MONEY",
}
_GOVERNMENT_WORDS = {
    "forces",
    "troops",
    "regime",
    "government",
    "authorities",
    "military",
    "army",
    "officials",
    "leadership",
    "command",
}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int  # token indices
    end: int
    place: Place
    role: str = "place"  # "qualifier" ("the Donetsk town of …"), "reference" ("north of Kyiv")

    @property
    def is_country(self) -> bool:
        return self.place.precision == "country"


def _can_start(tok: Token) -> bool:
    if not (tok.is_alpha and (tok.is_title or tok.is_upper) and len(tok) > 1):
        return False
    # a person's full name is not a place ("Kaja Kallas"); a lone "Kherson" tagged PERSON may be
    return not (tok.ent_type_ == "PERSON" and _ent_length(tok) > 1)


def _ent_length(tok: Token) -> int:
    """Tokens in the entity around `tok` (0 outside any), from the IOB tags."""
    if not tok.ent_type_:
        return 0
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end - start


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Common English words (the lemmatizer's WordNet index): 'German', 'Victory', 'Peace'."""
    from warclaims.pipeline import get_nlp

    table = get_nlp("en").get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(w for words in table.values() for w in words)


def _plausible(doc: Doc, start: int, end: int, previous_end: int | None) -> bool:
    """A one-word name that is also an English word must look like a place in context."""
    if end - start > 1 or doc[start].lower_ not in _english_words():
        return True
    tok = doc[start]
    listed = (
        previous_end is not None
        and start - previous_end <= 2
        and doc[start - 1].text in (",", "and")
    )
    return listed or (tok.pos_ == "PROPN" and tok.ent_type_ not in _NOT_PLACE_ENTS)


def _candidate_ends(doc: Doc, i: int) -> list[int]:
    ends = []
    j = i
    while j < len(doc) and j - i < _MAX_WORDS * 2:
        tok = doc[j]
        if j > i and not (
            _can_start(tok)
            or tok.lower_ in _CONTINUATIONS
            or (tok.text in "-–" and not tok.whitespace_)
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
        previous_end = raw[-1][1] if raw else None
        if not _is_metonym(doc, i, match) and _plausible(doc, i, match, previous_end):
            raw.append((i, match))
        i = match
    return _resolve(doc, raw)


def _is_metonym(doc: Doc, start: int, end: int) -> bool:
    """'Kyiv's military command', 'forcing Kyiv to …': a capital standing for its government."""
    nxt = doc[end] if end < len(doc) else None
    if (
        nxt is not None
        and nxt.lower_ in ("’s", "'s")
        and end - start == 1
        and doc[start].lower_ in _CAPITALS
    ):
        return True
    if doc[start].lower_ in _CAPITALS and end - start == 1:
        tok = doc[start]
        if start > 0 and doc[start - 1].lower_ in ("capital", "city"):
            return False
        if nxt is not None and nxt.lower_ in _GOVERNMENT_WORDS:
            return True
        if start > 0 and doc[start - 1].lower_ == "by" and tok.dep_ == "pobj":
            return True  # "ordered by Kyiv to surrender"
        return tok.dep_ in ("nsubj", "dobj", "nsubjpass") and not (
            nxt is not None and nxt.pos_ == "NOUN"
        )
    return False


def _resolve(doc: Doc, raw: list[tuple[int, int]]) -> list[PlaceMention]:
    first = [lookup(doc[s:e].text) for s, e in raw]
    oblasts = Counter(
        p.admin1
        for p in first
        if p.admin1
        and p.precision in ("settlement", "oblast", "raion")
        and (p.confidence or 0) >= 0.99
    )
    context_oblast = oblasts.most_common(1)[0][0] if oblasts else None
    out = []
    for (s, e), place in zip(raw, first, strict=True):
        if context_oblast and (place.confidence or 0) < 0.99:
            place = lookup(
                doc[s:e].text, oblast=_sentence_oblast(doc, s, first, raw) or context_oblast
            )
        if place.precision == "settlement" and _after_regions_of(doc, s):
            oblast = lookup(f"{doc[s:e].text} Oblast")
            if oblast.precision == "oblast":
                place = oblast
        place = place.model_copy(update={"mention": doc[s:e].text})
        out.append(PlaceMention(s, e, place, _role(doc, s, e)))
    return out


_PLACE_NOUNS = {"town", "city", "village", "suburb", "port", "settlement", "district", "outskirts"}
_DIRECTIONS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "outside",
}
_REGION_NOUNS = {"region", "regions", "oblast", "oblasts", "provinces", "province"}


def _role(doc: Doc, start: int, end: int) -> str:
    if (
        start >= 2
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].lower_ in ("sea", "gulf", "bay", "strait")
    ):
        return "feature"  # "the Sea of Azov"
    if end < len(doc) and doc[end].lower_ in ("peninsula", "river", "sea", "reservoir", "canal"):
        return "feature"
    if end + 1 < len(doc) and doc[end].lower_ in _PLACE_NOUNS and doc[end + 1].lower_ == "of":
        return "qualifier"
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _DIRECTIONS:
        return "reference"
    return "place"


def _after_regions_of(doc: Doc, start: int) -> bool:
    """'in the regions of Chernihiv, … and Lviv': the oblasts, not the cities."""
    sent = sentence_of(doc[start])
    for j in range(start - 1, sent.start, -1):
        if doc[j].lower_ == "of" and doc[j - 1].lower_ in _REGION_NOUNS:
            return True
        if doc[j].is_punct and doc[j].text not in (",",):
            return False
    return False


def _sentence_oblast(
    doc: Doc, i: int, places: list[Place], raw: list[tuple[int, int]]
) -> str | None:
    sent = sentence_of(doc[i])
    for (s, _e), p in zip(raw, places, strict=True):
        if sent.start <= s < sent.end and p.precision == "oblast" and p.name:
            return p.name
    return None
