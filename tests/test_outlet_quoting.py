"""A newspaper or agency quoting him before his words ("ونقلت الصحيفة عن لافروف قوله إن",
"نقلت X قول لافروف", «Газета процитировала Лаврова», «... приводят слова Лаврова о том»,
«روزنامه ... به نقل از لاوروف نوشت», "The paper quoted Lavrov as saying") gives his words;
the same paper writing, commenting or judging in its own name does not, nor his
spokeswoman quoting him (her relaying)."""

from __future__ import annotations

from itertools import zip_longest

import pytest
from test_speakers import analyse, assert_credited

LANGS = ["ar", "fa", "ru", "en"]

QUOTED = {
    "ar": [
        "ونقلت الصحيفة عن لافروف قوله إن الضربات على اليمن تنتهك القانون الدولي.",
        "ونقلت «الوطن» قول لافروف إن الحوار مع واشنطن مجمد تماما.",
    ],
    "fa": ["روزنامه همشهری به نقل از لاوروف نوشت که حملات به یمن غیرقانونی است."],
    "ru": [
        "Газета процитировала Лаврова, заявившего, что удары по Йемену незаконны.",
        "«Известия» приводят слова Лаврова о том, что диалог с Вашингтоном заморожен.",
    ],
    "en": ["The newspaper quoted Lavrov as saying that the strikes on Yemen were illegal."],
}
PAPERS_OWN = {
    "ar": [
        "وكتبت الصحيفة أن حديث الوزير يطوي صفحة الرهان الأمريكي.",
        "وعلقت الصحيفة بأن الوزير تجنب الرد على السؤال.",
        "ورأت الصحيفة أن موسكو تريد أن تظهر للعواصم العربية أنها الطرف الوحيد.",
    ],
    "fa": ["روزنامه نوشت که سخنان وزیر پایان یک دوره را نشان می‌دهد."],
    "ru": ["Газета пишет, что слова министра закрывают целую эпоху."],
    "en": ["The paper wrote that the minister's words closed a whole chapter."],
}
LEADS = {
    "ar": "خصصت الصحف مساحات واسعة للمؤتمر الصحفي السنوي لوزير الخارجية الروسي سيرغي لافروف.",
    "fa": "روزنامه‌ها به نشست خبری سالانه وزیر خارجه روسیه سرگئی لاوروف پرداختند.",
    "ru": "Газеты подробно разобрали ежегодную пресс-конференцию министра иностранных дел России Сергея Лаврова.",
    "en": "Newspapers gave wide coverage to the annual press conference of Russian Foreign Minister Sergey Lavrov.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_an_outlet_quoting_him_gives_his_words_and_its_own_comment_is_not(lang):
    paragraphs = [LEADS[lang]]
    for quoted, own in zip_longest(QUOTED[lang], PAPERS_OWN[lang]):
        paragraphs += [p for p in (quoted, own) if p]
    rows = analyse("\n\n".join(paragraphs) + "\n", lang)
    assert_credited(
        rows,
        [q[10:40] for q in QUOTED[lang]],
        [o[5:35] for o in PAPERS_OWN[lang]] + [LEADS[lang][:20]],
    )


SPOKESWOMAN = {
    "ar": (
        "قالت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا إن الطائرات ستقلع خلال ساعات. "
        "ونقلت عن لافروف قوله إن روسيا ستكون إلى جانب لبنان في هذه المحنة.",
        "ستكون إلى جانب لبنان",
    ),
    "ru": (
        "Официальный представитель МИД Мария Захарова сообщила, что самолеты вылетят через "
        "несколько часов. Она процитировала Лаврова, заявившего, что Россия будет рядом с Ливаном.",
        "будет рядом с Ливаном",
    ),
}


@pytest.mark.parametrize("lang", sorted(SPOKESWOMAN))
def test_his_spokeswoman_quoting_him_is_her_relaying(lang):
    text, fragment = SPOKESWOMAN[lang]
    assert_credited(analyse(text + "\n", lang), [], [fragment])


# "According to this newspaper, Lavrov said ...": the paper is the messenger, he speaks;
# "according to this newspaper" alone is the paper's own account
MESSENGER = {
    "fa": (
        "به نوشته این روزنامه، لاوروف در وین گفت که توافق هسته‌ای به نفع همه است.",
        "به نوشته این روزنامه، سیاست مسکو در قبال تهران تغییر کرده است.",
    ),
    "ar": (
        "وبحسب هذه الصحيفة، قال لافروف في فيينا إن الاتفاق النووي في مصلحة الجميع.",
        "وبحسب هذه الصحيفة، تغيرت سياسة موسكو تجاه طهران.",
    ),
    "ru": (
        "По данным этой газеты, Лавров заявил в Вене, что ядерная сделка выгодна всем.",
        "По данным этой газеты, политика Москвы в отношении Тегерана изменилась.",
    ),
    "en": (
        "According to the same newspaper, Lavrov said in Vienna that the nuclear deal benefits all.",
        "According to the same newspaper, Moscow's policy towards Tehran has changed.",
    ),
}


@pytest.mark.parametrize("lang", sorted(MESSENGER))
def test_this_newspaper_as_messenger(lang):
    his, papers = MESSENGER[lang]
    assert_credited(analyse(his + "\n", lang), [his[-25:-1]], [])
    assert_credited(analyse(papers + "\n", lang), [], [papers[-25:-1]])
