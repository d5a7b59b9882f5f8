"""Wire-copy phrasings met in real published reporting: verbs of urging and appealing
(حث، ناشد) and the collective called on right after such a verb ("ودعا المجتمع الدولي
إلى": whom he calls on, not the speaker), a continuation whose words open with a
subordinate clause ("وأضاف عندما ..."), his title with رأس for رئيس, "the Russian
diplomat" after a Russian envoy named after his verb (Arabic's order: "قال المبعوث الخاص
للرئيس الروسي ..."), a Persian spelling of his name without its و (لاورف), the name Ali
(علي, as على "on" is written once normalised) with his surname before the words said,
the subject between كان and an imperfect verb ("كان بلينكن يكرر"), the outlet's narration of
an arrival after a time set off by a comma ("وفي وقت سابق من اليوم، وصل ترامب"), "the head of
the foreign policy department" (a translation of his Russian title) for "the minister", a
Russian outlet quoting him after his words («...», — цитирует Сергея Лаврова ТАСС; not his
spokeswoman quoting him).
Each is his after him and not his after somebody else."""

from __future__ import annotations

import pytest
from test_speakers import analyse, assert_credited

CASES = [
    (
        "ar",
        "أجرى وزير الخارجية الروسي سيرغي لافروف محادثات في موسكو. وحث الوزير الروسي مجددا على "
        "الإسراع في تشكيل حكومة لبنانية. وناشد المجتمع الدولي دعم عودة النازحين.",
        ["الإسراع في تشكيل حكومة", "دعم عودة النازحين"],
        ["محادثات في موسكو"],
    ),
    (
        "ar",
        "قال لافروف إن روسيا تدعم الحوار. ودعا المجتمع الدولي إلى دعم عودة النازحين. وطالب "
        "الدول الغربية برفع العقوبات.",
        ["عودة النازحين", "برفع العقوبات"],
        [],
    ),
    (
        "ar",
        "قال وزير الخارجية الإيراني إن بلاده مستعدة للحوار. ودعا المجتمع الدولي إلى دعم عودة "
        "النازحين.",
        [],
        ["مستعدة للحوار", "عودة النازحين"],
    ),
    (
        "ar",
        "قالت المتحدثة باسم الخارجية الروسية إن الاجتماع مهم. وحثت الأطراف على ضبط النفس.",
        [],
        ["الاجتماع مهم", "ضبط النفس"],
    ),
    (
        "ar",
        "قال لافروف إن روسيا تدعم الحوار مع طهران. وأضاف عندما تنفذ إيران التزاماتها سترفع "
        "العقوبات.",
        ["تدعم الحوار", "تنفذ إيران التزاماتها"],
        [],
    ),
    (
        "ar",
        "قال لافروف إن روسيا تدعم الحوار. وقال وزير الخارجية الإيراني إن بلاده مستعدة. وأضاف "
        "عندما يلتزم الغرب سنلتزم.",
        ["تدعم الحوار"],
        ["بلاده مستعدة", "يلتزم الغرب"],
    ),
    (
        "ar",
        "وصل لافروف إلى القاهرة. وأكد رأس الدبلوماسية الروسية أن الحرب في غزة يجب أن تتوقف.",
        ["الحرب في غزة"],
        ["وصل لافروف"],
    ),
    (
        "ar",
        "قال لافروف إن روسيا تدعم الحوار. وقال المبعوث الخاص للرئيس الروسي إلى الشرق الأوسط "
        "ميخائيل بوغدانوف إن موسكو تعمل على تقريب وجهات النظر. وأضاف الدبلوماسي الروسي أن عودة "
        "سوريا إلى الجامعة العربية مسألة وقت.",
        ["تدعم الحوار"],
        ["تقريب وجهات النظر", "مسألة وقت"],
    ),
    (
        "ar",
        "قال لافروف إن روسيا تدعم الحوار. وقال علي لاريجاني إن طهران مستعدة للتفاوض. وقال علي "
        "أكبر ولايتي إن الاتفاق ممكن.",
        ["تدعم الحوار"],
        ["مستعدة للتفاوض", "الاتفاق ممكن"],
    ),
    (
        "ar",
        "قال لافروف إن روسيا تدعم الحوار. وقال على هامش القمة إن موسكو مستعدة للوساطة. وأكد "
        "على أن الحل سياسي.",
        ["تدعم الحوار", "مستعدة للوساطة", "الحل سياسي"],
        [],
    ),
    (
        "ar",
        "قال لافروف إن المجلس أصيب بالشلل. في المقابل، كان أنتوني بلينكن يكرر في كل عاصمة "
        "يزورها أن لإسرائيل الحق في الدفاع عن نفسها. وكان لافروف يكرر في كل مناسبة أن الحل "
        "سياسي.",
        ["أصيب بالشلل", "الحل سياسي"],
        ["الحق في الدفاع"],
    ),
    (
        "ar",
        "قال لافروف إن الحل في غزة سياسي. وفي وقت سابق من اليوم الاثنين، وصل ترامب إلى إسرائيل "
        "وألقى خطابا في الكنيست.",
        ["الحل في غزة"],
        ["وألقى خطابا"],
    ),
    (
        "en",
        "Lavrov said the deal was dead. The head of the foreign policy department believes the "
        "West broke it. Chinese Foreign Minister Wang Yi said the talks were useful. The head of "
        "the foreign policy department believes the sides should keep talking.",
        ["deal was dead", "the West broke it"],
        ["talks were useful", "keep talking"],
    ),
    (
        "ru",
        "Лавров провел переговоры в Москве. «Мы не примем никаких ультиматумов», — цитирует "
        "Сергея Лаврова ТАСС. «Диалог возможен только на равных», — приводит слова министра "
        "РИА Новости. «Мы готовы к посредничеству», — цитирует ТАСС Мевлюта Чавушоглу. «Мы не "
        "будем отвечать», — цитирует Лаврова Мария Захарова.",
        ["никаких ультиматумов", "только на равных"],
        ["готовы к посредничеству", "не будем отвечать"],
    ),
    (
        "fa",
        "آقای لاورف در نشست خبری گفت: «آنچه اهمیت دارد حفظ برجام است.» او افزود مسکو آماده "
        "میانجیگری است.",
        ["حفظ برجام", "آماده میانجیگری"],
        [],
    ),
]


@pytest.mark.parametrize(("lang", "text", "his", "not_his"), CASES)
def test_wire_phrasings(lang, text, his, not_his):
    assert_credited(analyse(text + "\n", lang), his, not_his)
