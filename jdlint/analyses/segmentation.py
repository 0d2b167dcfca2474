"""Word segmentation by unigram frequencies (the Viterbi search of Norvig's "Natural Language Corpus Data",
as in the `wordsegment` package), over a Language's word frequencies.

A run of letters such as "ourteam" is split into the parts whose joint probability is highest, each part a
common word, and the split is kept only when it is clearly more likely than the run read as one word: a real
compound ("workforce", "onboarding", "cannot") is listed often enough on its own to win.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from ..language import COMMON_ZIPF, Language

MARGIN = 1.5  # the split must be 30 times as likely as the joined word (log10), so close calls stay joined
MAX_PARTS = 3
Wanted = Callable[[tuple[str, ...], tuple[float, ...]], bool]  # (parts, their Zipf frequencies) -> used or not


@dataclass(frozen=True)
class Split:
    parts: tuple[str, ...]  # lower-case
    zipfs: tuple[float, ...]  # each part's Zipf frequency
    joined: float  # the Zipf frequency of the whole run read as one word (0.0: unlisted)


def is_known_word(word: str, language: Language) -> bool:
    """A dictionary word, or a word common enough to be listed among the language's common words."""
    lower = word.lower()
    return language.is_word(lower) or language.common_frequency(lower) > 0.0


def split_word(
    word: str,
    language: Language,
    *,
    min_part: int = 2,
    max_parts: int = MAX_PARTS,
    not_parts: Collection[str] = (),
    wanted: Wanted | None = None,
) -> Split | None:
    """The most likely split of `word` into common words, or None when it reads better as one word.

    Each part has `min_part` letters or more, is a common word (Zipf >= COMMON_ZIPF) and is not in
    `not_parts` (prefixes and suffixes, which make derived words rather than two words). A caller that uses
    only some splits says which by `wanted` (given the parts and their Zipf frequencies): None is returned for
    the others before the whole word's frequency is looked up, which may load the large word list.
    """
    lower = word.lower()
    if is_known_word(lower, language):
        return None
    found = _best_split(lower, language, min_part, max_parts, not_parts)
    if found is None:
        return None
    score, parts = found
    zipfs = tuple(language.common_frequency(p) for p in parts)
    if wanted is not None and not wanted(parts, zipfs):
        return None
    joined = language.frequency(lower)
    if joined > 0.0 and score <= joined - 9 + MARGIN:
        return None
    return Split(parts, zipfs, joined)


def _best_split(
    lower: str, language: Language, min_part: int, max_parts: int, not_parts: Collection[str]
) -> tuple[float, tuple[str, ...]] | None:
    """The highest log10 probability of the whole in 2..max_parts common words, and those words."""
    if max_parts == 2:
        return _best_two_word_split(lower, language, min_part, not_parts)
    return _viterbi(lower, language, min_part, max_parts, not_parts)


def _viterbi(
    lower: str, language: Language, min_part: int, max_parts: int, not_parts: Collection[str]
) -> tuple[float, tuple[str, ...]] | None:
    """Viterbi over the letters: the highest log10 probability of the whole in 2..max_parts common words."""
    n = len(lower)
    # best[i][k]: the best log10 probability of lower[:i] in k parts, with the start of its last part
    best: list[dict[int, tuple[float, int]]] = [{} for _ in range(n + 1)]
    best[0][0] = (0.0, 0)
    for end in range(min_part, n + 1):
        for start in range(0, end - min_part + 1):
            part = lower[start:end]
            z = language.common_frequency(part) if best[start] and part not in not_parts else 0.0
            if z < COMMON_ZIPF:
                continue
            for k, (score, _) in list(best[start].items()):
                candidate = score + z - 9
                if k < max_parts and (k + 1 not in best[end] or candidate > best[end][k + 1][0]):
                    best[end][k + 1] = (candidate, start)
    splits = {k: v for k, v in best[n].items() if k >= 2}
    if not splits:
        return None
    k = max(splits, key=lambda parts: splits[parts][0])
    score, parts, end = splits[k][0], [], n
    while k:
        start = best[end][k][1]
        parts.append(lower[start:end])
        end, k = start, k - 1
    return score, tuple(reversed(parts))


def _best_two_word_split(
    lower: str, language: Language, min_part: int, not_parts: Collection[str]
) -> tuple[float, tuple[str, ...]] | None:
    """What the Viterbi search finds when at most two parts are allowed, in one pass over the places to cut: the
    first cut with the highest score, the score summed in the same order (so the same float)."""
    best: tuple[float, tuple[str, ...]] | None = None
    for cut in range(min_part, len(lower) - min_part + 1):
        left, right = lower[:cut], lower[cut:]
        if left in not_parts or right in not_parts:
            continue
        z_left = language.common_frequency(left)
        if z_left < COMMON_ZIPF:
            continue
        z_right = language.common_frequency(right)
        if z_right < COMMON_ZIPF:
            continue
        candidate = (0.0 + z_left - 9) + z_right - 9
        if best is None or candidate > best[0]:
            best = (candidate, (left, right))
    return best


def seam_split(left: str, right: str, language: Language, wanted: Wanted | None = None) -> Split | None:
    """Two words joined at a known seam ("in" + "Chicago", "clients" + "managing"): a Split when both are
    common words and the two read together are not more likely one word ("LinkedIn", "iPhone" are); `wanted`
    as for split_word."""
    lower_left, lower_right = left.lower(), right.lower()
    zl, zr = language.common_frequency(lower_left), language.common_frequency(lower_right)
    if zl < COMMON_ZIPF or zr < COMMON_ZIPF:
        return None
    whole = lower_left + lower_right
    if language.is_word(whole) or (wanted is not None and not wanted((lower_left, lower_right), (zl, zr))):
        return None
    joined = language.frequency(whole)
    if joined > 0.0 and (zl - 9) + (zr - 9) <= joined - 9 + MARGIN:
        return None
    return Split((lower_left, lower_right), (zl, zr), joined)
