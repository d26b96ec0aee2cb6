"""Pairing predicted claims with gold claims (GOLD.md, Matching)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from warclaims.eval.gold import GoldClaim
from warclaims.model import Claim


def matches(gold: GoldClaim, predicted: Claim) -> bool:
    """Same kind, and the predicted evidence span contains the gold anchor."""
    evidence = predicted.evidence
    return (
        gold.kind == predicted.kind
        and evidence.start <= gold.anchor_start
        and gold.anchor_end <= evidence.end
    )


def text_order(predicted: Sequence[Claim]) -> list[int]:
    """Indices of `predicted` by (evidence start, anchor start or evidence start, index)."""

    def key(index: int) -> tuple[int, int, int]:
        claim = predicted[index]
        anchor = claim.anchor.start if claim.anchor is not None else claim.evidence.start
        return (claim.evidence.start, anchor, index)

    return sorted(range(len(predicted)), key=key)


def match_claims(
    gold: Sequence[GoldClaim],
    predicted: Sequence[Claim],
    excluded: Collection[int] = (),
) -> dict[int, int]:
    """Greedy matching in text order: gold index -> predicted index.

    Gold claims are taken by anchor start; each takes the first still-unmatched predicted claim
    (in text order) that matches it. Predicted indices in `excluded` never match.
    """
    order = [i for i in text_order(predicted) if i not in excluded]
    taken: set[int] = set()
    pairs: dict[int, int] = {}
    for g in sorted(range(len(gold)), key=lambda i: (gold[i].anchor_start, i)):
        for p in order:
            if p not in taken and matches(gold[g], predicted[p]):
                pairs[g] = p
                taken.add(p)
                break
    return pairs


def in_headline(claim: Claim, headline_end: int) -> bool:
    """True when the claim's evidence lies within the headline (GOLD.md: a false positive)."""
    return headline_end > 0 and claim.evidence.end <= headline_end
