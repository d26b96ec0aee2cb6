"""The hedge grammar of CLAIMS.md (`quantity`): numbers as written, with their hedges and bounds.

exact → low = high = value; approx → both bounds null; up_to → high only; at_least → low only;
at_most → high only; range → low and high.
"""

from __future__ import annotations

import pytest

from warclaims.extract.lexicon import load_lexicon
from warclaims.extract.numbers import QuantityMention, find_quantities
from warclaims.pipeline import get_nlp


@pytest.fixture(scope="module")
def quantities():
    """text → (spaCy doc, quantity mentions); the pipeline and lexicon load once."""
    nlp = get_nlp("en")
    lex = load_lexicon("en")

    def run(text: str):
        doc = nlp(text)
        return doc, find_quantities(doc, lex)

    return run


def _only(found: list[QuantityMention], text: str) -> QuantityMention:
    assert len(found) == 1, f"{text!r}: expected one quantity, got {found}"
    return found[0]


# (sentence, number as written, hedged mention or None, value, low, high, hedge)
HEDGES = [
    ("Up to 3,000 soldiers were killed.", "3,000", "Up to 3,000", 3000, None, 3000, "up_to"),
    (
        "Officials said as many as 400 soldiers died.",
        "400",
        "as many as 400",
        400,
        None,
        400,
        "up_to",
    ),
    ("Over 200 tanks were destroyed.", "200", "Over 200", 200, 200, None, "at_least"),
    (
        "The brigade lost more than 150 soldiers.",
        "150",
        "more than 150",
        150,
        150,
        None,
        "at_least",
    ),
    ("At least 12 civilians died in the strike.", "12", "At least 12", 12, 12, None, "at_least"),
    ("About 500 troops were moved to the front.", "500", "About 500", 500, None, None, "approx"),
    (
        "The army lost approximately 700 soldiers.",
        "700",
        "approximately 700",
        700,
        None,
        None,
        "approx",
    ),
    ("Nearly 90 drones were shot down.", "90", "Nearly 90", 90, None, None, "approx"),
    ("Some 300 soldiers were captured.", "300", "Some 300", 300, None, None, "approx"),
    (
        "Fewer than 40 soldiers survived the assault.",
        "40",
        "Fewer than 40",
        40,
        None,
        40,
        "at_most",
    ),
    ("The unit has less than 20 tanks left.", "20", "less than 20", 20, None, 20, "at_most"),
    ("Under 60 drones reached their targets.", "60", "Under 60", 60, None, 60, "at_most"),
    (
        "Officials said over 80% of the town was destroyed.",
        "80",
        "over 80",
        80,
        80,
        None,
        "at_least",
    ),
    (
        "Between 2,000 and 3,000 soldiers were killed.",
        "2,000",
        "Between 2,000 and 3,000",
        2000,
        2000,
        3000,
        "range",
    ),
    (
        "The army lost 2,000 to 3,000 soldiers.",
        "2,000",
        "2,000 to 3,000",
        2000,
        2000,
        3000,
        "range",
    ),
    ("The army lost 40-50 tanks last week.", "40", "40-50", 40, 40, 50, "range"),
    ("The army lost from 100 to 200 tanks.", "100", "from 100 to 200", 100, 100, 200, "range"),
    ("The army lost 50 soldiers or more.", "50", None, 50, 50, None, "at_least"),
    ("The army lost 30 tanks or less.", "30", None, 30, None, 30, "at_most"),
]


@pytest.mark.parametrize(("text", "number", "mention", "value", "low", "high", "hedge"), HEDGES)
def test_hedge_sets_value_bounds_and_hedge(
    quantities, text, number, mention, value, low, high, hedge
):
    doc, found = quantities(text)
    q = _only(found, text)
    assert (q.value, q.low, q.high, q.hedge) == (value, low, high, hedge)
    assert doc[q.num_start : q.num_end].text == number
    if mention is not None:
        assert doc[q.start : q.end].text == mention


# (sentence, number as written, value)
NUMBER_FORMS = [
    ("The army lost 3,000 soldiers.", "3,000", 3000),
    ("The army has 1 150 000 soldiers.", "1 150 000", 1150000),
    ("The army has 1.5 million soldiers.", "1.5 million", 1500000),
    ("The army lost fifteen tanks.", "fifteen", 15),
    ("The army lost two thousand soldiers.", "two thousand", 2000),
    ("The army lost twenty-five tanks.", "twenty-five", 25),
    ("The army lost a dozen tanks.", "a dozen", 12),
    ("Russia controls 80% of the region.", "80", 80),
    ("Russia controls 65 percent of the region.", "65", 65),
]


@pytest.mark.parametrize(("text", "number", "value"), NUMBER_FORMS)
def test_number_form_is_normalised_and_exact(quantities, text, number, value):
    doc, found = quantities(text)
    q = _only(found, text)
    assert q.value == value
    assert (q.low, q.high, q.hedge) == (value, value, "exact")
    assert doc[q.num_start : q.num_end].text == number
    assert not q.percent_word
    assert not q.adverb


def test_a_quarter_of_is_a_share(quantities):
    text = "The army lost a quarter of its troops."
    doc, found = quantities(text)
    q = _only(found, text)
    assert q.value == 25
    assert q.percent_word
    assert doc[q.num_start : q.num_end].text == "a quarter"


# (sentence, the values that are quantities): years, dates, ordinals, money, model names,
# footnotes, compound adjectives and "one of" are not counts.
NOT_QUANTITIES = [
    ("The offensive began in 2022.", []),
    ("In 2022 the brigade lost 40 tanks.", [40]),
    ("The invasion began on February 24.", []),
    ("On February 24, 300 soldiers were killed.", [300]),
    ("It was the 68th day of the war.", []),
    ("The 2nd Motorized Rifle Division lost 12 tanks.", [12]),
    ("The aid package is worth $95bn.", []),
    ("The FP-5 missile hit the depot.", []),
    ("A Su-34 jet was shot down.", []),
    ("The unit lost 40 tanks.[56]", [40]),
    ("Soldiers pushed two-wheeled carts.", []),
    ("One of the officials said 20 soldiers died.", [20]),
]


@pytest.mark.parametrize(("text", "values"), NOT_QUANTITIES)
def test_non_counts_yield_no_quantity(quantities, text, values):
    _, found = quantities(text)
    assert [q.value for q in found] == values
