"""The clause reader: a task's text split into clauses, and in each the bodies it assigns with their roles.

A clause is read in three passes: the subject before a lead cue (or after ``Giao``/``Đề nghị``, or after an
opening phrase: ``Trường hợp … thì Bộ trưởng …``), the bodies after ``phối hợp với``, and the body after ``báo
cáo``. Headings pass bodies to the items under them: a heading that names a body (``Điều 28. Trách nhiệm của Bộ
Khoa học và Công nghệ``), and a list part or table column that names a role (``a) Cơ quan chủ trì``).
Opening phrases, inserted phrases and heading words are data (``data/clauses.toml``)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.language.folding import fold
from pipeline.language.gazetteer import known_spans
from pipeline.language.english import english_heading_subjects, english_mentions, is_english
from pipeline.language.lexicon import agreement, lexicon
from pipeline.language.names import (
    MAX_NAME_WORDS, alternation, begins_name, first_stop, name_end, names, without_trailers,
)  # fmt: skip
from pipeline.language.per_document import document_cache
from pipeline.language.roles import ROLES, cue, role_cues, role_headings, screened_cue

CLAUSES = lexicon(
    "clauses.toml",
    {
        key: [str]
        for key in (
            "openers", "subject_after", "inserted_phrases", "subject_heading_prefixes", "subject_heading_suffixes",
            "support_openings", "duty_nouns", "power_nouns", "document_nouns", "qualifiers", "matter_openings",
            "lower_case_subjects", "competent_kinds", "competence_words", "competence_references", "list_takers",
            "not_subjects",
        )
    },
)  # fmt: skip

CLAUSE_END = re.compile(r"[;.](?:\s|$)|:\s(?=\S)")
LIST_MARKER = re.compile(r"^(?:[-+*•]|\d+(?:\.\d+)*\s*[.)]|[a-zđ]\)|[IVXLC]+\s*[.\-–]|Điều\s+\d+[a-z]?\s*[.:])\s*")
OPENING_QUOTE = re.compile(r"\s*[“\"]")  # an amending text quotes the paragraphs it puts in: “3. … .”.
TABLE_CELL = " | "
BLANKED = "  "  # what an opening phrase read as blanks leaves before a sentence's subject
LIST_JOIN = re.compile(r",?\s+và\s+|,\s+")  # between the last two bodies of a list
LIST_END = re.compile(r"(?:,|\svà)\s*$")  # … a list that goes on
MAX_QUALIFIER_WORDS = 12  # … Sở Tư pháp | nơi đặt trụ sở của Chi nhánh | có trách nhiệm
HEADING_PARTS = re.compile(r"(;\s+|,\s+của\s+)")  # between the parts of a heading's names
PLACE_END = re.compile(r"[,;:.()]|\s(?:để|và|hoặc|về|làm)\s")  # … nơi đặt trụ sở chi nhánh | (hoặc nơi …)
NOT_BEFORE_PLACE = {"tới", "đến", "tại", "ở", "từ", "về"}  # … tới | nơi …: "nơi" is the place gone to, no qualifier
PLACE_VERBS = ("lead_after", "lead_next", "duty", "support_after", "powers_after", "report")  # … nơi cư trú | thực hiện
MAX_BARE_SUBJECT_WORDS = 8  # a subject that no head opens, before its duty cue (Bên mua điện có trách nhiệm …)

Mention = tuple[str, int, str]  # (role, start, name as written)


@agreement
def _roles_known() -> list[str]:
    return [
        f"role_cues.toml: role_headings.{words} = {role!r} is no role (one of {', '.join(ROLES)})"
        for words, role in role_cues()["role_headings"].items()
        if role not in ROLES
    ]


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data: dict[str, Any] = CLAUSES.data()
    duties = alternation(data["duty_nouns"])
    return {
        # between commas, or opening a sentence or item (Trong phạm vi nhiệm vụ, quyền hạn của mình, Bộ Công Thương …)
        "inserted": re.compile(
            rf"(?:,\s*|(?P<opening>(?:^|[.;:]\s+)(?:{LIST_MARKER.pattern[1:]})?))"
            rf"(?:{alternation(data['inserted_phrases'])})\s*,",
            re.IGNORECASE | re.MULTILINE,
        ),
        "opener": re.compile(rf"(?:{alternation(data['openers'])})(?=[\s,])", re.IGNORECASE),
        "inner_subject": re.compile(rf"(?:,|\s(?:{alternation(data['subject_after'])}))\s+(?=\w)"),
        "lower_case_subject": re.compile(rf"(?:{alternation(data['lower_case_subjects'])})\b"),
        "not_subject": re.compile(rf"(?:{alternation(data['not_subjects'])})\b"),
        "document_noun": re.compile(rf"(?:{alternation(data['document_nouns'])})\b"),
        "support_opening": re.compile(rf"(?:{alternation(data['support_openings'])})\b", re.IGNORECASE),
        "competent": re.compile(  # Cơ quan có thẩm quyền | quy định tại khoản 2 Điều này
            rf"(?:{alternation(data['competent_kinds'])})\s+(?:{alternation(data['competence_words'])})"
            rf"(?:\s+(?:{alternation(data['competence_references'])})\s+[^;.:]{{0,80}}?\snày)?(?=\s)"
        ),
        # a kind of body before a comma and one in lower case after it: a list of kinds goes on (về cơ quan, | người
        # có thẩm quyền …), no subject opens
        "kind_before": re.compile(rf"\b(?i:{alternation(role_cues()['defined_kinds'] + data['competent_kinds'])})$"),
        "competence_reference": re.compile(rf"\s+(?:{alternation(data['competence_references'])})\s"),
        "provision": re.compile(rf"\s+(?:{alternation(data['competence_references'])})\s[^;.:]{{0,80}}?\snày(?=\s|$)"),
        "taking": re.compile(rf"\s(?:{alternation(data['list_takers'])})\s+"),
        "place": re.compile(rf"\s+(?:{alternation(data['qualifiers'])})\s+"),
        "matter": re.compile(rf"\s(?:{alternation(data['matter_openings'])})\s"),
        "subject_heading": re.compile(
            rf"^(?:(?:{alternation(data['subject_heading_prefixes'])}"
            rf"|(?P<before>(?i:{duties})(?:(?:,\s*|\s+và\s+)(?i:{duties}))*)\s+của)\s+)?(?P<names>.+?)"
            rf"(?:\s+(?:{alternation(data['subject_heading_suffixes'])}"
            # … có các nhiệm vụ, quyền hạn sau đây
            rf"|(?:có|chịu|thực hiện)\s+(?:các\s+)?(?P<after>(?:{duties})(?:(?:,\s*|\s+và\s+)(?:{duties}))*)"
            rf"(?:\s+(?:sau đây|sau|như sau))?))?\s*[:.]?$"
        ),
    }


def blank_inserted(text: str) -> str:
    """`text` with the phrases set between a subject and its verb (``, trong phạm vi nhiệm vụ, quyền hạn của
    mình,``) or before the subject of a sentence (``Trong phạm vi nhiệm vụ, quyền hạn của mình, X …``) as blanks of
    the same length, so that offsets hold."""

    def blank(match: re.Match[str]) -> str:
        kept = match["opening"] or ""
        return kept + " " * (len(match[0]) - len(kept))

    return _patterns()["inserted"].sub(blank, text)


@document_cache(maxsize=65_536)  # a part's heading is asked for each line under it
def role_of_heading(heading: str) -> str | None:
    """The role a list part or table column gives (``Cơ quan chủ trì`` → lead, ``b) Cơ quan phối hợp`` → support);
    none where the role words do not open it (``4. Chế độ phối hợp, báo cáo`` is a topic)."""
    marker = LIST_MARKER.match(heading)
    folded = fold(heading[marker.end() :] if marker else heading)
    if len(folded) > 40:
        return None
    kinds, headings = role_headings()
    openings = {folded, kinds.sub("", folded)}  # Cơ quan, đơn vị chủ trì → chu tri
    return next((role for words, role in headings if any(o.startswith(words) for o in openings)), None)


def column_roles(header_row: str) -> dict[int, str]:
    """Roles of a task table's columns, from its header row (cells separated by `` | ``)."""
    cells = header_row.split(TABLE_CELL)
    return {i: role for i, cell in enumerate(cells) if (role := role_of_heading(cell))}


def heading_subjects(heading: str) -> list[tuple[int, str]]:
    """The bodies a heading is about, with their offsets in it: ``Trách nhiệm của Bộ Khoa học và Công nghệ``,
    ``2. Bộ Tài chính:``, ``Sở Lao động - Thương binh và Xã hội có nhiệm vụ``. They take part in every task
    under the heading; a heading that says anything else names none."""
    if is_english(heading):  # Responsibilities of security service enterprises
        return english_heading_subjects(heading)
    match = _patterns()["subject_heading"].match(heading)
    if not match or not _names_duties(match["before"]) or not _names_duties(match["after"]):
        return []
    found: list[tuple[int, str]] = []
    position = match.start("names")
    # Trách nhiệm của các bộ, …; Ủy ban nhân dân các tỉnh …; … của Bộ trưởng Bộ Công an, của Thủ trưởng …
    for part, separator in _heading_parts(match["names"]):
        if begins_name(part) and not part.endswith(",") and (name := _heading_name(part, bool(match["before"]))):
            listed = names(name, whole=True)
            found += [(position + start, _with_its_place(name, start, body)) for start, body in listed]
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
            return _lead_in_subjects(heading) if heading[match.end("names") :].strip(" :.") else []
        position += len(part) + len(separator)
    return found


def _lead_in_subjects(heading: str) -> list[tuple[int, str]]:
    """The subject of a heading that leads in a list of duties and names its body by what it does (``Cơ quan, tổ
    chức thực hiện chế độ báo cáo có trách nhiệm:``; ``Tổ chức, cá nhân kinh doanh đối tượng thủy sản nuôi chủ lực
    có trách nhiệm:``), read as a clause's subject is: the bodies before its duty verb."""
    doer = _doer(heading)
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
    if (qualified := _with_its_place(words, 0, words[:end].rstrip())) != words[:end].rstrip():
        return qualified  # … của Hải quan nơi đăng ký tờ khai; Ủy ban nhân dân cấp xã nơi bị can … cư trú có trách nhiệm
    if not after_duties:
        return None
    matters = _patterns()["matter"].finditer(words)  # … tại các thành phố: a place, the name's own
    matter = next((m for m in matters if words[m.end() : m.end() + 1].islower() and m[0].strip() != "tại"), None)
    name = words[: matter.start()].rstrip(" ,") if matter else ""
    return name if name and first_stop(name) == len(name) else None


def _generic_subject(words: str) -> str | None:
    """The subject of a duty heading named by its kind (``Trách nhiệm của người sử dụng lao động``, ``Nghĩa vụ
    của chủ dự án đầu tư sau khi được xác nhận …``): the words up to the matter or time the heading adds, when
    they are few enough to be a name: a party no head opens (``Chấp hành viên``, ``KBNN``), or a kind in lower case,
    whose lists run longer (``tổ chức, cá nhân tham gia chuẩn bị ứng phó và hoạt động ứng phó sự cố``)."""
    matter = _patterns()["matter"].search(words)
    kind = words[: matter.start() if matter else len(words)].rstrip(" ,")
    return kind if 1 <= len(kind.split()) <= MAX_NAME_WORDS * (2 if kind[:1].islower() else 1) else None


def _names_duties(nouns: str | None) -> bool:
    """Whether the nouns of a heading (``Quyền và trách nhiệm``), if any, name duties and not only powers
    (``Trưởng Công an cấp xã có quyền``: what follows are powers to sanction, not tasks)."""
    if nouns is None:
        return True
    powers = {fold(noun) for noun in CLAUSES.data()["power_nouns"]}
    return any(fold(noun) not in powers for noun in re.split(r",\s*|\s+và\s+", nouns))


def inherited_role(task_text: str) -> str | None:
    """The role of a heading's body in a task under it: ``Phối hợp với …`` makes it a support, else it leads; none
    in an item that grants a right (``Được yêu cầu …``, ``Được cung cấp thông tin …``: a list of the body's rights)."""
    marker = LIST_MARKER.match(task_text)
    opening = task_text[marker.end() if marker else 0 :]
    if _granted_a_right(f" {opening[:1].lower()}{opening[1:]}", 0):
        return None
    return "support" if _patterns()["support_opening"].match(opening) else "lead"


def clauses(text: str) -> list[tuple[int, str, str]]:
    """Clauses split at ``;``, sentence ends and colons, with their offsets and the delimiter that ends them."""
    found, start = [], 0
    for match in CLAUSE_END.finditer(text):
        found.append((start, text[start : match.start()], match.group(0)))
        start = match.end()
    found.append((start, text[start:], ""))
    return [(s, c, d) for s, c, d in found if c.strip()]


def clause_mentions(text: str) -> list[Mention]:
    """(role, start, name) of every body the clauses of a task assign. A clause that only lists bodies before a
    semicolon (``Chánh Văn phòng …; Giám đốc Sở Tài chính; … chịu trách nhiệm thi hành``) shares the lead of the
    clause whose subject it continues."""
    mentions: list[Mention] = []
    pending: list[Mention] = []
    for start, clause, delimiter in clauses(text):
        rest = text[start + len(clause) + len(delimiter) :]
        found = [
            (role, start + name_start, name)
            for role, name_start, name in (_bullet_subject(clause, rest) if delimiter.startswith(":") else [])
            or _mentions(clause)
        ]
        body_start = start + body_start_of(clause)
        if any(role == "lead" and name_start == body_start for role, name_start, _ in found):
            mentions += pending
        pending = pending + _subject_list(clause, start) if not found and delimiter.startswith(";") else []
        mentions += found
    return mentions


def names_a_doer(text: str) -> bool:
    """Whether a paragraph opens with a body that a lead verb follows (``Sở Nội vụ tổ chức thẩm định …``,
    ``Trưởng các điểm thi có trách nhiệm …``, also after an opening phrase: ``Trong thời hạn 10 ngày …, Sở Nội vụ
    tổ chức thẩm định``): it assigns work even outside a part that holds tasks."""
    body = text[body_start_of(text) :]  # past a list label, whose dot (2.) is no clause end
    if _patterns()["support_opening"].match(body):
        return False  # Phối hợp với Bộ Nội vụ …: a partner, no doer; the heading's body does the work
    subject = next((c for _, c, _ in clauses(body)), "")
    return any(role != "report_to" for role, _, _ in _mentions(subject))


def body_start_of(clause: str) -> int:
    """Where a clause's words begin: past the quotation mark that opens an amended text (``“4. Thanh tra Ngân hàng
    Nhà nước có trách nhiệm:``), its list marker (``2.``, ``a)``, ``-``) and spaces."""
    quote = OPENING_QUOTE.match(clause)
    start = quote.end() if quote else 0
    marker = LIST_MARKER.match(clause[start:])
    return start + (marker.end() if marker else len(clause[start:]) - len(clause[start:].lstrip()))


def _doer(subject: str) -> tuple[str, int, bool] | None:
    """(role, where its verb begins, whether all before the verb is the name) when `subject` opens with a body
    that a lead or a support cue follows, by the first cue (``Sở Y tế chủ trì, phối hợp …`` leads; ``Tòa án nhân
    dân tối cao …, phối hợp tổ chức thực hiện`` supports). None when the body is given powers rather than work
    (``… có thẩm quyền xử phạt``). A body defined by what it does (``Cơ quan chủ trì soạn thảo có trách nhiệm …``)
    takes its verb from a duty cue, past the verbs of its definition; a public body so named, from ``phải`` too
    (``Cơ quan tiếp nhận hồ sơ phải tiến hành …``)."""
    duty = cue("duty").search(subject)
    if cue("public_kind").match(subject) and (must := cue("public_duty").search(subject, 0, duty.start() if duty else len(subject))):
        duty = must if len(subject[: must.start()].split()) <= MAX_NAME_WORDS else duty
    if (
        (cue("defined_kind").match(subject) or cue("public_kind").match(subject))
        and duty
        and not cue("definition_break").search(subject, 0, _provision_before(subject, duty.start()))
        and not LIST_END.search(subject, 0, duty.start())  # … trực tiếp chỉ đạo và chịu trách nhiệm: a verb before
    ):  # … có trách nhiệm phối hợp: a support duty
        return "support" if cue("duty_to_support").match(subject, duty.start()) else "lead", duty.start(), True
    if verb := _competent_verb(subject):  # Cơ quan có thẩm quyền thẩm định …: a kind named by its competence
        return "lead", verb, True
    # Khách hàng vay vốn có trách nhiệm …; Văn phòng có trách nhiệm … (a bare kind, that names() leaves out)
    if duty and (not begins_name(subject) or not names(subject[: duty.start()], whole=True)):
        if _bare_subject(subject, duty.start()):
            return "support" if cue("duty_to_support").match(subject, duty.start()) else "lead", duty.start(), True
    if not begins_name(subject):
        return None
    powers = cue("powers_after").search(subject)
    negation = re.search(r"\s(?:không|chưa)\s", subject)  # … không thực hiện việc khai báo: an offence, not a task
    verbs_from = name_end(subject)  # a cue's words inside the name are the name's (Bảo hiểm tiền gửi Việt Nam)
    verbs_from = _past_generic_kind(subject, verbs_from)  # … và tổ chức, cá nhân có liên quan chịu trách nhiệm
    cues = [
        (verb.start(), role)
        for role, name in (("lead", "lead_after"), ("support", "support_after"))
        if (verb := cue(name).search(subject, verbs_from))
    ]
    # Bộ trưởng Bộ Y tế quyết định …; Thanh tra Bộ trình Bộ trưởng …
    if next_verb := cue("lead_next").match(subject, verbs_from) or cue("submitting").match(subject, verbs_from):
        cues.append((next_verb.start(), "lead"))
    directing = cue("lead_before").search(subject)  # Sở Nội vụ đề nghị các cơ quan … phối hợp: not its own
    cues = [(start, role) for start, role in cues if role == "lead" or not directing or start < directing.start()]
    if not cues:
        return None
    start, role = min(cues)
    if cue("agent").match(subject, verbs_from):  # … do lãnh đạo Bộ làm chủ tịch: the verb of who leads it
        return None
    placed = cue("subordinate").search(f" {subject[: start + 1]}")  # … chịu sự chỉ đạo của …: placed under another
    # Ngân hàng lưu ký là ngân hàng thực hiện …; Chủ tịch Hội đồng là Thứ trưởng phụ trách …: what it is, who holds it
    defined = cue("defined_as").match(subject, verbs_from)
    if (placed or defined) and not cue("duty_words").search(subject):
        return None  # no task, unless a duty cue follows (… và có trách nhiệm …)
    if (powers and powers.start() < start) or (negation and negation.start() < start):
        return None
    if _granted_a_right(subject, verbs_from):
        return None
    if cue("duty_to_support").match(subject, start):  # … có trách nhiệm phối hợp thực hiện: a support duty
        role = "support"
    return role, start, False


def _granted_a_right(subject: str, name_end: int) -> bool:
    """Whether the name ending at `name_end` is given a right or is the object of a passive (``Ngân hàng Phát triển
    Việt Nam | được thực hiện các hoạt động …``), not a task: ``được`` and a verb in lower case (``… được Bộ trưởng
    phân công``: an agent gives it a task) that assigns nothing (``được giao``), or a condition (``phải được``), and
    no duty after it (``Cơ sở lưu giữ chất thải phóng xạ được đầu tư từ ngân sách nhà nước | phải tiếp nhận …``: the
    passive defines whom the duty binds; a regulated party's ``phải`` is a rule of conduct, no duty: ``Nhà đầu tư
    được tiếp tục … phải …``)."""
    permission = cue("permission").match(subject, name_end)
    if not permission or not (permission["condition"] or subject[permission.end()].islower()):
        return False
    named = names(subject[:name_end])  # … right after a name (not: Cơ quan X đăng tải thông tin Chứng chỉ | được cấp)
    if name_end and (not named or named[-1][0] + len(named[-1][1]) < len(subject[:name_end].rstrip())):
        return False
    duties = ("duty",) if cue("regulated_kind").match(subject) else ("duty", "public_duty")  # a party's phải: conduct
    return not any(cue(c).search(subject, permission.end()) for c in duties)


def _bare_subject(subject: str, duty: int) -> bool:
    """Whether the words before a duty cue are a subject no head opens (``Khách hàng vay vốn | có trách
    nhiệm``, ``Văn phòng | có trách nhiệm``, ``Bên mua điện | có trách nhiệm``) and the cue is followed by what
    the subject must do: a short noun phrase in one piece, with no verb cue, no list that goes on, no break of a
    definition, no agent and no genitive in it (``Xác nhận của cá nhân chịu trách nhiệm …``: a form's field), and
    not opened by an opening phrase, a paper, or a word that opens no subject (``Tôi xin cam kết chịu trách
    nhiệm …``)."""
    words = subject[:duty]
    verb_case = f" {words[:1].lower()}{words[1:]}"  # its first word, compared as a verb inside a clause
    if not words[:1].isupper() or not 1 <= len(words.split()) <= MAX_BARE_SUBJECT_WORDS or re.search(r"[,;:()“\"]", words):
        return False
    patterns = _patterns()
    return not (
        any(patterns[p].match(words) for p in ("not_subject", "opener", "document_noun"))
        or LIST_END.search(words)
        or any(cue(c).search(f" {words} ") for c in ("definition_break", "agent"))
        or any(cue(c).search(verb_case) for c in ("lead_after", "support_after", "powers_after", "lead_before", "lead_next"))
        or re.search(r"\scủa\s", words)
        or not re.match(r"\s*(?:\S+\s+)+\w", subject[duty:])  # … có trách nhiệm.: a noun, no duty (Cách giải quyết …)
    )


def _provision_before(subject: str, verb: int) -> int:
    """Where the provision that says which body a kind is begins, when it ends right before the kind's verb (``Cơ
    quan tiếp nhận hồ sơ | quy định tại khoản 3 Điều này | có trách nhiệm``); else `verb`."""
    for reference in _patterns()["provision"].finditer(subject, 0, verb):
        if not subject[reference.end() : verb].strip():
            return reference.start()
    return verb


def _competent_verb(subject: str) -> int | None:
    """Where the lead verb of a subject named by its competence begins (``Cơ quan có thẩm quyền | thẩm định …``,
    ``Người có thẩm quyền quy định tại khoản 1 Điều này | quyết định …``), when one follows the name right away."""
    name = _patterns()["competent"].match(subject)
    if not name or _patterns()["competence_reference"].match(subject, name.end()):
        return None  # … quy định tại khoản 4 Điều 9 | (no "này"): where the name ends is not known
    verb = cue("lead_next").match(subject, name.end())  # quyết định, phải, thông báo … (lead_after verbs are as
    return verb.start() if verb else None  # often the name's own: Người có thẩm quyền tiếp nhận, giải quyết …)


def _subject_list(clause: str, start: int) -> list[Mention]:
    """A clause that is nothing but bodies (``Giám đốc Công an tỉnh``), as leads should a verb follow."""
    body_start = body_start_of(clause)
    subject = clause[body_start:].rstrip()
    if not begins_name(subject) or first_stop(subject) < len(subject):
        return []
    return [("lead", start + body_start + s, n) for s, n in names(subject, whole=True)]


def _bullet_subject(clause: str, rest: str) -> list[Mention]:
    """``- Sở Tài chính: …``: a body alone (or before its verb: ``… có trách nhiệm:``) before a colon leads what
    follows (supports it, when that opens ``Phối hợp``)."""
    start = body_start_of(clause)
    subject = clause[start:]
    doer = _doer(subject)
    if doer and doer[2]:  # Cơ sở đăng kiểm cung cấp dịch vụ kiểm định có trách nhiệm: …: a kind its words define,
        return []  # read as the clause's subject (_defined_names), with what the clause says after its verb
    if doer:  # Chủ tịch UBND các huyện có trách nhiệm: …
        subject = subject[: doer[1]]
    found = names(subject, whole=doer is None)
    if found and len(subject.split()) <= 2 * MAX_NAME_WORDS and (role := inherited_role(rest)):
        return [(role, start + offset, name) for offset, name in found]
    return []


@document_cache(maxsize=16_384)  # a clause is read again as a paragraph's subject (names_a_doer) and by its task
def _mentions(clause: str) -> tuple[Mention, ...]:
    """(role, start in the clause, name as written) of every body the clause assigns: the subject before a lead
    cue (``Sở Y tế chủ trì``; also after an opening phrase: ``Căn cứ báo cáo …, Bộ trưởng Bộ Tài chính ban
    hành``, ``Trường hợp … thì Bộ trưởng Bộ Quốc phòng gửi``), the bodies after a directing cue (``Giao``,
    ``đề nghị``, ``chỉ đạo`` …), after ``phối hợp với`` and after ``báo cáo``."""
    patterns = _patterns()
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
    for start in starts:  # the clause's subject, or one after an opening phrase (Trường hợp … thì Bộ trưởng …)
        # … kể từ ngày nhận được hồ sơ, cơ quan tiếp nhận có trách nhiệm; (Trong phạm vi nhiệm vụ, quyền hạn của mình,)
        # cơ quan, tổ chức, cá nhân có liên quan có trách nhiệm …: read as opening a sentence
        subject = clause[start:]
        if start != body_start or clause[:body_start].endswith(BLANKED):
            subject = subject[:1].upper() + subject[1:]
        if not cue("lead_before").match(subject) and (doer := _doer(subject)):
            role, verb, whole = doer
            found = _defined_names(subject[:verb]) if whole else names(subject[: verb + 1])
            found += _generic_tail(subject, found, verb)
            if start != body_start and not (found and _next_to_verb(subject[found[-1][0] + len(found[-1][1]) : verb])):
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
            if role == "support" and not _works_with_partner(clause[: match.start()], mentions):
                continue  # … nếu phối hợp với X: no one named works with the partner
            if role == "lead" and cue("organising").match(clause, match.end()):
                continue  # chỉ đạo | tổ chức thu thập thông tin …: the verb the directed are told, no body
            # báo cáo Thủ tướng Chính phủ, | đồng gửi Bộ Tài chính: a list of bodies reports go to ends at the next
            end = following.start() if following and role == "report_to" else len(clause)
            found = names(clause[match.end() : end].rstrip(" ,"))
            if role == "lead" and cue("requesting").search(match[0]):
                found = _not_deciders(clause, match.end(), found)
            mentions += [(role, match.end() + s, n) for s, n in found]
    return tuple((role, start, _with_its_place(clause, start, name)) for role, start, name in mentions)


def _with_its_place(clause: str, start: int, name: str) -> str:
    """A body's name with the ``nơi …`` clause that says which one of its kind is meant (``Ủy ban nhân dân cấp xã |
    nơi cư trú của người được giám hộ | thực hiện …``, ``báo cáo Ngân hàng Nhà nước chi nhánh Khu vực | nơi đặt trụ
    sở chi nhánh``), up to the verb, the punctuation or ``để`` that ends it, when that is near (gold README)."""
    end = start + len(name)
    place = _patterns()["place"].match(clause, end)
    if not place or name.split()[-1] in NOT_BEFORE_PLACE:  # Đoàn xe tới | nơi an táng: a place it goes to
        return name
    verb_from = clause.find(" ", place.end())  # its own verb may open it (nơi | tổ chức lễ tang | làm đại diện …)
    stops = [m.start() for m in (PLACE_END.search(clause, place.end()),) if m]
    stops += [m.start() for c in PLACE_VERBS if verb_from > 0 and (m := cue(c).search(clause, verb_from))]
    stop = min(stops, default=len(clause))
    words = clause[place.end() : stop].split()
    return clause[start:stop].rstrip() if 1 <= len(words) <= MAX_QUALIFIER_WORDS else name


def _not_deciders(clause: str, start: int, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The bodies named after a request (`start`: where they begin in `clause`) but the list that opens it when the
    list is asked to consider or decide (``đề nghị | Bộ trưởng | xem xét, quyết định khen thưởng``): a decider holds a
    power, no task (gold README)."""
    end = 0
    for offset, name in found:
        if offset != end and not LIST_JOIN.fullmatch(clause, start + end, start + offset):
            break
        end = offset + len(name)
    if not end or not cue("decision").match(clause, start + end):
        return found
    return [(offset, name) for offset, name in found if offset >= end]


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
    taken = list(_patterns()["taking"].finditer(clause, start, end))
    return bool(taken) and bool(names(clause[taken[-1].end() : end].rstrip(" ,"), whole=True))


def _past_generic_kind(subject: str, end: int) -> int:
    """Past the kind that opens the generic subject closing a list (``… trực thuộc trung ương và | tổ chức, cá
    nhân | có liên quan chịu trách nhiệm``), where a name ended at a word that is a verb as well as a kind and a
    duty cue is the first verb after it: the verb is looked for after the kind."""
    if not LIST_END.search(subject, 0, end):
        return end
    kind = _patterns()["lower_case_subject"].match(subject, end + (subject[end : end + 1] == " "))
    duty = cue("duty").search(subject, kind.end()) if kind else None
    verb = cue("lead_after").search(subject, kind.end()) if duty else None
    return kind.end() if verb and verb.start() == duty.start() else end  # its verb is a duty: no other comes first


def _generic_tail(subject: str, found: list[tuple[int, str]], verb: int) -> list[tuple[int, str]]:
    """The generic subject that closes a list of bodies before their verb (``Các Bộ trưởng, … và tổ chức, cá nhân
    có liên quan chịu trách nhiệm thi hành``): its ``tổ chức`` ends the names as a verb would, but after ``và`` or a
    comma and up to the verb the words are one more subject of a kind (``lower_case_subjects``), when no word
    there ends a name."""
    end = found[-1][0] + len(found[-1][1]) if found else verb
    joined = LIST_JOIN.match(subject, end, verb)
    if not joined or not _patterns()["lower_case_subject"].match(subject, joined.end()):
        return []
    tail = subject[joined.end() : verb].rstrip(" ,")
    if first_stop(tail) < len(tail):  # … chủ đầu tư đề nghị cấp giấy phép, Chủ tịch …: a clause, not a subject
        return []
    return [(joined.end() + start, name) for start, name in names(tail, whole=True)]


def _next_to_verb(gap: str) -> bool:
    """Whether the words between a subject after an opening phrase and its verb still describe it: none, or a few
    that a qualifier opens (``… thì Công an cấp xã | nơi chuyển đi | có trách nhiệm``)."""
    words = gap.split()
    return not words or (
        len(words) <= MAX_QUALIFIER_WORDS and words[0] in CLAUSES.data()["qualifiers"] and "," not in gap
    )


def _defined_names(subject: str) -> list[tuple[int, str]]:
    """The bodies of a subject defined by what it does, before its duty cue: as a list of names where it reads as
    one (``Cơ quan, tổ chức, cá nhân``), else the whole subject (``Doanh nghiệp kinh doanh vận tải đường sắt``);
    the provision that says which one it is is no part of the name (``Người có thẩm quyền | quy định tại khoản 1
    Điều này``)."""
    reference = _patterns()["competence_reference"].search(subject)
    subject = subject[: reference.start()] if reference else subject
    found = names(subject, whole=True)
    name = without_trailers(subject)
    return found or ([(0, name)] if 2 <= len(name.split()) <= MAX_NAME_WORDS else [])


def _works_with_partner(before: str, mentions: list[Mention]) -> bool:
    """Whether a clause names who works with the partner after its ``phối hợp với`` (then the partner supports too):
    a subject before it (``Sở Y tế chủ trì, phối hợp với …`` leads; ``Cơ quan đăng ký hộ tịch phối hợp với các cơ
    quan có liên quan …`` supports) or a directed body, or a leading verb (``Chủ trì, phối hợp với …``) whose subject
    is the heading's body, or nothing: a task that opens ``Phối hợp với Y …`` is a duty of the heading's body, which Y
    shares (the gold README, doc_000545)."""
    return (
        any(start < len(before) for _, start, _ in mentions)
        or bool(cue("leading").search(before))
        or not before[body_start_of(before) :].strip()
    )
