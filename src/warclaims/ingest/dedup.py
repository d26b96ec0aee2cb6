"""Near-duplicate detection: MinHash signatures and LSH bands (datasketch).

The same wire story carried by several outlets, with small edits (another headline, a
by-line, a sentence cut), shares most of its word 3-grams. Each report gets a MinHash
signature over its word 3-grams; the signature is cut into `bands` bands of `rows` values,
the banding that `datasketch.MinHashLSH` chooses for the threshold, weighted towards recall.
Two reports are candidates when any band matches, and near-duplicates when the signatures'
estimated Jaccard similarity is at least the threshold (0.7 by default: a wire story of 150
words with a new headline and a changed sentence keeps about 0.8; two daily bulletins of the
same template with other figures share well under 0.5).

The bands live in the store (table `lsh_bands`), not in memory: the index grows on disk
with the corpus while an ingest's memory stays flat, and a resumed ingest sees every band
that was committed before it was killed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from warclaims.store.db import Signature

THRESHOLD = 0.7
NUM_PERM = 128
# The banding favours recall (false negatives weigh 0.95, false positives 0.05): for 0.7,
# 21 bands of 6 rows make a pair at similarity 0.7 a candidate 93 % of the time, at 0.8
# 99.8 %; candidates are then kept only at or above the threshold.
LSH_WEIGHTS = (0.05, 0.95)
SHINGLE_WORDS = 3
SEED = 1
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The word n-grams of `text`, case-folded (the whole text when it is shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


class Signer:
    """Computes the MinHash signature and the LSH band keys of a text."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        if not 0.0 < threshold < 1.0:
            raise ValueError("the near-duplicate threshold must be between 0 and 1")
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=LSH_WEIGHTS)
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands, self.rows = lsh.b, lsh.r
        self._template = MinHash(num_perm=num_perm, seed=SEED)
        self.scheme = (
            f"w{SHINGLE_WORDS}-p{num_perm}-s{SEED}-b{self.bands}r{self.rows}"
            f"-{self._template.scheme}"
        )

    def sign(self, text: str) -> Signature:
        minhash = MinHash(
            num_perm=self.num_perm,
            seed=SEED,
            permutations=self._template.permutations,
            scheme=self._template.scheme,
        )
        minhash.update_batch(sorted(shingles(text)))
        values = np.asarray(minhash.hashvalues, dtype="<u8")
        keys = tuple(
            _band_key(values[band * self.rows : (band + 1) * self.rows])
            for band in range(self.bands)
        )
        return Signature(scheme=self.scheme, hashvalues=values.tobytes(), bands=keys)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures (the share of equal MinHash values)."""
    left, right = np.frombuffer(a, dtype="<u8"), np.frombuffer(b, dtype="<u8")
    if left.shape != right.shape:
        return 0.0
    return float(np.count_nonzero(left == right)) / len(left)


def share_a_band(a: Signature, b: Signature) -> bool:
    """Whether two signatures are LSH candidates (the same key in the same band)."""
    return any(x == y for x, y in zip(a.bands, b.bands, strict=True))


@dataclass(frozen=True, slots=True)
class Match:
    """The stored (or pending) text a new one duplicates, and how closely."""

    doc_id: str
    cluster_id: str
    similarity: float


def best_match(
    signature: Signature,
    candidates: Iterable[tuple[str, str, bytes]],
    threshold: float,
) -> Match | None:
    """The closest candidate (doc_id, cluster_id, hashvalues) at or above `threshold`.

    Ties go to the smallest cluster id, then doc id, so that the choice never depends on the
    order the candidates come in (a resumed ingest sees them in another order).
    """
    best: Match | None = None
    for doc_id, cluster_id, values in candidates:
        score = similarity(signature.hashvalues, values)
        if score < threshold:
            continue
        match = Match(doc_id, cluster_id, score)
        if best is None or _rank(match) < _rank(best):
            best = match
    return best


def _rank(match: Match) -> tuple[float, str, str]:
    return (-match.similarity, match.cluster_id, match.doc_id)


def _band_key(values: np.ndarray) -> int:
    """A signed 64-bit key for one band (SQLite INTEGER)."""
    digest = hashlib.blake2b(values.tobytes(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)
