"""Lexicons: the data files of the language layer are checked against their schemas before any document."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from pipeline.language.gazetteer import abbreviation_clashes, expand_abbreviations
from pipeline.language.lexicon import LexiconError, check_lexicons, lexicon, schema_problems
from pipeline.language.name_grammar import BODY_NAMES
from pipeline.language.roles import ROLE_CUES


def test_every_lexicon_of_the_language_layer_follows_its_schema() -> None:
    checked = check_lexicons()
    assert {"organisations.toml", "abbreviations.toml", "body_names.toml", "role_cues.toml", "clauses.toml"} <= set(
        checked
    )


def _shipped(file: str) -> dict:
    return tomllib.loads(resources.files("pipeline.data").joinpath(file).read_text("utf-8"))


def test_a_misspelt_key_a_missing_key_and_a_wrong_type_are_each_named_with_their_place() -> None:
    data = _shipped("role_cues.toml")
    data["lead_befor"] = data.pop("lead_before")
    data["role_headings"]["chủ trì"] = 1
    problems = schema_problems(data, ROLE_CUES.schema, "")
    assert any(p.startswith("lead_befor: unknown key") for p in problems)
    assert "lead_before: missing" in problems
    assert any(p.startswith("role_headings.chủ trì: expected str") for p in problems)
    assert len(problems) == 3


def test_a_list_item_of_the_wrong_type_is_named_by_its_index() -> None:
    data = _shipped("body_names.toml")
    data["heads"].insert(2, ["Sở"])
    assert schema_problems(data, BODY_NAMES.schema, "") == ["heads[2]: expected str, found list ['Sở']"]


def test_a_lexicon_declared_with_two_schemas_is_an_error() -> None:
    with pytest.raises(LexiconError, match="declared twice"):
        lexicon("body_names.toml", {"heads": [str]})


def test_an_abbreviation_means_one_body_in_every_data_file() -> None:
    """TTCP is Thanh tra Chính phủ in document symbols (2852/KL-TTCP), so it is that body in names too."""
    assert abbreviation_clashes() == []
    assert expand_abbreviations("TTCP") == "Thanh tra Chính phủ"
