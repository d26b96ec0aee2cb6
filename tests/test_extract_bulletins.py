"""The General Staff's daily loss list in English: one claim per line with an increment."""

from __future__ import annotations

from warclaims.extract.bulletins import bulletin_claims, bulletin_lines
from warclaims.ingest.text import Report, split_headline
from warclaims.pipeline import analyse

BULLETIN = (
    "Enemy losses as of March 2\n"
    "The total combat losses of the enemy from 24.02.22 to 02.03.26 were approximately:\n"
    "personnel ‒ about 1,250,000 (+980) persons,\n"
    "tanks ‒ 11,700 (+4),\n"
    "armoured combat vehicles ‒ 24,100 (+12),\n"
    "artillery systems ‒ 35,900 (+41),\n"
    "MLRS ‒ 1,590,\n"
    "operational-tactical UAVs ‒ 95,400 (+310),\n"
    "vehicles and fuel tanks ‒ 71,200 (+88).\n"
)


def test_each_line_with_an_increment_is_a_claim() -> None:
    claims = bulletin_claims(BULLETIN, BULLETIN.index("\n") + 1, published="2026-03-02")
    got = [(c.kind, c.category, c.quantity.value, c.quantity.total) for c in claims]
    assert got == [
        ("casualties", "casualties", 980, 1_250_000),
        ("equipment_loss", "tanks", 4, 11_700),
        ("equipment_loss", "afv", 12, 24_100),
        ("equipment_loss", "artillery", 41, 35_900),
        ("equipment_loss", "uav", 310, 95_400),
        ("equipment_loss", "vehicles", 88, 71_200),
    ]
    assert {c.side for c in claims} == {"RU"}
    assert {c.date.start for c in claims if c.date} == {"2026-03-02"}
    tanks = claims[1]
    assert BULLETIN[tanks.anchor.start : tanks.anchor.end] == "11,700 (+4)"
    assert BULLETIN[tanks.evidence.start : tanks.evidence.end] == "tanks ‒ 11,700 (+4),"


def test_prose_with_a_dash_is_not_a_bulletin() -> None:
    text = "Losses were heavy - 40 tanks, officials said.\nThe front held.\n"
    assert bulletin_lines(text) == []


def test_pipeline_uses_the_bulletin_and_adds_no_duplicates() -> None:
    doc = analyse(Report(text=BULLETIN, title=split_headline(BULLETIN), published="2026-03-02"))
    assert len(doc.claims) == 6
    names = {c.claimant.name for c in doc.claims}
    assert names == {"General Staff of the Armed Forces of Ukraine"}
    assert doc.to_json_dict()["claims"][0]["quantity"]["total"] == 1250000
