"""Built-in stages. Importing this package registers them all.

Each module holds one stage family; every stage is light to import and loads
its heavy dependency (ftfy, dateparser, bs4/lxml, wordfreq) only when it runs
on text that needs it.
"""

from newsclean.stages import (  # noqa: F401  (import registers)
    boilerplate,
    dates,
    doubled_words,
    encoding,
    html,
    language,
    metadata,
    spam,
    spinner,
    spinner_swaps,
    tortured,
)
