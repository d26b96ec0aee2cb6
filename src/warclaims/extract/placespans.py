"""Place mentions: capitalised word runs that the gazetteer knows, resolved in document context.

Each mention is first resolved alone; one with several candidates and no clear winner is then
resolved again with what the rest of the report says (`_context_hints`): the oblasts and raions
it names, a qualifier ("the Donetsk town of …") and the nearest cluster of its confidently
resolved places.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from warclaims.extract.spans import sentence_of
from warclaims.model import Place
from warclaims.places import (
    Hints,
    Ranked,
    is_known_name,
    is_official_name,
    lookup,
    place_from,
    rank_mention,
)

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
    # "qualifier" ("the Donetsk town of …"), "reference" ("north of Kyiv"), "title" ("Belgorod
    # governor …")
    role: str = "place"

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


def _person_tagged_place(doc: Doc, i: int, previous_end: int | None) -> int | None:
    """End of a multi-word name that spaCy tagged PERSON but that is a settlement: one named
    so officially ("toward Staryi Karavan"), or one of a list of places ("near Ridkodub,
    Novyi Mir, …")."""
    tok = doc[i]
    if tok.ent_type_ != "PERSON" or tok.ent_iob_ != "B" or not (tok.is_title or tok.is_upper):
        return None
    end = i + _ent_length(tok)
    text = doc[i:end].text
    if not is_known_name(text):
        return None
    listed = previous_end is not None and i - previous_end <= 2 and doc[i - 1].text in (",", "and")
    return end if listed or is_official_name(text) else None


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
            person = _person_tagged_place(doc, i, raw[-1][1] if raw else None)
            if person:
                raw.append((i, person))
                i = person
            else:
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


# a first-pass resolution this sure lends its position/oblast to the others of the report
CONFIDENT = 0.9
SENTENCE_WEIGHT = 1.0  # an oblast or raion named in the mention's sentence
DOCUMENT_WEIGHT = 0.5  # ... named elsewhere in the report (scaled by how often)


def _resolve(doc: Doc, raw: list[tuple[int, int]]) -> list[PlaceMention]:
    texts = [doc[s:e].text for s, e in raw]
    roles = [_role(doc, s, e) for s, e in raw]
    first = [rank_mention(t) for t in texts]
    sents = [sentence_of(doc[s]).start for s, _ in raw]
    out = []
    for i, (s, e) in enumerate(raw):
        ranked = first[i]
        if len(ranked.entries) > 1 and ranked.confidence < 0.99:
            hints = _context_hints(i, raw, first, sents, roles)
            if hints:
                ranked = rank_mention(texts[i], context=hints)
        place = place_from(texts[i], ranked)
        if place.precision == "settlement" and (
            _after_regions_of(doc, s) or _before_plural_region(doc, e)
        ):
            oblast = lookup(f"{texts[i]} Oblast")
            if oblast.precision == "oblast":
                place = oblast.model_copy(update={"mention": texts[i]})
        out.append(PlaceMention(s, e, place, roles[i]))
    return out


def _context_hints(
    i: int,
    raw: list[tuple[int, int]],
    ranked: list[Ranked],
    sents: list[int],
    roles: list[str],
) -> Hints:
    """What the rest of the report says about mention `i`: oblasts and raions named (in its
    sentence, or elsewhere), the qualifier before it ("the Donetsk town of …"), and the
    positions of the places resolved with confidence: those of its sentence as the near
    cluster, the others as the far one."""
    hints = Hints()
    oblast_counts: Counter[str] = Counter()
    for j, r in enumerate(ranked):
        best = r.best
        if j == i or best is None or r.confidence < CONFIDENT:
            continue
        same = sents[j] == sents[i]
        if best.precision == "oblast":
            oblast_counts[best.admin1_code] += 1
            if same:
                hints.add_oblast(best.admin1_code, SENTENCE_WEIGHT)
        elif best.precision == "raion":
            weight = SENTENCE_WEIGHT if same else DOCUMENT_WEIGHT
            hints.add_raion((best.admin1_code, best.admin2_code), weight)
        elif best.precision == "settlement":
            hints.add_point(best.point, far=not same)
            if roles[j] == "qualifier" and j == i - 1 and raw[i][0] - raw[j][1] <= 4:
                hints.add_oblast(best.admin1_code, SENTENCE_WEIGHT)
    if oblast_counts:
        top = max(oblast_counts.values())
        for code, count in oblast_counts.items():
            hints.add_oblast(code, DOCUMENT_WEIGHT * count / top)
    return hints


_OFFICE_NOUNS = {"governor", "mayor", "governor's", "mayor's", "authorities", "officials"}
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
    if end < len(doc) and doc[end].lower_ in _OFFICE_NOUNS:
        return "title"  # "Belgorod governor Vyacheslav Gladkov": whose office, not where
    return "place"


_PLURAL_REGION_NOUNS = {"regions", "oblasts", "provinces"}
_LIST_WORDS = {",", "and", "&"}


def _before_plural_region(doc: Doc, end: int) -> bool:
    """'the Kharkiv and Sumy regions', 'Belgorod, Kursk and Bryansk oblasts': a list of names
    that a plural region noun closes names oblasts, not their capitals."""
    sent_end = sentence_of(doc[end - 1]).end
    for j in range(end, min(sent_end, end + 10)):
        tok = doc[j]
        if tok.lower_ in _PLURAL_REGION_NOUNS:
            return True
        if not (tok.lower_ in _LIST_WORDS or tok.pos_ == "PROPN" or tok.is_title):
            return False
    return False


def _after_regions_of(doc: Doc, start: int) -> bool:
    """'in the regions of Chernihiv, … and Lviv': the oblasts, not the cities."""
    sent = sentence_of(doc[start])
    for j in range(start - 1, sent.start, -1):
        if doc[j].lower_ == "of" and doc[j - 1].lower_ in _REGION_NOUNS:
            return True
        if doc[j].is_punct and doc[j].text not in (",",):
            return False
    return False
