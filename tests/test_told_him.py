"""Another minister who tells him something in a meeting or a call speaks his own words,
also when a pronoun stands for Lavrov as the one told («به او گفت» is "told him", not
"he said"), and the next "he added" goes on with that minister."""

from __future__ import annotations

import pytest
from test_speakers import analyse, row_of

CASES = {
    "fa": (
        "سرگئی لاوروف در مجمع عمومی گفت که روسیه بازگشت تحریم‌ها را به رسمیت نمی‌شناسد.\n\n"
        "عباس عراقچی، وزیر خارجه ایران، در دیدار با لاوروف به او گفت که تهران «پاسخ "
        "متناسب» خواهد داد. وی افزود که همکاری با آژانس معنای گذشته را ندارد.\n",
        ["بازگشت تحریم‌ها را به رسمیت"],
        ["پاسخ متناسب", "معنای گذشته را ندارد"],
    ),
    "en": (
        "Sergey Lavrov told the General Assembly that Russia did not recognise the sanctions.\n\n"
        "Abbas Araghchi, Iran's foreign minister, met Lavrov and told him that Tehran would "
        "give a proportionate response. He added that cooperation with the agency had lost "
        "its meaning.\n",
        ["did not recognise the sanctions"],
        ["proportionate response", "lost its meaning"],
    ),
    "ru": (
        "Сергей Лавров заявил на Генассамблее, что Россия не признает возврата санкций.\n\n"
        "Глава МИД Ирана Аббас Аракчи на встрече с Лавровым сказал ему, что Тегеран даст "
        "соразмерный ответ. Он добавил, что сотрудничество с агентством утратило смысл.\n",
        ["не признает возврата санкций"],
        ["соразмерный ответ", "утратило смысл"],
    ),
    "ar": (
        "قال سيرغي لافروف أمام الجمعية العامة إن روسيا لا تعترف بإعادة العقوبات.\n\n"
        "وقال وزير الخارجية الإيراني عباس عراقجي للافروف خلال لقائهما إن طهران سترد ردا "
        "متناسبا. وأضاف أن التعاون مع الوكالة فقد معناه.\n",
        ["لا تعترف بإعادة العقوبات"],
        ["ردا متناسبا", "فقد معناه"],
    ),
}


@pytest.mark.parametrize("lang", ["fa", "en", "ru", "ar"])
def test_the_minister_who_told_him_speaks_his_own_words(lang):
    text, his, not_his = CASES[lang]
    rows = analyse(text, lang)
    for fragment in his:
        assert row_of(rows, fragment)[1] == "Lavrov", fragment
    for fragment in not_his:
        assert row_of(rows, fragment)[1] is None, fragment


def test_a_minister_named_in_a_list_under_a_plural_title_is_a_minister():
    """«главы МИД Азербайджана Джейхун Байрамов, Армении Арарат Мирзоян, Турции Хакан
    Фидан»: each listed name is a minister, so «Министр также подчеркнул» after Mirzoyan
    spoke is Mirzoyan, not Lavrov (Russian: the lists of the news in Latin script name
    their ministers one by one)."""
    text = (
        "В Тегеране прошла встреча «3+3». В ней участвовали главы МИД Азербайджана Джейхун "
        "Байрамов, Армении Арарат Мирзоян, Турции Хакан Фидан, России и Ирана.\n\n"
        "Сергей Лавров заявил, что решения для Южного Кавказа должны приниматься в регионе.\n\n"
        "Арарат Мирзоян сообщил, что Ереван направил Баку свои предложения. Министр также "
        "подчеркнул, что Армения готова открыть дороги при уважении суверенитета.\n"
    )
    rows = analyse(text, "ru")
    assert row_of(rows, "приниматься в регионе")[1] == "Lavrov"
    assert row_of(rows, "направил Баку")[1] is None
    assert row_of(rows, "готова открыть дороги")[1] is None
