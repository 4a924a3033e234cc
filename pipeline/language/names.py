"""Names of bodies: the bodies a list at the start of a text names, split only between names (known bodies are
never cut or split), and a name's canonical form. The grammar of names is :mod:`pipeline.language.name_grammar`;
where a name ends, :mod:`pipeline.language.name_ends`."""

from __future__ import annotations

import re

from pipeline.language.gazetteer import expand_abbreviations, is_known, known_canonical, known_spans
from pipeline.language.levels import Place, with_place
from pipeline.language.name_ends import (
    TAGGED_CONTEXT, before_tagged_verb, bounded_by_known_names, name_end_and_known_spans, relative_clauses,
    without_named_parent, without_trailers,
)  # fmt: skip
from pipeline.language.name_grammar import MAX_NAME_WORDS, PLURAL, begins_name, grammar, is_collective, name_patterns
from pipeline.language.per_document import document_cache

KNOWN_NAME_TITLE_WORDS = 3  # a title before a known name (Phó Cục trưởng …)
QUOTE = re.compile(r"[“”\"]")
# Between the bodies of a list: a comma (one without a space too, unless inside capitals: Ủy ban KH,CN&MT), "và".
# Not "hoặc": read as two bodies (Sở Giao dịch hoặc Ngân hàng Nhà nước chi nhánh Khu vực), the check set lost
# named precision 0.831 -> 0.821, recall unchanged.
LIST_SEPARATOR = re.compile(r"(,\s+|(?<![A-ZĐ]),(?=\S)|\s+và\s+)")


def names(text: str, whole: bool = False) -> list[tuple[int, str]]:
    """The bodies named at the start of `text` (``A, B và C``), each with its offset; `whole`: the text is a
    subject that ends where its verb begins, so no stop word is looked for. A piece of the list that does not
    begin a body of its own (``ngành`` in ``các sở, ban, ngành``) belongs to the name before it."""
    return list(_names(text, whole))  # a list of its own: callers add to it


@document_cache(maxsize=8192)  # a subject is read again by each reading of its clause (a fifth of the calls)
def _names(text: str, whole: bool) -> tuple[tuple[int, str], ...]:
    end, known = (len(text), known_spans(text)) if whole else name_end_and_known_spans(text)
    if not whole:  # các cơ quan khác có liên quan | đàm phán với nhà tài trợ: a verb that no list names
        # past a definition's opener, a level closes nothing (… được Ủy ban nhân dân cấp tỉnh giao xây dựng …)
        defining = min((s for s, _ in relative_clauses(text[:end])), default=end)
        closers = name_patterns()["name_closer"].finditer(text, 0, defining)
        end = next((m.end("closer") for m in closers if m["next"].islower()), end)
    known = [(s, e) for s, e in known if e <= end]
    defined = list(relative_clauses(text[:end]))  # Cơ quan được Chính phủ giao …: a known name in a definition ends nothing
    # a known name in lower case is a phrase's words, no body (tổ chức phi chính phủ nước ngoài)
    bounding = [(s, e) for s, e in known if text[s].isupper() and not any(ds <= s < de for ds, de in defined)]
    # a place a body sits in ends the name as a known body does (… tại các thành phố | tạm đình chỉ …)
    bounding += [m.span() for m in name_patterns()["located"].finditer(text, 0, end)]
    # so does a body every level has, named by its kind alone (Hội đồng nhân dân | giữ mối liên hệ …), whose words
    # the tagger reads as one noun: what may follow it is a level, a place or a list
    levelled = [m.span() for m in name_patterns()["levelled_kind"].finditer(text, 0, end)]
    bounding = sorted(bounding + [(s, e) for s, e in levelled if not any(ks <= s < ke for ks, ke in bounding)])
    span = without_trailers(bounded_by_known_names(text[:end], bounding))
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
            return ()
        kinds_only = kinds_only and len(found) == 1
        position += len(part)
    found = [(s, without_named_parent(n)) for s, n in found]
    found = [(s, before_tagged_verb(n, text[s : s + len(n) + TAGGED_CONTEXT])) for s, n in found]
    bare = grammar()["bare_kinds"]
    return tuple(
        (s, n)
        for s, n in found
        if (len(n.split()) > 1 or is_known(n) or s == opener) and n not in bare
        and (len(n.split()) <= MAX_NAME_WORDS * (2 if _runs_long(n) else 1) or _titles_a_known_name(n))
    )


def _runs_long(name: str) -> bool:
    """Whether `name` may run to twice the words of one body's name: a list of kinds, or a name that holds a field;
    alternatives of one body each do not (``Cục Đối ngoại, Đại sứ quán hoặc cơ quan đại diện … | và gia đình tổ
    chức lễ tang``: a clause ran on)."""
    return is_collective(name, alternatives=False) or bool(name_patterns()["field"].search(name))


def _titles_a_known_name(name: str) -> bool:
    """Whether `name` is a known name, maybe after a title, however long (Cục trưởng Cục Cảnh sát quản lý trại giam,
    cơ sở giáo dục bắt buộc, trường giáo dưỡng): no more than KNOWN_NAME_TITLE_WORDS words outside known names."""
    if QUOTE.search(name):
        return False  # … Phát triển nông thôn” bằng cụm từ “Bộ …: the words an amendment replaces, no name
    outside = len(name.split()) - sum(len(name[s:e].split()) for s, e in known_spans(name))
    return outside <= KNOWN_NAME_TITLE_WORDS


def _list_parts(span: str, known: list[tuple[int, int]]) -> list[str]:
    """`span` cut into list pieces and the separators between them (LIST_SEPARATOR), except inside a `known` name
    (``Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố`` is one body) or words no list splits (``phòng,
    chống``)."""
    known = known + [m.span() for m in name_patterns()["unsplit"].finditer(span)]
    parts, start = [], 0
    for separator in LIST_SEPARATOR.finditer(span):
        if not any(s < separator.start() and separator.end() < e for s, e in known):
            parts += [span[start : separator.start()], separator.group(0)]
            start = separator.end()
    return [*parts, span[start:]]


def _listed_apart(piece: str, previous: str) -> bool:
    """Whether a piece of a list is a kind that stands beside the ministries as a subject of its own (``Các Bộ, |
    cơ quan ngang Bộ, | cơ quan thuộc Chính phủ``): after the ministries named by their kind alone or another such
    kind, not after a name the ministries qualify (``Vụ Pháp chế Bộ, cơ quan ngang Bộ``; ``Cơ quan, đơn vị của bộ,
    cơ quan ngang bộ``: one subject, whose words are shared)."""
    apart = name_patterns()["listed_apart"]
    kind = re.sub(r"^[Cc]ác\s+", "", previous).casefold()
    return bool(apart.match(piece)) and (apart.match(previous) is not None or kind in grammar()["listed_apart_after"])


def _bare_kind(piece: str) -> bool:
    """Whether a list piece is a kind of body alone, capitalised or in the plural (or a ministry or sector in lower
    case), that stands for every body of its kind when a list of kinds follows it (``Bộ``, ``Các Bộ`` in ``Các Bộ,
    cơ quan ngang Bộ, cơ quan thuộc Chính phủ``; ``bộ, cơ quan ngang bộ``)."""
    kind = re.sub(r"^[Cc]ác\s+", "", piece)
    listed = kind[:1].isupper() or name_patterns()["list_kind"].fullmatch(kind)  # bộ, | cơ quan ngang bộ
    return " " not in kind and bool(listed) and kind.casefold() in grammar()["plural_kinds"]


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
    if is_known(piece) or name_patterns()["institution"].match(piece):
        return True
    alternative = previous is not None and name_patterns()["alternative_kind"].search(previous)
    if alternative and name_patterns()["joining_kind"].match(piece):
        return False  # … hoặc cơ quan, tổ chức có thẩm quyền: the kinds of an alternative go on
    if previous is not None and name_patterns()["institution"].match(LIST_SEPARATOR.split(previous)[-1]):
        # tổ chức tín dụng, tổ chức kinh tế | và các tổ chức, cá nhân khác có liên quan: two subjects
        return begins_name(piece) or bool(name_patterns()["generic_head"].match(piece))
    if previous is not None and PLURAL.search(previous) and name_patterns()["kind_of_relation"].match(piece):
        return False  # các Vụ, Cục thuộc Bộ Y tế: a kind that goes on with the plural before it, no body named
    related = previous is not None and (kinds := name_patterns()["bare_joining_kind"].search(previous)) and kinds["related"]
    if related and name_patterns()["listed_apart"].match(piece):
        return False  # Cục thuộc bộ, | cơ quan ngang bộ: the ministerial block a relation takes goes on
    if begins_name(piece):
        return len(piece.split()) >= 2
    if previous is not None and name_patterns()["list_kind"].match(piece) and not _names_one_body(piece, previous):
        return False  # Thủ trưởng các Sở, | Ban, Ngành: the kinds go on; after one body they begin a subject
    if previous is None and name_patterns()["role_person"].match(piece):
        return True  # báo cáo | người có thẩm quyền: a person named by a part in a procedure, where a list begins
    return bool(name_patterns()["generic_head"].match(piece)) and (
        previous is None or not is_collective(previous) or _names_a_body(previous) or not _joins_kinds(piece, previous)
    )


def _names_one_body(piece: str, previous: str) -> bool:
    """Whether the subject before a list piece names one body or one level's bodies, no list of kinds (``Bộ Tài chính,
    | bộ, ngành liên quan``; ``Ủy ban nhân dân cấp tỉnh, | bộ, ngành``), so that a ministry or sector after it
    begins a subject of its own; not a plural (``Thủ trưởng các Sở, | Ban``, ``các phòng, | ban``) nor kinds named
    one by one (``Người đứng đầu cục, vụ, | ban``)."""
    return (
        begins_name(previous)
        and not PLURAL.search(previous)
        and not _joins_kinds(piece, previous)
        and not (", " in previous and previous.rsplit(", ", 1)[1].islower() and " " not in previous.rsplit(", ", 1)[1])
    )  # … cục, vụ, | ban: kinds named by one lower-case word each


def _joins_kinds(piece: str, previous: str) -> bool:
    """Whether `piece` goes on with a list of kinds (``các cơ quan, tổ chức, cá nhân``; ``cơ quan, người có thẩm
    quyền``; ``Thủ trưởng cơ quan, đơn vị thuộc Bộ``) rather than naming a subject of its own (``tổ dân phố, chính
    quyền địa phương``): only a bare kind before it shares what follows; after a kind with words of its own the
    next is a subject of its own (``tổ chức niêm yết, tổ chức đăng ký giao dịch``; ``Thủ trưởng cơ quan ngang bộ,
    cơ quan thuộc Chính phủ``)."""
    return bool(name_patterns()["joining_kind"].match(piece) and name_patterns()["bare_joining_kind"].search(previous))


def _names_a_body(subject: str) -> bool:
    """Whether a subject names a body rather than only kinds: a capital past its first letter (``Chủ tịch Ủy ban
    nhân dân các cấp``, ``các ban của Hội đồng nhân dân``; not ``Các cơ quan``)."""
    return any(char.isupper() for char in subject[1:])


def canonical_name(assignee: str, place: Place | None) -> str:
    """The expanded, normalised name: a known body's own name, abbreviations expanded, the issuer's place added
    where the text says only ``tỉnh`` (``Ủy ban nhân dân tỉnh`` in a document of UBND TỈNH SƠN LA)."""
    name = known_canonical(assignee) or expand_abbreviations(assignee)
    name = name.replace("Uỷ", "Ủy").replace("uỷ", "ủy")
    return " ".join(with_place(name, place).split())
