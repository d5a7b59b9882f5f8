"""Uploaded files (name, bytes) read into a corpus, in memory only, with a report per
file. The dashboard's Data page calls `read_uploads`; diplomap.session keeps the result
in the browser session and diplomap.explore.store.Store.merge joins it to the bundled
corpus.

(Kept apart from diplomap.explore, which must not import diplomap.ingest; its place is
beside the session-only merging in diplomap/corpus/uploads.py.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from diplomap import ingest
from diplomap.corpus import Corpus, build_from_articles
from diplomap.names import escape_controls

MAX_DETAILS = 20  # problems listed per file in the report
REPORT_COLUMNS = ["file", "articles", "skipped", "warnings", "details"]


@dataclass
class UploadOutcome:
    """What a batch of uploaded files gave: a corpus and one report row per file."""

    corpus: Corpus
    report: pd.DataFrame = field(default_factory=pd.DataFrame)


def _problem_text(p) -> str:
    line = getattr(p, "line", None)
    where = str(getattr(p, "file", ""))
    if line:
        where += f" line {line}"
    return escape_controls(f"{where}: {getattr(p, 'reason', p)}")


def _read_one(name: str, data: bytes) -> ingest.IngestResult:
    try:
        return ingest.read_bytes(name, data)
    except Exception as exc:  # a reader bug must not take the session down
        return ingest.IngestResult(
            [], [ingest.Problem(name, f"could not be read ({type(exc).__name__})")]
        )


def _report_row(name: str, result: ingest.IngestResult) -> dict:
    errors = [p for p in result.problems if getattr(p, "severity", "error") == "error"]
    details = "; ".join(_problem_text(p) for p in result.problems[:MAX_DETAILS])
    if len(result.problems) > MAX_DETAILS:
        details += f"; … {len(result.problems) - MAX_DETAILS} more"
    return {
        "file": escape_controls(name),
        "articles": len(result.articles),
        "skipped": len(errors),
        "warnings": len(result.problems) - len(errors),
        "details": details,
    }


def read_uploads(files: Sequence[tuple[str, bytes]]) -> UploadOutcome:
    """Read uploaded files (name, bytes) into a corpus, in memory only, with a report:
    file, articles, skipped, warnings, details (the reasons, from ingest Problems)."""
    articles, problems, rows = [], [], []
    for name, data in files:
        result = _read_one(name, data)
        articles.extend(result.articles)
        problems.extend(result.problems)
        rows.append(_report_row(name, result))
    built = build_from_articles(articles, problems)
    report = pd.DataFrame(rows, columns=REPORT_COLUMNS)
    if len(built.articles) < len(articles):
        report.attrs["duplicates"] = len(articles) - len(built.articles)
    return UploadOutcome(built, report)
