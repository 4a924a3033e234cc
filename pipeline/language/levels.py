"""Levels of administration and the issuer's place: what ``tỉnh`` means in ``Ủy ban nhân dân tỉnh`` depends on
who writes it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PLACE = re.compile(
    r"\b(?P<level>TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)\s+(?:ủy\s+|uỷ\s+)?(?!(?:ủy|uỷ)\b)(?P<name>[^\W\d_][^,;()\n]*)",
    re.IGNORECASE,
)  # TỈNH ỦY BÌNH ĐỊNH: the place is Bình Định, never the word ủy
# What a name ends with when it leaves its place to the issuer's (… tỉnh, … Tỉnh ủy), by the place's level.
PLACE_LEVEL_ENDINGS = {
    "tỉnh": ("tỉnh", "Tỉnh ủy"),
    "thành phố": ("thành phố", "Thành ủy"),
    "huyện": ("huyện", "Huyện ủy"),
    "quận": ("quận", "Quận ủy"),
    "thị xã": ("thị xã", "Thị ủy"),
}
# A region (khu vực: the State Bank's and the Treasury's regional branches, the regional courts, procuracies, customs
# and port authorities) stands below the centre like a tỉnh; a special zone (đặc khu) is a commune-level unit.
LEVEL_RANKS = {
    "tỉnh": 1, "thành phố": 1, "khu vực": 1, "huyện": 2, "quận": 2, "thị xã": 2, "xã": 3, "phường": 3, "thị trấn": 3,
    "đặc khu": 3,
}  # fmt: skip
CENTRAL = "trung ương"  # the level of an issuer that names no place (CHÍNH PHỦ, BỘ CÔNG THƯƠNG): above every tỉnh
# … not the xã of xã hội (BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI, BẢO HIỂM XÃ HỘI VIỆT NAM are central bodies)
LEVEL_WORD = re.compile(rf"\b(?:{'|'.join(LEVEL_RANKS)})\b(?!\s+hội\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    """The issuer's place (``Sơn La``) and its level (``tỉnh``)."""

    name: str
    level: str
    # the issuer as printed (BỘ TƯ PHÁP), for what only its own kind decides (Bộ trưởng in a ministry's circular)
    issuer: str = field(default="", compare=False)


# Kinds of document only a central body issues (a law, a decree, a circular): where the header prints no issuer, the
# document's kind says it is central (gold README: a circular is central).
CENTRAL_KINDS = ("luật", "bộ luật", "pháp lệnh", "nghị định", "thông tư", "thông tư liên tịch")


def place_of(issuer: str | None, issuer_parent: str | None, doc_type: str | None = None) -> Place | None:
    """The place in the issuer block (``UBND TỈNH SƠN LA`` → ``Sơn La``, a tỉnh), to complete ``… tỉnh``; with no
    issuer, a central one where the document's kind (`doc_type`) is one only the centre issues."""
    for line in (issuer, issuer_parent):
        match = PLACE.search(line or "")
        if match:
            return Place(match["name"].strip().title(), match["level"].lower(), issuer or "")
    if issuer and not any(LEVEL_WORD.search(line or "") for line in (issuer, issuer_parent)):
        return Place("", CENTRAL, issuer)  # a ministry, the Government: every tỉnh it names is any tỉnh
    if not issuer and (doc_type or "").casefold() in CENTRAL_KINDS:
        return Place("", CENTRAL)
    return None


def is_one_ministry(place: Place | None) -> bool:
    """Whether the issuer is one ministry (``BỘ TƯ PHÁP``), not a joint circular of several (``BỘ TƯ PHÁP - BỘ CÔNG
    AN``) nor the Government."""
    issuer = (place.issuer if place else "").upper()
    return issuer.startswith("BỘ ") and len(re.findall(r"(?<!\w)BỘ(?!\w)", issuer)) == 1


def with_place(name: str, place: Place | None) -> str:
    """`name` with the issuer's place added where it says only the level (``Ủy ban nhân dân tỉnh`` in a document
    of UBND TỈNH SƠN LA → ``Ủy ban nhân dân tỉnh Sơn La``)."""
    folded = name.casefold()
    endings = tuple(ending.casefold() for ending in PLACE_LEVEL_ENDINGS.get(place.level, ())) if place else ()
    if place and "các " not in folded and folded.endswith(endings):
        return f"{name} {place.name}"
    return name


def below_issuer(level: str, place: Place | None) -> bool:
    """Whether `level` stands below the issuer's (where the issuer's place is unknown, only the commune level
    does: ``tỉnh`` may be the issuer's own province)."""
    issuer_rank = (0 if place.level == CENTRAL else LEVEL_RANKS[place.level]) if place else LEVEL_RANKS["huyện"]
    return LEVEL_RANKS[level] > issuer_rank
