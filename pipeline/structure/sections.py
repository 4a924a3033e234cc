"""The body's hierarchy: headings and list items with levels that follow the real nesting.

Each kind of marker has a rank (Phần above Chương above … above ``+`` bullets). A stack of open headings gives
every new heading its parent: the nearest open heading of a higher rank. A level that a document skips is
simply not there (Điều directly under the document is level 1). An attached document (the plan a decision
issues, a Phụ lục) starts a new hierarchy of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.language.labels import ROMAN, label
from pipeline.structure.lines import ORNAMENT, PLACEHOLDER, Line, is_rule, title_goes_on
from pipeline.structure.national import without_national_lines
from pipeline.vietnamese import is_capitals

# (kind, rank, pattern): the first that matches a line's start wins. The labels of parts, chapters, sections and
# articles (an English translation's Chapter II, Article 12. too) are the language layer's.
MARKERS: list[tuple[str, int, re.Pattern[str]]] = [
    ("phan", 0, re.compile(rf"^{label('phan')}\s*[.:\-–]?\s*(?P<heading>.*)$")),
    ("chuong", 1, re.compile(rf"^{label('chuong')}\s*[.:\-–]?\s*(?P<heading>.*)$")),
    ("muc", 2, re.compile(rf"^{label('muc')}\s*[.:\-–]?\s*(?P<heading>.*)$")),
    ("dieu", 3, re.compile(rf"^{label('dieu')}\s*(?P<heading>.*)$")),
    ("letter_upper", 4, re.compile(r"^(?P<label>[A-D])\s*[.\-–]\s+(?P<heading>\S.*)$")),
    ("roman", 5, re.compile(rf"^(?P<label>{ROMAN})\s*[.\-–/)]\s*(?P<heading>\S.*)$")),
    ("decimal3", 8, re.compile(r"^(?P<label>\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s+(?P<heading>\S.*)$")),
    ("decimal2", 7, re.compile(r"^(?P<label>\d{1,2}\.\d{1,2})\.?\s+(?P<heading>\S.*)$")),
    ("arabic", 6, re.compile(r"^(?P<label>\d{1,2})\s*[.)](?![\d.,])\s*(?P<heading>\S.*)$")),  # not 5.64, 4.140.000
    ("letter", 9, re.compile(r"^(?P<label>[a-zđ])\s*(?:\)|/(?=\s))\s*(?P<heading>\S.*)$")),  # a) … or a/ …
    ("dash", 10, re.compile(r"^(?P<label>[-–])\s*(?P<heading>\S.*)$")),
    ("plus", 11, re.compile(r"^(?P<label>\+)\s*(?P<heading>\S.*)$")),
    ("bullet", 12, re.compile(r"^(?P<label>[*•·])\s*(?P<heading>\S.*)$")),
]
CLAUSE_RANK = next(rank for kind, rank, _ in MARKERS if kind == "arabic")
# An annex's label is a number, a roman numeral or a capital letter, maybe after ``số`` (``PHỤ LỤC SỐ I``, ``Phụ lục
# 6c``, ``Phụ lục II.1``); a word is none: ``PHỤ LỤC ĐÍNH KÈM``, ``PHỤ LỤC BÁO CÁO …`` are annexes with no label.
ANNEX = re.compile(
    r"^(?:PHỤ LỤC|Phụ [lL]ục)\b\s*"
    r"(?P<label>(?:(?:số|SỐ|Số)\s+)?(?:[IVXLC]+|\d+[a-z]?|[A-ZĐ])(?:[.\-]\d+[a-z]?)*(?![^\W_]))?"
    r"\s*[.:\-–]?\s*(?P<heading>.*)$"
)  # Phụ Lục too
# A form printed after the signature (``Mẫu số 01. (Ban hành kèm theo …)``, ``Mẫu số 02: Quyết định …``, ``Mẫu
# 01-SHTT``): a part of its own under the annex that holds it, if any; its headings (``Điều 1.`` of a model decision) are the form's, and
# the form is no heading of the document (``is_heading`` false: not in HEADING_KINDS).
FORM = re.compile(r"^(?:Mẫu|MẪU)(?:\s+(?:số|SỐ))?\s*(?P<label>\d+[A-Z]?(?:-[A-ZĐ]+)?)\b\s*[.:\-–]?\s*(?P<heading>.*)$")
ANNEX_RANK, FORM_RANK = -2, -1  # an annex above a form above a Phần (0)
# An annex with no label inside a form (``PHỤ LỤC BÁO CÁO SỐ LIỆU NĂM`` / ``(Ban hành kèm theo Báo cáo số …)``) is the
# form's own: a part of the form, ranked like a Phần.
FORM_ANNEX_RANK = 0
PART_KINDS = {"annex", "form"}
ISSUED_WITH_NOTE = re.compile(r"\s*\((?:Ban hành )?[Kk]èm theo")  # (Kèm theo Quyết định …) under an annex title
# A table flattened one cell per line opens with its number column's header alone on a line: its rows (1. / name /
# symbol …) and numbered cases in its cells are no clauses.
TABLE_HEADER = re.compile(r"^(?:STT|Stt|TT|Số TT|SỐ TT|Số thứ tự|SỐ THỨ TỰ)\.?$")
# A printed table of contents (``MỤC LỤC`` / ``Lời nói đầu`` / ``1. QUY ĐỊNH CHUNG`` / ``1.1. Phạm vi …`` …): its
# entries are no sections; the contents begin where its first entry is printed again, within CONTENTS_LINES.
CONTENTS = re.compile(r"^(?:MỤC LỤC|Mục lục)[.:]?$")
CONTENTS_PAGE_COLUMN = {"Trang", "TRANG"}
CONTENTS_LINES = 300
SENTENCE_ENDS = (".", ";", ":", ",", "…")  # what ends or breaks a sentence, never a title
HEADING_CHARS = 200
TITLE_LINES, TITLE_CHARS = 12, 300  # how far a title in capitals under its label may run  # a list item's heading is its first words, the whole item is its span


HEADING_KINDS = {"annex", "phan", "chuong", "muc", "dieu", "letter_upper", "roman"}
NUMBERED_KINDS = {"arabic", "decimal2", "decimal3", "letter"}
DECIMAL_KINDS = {"decimal2", "decimal3"}
LABEL_WORDS = {"annex": "Phụ lục", "phan": "Phần", "chuong": "Chương", "muc": "Mục", "dieu": "Điều"}
ENGLISH_LABEL_WORDS = {"Article", "Chapter"}
SEQUENCED_KINDS = {"arabic", "letter"}
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"  # the order of points: a) b) c) d) đ) e) g) … (no f, j, w, z)
# … and of an English translation's (a) … e) f) g) …): each letter one of the two alphabets lacks may be skipped.
POINT_ORDER, SKIPPABLE_LETTERS = "abcdđefghijklmnopqrstuvwxyz", "đfjwz"


@dataclass
class Section:
    section_id: str
    parent_id: str | None
    level: int
    label: str  # as the schema has it: I, 1, a, Điều 3, Chương II, Phụ lục I
    heading: str
    kind: str
    char_start: int
    char_end: int
    is_heading: bool  # a heading (I. MỤC ĐÍCH, 1. Mục đích, Điều 3. …), not a list item holding a paragraph


def heading_of(line: str) -> tuple[str, int, str, str] | None:
    """(kind, rank, label, heading) when the line opens a section or list item."""
    for kind, rank, pattern in MARKERS:
        match = pattern.match(line)
        if match:
            label, heading = match["label"], match["heading"].strip()
            if kind == "roman" and not (_is_roman(label) and reads_as_heading(heading)):
                continue
            if kind in ("phan", "chuong", "muc") and heading and not reads_as_heading(heading) and not is_capitals(heading):
                continue  # "Chương II Nghị định này …": a reference that a line break put at the start (capitals are a
                # title however long, wherever cut); asked of these kinds alone: a list item's paragraph is long
            if kind == "letter_upper" and not is_capitals(heading):
                continue
            return kind, rank, label, heading
    return None


def reads_as_heading(text: str) -> bool:
    """Short and not a sentence: ``Mục đích``, ``NHIỆM VỤ, GIẢI PHÁP`` (a list item holds a paragraph).
    A short line may keep a stray full stop (OCR often adds one)."""
    text = text.rstrip()
    if len(text) > 150 or text.endswith((";", ",")):
        return False
    return not text.endswith(".") or len(text) < 90


def _is_roman(label: str) -> bool:
    return bool(re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", label)) and bool(label)


def find_sections(
    lines: list[Line],
    skip: set[int],
    new_parts: set[int],
    text_end: int,
    end_of_main: int | None = None,
    continues: bool = False,
) -> list[Section]:
    """Sections of the body lines (lines in `skip` belong to header, signature or recipients; a line in
    `new_parts` starts an attached document, whose headings nest anew; after `end_of_main`, the line index where
    the main document's closing blocks end, an annex title in any case (``Phụ lục I``) starts a part of its own).
    A text that `continues` a document (a page without a header) may open with any item of a sequence (``b)``,
    ``4.``): its elder siblings are on an earlier page."""
    sections: list[Section] = []
    stack: list[tuple[int, Section]] = []
    last_items: dict[tuple[str | None, str], Section] = {}  # (parent, kind) → its last clause or point
    table_rows: int | None = None  # the rows numbered so far in a flattened table, while the text is in one
    skip = skip | table_of_contents(lines)
    for position, line in enumerate(lines):
        if line.index in new_parts:  # a document printed inside an annex or a form stays there
            stack = [(held_rank, held) for held_rank, held in stack if held.kind in PART_KINDS]
            last_items = {}
        if line.index in skip or line.index in new_parts:
            continue
        text = line.stripped
        if TABLE_HEADER.match(text):
            table_rows = 0
            continue
        if is_rule(text):
            continue  # a rule drawn under a header or a form (``-------``): no dash item
        after_main = end_of_main is not None and line.index > end_of_main
        annex = ANNEX.match(text) if is_capitals(text[:8]) or after_main else None
        form = FORM.match(text) if after_main and not annex else None
        if annex:
            label = _annex_label(annex["label"])
            within_form = not label and any(held.kind == "form" for _, held in stack)
            found = ("annex", FORM_ANNEX_RANK if within_form else ANNEX_RANK, label, annex["heading"])
        elif form:
            found = ("form", FORM_RANK, text[: form.end("label")], form["heading"])
        else:
            found = heading_of(text)
        if found is None:
            continue
        kind, rank, label, heading = found
        if table_rows is not None and kind == "arabic" and int(label) == table_rows + 1:
            table_rows += 1  # the table's next row; a number that follows the clauses outside it ends the table
            continue
        if kind in SEQUENCED_KINDS:
            parent = next((section.section_id for held, section in reversed(stack) if held < rank), None)
            previous = last_items.get((parent, kind))
            if not _follows(label, previous) and not (continues and previous is None and parent is None):
                continue  # a number out of sequence (a table's rows, a figure) is no clause or point
        if kind == "dieu":
            heading = _article_title_goes_on(lines, position, skip, heading)
        elif not heading and kind in LABEL_WORDS:
            heading = _heading_below(lines, position, skip, any_case=kind == "annex")
        elif heading.endswith(",") and kind in LABEL_WORDS:  # ``… AN NINH, TRẬT TỰ,`` / ``AN TOÀN XÃ HỘI``
            heading = f"{heading} {_heading_below(lines, position, skip, any_case=False)}".strip()
        if kind in LABEL_WORDS:
            word = text.split()[0].capitalize()  # Article, Chapter: as an English translation prints it
            label = f"{word if word in ENGLISH_LABEL_WORDS else LABEL_WORDS[kind]} {label}".strip()
        while stack and stack[-1][0] >= rank:
            stack.pop()
        if rank == ANNEX_RANK:
            stack, last_items = [], {}
        elif kind == "form":
            last_items, table_rows = {}, None
        parent = stack[-1][1] if stack else None
        loose = parent is None and kind in DECIMAL_KINDS  # ``3.1`` with no ``3.`` over it: a table's row, no heading
        section = Section(
            section_id=f"s{len(sections) + 1}",
            parent_id=parent.section_id if parent else None,
            level=len(stack) + 1,
            label=label,
            heading=_short(heading) if rank >= 6 else heading,
            kind=kind,
            char_start=line.start + line.text.index(text),
            char_end=text_end,
            is_heading=kind in HEADING_KINDS or (kind in NUMBERED_KINDS and reads_as_heading(heading) and not loose),
        )
        sections.append(section)
        stack.append((rank, section))
        if rank <= CLAUSE_RANK:  # a clause or any heading above it is past the table
            table_rows = None
        if kind in SEQUENCED_KINDS:
            last_items[section.parent_id, kind] = section
    _close(sections, text_end)
    return sections


def table_of_contents(lines: list[Line]) -> set[int]:
    """The lines of printed tables of contents: from ``MỤC LỤC`` to the line before its first entry is printed again
    (none when it is not: a list under that name that no contents follow)."""
    found: set[int] = set()
    for position, line in enumerate(lines):
        if not CONTENTS.match(line.stripped):
            continue
        entries = [later for later in lines[position + 1 : position + CONTENTS_LINES] if later.stripped]
        first = next((entry.stripped for entry in entries if entry.stripped not in CONTENTS_PAGE_COLUMN), None)
        again = next((entry for entry in entries[1:] if entry.stripped == first), None)
        if again is not None:
            found |= set(range(line.index, again.index))
    return found


def _annex_label(label: str | None) -> str:
    """``SỐ I`` → ``số I``: the label as printed, its ``số`` in lower case."""
    return re.sub(r"^(?:SỐ|Số)\b", "số", label or "")


def _follows(label: str, previous: Section | None) -> bool:
    """Whether a clause number or point letter comes next after `previous` (its elder sibling, if any): a first
    item is 1 or a, the next one follows by one (a skipped ``đ`` is allowed: some texts letter a b c d e; so are an
    English translation's f and j between e and g, i and k)."""
    if label.isdigit():
        return int(label) == (int(previous.label) + 1 if previous else 1)
    if previous is None:
        return label == "a"
    before, position = POINT_ORDER.index(previous.label), POINT_ORDER.find(label)
    return before < position and all(letter in SKIPPABLE_LETTERS for letter in POINT_ORDER[before + 1 : position])


def _heading_below(lines: list[Line], position: int, skip: set[int], any_case: bool) -> str:
    """The title printed under a bare ``Chương I`` (capitals, maybe cut into many lines by web text: ``SỬA ĐỔI`` /
    ``, BỔ SUNG`` / … / ``22/2013/TT-NHNN`` / ``HƯỚNG DẪN …``) or ``PHỤ LỤC II`` (its first line, in any case, unless
    it is the ``(Kèm theo …)`` line)."""
    title: list[str] = []
    below = lines[position + 1 : position + 1 + TITLE_LINES]
    noted = _past_issued_with_note(below) if any_case else 0
    for at, line in enumerate(below[noted:], noted):
        if sum(map(len, title)) > TITLE_CHARS:
            break
        text = line.stripped
        if not text or line.index in skip:
            if title:
                break
            continue
        if any_case and _opens_a_form_or_table(below[at:], noted > 0, bool(title)):
            break
        own = ISSUED_WITH_NOTE.split(text)[0]  # a line the note runs on in is the title up to the note
        first_of_annex = any_case and not noted and not title and not text.startswith("(") and len(own) < 200
        if not (is_capitals(text) or first_of_annex) or heading_of(text) or ANNEX.match(text):
            break
        title.append(own)
        if ISSUED_WITH_NOTE.search(text):
            break
    return " ".join(title).strip()


def _past_issued_with_note(below: list[Line]) -> int:
    """How many lines the ``(Ban hành kèm theo …)`` note under an annex label takes (0: none), up to the line that
    closes its bracket (``PHỤ LỤC I`` / ``(Ban hành kèm theo Thông tư số …`` / ``của Thống đốc …)`` / its title)."""
    if not below or not ISSUED_WITH_NOTE.match(below[0].stripped):
        return 0
    depth = 0
    for taken, line in enumerate(below, 1):
        depth += line.stripped.count("(") - line.stripped.count(")")
        if depth <= 0:
            return taken
    return 0


def _opens_a_form_or_table(below: list[Line], noted: bool, titled: bool) -> bool:
    """Does a form's own header or a table start at the first of these lines, where an annex's title ends: a form's
    label (``Mẫu số 01``), a table's number column (``STT``), a national line, the form's authority over its rule
    (``ĐƠN VỊ KIỂM TRA …`` / ``-------``), or under the annex's `noted` ``(Kèm theo …)``, a blank to fill in (``ỦY BAN
    NHÂN DÂN TỈNH ……``), the authority over a national line (``TÊN NGÂN HÀNG`` / ``CỘNG HÒA XÃ HỘI …``) or, once
    `titled`, an authority over two lines above its rule (``ĐƠN VỊ KIỂM TRA, ĐÁNH GIÁ`` / ``CHẤT LƯỢNG TÀI LIỆU`` /
    ``-------``). Above the note, a title may hold a blank (``KẾ HOẠCH ĐOÀN RA DỰ KIẾN NĂM....``) and stand over the
    national line."""
    first = [line.stripped for line in below if line.stripped][:3]
    if not first:
        return False
    under = first[1] if len(first) > 1 else ""
    two_line_authority = titled and len(first) > 2 and not is_rule(under) and is_rule(first[2])
    authority = noted and (PLACEHOLDER.search(first[0]) or _is_national(under) or two_line_authority)
    opening = FORM.match(first[0]) or TABLE_HEADER.match(first[0]) or authority
    return bool(opening) or _is_national(first[0]) or is_rule(under)


def _is_national(text: str) -> bool:
    return bool(text.strip(ORNAMENT)) and not without_national_lines(text)


# A line that goes on with the article title above it: it begins in lower case or with a figure (``43/2025/TT-BCT``,
# ``07 văn bản …``) and is no clause or point label.
NO_ITEM_LABEL = re.compile(r"^(?!\d{1,3}\s*[.)](?!\d)|[a-zđ]\s*\))")
# Or it opens with the unit the title names, which web text put on a line of its own (``Điều 5. Bổ sung khoản 4`` /
# ``Điều 6 của Thông tư số …``, ``Điều 19.`` / ``Sửa đổi, bổ sung`` / ``Điều 49``): no label (no stop after the
# number) and no sentence of the article (``Điều 5 được sửa đổi như sau:``).
UNIT_NAMED = re.compile(r"^(?:Điều|khoản|điểm)\s+\d+[a-zđ]?(?![\d.:])(?!.*[.:;]$)")


def _article_title_goes_on(lines: list[Line], position: int, skip: set[int], heading: str) -> str:
    """An article's title, printed on its label's line or below a bare label, with the lines web text broke it
    into (``Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số`` / ``43/2025/TT-BCT`` / ``ngày 04 tháng 7 …``)."""
    taken = 0
    if not heading:
        heading = _article_title_below(lines, position, skip)
        taken = 1 if heading else 0
    for line in lines[position + 1 + taken : position + TITLE_LINES]:
        text = line.stripped
        cut = title_goes_on(heading) and not heading_of(text)  # ``… một số điều của`` / ``Thông tư liên tịch số …``
        opens_on = text[:1].isdigit() or text[:1].islower() or cut or UNIT_NAMED.match(text)
        goes_on = opens_on and NO_ITEM_LABEL.match(text)
        ended = not heading or heading.endswith(SENTENCE_ENDS) or len(heading) + len(text) > TITLE_CHARS
        if line.index in skip or ended or not goes_on:
            break
        heading = f"{heading} {text}"
    return heading


def _article_title_below(lines: list[Line], position: int, skip: set[int]) -> str:
    """The title of a bare ``Điều 3.`` printed on the next line (``Mục đích của bảo hiểm tiền gửi``): a whole line
    that is no sentence (no closing punctuation, the line after it does not go on with it) and no label; an
    article opening with its first sentence (``Ban hành kèm theo …`` / ``.``) has no title."""
    following = [line for line in lines[position + 1 : position + TITLE_LINES] if line.index not in skip]
    if not following or not (text := following[0].stripped):
        return ""
    if heading_of(text) or ANNEX.match(text) or text.startswith(("“", '"')):
        return ""
    if _first_clause_below(text, following[1:]):
        return text
    bracketed = _bracket_closed(text, following[1:])  # ``… Quy chuẩn … (`` / ``QCVN 41:2025/BNNMT`` / ``).``
    after = following[1].stripped if len(following) > 1 else ""
    sentence = bracketed.endswith(SENTENCE_ENDS) or after[:1] in SENTENCE_ENDS + (")",) or after[:1].islower()
    return "" if sentence or len(text) > 150 else text


def _bracket_closed(text: str, below: list[Line]) -> str:
    """A line that leaves a bracket open, with the lines web text cut the bracket into, up to the one closing it."""
    for line in below[: TITLE_LINES - 2]:
        if text.count("(") <= text.count(")"):
            break
        text = f"{text} {line.stripped}"
    return text


def _first_clause_below(title: str, below: list[Line]) -> bool:
    """Is the article's first clause (``1.``) under its title and the lines that go on with it (in lower case or
    from a figure: ``Sửa đổi … Nghị định số 118/2025/NĐ-CP`` / ``ngày 09 tháng 6 năm 2025 …`` / ``1. Sửa đổi …``)?
    Then they are its title, however long, unless they end a sentence."""
    for line in below:
        text = line.stripped
        if found := heading_of(text):
            return found[0] == "arabic" and found[2] == "1" and len(title) <= TITLE_CHARS and not title.endswith(SENTENCE_ENDS)
        if not (text[:1].islower() or text[:1].isdigit()):
            return False
        title = f"{title} {text}"
    return False


def _short(text: str) -> str:
    """A list item's heading: up to its first colon or full stop, at most HEADING_CHARS characters."""
    cut = re.split(r"(?<=[:.;])\s", text, maxsplit=1)[0]
    return cut if len(cut) <= HEADING_CHARS else cut[:HEADING_CHARS].rsplit(" ", 1)[0] + " …"


def _close(sections: list[Section], text_end: int) -> None:
    """A section ends where the next section at its level or above begins: in one pass, with the sections still
    open (their levels rising) on a stack."""
    open_sections: list[Section] = []
    for section in sections:
        while open_sections and open_sections[-1].level >= section.level:
            open_sections.pop().char_end = section.char_start
        open_sections.append(section)
    for section in open_sections:
        section.char_end = text_end
