"""Content fingerprints for deduplication (README "Deduplication", levels 2 and 3).

* :func:`fingerprint` — exact content: a 128-bit BLAKE2b of the Arabic match key
  (``newsbot.text.arabic.match_key``) of title + body, so spelling variants (أ/ا, ة/ه, ى/ي,
  harakat, tatweel, digits) of one text get one fingerprint.
* :class:`NearDupHasher` — near duplicates: a datasketch MinHash over word shingles of the match
  key of the body, split into LSH bands (``b`` bands of ``r`` rows, datasketch's optimum for the
  threshold). Each band becomes one 64-bit *band key*; the seen-store indexes band keys, so a
  near-duplicate from an earlier run is found with ``b`` point look-ups instead of loading an
  index into memory. Candidates are confirmed with a compact 1-byte-per-permutation *sketch*
  (b-bit minwise hashing): the estimated Jaccard similarity must reach the threshold.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsbot.text.arabic import match_key

__all__ = [
    "DEFAULT_NUM_PERM",
    "DEFAULT_SHINGLE_SIZE",
    "DEFAULT_THRESHOLD",
    "NearDupHasher",
    "Signature",
    "fingerprint",
    "shingles",
]

DEFAULT_THRESHOLD = 0.5
"""Estimated Jaccard similarity of body shingles from which two articles are near duplicates
(tests/unit/test_fingerprints.py: rewritten agency copies score >= 0.55, unrelated stories < 0.05)."""
DEFAULT_NUM_PERM = 128
DEFAULT_SHINGLE_SIZE = 3
"""Words per shingle."""
_SCHEME = b"newsbot-minhash-v1"
"""Mixed into every band key: a change of parameters never matches old keys by accident."""


def fingerprint(title: str | None, body: str | None) -> str | None:
    """Hex fingerprint of the match key of ``title`` + ``body``; None when both are empty."""
    key = f"{match_key(title)}\n{match_key(body)}".strip()
    if not key:
        return None
    return hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()


def shingles(text: str | None, size: int = DEFAULT_SHINGLE_SIZE) -> set[bytes]:
    """Word ``size``-grams of the match key of ``text`` (the whole text when it is shorter)."""
    words = match_key(text).split()
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@dataclass(frozen=True)
class Signature:
    """What the seen-store keeps of a text for near-duplicate look-ups."""

    minhash: MinHash
    bands: tuple[int, ...]
    """One signed 64-bit key per LSH band (SQLite INTEGER-compatible)."""
    sketch: bytes
    """Lowest byte of every MinHash value (``num_perm`` bytes)."""


class NearDupHasher:
    """MinHash signatures, LSH band keys and similarity estimates with one set of parameters."""

    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        num_perm: int = DEFAULT_NUM_PERM,
        shingle_size: int = DEFAULT_SHINGLE_SIZE,
        seed: int = 1,
    ) -> None:
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"near-duplicate threshold must be in (0, 1), not {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self.seed = seed
        # Recall matters more than precision here: candidates are confirmed with the sketch.
        probe = MinHashLSH(threshold, num_perm, weights=(0.2, 0.8))
        self.b: int = probe.b
        self.r: int = probe.r
        self._template = MinHash(num_perm=num_perm, seed=seed)
        self._prefix = _SCHEME + f"|{num_perm}|{shingle_size}|{seed}|{self.r}|".encode()

    def new_lsh(self) -> MinHashLSH:
        """An empty in-memory datasketch LSH index with the same bands (one crawl's items)."""
        return MinHashLSH(num_perm=self.num_perm, params=(self.b, self.r))

    def signature(self, text: str | None) -> Signature | None:
        """Signature of ``text``; None when it has fewer words than a shingle."""
        grams = shingles(text, self.shingle_size)
        if not grams:
            return None
        mh = self._template.copy()
        mh.update_batch(list(grams))
        values = mh.hashvalues.astype("<u4")
        bands = tuple(
            int.from_bytes(
                hashlib.blake2b(
                    self._prefix + bytes([i]) + values[i * self.r : (i + 1) * self.r].tobytes(),
                    digest_size=8,
                ).digest(),
                "big",
                signed=True,
            )
            for i in range(self.b)
        )
        sketch = (values & 0xFF).astype(np.uint8).tobytes()
        return Signature(minhash=mh, bands=bands, sketch=sketch)

    def similarity(self, a: bytes, b: bytes) -> float:
        """Estimated Jaccard similarity of two sketches (0.0 when their lengths differ)."""
        if len(a) != len(b) or not a:
            return 0.0
        same = np.count_nonzero(np.frombuffer(a, np.uint8) == np.frombuffer(b, np.uint8))
        chance = 1.0 / 256.0
        return max(0.0, (same / len(a) - chance) / (1.0 - chance))

    def is_near(self, a: bytes, b: bytes) -> bool:
        """True when the sketches are at least ``threshold`` similar."""
        return self.similarity(a, b) >= self.threshold
