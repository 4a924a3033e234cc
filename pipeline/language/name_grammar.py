"""The grammar of bodies' names, as data (``data/body_names.toml``): the words a name begins with (titles and
heads), the kinds of body, the words that end a name, compiled once; whether a text begins like a body's name, and
whether a name stands for one body or many."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.language.gazetteer import is_known, known_spans
from pipeline.language.levels import CENTRAL, LEVEL_RANKS, Place, below_issuer
from pipeline.language.lexicon import lexicon

WORDS = [str]
BODY_NAMES = lexicon(
    "body_names.toml",
    {
        **{
            key: WORDS
            for key in (
                "heads", "plural_kinds", "not_heads", "bare_kinds", "generic_heads", "joining_kinds",
                "collective_markers", "collective_names", "collective_words", "kind_list_openers", "member_titles",
                "name_continuations", "name_alternatives", "stops", "stops_or_kinds", "name_closers", "name_closers_at_start", "name_closer_continuations",
                "name_trailers", "shared_kinds", "shared_titles", "titles", "title_prefixes", "kind_verbs", "kind_verb_adverbs", "titles_over_kinds", "child_kinds", "parent_kinds", "slash_parents",
                "relative_kinds", "relative_openers", "heads_named_by_verb_anywhere", "relations", "relative_powers", "relative_ends",
                "reference_qualifiers", "reference_parts", "reference_documents",
                "unsplit", "compounds", "field_kinds", "field_bodies", "field_body_qualifiers", "matter_words", "heads_before_names", "head_qualifiers",
                "institution_kinds", "company_organs", "listed_apart", "listed_apart_after", "located_places", "not_children",
                "levelled_kinds", "shared_levels", "short_name_markers", "levelled_head_exceptions", "local_kinds", "list_kinds",
                "local_endings", "case_kinds", "case_words_of_one", "offices_of_one", "single_deputies",
                "role_heads", "role_head_objects", "role_persons",
                "kinds_of_many",
            )
        },
        "levels_of_heads": {str: str},
    },
)  # fmt: skip

MAX_NAME_WORDS = 16
# A level followed by a place's own name: the body of that one place (Sở Tư pháp thành phố Hà Nội).
NAMED_PLACE = re.compile(r"\b(?:[Tt]ỉnh|[Tt]hành phố|huyện|quận|thị xã)\s+[A-ZĐ]")
PLURAL = re.compile(r"(?:^|\s)(?:các|những|mọi)\s", re.IGNORECASE)
# A body named by its own abbreviation, which no list knows (VNNIC, VNPT): one body, not a party named by its kind.
ACRONYM = re.compile(r"[A-ZĐ][A-ZĐ0-9&]*(?:-[A-ZĐ0-9&]+)*")
# A verb or stop word ends a name only where a name could end: not right after "các", nor, for words that are also
# kinds of body, right after a comma (các cơ quan, tổ chức …, where "tổ chức" is a kind of body, not the verb).
AFTER_NAME = "(?<!,)(?<!các)(?<!Các)"


# A provision's number (khoản 1, điểm đ, Điều 10a, Chương IV) or "này" (Điều này).
_PROVISION_NUMBER = r"(?:\d+[a-zđ]?|[a-zđ]|[IVXL]+)"


def alternation(words: list[str]) -> str:
    """A regular expression for any of `words`, the longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _not_after(words: list[str]) -> str:
    """Lookbehinds: not right after any of `words`, their first letter in either case."""
    return "".join(f"(?<!{re.escape(w)})(?<!{re.escape(w[:1].upper() + w[1:])})" for w in words)


def _either_case(words: list[str]) -> list[str]:
    """`words`, each also with its first letter capitalised (a kind that opens a list item: Chủ đầu tư, Tổ chức …)."""
    return [*words, *(w[:1].upper() + w[1:] for w in words if w[:1].islower())]


def grammar() -> dict[str, Any]:
    """body_names.toml, as read and checked."""
    return BODY_NAMES.data()


@cache
def name_patterns() -> dict[str, re.Pattern[str]]:
    """The grammar's patterns, compiled once."""
    data = grammar()
    provision = rf"(?:{alternation(data['reference_parts'])})\s+(?:{_PROVISION_NUMBER}|này)\b"
    return {
        "stop": re.compile(
            rf"{AFTER_NAME}{_not_after(data['titles_over_kinds'])}\s(?:{alternation(data['stops_or_kinds'])})\b"
            rf"|(?<!các)(?<!Các)\s(?:{alternation([w for w in data['stops'] if w not in data['stops_or_kinds']])})\b"
            r"|[;.:()\[\]|]|$"
        ),
        # a head that names a body only before a capital, a level or a qualifier (Thanh tra tỉnh, not Thanh tra việc)
        "head_before_name": re.compile(rf"(?:{alternation(data['heads_before_names'])})(?:\s+(?=\S)|\s*$)"),
        "head_qualifier": re.compile(rf"(?:{alternation(data['head_qualifiers'] + data['name_continuations'])})\b"),
        "head": re.compile(
            rf"^(?!(?:{alternation(data['not_heads'])})\b)"
            rf"(?:{alternation(data['heads'])}|(?:(?:{alternation(data['title_prefixes'])})\s+)?"
            rf"(?:{alternation(data['titles'])})|[Cc]ác\s+(?i:{alternation(data['plural_kinds'])}))\b"
        ),
        # a bare kind of body before what it belongs to (Cục thuộc Bộ Y tế), no name of one
        "kind_of_relation": re.compile(
            rf"(?:{alternation(data['shared_kinds'] + data['child_kinds'])})\s+(?:{alternation(data['relations'])})\b"
        ),
        # a title and the other title of the same post in brackets (Tổng Giám đốc (Giám đốc) tổ chức tín dụng): one
        # title, whose brackets end nothing
        "bracketed_title": re.compile(
            rf"(?:{alternation(data['titles'])})\s*\((?i:(?:{alternation(data['title_prefixes'])})\s+)?"
            rf"(?i:{alternation(data['titles'])})\)"
        ),
        # words that may go on with a known name, whole words (vào is no và)
        "continuation": re.compile(rf"(?i:{alternation(data['name_continuations'])})\b"),
        # words the grammar knows after a name (thuộc, cấp, có liên quan …): a tagger's verb there ends nothing
        "lexicon_word": re.compile(
            rf"(?:{alternation(data['name_continuations'] + data['name_closers'] + data['name_closer_continuations'] + data['relations'] + ['cấp'])})\b"
        ),
        "list_kind": re.compile(rf"(?i:{alternation(data['list_kinds'])})\b"),
        "joining_kind": re.compile(rf"\b(?:các\s+)?(?:{alternation(data['joining_kinds'])})\b"),
        # an alternative that a bare kind ends (Ủy ban nhân dân cấp xã hoặc cơ quan, | tổ chức có thẩm quyền)
        "alternative_kind": re.compile(
            rf"\shoặc\s+(?:các\s+)?(?:{alternation(data['joining_kinds'])})(?:,\s+(?:{alternation(data['joining_kinds'])}))*$"
        ),
        "listed_apart": re.compile(rf"(?i:{alternation(data['listed_apart'])})\b"),
        # the last piece of a list is a kind alone, maybe after "các" or a title (các cơ quan; Thủ trưởng đơn vị), or
        # a relation and a kind came before it, which takes the list that follows (Cơ quan, đơn vị của bộ, cơ quan ngang
        # bộ, …; Thủ trưởng đơn vị thuộc bộ, cơ quan ngang bộ)
        "bare_joining_kind": re.compile(
            rf"(?:^|,\s+|\svà\s+)(?:(?i:{alternation(data['titles'] + data['role_heads'])})\s+)?(?:[Cc]ác\s+)?"
            rf"(?i:{alternation(data['joining_kinds'])})$"
            rf"|(?P<related>\s(?:{alternation(data['relations'])})\s+(?:các\s+)?(?i:{alternation(data['joining_kinds'])})(?:,\s+[^,]+)*$)"
        ),
        "name_closer": re.compile(
            rf"(?:\s|^(?=(?:{alternation(data['name_closers_at_start'])})\b))(?P<closer>{alternation(data['name_closers'])})"
            rf"\s+(?!(?:{alternation(data['name_closer_continuations'])})\b)(?P<next>\w+)"
        ),
        "trailer": re.compile(rf"\s+(?:{alternation(data['name_trailers'])})$"),
        "relative_opener": re.compile(
            rf"\s(?:{alternation(data['relative_openers'])})(?=\s)(?!\s+(?:{alternation(data['relative_powers'])})\b)"
        ),
        "leading_title": re.compile(rf"(?:{alternation(data['titles'])}) "),  # the longest title and its space
        "levelled_kind": re.compile(rf"(?<!\w)(?:{alternation(data['levelled_kinds'])})(?!\w|\s+viên\b)"),
        "compound": re.compile(rf"\b(?:{alternation(data['compounds'])})\b"),
        "unsplit": re.compile(rf"\b(?:{alternation(data['unsplit'])})\b"),
        # the provision that defines a kind (… quy định tại điểm a, b khoản 1 Điều 3 Thông tư này)
        "reference_qualifier": re.compile(
            rf"\s(?:{alternation(data['reference_qualifiers'])})\s+{provision}"
            rf"(?:(?:,\s*|\s+và\s+|\s+hoặc\s+|\s+)(?:{provision}|{_PROVISION_NUMBER}(?=[\s,.;:]|$)))*"
            rf"(?:\s+(?:của\s+)?(?:{alternation(data['reference_documents'])})\s+này)?"
        ),
        "relative_end": re.compile(rf"\s(?:{alternation(data['relative_ends'])})$"),
        # a list piece that begins with a kind of body, up to the end of the searched stretch
        "relative_kind": re.compile(
            rf"(?:^|,\s+|\s(?:và|hoặc)\s+|\s)(?:[Cc]ác\s+)?(?i:{alternation(data['relative_kinds'])})(?:\s[^\s,;.:]+){{0,3}}$"
        ),
        # a kind of institution the law names as a class (tổ chức tín dụng), maybe in the plural
        "institution": re.compile(
            r"(?:[Cc]ác\s+)?(?:"
            + "|".join(rf"[{kind[0]}{kind[0].upper()}]{re.escape(kind[1:])}\b" for kind in data["institution_kinds"])
            + ")"
        ),
        # … or one who leads a body, before it (lãnh đạo Bộ, chỉ huy đơn vị, lãnh đạo cấp trên; not lãnh đạo, chỉ đạo)
        "generic_head": re.compile(
            rf"^(?!(?:{alternation(data['not_heads'])})\b)(?:(?:[Cc]ác\s+)?(?:{alternation(_either_case(data['generic_heads']))})\b"
            rf"|(?:{alternation(_either_case(data['role_heads']))})(?=\s+(?:[A-ZĐ]|(?:các\s+)?"
            rf"(?:{alternation(data['joining_kinds'] + data['role_head_objects'])})\b)))"
        ),
        "role_person": re.compile(rf"(?:{alternation(_either_case(data['role_persons']))})\b"),
        # a kind named by the field it serves: "về" and the field's first words (… về xây dựng thuộc bộ …)
        "field": re.compile(
            rf"(?:(?i:{alternation(data['field_kinds'])})|(?:{alternation(data['field_bodies'])})"
            rf"(?:\s+(?:{alternation(data['field_body_qualifiers'])}))?)"
            rf"\s+về\s+(?!(?:{alternation(data['matter_words'])})\b)[^\W\d_]+(?:\s+[^\W\d_]+)?"
        ),
        # a department named by its own name, then what it belongs to (Cục Thống kê thuộc Bộ Tài chính)
        "named_child": re.compile(
            rf"^(?:(?:{alternation(data['title_prefixes'])}\s+)?(?:{alternation(data['titles'])})\s+)?"
            rf"(?:(?:{alternation(data['heads'])})\s+[A-ZĐ0-9][^;]*?(?P<relation>\s+(?:trực thuộc|thuộc)\s+)"
            rf"|(?:{alternation(data['heads'])})\s+[A-ZĐ0-9][^;/]*?(?P<slash>/)"
            rf"(?=(?:{alternation(data['slash_parents'])})\s)"
            rf"|(?:{alternation(data['child_kinds'])})\s+[A-ZĐ][^;]*?(?P<apart>\s+[-–]\s+|,\s+)"
            rf"(?=(?:{alternation(data['parent_kinds'])})\s+[A-ZĐ]))"
        ),
        # one of a kind that a body has many of, named by that body alone (Ủy ban của Quốc hội, Trưởng Ban của Hội đồng
        # nhân dân), not a title over a named one (Phó Trưởng Ban của Ban Pháp chế)
        "one_of_many": re.compile(
            rf"(?:(?:(?:{alternation(data['title_prefixes'])})\s+)?(?:{alternation(data['titles'] + ['Thường trực'])})\s+)?"
            rf"(?:{alternation(data['kinds_of_many'])})\s+của\s+(?!(?:{alternation(data['kinds_of_many'])})\s)"
        ),
        # the place a body sits in (… tại các thành phố, … tại Việt Nam)
        "located": re.compile(rf"\stại\s+(?:{alternation(data['located_places'])})\b"),
        # a kind named by what it does, maybe after its head's title (Giám đốc Ban quản lý dự án, Tổ trưởng Tổ
        # giúp việc) or in the plural (các cơ quan quản lý nhà nước), at the start or after a list separator, with
        # the verb's adverb (cơ quan quản lý trực tiếp)
        "named_by_verb": re.compile(
            rf"(?:(?:^|(?<=,\s)|(?<=\svà\s))"
            rf"(?:(?:(?:{alternation(data['title_prefixes'])})\s+)?(?:{alternation(data['titles'])})\s+)?(?:[Cc]ác\s+)?"
            rf"(?:{alternation(data['heads'] + data['bare_kinds'] + ['Tổ'])})"
            rf"|(?<=\s)(?:{alternation(data['heads_named_by_verb_anywhere'])}))\s+"
            rf"(?i:{alternation(data['kind_verbs'])})(?:,\s*(?:{alternation(data['kind_verbs'])}))*\b"
            rf"(?:\s+(?:{alternation(data['kind_verb_adverbs'])})\b)?"
        ),
    }


def begins_name(text: str) -> bool:
    """Whether `text` begins like a body's name (a head or title: ``Sở``, ``Giám đốc``, ``Các bộ``), and not like
    a phrase that only looks so (``Ban hành``, ``Các quy định``, ``Thanh tra hoạt động``)."""
    if not name_patterns()["head"].match(text):
        return False
    restricted = name_patterns()["head_before_name"].match(text)
    after = text[restricted.end() :] if restricted else ""
    return not restricted or after[:1].isupper() or bool(name_patterns()["head_qualifier"].match(after))


def is_collective(assignee: str, place: Place | None = None, alternatives: bool = True) -> bool:
    """A plural or generic subject: ``các sở, ban, ngành``, ``Ủy ban nhân dân các huyện``, ``cấp ủy``,
    ``Ủy ban nhân dân cấp tỉnh``, ``cơ quan có thẩm quyền``, ``Bộ trưởng``, a party named by its kind that no head
    opens and no gazetteer knows (``Khách hàng vay vốn``, ``Bên mua điện``); and one that ends with a level below
    the issuer's without naming its place (``Ủy ban nhân dân xã`` in a provincial document: every commune's;
    ``Công an tỉnh`` in a decision of the Prime Minister), or whose kind stands at such a level (``Phòng …``, a
    district's office). Where the issuer's place is unknown, only the commune level counts (``… tỉnh`` may be the
    issuer's own province). The members of a body (``Thành viên Hội đồng``, ``Ủy viên …``) are many. Bodies named as
    alternatives (``Văn phòng Bộ hoặc bộ phận tham mưu``) are whichever of them acts; `alternatives`: False to ask
    only whether the names themselves are of many bodies."""
    data = grammar()
    if _one_by_its_office(assignee, place):
        return False
    if (
        assignee[:1].islower()
        or not (begins_name(assignee) or is_known(assignee) or _acronym(assignee))  # a party named by its kind (Khách hàng vay vốn)
        or assignee in data["collective_names"]
        or assignee.startswith(tuple(data["collective_markers"])) and not _heads_a_name(assignee)
        or any(word in assignee for word in data["collective_words"])
        or assignee.endswith(tuple(data["local_endings"]))
        or _plural(assignee)
        or name_patterns()["one_of_many"].match(assignee)
        or alternatives and any(f" {word} " in assignee for word in data["name_alternatives"])
        or f"{assignee} ".startswith(tuple(f"{title} " for title in data["member_titles"]))
        or _organ_of_a_kind(assignee)
        or _kind_of_institution(assignee)
        or _deputies(assignee)
    ):
        return True
    if place is not None and place.level == CENTRAL and _body_of_a_case(assignee):
        return True
    level = next((lv for lv in LEVEL_RANKS if assignee.casefold().endswith(f" {lv}")), None) or _level_of_head(assignee)
    if level is None and assignee.endswith(tuple(f" {kind}" for kind in data["local_kinds"])):
        level = "tỉnh"  # … of every local level: below a central issuer; the issuer's own in a local document
    return level is not None and below_issuer(level, place)


def _deputies(assignee: str) -> bool:
    """Whether `assignee` is the deputies of a post (``Phó Chủ tịch Hội đồng Dân tộc``, ``Phó Chủ tịch Hội đồng``): a
    body has several, not one that a rank or an assignment singles out (``Phó Chủ tịch thường trực Hội đồng``, ``Phó
    Chủ tịch thứ nhất``, ``Phó Cục trưởng được phân công phụ trách Cục``)."""
    if not assignee.startswith("Phó ") or not name_patterns()["leading_title"].match(assignee, len("Phó ")):
        return False
    return not any(word in assignee for word in grammar()["single_deputies"])


def _one_by_its_office(assignee: str, place: Place | None) -> bool:
    """Whether `assignee` is one body named by the office it holds: the national one of a kind (``Cơ quan an toàn bức
    xạ và hạt nhân quốc gia``, ``Cơ quan vận hành nền tảng số báo chí quốc gia``), or the standing body of the
    council the document sets up or names (``Cơ quan thường trực``, ``Cơ quan thường trực của Hội đồng``, ``Đơn vị
    thường trực Hội đồng Thi đua - Khen thưởng Bộ …``), not of every council of a kind (``cơ quan thường trực Hội
    đồng thẩm định``, ``… các cấp``, ``Cơ quan Thường trực Ban Chỉ đạo 515 cấp tỉnh``)."""
    data = grammar()
    if _plural(assignee):
        return False
    kind = next((k for k in data["offices_of_one"] if assignee.startswith(f"{k} ")), None)
    if kind is None:
        return False
    rest = assignee[len(kind) :].split()
    if [word.casefold() for word in rest[:2]] == ["thường", "trực"]:
        council = " ".join(rest[3:] if rest[2:3] == ["của"] else rest[2:])
        return not council or not is_collective(council, place)
    # (đơn vị dự trữ quốc gia are the regional reserve units, many)
    return kind.casefold() == "cơ quan" and rest[-2:] == ["quốc", "gia"] and all(word[:1].islower() for word in rest)


def own_name_start(assignee: str) -> int:
    """Where the body's own name begins in `assignee`, past a deputy's ``Phó`` and the title of the body's head
    (``Phó Giám đốc | Sở Tư pháp``, ``Giám đốc | KBNN``); 0 where no title opens it."""
    post = assignee.removeprefix("Phó ")
    title = name_patterns()["leading_title"].match(post)
    return len(assignee) - len(post) + (title.end() if title else 0)


def _body_of_a_case(assignee: str) -> bool:
    """Whether `assignee` is a body set up for each case, named by its kind and lower-case words that say what it does
    (``Hội đồng thẩm định``, ``Trưởng đoàn thanh tra``, ``Ban quản lý dự án``), maybe after a title: no name of its
    own, no scope of one (``Hội đồng quốc gia …``), not the document's own body named by its kind alone (``Chủ tịch Hội
    đồng``)."""
    data = grammar()
    body = assignee[own_name_start(assignee) :]
    kind = next((k for k in data["case_kinds"] if body.startswith(f"{k} ")), None)
    rest = body[len(kind) :].split() if kind else []
    return (
        bool(rest) and all(word[:1].islower() or not word[:1].isalpha() for word in rest)
        and not any(words in body for words in data["case_words_of_one"])
    )


def _acronym(assignee: str) -> bool:
    """Whether `assignee` is an abbreviation in capitals, two letters or more (``VNNIC``)."""
    return len(assignee) > 1 and bool(ACRONYM.fullmatch(assignee))


def _plural(assignee: str) -> bool:
    """Whether `assignee` holds ``các``, ``những`` or ``mọi`` outside a known body's own name (``Chủ tịch Ủy ban nhân
    dân các tỉnh``; not ``Vụ trưởng Vụ Tín dụng các ngành kinh tế``, whose ``các`` names the sectors the one department
    serves)."""
    known = known_spans(assignee) if PLURAL.search(assignee) else []
    return any(not any(s <= m.start() + 1 and m.end() <= e + 1 for s, e in known) for m in PLURAL.finditer(assignee))


def _kind_of_institution(assignee: str) -> bool:
    """Whether `assignee` is a kind of institution the law names (``Ngân hàng thương mại``, ``Công ty chứng khoán``,
    capitalised where it opens a sentence), maybe with lower-case words that narrow it (``Ngân hàng thương mại nhà
    nước``): every such institution; not one named by its own name (``Ngân hàng thương mại Cổ phần Ngoại thương Việt
    Nam``)."""
    lowered = assignee[:1].lower() + assignee[1:]
    kind = next((k for k in grammar()["institution_kinds"] if f"{lowered} ".startswith(f"{k} ")), None)
    return kind is not None and not any(word[:1].isupper() for word in lowered[len(kind) :].split())


def _organ_of_a_kind(assignee: str) -> bool:
    """Whether `assignee` is an organ of a company named by its kind, maybe after a title (``Hội đồng quản trị``,
    ``Chủ tịch Hội đồng thành viên``, ``Ban kiểm soát ngân hàng thương mại thành viên``), or a title over a kind of
    institution (``Tổng Giám đốc (Giám đốc) tổ chức tín dụng``): no institution's own name follows."""
    data = grammar()
    body = assignee.removeprefix("Phó ")
    title = name_patterns()["bracketed_title"].match(body) or name_patterns()["leading_title"].match(body)
    body = body[title.end() :].lstrip() if title else body
    organ = next((o for o in data["company_organs"] if f"{body} ".startswith(f"{o} ")), None)
    if organ:
        return not body[len(organ) :].strip()[:1].isupper()
    return bool(title) and body.startswith(tuple(data["institution_kinds"]))


def _level_of_head(assignee: str) -> str | None:
    """The level a body's kind stands at (``Phòng …`` a district's, ``Sở …`` a province's), a title before it aside
    (``Giám đốc Sở Tư pháp``); none where the name gives its place (``Sở Y tế tỉnh Bình Định``)."""
    data = grammar()
    body = assignee[own_name_start(assignee) :]  # Phó Giám đốc | Sở …
    if body.startswith(tuple(data["levelled_head_exceptions"])) or NAMED_PLACE.search(body):
        return None
    return next((lv for head, lv in data["levels_of_heads"].items() if f"{body} ".startswith(f"{head} ")), None)


def _heads_a_name(assignee: str) -> bool:
    """Whether `assignee` is a title or a kind of body followed by a body's own name, capitalised, that a head opens
    or that holds a known body (``Thủ trưởng | Bộ Quốc phòng``, ``Cơ quan | Cảnh sát điều tra Bộ Công an``): one body,
    whatever its first words; not a kind of post every such body has (``Trưởng | Phòng``, ``Trưởng | Đồn Công an``),
    nor a kind that only lower-case words qualify (``Trưởng | Ban chỉ huy``, ``Trưởng | Ban kiểm soát``, ``Cơ quan |
    Công an``: a head opens the name, a capital must follow it, as in ``Ban Tôn giáo Chính phủ``)."""
    data = grammar()
    words = tuple(f"{w} " for w in data["titles"] + data["bare_kinds"] if w[:1].isupper())
    opener = next((w for w in sorted(words, key=len, reverse=True) if assignee.startswith(w)), None)
    rest = assignee[len(opener) :] if opener else ""
    if not rest[:1].isupper():
        return False
    if known_spans(rest):
        return True
    head = name_patterns()["head"].match(rest)
    own = rest[head.end() :].split() if head else []
    return bool(own) and any(word[:1].isupper() for word in own)
