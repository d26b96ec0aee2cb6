"""Russian and Ukrainian claims: sentences → figures and key phrases → Claim records.

The same stages as the English extractor, over pymorphy3-lemmatised tokens instead of a parse:
figures with hedges and counted nouns (numbers, kinds), key phrases without figures (control,
capture, destruction, strikes, reinforcements), sides, claimants and certainty, places and dates,
with what earlier sentences of the report say (the last named source, the last place, the last
date, the losses a list goes on with).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from warclaims.extract.slavic.bulletins import general_staff_lines
from warclaims.extract.slavic.claimants import (
    Attribution,
    certainty,
    find_attribution,
    self_name,
)
from warclaims.extract.slavic.dates import find_date
from warclaims.extract.slavic.kinds import (
    Cue,
    UnitHit,
    acronym_at,
    find_cues,
    find_unit,
    has_verb,
    nearest,
    number_kind,
    verb_between,
)
from warclaims.extract.slavic.lexicon import SlavicLexicon, UnitInfo, load_slavic_lexicon
from warclaims.extract.slavic.numbers import NumberMention, find_numbers
from warclaims.extract.slavic.places import PlaceHit, find_places
from warclaims.extract.slavic.sides import (
    Label,
    agent_side,
    author_side,
    find_labels,
    opposite,
    resolve,
)
from warclaims.extract.slavic.text import REAL, Sentence, Token, sentences, tokenize
from warclaims.model import Claim, Claimant, DateRef, Place, Quantity, Span

PLACE_MEMORY = 3  # sentences a place stays in focus
LOSS_MEMORY = 3  # sentences a loss statement carries to verbless lists ("Понад 360 танків.")
_PUNCT_STOP = frozenset(",.;:!?()")
_OWN_SUFFERING = ("wound", "kill")


@dataclass
class Draft:
    kind: str
    category: str | None
    anchor: tuple[int, int]  # token span
    quantity: Quantity | None
    side: str | None
    pos: int  # token the claim's action sits at
    denied: bool = False
    needs_place: bool = False
    object_place: bool = False  # "Город под контролем": the place in focus


@dataclass
class _State:
    attribution: Attribution | None = None
    attribution_paragraph: int = -1
    date: DateRef | None = None
    date_paragraph: int = -1
    places: list[Place] = field(default_factory=list)
    places_at: int = -10
    loss_at: int = -10
    loss_side: str | None = None
    agent: str | None = None
    agent_paragraph: int = -1


@dataclass(frozen=True)
class _Doc:
    text: str
    tokens: list[Token]
    lex: SlavicLexicon
    language: str
    published: str | None
    author: Claimant


def extract_claims_slavic(
    text: str, language: str, *, body_start: int = 0, published: str | None = None
) -> list[Claim]:
    """Every claim of a Russian or Ukrainian report's body (the headline carries none)."""
    lex = load_slavic_lexicon()
    tokens = tokenize(text, language)
    side = author_side(tokens, lex, language)
    outlet = self_name(tokens, lex)
    author = Claimant(mention=None, name=outlet, type="author", side=side)  # type: ignore[arg-type]
    doc = _Doc(text, tokens, lex, language, published, author)
    bulletin = general_staff_lines(text, lex, body_start, published)
    claims = [line.claim for line in bulletin]
    taken = [(c.evidence.start, c.evidence.end) for c in claims]
    state = _State()
    before: list[Claim] = []
    before_paragraph = -1
    for n, sent in enumerate(sentences(text, tokens)):
        if sent.start < body_start or any(s <= sent.start < e for s, e in taken):
            continue
        found = _sentence_claims(doc, n, sent, state)
        denier = _denies_what_came_before(doc, sent, state) if not found else None
        if denier is not None and before and before_paragraph == sent.paragraph:
            # "… о якобы прорыве ВСУ под Купянском. В Минобороны эту информацию назвали
            # фейком": the claims just reported are denied, by the one who denies them
            denied = [
                c.model_copy(update={"certainty": "denied", "claimant": denier}) for c in before
            ]
            claims[len(claims) - len(before) :] = denied
        claims.extend(found)
        before, before_paragraph = found, sent.paragraph
    claims.sort(key=lambda c: (c.evidence.start, c.anchor.start if c.anchor else 0))
    return claims


def _sentence_claims(doc: _Doc, n: int, sent: Sentence, state: _State) -> list[Claim]:
    tokens, lex, text = doc.tokens, doc.lex, doc.text
    first, last = sent.first, sent.last
    if first >= last:
        return []
    labels = find_labels(tokens, first, last, lex)
    attribution = find_attribution(
        text, tokens, first, last, lex, labels, doc.author.side, state.attribution
    ) or _quote_source(doc, sent, state)
    if attribution is not None:
        state.attribution, state.attribution_paragraph = attribution, sent.paragraph
        claimant = attribution.claimant
    elif state.attribution is not None and state.attribution_paragraph == sent.paragraph:
        claimant = state.attribution.claimant
    else:
        claimant = doc.author
    if claimant.type == "media" and claimant.name and claimant.name == doc.author.name:
        claimant = doc.author
    claimant_side = claimant.side if claimant.side in ("RU", "UA") else doc.author.side
    skip = frozenset(range(attribution.start, attribution.end)) if attribution else frozenset()
    places = find_places(text, tokens, first, last, lex, doc.language, skip)
    own_date = find_date(text, tokens, first, last, lex, doc.published)
    if own_date is not None:
        state.date, state.date_paragraph = own_date, sent.paragraph
    elif state.date_paragraph != sent.paragraph:
        state.date = None
    cues = find_cues(tokens, first, last, lex)
    numbers = find_numbers(tokens, first, last, text, lex)
    fragment = not has_verb(tokens, first, last)
    if fragment and n - state.loss_at > LOSS_MEMORY:
        state.loss_side = None
    ctx = _Ctx(doc, sent, labels, cues, claimant_side, state, fragment, n)
    drafts = _number_drafts(ctx, numbers)
    drafts += _phrase_drafts(ctx, drafts)
    nominative = [lb for lb in labels if lb.nominative(tokens) and lb.side in ("RU", "UA", "enemy")]
    if nominative:
        state.agent = resolve(nominative[0].side, claimant_side)
        state.agent_paragraph = sent.paragraph
    if any(c.name in ("loss", "destroy", "neutralize", "loss_of_capability") for c in cues):
        state.loss_at = n
        owner = _loss_owner(ctx, len(tokens))
        state.loss_side = owner or state.loss_side
    elif fragment and any(d.kind == "equipment_loss" for d in drafts):
        state.loss_at = n
    claim_places = _claim_places(ctx, places)
    hits_here = [p for p in places if p.kind != "country"]
    resolved_here = [p for p in places if p.kind != "country"]
    if resolved_here:
        state.places = [p for p in claim_places if p.name is not None]
        state.places_at = n
    drafts = _one_control_per_side(drafts)
    cert = certainty(tokens, first, last, lex, claimant)
    out: list[Claim] = []
    seen: set[tuple[str, int]] = set()
    for d in drafts:
        if (d.kind, d.anchor[0]) in seen:
            continue
        seen.add((d.kind, d.anchor[0]))
        if d.needs_place and not claim_places:
            continue
        where = _clause_places(ctx, hits_here, d.pos) or claim_places
        if not resolved_here and d.object_place:
            where = state.places if n - state.places_at <= PLACE_MEMORY else []
        out.append(
            Claim(
                kind=d.kind,  # type: ignore[arg-type]
                category=d.category,
                side=d.side,  # type: ignore[arg-type]
                quantity=d.quantity,
                places=list(where),
                date=state.date,
                claimant=claimant,
                certainty="denied" if d.denied else cert,  # type: ignore[arg-type]
                evidence=Span(start=sent.start, end=sent.end),
                anchor=Span(start=tokens[d.anchor[0]].start, end=tokens[d.anchor[1] - 1].end),
            )
        )
    return out


_BACK_POINTERS = frozenset(["этот", "это", "эти", "такой", "цей", "це", "ці", "такий"])


def _denies_what_came_before(doc: _Doc, sent: Sentence, state: _State) -> Claimant | None:
    """The claimant of a sentence that only denies what the last one said ("эту информацию
    назвали фейком", "це спростували у Генштабі"), or None."""
    tokens, lex = doc.tokens, doc.lex
    denials = lex.denial.find(tokens, sent.first, sent.last)
    # the pointer is the denial's object, next to it: "эту информацию назвали фейком"
    if not any(
        t.keys & _BACK_POINTERS
        for s, e, _ in denials
        for t in tokens[max(sent.first, s - 3) : min(sent.last, e + 3)]
    ):
        return None
    attribution = state.attribution
    if attribution is None or not sent.first <= attribution.start < sent.last:
        return None
    return attribution.claimant


_OPEN_QUOTES = '«“"'
_CLOSE_QUOTES = '»”"'


def _one_control_per_side(drafts: list[Draft]) -> list[Draft]:
    """Several control words of one side in a sentence state one claim ("продвинулись на 2 км
    и заняли рубежи"): the one with a figure, else the first."""
    control = [d for d in drafts if d.kind == "territorial_control"]
    keep: dict[tuple[str | None, bool], Draft] = {}
    for d in control:
        key = (d.side, d.denied)
        if key not in keep or (keep[key].quantity is None and d.quantity is not None):
            keep[key] = d
    kept = {id(d) for d in keep.values()}
    return [d for d in drafts if d.kind != "territorial_control" or id(d) in kept]


def _quote_source(doc: _Doc, sent: Sentence, state: _State) -> Attribution | None:
    """A quotation running over several sentences takes the source named after it:
    "«… не удалось войти в Купянск. Город под контролем …», — заявил Ковалев"."""
    text = doc.text
    body = text[sent.start : sent.end]
    if not body or body[0] not in _OPEN_QUOTES or any(q in body[1:] for q in "»”"):
        return None
    line_end = text.find("\n", sent.end)
    line_end = len(text) if line_end < 0 else line_end
    close = min((i for i in (text.find(q, sent.end, line_end) for q in "»”") if i >= 0), default=-1)
    if close < 0:
        return None
    tokens = doc.tokens
    first = next((t.i for t in tokens if t.start >= close), len(tokens))
    last = first
    while last < len(tokens) and tokens[last].start < line_end and tokens[last].text != ".":
        last += 1
    labels = find_labels(tokens, first, last, doc.lex)
    return find_attribution(
        text, tokens, first, last, doc.lex, labels, doc.author.side, state.attribution
    )


@dataclass
class _Ctx:
    doc: _Doc
    sent: Sentence
    labels: list[Label]
    cues: list[Cue]
    claimant_side: str | None
    state: _State
    fragment: bool
    n: int

    @property
    def tokens(self) -> list[Token]:
        return self.doc.tokens

    @property
    def lex(self) -> SlavicLexicon:
        return self.doc.lex

    @property
    def first(self) -> int:
        return self.sent.first

    @property
    def last(self) -> int:
        return self.sent.last

    def side(self, label: Label | None) -> str | None:
        return resolve(label.side, self.claimant_side) if label is not None else None


def _claim_places(ctx: _Ctx, places: Sequence[PlaceHit]) -> list[Place]:
    """The sentence's places (an oblast only when no settlement in it is named), or the places
    of the last sentences when this one names none and does not speak of the whole front."""
    here = [p for p in places if p.kind != "country"]
    if any(p.kind == "settlement" and not p.direction for p in here):
        # "На Запорожском направлении … у Степногорска": the direction only frames the town
        here = [p for p in here if not p.direction]
    if here:
        settlements_admin = {p.place.admin1 for p in here if p.kind == "settlement"}
        kept: list[Place] = []
        for p in here:
            if not p.resolved:
                kept.append(p.place)
            elif p.kind == "oblast" and p.place.name in settlements_admin:
                continue
            elif all(k.name != p.place.name for k in kept):
                kept.append(p.place)
        return kept
    cues = ctx.lex.cues
    # "там", "тут", "міста": words that point back at the place just named
    there = any(t.key in ("там", "тут") for t in ctx.tokens[ctx.first : ctx.last]) or _city_word(
        ctx, ctx.first, ctx.last
    )
    blocked = any(
        cues[name].find(ctx.tokens, ctx.first, ctx.last)
        for name in ("no_place", "river_bank", *(() if there else ("cumulative",)))
    ) or (not there and ctx.lex.table("bulletin_period").find(ctx.tokens, ctx.first, ctx.last))
    if blocked or ctx.n - ctx.state.places_at > PLACE_MEMORY:
        return []
    return list(ctx.state.places)


_CLAUSE_BREAKS = frozenset(",;:—–")
_LIST_WORDS = frozenset(["и", "і", "та", "й", "по", "в", "у", "на", "под", "під"])


def _clause_places(ctx: _Ctx, hits: Sequence[PlaceHit], pos: int) -> list[Place]:
    """The places in the clause of token pos ("Нагнали підкріплення на Харківщину, пробують …
    на Донбасі": Kharkiv Oblast only); a comma inside a list of places does not end a clause."""
    if len(hits) < 2:
        return []
    starts = {h.start for h in hits}
    ends = {h.end for h in hits}
    tokens = ctx.tokens

    def boundary(k: int) -> bool:
        if tokens[k].text not in _CLAUSE_BREAKS:
            return False
        if tokens[k].text != ",":
            return True
        nxt = k + 1
        while nxt < ctx.last and tokens[nxt].key in _LIST_WORDS:
            nxt += 1
        return not (k in ends and nxt in starts)

    lo = pos
    while lo > ctx.first and not boundary(lo - 1):
        lo -= 1
    hi = pos
    while hi < ctx.last and not boundary(hi):
        hi += 1
    inside = [h for h in hits if lo <= h.start < hi]
    if not inside or len(inside) == len(hits):
        return []
    return _claim_places(ctx, inside)


def _quantity(q: NumberMention, unit: str | None) -> Quantity | None:
    if q.value is None:
        return None
    return Quantity(value=q.value, low=q.low, high=q.high, hedge=q.hedge, unit=unit)  # type: ignore[arg-type]


_UNIT_OF_GROUP = {"personnel": "personnel", "equipment": "equipment"}


def _number_drafts(ctx: _Ctx, numbers: Sequence[NumberMention]) -> list[Draft]:
    tokens, lex = ctx.tokens, ctx.lex
    drafts: list[Draft] = []
    last_unit: UnitHit | None = None
    last_kind: tuple[str, str | None, Cue | None, int] | None = None
    skip_next: set[int] = set()
    for n_q, q in enumerate(numbers):
        if n_q in skip_next:
            continue
        unit = find_unit(tokens, q.end, ctx.last, lex)
        borrowed = False
        if unit is None and n_q + 1 < len(numbers) and _out_of(tokens, q, numbers[n_q + 1]):
            # "збито 45 із 60 дронів": the unit is the total's; the total is not claimed here
            unit = find_unit(tokens, numbers[n_q + 1].end, ctx.last, lex)
            skip_next.add(n_q + 1)
        if (
            unit is None
            and q.value is not None
            and last_unit is None
            and _suffering_next(ctx, q.end)
        ):
            # "ще вісім поранено": people, though no noun says so
            unit = UnitHit(q.num_start, q.num_end, UnitInfo("personnel", None, generic=True))
        if unit is None and q.value is not None and last_unit is not None:
            nxt = tokens[q.end] if q.end < ctx.last else None
            if nxt is not None and (
                (q.spelled and nxt.has("VERB", "PRTS")) or _suffering_next(ctx, q.end)
            ):
                # "одна достигла цели", "ще 23 отримали поранення": the last counted noun
                unit = UnitHit(q.num_start, q.num_end, last_unit.info)
                borrowed = True
        if unit is None:
            k = acronym_at(tokens, q.end, ctx.last)
            near = nearest(ctx.cues, ("destroy", "neutralize", "capture_equipment"), q.num_start)
            if k is not None and near is not None and q.value is not None:
                unit = UnitHit(k, k + 1, UnitInfo("equipment", "unspecified"))
        if unit is None:
            continue
        part = _part_after_total(ctx, q, numbers, n_q)
        if part is not None:
            q = numbers[part]
            skip_next.add(part)
        head = tokens[unit.end - 1]
        kinded = _area_kind(ctx, unit.info) or number_kind(
            q, unit.info, ctx.cues, fragment_loss=_fragment_loss(ctx), head=head
        )
        if (
            kinded is None
            and last_kind is not None
            and last_kind[0] in ("casualties", "equipment_loss")
            and unit.info.group in ("equipment", "personnel", "formations")
            and not verb_between(tokens, last_kind[3], q.start)
        ):
            kinded = _list_kind(unit.info, last_kind)  # "…, четыре танка, четыре БМП"
        if kinded is None:
            continue
        kind, category, cue = kinded
        if cue is not None and _blocked(ctx, cue.start) and not tokens[cue.start].has("NOUN"):
            continue  # "тысячи солдат будут убиты"
        if q.vague and (unit.info.generic or cue is None or not tokens[cue.start].is_finite):
            continue  # "несколько человек сбежали, бросив раненых"
        last_unit = unit
        last_kind = (kind, category, cue, unit.end)
        unit_name = _unit_name(kind, unit.info)
        side = _number_side(ctx, q, unit, kind, category, cue)
        if kind == "territorial_control" and category == "liberated" and side == "RU":
            category = "captured"  # a side taking the other's ground (README convention)
        if borrowed and drafts and drafts[-1].kind == kind:
            side = drafts[-1].side  # "9 окупантів знищено, ще 12 отримали поранення"
        anchor_end = unit.end if unit.start >= q.end else q.end
        drafts.append(
            Draft(
                kind=kind,
                category=category,
                anchor=(q.start, max(anchor_end, q.end)),
                quantity=_quantity(q, unit_name),
                side=side,
                pos=q.num_start,
                # "освободили 23 населенных пункта": the count names the places itself
                needs_place=kind == "territorial_control" and unit.info.group != "settlements",
            )
        )
    drafts += _list_items(ctx, drafts)
    return drafts


def _part_after_total(
    ctx: _Ctx, q: NumberMention, numbers: Sequence[NumberMention], n_q: int
) -> int | None:
    """ "з 9 ракет збито 6", "из 20 дронов сбиты 17": index of the figure that is claimed."""
    tokens = ctx.tokens
    if q.start <= ctx.first or tokens[q.start - 1].key not in ("из", "із", "з", "зі"):
        return None
    if n_q + 1 >= len(numbers):
        return None
    nxt = numbers[n_q + 1]
    between = tokens[q.end : nxt.start]
    if len(between) > 4 or any(t.text in _PUNCT_STOP for t in between):
        return None
    if find_unit(tokens, nxt.end, ctx.last, ctx.lex) is not None or nxt.value is None:
        return None
    return n_q + 1 if nxt.value < (q.value or 0) else None


def _suffering_next(ctx: _Ctx, pos: int) -> bool:
    """A wounding or killing cue right after a figure ("12 отримали поранення")."""
    return any(c.name in ("wound", "kill") and pos <= c.start <= pos + 1 for c in ctx.cues)


def _area_kind(ctx: _Ctx, unit: UnitInfo) -> tuple[str, str | None, Cue | None] | None:
    """ "контролируют более 80% территории", "продвинулись на 2 километра": ground held or taken."""
    if unit.group not in ("area", "settlements"):
        return None  # "освободили 23 населенных пункта", "более 80% территории"
    hits = ctx.lex.control.find(ctx.tokens, ctx.first, ctx.last)
    if not hits:
        return None
    ctype = hits[0][2]
    category = {"controlled": "controlled", "liberate": "liberated"}.get(ctype, "captured")
    return "territorial_control", category, Cue(hits[0][0], hits[0][1], "control")


def _out_of(tokens: Sequence[Token], q: NumberMention, total: NumberMention) -> bool:
    return total.start == q.end + 1 and tokens[q.end].key in ("из", "із", "з", "зі")


def _list_kind(
    unit: UnitInfo, previous: tuple[str, str | None, Cue | None, int]
) -> tuple[str, str | None, Cue | None] | None:
    if unit.group == "equipment":
        return "equipment_loss", unit.name, previous[2]
    if unit.group == "personnel":
        return (
            "casualties",
            previous[1] if previous[0] == "casualties" else "casualties",
            previous[2],
        )
    return "casualties", "casualties", previous[2]


def _unit_name(kind: str, unit: UnitInfo) -> str | None:
    if kind in ("fighting", "strike") and unit.group != "equipment":
        return None
    if unit.group == "formations":
        return unit.name
    if unit.group == "area":
        return unit.name
    return _UNIT_OF_GROUP.get(unit.group)


def _fragment_loss(ctx: _Ctx) -> bool:
    return ctx.fragment and ctx.n - ctx.state.loss_at <= LOSS_MEMORY


def _np_label(ctx: _Ctx, start: int, end: int) -> Label | None:
    """A side word inside or right after the counted noun phrase ("танки противника",
    "личного состава ВСУ", "прикордонників – наших героїв")."""
    stop = end
    while stop < ctx.last and stop - end < 4 and ctx.tokens[stop].text not in _PUNCT_STOP:
        if ctx.tokens[stop].has("VERB", "PRTS") and not ctx.tokens[stop].has("ADJF"):
            break
        stop += 1
    for lb in ctx.labels:
        if start - 1 <= lb.start < stop:
            return lb
    return None


def _possessor(ctx: _Ctx, pos: int) -> Label | None:
    """ "у ВСУ … порядка тридцати «двухсотых»", "у ворога": the side that has what is counted."""
    for lb in ctx.labels:
        at = lb.start
        if at > ctx.first and at < pos and ctx.tokens[at - 1].key == "у" and lb.side != "own":
            between = ctx.tokens[lb.end : pos]
            if not any(t.text in _PUNCT_STOP or t.is_finite for t in between):
                return lb
    return None


def _loss_owner(ctx: _Ctx, limit: int) -> str | None:
    """Whose losses: "потери ВСУ", "втрати загарбників", "противник потерял"."""
    for cue in ctx.cues:
        if cue.name != "loss":
            continue
        after = [lb for lb in ctx.labels if cue.end <= lb.start <= cue.end + 2]
        if after and ctx.tokens[cue.start].has("NOUN"):
            return ctx.side(after[0])
        before = [lb for lb in ctx.labels if lb.end <= cue.start and lb.nominative(ctx.tokens)]
        if before and ctx.tokens[cue.start].has("VERB"):
            return ctx.side(before[-1])
        if ctx.tokens[cue.start].has("VERB") and not before:
            return ctx.state.agent if ctx.state.agent_paragraph == ctx.sent.paragraph else None
    return None


def _number_side(
    ctx: _Ctx,
    q: NumberMention,
    unit: UnitHit,
    kind: str,
    category: str | None,
    cue: Cue | None,
) -> str | None:
    tokens = ctx.tokens
    if kind == "fighting":
        return None
    own = _np_label(ctx, q.start, unit.end) or _possessor(ctx, q.start)
    if kind in ("casualties", "equipment_loss"):
        if own is not None:
            return ctx.side(own)
        owner = _loss_owner(ctx, len(tokens))
        if owner is not None:
            return owner
        if cue is not None and cue.name in (
            "destroy",
            "neutralize",
            "kill",
            "capture_people",
            "capture_equipment",
        ):
            agent = agent_side(tokens, ctx.labels, ctx.first, ctx.last, cue.start)
            if agent is not None and tokens[cue.start].has("VERB"):
                if cue.name == "capture_people" and _surrender(tokens[cue.start]):
                    return ctx.side(agent)  # "украинские военные сдались в плен"
                return opposite(ctx.side(agent))
        if ctx.state.loss_side is not None and (
            ctx.fragment or (ctx.n - ctx.state.loss_at <= LOSS_MEMORY and _passive(tokens, cue))
        ):
            return ctx.state.loss_side  # "ВСУ потеряли … . Уничтожены два танка"
        if cue is not None and cue.name in _OWN_SUFFERING and _intransitive(tokens, cue):
            return ctx.claimant_side
        return opposite(ctx.claimant_side)
    if own is not None:
        return ctx.side(own)
    at = cue.start if cue is not None else q.num_start
    agent = agent_side(tokens, ctx.labels, ctx.first, ctx.last, at)
    if agent is not None:
        return ctx.side(agent)
    if ctx.state.agent is not None and ctx.state.agent_paragraph == ctx.sent.paragraph:
        return ctx.state.agent
    if kind == "strike":
        return opposite(ctx.claimant_side)
    return ctx.claimant_side if kind == "territorial_control" else None


def _surrender(tok: Token) -> bool:
    return any(k.startswith(("сда", "зда")) for k in tok.keys)


def _passive(tokens: Sequence[Token], cue: Cue | None) -> bool:
    """ "Уничтожены", "сбиты", "знищено": a loss stated without who caused it."""
    if cue is None:
        return False
    tok = tokens[cue.start]
    return tok.has("PRTS") or (tok.has("VERB") and tok.key.endswith(("ено", "ано", "то")))


def _intransitive(tokens: Sequence[Token], cue: Cue) -> bool:
    """ "получили ранения", "погибли", "загинули": the claimant's own people suffer."""
    tok = tokens[cue.start]
    return (
        tok.has("intr")
        or tok.has("NOUN")
        or any(k in ("получить", "отримати", "погибнуть", "загинути") for k in tok.keys)
        or (cue.start > 0 and tokens[cue.start - 1].keys & {"получить", "отримати"})
    )


def _list_items(ctx: _Ctx, drafts: Sequence[Draft]) -> list[Draft]:
    """Bare nouns in a loss list count one: "составили до 230 военнослужащих, танк, три ББМ"."""
    losses = [d for d in drafts if d.kind in ("casualties", "equipment_loss") and d.quantity]
    if not losses:
        return []
    tokens, lex = ctx.tokens, ctx.lex
    covered = {i for d in drafts for i in range(d.anchor[0], d.anchor[1])}
    out: list[Draft] = []
    for i in range(losses[0].anchor[1], ctx.last):
        if i in covered or tokens[i - 1].key not in (",", "и", "і", "та", "й"):
            continue
        hit = lex.units.match(tokens, i, ctx.last)
        if hit is None or hit[1].group != "equipment" or hit[1].mass:
            continue
        if "plur" in tokens[hit[0] - 1].grams or verb_between(tokens, losses[0].anchor[1], i):
            continue
        side = losses[-1].side
        out.append(
            Draft(
                "equipment_loss",
                hit[1].name,
                (i, hit[0]),
                Quantity(value=1, low=1, high=1, hedge="exact", unit="equipment"),
                side,
                i,
            )
        )
    return out


# ---------------------------------------------------------------- key phrases without a figure


def _phrase_drafts(ctx: _Ctx, numeric: Sequence[Draft]) -> list[Draft]:
    drafts: list[Draft] = []
    covered = {i for d in numeric for i in range(d.anchor[0], d.anchor[1])}
    troops = [d.anchor[0] for d in numeric if d.kind == "troop_strength"]
    drafts += [
        d for d in _control_drafts(ctx) if not any(d.pos < t <= d.pos + 3 for t in troops)
    ]  # "наступає до 100 тисяч військових"
    drafts += _noun_control_drafts(ctx, drafts)
    if not any(d.kind == "encirclement" for d in numeric):
        drafts += _encirclement_drafts(ctx)
    if not any(d.kind == "fighting" for d in numeric):
        drafts += _ongoing_fighting(ctx)
    drafts += _capture_drafts(ctx, numeric)
    drafts += _destroy_drafts(ctx, covered)
    if not any(d.kind == "strike" for d in numeric):
        drafts += _strike_drafts(ctx)
    drafts += _reinforcement_drafts(ctx)
    drafts += _slang_drafts(ctx, numeric)
    drafts += _one_person(ctx, numeric)
    return drafts


def _blocked(ctx: _Ctx, pos: int) -> bool:
    """Future, conditional or attempted actions are not claims of what happened."""
    tokens = ctx.tokens
    tok = tokens[pos]
    if (tok.has("futr", "impr") and not tok.has(REAL)) or (
        tok.is_infinitive and _failure(ctx, pos) is None
    ):
        return True
    start = max(ctx.first, pos - 6)
    return any(c.name in ("future", "attempt") and start <= c.start < pos for c in ctx.cues)


def _failure(ctx: _Ctx, pos: int) -> int | None:
    for cue in ctx.cues:
        if cue.name == "failure" and pos - 4 <= cue.start < pos:
            return cue.start
    return None


def _object_end(ctx: _Ctx, start: int, limit: int = 6) -> int:
    end = start
    while end < ctx.last and end - start < limit and ctx.tokens[end].text not in _PUNCT_STOP:
        end += 1
    return end


def _control_drafts(ctx: _Ctx) -> list[Draft]:
    tokens, lex = ctx.tokens, ctx.lex
    drafts: list[Draft] = []
    capture_people = [c for c in ctx.cues if c.name == "capture_people"]
    for s, e, ctype in lex.control.find(tokens, ctx.first, ctx.last):
        tok = tokens[s]
        nominal = ctype == "controlled" and tok.has("PREP", "NOUN")
        failed = _failure(ctx, s)
        governed = failed is not None or _governed_infinitive(ctx, s)
        if not nominal and not (tok.is_finite or (governed and tok.has("VERB", "INFN"))):
            continue
        if any(c.start <= s < c.end or s <= c.start < e for c in capture_people):
            continue
        if not nominal and _blocked(ctx, s) and not _governed_infinitive(ctx, s):
            continue
        obj_end = _object_end(ctx, e)
        if not nominal and _unit_groups(ctx, e, min(e + 3, obj_end)) & {
            "equipment",
            "personnel",
            "fighting",
        }:
            continue  # "захопив танк", "отбили атаку"
        if ctype == "liberate" and "fighting" in _unit_groups(
            ctx, max(ctx.first, s - 6), _object_end(ctx, e, 10)
        ):
            continue  # "атаки … отбиты", "відбили в Покровську сотні атак"
        label: Label | None = None
        if nominal:
            label = next((lb for lb in ctx.labels if e <= lb.start <= e + 2), None)
        if label is None:
            label = agent_side(tokens, ctx.labels, ctx.first, ctx.last, s)
        side = ctx.side(label)
        if side is None and ctx.state.agent_paragraph == ctx.sent.paragraph:
            side = ctx.state.agent
        if side is None:
            side = ctx.claimant_side
        if ctype == "abandon":
            side = opposite(side)  # "ВСУ оставили позиции": the other side takes them
        category = {"controlled": "controlled", "liberate": "liberated"}.get(ctype, "captured")
        if ctype == "liberate" and side == "RU":
            category = "captured"
        if ctype in ("enter", "advance") and lex.cues["contested_place"].find(tokens, e, obj_end):
            category = "contested"
        city_object = _city_word(ctx, max(ctx.first, s - 3), obj_end)
        drafts.append(
            Draft(
                "territorial_control",
                category,
                (failed if failed is not None else s, max(e, obj_end)),
                None,
                side,
                s,
                denied=failed is not None,
                needs_place=not city_object,
                object_place=city_object,
            )
        )
    return drafts


def _governed_infinitive(ctx: _Ctx, pos: int) -> bool:
    """ "продолжают удерживать", "удалось зайти": an infinitive that states what happens."""
    for cue in ctx.cues:
        if cue.name in ("phase_verbs", "success") and pos - 3 <= cue.start < pos:
            return ctx.tokens[cue.start].is_finite and _failure(ctx, cue.start + 1) is None
    return False


_ABOUT = frozenset(["о", "об", "про"])


def _noun_control_drafts(ctx: _Ctx, verbal: Sequence[Draft]) -> list[Draft]:
    """Control stated by a noun: "завершили освобождение Купянска", "доложил о взятии
    Волчанска", "спростував заяви про захоплення Куп'янська", "заперечило втрату Сіверська"."""
    tokens, lex = ctx.tokens, ctx.lex
    denied = bool(lex.denial.find(tokens, ctx.first, ctx.last))
    taken = {d.pos for d in verbal if d.kind == "territorial_control"}
    drafts: list[Draft] = []
    for cue in ctx.cues:
        names = ("control_nouns", "control_loss_nouns", "advance_nouns")
        if cue.name not in names or cue.start in taken:
            continue
        if not tokens[cue.start].has("NOUN") or _blocked(ctx, cue.start):
            continue  # "попытка захвата", "угроза оккупации"
        phase = nearest(ctx.cues, ("phase_verbs",), cue.start, 2)
        k = cue.start - 1
        while (
            k > ctx.first
            and cue.start - k <= 2
            and (
                (tokens[k].has("ADJF") and not tokens[k].has("NOUN"))
                or lex.reported.match(tokens, k, cue.start)
            )
        ):
            k -= 1  # "про повне захоплення", "о якобы прорыве"
        about = k >= ctx.first and tokens[k].key in _ABOUT
        before = tokens[cue.start - 1] if cue.start > ctx.first else None
        halted = before is not None and lex.cues["halt_verbs"].match(tokens, before.i, cue.start)
        observed = before is not None and before.is_finite and not halted
        if cue.name == "advance_nouns":
            if not (observed or about) or denied:
                continue  # "фиксируют продвижение … у Покровска": fighting for ground near it
        elif not (denied or about or (phase is not None and phase.end <= cue.start)):
            continue
        obj_end = _object_end(ctx, cue.end)
        own = next((lb for lb in ctx.labels if cue.end <= lb.start < obj_end), None)
        loss = cue.name == "control_loss_nouns"
        if loss and not any(t.is_capitalised for t in tokens[cue.end : min(obj_end, cue.end + 2)]):
            continue  # "втрата техніки": only the loss of a named place is ceded ground
        if own is not None and not loss:
            side = ctx.side(own)
        elif denied or loss:
            side = opposite(ctx.claimant_side)  # the denier's own ground, taken by the other
        else:
            agent = agent_side(
                tokens, ctx.labels, ctx.first, ctx.last, phase.start if phase else cue.start
            )
            side = ctx.side(agent) or ctx.claimant_side
        liberation = any(k in ("освобождение", "звільнення") for k in tokens[cue.start].keys)
        category = "liberated" if liberation and side != "RU" else "captured"
        if cue.name == "advance_nouns":
            category = "contested"
        city_object = _city_word(ctx, cue.start, obj_end)
        drafts.append(
            Draft(
                "territorial_control",
                category,
                (cue.start, cue.end),
                None,
                side,
                cue.start,
                denied=denied,
                needs_place=not city_object,
                object_place=city_object,
            )
        )
    return drafts[:1]


def _city_word(ctx: _Ctx, start: int, end: int) -> bool:
    """ "город", "місто", "населенный пункт": the place in focus (not a count of them,
    "23 населенных пункта")."""
    tokens = ctx.tokens
    return any(
        tokens[k].keys & _CITY_WORDS
        and not (k > ctx.first and (tokens[k - 1].is_digit or tokens[k - 1].has("NUMR")))
        for k in range(start, end)
    )


_CITY_WORDS = frozenset(["город", "місто", "населенный", "населений"])


def _encirclement_drafts(ctx: _Ctx) -> list[Draft]:
    """ "опроверг окружение", "о якобы окружении российских войск под Купянском", "оточені
    під Покровськом українські бригади", "місто не оточене": encirclement without a figure."""
    tokens, lex = ctx.tokens, ctx.lex
    for cue in ctx.cues:
        failed = any(c.name == "failure" and c.start > cue.start for c in ctx.cues)
        if cue.name != "encircle" or (_blocked(ctx, cue.start) and not failed):
            continue  # "намагаються оточити …, але це їм не вдається": denied below
        if cue.start > ctx.first and tokens[cue.start - 1].key in ("из", "з", "із", "зі"):
            continue  # "вихід з оточення": getting out, not being encircled
        near = [
            lb
            for lb in ctx.labels
            if not lb.of_thing and cue.end <= lb.start <= cue.end + 4 and lb.side != "own"
        ]
        side = ctx.side(near[0]) if near else ctx.claimant_side
        negated = cue.start > ctx.first and tokens[cue.start - 1].key in ("не", "ні")
        denied = negated or failed or bool(lex.denial.find(tokens, ctx.first, ctx.last))
        return [
            Draft(
                "encirclement",
                None,
                (cue.start - 1 if negated else cue.start, cue.end),
                None,
                side,
                cue.start,
                denied=denied,
                needs_place=True,
            )
        ]
    return []


def _ongoing_fighting(ctx: _Ctx) -> list[Draft]:
    """ "у Гуляйполі тривають бої", "в Покровске идут бои": fighting without a count."""
    tokens, lex = ctx.tokens, ctx.lex
    for cue in ctx.cues:
        if cue.name != "ongoing" or not tokens[cue.start].is_finite:
            continue
        for k in range(max(ctx.first, cue.start - 2), min(ctx.last, cue.end + 2)):
            hit = lex.units.match(tokens, k, ctx.last)
            if hit is not None and hit[1].group == "fighting" and hit[1].name is None:
                span = (min(k, cue.start), max(hit[0], cue.end))
                return [Draft("fighting", None, span, None, None, cue.start, needs_place=True)]
    return []


def _unit_groups(ctx: _Ctx, start: int, end: int) -> set[str]:
    groups: set[str] = set()
    for k in range(start, end):
        hit = ctx.lex.units.match(ctx.tokens, k, end)
        if hit is not None:
            groups.add(hit[1].group)
    return groups


def _capture_drafts(ctx: _Ctx, numeric: Sequence[Draft]) -> list[Draft]:
    """ "беруть у полон російських військових", "захопили в полон мера", "здаються в полон"."""
    if any(d.category == "captured" for d in numeric):
        return []
    tokens = ctx.tokens
    drafts: list[Draft] = []
    seen_end = -1
    for cue in ctx.cues:
        if cue.name != "capture_people" or cue.start < seen_end:
            continue
        verb = _verb_near(ctx, cue)
        if verb is None or _blocked(ctx, verb):
            continue
        seen_end = cue.end
        obj_end = _object_end(ctx, cue.end)
        own = next((lb for lb in ctx.labels if cue.end <= lb.start < obj_end), None)
        surrender = _surrender(tokens[verb])
        agent = agent_side(tokens, ctx.labels, ctx.first, ctx.last, verb)
        if own is not None:
            side = ctx.side(own)
        elif surrender:
            side = ctx.side(agent)
        else:
            side = opposite(ctx.side(agent)) if agent is not None else opposite(ctx.claimant_side)
        drafts.append(
            Draft(
                "casualties",
                "captured",
                (min(verb, cue.start), max(obj_end, cue.end)),
                None,
                side,
                verb,
            )
        )
    return drafts


def _verb_near(ctx: _Ctx, cue: Cue) -> int | None:
    for k in range(max(ctx.first, cue.start - 3), min(ctx.last, cue.end + 1)):
        if ctx.tokens[k].has("VERB", "PRTS"):
            return k
    return None


def _destroy_drafts(ctx: _Ctx, covered: set[int]) -> list[Draft]:
    """ "подбили российский танк", "уничтожили всю бронетехнику", "ликвидировали … ВСУшников"."""
    tokens, lex = ctx.tokens, ctx.lex
    drafts: list[Draft] = []
    partitive = lex.cues["partitive"]
    done: set[int] = set()
    for cue in ctx.cues:
        if cue.name not in ("destroy", "neutralize", "capture_equipment", "kill"):
            continue
        verb = tokens[cue.start]
        if not verb.is_finite or _blocked(ctx, cue.start) or cue.start in done:
            continue
        done.add(cue.start)
        k = cue.end
        while k < ctx.last and k - cue.end < 8 and tokens[k].text not in ".;:!?()—":
            if k in covered or (tokens[k].is_finite and not tokens[k].has("ADJF", "NOUN")):
                break
            hit = lex.units.match(tokens, k, ctx.last)
            if hit is None:
                k += 1
                continue
            info = hit[1]
            head = tokens[hit[0] - 1]
            quantified = any(partitive.match(tokens, p, k) for p in range(max(cue.end, k - 3), k))
            singular = "plur" not in head.grams and not info.mass
            begin = _np_start(ctx, cue.end, k)
            if info.group == "equipment" and (singular or quantified) and cue.name != "kill":
                drafts.append(
                    Draft(
                        "equipment_loss",
                        info.name,
                        (begin, hit[0]),
                        None,
                        _target_side(ctx, cue, k, hit[0]),
                        cue.start,
                    )
                )
            elif info.group == "personnel" and quantified and not info.generic:
                mass = info.mass and cue.name == "destroy"
                category = "casualties" if mass or cue.name == "neutralize" else "killed"
                drafts.append(
                    Draft(
                        "casualties",
                        category,
                        (begin, hit[0]),
                        None,
                        _target_side(ctx, cue, k, hit[0]),
                        cue.start,
                    )
                )
            k = hit[0]
            if k < ctx.last and tokens[k].key not in (",", "и", "і", "та", "й", "а"):
                break  # "захопив танк Т-72": one object, its model name is no second one
    return drafts


def _np_start(ctx: _Ctx, floor: int, head: int) -> int:
    """Where the noun phrase of the noun at `head` starts ("значительную часть живой силы")."""
    k = head
    while k > floor and (
        ctx.tokens[k - 1].has("ADJF", "PRTF", "NUMR", "NPRO", "Apro")
        or ctx.lex.cues["partitive"].match(ctx.tokens, k - 1, head)
        or ctx.tokens[k - 1].key in ("еще", "ещё", "ще", "примерно", "приблизно")
    ):
        k -= 1
    return k


def _target_side(ctx: _Ctx, cue: Cue, start: int, end: int) -> str | None:
    own = _np_label(ctx, start - 1, end)
    if own is not None:
        return ctx.side(own)
    agent = agent_side(ctx.tokens, ctx.labels, ctx.first, ctx.last, cue.start)
    if agent is not None:
        return opposite(ctx.side(agent))
    return opposite(ctx.claimant_side)


def _strike_drafts(ctx: _Ctx) -> list[Draft]:
    """ "били ракетами по Дніпропетровщині", "применения Россией новейшей ракеты"."""
    tokens, lex = ctx.tokens, ctx.lex
    drafts: list[Draft] = []
    for cue in ctx.cues:
        if cue.name == "weapon_use":
            weapon = next(
                (
                    k
                    for k in range(cue.end, min(cue.end + 4, ctx.last))
                    if (h := lex.units.match(tokens, k, ctx.last))
                    and h[1].name in ("missiles", "uav")
                ),
                None,
            )
            if weapon is None:
                continue
            end = weapon + 1
        elif cue.name == "strike_verbs":
            if not tokens[cue.start].is_finite or _blocked(ctx, cue.start):
                continue
            end = cue.end
        elif cue.name == "result_of":
            end = _weapon_blow(ctx, cue.end)
            if end is None:
                continue
        elif cue.name in ("strike_carriers", "fighting_verbs"):
            if not tokens[cue.start].is_finite or _blocked(ctx, cue.start):
                continue
            end = _strike_object(ctx, cue)
            if end is None:
                continue
        else:
            continue
        label = agent_side(tokens, ctx.labels, ctx.first, ctx.last, cue.start)
        side = ctx.side(label) or _against(ctx, end) or opposite(ctx.claimant_side)
        drafts.append(
            Draft(
                "strike",
                None,
                (cue.start, end),
                None,
                side,
                cue.start,
                # a blow named with its weapon needs no place ("атаки беспилотника на Шебекино")
                needs_place=label is None and cue.name != "result_of",
            )
        )
        break
    return drafts


def _weapon_blow(ctx: _Ctx, start: int) -> int | None:
    """ "(в результате) атаки беспилотника": a blow named with its weapon right at `start`."""
    tokens, lex = ctx.tokens, ctx.lex
    blow = lex.units.match(tokens, start, ctx.last)
    if blow is None or blow[1].group not in ("strike", "fighting"):
        return None
    for k in range(blow[0], min(blow[0] + 2, ctx.last)):
        weapon = lex.units.match(tokens, k, ctx.last)
        if weapon is not None and weapon[1].name in ("missiles", "uav"):
            return weapon[0]
    return None


def _strike_object(ctx: _Ctx, cue: Cue) -> int | None:
    """End of the blow a carrying verb names: "нанесла групповые удары" (a strike noun within
    three words), "атакували … ударними дронами" (missiles or drones in the instrumental)."""
    tokens, lex = ctx.tokens, ctx.lex
    for k in range(cue.end, min(cue.end + 5, ctx.last)):
        if tokens[k].text in _PUNCT_STOP:
            return None
        hit = lex.units.match(tokens, k, ctx.last)
        if hit is None:
            continue
        if cue.name == "strike_carriers" and hit[1].group == "strike" and k - cue.end <= 3:
            # "нанесла удары по пунктам …": the blow needs a target ("завдав нищівних ударів
            # противнику" in an award citation names none)
            target = any(t.key == "по" for t in tokens[hit[0] : hit[0] + 3])
            return hit[0] if target else None
        if hit[1].name in ("missiles", "uav") and "ablt" in tokens[hit[0] - 1].grams:
            return hit[0]
    return None


def _against(ctx: _Ctx, end: int) -> str | None:
    """The side a blow is aimed at ("удары по складам ВСУ"): the striker is the other one."""
    stop = _object_end(ctx, end, 6)
    target = next((lb for lb in ctx.labels if end <= lb.start < stop and not lb.of_thing), None)
    return opposite(ctx.side(target)) if target is not None else None


def _reinforcement_drafts(ctx: _Ctx) -> list[Draft]:
    """ "Нагнали підкріплення на Харківщину": forces brought up, no figure."""
    drafts: list[Draft] = []
    for cue in ctx.cues:
        if cue.name != "reinforcement":
            continue
        verb = nearest(ctx.cues, ("troops",), cue.start, 3)
        if verb is None or _blocked(ctx, verb.start):
            continue
        label = agent_side(ctx.tokens, ctx.labels, ctx.first, ctx.last, verb.start)
        side = ctx.side(label)
        if side is None and ctx.state.agent_paragraph == ctx.sent.paragraph:
            side = ctx.state.agent
        drafts.append(
            Draft(
                "troop_strength",
                None,
                (min(verb.start, cue.start), max(verb.end, cue.end)),
                None,
                side,
                verb.start,
            )
        )
        break
    return drafts


def _one_person(ctx: _Ctx, numeric: Sequence[Draft]) -> list[Draft]:
    """ "загинула людина", "ранен мужчина": a singular person next to a killing or wounding
    verb is a figure of one."""
    tokens, lex = ctx.tokens, ctx.lex
    covered = {i for d in numeric for i in range(d.anchor[0], d.anchor[1])}
    out: list[Draft] = []
    for cue in ctx.cues:
        if cue.name not in ("kill", "wound") or not tokens[cue.start].has("VERB", "PRTS"):
            continue
        if _blocked(ctx, cue.start):
            continue
        after = cue.end
        while after < ctx.last and after - cue.end < 2 and _modifier(tokens[after]):
            after += 1  # "загинула 60-річна жінка"
        for k in (after, cue.start - 1):
            if not ctx.first <= k < ctx.last or k in covered:
                continue
            hit = lex.units.match(tokens, k, ctx.last)
            head = tokens[hit[0] - 1] if hit else None
            if hit is None or hit[1].group != "personnel" or hit[1].mass or head is None:
                continue
            if "plur" in head.grams or "nomn" not in head.grams or k - 1 in covered:
                continue
            category = "killed" if cue.name == "kill" else "wounded"
            one = Quantity(value=1, low=1, high=1, hedge="exact", unit="personnel")
            span = (min(k, cue.start), max(hit[0], cue.end))
            side = opposite(ctx.claimant_side) if not hit[1].generic else ctx.claimant_side
            out.append(Draft("casualties", category, span, one, side, cue.start))
            break
    return out


def _modifier(tok: Token) -> bool:
    """An adjective or an age ("60-річна", "45-летний") before a noun."""
    return (tok.has("ADJF") and not tok.has("NOUN")) or (tok.text[0].isdigit() and "-" in tok.text)


def _slang_drafts(ctx: _Ctx, numeric: Sequence[Draft]) -> list[Draft]:
    """ "«двохсотих» і «трьохсотих»": the dead and the wounded in soldiers' slang."""
    hits = [c for c in ctx.cues if c.name in ("slang_killed", "slang_wounded")]
    if not hits or any(
        d.kind == "casualties" and d.anchor[0] <= hits[0].start < d.anchor[1] + 2 for d in numeric
    ):
        return []  # "порядка тридцати «двухсотых»": the figure's claim already says it
    names = {c.name for c in hits}
    category = (
        "casualties" if len(names) == 2 else ("killed" if "slang_killed" in names else "wounded")
    )
    start, end = hits[0].start, hits[-1].end
    if end < ctx.last and ctx.tokens[end].text in '»"”':
        end += 1
    if start > ctx.first and ctx.tokens[start - 1].text in '«"“':
        start -= 1
    label = next(iter(ctx.labels), None)
    side = ctx.side(label) or opposite(ctx.claimant_side)
    return [Draft("casualties", category, (start, end), None, side, hits[0].start)]
