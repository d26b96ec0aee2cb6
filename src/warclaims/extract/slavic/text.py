"""Tokens, morphology and sentences for Russian and Ukrainian text.

A regex tokenizer keeps code-point offsets; pymorphy3 (both dictionaries) gives every word its
possible lemmas and grammemes, cached per word form. Sentences end at . ! ? … before an upper-case
start and at line breaks (headlines, bulletin lines and list items stand alone).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import pymorphy3

_TOKEN = re.compile(
    r"\d{1,2}\.\d{1,2}\.\d{2,4}(?!\d)"  # 24.02.2022, 20.11.25: one date token
    r"|\d+(?:,\d+)?(?![\w-])"  # 1675, 1,5
    r"|[^\W_]+(?:['’ʼ`][^\W\d_]+)*(?:-[^\W_]+(?:['’ʼ][^\W\d_]+)*)*"  # п'ять, Т-72, МТ-ЛБ, 17-й
    r"|[^\w\s]"
)


def word_set(*chunks: str) -> frozenset[str]:
    """Space-separated words as a set."""
    return frozenset(" ".join(chunks).split())


_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "ё": "е", "Ё": "е"})
_UK_ONLY = re.compile(r"[іїєґ]")
_RU_ONLY = re.compile(r"[ыэъё]")
_ABBREVIATIONS = word_set(
    "тыс тис млн млрд г гг р рр ул вул обл им ст св т д пр н с буд см див напр"
)
MONTHS = word_set(
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад",
    "грудень",
)
GUESS = "@guess"  # synthetic grammeme: no dictionary knows the word, its tags are guesses
REAL = "@real"  # synthetic grammeme: one of the word's readings is a past or present verb form
_REAL_TENSES = frozenset({"past", "pres"})
MIN_PARSE_SHARE = 0.2  # parses scored below this share of the best one are dropped
_SENT_END = re.compile(r"[.!?…]+[\"'»”)\]*]*")


def norm_word(word: str) -> str:
    """The lookup key of a word: lower case, ё as е, one apostrophe."""
    return word.lower().translate(_APOSTROPHES)


@dataclass(frozen=True, slots=True)
class Morph:
    lemmas: frozenset[str]
    grams: frozenset[str]  # every grammeme of every kept parse: NOUN, ADJF, nomn, plur, Name, …


@dataclass(frozen=True, slots=True)
class Token:
    i: int
    text: str
    start: int
    end: int
    key: str
    keys: frozenset[str]  # key and lemmas: what lexicon entries match against
    grams: frozenset[str]

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_digit(self) -> bool:
        return self.text[0].isdigit() and "." not in self.text and "-" not in self.text

    @property
    def is_punct(self) -> bool:
        return not self.text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()

    def has(self, *grams: str) -> bool:
        return any(g in self.grams for g in grams)

    @property
    def is_infinitive(self) -> bool:
        """Russian INFN; Ukrainian infinitives are VERB (sometimes 'infn') ending -ти, -тися."""
        if self.has("INFN", "infn"):
            return True
        return (
            self.has("VERB")
            and self.key.endswith(("ти", "тися", "тись"))
            and not self.has("past", "pres", "futr", "impr", "1per", "2per", "3per")
        )

    @property
    def is_finite(self) -> bool:
        """A verb form that states something happened or happens (not an infinitive)."""
        return self.has("VERB", "PRTS") and not self.is_infinitive


@lru_cache(maxsize=2)
def analyzer(language: str) -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang=language)


@lru_cache(maxsize=200_000)
def morph(key: str, language: str) -> Morph:
    """Lemmas and grammemes of a lower-case word form, from the dictionary of `language` and,
    for words it does not know, the other one (Ukrainian reports quote Russian and back)."""
    if _UK_ONLY.search(key):
        order = ("uk",)
    elif _RU_ONLY.search(key):
        order = ("ru",)
    else:
        order = (language, "ru" if language == "uk" else "uk")
    lemmas: set[str] = set()
    grams: set[str] = set()
    chosen = []
    for lang in order:
        known = [p for p in analyzer(lang).parse(key) if p.is_known]
        if known:
            top = max(p.score for p in known)
            chosen += [p for p in known if p.score >= top * MIN_PARSE_SHARE]
    if not chosen:  # a word neither dictionary knows: the first one's guesses
        chosen = analyzer(order[0]).parse(key)[:2]
        grams.add(GUESS)
    for p in chosen:
        lemmas.add(norm_word(p.normal_form))
        grams.update(p.tag.grammemes)
        if p.tag.grammemes & _REAL_TENSES or "PRTS" in p.tag.grammemes:
            grams.add(REAL)  # some reading states what happened or happens
    return Morph(frozenset(lemmas), frozenset(grams))


def tokenize(text: str, language: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        key = norm_word(word)
        if word[0].isalpha():
            found = morph(key, language)
            keys = found.lemmas | {key}
            grams = found.grams
        else:
            keys, grams = frozenset({key}), frozenset()
        tokens.append(Token(len(tokens), word, m.start(), m.end(), key, frozenset(keys), grams))
    return tokens


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # code points into the text
    end: int
    paragraph: int  # index of the line it sits in
    first: int  # token indices into the document's token list, end exclusive
    last: int


def sentence_spans(text: str, start: int = 0) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence of text[start:], whitespace trimmed."""
    spans: list[tuple[int, int, int]] = []
    paragraph = 0
    pos = start
    for line in text[start:].split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip():
            continue
        s = line_start
        for m in _SENT_END.finditer(text, line_start, line_end):
            after = text[m.end() : line_end].lstrip(" *_")
            if m.end() < line_end and not text[m.end()].isspace() and text[m.end()] not in "*_":
                continue
            if after and not (after[0].isupper() or after[0].isdigit() or after[0] in '«"“—–-▪•('):
                continue
            word = re.search(r"(\w+)$", text[s : m.start()])
            if m.group()[0] == "." and word and _no_end(word.group(1)):
                continue
            _add(spans, text, s, m.end(), paragraph)
            s = m.end()
        _add(spans, text, s, line_end, paragraph)
        paragraph += 1
    return spans


def _no_end(word: str) -> bool:
    """An abbreviation ("тыс.", "обл.") or an initial ("А. Ковалев") before a full stop."""
    return norm_word(word) in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _add(spans: list[tuple[int, int, int]], text: str, s: int, e: int, paragraph: int) -> None:
    while s < e and (text[s].isspace() or text[s] in "*_▪️•"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "*_"):
        e -= 1
    if e > s and any(ch.isalnum() for ch in text[s:e]):
        spans.append((s, e, paragraph))


def sentences(text: str, tokens: Sequence[Token], start: int = 0) -> list[Sentence]:
    """Sentences with their token ranges (tokens must cover the whole text, in order)."""
    out: list[Sentence] = []
    t = 0
    for s, e, paragraph in sentence_spans(text, start):
        while t < len(tokens) and tokens[t].start < s:
            t += 1
        first = t
        while t < len(tokens) and tokens[t].end <= e:
            t += 1
        out.append(Sentence(s, e, paragraph, first, t))
    return out
