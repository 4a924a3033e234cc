"""Citations by name (form ``name``): a law or code cited by its name only, ``Luật Đất đai``.
"""

from __future__ import annotations

import itertools

from pipeline.extract.citations.context import iso, phrase_at
from pipeline.extract.citations.grammar import DATE_AFTER, PUNCTUATION, TOKEN, YEAR_AFTER, grammar, starts_word
from pipeline.extract.citations.model import Cite, Index


def name_mentions(text: str, skip_before: int, taken: Index) -> list[Cite]:
    """Laws, codes, ordinances and the constitution cited by name: ``Luật Tổ chức Chính phủ ngày 18 tháng 02
    năm 2025``, ``Bộ luật Hình sự``; ``Luật này`` is the document itself, ``Luật sư`` a lawyer."""
    g = grammar()
    found: list[Cite] = []
    for match in g.law_name.finditer(text, skip_before):
        if not starts_word(text, match.start()) or taken.overlaps(*match.span()):
            continue
        if g.not_documents.match(text, match.start()):
            continue
        if (found and found[-1].end > match.start()) or g.after_type.match(text, match.end("type")):
            continue
        end = _name_end(text, match.end(), min(len(text), match.end() + 250))
        if end is None:
            continue
        cite = Cite(start=match.start(), end=end, name_only=True, form="name")
        cite.doc_type = g.name_only_types.get(match.group("type").lower())
        cite.name = " ".join(text[match.start() : end].split())
        after = DATE_AFTER.match(text, end)
        year = YEAR_AFTER.match(text, end)
        if after and iso(after):
            cite.date, cite.end = iso(after), after.end()
            cite.year = int(cite.date[:4])
        elif year:
            cite.year, cite.end = int(year.group(1)), year.end()
        found.append(cite)
    return found


def _name_end(text: str, start: int, limit: int) -> int | None:
    """Where a law's name that begins at `start` ends: at punctuation (a comma only when no lower-case word of the
    name follows), the line end, a number, or a word no law's name holds; ``và`` goes on to a capitalised word
    (``Luật Khoa học và Công nghệ``), to another law only after ``của`` (``Luật sửa đổi ... của Luật A và Luật B``).
    None when nothing of a name follows (``Luật số ...``)."""
    g = grammar()
    line_end = text.find("\n", start, limit)
    tokens_found = TOKEN.finditer(text, start, limit if line_end < 0 else line_end)
    found = [(m.end(), m.group()) for m in itertools.islice(tokens_found, 24)]
    tokens = [t[1] for t in found]
    words = [t.lower() for t in tokens]

    def stop(i: int) -> bool:
        return i >= len(tokens) or bool(phrase_at(words, i, g.name_stops)) and not tokens[i].istitle()

    def law(i: int) -> bool:
        return i < len(tokens) and tokens[i][0].isupper() and bool(phrase_at(words, i, g.type_phrases))

    end = None
    for i, token in enumerate(tokens):
        if stop(i) or token[0].isdigit() or (words[i] == "số" and i + 1 < len(tokens) and tokens[i + 1][0].isdigit()):
            break
        if token == ",":
            if stop(i + 1) or not tokens[i + 1][0].islower():
                break
        elif words[i] == "và":
            if stop(i + 1) or not tokens[i + 1][0].isalpha() or (law(i + 1) and "của" not in words[:i]):
                break
        elif token[0] in PUNCTUATION or not token[0].isalnum() or (i and law(i) and words[i - 1] not in ("của", "và")):
            break
        else:
            end = found[i][0]
    return end
