"""Rules that look beyond one clause: carried dates, bulletins, anaphora, duplicates, datelines."""

from __future__ import annotations

import pytest

from warclaims.ingest.text import Report
from warclaims.model import Claim, Document
from warclaims.pipeline import analyse


def run(text: str, published: str | None = None) -> Document:
    return analyse(Report(text=text, published=published))


def only(doc: Document, kind: str) -> list[Claim]:
    return [c for c in doc.claims if c.kind == kind]


def test_date_carries_to_the_next_sentence_of_the_paragraph() -> None:
    doc = run(
        "On Sunday, Russia launched 120 drones at Ukraine. Ukraine downed 100 drones.\n\n"
        "Ukrainian forces destroyed 5 tanks near Pokrovsk.",
        published="2026-02-27",
    )
    (launch,) = only(doc, "strike")
    downed, tanks = only(doc, "equipment_loss")
    assert launch.date is not None and launch.date.start == "2026-02-22"
    assert downed.date is not None and downed.date.start == "2026-02-22"
    # a new paragraph does not inherit the date
    assert tanks.date is None


def test_bulletin_as_of_date_applies_to_undated_claims() -> None:
    doc = run(
        "According to the General Staff of the Armed Forces of Ukraine, 95 combat engagements "
        "took place. Information as of March 3, 2026.\n"
        "Russian forces carried out 14 assaults near Pokrovsk.\n",
        published="2026-03-03",
    )
    fights = only(doc, "fighting")
    assert len(fights) == 2
    assert {c.date.start for c in fights if c.date} == {"2026-03-03"}
    # the bulletin's source speaks for the unattributed lines below it
    assert fights[1].claimant.name == "General Staff of the Armed Forces of Ukraine"


def test_generic_body_refers_back_to_the_named_one() -> None:
    doc = run(
        "Russia's defence ministry said its forces had captured the village of Kurylivka. "
        "The ministry said up to 200 Ukrainian soldiers were killed near Kupiansk."
    )
    (killed,) = only(doc, "casualties")
    assert killed.claimant.name == "Russian Ministry of Defence"
    assert killed.side == "UA"


def test_pull_quote_repeating_a_sentence_is_one_claim() -> None:
    doc = run(
        "There were 33 attacks by the invaders near Huliaipole, the General Staff said.\n"
        "“There were 33 attacks by the invaders near Huliaipole”\n"
    )
    assert len(only(doc, "fighting")) == 1


def test_dateline_is_not_the_claimant() -> None:
    doc = run("MOSCOW, Nov 18 – Russia's defence ministry said its forces destroyed 7 tanks.\n")
    (tanks,) = only(doc, "equipment_loss")
    assert tanks.claimant.name == "Russian Ministry of Defence"
    assert tanks.side == "UA"


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Russia accused Ukraine of carrying out strikes on Donetsk.", "UA"),
        ("At least five HIMARS missiles hit the administration building in Kherson.", "UA"),
        ("Russian missiles struck a residential district of Kharkiv.", "RU"),
    ],
)
def test_side_of_the_striker(text: str, side: str) -> None:
    (strike,) = only(run(text), "strike")
    assert strike.side == side


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Russian forces seized the port of Berdyansk on the Sea of Azov.", {"Berdiansk"}),
        ("Russian forces attacked northeast of Borova near Kruhliakivka.", {"Kruhliakivka"}),
        ("Russian forces stepped up their offensive on the Donetsk town of Bakhmut.", {"Bakhmut"}),
    ],
)
def test_places_that_only_locate_or_name_features_are_left_out(text: str, places: set) -> None:
    (claim,) = run(text).claims
    assert {p.name for p in claim.places} == places


def test_capital_standing_for_its_government_is_not_a_place() -> None:
    doc = run("Russian forces captured 30 vehicles from Kyiv forces near Pokrovsk.")
    assert all(p.name != "Kyiv" for c in doc.claims for p in c.places)


def test_part_of_a_counted_whole() -> None:
    doc = run("Ukraine's air force said it shot down 45 of 60 drones launched by Russia overnight.")
    (downed,) = only(doc, "equipment_loss")
    (launched,) = only(doc, "strike")
    assert (downed.quantity.value, downed.category, downed.side) == (45, "uav", "RU")
    assert (launched.quantity.value, launched.side) == (60, "RU")


def test_victims_of_a_strike_named_in_the_same_sentence() -> None:
    doc = run(
        "At least 12 people were killed and 40 wounded in a Russian missile strike on "
        "Zaporizhzhia, regional governor Ivan Fedorov said."
    )
    killed, wounded = only(doc, "casualties")
    assert (killed.category, killed.side, killed.quantity.hedge) == ("killed", "UA", "at_least")
    assert (wounded.category, wounded.side, wounded.quantity.value) == ("wounded", "UA", 40)


def test_encircled_soldiers_are_an_encirclement() -> None:
    doc = run("Moscow claims its troops have encircled around 10,000 Ukrainian soldiers.")
    (claim,) = doc.claims
    assert claim.kind == "encirclement"
    assert (claim.side, claim.quantity.value, claim.quantity.unit) == ("UA", 10000, "personnel")
