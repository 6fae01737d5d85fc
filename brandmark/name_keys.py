"""Sort keys for Chinese names: by pinyin, so 杭州… comes before 丽水… (h before l).

SQLite compares text by code point, which puts 丽 (U+4E3D) before 杭 (U+676D). The
register stores each applicant's key beside its name (``applicants.name_sort``, indexed),
so sorting by name is an index walk at any size and every reader (window, CLI, export)
sorts the same way.

The key is the name's readings in pypinyin's TONE3 form (``hang2 zhou1``: letters, then
the tone's digit, neutral tone 5), syllables separated by spaces; Latin letters and digits
stay as they are (case folded, punctuation dropped); the name itself follows after a
``\\x1f``, so equal readings fall back to the characters. Space sorts before digits and
digits before letters, which gives shorter readings first (``xi an`` before ``xian``) and
tone order within a syllable.

Heteronyms: readings come from pypinyin's *phrase* mode (its segmenter and phrase
dictionary), not character by character, because company names are mostly place names
and words whose reading the phrase fixes: 丽水 reads lí shuǐ (the character alone, lì),
重庆 chóng qìng (alone, zhòng), 银行 yín háng. Phrase mode can still choose a word the
name did not mean (丽水市长乐… is read 市长 shì zhǎng, "mayor", where 长乐 cháng lè was
meant); such a name sorts a little out of place but is never lost. Only the order depends
on the key, never a search or a match.

Speed: segmenting is the cost (``bench_import.py`` prints it). Each word's reading is
computed once per process and kept, since names repeat the same few thousand words (有限公司,
杭州, 电器); so is the reading of each short name end cut from a word's start (电器有限公司),
because the cut from a word's start on never depends on what came before: a name is cut
only up to the first end seen before, about a third of the old cost a name. The phrase
longest at each place is looked up by length, longest first, not walked prefix by prefix.
The first key in a process still imports pypinyin and its phrase dictionary (about 0.26 s
on an idle machine): the phrases decide the cut, and so the order.

>>> name_sort_key("杭州恒丰电器有限公司") < name_sort_key("丽水市长乐重工有限公司")
True
>>> name_sort_key("重庆银行").split("\\x1f")[0]
'chong2 qing4 yin2 hang2'
>>> name_sort_key("ABC科技（杭州）").split("\\x1f")[0]
'abc ke1 ji4 hang2 zhou1'
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Container, Mapping

# CJK ideographs: the unified blocks, extension A, compatibility ideographs, the
# supplementary planes' extensions, and 〇.
_HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_HAN_RUNS = re.compile(f"([{_HAN}]+)")
_ALL_HAN = re.compile(f"[{_HAN}]+")          # with fullmatch: a name of Chinese characters only
TIE_BREAK = "\x1f"

_word_readings: dict[str, str] = {}
_MAX_WORDS = 200_000          # a bound, so a long import of random text cannot grow it without end


def _reading(word: str) -> str:
    reading = _word_readings.get(word)
    if reading is None:
        from pypinyin import Style, lazy_pinyin

        reading = " ".join(lazy_pinyin(word, style=Style.TONE3, neutral_tone_with_five=True))
        if len(_word_readings) < _MAX_WORDS:
            _word_readings[word] = reading
    return reading


_phrases: list[Any] = []       # pypinyin's phrases, their prefixes, and each first character's phrase lengths


def _load_phrases() -> list[Any]:
    if not _phrases:
        from pypinyin.constants import PHRASES_DICT
        from pypinyin.seg.mmseg import seg

        prefix_set = seg._prefix_set
        lengths: dict[str, set[int]] = {}
        for phrase in PHRASES_DICT:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
        _phrases[:] = [PHRASES_DICT, getattr(prefix_set, "_set", prefix_set),
                       {first: sorted(found, reverse=True) for first, found in lengths.items()}]
    return _phrases


def _words(run: str) -> list[str]:
    """pypinyin's own segmentation of a run of Chinese characters (``mmseg.seg.cut``, forward
    maximum matching in its strict mode: the longest dictionary phrase at each place, else
    one character; and where the rest of the run is the beginning of a phrase but none ends
    inside it, a character each), as a plain loop over the same data: the generator and the
    prefix set's Python-level ``__contains__`` were half the key's cost, and a bulk import
    pays it per row. ``tests/test_name_sort.py`` checks it cuts exactly as pypinyin does."""
    phrases, prefixes, lengths = _load_phrases()
    words: list[str] = []
    start, end_of_run = 0, len(run)
    while start < end_of_run:
        start = _next_word(run, start, end_of_run, phrases, prefixes, lengths, words)
    return words


def _next_word(run: str, start: int, end_of_run: int, phrases: Container[str], prefixes: Container[str],
               lengths: Mapping[str, list[int]], words: list[str]) -> int:
    """Append the word (or words) beginning at ``start``; return where the next begins.

    The longest phrase starting here is the one the prefix walk would find: every prefix of a
    phrase is in the prefix set, so the walk passes each phrase that matches."""
    for length in lengths.get(run[start], ()):
        end = start + length
        if end <= end_of_run and run[start:end] in phrases:
            words.append(run[start:end])
            return end
    if start + 1 < end_of_run and run[start:] in prefixes:
        words.extend(run[start:])          # the walk ran to the end of the run: a character each
        return end_of_run
    words.append(run[start])
    return start + 1


# The readings of the ends of runs, from a word's start to the run's end. Names repeat
# their ends (电器有限公司, 股份有限公司, 机械厂) and segmentation from a word's start on does
# not depend on what came before it, so a run is cut only up to the first end seen before.
_end_readings: dict[str, str] = {}
_MAX_END = 12                  # characters; longer ends are nearly always unique
_MAX_ENDS = 100_000


def _run_reading(run: str) -> str:
    """The reading of a run of Chinese characters: its words' readings, space separated."""
    known = _end_readings.get(run)
    if known is not None:
        return known
    phrases, prefixes, lengths = _load_phrases()
    words: list[str] = []
    starts: set[int] = set()
    start, end_of_run, rest = 0, len(run), ""
    while start < end_of_run:
        if start and end_of_run - start <= _MAX_END:
            rest = _end_readings.get(run[start:], "")
            if rest:
                break
        starts.add(len(words))
        start = _next_word(run, start, end_of_run, phrases, prefixes, lengths, words)
    known_readings = _word_readings.get
    readings = [known_readings(word) or _reading(word) for word in words]
    if rest:
        readings.append(rest)
    if len(_end_readings) < _MAX_ENDS:
        # Remember the ends this cut found (a word's start to the run's end), short ones only;
        # not the whole run (index 0): a whole name seldom comes again, its ends do.
        length = end_of_run - start if rest else 0
        for index in range(len(words) - 1, 0, -1):
            length += len(words[index])
            if length > _MAX_END:
                break
            if index in starts:
                _end_readings[run[end_of_run - length:]] = " ".join(readings[index:])
    return " ".join(readings)


def name_sort_key(name: str) -> str:
    """The key ``applicants.name_sort`` holds for ``name`` (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", name).casefold()
    if _ALL_HAN.fullmatch(text):
        # Most names: one run of Chinese characters, nothing around it to split off.
        return _run_reading(text) + TIE_BREAK + name
    parts: list[str] = []
    for position, chunk in enumerate(_HAN_RUNS.split(text)):
        if position % 2:
            parts.append(_run_reading(chunk))
        elif chunk:
            other = chunk if chunk.isalnum() else "".join(c for c in chunk if c.isalnum())
            if other:
                parts.append(other)
    return " ".join(parts) + TIE_BREAK + name
