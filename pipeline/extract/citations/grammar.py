"""The citation grammar: ``data/references.toml`` (type abbreviations, issuer codes, relation verbs, phrases that
are no citation) compiled once, and the text patterns every finder shares.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from pipeline.document_types import symbol_types
from pipeline.keys import fold, name_key


fold_cached = lru_cache(maxsize=4096)(fold)
RELATIONS = ("implements", "legal_basis", "amends", "replaces", "repeals", "cites")  # first wins for "căn cứ"
NAME_MATCH = 85  # rapidfuzz token-sort ratio above which two folded issuer names are the same body
_NUMBER = r"(?:\d|[OolI](?=\d))\d{0,4}(?:\.\d{1,3})?"
_DATE = (
    r"(?P<d>\d{1,2})\s*(?:(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4}|\d{2})(?!\d)"
    r"|\s+(?:tháng|THÁNG)\s+(?P<m2>\d{1,2})\s*[,.]?\s*(?:năm|NĂM)\s+(?P<y2>\d{4}))"
)
DATE_AFTER = re.compile(r"[ \t]*\n?[ \t]*,?[ \t]*\(?(?:ban hành\s+)?(?:ngày|Ngày|NGÀY)\s+" + _DATE)
DATE_LEADING = re.compile(r"(?:ngày|Ngày|NGÀY)\s+" + _DATE + r"\s*,?\s*")
DATE_TRAILING = re.compile(r"(?:ngày|Ngày|NGÀY)\s+" + _DATE + r"\s*,?\s*$")
OF = re.compile(r"[ \t]*\n?[ \t]*,?[ \t]*(?:của|Của|CỦA)[ \t]+")
SPACE = re.compile(r"[ \t]*\n?[ \t]*")
SO_END = re.compile(r"(?<!\w)(?:số|sô|Số|SỐ)\s*:?\s*$")
OWN_NUMBER = re.compile(r"(?m)(?:^[ \t|]*(?:Số|SỐ)[ \t]*:?|(?<!\w)(?:Số|SỐ|số)[ \t]*:)\s*(?=[\dOolI])")
TOKEN = re.compile(r"[\w&]+(?:[/'’][\w&]+)*|[^\w\s]")
WORDS = re.compile(r"\w+")
LIST_GLUE = re.compile(r"\s*(?:[,;]\s*(?:và\s+|hoặc\s+)?|(?:và|hoặc)\s+)?(?:các\s+)?")
LIST_NUMBERS = re.compile(r"(?:(?<!\w)(?:số|Số|SỐ)\s+)((?:\d{1,5}\s*(?:,|và)\s*)+)$")
TYPE_BOUNDARY = re.compile(r"[;|():]|\.(?=\s)|\n(?=\s*(?:[-+*•|]|\d+[.)]|[a-zđ]\)))|(?<=[.;:!?])\s*\n|\n\s*\n")
LIST_MARKER = re.compile(r"[\s\-+*•|]*(?:(?:\d+(?:\.\d+)*|[a-zđ]|[IVXLC]+)[.)]\s*)?[\s\-+*•]*")
LIST_ITEM = re.compile(r"\s*(?:[-+*•]|(?:\d+(?:\.\d+)*|[a-zđ])[.)])\s")
SUBJECT_AND = re.compile(r"\s*,?\s*(?:về|V/v|v/v)\s[^;.\n]*?\svà\s+")
ROMAN = re.compile(r"[IVXLC]+")
ALONE = re.compile(r"\s*\S+\s*")
SKIP_ARTICLE = re.compile(r"\s*(?:vào\s+)?(?:các\s+)?")
ALIAS_END = re.compile(r"[\s“\"]*(?P<alias>[^)”\"\n]{2,80}?)[”\"]?\s*\)")
ANCHOR_BEFORE = re.compile(r"(?:\s+tại|\s*\(|\s+(?:đã\s+)?(?:ban hành|có|ký(?:\s+ban hành)?))\s*$")
BEFORE_ISSUER = re.compile(r"(?:của|Của)\s+|[,;:()\n|]|(?<!\w)(?:đề nghị|ý kiến|chỉ đạo)\s+")
TITLE_SO = re.compile(r"[ \t]+(?:số[ \t]*)?")
YEAR_AFTER = re.compile(r"\s+(?:năm\s+)?((?:19|20)\d\d)(?!\d)")
NUMBER_AFTER = re.compile(r"\s+(?:số\s*)?\d")
SYMBOL_YEAR = re.compile(r"/(\d{4})/")
TERM = re.compile(r"\d+$")
PUNCTUATION = set(",;.:()[]|“”\"'!?…/")


@dataclass(frozen=True)
class Grammar:
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
    partial_after_so: frozenset[str]  # lower-case types a bare number cites only after "số"
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


def starts_word(text: str, pos: int, also: str = "") -> bool:
    """No letter or digit (nor one of `also`) right before `pos`. The patterns that scan whole texts leave this
    test to the code: a leading look-behind makes them several times slower."""
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "_" + also)


def _alternation(items: Iterable[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(set(items), key=len, reverse=True))


def _phrases(items: Iterable[str]) -> dict[int, frozenset[tuple[str, ...]]]:
    grouped: dict[int, set[tuple[str, ...]]] = {}
    for item in items:
        words = tuple(t.lower() for t in TOKEN.findall(item))
        if words:
            grouped.setdefault(len(words), set()).add(words)
    return {n: frozenset(v) for n, v in sorted(grouped.items(), reverse=True)}


def _cases(items: Iterable[str]) -> set[str]:
    """Each phrase as written, capitalised and in capitals: patterns over whole texts match these exactly
    (a case-insensitive scan is several times slower)."""
    return {form for item in items for form in (item, item[0].upper() + item[1:], item.upper())}


def code_key(code: str) -> str:
    return code.upper().replace("Đ", "D").replace("0", "O")


@cache
def grammar() -> Grammar:
    data = tomllib.loads(resources.files("pipeline.data").joinpath("references.toml").read_text("utf-8"))
    types = {family: symbol_types(family) for family in ("state", "party")}
    words, issuers = data["type_words"], data["issuers"]
    names, relations, refuse = data["issuer_names"], data["relations"], data["not_references"]
    codes = [*types["state"], *types["party"], *issuers["state"], *issuers["party"]]
    keyed: dict[str, set[str]] = {}
    for code in codes:
        keyed.setdefault(code_key(code), set()).add(code)
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
    return Grammar(
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
        partial_after_so=frozenset(t.lower() for t in words["partial_after_so"]),
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
