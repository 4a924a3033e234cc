"""The stamps a scan carries on its header: the incoming-document stamp (``SỞ NỘI VỤ ĐẾN Số: 12106 Ngày: 31/10/22
Chuyển: …``) and the copy marks (SAO Y)."""

from __future__ import annotations

import re

from pipeline.language.dates import iso_date
from pipeline.structure.identification import Header
from pipeline.structure.lines import Line, vocabulary
from pipeline.structure.national import DECORATION
from pipeline.vietnamese import is_capitals

INCOMING = re.compile(r"\bĐ[ẾEÉÊ]N\b\s*[:.]?\s*(?:[Ss][ốôo]\s*[:.]?\s*(?P<number>\d+))?")
INCOMING_NUMBER = re.compile(r"^\W{0,2}[Ss][ốôo]\s*[:.]?\s*(?P<number>\d+)")
INCOMING_DATE = re.compile(r"Ngày\s*[:.]?\s*(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{2,4})")
FORWARDED = re.compile(r"^Chuyển\s*:?\s*")


def read_stamps(zone: list[Line], header: Header) -> None:
    """The incoming-document stamp (``SỞ NỘI VỤ ĐẾN Số: 12106 Ngày: 31/10/22 Chuyển: …``): its number, date and
    office, and the lines it occupies, which are neither title nor body."""
    for position, line in enumerate(zone):
        match = INCOMING.search(line.text)
        if not match or not (match["number"] or _next_has(zone, position, INCOMING_NUMBER)):
            continue
        stamp = {line.index}
        header.incoming_number = match["number"]
        before = line.text[: match.start()].strip(DECORATION)
        if before and is_capitals(before):
            header.incoming_office = before
        else:
            office = next(
                (above for above in reversed(zone[max(0, position - 2) : position])
                 if is_capitals(above.stripped) and len(above.stripped) < 60
                 and not INCOMING_NUMBER.match(above.stripped)),
                None,
            )  # fmt: skip
            if office is not None:
                header.incoming_office = office.stripped
                stamp.add(office.index)
        for following in zone[max(0, position - 2) : position + 4]:
            number = INCOMING_NUMBER.match(following.stripped)
            if number and header.incoming_number is None:
                header.incoming_number = number["number"]
                stamp.add(following.index)
            when = INCOMING_DATE.search(following.text)
            if when and header.incoming_date is None:
                year = int(when["year"]) + (2000 if len(when["year"]) == 2 else 0)
                header.incoming_date = iso_date(year, int(when["month"]), int(when["day"]))
                stamp.add(following.index)
            forwarded = FORWARDED.match(following.stripped)
            if forwarded and len(following.stripped) < 40:
                stamp.add(following.index)
        header.stamp_lines = stamp
        return


def _next_has(zone: list[Line], position: int, pattern: re.Pattern[str]) -> bool:
    """Does a line just above or below `position` match (OCR reads a stamp's fields in any order)?"""
    return any(pattern.match(line.stripped) for line in zone[max(0, position - 2) : position + 3])


def is_copy(lines: list[Line]) -> bool:
    marks = tuple(vocabulary()["copy_marks"])
    return any(line.stripped.startswith(marks) for line in lines)
