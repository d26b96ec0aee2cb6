"""Whose side: side words in a phrase, 'enemy'/'our' against the claimant, verbs that flip it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from warclaims.extract.lexicon import Lexicon

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_CLAIMANTS_OWN = {"its", "their"}


def opposite(side: str | None) -> str | None:
    return {"RU": "UA", "UA": "RU"}.get(side or "")


def side_of_words(
    tokens: list[Token] | Span, lex: Lexicon, claimant_side: str | None
) -> str | None:
    """The side named by the first side word among `tokens` ('Russian', 'enemy', 'our')."""
    for tok in tokens:
        if tok.has_extension("wc_place") and tok._.wc_place:
            continue  # "a Kyiv apartment block" locates, it does not take sides
        side = lex.side_of.get(tok.lower_) or lex.side_of.get(tok.lemma_.lower())
        if side is None and "-" in tok.lower_:
            # "Russian-occupied", "Moscow-installed": the first part decides
            side = lex.side_of.get(tok.lower_.split("-")[0])
        if side is None and tok.dep_ == "poss" and tok.lower_ in _CLAIMANTS_OWN:
            side = "own"  # "the ministry said its forces …"
        if side is None:
            continue
        if side == "enemy":
            return opposite(claimant_side) if claimant_side in ("RU", "UA") else "RU"
        if side == "own":
            if claimant_side in ("RU", "UA"):
                return claimant_side  # "our forces", "the ministry said its forces …"
            continue
        return side
    return None


_MODIFIER_DEPS = ("amod", "compound", "poss", "nmod", "det", "nummod", "quantmod", "npadvmod")


def _modifiers(head: Token) -> list[Token]:
    out = [head]
    for child in head.children:
        if child.dep_ in _MODIFIER_DEPS:
            out.extend(_modifiers(child))
    return out


def phrase_tokens(head: Token) -> list[Token]:
    """A noun phrase's own words: modifiers, possessors, compounds and its 'of' object,
    not its clauses or appositions."""
    out = _modifiers(head)
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            out.append(child)
            for obj in child.children:
                if obj.dep_ == "pobj":
                    out.extend(_modifiers(obj))
                    out.extend(c for c in obj.children if c.dep_ == "conj")
    return sorted(set(out), key=lambda t: t.i)


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, climbing through xcomp/advcl/conj chains ('… deploying N troops')."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        for child in tok.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        accused = _accused(tok)
        if accused is not None:
            return accused
        if tok.dep_ in ("xcomp", "advcl", "conj", "acl", "ccomp", "pcomp") and tok.head.i != tok.i:
            tok = tok.head
        else:
            return None
    return None


def _accused(tok: Token) -> Token | None:
    """'Russia accused Ukraine of carrying out strikes': Ukraine is the doer."""
    if tok.dep_ == "pcomp" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _ACCUSE:
        for child in tok.head.head.children:
            if child.dep_ == "dobj":
                return child
    return None


_ACCUSE = {"accuse", "blame", "suspect", "charge"}


def agent_of(verb: Token) -> Token | None:
    """'killed by Russian attacks', 'lost to Russian attacks': the doer behind a passive."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in ("by", "to")):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    # "killed in a Russian missile strike", "wounded in Ukrainian shelling"
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "during", "from", "after"):
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.lemma_.lower() in _ATTACK_NOUNS:
                    return grand
    return None


_ATTACK_NOUNS = {
    "strike",
    "attack",
    "shelling",
    "bombardment",
    "barrage",
    "raid",
    "airstrike",
    "assault",
    "offensive",
    "explosion",
    "blast",
}


def is_passive(verb: Token) -> bool:
    """'were surrounded', 'units surrounded near X'; not 'evidence that troops had encircled'."""
    children = list(verb.children)
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in children):
        return True
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "amod")
        and not any(c.dep_ in ("nsubj", "aux") for c in children)
    )


def side_of_subject(subject: Token | None, lex: Lexicon, claimant_side: str | None) -> str | None:
    if subject is None:
        return None
    return side_of_words(phrase_tokens(subject), lex, claimant_side)
