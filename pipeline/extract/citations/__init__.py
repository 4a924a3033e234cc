"""Citations: every document a text cites, with its type, number-symbol, date, issuer and relation.

Built the way citation extractors are (eyecite): one module per form of citation, each giving mentions of its
:data:`~pipeline.extract.citations.model.Form` (``numbered``: ``Nghị định số 30/2020/NĐ-CP``, lists included;
``partial``: ``Nghị quyết 57``; ``name``: ``Luật Đất đai``; ``alias``: the short name a text gives a document),
the context read around a mention (``context``: date, issuer), the relation a governing verb gives (``relations``),
the merging of every mention of one document into a :class:`Citation` (``merging``), and the linking of citations
to the documents of a batch (``batch``). The grammar is data, ``data/references.toml``, compiled once
(``grammar``).
"""

from __future__ import annotations

from pipeline.extract.citations.alias import alias_mentions
from pipeline.extract.citations.batch import resolve_in_batch
from pipeline.extract.citations.by_name import name_mentions
from pipeline.extract.citations.merging import merge
from pipeline.extract.citations.model import Citation, Index, Mention
from pipeline.extract.citations.numbered import document_start, group_lists, numbered_mentions, own_keys, share_in_group
from pipeline.extract.citations.partial import partial_mentions
from pipeline.extract.citations.relations import governing, relate, repealed_after

__all__ = ["Citation", "Mention", "find_citations", "resolve_in_batch"]


def find_citations(text: str, own_number_symbol: str | None = None) -> list[Citation]:
    """Every document cited in a normalised text, in order of first mention, its own number excluded."""
    skip_before = document_start(text)
    cites, own = numbered_mentions(text, skip_before, own_keys(text, own_number_symbol))
    groups = group_lists(text, cites)
    for members in groups:
        share_in_group(members)
    numbered = Index(cites)
    relate(text, groups, numbered)
    extra = partial_mentions(text, skip_before, Index(cites + own))
    extra += name_mentions(text, skip_before, Index(cites + own + extra))
    for i, cite in enumerate(extra, start=len(groups)):
        cite.group = i
        cite.relation = governing(text, cite.start, numbered, cite.group) or "cites"
    mentioned = Index(cites + extra)
    repealed_after(text, mentioned)
    return merge(text, mentioned.cites + alias_mentions(text, mentioned))
