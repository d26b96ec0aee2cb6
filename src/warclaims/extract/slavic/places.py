"""Place mentions in Russian and Ukrainian and their resolution through the gazetteer.

Inflected names go through pymorphy3 normal forms and `warclaims.places.lookup` (the surface
form first, then each lemma): "в Купянске", "під Покровськом", "Харьковской области",
"на Купянском направлении" (the town the direction is named after), "Харківщина" (the oblast).
Nothing is guessed: a mention the gazetteer cannot resolve keeps only its `mention`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from warclaims.extract.slavic.lexicon import SlavicLexicon
from warclaims.extract.slavic.text import GUESS, Token, analyzer, norm_word, word_set
from warclaims.model import Place, Span
from warclaims.places import country_of, lookup, rank_mention
from warclaims.places.translit import translit_uk

_PERSON = frozenset({"Name", "Patr", "Surn"})
_PLACE_PREPOSITIONS = frozenset(
    "в во у под під біля возле около поблизу близ до из із з від от через на по".split()  # noqa: SIM905
)
_QUOTES_OPEN = '«"“„'
_QUOTES_CLOSE = '»"”“'
_GENDERS = ("masc", "femn", "neut")
_DIRECTION_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("овский", ("овка", "ов")),  # "Константиновский": Константиновка before Константинов
    ("евский", ("евка", "ев")),
    ("івський", ("івка", "ів")),
    ("ївський", ("ївка", "їв")),
    ("ский", ("ск", "")),
    ("цкий", ("цк",)),
    ("ський", ("ськ", "")),
    ("цький", ("цьк",)),
    ("зький", ("жжя",)),
)


# oblique endings of place names -> nominative endings, for names the dictionaries do not know
# ("Куп'янська" -> "Куп'янськ", "Кругляківці" -> "Кругляківка")
_CASE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ськом", ("ськ",)),
    ("ська", ("ськ", "ська")),
    ("ську", ("ськ",)),
    ("ском", ("ск",)),
    ("ска", ("ск",)),
    ("ске", ("ск",)),
    ("ску", ("ск",)),
    ("ки", ("ка",)),
    ("ку", ("ка",)),
    ("ці", ("ка",)),
    ("кою", ("ка",)),
    ("ке", ("ка",)),
    ("ой", ("а",)),
    ("ої", ("а",)),
    ("ого", ("е", "ий", "ый")),
    ("ому", ("е", "ий", "ый")),
    ("ом", ("", "о", "е")),
    ("ем", ("", "е")),
    ("а", ("", "е", "о")),
    ("у", ("", "а")),
    ("і", ("а", "ь", "я")),
    ("е", ("", "а")),
)


@dataclass(frozen=True, slots=True)
class PlaceHit:
    start: int  # token indices
    end: int
    place: Place
    kind: str  # settlement | oblast | raion | region | country | unresolved
    direction: bool = False  # "на Запорожском направлении": the town a direction is named after

    @property
    def resolved(self) -> bool:
        return self.place.name is not None


@lru_cache(maxsize=32768)
def _lookup(name: str, oblast: str | None = None) -> Place:
    return lookup(name, oblast=oblast)


def _resolve(candidates: Sequence[str], mention: str, span: Span, oblast: str | None) -> Place:
    """The form as written when it is the place's own name ("Копанки": Kopanky), else the
    surest resolution among all candidates ("под Покровском": Pokrovsk, a unique town, before
    Pokrovske, one of many villages)."""
    best: Place | None = None
    surface = _lookup(candidates[0], oblast) if candidates else None
    if surface is not None and surface.name is not None and _spelled_as(candidates[0], surface):
        return surface.model_copy(update={"mention": mention, "span": span})
    for name in candidates:
        found = _lookup(name, oblast)
        if found.name is not None and (
            best is None or (found.confidence or 0) > (best.confidence or 0) + 1e-9
        ):
            best = found
    if best is None:
        return Place(mention=mention, span=span)
    return best.model_copy(update={"mention": mention, "span": span})


def _spelled_as(written: str, place: Place) -> bool:
    """Whether a Cyrillic form transliterates to the place's name (not an inflected form)."""
    name = (place.name or "").casefold()
    return translit_uk(written).casefold() == name or written.casefold() == name


def _kind(place: Place) -> str:
    if place.name is None:
        return "unresolved"
    return place.precision or "settlement"


def _inflect_adj(word: str, language: str, grams: set[str]) -> list[str]:
    return list(_inflect_adj_cached(word, language, frozenset(grams)))


@lru_cache(maxsize=16384)
def _inflect_adj_cached(word: str, language: str, grams: frozenset[str]) -> tuple[str, ...]:
    out: list[str] = []
    for lang in (language, "ru" if language == "uk" else "uk"):
        for p in analyzer(lang).parse(word):
            if "ADJF" not in p.tag.grammemes:
                continue
            form = p.inflect(set(grams))
            if form is not None and form.word not in out:
                out.append(form.word)
    return tuple(out)


@lru_cache(maxsize=16384)
def _noun_gender(word: str, language: str) -> str | None:
    for lang in (language, "ru" if language == "uk" else "uk"):
        for p in analyzer(lang).parse(word):
            if "NOUN" in p.tag.grammemes:
                for g in _GENDERS:
                    if g in p.tag.grammemes:
                        return g
    return None


def _direction_towns(adjective_lemmas: frozenset[str]) -> list[str]:
    """Towns a direction adjective may be named after ("костянтинівський": Костянтинівка,
    Костянтинів; "покровський": Покровськ, Покров, Покровка)."""
    out: list[str] = []
    for lemma in sorted(adjective_lemmas):
        for ending, replacements in _DIRECTION_ENDINGS:
            if lemma.endswith(ending):
                base = lemma[: -len(ending)]
                out += [base + r for r in replacements]
    return [w.capitalize() for w in out if len(w) >= 5]


def _direction_place(candidates: Sequence[str], mention: str, span: Span) -> Place:
    """A direction is named after a town, and after the largest the adjective can come from
    (Pokrovsk, not the village of Pokrovka; Kostiantynivka, not Kostiantyniv)."""
    best: tuple[int, str] | None = None
    for name in candidates:
        entry = _best_entry(name)
        if entry is not None and (best is None or entry[0] > best[0]):
            best = (entry[0], name)
    if best is None:
        return Place(mention=mention, span=span)
    place = _lookup(best[1], None)
    if country_of(place) == "RU" and place.admin1:
        # a direction named after a Russian town ("курское") is the fighting in its region
        place = _lookup(place.admin1, None)
    return place.model_copy(update={"mention": mention, "span": span})


@lru_cache(maxsize=4096)
def _best_entry(name: str) -> tuple[int, str] | None:
    entry = rank_mention(name).best
    return (entry.population, entry.id) if entry is not None else None


def _place_adjective(tok: Token) -> bool:
    """An adjective made from a place name: "Харьковской", "курском", "Миколаївському"."""
    return tok.has("ADJF") and any(
        k.endswith(("ский", "цкий", "ський", "цький", "зький", "ская", "ська")) for k in tok.keys
    )


def _span(tokens: Sequence[Token], s: int, e: int) -> Span:
    return Span(start=tokens[s].start, end=tokens[e - 1].end)


def _text(text: str, tokens: Sequence[Token], s: int, e: int) -> str:
    return text[tokens[s].start : tokens[e - 1].end]


def find_places(
    text: str,
    tokens: Sequence[Token],
    first: int,
    last: int,
    lex: SlavicLexicon,
    language: str,
    skip: frozenset[int] = frozenset(),
) -> list[PlaceHit]:
    """Place mentions in tokens[first:last], resolved where the gazetteer can."""
    hits: list[PlaceHit] = []
    used: set[int] = set(skip)
    oblast_words = lex.table("oblast_words")
    raion_words = lex.table("raion_words")
    direction_words = lex.table("direction_words")
    # "Харьковской области", "Купянском районе", "на Купянском направлении"
    for i in range(first + 1, last):
        prev = tokens[i - 1]
        if not _place_adjective(prev) or i - 1 in used:
            continue
        mention = _text(text, tokens, i - 1, i + 1)
        span = _span(tokens, i - 1, i + 1)
        if oblast_words.match(tokens, i, last):
            names = [
                f"{a} область" for a in _inflect_adj(prev.key, language, {"nomn", "femn", "sing"})
            ]
            place = _resolve(names, mention, span, None)
            hits.append(PlaceHit(i - 1, i + 1, place, _kind(place) if place.name else "unresolved"))
        elif raion_words.match(tokens, i, last) and prev.is_capitalised:
            names = [
                f"{a} район" for a in _inflect_adj(prev.key, language, {"nomn", "masc", "sing"})
            ]
            place = _resolve(names, mention, span, None)
            hits.append(PlaceHit(i - 1, i + 1, place, _kind(place) if place.name else "unresolved"))
        elif direction_words.match(tokens, i, last):
            place = _direction_place(_direction_towns(prev.keys), mention, span)
            kind = _kind(place) if place.name else "unresolved"
            hits.append(PlaceHit(i - 1, i + 1, place, kind, direction=True))
        else:
            continue
        used.update((i - 1, i))
    used.update(_person_runs(text, tokens, first, last))
    used.update(k for s, e, _ in lex.sides.find(tokens, first, last) for k in range(s, e))
    oblast = next((h.place.name for h in hits if h.kind == "oblast"), None)
    regions = lex.data["region_names"]
    street = lex.table("street_words")
    stop = lex.words("place_stop")
    # a surname-like word right after one of these verbs is no object place ("заявил Буданов")
    said = frozenset(
        s for table in (lex.reporting, lex.denial) for s, _e, _ in table.find(tokens, first, last)
    )
    i = first
    while i < last:
        tok = tokens[i]
        if i in used or not tok.is_word:
            i += 1
            continue
        region = next((regions[k] for k in sorted(tok.keys) if k in regions), None)
        if region is not None and tok.is_capitalised:
            place = _resolve([region], tok.text, _span(tokens, i, i + 1), None)
            hits.append(PlaceHit(i, i + 1, place, _kind(place)))
            used.add(i)
            i += 1
            continue
        if not _place_like(tokens, i, first, stop, street, used, said):
            i += 1
            continue
        j = i + 1
        while (
            j < last
            and j - i < 3
            and _place_like(tokens, j, first, stop, street, used, said)
            and (text[tokens[j - 1].end : tokens[j].start] == " ")
        ):
            j += 1
        hit = _run(text, tokens, i, j, oblast, language)
        if hit is not None:
            hits.append(hit)
            used.update(range(hit.start, hit.end))
            i = hit.end
        else:
            i += 1
    hits.sort(key=lambda h: h.start)
    return hits


def _person_runs(text: str, tokens: Sequence[Token], first: int, last: int) -> set[int]:
    """Capitalised runs with a first name or patronymic in them: people, not places
    ("Лейтенанту Сапилу Віталію Романовичу")."""
    out: set[int] = set()
    run: list[int] = []
    for i in range(first, last + 1):
        tok = tokens[i] if i < last else None
        joined = (
            tok is not None
            and tok.is_word
            and tok.is_capitalised
            and (not run or text[tokens[run[-1]].end : tok.start] == " ")
        )
        if joined:
            run.append(i)
            continue
        if any(tokens[k].grams & {"Name", "Patr"} and "Geox" not in tokens[k].grams for k in run):
            out.update(run)
        run = [i] if tok is not None and tok.is_word and tok.is_capitalised else []
    return out


def _place_like(
    tokens: Sequence[Token],
    i: int,
    first: int,
    stop: frozenset[str],
    street: object,
    used: set[int],
    said: frozenset[int] = frozenset(),
) -> bool:
    tok = tokens[i]
    if i in used or not tok.is_word or not tok.is_capitalised:
        return False
    if tok.text.isupper() and len(tok.text) > 1:
        return False  # ВСУ, НАТО, ATACMS
    if tok.keys & stop or tok.key.isascii():
        return False
    after_preposition = _after_place_word(tokens, i, first) or _verb_object(tokens, i, first, said)
    if tok.grams & _PERSON and not tok.grams & {"Geox", GUESS} and not after_preposition:
        return False  # a known first name or surname (a guessed "Surn" may well be a place)
    if i > first and tokens[i - 1].keys & _RIVER_BANK:
        return False  # "на левом берегу Оскола": a river, not the village of that name
    if _title_adjective(tokens, i):
        return False  # "Верховному главнокомандующему", "Третьому армійському корпусі"
    if i > first and tokens[i - 1].text in _QUOTES_OPEN:
        return False
    if i > first and street.match(tokens, i - 1, i) is not None:  # type: ignore[attr-defined]
        return False
    if i - 2 >= first and street.match(tokens, i - 2, i) is not None:  # type: ignore[attr-defined]
        return False
    sentence_initial = i == first or tokens[i - 1].text in ".!?…—–-▪•"
    return not (sentence_initial and "Geox" not in tok.grams and _common_word(tok))


_RIVER_BANK = frozenset(["берег", "побережье", "узбережжя"])
# words after which a capitalised surname-like form is a place: "село Шахове", "в районі
# Куп'янська", "захоплення Купʼянська"
_PLACE_HEADS = word_set(
    "село селище поселок деревня город місто пункт район окраина околиця пригород передмістя",
    "окрестность захват взятие освобождение оккупация потеря сдача падение окружение штурм",
    "оборона захоплення взяття звільнення окупація втрата здача падіння оточення территория",
    "територія центр околица окрестности контроль над часть частина",
)


def _after_place_word(tokens: Sequence[Token], i: int, first: int) -> bool:
    """After a preposition ("в самому Купʼянську": an adjective may stand between) or a word
    that names a settlement or an area ("село Шахове", "в районі Куп'янська")."""
    k = i - 1
    if k >= first and tokens[k].has("ADJF", "Apro") and not tokens[k].is_capitalised:
        k -= 1
    if k < first:
        return False
    return (
        tokens[k].key in _PLACE_PREPOSITIONS
        or (tokens[k].has("PREP") and not tokens[k].is_capitalised)  # "щодо Покровська"
        or bool(tokens[i - 1].keys & _PLACE_HEADS)
    )


def _verb_object(tokens: Sequence[Token], i: int, first: int, said: frozenset[int]) -> bool:
    """An inanimate reading right after a verb that is not one of saying: "взяли Лиман"."""
    k = i - 1
    return (
        k >= first
        and k not in said
        and tokens[k].is_finite
        and not tokens[k].has("NOUN", "ADJF")
        and tokens[i].has("inan")
    )


def _title_adjective(tokens: Sequence[Token], i: int) -> bool:
    """A capitalised adjective or ordinal before a lower-case noun starts a title or a unit's
    name, not a place ("Третьому армійському корпусі")."""
    tok = tokens[i]
    if "Geox" in tok.grams or not (tok.has("ADJF") and not tok.has("NOUN")):
        return False
    k = i + 1
    while k < len(tokens) and tokens[k].has("ADJF") and not tokens[k].is_capitalised:
        k += 1
    nxt = tokens[k] if k < len(tokens) else None
    return nxt is not None and nxt.is_word and not nxt.is_capitalised and nxt.has("NOUN")


def _common_word(tok: Token) -> bool:
    """A known word that is not a proper name: "Город", "Сотні", "Вчора"."""
    return (
        bool(tok.grams)
        and not tok.grams & frozenset({"Geox", "Name", "Surn", "UNKN"})
        and (
            tok.has(
                "NOUN",
                "ADJF",
                "VERB",
                "ADVB",
                "PREP",
                "CONJ",
                "NPRO",
                "PRCL",
                "NUMR",
                "INFN",
                "PRTS",
            )
        )
    )


def _run(
    text: str, tokens: Sequence[Token], i: int, j: int, oblast: str | None, language: str
) -> PlaceHit | None:
    """The longest prefix of tokens[i:j] that the gazetteer resolves."""
    for e in range(j, i, -1):
        mention = _text(text, tokens, i, e)
        span = _span(tokens, i, e)
        known, guessed = _candidates(tokens, i, e, mention, language)
        # a dictionary reading first; stems from stripped endings only when none resolves
        # ("Лимані": Lyman, not the "Лиманя" an ending guess makes)
        for tier in (known, guessed):
            place = _resolve(tier, mention, span, oblast) if tier else None
            if place is not None and place.name is not None:
                return PlaceHit(i, e, place, _kind(place))
    return None


def _candidates(
    tokens: Sequence[Token], i: int, e: int, mention: str, language: str
) -> tuple[list[str], list[str]]:
    """Names to look up: (the form and its dictionary lemmas, stems with guessed endings)."""
    out = [mention]
    if e - i == 1:
        tok = tokens[i]
        lemmas = sorted(tok.keys - {tok.key}, key=lambda w: (w.endswith(("ий", "ій", "ый")), w))
        out += [w.capitalize() for w in lemmas]
        guessed: list[str] = []
        for ending, replacements in _CASE_ENDINGS:  # names neither dictionary knows
            if tok.key.endswith(ending) and len(tok.key) > len(ending) + 2:
                stem = tok.text[: -len(ending)]
                guessed += [stem + r for r in replacements]
        return out, guessed
    if e - i == 2:
        adj, noun = tokens[i], tokens[i + 1]
        for noun_lemma in sorted(noun.keys):
            gender = _noun_gender(noun_lemma, language)
            forms = _inflect_adj(adj.key, language, {"nomn", "sing", gender}) if gender else []
            for form in forms or [adj.key]:
                out.append(f"{form.capitalize()} {noun_lemma.capitalize()}")
    return out, []


def norm_name(name: str) -> str:
    return norm_word(name)
