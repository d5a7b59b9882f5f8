"""The dashboard's precomputed Store and its View answer every question exactly as the
pandas oracle (tests/oracle.py) does on the full tables, for the synthetic corpus of
conftest.py, in memory and saved, under fixed and random filters."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from diplomap.explore import aggregates as A
from diplomap.explore.export import filtered_tables
from diplomap.explore.labels import date_labels
from diplomap.explore.store import ARRAYS, Store, load_store, save_store, store_folder
from diplomap.explore.view import View
from diplomap.query import FilterState
from tests import oracle as O

STATES = [
    FilterState(),
    FilterState(countries=("SYR",)),
    FilterState(countries=("SYR", "IRN")),
    FilterState(lavrov_only=True),
    FilterState(lavrov_only=True, countries=("IRN",)),
    FilterState(issues=("syria",)),
    FilterState(issues=("iran_nuclear",), countries=("IRN",), lavrov_only=True),
    FilterState(languages=("ar",)),
    FilterState(sources=("TASS",)),
]


def random_states(n: int, seed: int = 7) -> list[FilterState]:
    rng = random.Random(seed)

    def some(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted(rng.sample(values, rng.randint(0, 2))))

    states = []
    for _ in range(n):
        lo = rng.randint(2020, 2024)
        states.append(
            FilterState(
                years=(lo, rng.randint(lo, 2025)) if rng.random() < 0.4 else None,
                countries=some(("SYR", "IRN", "ISR", "USA", "SAU", "PSE", "RUS")),
                issues=some(("syria", "iran_nuclear", "gaza", "economy", "humanitarian")),
                languages=some(("ar", "fa", "ru", "en")),
                sources=some(("SANA", "IRNA", "TASS", "Reuters", "")),
                lavrov_only=rng.random() < 0.4,
            )
        )
    return states


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


def by_key(long: pd.DataFrame) -> pd.DataFrame:
    out = long.astype({"group": str}) if len(long) else long
    return out.sort_values(["period", "key"]).reset_index(drop=True)


@pytest.fixture(scope="module", params=["memory", "saved"])
def store(request, tmp_path_factory):
    from tests.conftest import make_corpus

    corpus = make_corpus()
    if request.param == "memory":
        return corpus, Store.from_corpus(corpus)
    from diplomap.corpus import current_version, save_corpus

    out = tmp_path_factory.mktemp("corpus")
    save_corpus(corpus, out)
    version = current_version(out)
    save_store(version)
    return corpus, load_store(version)


def check_same_answers(corpus, st: Store, state: FilterState) -> None:
    slow, fast = O.apply_filters(corpus, state), View(st, state)
    assert O.headline(slow) == A.headline(fast)
    same(O.date_coverage(slow), A.date_coverage(fast))
    for period in ("month", "year"):
        same(O.articles_per_period(slow, period), A.articles_per_period(fast, period))
        for by in ("country", "issue"):
            for normalise in (False, True):  # every group (ties may rank either way)
                same(
                    by_key(O.mentions_per_period(slow, period, by, 50, normalise)),
                    by_key(A.mentions_per_period(fast, period, by, 50, normalise)),
                )
    same(O.country_counts(slow), A.country_counts(fast))
    same(O.top_countries(slow, 12), A.top_countries(fast, 12))
    same(O.city_points(slow), A.city_points(fast))
    same(O.issue_counts(slow), A.issue_counts(fast))
    a, b = O.country_issue_matrix(slow), A.country_issue_matrix(fast)
    assert a.empty == b.empty
    if not a.empty:
        same(a.sort_index(), b.sort_index())
    table = O.statement_table(slow)
    order = A.statement_order(fast)
    same(table, A.statement_frame(fast, order))
    for q in ("syria", "Лавров", "tass", "nothing like this"):
        same(O.search_statements(table, q), A.statement_frame(fast, A.search_order(fast, order, q)))
    for iso, issue in (("SYR", None), (None, "syria"), ("IRN", "iran_nuclear")):
        same(O.statements_for_cell(slow, iso, issue), A.statements_for_cell(fast, iso, issue))
    assert fast.n_mentions == len(slow.mentions)
    assert fast.n_issue_mentions == len(slow.issue_mentions)
    assert fast.n_statements == len(slow.statements)
    exported = filtered_tables(fast)
    for name in ("articles", "mentions", "issue_mentions", "statements"):
        same(getattr(exported, name), getattr(slow, name))


@pytest.mark.parametrize("state", STATES)
def test_view_matches_the_full_tables(store, state):
    check_same_answers(*store, state)


def test_view_matches_the_full_tables_under_random_filters(store):
    for state in random_states(40):
        check_same_answers(*store, state)


def test_filter_options_come_from_the_store(store, options):
    assert A.filter_options(store[1]) == options


def test_a_saved_store_holds_exactly_its_declared_arrays(store, tmp_path):
    _, st = store
    folder = st.save(store_folder(tmp_path))
    assert sorted(p.stem for p in folder.glob("*.npy")) == sorted(ARRAYS)
    assert load_store(tmp_path) is not None
    (folder / "s_kind.npy").unlink()  # an incomplete Store is not loaded
    assert load_store(tmp_path) is None


def test_date_labels_say_when_there_is_no_date():
    dates = pd.Series([pd.Timestamp("2024-02-13"), pd.NaT, None])
    assert list(date_labels(dates)) == ["2024-02-13", "no date", "no date"]
