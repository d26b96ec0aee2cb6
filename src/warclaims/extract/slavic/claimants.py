"""Who makes a claim and how firmly: "по данным Минобороны", "как сообщил", "заявил",
"за даними Генштабу", "як повідомив", "сказав"; "якобы", "нібито" (reported); "опроверг",
"спростував", "заперечив" (denied).

Known people and bodies come from lang/ru/actors.tsv and lang/uk/actors.tsv (canonical English
names, Cyrillic aliases in the nominative); inflected mentions match through their lemmas.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from warclaims.extract.slavic.lexicon import LANGUAGES, PhraseTable, SlavicLexicon
from warclaims.extract.slavic.sides import Label, resolve
from warclaims.extract.slavic.text import Token
from warclaims.lexicons import Actor, has_lexicon, load_actors
from warclaims.model import Claimant

# a bare "Минобороны" or "Генштаб" is the body of the side the report speaks for
_BODIES = {
    ("минобороны", "RU"): "Russian Ministry of Defence",
    ("минобороны", "UA"): "Ukraine's Ministry of Defence",
    ("міноборони", "RU"): "Russian Ministry of Defence",
    ("міноборони", "UA"): "Ukraine's Ministry of Defence",
    ("генштаб", "UA"): "General Staff of the Armed Forces of Ukraine",
    ("генштаб", "RU"): "General Staff of the Armed Forces of Russia",
    ("генеральный штаб", "UA"): "General Staff of the Armed Forces of Ukraine",
    ("генеральний штаб", "UA"): "General Staff of the Armed Forces of Ukraine",
}
_WINDOW = 9
_STOP = frozenset(',.;:!?()—–"«»“”')
_PREPOSITIONS = frozenset(["в", "во", "у", "на"])
_BACK_STOP = frozenset(",.;:!?()—–")
_BACK_WINDOW = 12


@dataclass(frozen=True, slots=True)
class Attribution:
    claimant: Claimant
    start: int  # token span of the source mention
    end: int
    entity: str | None = None  # person | body


@lru_cache(maxsize=1)
def actor_table() -> PhraseTable[Actor]:
    entries: list[tuple[str, Actor]] = []
    for language in LANGUAGES:
        if has_lexicon(language, "actors.tsv"):
            for actor in load_actors(language):
                entries += [(form, actor) for form in actor.forms]
    return PhraseTable(entries)


def _claimant(actor: Actor, mention: str) -> Claimant:
    return Claimant(mention=mention, name=actor.name, type=actor.type, side=actor.side)


def resolve_source(
    text: str,
    tokens: Sequence[Token],
    start: int,
    end: int,
    lex: SlavicLexicon,
    labels: Sequence[Label],
    author_side: str | None,
    previous: Attribution | None,
) -> Attribution | None:
    """The claimant named in tokens[start:end]: a known actor (a person before a body), a
    generic head ("источник", "ведомство", "проект"), or a pronoun referring back."""
    if start >= end:
        return None
    actors = actor_table().find(tokens, start, end)
    told = _told_outlet(tokens, start, actors)
    if told is not None:
        # "рассказал ТАСС командир батальона": the outlet is told, the officer tells
        inner = resolve_source(text, tokens, told.end, end, lex, labels, author_side, None)
        if inner is not None:
            via = [*inner.claimant.via, told.name]
            return Attribution(
                inner.claimant.model_copy(update={"via": via}), inner.start, inner.end
            )
    if actors:
        persons = [a for a in actors if a[2].entity == "person"]
        s, e, actor = (persons or actors)[-1 if persons else 0]
        rest = [a for a in actors if a[2] is not actor and a[2].type == "media" and a[0] > e - 1]
        claimant = _claimant(actor, text[tokens[s].start : tokens[e - 1].end])
        if rest:
            claimant = claimant.model_copy(update={"via": [a[2].name for a in rest]})
        return Attribution(claimant, s, e, actor.entity)
    for i in range(start, end):
        tok = tokens[i]
        if lex.table("pronouns").match(tokens, i, i + 1) and previous is not None:
            return previous
        head = lex.heads.match(tokens, i, end)
        if head is None:
            continue
        kind = head[1]
        mention = text[tok.start : tokens[head[0] - 1].end]
        labelled = any(start <= lb.start < end for lb in labels)
        if (
            previous is not None
            and not labelled  # "Украинские власти": a body of its own
            and previous.claimant.type == kind
            and kind in ("media", "official", "expert")
            and (previous.entity != "person" or kind == "media")
        ):
            return previous  # "Проект отмечал": the project named before
        side = next(
            (resolve(lb.side, author_side) for lb in labels if start <= lb.start < end), None
        ) or (author_side if kind == "official" else None)
        name = next(
            (_BODIES[(k, side or "")] for k in sorted(tok.keys) if (k, side or "") in _BODIES), None
        )
        ctype = (
            kind if kind in ("anonymous", "media", "official", "expert", "witness") else "author"
        )
        claimant = Claimant(mention=mention, name=name, type=ctype, side=side)  # type: ignore[arg-type]
        return Attribution(claimant, i, head[0], "body" if name else None)
    return None


def find_attribution(
    text: str,
    tokens: Sequence[Token],
    first: int,
    last: int,
    lex: SlavicLexicon,
    labels: Sequence[Label],
    author_side: str | None,
    previous: Attribution | None,
) -> Attribution | None:
    """The source a sentence names ("по данным X", "X сообщило, что", "заявил X")."""
    args = (lex, labels, author_side, previous)
    cited = _cited_source(text, tokens, first, last, args)
    if cited is not None:
        return cited
    denier = _denier(text, tokens, first, last, args)
    if denier is not None:
        return denier
    for s, e, _ in lex.according.find(tokens, first, last):
        if previous is not None and any(
            lex.table("pronouns").match(tokens, k, k + 1) for k in range(s, e)
        ):
            return previous  # "По его словам", "за його словами"
        found = resolve_source(text, tokens, e, _phrase_end(tokens, e, last), *args)
        if found is not None:
            return found
    verbs = lex.reporting.find(tokens, first, last) + lex.denial.find(tokens, first, last)
    for s, e, _ in sorted(verbs):
        verb = tokens[s]
        if not verb.has("VERB", "PRTS", "GRND") or verb.is_infinitive:
            continue
        after = e
        while after < last and (
            tokens[after].key in _PREPOSITIONS
            and after + 1 < last
            and tokens[after + 1].is_capitalised
        ):
            after += 1
        found = resolve_source(text, tokens, after, _phrase_end(tokens, after, last), *args)
        if found is not None and _addressee(tokens[found.start]):
            found = None  # "доложил президенту": the one told, not the one telling
        if found is None:
            # back to the clause start; a quoted name ("группировки «Запад»") does not end it
            begin = s
            while (
                begin > first
                and tokens[begin - 1].text not in _BACK_STOP
                and s - begin < _BACK_WINDOW
            ):
                begin -= 1
            found = resolve_source(text, tokens, begin, s, *args)
        if found is not None:
            return found
    return None


_CITING = ("со ссылкой на", "ссылаясь на", "з посиланням на", "посилаючись на")


def _cited_source(
    text: str, tokens: Sequence[Token], first: int, last: int, args: tuple
) -> Attribution | None:
    """ "ТАСС со ссылкой на Минобороны": the ministry is the claimant, the agency a link of the
    chain (via); an unmarked body takes the side of the outlet that cites it."""
    lex = args[0]
    for s, e, _ in lex.according.find(tokens, first, last):
        phrase = " ".join(t.key for t in tokens[s:e])
        if phrase not in _CITING:
            continue
        found = resolve_source(text, tokens, e, _phrase_end(tokens, e, last), *args)
        if found is None:
            return None
        links = [a for _, _, a in actor_table().find(tokens, first, s) if a.type == "media"]
        if not links:
            return found
        claimant = found.claimant
        side = claimant.side or (links[0].side if links[0].side in ("RU", "UA") else None)
        name = claimant.name or _BODIES.get((tokens[found.start].key, side or ""))
        claimant = claimant.model_copy(
            update={"via": [a.name for a in links], "side": side, "name": name}
        )
        return Attribution(claimant, found.start, found.end, found.entity)
    return None


def _denier(
    text: str, tokens: Sequence[Token], first: int, last: int, args: tuple
) -> Attribution | None:
    """ "Украинские военные опровергли заявления Минобороны России": who denies is the subject
    before the verb, not the body whose statement is denied; a side named as the subject
    ("украинская сторона") speaks through its officials."""
    lex, labels = args[0], args[1]
    for s, _e, _ in lex.denial.find(tokens, first, last):
        if not tokens[s].has("VERB", "PRTS") and tokens[s].key not in ("не",):
            continue
        begin = s
        while begin > first and tokens[begin - 1].text not in _STOP and s - begin < _WINDOW:
            begin -= 1
        found = resolve_source(text, tokens, begin, s, *args)
        if found is not None:
            return found
        subject = [lb for lb in labels if begin <= lb.start < s and lb.side in ("RU", "UA")]
        if subject and subject[0].nominative(tokens):
            lb = subject[0]
            mention = text[tokens[lb.start].start : tokens[min(lb.end, s) - 1].end]
            claimant = Claimant(mention=mention, name=None, type="official", side=lb.side)  # type: ignore[arg-type]
            return Attribution(claimant, lb.start, lb.end)
    return None


@dataclass(frozen=True, slots=True)
class _Told:
    name: str
    end: int


def _told_outlet(tokens: Sequence[Token], start: int, actors: list) -> _Told | None:
    """A media outlet right after the verb with more words after it: the one told."""
    if not actors or actors[0][0] != start or actors[0][2].type != "media":
        return None
    s, e, actor = actors[0]
    if len(actors) > 1 and actors[1][2].entity == "person":
        return None
    return _Told(actor.name, e) if e < len(tokens) and tokens[e].is_word else None


def _addressee(tok: Token) -> bool:
    """A head in the dative only ("президенту", "журналистам")."""
    cases = tok.grams & frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})
    return cases == {"datv"} or (bool(cases) and cases <= {"datv", "loct"} and "datv" in cases)


def _phrase_end(tokens: Sequence[Token], start: int, last: int) -> int:
    end = start
    while end < last and end - start < _WINDOW:
        if tokens[end].text in ",.;:!?()" or tokens[end].key in ("что", "що", "чтобы", "щоб"):
            break
        end += 1
    return end


def certainty(
    tokens: Sequence[Token], first: int, last: int, lex: SlavicLexicon, claimant: Claimant
) -> str:
    """reported for hearsay cues or an unnamed source, denied for a denial verb, else asserted."""
    if lex.denial.find(tokens, first, last):
        return "denied"
    if lex.reported.find(tokens, first, last) or claimant.type == "anonymous":
        return "reported"
    return "asserted"


def self_name(tokens: Sequence[Token], lex: SlavicLexicon) -> str | None:
    """The outlet's own name where the report signs itself ("Подписывайся на SHOT")."""
    for _s, e, _ in lex.table("self_reference").find(tokens):
        for _a, _b, actor in actor_table().find(tokens, e, min(e + 4, len(tokens))):
            if actor.type == "media":
                return actor.name
    return None
