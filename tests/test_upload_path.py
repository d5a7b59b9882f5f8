"""The upload path keeps its promises (issue 13), through Streamlit's AppTest:

- an upload merged into a saved corpus whose tables are empty (no places, no statements)
  is explored without an Arrow type error, on this run and the next ones;
- "Uploads only" stays selected across page changes until the user changes it.
"""

from __future__ import annotations

import pytest
from samples import SAMPLES
from streamlit.testing.v1 import AppTest
from test_upload_bad_input import assert_clean, metric, report, switch, upload

from diplomap.corpus import current_version, load_corpus
from diplomap.corpus.saved import table_files

EN = SAMPLES["en"]["text"]
APP = "../dashboard.py"
TIMEOUT = 90
NO_PLACES = "Weather notes\nIt rained all day and the wind was cold, said the forecast.\n"


@pytest.fixture
def data_without_places(monkeypatch, tmp_path):
    """A data folder of one article that names no place, issue or speaker: every table
    but articles is empty."""
    articles = tmp_path / "data" / "articles"
    articles.mkdir(parents=True)
    (articles / "weather.txt").write_text(NO_PLACES, "utf-8")
    monkeypatch.setenv("DIPLOMAP_DATA", str(tmp_path / "data"))
    return tmp_path / "data"


def start(page: str = "data") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    switch(at, page)
    return at


def test_empty_saved_tables_keep_their_types(data_without_places):
    start("overview")  # the first visit builds and saves the corpus
    saved = current_version(data_without_places / "corpus")
    assert saved is not None
    import pyarrow.parquet as pq

    for table in ("mentions", "issue_mentions", "statements"):
        for path in table_files(saved, table):  # its parts
            schema = pq.read_schema(path)
            assert str(schema.field("article_id").type) in ("string", "large_string"), (
                path,
                schema,
            )
    corpus = load_corpus(data_without_places / "corpus")
    assert len(corpus.articles) == 1 and len(corpus.mentions) == 0


def test_merge_upload_into_saved_corpus_with_empty_tables(data_without_places):
    """The merged view (bundled + uploads) is drawn on every page and every rerun."""
    at = start()
    at = upload([("lavrov.txt", EN.encode())], at)
    assert report(at).loc["lavrov.txt", "articles"] == 1
    for page in ("overview", "map", "statements", "overview"):
        switch(at, page)
    assert metric(at, "Articles") == "2"
    at.run()  # a rerun
    assert_clean(at)
    assert metric(at, "Articles") == "2"


def test_uploads_only_kept_across_page_changes(monkeypatch, tmp_path):
    monkeypatch.setenv("DIPLOMAP_DATA", str(tmp_path / "no-such-data-folder"))
    at = upload([("lavrov.txt", EN.encode()), ("other.txt", SAMPLES["ru"]["text"].encode())])
    at.radio(key="upload_mode").set_value("replace").run()
    assert_clean(at)
    for page in ("overview", "map", "statements", "data"):
        switch(at, page)
    assert at.radio(key="upload_mode").value == "replace"
    switch(at, "overview")
    assert metric(at, "Articles") == "2"
    # until the user changes it
    switch(at, "data")
    at.radio(key="upload_mode").set_value("merge").run()
    for page in ("overview", "timeline", "data"):
        switch(at, page)
    assert at.radio(key="upload_mode").value == "merge"
