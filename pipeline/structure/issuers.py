"""The bodies that issue a document, each with the signature block printed for it: one for most texts, several for a
joint circular or resolution (``BỘ TƯ PHÁP - BỘ CÔNG AN - …``, each minister or deputy signing for his body)."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.structure.signing import Signature
from pipeline.structure.identification import Header
from pipeline.structure.lines import fold_chars


@dataclass(frozen=True)
class Issuer:
    position: int  # 1 for the body printed first
    issuer: str
    signing_authority: str | None
    signer_title: str | None
    signer_name: str | None


def issuers_of(header: Header, signatures: list[Signature]) -> list[Issuer]:
    """Each issuing body with the block that names it in its authority (``KT. BỘ TRƯỞNG BỘ CÔNG AN`` for ``BỘ CÔNG
    AN``); a text of one issuer has the first block, however its authority is written (``TM. CHÍNH PHỦ``, none)."""
    if header.co_issuers:
        blocks = [_naming(body, signatures) for body in header.co_issuers]
        unnamed = iter(s for s in signatures if s not in blocks)  # a block that abbreviates its body (UB TW MẶT TRẬN …)
        blocks = [block or next(unnamed, None) for block in blocks]  # goes to a body no block names, in printed order
        return [_issuer(position, body, block) for position, (body, block) in enumerate(zip(header.co_issuers, blocks), 1)]
    if header.issuer is None:
        return []
    return [_issuer(1, header.issuer, signatures[0] if signatures else None)]


def _naming(body: str, signatures: list[Signature]) -> Signature | None:
    """The block whose authority names `body` (folded, spaces aside), if one does."""
    wanted = "".join(fold_chars(body).split())
    return next((s for s in signatures if wanted in "".join(fold_chars(s.signing_authority or "").split())), None)


def _issuer(position: int, body: str, block: Signature | None) -> Issuer:
    if block is None:
        return Issuer(position, body, None, None, None)
    return Issuer(position, body, block.signing_authority, block.signer_title, block.signer_name)
