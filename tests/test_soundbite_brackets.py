"""Broadcast scripts whose soundbites are marked in brackets: the marker with the
speaker's caption inside the brackets ("(صدای لاوروف، با ترجمه)") or after them
("(СИНХРОН) Сергей Лавров, министр ...: «...»", "(SOUNDBITE) (Russian) RUSSIAN FOREIGN
MINISTER, SERGEI LAVROV, SAYING:"). His soundbite is his words until the next label;
another speaker's soundbite, the anchor's and the correspondent's lines are not."""

from __future__ import annotations

import pytest
from test_speakers import analyse, assert_credited

# caption inside the brackets, the words in the next paragraph
SCRIPTS = {
    "ar": (
        "المذيعة: نبدأ من موسكو حيث استقبل وزير الخارجية الروسي ضيفه اللبناني.\n\n"
        "المراسل: امتد اللقاء ساعتين في قصر الضيافة التابع للخارجية الروسية.\n\n"
        "(مقتطف صوتي – لافروف، مترجَم)\n\n"
        '"ندعم تشكيل حكومة قادرة على إخراج لبنان من أزمته. هذا شأن اللبنانيين وحدهم."\n\n'
        "المراسل: في المقابل حمل الضيف ملفا عن أعداد النازحين.\n\n"
        "(مقتطف صوتي – الضيف اللبناني)\n\n"
        '"طلبنا من موسكو المساعدة في عودة النازحين إلى سوريا."\n'
    ),
    "fa": (
        "مجری: سلام، با مرور مهم‌ترین خبرها در خدمت شما هستیم.\n\n"
        "خبرنگار: وزیر خارجه روسیه امروز به حمله‌های بامداد واکنش نشان داد.\n\n"
        "(صدای لاوروف، با ترجمه)\n\n"
        "«این حمله‌ها نقض آشکار منشور سازمان ملل است. پیشنهادهای خود را به تهران داده‌ایم.»\n\n"
        "خبرنگار: سخنگوی کرملین هم درباره این حمله‌ها سخن گفت.\n\n"
        "(صدای پسکوف، با ترجمه)\n\n"
        "«این حمله‌ها هیچ مبنای حقوقی در عراق و سوریه ندارند.»\n"
    ),
    "ru": (
        "ВЕДУЩИЙ: Переговоры министров в Москве продолжались почти три часа.\n\n"
        "КОРРЕСПОНДЕНТ: Совместной пресс-конференции не было, министры вышли к журналистам "
        "по отдельности.\n\n"
        "(СИНХРОН) Сергей Лавров, министр иностранных дел России: «Япония должна признать "
        "итоги Второй мировой войны в полном объеме».\n\n"
        "Все остальное, по его словам, предмет переговоров.\n\n"
        "(СИНХРОН) Таро Коно, министр иностранных дел Японии (перевод): «Мы откровенно "
        "изложили позиции по Курилам».\n"
    ),
    "en": (
        "ANCHOR: The Russian and Turkish foreign ministers met in Ankara on Wednesday.\n\n"
        "CORRESPONDENT: The talks lasted three hours behind closed doors.\n\n"
        "(SOUNDBITE) (Russian) RUSSIAN FOREIGN MINISTER, SERGEI LAVROV, SAYING:\n\n"
        '"The ships can leave the ports of Ukraine tomorrow. Nobody is stopping them."\n\n'
        "(SOUNDBITE) (Turkish) TURKISH FOREIGN MINISTER, MEVLUT CAVUSOGLU, SAYING:\n\n"
        '"We consider the plan of the United Nations reasonable."\n'
    ),
}

FRAGMENTS = {
    "ar": (
        ["إخراج لبنان من أزمته", "شأن اللبنانيين وحدهم"],
        ["طلبنا من موسكو", "امتد اللقاء ساعتين", "نبدأ من موسكو"],
    ),
    "fa": (
        ["نقض آشکار منشور", "پیشنهادهای خود را به تهران"],
        ["هیچ مبنای حقوقی", "با مرور مهم‌ترین خبرها"],
    ),
    "ru": (
        ["итоги Второй мировой войны"],
        ["Мы откровенно изложили", "продолжались почти три часа"],
    ),
    "en": (
        ["leave the ports of Ukraine", "Nobody is stopping them"],
        ["plan of the United Nations", "lasted three hours"],
    ),
}


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_his_bracketed_soundbite_is_his_and_anothers_is_not(lang):
    his, not_his = FRAGMENTS[lang]
    assert_credited(analyse(SCRIPTS[lang], lang), his, not_his)


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_a_soundbite_of_his_deputy_is_not_his(lang):
    """Only another speaker's bracketed soundbite (his name as a possessor or none):
    nothing is his."""
    other = {
        "ar": "(مقتطف صوتي – نائب لافروف)",
        "fa": "(صدای معاون لاوروف)",
        "ru": "(СИНХРОН) Сергей Рябков, заместитель Лаврова:",
        "en": "(SOUNDBITE) (Russian) LAVROV'S DEPUTY, SERGEI RYABKOV, SAYING:",
    }[lang]
    quote = {
        "ar": '"الحوار مع واشنطن مجمد."',
        "fa": "«گفت‌وگو با واشنگتن متوقف است.»",
        "ru": "«Диалог с Вашингтоном заморожен».",
        "en": '"The dialogue with Washington is frozen."',
    }[lang]
    rows = analyse(f"{other}\n\n{quote}\n", lang)
    assert all(r[1] is None for r in rows), rows
