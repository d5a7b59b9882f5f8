"""What stands between him and his verb, or before both, is no subject of the verb: a
circumstance set off by commas that names another official ("Lavrov, during a meeting with
US Secretary of State Rex Tillerson, said"), and a participle opening the sentence
("Stressing the need for talks, Lavrov said", «Подчеркнув необходимость переговоров, Лавров
заявил»). The same sentences with another speaker are not his."""

from __future__ import annotations

import pytest
from test_speakers import analyse, assert_credited

SIDE_CLAUSES = {
    "en": (
        "Lavrov, during a meeting with US Secretary of State Rex Tillerson, said the United "
        "States was an uninvited guest in Syria.",
        "Tillerson, during a meeting with Foreign Minister Sergey Lavrov, said the United "
        "States would stay in Syria.",
    ),
    "ru": (
        "Лавров, в ходе встречи с госсекретарем США Рексом Тиллерсоном, заявил, что США "
        "незваный гость в Сирии.",
        "Тиллерсон, в ходе встречи с министром Сергеем Лавровым, заявил, что США останутся "
        "в Сирии.",
    ),
    "fa": (
        "لاوروف، در دیدار با وزیر خارجه آمریکا، گفت آمریکا مهمان ناخوانده در سوریه است.",
        "تیلرسون، در دیدار با سرگئی لاوروف، گفت آمریکا در سوریه می‌ماند.",
    ),
    "ar": (
        "لافروف، خلال لقائه وزير الخارجية الأمريكي، قال إن الولايات المتحدة ضيف غير مدعو في سوريا.",
        "تيلرسون، خلال لقائه سيرغي لافروف، قال إن الولايات المتحدة ستبقى في سوريا.",
    ),
}
PIECES = {
    "en": ("uninvited guest", "would stay"),
    "ru": ("незваный гость", "останутся"),
    "fa": ("مهمان ناخوانده", "می‌ماند"),
    "ar": ("ضيف غير مدعو", "ستبقى"),
}


@pytest.mark.parametrize("lang", ["en", "ru", "fa", "ar"])
def test_a_circumstance_between_the_subject_and_the_verb(lang):
    his_text, other_text = SIDE_CLAUSES[lang]
    his, other = PIECES[lang]
    assert_credited(analyse(his_text + " " + other_text + "\n", lang), [his], [other])


PARTICIPLES = {
    "en": (
        "Lavrov met the Turkish minister in Ankara. Stressing the need for talks, Lavrov said "
        "the grain corridor must open. Stressing the need for calm, Cavusoglu said Turkey "
        "would mediate.\n",
        ["corridor must open"],
        ["would mediate"],
    ),
    "ru": (
        "Лавров встретился с турецким коллегой. Подчеркнув необходимость переговоров, Лавров "
        "заявил, что зерновой коридор должен открыться. Подчеркнув важность диалога, Чавушоглу "
        "заявил, что Турция готова к посредничеству.\n",
        ["коридор должен открыться"],
        ["готова к посредничеству"],
    ),
}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_participle_opening_the_sentence(lang):
    text, his, not_his = PARTICIPLES[lang]
    assert_credited(analyse(text, lang), his, not_his)
