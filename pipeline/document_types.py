"""Document types, read once from ``data/document_types.toml``: shared by the header (the document's own type)
and the citation grammar (the types of cited documents)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def document_types() -> list[dict[str, Any]]:
    """Every type with its name and its `state` and `party` symbol abbreviations."""
    return tomllib.loads(resources.files("pipeline.data").joinpath("document_types.toml").read_text("utf-8"))["types"]


@cache
def symbol_types(family: str) -> dict[str, str]:
    """Abbreviation inside a number symbol → type name, for the ``state`` or the ``party`` family."""
    return {abbreviation: t["name"] for t in document_types() for abbreviation in t.get(family, [])}


@cache
def joint_codes() -> frozenset[str]:
    """The symbol abbreviations of joint types, issued by several bodies together (``TTLT``, ``NQLT``)."""
    return frozenset(code for kind in document_types() if kind.get("joint") for code in kind.get("state", []))


def symbol_codes(symbol: str) -> list[str]:
    """The codes a symbol lists, its type's first (``TTLT-BTC-BTP``, ``TTLT/BTP-BCA``: ``TTLT``, then the issuers')."""
    return [code.strip() for code in re.split(r"[-–/]", symbol)]


def is_joint(symbol: str | None) -> bool:
    """Does a symbol (``TTLT-BTC-BTP``, ``TTLT/BTC-BNV``) open with a joint type's abbreviation?"""
    return bool(symbol) and symbol_codes(symbol)[0] in joint_codes()
