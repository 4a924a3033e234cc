"""The signature block: the signing authority, the signer's title and name, and a joint document's co-signatures."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipeline.language.folding import fold
from pipeline.structure.lines import Line, is_a_lone_word, vocabulary
from pipeline.vietnamese import is_capitals

SIGNATURE_NOTE = re.compile(r"\((?:đã ký|Đã ký|ký|đã ký và đóng dấu)\)|\[đã ký\]", re.IGNORECASE)
SCRIBBLE = re.compile(r"[^\w\s.,:;()/'’&-]|_")  # a sign no title or name holds
NAME_MARKS = "._-~,:;'`^*|/\\ "  # marks a signature's scribble leaves before the name on its line
NAME_GAP = 6  # lines of a scribble's marks (``ị``, ``Z``, ``~``) read between a signer's title and name
SEAL_MARKS = 4  # letters a seal's ring may leave before a signer's title on its line
ANNEX_TITLE = re.compile(r"^PHỤ LỤC\b")  # an annex's title line, in capitals: the main document ended above it
STRIPPED_AUTHORITY = re.compile(r"^[^\w\s]{1,3}\s*(?P<head>[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,6})$")  # ``. BỘ TRƯỞNG``
RING_BEFORE = "=|_~`'\"© "  # marks a seal's ring leaves before an authority's prefix (``=KT. BỘ TRƯỞNG``: no bulk line
# opens so) …
RING_AFTER = ";| "  # … and after it (``KT. BỘ TRƯỞNG;``: a mark read on a line of its own, joined to it)
SEALED_TM = re.compile(r"^M\.\s*(?=[^\W\d_])")  # ``M. CHÍNH PHỦ``: a seal across the line took the T of ``TM.``
DEPUTY_SIGNING = re.compile(r"^KT\.\s*(?P<head>\S.*)$")  # ``KT. BỘ TRƯỞNG``: a deputy signs for the head
SIGNATURE_SEARCH = 40  # lines around the recipients block, or at the end, where a signature is looked for


@dataclass
class Signature:
    signing_authority: str | None = None
    signer_title: str | None = None
    signer_name: str | None = None
    lines: set[int] = field(default_factory=set)


@cache
def prefix_pattern() -> re.Pattern[str]:
    prefixes = sorted(vocabulary()["authority_prefixes"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(p) for p in prefixes) + r")(?=[\s.]|$)\s*")


@cache
def _prefix_anywhere() -> re.Pattern[str]:
    prefixes = sorted(vocabulary()["authority_prefixes"], key=len, reverse=True)
    return re.compile(r"(?:^|\s)(?=(?:" + "|".join(re.escape(p) for p in prefixes) + r")(?:[\s.]|$))")


@cache
def _titles() -> list[str]:
    return sorted(vocabulary()["signer_titles"], key=len, reverse=True)



def signature(lines: list[Line], start_index: int, anchor: int | None) -> Signature:
    """The signature block: the first signing-authority line of the body (from `start_index`); without one, a
    title-and-name block near the recipients block (`anchor`, a line position) or at the end of the text. The
    signer's surname is spelt as printed (:func:`spelt_surname`)."""
    found = _signature(lines, start_index, anchor)
    found.signer_name = spelt_surname(found.signer_name)
    return found


def co_signatures(lines: list[Line], first: Signature) -> list[Signature]:
    """The signature blocks printed right after `first`, one under the other, each opening with its authority (a
    joint text's co-issuers: ``KT. BỘ TRƯỞNG`` / ``BỘ TƯ PHÁP`` / ``THỨ TRƯỞNG`` / name after the first block)."""
    found: list[Signature] = []
    end = max(first.lines, default=None)
    while end is not None:
        following = [line for line in lines[end + 1 : end + 1 + SIGNATURE_SEARCH] if line.stripped]
        opened = prefix_pattern().match(following[0].stripped) if following else None
        if opened is None or not _opens_authority(following[0].stripped, opened.end()):
            break
        block = _from_prefix(following, 0, following[0].stripped)
        block.signer_name = spelt_surname(block.signer_name)
        found.append(block)
        end = max(block.lines)
    return found


@cache
def _surnames() -> dict[str, str]:
    return {fold(name): name for name in vocabulary()["surnames"]}


def spelt_surname(name: str | None) -> str | None:
    """A name whose first word has a surname's letters with other marks, with the surname's (``Nguyên Danh Huy``
    → ``Nguyễn Danh Huy``: a scan misreads the tone, and the correction has no context for a name's pairs)."""
    first, _, rest = (name or "").partition(" ")
    surname = _surnames().get(fold(first))
    return f"{surname} {rest}" if rest and surname and first not in _surnames().values() else name


def _signature(lines: list[Line], start_index: int, anchor: int | None) -> Signature:
    candidates = [line for line in lines[start_index:] if line.stripped]
    prefix = prefix_pattern()
    for position, line in enumerate(candidates):
        cells = [c.strip() for c in line.stripped.split(" | ")] if " | " in line.stripped else [line.stripped]
        for cell in cells:
            cell = cell.lstrip(RING_BEFORE).rstrip(RING_AFTER) or cell
            cell = _with_sealed_t(cell, candidates[position + 1 : position + 1 + NAME_GAP])
            opened = prefix.match(cell)
            if opened and _opens_authority(cell, opened.end()) and is_capitals(cell[:12]) and len(cell) < 120:
                if opened.end() == len(cell) and not _signed_below(candidates[position + 1 : position + 1 + NAME_GAP]):
                    continue  # ``TL`` alone over ``qđ``, ``CN`` / ``= 1,0 X DM``: a table's cell, a formula's term
                return _from_prefix(candidates, position, cell)
    if anchor is not None:
        region = lines[max(0, anchor - SIGNATURE_SEARCH // 2) : anchor + SIGNATURE_SEARCH]
        return _without_prefix([line for line in region if line.stripped])
    annex = next((line.index for line in candidates if ANNEX_TITLE.match(line.stripped)), None)
    if annex is not None:  # the annexes a text without recipients prints after its signature
        found = _without_prefix([line for line in lines[max(start_index, annex - SIGNATURE_SEARCH) : annex] if line.stripped])
        if found.lines:
            return found
    return _without_prefix([line for line in lines[-SIGNATURE_SEARCH:] if line.stripped])


def _with_sealed_t(cell: str, below: list[Line]) -> str:
    """``M. CHÍNH PHỦ`` → ``TM. CHÍNH PHỦ``: a line in capitals opening with ``M.`` over a signature (the next line
    in capitals too: ``KT. THỦ TƯỚNG``, ``CHỦ TỊCH``) is ``TM.`` whose ``T`` a seal took; ``TM.`` is the one prefix
    that ends so, and no line of the 767 bulk texts opens with ``M.`` (171 lines of 144 open with ``TM.``)."""
    if SEALED_TM.match(cell) and is_capitals(cell) and below and is_capitals(below[0].stripped) and _signed_below(below):
        return f"T{cell}"
    return cell


def _signed_below(lines: list[Line]) -> bool:
    """Is a signer's name or a signature note (``(Đã ký)``) among these lines, as under a prefix printed alone on its
    line (``KT.`` / ``BỘ TRƯỞNG`` / ``THỨ TRƯỞNG`` / name)?"""
    return any(signs(line.stripped) for line in lines)


def signs(text: str) -> bool:
    """Is `text` a signer's name or a signature note (``(Đã ký)``)?"""
    return text.lower() in vocabulary()["signature_notes"] or bool(_name_line(text))


def _opens_authority(cell: str, after_prefix: int) -> bool:
    """A prefix opens an authority when a name follows it (``KT. BỘ TRƯỞNG``, ``KT.BỘ``), not a sign: ``TL -
    ĐĐ: 10°08′…`` and ``TL = (TT + GT) x 6%`` are rows of a table (2 bulk texts; 524 authority lines in 388 open
    with a letter or a stop), which a scan whose seal hid the authority above would take for it."""
    return after_prefix == len(cell) or cell[after_prefix].isalpha() or cell[after_prefix] == "."


def _from_prefix(candidates: list[Line], position: int, first: str) -> Signature:
    """``TM. CHÍNH PHỦ`` / ``KT. THỦ TƯỚNG`` / ``PHÓ THỦ TƯỚNG`` / name, on separate lines or on one."""
    prefix = prefix_pattern()
    found = Signature(lines={candidates[position].index})
    authority = [first]
    rest = candidates[position + 1 :]
    while rest and (
        prefix.match(rest[0].stripped)
        or not prefix.sub("", authority[-1]).strip()
        or _title_goes_on(authority, rest[0].stripped)
    ):
        authority.append(rest[0].stripped)
        found.lines.add(rest[0].index)
        rest = rest[1:]
    joined = SIGNATURE_NOTE.sub("", " ".join(authority)).strip()
    caps, name = _split_name(joined)
    title = _title_suffix(caps)
    last_authority = prefix.sub("", _last_segment(caps)).strip()
    if title and last_authority != title:
        found.signing_authority = caps[: -len(title)].strip()
        found.signer_title = title
        found.signer_name = name
        return found
    found.signing_authority = caps
    found.signer_name = name
    for offset, line in enumerate(rest[:6] if name is None else []):
        text = line.stripped
        if _is_note(text) and not _name_line(text):
            continue
        if found.signer_title is None and _names_the_authoritys_body(text, rest[offset + 1 : offset + 3]):
            found.signing_authority = f"{found.signing_authority} {text}"  # KT. BỘ TRƯỞNG / BỘ CÔNG AN / THỨ TRƯỞNG
            found.lines.add(line.index)
            continue
        if found.signer_title is None and is_capitals(text) and len(text) < 60:
            title_caps, name = _split_name(text)
            found.signer_title = _as_titled(title_caps.rstrip(NAME_MARKS))  # a ring's mark after it: THỨ TRƯỞNG -
            found.lines.add(line.index)
            if name:
                found.signer_name = name
                break
            continue
        if found.signer_title and text in vocabulary()["title_qualifiers"]:  # THỨ TRƯỞNG / THƯỜNG TRỰC
            found.signer_title = f"{found.signer_title} {text}"
            found.lines.add(line.index)
            continue
        if name := _name_line(text):
            found.signer_name = name
            found.lines.add(line.index)
        elif following := _name_cut_after_its_surname(text, rest[offset + 1 : offset + 2]):
            found.signer_name = _name_line(f"{text} {following.stripped}")
            found.lines |= {line.index, following.index}
        break
    lost = found.signer_title is None or _repeats_the_head(found.signer_title, found.signing_authority)
    if found.signer_name and lost:
        found.signer_title = _deputy_signing(found.signing_authority)
    return found


@cache
def _folded_titles() -> dict[str, str]:
    return {fold(title): title for title in _titles()}


def _as_titled(text: str) -> str:
    """A signer's title spelt as the vocabulary spells the title with its letters (``THƯ TRƯỜNG``: a seal's ring
    across it misread the marks; no two of the 40 titles share their letters), else as read."""
    return _folded_titles().get(fold(text), text)


def _repeats_the_head(title: str, authority: str | None) -> bool:
    """Is the signer's title read the head's that the ``KT.`` authority names (``KT. THỦ TƯỚNG`` / ``THỦ TƯỚNG``)? A
    seal across the left of the signer's lines took the deputy's word: no bulk text prints a head under its own
    ``KT.``, ``TM.`` … line (152 print ``PHÓ`` + the head there)."""
    signing = DEPUTY_SIGNING.match(_last_segment(authority or ""))
    return bool(signing) and signing["head"] == title


def _deputy_signing(authority: str | None) -> str | None:
    """The title of one who signs ``KT.`` (for) a head, when a scan lost the title's line between the authority and
    the name: the head's deputy (``KT. BỘ TRƯỞNG`` → ``THỨ TRƯỞNG``, ``KT. CHỦ TỊCH`` → ``PHÓ CHỦ TỊCH``). In the
    bulk texts 369 of the 375 titles printed under ``KT.`` + a head are exactly that deputy's (6 add ``THƯỜNG TRỰC``)."""
    signing = DEPUTY_SIGNING.match(_last_segment(authority or ""))
    head = signing["head"] if signing else None
    return vocabulary()["deputy_titles"].get(head, f"PHÓ {head}") if head in _titles() else None


def _name_cut_after_its_surname(text: str, below: list[Line]) -> Line | None:
    """The line that ends a signer's name web text cut after its first word (``Trần`` / ``Quốc Phương``)."""
    if below and _is_name_word(text) and _name_line(f"{text} {below[0].stripped}"):
        return below[0]
    return None


def _names_the_authoritys_body(text: str, below: list[Line]) -> bool:
    """Is `text` the body whose head the authority names, printed between it and the signer's title, as each block of
    a joint document prints it (``KT. BỘ TRƯỞNG`` / ``BỘ CÔNG AN`` / ``THỨ TRƯỞNG``): capitals that open with no title,
    over a line that opens with one, or with a deputy's: ``KT. CHÁNH ÁN TÒA ÁN`` / ``NHÂN DÂN TỐI CAO`` /
    ``PHÓ CHÁNH ÁN``)."""
    following = next((line.stripped for line in below if not _is_note(line.stripped)), "")
    titles = tuple(_titles())
    body = not text.startswith(titles) and _title_suffix(text) is None and not _is_deputy(text)
    return is_capitals(text) and body and (following.startswith(titles) or _is_deputy(following)) and len(text) < 60


def _is_deputy(text: str) -> bool:
    """A deputy's title (``PHÓ TỔNG THANH TRA``, ``THỨ TRƯỞNG``), whether or not the vocabulary lists it."""
    return text.startswith(("PHÓ ", *vocabulary()["deputy_titles"].values()))


def _title_goes_on(authority: list[str], text: str) -> bool:
    """Is `text` a word of the authority's title that web text put on a line of its own (``KT.`` / ``BỘ`` /
    ``TRƯỞNG``): one word in capitals under an authority that names no title yet."""
    named = prefix_pattern().sub("", " ".join(authority)).strip()
    return is_a_lone_word(text) and is_capitals(text) and named not in _titles()


def _last_segment(caps: str) -> str:
    """The part of an authority line from its last prefix on (``TM. CHÍNH PHỦ KT. THỦ TƯỚNG`` → ``KT. THỦ TƯỚNG``)."""
    starts = [m.start() for m in _prefix_anywhere().finditer(caps)]
    return caps[starts[-1] :].strip() if starts else caps


def _without_prefix(candidates: list[Line]) -> Signature:
    """No prefix line: a signer's title line (``CHỦ TỊCH``) with a name below it or after it on the same line."""
    for position in range(len(candidates) - 1, -1, -1):
        text = candidates[position].stripped
        caps, name = _split_name(text)
        title = _title_suffix(caps) if caps else None
        if title and name:  # TRƯỞNG BAN PHÓ THỦ TƯỚNG Nguyễn Thiện Nhân: one who holds two positions
            return Signature(None, caps, name, {candidates[position].index})
        if name := _name_line(text):
            start = max(0, position - NAME_GAP)
            for offset, above in reversed(list(enumerate(candidates[start:position], start))):
                if is_capitals(above.stripped) and (title := title_line(above.stripped)):
                    found = Signature(None, title, name, {above.index, candidates[position].index})
                    if authority := _authority_above(candidates[max(0, offset - NAME_GAP) : offset], title):
                        found.signing_authority = authority[0]
                        found.lines.add(authority[1].index)
                        if _repeats_the_head(title, authority[0]):
                            found.signer_title = _deputy_signing(authority[0])
                    return found
                if _is_note(above.stripped):
                    continue
                break
    return Signature()


def _authority_above(above: list[Line], title: str) -> tuple[str, Line] | None:
    """The head's title over a deputy's `title`, on the nearest line above that is no signature's marks (a seal's
    ring across the signer's lines leaves marks between them: ``( X- ): kr. THỐNG ĐỐC`` / ``„`.`` / ``“+ PHÓ THỐNG
    ĐỐC``), and that line."""
    for line in reversed(above):
        if head := _authority_over_deputy(line.stripped, title):
            return head, line
        if not _is_note(line.stripped):
            return None
    return None


def _authority_over_deputy(text: str, title: str) -> str | None:
    """The head's title over a deputy's (``PHÓ …``, ``THỨ TRƯỞNG`` under ``BỘ TRƯỞNG``: ``deputy_titles``) without
    its ``KT.``: printed so (``THỐNG ĐỐC`` / ``PHÓ THỐNG ĐỐC``, 5 bulk texts), it is the authority as printed (README);
    after a stop or a mark a seal across the signer's lines left of it (``. BỘ TRƯỞNG``), it is ``KT.`` + the head
    (a deputy signs for the head: 369 of the 379 bulk texts with a deputy's title under the head's print ``KT.``),
    also over the head's title read again, the deputy's word lost under the seal (``. THỦ TƯỚNG`` / ``THỦ TƯỚNG``)."""
    stripped = STRIPPED_AUTHORITY.match(text) or _sealed_head(text)
    head = stripped["head"] if stripped else text
    deputies = (f"PHÓ {head}", vocabulary()["deputy_titles"].get(head, f"PHÓ {head}"))
    lost = bool(stripped) and title == head and head in _titles()  # the seal took the deputy's word too
    if not (title.startswith(deputies) or lost) or not (stripped or head in _titles()):
        return None
    return f"KT. {head}" if stripped else head


def _sealed_head(text: str) -> dict[str, str] | None:
    """A title after the few letters and signs a seal's ring left of it, ``KT.`` read among them or lost (``°(4 |)
    =kT. THỦ TƯỚNG``, ``( X- ): kr. THỐNG ĐỐC``, ``® _): |kr. cHủ TịcH``): the head's title, as
    :data:`STRIPPED_AUTHORITY` gives it."""
    head = _title_suffix(text.upper())  # capitals a ring's blur read small (``|kr. cHủ TịcH``)
    marks = text[: -len(head)] if head else ""
    return {"head": head} if head and marks.strip() and sum(c.isalpha() for c in marks) <= SEAL_MARKS else None


def title_line(text: str) -> str | None:
    """The signer's title a capitals line holds: the line when it opens with a title, else the title it ends with
    after a few letters a seal's ring left before it (``TƯ G PHÓ CHỦ TỊCH``)."""
    if text.startswith(tuple(_titles())):
        return text
    title = _title_suffix(text)
    marks = text[: -len(title)] if title else ""
    return title if title and sum(c.isalpha() for c in marks) <= SEAL_MARKS and not _prefix_anywhere().search(marks) else None


def _split_name(text: str) -> tuple[str, str | None]:
    """``KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn An`` → (the capitals, the name that follows them). No word of a
    name starts in lower case: a lower-case piece after a name word is the rest of it (``Ngu y ễn``)."""
    words: list[str] = []
    for word in text.split():
        if words and word[:1].islower() and word.isalpha() and _is_name_word(words[-1]):
            words[-1] += word
        else:
            words.append(word)
    start = len(words)  # where the run of name words that ends the line begins (one pass: linear in the line)
    while start > 0 and _is_name_word(words[start - 1]):
        start -= 1
    if 0 < start < len(words) and _is_letter_syllable(words[start - 1]):
        start -= 1
    if len(words) - start >= 2:
        return " ".join(words[:start]), " ".join(words[start:])
    return text, None


def _title_suffix(caps: str) -> str | None:
    """The signer's title that ends an authority line; none after a comma, where a title list goes on (``KT. BỘ
    TRƯỞNG, CHỦ NHIỆM``: one who holds both offices, whose deputy signs on the lines below)."""
    title = next((t for t in _titles() if caps == t or caps.endswith(f" {t}")), None)
    return None if title and caps[: -len(title)].rstrip().endswith(",") else title


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower() and word.isalpha()


def _name_line(text: str) -> str | None:
    """The signer's name a line holds, after the military rank that may open it (``Đại tướng Lương Tam Quang``)."""
    name = _rank().sub("", text.lstrip(NAME_MARKS))  # ``.._Y Thông``: a scribble's marks read before the name
    return name if looks_like_name(name) else None


@cache
def _rank() -> re.Pattern[str]:
    ranks = sorted(vocabulary()["military_ranks"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(r) for r in ranks) + r")\s+(?=\S)")


def _is_letter_syllable(word: str) -> bool:
    """A name's first syllable of one letter: the Ê Đê ``Y`` (``Y Thông``)."""
    return len(word) == 1 and word.isalpha() and word.isupper()


def looks_like_name(text: str) -> bool:
    words = text.split()
    first = words[:1] if words and _is_letter_syllable(words[0]) else []
    return 2 <= len(words) <= 6 and all(_is_name_word(w) for w in words[len(first) :])


def _is_note(text: str) -> bool:
    """A line between a signer's title and name that belongs to neither: a note (``(Đã ký)``) or the marks OCR
    reads in a handwritten signature (three characters or fewer: ``l``, ``/~``; no capital letter: ``j. nng``,
    where a title is in capitals and a name capitalised; a sign no title or name holds, or a capital after a small
    letter inside a word: ``€ {SINH do,``, ``_):|kr.cHỦTịcn``; a figure, which no title or name holds: ``J099``)."""
    text = text.strip()
    if len(text.replace(" ", "")) <= 3 or not any(c.isupper() for c in text) or SCRIBBLE.search(text):
        return True
    if any(c.isdigit() for c in text):
        return True
    if any(a.islower() and b.isupper() for a, b in zip(text, text[1:])):
        return True
    return text.lower() in vocabulary()["signature_notes"] or (text.startswith("(") and text.endswith(")"))
