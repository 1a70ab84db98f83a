"""newsclean: turn noisy scraped news captures into clean, accountable articles.

>>> import newsclean
>>> article = newsclean.clean("Officials said the bridge will reopen on Friday.")
>>> article.text
'Officials said the bridge will reopen on Friday.'
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from newsclean.classcode import packaged_class_code

# The modules' dataclasses take their methods' code from the packaged file (see newsclean.classcode).
with packaged_class_code():
    from newsclean.api import clean, clean_many
    from newsclean.article import Article, AuthorRole, DateCandidate, Dateline
    from newsclean.defaults import DEFAULT_STAGES, default_pipeline
    from newsclean.document import Change, Decision, Document, Edit, Options, replay
    from newsclean.errors import (
        ConfigError,
        InputError,
        InputTooLargeError,
        MissingDependencyError,
        NewscleanError,
        OptionError,
        StageError,
        UnknownStageError,
    )
    from newsclean.options import CleanOptions
    from newsclean.pipeline import Pipeline, library_logger
    from newsclean.protocol import Stage, stage
    from newsclean.registry import register
    from newsclean.view import Explanation

if TYPE_CHECKING:
    from newsclean.batch import Capture
    from newsclean.stats import Summary, summarize

#: Public names whose modules are imported on first access (``clean()`` needs neither).
_LAZY = {"Capture": "newsclean.batch", "Summary": "newsclean.stats", "summarize": "newsclean.stats"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsclean' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__version__ = "0.1.0"

# The library logs (skipped inputs, what each stage decided) to the "newsclean"
# logger and never prints (it has a NullHandler); an application shows the records
# by configuring logging, e.g. logging.basicConfig(level=logging.DEBUG). logging is
# imported when the library first logs, or here when the process has imported it.
if "logging" in sys.modules:
    library_logger()

__all__ = [
    "DEFAULT_STAGES",
    "Article",
    "AuthorRole",
    "Capture",
    "Change",
    "CleanOptions",
    "ConfigError",
    "DateCandidate",
    "Dateline",
    "Decision",
    "Document",
    "Edit",
    "Explanation",
    "InputError",
    "InputTooLargeError",
    "MissingDependencyError",
    "NewscleanError",
    "OptionError",
    "Options",
    "Pipeline",
    "Stage",
    "StageError",
    "Summary",
    "UnknownStageError",
    "__version__",
    "clean",
    "clean_many",
    "default_pipeline",
    "register",
    "replay",
    "stage",
    "summarize",
]
