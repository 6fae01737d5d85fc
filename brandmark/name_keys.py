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

Speed: segmenting is the cost (a few µs a name on an idle machine; ``bench_import.py``
prints it); each word's reading is computed once per process and kept, since names repeat
the same few thousand words (有限公司, 杭州, 电器).

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

# CJK ideographs: the unified blocks, extension A, compatibility ideographs, the
# supplementary planes' extensions, and 〇.
_HAN_RUNS = re.compile("([\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+)")
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


_phrases: list = []       # pypinyin's phrase dictionary and the set of its phrases' prefixes, once loaded


def _words(run: str) -> list[str]:
    """pypinyin's own segmentation of a run of Chinese characters (``mmseg.seg.cut``, forward
    maximum matching in its strict mode: the longest dictionary phrase at each place, else
    one character), as a plain loop over the same data: the generator and the prefix set's
    Python-level ``__contains__`` were half the key's cost, and a bulk import pays it per
    row. ``tests/test_name_sort.py`` checks it cuts exactly as pypinyin does."""
    if not _phrases:
        from pypinyin.constants import PHRASES_DICT
        from pypinyin.seg.mmseg import seg

        prefix_set = seg._prefix_set
        _phrases[:] = [PHRASES_DICT, getattr(prefix_set, "_set", prefix_set)]
    phrases, prefixes = _phrases
    words: list[str] = []
    start, end_of_run = 0, len(run)
    while start < end_of_run:
        end, phrase_end = start, 0
        while end < end_of_run and run[start:end + 1] in prefixes:
            end += 1
            if run[start:end] in phrases:
                phrase_end = end
        if phrase_end:
            words.append(run[start:phrase_end])
            start = phrase_end
        elif end == end_of_run:
            words.extend(run[start:])      # the rest begins no phrase: a character each
            break
        else:
            words.append(run[start])
            start += 1
    return words


def name_sort_key(name: str) -> str:
    """The key ``applicants.name_sort`` holds for ``name`` (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", name).casefold()
    parts: list[str] = []
    for position, chunk in enumerate(_HAN_RUNS.split(text)):
        if position % 2:
            parts.extend(_reading(word) for word in _words(chunk))
        else:
            other = "".join(c for c in chunk if c.isalnum())
            if other:
                parts.append(other)
    return " ".join(parts) + TIE_BREAK + name
