"""Dates that are not written as dates: in addresses, copyright notices, relative phrases.

* :func:`url_date` / :func:`url_month`: ``/2020/07/28/``, ``2020-11-26``,
  ``/20200728-`` in a page, image or link address;
* :func:`copyright_year`: ``© 2005–2017`` (a year, never a day);
* :func:`parse_relative`: ``2 hours ago``, ``vor 3 Stunden``, ``yesterday``,
  resolved against a capture time by :meth:`Relative.resolve`.

:mod:`newsclean.dateparse` re-exports these functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from newsclean import regexlite as regex
from newsclean.datewords import _patterns, _valid_date, vocabulary
from newsclean.lazyre import regex_compile
from newsclean.linekeep import kept_lines

__all__ = ["Relative", "copyright_year", "parse_relative", "url_date", "url_month"]


_URL_DATE = regex_compile(
    r"(?<![\w])(?P<y>(?:19|20)\d\d)(?P<sep>[/_-])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d])"
    r"|(?<=[/_-])(?P<y2>(?:19|20)\d\d)(?P<m2>[01]\d)(?P<d2>[0-3]\d)(?=[/_.-]|$)"
)
_URL_MONTH = regex_compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?![0-3]?\d(?:/|$))")
#: Address characters read for a date (query strings and fragments are left out).
URL_CHARS = 500


def _url_path(url: str) -> str:
    path = url.split("://", 1)[-1][: URL_CHARS * 2]
    path = path[path.find("/") :] if "/" in path else ""
    return path.split("?", 1)[0].split("#", 1)[0][:URL_CHARS]


def url_date(url: str) -> date | None:
    """Read a day from a page, image or link address.

    The forms are ``/2020/07/28/``, ``2020-11-26``, ``2020_11_26`` and
    ``/20200728-`` (eight digits between separators); the host, query string
    and fragment are not read.

    >>> url_date("https://example.com/news/2020/07/28/story.html")
    datetime.date(2020, 7, 28)
    >>> url_date("https://example.com/2020/07/story") is None
    True
    """
    path = _url_path(url)
    for m in _URL_DATE.finditer(path):
        if m.group("y"):
            d = _valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        else:
            d = _valid_date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        if d is not None:
            return d
    return None


def url_month(url: str) -> date | None:
    """Read a year and month from an address with no day (``/2020/07/story``); the 1st stands for the month.

    >>> url_month("https://example.com/2020/07/story")
    datetime.date(2020, 7, 1)
    >>> url_month("https://example.com/2020/07/28/story") is None
    True
    """
    if url_date(url) is not None:
        return None
    m = _URL_MONTH.search(_url_path(url))
    return _valid_date(int(m.group("y")), int(m.group("m")), 1) if m else None


#: A notice's year or range of years, the (last) year as group ``y``: "2017", "2005-2017".
_YEARS = r"(?:(?:19|20)\d\d\s*[-–—/]\s*)?(?P<y>(?:19|20)\d\d)(?!\d)"
#: A copyright notice and its (last) year: "© 2017", "Copyright 2005-2017", "(c) 2017".
_COPYRIGHT = regex_compile(rf"(?:©|&copy;|\(c\)|\bcopyright\b)\s*{_YEARS}", regex.IGNORECASE)
#: Most words of the holder named between the mark and the year ("© Example Media Co., Inc. 2020",
#: "Copyright Jane Roe, 2009"); a longer run is a sentence that mentions copyright.
COPYRIGHT_HOLDER_WORDS = 8
#: Most characters of that holder (the pattern's bound; the words are counted after it).
COPYRIGHT_HOLDER_CHARS = 80
#: The holder first, then the year: the mark (the word only capitalised, as a notice writes it:
#: "the copyright on the song expired in 1998" is a sentence), a holder starting with a letter and
#: holding no digit, a space or comma, the year or range.
_COPYRIGHT_HOLDER = regex_compile(
    r"(?:©|&copy;|\([cC]\)|\b(?:Copyright|COPYRIGHT)\b)\s*(?:(?:©|Copyright|COPYRIGHT)\s*)?"
    rf"(?P<h>[^\W\d_][^\d\n©|]{{0,{COPYRIGHT_HOLDER_CHARS}}}?)[\s,]\s*{_YEARS}"
)
#: The year first, then the mark: "2020 © Metro Daily", "Metro Daily, 2019 ©".
_COPYRIGHT_AFTER = regex_compile(rf"(?<![\d.,:/-]){_YEARS}\s*(?:©|&copy;)")


#: Distinct lines whose copyright year and relative phrase are kept (the date stage asks both of
#: a picked line; a site's pages repeat their footers and "2 hours ago" stamps).
MARK_CACHE_SIZE = 4096


@lru_cache(maxsize=MARK_CACHE_SIZE)
def copyright_year(text: str) -> int | None:
    """The year of a copyright notice in ``text`` (the last year of a range), or None.

    The year may follow the mark (``© 2017``), the holder's name (``© Metro Daily 2017``,
    at most :data:`COPYRIGHT_HOLDER_WORDS` words), or stand before the mark (``2017 © Metro``).

    >>> copyright_year("© 2005–2017 Example Media"), copyright_year("Copyright 2019"), copyright_year("(c) team")
    (2017, 2019, None)
    >>> copyright_year("© Example Media Ltd 1996 - 2020"), copyright_year("Example Media, 2019 ©")
    (2020, 2019)
    """
    m = _COPYRIGHT.search(text)
    if m is None:
        m = _COPYRIGHT_HOLDER.search(text)
        if m is not None and len(m.group("h").split()) > COPYRIGHT_HOLDER_WORDS:
            m = None
    if m is None:
        m = _COPYRIGHT_AFTER.search(text)
    return int(m.group("y")) if m else None


@dataclass(frozen=True, slots=True)
class Relative:
    """A relative phrase: how far back, in which unit, and where."""

    amount: int
    unit: str
    start: int
    end: int

    def resolve(self, anchor: datetime) -> datetime | date | None:
        """Return the moment ``anchor`` minus this distance (a date for days and longer).

        None when that moment falls outside the calendar (an anchor near
        ``datetime.min``): the phrase then has no value, it never overflows.
        """
        try:
            if self.unit in ("second", "minute", "hour"):
                return anchor - timedelta(**{self.unit + "s": self.amount})
            day = anchor.date()
            if self.unit == "day":
                return day - timedelta(days=self.amount)
            if self.unit == "week":
                return day - timedelta(weeks=self.amount)
        except OverflowError:
            return None
        day = anchor.date()
        months = self.amount * (12 if self.unit == "year" else 1)
        y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
        m += 1
        if not 1 <= y <= 9999:
            return None
        for d in (day.day, 30, 29, 28):
            try:
                return date(y, m, min(d, day.day))
            except ValueError:
                continue
        return date(y, m, 28)


@kept_lines(MARK_CACHE_SIZE)
def parse_relative(text: str) -> Relative | None:
    """Find a relative phrase ("2 hours ago", "vor 3 Stunden", "yesterday") in ``text``.

    >>> r = parse_relative("vor 3 Stunden")
    >>> (r.amount, r.unit)
    (3, 'hour')
    """
    voc = vocabulary()
    m = _patterns().relative.search(text)
    if not m:
        return None
    if m.group("day"):
        return Relative(voc.days[m.group("day").lower()], "day", m.start(), m.end())
    n = m.group("n").lower()
    amount = int(n) if n.isdigit() else voc.numbers.get(n)
    unit = voc.units.get((m.group("u") or m.group("u2")).lower())
    if amount is None or unit is None:
        return None
    return Relative(amount, unit, m.start(), m.end())
