"""Denials that point back to a claim made before them: 'Kyiv rejected the report as fake',
'found no evidence to support the claim', 'called the statement a fabrication'."""

from __future__ import annotations

from spacy.tokens import Span, Token

from warclaims.extract.lexicon import Lexicon

# what a denial is about when it does not restate the claim itself
_REFERENCE_NOUNS = {
    "claim",
    "claims",
    "report",
    "reports",
    "statement",
    "statements",
    "footage",
    "video",
    "allegation",
    "allegations",
    "assertion",
    "assertions",
}


def denial_anchor(sent: Span, lex: Lexicon) -> tuple[int, int] | None:
    """Token span of a denial that refers to an earlier claim ('rejected the report'), or None."""
    references = [t for t in sent if t.lower_ in _REFERENCE_NOUNS]
    if not references or any(_states_content(t) for t in references):
        return None
    verbs = lex.words("denial_verbs")
    for tok in sent:
        if tok.lower_ in verbs or tok.lemma_.lower() in verbs:
            return tok.i, tok.i + 1
    lowered = sent.text.lower()
    for phrase in lex.data["denial_phrases"]:
        at = lowered.find(phrase)
        if at >= 0:
            span = sent.char_span(at, at + len(phrase), alignment_mode="expand")
            if span is not None:
                return span.start, span.end
    return None


def _states_content(noun: Token) -> bool:
    """'refuted claims that the division seized X', 'reports of an encirclement': the claim is
    spelled out right here."""
    doc = noun.doc
    return noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ in ("that", "of", "about")
