"""diplomap.ingest: every input a user may have, decoded and read, never crashing."""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path

import pytest

from diplomap.ingest import (
    DEFAULT_LIMITS,
    SUPPORTED_SUFFIXES,
    Article,
    IngestResult,
    Limits,
    Problem,
    clean_text,
    decode_bytes,
    dedupe,
    read_bytes,
    read_paths,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"

AR = "أكد وزير الخارجية الروسي سيرغي لافروف أن موسكو مستعدة للحوار مع جميع الأطراف."
FA = "لاوروف گفت که روسیه آماده گفتگو با ایران و کشورهای منطقه است."
RU = "Министр иностранных дел России Сергей Лавров заявил, что Москва готова к переговорам."
EN = "Russian Foreign Minister Sergey Lavrov said Moscow was ready for talks on Syria."
TEXTS = {"ar": AR, "fa": FA, "ru": RU, "en": EN}


def errors(result: IngestResult) -> list[Problem]:
    return [p for p in result.problems if p.severity == "error"]


def warnings(result: IngestResult) -> list[Problem]:
    return [p for p in result.problems if p.severity == "warning"]


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def make_zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# --- encodings ----------------------------------------------------------------------------

ENCODED = [
    ("ar", "cp1256", AR),
    ("ar", "cp1256", "روسيا والسعودية."),  # 16 bytes: charset-normalizer calls this cp1255
    ("fa", "cp1256", FA.replace("ی", "ي")),  # Persian in Windows-1256 (Arabic yeh)
    ("ru", "cp1251", RU),
    ("ru", "koi8-r", RU),
    ("ru", "cp1251", "ЛАВРОВ ЗАЯВИЛ О СИРИИ"),
    ("ru", "koi8-r", "ЛАВРОВ ЗАЯВИЛ О СИРИИ"),
    ("ar", "utf-16-le", AR),
    ("fa", "utf-16-be", FA),
    ("ru", "utf-16-le", RU),
    ("ar", "utf-8-sig", AR),
    ("ru", "utf-8-sig", RU),
    ("fa", "utf-8", FA),
    ("en", "utf-8", EN),
]


@pytest.mark.parametrize(("lang", "encoding", "text"), ENCODED)
def test_decode_bytes_recovers_each_encoding(lang: str, encoding: str, text: str) -> None:
    if encoding.startswith("utf-16"):
        bom = "\ufeff".encode(encoding)
        data = bom + text.encode(encoding)
    else:
        data = text.encode(encoding)
    if text == "روسيا والسعودية.":
        assert len(data) == 16
    decoded, used, replaced = decode_bytes(data)
    assert decoded == text
    assert replaced == 0
    assert used == encoding


@pytest.mark.parametrize(("lang", "encoding", "text"), ENCODED)
def test_read_txt_in_each_encoding(tmp_path: Path, lang: str, encoding: str, text: str) -> None:
    data = text.encode("utf-16") if encoding.startswith("utf-16") else text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    result = read_paths([write(tmp_path, f"{lang}.txt", data)])
    assert result.problems == []
    [article] = result.articles
    assert article.text == text
    assert article.language is None
    assert article.replaced_chars == 0
    # the same text from another encoding has the same id
    assert article.article_id == Article("x", text).article_id


@pytest.mark.parametrize("lang", ["ar", "ru", "en"])
def test_invalid_utf8_mid_file_is_replaced_counted_and_reported(tmp_path: Path, lang: str) -> None:
    good = TEXTS[lang].encode("utf-8")
    data = good + b" \xff\xfe " + good + b" \xc3"
    result = read_paths([write(tmp_path, "broken.txt", data)])
    [article] = result.articles
    assert article.replaced_chars == 3
    assert article.encoding == "utf-8"
    assert article.text.count("\ufffd") == 3
    assert article.text.startswith(TEXTS[lang])
    assert errors(result) == []
    [warning] = warnings(result)
    assert "3 undecodable" in warning.reason
    assert warning.file.endswith("broken.txt")


def test_bom_less_utf16_is_recognised() -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        for text in (EN, RU, AR):
            assert decode_bytes(text.encode(encoding))[:2] == (text, encoding)


def test_decode_bytes_never_raises_on_any_bytes() -> None:
    for data in (
        bytes(range(256)),
        b"\x80" * 7,
        b"\xff",
        b"",
        b"\x00\x00\x00",
        b"\xef\xbb\xbf\xff",
    ):
        text, encoding, replaced = decode_bytes(data)
        assert isinstance(text, str) and isinstance(encoding, str) and replaced >= 0


def test_clean_text() -> None:
    raw = "  \ufeffLine one\r\nline\x00 two\rthree\x07\x1b\u0085four\tend \u200c\n\n"
    assert clean_text(raw) == "Line one\nline two\nthree\nfour\tend \u200c"
    # NFC: a + combining ring becomes one character
    assert clean_text("a\u030a") == "\u00e5"
    # lone surrogates (from JSON escapes) cannot crash hashing
    assert clean_text("a\ud800b") == "a\ufffdb"
    Article("x", clean_text("a\ud800b")).article_id  # noqa: B018


# --- binary, empty, missing -----------------------------------------------------------------

BINARIES = [
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF"),
    ("gzip", b"\x1f\x8b\x08\x00" + bytes(200), "gzip"),
    ("zip", make_zip({"a.txt": EN.encode()}), "zip archive"),
    ("elf", b"\x7fELF\x02\x01\x01" + bytes(100), "ELF executable"),
    ("nul", b"abc\x00\x00\x00def\x00\x00" * 50, "control characters"),
    ("controls", bytes(range(1, 32)) * 20, "control characters"),
]


@pytest.mark.parametrize("suffix", [".txt", ".csv", ".md", ".jsonl", ".html"])
@pytest.mark.parametrize(("kind", "data", "label"), BINARIES, ids=[b[0] for b in BINARIES])
def test_binary_renamed_as_text_is_rejected(
    tmp_path: Path, suffix: str, kind: str, data: bytes, label: str
) -> None:
    name = f"{kind}{suffix}"
    result = read_paths([write(tmp_path, name, data)])
    assert result.articles == []
    [problem] = result.problems
    assert problem.reason == f"binary file ({label}), not text"
    assert problem.severity == "error"
    assert read_bytes(name, data).problems[0].reason == problem.reason


@pytest.mark.parametrize("suffix", [".txt", ".md", ".csv", ".json", ".jsonl", ".html"])
@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf \n", b"\xff\xfe"])
def test_empty_or_whitespace_file(tmp_path: Path, suffix: str, content: bytes) -> None:
    result = read_paths([write(tmp_path, "e" + suffix, content)])
    assert result.articles == []
    assert [p.reason for p in result.problems] == ["empty file"]


def test_missing_path_and_unsupported_files(tmp_path: Path) -> None:
    write(tmp_path, "doc.pdf", b"%PDF-1.4")
    result = read_paths([tmp_path / "nope.txt", tmp_path / "nodir", tmp_path / "doc.pdf"])
    assert result.articles == []
    reasons = [(Path(p.file).name, p.reason.split(";")[0]) for p in result.problems]
    assert reasons == [
        ("nope.txt", "no such file or folder"),
        ("nodir", "no such file or folder"),
        ("doc.pdf", "unsupported file type (.pdf)"),
    ]
    assert read_bytes("x.docx", b"PK").problems[0].reason.startswith("unsupported file type")


def test_folder_is_read_recursively_sorted_skipping_hidden_and_unsupported(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "Second text.")
    write(tmp_path, "a.txt", "First text.")
    write(tmp_path, "sub/c.md", "Third text.")
    write(tmp_path, ".hidden.txt", "Hidden text.")
    write(tmp_path, ".git/d.txt", "Hidden folder.")
    write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n")
    result = read_paths([tmp_path])
    assert result.problems == []
    assert [Path(a.file).relative_to(tmp_path).as_posix() for a in result.articles] == [
        "a.txt",
        "b.txt",
        "sub/c.md",
    ]
    assert [a.text for a in result.articles] == ["First text.", "Second text.", "Third text."]


def test_limits_file_size(tmp_path: Path) -> None:
    limits = Limits(max_file_bytes=1000)
    path = write(tmp_path, "big.txt", "x " * 600)
    [problem] = read_paths([path], limits).problems
    assert problem.reason == "file too large (1.2 KB, limit 1,000 bytes)"
    assert read_bytes("big.txt", path.read_bytes(), limits).problems == [
        Problem("big.txt", problem.reason)
    ]


def test_huge_single_line_file_is_truncated_with_a_warning(tmp_path: Path) -> None:
    line = ("Лавров " * 1_620_000).encode("utf-8")  # ~ 21 MB, one line
    assert 20 * 2**20 < len(line) < DEFAULT_LIMITS.max_file_bytes
    result = read_paths([write(tmp_path, "long.txt", line)])
    [article] = result.articles
    assert len(article.text) <= DEFAULT_LIMITS.max_article_chars
    assert article.text.startswith("Лавров Лавров")
    assert article.title == ""
    [problem] = result.problems
    assert problem.severity == "warning"
    assert problem.reason.startswith("text truncated to 2,000,000 characters")


def test_article_limit(tmp_path: Path) -> None:
    lines = "\n".join(json.dumps({"text": f"Article number {i}"}) for i in range(10))
    result = read_bytes("x.jsonl", lines.encode(), Limits(max_articles=3))
    assert [a.text for a in result.articles] == [f"Article number {i}" for i in range(3)]
    assert [p.reason for p in result.problems] == [
        "article limit reached (3); the rest was skipped"
    ]


# --- plain text and titles -------------------------------------------------------------------

TITLES = [
    (
        "ar",
        "لافروف يؤكد اعتزام روسيا عقد اجتماع\nأكد وزير الخارجية الروسي.",
        "لافروف يؤكد اعتزام روسيا عقد اجتماع",
    ),
    (
        "fa",
        "لاوروف: روسیه به گفتگو علاقمند است\n\nسرگئی لاوروف اعلام کرد.",
        "لاوروف: روسیه به گفتگو علاقمند است",
    ),
    ("ru", "Лавров: «Мы готовы к диалогу»\nМинистр заявил.", "Лавров: «Мы готовы к диалогу»"),
    ("en", "Lavrov meets Safadi in Moscow\nThe ministers met.", "Lavrov meets Safadi in Moscow"),
    ("ar", "أكد لافروف أن روسيا مستعدة.\nجملة ثانية.", ""),  # a sentence, not a headline
    ("fa", "آیا روسیه آماده است؟\nمتن.", "آیا روسیه آماده است؟"),  # a headline asks
    ("fa", "لاوروف سخن گفت. آیا روسیه آماده است؟\nمتن.", ""),  # two sentences: text
    ("ru", "Он сказал: «Мы готовы.»\nДалее.", ""),  # final punctuation inside quotes
    ("en", "Lavrov meets Safadi in Moscow", ""),  # nothing follows
    ("en", "Wait for it…\nThen more.", ""),
    ("en", "x" * 201 + "\nmore", ""),  # too long
    ("en", "13/02/2024\nLavrov said.", ""),  # a date, not a headline
]


@pytest.mark.parametrize(("lang", "text", "title"), TITLES)
def test_title_detection_keeps_the_line_in_the_text(
    tmp_path: Path, lang: str, text: str, title: str
) -> None:
    [article] = read_paths([write(tmp_path, f"{lang}.txt", text)]).articles
    assert article.title == title
    assert article.text == text  # the title line stays: spans are in the whole text


def test_markdown_heading_title(tmp_path: Path) -> None:
    [article] = read_paths(
        [write(tmp_path, "a.md", "# Lavrov in Cairo\n\nHe met Shoukry.")]
    ).articles
    assert article.title == "Lavrov in Cairo"
    assert article.text == "# Lavrov in Cairo\n\nHe met Shoukry."


def test_same_text_twice_has_same_id_and_dedupe_drops_it(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", AR.encode("utf-8"))
    b = write(tmp_path, "b.txt", AR.encode("cp1256"))
    c = write(tmp_path, "c.txt", ("\ufeff  " + AR.replace(" ", "  \r\n") + "\r\n").encode("utf-8"))
    d = write(tmp_path, "d.txt", RU.encode("utf-8"))
    e = write(tmp_path, "e.txt", RU.encode("koi8-r"))
    articles = read_paths([a, b, c, d, e]).articles
    assert len({x.article_id for x in articles}) == 2
    assert all(len(x.article_id) == 16 and int(x.article_id, 16) >= 0 for x in articles)
    kept = dedupe(articles)
    assert [Path(x.file).name for x in kept] == ["a.txt", "d.txt"]


def test_bundled_articles() -> None:
    result = read_paths([DATA])
    assert result.problems == []
    assert len(result.articles) == 5
    assert len({a.article_id for a in result.articles}) == 5
    assert all(a.language is None for a in result.articles)
    assert all(a.encoding == "utf-8" and a.replaced_chars == 0 for a in result.articles)
    assert [Path(a.file).name for a in result.articles] == sorted(
        p.name for p in DATA.glob("*.txt")
    )
    titled = {Path(a.file).name[:3]: a.title for a in result.articles}
    assert titled["003"].startswith("لافروف يؤكد")
    assert titled["002"] == ""  # starts with a long sentence


# --- HTML ---------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html><html lang="{lang}"><head>
<meta charset="{charset}"><title>{title} | Agency</title>
<meta property="og:site_name" content="Agency News">
<meta property="article:published_time" content="2024-02-13T10:00:00Z">
<link rel="canonical" href="https://example.org/news/1">
<script>document.write("EVIL"); alert("EVIL")</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1><p>{p}</p><p>{p}</p><script>var evil = "EVIL";</script></article>
<footer>Copyright Agency News 2024</footer></body></html>"""


@pytest.mark.parametrize(
    ("lang", "charset"), [("ar", "utf-8"), ("fa", "utf-8"), ("ru", "windows-1251"), ("en", "utf-8")]
)
def test_html_main_text_and_metadata(tmp_path: Path, lang: str, charset: str) -> None:
    title = TEXTS[lang].split()[:4]
    html = HTML.format(lang=lang, charset=charset, title=" ".join(title), p=TEXTS[lang])
    path = write(tmp_path, "page.html", html.encode(charset))
    result = read_paths([path])
    assert result.problems == []
    [article] = result.articles
    assert TEXTS[lang] in article.text
    assert "EVIL" not in article.text and "Copyright" not in article.text
    assert article.title == " ".join(title)
    assert article.published_raw == "2024-02-13"
    assert article.url == "https://example.org/news/1"
    assert article.source == "Agency News"
    assert article.language == lang
    assert read_bytes("page.htm", path.read_bytes()).articles[0].text == article.text


FA_ZWNJ = (
    "وزیر امور خارجه روسیه می\u200cگوید آتش\u200cبس در غزه ضروری است و گفت\u200cوگوها ادامه دارد. "
    "او همچنین درباره برنامه هسته\u200cای ایران و تحریم\u200cها سخن گفت و افزود که مسکو از "
    "راه\u200cحل سیاسی حمایت می\u200cکند."
)


@pytest.mark.parametrize("written", ["\u200c", "&zwnj;", "&#8204;", "&#x200C;"])
def test_html_keeps_the_persian_zero_width_non_joiner(written: str) -> None:
    """trafilatura drops non-printable characters: the ZWNJ inside Persian words (می‌گوید)
    must reach the text and the title whichever way the page writes it."""
    title = "آتش\u200cبس در غزه"
    page = HTML.format(lang="fa", charset="utf-8", title=title, p=FA_ZWNJ).replace(
        "\u200c", written
    )
    [article] = read_bytes("page.html", page.encode()).articles
    assert FA_ZWNJ in article.text
    assert "میگوید" not in article.text and "آتشبس" not in article.text
    assert article.title == title


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_html_zwnj_stand_in_never_shows(lang: str) -> None:
    """The stand-in that carries the ZWNJ through trafilatura never reaches a text, and
    a page that itself holds the stand-in character keeps it as written."""
    page = HTML.format(lang=lang, charset="utf-8", title="Title", p=TEXTS[lang] + " \u200c")
    [article] = read_bytes("page.html", page.encode()).articles
    assert "\U0001d7d8" not in article.text and TEXTS[lang] in article.text
    odd = HTML.format(lang=lang, charset="utf-8", title="T", p=TEXTS[lang] + " \U0001d7d8 x\u200cy")
    [article] = read_bytes("page.html", odd.encode()).articles
    assert "\U0001d7d8" in article.text and TEXTS[lang] in article.text


@pytest.mark.parametrize(
    "html",
    [
        "<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>",
        "<html><head><script>alert(1)</script></head><body></body></html>",
        "<html><body><p>",
        "<<<>>>&&&",
    ],
    ids=["nested-divs", "script-only", "truncated", "garbage"],
)
def test_html_without_main_text_is_a_problem(html: str) -> None:
    result = read_bytes("x.html", html.encode())
    assert result.articles == []
    assert [p.reason for p in result.problems] == ["no main text found"]


# --- CSV ---------------------------------------------------------------------------------------


def rows_csv(sep: str, rows: list[list[str]]) -> str:
    import csv

    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerows(rows)
    return out.getvalue()


@pytest.mark.parametrize("sep", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
def test_csv_delimiters_and_columns(tmp_path: Path, sep: str, encoding: str) -> None:
    rows = [
        ["Title", "Published", "URL", "Source", "Lang", "TEXT"],
        ["Лавров", "2024-02-13", "https://x.ru/1", "RIA", "Russian", RU],
        ["Second", "13 февраля 2024", "", "", "ru-RU", "Лавров, Сирия; Иран\nвторая строка"],
    ]
    data = rows_csv(sep, rows).encode(encoding)
    result = read_paths([write(tmp_path, "data.csv", data)])
    assert result.problems == []
    first, second = result.articles
    assert Path(first.file).name == "data.csv#2"
    assert Path(second.file).name == "data.csv#3"
    assert (first.title, first.published_raw, first.url, first.source, first.language) == (
        "Лавров",
        "2024-02-13",
        "https://x.ru/1",
        "RIA",
        "ru",
    )
    assert first.text == RU
    assert second.text == "Лавров, Сирия; Иран\nвторая строка"
    assert (second.url, second.source, second.language) == ("", "", "ru")
    assert first.encoding == encoding


@pytest.mark.parametrize("alias", ["body", "Content"])
def test_csv_text_aliases(alias: str) -> None:
    result = read_bytes("a.csv", f"id,{alias},date\n1,{EN},2024-01-01\n".encode())
    assert [(a.text, a.published_raw) for a in result.articles] == [(EN, "2024-01-01")]


def test_csv_without_text_column() -> None:
    result = read_bytes("a.csv", b"a,b\n1,2\n")
    assert [p.reason for p in result.problems] == ["no 'text' column (columns: a, b)"]


def test_csv_header_only() -> None:
    result = read_bytes("a.csv", b"title,text\r\n")
    assert result.articles == []
    assert [p.reason for p in result.problems] == ["no articles"]


def test_csv_ragged_rows_are_reported_and_good_rows_kept() -> None:
    data = "title,text\nA,first\nB,second,extra\nC\n\nD,fourth\nE,\n"
    result = read_bytes("r.csv", data.encode())
    assert [(a.file, a.text) for a in result.articles] == [
        ("r.csv#2", "first"),
        ("r.csv#6", "fourth"),
    ]
    assert [(p.line, p.reason) for p in result.problems] == [
        (3, "row has 3 fields, the header has 2"),
        (4, "row has 1 fields, the header has 2"),
        (7, "empty text"),
    ]


def test_csv_unbalanced_quote_is_reported_and_later_rows_kept() -> None:
    data = 'title,text\nA,first\nB,"never closed\nC,third\nD,"multi\nline"\n'
    result = read_bytes("q.csv", data.encode())
    assert [(a.file, a.text) for a in result.articles] == [
        ("q.csv#2", "first"),
        ("q.csv#4", "third"),
        ("q.csv#5", "multi\nline"),
    ]
    assert [(p.line, p.reason) for p in result.problems] == [
        (3, "unbalanced quote (a quoted field runs on to line 5)")
    ]


def test_csv_quote_open_until_the_end() -> None:
    data = 'title,text\r\nA,first\r\nB,"never closed\r\nC,third\r\n'
    result = read_bytes("q.csv", data.encode())
    assert [(a.file, a.text) for a in result.articles] == [
        ("q.csv#2", "first"),
        ("q.csv#4", "third"),
    ]
    assert [(p.line, p.reason) for p in result.problems] == [
        (3, "unbalanced quote: the quoted field never ends")
    ]


def test_csv_single_column_with_unquoted_commas() -> None:
    result = read_bytes("one.csv", f"text\n{RU}\n{EN}\n".encode())
    assert result.problems == []
    assert [a.text for a in result.articles] == [RU, EN]


def test_csv_stray_quote_inside_field() -> None:
    data = 'title,text\nA,"bad"quote\nB,good\n'
    result = read_bytes("q.csv", data.encode())
    assert [a.text for a in result.articles] == ["good"]
    [problem] = result.problems
    assert problem.line == 2 and problem.reason.startswith("malformed row")


def test_csv_huge_field() -> None:
    text = "Лавров " * 40_000  # 280,000 chars > csv's default 131,072 field limit
    data = rows_csv(",", [["text"], [text]]).encode()
    result = read_bytes("h.csv", data)
    assert result.problems == []
    assert result.articles[0].text == text.strip()


# --- JSON ---------------------------------------------------------------------------------------


def test_jsonl_bad_lines_are_reported_and_the_rest_kept() -> None:
    lines = [
        json.dumps({"text": AR, "title": "t", "date": "2024-01-01", "lang": "Arabic"}),
        '{"text": "broken',
        "",
        json.dumps([1, 2]),
        json.dumps({"body": FA, "url": "https://x.ir", "published": 20240101}),
        json.dumps({"title": "no text"}),
        json.dumps({"text": 42}),
        "[" * 100_000,
        json.dumps({"TEXT": RU, "language": "xx"}),
    ]
    result = read_bytes("x.jsonl", "\n".join(lines).encode())
    assert [(a.file, a.text, a.language) for a in result.articles] == [
        ("x.jsonl#1", AR, "ar"),
        ("x.jsonl#5", FA, None),
        ("x.jsonl#9", RU, "other"),
    ]
    assert result.articles[0].published_raw == "2024-01-01"
    assert result.articles[1].published_raw == "20240101"
    assert [(p.line, p.reason.split(":")[0]) for p in result.problems] == [
        (2, "invalid JSON"),
        (4, "not a JSON object (list)"),
        (6, "no 'text' key (keys"),
        (7, "'text' is not a string"),
        (8, "invalid JSON"),
    ]


@pytest.mark.parametrize(
    "payload",
    [
        [{"text": AR}, {"text": RU}],
        {"articles": [{"text": AR}, {"text": RU}]},
    ],
)
def test_json_array(payload: object) -> None:
    result = read_bytes("a.json", json.dumps(payload, ensure_ascii=False).encode())
    assert result.problems == []
    assert [(a.file, a.text) for a in result.articles] == [("a.json#1", AR), ("a.json#2", RU)]


def test_json_single_object_and_json_lines_in_json_file() -> None:
    one = read_bytes("o.json", json.dumps({"text": EN, "title": "T"}).encode())
    assert [(a.file, a.title, a.text) for a in one.articles] == [("o.json", "T", EN)]
    lines = read_bytes("l.json", f'{{"text": "{EN}"}}\n{{"text": "two"}}\n'.encode())
    assert [a.text for a in lines.articles] == [EN, "two"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"text": ', "invalid JSON"),
        (b"[" * 100_000, "invalid JSON: nested too deeply"),
        (b'"just a string"', "not a JSON object (str)"),
        (b"[]", "no articles"),
    ],
)
def test_bad_json(data: bytes, reason: str) -> None:
    result = read_bytes("b.json", data)
    assert result.articles == []
    assert result.problems[0].reason.startswith(reason)


# --- ZIP ----------------------------------------------------------------------------------------


def test_zip_of_every_format_and_nested_zip(tmp_path: Path) -> None:
    inner = make_zip({"deep.txt": EN.encode()})
    data = make_zip(
        {
            "a/ar.txt": AR.encode("cp1256"),
            "b.csv": f"text\n{RU}\n".encode(),
            "c.jsonl": json.dumps({"text": FA}).encode(),
            "d.html": HTML.format(lang="en", charset="utf-8", title="T t", p=EN).encode(),
            "inner.zip": inner,
            "notes.pdf": b"%PDF",
            "__MACOSX/._a.txt": b"\x00\x05",
        }
    )
    path = write(tmp_path, "all.zip", data)
    result = read_paths([path])
    assert result.problems == []
    assert [(a.file.split("all.zip")[1], a.encoding) for a in result.articles] == [
        ("!a/ar.txt", "cp1256"),
        ("!b.csv#2", "utf-8"),
        ("!c.jsonl#1", "utf-8"),
        ("!d.html", "utf-8"),
        ("!inner.zip!deep.txt", "utf-8"),
    ]
    assert result.articles[0].text == AR
    assert result.articles[4].text == EN
    from_bytes = read_bytes("all.zip", data)
    assert [(a.file, a.text) for a in from_bytes.articles] == [
        ("all.zip" + a.file.split("all.zip")[1], a.text) for a in result.articles
    ]


def test_zip_nested_twice_is_refused() -> None:
    data = make_zip({"l1.zip": make_zip({"l2.zip": make_zip({"x.txt": b"deep text"})})})
    result = read_bytes("top.zip", data)
    assert result.articles == []
    assert [p.file for p in result.problems] == ["top.zip!l1.zip!l2.zip"]
    assert "nested too deeply" in result.problems[0].reason


@pytest.mark.parametrize(
    "bad", ["../../etc/x.txt", "/etc/passwd.txt", "a/../../b.txt", "C:/x.txt", "..\\w.txt"]
)
def test_zip_member_escaping_the_archive_is_rejected(bad: str) -> None:
    data = make_zip({bad: b"evil text", "ok.txt": b"good text"})
    result = read_bytes("z.zip", data)
    assert [a.text for a in result.articles] == ["good text"]
    assert [p.reason for p in result.problems] == [f"zip member escapes the archive: {bad}"]


def test_zip_bomb_by_ratio_and_by_total_size() -> None:
    zeros = bytes(50 * 2**20)
    bomb = make_zip({"zeros.txt": zeros, "ok.txt": b"fine text"})
    assert len(bomb) < 200_000
    result = read_bytes("bomb.zip", bomb)
    assert [a.text for a in result.articles] == ["fine text"]
    [problem] = result.problems
    assert problem.file == "bomb.zip!zeros.txt" and "zip bomb" in problem.reason

    low = Limits(max_zip_total_bytes=10 * 2**20, max_zip_ratio=1e9)
    result = read_bytes("bomb.zip", bomb, low)
    assert result.articles == []
    assert [p.reason for p in result.problems] == [
        "zip would expand to 50.0 MB, limit 10.0 MB (zip bomb?)"
    ]


def test_zip_headers_that_lie_are_not_trusted() -> None:
    real = ("word " * 100_000).encode()
    data = bytearray(make_zip({"liar.txt": real}))
    # claim 100 bytes uncompressed in the local and the central header
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, 100)
    struct.pack_into("<I", data, central + 24, 100)
    result = read_bytes("liar.zip", bytes(data))
    assert result.articles == []
    [problem] = result.problems
    assert problem.file == "liar.zip!liar.txt"
    assert problem.reason.startswith("cannot read the zip member")


def test_zip_limits_members_and_nested_budget() -> None:
    many = make_zip({f"{i}.txt": b"t" for i in range(30)})
    result = read_bytes("many.zip", many, Limits(max_zip_members=20))
    assert [p.reason for p in result.problems] == ["zip has 30 members, limit 20"]

    inner = make_zip({"a.txt": b"a" * 600_000, "b.txt": b"b" * 600_000})
    outer = make_zip({"inner.zip": inner})
    result = read_bytes("o.zip", outer, Limits(max_zip_total_bytes=1_000_000))
    assert result.articles == []
    assert "beyond the limit" in result.problems[0].reason


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04garbage", make_zip({"a.txt": b"x" * 100})[:60], b"PK\x05\x06" + bytes(18)],
    ids=["garbage", "truncated", "empty-directory"],
)
def test_broken_zip_is_a_problem(data: bytes) -> None:
    result = read_bytes("b.zip", data)
    assert result.articles == []
    assert len(result.problems) == 1


def test_zip_without_supported_members() -> None:
    result = read_bytes("p.zip", make_zip({"a.pdf": b"%PDF", "b.docx": b"PK"}))
    assert [p.reason for p in result.problems] == [
        "no supported files in the archive (skipped: .docx, .pdf)"
    ]


# --- read_bytes == read_paths --------------------------------------------------------------------

SAME = [
    ("a.txt", AR.encode("cp1256")),
    ("b.md", ("# T\n\n" + RU).encode("koi8-r")),
    ("c.csv", f"title;text\nx;{FA}\ny;{AR}\n".encode("utf-16")),
    ("d.jsonl", (json.dumps({"text": EN}) + "\n{bad\n").encode()),
    ("e.json", json.dumps([{"text": RU, "lang": "ru"}]).encode()),
    ("f.zip", make_zip({"x.txt": EN.encode(), "../y.txt": b"z"})),
    ("g.txt", b"\x89PNG\r\n\x1a\n\x00"),
]


@pytest.mark.parametrize(("name", "data"), SAME, ids=[s[0] for s in SAME])
def test_read_bytes_equals_read_paths(tmp_path: Path, name: str, data: bytes) -> None:
    path = write(tmp_path, name, data)
    from_path = read_paths([path])
    from_bytes = read_bytes(name, data)
    assert from_path.articles or from_path.problems
    prefix = str(path)[: -len(name)]
    assert [(a.file.removeprefix(prefix), a) for a in from_path.articles] == [
        (a.file, Article(**{**a.__dict__, "file": prefix + a.file})) for a in from_bytes.articles
    ]
    assert [
        (p.file.removeprefix(prefix), p.reason, p.line, p.severity) for p in from_path.problems
    ] == [(p.file, p.reason, p.line, p.severity) for p in from_bytes.problems]


def test_ingest_result_extend_and_suffixes() -> None:
    a = read_bytes("a.txt", b"one")
    a.extend(read_bytes("b.txt", b""))
    assert [x.text for x in a.articles] == ["one"]
    assert [p.reason for p in a.problems] == ["empty file"]
    assert {".txt", ".md", ".html", ".htm", ".csv", ".jsonl", ".json", ".zip"} <= set(
        SUPPORTED_SUFFIXES
    )


@pytest.mark.parametrize(
    ("lang", "encoding"), [("ar", "cp1256"), ("ru", "cp1251"), ("en", "cp1252")]
)
def test_html_mislabelled_as_latin1(lang: str, encoding: str) -> None:
    html = HTML.format(lang="", charset="iso-8859-1", title="Lavrov news", p=TEXTS[lang])
    [article] = read_bytes("m.html", html.encode(encoding)).articles
    assert TEXTS[lang] in article.text
    assert article.language is None  # lang="" declares nothing


def test_empty_folder_and_special_files(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    write(tmp_path, "only/notes.pdf", b"%PDF")
    result = read_paths([tmp_path / "empty", tmp_path / "only"])
    assert [(Path(p.file).name, p.reason, p.severity) for p in result.problems] == [
        ("empty", "no supported files in the folder", "warning"),
        ("only", "no supported files in the folder", "warning"),
    ]
    result = read_paths(["/dev/null"])
    assert [p.reason for p in result.problems] == ["not a regular file"]


LAYOUT_PAGE = """<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>
<table width="100%"><tr><td><a href="/">Home</a> | <a href="/p">Politics</a> |
<a href="/e">Economy</a> | <a href="/s">Sports</a></td></tr>
<tr><td><table><tr><td class="main"><div class="title">{title}</div>
{body}</td><td class="side">Most read: <a href="/1">1- Gold prices today</a>
<a href="/2">2- Football results</a> <a href="/3">3- Weather in the capital</a></td></tr>
</table></td></tr>
<tr><td>Related: <a href="/r1">Envoy meets ministers</a> (26/09/2019) -
<a href="/r2">Talks on trade</a> (24/09/2019)</td></tr>
<tr><td><a href="/about">About us</a> | <a href="/ads">Advertise</a></td></tr></table></body></html>"""


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_a_page_laid_out_in_a_table_is_read_as_its_story(lang: str) -> None:
    """An old site's page whose whole layout is a table (menus, the story in one cell
    with <br><br> between paragraphs, the most-read list, related links): its story is
    read paragraph by paragraph, not as one table row among the others."""
    paragraphs = [line for line in TEXTS[lang].splitlines() if line.strip()] * 3
    body = "<br><br>\n".join(paragraphs)
    page = LAYOUT_PAGE.format(lang=lang, title="Lavrov", body=body)
    [article] = read_bytes("page.html", page.encode()).articles
    lines = [line.strip() for line in article.text.splitlines()]
    assert paragraphs[0] in lines and paragraphs[-1] in lines  # paragraphs, not one cell
    assert not any(line.startswith("| ") for line in lines)  # no table rows


@pytest.mark.parametrize("lang", ["ar", "fa", "ru", "en"])
def test_a_data_table_inside_a_story_is_kept(lang: str) -> None:
    rows = "".join(f"<tr><td>Year {y}</td><td>{y * 3} bn</td></tr>" for y in range(2018, 2022))
    p = TEXTS[lang]
    page = HTML.format(lang=lang, charset="utf-8", title="Trade", p=p).replace(
        "</article>", f"<table>{rows}</table><p>{p}</p></article>"
    )
    [article] = read_bytes("page.html", page.encode()).articles
    assert "Year 2019" in article.text and p in article.text
