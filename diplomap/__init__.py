"""diplomap: places, issues and Lavrov's own words in Middle East diplomacy news.

The one obvious entry point is `build_corpus(paths)`, which returns a `Corpus` of pandas
tables (articles, mentions, issue_mentions, statements). Nothing here streams, fetches
or imports streamlit; the dashboard only reads these tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Corpus", "build_corpus", "load_corpus", "save_corpus"]
__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from diplomap.corpus import Corpus, build_corpus, load_corpus, save_corpus


def __getattr__(name: str) -> Any:
    # Imported lazily so that `import diplomap` costs nothing (no pandas at import time).
    if name in __all__:
        from diplomap import corpus

        return getattr(corpus, name)
    raise AttributeError(name)
