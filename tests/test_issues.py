"""Tests of the issue taxonomy (data/issues.csv) and the issue matcher."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diplomap.extract import issues
from diplomap.extract.issues import (
    IssueMatch,
    Taxonomy,
    expand_term,
    find_issues,
    issue_label,
    load_taxonomy,
)
from diplomap.normalize import normalize_text
from diplomap.schema import ISSUE_IDS

LANGS = ("ar", "fa", "ru", "en")


def found(text: str, lang: str, taxonomy: Taxonomy | None = None) -> list[tuple[str, str]]:
    return [(m.surface, m.issue) for m in find_issues(normalize_text(text), lang, taxonomy)]


def issues_in(text: str, lang: str, taxonomy: Taxonomy | None = None) -> set[str]:
    return {issue for _, issue in found(text, lang, taxonomy)}


# --- the bundled taxonomy ------------------------------------------------------------


def test_default_taxonomy_loads_and_is_cached() -> None:
    tax = load_taxonomy()
    assert load_taxonomy() is tax
    assert isinstance(tax, Taxonomy)
    assert len(tax.lexicon) > 500
    assert {issue for issue, _, _ in tax.terms} == set(ISSUE_IDS)
    assert len(tax.fingerprint) == 16


@pytest.mark.parametrize("lang", LANGS)
def test_every_issue_has_terms_in_every_language(lang: str) -> None:
    rows = load_taxonomy().rows
    covered = {r.issue for r in rows if r.issue and (r.lang == "*" or lang in r.lang.split("|"))}
    assert covered == set(ISSUE_IDS)


def test_labels_cover_every_issue_and_language() -> None:
    labels = load_taxonomy().labels
    assert set(labels) == set(ISSUE_IDS)
    for issue in ISSUE_IDS:
        assert set(labels[issue]) == {"en", "ar", "fa", "ru"}
        assert all(labels[issue].values())
    assert issue_label("palestine_israel") == "Palestinian-Israeli settlement"
    assert issue_label("security_council", "ru") == "Совет Безопасности ООН"
    assert issue_label("syria", "xx") == issue_label("syria", "en")
    assert issue_label("no_such_issue") == "no_such_issue"


# --- what must match, per language (whole results) --------------------------------------

WHOLE = {
    "ar": [
        (
            "بحث الوزيران الأوضاع في العراق وليبيا واليمن",
            [("العراق", "iraq"), ("وليبيا", "libya"), ("واليمن", "yemen")],
        ),
        (
            "أكد ضرورة حل الدولتين وإقامة دولة فلسطينية",
            [("حل الدولتين", "palestine_israel"), ("وإقامة دولة فلسطينية", "palestine_israel")],
        ),
        (
            "دعا إلى وقف إطلاق النار في قطاع غزة ولبنان",
            [("قطاع غزة", "gaza"), ("ولبنان", "lebanon")],
        ),
        (
            "ناقشا التسوية السورية في إطار صيغة أستانا والقرار 2254",
            [
                ("التسوية السورية", "syria"),
                ("صيغة أستانا", "syria"),
                ("والقرار 2254", "security_council"),  # a resolution by its number
                ("والقرار 2254", "syria"),
            ],
        ),
        (
            "إعادة إعمار سوريا وعودة اللاجئين",
            [
                ("إعادة إعمار سوريا", "humanitarian"),
                ("إعادة إعمار سوريا", "syria"),
                ("وعودة اللاجئين", "humanitarian"),
            ],
        ),
        (
            "الحوار الروسي الأمريكي بين موسكو وواشنطن",
            [("الروسي الأمريكي", "us_russia"), ("موسكو وواشنطن", "us_russia")],
        ),
        (
            "المفهوم الروسي للأمن الجماعي في منطقة الخليج",
            [("المفهوم الروسي للأمن الجماعي", "gulf_security"), ("منطقة الخليج", "gulf_security")],
        ),
        (
            "اجتماع الرباعية الدولية وجامعة الدول العربية في مجلس الأمن",
            [
                ("الرباعية الدولية", "quartet"),
                ("وجامعة الدول العربية", "arab_league"),
                ("مجلس الأمن", "security_council"),
            ],
        ),
        (
            "هجمات الحوثيين في البحر الأحمر وحزب الله",
            [("الحوثيين", "yemen"), ("البحر الأحمر", "yemen"), ("وحزب الله", "lebanon")],
        ),
        (
            "مكافحة الإرهاب والاتفاق النووي والتعاون الاقتصادي",
            [
                ("الإرهاب", "terrorism"),
                ("والاتفاق النووي", "iran_nuclear"),
                ("والتعاون الاقتصادي", "economy"),
            ],
        ),
        (
            "ترحب بتطبيع علاقات إسرائيل مع الدول العربية",
            [("بتطبيع علاقات إسرائيل", "normalization")],
        ),
        ("الأزمة الأوكرانية", [("الأزمة الأوكرانية", "ukraine")]),
        ("الحرب في أوكرانيا", [("أوكرانيا", "ukraine")]),
    ],
    "fa": [
        (
            "هیچ جایگزینی برای اصل دو دولت برای حل مناقشه فلسطین و اسرائیل وجود ندارد",
            [("اصل دو دولت", "palestine_israel"), ("فلسطین و اسرائیل", "palestine_israel")],
        ),
        (
            "فعالیت گروه چهار جانبه با نمایندگان اتحادیه عرب",
            [("گروه چهار جانبه", "quartet"), ("اتحادیه عرب", "arab_league")],
        ),
        (
            "آتش‌بس در غزه و بحران سوریه، لیبی و یمن",
            [("غزه", "gaza"), ("سوریه", "syria"), ("لیبی", "libya"), ("یمن", "yemen")],
        ),
        ("مناقشه اوکراین", [("اوکراین", "ukraine")]),
        (
            "روند آستانه و کمیته قانون اساسی سوریه",
            [("روند آستانه", "syria"), ("کمیته قانون اساسی", "syria")],
        ),
        (
            "برنامه هسته ای ایران و برجام در شورای امنیت",
            [
                ("برنامه هسته ای ایران", "iran_nuclear"),
                ("برجام", "iran_nuclear"),
                ("شورای امنیت", "security_council"),
            ],
        ),
        (
            "مبارزه با تروریسم و کمک‌های بشردوستانه به پناهجویان",
            [
                ("تروریسم", "terrorism"),
                ("بشردوستانه", "humanitarian"),
                ("پناهجویان", "humanitarian"),
            ],
        ),
        (
            "حزب‌الله و حوثی‌ها در دریای سرخ",
            [("حزب\u200cالله", "lebanon"), ("حوثی\u200cها", "yemen"), ("دریای سرخ", "yemen")],
        ),
        (
            "روابط روسیه و آمریکا و امنیت جمعی در خلیج فارس",
            [("روسیه و آمریکا", "us_russia"), ("امنیت جمعی در خلیج فارس", "gulf_security")],
        ),
        ("عادی‌سازی روابط با اسرائیل", [("عادی\u200cسازی روابط با اسرائیل", "normalization")]),
        ("همکاری اقتصادی و تجارت", [("همکاری اقتصادی", "economy"), ("تجارت", "economy")]),
    ],
    "ru": [
        (
            "Лавров обсудил ситуацию в Сирии, Ливии и Йемене",
            [("Сирии", "syria"), ("Ливии", "libya"), ("Йемене", "yemen")],
        ),
        (
            "сирийского и ливийского урегулирования",
            [("сирийского", "syria"), ("ливийского", "libya")],
        ),
        (
            "палестино-израильское урегулирование на основе двух государств",
            [
                ("палестино-израильское", "palestine_israel"),
                ("двух государств", "palestine_israel"),
            ],
        ),
        (
            "прекращение огня в секторе Газа и ХАМАС",
            [("секторе Газа", "gaza"), ("ХАМАС", "gaza")],
        ),
        (
            "в рамках астанинского формата и резолюции 2254 Совета Безопасности ООН",
            [
                ("астанинского формата", "syria"),
                ("резолюции 2254", "security_council"),  # a resolution by its number
                ("резолюции 2254", "syria"),
                ("Совета Безопасности", "security_council"),
            ],
        ),
        (
            "Ближневосточный «квартет» и Лига арабских государств",
            [("квартет", "quartet"), ("Лига арабских государств", "arab_league")],
        ),
        (
            "конфликт на Украине и российско-американский диалог",
            [("Украине", "ukraine"), ("российско-американский", "us_russia")],
        ),
        (
            "борьба с терроризмом, гуманитарная помощь беженцам",
            [
                ("терроризмом", "terrorism"),
                ("гуманитарная", "humanitarian"),
                ("беженцам", "humanitarian"),
            ],
        ),
        (
            "хуситы в Красном море, «Хезболла» и СВПД",
            [
                ("хуситы", "yemen"),
                ("Красном море", "yemen"),
                ("Хезболла", "lebanon"),
                ("СВПД", "iran_nuclear"),
            ],
        ),
        (
            "концепция коллективной безопасности в Персидском заливе",
            [("концепция коллективной безопасности", "gulf_security")],
        ),
        (
            "нормализация отношений с Израилем и торгово-экономическое сотрудничество",
            [
                ("нормализация отношений с Израилем", "normalization"),
                ("торгово-экономическое", "economy"),
            ],
        ),
    ],
    "en": [
        (
            "the situation in Syria, Libya and Yemen",
            [("Syria", "syria"), ("Libya", "libya"), ("Yemen", "yemen")],
        ),
        ("the Syrian crisis and the Libyan settlement", [("Syrian", "syria"), ("Libyan", "libya")]),
        (
            "a two-state solution and a Palestinian state",
            [("two-state solution", "palestine_israel"), ("Palestinian state", "palestine_israel")],
        ),
        (
            "ceasefire in Gaza, the Rafah crossing and the war in Ukraine",
            [("Gaza", "gaza"), ("Rafah crossing", "gaza"), ("Ukraine", "ukraine")],
        ),
        (
            "the Astana format, the Quartet and the Arab League at the UN Security Council",
            [
                ("Astana format", "syria"),
                ("Quartet", "quartet"),
                ("Arab League", "arab_league"),
                ("UN Security Council", "security_council"),
            ],
        ),
        (
            "Russia-US dialogue on the JCPOA and terrorism",
            [("Russia-US", "us_russia"), ("JCPOA", "iran_nuclear"), ("terrorism", "terrorism")],
        ),
        (
            "Houthis in the Red Sea, Hezbollah and the Abraham Accords",
            [
                ("Houthis", "yemen"),
                ("Red Sea", "yemen"),
                ("Hezbollah", "lebanon"),
                ("Abraham Accords", "normalization"),
            ],
        ),
        (
            "humanitarian aid for refugees and economic cooperation on energy",
            [
                ("humanitarian", "humanitarian"),
                ("refugees", "humanitarian"),
                ("economic", "economy"),
                ("energy", "economy"),
            ],
        ),
        (
            "collective security in the Persian Gulf",
            [("collective security in the Persian Gulf", "gulf_security")],
        ),
        ("the crisis in Iraq", [("Iraq", "iraq")]),
    ],
}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [(lang, text, expected) for lang, cases in WHOLE.items() for text, expected in cases],
)
def test_whole_results(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, lang) == expected


# --- what must not match --------------------------------------------------------------

MUST_NOT = {
    "ar": [
        ("دعا إلى وقف إطلاق النار فورا", set(ISSUE_IDS)),  # a bare ceasefire names no issue
        ("أهمية تطبيع العلاقات بين سوريا وتركيا", {"normalization"}),
        ("أهمية التطبيع بين سوريا وتركيا ودعم التطبيع مع دمشق", {"normalization"}),
        ("قال أمين مجلس الأمن الروسي نيكولاي باتروشيف", {"security_council"}),
        ("اجتماع مجلس الأمن القومي الأمريكي", {"security_council"}),
        ("زار سوريا والعراق ولبنان", {"syria", "iraq", "lebanon"}),  # places, not issues
        ("شارك بحماس كبير وحماسة", {"gaza"}),
        ("زيارته إلى أستانا لحضور قمة منظمة شنغهاي", {"syria"}),
        ("منظمة معاهدة الأمن الجماعي", {"gulf_security"}),
        ("شركة الغازي للمقاولات", {"economy"}),
        ("الوكالة الدولية للطاقة الذرية", {"economy"}),
        ("غزال في الصحراء", {"gaza"}),
    ],
    "fa": [
        ("آتش‌بس راه به جایی نمی‌برد", set(ISSUE_IDS)),
        ("در آستانه سفر لاوروف به ترکیه", {"syria"}),
        ("شورای عالی امنیت ملی ایران و دبیر شورای امنیت روسیه", {"security_council"}),
        ("لاوروف به سوریه و عراق سفر کرد", {"syria", "iraq"}),
        ("آژانس بین‌المللی انرژی اتمی", {"economy"}),
        ("سازمان پیمان امنیت جمعی", {"gulf_security"}),
    ],
    "ru": [
        ("поставки газа в Европу", {"gaza"}),
        ("секретарь Совета безопасности России Сергей Шойгу", {"security_council"}),
        ("Лавров прибыл в Сирию и Ирак", {"syria", "iraq"}),
        ("Организация Договора о коллективной безопасности", {"gulf_security"}),
        ("прекращение огня необходимо", set(ISSUE_IDS)),
    ],
    "en": [
        ("the Russian Security Council and the National Security Council", {"security_council"}),
        ("Lavrov arrived in Syria and Iraq", {"syria", "iraq"}),
        ("a ceasefire is needed", set(ISSUE_IDS)),
        ("the crisis, Syria said", {"syria"}),
        ("a statement on the Palestinian statement", {"palestine_israel"}),
        ("the tradesmen", {"economy"}),
    ],
}


@pytest.mark.parametrize(
    ("lang", "text", "forbidden"),
    [(lang, text, forbidden) for lang, cases in MUST_NOT.items() for text, forbidden in cases],
)
def test_must_not_match(lang: str, text: str, forbidden: set[str]) -> None:
    assert not issues_in(text, lang) & forbidden


# --- spans, languages, messy text ------------------------------------------------------


def test_spans_point_into_the_original_text_with_diacritics_and_zwnj() -> None:
    text = "أكّد أنّ مجلسُ الأمنِ الدولي و\u200f حلّ الدّولتين"
    matches = find_issues(normalize_text(text), "ar")
    assert [m.issue for m in matches] == ["security_council", "palestine_israel"]
    for m in matches:
        assert text[m.start : m.end] == m.surface
    assert matches[0].surface == "مجلسُ الأمنِ الدولي"
    assert matches[1].surface == "حلّ الدّولتين"

    fa = "برنامه هسته\u200cای ایران"
    (m,) = find_issues(normalize_text(fa), "fa")
    assert (m.start, m.end, m.surface, m.issue) == (0, len(fa), fa, "iran_nuclear")


@pytest.mark.parametrize("lang", LANGS)
def test_empty_and_noise_texts_give_nothing(lang: str) -> None:
    for text in ("", "   ", "12345 ...", "\u200c\u200f", "x" * 1000):
        assert find_issues(normalize_text(text), lang) == []


def test_languages_use_their_own_terms_and_other_uses_all() -> None:
    text = "the Arab League and Лига арабских государств"
    assert found(text, "en") == [("Arab League", "arab_league")]
    assert found(text, "ru") == [("Лига арабских государств", "arab_league")]
    assert [issue for _, issue in found(text, "other")] == ["arab_league", "arab_league"]
    # resolution numbers are written the same way everywhere
    assert issues_in("S/RES/2254 (2015)", "fa") == {"syria"}


def test_matches_are_in_text_order_and_dataclass_shape() -> None:
    text = "Gaza, Houthis, JCPOA, Hezbollah"
    matches = find_issues(normalize_text(text), "en")
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    assert matches[0] == IssueMatch(0, 4, "Gaza", "gaza")
    with pytest.raises(AttributeError):
        matches[0].issue = "syria"  # type: ignore[misc]


# --- the matcher's rules on a small custom taxonomy ---------------------------------------

SMALL = """\
# a small taxonomy
issue,lang,term,kind
syria,ar,صيغة {أستانا|آستانة},
syria,ar,سوريا,place
libya,ar,ليبيا,place
humanitarian,ar,إعادة الإعمار,head
,ar,الوضع,head
,ar,الوضع في المنطقة,stop
syria,en,syria*,place
,en,crisis,head
"""


def write_taxonomy(tmp_path: Path, text: str, labels: str | None = None) -> Path:
    path = tmp_path / "issues.csv"
    path.write_text(text, encoding="utf-8")
    if labels is not None:
        (tmp_path / "issue_labels.csv").write_text(labels, encoding="utf-8")
    return path


@pytest.fixture
def small(tmp_path: Path) -> Taxonomy:
    return load_taxonomy(write_taxonomy(tmp_path, SMALL))


def test_custom_taxonomy_rules(small: Taxonomy) -> None:
    assert found("صيغة آستانة", "ar", small) == [("صيغة آستانة", "syria")]
    assert found("سوريا", "ar", small) == []  # a place alone is no issue
    assert found("الوضع في سوريا وليبيا", "ar", small) == [("سوريا", "syria"), ("وليبيا", "libya")]
    assert found("الوضع، سوريا", "ar", small) == []  # a comma breaks head and place
    assert found("إعادة الإعمار في سوريا", "ar", small) == [
        ("إعادة الإعمار", "humanitarian"),
        ("سوريا", "syria"),
    ]
    assert found("الوضع في المنطقة", "ar", small) == []
    assert found("the Syrian crisis", "en", small) == [("Syrian", "syria")]
    assert found("the crisis in Syria", "en", small) == [("Syria", "syria")]
    assert found("Syria and the crisis", "en", small) == []
    assert set(small.labels) == set(ISSUE_IDS)  # default labels when none beside the file


def test_a_term_under_two_issues_gives_both(tmp_path: Path) -> None:
    text = "issue,lang,term\nsyria,en,reconstruction of Syria\nhumanitarian,en,reconstruction of Syria\n"
    tax = load_taxonomy(write_taxonomy(tmp_path, text))
    assert found("the reconstruction of Syria", "en", tax) == [
        ("reconstruction of Syria", "humanitarian"),
        ("reconstruction of Syria", "syria"),
    ]


def test_edited_file_is_reloaded(tmp_path: Path) -> None:
    path = write_taxonomy(tmp_path, "issue,lang,term\nyemen,en,Houthis\n")
    first = load_taxonomy(path)
    assert load_taxonomy(path) is first
    path.write_text("issue,lang,term\nyemen,en,Houthis\nyemen,en,Red Sea\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert found("the Red Sea", "en", load_taxonomy(path)) == [("Red Sea", "yemen")]


def test_custom_labels_beside_the_file(tmp_path: Path) -> None:
    labels = "# labels\nissue,en,ru\nsyria,Syria file,Сирийское досье\n"
    tax = load_taxonomy(write_taxonomy(tmp_path, "issue,lang,term\nsyria,en,x\n", labels))
    assert tax.labels["syria"] == {
        "en": "Syria file",
        "ar": "Syria file",
        "fa": "Syria file",
        "ru": "Сирийское досье",
    }
    assert tax.labels["gaza"]["en"] == "Gaza"


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        ("issue,lang\nsyria,en\n", 1, "missing column(s) term"),
        (
            "# c\n\nissue,lang,term\nsyria,en,Astana format\nsyrai,en,x\n",
            5,
            "unknown issue id 'syrai'",
        ),
        ("issue,lang,term\nsyria,en,   \n", 2, "empty term"),
        ("issue,lang,term\nsyria,en,*\n", 2, "empty term"),
        ("issue,lang,term\nsyria,de,Syrien\n", 2, "unknown language 'de'"),
        ("issue,lang,term,kind\nsyria,en,x,place\nsyria,en,y,where\n", 3, "unknown kind 'where'"),
        ("issue,lang,term,kind\nsyria,en,x,stop\n", 2, "a stop row takes no issue"),
        ("issue,lang,term\nsyria,en,{a|b\n", 2, "unbalanced or nested braces"),
        ("issue,lang,term\nsyria,en,{a|{b|c}}\n", 2, "unbalanced or nested braces"),
        ("issue,lang,term\n,en,x\n", 2, "unknown issue id ''"),
        ("issue,lang,term,kind\nsyria,*,Syria,country\n", 2, "takes an ISO alpha-3 code"),
        ("issue,lang,term,kind\n,*,SYR,country\n", 2, "unknown issue id ''"),
        ("# only comments\n", 1, "no header line"),
    ],
)
def test_validation_errors_name_file_line_and_reason(
    tmp_path: Path, content: str, line: int, reason: str
) -> None:
    path = write_taxonomy(tmp_path, content)
    with pytest.raises(ValueError) as info:
        load_taxonomy(path)
    message = str(info.value)
    assert str(path) in message
    assert f"line {line}:" in message
    assert reason in message


def test_bad_label_file_is_reported(tmp_path: Path) -> None:
    path = write_taxonomy(tmp_path, "issue,lang,term\nsyria,en,x\n", "issue,en\nsirya,Syria\n")
    with pytest.raises(ValueError, match=r"issue_labels\.csv: line 2: unknown issue id 'sirya'"):
        load_taxonomy(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_taxonomy(tmp_path / "nope.csv")


def test_expand_term() -> None:
    assert expand_term("сирийск{ое|ого} урегулировани*") == [
        "сирийское урегулировани*",
        "сирийского урегулировани*",
    ]
    assert expand_term("ال{أمريكية|أميركية}") == ["الأمريكية", "الأميركية"]
    assert expand_term("сектор{|а} газа") == ["сектор газа", "сектора газа"]
    assert expand_term("هسته\u200cای") == ["هسته\u200cای", "هسته ای"]
    assert len(expand_term("a\u200cb\u200cc")) == 4
    with pytest.raises(ValueError):
        expand_term("{a|b|c|d|e|f|g|h} {a|b|c|d|e|f|g|h} {a|b|c|d|e|f|g|h|i|j}")  # 640


def test_module_does_no_work_at_import() -> None:
    assert issues._load.cache_info().maxsize == 8
    assert issues.ISSUES_PATH.name == "issues.csv" and issues.ISSUES_PATH.is_file()


PARAGRAPHS = {
    "ru": (
        "Сергей Лавров провел переговоры с главой МИД Иордании. Стороны обсудили ситуацию "
        "на Ближнем Востоке, включая положение в секторе Газа, а также сирийское "
        "урегулирование. Россия выступает за создание палестинского государства и готова к "
        "работе в рамках «квартета». Министр отметил рост товарооборота. Лавров подчеркнул, "
        "что диалог с Вашингтоном пока не дал результатов. Ранее он посетил Багдад, где "
        "обсудил с иракскими коллегами двусторонние связи.",
        {"gaza", "syria", "palestine_israel", "quartet", "economy", "us_russia"},
    ),
    "en": (
        "Lavrov said Moscow and Washington had agreed to continue talks on Ukraine. He "
        "supports an immediate ceasefire in Gaza and a Palestinian state, discussed the "
        "situation in Libya and Sudan and the investigation into the attack, and praised "
        "the Astana format. Lavrov arrived in Baghdad after visiting Iraq and Lebanon.",
        {"us_russia", "ukraine", "gaza", "palestine_israel", "libya", "syria"},
    ),
    "ar": (
        "وصل لافروف إلى بغداد في زيارة إلى العراق ولبنان، وبحث مع نظيره الوضع في سوريا "
        "وتطبيع العلاقات بين سوريا وتركيا، ودعا إلى وقف إطلاق النار.",
        {"syria"},
    ),
    "fa": (
        "لاوروف به عراق و لبنان سفر کرد و درباره وضعیت سوریه و آتش‌بس گفت‌وگو کرد؛ "
        "در آستانه این سفر با وزیر خارجه ترکیه دیدار کرد.",
        {"syria"},
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_news_paragraph_issue_sets(lang: str) -> None:
    text, expected = PARAGRAPHS[lang]
    assert issues_in(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "the peace process in Yemen", [("peace process in Yemen", "yemen")]),
        ("en", "the Afghan peace process", []),
        (
            "en",
            "the Middle East peace process",
            [("Middle East peace process", "palestine_israel")],
        ),
        ("ar", "عملية السلام في اليمن", [("عملية السلام في اليمن", "yemen")]),
        # a bare peace process is the Palestinian file only with it in view
        ("ar", "عملية السلام", []),
        ("ar", "ودعا إلى إحياء عملية السلام مع إسرائيل", [("عملية السلام", "palestine_israel")]),
        (
            "en",
            "He urged reviving the peace process with Israel.",
            [("peace process", "palestine_israel")],
        ),
        ("en", "On the peace process, he said an Armenian-Azerbaijani treaty was close.", []),
        ("fa", "لاوروف خواستار احیای روند صلح با اسرائیل شد.", [("روند صلح", "palestine_israel")]),
        ("fa", "درباره روند صلح میان ارمنستان و جمهوری آذربایجان گفت.", []),
    ],
)
def test_peace_process_decisions(lang: str, text: str, expected: list) -> None:
    assert found(text, lang) == expected


# Phrasings of Arabic and Persian news for each issue (not the taxonomy's own wording)
NEWS_PHRASES = [
    ("fa", "iran_nuclear", "برنامه هسته‌ای ایران"),
    ("fa", "iran_nuclear", "برجام"),
    ("fa", "gaza", "آتش‌بس در غزه"),
    ("fa", "palestine_israel", "راه حل دو دولتی"),
    ("fa", "syria", "روند آستانه"),
    ("fa", "ukraine", "عملیات ویژه نظامی"),
    ("fa", "terrorism", "داعش"),
    ("fa", "security_council", "شورای امنیت سازمان ملل"),
    ("fa", "economy", "کریدور شمال-جنوب"),
    ("fa", "humanitarian", "بازگشت آوارگان"),
    ("fa", "yemen", "امنیت کشتیرانی در دریای سرخ"),
    ("fa", "gulf_security", "امنیت خلیج فارس"),
    ("fa", "us_russia", "گفتگوهای مسکو و واشنگتن"),
    ("fa", "normalization", "عادی‌سازی روابط با اسرائیل"),
    ("fa", "quartet", "کوارتت خاورمیانه"),
    ("ar", "iran_nuclear", "خطة العمل الشاملة المشتركة"),
    ("ar", "gaza", "الحرب على غزة"),
    ("ar", "ukraine", "العملية العسكرية الخاصة"),
    ("ar", "economy", "أوبك+"),
    ("ar", "humanitarian", "إعادة الإعمار"),
    ("ar", "yemen", "أمن الملاحة في البحر الأحمر"),
    ("ar", "normalization", "اتفاقيات أبراهام"),
    ("ar", "arab_league", "مبادرة السلام العربية"),
    ("ar", "quartet", "اللجنة الرباعية"),
]


@pytest.mark.parametrize(("lang", "issue", "phrase"), NEWS_PHRASES)
def test_news_phrasings(lang, issue, phrase):
    text = ("وقال إن " if lang == "ar" else "وی گفت ") + phrase + " مهم است."
    got = {m.issue for m in find_issues(normalize_text(text), lang, load_taxonomy())}
    assert issue in got, got


# --- pair, context and topic rows on a small custom taxonomy ------------------------------

KINDS_TAXONOMY = """\
issue,lang,term,kind
us_russia,en,Russia and the {US|United States},pair
us_russia,ru,росси{я|и|ей} и сша,pair
us_russia,ar,روسيا والولايات المتحدة,pair
gaza,en,Gaza,
gaza,en,the Strip,context
iran_nuclear,en,JCPOA,
iran_nuclear,en,IAEA,context
iraq,en,iraq*,place
,en,talks,topic
,en,situation,head
"""


@pytest.fixture
def kinds(tmp_path: Path) -> Taxonomy:
    return load_taxonomy(write_taxonomy(tmp_path, KINDS_TAXONOMY))


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "relations between Russia and the US", {"us_russia"}),
        ("en", "In Syria, Russia and the United States disagree", {"us_russia"}),
        ("en", "China, Russia and the United States", set()),
        ("en", "Britain, China, France, Germany, Russia and the United States", set()),
        ("en", "Russia and the United States, China and India", set()),
        ("ru", "отношения России и США", {"us_russia"}),
        ("ru", "Китай, Россия и США", set()),
        ("ar", "العلاقات بين روسيا والولايات المتحدة", {"us_russia"}),
        ("ar", "الصين وروسيا والولايات المتحدة", set()),
    ],
)
def test_a_pair_inside_a_longer_list_of_places_is_no_bilateral_issue(
    kinds: Taxonomy, lang: str, text: str, expected: set[str]
) -> None:
    assert issues_in(text, lang, kinds) == expected


def test_context_rows_need_the_issue_named_otherwise(kinds: Taxonomy) -> None:
    assert issues_in("aid must reach the Strip", "en", kinds) == set()
    assert found("Gaza is starving; aid must reach the Strip", "en", kinds) == [
        ("Gaza", "gaza"),
        ("the Strip", "gaza"),
    ]
    assert issues_in("the IAEA visited the plant", "en", kinds) == set()
    assert issues_in("the IAEA and the JCPOA", "en", kinds) == {"iran_nuclear"}


def test_topic_heads_take_no_word_of_location(kinds: Taxonomy) -> None:
    assert issues_in("talks in Iraq", "en", kinds) == set()
    assert issues_in("talks on Iraq", "en", kinds) == {"iraq"}
    assert issues_in("the Iraqi talks", "en", kinds) == {"iraq"}
    assert issues_in("the situation in Iraq", "en", kinds) == {"iraq"}


def test_a_head_governs_its_list_across_places_without_an_issue(kinds: Taxonomy) -> None:
    assert issues_in("the situation in Iran and Iraq", "en", kinds) == {"iraq"}
    assert issues_in("the situation in the region, including Iraq", "en", kinds) == {"iraq"}
    assert issues_in("the situation, Iraq said", "en", kinds) == set()


def test_new_kinds_are_validated(tmp_path: Path) -> None:
    for row in ("syria,en,x,pair", "syria,en,x,context", ",en,x,topic"):
        assert load_taxonomy(write_taxonomy(tmp_path, f"issue,lang,term,kind\n{row}\n"))
    path = write_taxonomy(tmp_path, "issue,lang,term,kind\n,en,x,pair\n")
    with pytest.raises(ValueError, match="unknown issue id ''"):
        load_taxonomy(path)


# --- a conflict's country in his words (kind `country`) ---------------------------------
# Each text: a narrator's sentence naming the conflict by a head word, then Lavrov's words
# naming the country without one; the same words with no conflict named; and his words on
# the country's relations with Russia.
_COUNTRY_ARTICLES = {
    "en": (
        "The talks focused on the Syrian settlement. Lavrov said Damascus must not be "
        "isolated by its neighbours.",
        "The ministers met in Moscow on Monday. Lavrov said Damascus must not be "
        "isolated by its neighbours.",
        "The talks focused on the Syrian settlement. Lavrov said Russian-Syrian trade "
        "had grown by a third.",
    ),
    "ru": (
        "Переговоры были посвящены сирийскому урегулированию. Лавров заявил, что Дамаск "
        "нельзя изолировать.",
        "Министры встретились в Москве в понедельник. Лавров заявил, что Дамаск нельзя "
        "изолировать.",
        "Переговоры были посвящены сирийскому урегулированию. Лавров заявил, что "
        "российско-сирийский товарооборот вырос на треть.",
    ),
    "ar": (
        "وتركزت المحادثات على الأزمة السورية. وقال لافروف إن دمشق يجب ألا تبقى معزولة عن جيرانها.",
        "والتقى الوزيران في موسكو يوم الاثنين. وقال لافروف إن دمشق يجب ألا تبقى معزولة عن جيرانها.",
        "وتركزت المحادثات على الأزمة السورية. وقال لافروف إن التبادل التجاري بين روسيا "
        "وسوريا ارتفع بمقدار الثلث.",
    ),
    "fa": (
        "گفت‌وگوها بر بحران سوریه متمرکز بود. لاوروف گفت دمشق نباید از سوی همسایگانش منزوی شود.",
        "وزیران روز دوشنبه در مسکو دیدار کردند. لاوروف گفت دمشق نباید از سوی همسایگانش منزوی شود.",
        "گفت‌وگوها بر بحران سوریه متمرکز بود. لاوروف گفت تجارت روسیه و سوریه یک سوم "
        "افزایش یافته است.",
    ),
}


def _his_issues(text: str, lang: str) -> set[str]:
    from diplomap.extract.article import extract_article
    from diplomap.ingest import Article

    article = Article(file="t.txt", text=text, language=lang)
    found = extract_article(article, signature=False)
    return {m["issue"] for m in found.issue_mentions if m["lavrov"]}


@pytest.mark.parametrize("lang", sorted(_COUNTRY_ARTICLES))
def test_a_conflicts_country_in_his_words_is_the_conflict_where_the_article_names_it(
    lang: str,
) -> None:
    about, elsewhere, relations = _COUNTRY_ARTICLES[lang]
    assert _his_issues(about, lang) == {"syria"}
    assert _his_issues(elsewhere, lang) == set()
    assert "syria" not in _his_issues(relations, lang)


def test_country_rows_are_read_and_kept_out_of_the_lexicon(tmp_path: Path) -> None:
    path = write_taxonomy(tmp_path, "issue,lang,term,kind\nsyria,*,SYR,country\n")
    tax = load_taxonomy(path)
    assert tax.countries == {"SYR": "syria"}
    assert found("SYR Syria", "en", tax) == []


# --- a phrase that names its issue in his words only (kind `his`) -----------------------
_HIS_ONLY = {
    "en": (
        'Lavrov said: "If the American side has taken this decision, it wants escalation."',
        'The Iraqi minister said: "The American side has promised to withdraw."',
    ),
    "ru": (
        "Лавров заявил: «Если американская сторона приняла такое решение, она хочет эскалации».",
        "Иракский министр заявил: «Американская сторона обещала вывести войска».",
    ),
    "ar": (
        "وقال لافروف: «إذا كان الجانب الأمريكي قد اتخذ هذا القرار فهو يريد التصعيد».",
        "وقال الوزير العراقي: «لقد وعد الجانب الأمريكي بسحب القوات».",
    ),
    "fa": (
        "لاوروف گفت: «اگر طرف آمریکایی این تصمیم را گرفته باشد، خواهان تشدید تنش است».",
        "وزیر خارجه عراق گفت: «طرف آمریکایی وعده خروج نیروها را داده است».",
    ),
}


@pytest.mark.parametrize("lang", sorted(_HIS_ONLY))
def test_the_american_side_in_his_words_is_russia_us_relations(lang: str) -> None:
    his, other = _HIS_ONLY[lang]
    assert _his_issues(his, lang) == {"us_russia"}
    from diplomap.extract.article import extract_article
    from diplomap.ingest import Article

    found = extract_article(Article(file="t.txt", text=other, language=lang), signature=False)
    assert found.issue_mentions == []


def test_his_rows_are_marked_and_need_an_issue(tmp_path: Path) -> None:
    tax = load_taxonomy(
        write_taxonomy(tmp_path, "issue,lang,term,kind\nus_russia,en,the X side,his\n")
    )
    (match,) = find_issues(normalize_text("the X side"), "en", tax)
    assert (match.issue, match.his_only) == ("us_russia", True)
    with pytest.raises(ValueError, match="unknown issue id ''"):
        load_taxonomy(write_taxonomy(tmp_path, "issue,lang,term,kind\n,en,the Y side,his\n"))
