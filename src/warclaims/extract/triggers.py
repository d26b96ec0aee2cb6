"""Claims without a number: key phrases ('had been captured', 'fighting persists', 'struck')."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from warclaims.extract.lexicon import Lexicon
from warclaims.extract.spans import sentence_of

_FORCE_WORDS = {
    "forces",
    "troops",
    "army",
    "military",
    "units",
    "soldiers",
    "invaders",
    "occupiers",
    "fighters",
    "russia",
    "ukraine",
    "russians",
    "ukrainians",
    "enemy",
    "servicemen",
}
_PLACE_WINDOW = 8
_HYPOTHETICAL = {
    "threat",
    "risk",
    "danger",
    "possibility",
    "fear",
    "fears",
    "could",
    "would",
    "might",
    "may",
    "plan",
    "plans",
    "aim",
    "aims",
    "if",
    "unless",
    "whether",
}
# "have not been encircled", "has not captured the city": the claim is made and denied
_NEGATIONS = {"not", "n't", "never", "no"}
_TERRITORY_WORDS = {
    "village",
    "villages",
    "town",
    "towns",
    "city",
    "cities",
    "settlement",
    "settlements",
    "territory",
    "territories",
    "land",
    "ground",
    "positions",
    "position",
    "area",
    "areas",
    "region",
    "district",
    "locality",
    "hamlet",
    "port",
    "outskirts",
    "heights",
    "bridgehead",
}


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: str
    start: int  # token indices of the key phrase
    end: int
    rule: dict

    @property
    def category(self) -> str | None:
        return self.rule.get("category")

    @property
    def certainty(self) -> str | None:
        return self.rule.get("certainty")


class TriggerFinder:
    """A PhraseMatcher over the lexicon's trigger phrases, tokenised by the pipeline itself."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.rules: dict[int, tuple[str, dict]] = {}
        for kind, entries in lex.data["triggers"].items():
            for n, rule in enumerate(entries):
                key = f"{kind}:{n}"
                self.rules[nlp.vocab.strings.add(key)] = (kind, rule)
                self.matcher.add(key, [nlp.make_doc(rule["pattern"])])

    def __call__(self, doc: Doc, place_tokens: set[int]) -> list[Trigger]:
        """Key phrases of the doc whose conditions hold, longest first per position."""
        found: list[Trigger] = []
        for match_id, start, end in self.matcher(doc):
            kind, rule = self.rules[match_id]
            span = doc[start:end]
            if _conditions_hold(span, rule, place_tokens):
                if _negated(span):
                    rule = {**rule, "certainty": "denied"}
                found.append(Trigger(kind, start, end, rule))
        found.sort(key=lambda t: (t.start, -(t.end - t.start)))
        kept: list[Trigger] = []
        for trig in found:
            if any(k.kind == trig.kind and k.start <= trig.start < k.end for k in kept):
                continue
            kept.append(trig)
        return kept


def _negated(span: Span) -> bool:
    """A negation on the key phrase's verb, or just before it ('not been encircled')."""
    doc = span.doc
    sent = sentence_of(span[0])
    if any(c.dep_ == "neg" for c in span.root.children):
        return True
    return any(t.lower_ in _NEGATIONS for t in doc[max(sent.start, span.start - 3) : span.start])


def _conditions_hold(span: Span, rule: dict, place_tokens: set[int]) -> bool:
    doc = span.doc
    sent = sentence_of(span[0])
    if span.start > 0 and doc[span.start - 1].text == "-" and not doc[span.start - 1].whitespace_:
        return False  # "Russian-occupied Crimea": a stock label, not a claim of its own
    before = {t.lower_ for t in doc[max(sent.start, span.start - 3) : span.start]}
    if before & _HYPOTHETICAL:
        return False  # "the threat of missile strikes", "could capture"
    if rule.get("object") == "place":
        window = range(span.end, min(sent.end, span.end + _PLACE_WINDOW))
        if not any(i in place_tokens for i in window):
            return False
    if rule.get("object") == "place_near":
        # "Kupyansk had been captured", "seized Bohuslavka", "captured the village"
        window = range(
            max(sent.start, span.start - _PLACE_WINDOW), min(sent.end, span.end + _PLACE_WINDOW)
        )
        if not any(i in place_tokens or doc[i].lower_ in _TERRITORY_WORDS for i in window):
            return False
    if rule.get("subject") == "forces":
        head = span.root
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        words = {t.lower_ for s in subjects for t in s.subtree}
        if not words & _FORCE_WORDS and not any(
            t.lower_ in _FORCE_WORDS for t in doc[max(sent.start, span.start - 3) : span.start]
        ):
            return False
    if rule.get("verb"):
        root = span.root
        if root.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in root.children):
            return False  # "control" the noun, "talks were held in Kyiv"
    if rule.get("predicate"):
        root = span.root
        if root.dep_ in ("amod", "compound") and not (
            set(range(root.head.i, root.head.i + 1)) & place_tokens
        ):
            return False
    return True
