"""Line breaks inside a body's name: a break that web text, a PDF's layout or OCR put before a capital in the middle of
a name (``… trình Ban`` / ``Thường vụ Huyện ủy trước ngày …``, ``… của Bộ trưởng`` / ``Bộ Tài chính quy định …``) cuts
no sentence, though the next line opens with a capital as a new item does."""

from __future__ import annotations

import re
from functools import cache

from pipeline.language.gazetteer import BODIES, known_spans
from pipeline.language.name_grammar import alternation, grammar

WINDOW_WORDS = 8  # words on each side of a break in which a known name that runs across it is looked for


@cache
def _inner_words() -> frozenset[str]:
    """Lower-case words after which a known body's name goes on (``bộ``, ``ngân``, ``và``), and the last words of the
    titles of bodies' heads (``trưởng``, ``đốc``): a line that ends otherwise breaks no name."""
    names = [alias for body in BODIES.data()["bodies"] for alias in [body["name"], *body.get("aliases", [])]]
    words = {word.lower() for name in names for word in name.split()[:-1]}
    return frozenset(words | {title.split()[-1].lower() for title in grammar()["titles"]})


@cache
def _title_at_end() -> re.Pattern[str]:
    """A line that ends on the title of a body's head (``… của Bộ trưởng``, ``Chủ tịch, Phó Chủ tịch``)."""
    data = grammar()
    return re.compile(rf"(?:^|\s)(?:(?:{alternation(data['title_prefixes'])})\s+)?(?:{alternation(data['titles'])})$")


@cache
def _headed_name() -> re.Pattern[str]:
    """A line that opens with a body's name: a head and a capitalised word of its own name (``Bộ Tài chính``,
    ``Cục Công nghiệp;``; not ``Cục`` alone, a table's cell)."""
    heads = [head for head in grammar()["heads"] if head[:1].isupper()]
    return re.compile(rf"(?:{alternation(heads)})\s+(?=[^\W\d_])(\w)")


def breaks_a_name(line: str, following: str) -> bool:
    """Does the break between `line` and the `following` one fall inside a body's name? Where a known body's name
    runs across it (``… của Bộ`` / ``Tài chính …``, ``… trình Ban`` / ``Thường vụ Huyện ủy …``), or where the line
    ends on a head's title and the next opens with the body it heads (``… của Bộ trưởng`` / ``Bộ Tài chính …``)."""
    words = line.split()
    if not words or not following[:1].isupper() or words[-1].lower() not in _inner_words():
        return False
    if _title_at_end().search(line) and (headed := _headed_name().match(following)) and headed[1].isupper():
        return True
    left = " ".join(words[-WINDOW_WORDS:])
    window = f"{left} {' '.join(following.split()[:WINDOW_WORDS])}"
    cut = len(left)
    return any(s < cut and e > cut + 1 and (s == 0 or window[s - 1] == " ") for s, e in known_spans(window))
