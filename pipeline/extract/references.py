"""References: every document a text cites, with its type, number-symbol, date, issuer and relation.

The grammar (type abbreviations, issuer codes, relation verbs, phrases that are no citation) is data,
``data/references.toml``, compiled here once. :func:`find_references` reads one normalised text: it finds every
number-symbol (``12-CT/TW``, ``30/2020/NĐ-CP``), reads the type word, date and issuer around it, groups lists
(``Nghị định số 48/2013/NĐ-CP và Nghị định số 92/2017/NĐ-CP của Chính phủ``), takes the relation from the nearest
governing verb, then adds bare numbers (``Nghị quyết 57``), aliases and laws cited by name, and merges every
mention of the same document into one :class:`Reference`. :func:`resolve_in_batch` links references to the
documents of a batch.
"""

from __future__ import annotations

import bisect
import itertools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz import fuzz

from pipeline.document_types import symbol_types
from pipeline.keys import fold, name_key, number_symbol_key

_fold = lru_cache(maxsize=4096)(fold)

RELATIONS = ("implements", "legal_basis", "amends", "replaces", "repeals", "cites")  # first wins for "căn cứ"
NAME_MATCH = 85  # rapidfuzz token-sort ratio above which two folded issuer names are the same body

_NUMBER = r"(?:\d|[OolI](?=\d))\d{0,4}(?:\.\d{1,3})?"
_DATE = (
    r"(?P<d>\d{1,2})\s*(?:(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4}|\d{2})(?!\d)"
    r"|\s+(?:tháng|THÁNG)\s+(?P<m2>\d{1,2})\s*[,.]?\s*(?:năm|NĂM)\s+(?P<y2>\d{4}))"
)
_DATE_AFTER = re.compile(r"[ \t]*\n?[ \t]*,?[ \t]*\(?(?:ban hành\s+)?(?:ngày|Ngày|NGÀY)\s+" + _DATE)
_DATE_LEADING = re.compile(r"(?:ngày|Ngày|NGÀY)\s+" + _DATE + r"\s*,?\s*")
_DATE_TRAILING = re.compile(r"(?:ngày|Ngày|NGÀY)\s+" + _DATE + r"\s*,?\s*$")
_OF = re.compile(r"[ \t]*\n?[ \t]*,?[ \t]*(?:của|Của|CỦA)[ \t]+")
_SPACE = re.compile(r"[ \t]*\n?[ \t]*")
_SO_END = re.compile(r"(?<!\w)(?:số|sô|Số|SỐ)\s*:?\s*$")
_OWN_NUMBER = re.compile(r"(?m)(?:^[ \t|]*(?:Số|SỐ)[ \t]*:?|(?<!\w)(?:Số|SỐ|số)[ \t]*:)\s*(?=[\dOolI])")
_TOKEN = re.compile(r"[\w&]+(?:[/'’][\w&]+)*|[^\w\s]")
_WORDS = re.compile(r"\w+")
_LIST_GLUE = re.compile(r"\s*(?:[,;]\s*(?:và\s+|hoặc\s+)?|(?:và|hoặc)\s+)?(?:các\s+)?")
_LIST_NUMBERS = re.compile(r"(?:(?<!\w)(?:số|Số|SỐ)\s+)((?:\d{1,5}\s*(?:,|và)\s*)+)$")
_TYPE_BOUNDARY = re.compile(r"[;|():]|\.(?=\s)|\n(?=\s*(?:[-+*•|]|\d+[.)]|[a-zđ]\)))|(?<=[.;:!?])\s*\n|\n\s*\n")
_LIST_MARKER = re.compile(r"[\s\-+*•|]*(?:(?:\d+(?:\.\d+)*|[a-zđ]|[IVXLC]+)[.)]\s*)?[\s\-+*•]*")
_LIST_ITEM = re.compile(r"\s*(?:[-+*•]|(?:\d+(?:\.\d+)*|[a-zđ])[.)])\s")
_SUBJECT_AND = re.compile(r"\s*,?\s*(?:về|V/v|v/v)\s[^;.\n]*?\svà\s+")
_ROMAN = re.compile(r"[IVXLC]+")
_ALONE = re.compile(r"\s*\S+\s*")
_SKIP_ARTICLE = re.compile(r"\s*(?:vào\s+)?(?:các\s+)?")
_ALIAS_END = re.compile(r"[\s“\"]*(?P<alias>[^)”\"\n]{2,80}?)[”\"]?\s*\)")
_ANCHOR_BEFORE = re.compile(r"(?:\s+tại|\s*\(|\s+(?:đã\s+)?(?:ban hành|có|ký(?:\s+ban hành)?))\s*$")
_BEFORE_ISSUER = re.compile(r"(?:của|Của)\s+|[,;:()\n|]|(?<!\w)(?:đề nghị|ý kiến|chỉ đạo)\s+")
_TITLE_SO = re.compile(r"[ \t]+(?:số[ \t]*)?")
_YEAR_AFTER = re.compile(r"\s+(?:năm\s+)?((?:19|20)\d\d)(?!\d)")
_NUMBER_AFTER = re.compile(r"\s+(?:số\s*)?\d")
_SYMBOL_YEAR = re.compile(r"/(\d{4})/")
_TERM = re.compile(r"\d+$")
_PUNCTUATION = set(",;.:()[]|“”\"'!?…/")


@dataclass(frozen=True)
class Mention:
    """One place in the text where a cited document is mentioned."""

    char_start: int
    char_end: int
    raw: str


@dataclass
class Reference:
    """One distinct cited document, with all its mentions (the first full one first)."""

    ref_id: str
    doc_type: str | None
    number_symbol: str | None
    number: str | None
    year: int | None
    symbol: str | None
    date: str | None
    issuer: str | None
    relation: str
    partial: bool
    name_only: bool
    name: str | None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class _Cite:
    """One mention as read, before mentions of the same document are merged."""

    start: int
    end: int
    number: str | None = None
    year: int | None = None
    symbol: str | None = None
    number_symbol: str | None = None
    party: bool = False
    issuer_code: str | None = None
    implied_issuer: str | None = None
    doc_type: str | None = None
    date: str | None = None
    issuer: str | None = None
    relation: str = "cites"
    partial: bool = False
    name: str | None = None  # the law's name for name-only mentions, or the name between type word and number
    name_only: bool = False
    group: int = -1


class _Index:
    """Mentions sorted by position, for quick lookups of those in a range and of overlaps."""

    def __init__(self, cites: Iterable[_Cite]):
        self.cites = sorted(cites, key=lambda c: c.start)
        self.starts = [c.start for c in self.cites]
        self.reach = list(itertools.accumulate((c.end for c in self.cites), max))

    def starting(self, lo: int, hi: int) -> list[_Cite]:
        """Mentions starting in [lo, hi)."""
        return self.cites[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start


@dataclass(frozen=True)
class _Grammar:
    state_types: dict[str, str]
    party_types: dict[str, str]
    state_issuers: dict[str, str]
    party_issuers: dict[str, str]
    canonical: dict[str, str]  # folded code → the one way it is printed (TTG → TTg, ND → NĐ)
    generic: frozenset[str]
    untyped_state: str
    joint_types: frozenset[str]
    symbol: re.Pattern[str]
    type_word: re.Pattern[str]
    type_phrases: dict[int, frozenset[tuple[str, ...]]]
    short_types: frozenset[str]  # one-word type words: a stop only when capitalised ("Luật", not "pháp luật")
    partial: re.Pattern[str]
    law_name: re.Pattern[str]
    name_only_types: dict[str, str]
    type_names: dict[str, str]  # lower-case type word → its name
    name_stops: dict[int, frozenset[tuple[str, ...]]]
    not_documents: re.Pattern[str]
    lookalikes: dict[int, str]
    heads: re.Pattern[str]
    stops: dict[int, frozenset[tuple[str, ...]]]
    openers: dict[int, frozenset[tuple[str, ...]]]
    fragments: dict[int, frozenset[tuple[str, ...]]]
    full_names: frozenset[tuple[str, ...]]
    continuations: dict[int, frozenset[tuple[str, ...]]]
    clause_boundary: re.Pattern[str]
    verbs: re.Pattern[str]
    verb_relation: dict[str, str | None]
    named_by_type: re.Pattern[str]
    issuing: re.Pattern[str]
    after_verbs: re.Pattern[str]
    passive: re.Pattern[str]
    max_gap: dict[str, int]
    party_basis: str
    after_type: re.Pattern[str]
    before_number: re.Pattern[str]
    enumeration: re.Pattern[str]
    alias: re.Pattern[str]
    equivalent: dict[str, str]
    motto: re.Pattern[str]


def _starts_word(text: str, pos: int, also: str = "") -> bool:
    """No letter or digit (nor one of `also`) right before `pos`. The patterns that scan whole texts leave this
    test to the code: a leading look-behind makes them several times slower."""
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "_" + also)


def _alternation(items: Iterable[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(set(items), key=len, reverse=True))


def _phrases(items: Iterable[str]) -> dict[int, frozenset[tuple[str, ...]]]:
    grouped: dict[int, set[tuple[str, ...]]] = {}
    for item in items:
        words = tuple(t.lower() for t in _TOKEN.findall(item))
        if words:
            grouped.setdefault(len(words), set()).add(words)
    return {n: frozenset(v) for n, v in sorted(grouped.items(), reverse=True)}


def _cases(items: Iterable[str]) -> set[str]:
    """Each phrase as written, capitalised and in capitals: patterns over whole texts match these exactly
    (a case-insensitive scan is several times slower)."""
    return {form for item in items for form in (item, item[0].upper() + item[1:], item.upper())}


def _code_key(code: str) -> str:
    return code.upper().replace("Đ", "D").replace("0", "O")


@cache
def _grammar() -> _Grammar:
    data = tomllib.loads(resources.files("pipeline.data").joinpath("references.toml").read_text("utf-8"))
    types = {family: symbol_types(family) for family in ("state", "party")}
    words, issuers = data["type_words"], data["issuers"]
    names, relations, refuse = data["issuer_names"], data["relations"], data["not_references"]
    codes = [*types["state"], *types["party"], *issuers["state"], *issuers["party"]]
    keyed: dict[str, set[str]] = {}
    for code in codes:
        keyed.setdefault(_code_key(code), set()).add(code)
    canonical = {key: next(iter(v)) for key, v in keyed.items() if len(v) == 1}
    full_types = {*types["state"].values(), *types["party"].values(), *words["spelled"]}
    type_word = rf"(?<!\w)(?:{_alternation(full_types)})(?!\w)"
    partial_types = full_types - set(words["no_partial"])
    issuer_full = [*issuers["state"].values(), *issuers["party"].values(), *names["names"]]
    heads = re.compile(rf"(?:{_alternation(names['heads'])})\s+")
    tails = [n[head.end() :] for n in issuer_full if (head := heads.match(n)) and " " in n[head.end() :]]
    verb_relation: dict[str, str | None] = {"kèm theo": None}  # "ban hành kèm theo Thông tư số ...": no verb
    for relation in RELATIONS:
        for verb in relations[relation]:
            verb_relation.setdefault(verb, relation)
    openers = [v[0].upper() + v[1:] for v in verb_relation if v != "kèm theo"] + names["openers"]
    law_words = {*words["name_only"], *(n.title() for n in words["name_only"])}  # Bộ luật, Bộ Luật
    equivalent = {name_key(alias): name_key(body) for body, aliases in names["equivalent"].items() for alias in aliases}
    look = "".join(data["symbol"]["lookalikes"])
    code = rf"[A-ZĐ{look}][A-Za-zĐđ0-9&{look}]*"
    symbol = rf"""
        (?P<num>{_NUMBER})
        (?:
            \s?-\s?(?P<ptype>{code})\s?/\s?(?P<pissuer>{code}(?:-{code})*)
          | \s?-\s?(?P<dtype>{_alternation(types["party"])})[A1Il|](?P<dissuer>{_alternation(issuers["party"])})(?!\w)
          | \s?/\s?(?:(?P<year>(?:1[89]|20)\n?\d\n?\d)\s?/\s?)?(?P<scode>{code}(?:(?:-\s?|\n-\n?){code})*)
        )"""
    return _Grammar(
        state_types=types["state"],
        party_types=types["party"],
        state_issuers=issuers["state"],
        party_issuers=issuers["party"],
        canonical=canonical,
        generic=frozenset(words["generic"]),
        untyped_state=words["untyped_state"],
        joint_types=frozenset(t for t, n in types["state"].items() if "liên" in n),
        symbol=re.compile(symbol, re.VERBOSE),
        type_word=re.compile(type_word, re.IGNORECASE),
        type_phrases=_phrases(full_types),
        short_types=frozenset(t.lower() for t in full_types if " " not in t),
        partial=re.compile(
            rf"(?P<type>{_alternation(_cases(partial_types))})[ \t]+(?:(?:số|Số|SỐ)[ \t]*)?"
            rf"(?P<num>\d{{1,4}}(?:\.\d{{1,2}})?)"
            rf"(?![\w/%]|[.,-]\d|-[A-ZĐ]|\s*[:–—]|\s+-\s|\s+(?:{_alternation(refuse['after_number'])})(?!\w))"
        ),
        law_name=re.compile(rf"(?P<type>{_alternation(law_words)})\s+(?=\w)"),
        name_only_types={t.lower(): t for t in words["name_only"]},
        type_names={t.lower(): t for t in full_types},
        name_stops=_phrases(words["name_stops"]),
        not_documents=re.compile(_alternation(words["not_documents"]) + r"(?!\w)"),
        lookalikes=str.maketrans(data["symbol"]["lookalikes"]),
        heads=re.compile(rf"(?:{_alternation(names['heads'])})(?!\w)"),
        stops=_phrases(names["stops"]),
        openers=_phrases(names["openers"]),
        fragments=_phrases(issuer_full + tails),
        full_names=frozenset(words for p in _phrases(issuer_full).values() for words in p),
        continuations=_phrases(names["continuations"]),
        clause_boundary=re.compile(
            rf"[;|!?]|\.(?=\s)|\n(?=\s*(?:[-+*•|]|\d+[.)]|[a-zđ]\)|(?:{_alternation(openers)})(?!\w)))"
            r"|(?<=[.;:!?])[ \t]*\n|\n[ \t]*\n"
        ),
        verbs=re.compile(rf"(?<!\w)(?:{_alternation(verb_relation)})(?!\w)", re.IGNORECASE),
        verb_relation=verb_relation,
        named_by_type=re.compile(rf"(?<!\w)(?:{_alternation(full_types)})[ \t]+$", re.IGNORECASE),
        issuing=re.compile(rf"(?<!\w)(?:{_alternation(relations['issuing'])})\s+$", re.IGNORECASE),
        after_verbs=re.compile(rf"(?:{_alternation(_cases(relations['after_repeals']))})(?!\w)"),
        passive=re.compile(rf"(?<!\w)(?:{_alternation(relations['passive'])})\s+$", re.IGNORECASE),
        max_gap=relations["max_gap_words"],
        party_basis=relations["party_basis"],
        after_type=re.compile(rf"\s+(?:{_alternation(refuse['after_type'])})(?!\w)", re.IGNORECASE),
        before_number=re.compile(rf"(?<!\w)(?:{_alternation(refuse['before_number'])})\s*(?:số\s*)?:?\s*$"),
        enumeration=re.compile(rf"(?<!\w)các\s+(?P<head>{_alternation(names['enumerated'])})\s*:\s*"),
        alias=re.compile(rf"\(\s*(?:{_alternation(data['aliases']['markers'])})\s+"),
        equivalent=equivalent,
        motto=re.compile(_alternation(data["document"]["mottos"])),
    )


# ---------------------------------------------------------------------------------------------- number-symbols


def _canonical(segment: str) -> str:
    """A code as it should be printed: ``TTG`` → ``TTg``, ``ND`` → ``NĐ``, ``QH15`` kept with its term."""
    term = _TERM.search(segment)
    stem = segment[: term.start()] if term and term.start() else segment
    known = _grammar().canonical.get(_code_key(stem))
    return known + segment[len(stem) :] if known else segment


def _valid_segment(segment: str, first: bool = False) -> bool:
    """A code: known, or at least two capitals; a Roman numeral (``02/II``) is no first code."""
    known = _code_key(_TERM.sub("", segment)) in _grammar().canonical
    return known or (sum(c.isupper() for c in segment) >= 2 and not (first and _ROMAN.fullmatch(segment)))


def _trim_segment(segment: str) -> str:
    """Cut a code where lower-case text glued to it begins (``CPngày`` → ``CP``)."""
    for i in range(len(segment) - 1):
        if segment[i].islower() and segment[i + 1].islower():
            return segment[:i]
    return segment


def _segments(raw: str) -> tuple[list[str], int]:
    """The valid codes of a symbol and how many characters of `raw` they cover."""
    kept: list[str] = []
    covered = 0
    for match in re.finditer(r"[^-\s]+", raw):
        segment = _trim_segment(match.group())
        if not segment or not _valid_segment(segment, first=not kept):
            break
        kept.append(_canonical(segment))
        covered = match.start() + len(segment)
        if len(segment) < len(match.group()):
            break
    return kept, covered


def _issuer_name(code: str | None, party: bool) -> str | None:
    if not code:
        return None
    g = _grammar()
    stem = _TERM.sub("", code) or code
    first, second = (g.party_issuers, g.state_issuers) if party else (g.state_issuers, g.party_issuers)
    return first.get(stem) or second.get(stem)


def _parse_symbol(text: str, match: re.Match[str]) -> _Cite | None:
    """The number-symbol at `match`, canonical, with what its codes imply; None when it is not one."""
    g = _grammar()
    number = match.group("num").replace("O", "0").replace("o", "0").replace("l", "1").replace("I", "1")
    start = match.start()
    if match.group("ptype") or match.group("dtype"):
        kind = _canonical((match.group("ptype") or match.group("dtype")).translate(g.lookalikes))
        issuer_raw = (match.group("pissuer") or match.group("dissuer")).translate(g.lookalikes)
        issuers, covered = _segments(issuer_raw)
        if not issuers or (not _valid_segment(kind) and kind not in g.party_types):
            return None
        end = (match.start("pissuer") if match.group("pissuer") else match.start("dissuer")) + covered
        symbol = f"{kind}/{'-'.join(issuers)}"
        return _Cite(
            start=start, end=end, number=number, symbol=symbol, number_symbol=f"{number}-{symbol}", party=True,
            issuer_code=issuers[0], implied_issuer=_issuer_name(issuers[0], True), doc_type=g.party_types.get(kind),
        )  # fmt: skip
    segments, covered = _segments(match.group("scode").translate(g.lookalikes))
    if not segments:
        return None
    year = int(match.group("year").replace("\n", "")) if match.group("year") else None
    symbol = "-".join(segments)
    doc_type = g.state_types.get(segments[0])
    issuer_codes = segments[1:] if doc_type else segments
    if doc_type and segments[0] in g.joint_types:
        names = [n for n in (_issuer_name(c, False) for c in issuer_codes) if n]
        implied = " - ".join(names) or None
    else:
        implied = _issuer_name(issuer_codes[0] if issuer_codes else None, False)
    if not doc_type and not year and issuer_codes and _TERM.sub("", issuer_codes[0]) not in ("QH", "UBTVQH"):
        doc_type = g.untyped_state
    number_symbol = f"{number}/{year}/{symbol}" if year else f"{number}/{symbol}"
    return _Cite(
        start=start, end=match.start("scode") + covered, number=number, year=year, symbol=symbol,
        number_symbol=number_symbol, issuer_code=issuer_codes[0] if issuer_codes else None, implied_issuer=implied,
        doc_type=doc_type,
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------- issuers and dates


def _iso(match: re.Match[str]) -> str | None:
    day, month, year = match.group("d"), match.group("m") or match.group("m2"), match.group("y") or match.group("y2")
    if not (day and month and year):
        return None
    full_year = int(year) if len(year) == 4 else (2000 + int(year) if int(year) < 50 else 1900 + int(year))
    try:
        return date(full_year, int(month), int(day)).isoformat()
    except ValueError:
        return None


def _phrase_at(words: list[str], i: int, phrases: dict[int, frozenset[tuple[str, ...]]]) -> int:
    for n, items in phrases.items():
        if i + n <= len(words) and tuple(words[i : i + n]) in items:
            return n
    return 0


def _ends_name(tokens: list[str], words: list[str], i: int) -> bool:
    """A stop word (lower case, or in an upper-case title), a clause opener or a type word at token `i` ends
    a name; a one-word type word only when capitalised (``Luật``, not ``pháp luật``)."""
    g = _grammar()
    n = _phrase_at(words, i, g.stops)
    if n and all(t.islower() or t.isupper() for t in tokens[i : i + n]):
        return True
    n = _phrase_at(words, i, g.openers)
    if n and tokens[i][0].isupper() and not tokens[i].isupper():
        return True
    n = _phrase_at(words, i, g.type_phrases)
    return bool(n) and (n > 1 or words[i] not in g.short_types or tokens[i][0].isupper())


def _issuer_at(text: str, start: int, limit: int, need_head: bool) -> tuple[int, int] | None:
    """Span of the body written at `start`: words up to a stop word, a type word, punctuation or the line end.

    Known names (``Bộ Kế hoạch và Đầu tư``, ``Bộ Văn hóa, Thể thao và Du lịch``) are taken whole; after a full
    name only place words go on (``Ủy ban nhân dân tỉnh Nghệ An``, not ``Quốc hội thí điểm``).
    """
    g = _grammar()
    line_end = text.find("\n", start, limit)
    tokens_found = _TOKEN.finditer(text, start, limit if line_end < 0 else line_end)
    found = [(m.start(), m.end(), m.group()) for m in itertools.islice(tokens_found, 40)]
    if not found or not found[0][2][0].isupper() or (need_head and not g.heads.match(text, found[0][0])):
        return None
    tokens = [t[2] for t in found]
    words = [t.lower() for t in tokens]
    i, end, count, complete = 0, None, 0, False
    while i < len(tokens) and count < 16:
        n = _phrase_at(words, i, g.fragments)
        if n:
            complete = complete or tuple(words[i : i + n]) in g.full_names
            end, i, count = found[i + n - 1][1], i + n, count + n
            continue
        if _ends_name(tokens, words, i) or (i == 0 and words[0] in ("các", "những")):
            break
        if tokens[i] in ("-", "–", "và", "&"):
            following = i + 1 < len(tokens) and tokens[i + 1][0].isupper() and not _ends_name(tokens, words, i + 1)
            if not following:
                break
            i, complete = i + 1, False
            continue
        if tokens[i][0] in _PUNCTUATION or not tokens[i][0].isalnum():
            break
        if complete and tokens[i][0].islower():
            n = _phrase_at(words, i, g.continuations)
            if not n:
                break
            end, i, count = found[i + n - 1][1], i + n, count + n
            continue
        end, i, count = found[i][1], i + 1, count + 1
    return (found[0][0], end) if end else None


def _issuer_before(text: str, cite_start: int, floor: int) -> tuple[str | None, str | None]:
    """Issuer (and date) written before a citation: ``Sở Xây dựng tại Công văn số``, ``UBND tỉnh (Công văn số``,
    ``Ngày 09/4/2013, Chính phủ đã ban hành Nghị định số``, ``ý kiến của các Bộ: Tài chính (Công văn số``."""
    g = _grammar()
    lo = max(floor, cite_start - 300)
    window = text[lo:cite_start]
    anchor = _ANCHOR_BEFORE.search(window)
    if not anchor:
        return None, None
    strict = "(" not in anchor.group()
    before = window[: anchor.start()]
    bounds = list(_BEFORE_ISSUER.finditer(before))
    seg_start = bounds[-1].end() if bounds else 0
    seg_start += len(before[seg_start:]) - len(before[seg_start:].lstrip())
    segment_date = None
    leading = _DATE_LEADING.match(before, seg_start)
    if leading:
        segment_date, seg_start = _iso(leading), leading.end()
    elif bounds and bounds[-1].group() == ",":
        trailing = _DATE_TRAILING.search(before, 0, bounds[-1].start() + 1)
        segment_date = _iso(trailing) if trailing else None
    absolute = lo + seg_start
    span = _issuer_at(text, absolute, lo + anchor.start(), need_head=True)
    prefix = ""
    if span is None:
        enumeration = None
        for enumeration in g.enumeration.finditer(before, 0, seg_start):
            pass
        if enumeration is None or any(c in ".;" for c in before[enumeration.end() : seg_start]):
            return None, None
        span = _issuer_at(text, absolute, lo + anchor.start(), need_head=False)
        prefix = enumeration.group("head").capitalize() + " "
    if span is None or (strict and text[span[1] : lo + anchor.start()].strip()):
        return None, None
    return prefix + text[span[0] : span[1]], segment_date


# ---------------------------------------------------------------------------------------------- one citation


def _type_before(text: str, start: int, floor: int) -> tuple[int, str | None, str | None] | None:
    """The type word a citation opens with, its position and what stands between it and ``số``:
    ``Chỉ thị số``, ``Nghị định``, ``Luật Tổ chức Chính phủ số``, ``các Quyết định của Thủ tướng Chính phủ số``.

    With words between, the farthest type word wins (``Luật sửa đổi, bổ sung một số điều của Luật ... số``)
    as long as no verb separates it from the number (``QUYẾT ĐỊNH ... Căn cứ Luật ... số``).
    """
    g = _grammar()
    lo = max(floor, start - 200)
    window = text[lo:start]
    so = _SO_END.search(window)
    head = window[: so.start()] if so else window
    bound = 0
    for bound_match in _TYPE_BOUNDARY.finditer(head):
        bound = bound_match.end()
    found = [t for t in g.type_word.finditer(head, bound) if t.group()[0].isupper() or " " in t.group()]
    if not found:
        return None
    last = found[-1]
    if not head[last.end() :].strip():
        return lo + last.start(), last.group(), None
    if not so:
        return None
    for first in (f for f in found if f.group()[0].isupper()):
        between = head[first.end() :].strip()
        verbs = [v for v in g.verbs.finditer(head, first.end()) if head[first.end() : v.start()].strip()]
        if len(_WORDS.findall(between)) <= 30 and not verbs and not g.after_type.match(head, first.end()):
            return lo + first.start(), first.group(), between
    return None


def _doc_type(spelled: str | None, cite: _Cite) -> str | None:
    """The spelled type word decides (``Quy định số 69-QĐ/TW``); a generic one (``văn bản``) leaves it to the
    symbol."""
    g = _grammar()
    if not spelled:
        return cite.doc_type
    name = g.type_names.get(spelled.lower(), spelled[0].upper() + spelled[1:].lower())
    return cite.doc_type or g.untyped_state if name in g.generic else name


def _read_citation(text: str, match: re.Match[str], floor: int, left: int) -> _Cite | None:
    """One full citation around the number-symbol at `match`: type word, date and issuer; the type word is read
    before `left`, where a list of numbers sharing the symbol begins."""
    cite = _parse_symbol(text, match)
    if cite is None:
        return None
    symbol_end = cite.end
    opening = _type_before(text, left, floor)
    so = _SO_END.search(text, max(floor, left - 12), left)
    if opening:
        cite.start, spelled, between = opening
        cite.doc_type = _doc_type(spelled, cite)
        if between:
            of = _OF.match(between)
            span = _issuer_at(between, of.end(), len(between), need_head=False) if of else None
            if span and not between[span[1] :].strip():
                cite.issuer = between[span[0] : span[1]]  # "các Quyết định của Thủ tướng Chính phủ số ..."
            elif not of:
                cite.name = f"{spelled} {between}"  # "Luật Tổ chức Chính phủ số ..."
    elif so:
        cite.start = so.start()
    after = _DATE_AFTER.match(text, symbol_end)
    if after and _iso(after):
        cite.date, cite.end = _iso(after), after.end()
    of = _OF.match(text, cite.end)
    if of:
        span = _issuer_at(text, of.end(), of.end() + 200, need_head=False)
    elif cite.date:
        space = _SPACE.match(text, cite.end)
        span = _issuer_at(text, space.end(), space.end() + 200, need_head=True)
    else:
        span = None
    if span:
        cite.issuer, cite.end = text[span[0] : span[1]], span[1]
    if cite.issuer is None:
        issuer, before_date = _issuer_before(text, cite.start, floor)
        cite.issuer = issuer
        cite.date = cite.date or before_date
    if cite.year is None and cite.date:
        cite.year = int(cite.date[:4])
    return cite


def _list_members(text: str, match: re.Match[str], listed: re.Match[str] | None, cite: _Cite) -> list[_Cite]:
    """``Thông tư số 01, 02/2020/TT-BTC``: the numbers listed before one number-symbol share its suffix."""
    if not listed or cite.number_symbol is None or cite.number is None:
        return []
    suffix = cite.number_symbol[len(cite.number) :]
    members = []
    for number in re.finditer(r"\d{1,5}", listed.group(1)):
        at = listed.start(1) + number.start()
        member = _Cite(**{**cite.__dict__, "start": at, "end": listed.start(1) + number.end()})
        member.number, member.number_symbol = number.group(), number.group() + suffix
        year = _SYMBOL_YEAR.match(suffix)
        member.date, member.year = None, int(year.group(1)) if year else None
        members.append(member)
    if members:
        members[0].start = cite.start
        cite.start = match.start()
    return members


# ---------------------------------------------------------------------------------------------- relation


def _clause_start(text: str, pos: int) -> tuple[int, str]:
    """Where the clause holding `pos` begins, and the boundary that opens it ("" at the text start)."""
    lo = max(0, pos - 500)
    last = None
    for last in _grammar().clause_boundary.finditer(text, lo, pos):
        pass
    return (last.end(), last.group()) if last else (lo, "")


def _verb_counts(text: str, verb: re.Match[str], start: int, pos: int, others: list[_Cite]) -> bool:
    """Whether a verb speaks for this document: not passive (``được sửa đổi``), not the action of another
    citation before it, not inside a closed parenthesis, not part of a name (``Luật sửa đổi, bổ sung ...``)."""
    g = _grammar()
    if g.passive.search(text, max(0, verb.start() - 12), verb.start()):
        return False
    if verb.group()[0].islower() and any(c.start < verb.start() for c in others):
        return False
    opened = text.count("(", start, verb.start()) - text.count(")", start, verb.start())
    if opened > 0 and text.count("(", start, pos) - text.count(")", start, pos) < opened:
        return False
    named = g.named_by_type.search(text, max(0, verb.start() - 30), verb.start())
    return not named or bool(g.issuing.search(text, max(0, named.start() - 20), named.start()))


def _governing(text: str, pos: int, cites: _Index, group: int, depth: int = 0) -> str | None:
    """The relation said by the nearest verb before `pos` in its clause; None when no verb governs it.

    A clause that opens with a citation, or a list item after ``...:``, continues the clause before it: it takes
    the relation of that clause's last citation, or of its verb (``Thông tư này bãi bỏ:\na) Thông tư số ...``).
    """
    g = _grammar()
    start, boundary = _clause_start(text, pos)
    others = [c for c in cites.starting(start, pos) if c.group != group]
    verbs = list(g.verbs.finditer(text, start, pos))
    passive = [v.start() for v in verbs if g.passive.search(text, max(0, v.start() - 12), v.start())]
    for verb in reversed(verbs):
        relation = g.verb_relation[verb.group().lower()]
        if relation is None or not _verb_counts(text, verb, start, pos, others):
            continue
        if relation == "cites" and passive and passive[0] < verb.start():
            continue  # "được sửa đổi, bổ sung một số điều theo Nghị quyết số ...": part of the passive
        if verb.group().lower() == "căn cứ":
            opening = _LIST_MARKER.fullmatch(text, start, verb.start()) is not None
            on_document = g.type_word.match(text, _SKIP_ARTICLE.match(text, verb.end()).end())
            return "legal_basis" if opening and on_document else "cites"
        gap = len(_WORDS.findall(text, verb.end(), pos))
        if relation == "cites" or (depth == 0 and gap > g.max_gap.get(relation, 0)):
            return "cites"
        return relation
    if depth >= 6 or start == 0 or not boundary or boundary in "|!?.":
        return None
    previous_end = start - len(boundary)
    previous_start = _clause_start(text, previous_end)[0]
    opens_list = bool(_LIST_MARKER.fullmatch(text, start, pos)) and not others
    item_after_colon = bool(_LIST_ITEM.match(text, start)) and text[previous_start:previous_end].rstrip()[-1:] in ":;"
    if not (opens_list or item_after_colon):
        return None
    previous = [c for c in cites.starting(previous_start, previous_end) if c.end <= previous_end]
    if previous:
        return previous[-1].relation
    return _governing(text, previous_end, cites, group, depth + 1)


def _relate(text: str, groups: list[list[_Cite]], cites: _Index) -> None:
    """Set every citation's relation: its list's governing verb; else the relation of a citation it is joined to
    after that one's subject (``Thực hiện Chỉ thị số 16/CT-TTg ... về ... và Thông tư số 38/2019/TT-BTC``);
    a Party document taken as legal basis is carried out."""
    g = _grammar()
    previous: list[_Cite] | None = None
    for members in groups:
        head = members[0]
        relation = _governing(text, head.start, cites, head.group) or "cites"
        if relation == "cites" and previous and _SUBJECT_AND.fullmatch(text, previous[-1].end, head.start):
            if not g.verbs.search(text, previous[-1].end, head.start):
                relation = previous[-1].relation
        for cite in members:
            cite.relation = g.party_basis if relation == "legal_basis" and cite.party else relation
        previous = members


def _repealed_after(text: str, cites: _Index) -> None:
    """``Nghị định số 30/2025/NĐ-CP ... sửa đổi ... Nghị định số 07/2021/NĐ-CP hết hiệu lực``: the verb said
    after the citations speaks of the first citation (and its list) of the clause."""
    g = _grammar()
    for verb in g.after_verbs.finditer(text):
        if not _starts_word(text, verb.start()):
            continue
        start = _clause_start(text, verb.start())[0]
        subject = next((c for c in cites.starting(start, verb.start()) if c.end <= verb.start()), None)
        if subject is None:
            continue
        for cite in cites.starting(start, verb.start() + 1):
            if cite.group == subject.group and cite.name_only == subject.name_only and cite.relation == "cites":
                cite.relation = "repeals"


# ---------------------------------------------------------------------------------------------- the whole text


def _document_start(text: str) -> int:
    """Where the document proper begins: at its header's motto when one stands near the top; text before it is
    a transcriber's or an archive's title."""
    motto = _grammar().motto.search(text, 0, 3000)
    return text.rfind("\n", 0, motto.start()) + 1 if motto else 0


def _own_keys(text: str, own_number_symbol: str | None) -> set[str]:
    """Keys of the document's own number: the one given, the first number-symbol of the header field ``Số:`` (a
    line opening with ``Số``, or ``số:`` with its colon) at the top, and a first line that is only a citation
    (``Kết luận số 69-KL/TW``, a title)."""
    g = _grammar()
    keys = {number_symbol_key(own_number_symbol)} if own_number_symbol else set()
    for so in _OWN_NUMBER.finditer(text, 0, 4000):
        match = g.symbol.match(text, so.end())
        cite = _parse_symbol(text, match) if match else None
        if cite and cite.number_symbol:
            keys.add(number_symbol_key(cite.number_symbol))
            break
    first = len(text) - len(text.lstrip())
    opening = g.type_word.match(text, first)
    if opening:
        so = _TITLE_SO.match(text, opening.end())
        match = g.symbol.match(text, so.end()) if so else None
        cite = _parse_symbol(text, match) if match else None
        if cite and cite.number_symbol and not text[cite.end : _line_end(text, first)].strip():
            keys.add(number_symbol_key(cite.number_symbol))
    return keys


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _numbered(text: str, skip_before: int, own: set[str]) -> tuple[list[_Cite], list[_Cite]]:
    """Every number-symbol citation after `skip_before`, and apart the mentions of the document's own number."""
    g = _grammar()
    cites: list[_Cite] = []
    own_mentions: list[_Cite] = []
    floor = skip_before
    form_end = -1  # forms and annexes are listed too: "biểu 01/TCD, 02/XLD, 03/GQKN"
    for match in g.symbol.finditer(text, skip_before):
        at = match.start()
        decimal = text[at - 1 : at] == "." and text[at - 2 : at - 1].isdigit()
        if at < floor or decimal or not _starts_word(text, at, "/:-"):
            continue  # inside a number, a date or a code; "No.85/2007/ND-CP" is a citation
        if g.before_number.search(text, max(0, match.start() - 20), match.start()) or (
            form_end >= 0 and _LIST_GLUE.fullmatch(text, form_end, match.start())
        ):
            form_end = match.end()
            continue
        listed = _LIST_NUMBERS.search(text, max(floor, match.start() - 60), match.start())
        cite = _read_citation(text, match, floor, listed.start(1) if listed else match.start())
        if cite is None or cite.number_symbol is None:
            continue
        line_start = text.rfind("\n", 0, cite.start) + 1
        if cite.start == match.start() and _ALONE.fullmatch(text, line_start, _line_end(text, cite.end)):
            form_end = match.end()  # a bare code alone on its line labels a form: "01/TCD"
            continue
        if number_symbol_key(cite.number_symbol) in own:
            own_mentions.append(cite)
        else:
            cites.extend(_list_members(text, match, listed, cite))
            cites.append(cite)
        floor = cite.end
    return cites, own_mentions


def _group(text: str, cites: list[_Cite]) -> list[list[_Cite]]:
    """Citations joined only by ``,``, ``;``, ``và``, ``hoặc`` form a list sharing a verb, a type and an issuer."""
    groups: list[list[_Cite]] = []
    for cite in cites:
        previous = groups[-1][-1] if groups else None
        if previous and previous.end <= cite.start and _LIST_GLUE.fullmatch(text, previous.end, cite.start):
            groups[-1].append(cite)
        else:
            groups.append([cite])
        cite.group = len(groups) - 1
    return groups


def _compatible_codes(a: _Cite, b: _Cite) -> bool:
    if not a.issuer_code or not b.issuer_code:
        return a.issuer_code == b.issuer_code
    x, y = _code_key(_TERM.sub("", a.issuer_code)), _code_key(_TERM.sub("", b.issuer_code))
    return x.startswith(y) or y.startswith(x)


def _share_in_group(members: list[_Cite]) -> None:
    """A list's type word reaches the members after it; an issuer written after the list (or else before it)
    reaches the members without their own whose issuer codes agree."""
    kind = None
    for cite in members:
        cite.doc_type = cite.doc_type or kind
        kind = cite.doc_type
    for order in (members[::-1], members):
        holder = None
        for cite in order:
            if cite.issuer is None and holder is not None and _compatible_codes(holder, cite):
                cite.issuer = holder.issuer
            elif cite.issuer is not None:
                holder = cite


def _partials(text: str, skip_before: int, taken: _Index) -> list[_Cite]:
    """``Nghị quyết 57``, ``Kết luận số 12``: a type word with a bare number."""
    g = _grammar()
    found = []
    for match in g.partial.finditer(text, skip_before):
        spelled = match.group("type")
        number = match.group("num")
        if not _starts_word(text, match.start()) or taken.overlaps(*match.span()):
            continue
        if len(number) == 4 and 1945 <= int(number.split(".")[0]) <= 2050 and "số" not in match.group().lower():
            continue
        cite = _Cite(start=match.start(), end=match.end(), number=number, number_symbol=number, partial=True)
        cite.doc_type = _doc_type(spelled, cite)
        after = _DATE_AFTER.match(text, match.end())
        if after and _iso(after):
            cite.date, cite.end = _iso(after), after.end()
            cite.year = int(cite.date[:4])
        of = _OF.match(text, cite.end)
        span = _issuer_at(text, of.end(), of.end() + 200, need_head=False) if of else None
        if span:
            cite.issuer, cite.end = text[span[0] : span[1]], span[1]
        found.append(cite)
    return found


def _law_names(text: str, skip_before: int, taken: _Index) -> list[_Cite]:
    """Laws, codes, ordinances and the constitution cited by name: ``Luật Tổ chức Chính phủ ngày 18 tháng 02
    năm 2025``, ``Bộ luật Hình sự``; ``Luật này`` is the document itself, ``Luật sư`` a lawyer."""
    g = _grammar()
    found: list[_Cite] = []
    for match in g.law_name.finditer(text, skip_before):
        if not _starts_word(text, match.start()) or taken.overlaps(*match.span()):
            continue
        if g.not_documents.match(text, match.start()):
            continue
        if (found and found[-1].end > match.start()) or g.after_type.match(text, match.end("type")):
            continue
        end = _name_end(text, match.end(), min(len(text), match.end() + 250))
        if end is None:
            continue
        cite = _Cite(start=match.start(), end=end, name_only=True)
        cite.doc_type = g.name_only_types.get(match.group("type").lower())
        cite.name = " ".join(text[match.start() : end].split())
        after = _DATE_AFTER.match(text, end)
        year = _YEAR_AFTER.match(text, end)
        if after and _iso(after):
            cite.date, cite.end = _iso(after), after.end()
            cite.year = int(cite.date[:4])
        elif year:
            cite.year, cite.end = int(year.group(1)), year.end()
        found.append(cite)
    return found


def _name_end(text: str, start: int, limit: int) -> int | None:
    """Where a law's name that begins at `start` ends: at punctuation (a comma only when no lower-case word of the
    name follows), the line end, a number, or a word no law's name holds; ``và`` goes on to a capitalised word
    (``Luật Khoa học và Công nghệ``), to another law only after ``của`` (``Luật sửa đổi ... của Luật A và Luật B``).
    None when nothing of a name follows (``Luật số ...``)."""
    g = _grammar()
    line_end = text.find("\n", start, limit)
    tokens_found = _TOKEN.finditer(text, start, limit if line_end < 0 else line_end)
    found = [(m.end(), m.group()) for m in itertools.islice(tokens_found, 24)]
    tokens = [t[1] for t in found]
    words = [t.lower() for t in tokens]

    def stop(i: int) -> bool:
        return i >= len(tokens) or bool(_phrase_at(words, i, g.name_stops)) and not tokens[i].istitle()

    def law(i: int) -> bool:
        return i < len(tokens) and tokens[i][0].isupper() and bool(_phrase_at(words, i, g.type_phrases))

    end = None
    for i, token in enumerate(tokens):
        if stop(i) or token[0].isdigit() or (words[i] == "số" and i + 1 < len(tokens) and tokens[i + 1][0].isdigit()):
            break
        if token == ",":
            if stop(i + 1) or not tokens[i + 1][0].islower():
                break
        elif words[i] == "và":
            if stop(i + 1) or not tokens[i + 1][0].isalpha() or (law(i + 1) and "của" not in words[:i]):
                break
        elif token[0] in _PUNCTUATION or not token[0].isalnum() or (i and law(i) and words[i - 1] not in ("của", "và")):
            break
        else:
            end = found[i][0]
    return end


def _aliases(text: str, cites: _Index) -> list[_Cite]:
    """``(sau đây gọi là Chỉ thị)``: later uses of an alias that is a bare type word are mentions of the document
    cited just before it, until the alias names another (aliases holding a number are found as citations)."""
    g = _grammar()
    defined: dict[str, list[tuple[int, _Cite]]] = {}
    for marker in g.alias.finditer(text):
        alias_match = _ALIAS_END.match(text, marker.end())
        alias = alias_match.group("alias").strip() if alias_match else ""
        at = marker.start()
        before = [c for c in cites.starting(at - 2000, at) if 0 <= at - c.end < 400]
        if alias_match and before and g.type_word.fullmatch(alias):
            defined.setdefault(alias, []).append((alias_match.end(), before[-1]))
    found: list[_Cite] = []
    for alias, owners in defined.items():
        ends = [end for end, _ in owners]
        for use in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
            at, tail = use.start(), text[use.end() : use.end() + 12]
            defining = bisect.bisect_right(ends, at)
            if not defining or cites.overlaps(at, use.end()) or _NUMBER_AFTER.match(tail):
                continue
            if not g.after_type.match(tail):
                found.append(_Cite(**{**owners[defining - 1][1].__dict__, "start": at, "end": use.end()}))
    return found


def _merge(text: str, cites: list[_Cite]) -> list[Reference]:
    """One :class:`Reference` per cited document. The same number-symbol is another document only when both
    dates are given and differ; short forms join the full citation they abbreviate."""
    refs: list[list[_Cite]] = []
    by_key: dict[str, list[int]] = {}
    by_short: dict[str, list[int]] = {}  # a number or a law's name → numbered references that may own a short form
    for cite in sorted(cites, key=lambda c: (c.partial or c.name_only, c.start)):
        short = "name:" + _fold(cite.name or "") if cite.name_only else _bare(cite.number)
        if cite.name_only:
            key = short
        elif cite.partial:
            key = f"partial:{_fold(cite.doc_type or '')}:{short}"
        else:
            key = number_symbol_key(cite.number_symbol or "")
        target = _target(refs, by_key.get(key, []), cite)
        if target is None:
            fits = {i for i in by_short.get(short, []) if any(_abbreviates(cite, c) for c in refs[i])}
            target = fits.pop() if len(fits) == 1 else None
        if target is None:
            by_key.setdefault(key, []).append(len(refs))
            target = len(refs)
            refs.append([])
        refs[target].append(cite)
        if not (cite.partial or cite.name_only):
            for owner in {short, "name:" + _fold(cite.name)} if cite.name else {short}:
                if target not in by_short.setdefault(owner, []):
                    by_short[owner].append(target)
    ordered = sorted(refs, key=lambda group: min(c.start for c in group))
    return [_reference(text, f"r{i}", group) for i, group in enumerate(ordered, start=1)]


def _bare(number: str | None) -> str:
    return (number or "").lstrip("0") or "0"


def _target(refs: list[list[_Cite]], candidates: list[int], cite: _Cite) -> int | None:
    if not candidates:
        return None
    if cite.date:
        dated = [i for i in candidates if any(c.date == cite.date for c in refs[i])]
        undated = [i for i in candidates if not any(c.date for c in refs[i])]
        return (dated or undated or [None])[0]
    before = [i for i in candidates if refs[i][0].start <= cite.start]
    return before[-1] if before else candidates[0]


def _abbreviates(short: _Cite, full: _Cite) -> bool:
    """Whether `short` is another spelling of the document `full` cites.

    The same number and date with one issuer code cut short (``1217/QĐ-BT`` for ``1217/QĐ-BTP``, ``118/TTg`` for
    ``118/QĐ-TTg``) or contradicting the issuer written beside it (``98/2013/TT-BXD ... của Bộ Tài chính`` for
    ``98/2013/TT-BTC``); a state symbol without its year (``62/QĐ-TTg`` for ``62/2011/QĐ-TTg``); a bare number of
    the same type (``Nghị quyết 57``); a law's name (``Luật Tổ chức Chính phủ``).
    """
    if full.partial or full.name_only:
        return False
    if short.name_only:
        return bool(full.name) and _fold(full.name or "") == _fold(short.name or "")
    if _bare(short.number) != _bare(full.number):
        return False
    if short.partial:
        return short.doc_type == full.doc_type
    if short.party != full.party:
        return False
    same_day = bool(short.date) and short.date == full.date
    if same_day and short.doc_type == full.doc_type and (_contradicts(short, full) or _contradicts(full, short)):
        return True
    if not _compatible_codes(short, full):
        return False
    if same_day:
        return True
    return not short.party and short.year is None and full.year is not None and short.symbol == full.symbol


def _consistent(cite: _Cite, issuer: str | None = None) -> bool:
    """Whether the body a symbol's issuer code names agrees with the issuer written (``Bộ trưởng Bộ Tài chính``
    holds ``Bộ Tài chính``); unknown on either side counts as agreeing."""
    written = issuer or cite.issuer
    if not written or not cite.implied_issuer:
        return True
    x, y = name_key(written), name_key(cite.implied_issuer)
    return x in y or y in x


def _contradicts(typo: _Cite, other: _Cite) -> bool:
    """`typo`'s code disagrees with the issuer written beside it, which `other`'s code names."""
    return bool(typo.issuer) and not _consistent(typo) and _consistent(other, typo.issuer)


def _spelling(cite: _Cite) -> tuple[bool, bool]:
    """Which of a document's spellings to print: one agreeing with its written issuer, then one whose issuer
    code the grammar knows."""
    return _consistent(cite), _issuer_name(cite.issuer_code, cite.party) is not None


def _reference(text: str, ref_id: str, group: list[_Cite]) -> Reference:
    full = [c for c in group if not (c.partial or c.name_only)] or group
    in_order = sorted(group, key=lambda c: c.start)
    first = min(full, key=lambda c: c.start)
    spelled = max(full, key=lambda c: (_spelling(c), c.year is not None, -c.start))
    mentions = [first, *(c for c in in_order if c is not first)]
    relation = next((c.relation for c in in_order if c.relation != "cites"), "cites")
    dated = next((c for c in mentions if c.date), None)
    written = [c.issuer for c in mentions if c.issuer]
    issuer = next((i for i in written if not i.isupper()), written[0] if written else spelled.implied_issuer)
    year = spelled.year or (int(dated.date[:4]) if dated and dated.date else None)
    return Reference(
        ref_id=ref_id,
        doc_type=next((c.doc_type for c in mentions if c.doc_type), None),
        number_symbol=spelled.number_symbol,
        number=spelled.number,
        year=year,
        symbol=spelled.symbol,
        date=dated.date if dated else None,
        issuer=issuer,
        relation=relation,
        partial=first.partial,
        name_only=first.name_only,
        name=first.name if first.name_only else None,
        mentions=[Mention(c.start, c.end, text[c.start : c.end]) for c in mentions],
    )


def find_references(text: str, own_number_symbol: str | None = None) -> list[Reference]:
    """Every document cited in a normalised text, in order of first mention, its own number excluded."""
    skip_before = _document_start(text)
    cites, own = _numbered(text, skip_before, _own_keys(text, own_number_symbol))
    groups = _group(text, cites)
    for members in groups:
        _share_in_group(members)
    numbered = _Index(cites)
    _relate(text, groups, numbered)
    extra = _partials(text, skip_before, _Index(cites + own))
    extra += _law_names(text, skip_before, _Index(cites + own + extra))
    for i, cite in enumerate(extra, start=len(groups)):
        cite.group = i
        cite.relation = _governing(text, cite.start, numbered, cite.group) or "cites"
    mentioned = _Index(cites + extra)
    _repealed_after(text, mentioned)
    return _merge(text, mentioned.cites + _aliases(text, mentioned))


# ---------------------------------------------------------------------------------------------- across a batch


def _same_issuer(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    equivalent = _grammar().equivalent
    x, y = name_key(a), name_key(b)
    x, y = equivalent.get(x, x), equivalent.get(y, y)
    return x.startswith(y) or y.startswith(x) or fuzz.token_sort_ratio(x, y) >= NAME_MATCH


def resolve_in_batch(
    references: list[tuple[str, Reference]], documents: list[tuple[str, str | None, str | None, int | None]]
) -> dict[tuple[str, str], str]:
    """Map (doc_id, ref_id) to the doc_id of the cited document when it is in the batch.

    `documents` lists (doc_id, number_symbol, issuer, year). A reference resolves to a document with the same
    number-symbol key, a compatible year (equal, or unknown on either side) and a compatible issuer (unknown on
    either side, or the same body by name); a document never resolves to itself, and an ambiguous match to none.
    """
    by_key: dict[str, list[tuple[str, str | None, int | None]]] = {}
    for doc_id, number_symbol, issuer, year in documents:
        if number_symbol:
            by_key.setdefault(number_symbol_key(number_symbol), []).append((doc_id, issuer, year))
    resolved: dict[tuple[str, str], str] = {}
    for doc_id, ref in references:
        if ref.partial or ref.name_only or not ref.number_symbol:
            continue
        matches = [
            target
            for target, issuer, year in by_key.get(number_symbol_key(ref.number_symbol), [])
            if target != doc_id
            and (ref.year is None or year is None or ref.year == year)
            and _same_issuer(ref.issuer, issuer)
        ]
        if len(set(matches)) == 1:
            resolved[(doc_id, ref.ref_id)] = matches[0]
    return resolved
