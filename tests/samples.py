"""Small constructed articles in the four languages, shared by the engine's tests.

Each sample says what a correct extraction must and must not contain. They are written
for these tests (not copied from the bundled corpus) and use the patterns real news uses:
a headline, a dateline, reported and quoted speech, a sentence by somebody else, and a
trailing "read also" block naming countries that the story itself does not mention.
"""

from __future__ import annotations

SAMPLES = {
    "en": {
        "text": (
            "Lavrov urges new talks on Syria\n"
            "MOSCOW, February 13, 2024 - Russian Foreign Minister Sergey Lavrov said on Tuesday "
            "that Russia was ready to help Syria and Turkey restore their relations. "
            '"We support the Astana format and the work of the Constitutional Committee," '
            "Lavrov told reporters in Moscow. He added that the situation in the Gaza Strip "
            "demanded an immediate ceasefire.\n"
            "Israel's foreign minister said later that Iran remained the main threat.\n"
            "Read more:\n"
            "Greece and Cyprus sign a gas pipeline deal\n"
        ),
        "published": "2024-02-13",
        "countries": {"RUS", "SYR", "TUR", "PSE", "ISR", "IRN"},
        "absent": {"GRC", "CYP"},
        "lavrov_countries": {"RUS", "SYR", "TUR", "PSE"},
        "not_lavrov": "Israel's foreign minister",
        "issues": {"syria", "gaza"},
    },
    "ru": {
        "text": (
            "Лавров: Россия готова к диалогу по Сирии\n"
            "Министр иностранных дел России Сергей Лавров 13 февраля 2024 года заявил, что Москва "
            "поддерживает политическое урегулирование в Сирии на основе резолюции 2254 Совета "
            "Безопасности ООН. Он добавил, что положение в секторе Газа вызывает серьезную тревогу.\n"
            "Официальный представитель Госдепартамента США заявил, что Вашингтон не видит "
            "оснований для диалога с Ираном.\n"
            "Читайте также:\n"
            "Президент Греции посетил Кипр\n"
        ),
        "published": "2024-02-13",
        "countries": {"RUS", "SYR", "PSE", "USA", "IRN"},
        "absent": {"GRC", "CYP"},
        "lavrov_countries": {"RUS", "SYR", "PSE"},
        "not_lavrov": "Госдепартамента",
        "issues": {"syria", "gaza", "security_council"},
    },
    "ar": {
        "text": (
            "لافروف يدعو إلى تسوية في سوريا\n"
            "تاريخ النشر: الثلاثاء 13 شباط 2024\n"
            "قال وزير الخارجية الروسي سيرغي لافروف إن روسيا مستعدة لمساعدة سوريا وتركيا على "
            "تطبيع العلاقات بينهما. وأضاف أن الوضع في قطاع غزة يتطلب وقفا فوريا لإطلاق النار.\n"
            "من جهته، قال وزير الخارجية الإسرائيلي إن إيران تشكل التهديد الرئيسي.\n"
            "اقرأ أيضا:\n"
            "اليونان وقبرص توقعان اتفاقا لنقل الغاز\n"
        ),
        "published": "2024-02-13",
        "countries": {"RUS", "SYR", "TUR", "PSE", "ISR", "IRN"},
        "absent": {"GRC", "CYP"},
        "lavrov_countries": {"RUS", "SYR", "TUR", "PSE"},
        "not_lavrov": "الإسرائيلي",
        "issues": {"gaza"},
    },
    "fa": {
        "text": (
            "لاوروف: روسیه آماده گفت‌وگو درباره سوریه است\n"
            "به گزارش خبرگزاری، سرگئی لاوروف وزیر امور خارجه روسیه روز سه‌شنبه ۲۴ بهمن ۱۴۰۲ گفت "
            "که مسکو از روند آستانه برای حل بحران سوریه حمایت می‌کند. وی افزود که وضعیت نوار غزه "
            "نگران‌کننده است.\n"
            "سخنگوی وزارت خارجه آمریکا گفت که واشنگتن با ایران گفت‌وگو نمی‌کند.\n"
            "برچسب‌ها:\n"
            "یونان قبرس\n"
        ),
        "published": "2024-02-13",
        "countries": {"RUS", "SYR", "PSE", "USA", "IRN"},
        "absent": {"GRC", "CYP"},
        "lavrov_countries": {"RUS", "SYR", "PSE"},
        "not_lavrov": "سخنگوی وزارت خارجه آمریکا",
        "issues": {"syria", "gaza"},
    },
}

LANGS = sorted(SAMPLES)
