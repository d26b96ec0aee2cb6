"""Assemble claim records from a parsed doc: figures and key phrases → Claim objects."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

if not Token.has_extension("wc_place"):
    Token.set_extension("wc_place", default=False)

from warclaims.dates import resolve_date
from warclaims.extract.bulletins import bulletin_claims
from warclaims.extract.certainty import certainty_of
from warclaims.extract.claimants import (
    AUTHOR,
    Attribution,
    according_to,
    attribution_of,
    find_attribution,
    speaker_of,
)
from warclaims.extract.denials import denial_anchor
from warclaims.extract.kinds import Kinding, UnitHit, classify, find_unit
from warclaims.extract.lexicon import Lexicon
from warclaims.extract.numbers import QuantityMention, find_quantities
from warclaims.extract.placespans import PlaceMention, find_place_mentions
from warclaims.extract.sides import (
    agent_of,
    is_passive,
    opposite,
    phrase_tokens,
    side_of_subject,
    side_of_words,
    subject_of,
)
from warclaims.extract.spans import sentence_of, sentences
from warclaims.extract.triggers import Trigger, TriggerFinder
from warclaims.lexicons import find_actor
from warclaims.model import Claim, Claimant, DateRef, Place, Quantity
from warclaims.model import Span as TextSpan
from warclaims.places import country_of

_LOSS_VERBS = {"lose", "suffer", "sustain", "loss", "losses", "have"}  # "we have dozens wounded"
_VICTIM_VERBS = {"die", "perish", "drown", "starve"}
_DATE_WORDS = re.compile(
    r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|yesterday|today|tonight|overnight)\b|\b(19|20)\d\d\b|"
    r"\b(previous|preceding) (night|day|evening)\b|\b(night|day) before\b"
)
_UNITLESS_KINDS = {"fighting"}


@dataclass(frozen=True, slots=True)
class Draft:
    kind: str
    category: str | None
    unit: str | None
    anchor: tuple[int, int]  # token span carrying the claim
    head: int  # token whose clause the claim lives in
    quantity: QuantityMention | None = None
    unit_hit: UnitHit | None = None
    trigger: Trigger | None = None
    cue: int | None = None


@dataclass
class _DocState:
    """What earlier sentences tell later ones: the last named claimant, recent strikes."""

    last: Attribution | None = None
    last_certainty: str = "asserted"
    default: Attribution | None = None
    strike_side: str | None = None
    strike_sent: int = -10
    sent_date: DateRef | None = None  # the date the previous sentence of the paragraph gave
    sent_date_at: int = -10
    bulletin_date: DateRef | None = None  # "briefing as of February 27" near the top
    named: list[Attribution] = field(default_factory=list)  # every claimant named so far


def extract_claims(
    doc: Doc,
    lex: Lexicon,
    triggers: TriggerFinder,
    *,
    body_start: int = 0,
    published: str | None = None,
) -> list[Claim]:
    """Every claim of the doc's body (headline excluded), in text order."""
    text = doc.text
    listed = bulletin_claims(text, body_start, published)
    listed_spans = [(c.evidence.start, c.evidence.end) for c in listed]
    all_places = [p for p in find_place_mentions(doc) if not p.is_country]
    for p in all_places:
        for tok in doc[p.start : p.end]:
            tok._.wc_place = True
    places = [p for p in all_places if doc[p.start].idx >= body_start]
    focus = [
        p.place
        for p in all_places
        if doc[p.start].idx < body_start and p.place.precision == "settlement"
    ]
    place_tokens = {i for p in places for i in range(p.start, p.end)}
    quantities = [
        q
        for q in find_quantities(doc, lex)
        if not any(a <= doc[q.num_start].idx < b for a, b in listed_spans)
    ]
    found_triggers = triggers(doc, place_tokens)
    state = _DocState()
    claims: list[Claim] = []
    sents = sentences(doc)
    first_body = next(
        (n for n, s in enumerate(sents) if s.start_char >= body_start and s.text.strip()), -1
    )
    state.bulletin_date = _bulletin_date(doc, sents, first_body, body_start, published)
    for n, sent in enumerate(sents):
        if sent.end_char <= body_start or sent.start_char < body_start:
            continue
        drafts = _sentence_drafts(doc, sent, quantities, found_triggers, place_tokens, lex)
        if n == first_body:
            state.default = _bulletin_source(sent, lex)
        own_date = _sentence_date(doc, sent, published)
        if own_date is not None and own_date.start is not None:
            state.sent_date, state.sent_date_at = own_date, n
        elif not _same_paragraph(text, sents, n, state.sent_date_at):
            state.sent_date = None
        sent_places = [p for p in places if sent.start <= p.start < sent.end]
        made: list[Claim] = []
        # strikes first: the casualties of a sentence are often the strike's victims
        for draft in sorted(drafts, key=lambda d: d.kind != "strike"):
            claim = _claim(
                doc, sent, n, draft, lex, state, sent_places, focus, published, claims + made
            )
            if claim is not None and not _repeats(text, claim, claims + made):
                made.append(claim)
        since = sents[max(first_body, n - 2)].start_char
        denial = _referred_denial(
            doc, sent, n, lex, state, sent_places, focus, published, claims, since
        )
        if denial is not None and not any(_restates(c, denial) for c in made):
            # "rejected the report as fake and said fighting continued": the denier's own
            # statements beside the denial are asserted
            made = [_asserted(c) for c in made] + [denial]
        if not made:
            _note_speaker(sent, lex, state)
        claims.extend(sorted(made, key=lambda c: c.anchor.start if c.anchor else 0))
    return sorted(
        claims + listed, key=lambda c: (c.evidence.start, c.anchor.start if c.anchor else 0)
    )


def _restates(claim: Claim, denial: Claim) -> bool:
    """'no truth in reports of an encirclement': the sentence denies the claim itself."""
    return claim.certainty == "denied" and (claim.kind, claim.category, claim.side) == (
        denial.kind,
        denial.category,
        denial.side,
    )


def _asserted(claim: Claim) -> Claim:
    if claim.certainty != "denied":
        return claim
    return claim.model_copy(update={"certainty": "asserted"})


def _bulletin_date(
    doc: Doc, sents: list[Span], first_body: int, body_start: int, published: str | None
) -> DateRef | None:
    """'Information … as of February 27, 2026' in the first two body sentences, or 'as of
    08:00 on 20.11.2025' in the headline: the date a bulletin speaks for, from its first line."""
    for sent in sents[max(first_body, 0) : first_body + 2]:
        found = _as_of_date(doc, sent, published)
        if found is not None:
            return found
    match = _AS_OF.search(doc.text[:body_start])
    if match is None:
        return None
    words = match.group("rest").split()
    for n in range(min(len(words), 5), 0, -1):
        found = resolve_date(" ".join(words[:n]), published)
        if found.start is not None:
            return found
    return None


_AS_OF = re.compile(r"(?i)\bas of\s+(?:\d{1,2}[:.]\d{2}\s+(?:on\s+)?)?(?P<rest>[^\n]+)")


def _note_speaker(sent: Span, lex: Lexicon, state: _DocState) -> None:
    """'"Our guys are holding on," Zelensky said.', 'Peskov declined to comment.' with no
    claim: the next 'He added that …' is still theirs."""
    att = speaker_of(sent.root, lex, any_verb=True)
    if att is not None and not att.anaphoric and att.name is not None:
        state.last, state.last_certainty = att, "asserted"
        state.named.append(att)


def _referred_denial(
    doc: Doc,
    sent: Span,
    n: int,
    lex: Lexicon,
    state: _DocState,
    sent_places: list[PlaceMention],
    focus: list[Place],
    published: str | None,
    earlier: list[Claim],
    since: int,
) -> Claim | None:
    """'Ukraine's General Staff rejected the report as fake': the last claim of the two
    sentences before, denied by this sentence's claimant."""
    span = denial_anchor(sent, lex)
    target = next((c for c in reversed(earlier) if c.evidence.start >= since), None)
    if span is None or target is None:
        return None
    rule = {"category": target.category, "certainty": "denied"}
    trig = Trigger(target.kind, span[0], span[1], rule)
    # from the denied object ("the report") the denier is the subject of "rejected"
    objects = [c.i for c in doc[span[0]].children if c.dep_ == "dobj"]
    head = objects[0] if objects else _content_word(doc, trig)
    draft = Draft(target.kind, target.category, None, span, head, trigger=trig)
    claim = _claim(doc, sent, n, draft, lex, state, sent_places, focus, published, earlier)
    if claim is None or (claim.claimant.name or "") == (target.claimant.name or "-"):
        return None  # nobody denies their own claim
    return claim.model_copy(
        update={
            "category": target.category,
            "side": target.side,
            "quantity": target.quantity,
            "places": claim.places if sent_places else target.places,
        }
    )


_SIDE_ADJECTIVES = {"RU": "Russian", "UA": "Ukrainian"}


def _sided_body(att: Attribution, side: str | None) -> Attribution:
    """'the defence ministry' in a report where a Kremlin spokesman spoke last: Russia's."""
    adjective = _SIDE_ADJECTIVES.get(side or "")
    actor = find_actor(f"{adjective} {att.name}") if adjective else None
    if actor is None:
        return att
    return replace(att, name=actor.name, type=actor.type, side=actor.side)


def _same_kind_of_body(generic: Attribution, named: Attribution) -> bool:
    """'the ministry' refers back to 'Russia's defence ministry', not to 'Putin'."""
    head = (generic.mention or "").split()[-1].lower()
    return head in (named.mention or "").lower() or head in (named.name or "").lower()


def _repeats(text: str, claim: Claim, earlier: list[Claim]) -> bool:
    """Pull quotes and scraped duplicates repeat a sentence: one claim, not two."""
    if claim.anchor is None:
        return False
    mine = _context(text, claim)
    for other in earlier:
        if other.kind != claim.kind or other.anchor is None or other.quantity != claim.quantity:
            continue
        theirs = _context(text, other)
        if mine[1] != theirs[1] or len(mine[0]) + len(mine[2]) < _REPEAT_CONTEXT:
            continue
        # the same words around the anchor; a pull quote may be cut shorter than its original
        if theirs[0].endswith(mine[0]) and theirs[2].startswith(mine[2]):
            return True
    return False


_REPEAT_CONTEXT = 16


def _context(text: str, claim: Claim) -> tuple[str, str, str]:
    """(up to 40 characters before the anchor, the anchor, up to 40 after), inside the evidence."""
    a, e = claim.anchor, claim.evidence
    assert a is not None
    return (
        text[max(e.start, a.start - 40) : a.start].casefold().lstrip("“‘\"' "),
        text[a.start : a.end].casefold(),
        text[a.end : min(e.end, a.end + 40)].casefold().rstrip("”\"' "),
    )


def _bulletin_source(sent: Span, lex: Lexicon) -> Attribution | None:
    """A report opening 'According to the General Staff, …' relays that body's bulletin."""
    words = [t.lower_ for t in sent[:3]]
    source = according_to(sent) if words[:2] == ["according", "to"] else None
    if source is None:
        return None
    att = attribution_of(source, None, lex)
    return att if att.type == "official" and att.name else None


def _sentence_drafts(
    doc: Doc,
    sent: Span,
    quantities: list[QuantityMention],
    triggers: list[Trigger],
    place_tokens: set[int],
    lex: Lexicon,
) -> list[Draft]:
    drafts: list[Draft] = []
    for q in quantities:
        if not (sent.start <= q.num_start < sent.end) or q.num_start in place_tokens:
            continue
        unit = find_unit(doc, q, lex)
        if unit is None and q.percent_word:
            unit = UnitHit("area", "percent", q.num_start, q.num_end)
        kinding = classify(doc, q, unit, lex)
        whole = _whole_before(doc, sent, q, drafts)
        if kinding is None and unit is None and whole is not None:
            # "intercepted 57 drones, including 23 over Bryansk": the part counts the same thing
            drafts.append(replace(whole, anchor=(q.start, q.end), quantity=q, unit_hit=None))
            continue
        if kinding is None or _subset_of(doc, sent, q, kinding, whole):
            continue
        drafts.append(_numeric_draft(q, unit, kinding))
    for trig in triggers:
        if not (sent.start <= trig.start < sent.end):
            continue
        kind, category = _trigger_kind(doc, trig, lex)
        if any(d.kind == kind and _same_statement(doc, d, trig) for d in drafts):
            continue
        if any(d.cue is not None and trig.start <= d.cue < trig.end for d in drafts):
            continue  # "two soldiers were captured": the verb already made a claim of its own
        drafts.append(
            Draft(
                kind, category, None, (trig.start, trig.end), _content_word(doc, trig), trigger=trig
            )
        )
    drafts.sort(key=lambda d: d.anchor[0])
    return drafts


_PART_WORDS = {"including", "among"}


def _whole_before(doc: Doc, sent: Span, q: QuantityMention, drafts: list[Draft]) -> Draft | None:
    """The figure a part is taken from: 'including 23', 'among them 3' after '57 drones'."""
    if q.start <= sent.start or doc[q.start - 1].lower_ not in _PART_WORDS:
        return None
    earlier = [d for d in drafts if d.quantity is not None and d.anchor[1] <= q.start]
    return earlier[-1] if earlier else None


def _subset_of(
    doc: Doc, sent: Span, q: QuantityMention, kinding: Kinding, whole: Draft | None
) -> bool:
    """'killed five and injured 12, including two children'; 'Among the wounded were three
    children': a part of a count already claimed, of the same category, is not a new claim."""
    if whole is not None:
        return (whole.kind, whole.category) == (kinding.kind, kinding.category)
    first = sent[0] if sent[0].lower_ != "and" else sent[min(1, len(sent) - 1)]
    return first.lower_ == "among" and kinding.kind == "casualties" and q.start > first.i


_SAME_STATEMENT_TOKENS = 2


def _same_statement(doc: Doc, draft: Draft, trig: Trigger) -> bool:
    """Does a key phrase restate a claim already drafted (its cue, or words close to it)?"""
    if draft.cue is not None and trig.start <= draft.cue < trig.end:
        return True
    near = min(abs(trig.start - draft.anchor[1]), abs(draft.anchor[0] - trig.end))
    return near <= _SAME_STATEMENT_TOKENS


def _content_word(doc: Doc, trig: Trigger) -> int:
    """The last verb of a key phrase ('claims to have taken' → taken), else its root."""
    verbs = [
        t.i
        for t in doc[trig.start : trig.end]
        if t.pos_ == "VERB" and t.dep_ not in ("amod", "compound")
    ]
    return verbs[-1] if verbs else doc[trig.start : trig.end].root.i


def _numeric_draft(q: QuantityMention, unit: UnitHit | None, kinding: Kinding) -> Draft:
    end = q.end
    if unit is not None and unit.start >= q.end and unit.start - q.end <= 4:
        end = unit.end
    head = unit.head if unit is not None else q.num_end - 1
    unit_name = None if kinding.kind in _UNITLESS_KINDS or q.adverb else kinding.unit
    return Draft(
        kinding.kind, kinding.category, unit_name, (q.start, end), head, q, unit, cue=kinding.cue
    )


def _trigger_kind(doc: Doc, trig: Trigger, lex: Lexicon) -> tuple[str, str | None]:
    """'heavy losses of their own tanks' is an equipment loss, not casualties."""
    if trig.kind == "casualties" and trig.category == "casualties":
        sent = sentence_of(doc[trig.start])
        for j in range(trig.end, min(sent.end, trig.end + 5)):
            hit = lex.unit_of.get(doc[j].lower_)
            if hit and hit[0] == "equipment":
                return "equipment_loss", hit[1]
    return trig.kind, trig.category


def _claim(
    doc: Doc,
    sent: Span,
    n: int,
    draft: Draft,
    lex: Lexicon,
    state: _DocState,
    sent_places: list[PlaceMention],
    focus: list[Place],
    published: str | None,
    earlier: list[Claim],
) -> Claim | None:
    anchor_tok = (
        doc[draft.cue] if draft.cue is not None and draft.quantity is None else doc[draft.head]
    )
    att = find_attribution(anchor_tok, sent, lex)
    certainty_floor = "asserted"
    if att is not None and att.anaphoric:
        if state.last is not None and (att.name is None or _same_kind_of_body(att, state.last)):
            certainty_floor = state.last_certainty
            att = replace(state.last, verb=att.verb)
        elif att.name is not None:
            earlier_body = next(
                (a for a in reversed(state.named) if _same_kind_of_body(att, a)), None
            )
            # "the ministry also said", two speakers after the ministry was named
            att = replace(earlier_body or att, anaphoric=False, verb=att.verb)
            if att.side is None and state.last is not None:
                att = _sided_body(att, state.last.side)
        else:
            att = None
    if att is None:
        att = state.default or AUTHOR
    forced = draft.trigger.rule.get("certainty") if draft.trigger else None
    certainty = certainty_of(sent, att, lex, forced)
    if certainty == "asserted" and certainty_floor != "asserted":
        certainty = certainty_floor
    if att.type != "author" and att is not state.default:
        state.last, state.last_certainty = att, certainty
        state.named.append(att)
    side = _taker_of_fallen(doc, draft, lex, att, sent_places) or _side(
        doc, sent, draft, att, lex, state, n, earlier
    )
    category = draft.category
    if draft.kind == "territorial_control" and category == "liberated" and side == "RU":
        category = "captured"  # a side taking the other's ground is "captured" (GOLD conventions)
    if (
        draft.kind == "territorial_control"
        and category == "captured"
        and side == "UA"
        and _in_ukraine(sent_places)
    ):
        category = "liberated"  # Ukraine taking ground in Ukraine retakes its own
    if draft.kind == "strike":
        state.strike_side, state.strike_sent = side, n
    return Claim(
        kind=draft.kind,
        category=category,
        side=side,
        quantity=_quantity(draft),
        places=_places(_clause_places(doc, draft, sent_places), _focus_for(draft, focus)),
        date=_date(doc, sent, draft, published) or _carried_date(state, n),
        claimant=Claimant(
            mention=att.mention, name=att.name, type=att.type, side=att.side, via=list(att.via)
        ),
        certainty=certainty,
        evidence=_evidence(sent),
        anchor=TextSpan(
            start=doc[draft.anchor[0]].idx,
            end=doc[draft.anchor[1] - 1].idx + len(doc[draft.anchor[1] - 1]),
        ),
    )


def _clause_places(doc: Doc, draft: Draft, sent_places: list[PlaceMention]) -> list[PlaceMention]:
    """'had taken Kurylivka and were clearing positions in Kupiansk': a claim keeps the places
    of its own clause, not those of a clause coordinated with it or of a descriptive aside."""
    if len(sent_places) < 2:
        return sent_places
    head = _clause_verb(doc[draft.cue] if draft.cue is not None else doc[draft.head])
    if head is None:
        return sent_places
    sent = sentence_of(head)
    scope = list(head.subtree) if head.dep_ == "conj" else list(sent)
    others = [
        c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > head.i
    ]
    # "…, the latest in a string of advances near Huliaipole": an aside describes, not locates
    others += [
        t
        for t in scope
        if t.dep_ in ("appos", "npadvmod")
        and not t._.wc_place
        and doc[t.left_edge.i - 1].text == ","
    ]
    outside = {
        t.i
        for c in others
        if not c.left_edge.i <= head.i <= c.right_edge.i  # the claim's own aside is its clause
        for t in c.subtree
    }
    own = {t.i for t in scope} - outside
    mine = [p for p in sent_places if p.start in own]
    return mine or sent_places


def _in_ukraine(places: list[PlaceMention]) -> bool:
    """No place named, or every named place resolved to a place in Ukraine."""
    return all(country_of(p.place) == "UA" for p in places)


def _quantity(draft: Draft) -> Quantity | None:
    q = draft.quantity
    if q is None or q.all_but or q.vague:
        return None
    return Quantity(value=q.value, low=q.low, high=q.high, hedge=q.hedge, unit=draft.unit)


def _evidence(sent: Span) -> TextSpan:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    return TextSpan(start=start, end=max(end, start))


def _places(sent_places: list[PlaceMention], focus: list[Place]) -> list[Place]:
    """The sentence's places; an oblast that only locates a named settlement is dropped."""
    settlements_oblasts = {p.place.admin1 for p in sent_places if p.place.precision == "settlement"}
    located = {
        (p.place.name or p.place.mention).casefold() for p in sent_places if p.role == "place"
    }
    out: list[Place] = []
    seen: set[str] = set()
    for p in sent_places:
        place = p.place
        if p.role == "title" and located - {(place.name or place.mention).casefold()}:
            continue  # the official's region, when the sentence names where it happened
        if p.role in ("qualifier", "feature") or (
            p.role == "reference" and (place.name or place.mention).casefold() not in located
        ):
            continue
        if place.precision == "oblast" and place.name in settlements_oblasts:
            continue
        key = (place.name or place.mention).casefold()
        if key in seen:
            continue
        seen.add(key)
        out.append(place)
    return out or [p.model_copy() for p in focus]


_NATIONWIDE = {"uav", "missiles", "aircraft"}


def _focus_for(draft: Draft, focus: list[Place]) -> list[Place]:
    """The headline's town stands for claims that name no place, but not for drone and
    missile counts: those are of a whole night's attack, not of one town."""
    if (draft.kind == "strike" and draft.quantity is not None) or draft.category in _NATIONWIDE:
        return []
    return focus


def _carried_date(state: _DocState, n: int) -> DateRef | None:
    """No date of its own: the previous sentence's, in the same paragraph ("On Sunday, Russia
    launched 197 drones. Ukraine downed all but 26."), else the bulletin's "as of" date."""
    if state.sent_date is not None and state.sent_date_at == n - 1:
        return state.sent_date
    return state.bulletin_date


def _same_paragraph(text: str, sents: list[Span], n: int, m: int) -> bool:
    if m < 0 or m >= n:
        return False
    return "\n" not in text[sents[m].end_char - 1 : sents[n].start_char]


def _sentence_date(doc: Doc, sent: Span, published: str | None) -> DateRef | None:
    for ent in sent.ents:
        if ent.label_ == "DATE" and _DATE_WORDS.search(ent.text):
            return _resolve_ent(doc, sent, ent, published)
    return None


def _as_of_date(doc: Doc, sent: Span, published: str | None) -> DateRef | None:
    """'Information … as of February 27, 2026': the date a bulletin speaks for."""
    for ent in sent.ents:
        if (
            ent.label_ == "DATE"
            and ent.start >= 2
            and doc[ent.start - 2 : ent.start].text.lower() == "as of"
        ):
            date = _resolve_ent(doc, sent, ent, published)
            return date if date.start is not None else None
    return None


def _resolve_ent(doc: Doc, sent: Span, ent: Span, published: str | None) -> DateRef:
    start = ent.start
    if start > sent.start and doc[start - 1].lower_ == "on":
        start -= 1
    return resolve_date(doc[start : ent.end].text, published)


def _date(doc: Doc, sent: Span, draft: Draft, published: str | None) -> DateRef | None:
    best: Span | None = None
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME") or not _DATE_WORDS.search(ent.text):
            continue
        if best is None or abs(ent.start - draft.anchor[0]) < abs(best.start - draft.anchor[0]):
            best = ent
    if best is None:
        return None
    return _resolve_ent(doc, sent, best, published)


# ---- sides -------------------------------------------------------------------------------


def _clause_verb(tok: Token) -> Token | None:
    while True:
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ in ("acl", "relcl"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head


def _subject_side(verb: Token | None, lex: Lexicon, att: Attribution) -> str | None:
    if verb is None:
        return None
    subject = subject_of(verb)
    if subject is None:
        return None
    if att.start is not None and att.start <= subject.idx < (att.end or 0):
        # the claimant speaks of its own side's doings ("Putin announces a call-up …")
        return att.side if att.side in ("RU", "UA") else None
    side = side_of_subject(subject, lex, att.side)
    if side is None:
        actor = find_actor(" ".join(t.text for t in phrase_tokens(subject)))
        if actor is not None and actor.side in ("RU", "UA"):
            side = actor.side
    if side is None and subject.lower_ in ("it", "they", "we") and att.side in ("RU", "UA"):
        side = att.side
    return side


def _side(
    doc: Doc,
    sent: Span,
    draft: Draft,
    att: Attribution,
    lex: Lexicon,
    state: _DocState,
    n: int,
    earlier: list[Claim],
) -> str | None:
    if draft.kind == "fighting":
        return None
    claimant_side = att.side if att.side in ("RU", "UA") else None
    phrase_side = None
    if draft.unit_hit is not None and draft.quantity is not None:
        head = doc[draft.unit_hit.head]
        words = list(doc[draft.quantity.num_end : draft.unit_hit.end]) + phrase_tokens(head)
        phrase_side = side_of_words(words, lex, claimant_side) or _relative_clause_side(
            head, lex, att
        )
    anchor = doc[draft.head]
    if draft.kind == "territorial_control":
        phrase_side = None  # "1.5 percent of Ukraine": whose land, not who holds it
    if (
        phrase_side is None
        and draft.trigger is not None
        and anchor.dep_ in ("amod", "acl")
        and anchor.head.pos_ in ("NOUN", "PROPN")
    ):
        phrase_side = side_of_words(phrase_tokens(anchor.head), lex, claimant_side)
    if draft.kind in ("casualties", "equipment_loss"):
        return _loss_side(doc, sent, draft, att, lex, state, n, earlier, phrase_side)
    if phrase_side is not None:
        return phrase_side
    verb = _clause_verb(doc[draft.cue] if draft.cue is not None else anchor)
    if draft.kind == "strike":
        return _subject_side(verb, lex, att) or _side_before(doc, sent, draft, att, lex) or "RU"
    if draft.kind == "troop_strength":
        return _subject_side(verb, lex, att)
    if draft.kind == "encirclement":
        return _encircled_side(verb, lex, att, earlier)
    return _territory_side(doc, draft, verb, lex, att, claimant_side)


def _taker_of_fallen(
    doc: Doc, draft: Draft, lex: Lexicon, att: Attribution, places: list[PlaceMention]
) -> str | None:
    """A place that "fell" went to the side that did not hold it: Russia for a place in
    Ukraine, Ukraine for one in Russia, whoever reports it, unless the text names the taker
    ("fell to Ukrainian forces")."""
    if draft.trigger is None or draft.trigger.rule.get("side") != "not_owner":
        return None
    claimant_side = att.side if att.side in ("RU", "UA") else None
    trig = draft.trigger
    # "fell to Ukrainian forces" (the trigger may end before or after "to"): the taker is named
    start = trig.end + 1 if trig.end < len(doc) and doc[trig.end].lower_ == "to" else trig.end
    if doc[start - 1].lower_ == "to":
        taker = side_of_words(list(doc[start : start + 3]), lex, claimant_side)
        if taker is not None:
            return taker
    if _holder_named(doc, trig, lex, claimant_side) is not None:
        return None
    countries = {country_of(p.place) for p in places}
    if countries == {"UA"}:
        return "RU"
    return "UA" if countries == {"RU"} else None


def _territory_side(
    doc: Doc,
    draft: Draft,
    verb: Token | None,
    lex: Lexicon,
    att: Attribution,
    claimant_side: str | None,
) -> str | None:
    rule = draft.trigger.rule if draft.trigger else {}
    if draft.trigger is not None:
        holder = _holder_named(doc, draft.trigger, lex, claimant_side)
        if holder is not None:
            return holder
    subject_side = (
        None
        if verb is None
        or (is_passive(verb) and subject_of(verb) is not None and verb.dep_ != "acl")
        else _subject_side(verb, lex, att)
    )
    if verb is not None and is_passive(verb):
        agent = agent_of(verb)
        subject_side = side_of_subject(agent, lex, claimant_side) if agent is not None else None
    if subject_side is not None:
        return opposite(subject_side) if rule.get("side") == "opposite_subject" else subject_side
    if claimant_side is not None:
        return claimant_side  # "units of Battlegroup West liberated …, the ministry said"
    return {"captured": "RU", "liberated": "UA"}.get(draft.category or "")


def _encircled_side(
    verb: Token | None, lex: Lexicon, att: Attribution, earlier: list[Claim]
) -> str | None:
    """'Ukrainian units were surrounded' (the subject is encircled), 'Russian forces encircled
    …' (the other side is); no one named: the encirclement the report spoke of before."""
    if verb is not None and verb.lemma_.lower() in _ENCIRCLE_VERBS:
        side = _subject_side(verb, lex, att)
        if side is not None:
            return side if is_passive(verb) or verb.dep_ in ("acomp", "amod") else opposite(side)
    for claim in reversed(earlier):
        if claim.kind == "encirclement" and claim.side is not None:
            return claim.side
    return None


_ENCIRCLE_VERBS = {"encircle", "surround", "trap", "besiege", "blockade"}
_HOLDING_NOUNS = {"control", "occupation", "flag", "tricolour", "tricolor"}


def _holder_named(doc: Doc, trig: Trigger, lex: Lexicon, claimant_side: str | None) -> str | None:
    """'remains under Ukrainian control', 'under Russian occupation': the holder is named."""
    sent_end = sentence_of(doc[trig.start]).end
    for tok in doc[trig.start : min(sent_end, trig.end + 3)]:
        if tok.lower_ in _HOLDING_NOUNS:
            modifiers = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss")]
            side = side_of_words(modifiers, lex, claimant_side)
            if side is not None:
                return side
    return None


def _loss_side(
    doc: Doc,
    sent: Span,
    draft: Draft,
    att: Attribution,
    lex: Lexicon,
    state: _DocState,
    n: int,
    earlier: list[Claim],
    phrase_side: str | None,
) -> str | None:
    if phrase_side is not None:
        return phrase_side
    claimant_side = att.side if att.side in ("RU", "UA") else None
    cue = doc[draft.cue] if draft.cue is not None else doc[draft.head]
    verb = _clause_verb(cue)
    counted = {draft.unit_hit.head if draft.unit_hit else -1}
    if draft.quantity is not None:
        counted.add(draft.quantity.num_end - 1)
    if verb is not None and verb.dep_ == "acl" and verb.head.i in counted:
        # "lost 1,020 troops killed and wounded", "amounted to 96 killed": the governing verb
        verb = _clause_verb(verb.head)
        cue = verb if verb is not None else cue
    if verb is not None and verb.lemma_.lower() in lex.words("reporting_verbs") and verb.i != cue.i:
        return _reported_loss_side(doc, draft, att, lex)
    if verb is not None:
        lemma = verb.lemma_.lower()
        if lemma in _VICTIM_VERBS:
            side = _subject_side(verb, lex, att)
            if side is not None:
                return side
        elif lemma in _LOSS_VERBS or cue.lemma_.lower() in _LOSS_VERBS and not is_passive(verb):
            agent = agent_of(verb) if is_passive(verb) else None
            if agent is not None:
                side = side_of_subject(agent, lex, claimant_side)
                if side is not None:
                    return opposite(side)
            side = _subject_side(verb, lex, att)
            if side is not None:
                return side
        elif is_passive(verb):
            agent = agent_of(verb)
            side = side_of_subject(agent, lex, claimant_side) if agent is not None else None
            if side is not None:
                return opposite(side)
        else:
            side = _subject_side(verb, lex, att)
            subject = subject_of(verb)
            if side is not None and subject is not None and subject.lemma_.lower() in _LOSS_VERBS:
                return side  # "Russian losses amounted to 96 killed": the losers are named
            if side is not None:
                return opposite(side)
    for claim in reversed(earlier):
        if claim.evidence.start == _evidence(sent).start and claim.kind in (
            "casualties",
            "equipment_loss",
        ):
            return claim.side
    if draft.kind == "casualties" and state.strike_side and n - state.strike_sent <= 2:
        return opposite(state.strike_side)
    if draft.category in _LAUNCHED and state.strike_side and n - state.strike_sent <= 1:
        return state.strike_side  # "Russia launched 84 drones …, of which 61 were shot down"
    return _speakers_last_loss(att, earlier, n_start=_evidence(sent).start)


def _speakers_last_loss(att: Attribution, earlier: list[Claim], n_start: int) -> str | None:
    """'Russian units lost 40 vehicles, a blogger wrote. He said whole companies had been
    wiped out.': the same speaker goes on about the same side's losses."""
    last = earlier[-1] if earlier else None
    if last is None or last.kind not in ("casualties", "equipment_loss") or att.type == "author":
        return None
    same_speaker = (last.claimant.mention, last.claimant.name) == (att.mention, att.name)
    close = n_start - last.evidence.end <= _NEXT_SENTENCE_CHARS
    return last.side if same_speaker and close else None


_NEXT_SENTENCE_CHARS = 3  # the loss claim must end the sentence right before


_LAUNCHED = {"uav", "missiles"}


def _relative_clause_side(head: Token, lex: Lexicon, att: Attribution) -> str | None:
    """'troops that Russia sent', 'a quarter of troops that Russia sent': the sender's side."""
    nouns = [head] + [
        g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]
    for noun in nouns:
        for child in noun.children:
            if child.dep_ == "relcl":
                side = _subject_side(child, lex, att)
                if side is not None:
                    return side
    return None


def _reported_loss_side(doc: Doc, draft: Draft, att: Attribution, lex: Lexicon) -> str | None:
    """'reported four injuries from 51 attacks by Russian forces': victims of the other side."""
    head = doc[draft.head]
    for tok in head.subtree:
        if tok.dep_ == "prep" and tok.lower_ in ("from", "by", "in") and tok.i > head.i:
            side = side_of_words(
                list(tok.subtree), lex, att.side if att.side in ("RU", "UA") else None
            )
            if side is not None:
                return opposite(side)
    return None


def _side_before(doc: Doc, sent: Span, draft: Draft, att: Attribution, lex: Lexicon) -> str | None:
    """The nearest side word before the claim, outside the claimant's own words."""
    for j in range(draft.anchor[0] - 1, sent.start - 1, -1):
        tok = doc[j]
        if att.start is not None and att.start <= tok.idx < (att.end or 0):
            continue
        if (
            tok._.wc_place
            or tok.dep_ in ("pobj", "dobj")
            or (j + 1 < sent.end and doc[j + 1].lower_ in ("’s", "'s"))
        ):
            continue  # targets and possessors ("Ukraine's energy grid") are not the striker
        side = side_of_words([tok], lex, att.side if att.side in ("RU", "UA") else None)
        if side is not None:
            return side
    return None
