"""Which files a run reads: the inputs as given, folders searched recursively, nothing outside them.

- Symbolic links are not followed unless asked (``--follow-symlinks``), and even then never to a target outside
  the folders and files given: a link in an inbox to ``/etc/shadow`` is reported, not read.
- An output folder is never read back as input: the run's own (``vanban run . --out results``) and any folder
  that holds another run's results store.
- A file name that is not valid UTF-8 (an archive unpacked from Windows) is read as it is on disk and shown with
  its undecodable bytes escaped (``b\\xe1o c\\xe1o.txt``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

IGNORED_NAMES = ("README", ".")  # notes and hidden files in an input folder are not documents
RUN_MARKER = ".vanban"  # the results store of a run: a folder holding it is an output folder


@dataclass(frozen=True)
class Input:
    """A file to process: where it is on disk, and its name as the tables show it."""

    path: Path
    source_file: str
    refused: str | None = None  # why it is not read (a link not followed, or leading outside the inputs)


def shown(path: Path | str) -> str:
    """A path as text that every output can hold: bytes that are not UTF-8 escaped as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def discover(inputs: Iterable[Path], out_dir: Path | None = None, follow_symlinks: bool = False) -> list[Input]:
    """The files to process, in a stable order: files as given, folders searched recursively (hidden files,
    ``README*`` and output folders left out). Links are listed with the reason they are not read, unless
    `follow_symlinks` and their target lies inside the inputs."""
    inputs = [Path(item) for item in inputs]
    roots = [_real(item) for item in inputs]
    excluded = _real(out_dir) if out_dir is not None else None
    found: dict[str, Input] = {}
    for item in inputs:
        if item.is_dir() and (follow_symlinks or not item.is_symlink()):
            for path in _walk(item, excluded, follow_symlinks, roots):
                found.setdefault(str(path), _input(path, follow_symlinks, roots))
        else:
            found.setdefault(str(item), Input(item, shown(item)))  # a file named on the command line is read
    return list(found.values())


def _walk(root: Path, excluded: Path | None, follow_symlinks: bool, roots: list[Path]) -> list[Path]:
    """Files under `root`, sorted; links to folders entered only when followed and inside the inputs."""
    files: list[Path] = []
    visited: set[Path] = set()
    for folder, subfolders, names in os.walk(root, followlinks=follow_symlinks):
        here = Path(folder)
        real = _real(here)
        if real in visited or _is_output_folder(here, real, excluded) or (here != root and _outside(real, roots)):
            subfolders[:] = []
            continue
        visited.add(real)
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(IGNORED_NAMES))
        links = [name for name in subfolders if (here / name).is_symlink()] if not follow_symlinks else []
        files.extend(here / name for name in names if not name.startswith(IGNORED_NAMES))
        files.extend(here / name for name in links)  # a link to a folder, not followed: reported like a file link
    return sorted(files)


def _input(path: Path, follow_symlinks: bool, roots: list[Path]) -> Input:
    if not path.is_symlink():
        return Input(path, shown(path))
    if not follow_symlinks:
        return Input(path, shown(path), "a symbolic link: not followed (--follow-symlinks reads links that stay "
                     "inside the input folders)")  # fmt: skip
    if _outside(_real(path), roots):
        return Input(path, shown(path), "a symbolic link to a file outside the input folders: not read")
    return Input(path, shown(path))


def _is_output_folder(folder: Path, real: Path, excluded: Path | None) -> bool:
    return real == excluded or (folder / RUN_MARKER).is_dir()


def _outside(real: Path, roots: list[Path]) -> bool:
    return not any(real == root or real.is_relative_to(root) for root in roots)


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))
