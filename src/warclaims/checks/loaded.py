"""loaded_language: labelling and emotive words, one flag per propaganda technique."""

from __future__ import annotations

from warclaims.lexicons import LoadedTerm, has_lexicon, load_loaded_terms
from warclaims.model import Document, Flag, Span

# A report is flagged when it uses one strong term (a label plain reporting does not use in its
# own voice: "neo-Nazi regime", "invaders", "orcs") or at least this many different weak terms.
# Weak terms ("brutal", "relentless", "devastating") turn up one at a time in neutral wire copy
# too: in the dev set a plain AFP timeline has "a brutal siege" and nothing else, while the
# editorialising Kupyansk piece has five different ones. Three keeps single and paired
# adjectives of ordinary reporting quiet.
WEAK_TERMS_NEEDED = 3


def matches(text: str, terms: tuple[LoadedTerm, ...]) -> list[tuple[Span, LoadedTerm]]:
    """Every match of every term, longest first where two overlap ("neo-Nazi regime" wins over
    "neo-Nazi"), in text order."""
    found = [
        (Span(start=m.start(), end=m.end()), term)
        for term in terms
        for m in term.regex.finditer(text)
    ]
    found.sort(key=lambda pair: (pair[0].start, -(pair[0].end - pair[0].start)))
    kept: list[tuple[Span, LoadedTerm]] = []
    for span, term in found:
        if kept and span.start < kept[-1][0].end:
            continue
        kept.append((span, term))
    return kept


def check(doc: Document) -> list[Flag]:
    """One loaded_language flag per technique, when the report qualifies (see above)."""
    if not has_lexicon(doc.language, "loaded_language.tsv"):
        return []
    found = matches(doc.text, load_loaded_terms(doc.language))
    strong = any(term.strength == "strong" for _, term in found)
    weak = {term.pattern for _, term in found if term.strength == "weak"}
    if not strong and len(weak) < WEAK_TERMS_NEEDED:
        return []
    flags: list[Flag] = []
    for technique in ("name_calling", "loaded_language", "exaggeration"):
        spans = [span for span, term in found if term.technique == technique]
        if not spans:
            continue
        words: list[str] = []
        for span in spans:
            word = " ".join(span.slice(doc.text).split())
            if word.lower() not in (w.lower() for w in words):
                words.append(word)
        label = technique.replace("_", " ")
        flags.append(
            Flag(
                code="loaded_language",
                technique=technique,
                message=f"{label.capitalize()}: " + ", ".join(f"“{w}”" for w in words),
                evidence=spans,
            )
        )
    return flags
