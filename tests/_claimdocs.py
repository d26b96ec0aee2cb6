"""Hand-made documents for the compare, reference and export tests (no NLP pipeline)."""

from __future__ import annotations

import hashlib
from typing import Any

from warclaims.model import Claim, Claimant, DateRef, Document, Place, Quantity, Span

KUPIANSK = Place(
    mention="Kupiansk",
    name="Kupiansk",
    gazetteer_id="703656",
    admin1="Kharkiv Oblast",
    lat=49.71,
    lon=37.616,
    precision="settlement",
)
KUPYANSK_AS_WRITTEN = KUPIANSK.model_copy(update={"mention": "Kupyansk"})
KHARKIV_OBLAST = Place(
    mention="the Kharkiv region",
    name="Kharkiv Oblast",
    admin1="Kharkiv Oblast",
    lat=49.5,
    lon=36.5,
    precision="oblast",
)
POKROVSK = Place(
    mention="Pokrovsk",
    name="Pokrovsk",
    admin1="Donetsk Oblast",
    lat=48.28,
    lon=37.18,
    precision="settlement",
)
UNRESOLVED = Place(mention="Novoye")

RU_MOD = Claimant(
    mention="Russia's defence ministry",
    name="Russian Ministry of Defence",
    type="official",
    side="RU",
)
UA_GS = Claimant(
    mention="Ukraine's General Staff",
    name="General Staff of the Armed Forces of Ukraine",
    type="official",
    side="UA",
)
RU_SOURCE = Claimant(
    mention="a source within a Russian defense agency", type="anonymous", side="RU"
)
PUTIN = Claimant(mention="Putin", name="Vladimir Putin", type="official", side="RU")


def day(iso: str) -> DateRef:
    return DateRef(mention=iso, start=iso, end=iso, precision="day")


def qty(value: float, hedge: str = "exact", unit: str = "personnel", **bounds: Any) -> Quantity:
    low = bounds.get("low", value if hedge in ("exact", "at_least") else None)
    high = bounds.get("high", value if hedge in ("exact", "up_to", "at_most") else None)
    return Quantity(value=value, low=low, high=high, hedge=hedge, unit=unit)


def make_doc(
    publisher: str | None,
    published: str | None,
    *items: tuple[str, dict[str, Any]],
    url: str | None = None,
    title: str | None = None,
) -> Document:
    """A document whose text is the sentences given, each carrying the claim spec beside it."""
    text, claims = "", []
    for sentence, spec in items:
        start = len(text)
        text += sentence + "\n"
        claims.append(Claim(evidence=Span(start=start, end=start + len(sentence)), **spec))
    doc_id = hashlib.sha256(f"{publisher}|{published}|{text}".encode()).hexdigest()[:16]
    return Document(
        doc_id=doc_id,
        title=title,
        published=published,
        publisher=publisher,
        url=url,
        text=text,
        claims=claims,
    )
