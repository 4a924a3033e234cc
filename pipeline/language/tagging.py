"""Part-of-speech tags of underthesea's CRF model, with its features built in linear time.

underthesea's own ``pos_tag`` rebuilds every column of the sentence and parses each feature template again for
every token and template (quadratic in the sentence, and two thirds of the time it takes): a tenth of the bulk
corpus's time went there. This module reads the same templates once and makes the same features, so the tags
are those of ``underthesea.pos_tag`` (a test holds them equal).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

_TEMPLATE = re.compile(r"T\[(?P<index1>\-?\d+)(\,(?P<index2>\-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?")


@dataclass(frozen=True)
class _Template:
    """One feature template (``T[-1,0]``, ``T[0].lower``, ``T[-2][1]``) read once."""

    prefix: str
    column: int
    first: int
    last: int | None
    function: Callable[[str], object] | None


@cache
def _model() -> tuple[object, tuple[_Template, ...]]:
    from underthesea.pipeline.pos_tag import tagged_feature
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    functions = {
        "lower": tagged_feature.text_lower, "istitle": tagged_feature.text_istitle,
        "isallcap": tagged_feature.text_isallcap, "isdigit": tagged_feature.text_isdigit,
        "is_in_dict": tagged_feature.text_is_in_dict,
    }  # fmt: skip
    predictor = CRFPOSTagPredictor.Instance()
    templates = []
    for syntax in predictor.transformer.template:
        match = _TEMPLATE.match(syntax)
        last = match["index2"]
        templates.append(
            _Template(
                f"{syntax}=", int(match["column"]) if match["column"] else 0, int(match["index1"]),
                int(last) if last else None, functions[match["function"]] if match["function"] else None,
            )
        )  # fmt: skip
    return predictor.model, tuple(templates)


def _features(columns: list[list[str]], templates: tuple[_Template, ...]) -> list[list[str]]:
    """The features of every token, as underthesea's ``word2features`` makes them."""
    size = len(columns[0])
    rows = []
    for i in range(size):
        row = []
        for t in templates:
            if i + t.first < 0:
                row.append(f"{t.prefix}BOS")
                continue
            if i + t.first >= size or (t.last is not None and i + t.last >= size):
                row.append(f"{t.prefix}EOS")
                continue
            column = columns[t.column]
            word = column[i + t.first] if t.last is None else " ".join(column[i + t.first : i + t.last + 1])
            row.append(f"{t.prefix}{t.function(word) if t.function else word}")
        rows.append(row)
    return rows


@cache
def dictionary_words() -> frozenset[str]:
    """The words of underthesea's dictionary (Viet74K), in lower case: the one its tagger reads."""
    from underthesea.pipeline.pos_tag.tagged_feature import lower_words

    return frozenset(lower_words)


def pos_tag(sentence: str) -> list[tuple[str, str]]:
    """The words of `sentence` (underthesea's segmentation) with their part-of-speech tags."""
    return list(_tagged(sentence))


@lru_cache(maxsize=4096)  # the same few words recur across documents (half of the names asked in the bulk corpus)
def _tagged(sentence: str) -> tuple[tuple[str, str], ...]:
    """:func:`pos_tag`'s words and tags, kept for the whole batch: they depend on the words alone (a bounded cache:
    memory stays flat in batch size)."""
    from underthesea import word_tokenize

    words = word_tokenize(sentence)
    if not words:
        return ()
    model, templates = _model()
    tags = model.tag(_features([words, ["X"] * len(words)], templates))
    return tuple(zip(words, tags))
