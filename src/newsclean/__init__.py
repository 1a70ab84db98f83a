"""newsclean: turn noisy scraped news captures into clean, accountable articles.

>>> import newsclean
>>> article = newsclean.clean("Officials said the bridge will reopen on Friday.")
>>> article.text
'Officials said the bridge will reopen on Friday.'
"""

from __future__ import annotations

import logging

from newsclean.api import clean, clean_many
from newsclean.article import Article, DateCandidate, Dateline
from newsclean.batch import Capture
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
from newsclean.pipeline import Pipeline
from newsclean.protocol import Stage, stage
from newsclean.registry import register
from newsclean.stats import Summary, summarize
from newsclean.view import Explanation

__version__ = "0.1.0"

# The library logs (skipped inputs, what each stage decided) to the "newsclean"
# logger and never prints; an application shows the records by configuring
# logging, e.g. logging.basicConfig(level=logging.DEBUG).
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "DEFAULT_STAGES",
    "Article",
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
