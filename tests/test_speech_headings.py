"""Joint transcripts whose speakers' words stand under headings instead of labels (a
foreign ministry's page: "Remarks by Minister X", then "Remarks by Sergey Lavrov", then
"Questions and answers" and labelled turns): his heading opens his remarks, another's
heading opens theirs, the headings and the crosshead are nobody's words."""

from __future__ import annotations

import pytest
from test_speakers import analyse, row_of

JOINT = {
    "en": (
        "The two ministers held a joint news conference in Tehran after their talks. The full "
        "text follows:\n\n"
        "Remarks by Foreign Minister Hossein Amir-Abdollahian\n\n"
        "I welcome my colleague and his delegation. The crimes in Gaza were at the centre of "
        "our talks, and we warned that the region is close to an explosion.\n\n"
        "Remarks by Sergey Lavrov, Foreign Minister of the Russian Federation\n\n"
        "I thank our Iranian friends for their hospitality. We regret the absence of Georgia "
        "but keep the door open for Tbilisi.\n\n"
        "On Gaza, the collective punishment of millions of people is unacceptable.\n\n"
        "Questions and answers\n\n"
        "Question: Is there a risk of a wider war?\n\n"
        "Sergey Lavrov: The risk is real, and we are worried about the border of Lebanon.\n"
    ),
    "ru": (
        "Министры провели совместную пресс-конференцию в Тегеране по итогам переговоров. "
        "Приводим полный текст:\n\n"
        "Выступление Министра иностранных дел Ирана Х.Амир-Абдоллахиана\n\n"
        "Приветствую моего коллегу и его делегацию. Преступления в Газе были в центре наших "
        "переговоров, и мы предупредили, что регион близок к взрыву.\n\n"
        "Выступление Министра иностранных дел России С.В.Лаврова\n\n"
        "Благодарю иранских друзей за гостеприимство. Сожалеем об отсутствии Грузии, но "
        "дверь для Тбилиси остается открытой.\n\n"
        "Что касается Газы, коллективное наказание миллионов людей недопустимо.\n\n"
        "Вопросы и ответы\n\n"
        "Вопрос: Есть ли риск большой войны?\n\n"
        "С.В.Лавров: Риск реален, и нас особенно беспокоит граница Ливана.\n"
    ),
    "ar": (
        "عقد الوزيران مؤتمرا صحفيا مشتركا في طهران بعد محادثاتهما. وفي ما يلي النص الكامل:\n\n"
        "كلمة وزير الخارجية الإيراني حسين أمير عبد اللهيان\n\n"
        "أرحب بزميلي والوفد المرافق له. كانت الجرائم في غزة محور محادثاتنا، وحذرنا من أن "
        "المنطقة على شفا الانفجار.\n\n"
        "كلمة وزير الخارجية الروسي سيرغي لافروف\n\n"
        "أشكر أصدقاءنا الإيرانيين على حسن الضيافة. نأسف لغياب جورجيا لكننا نبقي الباب "
        "مفتوحا أمام تبليسي.\n\n"
        "أما بشأن غزة، فإن العقاب الجماعي لملايين البشر أمر غير مقبول.\n\n"
        "الأسئلة والأجوبة\n\n"
        "سؤال: هل هناك خطر حرب أوسع؟\n\n"
        "سيرغي لافروف: الخطر حقيقي، ونحن قلقون بشكل خاص من الحدود مع لبنان.\n"
    ),
    "fa": (
        "دو وزیر پس از گفت‌وگوها در تهران در نشست خبری مشترکی شرکت کردند. متن کامل به شرح زیر "
        "است:\n\n"
        "سخنان دکتر حسین امیرعبداللهیان، وزیر امور خارجه جمهوری اسلامی ایران\n\n"
        "به همکار گرامی‌ام و هیئت همراه خوش‌آمد می‌گویم. جنایات در غزه محور گفت‌وگوهای ما بود "
        "و هشدار دادیم که منطقه در آستانه انفجار است.\n\n"
        "سخنان سرگئی لاوروف، وزیر امور خارجه فدراسیون روسیه\n\n"
        "از میزبانی دوستان ایرانی سپاسگزارم. از غیبت گرجستان متأسفیم، اما در را برای تفلیس "
        "باز نگه می‌داریم.\n\n"
        "درباره غزه، مجازات جمعی میلیون‌ها انسان پذیرفتنی نیست.\n\n"
        "پرسش و پاسخ\n\n"
        "پرسش: آیا خطر جنگی گسترده‌تر وجود دارد؟\n\n"
        "سرگئی لاوروف: این خطر واقعی است و ما به‌ویژه نگران مرز لبنان هستیم.\n"
    ),
}

# (his remarks, his answer, the other minister's remarks, the headings and crosshead, the
# outlet's introduction)
FRAGMENTS = {
    "en": (
        ["our Iranian friends", "keep the door open for Tbilisi", "collective punishment"],
        ["The risk is real"],
        ["I welcome my colleague", "close to an explosion"],
        ["Remarks by Foreign Minister", "Remarks by Sergey Lavrov", "Questions and answers"],
        ["held a joint news conference"],
    ),
    "ru": (
        ["иранских друзей", "для Тбилиси", "коллективное наказание"],
        ["Риск реален"],
        ["Приветствую моего коллегу", "близок к взрыву"],
        ["Выступление Министра иностранных дел Ирана", "России С.В.Лаврова", "Вопросы и ответы"],
        ["провели совместную пресс-конференцию"],
    ),
    "ar": (
        ["أصدقاءنا الإيرانيين", "مفتوحا أمام تبليسي", "العقاب الجماعي"],
        ["الخطر حقيقي"],
        ["أرحب بزميلي", "على شفا الانفجار"],
        ["كلمة وزير الخارجية الإيراني", "كلمة وزير الخارجية الروسي", "الأسئلة والأجوبة"],
        ["عقد الوزيران مؤتمرا"],
    ),
    "fa": (
        ["دوستان ایرانی سپاسگزارم", "برای تفلیس", "مجازات جمعی"],
        ["این خطر واقعی است"],
        ["به همکار گرامی‌ام", "در آستانه انفجار"],
        ["سخنان دکتر حسین", "سخنان سرگئی لاوروف", "پرسش و پاسخ"],
        ["دو وزیر پس از"],
    ),
}


@pytest.mark.parametrize("lang", ["en", "ru", "ar", "fa"])
def test_speakers_headings_in_a_joint_transcript(lang):
    rows = analyse(JOINT[lang], lang)
    remarks, answers, others, headings, intro = FRAGMENTS[lang]
    for fragment in remarks:
        assert row_of(rows, fragment)[1:] == ("Lavrov", "remarks", "transcript_heading"), fragment
    for fragment in answers:
        assert row_of(rows, fragment)[1:] == ("Lavrov", "answer", "transcript_label"), fragment
    for fragment in [*others, *headings, *intro]:
        assert row_of(rows, fragment)[1] is None, fragment


@pytest.mark.parametrize("lang", ["en", "ru", "ar", "fa"])
def test_his_heading_first_then_the_other_ministers(lang):
    """The order reversed: his heading first, then the other minister's heading ends his
    remarks (no label anywhere)."""
    text = JOINT[lang]
    parts = text.split("\n\n")
    # intro, other heading, other words, his heading, his words x2, crosshead, Q, A
    reordered = [parts[0], parts[3], parts[4], parts[5], parts[1], parts[2]]
    rows = analyse("\n\n".join(reordered) + "\n", lang)
    remarks, _answers, others, headings, intro = FRAGMENTS[lang]
    for fragment in remarks:
        assert row_of(rows, fragment)[1] == "Lavrov", fragment
    for fragment in [*others, *headings[:2], *intro]:
        assert row_of(rows, fragment)[1] is None, fragment


@pytest.mark.parametrize("lang", ["en", "ru", "ar", "fa"])
def test_a_lone_heading_of_another_speaker_is_no_transcript_of_his(lang):
    """Only another minister's heading and words: nothing is his."""
    parts = JOINT[lang].split("\n\n")
    rows = analyse("\n\n".join(parts[:3]) + "\n", lang)
    assert all(r[1] is None for r in rows), rows


# A web page's main text comes without its headline: the title names the transcript
PAGE_TITLES = {
    "en": "Transcript of Sergey Lavrov's news conference in New York",
    "ru": "Стенограмма пресс-конференции Лаврова в Нью-Йорке",
    "ar": "نص المؤتمر الصحفي لسيرغي لافروف في نيويورك",
    "fa": "متن نشست خبری سرگئی لاوروف در نیویورک",
}
PAGE_BODIES = {
    "en": (
        "We publish the transcript of the minister's news conference with small cuts.\n\n"
        "Good evening. The week was busy: we held more than thirty bilateral meetings.\n\n"
        "We consider the European move against Iran legally void.\n\n"
        "Question: Will cooperation with Tehran continue?\n\n"
        "Sergey Lavrov: It will continue.\n",
        ["The week was busy", "legally void", "It will continue"],
        ["We publish the transcript", "Will cooperation with Tehran"],
    ),
    "ru": (
        "Публикуем с небольшими сокращениями стенограмму пресс-конференции министра.\n\n"
        "Добрый вечер. Неделя была насыщенной: мы провели больше тридцати встреч.\n\n"
        "Считаем шаг европейцев против Ирана юридически ничтожным.\n\n"
        "Вопрос: Продолжится ли сотрудничество с Тегераном?\n\n"
        "С.В.Лавров: Продолжится.\n",
        ["Неделя была насыщенной", "юридически ничтожным", "Продолжится."],
        ["Публикуем с небольшими", "Продолжится ли сотрудничество"],
    ),
    "ar": (
        "ننشر نص المؤتمر الصحفي للوزير مع اختصارات طفيفة.\n\n"
        "مساء الخير. كان الأسبوع حافلا، فقد عقدنا أكثر من ثلاثين لقاء ثنائيا.\n\n"
        "نعتبر الخطوة الأوروبية ضد إيران باطلة قانونيا.\n\n"
        "سؤال: هل سيستمر التعاون مع طهران؟\n\n"
        "سيرغي لافروف: سيستمر.\n",
        ["كان الأسبوع حافلا", "باطلة قانونيا", "سيستمر."],
        ["ننشر نص المؤتمر", "هل سيستمر التعاون"],
    ),
    "fa": (
        "متن نشست خبری وزیر را با اندکی تلخیص منتشر می‌کنیم.\n\n"
        "عصر بخیر. هفته پرکاری بود و بیش از سی دیدار دوجانبه داشتیم.\n\n"
        "اقدام اروپایی‌ها علیه ایران را از نظر حقوقی باطل می‌دانیم.\n\n"
        "پرسش: آیا همکاری با تهران ادامه می‌یابد؟\n\n"
        "سرگئی لاوروف: ادامه می‌یابد.\n",
        ["هفته پرکاری بود", "از نظر حقوقی باطل", "لاوروف: ادامه"],
        ["متن نشست خبری وزیر", "آیا همکاری با تهران"],
    ),
}


@pytest.mark.parametrize("lang", ["en", "ru", "ar", "fa"])
def test_a_pages_title_is_the_heading_of_its_transcript(lang):
    """The page's text opens with the outlet's note, the headline naming his news
    conference is the page's title: his unlabelled opening remarks after the greeting are
    his, the note and the question are not."""
    from diplomap.extract.boilerplate import find_boilerplate
    from diplomap.extract.sentences import split_sentences
    from diplomap.extract.speakers import attribute_speakers

    text, his, not_his = PAGE_BODIES[lang]
    sents = split_sentences(text, lang, find_boilerplate(text, lang))
    atts = attribute_speakers(text, sents, lang, title=PAGE_TITLES[lang])
    rows = [(text[s.start : s.end], a.speaker) for s, a in zip(sents, atts, strict=True)]
    for fragment in his:
        assert row_of(rows, fragment)[1] == "Lavrov", fragment
    for fragment in not_his:
        assert row_of(rows, fragment)[1] is None, fragment
    # without the title, the opening remarks have no heading naming him
    untitled = attribute_speakers(text, sents, lang)
    opening = next(i for i, s in enumerate(sents) if his[0] in text[s.start : s.end])
    assert untitled[opening].speaker is None
