"""The clause reader: a task's text split into clauses, and in each the bodies it assigns with their roles.

A clause is read in three passes: the subject before a lead cue (or after ``Giao``/``Đề nghị``, or after an
opening phrase: ``Trường hợp … thì Bộ trưởng …``), the bodies after ``phối hợp với``, and the body after ``báo
cáo``. Headings pass bodies to the items under them: a heading that names a body (``Điều 28. Trách nhiệm của Bộ
Khoa học và Công nghệ``), and a list part or table column that names a role (``a) Cơ quan chủ trì``).
Opening phrases, inserted phrases and heading words are data (``data/clauses.toml``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from pipeline.language.clause_words import CLAUSES, LIST_JOIN, LIST_MARKER, clause_patterns
from pipeline.language.english import english_heading_subjects, english_mentions, is_english
from pipeline.language.folding import fold
from pipeline.language.gazetteer import known_spans
from pipeline.language.name_ends import first_stop, name_end
from pipeline.language.name_grammar import MAX_NAME_WORDS, begins_name
from pipeline.language.names import names
from pipeline.language.per_document import document_cache
from pipeline.language.place_clauses import with_its_place
from pipeline.language.roles import cue, role_headings, screened_cue
from pipeline.language.subjects import (
    defined_names, execution_list, find_doer, generic_tail, granted_a_right, next_to_verb,
)  # fmt: skip

CLAUSE_END = re.compile(r"[;.](?:\s|$)|:\s(?=\S)")
OPENING_QUOTE = re.compile(r"\s*[“\"]")  # an amending text quotes the paragraphs it puts in: “3. … .”.
TABLE_CELL = " | "
BLANKED = "  "  # what an opening phrase read as blanks leaves before a sentence's subject
HEADING_PARTS = re.compile(r"(;\s+|,\s+của\s+)")  # between the parts of a heading's names
PREDICATE_JOIN = re.compile(r"\w(?:,|\s(?:và|hoặc))\s*$")  # Kiểm tra, giám sát và | phối hợp với …: a predicate joined to the next
PARTNER_WORD = re.compile(r"\b(?:với|cùng)\b")  # phối hợp với | X, not phối hợp | tổ chức truy bắt (a verb)
THEN_SUBJECT = re.compile(r"\sthì\s+(?=\w)")  # … thì | X: a condition ends, its consequence's subject opens
CONDITION_ENDED = re.compile(r"\sthì(?:\s+(?=\w)|$)")  # … thì X … | or … thì |: a consequence follows

Mention = tuple[str, int, str]  # (role, start, name as written)


def blank_inserted(text: str) -> str:
    """`text` with the phrases set between a subject and its verb (``, trong phạm vi nhiệm vụ, quyền hạn của
    mình,``) or before the subject of a sentence (``Trong phạm vi nhiệm vụ, quyền hạn của mình, X …``) as blanks of
    the same length, so that offsets hold."""

    def blank(match: re.Match[str]) -> str:
        kept = match["opening"] or ""
        return kept + " " * (len(match[0]) - len(kept))

    return clause_patterns()["inserted"].sub(blank, text)


ROLE_HEADING_CHARS = 40  # the most a role's heading has once folded (Cơ quan, đơn vị chủ trì → co quan don vi chu tri)
# More word characters than that: each keeps a character of its own in the folding (its marks go, its letter stays).
_LONGER_THAN_A_ROLE_HEADING = re.compile(rf"(?:\W*\w){{{ROLE_HEADING_CHARS + 1}}}")


@document_cache(maxsize=65_536)  # a part's heading is asked for each line under it
def role_of_heading(heading: str) -> str | None:
    """The role a list part or table column gives (``Cơ quan chủ trì`` → lead, ``b) Cơ quan phối hợp`` → support);
    none where the role words do not open it (``4. Chế độ phối hợp, báo cáo`` is a topic)."""
    marker = LIST_MARKER.match(heading)
    words = heading[marker.end() :] if marker else heading
    if _LONGER_THAN_A_ROLE_HEADING.match(words):  # a paragraph: not folded only to be measured
        return None
    folded = fold(words)
    if len(folded) > ROLE_HEADING_CHARS:
        return None
    kinds, headings = role_headings()
    openings = {folded, kinds.sub("", folded)}  # Cơ quan, đơn vị chủ trì → chu tri
    return next((role for words, role in headings if any(o.startswith(words) for o in openings)), None)


def column_roles(header_row: str) -> dict[int, str]:
    """Roles of a task table's columns, from its header row (cells separated by `` | ``)."""
    cells = header_row.split(TABLE_CELL)
    return {i: role for i, cell in enumerate(cells) if (role := role_of_heading(cell))}


@document_cache(maxsize=4096)  # a part's heading is asked again for each task under it (five times in six)
def heading_subjects(heading: str) -> tuple[tuple[int, str], ...]:
    """The bodies a heading is about, with their offsets in it: ``Trách nhiệm của Bộ Khoa học và Công nghệ``,
    ``2. Bộ Tài chính:``, ``Sở Lao động - Thương binh và Xã hội có nhiệm vụ``. They take part in every task
    under the heading; a heading that says anything else names none."""
    if is_english(heading):  # Responsibilities of security service enterprises
        return tuple(english_heading_subjects(heading, body_start_of(heading)))
    if (handing := _handing(heading))[1]:
        return handing[0] + handing[1]
    match = clause_patterns()["subject_heading"].match(heading)
    if not match or not _names_duties(match["before"]) or not _names_duties(match["after"]):
        return ()
    if names_the_parties(heading):
        return ()  # Quyền, nghĩa vụ của các bên …: no body
    found: list[tuple[int, str]] = []
    position = match.start("names")
    # Trách nhiệm của các bộ, …; Ủy ban nhân dân các tỉnh …; … của Bộ trưởng Bộ Công an, của Thủ trưởng …
    for part, separator in _heading_parts(match["names"]):
        if begins_name(part) and not part.endswith(",") and (name := _heading_name(part, bool(match["before"]))):
            listed = names(name, whole=True)
            found += [(position + start, with_its_place(name, start, body)) for start, body in listed]
            if name != part:
                break  # what follows is the matter the heading adds (… trong việc hợp nhất, …; đổi tên quỹ)
        elif match["before"] and (kind := _generic_subject(part)):
            # a list of kinds, each with words of its own (Trách nhiệm của tổ chức tín dụng, chi nhánh ngân hàng nước
            # ngoài; … của chủ đầu tư, tổ chức vận hành): one subject each, as the names grammar splits it; a party
            # no head opens, capitalised (Nhiệm vụ, quyền hạn của KBNN; … của Chấp hành viên; … của Hải quan cửa khẩu)
            listed = names(kind, whole=True)
            found += [(position + start, name) for start, name in listed] if len(listed) > 1 else [(position, kind)]
        else:
            # … có trách nhiệm: after a subject that no name reads, one its clause reads
            return tuple(_lead_in_subjects(heading)) if heading[match.end("names") :].strip(" :.") else ()
        position += len(part) + len(separator)
    return tuple(found)


@document_cache(maxsize=4096)
def names_the_parties(heading: str) -> bool:
    """Whether a duty heading is about the parties, named by no role of theirs (``Quyền, nghĩa vụ của các bên trước
    giai đoạn xây dựng`` over what a contract must settle; ``Trách nhiệm của các bên liên quan`` over parts that name
    each party): it names no body, and no heading above it names the bodies of its items."""
    match = clause_patterns()["subject_heading"].match(heading)
    return bool(match and match["before"] and clause_patterns()["party_set"].match(match["names"]))


@document_cache(maxsize=4096)
def _handing(heading: str) -> tuple[tuple[tuple[int, str], ...], tuple[tuple[int, str], ...]]:
    """The bodies a heading or a list's lead-in hands its items to, when they close it, and the bodies that hand them,
    with their offsets: after ``giao`` or ``chỉ đạo`` (``Ngoài những nhiệm vụ quy định tại …, giao Bộ Tài chính:``,
    ``Giao Thư ký Hội đồng sát hạch:``), with the body that hands where the heading names it (``Ủy ban nhân dân cấp
    tỉnh giao Sở Nội vụ chịu trách nhiệm:``, ``Thủ trưởng đơn vị cấp sư đoàn và tương đương có trách nhiệm chỉ đạo cơ
    quan cán bộ, quân lực, tổ chức lao động:``: both lead, as ``X giao Y …`` in the gold README); or after ``cho`` in a
    heading that opens with the handing (``Phân cấp thực hiện một số nhiệm vụ … thuộc thẩm quyền của Bộ Y tế cho Cục An
    toàn thực phẩm``). None where anything but a name follows (``Giao Sở Y tế chủ trì …`` is a task of its own)."""
    patterns = clause_patterns()
    end = patterns["handing_end"].search(heading).start()
    delegation = patterns["delegation"].match(heading, 0, end)
    if delegation and _only_a_name(heading[delegation.end() : end]):
        return (), tuple((delegation.end() + s, n) for s, n in names(heading[delegation.end() : end], whole=True))
    for handing in patterns["handing"].finditer(heading, 0, end):
        by = _handers(heading[: handing.start()])
        if by is not None and _only_a_name(heading[handing.end() : end]):
            return tuple(by), tuple((handing.end() + s, n) for s, n in names(heading[handing.end() : end], whole=True))
    return (), ()


def handers(heading: str) -> frozenset[int]:
    """Where the bodies that hand a heading's items to others stand in it (``Thủ trưởng … có trách nhiệm chỉ đạo cơ
    quan thuộc quyền:``): they lead those items, but an item that opens ``Phối hợp …`` is the others' duty alone (gold
    README: it gives the body that directs nothing)."""
    return frozenset(start for start, _ in _handing(heading)[0])


def _handers(before: str) -> list[tuple[int, str]] | None:
    """The bodies that hand, when the words before a handing verb make it the heading's own verb: none named (nothing,
    or an opening phrase closed by a comma), or the name of the body that hands, alone or before its duty cue (``Thủ
    trưởng … có trách nhiệm | chỉ đạo``); None otherwise (``chuyển giao``, ``bàn giao``, ``… được giao``, ``tạm giữ
    giao cho``)."""
    subject = before.rstrip()
    if not subject or subject.endswith(","):
        return []
    duty = cue("duty").search(subject)
    if duty and not subject[duty.end() :].strip():
        subject = subject[: duty.start()]
    return names(subject, whole=True) if _only_a_name(subject) else None


def _lead_in_subjects(heading: str) -> list[tuple[int, str]]:
    """The subject of a heading that leads in a list of duties and names its body by what it does (``Cơ quan, tổ
    chức thực hiện chế độ báo cáo có trách nhiệm:``; ``Tổ chức, cá nhân kinh doanh đối tượng thủy sản nuôi chủ lực
    có trách nhiệm:``), read as a clause's subject is: the bodies before its duty verb."""
    doer = find_doer(heading)
    if doer is None or doer[0] != "lead":
        return []
    return [(start, name) for role, start, name in _mentions(heading) if role == "lead" and start < doer[1]]


def _heading_parts(words: str) -> list[tuple[str, str]]:
    """The parts of a heading's names, each with the separator after it: ``;`` or a comma and another ``của``."""
    pieces = HEADING_PARTS.split(words)
    return list(zip(pieces[::2], [*pieces[1::2], ""]))


def _heading_name(words: str, after_duties: bool) -> str | None:
    """The name a duty heading's words give, whole, or, after its duty nouns, up to the matter or time the heading
    adds in lower case (``Trách nhiệm của Bộ Khoa học và Công nghệ trong việc thực hiện …``; ``… của Viện kiểm sát
    khi kiểm sát …``); none where a verb or function word breaks the name before it (``Điều 2. Đơn vị tính giá …
    theo thời gian …`` is a topic)."""
    end = name_end(words)  # a known name holds its stop words (Tổng cục Hậu cần - Kỹ thuật)
    if end == len(words):
        return words
    if (qualified := with_its_place(words, 0, words[:end].rstrip())) != words[:end].rstrip():
        return qualified  # … của Hải quan nơi đăng ký tờ khai; Ủy ban nhân dân cấp xã nơi bị can … cư trú có trách nhiệm
    if not after_duties:
        return None
    matters = clause_patterns()["matter"].finditer(words)  # … tại các thành phố: a place, the name's own
    matter = next((m for m in matters if words[m.end() : m.end() + 1].islower() and m[0].strip() != "tại"), None)
    name = words[: matter.start()].rstrip(" ,") if matter else ""
    return name if name and first_stop(name) == len(name) else None


def _generic_subject(words: str) -> str | None:
    """The subject of a duty heading named by its kind (``Trách nhiệm của người sử dụng lao động``, ``Nghĩa vụ
    của chủ dự án đầu tư sau khi được xác nhận …``): the words up to the matter or time the heading adds, when
    they are few enough to be a name: a party no head opens (``Chấp hành viên``, ``KBNN``), or a kind in lower case,
    whose lists run longer (``tổ chức, cá nhân tham gia chuẩn bị ứng phó và hoạt động ứng phó sự cố``)."""
    matter = clause_patterns()["matter"].search(words)
    kind = words[: matter.start() if matter else len(words)].rstrip(" ,")
    return kind if 1 <= len(kind.split()) <= MAX_NAME_WORDS * (2 if kind[:1].islower() else 1) else None


def _names_duties(nouns: str | None) -> bool:
    """Whether the nouns of a heading (``Quyền và trách nhiệm``), if any, name duties and not only powers
    (``Trưởng Công an cấp xã có quyền``: what follows are powers to sanction, not tasks)."""
    if nouns is None:
        return True
    powers, _ = _heading_nouns()
    return any(fold(noun) not in powers for noun in re.split(r",\s*|\s+và\s+", nouns))


@cache
def _heading_nouns() -> tuple[frozenset[str], re.Pattern[str]]:
    """The folded nouns of powers (``quyen``, ``tham quyen``), and a pattern for any folded noun of duties that is
    none of them (``trach nhiem``, ``nhiem vu``) as a whole word."""
    powers = frozenset(fold(noun) for noun in CLAUSES.data()["power_nouns"])
    duties = {fold(noun) for noun in CLAUSES.data()["duty_nouns"]} - powers
    return powers, re.compile(rf"\b(?:{'|'.join(re.escape(noun) for noun in sorted(duties))})\b")


def grants_powers(heading: str) -> bool:
    """Whether a heading names powers and no duties (``Điều 4. Thẩm quyền chấp thuận thay đổi``, ``1. Thẩm quyền
    chấp thuận thay đổi:``): what the bodies under it approve or decide are competences, no tasks (gold README)."""
    words = fold(heading[body_start_of(heading) :])
    powers, duties = _heading_nouns()
    return words.startswith(tuple(powers)) and not duties.search(words)


@cache
def _power_list_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The folded nouns of a procedure (``thủ tục``) and the folded endings that give a body powers (`` có quyền``)."""
    data = CLAUSES.data()
    return tuple(fold(noun) for noun in data["procedure_nouns"]), tuple(f" {fold(e)}" for e in data["power_list_endings"])


def lists_powers(heading: str) -> bool:
    """Whether a heading lists powers: it names powers and no duties or procedure (``Điều 15. Thẩm quyền của Quốc
    hội trong việc xem xét kết quả giám sát``, ``2. Quyền hạn``), or it ends by giving its body powers (``1. Chủ tịch
    Ủy ban nhân dân cấp xã có quyền:``)."""
    words = fold(heading[body_start_of(heading) :]).rstrip(" :.")
    procedure_nouns, endings = _power_list_words()
    if grants_powers(heading):
        return not any(noun in words for noun in procedure_nouns)
    return words.endswith(endings) and not _heading_nouns()[1].search(words)


@cache
def _binding() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in CLAUSES.data()["binding_words"])
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def binds(text: str) -> bool:
    """Whether a paragraph binds in so many words (``phải``, ``có trách nhiệm``, ``nghĩa vụ``, ``báo cáo``): a duty
    even among powers (``Người nhận được kiến nghị có trách nhiệm xem xét và trả lời …``)."""
    return bool(_binding().search(text))


def inherited_role(task_text: str) -> str | None:
    """The role of a heading's body in a task under it: ``Phối hợp với …`` makes it a support, else it leads; none
    in an item that grants a right (``Được yêu cầu …``, ``Được cung cấp thông tin …``: a list of the body's rights)."""
    marker = LIST_MARKER.match(task_text)
    opening = task_text[marker.end() if marker else 0 :]
    if granted_a_right(f" {opening[:1].lower()}{opening[1:]}", 0):
        return None
    return "support" if clause_patterns()["support_opening"].match(opening) else "lead"


def opens_with_request(task_text: str) -> bool:
    """Whether an item opens with a request (``c) Yêu cầu thủ trưởng các cơ quan, đơn vị có liên quan cử cán bộ …``):
    under a heading that names its body, one of that body's powers."""
    marker = LIST_MARKER.match(task_text)
    return bool(cue("request_opening").match(task_text, marker.end() if marker else 0))


def clauses(text: str) -> list[tuple[int, str, str]]:
    """Clauses split at ``;``, sentence ends and colons, with their offsets and the delimiter that ends them."""
    return list(_clauses(text))


def _clauses(text: str) -> Iterator[tuple[int, str, str]]:
    """:func:`clauses` one at a time, so that a reader of the first (:func:`names_a_doer`) splits no further."""
    start = 0
    for match in CLAUSE_END.finditer(text):
        if (clause := text[start : match.start()]).strip():
            yield start, clause, match.group(0)
        start = match.end()
    if text[start:].strip():
        yield start, text[start:], ""


def clause_mentions(text: str) -> list[Mention]:
    """(role, start, name) of every body the clauses of a task assign. A clause that only lists bodies before a
    semicolon (``Chánh Văn phòng …; Giám đốc Sở Tài chính; … chịu trách nhiệm thi hành``) shares the lead of the
    clause whose subject it continues."""
    mentions: list[Mention] = []
    pending: list[Mention] = []
    for start, clause, delimiter in clauses(text):
        rest = text[start + len(clause) + len(delimiter) :]
        # a list of subjects goes on in lower case past a semicolon (Các Bộ, …; giám đốc sở giáo dục và đào tạo;
        # hiệu trưởng các cơ sở giáo dục … có trách nhiệm thực hiện): read as a list's items, names as written
        read = _capitalised(clause) if pending else clause
        found = [
            (role, start + name_start, clause[name_start : name_start + len(name)])
            for role, name_start, name in (_bullet_subject(read, rest) if delimiter.startswith(":") else [])
            or _mentions(read)
        ]
        body_start = start + body_start_of(clause)
        if any(role == "lead" and name_start == body_start for role, name_start, _ in found):
            mentions += pending
        listed = [(role, s, text[s : s + len(name)]) for role, s, name in _subject_list(read, start)]
        pending = pending + listed if not found and delimiter.startswith(";") else []
        mentions += found
    return mentions


def _capitalised(clause: str) -> str:
    """`clause` with the first letter of its words capitalised, as a sentence or a list item opens."""
    start = body_start_of(clause)
    return clause[:start] + clause[start : start + 1].upper() + clause[start + 1 :]


def names_a_doer(text: str) -> bool:
    """Whether a paragraph opens with a body that a lead verb follows (``Sở Nội vụ tổ chức thẩm định …``,
    ``Trưởng các điểm thi có trách nhiệm …``, also after an opening phrase: ``Trong thời hạn 10 ngày …, Sở Nội vụ
    tổ chức thẩm định``): it assigns work even outside a part that holds tasks."""
    body = text[body_start_of(text) :]  # past a list label, whose dot (2.) is no clause end
    if clause_patterns()["support_opening"].match(body):
        return False  # Phối hợp với Bộ Nội vụ …: a partner, no doer; the heading's body does the work
    subject = next((c for _, c, _ in _clauses(body)), "")
    # (not the subject after a condition's thì: its paragraph's time limit is the condition's, no deadline of a task)
    return any(role != "report_to" for role, _, _ in _mentions(subject, after_a_condition=False))


def body_start_of(clause: str) -> int:
    """Where a clause's words begin: past the quotation mark that opens an amended text (``“4. Thanh tra Ngân hàng
    Nhà nước có trách nhiệm:``), its list marker (``2.``, ``a)``, ``-``) and spaces."""
    quote = OPENING_QUOTE.match(clause)
    start = quote.end() if quote else 0
    marker = LIST_MARKER.match(clause[start:])
    return start + (marker.end() if marker else len(clause[start:]) - len(clause[start:].lstrip()))


def _subject_list(clause: str, start: int) -> list[Mention]:
    """A clause that is nothing but bodies (``Giám đốc Công an tỉnh``), as leads should a verb follow."""
    body_start = body_start_of(clause)
    subject = clause[body_start:].rstrip()
    if not begins_name(subject) or first_stop(subject) < len(subject):
        return []
    return [("lead", start + body_start + s, n) for s, n in names(subject, whole=True)]


def _bullet_subject(clause: str, rest: str) -> list[Mention]:
    """``- Sở Tài chính: …``: a body alone (or before its verb: ``… có trách nhiệm:``) before a colon leads what
    follows (supports it, when that opens ``Phối hợp``); so does the body a duty heading run into its item names
    (``a) Nhiệm vụ của người chỉ đạo chữa cháy rừng: chỉ đạo toàn diện …``), unless what follows names its own."""
    start = body_start_of(clause)
    subject = clause[start:]
    doer = find_doer(subject)
    if doer and doer[2]:  # Cơ sở đăng kiểm cung cấp dịch vụ kiểm định có trách nhiệm: …: a kind its words define,
        return []  # read as the clause's subject (defined_names), with what the clause says after its verb
    if doer:  # Chủ tịch UBND các huyện có trách nhiệm: …
        subject = subject[: doer[1]]
    found = names(subject, whole=doer is None)
    if not found and doer is None and not names_a_doer(rest):
        found = list(heading_subjects(subject))
    if found and len(subject.split()) <= 2 * MAX_NAME_WORDS and (role := inherited_role(rest)):
        return [(role, start + offset, name) for offset, name in found]
    return []


@document_cache(maxsize=16_384)  # a clause is read again as a paragraph's subject (names_a_doer) and by its task
def _mentions(clause: str, after_a_condition: bool = True) -> tuple[Mention, ...]:
    """(role, start in the clause, name as written) of every body the clause assigns: the subject before a lead
    cue (``Sở Y tế chủ trì``; also after an opening phrase: ``Căn cứ báo cáo …, Bộ trưởng Bộ Tài chính ban
    hành``, ``Trường hợp … thì Bộ trưởng Bộ Quốc phòng gửi``), the bodies after a directing cue (``Giao``,
    ``đề nghị``, ``chỉ đạo`` …), after ``phối hợp với`` and after ``báo cáo``, and the agent of a passive duty
    (``… do Chính phủ quy định``)."""
    patterns = clause_patterns()
    body_start = body_start_of(clause)
    if is_english(clause):  # an English translation: Ministry of Finance shall guide …
        return tuple(english_mentions(clause, body_start))
    mentions: list[Mention] = []
    starts = [body_start]
    if patterns["opener"].match(clause, body_start):
        starts += [
            m.end()
            for m in patterns["inner_subject"].finditer(clause, body_start)
            if (clause[m.end()].isupper() or patterns["lower_case_subject"].match(clause, m.end()))
            and not any(s < m.end() < e for s, e in known_spans(clause))  # Bộ Văn hóa, | Thể thao và Du lịch
            # … nếu có vấn đề phát sinh, chủ trì, phối hợp với các bộ, …: past a verb, a list goes on, no subject
            and not any(cue(c).search(clause, body_start, m.start()) for c in ("leading", "support"))
            and not _directs_a_body(clause, body_start, m.start())
            and not (
                m[0].startswith(",") and clause[m.end()].islower()
                and patterns["kind_before"].search(clause, body_start, m.start())
            )
        ]
        # theo đề nghị của A, B, C quyết định: only the last body of a list a preposition took is the subject
        starts = [body_start] + [
            start for start, later in zip(starts[1:], starts[2:] + [None])
            if later is None or not _only_a_name(clause[start:later]) or not _goes_on_with_bodies(clause, body_start, start)
        ]  # fmt: skip
        if then := [start for start in starts[1:] if clause[:start].rstrip().endswith(" thì")]:
            starts = [body_start] + [start for start in starts[1:] if start >= then[0]]  # … thì X: X, not before
    elif (
        after_a_condition
        and (then := THEN_SUBJECT.search(clause, body_start))
        and not find_doer(clause[body_start : then.start()])
    ):
        # a condition with no opening word, whose words give no body a verb: its subject follows thì (Cán bộ … hy sinh,
        # từ trần thì | đơn vị trực tiếp quản lý cán bộ chủ trì …; Vật chứng đã được … tiếp nhận … thì | cơ quan …)
        starts = [then.end()]
    for start in starts:  # the clause's subject, or one after an opening phrase (Trường hợp … thì Bộ trưởng …)
        # … kể từ ngày nhận được hồ sơ, cơ quan tiếp nhận có trách nhiệm; (Trong phạm vi nhiệm vụ, quyền hạn của mình,)
        # cơ quan, tổ chức, cá nhân có liên quan có trách nhiệm …: read as opening a sentence
        subject = clause[start:]
        if start != body_start or clause[:body_start].endswith(BLANKED):
            subject = subject[:1].upper() + subject[1:]
        if start == body_start and (listed := execution_list(subject)):  # … và các tổ chức … chịu trách nhiệm thi hành
            mentions += [("lead", start + s, clause[start + s : start + s + len(n)]) for s, n in listed]
            break
        if not cue("lead_before").match(subject) and (doer := find_doer(subject)):
            role, verb, whole = doer
            if role == "lead" and cue("regulated_firm").match(subject) and not cue("duty").match(subject, verb):
                break  # Ngân hàng thương mại lập 01 bộ hồ sơ …: a regulated firm's conduct, no task (gold README)
            found = defined_names(subject[:verb]) if whole else names(subject[: verb + 1])
            found += generic_tail(subject, found, verb)
            if start != body_start and not (found and next_to_verb(subject[found[-1][0] + len(found[-1][1]) : verb])):
                continue  # after an opening phrase, only a subject right before its verb
            mentions += [(role, start + s, clause[start + s : start + s + len(n)]) for s, n in found]
            break
    paper = bool(patterns["document_noun"].match(clause, body_start))  # Văn bản … đề nghị Ngân hàng Nhà nước …
    for role, name in (("lead", "lead_before"), ("support", "support"), ("report_to", "report")):
        matches = list(screened_cue(name).finditer(clause))
        for match, following in zip(matches, [*matches[1:], None]):
            if role == "lead" and paper and not mentions:
                continue  # a paper that asks (an application, a form) directs no body
            if role == "lead" and cue("right_before").search(clause, max(0, match.start() - 20), match.end()):
                continue  # … có quyền yêu cầu X …: a right of the subject, no task of X
            if role == "support" and not _works_with_partner(clause[: match.start()], mentions, match[0]):
                continue  # … nếu phối hợp với X: no one named works with the partner
            if role == "lead" and cue("organising").match(clause, match.end()):
                continue  # chỉ đạo | tổ chức thu thập thông tin …: the verb the directed are told, no body
            # báo cáo Thủ tướng Chính phủ, | đồng gửi Bộ Tài chính: a list of bodies reports go to ends at the next
            end = following.start() if following and role == "report_to" else len(clause)
            found = names(clause[match.end() : end].rstrip(" ,"))
            if role == "lead" and cue("requesting").search(match[0]):
                found = _not_deciders(clause, match.end(), found)
                if _asked_by_a_subject(clause, body_start, match.start(), mentions):  # X yêu cầu | ngân hàng …
                    found = [(offset, name) for offset, name in found if not cue("private_party").match(name)]
            if role == "support" and cue("held_function").match(clause, match.end() + _list_end(clause, match.end(), found)):
                continue  # phối hợp với Chính phủ thực hiện quản lý nhà nước: the partner's own function, no task of it
            mentions += [(role, match.end() + s, n) for s, n in found]
    mentions += _passive_agents(clause)
    return tuple((role, start, with_its_place(clause, start, name)) for role, start, name in mentions)


def _passive_agents(clause: str) -> list[Mention]:
    """The agent of a passive duty that ends the clause (``… theo mức do Chính phủ quy định``): a lead, when its words
    are names and nothing more (gold README, passive duties)."""
    # … or a task named as a noun, done by its agent (Việc … do Vụ Tổ chức cán bộ thực hiện.)
    # … or an agent charged with a duty (Hiện vật … do Cục Quản trị tài vụ chịu trách nhiệm mua sắm)
    readings = (cue("passive_agent").search(clause), cue("task_agent").match(clause, body_start_of(clause)))
    for passive in (*readings, *cue("duty_agent").finditer(clause)):
        if passive and _only_a_name(passive["agent"]):
            return [("lead", passive.start("agent") + s, n) for s, n in names(passive["agent"], whole=True)]
    return []


def names_an_agent(paragraph: str) -> bool:
    """Whether a paragraph gives a duty in the passive to its agent (``Các bản vẽ … được lập theo tỷ lệ do Bộ trưởng
    Bộ Xây dựng quy định.``): it assigns work wherever it stands."""
    return any(_passive_agents(clause) for _, clause, _ in clauses(paragraph))


def _not_deciders(clause: str, start: int, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The bodies named after a request (`start`: where they begin in `clause`) but the list that opens it when the
    list is asked to consider or decide (``đề nghị | Bộ trưởng | xem xét, quyết định khen thưởng``): a decider holds a
    power, no task (gold README); so is a body named by its competence, whatever it is asked (``đề nghị | cơ quan có
    thẩm quyền | xử lý các hành vi vi phạm``, ``yêu cầu | cơ quan, người có thẩm quyền | xem xét trách nhiệm``): it is
    asked to use the competence its name gives it."""
    found = [(offset, name) for offset, name in found if not clause_patterns()["competence"].search(name)]
    end = _list_end(clause, start, found)
    if not end or not cue("decision").match(clause, start + end):
        return found
    return [(offset, name) for offset, name in found if offset >= end]


def _list_end(clause: str, start: int, found: list[tuple[int, str]]) -> int:
    """Where the list of bodies that opens at `start` in `clause` ends, relative to `start` (0: none opens there): the
    end of the last of `found` that a comma or ``và`` joins to the one before it."""
    end = 0
    for offset, name in found:
        if offset != end and not LIST_JOIN.fullmatch(clause, start + end, start + offset):
            break
        end = offset + len(name)
    return end


def _asked_by_a_subject(clause: str, body_start: int, request: int, mentions: list[Mention]) -> bool:
    """Whether the request at `request` is the verb of a subject before it (``Ngân hàng Nhà nước có văn bản | yêu cầu
    …``, ``Cơ quan tiếp nhận … | yêu cầu …``): a step of a procedure, whose regulated party asked is told its conduct
    (gold README); not the document's own request, opening the clause or after an opening phrase (``Đề nghị …``,
    ``Trong quá trình thực hiện, nếu có vướng mắc, | đề nghị …``, ``… thì | yêu cầu …``)."""
    if any(start < request for role, start, _ in mentions if role == "lead"):
        return True
    before = clause[body_start:request].rstrip()
    return bool(before) and not before.endswith(",") and not CONDITION_ENDED.search(before)


def _directs_a_body(clause: str, start: int, end: int) -> bool:
    """Whether a directing cue between `start` and `end` names the body it directs (``…, đề nghị các cơ quan,
    …``: the list after it goes on); one that does not is a noun of the opening phrase (``kể từ ngày nhận đủ hồ sơ
    đề nghị cấp lại thẻ``, ``trường hợp cá nhân có yêu cầu nhận bản giấy``)."""
    return any(names(clause[m.end() : end]) for m in cue("lead_before").finditer(clause, start, end))


def _only_a_name(words: str) -> bool:
    """Whether `words` (up to the next comma that may open a subject) are a body's name and nothing more: no verb
    after it (``Bộ Tài chính lấy ý kiến của Bộ Ngoại giao, …``: the list after the verb is its object)."""
    name = words.rstrip(" ,")
    return first_stop(name) == len(name) and bool(names(name, whole=True))


def _goes_on_with_bodies(clause: str, start: int, end: int) -> bool:
    """Whether the words before `end` (a subject's start, past a comma) are a list of bodies that a preposition of
    the opening phrase took (``theo đề nghị của Thường trực Hội đồng nhân dân, | Ban của Hội đồng nhân dân, | …``),
    so that the list may go on there."""
    taken = list(clause_patterns()["taking"].finditer(clause, start, end))
    if not taken or BLANKED in clause[taken[-1].end() : end]:
        return False  # … của cơ quan có thẩm quyền, | trong phạm vi chức năng, nhiệm vụ, | Bộ Quốc phòng: a blank ends it
    return bool(names(clause[taken[-1].end() : end].rstrip(" ,"), whole=True))


def _works_with_partner(before: str, mentions: list[Mention], partnering: str) -> bool:
    """Whether a clause names who works with the partner after its ``phối hợp với`` (then the partner supports too):
    a subject before it (``Sở Y tế chủ trì, phối hợp với …`` leads; ``Cơ quan đăng ký hộ tịch phối hợp với các cơ
    quan có liên quan …`` supports) or a directed body, or a leading verb (``Chủ trì, phối hợp với …``) whose subject
    is the heading's body, or nothing: a task that opens ``Phối hợp với Y …`` is a duty of the heading's body, which Y
    shares (the gold README, doc_000545); so is one whose own predicate the partnering with Y joins (``Hướng dẫn …
    và phối hợp với Y …``)."""
    return (
        any(start < len(before) for _, start, _ in mentions)
        or bool(cue("leading").search(before))
        or not before[body_start_of(before) :].strip()
        or (PARTNER_WORD.search(partnering) is not None and _coordinated_predicate(before[body_start_of(before) :]))
    )


def _coordinated_predicate(before: str) -> bool:
    """Whether the words before a clause's ``phối hợp với`` are a predicate of its own that the partnering joins (``b)
    Hướng dẫn chuyên môn, nghiệp vụ và | phối hợp với …``, ``g) Tổ chức, | phối hợp với …``): the task's body does both,
    so its partner supports as after a bare ``Phối hợp với``; not after an opening phrase (``Nếu cần thiết, | phối hợp
    với …``) nor a noun (``Việc phối hợp với …``, ``Kết quả phối hợp với …``), which join nothing."""
    return bool(PREDICATE_JOIN.search(before)) and not clause_patterns()["opener"].match(before)
