"""One article's MinHash signature: the fingerprint by which reprints of a story are found.

The signature is computed with the rest of the article's extraction (in the build's
worker processes, from the text normalised once), and the corpus clusters articles whose
signatures agree (diplomap.corpus.reprints). Shingles are SHINGLE_WORDS normalised words
in a row of the text without its boilerplate (site furniture differs between outlets);
a text of fewer than MIN_WORDS words has no signature (short items that differ in a name
or a number are different news).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from diplomap.normalize import NormText, normalize

NUM_PERM = 128  # hashes per signature
SHINGLE_WORDS = 3  # words per shingle
MIN_WORDS = 30  # a shorter text has no signature
_MASK32 = np.uint64(0xFFFFFFFF)


def _permutations(num_perm: int = NUM_PERM, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Multiply-shift hash functions (odd 64-bit multipliers, 64-bit offsets), fixed."""
    rng = np.random.RandomState(seed)
    a = rng.randint(0, 1 << 63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.randint(0, 1 << 63, size=num_perm, dtype=np.uint64)
    return a, b


_A, _B = _permutations()


def _kept_spans(length: int, boilerplate: Iterable | None) -> list[tuple[int, int]]:
    """The parts of a text of `length` characters outside its boilerplate spans."""
    spans = []
    for span in boilerplate if boilerplate is not None else ():
        try:
            spans.append((int(span[0]), int(span[1])))
        except (TypeError, ValueError, IndexError):
            continue
    kept, last = [], 0
    for start, end in sorted(spans):
        if start > last:
            kept.append((last, start))
        last = max(last, end)
    kept.append((last, max(last, length)))
    return kept


def body_text(text: str, boilerplate: Iterable | None = None) -> str:
    """The text without its boilerplate spans."""
    return " ".join(text[a:b] for a, b in _kept_spans(len(text), boilerplate))


@lru_cache(maxsize=1)
def _word_chars() -> np.ndarray:
    """Which characters of the Basic Multilingual Plane make words (what `\\w` matches)."""
    return np.fromiter((chr(i).isalnum() or i == 95 for i in range(0x10000)), bool, 0x10000)


_P = 0x100000001B3  # odd: invertible modulo 2**64
_P_INV = pow(_P, -1, 1 << 64)


def word_hashes(norm: str) -> np.ndarray:
    """A 64-bit hash of each word of a text (runs of `\\w` characters of the Basic
    Multilingual Plane), computed for all words at once: sum(code_i * P**i) over the
    word's characters, i counted from the word's start (uint64 arithmetic wraps)."""
    codes = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32)
    in_plane = codes < 0x10000
    is_word = np.zeros(len(codes), bool)
    is_word[in_plane] = _word_chars()[codes[in_plane]]
    edges = np.diff(np.concatenate(([0], is_word.view(np.int8), [0])))
    starts = np.flatnonzero(edges == 1)
    if not len(starts):
        return np.zeros(0, np.uint64)
    n = len(codes)
    powers = np.cumprod(np.full(n, _P, np.uint64))
    inverse = np.cumprod(np.full(n, _P_INV, np.uint64))
    values = np.where(is_word, codes.astype(np.uint64) * powers, np.uint64(0))
    return np.add.reduceat(values, starts) * inverse[starts]


def shingle_hashes(norm: str) -> np.ndarray:
    """32-bit hashes of the shingles of a normalised text; empty for a text of fewer than
    MIN_WORDS words."""
    h = word_hashes(norm)
    if len(h) < MIN_WORDS:
        return np.zeros(0, np.uint64)
    h = h >> np.uint64(32)
    k = len(h) - SHINGLE_WORDS + 1
    combined = h[:k].copy()
    for i in range(1, SHINGLE_WORDS):  # a rolling combination, order-sensitive
        combined = (combined * np.uint64(0x9E3779B1) + h[i : i + k]) & _MASK32
    return np.unique(combined)


def minhash(hashes: np.ndarray) -> np.ndarray | None:
    """The MinHash signature (NUM_PERM uint32) of shingle hashes, None when there are none."""
    if not len(hashes):
        return None
    # (h * a + b) >> 32 with uint64 wrapping (mod 2**64), in place: one array, not three
    permuted = np.multiply(hashes[:, None], _A[None, :])
    permuted += _B[None, :]
    permuted >>= np.uint64(32)
    return permuted.min(axis=0).astype(np.uint32)


def signature(text: str, boilerplate: Iterable | None = None) -> np.ndarray | None:
    """The signature of a text (normalised here), None when it is too short."""
    return minhash(shingle_hashes(normalize(body_text(text or "", boilerplate))))


def signature_of(normalized: NormText, boilerplate: Iterable | None = None) -> bytes | None:
    """The signature of an article already normalised (the same as `signature` of its
    text), as bytes: what the extraction hands to the corpus."""
    spans = _kept_spans(len(normalized.original), boilerplate)
    sig = minhash(shingle_hashes(" ".join(normalized.norm_of(a, b) for a, b in spans)))
    return None if sig is None else sig.tobytes()
