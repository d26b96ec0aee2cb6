"""Sides: labels in the text (ВСУ, ЗСУ, ВС РФ, окупанти, противник, наші) and who they point at.

"противник", "ворог", "враг" are the side opposite the claimant; "наш" is the claimant's own.
The author's side (a partisan outlet's claims in its own voice) comes from framing cues:
"спецоперация", "ВСУшники" for Russian outlets, "окупанти", "рашисти" for Ukrainian ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from warclaims.extract.slavic.lexicon import SlavicLexicon
from warclaims.extract.slavic.text import Token

RELATIVE = frozenset(["который", "которая", "которое", "которые", "який", "яка", "яке", "які"])
CLAUSE_BREAKS = frozenset(';:—–()"«»')


@dataclass(frozen=True, slots=True)
class Label:
    start: int  # token indices
    end: int
    side: str  # RU | UA | enemy | own
    of_thing: bool = False  # an adjective on a weapon or vehicle ("российский танк"): no actor

    def case(self, tokens: Sequence[Token]) -> frozenset[str]:
        """Cases of the label's head: the first noun, else the first token."""
        for tok in tokens[self.start : self.end]:
            if tok.has("NOUN"):
                return _cases(tok)
        return _cases(tokens[self.start])

    def nominative(self, tokens: Sequence[Token]) -> bool:
        cases = self.case(tokens)
        return not cases or "nomn" in cases


def _cases(tok: Token) -> frozenset[str]:
    return tok.grams & frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})


def opposite(side: str | None) -> str | None:
    return {"RU": "UA", "UA": "RU"}.get(side or "")


def resolve(label_side: str, claimant_side: str | None) -> str | None:
    """A label's side as RU/UA: enemy and own are read from the claimant's side."""
    if label_side == "enemy":
        return opposite(claimant_side)
    if label_side == "own":
        return claimant_side if claimant_side in ("RU", "UA") else None
    return label_side


def find_labels(tokens: Sequence[Token], start: int, end: int, lex: SlavicLexicon) -> list[Label]:
    labels: list[Label] = []
    for s, e, side in lex.sides.find(tokens, start, end):
        country = tokens[s].key in ("россия", "росія", "украина", "україна")
        if side in ("RU", "UA") and country and not tokens[s].has("ablt", "nomn"):
            continue  # "в России", "для Росії": not an actor
        thing = False
        if tokens[s].has("ADJF") and not tokens[s].has("NOUN"):
            unit = lex.units.match(tokens, e, end)
            thing = unit is not None and unit[1].group in ("equipment", "strike")
        labels.append(Label(s, e, side, thing))
    return labels


def author_side(tokens: Sequence[Token], lex: SlavicLexicon, language: str) -> str | None:
    """RU or UA when the report's own framing shows it, else None (for Ukrainian-language
    reports UA: Russian sources do not publish in Ukrainian)."""
    votes = {"RU": 0, "UA": 0}
    for _, _, side in lex.author.find(tokens):
        votes[side] += 1
    if votes["RU"] > votes["UA"]:
        return "RU"
    if votes["UA"] > votes["RU"]:
        return "UA"
    return "UA" if language == "uk" else None


def clause_start(tokens: Sequence[Token], first: int, i: int) -> int:
    """Index where the clause holding token i starts (after ; : — or a bracket)."""
    k = i - 1
    while k >= first and tokens[k].text not in CLAUSE_BREAKS:
        k -= 1
    return k + 1


def agent_side(
    tokens: Sequence[Token], labels: Sequence[Label], first: int, last: int, t: int
) -> Label | None:
    """The label that does the action of the trigger at token t (subject, not complement)."""
    labels = [lb for lb in labels if not lb.of_thing]
    start = clause_start(tokens, first, t)
    # "росіян, які зайшли": the relative pronoun's antecedent
    for k in range(t - 1, max(start, t - 3) - 1, -1):
        if tokens[k].key in RELATIVE:
            before = [lb for lb in labels if lb.end <= k]
            if before:
                return before[-1]
    before = [lb for lb in labels if start <= lb.start and lb.end <= t]
    nominative = [lb for lb in before if lb.nominative(tokens) and not _complement(tokens, lb)]
    if nominative:
        return nominative[-1]
    after = [lb for lb in labels if t < lb.start < last and lb.nominative(tokens)]
    agentive = [lb for lb in labels if "ablt" in lb.case(tokens) and not _complement(tokens, lb)]
    if agentive:
        return agentive[0]
    dative = [lb for lb in before if "datv" in lb.case(tokens)]
    if dative:
        return dative[-1]
    if after and not _complement(tokens, after[0]):
        return after[0]
    return None


def _complement(tokens: Sequence[Token], label: Label) -> bool:
    """A genitive label hanging on a noun ("позиции украинских военных") is not a subject."""
    if label.start == 0:
        return False
    prev = tokens[label.start - 1]
    cases = label.case(tokens)
    if prev.has("NOUN") and not prev.has("PREP") and _abbreviation(tokens[label.start]):
        return True  # "по складам ВСУ": an indeclinable abbreviation after a noun hangs on it
    return "gent" in cases and "nomn" not in cases and prev.has("NOUN")


def _abbreviation(tok: Token) -> bool:
    return tok.text.isupper() and len(tok.text) > 1
