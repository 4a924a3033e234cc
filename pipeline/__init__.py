"""vanban: Vietnamese directive documents (scans, PDFs, texts) into tables.

Stages, each a module with a typed result: :mod:`pipeline.ingest` → :mod:`pipeline.normalize` →
:mod:`pipeline.export`, driven by :mod:`pipeline.batch` and the ``vanban`` command (:mod:`pipeline.cli`).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("vanban")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"
