"""The part-of-speech tagger gives underthesea's own tags, with features made in linear time."""

from __future__ import annotations

from underthesea import pos_tag as underthesea_pos_tag

from pipeline.language.tagging import pos_tag
from tests.conftest import DEV


def test_tags_are_underthesea_tags_on_real_lines() -> None:
    lines = [line for line in (DEV / "src-vbpl-07.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    lines += ["", "Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì", " ".join(lines[:40])]  # nothing, a name, a long run
    assert [pos_tag(line) for line in lines] == [underthesea_pos_tag(line) for line in lines]
