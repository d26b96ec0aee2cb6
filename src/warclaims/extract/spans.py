"""Sentence lookups computed once per doc (spaCy's `Token.sent` rescans the doc each call)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_CACHE_KEY = "wc_sentences"


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, computed once and kept in `doc.user_data`."""
    return _cache(doc)[0]


def sentence_of(tok: Token) -> Span:
    """The sentence a token is in."""
    sents, index = _cache(tok.doc)
    return sents[index[tok.i]]


def _cache(doc: Doc) -> tuple[list[Span], list[int]]:
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is None:
        sents = list(doc.sents)
        index = [0] * len(doc)
        for n, sent in enumerate(sents):
            index[sent.start : sent.end] = [n] * (sent.end - sent.start)
        cached = doc.user_data[_CACHE_KEY] = (sents, index)
    return cached
