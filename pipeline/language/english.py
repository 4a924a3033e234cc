"""The clause reader for English translations of legal texts (``X shall …``, ``Responsibilities of X``,
``coordinate with Y``, ``report to Z``): the words are data (``data/english_clauses.toml``)."""

from __future__ import annotations

import re
from functools import cache

from pipeline.language.lexicon import lexicon
from pipeline.language.name_grammar import alternation

ENGLISH = lexicon(
    "english_clauses.toml",
    {
        key: [str]
        for key in (
            "modals", "not_subjects", "openers", "support_verbs", "support_before", "report_before", "name_ends",
            "duty_nouns", "list_openers", "not_duties", "duty_after_be", "body_words", "singular_openers",
        )
    },
)  # fmt: skip
VIETNAMESE = re.compile(r"[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.IGNORECASE)
MAX_SUBJECT_WORDS = 25

Mention = tuple[str, int, str]  # (role, start, name as written)


def is_english(text: str) -> bool:
    """Whether a clause is written in English: words, and no letter of Vietnamese."""
    return not VIETNAMESE.search(text) and len(re.findall(r"[A-Za-z]{2,}", text)) >= 3


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = ENGLISH.data()
    return {
        "modal": re.compile(rf"\s(?:{alternation(data['modals'])})(?:\s+|(?=:))"),
        "not_subject": re.compile(rf"^(?:{alternation(data['not_subjects'])})\b"),
        "opener": re.compile(rf"^(?:{alternation(data['openers'])})\b"),
        "support_verb": re.compile(rf"(?:{alternation(data['support_verbs'])})\b"),
        "support": re.compile(rf"\b(?:{alternation(data['support_before'])})\s+"),
        "report": re.compile(rf"\b(?:{alternation(data['report_before'])})\s+"),
        # … a preposition, punctuation, or a comma before a verb and its object (…, and appoint the …)
        "name_end": re.compile(rf"{alternation(data['name_ends'])}|[;:.(]|,\s+(?:and\s+)?[a-z]+\s+(?:the|a|an)\b"),
        "heading": re.compile(rf"^(?:{alternation(data['duty_nouns'])})\s+of\s+(?P<names>.+?)[.:]?$"),
        "list_piece": re.compile(r",\s+(?:and\s+)?|\s+and\s+"),
        "opens_body": re.compile(rf"(?:{alternation(data['list_openers'])})\b"),
        "not_duty": re.compile(rf"(?!{alternation(data['duty_after_be'])})(?:{alternation(data['not_duties'])})\b"),
        "body_word": re.compile(rf"\b(?i:{alternation(data['body_words'])})\b|^[A-Z]{{3,}}$"),
    }


def english_mentions(clause: str, body_start: int) -> list[Mention]:
    """(role, start, name) of the bodies an English clause assigns: the subject before its modal (``Ministry of
    Finance shall guide …``; support when a verb of support follows: ``… shall coordinate with …``), the bodies
    after ``coordinate with`` (when a subject leads) and after ``report to``."""
    patterns = _patterns()
    mentions: list[Mention] = []
    modal = patterns["modal"].search(clause, body_start)
    if modal:
        start = body_start
        if patterns["opener"].match(clause, start) and (comma := clause.rfind(", ", start, modal.start())) >= 0:
            start = comma + 2  # In case …, the Ministry … shall
        subject = clause[start : modal.start()]
        if (
            (subject[:1].isupper() or subject.startswith("the "))
            and not patterns["not_subject"].match(subject)
            and patterns["body_word"].search(subject)
            and not patterns["not_duty"].match(clause, modal.end())
            and len(subject.split()) <= MAX_SUBJECT_WORDS
        ):
            role = "support" if patterns["support_verb"].match(clause, modal.end()) else "lead"
            mentions += [(role, start + s, n) for s, n in english_names(subject)]
    leads = any(role == "lead" for role, _, _ in mentions)
    for role, cue in (("support", "support"), ("report_to", "report")):
        for match in patterns[cue].finditer(clause):
            if role == "support" and not leads:
                continue  # a task that is itself a support names its partner as context
            end = patterns["name_end"].search(clause, match.end())
            words = clause[match.end() : end.start() if end else len(clause)]
            mentions += [(role, match.end() + s, n) for s, n in english_names(words)]
    return mentions


def english_names(words: str) -> list[tuple[int, str]]:
    """The bodies a list names (``Ministers, heads of ministerial-level agencies and presidents of provincial
    People's Committees``), each with its offset: a piece after a comma or ``and`` is a body of its own where it
    opens like one (after a comma, a capital; else a head, ``related``, ``the`` …), else it goes on with the one
    before (``ministries, industries``; ``provinces and cities``; ``Ministry of Science and Technology``). A leading
    ``the`` is no part of a name."""
    found: list[tuple[int, str]] = []
    position = 0
    for piece, separator in _list_pieces(words):
        text = piece.strip()
        offset = position + len(piece) - len(piece.lstrip())
        after_comma = words[position - 2 : position].startswith(",") if position >= 2 else False
        opens = _patterns()["opens_body"].match(text) or (after_comma and text[:1].isupper())
        if found and not opens:
            first = found[-1][0]
            found[-1] = (first, words[first : offset + len(text)])
        elif text:
            found.append((offset, text))
        position += len(piece) + len(separator)
    cleaned = []
    for start, name in found:
        article = re.match(r"(?:the|The)\s+", name)
        bare = name[article.end() if article else 0 :].rstrip(" ,")
        if bare[:1].isalpha():
            cleaned.append((start + (article.end() if article else 0), bare))
    return cleaned


def _list_pieces(words: str) -> list[tuple[str, str]]:
    """`words` cut at list separators: (piece, the separator after it)."""
    pieces, start = [], 0
    for separator in _patterns()["list_piece"].finditer(words):
        pieces.append((words[start : separator.start()], separator.group(0)))
        start = separator.end()
    pieces.append((words[start:], ""))
    return pieces


def english_heading_subjects(heading: str) -> list[tuple[int, str]]:
    """The bodies an English heading is about (``Responsibilities of security service enterprises``)."""
    match = _patterns()["heading"].match(heading)
    if not match:
        return []
    return [(match.start("names") + s, n) for s, n in english_names(match["names"])]


def is_english_name(name: str) -> bool:
    """Whether a body's name is written in English (no letter of Vietnamese, a word in lower case: ``Ministers``)."""
    return not VIETNAMESE.search(name) and bool(re.search(r"[a-z]{3,}", name))


def english_collective(name: str) -> bool:
    """Whether an English name stands for many bodies (``Heads of ministerial-level agencies``, ``competent
    authorities``), not one (``Ministry of Finance``)."""
    if name.startswith(tuple(ENGLISH.data()["singular_openers"])):
        return False
    return name[:1].islower() or any(re.fullmatch(r"[A-Za-z’']+s", word) for word in name.split())
