"""`python -m diplomap evaluate`: precision/recall/F1 against a gold file, per language.

The exact figures are checked on hand-built predictions (independent of the extraction
rules); the command line is run for real on four tiny articles, with a gold file whose
deliberate mistakes do not depend on the details of extraction either.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from diplomap import evaluate as E

ROOT = Path(__file__).resolve().parent.parent

# --- hand-computed case --------------------------------------------------------------

TEXT_A = "Lavrov said Russia was ready to help Syria. Israel's minister disagreed."
TEXT_B = "Лавров заявил, что Иран имеет право на мирный атом."
TEXT_C = "قال لافروف إن مصر شريك مهم."

GOLD = [
    {
        "file": "a.txt",
        "language": "en",
        "published": "2024-02-13",
        "countries": ["RUS", "SYR", "TUR"],
        "countries_optional": ["KAZ"],
        "issues": ["syria"],
        "lavrov_countries": ["RUS", "SYR"],
        "lavrov_issues": ["syria"],
        "lavrov_sentences": ["ready to help  Syria"],  # whitespace may differ
        "not_lavrov_sentences": ["Israel's minister"],
        "comment": "unknown keys are ignored",
    },
    {
        "file": "b.txt",
        "language": "ru",
        "published": None,
        "countries": ["RUS", "IRN"],
        "issues": ["iran_nuclear", "us_russia"],
        "lavrov_countries": ["IRN"],
        "lavrov_issues": ["iran_nuclear"],
        "lavrov_sentences": ["Лавров заявил"],
    },
    {
        "file": "news.zip!ar/c.txt",
        "language": "ar",
        "published": "2023-05-01",
        "countries": ["EGY"],
        "issues": [],
        "lavrov_countries": [],
        "lavrov_issues": [],
    },
    {"file": "gone.txt", "language": "en", "published": None, "countries": ["USA"]},
]


def record(file, language, published, countries, issues, lc, li, text, spans=()):
    return {
        "file": file,
        "language": language,
        "published": published,
        "countries": countries,
        "issues": issues,
        "lavrov_countries": lc,
        "lavrov_issues": li,
        "text": text,
        "statements": [
            {"speaker": "Lavrov", "kind": "reported", "text": text[s:e], "span": [s, e]}
            for s, e in spans
        ],
    }


PREDICTED = {
    "a.txt": record(
        "/x/a.txt",
        "en",
        "2024-02-13",
        ["ISR", "KAZ", "RUS", "SYR"],
        ["gaza", "syria"],
        ["ISR", "RUS", "SYR"],
        ["syria"],
        TEXT_A,
        spans=[(0, 43), (44, 72)],  # the second sentence is wrongly Lavrov's
    ),
    "b.txt": record(
        "/x/b.txt", "ru", None, ["RUS"], ["iran_nuclear"], [], ["iran_nuclear"], TEXT_B
    ),
    "news.zip!ar/c.txt": record(
        "/x/news.zip!ar/c.txt", "fa", "2023-05-02", ["EGY"], [], [], [], TEXT_C
    ),
}


def prf(p, r, f1, tp, fp, fn, n):
    return {"precision": p, "recall": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn, "n": n}


def acc(a, correct, n):
    return {"accuracy": a, "correct": correct, "n": n}


EXPECTED = {
    "articles": {"ar": 1, "ru": 1, "en": 1, "all": 3},
    "missing": ["gone.txt"],
    "ambiguous": [],
    "metrics": {
        "ar": {
            "countries": prf(1.0, 1.0, 1.0, 1, 0, 0, 1),
            "issues": prf(None, None, None, 0, 0, 0, 0),
            "lavrov_countries": prf(None, None, None, 0, 0, 0, 0),
            "lavrov_issues": prf(None, None, None, 0, 0, 0, 0),
            "published": acc(0.0, 0, 1),
            "language": acc(0.0, 0, 1),
            "statements": prf(None, None, None, 0, 0, 0, 0),
        },
        "ru": {
            "countries": prf(1.0, 0.5, 0.6667, 1, 0, 1, 2),
            "issues": prf(1.0, 0.5, 0.6667, 1, 0, 1, 2),
            "lavrov_countries": prf(None, 0.0, 0.0, 0, 0, 1, 1),
            "lavrov_issues": prf(1.0, 1.0, 1.0, 1, 0, 0, 1),
            "published": acc(1.0, 1, 1),  # null == null
            "language": acc(1.0, 1, 1),
            "statements": prf(None, 0.0, 0.0, 0, 0, 1, 1),
        },
        "en": {
            "countries": prf(0.6667, 0.6667, 0.6667, 2, 1, 1, 3),  # KAZ optional
            "issues": prf(0.5, 1.0, 0.6667, 1, 1, 0, 1),
            "lavrov_countries": prf(0.6667, 1.0, 0.8, 2, 1, 0, 2),
            "lavrov_issues": prf(1.0, 1.0, 1.0, 1, 0, 0, 1),
            "published": acc(1.0, 1, 1),
            "language": acc(1.0, 1, 1),
            "statements": prf(0.5, 1.0, 0.6667, 1, 1, 0, 2),
        },
        "all": {
            "countries": prf(0.8, 0.6667, 0.7273, 4, 1, 2, 6),
            "issues": prf(0.6667, 0.6667, 0.6667, 2, 1, 1, 3),
            "lavrov_countries": prf(0.6667, 0.6667, 0.6667, 2, 1, 1, 3),
            "lavrov_issues": prf(1.0, 1.0, 1.0, 2, 0, 0, 2),
            "published": acc(0.6667, 2, 3),
            "language": acc(0.6667, 2, 3),
            "statements": prf(0.5, 0.5, 0.5, 1, 1, 1, 3),
        },
    },
}


def test_hand_computed_metrics():
    assert E.to_dict(E.score(GOLD, PREDICTED)) == EXPECTED


def test_optional_items_count_neither_way():
    gold = [{"file": "a.txt", "countries": ["RUS"], "countries_optional": ["SYR", "TUR"]}]
    for predicted in (["RUS"], ["RUS", "SYR"], ["RUS", "SYR", "TUR"]):
        rec = {"countries": predicted, "published": None}
        figures = E.to_dict(E.score(gold, {"a.txt": rec}))["metrics"]["all"]["countries"]
        assert figures == prf(1.0, 1.0, 1.0, 1, 0, 0, 1)
    # an optional item in the gold list itself is not required either
    gold = [{"file": "a.txt", "countries": ["RUS", "SYR"], "countries_optional": ["SYR"]}]
    figures = E.to_dict(E.score(gold, {"a.txt": {"countries": ["RUS"]}}))["metrics"]["all"]
    assert figures["countries"] == prf(1.0, 1.0, 1.0, 1, 0, 0, 1)


def test_null_dates():
    gold = [
        {"file": "a.txt", "published": None},
        {"file": "b.txt", "published": None},
        {"file": "c.txt", "published": "2024-01-02"},
    ]
    predicted = {
        "a.txt": {"published": None},
        "b.txt": {"published": "2024-01-02"},
        "c.txt": {"published": None},
    }
    scores = E.score(gold, predicted)
    assert E.to_dict(scores)["metrics"]["all"]["published"] == acc(0.3333, 1, 3)
    values = {d.file: d.values.get("published") for d in scores.diffs}
    assert values == {"a.txt": None, "b.txt": (None, "2024-01-02"), "c.txt": ("2024-01-02", None)}


def test_differences_list_missing_and_extra_items():
    text = E.format_differences(E.score(GOLD, PREDICTED))
    assert "a.txt (en)" in text
    assert "countries: missing TUR; extra ISR" in text
    assert "KAZ" not in text
    assert "issues: extra gaza" in text
    assert "published: gold 2023-05-01, predicted 2023-05-02" in text
    assert "language: gold ar, predicted fa" in text
    assert 'wrongly credited to Lavrov: "Israel\'s minister"' in text
    assert "not credited to Lavrov: 'Лавров заявил'" in text
    table = E.format_table(E.score(GOLD, PREDICTED))
    header, articles, countries = table.splitlines()[:3]
    assert header.split() == ["field", "ar", "ru", "en", "all"]
    assert articles.split() == ["articles", "1", "1", "1", "3"]
    assert countries.split()[-2:] == ["0.80/0.67/0.73", "n=6"]


def test_sentence_not_in_text_is_reported_not_scored():
    gold = [{"file": "a.txt", "lavrov_sentences": ["nowhere to be found", "ready to help"]}]
    rec = {"text": TEXT_A, "statements": [{"speaker": "Lavrov", "span": [0, 43]}]}
    scores = E.score(gold, {"a.txt": rec})
    assert scores.diffs[0].not_found == ["nowhere to be found"]
    assert E.to_dict(scores)["metrics"]["all"]["statements"] == prf(1.0, 1.0, 1.0, 1, 0, 0, 1)


def test_file_names_match_archives_and_rows():
    assert E.file_key("/data/in/a.txt") == "a.txt"
    assert E.file_key("/data/in/x.zip!news/a.txt") == "x.zip!news/a.txt"
    assert E.file_key("C:\\in\\rows.csv#12") == "rows.csv#12"
    predicted = {"x.zip!news/a.txt": {"n": 1}, "y.zip!b.txt": {"n": 2}, "z.zip!b.txt": {"n": 3}}
    gold = [{"file": f} for f in ("x.zip!news/a.txt", "a.txt", "b.txt", "y.zip!b.txt")]
    pairs, missing, ambiguous = E.match(gold, predicted)
    assert [r["n"] for _, r in pairs] == [1, 1, 2]
    assert (missing, ambiguous) == ([], ["b.txt"])


def write_gold(path: Path, lines: list) -> Path:
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines)
        + "\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"file": "a.txt"}', '{"file": "b.txt",'], "gold.jsonl:2: not valid JSON"),
        (['{"file": "a.txt"}', "", '{"language": "en"}'], "gold.jsonl:3: missing `file` key"),
        (['{"file": "a.txt", "countries": "RUS"}'], "`countries` must be a list of strings"),
        (['{"file": "a.txt", "published": "13.02.2024"}'], "`published` must be YYYY-MM-DD"),
        (['{"file": "a.txt"}', '{"file": "a.txt"}'], "gold.jsonl:2: `file` 'a.txt' repeats"),
        (["[1, 2]"], "gold.jsonl:1: expected a JSON object"),
        ([""], "has no entries"),
    ],
)
def test_bad_gold_files(tmp_path, lines, message):
    with pytest.raises(E.GoldError) as info:
        E.load_gold(write_gold(tmp_path / "gold.jsonl", lines))
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_predict_reads_like_extract_and_skips_the_gold_file(tmp_path):
    (tmp_path / "en.txt").write_text(ARTICLES["en.txt"], encoding="utf-8")
    (tmp_path / "copy.txt").write_text(ARTICLES["en.txt"], encoding="utf-8")  # duplicate
    with zipfile.ZipFile(tmp_path / "news.zip", "w") as archive:
        archive.writestr("ru/ru.txt", ARTICLES["ru.txt"])
    gold = write_gold(tmp_path / "gold.jsonl", [{"file": "en.txt"}])
    problems: list = []
    predicted = E.predict([tmp_path], workers=1, problems=problems, exclude=gold)
    assert sorted(predicted) == ["copy.txt", "en.txt", "news.zip!ru/ru.txt"]
    assert predicted["copy.txt"] is predicted["en.txt"]
    assert "ready to help Syria" in predicted["en.txt"]["text"]
    assert "SYR" in predicted["en.txt"]["countries"]
    assert problems == []


# --- the command line ----------------------------------------------------------------

ARTICLES = {
    "en.txt": (
        "MOSCOW, February 13, 2024 - Russian Foreign Minister Sergey Lavrov said on Tuesday "
        "that Russia was ready to help Syria restore peace.\n"
    ),
    "ru.txt": (
        "Министр иностранных дел России Сергей Лавров 13 февраля 2024 года заявил, что "
        "Москва поддерживает урегулирование в Сирии.\n"
    ),
    "ar.txt": "قال وزير الخارجية الروسي سيرغي لافروف إن روسيا مستعدة لمساعدة سوريا.\n",
    "fa.txt": "سرگئی لاوروف وزیر امور خارجه روسیه گفت که روسیه از سوریه حمایت می‌کند.\n",
}


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "diplomap", "evaluate", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Four articles and, in the same folder, a gold file with deliberate errors."""
    folder = tmp_path_factory.mktemp("evaluate")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    gold = [
        # FRA is surely not found (missing); RUS and SYR surely are (extra)
        {"file": "en.txt", "language": "en", "published": "2020-01-01", "countries": ["FRA"]},
        {"file": "ru.txt", "language": "ru", "published": "2024-02-13", "countries": ["RUS"]},
        {"file": "ar.txt", "language": "ar", "countries": ["RUS", "SYR"]},
        {"file": "fa.txt", "language": "fa", "countries": ["RUS", "SYR"]},
        {"file": "absent.txt", "language": "en", "countries": ["USA"]},
    ]
    return folder, write_gold(folder / "gold.jsonl", gold)


def test_cli_table_and_differences(corpus):
    folder, gold = corpus
    proc = run(gold, folder, "-v", "--workers", "1")
    assert proc.returncode == 1, proc.stderr  # a gold article is missing
    assert proc.stderr.strip().splitlines() == [
        "diplomap: missing: absent.txt: not found in the given paths"
    ]
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["field", "ar", "fa", "ru", "en", "all"]
    assert lines[1].split() == ["articles", "1", "1", "1", "1", "4"]
    assert any(line.startswith("countries ") for line in lines)
    out = proc.stdout
    assert "en.txt (en)\n  countries: missing FRA; extra " in out
    en_block = out[out.index("en.txt (en)") :]
    assert "RUS" in en_block.splitlines()[1] and "SYR" in en_block.splitlines()[1]
    assert "published: gold 2020-01-01, predicted 2024-02-13" in out


def _no_constants(name):
    raise ValueError(f"not strict JSON: {name}")


def test_cli_json_is_strict(corpus):
    folder, gold = corpus
    proc = run(gold, folder, "--json", "--workers", "1")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout, parse_constant=_no_constants)
    assert data["missing"] == ["absent.txt"]
    assert data["articles"] == {"ar": 1, "fa": 1, "ru": 1, "en": 1, "all": 4}
    assert list(data["metrics"]) == ["ar", "fa", "ru", "en", "all"]
    countries = data["metrics"]["all"]["countries"]
    assert countries["n"] == 6 and countries["tp"] + countries["fn"] == 6
    assert data["metrics"]["all"]["statements"]["precision"] is None  # none listed
    assert data["metrics"]["en"]["published"] == acc(0.0, 0, 1)


def test_cli_bad_gold_file_is_one_line_and_exit_2(tmp_path):
    gold = write_gold(tmp_path / "gold.jsonl", ['{"file": "a.txt"}', "{not json"])
    proc = run(gold, tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "gold.jsonl:2: not valid JSON" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = run(tmp_path / "nope.jsonl", tmp_path)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1


def test_unknown_issue_ids_are_warned_about():
    gold = [{"file": "a.txt", "issues": ["syria", "siria"], "lavrov_issues_optional": ["gaza"]}]
    assert E.gold_warnings(gold) == ["a.txt: `issues` has an unknown issue 'siria'"]


def test_fields_left_out_of_the_gold_are_not_scored():
    gold = [{"file": "a.txt", "countries": ["RUS"]}]
    rec = {"language": "en", "published": "2024-01-02", "countries": ["RUS"], "issues": ["gaza"]}
    data = E.to_dict(E.score(gold, {"a.txt": rec}))
    assert list(data["articles"]) == ["en", "all"]  # the predicted language groups it
    figures = data["metrics"]["all"]
    assert figures["countries"] == prf(1.0, 1.0, 1.0, 1, 0, 0, 1)
    assert figures["issues"] == prf(None, None, None, 0, 0, 0, 0)
    assert figures["published"] == acc(None, 0, 0)
    assert figures["language"] == acc(None, 0, 0)
