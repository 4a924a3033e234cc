"""Role cues: the words that make a body the lead of a task, a support, or the one reports go to
(``data/role_cues.toml``), compiled once."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.language.folding import fold
from pipeline.language.lexicon import lexicon
from pipeline.language.name_grammar import AFTER_NAME, alternation
from pipeline.language.screens import CASE_VARIANT_LETTERS, Screened, letters_class

ROLE_CUES = lexicon(
    "role_cues.toml",
    {
        **{
            key: [str]
            for key in (
                "lead_before", "handover_verbs", "lead_after", "lead_next", "support_after", "support_before", "leading_verbs",
                "powers_after", "permission_markers", "right_words", "requesting_verbs", "condition_markers",
                "assigned_passives", "defined_kinds", "public_kinds", "duty_cues", "public_duty_cues", "answerable_to",
                "answerable_qualifiers", "agent_markers", "definition_breaks", "decision_verbs", "power_verbs", "considering",
                "considered_verbs", "organised_things", "subordinate_verbs", "role_nouns", "role_kinds", "regulated_kinds", "regulated_firms",
                "report_verbs", "report_prepositions", "report_addressee_kinds", "compiled_sending", "compiled_prepositions", "compiling_verbs", "held_functions", "submission_verbs", "submission_addressees", "report_before", "role_heading_kinds",
                "passive_duty_verbs", "task_nouns", "agent_task_verbs", "agent_task_adjuncts", "agent_duties", "answering_words", "matter_decisions", "private_parties", "composition_verbs",
            )
        },
        "role_headings": {str: str},
        "agent_task_partner": str,
    },
)  # fmt: skip
ROLES = ("lead", "support", "report_to")


def role_cues() -> dict[str, Any]:
    """role_cues.toml, as read and checked."""
    return ROLE_CUES.data()


@cache
def cue(name: str) -> re.Pattern[str]:
    """The compiled cue `name`: lead_before, lead_after, lead_next, submitting, support_after, powers_after, support, leading,
    held_function,
    report, defined_kind, definition_break, permission, right_before, duty_to_support, duty, public_kind, public_duty,
    requesting, decision, deciding, deciding_a_matter, organising, subordinate, defined_as, duty_words, regulated_kind, regulated_firm,
    passive_agent, request_opening."""
    return _cues()[name]


_CASE_VARIANTS = letters_class(CASE_VARIANT_LETTERS)  # a screen's word stops at them (i: ı, s: ſ)
SCREENED_CUES = {"lead_before": ("lead_before",), "support": ("support_before",), "report": ("report_verbs", "report_before", "compiled_sending")}


@cache
def screened_cue(name: str) -> Screened | re.Pattern[str]:
    """The cue `name` (lead_before, support, report) screened by the words one of which each of its matches holds
    (most clauses direct no body, name no partner and send no report): the first word of each of its phrases, in a
    cue read in either case only its longest piece between letters that another letter matches so (i: ı, s: ſ).
    The cue itself, unscreened, when a phrase has no such piece."""
    pattern = cue(name)
    variants = _CASE_VARIANTS if pattern.flags & re.IGNORECASE else letters_class(frozenset())
    pieces = [
        max(variants.split(phrase.lower().split()[0]), key=len)
        for key in SCREENED_CUES[name] for phrase in role_cues()[key]
    ]  # fmt: skip
    return Screened(pattern, tuple(sorted(set(pieces)))) if all(pieces) else pattern


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    data = role_cues()
    answerable = (
        rf"(?!(?:\s+(?:{alternation(data['answerable_qualifiers'])}))?\s+(?:{alternation(data['answerable_to'])})\b)"
    )
    markers = alternation(data["agent_markers"])
    agent_words = rf"(?:(?!\s(?:{markers})\s)[^;:()])*?"  # an agent's words: the last marker before its verb opens them
    return {
        # … not the name of a steering board (Ban Chỉ đạo Phòng thủ dân sự quốc gia chủ trì …)
        # … nor a handover (bàn giao cho Công an cấp xã: what is handed over, no task given)
        "lead_before": re.compile(
            rf"(?<!\w)(?<![Bb]an ){''.join(f'(?<!{re.escape(w)} )(?<!{re.escape(w.capitalize())} )' for w in data['handover_verbs'])}"
            rf"(?:{alternation(data['lead_before'])})\s+"
        ),
        # … chịu trách nhiệm trước pháp luật: answerable, given no task
        # … not after "theo" (… theo quy định của pháp luật có trách nhiệm phối hợp: as laid down, no verb of the body)
        "lead_after": re.compile(rf"{AFTER_NAME}(?<!\stheo)\s(?:{alternation(data['lead_after'])})\b{answerable}"),
        "lead_next": re.compile(rf"\s(?:{alternation(data['lead_next'])})\b"),  # matched where a name ends
        # … trình | Bộ trưởng …, cấp có thẩm quyền …: a submission (not công trình, trình độ), matched where a name ends
        "submitting": re.compile(
            rf"\s(?:{alternation(data['submission_verbs'])})\s+"
            rf"(?=[A-ZĐÂĂÊÔƠƯ]|(?:{alternation(data['submission_addressees'])})\b)"
        ),
        # "X phối hợp (với) Y …" with no lead cue before it: X supports, as Y does (gold README)
        "support_after": re.compile(rf"{AFTER_NAME}\s(?:{alternation(data['support_after'])})\b"),
        "powers_after": re.compile(rf"{AFTER_NAME}\s(?:{alternation(data['powers_after'])})\b"),
        # … được thực hiện / được sử dụng: a right or a passive, not … được giao; … phải được …: a condition
        "permission": re.compile(
            rf"\s+(?:(?P<condition>{alternation(data['condition_markers'])})|(?:{alternation(data['permission_markers'])})"
            rf"(?!\s+(?:{alternation(data['assigned_passives'])})\b))\s+(?=\w)"
        ),
        "right_before": re.compile(
            rf"(?<!\w)(?i:{alternation(data['right_words'] + data['permission_markers'])})\s+"
            rf"(?:{alternation(data['requesting_verbs'])})\s+\Z"
        ),
        "agent": re.compile(rf"\s+(?:{markers})\s"),
        # … do | Bộ trưởng Bộ Xây dựng | quy định: the agent of a passive duty, at the end of a clause
        "passive_agent": re.compile(
            rf"(?<!\w)(?:{markers})\s+"
            rf"(?P<agent>[A-ZĐ]{agent_words})"
            rf"\s+(?:{alternation(data['passive_duty_verbs'])})\s*[”\"]?\s*$"
        ),
        # Việc … do | Vụ Tổ chức cán bộ | thực hiện.: a task named as a noun, done by its agent (the last "do" before the verb)
        "task_agent": re.compile(
            rf"(?i:{alternation(data['task_nouns'])})\s[^;:()]*?(?<!\w)(?:{markers})\s+"
            rf"(?P<agent>[A-ZĐ]{agent_words})"
            rf"\s+(?:{alternation(data['agent_task_verbs'])})"
            rf"(?:,?\s+{re.escape(data['agent_task_partner'])}\s[^;:()]*?\s(?:{alternation(data['agent_task_verbs'])}))?"
            rf"(?:\s+(?:{alternation(data['agent_task_adjuncts'])})\b[^;:()]*)?\s*[.;]?\s*$"
        ),
        # … do | Cục Quản trị tài vụ | chịu trách nhiệm mua sắm …: the agent is charged with a duty
        "duty_agent": re.compile(
            rf"(?<!\w)(?:{markers})\s+"
            rf"(?P<agent>\w{agent_words})"
            rf"\s+(?:{alternation(data['agent_duties'])})\s+(?!(?:{alternation(data['answering_words'])})\b)(?-i:[^\W\d_A-ZĐ])"
        ),
        # phối hợp với | Chính phủ | thực hiện quản lý nhà nước: the partner's own function (matched where its list ends)
        "held_function": re.compile(rf"\s+(?:{alternation(data['held_functions'])})\b"),
        "subordinate": re.compile(rf"\s+(?:{alternation(data['subordinate_verbs'])})\s"),
        "regulated_kind": _kind_named(data["regulated_kinds"]),
        "regulated_firm": _kind_named(data["regulated_firms"]),
        # … yêu cầu | ngân hàng thương mại, | cá nhân, tổ chức …: a regulated party asked, in any case (matched at its name)
        "private_party": re.compile(
            rf"(?i:(?:các|những)\s+)?(?i:{alternation(data['regulated_firms'] + data['regulated_kinds'] + data['private_parties'])})\b"
        ),
        # … gồm …, … phải có ít nhất 03 thành viên, … phải đáp ứng các tiêu chuẩn …: what it is made of or must meet
        "composed_of": re.compile(
            rf"\s+(?:{alternation(data['public_duty_cues'])}\s+)?(?:{alternation(data['composition_verbs'])})\b"
            rf"|\s+(?:{alternation(data['public_duty_cues'])}\s+)?có\s+\d"
        ),
        "obliged": re.compile(rf"\s(?:{alternation(data['public_duty_cues'])})\b"),  # matched where a verb is looked for
        "duty_words": re.compile(rf"(?<!\w)(?:{alternation(data['duty_cues'])})\b"),  # anywhere, after a comma too
        # … là ngân hàng thực hiện việc lưu ký, … là Thứ trưởng phụ trách: what it is, who holds it; not … là cơ quan đầu
        # mối, … là cơ quan tiếp nhận hồ sơ: a role it is given
        "defined_as": re.compile(
            rf"\s+là\s+(?!(?:\S+\s+){{0,3}}?(?:{alternation(data['role_nouns'])})\b"
            rf"|(?:{alternation(data['role_kinds'])})\s+(?:{alternation(data['lead_after'])})\b)"
        ),
        # … đề nghị | Bộ trưởng | xem xét, quyết định: the body asked decides (matched where the asked bodies end)
        "requesting": re.compile(rf"(?i:{alternation(data['requesting_verbs'])})\s+\Z"),
        "request_opening": re.compile(rf"\s*(?i:{alternation(data['requesting_verbs'])})\s"),  # c) | Yêu cầu X …
        "decision": re.compile(rf"\s*(?:{alternation(data['decision_verbs'])})\b"),
        # … | xem xét, chấp thuận …: the subject's verb grants or decides (matched where its verb begins)
        "deciding": re.compile(
            rf"\s*(?:(?:{alternation(data['considering'])})(?:,|\s+và)?\s+(?:{alternation(data['considered_verbs'])})"
            rf"|{alternation(data['power_verbs'])})\b"
        ),
        # … | quyết định việc thành lập …: the subject's verb decides a matter (matched where its list of bodies ends)
        "deciding_a_matter": re.compile(rf"\s*(?:{alternation(data['matter_decisions'])})\b"),
        # chỉ đạo | tổ chức thu thập …: the verb the directed are told, no body
        "organising": re.compile(rf"tổ chức\s+(?:{alternation(data['organised_things'])})\b"),
        "support": re.compile(rf"\b(?:{alternation(data['support_before'])})\s+", re.IGNORECASE),
        "leading": re.compile(rf"\b(?:{alternation(data['leading_verbs'])})\b", re.IGNORECASE),
        "report": re.compile(
            # báo cáo tình hình thực hiện với Ủy ban nhân dân tỉnh: what is reported (up to 20 words), then to whom …
            # (what is reported opens in lower case: báo cáo Thủ tướng Chính phủ, đồng gửi … names whom first)
            # … not when the words after the cue are its addressee (báo cáo lãnh đạo đơn vị và báo cáo về …; báo cáo cấp có
            # thẩm quyền cấp vốn … cho Quỹ …: the level, not the fund)
            rf"(?<!\w)(?:{alternation(data['report_verbs'])})\s+(?!(?-i:{alternation(data['report_addressee_kinds'])})\b)"
            rf"(?-i:[^\sA-ZĐÂĂÊÔƠƯỦỶ;:()])[^\s;:()]*(?:\s+[^\s;:()]+){{0,19}}?"
            rf"\s+(?:{alternation(data['report_prepositions'])})\s+"
            rf"(?=(?-i:[A-ZĐÂĂÊÔƠƯỦỶ])|(?-i:(?:{alternation(data['report_addressee_kinds'])})\b))"
            # … or straight after the cue (báo cáo Ban Thường vụ Tỉnh ủy)
            rf"|(?<!\w)(?:{alternation(data['report_before'])})\s+"
            # what is sent for the body to compile (gửi Văn phòng Quốc hội để tổng hợp)
            # (… gửi dự toán cho Văn phòng Bộ để tổng hợp: what is sent, up to eight words, then the preposition)
            rf"|(?<!\w)(?:{alternation(data['compiled_sending'])})\s+"
            rf"(?:(?-i:[^\sA-ZĐÂĂÊÔƠƯỦỶ;:()])[^\s;:()]*(?:\s+[^\s;:()]+){{0,7}}?\s+"
            rf"(?:{alternation(data['compiled_prepositions'])})\s+)?"
            rf"(?=(?-i:[A-ZĐÂĂÊÔƠƯỦỶ])[^;:()]{{0,100}}?\s(?:để\s+)?(?:{alternation(data['compiling_verbs'])})\b)",
            re.IGNORECASE,
        ),
        # … or its plural (Các cơ quan, tổ chức sử dụng vốn ngân sách nhà nước … có trách nhiệm)
        "defined_kind": re.compile(
            rf"(?:(?:Các|Thủ trưởng(?:\s+các)?)\s+(?i:{alternation(data['defined_kinds'])})"
            rf"|{alternation(data['defined_kinds'])})\b"
        ),
        "definition_break": re.compile(rf"\s(?:{alternation(data['definition_breaks'])})\s"),
        "duty_to_support": re.compile(
            rf"\s(?:{alternation(data['duty_cues'])})\s+(?:{alternation(data['support_after'])})\b"
        ),
        "duty": re.compile(rf"{AFTER_NAME}\s(?:{alternation(data['duty_cues'])})\b{answerable}"),
        "public_kind": re.compile(
            rf"(?:Các\s+(?i:{alternation(data['public_kinds'])})|{alternation(data['public_kinds'])})\b"
        ),
        "public_duty": re.compile(
            rf"{AFTER_NAME}(?<!không)(?<!chưa)\s(?:{alternation(data['public_duty_cues'])})\b(?!\s+được\b)"
        ),
    }


def _kind_named(kinds: list[str]) -> re.Pattern[str]:
    """A subject that opens with one of `kinds` as printed, or after ``Các`` in any case (``Các ngân hàng thương
    mại``)."""
    return re.compile(rf"(?:Các\s+(?i:{alternation(kinds)})|{alternation(kinds)})\b")


@cache
def role_headings() -> tuple[re.Pattern[str], list[tuple[str, str]]]:
    """The kinds a role heading may open with, as a pattern of folded words, and the folded role words."""
    data = role_cues()
    kinds = "|".join(re.escape(fold(kind)) for kind in data["role_heading_kinds"])
    return re.compile(rf"^(?:(?:{kinds})\s+)+"), [(fold(words), role) for words, role in data["role_headings"].items()]
