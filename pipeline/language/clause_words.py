"""The words of the clause reader (``data/clauses.toml``) and the patterns made of them, compiled once: opening
phrases, inserted phrases, heading words, the kinds that open a subject."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.language.labels import label
from pipeline.language.lexicon import agreement, lexicon
from pipeline.language.name_grammar import alternation
from pipeline.language.roles import ROLES, role_cues

CLAUSES = lexicon(
    "clauses.toml",
    {
        key: [str]
        for key in (
            "openers", "subject_after", "inserted_phrases", "subject_heading_prefixes", "subject_heading_suffixes",
            "support_openings", "duty_nouns", "power_nouns", "power_list_endings", "procedure_nouns", "binding_words",
            "document_nouns", "qualifiers", "matter_openings", "handing_verbs", "handing_ends", "party_sets",
            "lower_case_subjects", "competent_kinds", "competence_words", "competence_references", "list_takers",
            "not_subjects", "execution_verbs", "executed_documents", "item_openings",
            "scope_openings", "inserted_openings", "scope_nouns", "inserted_tails",
        )
    },
)  # fmt: skip

# a list item's or an article's label (the language layer's: ``Điều 5.``, ``ĐIỀU 5.``, ``Article 5.``)
LIST_MARKER = re.compile(rf"^(?:[-+*•]|\d+(?:\.\d+)*\s*[.)]|[a-zđ]\)|[IVXLC]+\s*[.\-–]|{label('dieu', None)})\s*")
LIST_JOIN = re.compile(r",?\s+và\s+|,\s+")  # between the last two bodies of a list
LIST_END = re.compile(r"(?:,|\svà)\s*$")  # … a list that goes on
MAX_QUALIFIER_WORDS = 12  # … Sở Tư pháp | nơi đặt trụ sở của Chi nhánh | có trách nhiệm
MAX_BARE_SUBJECT_WORDS = 8  # a subject that no head opens, before its duty cue (Bên mua điện có trách nhiệm …)


@agreement
def _roles_known() -> list[str]:
    return [
        f"role_cues.toml: role_headings.{words} = {role!r} is no role (one of {', '.join(ROLES)})"
        for words, role in role_cues()["role_headings"].items()
        if role not in ROLES
    ]


def _remit(data: dict[str, Any]) -> str:
    """An inserted phrase of a body's remit: an opening, nouns of duties or scope joined by commas and "và", maybe a
    tail (``căn cứ vào nhiệm vụ, quyền hạn của mình``, ``trong phạm vi chức năng, nhiệm vụ``)."""
    nouns = alternation(data["duty_nouns"] + data["scope_nouns"])
    return (
        rf"(?:{alternation(data['inserted_openings'])})\s+(?:các\s+)?(?:{nouns})(?:(?:,\s*|\s+và\s+)(?:{nouns}))*"
        rf"(?:\s+(?:{alternation(data['inserted_tails'])}))?"
    )


@cache
def clause_patterns() -> dict[str, re.Pattern[str]]:
    data: dict[str, Any] = CLAUSES.data()
    duties = alternation(data["duty_nouns"])
    executions, documents = alternation(data["execution_verbs"]), alternation(data["executed_documents"])
    supporting = alternation(role_cues()["support_after"])  # … có trách nhiệm phối hợp với Y thực hiện …: no execution
    return {
        # between commas, or opening a sentence or item (Trong phạm vi nhiệm vụ, quyền hạn của mình, Bộ Công Thương …)
        "inserted": re.compile(
            rf"(?:,\s*|(?P<opening>(?:^|[.;:]\s+)(?:{LIST_MARKER.pattern[1:]})?))"
            rf"(?:{alternation(data['inserted_phrases'])}|{_remit(data)})\s*,",
            re.IGNORECASE | re.MULTILINE,
        ),
        "opener": re.compile(rf"(?:{alternation(data['openers'])})(?=[\s,])", re.IGNORECASE),
        # …, | X; … thì | X; an inserted phrase read as blanks (…, trong phạm vi chức năng, nhiệm vụ, | X, Y chủ trì)
        "inner_subject": re.compile(rf"(?:,|\s(?:{alternation(data['subject_after'])})|\s\s)\s+(?=\w)"),
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
        "competence": re.compile(rf"\b(?:{alternation(data['competence_words'])})\b"),  # cơ quan có thẩm quyền …
        "competence_reference": re.compile(rf"\s+(?:{alternation(data['competence_references'])})\s"),
        "provision": re.compile(rf"\s+(?:{alternation(data['competence_references'])})\s[^;.:]{{0,80}}?\snày(?=\s|$)"),
        "taking": re.compile(rf"\s(?:{alternation(data['list_takers'])})\s+"),
        # … chịu trách nhiệm thi hành Quyết định này; … có trách nhiệm tổ chức triển khai, thi hành Thông tư này; …
        # căn cứ Quyết định thi hành
        "execution": re.compile(
            rf"\s(?:(?:{alternation(role_cues()['duty_cues'])})\s(?!{supporting})[^.;:]{{0,60}}?(?:{executions})\s+(?:{documents})"
            rf"\s+này"
            rf"|căn cứ\s+(?:{documents})\s+(?:này\s+)?(?:để\s+)?(?:{executions}))(?!\w)"
        ),
        "item_opening": re.compile(rf"(?:{alternation(data['item_openings'])})\s"),
        "scope": re.compile(rf"[\s,]+(?:{alternation(data['scope_openings'])})(?=[\s,])", re.IGNORECASE),
        "place": re.compile(rf"\s+(?:{alternation(data['qualifiers'])})\s+"),
        "matter": re.compile(rf"\s(?:{alternation(data['matter_openings'])})\s"),
        # …, giao | Bộ Tài chính (chịu trách nhiệm): — the lead-in of a list of the tasks a body is handed
        "handing": re.compile(rf"(?<![^\s,])(?<![Bb]an )(?i:{alternation(data['handing_verbs'])})\s+"),  # not Ban Chỉ đạo
        "handing_end": re.compile(rf"(?:\s+(?:{alternation(data['handing_ends'])}))?\s*:?\s*$"),
        "party_set": re.compile(rf"(?i:{alternation(data['party_sets'])})\b"),
        # Phân cấp thực hiện một số nhiệm vụ … cho | Cục An toàn thực phẩm — a heading of delegation
        "delegation": re.compile(rf"^(?i:{alternation(role_cues()['assigned_passives'])})\s.*\scho\s+"),
        "subject_heading": re.compile(
            rf"^(?:(?:{alternation(data['subject_heading_prefixes'])}"
            rf"|(?P<before>(?i:{duties})(?:(?:,\s*|\s+và\s+)(?i:{duties}))*)\s+của)\s+)?(?P<names>.+?)"
            rf"(?:\s+(?:{alternation(data['subject_heading_suffixes'])}"
            # … có các nhiệm vụ, quyền hạn sau đây
            rf"|(?:có|chịu|thực hiện)\s+(?:các\s+)?(?P<after>(?:{duties})(?:(?:,\s*|\s+và\s+)(?:{duties}))*)"
            rf"(?:\s+(?:sau đây|sau|như sau))?))?\s*[:.]?$"
        ),
    }
