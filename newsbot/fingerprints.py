"""Content fingerprints for deduplication (README "Deduplication", levels 2 and 3).

* :func:`fingerprint` — exact content: a 128-bit BLAKE2b of the Arabic match key
  (``newsbot.text.arabic.match_key``) of title + body, so spelling variants (أ/ا, ة/ه, ى/ي,
  harakat, tatweel, digits) of one text get one fingerprint.
* :class:`NearDupHasher` — near duplicates: a MinHash over word shingles of the match key of the
  body (datasketch 2's default ``affine32`` scheme, computed here with numpy so that a crawl does
  not import datasketch and scipy; ``tests/unit/test_fingerprints.py`` checks the values are
  datasketch's, so stored band keys stay valid), split into LSH bands (``b`` bands of ``r`` rows, datasketch's optimum for the
  threshold). Each band becomes one 64-bit *band key*; the seen-store indexes band keys, so a
  near-duplicate from an earlier run is found with ``b`` point look-ups instead of loading an
  index into memory. Candidates are confirmed with a compact 1-byte-per-permutation *sketch*
  (b-bit minwise hashing): the estimated Jaccard similarity must reach the threshold.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from operator import methodcaller

import numpy as np

from newsbot.text.arabic import match_key

__all__ = [
    "DEFAULT_NUM_PERM",
    "DEFAULT_SHINGLE_SIZE",
    "DEFAULT_THRESHOLD",
    "NearDupHasher",
    "Signature",
    "fingerprint",
    "lsh_params",
    "shingles",
]

DEFAULT_THRESHOLD = 0.5
"""Estimated Jaccard similarity of body shingles from which two articles are near duplicates
(tests/unit/test_fingerprints.py: rewritten agency copies score >= 0.55, unrelated stories < 0.05)."""
DEFAULT_NUM_PERM = 128
DEFAULT_SHINGLE_SIZE = 3
"""Words per shingle."""
_digest = methodcaller("digest")
_SCHEME = b"newsbot-minhash-v1"
"""Mixed into every band key: a change of parameters never matches old keys by accident."""


def fingerprint(title: str | None, body: str | None, *, body_key: str | None = None) -> str | None:
    """Hex fingerprint of the match key of ``title`` + ``body``; None when both are empty.

    ``body_key``: ``match_key(body)`` when the caller has it already (it is not computed again).
    """
    if body_key is None:
        body_key = match_key(body)
    key = f"{match_key(title)}\n{body_key}".strip()
    if not key:
        return None
    return hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()


def shingles(
    text: str | None, size: int = DEFAULT_SHINGLE_SIZE, *, key: str | None = None
) -> set[bytes]:
    """Word ``size``-grams of the match key of ``text`` (the whole text when it is shorter);
    ``key``: that match key, when the caller has it already."""
    words = (match_key(text) if key is None else key).split()
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    # zip of shifted word lists, joined and encoded by map: no Python frame per shingle
    window = zip(*(words[i:] for i in range(size)), strict=False)  # stops at the shortest
    return set(map(str.encode, map(" ".join, window)))


@dataclass(frozen=True)
class Signature:
    """What the seen-store keeps of a text for near-duplicate look-ups."""

    hashvalues: np.ndarray
    """The ``num_perm`` MinHash values (uint32), equal to datasketch's ``MinHash.hashvalues``."""
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
        self.b, self.r = lsh_params(threshold, num_perm, 0.2, 0.8)
        self._a, self._c = _permutations(num_perm, seed)
        self._a_col, self._c_col = self._a.reshape(-1, 1), self._c.reshape(-1, 1)
        self._prefix = _SCHEME + f"|{num_perm}|{shingle_size}|{seed}|{self.r}|".encode()

    def minhash(self, grams: set[bytes]) -> np.ndarray:
        """MinHash values of a non-empty set of shingles (datasketch ``affine32``, sha1_hash32)."""
        digests = b"".join(map(_digest, map(hashlib.sha1, grams)))  # 20 bytes per shingle
        first4 = np.frombuffer(digests, dtype="<u4")[::5]  # sha1_hash32: the first 4 bytes
        hv = _fmix32(first4.astype(np.uint32))
        # one row per permutation, reduced along the row: ~6x faster than broadcasting an
        # (n, 1) column against the permutations and reducing across rows
        values = self._a_col * hv
        values += self._c_col
        return values.min(axis=1)  # type: ignore[no-any-return]

    def signature(self, text: str | None, *, key: str | None = None) -> Signature | None:
        """Signature of ``text`` (``key``: its match key, if known); None when it is empty."""
        grams = shingles(text, self.shingle_size, key=key)
        if not grams:
            return None
        values = self.minhash(grams).astype("<u4")
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
        return Signature(hashvalues=values, bands=bands, sketch=sketch)

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


_FMIX32 = (
    np.uint32(16),
    np.uint32(2246822507),
    np.uint32(13),
    np.uint32(3266489909),
    np.uint32(16),
)
"""MurmurHash3 32-bit finalizer constants (datasketch ``_FMIX_CONSTANTS[32]``)."""


def _fmix32(hv: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)  # type: ignore[no-any-return]


@cache
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(a, b) of the affine permutations ``h -> a*h + b mod 2^32`` (datasketch ``affine32``)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


@cache
def lsh_params(
    threshold: float, num_perm: int, fp_weight: float, fn_weight: float
) -> tuple[int, int]:
    """(bands, rows) minimising the weighted false positive + false negative probability mass,
    as datasketch's ``MinHashLSH`` chooses them (its integrals by Gauss-Legendre quadrature)."""
    nodes, weights = np.polynomial.legendre.leggauss(64)

    def integral(lo: float, hi: float, b: int, r: int, positive: bool) -> float:
        s = (hi - lo) / 2 * nodes + (hi + lo) / 2
        p = 1 - (1 - s**r) ** b
        return float((hi - lo) / 2 * np.dot(weights, p if positive else 1 - p))

    best, opt = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = integral(0.0, threshold, b, r, True)
            fn = integral(threshold, 1.0, b, r, False)
            error = fp * fp_weight + fn * fn_weight
            if error < best:
                best, opt = error, (b, r)
    return opt
