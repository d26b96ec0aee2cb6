"""Units and kinds: what a figure counts and what kind of claim it makes.

The counted noun follows the figure ("до 1675 военнослужащих", "два ворожих БПМ"); the kind comes
from the nearest cue in the sentence: a destroying or killing verb (equipment_loss, casualties),
"потери"/"втрати" (casualties), "в плен"/"у полон" (captured), "достигла цели" (strike), a deploying
verb (troop_strength). Items of one list share the cue of the first ("потери составили более 250
военнослужащих, четыре танка, четыре БМП").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from warclaims.extract.slavic.lexicon import SlavicLexicon, UnitInfo
from warclaims.extract.slavic.numbers import NumberMention
from warclaims.extract.slavic.text import Token

CUE_WINDOW = 10
_SKIPPABLE = frozenset({"ADJF", "PRTF", "Anum"})
_QUOTES = frozenset('«»"“”„')
# possessives between a figure and its noun: "тисячу своїх солдатів"
_POSSESSIVES = frozenset(["свой", "свій", "наш", "ваш", "їхній", "их", "їх"])
_OBLIQUE_ONLY = frozenset({"datv", "ablt", "loct"})
CASUALTY_CUES = (
    "capture_people",
    "missing",
    "wound",
    "kill",
    "destroy",
    "neutralize",
    "loss",
    "loss_of_capability",
)
EQUIPMENT_CUES = ("strike_hit", "destroy", "neutralize", "capture_equipment", "loss", "kill")


@dataclass(frozen=True, slots=True)
class UnitHit:
    start: int
    end: int
    info: UnitInfo


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    name: str


def find_unit(
    tokens: Sequence[Token], j: int, last: int, lex: SlavicLexicon, max_skip: int = 3
) -> UnitHit | None:
    """The counted noun after a figure ending at token j, past adjectives and side words."""
    k = j
    skipped = 0
    while k < last and skipped <= max_skip:
        hit = lex.units.match(tokens, k, last)
        if hit is not None:
            if hit[1].name == "unspecified" and hit[0] < last:
                # "15 одиниць автомобільної техніки": the measure word, then what is counted
                inner = lex.units.match(tokens, hit[0], last)
                if inner is not None and inner[1].group == "equipment":
                    return UnitHit(k, inner[0], inner[1])
            return UnitHit(k, hit[0], hit[1])
        tok = tokens[k]
        if tok.text in _QUOTES or tok.text == ".":
            k += 1
            continue
        if tok.grams & _SKIPPABLE or tok.keys & _POSSESSIVES or lex.sides.match(tokens, k, k + 1):
            k += 1
            skipped += 1
            continue
        break
    return None


def acronym_at(tokens: Sequence[Token], j: int, last: int) -> int | None:
    """Index of an unknown upper-case acronym right after a figure ("два ворожих БПМ")."""
    k = j
    while k < last and k - j <= 2:
        tok = tokens[k]
        if tok.is_word and tok.text.isupper() and 2 <= len(tok.text) <= 5:
            return k
        if not tok.grams & _SKIPPABLE:
            return None
        k += 1
    return None


def find_cues(tokens: Sequence[Token], first: int, last: int, lex: SlavicLexicon) -> list[Cue]:
    return [Cue(s, e, name) for s, e, name in lex.all_cues.find_all(tokens, first, last)]


def nearest(
    cues: Sequence[Cue], names: Sequence[str], pos: int, window: int = CUE_WINDOW
) -> Cue | None:
    """The cue of one of `names` closest to token pos (ties: the one before)."""
    best: tuple[int, int, Cue] | None = None
    for cue in cues:
        if cue.name not in names:
            continue
        distance = pos - cue.end + 1 if cue.end <= pos else cue.start - pos
        distance = max(distance, 0)
        if distance > window:
            continue
        key = (distance, 0 if cue.start < pos else 1, cue)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def has_verb(tokens: Sequence[Token], first: int, last: int) -> bool:
    return any(
        t.has("VERB", "PRTS", "INFN", "GRND") and not t.has("NOUN", "ADJF", "PREP", "CONJ")
        for t in tokens[first:last]
    )


def verb_between(tokens: Sequence[Token], a: int, b: int) -> bool:
    return any(t.has("VERB", "PRTS", "GRND") and not t.has("NOUN", "ADJF") for t in tokens[a:b])


def oblique(tok: Token) -> bool:
    """A noun only in the dative, instrumental or locative ("п'ятнадцяти нашим захисникам")."""
    cases = tok.grams & frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})
    return bool(cases) and cases <= _OBLIQUE_ONLY


def casualty_category(cue: Cue, unit: UnitInfo) -> str:
    if cue.name == "capture_people":
        return "captured"
    if cue.name == "missing":
        return "missing"
    if cue.name == "wound":
        return "wounded"
    if cue.name == "kill" or (cue.name == "destroy" and not unit.mass):
        return "killed"
    return "casualties"


def number_kind(
    q: NumberMention,
    unit: UnitInfo,
    cues: Sequence[Cue],
    *,
    fragment_loss: bool,
    head: Token,
) -> tuple[str, str | None, Cue | None] | None:
    """(kind, category, deciding cue) of a figure with its counted noun, or None."""
    pos = q.num_start
    if unit.group in ("personnel", "formations"):
        encircled = nearest(cues, ("encircle",), pos)
        if encircled is not None:  # "в окружении находятся около 15 батальонов"
            return "encirclement", None, encircled
    if unit.group == "personnel":
        # "38 військових убитими": the category right after the noun ("убитими та пораненими":
        # both, casualties)
        after = [c for c in cues if c.name in CASUALTY_CUES and head.i < c.start <= head.i + 3]
        if len({c.name for c in after}) > 1:
            return "casualties", "casualties", after[0]
        cue = next((c for c in after if c.start <= head.i + 2), None) or nearest(
            cues, CASUALTY_CUES, pos
        )
        if cue is not None:
            return "casualties", casualty_category(cue, unit), cue
        troop = nearest(cues, ("troops", "group_of", "reinforcement"), pos)
        if troop is not None:
            return "troop_strength", None, troop
        if q.vague or unit.generic or unit.mass or oblique(head):
            return None
        return "troop_strength", None, None
    if unit.group == "equipment":
        if unit.name in ("missiles", "uav") and "ablt" in head.grams:
            attack = nearest(cues, ("strike_verbs", "fighting_verbs"), pos)
            if attack is not None:  # "атаковал Харьков двумя ракетами"
                return "strike", None, attack
        cue = nearest(cues, (*EQUIPMENT_CUES, "troops"), pos)
        if cue is not None and cue.name == "strike_hit":
            return "strike", None, cue
        if cue is not None and cue.name == "troops":
            return "troop_strength", None, cue
        if cue is not None:
            return "equipment_loss", unit.name, cue
        if fragment_loss and not q.vague:
            return "equipment_loss", unit.name, None
        return None
    if unit.group == "formations":
        cue = nearest(cues, ("loss_of_capability", "destroy", "neutralize", "loss", "kill"), pos)
        if cue is not None:
            return "casualties", "casualties", cue
        troop = nearest(cues, ("troops", "reinforcement"), pos)
        if troop is not None or not oblique(head):
            return "troop_strength", None, troop
        return None
    if unit.group == "fighting":
        if q.vague:
            return None
        if unit.name == "needs_cue" and nearest(cues, ("fighting_verbs",), pos, 14) is None:
            return None
        return "fighting", None, None
    if unit.group == "strike":
        return None if q.vague else ("strike", None, None)
    return None
