"""The ``vanban`` command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline import __version__, batch
from pipeline.settings import Settings

USAGE_ERROR = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vanban", description="Vietnamese directive documents into tables.")
    parser.add_argument("--version", action="version", version=f"vanban {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="process documents (PDF, images, text) into tables")
    run.add_argument("inputs", nargs="*", type=Path, default=[Path("data/raw")], help="files or folders (data/raw)")
    run.add_argument("--out", type=Path, default=Path("data/processed"), help="output folder (data/processed)")
    run.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    run.add_argument("--page-timeout", type=float, default=Settings.page_timeout, help="seconds for one page's OCR")
    run.add_argument("--quiet", action="store_true", help="no progress bar")

    args = parser.parse_args(argv)
    if args.command == "run":
        return _run(parser, args)
    return USAGE_ERROR


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    missing = [str(p) for p in args.inputs if not p.exists() and not p.is_symlink()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(missing)}")
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if not batch.discover(args.inputs):
        parser.error(f"no documents found in {', '.join(map(str, args.inputs))}")
    settings = Settings(page_timeout=args.page_timeout)
    summary = batch.run(args.inputs, args.out, settings, jobs=args.jobs, progress=not args.quiet)
    print(summary, file=sys.stderr)
    return summary.exit_code


if __name__ == "__main__":
    sys.exit(main())
