"""How firmly: asserted, reported (reportedly, allegedly, unnamed sources) or denied."""

from __future__ import annotations

from spacy.tokens import Span

from warclaims.extract.claimants import Attribution
from warclaims.extract.lexicon import Lexicon

_SECOND_HAND_VERBS = {"claim", "show", "report", "say", "write", "post", "publish", "allege"}


def certainty_of(sent: Span, att: Attribution, lex: Lexicon, forced: str | None = None) -> str:
    """The certainty of a claim made in `sent` by `att`."""
    if forced:
        return forced
    if att.verb in lex.words("denial_verbs"):
        return "denied"
    text = sent.text.lower()
    if any(phrase in text for phrase in lex.data["denial_phrases"]):
        return "denied"
    cues = lex.words("reported_cues")
    if any(tok.lower_ in cues for tok in sent):
        return "reported"
    if att.type == "anonymous":
        return "reported"
    if att.type == "media" and (att.verb is None or att.verb in _SECOND_HAND_VERBS):
        return "reported"  # "according to Russian milbloggers", "a blogger wrote"
    if att.verb in ("claim", "allege") and att.type != "official":
        return "reported"
    return "asserted"
