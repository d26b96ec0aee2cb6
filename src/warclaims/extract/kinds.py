"""What a figure counts (its unit) and what kind of claim it makes (kind, category)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from warclaims.extract.lexicon import Lexicon
from warclaims.extract.numbers import QuantityMention
from warclaims.extract.spans import sentence_of

# "gains were 400 sq km", "losses reached 1,030 personnel": the subject names what is counted
_LINKING_VERBS = {"be", "reach", "amount", "total", "stand", "exceed", "top", "near", "surpass"}
_PREDICATE_DEPS = ("acomp", "oprd", "prt", "xcomp", "attr")
_SKIPPABLE_POS = {"ADJ", "NUM", "ADV", "PROPN", "NOUN", "DET"}
_MAX_UNIT_WORDS = 4
_CONVERSION_UNITS = {"miles", "mile", "square miles", "feet", "ft", "mi"}
_CONTAINERS = {"units", "unit", "pieces", "piece", "items", "item", "types", "kinds"}
_PLACE_OBJECTS = {
    "territory",
    "land",
    "area",
    "areas",
    "region",
    "regions",
    "country",
    "city",
    "town",
    "village",
    "oblast",
    "province",
    "district",
}
_FORCE_OBJECTS = {"units", "forces", "force", "troops", "army", "personnel", "strength", "manpower"}


@dataclass(frozen=True, slots=True)
class UnitHit:
    """The counted thing: class (personnel/equipment/formations/area/...), name, token span."""

    cls: str
    name: str | None
    start: int
    end: int

    @property
    def head(self) -> int:
        return self.end - 1


@dataclass(frozen=True, slots=True)
class Kinding:
    kind: str
    category: str | None
    unit: str | None
    cue: int | None  # token index of the deciding word, when there is one


def _unit_at(tokens: list[Token], i: int, lex: Lexicon) -> UnitHit | None:
    for n in range(_MAX_UNIT_WORDS, 0, -1):
        if i + n > len(tokens):
            continue
        phrase = " ".join(t.lower_ for t in tokens[i : i + n])
        if phrase in _CONVERSION_UNITS:
            return UnitHit("conversion", None, i, i + n)
        hit = lex.unit_of.get(phrase)
        if hit:
            return UnitHit(hit[0], hit[1], i, i + n)
    return None


def find_unit(doc: Doc, q: QuantityMention, lex: Lexicon) -> UnitHit | None:
    """The unit words after the figure ('3,000 Russian fighters', '891 units of equipment')."""
    tokens = doc
    if q.adverb:
        return None  # "twice attacked": a count of events, no unit
    if q.percent_word:
        return UnitHit("area", "percent", q.num_start, q.num_end)
    sent_end = sentence_of(tokens[q.num_start]).end
    if q.end + 2 < sent_end and tokens[q.end].lower_ == "of" and tokens[q.end + 1].like_num:
        # "45 of 60 drones": a part of a counted whole
        j = q.end + 2
        while j < min(sent_end, q.end + 6):
            hit = _unit_at(tokens, j, lex)
            if hit is not None:
                return UnitHit(hit.cls, hit.name, j, hit.end)
            j += 1
    i = q.end
    while i < min(sent_end, q.end + 6):
        hit = _unit_at(tokens, i, lex)
        if hit is not None:
            if (
                tokens[hit.start].lower_ in _CONTAINERS
                or hit.cls == "personnel"
                and hit.end < sent_end
                and tokens[hit.end].lower_ == "of"
            ):
                inner = _unit_after_of(tokens, hit.end, sent_end, lex)
                if inner is not None:
                    return UnitHit(inner.cls, inner.name, hit.start, inner.end)
            return hit
        tok = tokens[i]
        if tok.lower_ in _CONTAINERS and i + 1 < sent_end and tokens[i + 1].lower_ == "of":
            return _unit_after_of(tokens, i + 1, sent_end, lex)
        if tok.pos_ in _SKIPPABLE_POS or tok.text in ("-", "–") or tok.lower_ in lex.side_of:
            if tok.pos_ == "NUM" and tok.i != q.num_start:
                break
            i += 1
            continue
        break
    return _unit_from_head(tokens, q, lex)


def _unit_after_of(tokens: list[Token], i: int, sent_end: int, lex: Lexicon) -> UnitHit | None:
    if i >= sent_end or tokens[i].lower_ != "of":
        return None
    j = i + 1
    while j < min(sent_end, i + 6):
        hit = _unit_at(tokens, j, lex)
        if hit is not None:
            return hit
        j += 1
    return None


def _unit_from_head(tokens: list[Token], q: QuantityMention, lex: Lexicon) -> UnitHit | None:
    head = tokens[q.num_end - 1].head
    if head.i >= q.num_end and head.pos_ == "NOUN":
        hit = lex.unit_of.get(head.lower_)
        if hit:
            return UnitHit(hit[0], hit[1], head.i, head.i + 1)
    return None


def context_words(doc: Doc, anchor: Token, lex: Lexicon, window: int = 4) -> list[Token]:
    """Tokens that say what happens to the counted thing, nearest first.

    The head chain up to the clause root, participles hanging on the noun ('fighters killed'),
    then a small window after it ('left 10 people dead').
    """
    # a participle on the noun itself says most ("60 drones launched by Russia")
    seen: list[Token] = [c for c in anchor.children if c.dep_ == "acl" and c.i > anchor.i]
    tok = anchor
    while tok.head.i != tok.i:
        tok = tok.head
        seen.append(tok)
        for child in tok.children:
            if child.dep_ == "nsubj" and tok.lemma_ in _LINKING_VERBS:
                seen.append(child)  # "those gains were 400 sq km"
            if child.dep_ in _PREDICATE_DEPS and child not in seen:
                seen.append(child)
                seen.extend(g for g in child.children if g.dep_ in _PREDICATE_DEPS)
    for child in anchor.children:
        if child.dep_ in ("acl", "relcl", "amod", "compound") and child not in seen:
            seen.append(child)
    sent = sentence_of(anchor)
    for j in range(anchor.i + 1, min(sent.end, anchor.i + 1 + window)):
        if doc[j] not in seen:
            seen.append(doc[j])
    return seen


def _cues(tokens: list[Token], lex: Lexicon) -> list[tuple[str, Token]]:
    out = []
    for tok in tokens:
        for form in (tok.lower_, tok.lemma_.lower()):
            for cue in lex.cue_of.get(form, ()):
                out.append((cue, tok))
    return out


def _first(cues: list[tuple[str, Token]], names: tuple[str, ...]) -> tuple[str, Token] | None:
    found = [(cue, tok) for cue, tok in cues if cue in names]
    if not found:
        return None
    if found[0][0] == "territory_controlled":
        # "regained control over 400 sq km": the change of hands says more than "control"
        for cue, tok in found[1:]:
            if cue != "territory_controlled" and abs(tok.i - found[0][1].i) <= 2:
                return cue, tok
    return found[0]


_PERSONNEL_CATEGORY = {
    "killed": "killed",
    "wounded": "wounded",
    "captured_personnel": "captured",
    "missing": "missing",
    "casualties": "casualties",
}
_COMBATANT_WORDS = {
    "soldier",
    "soldiers",
    "troop",
    "troops",
    "fighter",
    "fighters",
    "serviceman",
    "servicemen",
    "servicemembers",
    "service members",
    "personnel",
    "militants",
    "mercenaries",
    "reservists",
    "conscripts",
    "recruits",
    "marines",
    "paratroopers",
    "infantry",
    "military personnel",
    "defenders",
    "invaders",
    "occupiers",
    "men",
}
_TERRITORY_CATEGORY = {
    "territory_captured": "captured",
    "territory_liberated": "liberated",
    "territory_controlled": "controlled",
}


def classify(doc: Doc, q: QuantityMention, unit: UnitHit | None, lex: Lexicon) -> Kinding | None:
    """Kind, category and unit of a figure, or None when it makes no checkable claim."""
    tokens = doc
    part_of = unit is not None and unit.start > q.end and tokens[q.end].lower_ == "of"
    # "shot down 45 of 60 drones": the 45 is what the verb did, the drones only its unit
    anchor = tokens[unit.head] if unit and not part_of else tokens[q.num_end - 1]
    cues = _cues(context_words(doc, anchor, lex), lex)
    own = _cues([anchor], lex)
    # the verb just before the figure, when the parse hangs the noun elsewhere
    # ("shot down 20 enemy drones, the General Staff said" parsed with drones as subject of said)
    sent_start = sentence_of(tokens[q.num_start]).start
    cues += _cues(
        [t for t in tokens[max(sent_start, q.start - 3) : q.start] if t.pos_ == "VERB"], lex
    )
    if q.adverb:
        # "attacked five times": the count hangs on "times", the verb one step further up
        up = [anchor.head, *list(anchor.head.ancestors)[:1]]
        verbs = [*up, *anchor.head.children, *anchor.head.subtree]
        for verb in verbs:
            if verb.pos_ == "VERB" and verb.lemma_.lower() in _ASSAULT_LEMMAS:
                return Kinding("fighting", None, None, verb.i)
        return None
    if unit is None:
        return _classify_bare(q, cues)
    if unit.cls == "conversion":
        return None
    if unit.cls == "personnel":
        return _classify_personnel(doc, unit, own + cues)
    if unit.cls == "equipment":
        return _classify_equipment(unit, cues, anchor)
    if unit.cls == "formations":
        hit = _first(cues, ("encirclement",))
        if hit:
            return Kinding("encirclement", None, unit.name, hit[1].i)
        return Kinding("troop_strength", None, unit.name, None)
    if unit.cls == "area":
        return _classify_area(doc, q, unit, cues, lex)
    if unit.cls == "settlements":
        hit = _first(cues, tuple(_TERRITORY_CATEGORY))
        if hit:
            return Kinding("territorial_control", _TERRITORY_CATEGORY[hit[0]], None, hit[1].i)
        return None
    if unit.cls == "fighting_events":
        if any(c.tag_ == "JJS" for c in anchor.children):
            return None  # "the two biggest attacks": a ranking, not a count
        return Kinding("fighting", None, None, None)
    if unit.cls == "strike_events":
        return Kinding("strike", None, None, None)
    return None


_ASSAULT_LEMMAS = {"attack", "storm", "assault", "attempt", "try", "advance", "counterattack"}


def _classify_bare(q: QuantityMention, cues: list[tuple[str, Token]]) -> Kinding | None:
    if q.adverb:
        return None
    hit = _first(cues, ("killed", "wounded"))
    if hit:
        return Kinding("casualties", _PERSONNEL_CATEGORY[hit[0]], "personnel", hit[1].i)
    return None


def _classify_personnel(doc: Doc, unit: UnitHit, cues: list[tuple[str, Token]]) -> Kinding | None:
    encircled = _first(cues, ("encirclement",))
    if encircled is not None and encircled[1].pos_ == "VERB":
        return Kinding("encirclement", None, "personnel", encircled[1].i)
    hit = _first(cues, tuple(_PERSONNEL_CATEGORY))
    if hit:
        category = "casualties" if _killed_and_wounded(hit[1]) else _PERSONNEL_CATEGORY[hit[0]]
        return Kinding("casualties", category, "personnel", hit[1].i)
    words = " ".join(t.lower_ for t in doc[unit.start : unit.end])
    if words in _COMBATANT_WORDS:
        strength = _first(cues, ("troop_strength",))
        return Kinding("troop_strength", None, "personnel", strength[1].i if strength else None)
    return None


_BOTH = ({"kill", "killed", "dead"}, {"wound", "wounded", "injure", "injured"})


def _killed_and_wounded(cue: Token) -> bool:
    """'1,020 troops killed and wounded': dead and wounded together are casualties."""
    doc = cue.doc
    if cue.i + 2 >= len(doc) or doc[cue.i + 1].lower_ not in ("and", "or"):
        return False
    pair = {cue.lower_, cue.lemma_.lower()}, {doc[cue.i + 2].lower_, doc[cue.i + 2].lemma_.lower()}
    return any(pair[0] & a and pair[1] & b for a, b in (_BOTH, _BOTH[::-1]))


def _classify_equipment(
    unit: UnitHit, cues: list[tuple[str, Token]], anchor: Token | None = None
) -> Kinding | None:
    hit = _first(cues, ("equipment_loss", "strike"))
    if hit is None:
        return None
    if anchor is not None and anchor.dep_ == "nsubj" and anchor.head.i == hit[1].i:
        # weapons as the doers ("five missiles hit the building") strike; as objects they are lost
        strike = _first(cues, ("strike",))
        if strike is not None and strike[1].i == hit[1].i:
            hit = strike
    if hit[0] == "equipment_loss":
        return Kinding("equipment_loss", unit.name, "equipment", hit[1].i)
    return Kinding("strike", None, "equipment", hit[1].i)


def _classify_area(
    doc: Doc, q: QuantityMention, unit: UnitHit, cues: list[tuple[str, Token]], lex: Lexicon
) -> Kinding | None:
    if unit.name == "percent" or q.percent_word:
        return _classify_share(doc, q, unit, cues, lex)
    hit = _first(cues, tuple(_TERRITORY_CATEGORY))
    if hit:
        return Kinding("territorial_control", _TERRITORY_CATEGORY[hit[0]], unit.name, hit[1].i)
    return None


def _classify_share(
    doc: Doc, q: QuantityMention, unit: UnitHit, cues: list[tuple[str, Token]], lex: Lexicon
) -> Kinding | None:
    """'80% of Volchansk', 'a quarter of troops', '90 percent of the drones'."""
    tokens = doc
    sent_end = sentence_of(tokens[q.num_start]).end
    of_object: UnitHit | None = None
    place_object = False
    start = unit.end if unit.name == "percent" else q.end
    if start < sent_end and tokens[start].lower_ == "of":
        for j in range(start + 1, min(sent_end, start + 6)):
            tok = tokens[j]
            if tok.lower_ in _PLACE_OBJECTS or tok.ent_type_ in ("GPE", "LOC") or tok._.wc_place:
                place_object = True
                break
            if tok.lower_ in _FORCE_OBJECTS:
                of_object = UnitHit("personnel", None, j, j + 1)
                break
            hit = _unit_at(tokens, j, lex)
            if hit is not None:
                of_object = hit
                break
            if tok.pos_ in ("NOUN", "PROPN") and tokens[j + 1].pos_ not in ("NOUN", "PROPN"):
                break  # the share is of something else ("80% of benefits")
    if of_object is not None and of_object.cls == "personnel":
        hit = _first(cues, tuple(_PERSONNEL_CATEGORY))
        if hit:
            return Kinding("casualties", _PERSONNEL_CATEGORY[hit[0]], "percent", hit[1].i)
        if tokens[of_object.start].lower_ in _FORCE_OBJECTS or _first(cues, ("troop_strength",)):
            return Kinding("troop_strength", None, "percent", None)
        return None
    if of_object is not None and of_object.cls == "equipment":
        kinding = _classify_equipment(of_object, cues)
        if kinding is not None:
            return Kinding(kinding.kind, kinding.category, "percent", kinding.cue)
        return None
    if of_object is not None and of_object.cls == "formations":
        hit = _first(cues, tuple(_PERSONNEL_CATEGORY))
        if hit:
            return Kinding("casualties", _PERSONNEL_CATEGORY[hit[0]], "percent", hit[1].i)
        return None
    hit = _first(cues, tuple(_TERRITORY_CATEGORY))
    if hit and (place_object or of_object is None):
        return Kinding("territorial_control", _TERRITORY_CATEGORY[hit[0]], "percent", hit[1].i)
    strength = _first(cues, ("troop_strength",))
    if strength and strength[1].lower_ in ("strength", "force", "forces", "army"):
        return Kinding("troop_strength", None, "percent", strength[1].i)
    return None
