"""Boilerplate cutting, sentence splitting and attribution to Lavrov (diplomap.text)."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest

from diplomap.extract.boilerplate import find_boilerplate
from diplomap.extract.sentences import Sentence, split_sentences
from diplomap.extract.speakers import Attribution, attribute_speakers
from diplomap.normalize import detect_language

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def remaining(text: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for a, b in spans:
        out.append(text[last:a])
        last = b
    out.append(text[last:])
    return "".join(out)


def texts(text: str, sentences: list[Sentence]) -> list[str]:
    return [text[s.start : s.end] for s in sentences]


def analyse(text: str, lang: str) -> list[tuple[str, str | None, str | None]]:
    sents = split_sentences(text, lang, find_boilerplate(text, lang))
    atts = attribute_speakers(text, sents, lang)
    return [(text[s.start : s.end], a.speaker, a.kind) for s, a in zip(sents, atts, strict=True)]


# --- boilerplate ----------------------------------------------------------------------

BOILERPLATE = {
    "ar": (
        "لافروف: روسيا مستعدة للحوار\n"
        "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده تدعم حل الدولتين في فلسطين.\n"
        "سبوتنيك\n"
        "إقرأ أيضاً: السيسي يستقبل وزير خارجية قطر\n"
        "وأضاف أن الوضع في سوريا خطير ويتطلب حلا سياسيا عاجلا.\n"
        "الوضع في ليبيا\n"
        "وتحدث لافروف عن ليبيا أيضا وقال إن الحوار الوطني هو الحل الوحيد الممكن.\n"
        "الصورة: وزارة الخارجية الروسية\n"
        "المصدر: تاس\n"
        "كلمات دلالية: لافروف روسيا السودان\n"
        "الأكثر قراءة\n"
        "ترامب يهاجم الصين\n"
        "رئيس وزراء اليونان يستقبل وفدا\n"
    ),
    "fa": (
        "لاوروف: روسیه آماده گفت‌وگو با ایران است\n"
        "سرگئی لاوروف وزیر امور خارجه روسیه گفت مسکو از توافق هسته‌ای ایران حمایت می‌کند.\n"
        "Sputnik\n"
        "پوتین با اردوغان در آنکارا دیدار کرد\n"
        "وی افزود که روسیه با عربستان در زمینه امنیت خلیج فارس همکاری می‌کند.\n"
        "گفت‌وگو با مقامات جدید سوریه\n"
        "لاوروف همچنین گفت روسیه با مقامات جدید سوریه تماس دارد و آماده همکاری است.\n"
        "همچنین بخوانید:\n"
        "کاهش قیمت نفت در بازار جهانی\n"
        "برچسبها: لاوروف، روسیه، مصر\n"
        "بحث و گفتگو\n"
        "نظر کاربر درباره چین و ژاپن\n"
    ),
    "ru": (
        "Лавров: Россия готова к диалогу с Израилем\n"
        "Министр иностранных дел России Сергей Лавров заявил, что Москва поддерживает диалог "
        "Израиля и Палестины.\n"
        "ИА Регнум\n"
        "Читайте также: Захарова прокомментировала ситуацию в Ливане\n"
        "Он добавил, что ситуация в Сирии остается сложной и требует внимания.\n"
        "По теме Ирана министр высказался осторожно, отметив важность ядерной сделки.\n"
        "Фото: МИД России\n"
        "Источник: ТАСС\n"
        "Теги: Лавров, Израиль, Египет\n"
        "Самое читаемое\n"
        "Путин встретился с президентом Турции\n"
        "© 2024 РИА Новости. Все права защищены.\n"
    ),
    "en": (
        "Lavrov says Russia ready for talks on Gaza\n"
        "Russian Foreign Minister Sergei Lavrov said on Tuesday that Moscow was ready to "
        "host talks between Israel and the Palestinians.\n"
        "AFP\n"
        "Iran nuclear talks stall in Vienna\n"
        "He added that the situation in Syria remained difficult.\n"
        "Related to this, Lavrov said Russia would keep working with Egypt.\n"
        "Photo: Reuters\n"
        "Tags: Lavrov, Russia, Gaza\n"
        "Most read\n"
        "Saudi Arabia announces new oil deal\n"
        "Japan wins the cup\n"
        "Share this\n"
        "© 2024 News Corp. All rights reserved.\n"
    ),
}
MUST_CUT = {
    "ar": ["سبوتنيك", "السيسي", "الصورة:", "المصدر:", "السودان", "الأكثر", "الصين", "اليونان"],
    "fa": ["Sputnik", "اردوغان", "بخوانید", "نفت", "مصر", "بحث و گفتگو", "چین"],
    "ru": ["ИА Регнум", "Ливане", "Фото:", "Источник", "Египет", "Самое", "Турции", "права"],
    "en": ["AFP", "Iran", "Photo:", "Tags", "Most read", "Saudi", "Japan", "Share", "rights"],
}
MUST_KEEP = {
    "ar": [
        "لافروف: روسيا",
        "حل الدولتين",
        "وأضاف أن الوضع في سوريا",
        "الوضع في ليبيا\n",
        "الحوار الوطني",
    ],
    "fa": [
        "لاوروف: روسیه",
        "توافق هسته‌ای",
        "وی افزود",
        "گفت‌وگو با مقامات جدید سوریه\n",
        "تماس دارد",
    ],
    "ru": ["Лавров: Россия", "Палестины", "Он добавил", "По теме Ирана"],
    "en": ["Lavrov says", "Palestinians", "He added", "Related to this, Lavrov"],
}


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_boilerplate_cuts_furniture_and_keeps_the_story(lang):
    text = BOILERPLATE[lang]
    spans = find_boilerplate(text, lang)
    assert spans == sorted(spans)
    assert all(a < b and b <= c for (a, b), (c, _d) in itertools.pairwise(spans))
    rest = remaining(text, spans)
    for s in MUST_CUT[lang]:
        assert s not in rest, s
    for s in MUST_KEEP[lang]:
        assert s in rest, s


@pytest.mark.parametrize(
    ("lang", "text", "kept", "cut"),
    [
        # a trailing "read also" followed by another outlet's article: all of it is cut
        (
            "ar",
            "لافروف يؤكد دعم روسيا لسوريا\n"
            "أكد وزير الخارجية الروسي سيرغي لافروف دعم بلاده لوحدة سوريا وسيادتها الكاملة.\n"
            "وأضاف أن الحل السياسي هو الطريق الوحيد للخروج من الأزمة في البلاد.\n"
            "اقرأ ايضا\n"
            "مجلس الأمن يعقد جلسة حول اليمن\n"
            "نيويورك/وكالات يعقد مجلس الأمن الدولي يوم الاثنين جلسة حول الوضع في لبنان "
            "واليمن والسودان، بحضور عدد كبير من المندوبين والخبراء الدوليين المعنيين بالملف.\n",
            ["الحل السياسي"],
            ["اقرأ", "اليمن", "لبنان"],
        ),
        # a "read also" early in the story: the story resumes after the headline
        (
            "en",
            "Lavrov meets Safadi\n"
            "Russian Foreign Minister Sergei Lavrov met Jordan's Ayman Safadi in Moscow.\n"
            "Read also:\n"
            "Iran nuclear talks stall\n"
            "The two ministers discussed the situation in Iraq and the wider region, and agreed "
            "to keep in close touch over the coming months on all of these questions.\n"
            "The talks lasted three hours and ended with a joint press conference in the "
            "Russian capital, where both sides praised the level of cooperation.\n"
            "Lavrov said Moscow valued its partnership with Amman and wanted more trade.\n",
            ["situation in Iraq", "three hours", "Lavrov said Moscow"],
            ["Read also", "Iran nuclear"],
        ),
        # "to be continued" ends the text; a copyright line early is a single line
        (
            "fa",
            "لاوروف: همکاری با ترکیه ادامه دارد\n"
            "لاوروف گفت روسیه همکاری با ترکیه را ادامه می‌دهد.\n"
            "وی افزود که مسکو خواهان ثبات در قفقاز است.\n"
            "تکمیل می شود...\n"
            "آخرین اخبار ایران و ژاپن\n",
            ["ترکیه را", "قفقاز"],
            ["تکمیل", "ژاپن"],
        ),
    ],
)
def test_boilerplate_blocks(lang, text, kept, cut):
    rest = remaining(text, find_boilerplate(text, lang))
    for s in kept:
        assert s in rest, s
    for s in cut:
        assert s not in rest, s


def test_boilerplate_of_clean_text_is_empty():
    text = "Lavrov said Russia wanted peace.\nHe added that talks would continue.\n"
    assert find_boilerplate(text, "en") == []
    assert find_boilerplate("", "en") == []


# --- sentences ------------------------------------------------------------------------

SENTENCES = [
    (
        "en",
        "Lavrov: No alternative to talks\n"
        "Mr. Lavrov met Dr. Smith in the U.S. on Monday. S. Lavrov said growth was 3.5 percent. "
        'He said: "We are ready. We always were." Then he left! Did he? Yes... '
        "the end.\n\n"
        "1. First point of the plan. Second point.",
        [
            "Lavrov: No alternative to talks",
            "Mr. Lavrov met Dr. Smith in the U.S. on Monday.",
            "S. Lavrov said growth was 3.5 percent.",
            'He said: "We are ready. We always were."',
            "Then he left!",
            "Did he?",
            "Yes... the end.",
            "1. First point of the plan.",
            "Second point.",
        ],
        [0, 1, 1, 1, 1, 1, 1, 2, 2],
    ),
    (
        "ru",
        "Лавров заявил о готовности к диалогу\n"
        "С. В. Лавров прибыл в Москву в 2021 г. и выступил на ул. Арбат, т.е. в центре. "
        "«Мы готовы. Мы ждем», — сказал он. Сирия… Это сложный вопрос!\n"
        "Министр отметил, что переговоры продолжатся. Ответа пока нет.",
        [
            "Лавров заявил о готовности к диалогу",
            "С. В. Лавров прибыл в Москву в 2021 г. и выступил на ул. Арбат, т.е. в центре.",
            "«Мы готовы. Мы ждем», — сказал он.",
            "Сирия…",
            "Это сложный вопрос!",
            "Министр отметил, что переговоры продолжатся.",
            "Ответа пока нет.",
        ],
        [0, 1, 1, 1, 1, 2, 2],
    ),
    (
        "ar",
        "لافروف يؤكد دعم روسيا لسوريا\n"
        "التقى د. العيسى بالوزير، وبحثا الوضع في سوريا، والعراق، ولبنان. "
        'وقال لافروف: "نحن ندعم سوريا. لا بديل عن الحوار". هل هناك حل؟ نعم.\n'
        "وأضاف أن نسبة النمو بلغت ٣.٥ بالمئة في ٢٠٢٣.",
        [
            "لافروف يؤكد دعم روسيا لسوريا",
            "التقى د. العيسى بالوزير، وبحثا الوضع في سوريا، والعراق، ولبنان.",
            'وقال لافروف: "نحن ندعم سوريا. لا بديل عن الحوار".',
            "هل هناك حل؟",
            "نعم.",
            "وأضاف أن نسبة النمو بلغت ٣.٥ بالمئة في ٢٠٢٣.",
        ],
        [0, 1, 1, 1, 1, 2],
    ),
    (
        "fa",
        "لاوروف: روسیه آماده گفت‌وگو است.\n"
        "لاوروف گفت: «ما آماده‌ایم. تاکنون... پاسخی نیامده است.» وی افزود که تاریخ ۱۴۰۳.۱۰.۱۴ "
        "مهم است. آیا توافق ممکن است؟ بله!",
        [
            "لاوروف: روسیه آماده گفت‌وگو است.",
            "لاوروف گفت: «ما آماده‌ایم. تاکنون... پاسخی نیامده است.»",
            "وی افزود که تاریخ ۱۴۰۳.۱۰.۱۴ مهم است.",
            "آیا توافق ممکن است؟",
            "بله!",
        ],
        [0, 1, 1, 1, 1],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected", "paragraphs"), SENTENCES)
def test_split_sentences(lang, text, expected, paragraphs):
    sents = split_sentences(text, lang)
    assert texts(text, sents) == expected
    assert [s.paragraph for s in sents] == paragraphs


def test_split_sentences_skips_spans_and_joins_hard_wraps():
    text = (
        "Lavrov urges talks\n"
        "Russian Foreign Minister Sergei Lavrov said on Tuesday that\n"
        "talks must resume soon. He added more.\n"
        "Read also: unrelated story here\n"
        "He said the meeting in Moscow had been useful."
    )
    skip = find_boilerplate(text, "en")
    assert texts(text, split_sentences(text, "en", skip)) == [
        "Lavrov urges talks",
        "Russian Foreign Minister Sergei Lavrov said on Tuesday that\ntalks must resume soon.",
        "He added more.",
        "He said the meeting in Moscow had been useful.",
    ]
    # a skip span inside a line only removes that part
    line = "First sentence here. Read also: noise. Last sentence here."
    a = line.index("Read also")
    sents = split_sentences(line, "en", [(a, a + len("Read also: noise."))])
    assert texts(line, sents) == ["First sentence here.", "Last sentence here."]


def test_long_quote_is_split():
    long = " ".join(["Это очень длинная фраза."] * 40)
    text = f"Лавров сказал: «{long}»"
    assert len(split_sentences(text, "ru")) > 10


# --- attribution ----------------------------------------------------------------------

L = "Lavrov"
ATTRIBUTION = {
    "ar": (
        "لافروف: روسيا مستعدة للحوار مع إسرائيل\n"
        "قال وزير الخارجية الروسي سيرغي لافروف، اليوم الاثنين، إن بلاده تدعم حل الدولتين. "
        "وأضاف أن الوضع في غزة خطير.\n"
        'وتابع قائلا: "نحن ندعو إلى وقف إطلاق النار. لا بديل عن الحوار".\n'
        "وأشار لافروف إلى أن سوريا بحاجة إلى الدعم.\n"
        "من جهته، قال الصفدي إن الأردن يرفض التهجير.\n"
        "وأكد أن العراق شريك مهم.\n"
        "أكدت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا أن موسكو قلقة.\n"
        "وقال نائب وزير الخارجية الروسي ميخائيل بوغدانوف إن ليبيا تحتاج إلى حل سياسي.\n"
        "التقى لافروف بنظيره المصري في موسكو.\n"
        "وأكد الوزير الروسي أن اليمن يحتاج إلى هدنة.\n"
        "وأوضحت وزارة الخارجية الروسية أن الاتصالات مستمرة.\n"
        "وبحسب الوزير الروسي، فقد تمت مناقشة الوضع في السودان.\n",
        [
            ("لافروف: روسيا مستعدة للحوار مع إسرائيل", None, None),
            (
                "قال وزير الخارجية الروسي سيرغي لافروف، اليوم الاثنين، إن بلاده تدعم حل الدولتين.",
                L,
                "reported",
            ),
            ("وأضاف أن الوضع في غزة خطير.", L, "continuation"),
            ('وتابع قائلا: "نحن ندعو إلى وقف إطلاق النار. لا بديل عن الحوار".', L, "continuation"),
            ("وأشار لافروف إلى أن سوريا بحاجة إلى الدعم.", L, "reported"),
            ("من جهته، قال الصفدي إن الأردن يرفض التهجير.", None, None),
            ("وأكد أن العراق شريك مهم.", None, None),
            ("أكدت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا أن موسكو قلقة.", None, None),
            (
                "وقال نائب وزير الخارجية الروسي ميخائيل بوغدانوف إن ليبيا تحتاج إلى حل سياسي.",
                None,
                None,
            ),
            ("التقى لافروف بنظيره المصري في موسكو.", None, None),
            ("وأكد الوزير الروسي أن اليمن يحتاج إلى هدنة.", L, "reported"),
            ("وأوضحت وزارة الخارجية الروسية أن الاتصالات مستمرة.", None, None),
            ("وبحسب الوزير الروسي، فقد تمت مناقشة الوضع في السودان.", L, "reported"),
        ],
    ),
    "fa": (
        "لاوروف: روسیه آماده گفت‌وگو با ایران است\n"
        "به گزارش ایرنا، سرگئی لاوروف وزیر امور خارجه روسیه روز دوشنبه گفت: «ما از توافق "
        "هسته‌ای حمایت می‌کنیم. این توافق مهم است.»\n"
        "وی افزود که روسیه با عربستان همکاری می‌کند.\n"
        "وزیر خارجه روسیه تاکید کرد مسکو به حل بحران یمن متعهد است. ما آماده کمک هستیم.\n"
        "ماریا زاخارووا سخنگوی وزارت خارجه روسیه گفت که آمریکا مسئول بحران است.\n"
        "او افزود که واشنگتن باید تحریم‌ها را لغو کند.\n"
        "معاون وزیر خارجه روسیه گفت مذاکرات با عراق ادامه دارد.\n"
        "به گفته وزیرخارجه روسیه ، گفتگوی روسیه و اسرائیل ادامه دارد.\n"
        "این دیپلمات ارشد روس همچنین با بیان اینکه همه گروه‌ها باید شرکت کنند، گفت: «روسیه "
        "آماده کمک است.»\n"
        "لاوروف در مقاله خود می نویسد: «صلح ممکن است.»\n",
        [
            ("لاوروف: روسیه آماده گفت‌وگو با ایران است", None, None),
            (
                "به گزارش ایرنا، سرگئی لاوروف وزیر امور خارجه روسیه روز دوشنبه گفت: «ما از توافق "
                "هسته‌ای حمایت می‌کنیم. این توافق مهم است.»",
                L,
                "quote",
            ),
            ("وی افزود که روسیه با عربستان همکاری می‌کند.", L, "continuation"),
            ("وزیر خارجه روسیه تاکید کرد مسکو به حل بحران یمن متعهد است.", L, "reported"),
            ("ما آماده کمک هستیم.", L, "continuation"),
            ("ماریا زاخارووا سخنگوی وزارت خارجه روسیه گفت که آمریکا مسئول بحران است.", None, None),
            ("او افزود که واشنگتن باید تحریم‌ها را لغو کند.", None, None),
            ("معاون وزیر خارجه روسیه گفت مذاکرات با عراق ادامه دارد.", None, None),
            ("به گفته وزیرخارجه روسیه ، گفتگوی روسیه و اسرائیل ادامه دارد.", L, "reported"),
            (
                "این دیپلمات ارشد روس همچنین با بیان اینکه همه گروه‌ها باید شرکت کنند، گفت: «روسیه "
                "آماده کمک است.»",
                L,
                "quote",
            ),
            ("لاوروف در مقاله خود می نویسد: «صلح ممکن است.»", L, "quote"),
        ],
    ),
    "ru": (
        "Лавров: Россия готова к диалогу с Израилем\n"
        "Министр иностранных дел России Сергей Лавров заявил, что Москва готова к переговорам. "
        "«Мы открыты. Мы ждем ответа», — сказал он.\n"
        "Официальный представитель МИД России Мария Захарова заявила, что Израиль должен "
        "прекратить удары.\n"
        "«Мы не допустим эскалации», — заявил Лавров.\n"
        "По словам главы МИД России, Иран соблюдает договоренности.\n"
        "Замминистра иностранных дел России Сергей Рябков сказал, что Вашингтон ошибается.\n"
        "Он добавил, что санкции не работают.\n"
        "Лавров встретился с главой МИД Египта.\n"
        "МИД России заявил, что обеспокоен ситуацией в Ливии.\n"
        "Глава российского МИД подчеркнул, что Сирия должна сохранить единство.\n",
        [
            ("Лавров: Россия готова к диалогу с Израилем", None, None),
            (
                "Министр иностранных дел России Сергей Лавров заявил, что Москва готова к переговорам.",
                L,
                "reported",
            ),
            ("«Мы открыты. Мы ждем ответа», — сказал он.", L, "continuation"),
            (
                "Официальный представитель МИД России Мария Захарова заявила, что Израиль должен "
                "прекратить удары.",
                None,
                None,
            ),
            ("«Мы не допустим эскалации», — заявил Лавров.", L, "quote"),
            ("По словам главы МИД России, Иран соблюдает договоренности.", L, "reported"),
            (
                "Замминистра иностранных дел России Сергей Рябков сказал, что Вашингтон ошибается.",
                None,
                None,
            ),
            ("Он добавил, что санкции не работают.", None, None),
            ("Лавров встретился с главой МИД Египта.", None, None),
            ("МИД России заявил, что обеспокоен ситуацией в Ливии.", None, None),
            (
                "Глава российского МИД подчеркнул, что Сирия должна сохранить единство.",
                L,
                "reported",
            ),
        ],
    ),
    "en": (
        "Lavrov says Russia ready for talks on Gaza\n"
        "Russian Foreign Minister Sergei Lavrov said on Tuesday that Moscow was ready to host "
        'talks. "We are ready. We have always been ready," he said.\n'
        "He also said the U.S. was blocking a resolution at the U.N. Security Council.\n"
        "Mr. Lavrov met his Jordanian counterpart Ayman Safadi in Moscow. Safadi said Jordan "
        "supported a two-state solution.\n"
        '"There is no alternative to dialogue," Lavrov told reporters.\n'
        "He added that Syria must remain united.\n"
        "According to Lavrov, the situation in Libya is worsening.\n"
        "Kremlin spokesman Dmitry Peskov said Putin had no plans to visit Egypt.\n"
        "He added that the Kremlin would comment later.\n"
        "The Russian Foreign Ministry said in a statement that it was concerned about Yemen.\n"
        "Russia's top diplomat stressed that Iraq was a key partner.\n"
        "Deputy Foreign Minister Sergei Ryabkov said arms control was dead.\n",
        [
            ("Lavrov says Russia ready for talks on Gaza", None, None),
            (
                "Russian Foreign Minister Sergei Lavrov said on Tuesday that Moscow was ready to "
                "host talks.",
                L,
                "reported",
            ),
            ('"We are ready. We have always been ready," he said.', L, "continuation"),
            (
                "He also said the U.S. was blocking a resolution at the U.N. Security Council.",
                L,
                "continuation",
            ),
            ("Mr. Lavrov met his Jordanian counterpart Ayman Safadi in Moscow.", None, None),
            ("Safadi said Jordan supported a two-state solution.", None, None),
            ('"There is no alternative to dialogue," Lavrov told reporters.', L, "quote"),
            ("He added that Syria must remain united.", L, "continuation"),
            ("According to Lavrov, the situation in Libya is worsening.", L, "reported"),
            ("Kremlin spokesman Dmitry Peskov said Putin had no plans to visit Egypt.", None, None),
            ("He added that the Kremlin would comment later.", None, None),
            (
                "The Russian Foreign Ministry said in a statement that it was concerned about Yemen.",
                None,
                None,
            ),
            ("Russia's top diplomat stressed that Iraq was a key partner.", L, "reported"),
            ("Deputy Foreign Minister Sergei Ryabkov said arms control was dead.", None, None),
        ],
    ),
}


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_attribution(lang):
    text, expected = ATTRIBUTION[lang]
    assert analyse(text, lang) == expected


# The speaker named after what was said ("Об этом заявил Лавров") and unknown other speakers
BACKREF = [
    (
        "ru",
        "МОСКВА, 5 марта 2024. /ТАСС/. Россия готова содействовать прекращению огня в Газе. "
        "Об этом заявил министр иностранных дел РФ Сергей Лавров на переговорах в Москве.",
        ["Россия готова содействовать прекращению огня в Газе.", "Об этом заявил"],
        ["МОСКВА, 5 марта 2024."],
    ),
    (
        "ru",
        "Москва обеспокоена ситуацией в Ливане. Об этом заявила официальный представитель МИД "
        "Мария Захарова.",
        [],
        ["Москва обеспокоена", "Об этом заявила"],
    ),
    (
        "en",
        "Russia is ready to help end the war in Gaza. This was stated by Russian Foreign Minister "
        "Sergei Lavrov on Tuesday.",
        ["Russia is ready to help end the war in Gaza.", "This was stated"],
        [],
    ),
    (
        "en",
        "Russian Foreign Minister Sergei Lavrov said Moscow would help. Araghchi said Iran "
        "would not negotiate under pressure. The State Department declined to comment.",
        ["Russian Foreign Minister Sergei Lavrov said"],
        ["Araghchi said", "declined to comment"],
    ),
    (
        "fa",
        "عراقچی گفت ایران زیر فشار مذاکره نخواهد کرد. لاوروف همچنین درباره وضعیت سوریه ابراز "
        "نگرانی کرد و خواستار توقف حملات اسرائیل شد.",
        ["لاوروف همچنین"],
        ["عراقچی گفت"],
    ),
    (
        "ar",
        "إن روسيا تدعم وقف إطلاق النار في غزة وترفض التهجير القسري للفلسطينيين. "
        "جاء ذلك في تصريحات لوزير الخارجية الروسي سيرغي لافروف في موسكو.",
        ["إن روسيا تدعم وقف إطلاق النار", "جاء ذلك في تصريحات"],
        [],
    ),
    (
        "ar",
        "إن الأردن يرفض أي تهجير للفلسطينيين من قطاع غزة والضفة الغربية. "
        "جاء ذلك خلال لقاء الصفدي مع لافروف في موسكو.",
        [],
        ["إن الأردن يرفض", "جاء ذلك خلال لقاء"],
    ),
]


@pytest.mark.parametrize(("lang", "text", "his", "not_his"), BACKREF)
def test_speaker_named_after_the_words(lang, text, his, not_his):
    rows = analyse(text, lang)
    for fragment in his:
        assert _his(rows, fragment)[1] == L, fragment
    for fragment in not_his:
        assert _his(rows, fragment)[1] is None, fragment


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("ar", "لافروف يؤكد اعتزام روسيا عقد اجتماع"),
        ("fa", "لاوروف: روسیه آماده همکاری است"),
        ("ru", "Лавров заявил о готовности к переговорам"),
        ("en", "Lavrov: Russia will not back down"),
    ],
)
def test_headline_paraphrasing_him_is_not_his(lang, title):
    # ATTRIBUTION.md: a headline is the outlet's paraphrase, never his own words
    text = title + "\nSome text.\n"
    sents = split_sentences(text, lang)
    assert attribute_speakers(text, sents, lang)[0] == Attribution(None, None)


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("ar", "الخارجية الروسية: موسكو وواشنطن مهتمتان بالسلام"),
        ("fa", "دیدار وزیر خارجه ترکیه با لاوروف در مسکو"),
        ("ru", "Захарова: Лавров посетит Каир"),
        ("en", "Putin meets Lavrov in Moscow"),
    ],
)
def test_headline_not_by_lavrov(lang, title):
    text = title + "\nSome text.\n"
    sents = split_sentences(text, lang)
    assert attribute_speakers(text, sents, lang)[0] == Attribution(None, None)


def test_attribution_of_no_sentences():
    assert attribute_speakers("", [], "en") == []


# --- the bundled corpus -----------------------------------------------------------------


def _load(prefix: str) -> tuple[str, str]:
    path = next(ARTICLES.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, detect_language(text)


def _his(rows, fragment: str):
    hits = [r for r in rows if fragment in r[0]]
    assert hits, fragment
    return hits[0]


@pytest.mark.skipif(not ARTICLES.is_dir(), reason="bundled corpus missing")
def test_bundled_articles():
    # 000 (Persian): agency line, injected headline and comments cut; Lavrov throughout
    text, lang = _load("000")
    rest = remaining(text, find_boilerplate(text, lang))
    for cut in ("Sputnik", "قره باغ", "بحث و گفتگو"):
        assert cut not in rest
    rows = analyse(text, lang)
    assert rows[0][1:] == (None, None)  # the headline
    for frag in (
        "اعلام کرد",
        "می نویسد",
        "وی افزود",
        "اضافه می کند",
        "به گفته وزیرخارجه",
        "وی تصریح کرد",
        "خاطرنشان کرد",
        "خط مشی اصلی",
        "ما در روابط",
    ):
        assert _his(rows, frag)[1] == L, frag
    assert _his(rows, "وی افزود")[2] == "continuation"

    # 001 (Arabic): the ministry, an envoy and Guterres speak, never Lavrov
    text, lang = _load("001")
    rest = remaining(text, find_boilerplate(text, lang))
    assert "اليونان" not in rest and "الاكثر مشاهده" not in rest
    assert "واتفق المشاركون" in rest
    rows = analyse(text, lang)
    assert len(rows) >= 8
    assert all(r[1] is None for r in rows)

    # 002 (Persian): "to be continued" cut, the subheading kept, nearly all Lavrov's
    text, lang = _load("002")
    rest = remaining(text, find_boilerplate(text, lang))
    assert "تکمیل" not in rest
    assert "گفتوگو با مقامات جدید سوریه در مورد مسائل منطقهای\n" in rest
    rows = analyse(text, lang)
    subheading = _his(rows, "گفتوگو با مقامات جدید سوریه در مورد مسائل منطقهای")
    assert subheading[1] is None
    assert sum(r[1] == L for r in rows) == len(rows) - 1

    # 003 (Arabic): tags, "read also" and the other article cut; Kazakh spokesman not his
    text, lang = _load("003")
    rest = remaining(text, find_boilerplate(text, lang))
    for cut in ("لبنان", "كلمات دلالية", "إقرأ أيضاً", "المصدر: البوابة"):
        assert cut not in rest
    rows = analyse(text, lang)
    assert _his(rows, "سمادياروف")[1] is None
    assert _his(rows, "يُذكر أن لافروف")[1] is None
    assert rows[0][1:] == (None, None)  # the headline
    # all but the headline, the date line, background and the spokesman
    assert sum(r[1] == L for r in rows) >= len(rows) - 4

    # 004 (Arabic): footer lines cut, subheading kept, Lavrov speaks
    text, lang = _load("004")
    rest = remaining(text, find_boilerplate(text, lang))
    for cut in ("مجموعة الرؤية", "الصورة:", "المصدر: تاس"):
        assert cut not in rest
    assert "الوضع في سوريا\n" in rest
    rows = analyse(text, lang)
    assert _his(rows, "الوضع في سوريا")[1] is None
    for frag in ("كما صرّح", "وأضاف لافروف", "وقال:", "وتابع سيرغي", "وختم وزير"):
        assert _his(rows, frag)[1] == L, frag
    # all but the headline, the date line, background and the spokesman
    assert sum(r[1] == L for r in rows) >= len(rows) - 4


def test_long_single_line_is_linear():
    text = 'Lavrov said: "Yes. No." He left. ' * 6000  # 200 KB on one line
    t0 = time.perf_counter()
    rows = analyse(text, "en")
    assert len(rows) == 12000
    assert time.perf_counter() - t0 < 10.0  # linear: ~0.5 s; quadratic would take minutes


@pytest.mark.parametrize(
    ("text", "one", "two"),
    [
        (
            '"The war which was launched against us using Ukrainian people..." Mr Lavrov said, '
            "before he was interrupted. The hall laughed.\n",
            '"The war which was launched against us using Ukrainian people..." Mr Lavrov said, '
            "before he was interrupted.",
            "The hall laughed.",
        ),
        (
            '"Who are you to lecture me?" Lavrov asked. The aide did not reply.\n',
            '"Who are you to lecture me?" Lavrov asked.',
            "The aide did not reply.",
        ),
        (
            '"It is a priority for us." Lavrov said that Libyans must decide their future.\n',
            '"It is a priority for us."',
            "Lavrov said that Libyans must decide their future.",
        ),
    ],
)
def test_a_quotation_ending_on_its_own_stop_keeps_its_reporting_clause(text, one, two):
    """'"...?" Lavrov asked.': the clause is the quotation's; 'Lavrov said that ...' after
    a quotation is a sentence of its own."""
    assert texts(text, split_sentences(text, "en")) == [one, two]


@pytest.mark.parametrize(
    ("lang", "body", "heading", "items"),
    [
        (
            "ar",
            "قال لافروف إن روسيا تدعم الحوار. المزيد من الضحايا سقطوا في القصف.",
            "المزيد من عربي ودولي",
            ["- طهران تحذر من عواقب الحصار", "- الأردن يدعو إلى تحرك دولي"],
        ),
        (
            "fa",
            "لاوروف گفت روسیه از گفت‌وگو حمایت می‌کند.",
            "بیشتر از سیاست خارجی",
            ["- تهران درباره محاصره هشدار داد", "- اردن خواستار اقدام فوری شد"],
        ),
        (
            "ru",
            "Лавров заявил, что Россия поддерживает диалог.",
            "Ещё из рубрики «Политика»",
            ["- Тегеран предупредил о последствиях", "- Иордания призвала к действиям"],
        ),
        (
            "en",
            "Lavrov said Russia supported dialogue.",
            "More in World",
            ["- Tehran warns of consequences", "- Jordan calls for action"],
        ),
    ],
)
def test_a_more_from_the_section_heading_opens_a_link_list(lang, body, heading, items):
    text = "\n\n".join(["Lavrov", body * 3, heading, "\n".join(items)]) + "\n"
    left = remaining(text, find_boilerplate(text, lang))
    assert body in left
    for item in items:
        assert item not in left


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ar",
            'وقال لافروف: "نتمنى النجاح للقمة".وأعرب عن أمله في التسوية.وكشف أن القمة ستعقد.',
            [
                'وقال لافروف: "نتمنى النجاح للقمة".',
                "وأعرب عن أمله في التسوية.",
                "وكشف أن القمة ستعقد.",
            ],
        ),
        (
            "fa",
            "لاوروف گفت: «ما آماده‌ایم».وی افزود که گفت‌وگو ادامه دارد.",
            ["لاوروف گفت: «ما آماده‌ایم».", "وی افزود که گفت‌وگو ادامه دارد."],
        ),
        (
            "ru",
            "Лавров сказал: «Мы готовы».Он добавил, что диалог продолжится.",
            ["Лавров сказал: «Мы готовы».", "Он добавил, что диалог продолжится."],
        ),
        (
            "en",
            'Lavrov said "we are ready".He added that the talks would go on. The U.S."Embassy" shut.',
            [
                'Lavrov said "we are ready".',
                "He added that the talks would go on.",
                'The U.S."Embassy" shut.',
            ],
        ),
    ],
)
def test_a_lost_space_after_a_closing_quotation_mark_still_ends_the_sentence(lang, text, expected):
    """Scraped text loses the space after '".' ('للقمة".وأعرب'): a sentence ends there, as
    after two letters; initials and abbreviations ("U.S.") still do not end one."""
    assert texts(text, split_sentences(text, lang)) == expected


WRAPPED_PARAGRAPHS = {  # two paragraphs of the story, as a PDF or an e-mail wraps them
    "ar": (
        "قال وزير الخارجية الروسي سيرغي لافروف إن وقف إطلاق النار في جنوب غرب سوريا سيدخل حيز "
        "التنفيذ ظهر الأحد، موضحاً أن خبراء من روسيا والولايات المتحدة والأردن عملوا على تفاصيله "
        "في عمّان خلال الأسابيع الماضية، وأن الشرطة العسكرية الروسية ستتولى ضمان الأمن حول المنطقة.",
        "وأضاف أن إيصال المساعدات الإنسانية إلى السكان سيكون من أولويات المرحلة المقبلة، لافتاً إلى "
        "أن الاتفاق لا يشمل تنظيمي داعش وجبهة النصرة الإرهابيين في أي منطقة من مناطق الجنوب.",
    ),
    "fa": (
        "سرگئی لاوروف، وزیر خارجه روسیه، امروز در نشست بین‌المللی تاشکند گفت مأموریت بیست‌ساله "
        "امریکا و ناتو در افغانستان ناکام ماند و خروج شتاب‌زده این نیروها اوضاع را به مراتب "
        "وخیم‌تر کرده است و روسیه از متحدان خود در آسیای میانه دفاع خواهد کرد.",
        "وی افزود که طالبان اکنون بیش از دو سوم مرز افغانستان با تاجیکستان را در کنترل دارند و "
        "روسیه در صورت لزوم از همه امکانات پایگاه خود در تاجیکستان استفاده خواهد کرد.",
    ),
    "ru": (
        "Министр иностранных дел России Сергей Лавров заявил в Ашхабаде, что Москва поддерживает "
        "диалог между Турцией и Сирией, а любые действия на сирийской территории должны "
        "учитывать суверенитет Сирии и интересы курдского населения северо-восточных районов.",
        "Он добавил, что Россия готова содействовать контактам Дамаска и Анкары на основе "
        "Аданского соглашения 1998 года и что эта тема будет обсуждаться в Астане.",
    ),
    "en": (
        "Russian Foreign Minister Sergey Lavrov told the General Assembly on Saturday that "
        "Western governments were trying to fight to victory with a nuclear power and that any "
        "settlement in Ukraine would have to reflect the realities on the ground there.",
        "He added that Washington had given Israel a license to kill in Gaza and warned that "
        "Lebanon was being pushed toward the same catastrophe by the strikes of the last weeks.",
    ),
}


@pytest.mark.parametrize("lang", sorted(WRAPPED_PARAGRAPHS))
@pytest.mark.parametrize("width", [60, 72, 98])
def test_hard_wraps_are_joined_in_every_script(lang, width):
    import textwrap

    paragraphs = [*WRAPPED_PARAGRAPHS[lang], WRAPPED_PARAGRAPHS[lang][1]]
    text = "\n\n".join(textwrap.fill(p, width) for p in paragraphs) + "\n"
    sents = split_sentences(text, lang)
    assert len({s.paragraph for s in sents}) == 3  # each paragraph one block, not a line each
    joined = [" ".join(text[s.start : s.end].split()) for s in sents]
    for paragraph in paragraphs:
        assert " ".join(paragraph.split()) in " ".join(joined)
    atts = attribute_speakers(text, sents, lang)
    assert all(a.speaker == "Lavrov" for a in atts), list(zip(joined, atts, strict=True))


@pytest.mark.parametrize("lang", sorted(WRAPPED_PARAGRAPHS))
def test_headlines_over_long_unwrapped_paragraphs_stay_apart(lang):
    # a live blog's entries: a headline line, then its paragraph on one long line
    first, second = WRAPPED_PARAGRAPHS[lang]
    entries = [f"{second[:55].rsplit(' ', 1)[0]}\n{first}" for _ in range(5)]
    text = "\n\n".join(entries) + "\n"
    sents = split_sentences(text, lang)
    heads = [s for s in sents if text[s.start : s.end] == entries[0].split("\n")[0]]
    assert len(heads) == 5  # each headline a sentence (and paragraph) of its own


@pytest.mark.parametrize(
    ("lang", "line", "goes_on"),
    [
        ("fa", "جنوبی: ارتباطات منطقه‌ای» در تاشکند گفت", True),  # a word and a colon
        ("ar", "الجنوبي: الذي تحدث عنه الوزير", True),
        ("ru", "Востока: об этом заявил министр", True),
        ("en", "East: that is what the minister said", True),
        ("fa", "- میزبان: ازبکستان", False),  # a bullet
        ("ar", "[صورة] بوتين وترامب يتصافحان", False),  # a caption
        ("ru", "1. Снятие санкций", False),  # a numbered item
        ("en", "│ Host: Uzbekistan", False),  # a box's border
    ],
)
def test_what_goes_on_a_wrapped_line(lang, line, goes_on):
    from diplomap.extract.sentences import _wrapped

    before = "x" * 70 + " a line as long as the text's width, cut in the middle of its"
    assert _wrapped(before, line, width=len(before)) is goes_on


@pytest.mark.parametrize("lang", sorted(WRAPPED_PARAGRAPHS))
def test_a_print_pages_two_column_widths_are_still_wrapped(lang):
    import textwrap

    first, second = WRAPPED_PARAGRAPHS[lang]
    page_one = "\n\n".join(textwrap.fill(p, 98) for p in (first, second))
    head = f"12 | {'World':<30}  The Paper | 6 December 2017 | No. 5214"
    page_two = "\n\n".join(textwrap.fill(p, 80) for p in (second, first, second))
    text = f"{page_one}\n{'.' * 98}\n\n{head}\n\n{page_two}\n"
    sents = split_sentences(text, lang)
    blocks = {s.paragraph for s in sents if text[s.start : s.end] not in head}
    assert len(blocks) == 5  # five wrapped paragraphs, each one block


BROKEN_NAMES = {  # a name and a term cut by a hard-wrapped line
    "ar": (
        "وزار الوزير الولايات\nالمتحدة أمس.",
        "USA",
        "بأن موسكو لم تتدخل في الانتخابات\nالرئاسية الأميركية.",
    ),
    "fa": (
        "وزیر به ایالات\nمتحده سفر کرد.",
        "USA",
        "او هرگونه دخالت در انتخابات\nآمریکا را رد کرد.",
    ),
    "ru": (
        "Министр посетил Саудовскую\nАравию.",
        "SAU",
        "Он отверг вмешательство в выборы\nв США.",
    ),
    "en": (
        "The minister visited Saudi\nArabia.",
        "SAU",
        "He denied any interference in the US\nelection.",
    ),
}


@pytest.mark.parametrize("lang", sorted(BROKEN_NAMES))
def test_names_and_terms_cut_by_a_wrapped_line_are_found(lang):
    from diplomap.extract.issues import find_issues
    from diplomap.extract.places import find_places
    from diplomap.normalize import normalize_text

    place_text, iso3, issue_text = BROKEN_NAMES[lang]
    assert iso3 in {m.iso3 for m in find_places(normalize_text(place_text), lang)}
    assert "us_russia" in {m.issue for m in find_issues(normalize_text(issue_text), lang)}
    apart = issue_text.replace("\n", "\n\n")  # a paragraph break is no wrapped line
    assert "us_russia" not in {m.issue for m in find_issues(normalize_text(apart), lang)}


@pytest.mark.parametrize("lang", sorted(WRAPPED_PARAGRAPHS))
def test_a_story_run_into_one_line_is_split(lang):
    first, second = WRAPPED_PARAGRAPHS[lang]
    text = f"{first} {second} {first} © Outlet"  # no line break at all, no final stop
    sents = split_sentences(text, lang)
    assert len(sents) >= 3
    atts = attribute_speakers(text, sents, lang)
    assert atts[0].speaker == "Lavrov"
