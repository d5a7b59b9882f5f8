"""Build, save and load the corpus tables.

`build_corpus(paths)` is the one entry point: it reads the inputs (diplomap.ingest),
extracts every new article (dates, places, issues, Lavrov's statements) and returns a
`Corpus` of four pandas DataFrames whose columns are defined in diplomap.schema.
`save_corpus` writes them as Parquet atomically; `load_corpus` reads them back, and a
rebuild with `previous=` re-extracts only the articles it has not seen.

- columns.py  the four tables' columns, and rows accumulated as lists (`Columns`)
- tables.py   one declaration of the columns' types, the tables as DataFrames, `Corpus`
- extraction.py  articles -> columns: time budget, batches, forked workers (no pandas:
              the `extract` command prints records from these columns)
- build.py    list, reuse, extract, write, commit: in memory (`build_from_articles`,
              `build_corpus`) or streaming a folder's files to Parquet (`build_to_dir`)
- budget.py   the time budget of one article's extraction
- parquet.py  tables written and copied batch by batch
- parts.py    the saved tables as parts partitioned by year, and their index
- saved.py    version folders, manifest, the atomic CURRENT pointer, loading, damage
- lock.py     one writer at a time per corpus folder
- distributed.py  `build --scheduler`: the extraction on a Dask cluster (imports dask)
- uploads.py  uploaded files merged with the saved corpus for one session

The names below are imported from their modules when first used, so that a module of
this package that needs no tables (columns.py, extraction.py) starts without pandas.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from diplomap.corpus.build import (
        BuildSummary,
        build_corpus,
        build_from_articles,
        build_to_dir,
        load_or_build,
    )
    from diplomap.corpus.lock import CorpusBusy
    from diplomap.corpus.saved import (
        CorpusDamaged,
        CorpusWriteError,
        corpus_damage,
        current_version,
        extractor_fingerprint,
        input_signature,
        is_current,
        load_corpus,
        read_manifest,
        save_corpus,
    )
    from diplomap.corpus.tables import COLUMNS, TABLES, Corpus, coerce, empty_corpus
    from diplomap.corpus.uploads import merge_corpora
    from diplomap.extract.article import warm_up

# name -> the module defining it. Imported when first used (PEP 562), so that importing a
# module of this package (e.g. extraction.py, for the `extract` command) does not import
# pandas and pyarrow (~0.3 s) with build.py and tables.py.
_WHERE = {
    **dict.fromkeys(
        ("BuildSummary", "build_corpus", "build_from_articles", "build_to_dir", "load_or_build"),
        "diplomap.corpus.build",
    ),
    "CorpusBusy": "diplomap.corpus.lock",
    **dict.fromkeys(
        (
            "CorpusDamaged",
            "CorpusWriteError",
            "corpus_damage",
            "current_version",
            "extractor_fingerprint",
            "input_signature",
            "is_current",
            "load_corpus",
            "read_manifest",
            "save_corpus",
        ),
        "diplomap.corpus.saved",
    ),
    **dict.fromkeys(
        ("COLUMNS", "TABLES", "Corpus", "coerce", "empty_corpus"), "diplomap.corpus.tables"
    ),
    "merge_corpora": "diplomap.corpus.uploads",
    "warm_up": "diplomap.extract.article",  # what a build does first (benchmarks time it)
}

__all__ = [
    "COLUMNS",
    "TABLES",
    "BuildSummary",
    "Corpus",
    "CorpusBusy",
    "CorpusDamaged",
    "CorpusWriteError",
    "build_corpus",
    "build_from_articles",
    "build_to_dir",
    "coerce",
    "corpus_damage",
    "current_version",
    "empty_corpus",
    "extractor_fingerprint",
    "input_signature",
    "is_current",
    "load_corpus",
    "load_or_build",
    "merge_corpora",
    "read_manifest",
    "save_corpus",
    "warm_up",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # once
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
