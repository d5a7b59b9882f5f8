"""The dashboard's precomputed Store (diplomap.views.Store / FastView) answers every
question exactly as filters.apply_filters + the views functions do on the full tables.
(Proposed for tests/; uses the synthetic corpus of conftest.py.)"""

from __future__ import annotations

import pandas as pd
import pytest

from diplomap import filters as F
from diplomap import views as V

STATES = [
    F.FilterState(),
    F.FilterState(countries=("SYR",)),
    F.FilterState(countries=("SYR", "IRN")),
    F.FilterState(lavrov_only=True),
    F.FilterState(lavrov_only=True, countries=("IRN",)),
    F.FilterState(issues=("syria",)),
    F.FilterState(issues=("iran_nuclear",), countries=("IRN",), lavrov_only=True),
    F.FilterState(languages=("ar",)),
    F.FilterState(sources=("TASS",)),
]


def same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    if a.empty and b.empty:
        return
    pd.testing.assert_frame_equal(
        a.reset_index(drop=True),
        b.reset_index(drop=True),
        check_dtype=False,
        check_categorical=False,
        check_index_type=False,
        check_column_type=False,
    )


@pytest.fixture(scope="module", params=["memory", "saved"])
def store(request, tmp_path_factory):
    from tests.conftest import make_corpus

    corpus = make_corpus()
    if request.param == "memory":
        return corpus, V.Store.from_corpus(corpus)
    from diplomap.corpus import current_version, save_corpus

    out = tmp_path_factory.mktemp("corpus")
    save_corpus(corpus, out)
    version = current_version(out)
    V.save_store(version)
    return corpus, V.load_store(version)


@pytest.mark.parametrize("state", STATES)
def test_fast_view_matches_the_full_tables(store, state):
    corpus, st = store
    slow, fast = F.apply_filters(corpus, state), st.view(state)
    assert V.headline(slow) == V.headline(fast)
    same(V.date_coverage(slow.articles), V.date_coverage(fast))
    for period in ("month", "year"):
        same(V.articles_per_period(slow, period), V.articles_per_period(fast, period))
    same(V.country_counts(slow), V.country_counts(fast))
    same(V.top_countries(slow, 12), V.top_countries(fast, 12))
    same(V.city_points(slow), V.city_points(fast))
    same(V.issue_counts(slow), V.issue_counts(fast))
    a, b = V.country_issue_matrix(slow), V.country_issue_matrix(fast)
    assert a.empty == b.empty
    if not a.empty:
        same(a.sort_index(), b.sort_index())
    table = V.statement_table(slow)
    same(table, V.statement_table(fast))
    order = V.statement_order(fast)
    for q in ("syria", "Лавров", "tass", "nothing like this"):
        same(V.search_statements(table, q), V.statement_frame(fast, V.search_order(fast, order, q)))
    for iso, issue in (("SYR", None), (None, "syria"), ("IRN", "iran_nuclear")):
        same(V.statements_for_cell(slow, iso, issue), V.statements_for_cell(fast, iso, issue))
    assert fast.n_mentions == len(slow.mentions)
    assert fast.n_statements == len(slow.statements)
    exported = fast.materialise()
    same(exported.mentions, slow.mentions)


def test_date_labels_say_when_there_is_no_date():
    dates = pd.Series([pd.Timestamp("2024-02-13"), pd.NaT, None])
    assert list(V.date_labels(dates)) == ["2024-02-13", "no date", "no date"]
