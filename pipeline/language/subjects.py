"""The subject of a clause: the body that opens it and the verb it does, a body named by its kind and what it does
(``Cơ quan tiếp nhận hồ sơ có trách nhiệm …``), a kind no head opens (``Khách hàng vay vốn có trách nhiệm …``), a body
named by its competence, and the generic subject that closes a list."""

from __future__ import annotations

import re

from pipeline.language.clause_words import (
    CLAUSES, LIST_END, LIST_JOIN, MAX_BARE_SUBJECT_WORDS, MAX_QUALIFIER_WORDS, clause_patterns,
)  # fmt: skip
from pipeline.language.name_ends import first_stop, name_end, without_trailers
from pipeline.language.name_grammar import MAX_NAME_WORDS, begins_name, name_patterns
from pipeline.language.names import names
from pipeline.language.per_document import document_cache
from pipeline.language.roles import cue
KIND_BEFORE_VERB = re.compile(r"(?:đơn vị|cơ quan|tổ chức|cá nhân|doanh nghiệp|bên)\s*$")  # … các đơn vị | tham gia X
ITEM_SEPARATOR = re.compile(r",\s+|;\s+|\s+và\s+")  # between the items of an execution clause's list
BLANKS = re.compile(r"…|\.{3}|\(\d+\)")  # a form's blanks to fill in (Trưởng đoàn kiểm tra, ....(7) và .....(8))
AGENT = re.compile(r"\sdo\s+")  # … cơ quan | do Chính phủ, Thủ tướng Chính phủ | thành lập: who made it, no item

VERB_CUES = ("lead_after", "support_after", "lead_next", "submitting")  # the verbs after a subject's name


@document_cache(maxsize=8192)  # one subject in twenty is asked again in its document
def find_doer(subject: str) -> tuple[str, int, bool] | None:
    """(role, where its verb begins, whether all before the verb is the name) when `subject` opens with a body
    that a lead or a support cue follows, by the first cue (``Sở Y tế chủ trì, phối hợp …`` leads; ``Tòa án nhân
    dân tối cao …, phối hợp tổ chức thực hiện`` supports). None when the body is given powers rather than work
    (``… có thẩm quyền xử phạt``). A body defined by what it does (``Cơ quan chủ trì soạn thảo có trách nhiệm …``)
    takes its verb from a duty cue, past the verbs of its definition; a public body so named, from ``phải`` too
    (``Cơ quan tiếp nhận hồ sơ phải tiến hành …``)."""
    duty = cue("duty").search(subject)
    if cue("public_kind").match(subject) and (must := cue("public_duty").search(subject, 0, duty.start() if duty else len(subject))):
        if not cue("composed_of").match(subject, must.start()):  # … phải có ít nhất 03 thành viên: its make-up
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
    if not any(cue(name).search(subject) for name in VERB_CUES):
        return None  # no cue anywhere, so none after the name: its end is not read (1 in 7 of the ends read)
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
    # Sở Nội vụ đề nghị các cơ quan … phối hợp: not its own (past the name: Bộ Ngoại giao phối hợp … is its own)
    directing = cue("lead_before").search(subject, verbs_from)
    cues = [(start, role) for start, role in cues if role == "lead" or not directing or start < directing.start()]
    if not cues:
        return None
    start, role = min(cues)
    if role == "support" and (duty := _duty_after_partners(subject, start)):
        start, role = duty.start(), "lead"  # … các đơn vị tham gia TABMIS, … có trách nhiệm tổ chức triển khai
    if cue("regulated_kind").match(subject) and cue("obliged").match(subject, start):
        return None  # Ngân hàng thương mại … phải …: a regulated party's rule of conduct, no task (gold README)
    if cue("agent").match(subject, verbs_from):  # … do lãnh đạo Bộ làm chủ tịch: the verb of who leads it
        return None
    placed = cue("subordinate").search(f" {subject[: start + 1]}")  # … chịu sự chỉ đạo của …: placed under another
    # Ngân hàng lưu ký là ngân hàng thực hiện …; Chủ tịch Hội đồng là Thứ trưởng phụ trách …: what it is, who holds it
    defined = cue("defined_as").match(subject, verbs_from) or cue("composed_of").match(subject, verbs_from)
    if (placed or defined) and not cue("duty_words").search(subject):
        return None  # no task, unless a duty cue follows (… và có trách nhiệm …)
    if (powers and powers.start() < start) or (negation and negation.start() < start):
        return None
    verb = next((m for c in ("lead_after", "lead_next") if (m := cue(c).match(subject, start))), None)
    if powers and verb and verb.end() == powers.start():
        return None  # … Trưởng đoàn kiểm tra do Bộ trưởng Bộ Xây dựng | thành lập | có quyền: the verb says who holds powers
    if granted_a_right(subject, verbs_from):
        return None
    if cue("duty_to_support").match(subject, start):  # … có trách nhiệm phối hợp thực hiện: a support duty
        role = "support"
    return role, start, False


def granted_a_right(subject: str, name_end: int) -> bool:
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
    patterns = clause_patterns()
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
    for reference in clause_patterns()["provision"].finditer(subject, 0, verb):
        if not subject[reference.end() : verb].strip():
            return reference.start()
    return verb


def _competent_verb(subject: str) -> int | None:
    """Where the lead verb of a subject named by its competence begins (``Cơ quan có thẩm quyền | thẩm định …``,
    ``Người có thẩm quyền quy định tại khoản 1 Điều này | quyết định …``), when one follows the name right away."""
    name = clause_patterns()["competent"].match(subject)
    if not name or clause_patterns()["competence_reference"].match(subject, name.end()):
        return None  # … quy định tại khoản 4 Điều 9 | (no "này"): where the name ends is not known
    verb = cue("lead_next").match(subject, name.end())  # quyết định, phải, thông báo … (lead_after verbs are as
    return verb.start() if verb else None  # often the name's own: Người có thẩm quyền tiếp nhận, giải quyết …)


def _past_generic_kind(subject: str, end: int) -> int:
    """Past the kind that opens the generic subject closing a list (``… trực thuộc trung ương và | tổ chức, cá
    nhân | có liên quan chịu trách nhiệm``), where a name ended at a word that is a verb as well as a kind and a
    duty cue is the first verb after it: the verb is looked for after the kind."""
    if not LIST_END.search(subject, 0, end):
        return end
    kind = clause_patterns()["lower_case_subject"].match(subject, end + (subject[end : end + 1] == " "))
    duty = cue("duty").search(subject, kind.end()) if kind else None
    verb = cue("lead_after").search(subject, kind.end()) if duty else None
    return kind.end() if verb and verb.start() == duty.start() else end  # its verb is a duty: no other comes first


def generic_tail(subject: str, found: list[tuple[int, str]], verb: int) -> list[tuple[int, str]]:
    """The generic subject that closes a list of bodies before their verb (``Các Bộ trưởng, … và tổ chức, cá nhân
    có liên quan chịu trách nhiệm thi hành``): its ``tổ chức`` ends the names as a verb would, but after ``và`` or a
    comma and up to the verb the words are one more subject of a kind (``lower_case_subjects``), when no word
    there ends a name."""
    end = found[-1][0] + len(found[-1][1]) if found else verb
    joined = LIST_JOIN.match(subject, end, verb)
    if not joined or not clause_patterns()["lower_case_subject"].match(subject, joined.end()):
        return []
    tail = subject[joined.end() : verb].rstrip(" ,")
    if first_stop(tail) < len(tail):  # … chủ đầu tư đề nghị cấp giấy phép, Chủ tịch …: a clause, not a subject
        return []
    return [(joined.end() + start, name) for start, name in names(tail, whole=True)]


def next_to_verb(gap: str) -> bool:
    """Whether the words between a subject after an opening phrase and its verb still describe it: none, or a few
    that a qualifier opens (``… thì Công an cấp xã | nơi chuyển đi | có trách nhiệm``)."""
    words = gap.split()
    return not words or (
        len(words) <= MAX_QUALIFIER_WORDS and words[0] in CLAUSES.data()["qualifiers"] and "," not in gap
    )


def defined_names(subject: str) -> list[tuple[int, str]]:
    """The bodies of a subject defined by what it does, before its duty cue: as a list of names where it reads as
    one (``Cơ quan, tổ chức, cá nhân``), else the whole subject (``Doanh nghiệp kinh doanh vận tải đường sắt``);
    the provision that says which one it is is no part of the name (``Người có thẩm quyền | quy định tại khoản 1
    Điều này``)."""
    reference = clause_patterns()["competence_reference"].search(subject)
    subject = subject[: reference.start()] if reference else subject
    found = names(subject, whole=True)
    name = without_trailers(subject)
    return found or ([(0, name)] if 2 <= len(name.split()) <= MAX_NAME_WORDS else [])


def _duty_after_partners(subject: str, support: int) -> re.Match[str] | None:
    """The duty cue after a support verb that only says which ones of a kind are meant (``…, các đơn vị | tham gia
    TABMIS, các đơn vị khác … | có trách nhiệm tổ chức triển khai``): the verb follows a kind of body, and a duty cue
    that makes no support duty (``có trách nhiệm phối hợp``) comes later in the subject; none otherwise."""
    if not KIND_BEFORE_VERB.search(subject, 0, support):
        return None
    duty = cue("duty").search(subject, support)
    return duty if duty and not cue("duty_to_support").match(subject, duty.start()) else None


def execution_list(subject: str) -> list[tuple[int, str]] | None:
    """The subjects of an execution clause (``Chánh Văn phòng …, Chủ tịch … và các tổ chức, cá nhân có liên quan chịu
    trách nhiệm thi hành Quyết định này``) whose list holds an item a qualifier follows: all before the clause's verb
    is a list of subjects, so the qualifier belongs to its item up to the next one (``người đứng đầu cơ quan do Chính
    phủ, Thủ tướng Chính phủ thành lập mà không phải là đơn vị sự nghiệp công lập, | Chủ tịch …``; ``Thủ trưởng các
    đơn vị … có sử dụng kinh phí … | và Chủ tịch …``). The next item opens with a capitalised name or a name in lower
    case that opens an item (``các …``, ``tổ chức phát hành``) or a kind of institution; the bodies of an agent (``do A, B thành lập``) are
    none. None for any other clause, for a list the names grammar reads to its end, and for a form's blanks."""
    execution = clause_patterns()["execution"].search(subject)
    if not execution or not begins_name(subject) or BLANKS.search(subject, 0, execution.start()):
        return None
    words = subject[: execution.start()].rstrip()
    items: list[tuple[int, str]] = []
    position, read_on = 0, False
    while position < len(words):
        found = names(words[position:])
        if found and found[0][0] == 0:
            found += generic_tail(words[position:], found, len(words) - position)  # … và tổ chức, cá nhân có liên quan
        elif clause_patterns()["item_opening"].match(words, position):
            found = [(0, words[position:].split(",")[0].split(" và ")[0])]  # tổ chức phát hành: "tổ chức" no verb
        else:
            return None  # a piece that opens no name: no list of subjects
        items += [(position + start, name) for start, name in found]
        start, name = items[-1]
        if not words[start + len(name) :].strip(" ,;"):
            break
        following = _next_item(words, start + len(name))
        end = following.start() if following else len(words)
        if any(cue(c).search(words, start + len(name), end) for c in ("leading", "support", "lead_before")):
            return None  # … chủ trì, phối hợp với …: the words after the name are a clause of its own, no qualifier
        item = _within_scope(words[start:end])
        items[-1], read_on = (start, item), True  # past where the names grammar stopped
        if not following:
            break
        position = following.end()
    return items if read_on else None


def _next_item(words: str, qualifier: int) -> re.Match[str] | None:
    """The separator after which the next item of a list opens, past the qualifier at `qualifier`."""
    agents = [
        (agent.start(), agent.end() + start + len(name))
        for agent in AGENT.finditer(words, qualifier)
        for start, name in names(words[agent.end() :])[-1:]
    ]
    for separator in ITEM_SEPARATOR.finditer(words, qualifier):
        if any(start <= separator.start() < end for start, end in agents):
            continue
        after = words[separator.end() :]
        if (begins_name(after) and after[:1].isupper()) or clause_patterns()["item_opening"].match(after) or (
            name_patterns()["institution"].match(after)  # …, | công ty đại chúng, | công ty chứng khoán
        ):
            return separator
    return None


def _within_scope(item: str) -> str:
    """An item without the words that close it and say within which powers it acts (``các đơn vị khác có giao dịch
    với Kho bạc Nhà nước | trong phạm vi chức năng, quyền hạn của mình``)."""
    item = item.rstrip(" ,;")
    scope = clause_patterns()["scope"].search(item)
    return item[: scope.start()] if scope else item

