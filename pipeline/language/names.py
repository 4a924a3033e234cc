"""Names of bodies: where a name begins and ends in running text, how a list of names splits, and whether a name
stands for one body or many.

The grammar is data (``data/body_names.toml``): the words a name begins with (titles and heads), the kinds of
body, the words that end a name; known bodies (the gazetteer) are never cut or split.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from pipeline.language.gazetteer import expand_abbreviations, is_known, known_canonical, known_spans
from pipeline.language.levels import LEVEL_RANKS, Place, below_issuer, with_place
from pipeline.language.lexicon import lexicon
from pipeline.language.per_document import document_cache

WORDS = [str]
BODY_NAMES = lexicon(
    "body_names.toml",
    {
        **{
            key: WORDS
            for key in (
                "heads", "plural_kinds", "not_heads", "bare_kinds", "generic_heads", "joining_kinds",
                "collective_markers", "collective_names", "collective_words", "kind_list_openers",
                "name_continuations", "name_alternatives", "stops", "stops_or_kinds", "name_closers", "name_closer_continuations",
                "name_trailers", "shared_kinds", "shared_titles", "titles", "title_prefixes", "kind_verbs", "kind_verb_adverbs", "titles_over_kinds", "child_kinds", "parent_kinds", "slash_parents",
                "relative_kinds", "relative_openers", "relations", "relative_powers", "relative_ends",
                "unsplit", "compounds", "field_kinds", "field_bodies", "field_body_qualifiers", "matter_words", "heads_before_names", "head_qualifiers",
                "institution_kinds", "listed_apart", "listed_apart_after", "located_places", "not_children",
                "levelled_kinds", "shared_levels", "short_name_markers", "levelled_head_exceptions", "local_kinds",
            )
        },
        "levels_of_heads": {str: str},
    },
)  # fmt: skip

MAX_NAME_WORDS = 16
# How far past a stop word a known name that holds it is looked for (Cục Cảnh sát | quản lý trại giam, cơ sở giáo dục
# bắt buộc, trường giáo dưỡng: 74 characters)
KNOWN_NAME_REACH = 100
KNOWN_NAME_TITLE_WORDS = 3  # a title before a known name (Phó Cục trưởng …)
QUOTE = re.compile(r"[“”\"]")
# Characters after a name that the part-of-speech tagger reads with it (a verb is told by what follows it).
TAGGED_CONTEXT = 40
# underthesea's tags of the words that end a name where the lexicon is silent: verbs and adverbs.
VERB_TAGS = ("V", "R")
# The verb of a definition comes within so many words after its opener (được Bộ trưởng Bộ Tài chính giao chủ trì); further
# on, the first verb is the sentence's own (… được giao nhiệm vụ bồi dưỡng công chức | căn cứ …).
RELATIVE_VERB_WITHIN = 3
# A level followed by a place's own name: the body of that one place (Sở Tư pháp thành phố Hà Nội).
NAMED_PLACE = re.compile(r"\b(?:[Tt]ỉnh|[Tt]hành phố|huyện|quận|thị xã)\s+[A-ZĐ]")
PLURAL = re.compile(r"(?:^|\s)(?:các|những|mọi)\s", re.IGNORECASE)
# Between the bodies of a list: a comma (one without a space too, unless inside capitals: Ủy ban KH,CN&MT), "và".
# Not "hoặc": read as two bodies (Sở Giao dịch hoặc Ngân hàng Nhà nước chi nhánh Khu vực), the check set lost
# named precision 0.831 -> 0.821, recall unchanged.
LIST_SEPARATOR = re.compile(r"(,\s+|(?<![A-ZĐ]),(?=\S)|\s+và\s+)")
# A verb or stop word ends a name only where a name could end: not right after "các", nor, for words that are also
# kinds of body, right after a comma (các cơ quan, tổ chức …, where "tổ chức" is a kind of body, not the verb).
AFTER_NAME = "(?<!,)(?<!các)(?<!Các)"


def alternation(words: list[str]) -> str:
    """A regular expression for any of `words`, the longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _not_after(words: list[str]) -> str:
    """Lookbehinds: not right after any of `words`, their first letter in either case."""
    return "".join(f"(?<!{re.escape(w)})(?<!{re.escape(w[:1].upper() + w[1:])})" for w in words)


def grammar() -> dict[str, Any]:
    """body_names.toml, as read and checked."""
    return BODY_NAMES.data()


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = grammar()
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
            rf"(?:^|,\s+|\svà\s+)(?:(?i:{alternation(data['titles'])})\s+)?(?:[Cc]ác\s+)?"
            rf"(?i:{alternation(data['joining_kinds'])})$"
            rf"|(?P<related>\s(?:{alternation(data['relations'])})\s+(?:các\s+)?(?i:{alternation(data['joining_kinds'])})(?:,\s+[^,]+)*$)"
        ),
        "name_closer": re.compile(
            rf"\s(?P<closer>{alternation(data['name_closers'])})"
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
        "generic_head": re.compile(
            rf"^(?!(?:{alternation(data['not_heads'])})\b)(?:các\s+)?(?:{alternation(data['generic_heads'])})\b"
        ),
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
        # the place a body sits in (… tại các thành phố, … tại Việt Nam)
        "located": re.compile(rf"\stại\s+(?:{alternation(data['located_places'])})\b"),
        # a kind named by what it does, maybe after its head's title (Giám đốc Ban quản lý dự án, Tổ trưởng Tổ
        # giúp việc) or in the plural (các cơ quan quản lý nhà nước), at the start or after a list separator, with
        # the verb's adverb (cơ quan quản lý trực tiếp)
        "named_by_verb": re.compile(
            rf"(?:^|(?<=,\s)|(?<=\svà\s))"
            rf"(?:(?:(?:{alternation(data['title_prefixes'])})\s+)?(?:{alternation(data['titles'])})\s+)?(?:[Cc]ác\s+)?"
            rf"(?:{alternation(data['heads'] + data['bare_kinds'] + ['Tổ'])})\s+"
            rf"(?i:{alternation(data['kind_verbs'])})(?:,\s*(?:{alternation(data['kind_verbs'])}))*\b"
            rf"(?:\s+(?:{alternation(data['kind_verb_adverbs'])})\b)?"
        ),
    }


def begins_name(text: str) -> bool:
    """Whether `text` begins like a body's name (a head or title: ``Sở``, ``Giám đốc``, ``Các bộ``), and not like
    a phrase that only looks so (``Ban hành``, ``Các quy định``, ``Thanh tra hoạt động``)."""
    if not _patterns()["head"].match(text):
        return False
    restricted = _patterns()["head_before_name"].match(text)
    after = text[restricted.end() :] if restricted else ""
    return not restricted or after[:1].isupper() or bool(_patterns()["head_qualifier"].match(after))


def first_stop(text: str) -> int:
    """Where the first word that ends a name is in `text` (a verb, a function word, punctuation; else its end)."""
    return next(_stops(text)).start()


def _stops(text: str) -> Iterator[re.Match[str]]:
    """The words that end a name in `text`, in order; verbs right after a kind of body that name what the body
    does (``Cơ quan quản lý thuế``, ``Hội đồng thẩm định``, ``Cục Quản lý, giám sát tổ chức tín dụng``) are part of
    the name, not its end, and so is a kind of body right after them (``tổ chức``: their object, not a verb), the
    field a kind serves (``Cơ quan chuyên môn về xây dựng``) and the place a body sits in (``… tại Việt Nam``)."""
    # at the start, or a later piece of a list (Hội đồng quản trị, Ban kiểm soát); a field after a kind (Cơ quan
    # chuyên môn về xây dựng)
    named = [m.span() for m in _patterns()["field"].finditer(text)] + [
        m.span() for m in _patterns()["located"].finditer(text)
    ]  # … tại các thành phố: where the body sits
    titled = list(_patterns()["bracketed_title"].finditer(text))  # … (Giám đốc) tổ chức tín dụng: the kind it heads
    for match in titled + list(_patterns()["named_by_verb"].finditer(text)):
        end = match.end()
        if kind := re.match(rf"\s+(?:{alternation(grammar()['stops_or_kinds'])})\b", text[end:]):
            end += kind.end()  # … giám sát tổ chức tín dụng: a kind of body, what the verb is about
        named.append((match.start(), end))
    # a compound's space before it too: its first word may be the stop (lập pháp)
    inside = _relative_clauses(text) + [(m.start() - 1, m.end()) for m in _patterns()["compound"].finditer(text)]
    return (
        m for m in _patterns()["stop"].finditer(text)
        if m.start() == len(text)
        or not any(s <= m.start() and m.end() <= e for s, e in named) and not any(s <= m.start() < e for s, e in inside)
    )  # fmt: skip


def _relative_clauses(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that define a kind of body by what it is given or made to do, and so belong to its name
    (``doanh nghiệp được chỉ định thực hiện duy trì, quản lý mạng bưu chính công cộng``; ``cơ quan có chức năng
    quản lý đất đai cấp tỉnh``): an opener (``được``) after a list piece that begins with a kind, its verb, the verbs
    chained to it (``chủ trì thực hiện``; after a comma: ``tiếp nhận, giải quyết``) and their object, up to the next
    verb (the sentence's own: ``… tiếp tục thực hiện``), a function word or a reference (``quy định tại``), or
    punctuation."""
    spans = []
    for opener in _patterns()["relative_opener"].finditer(text):
        if not _patterns()["relative_kind"].search(text, 0, opener.start()):
            continue
        end = opener.end()
        agent = begins_name(text[end:].lstrip())  # được Bộ trưởng hoặc Lãnh đạo Bộ phân công: its verb after a name
        for stop in _patterns()["stop"].finditer(text, opener.end()):
            first = end == opener.end() and (agent or len(text[end : stop.start()].split()) <= RELATIVE_VERB_WITHIN)
            chained = first or (end > opener.end() and (not text[end : stop.start()] or text[stop.start() - 1] == ","))
            if not stop.group()[:1].isspace() or not chained or _patterns()["relative_end"].match(stop.group()):
                break
            end = stop.end()
        spans.append((opener.start(), end))
    return spans


def canonical_name(assignee: str, place: Place | None) -> str:
    """The expanded, normalised name: a known body's own name, abbreviations expanded, the issuer's place added
    where the text says only ``tỉnh`` (``Ủy ban nhân dân tỉnh`` in a document of UBND TỈNH SƠN LA)."""
    name = known_canonical(assignee) or expand_abbreviations(assignee)
    name = name.replace("Uỷ", "Ủy").replace("uỷ", "ủy")
    return " ".join(with_place(name, place).split())


def is_collective(assignee: str, place: Place | None = None) -> bool:
    """A plural or generic subject: ``các sở, ban, ngành``, ``Ủy ban nhân dân các huyện``, ``cấp ủy``,
    ``Ủy ban nhân dân cấp tỉnh``, ``cơ quan có thẩm quyền``, ``Bộ trưởng``, a party named by its kind that no head
    opens and no gazetteer knows (``Khách hàng vay vốn``, ``Bên mua điện``); and one that ends with a level below
    the issuer's without naming its place (``Ủy ban nhân dân xã`` in a provincial document: every commune's;
    ``Công an tỉnh`` in a decision of the Prime Minister), or whose kind stands at such a level (``Phòng …``, a
    district's office). Where the issuer's place is unknown, only the commune level counts (``… tỉnh`` may be the
    issuer's own province)."""
    data = grammar()
    if (
        assignee[:1].islower()
        or not (begins_name(assignee) or is_known(assignee))  # a party named by its kind (Khách hàng vay vốn)
        or assignee in data["collective_names"]
        or assignee.startswith(tuple(data["collective_markers"])) and not _heads_a_name(assignee)
        or any(word in assignee for word in data["collective_words"])
        or PLURAL.search(assignee)
    ):
        return True
    level = next((lv for lv in LEVEL_RANKS if assignee.casefold().endswith(f" {lv}")), None) or _level_of_head(assignee)
    if level is None and assignee.endswith(tuple(f" {kind}" for kind in data["local_kinds"])):
        level = "tỉnh"  # … of every local level: below a central issuer; the issuer's own in a local document
    return level is not None and below_issuer(level, place)


def _level_of_head(assignee: str) -> str | None:
    """The level a body's kind stands at (``Phòng …`` a district's, ``Sở …`` a province's), a title before it aside
    (``Giám đốc Sở Tư pháp``); none where the name gives its place (``Sở Y tế tỉnh Bình Định``)."""
    data = grammar()
    post = assignee.removeprefix("Phó ")  # Phó Giám đốc Sở …
    title = _patterns()["leading_title"].match(post)
    body = post[title.end() :] if title else post
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
    head = _patterns()["head"].match(rest)
    own = rest[head.end() :].split() if head else []
    return bool(own) and any(word[:1].isupper() for word in own)


def names(text: str, whole: bool = False) -> list[tuple[int, str]]:
    """The bodies named at the start of `text` (``A, B và C``), each with its offset; `whole`: the text is a
    subject that ends where its verb begins, so no stop word is looked for. A piece of the list that does not
    begin a body of its own (``ngành`` in ``các sở, ban, ngành``) belongs to the name before it."""
    end, known = (len(text), known_spans(text)) if whole else _name_end(text)
    if not whole:  # các cơ quan khác có liên quan | đàm phán với nhà tài trợ: a verb that no list names
        # past a definition's opener, a level closes nothing (… được Ủy ban nhân dân cấp tỉnh giao xây dựng …)
        defining = min((s for s, _ in _relative_clauses(text[:end])), default=end)
        closers = _patterns()["name_closer"].finditer(text, 0, defining)
        end = next((m.end("closer") for m in closers if m["next"].islower()), end)
    known = [(s, e) for s, e in known if e <= end]
    defined = _relative_clauses(text[:end])  # Cơ quan được Chính phủ giao …: a known name in a definition ends nothing
    # a known name in lower case is a phrase's words, no body (tổ chức phi chính phủ nước ngoài)
    bounding = [(s, e) for s, e in known if text[s].isupper() and not any(ds <= s < de for ds, de in defined)]
    # a place a body sits in ends the name as a known body does (… tại các thành phố | tạm đình chỉ …)
    bounding += [m.span() for m in _patterns()["located"].finditer(text, 0, end)]
    # so does a body every level has, named by its kind alone (Hội đồng nhân dân | giữ mối liên hệ …), whose words
    # the tagger reads as one noun: what may follow it is a level, a place or a list
    levelled = [m.span() for m in _patterns()["levelled_kind"].finditer(text, 0, end)]
    bounding = sorted(bounding + [(s, e) for s, e in levelled if not any(ks <= s < ke for ks, ke in bounding)])
    span = without_trailers(_bounded_by_known_names(text[:end], bounding))
    found: list[tuple[int, str]] = []
    position, separator, kinds_only, opener = 0, "", False, -1
    for part in _list_parts(span, [(s, e) for s, e in known if e <= len(span)] + defined):
        if part.strip(" ,") in ("", "và"):  # a separator or nothing
            position, separator = position + len(part), part
            continue
        piece = part.strip()
        if not found and _bare_kind(piece) and span[position + len(part) :].startswith(", "):
            found.append((position + (len(part) - len(part.lstrip())), piece))  # Bộ, cơ quan ngang bộ, …
            kinds_only, opener = True, found[-1][0]
        elif found and _listed_apart(piece, found[-1][1]):  # Bộ, | cơ quan ngang bộ, | cơ quan thuộc Chính phủ
            found.append((position + (len(part) - len(part.lstrip())), piece))
        elif kinds_only and not is_known(piece) and not (begins_name(piece) and len(piece.split()) >= 2):
            first = found[-1][0]  # … the kinds that go on with a bare kind are one subject (Bộ, ngành, địa phương)
            found[-1] = (first, span[first : position + len(part)].strip())
        elif separator.strip() == "," and _names_parent(piece, [n for _, n in found]):
            first = found[-1][0]
            found[-1] = (first, span[first : position + len(part)].strip())
        elif _begins_body(piece, found[-1][1] if found else None):
            found.append((position + (len(part) - len(part.lstrip())), piece))
        elif found and piece in grammar()["heads"] + grammar()["titles"] and not is_collective(found[-1][1]):
            pass  # Bộ Khoa học và Công nghệ, Bộ |: a name cut off (a table cell), not part of the one before
        elif found:
            first = found[-1][0]
            found[-1] = (first, span[first : position + len(part)].strip())
        else:
            return []
        kinds_only = kinds_only and len(found) == 1
        position += len(part)
    found = [(s, _without_named_parent(n)) for s, n in found]
    found = [(s, _before_tagged_verb(n, text[s : s + len(n) + TAGGED_CONTEXT])) for s, n in found]
    bare = grammar()["bare_kinds"]
    return [
        (s, n)
        for s, n in found
        if (len(n.split()) > 1 or is_known(n) or s == opener) and n not in bare
        and (len(n.split()) <= MAX_NAME_WORDS * (2 if is_collective(n) or _patterns()["field"].search(n) else 1)
             or _titles_a_known_name(n))
    ]  # lists of kinds and names that hold a field run longer


def _titles_a_known_name(name: str) -> bool:
    """Whether `name` is a known name, maybe after a title, however long (Cục trưởng Cục Cảnh sát quản lý trại giam,
    cơ sở giáo dục bắt buộc, trường giáo dưỡng): no more than KNOWN_NAME_TITLE_WORDS words outside known names."""
    if QUOTE.search(name):
        return False  # … Phát triển nông thôn” bằng cụm từ “Bộ …: the words an amendment replaces, no name
    outside = len(name.split()) - sum(len(name[s:e].split()) for s, e in known_spans(name))
    return outside <= KNOWN_NAME_TITLE_WORDS


def _without_named_parent(name: str) -> str:
    """`name` without the parent body a named body is said to belong to (``Cục Thông tin, Thống kê | thuộc Bộ
    Khoa học và Công nghệ``; ``Cục trưởng Cục Nghiệp vụ và Pháp luật | thuộc Cảnh sát biển Việt Nam``; ``Bảo hiểm xã
    hội Việt Nam | thuộc Bộ Tài chính``), or that follows it after a slash (``Cục Tài chính|/Bộ Quốc phòng``) or, for
    a department, a dash or a comma (``Cục Thủy sản và Kiểm ngư | - Bộ Nông nghiệp và Môi trường``; ``Vụ Tổ chức cán
    bộ|, Bộ Giáo dục và Đào tạo``): one body, named by its own name (the gold README). A kind that is no name keeps
    it (``các Vụ, Cục thuộc Bộ Y tế``, ``Thủ trưởng các đơn vị thuộc Bộ Tư pháp``), and so does a body that belongs to
    every body of a level (``Sở Ngoại vụ thuộc Ủy ban nhân dân cấp tỉnh``)."""
    match = _patterns()["named_child"].match(name)
    if not match:
        return name
    relation = next(group for group in ("relation", "slash", "apart") if match[group] is not None)
    parent = name[match.end(relation) :]
    named = parent[:1].isupper() and (begins_name(parent) or is_known(parent))
    return name[: match.start(relation)] if named and not is_collective(parent) else name


def without_trailers(span: str) -> str:
    """`span` without the words a name cannot end with (``Người vận chuyển phải``, ``… và``) and the commas after
    it, unless a compound ends it (``cơ quan cấp chứng chỉ``)."""
    span = span.rstrip(" ,")
    while (trailer := _patterns()["trailer"].search(span)) and not any(
        m.start() <= trailer.start() and m.end() == len(span) for m in _patterns()["compound"].finditer(span)
    ):  # … chứng chỉ: a compound's last word trails nothing
        span = span[: trailer.start()]
    return span


def name_end(text: str) -> int:
    """Where the names at the start of `text` end: a verb begins no earlier (the verbs inside ``Cục Quản lý, giám
    sát tổ chức tín dụng`` or ``Bảo hiểm tiền gửi Việt Nam`` are the name's own)."""
    return _name_end(text)[0]


def _name_end(text: str) -> tuple[int, list[tuple[int, int]]]:
    """Where the names at the start of `text` end: at the first stop word outside a known name (``Tổng cục Hậu cần
    - Kỹ thuật chỉ đạo``: ``cần`` is a stop word, but not inside that name); with the known names before there (no
    known name runs across a stop word that ends the names, so those of a longer stretch serve)."""
    stops = _stops(text)
    first = next(stops)
    known = known_spans(text[: first.start() + KNOWN_NAME_REACH])
    holding = [(s, e) for s, e in known if s < first.start() < e]
    if not holding:
        return first.start(), known
    end = next((m.start() for m in stops if m.start() >= holding[0][1]), len(text))
    return end, known_spans(text[:end])


def _list_parts(span: str, known: list[tuple[int, int]]) -> list[str]:
    """`span` cut into list pieces and the separators between them (LIST_SEPARATOR), except inside a `known` name
    (``Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố`` is one body) or words no list splits (``phòng,
    chống``)."""
    known = known + [m.span() for m in _patterns()["unsplit"].finditer(span)]
    parts, start = [], 0
    for separator in LIST_SEPARATOR.finditer(span):
        if not any(s < separator.start() and separator.end() < e for s, e in known):
            parts += [span[start : separator.start()], separator.group(0)]
            start = separator.end()
    return [*parts, span[start:]]


def _bounded_by_known_names(span: str, known: list[tuple[int, int]]) -> str:
    """`span` as the known bodies in it (`known`, by start) shape it:

    - it ends with the first known body that a lower-case word follows which cannot go on with it (``Sở Lao động -
      Thương binh và Xã hội tạm dừng chi trả``: a verb that no stop word caught); names that go on (``… các tỉnh,
      thành phố``, ``… cấp huyện``), lists (``, Bộ Tài chính``) and alternatives (``hoặc Ngân hàng Nhà nước chi nhánh
      Khu vực``) are left whole;
    - two known bodies with only a space between them (a table cell whose line break was lost: ``Bộ Thông tin và
      Truyền thông Bộ Khoa học và Công nghệ``) are two list pieces: the space becomes a comma (same length), unless
      the second does not begin like a body (``Ban Bí thư Trung ương Đoàn …`` is one name)."""
    goes_on = _patterns()["continuation"]
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


def _listed_apart(piece: str, previous: str) -> bool:
    """Whether a piece of a list is a kind that stands beside the ministries as a subject of its own (``Các Bộ, |
    cơ quan ngang Bộ, | cơ quan thuộc Chính phủ``): after the ministries named by their kind alone or another such
    kind, not after a name the ministries qualify (``Vụ Pháp chế Bộ, cơ quan ngang Bộ``; ``Cơ quan, đơn vị của bộ,
    cơ quan ngang bộ``: one subject, whose words are shared)."""
    apart = _patterns()["listed_apart"]
    kind = re.sub(r"^[Cc]ác\s+", "", previous).casefold()
    return bool(apart.match(piece)) and (apart.match(previous) is not None or kind in grammar()["listed_apart_after"])


def _bare_kind(piece: str) -> bool:
    """Whether a list piece is a kind of body alone, capitalised or in the plural, that stands for every body of its
    kind when a list of kinds follows it (``Bộ``, ``Các Bộ`` in ``Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính
    phủ``)."""
    kind = re.sub(r"^[Cc]ác\s+", "", piece)
    return " " not in kind and kind[:1].isupper() and kind.casefold() in grammar()["plural_kinds"]


def _names_parent(piece: str, before: list[str]) -> bool:
    """Whether a piece of a list is the parent of the body before it (``Vụ Tổ chức cán bộ, Bộ Giáo dục và Đào
    tạo``; ``Cục Biến đổi khí hậu, Bộ Nông nghiệp và Môi trường``): a parent's kind after a child's kind that no
    body of a child's kind comes before (``Vụ Pháp chế, Vụ Tài chính, Bộ Tư pháp`` lists three bodies)."""
    data = grammar()
    child, parent = tuple(f"{k} " for k in data["child_kinds"]), tuple(f"{k} " for k in data["parent_kinds"])
    return (
        piece.startswith(parent)
        and not piece.startswith(tuple(f"{title} " for title in data["titles"]))  # Bộ trưởng …: a head, no parent
        and bool(before)
        and before[-1].startswith(child)
        and not before[-1].startswith(tuple(data["not_children"]))  # Viện kiểm sát nhân dân tối cao, | Bộ Công an
        and not any(f", {kind}" in before[-1] for kind in parent)  # …, Bộ Tư pháp, | Bộ Quốc phòng: one parent
        and not any(name.startswith(child) for name in before[:-1])
    )


def _begins_body(piece: str, previous: str | None) -> bool:
    """Whether a piece of a list names a body of its own: a known body (``VTV``), a name of two words or more
    that begins like one (``Sở Tài chính``, not the bare ``Ban`` of ``Sở, Ban, Ngành``), or a generic subject
    (``thủ trưởng các cơ quan liên quan``) after a body that is not itself a list of kinds. A kind of institution
    the law names (``tổ chức tín dụng``, ``chi nhánh ngân hàng nước ngoài``) is a subject of its own, and so is a
    generic kind after one. A list opened by ``Cấp ủy`` (the whole political system) is one subject."""
    if previous is not None and previous.casefold().startswith(tuple(grammar()["kind_list_openers"])):
        return False
    if is_known(piece) or _patterns()["institution"].match(piece):
        return True
    alternative = previous is not None and _patterns()["alternative_kind"].search(previous)
    if alternative and _patterns()["joining_kind"].match(piece):
        return False  # … hoặc cơ quan, tổ chức có thẩm quyền: the kinds of an alternative go on
    if previous is not None and _patterns()["institution"].match(LIST_SEPARATOR.split(previous)[-1]):
        # tổ chức tín dụng, tổ chức kinh tế | và các tổ chức, cá nhân khác có liên quan: two subjects
        return begins_name(piece) or bool(_patterns()["generic_head"].match(piece))
    if previous is not None and PLURAL.search(previous) and _patterns()["kind_of_relation"].match(piece):
        return False  # các Vụ, Cục thuộc Bộ Y tế: a kind that goes on with the plural before it, no body named
    related = previous is not None and (kinds := _patterns()["bare_joining_kind"].search(previous)) and kinds["related"]
    if related and _patterns()["listed_apart"].match(piece):
        return False  # Cục thuộc bộ, | cơ quan ngang bộ: the ministerial block a relation takes goes on
    if begins_name(piece):
        return len(piece.split()) >= 2
    return bool(_patterns()["generic_head"].match(piece)) and (
        previous is None or not is_collective(previous) or _names_a_body(previous) or not _joins_kinds(piece, previous)
    )


def _joins_kinds(piece: str, previous: str) -> bool:
    """Whether `piece` goes on with a list of kinds (``các cơ quan, tổ chức, cá nhân``; ``cơ quan, người có thẩm
    quyền``; ``Thủ trưởng cơ quan, đơn vị thuộc Bộ``) rather than naming a subject of its own (``tổ dân phố, chính
    quyền địa phương``): only a bare kind before it shares what follows; after a kind with words of its own the
    next is a subject of its own (``tổ chức niêm yết, tổ chức đăng ký giao dịch``; ``Thủ trưởng cơ quan ngang bộ,
    cơ quan thuộc Chính phủ``)."""
    return bool(_patterns()["joining_kind"].match(piece) and _patterns()["bare_joining_kind"].search(previous))


def _names_a_body(subject: str) -> bool:
    """Whether a subject names a body rather than only kinds: a capital past its first letter (``Chủ tịch Ủy ban
    nhân dân các cấp``, ``các ban của Hội đồng nhân dân``; not ``Các cơ quan``)."""
    return any(char.isupper() for char in subject[1:])


@document_cache(maxsize=8192)
def _before_tagged_verb(name: str, context: str) -> str:
    """`name` up to a lower-case word that underthesea tags (in `context`: the name and what follows) as a verb or an
    adverb right after a capitalised word of the name, where the lexicon is silent about it: no stop word caught it,
    and it is none of the grammar's words after a name (thuộc, cấp, có liên quan), no kind's verb (quản lý), not
    inside a known name (Thường trực Hội đồng nhân dân | giao; Ủy ban nhân dân thành phố Hà Nội | gặp mặt) or the field
    a name holds (Ban Chỉ đạo Trung ương về phát triển …). Not after
    a head or a kind (Hội đồng | khám sức khỏe names the council), nor after the first word of a name that a head
    opens (Cơ quan Cảnh sát | điều tra), nor after a word the tagger cut off (Ủy | ban nhân dân)."""
    if not any(word[:1].isupper() for word in name.split()[1:]):
        return name
    from pipeline.language.tagging import pos_tag  # loads a model: only for names with a capital past their first word

    data = grammar()
    kinds = set(data["heads"] + data["titles"] + data["bare_kinds"])
    known = known_spans(name) + [m.span() for m in _patterns()["field"].finditer(name)]  # … Trung ương về phát triển
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
            and token not in data["kind_verbs"] and not _patterns()["lexicon_word"].match(context, start)
            and not any(s <= start < e for s, e in known)
        ):  # fmt: skip
            return name[:start].rstrip(" ,")
        before, previous = previous, token
    return name
