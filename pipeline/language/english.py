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
            "duty_nouns", "list_openers", "not_duties", "duty_after_be", "body_words", "singular_openers", "sectors",
            "name_heads", "name_levels", "heading_qualifiers", "duty_list_verbs", "short_name_markers", "directing_verbs",
            "not_task_openers", "kind_words",
        )
    },
)  # fmt: skip
VIETNAMESE = re.compile(r"[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.IGNORECASE)
MAX_SUBJECT_WORDS = 25
LEVEL_PHRASE = r"at\s+(?:all|the\s+[\w-]+|[\w-]+)\s+levels?\b"  # police offices at all levels: a name's own words
# what stands between a modal and its verb: the bounds of a body's powers (shall, within the ambit of their functions,
# tasks and powers, | coordinate …), a time limit (shall, within ten working days after …, | send …) or a measure
# (shall, depending on the severity of their violations, | be disciplined)
INSERTED = re.compile(
    r",\s+within\s+(?:the\s+(?:ambit|scope)\s+of\s+)?(?:their|its)\s+[a-z ,]*"
    r"(?:powers|tasks|responsibilities|competence|functions),\s+"
    r"|,\s+within\s+[\w-]+\s+(?:working\s+)?(?:days?|months?|hours?)\b[^,;:]*,\s+"
    r"|,\s+depending\s+on\b[^,;:]*,\s+"
)
LIST_END = re.compile(r"\s(?:and|or)\s")  # …, A, B and | C shall: the last comma cuts a list
NAMED_PURPOSE = r"for\s+[A-Z]"  # the Central Steering Committee for Flood and Storm Control: a name's own words

Mention = tuple[str, int, str]  # (role, start, name as written)


def is_english(text: str) -> bool:
    """Whether a clause is written in English: words, and no letter of Vietnamese."""
    return not VIETNAMESE.search(text) and len(re.findall(r"[A-Za-z]{2,}", text)) >= 3


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = ENGLISH.data()
    return {
        "modal": re.compile(rf"\s(?:{alternation(data['modals'])})(?:\s+|(?=[:,]))"),  # X shall, within …, supply
        "not_subject": re.compile(rf"^(?:{alternation(data['not_subjects'])})\b"),
        "opener": re.compile(rf"(?:{alternation(data['openers'])})\b"),  # matched at a clause's body start
        "not_task": re.compile(rf"(?:{alternation(data['not_task_openers'])})\b"),
        "after_opener": re.compile(r",\s+(?=\w)"),  # In case …, | the Ministry …; After …, | ministries, branches or …
        "support_verb": re.compile(rf"(?:{alternation(data['support_verbs'])})\b"),
        "support": re.compile(rf"\b(?:{alternation(data['support_before'])})\s+"),
        "report": re.compile(rf"\b(?:{alternation(data['report_before'])})\s+"),
        "directing": re.compile(rf"\b(?i:{alternation(data['directing_verbs'])})\s+(?:(?:their|its)\s+)?"),
        "told": re.compile(r"\s+(?:to|in)\s+(?P<verb>[a-z]+)"),  # … to coordinate; … in coordinating
        # … a preposition, punctuation, or a comma before a verb and its object (…, and appoint the …)
        "name_end": re.compile(
            rf"\s(?!{LEVEL_PHRASE}|{NAMED_PURPOSE})(?:{alternation(data['name_ends'])})(?=[\s,.;:]|$)"
            rf"|[;:.(]|,\s+(?:and\s+)?[a-z]+\s+(?:the|a|an)\b"
        ),
        "heading": re.compile(rf"(?:{alternation(data['duty_nouns'])})\s+of\s+(?P<names>.+?)[.:]?$"),
        "list_piece": re.compile(r",\s+(?:(?:and|or)\s+)?|\s+(?:and|or)\s+"),
        # … or a head after a level or kind in lower case (ministries and | provincial-level People's Committees)
        "opens_body": re.compile(
            rf"(?:{alternation(data['list_openers'])})\b|(?:[a-z][\w/-]*\s+){{0,2}}(?:{alternation(data['name_heads'])})\b"
        ),
        "not_duty": re.compile(rf"(?!{alternation(data['duty_after_be'])})(?:{alternation(data['not_duties'])})\b"),
        # a kind of body with words of its own, in lower case: after a comma it is a body of its own (the public
        # security force, | specialized state management agencies at seaport border gates, | port enterprises)
        "kind": re.compile(rf"(?:[\w/-]+\s+)+(?:{alternation(data['kind_words'])})\b.*"),
        "kind_word": re.compile(rf"\b(?i:{alternation(data['kind_words'] + data['body_words'])})\b"),
        "body_word": re.compile(rf"\b(?i:{alternation(data['body_words'])})\b|^[A-Z]{{3,}}$"),
        "sector": re.compile(rf"\b(?:{'|'.join(_spelt_loosely(sector) for sector in data['sectors'])})\b", re.IGNORECASE),
        # a name alone: a level, a head, then its own words in capitals (The Ministry of Defense; Provincial-level
        # People's Committees; State Bank of Vietnam), a list of such names, and a colon or full stop
        "name_heading": re.compile(
            rf"(?:(?:{alternation(data['name_levels'])})\s+)*(?:{alternation(data['name_heads'])})\b"
            rf"(?:(?:\s+|,\s*|\s+and\s+|\s+of\s+(?:the\s+)?)[A-Z][\w'’-]*)*\s*[:.]?"
        ),
        "qualifier": re.compile(
            rf"[\s,]+(?:(?:{alternation(data['heading_qualifiers'])})\s|in[.,]?\s+(?:[a-z]+ing|the)\b)"
        ),
        "duty_list": re.compile(rf"\s(?:{alternation(data['duty_list_verbs'])})\s*:\s*$"),
        "short_name": re.compile(rf"\s*\(\s*(?:{alternation(data['short_name_markers'])})\b[^()]*\)"),
    }


def _spelt_loosely(sector: str) -> str:
    """A pattern for a sector's name with its commas printed as commas, full stops or not at all (Labor. War
    invalids and Social Affairs; Labor War Invalids …) and any spacing."""
    return r"[,.]?\s*".join(r"[,.]?\s+".join(re.escape(word) for word in part.split()) for part in sector.split(", "))


def english_mentions(clause: str, body_start: int) -> list[Mention]:
    """(role, start, name) of the bodies an English clause assigns: the subject before its modal (``Ministry of
    Finance shall guide …``; support when a verb of support follows: ``… shall coordinate with …``), the bodies
    directed to act (``… shall direct police offices at all levels to inspect …``: lead; ``… to coordinate …``:
    support), after ``coordinate with`` and after ``report to``."""
    patterns = _patterns()
    mentions: list[Mention] = []
    if patterns["not_task"].match(clause, body_start):
        return mentions
    modal = patterns["modal"].search(clause, body_start)
    if modal:
        start = body_start
        if patterns["opener"].match(clause, start):
            start = _after_opening(clause, start, modal.start())
        subject, verb = clause[start : modal.start()], _verb_after(clause, modal.end())
        if (
            # …, border gate guard offices shall: lower case after an opening phrase
            (subject[:1].isupper() or subject.startswith(("the ", "a ", "an ")) or start != body_start)
            and not patterns["not_subject"].match(subject)
            and patterns["body_word"].search(subject)
            and not patterns["not_duty"].match(clause, verb)
            and len(subject.split()) <= MAX_SUBJECT_WORDS
        ):
            role = "support" if patterns["support_verb"].match(clause, verb) else "lead"
            mentions += [(role, start + s, n) for s, n in english_names(subject)]
    for match in patterns["directing"].finditer(clause):  # … shall direct their specialized agencies to coordinate
        end = _name_end(clause, match.end())
        told = patterns["told"].match(clause, end)
        if told and patterns["body_word"].search(words := clause[match.end() : end]):
            role = "support" if patterns["support_verb"].match(told["verb"]) else "lead"
            mentions += [(role, match.end() + s, n) for s, n in english_names(words)]
    for role, cue in (("support", "support"), ("report_to", "report")):
        # the partners support whoever works with them: the subject, as lead (X shall assume the prime
        # responsibility for, and coordinate with Y …) or as partner (X shall coordinate with Y: tests/gold/README.md),
        # or the heading's body of an item with no subject (To coordinate with Y …)
        for match in patterns[cue].finditer(clause):
            words = clause[match.end() : _name_end(clause, match.end())]
            mentions += [(role, match.end() + s, n) for s, n in english_names(words)]
    return mentions


def _verb_after(clause: str, modal_end: int) -> int:
    """Where the verb after a modal begins: past a phrase set between them (``X shall, within the ambit of their
    functions, tasks and powers, | coordinate with …``: 26 of the 48 English bulk texts, 63 times)."""
    if not clause.startswith(",", modal_end):
        return modal_end
    inserted = INSERTED.match(clause, modal_end)
    return inserted.end() if inserted else modal_end + 1


def _after_opening(clause: str, start: int, modal: int) -> int:
    """Where the subject begins after an opening phrase: past the last comma (``Within one hour …, | border gate guard
    offices shall``), or, when the words after it end a list (``and``, ``or``), past the first comma after which
    every name is a body's (``Every five years, | the Ministry of Industry and Trade, the Ministry of … and
    provincial-level People's Committees shall``; ``After receiving information …, | ministries, branches or People's
    Committees at different levels shall``), unless the opening phrase names a body (``After consulting the
    Ministry of Finance, the Ministry of Justice and …, | the Ministry of Planning …``) or a provision follows the
    comma (``… under Clause 2 of this Article, | a court …``)."""
    patterns = _patterns()
    last = clause.rfind(", ", start, modal)
    for comma in patterns["after_opener"].finditer(clause, start, modal):
        if patterns["body_word"].search(clause, start, comma.start()) or not LIST_END.search(clause, last, modal):
            break
        listed = english_names(clause[comma.end() : modal])
        if listed and all(patterns["body_word"].search(n) and not patterns["not_subject"].match(n) for _, n in listed):
            return comma.end()
    return last + 2 if last >= 0 else start


def _name_end(clause: str, start: int) -> int:
    """Where a list of bodies that begins at `start` ends (at a preposition, an article, punctuation)."""
    end = _patterns()["name_end"].search(clause, start)
    return end.start() if end else len(clause)


def english_names(words: str, shift: int = 0) -> list[tuple[int, str]]:
    """The bodies a list names (``Ministers, heads of ministerial-level agencies and presidents of provincial
    People's Committees``), each with its offset: a piece after a comma or ``and`` is a body of its own where it
    opens like one (after a comma, a capital; else a head, ``related``, ``the`` …), else it goes on with the one
    before (``ministries, industries``; ``provinces and cities``; ``Ministry of Science and Technology``). A leading
    ``the`` or ``a`` is no part of a name, nor is the bracket that defines a short name (``(below referred to as …)``).
    Offsets are shifted by `shift`."""
    words = _patterns()["short_name"].sub(lambda m: " " * len(m[0]), words)
    found: list[tuple[int, str]] = []
    position = 0
    for piece, separator in _list_pieces(words):
        text = piece.strip()
        offset = position + len(piece) - len(piece.lstrip())
        after_comma = words[position - 2 : position].startswith(",") if position >= 2 else False
        opens = (
            _patterns()["opens_body"].match(text)
            or (after_comma and text[:1].isupper())
            or (
                found
                and _patterns()["kind"].fullmatch(text)
                and _names_a_kind(words[found[-1][0] : position], after_comma)
            )
        )
        if found and not opens:
            first = found[-1][0]
            found[-1] = (first, words[first : offset + len(text)])
        elif text:
            found.append((offset, text))
        position += len(piece) + len(separator)
    cleaned = []
    for start, name in found:
        article = re.match(r"(?:the|The|an?|An?)\s+", name)
        bare = name[article.end() if article else 0 :].rstrip(" ,")
        if bare[:1].isalpha():
            cleaned.append((shift + start + (article.end() if article else 0), bare))
    return cleaned


def _names_a_kind(name: str, after_comma: bool) -> bool:
    """Whether the name before a list separator names a body, so that a kind after it is a body of its own: a kind's
    word anywhere before a comma (… agencies at seaport border gates, | port enterprises), at its end before ``and``
    (ministries and | ministerial-level agencies; not natural resource and | environment management agencies), or
    a proper name (the Ministry of Defense and | military zone commands)."""
    words = re.sub(r"[\s,]+(?:(?:and|or)\s*)?$", "", name)
    if _patterns()["name_heading"].fullmatch(words.removeprefix("the ").removeprefix("The ")):
        return True  # a body's proper name (the Ministry of Defense and | military zone commands)
    kinds = list(_patterns()["kind_word"].finditer(words))
    return bool(kinds) and (after_comma or kinds[-1].end() == len(words))


def _list_pieces(words: str) -> list[tuple[str, str]]:
    """`words` cut at list separators, never inside a sector's name (Ministry of Labor, War Invalids and Social
    Affairs): (piece, the separator after it)."""
    sectors = [m.span() for m in _patterns()["sector"].finditer(words)]
    pieces, start = [], 0
    for separator in _patterns()["list_piece"].finditer(words):
        if any(s < separator.start() < e for s, e in sectors):
            continue
        pieces.append((words[start : separator.start()], separator.group(0)))
        start = separator.end()
    pieces.append((words[start:], ""))
    return pieces


def english_heading_subjects(heading: str, body_start: int) -> list[tuple[int, str]]:
    """The bodies an English heading is about: after its duty nouns, up to the matter the heading adds
    (``Responsibilities of security service enterprises``; ``… of line ministries | for state control of …``), the
    body's name alone (``1. The Ministry of Defense``), or the subject of a list of duties (``2. People's Committees
    of coastal provinces shall:``, ``Tax offices have the following tasks and powers:``)."""
    patterns = _patterns()
    if match := patterns["heading"].match(heading, body_start):
        names = match["names"]
        if qualifier := patterns["qualifier"].search(names):
            names = names[: qualifier.start()]
        return [(match.start("names") + s, n) for s, n in english_names(names)]
    if patterns["name_heading"].fullmatch(heading.rstrip(), body_start):
        return english_names(heading[body_start:].rstrip(" :."), body_start)
    if not heading.rstrip().endswith(":"):
        return []
    if duties := patterns["duty_list"].search(heading, body_start):  # Tax offices have the following tasks …:
        subject = heading[body_start : duties.start()]
        if subject[:1].isupper() and patterns["body_word"].search(subject) and not patterns["not_subject"].match(subject):
            return english_names(subject, body_start)
    return [(start, name) for role, start, name in english_mentions(heading, body_start) if role == "lead"]


def is_english_name(name: str) -> bool:
    """Whether a body's name is written in English (no letter of Vietnamese, a word in lower case: ``Ministers``)."""
    return not VIETNAMESE.search(name) and bool(re.search(r"[a-z]{3,}", name))


def english_collective(name: str) -> bool:
    """Whether an English name stands for many bodies (``Heads of ministerial-level agencies``, ``competent
    authorities``), not one (``Ministry of Finance``)."""
    if name.startswith(tuple(ENGLISH.data()["singular_openers"])):
        return False
    # a plural word ends in s, but not in ss, is, ous, tus, sus (Business, Basis, Status, Census are singular)
    return name[:1].islower() or any(
        re.fullmatch(r"[A-Za-z’']+s", word) and not re.search(r"(?:ss|is|ous|tus|sus)$", word) for word in name.split()
    )
