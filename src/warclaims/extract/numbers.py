"""The hedge grammar: numbers as written, with their hedges, over spaCy tokens.

"up to 3,000" → value 3000, high 3000, hedge up_to; "between 2,000 and 3,000" → range;
"two thousand" → 2000; "1 150 000" → 1150000; "a quarter" → 25 (percent); "twice" → 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from warclaims.extract.lexicon import Lexicon
from warclaims.extract.spans import sentence_of

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_THREE_DIGITS = re.compile(r"^\d{3}$")
_NOT_A_CLAIM_ENTS = {"DATE", "TIME", "ORDINAL"}
_CURRENCY_WORDS = {
    "dollars",
    "euros",
    "pounds",
    "hryvnias",
    "hryvnia",
    "rubles",
    "roubles",
    "usd",
    "eur",
    "uah",
    "rub",
}
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """A hedged number found in a doc (token indices, end exclusive)."""

    start: int  # first token, hedge included
    end: int  # after the last number token (range and post-hedge included)
    num_start: int  # the main number's tokens
    num_end: int
    value: float
    low: float | None
    high: float | None
    hedge: str
    percent_word: bool = False  # "a quarter", "half": a share, not a count
    adverb: bool = False  # "twice", "three times"
    all_but: bool = False  # "all but 26": the figure is not the claimed number
    vague: bool = False  # "dozens of", "hundreds of": a claim, but no number to record

    @property
    def char_span(self) -> tuple[int, int]:
        return self.start, self.end


def _digits_value(text: str) -> float | None:
    if not _DIGITS.match(text):
        return None
    return float(text.replace(",", ""))


def _word_number(tokens: list[Token], i: int, lex: Lexicon) -> tuple[float, int] | None:
    """A spelled-out number starting at token i: (value, tokens used)."""
    words = lex.data["number_words"]
    if i + 1 < len(tokens):
        pair = f"{tokens[i].lower_} {tokens[i + 1].lower_}"
        if pair in words:
            return float(words[pair]), 2
    low = tokens[i].lower_
    if low == "one" and i + 1 < len(tokens) and tokens[i + 1].lower_ == "of":
        return None  # "one of the officials"
    if low in words and low not in {"a", "half", "dozen"}:
        value = float(words[low])
        # "twenty-five": tokens "twenty" "-" "five"
        if (
            i + 2 < len(tokens)
            and tokens[i + 1].text == "-"
            and tokens[i + 2].lower_ in words
            and value >= 20
            and words[tokens[i + 2].lower_] < 10
        ):
            return value + words[tokens[i + 2].lower_], 3
        return value, 1
    if low == "half" and i + 1 < len(tokens) and tokens[i + 1].lower_ == "of":
        return 50.0, 1
    return None


def _number_at(tokens: list[Token], i: int, lex: Lexicon) -> tuple[float, int] | None:
    """The number starting at token i with multipliers and digit groups: (value, n tokens)."""
    tok = tokens[i]
    value = _digits_value(tok.text)
    used = 1
    if value is None:
        spelled = _word_number(tokens, i, lex)
        if spelled is None:
            return None
        value, used = spelled
    elif "," not in tok.text:
        # "1 150 000": digit groups separated by single spaces
        j = i
        while (
            j + 1 < len(tokens)
            and tokens[j].whitespace_ == " "
            and _THREE_DIGITS.match(tokens[j + 1].text)
            and len(tok.text) <= 3
        ):
            value = value * 1000 + float(tokens[j + 1].text)
            j += 1
        used = j - i + 1
    multipliers = lex.data["multipliers"]
    while i + used < len(tokens) and tokens[i + used].lower_ in multipliers:
        word = tokens[i + used].lower_
        # "k"/"m" only glued to a digit ("5k"), never "m" as metres after a space
        if len(word) <= 2 and tokens[i + used - 1].whitespace_:
            break
        value *= multipliers[word]
        used += 1
    # "two hundred thousand" style chains are covered above; "hundred" alone after a word
    return value, used


def _phrase_before(
    tokens: list[Token], start: int, table: dict[str, str], floor: int
) -> tuple[str, int]:
    """Longest phrase of `table` ending just before `start`: (value, n tokens) or ('', 0)."""
    for n in (3, 2, 1):
        if start - n < floor:
            continue
        phrase = " ".join(t.lower_ for t in tokens[start - n : start])
        if phrase in table:
            return table[phrase], n
    return "", 0


def _number_word_or_digits(word: str, lex: Lexicon) -> bool:
    return word in lex.data["number_words"] or _digits_value(word) is not None


def _is_excluded(tokens: list[Token], i: int, n: int, lex: Lexicon) -> bool:
    tok = tokens[i]
    if tok.ent_type_ in _NOT_A_CLAIM_ENTS and tok.lower_ not in lex.data["adverb_counts"]:
        share = " ".join(t.lower_ for t in tokens[i : i + n]) in lex.data["fraction_words_percent"]
        followed_by_of = i + n < len(tokens) and tokens[i + n].lower_ == "of"
        if not (share and followed_by_of):  # "a quarter of troops" is a share, not a date
            return True
    if _YEAR.match(tok.text) and n == 1:
        return True
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + n] if i + n < len(tokens) else None
    if prev is not None and nxt is not None and (prev.text, nxt.text) == ("[", "]") and n == 1:
        return True  # "[56]" footnote references; "(155 …)" conversions are dropped by unit
    if prev is not None and prev.text in ("$", "€", "£", "#", "№"):
        return True
    if nxt is not None and nxt.lower_ in _CURRENCY_WORDS:
        return True
    # model names: "FP-5", "Su-34", "M1"
    if prev is not None and prev.text in ("-", "/") and not prev.whitespace_ and i >= 2:
        before = tokens[i - 2]
        if before.is_alpha and not before.whitespace_:
            return True
    if prev is not None and not prev.whitespace_ and prev.is_alpha:
        return True
    if (
        nxt is not None
        and not tokens[i + n - 1].whitespace_
        and nxt.lower_ in ("th", "st", "nd", "rd")
    ):
        return True
    # compound adjectives: "two-wheeled", "10-day", "three-storey"
    return bool(
        nxt is not None
        and nxt.text == "-"
        and not tokens[i + n - 1].whitespace_
        and not nxt.whitespace_
        and i + n + 1 < len(tokens)
        and tokens[i + n + 1].is_alpha
        and not _number_word_or_digits(tokens[i + n + 1].lower_, lex)
    )


@lru_cache(maxsize=4)
def _starters_cached(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.split()[0] for w in words)


def _starters(lex: Lexicon) -> frozenset[str]:
    """First words of spelled-out numbers: only tokens like these can start a figure."""
    return _starters_cached(tuple(lex.data["number_words"]))


def find_quantities(doc: Doc, lex: Lexicon) -> list[QuantityMention]:
    """Every hedged number of the doc, in text order."""
    tokens = doc
    found: list[QuantityMention] = []
    hedges_before: dict[str, str] = lex.data["hedges_before"]
    adverbs = set(lex.data["adverb_counts"])
    percent_words = set(lex.data["fraction_words_percent"])
    starters = _starters(lex)
    i = 0
    vague = _vague_words(lex)
    while i < len(tokens):
        tok = tokens[i]
        if tok.lower_ in vague:
            mention = _vague_at(tokens, i, vague)
            if mention is not None:
                found.append(mention)
                i = mention.end
                continue
        if not (tok.like_num or tok.lower_ in starters or tok.text[:1].isdigit()):
            i += 1
            continue
        number = _number_at(tokens, i, lex)
        if number is None or _is_excluded(tokens, i, number[1], lex):
            i += 1
            continue
        value, used = number
        num_start, num_end = i, i + used
        sent_start = sentence_of(tokens[i]).start
        first_text = " ".join(t.lower_ for t in tokens[num_start:num_end])
        mention = _with_hedges(tokens, num_start, num_end, value, lex, hedges_before, sent_start)
        mention = QuantityMention(
            **{
                **mention,
                "percent_word": first_text in percent_words or tokens[num_start].lower_ == "half",
                "adverb": tokens[num_start].lower_ in adverbs
                or (num_end < len(tokens) and tokens[num_end].lower_ == "times"),
            }
        )
        found.append(mention)
        i = mention.end
    return found


_VAGUE_PLURALS = ("dozens", "hundreds", "thousands", "scores", "tens")


def _vague_words(lex: Lexicon) -> frozenset[str]:
    return frozenset(w for w in lex.data["vague_amounts"] if w in _VAGUE_PLURALS)


def _vague_at(tokens: Doc, i: int, vague: frozenset[str]) -> QuantityMention | None:
    """'dozens of armoured vehicles', 'hundreds of soldiers': counted, but not in figures."""
    j = i + 1
    if j >= len(tokens) or tokens[j].lower_ != "of":
        return None
    chained = (j + 1 < len(tokens) and tokens[j + 1].lower_ in vague) or (
        i >= 2 and tokens[i - 1].lower_ == "of" and tokens[i - 2].lower_ in vague
    )
    if chained:
        return None  # "hundreds of thousands of lives": a mass figure, not a count of a unit
    return QuantityMention(
        start=i,
        end=j + 1,
        num_start=i,
        num_end=j,
        value=0.0,
        low=None,
        high=None,
        hedge="approx",
        vague=True,
    )


def _with_hedges(
    tokens: list[Token],
    num_start: int,
    num_end: int,
    value: float,
    lex: Lexicon,
    hedges_before: dict[str, str],
    floor: int,
) -> dict:
    start, end = num_start, num_end
    hedge, n = _phrase_before(tokens, num_start, hedges_before, floor)
    all_but = False
    if not hedge:
        prev2 = " ".join(t.lower_ for t in tokens[max(floor, num_start - 2) : num_start])
        all_but = prev2 == "all but"
        if all_but:
            start = num_start - 2
    else:
        start = num_start - n
    low: float | None = None
    high: float | None = None
    # ranges: "between X and Y", "from X to Y", "X to Y", "X-Y"
    joiner = tokens[end].lower_ if end < len(tokens) else ""
    prev_word = tokens[start - 1].lower_ if start > floor else ""
    if joiner in lex.data["range_joiners"] and end + 1 < len(tokens):
        second = _number_at(tokens, end + 1, lex)
        is_range = second is not None and second[0] > value
        if joiner == "and":
            is_range = is_range and prev_word == "between"
        if is_range and second is not None:
            low, high = value, second[0]
            end = end + 1 + second[1]
            if prev_word in ("between", "from"):
                start -= 1
            hedge = "range"
    if not hedge:
        hedge = "exact"
        post = _post_hedge(tokens, end, lex)
        if post:
            hedge = post
    if hedge == "exact":
        low = high = value
    elif hedge == "up_to" or hedge == "at_most":
        low, high = None, value
    elif hedge == "at_least":
        low, high = value, None
    elif hedge == "approx":
        low = high = None
    return {
        "start": start,
        "end": end,
        "num_start": num_start,
        "num_end": num_end,
        "value": value,
        "low": low,
        "high": high,
        "hedge": hedge,
        "all_but": all_but,
    }


def _post_hedge(tokens: list[Token], end: int, lex: Lexicon) -> str:
    """'… or less', '… or more' within a few tokens after the figure, same clause."""
    after: dict[str, str] = lex.data["hedges_after"]
    for j in range(end, min(end + 6, len(tokens) - 1)):
        if tokens[j].is_punct and tokens[j].text not in ("%",):
            return ""
        pair = f"{tokens[j].lower_} {tokens[j + 1].lower_}"
        if pair in after:
            return after[pair]
        if j == end and tokens[j].lower_ == "plus" and not tokens[j - 1].whitespace_:
            return "at_least"
    return ""
