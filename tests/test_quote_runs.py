"""A quotation that runs over several paragraphs: opened in one, closed in a later one with
the reporting clause before its opening ("Lavrov said: "...") or after its closing mark
('... ," Lavrov said.'). Every paragraph inside the marks is his; another speaker's run,
a mark left open and narration after a run are not."""

from __future__ import annotations

import pytest
from test_speakers import analyse, assert_credited

from diplomap.extract.quote_runs import quotation_runs
from diplomap.extract.sentences import split_sentences

LANGS = ["ar", "fa", "ru", "en"]

# The words in three paragraphs, his reporting clause after the closing mark; English
# opens each continued paragraph again with a mark, the others may not
CLOSED_BY_HIM = {
    "ar": (
        "التقى لافروف الصحفيين في موسكو بعد المحادثات.\n\n"
        '"على واشنطن أن تفهم أن الضغط لا يجدي نفعا. هذا موقفنا المبدئي.\n\n'
        "لن نقبل بأي إملاءات من الخارج.\n\n"
        'سنسعى إلى رفع العقوبات عن إيران"، قال لافروف.\n\n'
        "وتستأنف المحادثات في جنيف الشهر المقبل.\n"
    ),
    "fa": (
        "لاوروف پس از گفت‌وگوها با خبرنگاران دیدار کرد.\n\n"
        "«واشنگتن باید بفهمد که فشار جواب نمی‌دهد. این موضع اصولی ماست.\n\n"
        "ما هیچ دیکته‌ای را از بیرون نمی‌پذیریم.\n\n"
        "ما برای لغو تحریم‌های ایران تلاش خواهیم کرد»، لاوروف در ادامه گفت.\n\n"
        "گفت‌وگوها ماه آینده در ژنو ادامه می‌یابد.\n"
    ),
    "ru": (
        "Лавров встретился с журналистами после переговоров.\n\n"
        "«Вашингтон должен понять, что давление не работает. Это наша принципиальная позиция.\n\n"
        "Никаких диктатов извне мы не примем.\n\n"
        "Мы будем добиваться снятия санкций с Ирана», — подчеркнул глава МИД РФ.\n\n"
        "Переговоры продолжатся в Женеве в следующем месяце.\n"
    ),
    "en": (
        "Lavrov met reporters after the talks.\n\n"
        '"Washington must understand that pressure does not work. This is our principled '
        "position.\n\n"
        '"We will not accept any dictates from outside.\n\n'
        '"We will seek the lifting of sanctions on Iran," Lavrov said.\n\n'
        "The talks will resume in Geneva next month.\n"
    ),
}
CLOSED_FRAGMENTS = {
    "ar": (
        ["الضغط لا يجدي نفعا", "هذا موقفنا المبدئي", "أي إملاءات من الخارج", "رفع العقوبات"],
        ["التقى لافروف الصحفيين", "وتستأنف المحادثات"],
    ),
    "fa": (
        ["فشار جواب نمی‌دهد", "این موضع اصولی ماست", "هیچ دیکته‌ای", "لغو تحریم‌های ایران"],
        ["با خبرنگاران دیدار کرد", "ماه آینده در ژنو"],
    ),
    "ru": (
        ["давление не работает", "принципиальная позиция", "диктатов извне", "снятия санкций"],
        ["встретился с журналистами", "продолжатся в Женеве"],
    ),
    "en": (
        ["pressure does not work", "principled position", "dictates from outside", "sanctions on"],
        ["met reporters after", "resume in Geneva"],
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_his_reporting_clause_after_the_closing_mark_credits_the_whole_run(lang):
    his, not_his = CLOSED_FRAGMENTS[lang]
    assert_credited(analyse(CLOSED_BY_HIM[lang], lang), his, not_his)


# His reporting clause before the opening mark, the closing mark two paragraphs later
OPENED_BY_HIM = {
    "ar": (
        "التقى لافروف الصحفيين في موسكو بعد المحادثات.\n\n"
        'وقال لافروف: "على واشنطن أن تفهم أن الضغط لا يجدي نفعا.\n\n'
        'سنسعى إلى رفع العقوبات عن إيران. وسوريا أيضا تستحق الدعم."\n\n'
        "وتستأنف المحادثات في جنيف الشهر المقبل.\n"
    ),
    "fa": (
        "لاوروف پس از گفت‌وگوها با خبرنگاران دیدار کرد.\n\n"
        "لاوروف گفت: «واشنگتن باید بفهمد که فشار جواب نمی‌دهد.\n\n"
        "ما برای لغو تحریم‌های ایران تلاش خواهیم کرد. سوریه هم سزاوار کمک است.»\n\n"
        "گفت‌وگوها ماه آینده در ژنو ادامه می‌یابد.\n"
    ),
    "ru": (
        "Лавров встретился с журналистами после переговоров.\n\n"
        "Лавров заявил: «Вашингтон должен понять, что давление не работает.\n\n"
        "Мы будем добиваться снятия санкций с Ирана. Сирия тоже заслуживает помощи».\n\n"
        "Переговоры продолжатся в Женеве в следующем месяце.\n"
    ),
    "en": (
        "Lavrov met reporters after the talks.\n\n"
        'Lavrov said: "Washington must understand that pressure does not work.\n\n'
        '"We will seek the lifting of sanctions on Iran. Syria too deserves relief."\n\n'
        "The talks will resume in Geneva next month.\n"
    ),
}
OPENED_FRAGMENTS = {
    "ar": (["الضغط لا يجدي نفعا", "رفع العقوبات", "وسوريا أيضا"], ["وتستأنف المحادثات"]),
    "fa": (["فشار جواب نمی‌دهد", "لغو تحریم‌های ایران", "سوریه هم"], ["ماه آینده در ژنو"]),
    "ru": (["давление не работает", "снятия санкций", "Сирия тоже"], ["продолжатся в Женеве"]),
    "en": (["pressure does not work", "sanctions on Iran", "Syria too"], ["resume in Geneva"]),
}


@pytest.mark.parametrize("lang", LANGS)
def test_his_reporting_clause_before_the_opening_mark_credits_the_whole_run(lang):
    his, not_his = OPENED_FRAGMENTS[lang]
    assert_credited(analyse(OPENED_BY_HIM[lang], lang), his, not_his)


# The same runs, closed by another speaker's clause: nothing inside is his
CLOSED_BY_ANOTHER = {
    "ar": (
        "التقى لافروف الصحفيين في موسكو بعد المحادثات.\n\n"
        '"على واشنطن أن تفهم أن الضغط لا يجدي نفعا.\n\n'
        'سنسعى إلى رفع العقوبات عن إيران"، قالت زاخاروفا.\n'
    ),
    "fa": (
        "لاوروف پس از گفت‌وگوها با خبرنگاران دیدار کرد.\n\n"
        "«واشنگتن باید بفهمد که فشار جواب نمی‌دهد.\n\n"
        "ما برای لغو تحریم‌های ایران تلاش خواهیم کرد»، زاخارووا گفت.\n"
    ),
    "ru": (
        "Лавров встретился с журналистами после переговоров.\n\n"
        "«Вашингтон должен понять, что давление не работает.\n\n"
        "Мы будем добиваться снятия санкций с Ирана», — подчеркнула Мария Захарова.\n"
    ),
    "en": (
        "Lavrov met reporters after the talks.\n\n"
        '"Washington must understand that pressure does not work.\n\n'
        '"We will seek the lifting of sanctions on Iran," Zakharova said.\n'
    ),
}
ANOTHERS_FRAGMENTS = {
    "ar": ["الضغط لا يجدي نفعا", "رفع العقوبات"],
    "fa": ["فشار جواب نمی‌دهد", "لغو تحریم‌های ایران"],
    "ru": ["давление не работает", "снятия санкций"],
    "en": ["pressure does not work", "sanctions on Iran"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_run_closed_by_another_speaker_is_not_his(lang):
    assert_credited(analyse(CLOSED_BY_ANOTHER[lang], lang), [], ANOTHERS_FRAGMENTS[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_his_opening_clause_does_not_take_a_run_another_speaker_closes(lang):
    """He opens a quotation, the closing paragraph's clause names somebody else: the
    marks are not a run of his (the middle is left as it was)."""
    opening = {
        "ar": 'وقال لافروف: "على واشنطن أن تفهم أن الضغط لا يجدي نفعا.',
        "fa": "لاوروف گفت: «واشنگتن باید بفهمد که فشار جواب نمی‌دهد.",
        "ru": "Лавров заявил: «Вашингтон должен понять, что давление не работает.",
        "en": 'Lavrov said: "Washington must understand that pressure does not work.',
    }[lang]
    text = CLOSED_BY_ANOTHER[lang].split("\n\n")
    text[1] = opening
    rows = analyse("\n\n".join(text), lang)
    assert_credited(rows, [], ANOTHERS_FRAGMENTS[lang][1:])


# A mark left open by mistake, then narration: no run, the narration is nobody's
LEFT_OPEN = {
    "ar": (
        'وقال لافروف: "على واشنطن أن تفهم أن الضغط لا يجدي نفعا.\n\n'
        "وتستأنف المحادثات في جنيف الشهر المقبل.\n\n"
        "ووصل الوفد الإيراني إلى موسكو مساء الثلاثاء.\n"
    ),
    "fa": (
        "لاوروف گفت: «واشنگتن باید بفهمد که فشار جواب نمی‌دهد.\n\n"
        "گفت‌وگوها ماه آینده در ژنو ادامه می‌یابد.\n\n"
        "هیئت ایرانی سه‌شنبه شب وارد مسکو شد.\n"
    ),
    "ru": (
        "Лавров заявил: «Вашингтон должен понять, что давление не работает.\n\n"
        "Переговоры продолжатся в Женеве в следующем месяце.\n\n"
        "Иранская делегация прибыла в Москву во вторник вечером.\n"
    ),
    "en": (
        'Lavrov said: "Washington must understand that pressure does not work.\n\n'
        "The talks will resume in Geneva next month.\n\n"
        "The Iranian delegation arrived in Moscow on Tuesday evening.\n"
    ),
}
LEFT_OPEN_NARRATION = {
    "ar": ["وتستأنف المحادثات", "ووصل الوفد الإيراني"],
    "fa": ["ماه آینده در ژنو", "هیئت ایرانی"],
    "ru": ["продолжатся в Женеве", "Иранская делегация"],
    "en": ["resume in Geneva", "Iranian delegation arrived"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_mark_left_open_makes_no_run_of_the_narration_after_it(lang):
    text = LEFT_OPEN[lang]
    assert quotation_runs(text, split_sentences(text, lang), lang) == []
    assert_credited(analyse(text, lang), [], LEFT_OPEN_NARRATION[lang])


def test_an_english_paragraph_without_its_opening_mark_ends_no_run():
    """English opens each continued paragraph of a quotation with a mark: a paragraph
    without one after an unclosed quotation is narration, whatever closes later."""
    text = (
        'Lavrov said: "Washington must understand that pressure does not work.\n\n'
        "The talks will resume in Geneva next month, officials said.\n\n"
        '"We will seek the lifting of sanctions on Iran," Lavrov said.\n'
    )
    assert quotation_runs(text, split_sentences(text, "en"), "en") == []
    assert_credited(analyse(text, "en"), ["sanctions on Iran"], ["resume in Geneva"])


@pytest.mark.parametrize("lang", LANGS)
def test_runs_are_found_from_the_marks_alone(lang):
    """The run's first and last sentences are those of its opening and closing marks."""
    text = CLOSED_BY_HIM[lang]
    sents = split_sentences(text, lang)
    runs = quotation_runs(text, sents, lang)
    assert len(runs) == 1
    first, last, open_at, close_at = runs[0]
    assert text[open_at] in "«\"" and text[close_at] in "»\""
    assert sents[first].start <= open_at < sents[first].end
    assert sents[last].start <= close_at < sents[last].end
    assert sents[first].paragraph < sents[last].paragraph
