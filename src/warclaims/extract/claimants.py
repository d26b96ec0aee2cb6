"""Who claims it and through whom: 'according to X', 'X said/told Y', 'as reported by X'."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.tokens import Span, Token

from warclaims.extract.lexicon import Lexicon
from warclaims.extract.sides import side_of_words
from warclaims.extract.spans import sentence_of
from warclaims.lexicons import Actor, find_actor

_FOREIGN = {
    "us",
    "u.s.",
    "uk",
    "u.k.",
    "british",
    "american",
    "nato",
    "pentagon",
    "european",
    "eu",
    "britain",
    "german",
    "french",
    "polish",
    "estonian",
    "united",
    "western",
    "g7",
    "un",
    "white house",
    "washington",
    "london",
    "berlin",
    "paris",
}
_CARRIER_HEADS = {
    "footage",
    "video",
    "videos",
    "images",
    "photos",
    "report",
    "reports",
    "data",
    "figures",
    "estimates",
    "estimate",
    "statement",
    "briefing",
    "bulletin",
    "update",
    "post",
    "posts",
}
_COUNTRY_NAMES = {
    "russia": ("Russia", "RU"),
    "ukraine": ("Ukraine", "UA"),
    "moscow": ("Russia", "RU"),
    "kyiv": ("Ukraine", "UA"),
    "kremlin": ("Kremlin", "RU"),
}


@dataclass
class Attribution:
    """A claimant as found in a sentence; `start`/`end` are char offsets of its mention."""

    mention: str | None = None
    name: str | None = None
    type: str = "author"
    side: str | None = None
    via: list[str] = field(default_factory=list)
    start: int | None = None
    end: int | None = None
    verb: str | None = None  # the reporting verb's lemma, if any
    anaphoric: bool = False

    def covers(self, tok: Token) -> bool:
        return self.start is not None and self.end is not None and self.start <= tok.idx < self.end


AUTHOR = Attribution()


def _phrase(head: Token) -> Span:
    """The claimant noun phrase without relative clauses and trailing appositions' clauses."""
    words = [
        t for t in head.subtree if t.dep_ not in ("relcl",) and not t.is_punct or t.i == head.i
    ]
    left = min(t.i for t in words)
    right = max(t.i for t in words)
    doc = head.doc
    # drop "speaking under…" style participial tails and trailing punctuation
    for t in head.children:
        if t.dep_ in ("acl", "relcl") and t.i > head.i:
            right = min(right, t.left_edge.i - 1)
        if t.dep_ == "prep" and t.i > head.i and any(g.ent_type_ in _WHEN for g in t.children):
            right = min(right, t.i - 1)
    while right > left and (doc[right].is_punct or doc[right].dep_ == "cc"):
        right -= 1
    return doc[left : right + 1]


def describe(span: Span, lex: Lexicon, verb: str | None = None) -> Attribution:
    """Name, type and side of a claimant mention."""
    text = span.text.strip()
    words = {t.lower_ for t in span}
    heads = {span.root.lower_, span.root.lemma_.lower()}
    actor = find_actor(text)
    generic_head = heads & (
        set(lex.data["media_heads"]) | {"source", "sources", "insider", "insiders"}
    )
    if actor is None and not generic_head:
        ents = sorted(span.ents, key=lambda e: not (e.start <= span.root.i < e.end))
        for ent in ents:
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
                actor = find_actor(ent.text) or (
                    _person_by_surname(ent) if ent.label_ == "PERSON" else None
                )
                if actor is not None:
                    break
    att = Attribution(mention=text, start=span.start_char, end=span.end_char, verb=verb)
    if actor is not None:
        att.name, att.type, att.side = actor.name, actor.type, actor.side
        return att
    att.side = side_of_words(span, lex, None)
    if att.side is None and words & _FOREIGN:
        att.side = "other"
    if span.root.lower_ in _COUNTRY_NAMES and len(span) <= 2:
        att.name, att.side = _COUNTRY_NAMES[span.root.lower_]
        att.type = "official"
        return att
    if heads & {"source", "sources", "insider", "insiders"}:
        att.type = "anonymous"
    elif heads & set(lex.data["media_heads"]) or words & {"milblogger", "milbloggers", "bloggers"}:
        att.type = "media"
    elif heads & set(lex.data["expert_heads"]):
        att.type = "expert"
    elif heads & set(lex.data["witness_heads"]):
        att.type = "witness"
    elif any(e.label_ == "PERSON" for e in span.ents):
        person = next(e for e in span.ents if e.label_ == "PERSON")
        att.type, att.name = "official", person.text.removesuffix("’s").removesuffix("'s")
    elif span[0].lower_ in ("a", "an") and heads & set(lex.data["anonymous_heads"]):
        att.type = "anonymous"  # "a military source", "an officer": a post, no name
    elif heads & set(lex.data["official_heads"]) or words & set(lex.data["official_heads"]):
        att.type = "official"
        if span.root.tag_ not in ("NNS", "NNPS") and span.root.lower_ not in ("authorities",):
            att.name = _clean_name(span)
    elif span.root.tag_ in ("NN",) and span[0].lower_ in ("a", "an", "one"):
        att.type = "anonymous"  # "a Ukrainian servicemember": unnamed person
    else:
        att.type = "official" if span.root.pos_ == "PROPN" else "anonymous"
        if span.root.pos_ == "PROPN":
            att.name = _clean_name(span)
    return att


def _person_by_surname(ent: Span) -> Actor | None:
    """'Valerie Gerasimov' is Valery Gerasimov: a known surname with a near first name."""
    actor = find_actor(ent[-1].text)
    if actor is None or actor.entity != "person" or len(ent) < 2:
        return actor if actor is not None and actor.entity == "person" else None
    first = ent[0].text.casefold()
    known_firsts = {form.split()[0].casefold() for form in actor.forms if len(form.split()) > 1}
    if not known_firsts or max(fuzz.ratio(first, f) for f in known_firsts) >= 70:
        return actor
    return None


def _clean_name(span: Span) -> str:
    """The mention as a name: no leading article, straight apostrophes."""
    start = span.start + 1 if span[0].dep_ == "det" else span.start
    return span.doc[start : span.end].text.replace("’", "'")


def according_to(sent: Span) -> Token | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor(1).lower_ == "to":
            for child in tok.nbor(1).children:
                if child.dep_ == "pobj":
                    return child
            if tok.i + 2 < sent.end:
                return tok.nbor(2)
    return None


def _reporting_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head  # "the defence ministry, which said …"
            return child  # a passive subject ("fighting was recorded") is the claim, not its source
    appos = _trailing_apposition(verb)
    if appos is not None:
        return appos
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                return child  # "the General Staff rejected the report and said …"
    # "as previously reported by Putin"
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


_RELATIVE_PRONOUNS = {"which", "who", "that"}
_RELAY_VERBS = {"cite", "quote"}


def _relayed_source(verb: Token) -> Token | None:
    """'TASS, citing the defence ministry, said', 'RIA quoted a source as saying': the cited
    source is the claimant, the outlet a link of the chain."""
    candidates = [verb, *verb.children]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        candidates += list(subject.children)
    for tok in candidates:
        if tok.lemma_.lower() in _RELAY_VERBS:
            for child in tok.children:
                if child.dep_ == "dobj":
                    return child
    return None


def _trailing_apposition(verb: Token) -> Token | None:
    """'… near Kupyansk, a source in the ministry said': the parser hangs the source on the
    place as an apposition and leaves 'said' without a subject."""
    doc = verb.doc
    j = verb.i - 1
    while j >= sentence_of(verb).start and (doc[j].dep_ in ("advmod", "aux") or doc[j].is_punct):
        j -= 1
    if j < sentence_of(verb).start:
        return None
    tok = doc[j]
    while (
        tok.dep_ not in ("appos",)
        and tok.head.i != tok.i
        and tok.head.i < verb.i
        and tok.head.i > tok.i - 12
    ):
        tok = tok.head
    return tok if tok.dep_ == "appos" else None


def _via(verb: Token, lex: Lexicon) -> list[str]:
    """'X told Y' / 'X informed Y': Y is a link of the chain (CLAIMS.md `via`)."""
    if verb.lemma_.lower() not in ("tell", "inform", "brief", "report"):
        return []
    for child in verb.children:
        # a named listener is a link of the chain; "told reporters" is just the audience
        if child.dep_ in ("dobj", "dative") and child.pos_ == "PROPN":
            span = _phrase(child)
            actor = find_actor(span.text)
            if actor is not None:
                return [actor.name]
            persons = [e for e in span.ents if e.label_ in ("PERSON", "ORG")]
            return [persons[0].text if persons else span.text]
    return []


def _carrier_owner(subject: Token) -> Token:
    """'Footage from Kremlin military bloggers showed …': the bloggers are the claimant."""
    if subject.lower_ in _CARRIER_HEADS:
        for child in subject.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of", "on"):
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
    return subject


def find_attribution(anchor: Token, sent: Span, lex: Lexicon) -> Attribution | None:
    """The claimant of a claim whose key word is `anchor`, or None (author/carried over)."""
    reporting = set(lex.data["reporting_verbs"])
    tok = anchor
    chain = [anchor]
    while tok.head.i != tok.i:
        tok = tok.head
        chain.append(tok)
    anaphora: Attribution | None = None
    for verb in chain:
        if verb.lemma_.lower() not in reporting or verb.i == anchor.i:
            continue
        if verb.pos_ in ("VERB", "AUX"):
            subject = _reporting_subject(verb)
            if subject is not None and not _within(subject, anchor):
                att = attribution_of(subject, verb, lex)
                if not att.anaphoric or att.name is not None:
                    return att
                anaphora = anaphora or att  # "they had found …, authorities said": look further up
        elif (
            verb.pos_ == "NOUN"
            and verb.dep_ == "ROOT"
            and any(c.dep_ == "ccomp" for c in verb.children)
        ):
            # "Ukraine's military claims that …" parsed with "claims" as a noun
            owner = [c for c in verb.children if c.dep_ in ("nmod", "poss", "amod", "compound")]
            if owner:
                span = verb.doc[owner[0].left_edge.i : verb.i]
                return describe(span, lex, verb.lemma_.lower())
    according = according_to(sent)
    if according is not None:
        return attribution_of(according, None, lex)
    for verb in sent:
        if (
            verb.pos_ == "VERB"
            and verb.lemma_.lower() in reporting
            and verb.dep_ in ("ROOT", "parataxis", "advcl")
            and verb.i != anchor.i
        ):
            subject = _reporting_subject(verb)
            outside = subject is not None and not (
                subject.left_edge.i <= anchor.i <= subject.right_edge.i
            )
            if outside and (verb.i > anchor.i or verb.dep_ != "advcl" or _as_clause(verb)):
                return attribution_of(subject, verb, lex)
    return anaphora


def _within(subject: Token, anchor: Token) -> bool:
    """Is the claim's word part of the claimant's own phrase? ('the ministry, which said that
    … tanks': the relative clause is not the ministry's name)."""
    phrase = _phrase(subject)
    return phrase.start <= anchor.i < phrase.end


def speaker_of(verb: Token, lex: Lexicon, *, any_verb: bool = False) -> Attribution | None:
    """Who speaks with `verb`: the subject of a reporting verb ('Zelensky said'), or with
    `any_verb` of any verb ('Peskov declined to comment')."""
    if not any_verb and verb.lemma_.lower() not in lex.words("reporting_verbs"):
        return None
    subject = _reporting_subject(verb)
    if subject is None or not any(t.ent_type_ in _NAMED for t in _phrase(subject)):
        return None  # only a name can be the speaker later sentences refer back to
    return attribution_of(subject, verb, lex)


_NAMED = {"PERSON", "ORG", "GPE", "NORP"}


def _as_clause(verb: Token) -> bool:
    """'As previously reported by X, …' attributes the whole sentence."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def attribution_of(subject: Token, verb: Token | None, lex: Lexicon) -> Attribution:
    owner = _carrier_owner(subject)
    verb_lemma = verb.lemma_.lower() if verb is not None else None
    if owner.lower_ in _CARRIER_HEADS and any(c.lower_ in _UNSOURCED for c in owner.children):
        # "unconfirmed reports suggested …": nobody named stands behind them
        return Attribution(
            mention=_phrase(owner).text,
            type="anonymous",
            verb=verb_lemma,
            start=owner.idx,
            end=owner.idx + len(owner),
        )
    if owner.lower_ in lex.data["pronouns_anaphoric"] or (
        owner.lower_ in _CARRIER_HEADS
        and (owner is subject or all(c.dep_ in ("det", "poss", "amod") for c in owner.children))
    ):
        # "he said", "his report", "the briefing": whoever spoke last
        return Attribution(
            anaphoric=True, verb=verb_lemma, start=owner.idx, end=owner.idx + len(owner)
        )
    relayed = _relayed_source(verb) if verb is not None else None
    if relayed is not None and relayed.i != owner.i:
        outlet = describe(_phrase(owner), lex, verb_lemma)
        att = attribution_of(relayed, None, lex)
        att.verb = verb_lemma
        att.via = [outlet.name or outlet.mention or ""]
        if att.side is None and att.type == "anonymous":
            att.side = outlet.side  # "RIA quoted a source in the security services"
        return att
    att = describe(_phrase(owner), lex, verb_lemma)
    if _unnamed_by_choice(owner):
        att.type, att.name = "anonymous", None
    if verb is not None:
        att.via = _via(verb, lex)
    if _definite_generic(owner) and (att.name is not None or att.type in _UNNAMED_SPEAKERS):
        # "the ministry said", "the blogger said": the one named or described before
        att.anaphoric = True
    return att


_WHEN = {"DATE", "TIME"}
_UNNAMED_SPEAKERS = {"media", "anonymous", "expert"}
_UNSOURCED = {"unconfirmed", "unverified", "unsourced", "anonymous", "unattributed"}
_ANONYMITY = {"anonymity", "anonymous", "unnamed", "unidentified"}


def _unnamed_by_choice(owner: Token) -> bool:
    """'a commander, who spoke on condition of anonymity': a post but no name is a source."""
    return any(t.lower_ in _ANONYMITY for t in owner.subtree)


_GENERIC_BODIES = {
    "ministry",
    "military",
    "command",
    "staff",
    "agency",
    "army",
    "spokesman",
    "spokesperson",
    "governor",
    "mayor",
    "president",
    "government",
    "administration",
    "office",
    "service",
    "department",
    "kremlin",
    "force",
    "blogger",
    "milblogger",
    "commander",
}


def _incidental(child: Token) -> bool:
    """Words that leave a body generic: 'the task force', 'the defence ministry, which said …';
    a proper name does not ('the Ukrainian General Staff' is a name of its own)."""
    return child.dep_ in ("relcl", "punct") or (child.dep_ == "compound" and child.pos_ != "PROPN")


def _definite_generic(owner: Token) -> bool:
    children = [c for c in owner.children if not _incidental(c)]
    return (
        owner.lower_ in _GENERIC_BODIES
        and len(children) == 1
        and children[0].dep_ == "det"
        and children[0].lower_ == "the"
    )
