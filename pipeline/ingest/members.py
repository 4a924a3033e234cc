"""Files inside other files: the members of a zip archive and the attachments of an e-mail, each a document of its
own. They are copied out once, at planning, into the output folder (content-addressed, so a member already there
is not written again) and then read like any input file, their `parent_doc_id` the archive or e-mail they came in.

Unpacking is bounded against zip bombs: archives nested deeper than MAX_DEPTH are not opened, at most
MAX_MEMBERS members are taken from one input file, at most MAX_BYTES written for it in all, and a member that
decompresses to more than MAX_RATIO times its compressed size (and more than 1 MiB) is cut off and reported.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.model import CorruptInput, EmptyInput, Problem, TooLarge, UnreadableInput, VanbanError, doc_id_for
from pipeline.unpacking import Contents, Failure, Member, Packed

MAX_DEPTH = 3  # archives in archives (or e-mails in e-mails) opened below the input file
MAX_MEMBERS = 5_000  # members taken from one input file, at all depths
MAX_BYTES = 2 << 30  # bytes written for one input file's members, at all depths
MAX_RATIO = 200  # a member that decompresses to more than this many times its compressed size is a bomb
BLOCK = 1 << 20


@dataclass
class _Budget:
    members: int = MAX_MEMBERS
    bytes: int = MAX_BYTES


def contents(path: Path, source_file: str, sha256: str, staging: Path) -> Contents:
    """The format of an input file and, for a container, its members copied into `staging`. Raises
    :class:`VanbanError` when the file cannot be read or identified."""
    return _contents(path, source_file, sha256, staging, 0, _Budget())


def _contents(path: Path, source_file: str, sha256: str, staging: Path, depth: int, budget: _Budget) -> Contents:
    from pipeline.ingest import identify, member_name, read_head

    module = identify(read_head(path), member_name(source_file))
    found = Contents(module.FORMAT, hasattr(module, "read") and getattr(module, "is_document", bool)(path))
    if not hasattr(module, "members"):
        return found
    parent = doc_id_for(sha256)
    for packed in _bounded(module.members(path), source_file, parent, found):
        inner = f"{source_file}!/{packed.name}"
        try:
            if budget.members == 0:
                raise TooLarge(f"more than {MAX_MEMBERS} files in the archive: the rest is not read")
            budget.members -= 1
            member_sha, staged = _stage(packed, staging, budget)
            nested = _nested(staged, inner, member_sha, staging, depth, budget)
        except VanbanError as e:
            found.failures.append(Failure(inner, None, parent, Problem.from_error(e)))
            if budget.members == 0:
                break
            continue
        if nested.is_document:
            found.members.append(Member(inner, member_sha, staged, parent, nested.format))
        found.members.extend(nested.members)
        found.failures.extend(nested.failures)
    if not found.is_document and not found.members and not found.failures:
        raise EmptyInput(f"{module.FORMAT} holds no files")
    return found


def _bounded(packed: Iterator[Packed], source_file: str, parent: str, found: Contents) -> Iterator[Packed]:
    """The container's members; a failure to list them is the container's."""
    try:
        yield from packed
    except VanbanError as e:
        if found.is_document:
            found.failures.append(Failure(source_file, None, parent, Problem.from_error(e)))
        else:
            raise


def _nested(staged: Path, source_file: str, sha256: str, staging: Path, depth: int, budget: _Budget) -> Contents:
    """A member's own format and, for a container within the depth bound, its members."""
    from pipeline.ingest import identify, member_name, read_head

    module = identify(read_head(staged), member_name(source_file))
    if hasattr(module, "members") and depth + 1 > MAX_DEPTH:
        raise TooLarge(f"{module.FORMAT} nested more than {MAX_DEPTH} deep in other files: not opened")
    return _contents(staged, source_file, sha256, staging, depth + 1, budget)


def _stage(packed: Packed, staging: Path, budget: _Budget) -> tuple[str, Path]:
    """Copy a member into `staging` under its content hash, within the budget; its hash and path."""
    limit = min(budget.bytes, max(packed.stored_size * MAX_RATIO, BLOCK))
    staging.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    handle, name = tempfile.mkstemp(prefix=".member.", dir=staging)
    temporary = Path(name)
    try:
        written = 0
        with os.fdopen(handle, "wb") as out, packed.open() as source:
            for block in iter(lambda: source.read(BLOCK), b""):
                written += len(block)
                if written > limit:
                    raise TooLarge(
                        f"not unpacked: it decompresses to more than {limit:,} bytes (a zip bomb, or past the "
                        f"{MAX_BYTES:,} bytes unpacked from one file)"
                    )
                digest.update(block)
                out.write(block)
        budget.bytes -= written
        target = staging / digest.hexdigest()
        os.replace(temporary, target)
        return digest.hexdigest(), target
    except VanbanError:
        raise
    except OSError as e:
        raise UnreadableInput(f"cannot unpack: {e.strerror or e}") from e
    except Exception as e:  # noqa: BLE001 - a decoder's failure (zlib, CRC, truncation) means a broken member
        raise CorruptInput(f"broken member, not unpacked ({e})") from e
    finally:
        temporary.unlink(missing_ok=True)
