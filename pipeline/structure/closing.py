"""The recipients block (Nơi nhận, Kính gửi): its items, their notes, the archive's copy."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.structure.lines import PLACEHOLDER, Line
from pipeline.structure.signing import looks_like_name, prefix_pattern, signature, signs, title_line
from pipeline.vietnamese import is_capitals

RECIPIENTS_LABEL = re.compile(r"^(?:[.,'`´‘’_~*•]{1,2}\s*)?(?:Nơi nhận|Noi nhan)\s*:?\s*", re.IGNORECASE)  # ``.Nơi nhận:``:
# a scan's speck before the label (no bulk text prints a mark before it)
ADDRESSEES_LABEL = re.compile(r"^Kính gửi\s*:?\s*")
ITEM = re.compile(r"^[-–—~+•*]\s*")  # a scan's dash may read as an en or em dash or a tilde
INLINE_ITEMS = re.compile(r"^\s*[-–—~+•*]\s*|(?<=[;,.:)])\s*[-–—~]\s+")  # -Văn phòng …; - Công báo
ITEM_END = (";", ".")  # an item line ending otherwise (a comma, a word) wraps onto the next line
LIST_LABEL = re.compile(r"^(?:\d+|[a-zđ]|[IVX]+)[.)]\s")
SPECK = 3  # a line of this many characters or fewer with no two letters is a speck read in a scan, no item
ARCHIVE = re.compile(r"^Lưu\b")
FORM_ITEMS = 5  # the lines of a recipients block (its label's and the first items) looked at for a placeholder
NOTE = re.compile(r"\((?P<note>[^()]*)\)\s*$")
NOTE_AFTER_ITEM = re.compile(r";\s*\((?P<note>[^()]*)\)\s*$")  # Bộ Y tế; (để phối hợp)
PURPOSE = re.compile(r"^(?:để|Để)\s+\w")  # (để phối hợp chỉ đạo), (để kiểm tra)
NOTE_WORDS = {"b/c": "báo cáo", "báo cáo": "báo cáo", "thực hiện": "để thực hiện", "t/h": "để thực hiện"}
SIGNATURE_BETWEEN = 6  # lines of a signature block printed between a Nơi nhận label and its items
LOST_LABEL_ITEMS = 3  # dash items, the archive's last, that make a Nơi nhận block whose label a seal took


@dataclass(frozen=True)
class Recipient:
    recipient: str
    note: str | None
    is_archive: bool
    char_start: int
    char_end: int



def recipients(
    lines: list[Line], start_index: int = 0, near: int | None = None, scanned: bool = False
) -> tuple[list[Recipient], set[int]]:
    """Items of ``Kính gửi`` and of one ``Nơi nhận`` block (from `start_index` on), and the lines they take.

    Of several ``Nơi nhận`` blocks (an annex may hold a form with its own), the one nearest the signature line
    `near` is taken, else the first; a ``Kính gửi`` after that line opens a form of an annex, whose addressee is
    the form's. On a `scanned` page whose seal took the label (``R“ nh,``), the dash items that end with the
    archive's (``- Lưu: VT, …``) right above the signature are the block all the same."""
    found: list[Recipient] = []
    taken: set[int] = set()
    for label in (ADDRESSEES_LABEL, RECIPIENTS_LABEL):
        labelled = [(p, label.match(line.stripped)) for p, line in enumerate(lines[start_index:], start_index)]
        labelled = [(p, m) for p, m in labelled if m and not (label is ADDRESSEES_LABEL and near is not None and p > near)]
        labelled = [(p, m) for p, m in labelled if not _is_form(lines[p : p + FORM_ITEMS])]
        if not labelled and label is RECIPIENTS_LABEL and scanned:
            labelled = _label_lost(lines, start_index, near)
        if not labelled:
            continue
        if near is not None and label is RECIPIENTS_LABEL:
            labelled.sort(key=lambda pm: abs(pm[0] - near))
        position, match = labelled[0]
        line = lines[position]
        items, used = _items(lines, position, line.text.index(line.stripped) + match.end())
        found.extend(items)
        taken |= used
    return found, taken


def _label_lost(lines: list[Line], start_index: int, near: int | None) -> list[tuple[int, re.Match[str]]]:
    """Where a scan lost the Nơi nhận label: the line above a run of at least LOST_LABEL_ITEMS dash items (a wrapped
    item's lines among them) whose last is the archive's and which ends right above the signature line `near`
    (or a line or two of a seal's marks before it); as a label match with nothing after it."""
    if near is None:
        return []
    archive = next((p for p in range(near - 1, max(start_index, near - 3) - 1, -1) if _archive_item(lines[p])), None)
    if archive is None:
        return []
    first, dashes = archive, 1
    while first - 1 > start_index:
        text, above = lines[first - 1].stripped, lines[first - 2].stripped
        if ITEM.match(text):
            dashes += 1
        elif not (ITEM.match(above) and not above.endswith(ITEM_END) and len(text) < 120):
            break
        first -= 1
    if dashes < LOST_LABEL_ITEMS:
        return []
    return [(first - 1, re.match(r".*", lines[first - 1].stripped))]


def _archive_item(line: Line) -> bool:
    return bool(ITEM.match(line.stripped)) and bool(ARCHIVE.match(ITEM.sub("", line.stripped)))


def _is_form(block: list[Line]) -> bool:
    """Is a recipients block an annex form's, to be filled in: an item of it is dots (``- Như Điều ....;``,
    ``- ..............;``)?"""
    return any(PLACEHOLDER.search(line.text) for line in block)


def _items(lines: list[Line], position: int, after_label: int) -> tuple[list[Recipient], set[int]]:
    """The items after a label: on the label's line (one, or ``- a; - b`` inline) and on the ``-`` lines below."""
    line = lines[position]
    items: list[Recipient] = []
    used = {line.index}
    rest = line.text[after_label:]
    if rest.strip():
        items.extend(_inline_items(rest, line.start + after_label))
    above = ""  # the last item line under the label: an item wraps only from a dash line
    undashed = False  # the list began without dashes (its bullets lost with the page's formatting): it goes on so
    rest_lines = lines[position + 1 :]
    for k, following in enumerate(rest_lines):
        text = following.stripped
        if not text:
            if items:
                break
            used.add(following.index)
            continue
        if len(text) <= SPECK and sum(c.isalpha() for c in text) < 2:  # ``,:``, ``Š`` under the label (a seal's)
            used.add(following.index)
            above = text if ITEM.fullmatch(text) else above  # a dash alone: its item is on the next line
            continue
        if items and not ITEM.match(text) and _wraps(above, text):
            rest = text.rstrip(";,.").strip()
            glue = _kept_mark(above, text) + ("" if rest[:1] in ",)" else " ")  # ``HĐND`` / ``, UBND …``: no space
            items[-1] = _recipient(f"{items[-1].recipient}{glue}{rest}", items[-1].char_start)
            text = f"{above} {text}"  # the item's lines so far, still a dash item
        elif ITEM.match(text) or ITEM.fullmatch(above) or (not items and _unmarked_items(text)):
            items.extend(_inline_items(following.text, following.start))
            text = f"{above} {text}" if ITEM.fullmatch(above) else text  # the item of a dash alone on its line
            undashed = not items[:-1] and not ITEM.match(text) and not ITEM.fullmatch(above)
        elif undashed and _undashed_item(text, rest_lines[k + 1 : k + 2]):
            if above.endswith(ITEM_END):
                items.extend(_inline_items(following.text, following.start))
            else:  # the item above wrapped onto this line
                items[-1] = _recipient(f"{items[-1].recipient} {text.rstrip(';,.').strip()}", items[-1].char_start)
        elif not items and k < SIGNATURE_BETWEEN and _in_signature_block(text):
            continue  # a two-column closing read column by column: the signature between the label and its list
        elif items and _dash_lost(above, text, rest_lines[k + 1 : k + 2]):
            items.append(_recipient(text.rstrip(";,.:").strip(), following.start + following.text.index(text)))
        else:
            break
        used.add(following.index)
        above = text
    return items, used


def _in_signature_block(text: str) -> bool:
    """A line of a signature block: an authority or a title in capitals, a note (``(Đã ký)``), the signer's name."""
    titled = is_capitals(text) and (prefix_pattern().match(text) or title_line(text))
    return bool(titled) or signs(text)


def _dash_lost(above: str, text: str, below: list[Line]) -> bool:
    """Is `text` an item whose dash a scan lost (a seal across it), between a finished dash item and the next one?
    No signature line (an authority, a title, a name) read between the items of a text."""
    finished = bool(ITEM.match(above)) and above.endswith(ITEM_END)
    between = bool(below) and bool(ITEM.match(below[0].stripped))
    signature = prefix_pattern().match(text) or title_line(text) or looks_like_name(text.rstrip(";."))
    return finished and between and len(text) < 120 and not signature


def _kept_mark(above: str, text: str) -> str:
    """The mark an item line ends with that its wrap keeps inside the item: a comma (``Trợ lý TTg,`` / ``Các Vụ:
    …``), a semicolon inside brackets (``(Phòng Công báo;`` / ``Cổng thông tin …)``) or before words in lower case
    (``- Bộ KH&CN: Bộ trưởng, các Thứ trưởng;`` / ``các cơ quan, đơn vị trực thuộc, Cổng``)."""
    inside = above.count("(") > above.count(")") or _goes_on(above, text)
    return above[-1] if above.endswith(",") or (inside and above.endswith(";")) else ""


def _goes_on(above: str, text: str) -> bool:
    """A dash item ended by ``;`` whose next line opens in lower case: the item goes on (no item, no signature line
    and no body line after a Nơi nhận block opens so)."""
    return bool(ITEM.match(above)) and above.endswith(";") and text[:1].islower()


def _undashed_item(text: str, below: list[Line]) -> bool:
    """In a list without dashes, is `text` an item, or the first line of one its column wrapped: it ends as an item
    does (``;``), or the line below does; the archive item ends the list. No signature line is one."""
    signature = is_capitals(text) or prefix_pattern().match(text) or looks_like_name(text.rstrip(";."))
    ends = text.endswith(";") or bool(ARCHIVE.match(text)) or (bool(below) and below[0].stripped.endswith(";"))
    return ends and len(text) < 120 and not signature and not LIST_LABEL.match(text)


def _unmarked_items(text: str) -> bool:
    """The first line under a label holds items without dashes (``Bộ Y tế; Bộ Tài chính``)."""
    return not is_capitals(text) and len(text) < 120 and ";" in text


def _wraps(above: str, text: str) -> bool:
    """Is `text` the rest of the item on the line `above`, wrapped by its column (``- Ủy ban Trung ương Mặt trận Tổ
    quốc`` / ``Việt Nam;``)? The dash item above is unfinished (no ``;`` or ``.``, not a bare dash) and the line is
    no signature line: in capitals, or a name that ends no item."""
    open_bracket = above.count("(") > above.count(")")  # ``- Văn phòng Chính phủ (Phòng Công báo;`` goes on
    unfinished = bool(ITEM.match(above)) and (not above.endswith(ITEM_END) or open_bracket or _goes_on(above, text))
    unfinished = unfinished and not ITEM.fullmatch(above)
    signature = is_capitals(text) or prefix_pattern().match(text) or looks_like_name(text.rstrip(";."))
    fresh = LIST_LABEL.match(text)  # the body going on after Kính gửi: ``1. Thông tin …``
    return unfinished and len(text) < 120 and not fresh and not (signature and not text.endswith(ITEM_END))


def _inline_items(text: str, offset: int) -> list[Recipient]:
    """The items of one line, each after its dash (``- a; - b``, ``-Văn phòng …``). A dash line is one item even
    when ``;`` joins names in it (``- Công báo; Cổng TTĐT Chính phủ``), as the gold of every set writes it."""
    items = []
    parts = INLINE_ITEMS.split(text)
    position = 0
    for part in parts:
        position = text.index(part, position)
        item = part.strip().rstrip(";,.:").strip()  # Mặt trận Tổ quốc Việt Nam: (a colon typed for ;)
        if item:
            start = offset + text.index(item, position)
            items.append(_recipient(item, start))
        position += len(part)
    return items


def _recipient(item: str, start: int) -> Recipient:
    """An item; a printed note after its ``;`` (``Bộ Y tế; (để phối hợp)``) is its `note`, not part of its name,
    and a note in brackets at its end (``(để b/c)``, ``(để phối hợp chỉ đạo)``) is read into `note` too."""
    after = NOTE_AFTER_ITEM.search(item)
    if after and after.start():
        words = after["note"].strip()
        name = item[: after.start()].rstrip(" ;,")
        return Recipient(name, _note(words) or words or None, bool(ARCHIVE.match(name)), start, start + len(name))
    bracket = NOTE.search(item)
    return Recipient(item, _note(bracket["note"]) if bracket else None, bool(ARCHIVE.match(item)), start,
                     start + len(item))


def _note(words: str) -> str | None:
    """A printed note: a known abbreviation spelled out (``b/c`` → ``báo cáo``), else what a note of purpose says
    (``để phối hợp chỉ đạo``); None for other brackets (``(Bộ Tư pháp)``, ``(2b)``)."""
    words = " ".join(words.split())
    known = next((v for k, v in NOTE_WORDS.items() if k in words.lower()), None)
    return known or (words if PURPOSE.match(words) else None)
