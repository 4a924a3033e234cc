"""Lexicons: the TOML files of ``pipeline/data`` that hold what the pipeline knows of the language, each read
once and checked against its schema.

A module declares the lexicon it reads with :func:`lexicon` (file name and schema); :func:`check_lexicons`
reads every declared lexicon at start-up, so that a misspelt key or a value of the wrong type is one clear
error before any document rather than a failure inside each one.

A schema is written with Python's own types: ``str``, ``int``, ``bool``; ``[spec]`` a list whose items follow
spec; ``{str: spec}`` a table of any keys whose values follow spec; ``{"key": spec, "other?": spec}`` a table of
exactly these keys (``?``: the key may be left out).
"""

from __future__ import annotations

import importlib
import pkgutil
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

DATA_PACKAGE = "pipeline.data"


class LexiconError(ValueError):
    """A lexicon that cannot be read or does not follow its schema."""


@dataclass(frozen=True, eq=False)
class Lexicon:
    """A TOML file of ``pipeline/data`` and the schema it must follow."""

    file: str
    schema: dict[Any, Any]

    def data(self) -> dict[str, Any]:
        """The file's content, checked against the schema (read once)."""
        return _read(self.file)


_DECLARED: dict[str, Lexicon] = {}
_AGREEMENTS: list[Callable[[], list[str]]] = []


def lexicon(file: str, schema: dict[Any, Any]) -> Lexicon:
    """Declare the lexicon `file` with its `schema` (once per file)."""
    declared = _DECLARED.setdefault(file, Lexicon(file, schema))
    if declared.schema != schema:
        raise LexiconError(f"{file}: declared twice with different schemas")
    return declared


def agreement(check: Callable[[], list[str]]) -> Callable[[], list[str]]:
    """Declare a check that lexicons agree with each other (it returns its problems); run by check_lexicons."""
    _AGREEMENTS.append(check)
    return check


def check_lexicons() -> list[str]:
    """Read and check every lexicon the language layer declares; the names of the files checked.

    Raises :class:`LexiconError` naming every problem of every file, or where they disagree."""
    for module in pkgutil.iter_modules(_package_path()):
        importlib.import_module(f"pipeline.language.{module.name}")
    problems = []
    for declared in _DECLARED.values():
        try:
            declared.data()
        except LexiconError as e:
            problems.append(str(e))
    if not problems:
        problems = [problem for check in _AGREEMENTS for problem in check()]
    if problems:
        raise LexiconError("; ".join(problems))
    return sorted(_DECLARED)


def _package_path() -> list[str]:
    return list(importlib.import_module("pipeline.language").__path__)


@cache
def _read(file: str) -> dict[str, Any]:
    declared = _DECLARED[file]
    try:
        data = tomllib.loads(resources.files(DATA_PACKAGE).joinpath(declared.file).read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise LexiconError(f"pipeline/data/{declared.file}: {e}") from e
    problems = schema_problems(data, declared.schema, "")
    if problems:
        raise LexiconError(f"pipeline/data/{declared.file}: " + "; ".join(problems))
    return data


def schema_problems(value: Any, spec: Any, path: str) -> list[str]:
    """What in `value` does not follow `spec`, each with its place (``lead_before[3]``, ``bodies[12].name``)."""
    where = path or "the file"
    if spec in (str, int, bool):
        ok = isinstance(value, spec) and not (spec is int and isinstance(value, bool))
        return [] if ok else [f"{where}: expected {spec.__name__}, found {type(value).__name__} {value!r:.40}"]
    if isinstance(spec, list):
        if not isinstance(value, list):
            return [f"{where}: expected a list, found {type(value).__name__}"]
        return [p for i, item in enumerate(value) for p in schema_problems(item, spec[0], f"{path}[{i}]")]
    if not isinstance(value, dict):
        return [f"{where}: expected a table, found {type(value).__name__}"]
    if set(spec) == {str}:  # a table of any keys
        return [p for key, item in value.items() for p in schema_problems(item, spec[str], _joined(path, key))]
    fields = {key.rstrip("?"): key.endswith("?") for key in spec}
    problems = [f"{_joined(path, key)}: unknown key (known: {', '.join(fields)})" for key in value if key not in fields]
    problems += [
        f"{_joined(path, key)}: missing" for key, optional in fields.items() if not optional and key not in value
    ]
    for key, item in value.items():
        if key in fields:
            item_spec = spec[f"{key}?" if fields[key] else key]
            problems += schema_problems(item, item_spec, _joined(path, key))
    return problems


def _joined(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
