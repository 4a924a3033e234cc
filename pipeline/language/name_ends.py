"""Where a body's name ends in running text: at the first word that ends a name (a verb, a function word,
punctuation) that is not the verb a kind of body is named by, a definition's clause or inside a known name; at a known
body that a verb follows; before a verb the part-of-speech tagger finds where the lexicon is silent; without the words
a name cannot end with, nor the parent body a named body belongs to."""

from __future__ import annotations

import heapq
from functools import cache, partial
import re
from collections.abc import Collection, Iterator

from pipeline.language.gazetteer import is_known, known_spans
from pipeline.language.name_grammar import alternation, begins_name, grammar, is_collective, name_patterns
from pipeline.language.per_document import document_cache
from pipeline.language.tagging import dictionary_words, pos_tag

# How far past a stop word a known name that holds it is looked for (Cục Cảnh sát | quản lý trại giam, cơ sở giáo dục
# bắt buộc, trường giáo dưỡng: 74 characters)
KNOWN_NAME_REACH = 100
# Characters after a name that the part-of-speech tagger reads with it (a verb is told by what follows it).
TAGGED_CONTEXT = 40
# underthesea's tags of the words that end a name where the lexicon is silent: verbs and adverbs.
VERB_TAGS = ("V", "R")
# The verb of a definition comes within so many words after its opener (được Bộ trưởng Bộ Tài chính giao chủ trì); further
# on, the first verb is the sentence's own (… được giao nhiệm vụ bồi dưỡng công chức | căn cứ …).
RELATIVE_VERB_WITHIN = 3
# After the provision that defines a kind, the name ends but where a list goes on (a comma, "và", "hoặc").
REFERENCE_CLOSES = re.compile(r"(?!,|\s+(?:và|hoặc)\s)")


def first_stop(text: str) -> int:
    """Where the first word that ends a name is in `text` (a verb, a function word, punctuation; else its end)."""
    return next(_stops(text))


def _stops(text: str) -> Iterator[int]:
    """Where the words that end a name in `text` begin (the space before each), in order; verbs right after a kind
    of body that name what the body does (``Cơ quan quản lý thuế``, ``Hội đồng thẩm định``, ``Cục Quản lý, giám sát
    tổ chức tín dụng``) are part of the name, not its end, and so is a kind of body right after them (``tổ chức``:
    their object, not a verb), the field a kind serves (``Cơ quan chuyên môn về xây dựng``) and the place a body sits
    in (``… tại Việt Nam``)."""
    # Each kind of span is found lazily, as far as the stop asked about (a stop's test reads only the spans that begin
    # at or before it): the first stop of a long clause is asked for, the rest seldom (first_stop, name_end).
    patterns = name_patterns()
    # at the start, or a later piece of a list (Hội đồng quản trị, Ban kiểm soát); a field after a kind (Cơ quan
    # chuyên môn về xây dựng); … tại các thành phố: where the body sits; … (Giám đốc) tổ chức tín dụng: the kind it
    # heads
    named = _SpansFound(
        heapq.merge(
            (m.span() for m in patterns["field"].finditer(text)),
            (m.span() for m in patterns["located"].finditer(text)),
            (_with_its_kind(text, m) for m in patterns["bracketed_title"].finditer(text)),
            (_with_its_kind(text, m) for m in patterns["named_by_verb"].finditer(text)),
        )
    )
    # a compound's space before it too: its first word may be the stop (lập pháp)
    inside = _SpansFound(
        heapq.merge(relative_clauses(text), ((m.start() - 1, m.end()) for m in patterns["compound"].finditer(text)))
    )
    # a provision that defines a kind closes its name: what follows is the verb (… Điều này | trích tiền …), unless
    # the list goes on (… khoản 1 Điều này, | tổ chức …)
    closing = [end for _, end in _defining_references(text) if REFERENCE_CLOSES.match(text, end)]
    stops = (
        m for m in patterns["stop"].finditer(text)
        if m.start() == len(text)
        or not any(s <= m.start() and m.end() <= e for s, e in named.up_to(m.start()))
        and not any(s <= m.start() < e for s, e in inside.up_to(m.start()))
    )  # fmt: skip
    placed = (at for at in map(partial(_in_its_word, text), stops) if at is not None)
    return heapq.merge(closing, placed)


class _SpansFound:
    """Spans (start, end) given in order of their starts, taken from `spans` only as far as they are asked for."""

    def __init__(self, spans: Iterator[tuple[int, int]]) -> None:
        self._spans = spans
        self._next = next(spans, None)
        self._found: list[tuple[int, int]] = []

    def up_to(self, position: int) -> list[tuple[int, int]]:
        """Every span that begins at or before `position` (asked with positions that never decrease)."""
        while self._next is not None and self._next[0] <= position:
            self._found.append(self._next)
            self._next = next(self._spans, None)
        return self._found


@cache
def _kind_after_verb() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(grammar()['stops_or_kinds'])})\b")


def _with_its_kind(text: str, match: re.Match[str]) -> tuple[int, int]:
    """A title or a kind's verb that names a body (`match`), with the kind of body right after it: … giám sát tổ chức
    tín dụng (a kind of body, what the verb is about)."""
    end = match.end()
    if kind := _kind_after_verb().match(text[end:]):
        end += kind.end()
    return match.start(), end


def _in_its_word(text: str, stop: re.Match[str]) -> int | None:
    """A stop word of one syllable read in the word it ends, when the syllable before it begins a word of the dictionary with it
    that underthesea's segmentation keeps whole there: a noun or an adjective is part of the name (``Kiểm toán độc
    lập``, ``Ban quản lý chương trình``: the stop is no stop, None), a verb ends the name where it begins (``Hội đồng
    thẩm định | thông qua``: the space before it). Else where the stop begins (``Chủ đầu tư | lập``: the dictionary's
    ``tư lập`` is no word of the sentence)."""
    word = stop.group().strip()
    previous = text[: stop.start()].rsplit(maxsplit=1)[-1:]
    if not word.isalpha() or not previous or f"{previous[0].casefold()} {word}" not in dictionary_words():
        return stop.start()
    start = stop.start() - len(previous[0])
    position = 0
    for token, tag in pos_tag(text[: stop.end() + TAGGED_CONTEXT]):
        at = text.find(token, position)
        if at < 0 or at > start:
            break
        position = at + len(token)
        if at == start and position >= stop.end():
            return max(start - 1, 0) if tag in VERB_TAGS else None
    return stop.start()


@document_cache(maxsize=8192)  # a subject's are asked twice by _names, and again where its name ends (_stops)
def relative_clauses(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of `text` that define a kind of body and so belong to its name: what it is given or made to do
    (:func:`_defined_by_work`), or the provision that defines it (``cơ quan, tổ chức, đơn vị | quy định tại điểm a
    khoản 4 Điều 3 của Thông tư này``, ``Quỹ | quy định tại điểm b, điểm c khoản này``) after a kind, not after a
    known body (``do Bộ Y tế | quy định tại Phụ lục …``: the agent of "quy định")."""
    return tuple(sorted(_defined_by_work(text) + list(_defining_references(text))))


@document_cache(maxsize=8192)  # asked by relative_clauses and by _stops of the same text
def _defining_references(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of `text` that name the provision defining the kind of body before them (``cơ quan, tổ chức | quy định
    tại điểm a khoản 2 Điều này``), not after a known body (``Bộ Y tế | quy định tại …``)."""
    spans = []
    for reference in name_patterns()["reference_qualifier"].finditer(text):
        before = text[: reference.start()].strip(" ,")
        if before and is_collective(before) and not known_spans(before):
            spans.append(reference.span())
    return tuple(spans)


def _defined_by_work(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that define a kind of body by what it is given or made to do, and so belong to its name
    (``doanh nghiệp được chỉ định thực hiện duy trì, quản lý mạng bưu chính công cộng``; ``cơ quan có chức năng
    quản lý đất đai cấp tỉnh``): an opener (``được``) after a list piece that begins with a kind, its verb, the verbs
    chained to it (``chủ trì thực hiện``; after a comma: ``tiếp nhận, giải quyết``) and their object, up to the next
    verb (the sentence's own: ``… tiếp tục thực hiện``), a function word or a reference (``quy định tại``), or
    punctuation."""
    spans = []
    for opener in name_patterns()["relative_opener"].finditer(text):
        if not name_patterns()["relative_kind"].search(text, 0, opener.start()):
            continue
        end = opener.end()
        agent = begins_name(text[end:].lstrip())  # được Bộ trưởng hoặc Lãnh đạo Bộ phân công: its verb after a name
        for stop in name_patterns()["stop"].finditer(text, opener.end()):
            first = end == opener.end() and (agent or len(text[end : stop.start()].split()) <= RELATIVE_VERB_WITHIN)
            chained = first or (end > opener.end() and (not text[end : stop.start()] or text[stop.start() - 1] == ","))
            if not stop.group()[:1].isspace() or not chained or name_patterns()["relative_end"].match(stop.group()):
                break
            end = stop.end()
        spans.append((opener.start(), end))
    return spans


def name_end(text: str) -> int:
    """Where the names at the start of `text` end: a verb begins no earlier (the verbs inside ``Cục Quản lý, giám
    sát tổ chức tín dụng`` or ``Bảo hiểm tiền gửi Việt Nam`` are the name's own)."""
    return name_end_and_known_spans(text)[0]


def name_end_and_known_spans(text: str) -> tuple[int, list[tuple[int, int]]]:
    """Where the names at the start of `text` end: at the first stop word outside a known name (``Tổng cục Hậu cần
    - Kỹ thuật chỉ đạo``: ``cần`` is a stop word, but not inside that name); with the known names before there (no
    known name runs across a stop word that ends the names, so those of a longer stretch serve)."""
    stops = _stops(text)
    first = next(stops)
    known = known_spans(text[: first + KNOWN_NAME_REACH])
    holding = [(s, e) for s, e in known if s < first < e]
    if not holding:
        return first, known
    end = next((at for at in stops if at >= holding[0][1]), len(text))
    return end, known_spans(text[:end])


def bounded_by_known_names(span: str, known: list[tuple[int, int]]) -> str:
    """`span` as the known bodies in it (`known`, by start) shape it:

    - it ends with the first known body that a lower-case word follows which cannot go on with it (``Sở Lao động -
      Thương binh và Xã hội tạm dừng chi trả``: a verb that no stop word caught); names that go on (``… các tỉnh,
      thành phố``, ``… cấp huyện``), lists (``, Bộ Tài chính``) and alternatives (``hoặc Ngân hàng Nhà nước chi nhánh
      Khu vực``) are left whole;
    - two known bodies with only a space between them (a table cell whose line break was lost: ``Bộ Thông tin và
      Truyền thông Bộ Khoa học và Công nghệ``) are two list pieces: the space becomes a comma (same length), unless
      the second does not begin like a body (``Ban Bí thư Trung ương Đoàn …`` is one name)."""
    goes_on = name_patterns()["continuation"]
    for _, end in known:
        after = span[end:].lstrip()
        alternative = after.split(" ", 1)[0] in grammar()["name_alternatives"] and begins_name(after.partition(" ")[2])
        if after[:1].islower() and not goes_on.match(after) and not alternative:
            span = span[:end]
            break
    for (_, end), (start, _) in zip(known, known[1:]):
        if start >= len(span):
            break
        if start > end and not span[end:start].strip() and begins_name(span[start:]):
            span = f"{span[:end]},{span[end + 1 :]}"
    return span


def without_trailers(span: str) -> str:
    """`span` without the words a name cannot end with (``Người vận chuyển phải``, ``… và``) and the commas after
    it, unless a compound ends it (``cơ quan cấp chứng chỉ``)."""
    span = span.rstrip(" ,")
    while (trailer := name_patterns()["trailer"].search(span)) and not any(
        m.start() <= trailer.start() and m.end() == len(span) for m in name_patterns()["compound"].finditer(span)
    ):  # … chứng chỉ: a compound's last word trails nothing
        span = span[: trailer.start()]
    return span


def without_named_parent(name: str) -> str:
    """`name` without the parent body a named body is said to belong to (``Cục Thông tin, Thống kê | thuộc Bộ
    Khoa học và Công nghệ``; ``Cục trưởng Cục Nghiệp vụ và Pháp luật | thuộc Cảnh sát biển Việt Nam``; ``Bảo hiểm xã
    hội Việt Nam | thuộc Bộ Tài chính``), or that follows it after a slash (``Cục Tài chính|/Bộ Quốc phòng``) or, for
    a department, a dash or a comma (``Cục Thủy sản và Kiểm ngư | - Bộ Nông nghiệp và Môi trường``; ``Vụ Tổ chức cán
    bộ|, Bộ Giáo dục và Đào tạo``): one body, named by its own name (the gold README). A kind that is no name keeps
    it (``các Vụ, Cục thuộc Bộ Y tế``, ``Thủ trưởng các đơn vị thuộc Bộ Tư pháp``), and so does a body that belongs to
    every body of a level (``Sở Ngoại vụ thuộc Ủy ban nhân dân cấp tỉnh``)."""
    match = name_patterns()["named_child"].match(name)
    if not match:
        return name
    relation = next(group for group in ("relation", "slash", "apart") if match[group] is not None)
    parent = name[match.end(relation) :]
    named = parent[:1].isupper() and (begins_name(parent) or is_known(parent))
    return name[: match.start(relation)] if named and not is_collective(parent) else name


@document_cache(maxsize=8192)
def before_tagged_verb(name: str, context: str) -> str:
    """`name` up to a lower-case word that underthesea tags (in `context`: the name and what follows) as a verb or an
    adverb right after a capitalised word of the name, where the lexicon is silent about it: no stop word caught it,
    and it is none of the grammar's words after a name (thuộc, cấp, có liên quan), no kind's verb (quản lý), not
    inside a known name (Thường trực Hội đồng nhân dân | giao; Ủy ban nhân dân thành phố Hà Nội | gặp mặt) or the field
    a name holds (Ban Chỉ đạo Trung ương về phát triển …). Not after
    a head or a kind (Hội đồng | khám sức khỏe names the council), nor after the first word of a name that a head
    opens (Cơ quan Cảnh sát | điều tra), nor after a word the tagger cut off (Ủy | ban nhân dân)."""
    if not any(word[:1].isupper() for word in name.split()[1:]):
        return name

    data = grammar()
    kinds = set(data["heads"] + data["titles"] + data["bare_kinds"])
    known = known_spans(name) + [m.span() for m in name_patterns()["field"].finditer(name)]  # … Trung ương về phát triển
    if all(any(s <= i < e for s, e in known) for i, char in enumerate(context[: len(name)]) if char.islower()):
        return name  # every lower-case word that could end the name is inside a known name: no tag is needed
    position, previous, before = 0, "", ""
    for index, (token, tag) in enumerate(pos_tag(context)):
        start = context.find(token, position)
        if start < 0 or start >= len(name):
            break
        position = start + len(token)
        if (
            index >= 2 and tag in VERB_TAGS and token[:1].islower()
            and previous[:1].isupper() and " " in previous and previous not in kinds
            and not (before in kinds and not begins_name(previous))
            and token not in data["kind_verbs"] and not name_patterns()["lexicon_word"].match(context, start)
            and not any(s <= start < e for s, e in known)
        ):  # fmt: skip
            return name[:start].rstrip(" ,")
        before, previous = previous, token
    return name


def at_a_written_name(name: str, written: Collection[str]) -> str:
    """`name` cut after the longest of the names the document writes whole elsewhere (`written`) that it begins
    with, where the next word is one that underthesea tags as a verb and the lexicon is silent about: the name ran on
    over its verb (``Vụ Tổ chức cán bộ | đối chiếu hồ sơ lưu``, ``Công ty Quản lý tài sản | nhận lại trái phiếu``,
    where the document names ``Vụ Tổ chức cán bộ`` and ``Công ty Quản lý tài sản`` elsewhere). Not before a word
    the grammar knows after a name (``cấp``, ``có liên quan``), a kind's verb (``thẩm định``) or a kind of body
    (``Ngân hàng Nhà nước | chi nhánh Khu vực``)."""
    # looked up at each space of the name, not each written name against it (a document writes thousands)
    prefixes = [
        name[:at] for at, char in enumerate(name) if char == " " and name[at + 1 : at + 2].islower() and name[:at] in written
    ]
    if not prefixes:
        return name
    prefix = prefixes[-1]  # the longest
    start = len(prefix) + 1
    data = grammar()
    kinds = {kind.casefold() for kind in data["heads"] + data["bare_kinds"] + data["generic_heads"]}
    if name_patterns()["lexicon_word"].match(name, start):
        return name

    position = 0
    for token, tag in pos_tag(name):
        at = name.find(token, position)
        if at < 0 or at > start:
            break
        position = at + len(token)
        if at == start:
            verb = tag == "V" and token not in data["kind_verbs"] and token.casefold() not in kinds
            return prefix if verb else name
    return name

