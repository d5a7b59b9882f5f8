"""Build, save and load the corpus tables.

`build_corpus(paths)` is the one entry point: it reads the inputs (diplomap.ingest),
extracts every new article (dates, places, issues, Lavrov's statements) and returns a
`Corpus` of four pandas DataFrames whose columns are defined in diplomap.schema.
`save_corpus` writes them as Parquet atomically; `load_corpus` reads them back, and a
rebuild with `previous=` re-extracts only the articles it has not seen.

- tables.py   the four tables: columns, one declaration of their types, `Corpus`
- build.py    list, reuse, extract, write, commit: in memory (`build_from_articles`,
              `build_corpus`) or streaming a folder's files to Parquet (`build_to_dir`)
- budget.py   the time budget of one article's extraction
- parquet.py  tables written and copied batch by batch
- saved.py    version folders, manifest, the atomic CURRENT pointer, loading, damage
- lock.py     one writer at a time per corpus folder
- distributed.py  `build --scheduler`: the extraction on a Dask cluster (imports dask)
- uploads.py  uploaded files merged with the saved corpus for one session
"""

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
from diplomap.extract.article import warm_up  # what a build does first (benchmarks time it)

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
