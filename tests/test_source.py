"""The Source column: the outlet that published an article, from metadata, its URL,
a source line or an agency credit, normalised to the outlet's usual name."""

from __future__ import annotations

import pytest

from diplomap.extract.source import find_source

CASES = [
    ("ar", "لافروف يحذر\nقال لافروف إن الوضع خطير.\nالمصدر: تاس\n", "TASS"),
    ("ar", "عنوان\nنقلا عن وكالة سبوتنيك، قال لافروف إن الحل سياسي.\n", "Sputnik"),
    (
        "ar",
        "عنوان\nموسكو (وكالة الشرق للأنباء) – قال لافروف إن الحل سياسي.\n",
        "وكالة الشرق للأنباء",
    ),
    ("ar", "عنوان\nقال لافروف إن الحل سياسي.\nالمصدر: وكالات\n", None),
    ("fa", "تیتر\nبه گزارش ایرنا از مسکو، لاوروف گفت روسیه آماده است.\n", "IRNA"),
    ("fa", "تیتر\nبه گزارش گروه بین‌الملل خبرگزاری صبح‌نگار، لاوروف گفت.\n", "خبرگزاری صبح‌نگار"),
    ("fa", "تیتر\nلاوروف گفت روسیه آماده است.\nمنبع: ایسنا\n", "ISNA"),
    ("ru", "Заголовок\nМОСКВА, 12 октября. /ТАСС/. Лавров заявил, что Россия готова.\n", "TASS"),
    ("ru", "Заголовок\nЛавров заявил, что Россия готова, — РИА Новости.\n", "RIA Novosti"),
    ("ru", "Главная / Политика / Ближний Восток\nЛавров заявил, что Россия готова.\n", None),
    ("ru", "Заголовок\nЛавров заявил.\nИсточник: «Коммерсантъ»\n", "Kommersant"),
    ("en", "Title\nDOHA (Reuters) - Lavrov said Russia was ready.\n", "Reuters"),
    ("en", "Title\nDOHA (Levant Wire) — Lavrov said Russia was ready.\n", "Levant Wire"),
    ("en", "Title\nLavrov said Russia was ready.\nSource: Al Jazeera\n", "Al Jazeera"),
    ("en", "Lavrov tells RT that Russia is ready\nLavrov said Russia was ready.\n", None),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_source_from_the_text(lang, text, expected):
    assert find_source(text) == expected


def test_metadata_and_url_come_first():
    text = "Title\nDOHA (Reuters) - Lavrov said Russia was ready.\n"
    assert find_source(text, metadata="Al Jazeera English") in ("Al Jazeera", "Al Jazeera English")
    assert find_source(text, metadata="My Blog") == "My Blog"
    assert find_source(text, url="https://www.tasnimnews.com/fa/news/1") == "Tasnim News Agency"
    assert find_source(text, url="https://unknown.example/a") == "Reuters"


def test_a_source_is_never_a_date_or_a_long_line():
    assert find_source("Title\nSource: 12.10.2015\nLavrov said.\n") is None
    assert find_source("Title\nSource: " + "word " * 30 + "\nLavrov said.\n") is None
