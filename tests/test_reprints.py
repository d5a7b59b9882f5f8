"""Issue 12: reprints, sources and links, the published corpus and its weekly job.

A corpus with reprints is built from articles generated in code (tests/reprint_articles.py:
one wire story under three outlets and two addresses of one of them, with small edits,
plus four distinct stories): the reprints get one cluster, the "Count reprints once"
switch changes the counts, the Statements page shows how many outlets carried a story.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
import yaml
from apptest_run import run
from reprint_articles import write_collection

from diplomap import config, session
from diplomap import query as Q
from diplomap import schema as S
from diplomap.__main__ import main
from diplomap.corpus import build_corpus, build_to_dir, load_corpus, reprints
from diplomap.corpus.publish import PUBLISHED_DIR, publish, published_version
from diplomap.corpus.reprints import canonical_url, cluster_labels, signature
from diplomap.explore import aggregates as A
from diplomap.explore.store import Store
from diplomap.explore.view import View
from diplomap.extract import shingles

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "publish-corpus.yml"
WIRE_OUTLETS = {"TASS", "RT", "Sputnik"}


@pytest.fixture(scope="module")
def collection(tmp_path_factory) -> Path:
    return write_collection(tmp_path_factory.mktemp("reprints") / "collection")


@pytest.fixture(scope="module")
def corpus(collection):
    return build_corpus([collection], workers=1)


@pytest.fixture(scope="module")
def store(corpus) -> Store:
    return Store.from_corpus(corpus)


def wire_ids(corpus) -> list[str]:
    arts = corpus.articles
    return sorted(arts.loc[arts[S.SOURCE].isin(WIRE_OUTLETS), S.ARTICLE_ID])


# --- canonical URLs and clusters ------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://www.tass.com/politics/1001/", "http://TASS.com/politics/1001"),
        ("https://tass.com/a?id=3&utm_source=rss&x=1#top", "https://tass.com/a?x=1&id=3"),
        ("https://m.example.org/news/1/amp", "https://example.org/news/1"),
        ("https://example.org:443/a?fbclid=1", "https://example.org/a"),
    ],
)
def test_canonical_url_ignores_what_does_not_name_the_article(a, b):
    assert canonical_url(a) == canonical_url(b) != ""


@pytest.mark.parametrize(
    "url", ["", "javascript:alert(1)", "data:text/html,x", "ftp://x.org/a", "/relative", None]
)
def test_canonical_url_is_empty_for_anything_but_http(url):
    assert canonical_url(url) == ""


def test_same_canonical_url_is_one_cluster_whatever_the_texts():
    labels = cluster_labels(
        ["b", "a", "c"],
        [signature("one story entirely"), signature("another text here"), None],
        ["https://x.org/a?utm_medium=feed", "https://www.x.org/a/", ""],
    )
    assert labels == ["a", "a", "c"]


def _planted_signatures(seed: int, stories: int, articles: int) -> list:
    """Signatures of `articles` texts drawn from `stories` originals with 0 to 60 of their
    128 hashes changed (some near-duplicates, some not), a few without a signature."""
    import numpy as np

    rng = np.random.default_rng(seed)
    width = shingles.NUM_PERM
    base = rng.integers(0, 2**32, size=(stories, width), dtype=np.uint32)
    sigs = []
    for _ in range(articles):
        sig = base[rng.integers(0, stories)].copy()
        changed = rng.choice(width, int(rng.integers(0, 60)), replace=False)
        sig[changed] = rng.integers(0, 2**32, size=len(changed), dtype=np.uint32)
        sigs.append(None if rng.random() < 0.05 else sig)
    return sigs


@pytest.mark.parametrize("seed, stories, articles", [(0, 300, 900), (1, 5, 400), (2, 900, 900)])
def test_near_duplicates_joined_on_arrays_as_one_by_one(seed, stories, articles):
    """The band groups' pairs compared on arrays join the same articles as the article at
    a time loop (groups of every size: 400 drafts of 5 stories, 900 of 900)."""
    sigs = _planted_signatures(seed, stories, articles)
    ids = [f"{(i * 7919) % articles:05d}" for i in range(articles)]
    on_arrays, one_by_one = reprints._Clusters(ids), reprints._Clusters(ids)
    reprints._join_near_duplicates(on_arrays, sigs)
    reprints._join_one_by_one(one_by_one, sigs)
    labels = on_arrays.labels()
    assert labels == one_by_one.labels()
    assert len(set(labels)) < articles - articles // 10 or stories == articles  # some joined


def test_reprints_share_a_cluster_and_distinct_stories_do_not(corpus):
    arts = corpus.articles
    assert len(arts) == 8  # every URL and outlet is kept: 4 wire articles, 4 stories
    wire = arts[arts[S.SOURCE].isin(WIRE_OUTLETS)]
    assert len(wire) == 4 and wire[S.ARTICLE_ID].nunique() == 4  # small edits: other ids
    assert set(wire[S.CLUSTER]) == {min(wire[S.ARTICLE_ID])}  # the smallest id names it
    others = arts[~arts[S.SOURCE].isin(WIRE_OUTLETS)]
    assert (others[S.CLUSTER] == others[S.ARTICLE_ID]).all()
    assert set(arts[S.URL]) >= {
        "https://tass.com/politics/1001",
        "https://www.rt.com/news/syria-lavrov/",
    }


def test_the_same_text_at_two_addresses_is_one_article(tmp_path, collection):
    """The article id is a hash of the normalised text: a second copy is dropped."""
    folder = tmp_path / "twice"
    folder.mkdir()
    text = (collection / "collection.jsonl").read_text("utf-8").splitlines()[0]
    again = text.replace("https://tass.com/politics/1001", "https://tass.com/politics/1001?amp=1")
    (folder / "a.jsonl").write_text(text + "\n" + again + "\n", "utf-8")
    assert len(build_corpus([folder], workers=1).articles) == 1


def test_streamed_build_gives_the_same_clusters(tmp_path, corpus, monkeypatch):
    """Eight files or more are streamed to Parquet: the clusters are computed there too,
    and kept when the corpus is built again incrementally, hashing only the new text."""
    folder = write_collection(tmp_path / "many", one_file_each=True)
    build_to_dir([folder], tmp_path / "out", workers=1)
    saved = load_corpus(tmp_path / "out").articles.set_index(S.ARTICLE_ID)[S.CLUSTER]
    expected = corpus.articles.set_index(S.ARTICLE_ID)[S.CLUSTER]
    assert saved.sort_index().equals(expected.sort_index())
    (folder / "99.jsonl").write_text('{"text": "Lavrov said nothing new today."}\n', "utf-8")
    hashed: list[str] = []  # texts hashed when the clusters are made: none, all are known
    counted = reprints.signature
    monkeypatch.setattr(reprints, "signature", lambda t, b=None: hashed.append(t) or counted(t, b))
    extracted: list[str] = []  # texts hashed with their extraction: the new one only
    of = shingles.signature_of
    monkeypatch.setattr(
        shingles, "signature_of", lambda n, b=None: extracted.append(n.original) or of(n, b)
    )
    summary = build_to_dir([folder], tmp_path / "out", workers=1)
    assert hashed == []
    assert extracted == ["Lavrov said nothing new today."]
    assert summary.reused == 8
    again = load_corpus(tmp_path / "out").articles.set_index(S.ARTICLE_ID)[S.CLUSTER]
    assert again.reindex(expected.index).equals(expected)


def test_small_build_keeps_the_clusters_when_saved(tmp_path, collection, corpus):
    build_to_dir([collection], tmp_path / "out", workers=1)  # one file: built in memory
    saved = load_corpus(tmp_path / "out").articles
    assert saved[S.CLUSTER].tolist() == corpus.articles[S.CLUSTER].tolist()


# --- counting reprints once ----------------------------------------------------------------


def syria_articles(view: View) -> int:
    table = A.country_counts(view)
    return int(table.loc[table["iso3"] == "SYR", "articles"].sum())


def test_the_switch_changes_the_counts(store, corpus):
    assert store.has_reprints and store.n_clusters == 5
    once = View(store, Q.FilterState())  # default: on, the corpus has reprints
    every = View(store, Q.FilterState(reprints_once=False))
    assert (once.n_articles, every.n_articles) == (5, 8)
    assert syria_articles(once) == 1 and syria_articles(every) == 4
    assert every.n_statements > once.n_statements > 0
    # the story is counted once, by its first article (the smallest id on the same day)
    assert once.article_ids() & set(wire_ids(corpus)) == {min(wire_ids(corpus))}


def test_reprints_once_counts_a_story_under_each_filter(store):
    """A filter picks among the reprints: a story carried by RT counts once for RT."""
    rt = View(store, Q.FilterState(sources=("RT",)))
    assert rt.n_articles == 1 and syria_articles(rt) == 1
    two = View(store, Q.FilterState(sources=("RT", "Sputnik")))
    assert two.n_articles == 1
    assert (
        View(store, Q.FilterState(sources=("RT", "Sputnik"), reprints_once=False)).n_articles == 2
    )


def test_outlets_per_statement(store, corpus):
    page = A.statement_page(View(store, Q.FilterState()), "", 1, 100)
    wire = page.table[page.table[S.ARTICLE_ID].isin(wire_ids(corpus))]
    assert len(wire) and set(wire["outlets"]) == {3}  # TASS (twice), RT, Sputnik
    assert set(page.table.loc[~page.table.index.isin(wire.index), "outlets"]) == {1}
    assert all(link.startswith("https://") for link in page.table["link"])


def test_a_corpus_without_clusters_has_the_switch_off(store):
    from conftest import make_corpus

    plain = Store.from_corpus(make_corpus())
    assert not plain.has_reprints and not A.filter_options(plain).reprints
    assert View(plain, Q.FilterState()).n_articles == 6


def test_the_switch_in_the_url():
    on, off = Q.FilterOptions(reprints=True), Q.FilterOptions(reprints=False)
    state, notes = Q.parse_query({"reprints": "false"}, on)
    assert state.reprints_once is False and not notes
    assert Q.to_query(state, on) == {"reprints": ["false"]}
    assert Q.parse_query({"reprints": "true"}, on)[0].reprints_once is None  # the default
    assert Q.parse_query({"reprints": "true"}, off)[0].reprints_once is True
    state, notes = Q.parse_query({"reprints": "maybe"}, on)
    assert state.reprints_once is None and "reprints" in notes[0]
    values = Q.widget_values(Q.FilterState(), on)
    assert values[Q.REPRINTS] is True
    assert Q.state_from_widgets({**values, Q.REPRINTS: False}, on).reprints_once is False


# --- the dashboard ---------------------------------------------------------------------------


@pytest.fixture
def with_reprints(monkeypatch, corpus):
    bad = corpus.articles.copy()
    bad.loc[bad[S.SOURCE] == "IRNA", S.URL] = "javascript:alert(1)"
    shown = type(corpus)(bad, corpus.mentions, corpus.issue_mentions, corpus.statements)
    monkeypatch.setattr(session, "bundled_corpus", lambda: shown)
    session._shared_store.clear()
    return shown


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_dashboard_switch_is_on_and_changes_the_counts(with_reprints):
    at = run()
    switch = at.toggle(key=Q.REPRINTS)
    assert switch.value is True and not switch.proto.disabled
    assert switch.proto.query_param_key == Q.REPRINTS
    assert metric(at, "Articles") == "5"
    switch.set_value(False).run()
    assert metric(at, "Articles") == "8"
    assert "reprints=false" in at.sidebar.get("code")[0].value
    at = run(None, {"reprints": "false"})
    assert at.toggle(key=Q.REPRINTS).value is False and metric(at, "Articles") == "8"


def test_statements_show_outlets_sources_and_safe_links(with_reprints):
    at = run("statements")
    table = at.dataframe[0].value
    assert {"source", "outlets", "link"} <= set(table.columns)
    wire = table[table["source"].isin(WIRE_OUTLETS)]
    assert len(wire) and set(wire["outlets"]) == {3}
    assert set(wire["source"]) == {"TASS"}  # the story once, under its first outlet
    links = [link for link in table["link"] if isinstance(link, str)]
    assert links and all(link.startswith("https://") for link in links)
    assert table.loc[table["source"] == "IRNA", "link"].isna().all()  # javascript: refused
    at = run("statements", {"reprints": "false"})
    assert set(at.dataframe[0].value["source"]) >= WIRE_OUTLETS


def first_statement(corpus) -> str:
    """The link's name of the first statement of the wire story's first article."""
    rows = corpus.statements[corpus.statements[S.ARTICLE_ID] == min(wire_ids(corpus))]
    return A.statement_ref(rows[S.ARTICLE_ID].iloc[0], rows[S.SENTENCE].min())


def test_selected_statement_says_who_carried_it(with_reprints, corpus):
    at = run("statements", {"statement": first_statement(corpus)})
    body = "\n".join(h.proto.body for h in at.get("html"))
    assert "Carried by 3 outlets" in body
    for outlet in WIRE_OUTLETS:
        assert f">{outlet} ↗</a>" in body
    assert 'rel="noopener noreferrer" referrerpolicy="no-referrer"' in body
    assert 'href="https://sputnikglobe.com/20240213/lavrov.html" target="_blank"' in body


def test_source_filter_is_bound_to_the_url(with_reprints):
    at = run("statements", {"source": "RT"})
    assert at.multiselect(key=Q.SOURCE).value == ["RT"]
    assert at.multiselect(key=Q.SOURCE).proto.query_param_key == Q.SOURCE
    assert set(at.dataframe[0].value["source"]) == {"RT"}


def test_about_panel_counts_the_stories(with_reprints):
    at = run()
    about = next(e for e in at.expander if e.label == "About this data")
    text = re.sub(r"\\(.)", r"\1", "\n".join(m.value for m in about.markdown))
    assert "8 articles tell 5 stories (3 reprints" in text


# --- publishing -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory, collection) -> Path:
    """A data folder holding only a published corpus (built by the command line)."""
    root = tmp_path_factory.mktemp("hosted")
    code = main(["build", str(collection), "--out", str(root / "full"), "--publish", str(root / "data" / "published"), "--quiet", "--workers", "1"])  # fmt: skip
    assert code == 0
    return root


def test_published_corpus_has_no_texts_but_statements_counts_and_links(published):
    full = load_corpus(published / "full")
    public = load_corpus(published / "data" / "published")
    assert (full.articles[S.TEXT].str.len() > 100).all()
    assert (public.articles[S.TEXT] == "").all()
    assert public.articles[S.BOILERPLATE].map(len).eq(0).all()
    for column in (S.ARTICLE_ID, S.TITLE, S.SOURCE, S.URL, S.PUBLISHED, S.CLUSTER):
        assert public.articles[column].equals(full.articles[column]), column
    assert not public.articles[S.FILE].str.contains("/").any()  # never a path of the builder
    pd.testing.assert_frame_equal(public.statements, full.statements)
    assert len(public.mentions) == len(full.mentions)
    assert published_version(published / "data") is not None


def test_publishing_the_same_corpus_again_changes_no_file(published):
    from diplomap.corpus.lock import LOCK_FILE

    dest = published / "data" / "published"

    def files() -> dict:  # the write lock's file names its last holder (pid, time): not data
        return {p: p.read_bytes() for p in dest.rglob("*") if p.is_file() and p.name != LOCK_FILE}

    before = files()
    again = publish(published / "full", dest)
    assert again.parent == dest and before == files()


def test_publish_refuses_its_own_output_folder(tmp_path, collection, capsys):
    code = main(["build", str(collection), "--out", str(tmp_path / "c"), "--publish", str(tmp_path / "c"), "--quiet", "--workers", "1"])  # fmt: skip
    assert code == 2 and "its own" in capsys.readouterr().err


def test_dashboard_reads_the_published_corpus(published, monkeypatch):
    monkeypatch.setenv("DIPLOMAP_DATA", str(published / "data"))
    assert config.data_dir() == (published / "data").resolve()
    at = run("statements", {"statement": first_statement(load_corpus(published / "full"))})
    assert metric(run(), "Articles") == "5"
    body = "\n".join(h.proto.body for h in at.get("html"))
    assert "Carried by 3 outlets" in body and "not part of this corpus" in body
    assert 'href="https://tass.com/politics/1001"' in body
    at = run("data")
    about = next(e for e in at.expander if e.label == "About this data")
    text = "\n".join(m.value for m in about.markdown)
    assert "published corpus" in text and "bundled sample" not in text


# --- the scheduled job ------------------------------------------------------------------------


def test_the_weekly_workflow_collects_builds_publishes_and_commits():
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert re.fullmatch(r"\S+ \S+ \* \* [0-6]", triggers["schedule"][0]["cron"])  # weekly
    assert "workflow_dispatch" in triggers
    assert workflow["permissions"]["contents"] == "write"
    steps = workflow["jobs"]["publish"]["steps"]
    env = workflow["jobs"]["publish"]["env"]
    script = "\n".join(step.get("run", "") for step in steps)
    assert "pip install -r requirements.txt" in script
    assert re.search(r"python -m diplomap collect --out \"\$COLLECTION\"", script)
    assert "--gdelt" in script and "--since" in script
    assert re.search(
        r"python -m diplomap build \"\$COLLECTION\" --out \"\$CORPUS\" --publish \"\$PUBLISHED\"",
        script,
    )
    # what it publishes is what the hosted app reads: the data folder's published/
    assert env["PUBLISHED"] == f"data/{PUBLISHED_DIR}"
    assert Path(env["PUBLISHED"]).parent == config.PACKAGE_DATA_DIR.relative_to(ROOT)
    assert 'git add -- "$PUBLISHED"' in script and "git commit" in script and "git push" in script
    assert "git diff --cached --quiet" in script  # commits only when it changed
    guard = next(s for s in steps if s.get("name", "").startswith("Never publish a smaller"))
    assert guard["if"] == "${{ !inputs.accept_smaller }}" and "exit 1" in guard["run"]
    assert triggers["workflow_dispatch"]["inputs"]["accept_smaller"]["default"] is False
    names = [s.get("name", "") for s in steps]
    assert names.index(guard["name"]) < names.index("Commit the published corpus if it changed")
    uses = [step.get("uses", "") for step in steps]
    assert any(u.startswith("actions/cache/restore@") for u in uses)
    assert any(u.startswith("actions/cache/save@") for u in uses)


def test_uploads_merged_into_a_corpus_with_clusters(store):
    """Uploaded articles (here without a cluster column) are their own stories."""
    from conftest import make_corpus

    merged = Store.merge(store, make_corpus())
    assert (merged.n_articles, merged.n_clusters) == (14, 11)
    assert View(merged, Q.FilterState()).n_articles == 11
    assert View(merged, Q.FilterState(reprints_once=False)).n_articles == 14


def test_overview_says_how_many_reprints_are_counted_once(with_reprints):
    at = run()
    assert "8 articles tell 5 stories: 3 reprints are counted once" in captions(at)
    at.toggle(key=Q.REPRINTS).set_value(False).run()
    assert "counted once" not in captions(at)


def captions(at) -> str:
    return re.sub(r"\\(.)", r"\1", "\n".join(c.value for c in at.caption))


def test_near_duplicates_join_every_pair_that_agrees_even_through_chains():
    """Clusters from signatures equal the union of every candidate pair (sharing an LSH
    band) whose hashes agree on KEEP_THRESHOLD or more, chains included (a ~ b, b ~ c, a
    and c too far apart), whatever the order of the articles."""
    import numpy as np

    rng = np.random.default_rng(7)
    bands, rows = reprints.LSH_PARAMS
    n_hashes = bands * rows + 2
    sigs: list = []
    for _story in range(12):  # stories, each a chain of reprints drifting from the first
        base = rng.integers(0, 2**32, n_hashes, dtype=np.uint32)
        for _copy in range(int(rng.integers(1, 6))):
            sig = base.copy()
            changed = rng.choice(n_hashes, int(rng.integers(0, 30)), replace=False)
            sig[changed] = rng.integers(0, 2**32, len(changed), dtype=np.uint32)
            sigs.append(sig)
            base = sig
    sigs += [None, None]
    ids = [f"{i:04d}" for i in rng.permutation(len(sigs))]

    def expected() -> list[str]:
        parent = list(range(len(sigs)))

        def root(i: int) -> int:
            while parent[i] != i:
                i = parent[i]
            return i

        for i, a in enumerate(sigs):
            for j, b in enumerate(sigs[:i]):
                if a is None or b is None:
                    continue
                shares = any(
                    (a[k * rows : (k + 1) * rows] == b[k * rows : (k + 1) * rows]).all()
                    for k in range(bands)
                )
                if shares and (a == b).mean() >= reprints.KEEP_THRESHOLD:
                    parent[root(i)] = root(j)
        groups: dict[int, list[str]] = {}
        for i in range(len(sigs)):
            groups.setdefault(root(i), []).append(ids[i])
        return [min(groups[root(i)]) for i in range(len(sigs))]

    labels = cluster_labels(ids, sigs, [""] * len(sigs))
    assert labels == expected()
    assert len(set(labels)) < len(sigs) - 2  # some reprints were joined
    order = rng.permutation(len(sigs))
    shuffled = cluster_labels([ids[i] for i in order], [sigs[i] for i in order], [""] * len(sigs))
    assert shuffled == [labels[i] for i in order]
