"""Tests of dates in relative phrases and addresses (``newsclean.datemarks``)."""

from __future__ import annotations

from datetime import date

import pytest

from newsclean.datemarks import copyright_year, parse_relative, url_date


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("2 hours ago", 2, "hour"),
        ("vor 3 Stunden", 3, "hour"),
        ("il y a 5 minutes", 5, "minute"),
        ("hace 2 días", 2, "day"),
        ("3 ore fa", 3, "hour"),
        ("há 2 horas", 2, "hour"),
        ("2 uur geleden", 2, "hour"),
        ("an hour ago", 1, "hour"),
        ("vor einer Stunde", 1, "hour"),
        ("il y a une heure", 1, "hour"),
        ("yesterday", 1, "day"),
    ],
)
def test_relative_phrases(text: str, amount: int, unit: str) -> None:
    rel = parse_relative(text)
    assert rel is not None and (rel.amount, rel.unit) == (amount, unit)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/news/2020/07/28/story.html", date(2020, 7, 28)),
        ("https://example.com/2020-11-26/story", date(2020, 11, 26)),
        ("https://example.com/2020/07/story", None),
        ("https://example.com/item/1628285861.html", None),
        ("https://metro.example/news/20240305/budget", date(2024, 3, 5)),
        ("https://metro.example/2024/13/45/x", None),
        ("https://metro.example/2024_03_05_budget.jpg?v=2020-01-01", date(2024, 3, 5)),
    ],
)
def test_url_dates(url: str, expected: date | None) -> None:
    assert url_date(url) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("© 2024 Metro Daily. All rights reserved.", 2024),
        ("Copyright 2019-2024 Metro Daily", 2024),
        ("The 2024 budget passed.", None),
        ("© Metro Daily Media Ltd 2024. All rights reserved.", 2024),
        ("Tous droits réservés © Société Métro 2024.", 2024),
        ("Copyright Jane Roe, 2009. Powered by a blog engine.", 2009),
        ("© Metro Daily 1996 - 2024", 2024),
        ("Metro Daily, 2019 © Todos los derechos reservados", 2019),
        ("2020 © Metro Daily Group", 2020),
        ("The copyright on the song expired in 1998 after decades.", None),
        ("© Thu Dec 10 10:10:50 GMT-03:00 2020 Metro", None),
        ("Founded in 1987, the club is a registered charity.", None),
        ("© photo: Jane Roe for the Metro Daily, who took it during the storm of 1998", None),
        ("© agency-feed, id:201227-99-820474/3", None),
    ],
)
def test_copyright_year(line: str, expected: int | None) -> None:
    assert copyright_year(line) == expected
