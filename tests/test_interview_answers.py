"""An interview of him by an outlet whose questions carry the outlet's label ("TBS:",
«Народное слово»:, "هفت صبح:") and whose answers carry his label only now and then: an
unlabelled paragraph after a question is his answer, a question (also one without a
question mark) is never his, and a note in brackets ("(The interview has been edited
...)") is nobody's words."""

from __future__ import annotations

import pytest
from test_speakers import analyse, assert_credited

INTERVIEWS = {
    "en": (
        "Ahead of his visit, the minister answered written questions from the paper.\n\n"
        "TBS: This is the first visit in years. What do you expect from it?\n\n"
        "Lavrov: Frankly, the visit is overdue.\n\n"
        "TBS: Bangladesh hosts a million refugees from Myanmar. Can Moscow help?\n\n"
        "We support the safe return of refugees through dialogue between Dhaka and Naypyidaw.\n\n"
        "TBS: Western sanctions have complicated payments for the power plant.\n\n"
        "Lavrov: The project is on schedule and payments are settled.\n\n"
        "(The interview has been edited for length and clarity.)\n"
    ),
    "ru": (
        "Накануне визита министр ответил на вопросы газеты.\n\n"
        "«Народное слово»: Как вы оцениваете уровень отношений?\n\n"
        "С.Лавров: Отношения носят характер стратегического партнерства.\n\n"
        "«Народное слово»: Как Москва выстраивает отношения с Кабулом?\n\n"
        "Мы исходим из реальности и ждем от Кабула инклюзивного правительства.\n\n"
        "«Народное слово»: Западные страны грозят компаниям вторичными санкциями.\n\n"
        "С.Лавров: Это откровенный шантаж.\n\n"
        "(Интервью публикуется в сокращении.)\n"
    ),
    "fa": (
        "وزیر امور خارجه روسیه پیش از سفر به پرسش‌های روزنامه پاسخ داد.\n\n"
        "هفت صبح: آقای وزیر، مذاکرات وین متوقف مانده است. پاسخ شما چیست؟\n\n"
        "لاوروف: امروز توپ در زمین واشنگتن است.\n\n"
        "هفت صبح: ترکیه تهدید به عملیات تازه در شمال سوریه کرده است. آیا نشست تهران مانع "
        "آن می‌شود؟\n\n"
        "راه‌حل، گفت‌وگو میان آنکارا و دمشق است و ما آماده کمک هستیم.\n\n"
        "هفت صبح: نشست سران کشورهای حاشیه خزر هفته آینده برگزار می‌شود.\n\n"
        "لاوروف: هیچ نیروی نظامی خارجی نباید در دریای خزر حضور داشته باشد.\n\n"
        "(این گفت‌وگو کوتاه شده است.)\n"
    ),
    "ar": (
        "أجاب وزير الخارجية الروسي قبيل زيارته عن أسئلة الصحيفة.\n\n"
        "الشروق: كيف تقيمون العلاقات بين البلدين؟\n\n"
        "لافروف: العلاقات تمر بأفضل مراحلها.\n\n"
        "الشروق: هل تدعم موسكو الحوار بين دمشق وأنقرة؟\n\n"
        "نعم، الحل هو الحوار بين أنقرة ودمشق ونحن مستعدون للمساعدة.\n\n"
        "الشروق: الدول الغربية تهدد الشركات بعقوبات ثانوية.\n\n"
        "لافروف: هذا ابتزاز صريح.\n\n"
        "(تم اختصار المقابلة.)\n"
    ),
}

FRAGMENTS = {
    "en": (
        ["the visit is overdue", "between Dhaka and Naypyidaw", "on schedule"],
        ["What do you expect", "Can Moscow help", "complicated payments", "edited for length"],
    ),
    "ru": (
        ["стратегического партнерства", "инклюзивного правительства", "откровенный шантаж"],
        ["Как вы оцениваете", "отношения с Кабулом", "вторичными санкциями", "в сокращении"],
    ),
    "fa": (
        ["توپ در زمین واشنگتن", "میان آنکارا و دمشق", "دریای خزر حضور"],
        ["پاسخ شما چیست", "نشست تهران مانع", "هفته آینده برگزار", "کوتاه شده است"],
    ),
    "ar": (
        ["بأفضل مراحلها", "الحوار بين أنقرة ودمشق", "ابتزاز صريح"],
        ["كيف تقيمون", "هل تدعم موسكو", "بعقوبات ثانوية", "تم اختصار المقابلة"],
    ),
}


@pytest.mark.parametrize("lang", ["en", "ru", "fa", "ar"])
def test_unlabelled_answers_of_an_interview_of_him_alone(lang):
    his, not_his = FRAGMENTS[lang]
    assert_credited(analyse(INTERVIEWS[lang], lang), his, not_his)


@pytest.mark.parametrize("lang", ["en", "ru", "fa", "ar"])
def test_with_another_speaker_an_unlabelled_answer_stays_unassigned(lang):
    """A second speaker's label among the turns (a joint interview): the paragraph after a
    question may be either's answer, so it is not credited to him."""
    other = {
        "en": "Sybiha: We need guarantees.",
        "ru": "Х.Фидан: Нам нужны гарантии.",
        "fa": "عراقچی: ما به تضمین نیاز داریم.",
        "ar": "الشيباني: نحتاج إلى ضمانات.",
    }[lang]
    parts = INTERVIEWS[lang].split("\n\n")
    text = "\n\n".join([*parts[:3], other, *parts[3:]])
    unlabelled = FRAGMENTS[lang][0][1]
    assert_credited(analyse(text, lang), [FRAGMENTS[lang][0][0]], [unlabelled])
