"""warclaims.checks: each flag family on hand-built documents, plus the dev set."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from warclaims.checks import CLAIM_CHECKS, TEXT_CHECKS, run_checks
from warclaims.checks._text import figures, lead_span, parse_number
from warclaims.ingest.text import normalise_text, split_headline
from warclaims.model import Claim, Claimant, Document, Flag, Quantity, Span

SHARED_DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"


def make_doc(text: str, claims: list[Claim] | None = None, language: str = "en") -> Document:
    return Document(
        doc_id="test",
        title=split_headline(text),
        text=text,
        language=language,  # type: ignore[arg-type]
        claims=claims or [],
    )


def sentence_span(text: str, start: int, end: int) -> Span:
    """The sentence (or line) around text[start:end]."""
    left = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "? ", "! ")))
    rights = [
        i
        for i in (text.find("\n", end), *(text.find(p, end) for p in (". ", "? ", "! ")))
        if i >= 0
    ]
    s = left + 1
    while s < start and text[s].isspace():
        s += 1
    e = min(rights) + (0 if text[min(rights)] == "\n" else 1) if rights else len(text)
    return Span(start=s, end=e)


def claim(
    text: str,
    anchor: str,
    kind: str,
    *,
    occurrence: int = 0,
    quantity: dict[str, Any] | None = None,
    claimant: dict[str, Any] | None = None,
    **fields: Any,
) -> Claim:
    """A claim anchored on the `occurrence`-th `anchor` in `text`, evidence its sentence."""
    starts = [m.start() for m in re.finditer(re.escape(anchor), text)]
    start = starts[occurrence]
    end = start + len(anchor)
    return Claim(
        kind=kind,  # type: ignore[arg-type]
        quantity=Quantity(**quantity) if quantity else None,
        claimant=Claimant(**(claimant or {})),
        evidence=sentence_span(text, start, end),
        anchor=Span(start=start, end=end),
        **fields,
    )


def codes(flags: list[Flag]) -> list[str]:
    return [f.code for f in flags]


def texts(doc: Document, flag: Flag) -> list[str]:
    return [span.slice(doc.text) for span in flag.evidence]


ANON_RU = {"mention": "a source in the Russian military", "type": "anonymous", "side": "RU"}
UP_TO_3000 = {"value": 3000, "high": 3000, "hedge": "up_to", "unit": "personnel"}


# --- helpers ---------------------------------------------------------------------------------


def test_parse_number() -> None:
    assert parse_number("3,000") == 3000
    assert parse_number("1 150 000") == 1_150_000
    assert parse_number("2.5", "million") == 2_500_000
    assert parse_number("3", "k") == 3000


def test_figures_skip_dates_years_ordinals_money() -> None:
    text = "On November 20 and 3 March 2024 the 28th brigade lost 891 tanks, $95bn, 10:30, #2."
    assert [(f.span.slice(text), f.value) for f in figures(text)] == [("891", 891)]
    text = "february 27 2026: on 9 May, Russia may lose 5,000 troops"
    assert [(f.span.slice(text), f.value) for f in figures(text)] == [("5,000", 5000)]


def test_figures_see_hedges() -> None:
    text = "up to 3,000 and about 20 000 and 891 and 2,000-3,000 and 40+ and over 80%"
    found = {f.span.slice(text): f.hedged for f in figures(text)}
    assert found == {
        "3,000": True,
        "20 000": True,
        "891": False,
        "2,000": True,
        "40": True,
        "80": True,
    }


def test_lead_span_after_headline() -> None:
    doc = make_doc("A headline without a stop\nFirst sentence here. Second one.")
    lead = lead_span(doc)
    assert lead is not None and lead.slice(doc.text) == "First sentence here."


# --- name_mismatch ---------------------------------------------------------------------------


def test_name_misspelling_flagged() -> None:
    doc = make_doc("On Monday General Staff Chief Valerie Gerasimov informed President Putin.")
    flags = run_checks(doc, ("name_mismatch",))
    assert codes(flags) == ["name_mismatch"]
    assert texts(doc, flags[0]) == ["Valerie Gerasimov"]
    assert "misspelling of Valery Gerasimov (Chief of the General Staff" in flags[0].message


def test_surname_misspelling_flagged() -> None:
    doc = make_doc("The report was signed by Valery Gerasimow and sent on.")
    (flag,) = run_checks(doc, ("name_mismatch",))
    assert texts(doc, flag) == ["Valery Gerasimow"]


@pytest.mark.parametrize(
    "text",
    [
        "President Volodymyr Zelenskyy said so, and Zelenskiy’s adviser agreed.",
        "Volodymyr Zelenskiy and Vladimir Zelensky are the same man.",
        "His commander in chief, Oleksandr Syrskii, said the gains were real.",
        "Commander-in-Chief Oleksandr Syrskyi and Alexander Syrsky and Oleksandr Syrskyy.",
        "Valeriy Zaluzhny met Valery Zaluzhnyi.",
        "Valery Vasilyevich Gerasimov and Valeriy Gerasimov and Mr Gerasimov.",
        "Dmitry Gerasimov, a footballer, is somebody else.",
        "Yesterday Putin said Moscow Putin Kyiv Zelensky.",
        "Ivan Fedorov and Mykhailo Fedorov are different people, as is Oleg Fedorov.",
    ],
)
def test_name_variants_not_flagged(text: str) -> None:
    assert run_checks(make_doc(text), ("name_mismatch",)) == []


def test_wrong_role_flagged() -> None:
    doc = make_doc("Defence Minister Valery Gerasimov said the operation was going well.")
    (flag,) = run_checks(doc, ("name_mismatch",))
    assert texts(doc, flag) == ["Defence Minister Valery Gerasimov"]
    assert "Chief of the General Staff" in flag.message and "not defence minister" in flag.message


def test_wrong_nationality_flagged() -> None:
    doc = make_doc("Ukrainian President Vladimir Putin spoke on Monday.")
    (flag,) = run_checks(doc, ("name_mismatch",))
    assert texts(doc, flag) == ["Ukrainian President Vladimir Putin"]
    assert "Russian side" in flag.message


def test_right_roles_not_flagged() -> None:
    text = (
        "Russian Defence Minister Andrei Belousov, former defence minister Sergei Shoigu, "
        "Kremlin spokesman Dmitry Peskov, Russian Foreign Ministry spokeswoman Maria Zakharova, "
        "Foreign Minister Sergei Lavrov, Ukrainian President Volodymyr Zelensky, the mayor, "
        "Ihor Terekhov, Russian President Vladimir Putin, Chief of the General Staff Valery "
        "Gerasimov, deputy defence minister Valery Gerasimov and President Joe Biden all spoke."
    )
    assert run_checks(make_doc(text), ("name_mismatch",)) == []


def test_name_check_needs_a_lexicon_for_the_language(monkeypatch) -> None:
    # ru and uk ship actors.tsv now (issue 6): take the lexicon away to test the guard
    monkeypatch.setattr("warclaims.checks.names.has_lexicon", lambda language, filename: False)
    doc = make_doc("General Staff Chief Valerie Gerasimov", language="uk")
    assert run_checks(doc, ("name_mismatch",)) == []


# --- loaded_language -------------------------------------------------------------------------


def test_one_strong_label_flags() -> None:
    doc = make_doc("Twice the invaders attacked near the river; the invaders were repelled.")
    (flag,) = run_checks(doc, ("loaded_language",))
    assert flag.technique == "name_calling"
    assert texts(doc, flag) == ["invaders", "invaders"]
    assert "“invaders”" in flag.message


def test_longest_match_wins() -> None:
    doc = make_doc("He spoke of a hostile neo-Nazi regime in Kyiv.")
    (flag,) = run_checks(doc, ("loaded_language",))
    assert texts(doc, flag) == ["neo-Nazi regime"]


@pytest.mark.parametrize(
    "text",
    [
        "The city was subjected to a brutal siege.",
        "A devastating strike hit the port after a brutal week.",
        "A brutal siege, a brutal winter and brutal losses.",
        "The city was relentlessly bombarded. Nazi equipment was shown in 1945.",
        "Russian forces captured the village, the ministry said.",
    ],
)
def test_plain_reporting_not_flagged(text: str) -> None:
    assert run_checks(make_doc(text), ("loaded_language",)) == []


def test_several_weak_terms_flag_per_technique() -> None:
    doc = make_doc(
        "Under relentless fire the brutal battle brought catastrophic losses and desperate "
        "defenders."
    )
    flags = run_checks(doc, ("loaded_language",))
    by_technique = {f.technique: texts(doc, f) for f in flags}
    assert by_technique == {
        "loaded_language": ["relentless", "brutal", "desperate"],
        "exaggeration": ["catastrophic"],
    }
    assert all(f.code == "loaded_language" for f in flags)


# --- anonymous_sourcing ----------------------------------------------------------------------

ANON_TEXT = (
    "According to a source in the Russian military, up to 3,000 soldiers were killed. "
    "The Russian defence ministry said up to 3,000 soldiers were killed. "
    "The source also said 40 tanks were lost."
)


def test_anonymous_figure_flagged() -> None:
    c = claim(
        ANON_TEXT,
        "40",
        "equipment_loss",
        side="RU",
        quantity={"value": 40, "low": 40, "high": 40, "unit": "equipment"},
        claimant=ANON_RU,
    )
    doc = make_doc(ANON_TEXT, [c])
    (flag,) = run_checks(doc, ("anonymous_sourcing",))
    assert flag.evidence == [c.evidence]
    assert flag.message.startswith("“40” (equipment loss) rests only on an unnamed source")
    assert "“a source in the Russian military”" in flag.message


def test_anonymous_figure_corroborated_by_named_claimant() -> None:
    anon = claim(ANON_TEXT, "up to 3,000", "casualties", quantity=UP_TO_3000, claimant=ANON_RU)
    named = claim(
        ANON_TEXT,
        "up to 3,000",
        "casualties",
        occurrence=1,
        quantity=UP_TO_3000,
        claimant={"name": "Russian Ministry of Defence", "type": "official", "side": "RU"},
    )
    assert run_checks(make_doc(ANON_TEXT, [anon, named]), ("anonymous_sourcing",)) == []
    # a named claimant giving the figure for another kind does not corroborate it
    other = named.model_copy(update={"kind": "troop_strength"})
    assert codes(run_checks(make_doc(ANON_TEXT, [anon, other]), ("anonymous_sourcing",))) == [
        "anonymous_sourcing"
    ]


def test_no_anonymous_flag_without_figure_or_with_named_source() -> None:
    no_figure = claim(ANON_TEXT, "killed", "casualties", claimant=ANON_RU)
    named = claim(
        ANON_TEXT,
        "up to 3,000",
        "casualties",
        occurrence=1,
        quantity=UP_TO_3000,
        claimant={"name": "Russian Ministry of Defence", "type": "official", "side": "RU"},
    )
    assert run_checks(make_doc(ANON_TEXT, [no_figure, named]), ("anonymous_sourcing",)) == []


SELF_CITED_TEXT = (
    "По данным WarGonzo, бойцы уничтожили 12 танков противника. Минобороны сообщило о 30 пленных."
)
CHANNEL = {"name": "WarGonzo", "type": "author", "side": "RU"}


def test_outlet_citing_itself_for_a_loss_figure_is_flagged() -> None:
    tanks = claim(
        SELF_CITED_TEXT,
        "12",
        "equipment_loss",
        quantity={"value": 12, "low": 12, "high": 12, "unit": "equipment"},
        claimant=CHANNEL,
    )
    (flag,) = run_checks(make_doc(SELF_CITED_TEXT, [tanks], "ru"), ("anonymous_sourcing",))
    assert texts(make_doc(SELF_CITED_TEXT), flag) == ["По данным WarGonzo"]
    assert "own undisclosed information" in flag.message


def test_outlet_self_citation_needs_the_outlet_named_as_source() -> None:
    text = SELF_CITED_TEXT.replace("По данным WarGonzo, бойцы", "Бойцы")
    tanks = claim(
        text,
        "12",
        "equipment_loss",
        quantity={"value": 12, "low": 12, "high": 12, "unit": "equipment"},
        claimant=CHANNEL,
    )
    assert run_checks(make_doc(text, [tanks], "ru"), ("anonymous_sourcing",)) == []
    # a figure the outlet cites from a named body is not the outlet's own information
    official = tanks.model_copy(
        update={"claimant": Claimant(name="Russian Ministry of Defence", type="official")}
    )
    assert run_checks(make_doc(SELF_CITED_TEXT, [official], "ru"), ("anonymous_sourcing",)) == []


def test_anonymous_type_needs_an_unnamed_source_mention() -> None:
    """A document or a group typed anonymous by mistake does not count as an unnamed source."""
    for mention in ("the briefing", "European leaders"):
        c = claim(
            ANON_TEXT, "40", "equipment_loss",
            quantity={"value": 40, "low": 40, "high": 40, "unit": "equipment"},
            claimant={"mention": mention, "type": "anonymous"},
        )  # fmt: skip
        assert run_checks(make_doc(ANON_TEXT, [c]), ("anonymous_sourcing",)) == []
    unmentioned = c.model_copy(update={"claimant": Claimant(type="anonymous")})
    assert codes(run_checks(make_doc(ANON_TEXT, [unmentioned]), ("anonymous_sourcing",))) == [
        "anonymous_sourcing"
    ]


# --- self_reported_losses --------------------------------------------------------------------

LOSS_TEXT = (
    "According to a source in the Russian military, the assault brought catastrophic losses, "
    "with up to 3,000 Russian soldiers killed. "
    "Two Russian servicemen were lightly wounded, the Russian ministry said. "
    "Ukraine's General Staff said 1,200 Russian soldiers were killed. "
    "Ukrainian officials said at least 20,000 people were killed in the city. "
    "A Ukrainian commander admitted his brigade suffered heavy losses. "
    "A Russian blogger refuted claims that Russian forces seized the village. "
    "Kyiv said Russian forces captured the village. "
    "Kyiv said the defence collapsed as Russian forces captured the town."
)
UA_OFFICIAL = {"type": "official", "side": "UA"}
RU_OFFICIAL = {"type": "official", "side": "RU"}


def test_own_heavy_losses_flagged() -> None:
    c = claim(
        LOSS_TEXT, "up to 3,000", "casualties", side="RU", quantity=UP_TO_3000, claimant=ANON_RU
    )
    doc = make_doc(LOSS_TEXT, [c])
    (flag,) = run_checks(doc, ("self_reported_losses",))
    assert flag.evidence == [c.evidence]
    assert "A Russian claimant (an unnamed source" in flag.message
    assert "up to 3,000 Russian casualties, described as “catastrophic”" in flag.message
    assert "check the side attribution" in flag.message.lower()


def test_heavy_loss_words_without_figure_flagged() -> None:
    c = claim(LOSS_TEXT, "heavy losses", "equipment_loss", side="UA", claimant=UA_OFFICIAL)
    assert codes(run_checks(make_doc(LOSS_TEXT, [c]), ("self_reported_losses",))) == [
        "self_reported_losses"
    ]


def test_ordinary_losses_not_flagged() -> None:
    small = claim(
        LOSS_TEXT,
        "Two",
        "casualties",
        category="wounded",
        side="RU",
        quantity={"value": 2, "low": 2, "high": 2, "unit": "personnel"},
        claimant=RU_OFFICIAL,
    )
    enemy = claim(
        LOSS_TEXT,
        "1,200",
        "casualties",
        side="RU",
        quantity={"value": 1200, "low": 1200, "high": 1200, "unit": "personnel"},
        claimant=UA_OFFICIAL,
    )
    civilians = claim(
        LOSS_TEXT,
        "at least 20,000",
        "casualties",
        side="UA",
        quantity={"value": 20000, "low": 20000, "hedge": "at_least", "unit": "personnel"},
        claimant=UA_OFFICIAL,
    )
    sideless = claim(
        LOSS_TEXT, "up to 3,000", "casualties", side="RU", quantity=UP_TO_3000,
        claimant={"type": "author"},
    )  # fmt: skip
    denied = claim(
        LOSS_TEXT, "up to 3,000", "casualties", side="RU", quantity=UP_TO_3000,
        claimant=RU_OFFICIAL, certainty="denied",
    )  # fmt: skip
    doc = make_doc(LOSS_TEXT, [small, enemy, civilians, sideless, denied])
    assert run_checks(doc, ("self_reported_losses",)) == []


def test_own_capture_denied_flagged() -> None:
    c = claim(
        LOSS_TEXT,
        "refuted claims",
        "territorial_control",
        category="captured",
        side="RU",
        certainty="denied",
        claimant={"type": "media", "side": "RU"},
    )
    (flag,) = run_checks(make_doc(LOSS_TEXT, [c]), ("self_reported_losses",))
    assert "denies a Russian capture" in flag.message


def test_own_encirclement_flagged_only_when_asserted() -> None:
    text = "The spokesman said Ukrainian brigades were encircled near Pokrovsk."
    asserted = claim(
        text, "encircled", "encirclement", side="UA", claimant={"type": "official", "side": "UA"}
    )
    (flag,) = run_checks(make_doc(text, [asserted]), ("self_reported_losses",))
    assert "Ukrainian forces encircled" in flag.message
    # "the allegedly encircled brigades": the other side's claim repeated, not an admission
    hearsay = asserted.model_copy(update={"certainty": "reported"})
    assert run_checks(make_doc(text, [hearsay]), ("self_reported_losses",)) == []


def test_ground_lost_needs_heavy_words() -> None:
    plain = claim(
        LOSS_TEXT,
        "captured the village",
        "territorial_control",
        category="captured",
        side="RU",
        claimant=UA_OFFICIAL,
    )
    assert run_checks(make_doc(LOSS_TEXT, [plain]), ("self_reported_losses",)) == []
    heavy = claim(
        LOSS_TEXT,
        "captured the town",
        "territorial_control",
        category="captured",
        side="RU",
        claimant=UA_OFFICIAL,
    )
    assert codes(run_checks(make_doc(LOSS_TEXT, [heavy]), ("self_reported_losses",))) == [
        "self_reported_losses"
    ]


# --- hedge_dropped ---------------------------------------------------------------------------

HEDGE_TEXT = (
    "3,000 Russian soldiers killed near Kupiansk\n"
    "Russia lost 3,000 soldiers on November 20, a source said. "
    "The source said up to 3,000 Russian soldiers were killed in the battle."
)


def hedged_claim(text: str, **fields: Any) -> Claim:
    return claim(
        text, "up to 3,000", "casualties", side="RU", quantity=UP_TO_3000, claimant=ANON_RU,
        **fields,
    )  # fmt: skip


def test_hedge_dropped_in_headline_and_lead() -> None:
    doc = make_doc(HEDGE_TEXT, [hedged_claim(HEDGE_TEXT)])
    assert doc.title == "3,000 Russian soldiers killed near Kupiansk"
    flags = run_checks(doc, ("hedge_dropped",))
    assert [texts(doc, f) for f in flags] == [["3,000", "up to 3,000"], ["3,000", "up to 3,000"]]
    assert flags[0].evidence[0].start == 0  # the headline's figure
    assert flags[0].message.startswith("The headline gives “3,000” without a hedge")
    assert flags[1].message.startswith("The lead gives “3,000” without a hedge")


def test_hedge_kept_not_flagged() -> None:
    text = (
        "Up to 3,000 Russian soldiers killed near Kupiansk\n"
        "Russia lost as many as 3,000 soldiers on November 20, a source said. "
        "The source said up to 3,000 Russian soldiers were killed in the battle."
    )
    assert run_checks(make_doc(text, [hedged_claim(text)]), ("hedge_dropped",)) == []


def test_exact_body_figure_not_flagged() -> None:
    exact = claim(
        HEDGE_TEXT,
        "3,000",
        "casualties",
        occurrence=2,
        quantity={"value": 3000, "low": 3000, "high": 3000, "unit": "personnel"},
    )
    assert run_checks(make_doc(HEDGE_TEXT, [exact]), ("hedge_dropped",)) == []


# --- headline_body_mismatch ------------------------------------------------------------------


def body(text: str, value: float, side: str = "RU", kind: str = "casualties") -> Claim:
    written = f"{value:,.0f}"
    return claim(
        text,
        written,
        kind,
        occurrence=text.count(written) - 1,
        side=side,
        quantity={"value": value, "low": value, "high": value, "unit": "personnel"},
        claimant=UA_OFFICIAL,
    )


def test_headline_figure_not_in_body_flagged() -> None:
    text = "5,000 Russian soldiers killed in Kupiansk\nUkraine says 3,000 Russian soldiers died."
    doc = make_doc(text, [body(text, 3000)])
    (flag,) = run_checks(doc, ("headline_body_mismatch",))
    assert texts(doc, flag) == ["5,000", "Ukraine says 3,000 Russian soldiers died."]
    assert "“5,000” is not in the body" in flag.message


@pytest.mark.parametrize(
    "headline",
    [
        "About 3,000 Russian soldiers killed in Kupiansk",  # same figure
        "2,900 Russian soldiers killed in Kupiansk",  # within 10%
        "G7 leaders meet as Kupiansk fighting goes on",  # no unit word after the number
        "Kupiansk update February 27 2026",  # dates only
    ],
)
def test_headline_figure_supported(headline: str) -> None:
    text = f"{headline}\nUkraine says 3,000 Russian soldiers died."
    assert run_checks(make_doc(text, [body(text, 3000)]), ("headline_body_mismatch",)) == []


def test_headline_side_contradicted() -> None:
    text = "3,000 Ukrainian soldiers killed in Kupiansk\nUkraine says 3,000 Russian soldiers died."
    doc = make_doc(text, [body(text, 3000, side="RU")])
    (flag,) = run_checks(doc, ("headline_body_mismatch",))
    assert texts(doc, flag)[0] == "3,000 Ukrainian"
    assert "as Ukrainian losses; the body gives that figure as Russian losses" in flag.message
    same_side = make_doc(text, [body(text, 3000, side="UA")])
    assert run_checks(same_side, ("headline_body_mismatch",)) == []


def test_headline_outcome_without_body_claim() -> None:
    text = "Russian forces capture Kupiansk\nFighting continued near the city on Monday."
    fighting = claim(text, "Fighting continued", "fighting")
    doc = make_doc(text, [fighting])
    (flag,) = run_checks(doc, ("headline_body_mismatch",))
    assert texts(doc, flag) == ["Russian forces capture Kupiansk", "capture"]
    captured = claim(text, "Fighting continued", "territorial_control", category="captured")
    assert run_checks(make_doc(text, [captured]), ("headline_body_mismatch",)) == []


def test_headline_checks_need_a_headline_and_body_claims() -> None:
    text = "Russian forces capture Kupiansk\nFighting continued near the city on Monday."
    assert run_checks(make_doc(text), ("headline_body_mismatch",)) == []
    no_title = "Russian forces captured Kupiansk. Fighting continued near the city on Monday."
    doc = make_doc(no_title, [claim(no_title, "Fighting continued", "fighting")])
    assert doc.title is None
    assert run_checks(doc, ("headline_body_mismatch",)) == []


# --- run_checks ------------------------------------------------------------------------------


def test_run_checks_runs_every_family() -> None:
    text = (
        "Russian Losses Mount in Kupiansk\n"
        "According to a source in the Russian military, the neo-Nazi regime inflicted "
        "catastrophic losses, with up to 3,000 Russian soldiers killed. "
        "General Staff Chief Valerie Gerasimov said nothing."
    )
    c = claim(text, "up to 3,000", "casualties", side="RU", quantity=UP_TO_3000, claimant=ANON_RU)
    flags = run_checks(make_doc(text, [c]))
    assert sorted(set(codes(flags))) == [
        "anonymous_sourcing",
        "loaded_language",
        "name_mismatch",
        "self_reported_losses",
    ]
    for flag in flags:
        assert flag.message and flag.evidence
        assert all(0 <= s.start < s.end <= len(text) for s in flag.evidence)
    assert set(CLAIM_CHECKS) | set(TEXT_CHECKS) == {
        "headline_body_mismatch",
        "self_reported_losses",
        "anonymous_sourcing",
        "hedge_dropped",
        "name_mismatch",
        "loaded_language",
    }


# --- the dev set (skipped when ../shared is absent) ------------------------------------------


def dev_reports(english_only: bool) -> list[Path]:
    if not SHARED_DEV.is_dir():
        return []
    reports = sorted((SHARED_DEV / "reports").glob("*.txt"))
    if english_only:
        reports = [p for p in reports if p.name.startswith("en_") or p.name == "kupyansk.txt"]
    return reports


def load_dev(path: Path) -> tuple[str, dict[str, Any]]:
    text = normalise_text(path.read_text(encoding="utf-8"))
    gold = json.loads((SHARED_DEV / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
    return text, gold


def gold_claims(text: str, gold: dict[str, Any]) -> list[Claim]:
    """The gold claims as Claim records, each with its anchor's sentence as evidence."""
    claims = []
    for g in gold["claims"]:
        start = g["anchor_start"]
        end = start + len(g["anchor"])
        assert text[start:end] == g["anchor"]
        who = g.get("claimant") or {}
        claims.append(
            Claim(
                kind=g["kind"],
                category=g.get("category"),
                side=g.get("side"),
                quantity=Quantity(**g["quantity"]) if g.get("quantity") else None,
                claimant=Claimant(
                    name=who.get("name"), type=who.get("type", "author"), side=who.get("side")
                ),
                certainty=g.get("certainty") or "asserted",
                evidence=sentence_span(text, start, end),
                anchor=Span(start=start, end=end),
            )
        )
    return claims


@pytest.mark.parametrize("path", dev_reports(english_only=True), ids=lambda p: p.stem)
def test_dev_text_checks(path: Path) -> None:
    """name_mismatch and loaded_language on the English dev reports, without claims."""
    text, gold = load_dev(path)
    doc = make_doc(text, language=gold["language"])
    got = set(codes(run_checks(doc, tuple(TEXT_CHECKS))))
    assert got == set(gold["flags"]) & set(TEXT_CHECKS)


@pytest.mark.parametrize("path", dev_reports(english_only=False), ids=lambda p: p.stem)
def test_dev_claim_checks_on_gold_claims(path: Path) -> None:
    """The claim-based checks on documents carrying the gold claims: never a flag the gold does
    not list; every listed one for English (unnamed sourcing that shows only in the wording
    of a Russian post is out of reach of claims alone)."""
    text, gold = load_dev(path)
    doc = make_doc(text, gold_claims(text, gold), language=gold["language"])
    got = set(codes(run_checks(doc, tuple(CLAIM_CHECKS))))
    expected = set(gold["flags"]) & set(CLAIM_CHECKS)
    assert got <= expected
    if gold["language"] == "en":
        assert got == expected
