"""Compiled multi-pattern matchers for diplomap's lexicons: pyahocorasick (what
`diplomap.extract.lexicon.Lexicon` uses) against ahocorasick_rs and Hyperscan. A
measurement, not a test: it prints figures to decide whether to replace pyahocorasick.

    python benchmarks/matching.py [--reps N]

Lexicons: the gazetteer (~41k terms), the issue lexicons for ar, fa, ru and en, and the
outlet names (`lexicon` and `phrases`). Texts: the realistic corpus (compare.py's
`realistic_files()`, read with `diplomap.ingest.read_paths`) plus 300 synthetic articles
(make_corpus.py), each normalised with `normalize_text`. Every lexicon scans every text
(a uniform workload: the engine uses only the article language's issue lexicon).

- Raw scan: every overlapping occurrence of every term, in character offsets, in each
  engine's own output form: pyahocorasick `automaton.iter(norm)` as (end, value), as the
  engine iterates it; ahocorasick_rs `find_matches_as_indexes(norm, overlapping=True)`
  as (id, start, end); Hyperscan a literal database over the UTF-8 bytes, scanned with a
  Python callback, its byte offsets turned into character offsets (counted in its time).
  Parity: the set of (start, end, term) of each text is the same for the three.
- End to end: `Lexicon.find` as it is against the same `find` loop (copied) fed by
  ahocorasick_rs or Hyperscan; parity: the same hits.
- Timing: `time.process_time`, best of `reps`, microseconds per article; the build time of
  each matcher; Hyperscan's compile time and serialised database size (`hyperscan.dumpb`:
  what a disk cache would hold).

Wheels for CPython 3.11, checked on 2026-12-01 with `pip download --only-binary=:all:
--platform ... --python-version 3.11` (a static table: this script does not look them up):

    engine                 linux x86-64  linux aarch64  macOS x86-64  macOS arm64
    pyahocorasick 2.3.1    yes           yes            yes           yes
    ahocorasick_rs 1.0.3   yes           yes            yes           yes
    hyperscan 0.9.1        yes           NO             yes           yes

The verdict follows the issue's rule: adopt an engine only if it wins end to end, installs
as a wheel on Linux x86-64 and arm64 and on macOS, and gives identical results.
ahocorasick_rs and hyperscan are optional (benchmarks/requirements-matching.txt); an engine
that is not installed is reported in one line and skipped.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

try:  # the matcher diplomap used before ahocorasick_rs: the baseline here
    import ahocorasick
except ImportError:  # pragma: no cover - one line, no traceback
    sys.exit("pyahocorasick is not installed: pip install -r benchmarks/requirements-matching.txt")
import compare  # noqa: E402
import make_corpus  # noqa: E402

from diplomap.extract.lexicon import _ARABIC_LETTER, Hit, Lexicon  # noqa: E402

SYNTHETIC = 300
LANGS = ("ar", "fa", "ru", "en")
HS_COMPILE_LIMIT_S = 120.0
PLATFORMS = ("linux x86-64", "linux aarch64", "macOS x86-64", "macOS arm64")
# engine -> (version, wheel on each of PLATFORMS); checked 2026-12-01 (see the docstring)
WHEELS: dict[str, tuple[str, tuple[bool, ...]]] = {
    "pyahocorasick": ("2.3.1", (True, True, True, True)),
    "ahocorasick_rs": ("1.0.3", (True, True, True, True)),
    "hyperscan": ("0.9.1", (True, False, True, True)),
}
ENGINES = ("pyahocorasick", "ahocorasick_rs", "hyperscan")

Occurrences = set[tuple[int, int, str]]


def _optional_modules() -> dict[str, Any]:
    """The optional engines that import here; one line for each that does not."""
    found: dict[str, Any] = {}
    for name in ("ahocorasick_rs", "hyperscan"):
        try:
            found[name] = __import__(name)
        except (ImportError, OSError) as exc:
            print(
                f"{name}: not installed ({type(exc).__name__}); skipped"
                " (pip install -r benchmarks/requirements-matching.txt)"
            )
    return found


# --- the texts and the lexicons ------------------------------------------------------


def load_texts(files: list[Path] | None = None, synthetic: int = SYNTHETIC) -> list[str]:
    """Normalised texts: the realistic corpus's articles, then `synthetic` generated ones."""
    from diplomap.ingest import read_paths
    from diplomap.normalize import normalize_text

    paths = compare.realistic_files() if files is None else files
    texts = [a.text for a in read_paths(paths).articles]
    texts += [make_corpus.make_article(i, seed=0).text for i in range(synthetic)]
    return [normalize_text(t).norm for t in texts]


def load_lexicons() -> dict[str, Lexicon]:
    """The lexicons the engine matches, by name (empty ones left out)."""
    from diplomap.extract.issues import load_taxonomy
    from diplomap.extract.outlets import load_outlets
    from diplomap.extract.places import load_gazetteer

    taxonomy = load_taxonomy()
    outlets = load_outlets()
    lexicons = {"gazetteer": load_gazetteer().lexicon}
    lexicons.update({f"issues_{lang}": taxonomy.lexicon_for(lang) for lang in LANGS})
    lexicons.update({"outlets": outlets.lexicon, "outlet_phrases": outlets.phrases})
    return {name: lex for name, lex in lexicons.items() if len(lex)}


# --- the engines: build, raw scan, and occurrences for parity ------------------------


def py_build(lexicon: Lexicon) -> ahocorasick.Automaton:
    """A pyahocorasick automaton built as `Lexicon._compiled` builds it."""
    automaton = ahocorasick.Automaton()
    for key, entry in lexicon._terms.items():
        automaton.add_word(key, (key, entry, bool(_ARABIC_LETTER.match(key))))
    automaton.make_automaton()
    return automaton


def py_scan(automaton: ahocorasick.Automaton, norm: str) -> list:
    return list(automaton.iter(norm))


def py_occurrences(raw: list, keys: list[str]) -> Occurrences:
    return {(end + 1 - len(value[0]), end + 1, value[0]) for end, value in raw}


def rs_build(keys: list[str], module: Any) -> Any:
    return module.AhoCorasick(keys)


def rs_scan(matcher: Any, norm: str) -> list[tuple[int, int, int]]:
    return matcher.find_matches_as_indexes(norm, overlapping=True)


def id_occurrences(raw: list[tuple[int, int, int]], keys: list[str]) -> Occurrences:
    return {(start, end, keys[pid]) for pid, start, end in raw}


def hs_build(keys: list[str], hs: Any) -> Any:
    """A Hyperscan block-mode database of the terms as UTF-8 literals (start of match on)."""
    db = hs.Database(mode=hs.HS_MODE_BLOCK)
    db.compile(
        expressions=[k.encode("utf-8") for k in keys],
        ids=list(range(len(keys))),
        elements=len(keys),
        flags=hs.HS_FLAG_SOM_LEFTMOST,
        literal=True,
    )
    return db


def _on_match(pid: int, start: int, end: int, flags: int, out: list) -> None:
    out.append((pid, start, end))


def hs_scan(db: Any, norm: str) -> list[tuple[int, int, int]]:
    """(id, start, end) in character offsets: Hyperscan's byte offsets converted by one
    walk over the text's bytes (each distinct offset decoded from the previous one)."""
    data = norm.encode("utf-8")
    raw: list[tuple[int, int, int]] = []
    db.scan(data, match_event_handler=_on_match, context=raw)
    if len(data) == len(norm):  # ASCII: bytes are characters
        return raw
    chars: dict[int, int] = {}
    pos = char = 0
    for offset in sorted({o for _, s, e in raw for o in (s, e)}):
        char += len(data[pos:offset].decode("utf-8"))
        pos = offset
        chars[offset] = char
    return [(pid, chars[s], chars[e]) for pid, s, e in raw]


# --- timing and parity ---------------------------------------------------------------


def best_time(run: Callable[[], Any], reps: int) -> float:
    """The smallest CPU time (s) of `reps` calls of `run`, each after a full collection
    (so one engine's garbage is not collected in another's time)."""
    best = float("inf")
    for _ in range(reps):
        gc.collect()
        t = time.process_time()
        run()
        best = min(best, time.process_time() - t)
    return best


def over_texts(fn: Callable[[Any, str], Any], matcher: Any, texts: list[str]) -> Callable:
    """A run of `fn(matcher, text)` over the texts that keeps no result (as the engine
    goes article by article: the results do not pile up in the heap being timed)."""

    def run() -> None:
        for text in texts:
            fn(matcher, text)

    return run


def first_difference(
    base: list[Occurrences], other: list[Occurrences], texts: list[str]
) -> str | None:
    """None when every text's occurrences are the same; else the first text's difference."""
    for i, (a, b) in enumerate(zip(base, other, strict=True)):
        if a != b:
            only_a, only_b = sorted(a - b)[:3], sorted(b - a)[:3]
            return (
                f"text {i} ({texts[i][:30]!r}...): only pyahocorasick {only_a}, only this {only_b}"
            )
    return None


def _timed_build(build: Callable[[], Any]) -> tuple[Any, float]:
    t = time.process_time()
    matcher = build()
    return matcher, time.process_time() - t


def _builders(lexicon: Lexicon, keys: list[str], mods: dict[str, Any]) -> dict[str, Callable]:
    builders: dict[str, Callable] = {"pyahocorasick": lambda: py_build(lexicon)}
    if "ahocorasick_rs" in mods:
        builders["ahocorasick_rs"] = lambda: rs_build(keys, mods["ahocorasick_rs"])
    if "hyperscan" in mods:
        builders["hyperscan"] = lambda: hs_build(keys, mods["hyperscan"])
    return builders


SCANS = {"pyahocorasick": py_scan, "ahocorasick_rs": rs_scan, "hyperscan": hs_scan}
TO_OCCURRENCES = {
    "pyahocorasick": py_occurrences,
    "ahocorasick_rs": id_occurrences,
    "hyperscan": id_occurrences,
}


def measure_lexicon(
    lexicon: Lexicon, texts: list[str], mods: dict[str, Any], reps: int
) -> dict[str, dict]:
    """Raw scans of one lexicon by each engine: build time, µs per article, parity."""
    keys = list(lexicon._terms)
    out: dict[str, dict] = {}
    base: list[Occurrences] = []
    for engine, build in _builders(lexicon, keys, mods).items():
        try:
            matcher, build_s = _timed_build(build)
        except Exception as exc:  # e.g. a Hyperscan compile error: that is the figure
            out[engine] = {"error": f"build failed: {type(exc).__name__}: {exc}"}
            continue
        row: dict[str, Any] = {"build_s": build_s}
        if engine == "hyperscan":
            row["db_bytes"] = len(mods["hyperscan"].dumpb(matcher))
            if build_s > HS_COMPILE_LIMIT_S:
                out[engine] = {**row, "error": f"compile took {build_s:.0f} s (> 120 s)"}
                continue
        scan = SCANS[engine]
        row["us_per_article"] = best_time(over_texts(scan, matcher, texts), reps) / len(texts) * 1e6
        found = [TO_OCCURRENCES[engine](scan(matcher, t), keys) for t in texts]
        row["occurrences"] = sum(map(len, found))
        if engine == "pyahocorasick":
            base = found
        diff = first_difference(base, found, texts)
        row.update(parity=diff is None, first_difference=diff)
        out[engine] = row
    return out


# --- end to end: Lexicon.find fed by another engine ----------------------------------


class FedLexicon(Lexicon):
    """`Lexicon.find` (its `_hits`, the engine's own loop) fed by another engine's
    (pattern index, start, end) occurrences."""

    def __init__(self, lexicon: Lexicon, build: Callable[[list[str]], Any], scan: Callable):
        super().__init__(min_suffix_len=lexicon.min_suffix_len, suffixes=lexicon.suffixes)
        self._terms = lexicon._terms
        self._tables = _tables(self._terms)
        self._build = build
        self._matcher: Any = None
        self._scan = scan

    def _compiled(self) -> Any:
        """The other engine's matcher over the terms (built on first use, as the base's)."""
        if self._matcher is None:
            self._matcher = self._build(self._tables.keys)
        return self._matcher

    def find(self, text: Any) -> list[Hit]:
        norm = text.norm if hasattr(text, "norm") else text
        if not self._tables.keys:
            return []
        return self._hits(norm, self._tables, self._scan(self._compiled(), norm))


class PyLexicon(Lexicon):
    """`Lexicon.find` fed by pyahocorasick (the engine's matcher until 2026-12-01): its
    automaton's values carry the key, and an occurrence's start is computed from its end
    and the key's length."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(min_suffix_len=lexicon.min_suffix_len, suffixes=lexicon.suffixes)
        self._terms = lexicon._terms
        self._tables = _tables(self._terms)
        self._index = {key: i for i, key in enumerate(self._tables.keys)}
        self._matcher: Any = None

    def _compiled(self) -> Any:
        if self._matcher is None:
            self._matcher = py_build(self)
        return self._matcher

    def find(self, text: Any) -> list[Hit]:
        norm = text.norm if hasattr(text, "norm") else text
        automaton = self._compiled()
        if not len(automaton):
            return []
        index = self._index
        found = (
            (index[key], end + 1 - len(key), end + 1)
            for end, (key, _entry, _arabic) in automaton.iter(norm)
        )
        return self._hits(norm, self._tables, found)


def _tables(terms: dict) -> SimpleNamespace:
    """The terms' keys, entries and scripts by pattern index, as `Lexicon._hits` reads them."""
    keys = list(terms)
    return SimpleNamespace(
        keys=keys,
        entries=[terms[k] for k in keys],
        arabic=[bool(_ARABIC_LETTER.match(k)) for k in keys],
    )


def _hit_key(hits: list[Hit]) -> list[tuple]:
    return [h[:5] for h in hits]


def measure_end_to_end(
    lexicons: dict[str, Lexicon], texts: list[str], mods: dict[str, Any], reps: int
) -> dict[str, dict]:
    """µs per article of every lexicon's `find` over the texts, and parity of the hits."""
    finders: dict[str, list[Lexicon]] = {
        "pyahocorasick": [PyLexicon(lx) for lx in lexicons.values()],
        "diplomap (ahocorasick_rs)": list(lexicons.values()),  # Lexicon.find as it is
    }
    if "ahocorasick_rs" in mods:
        build = lambda keys: rs_build(keys, mods["ahocorasick_rs"])  # noqa: E731
        finders["ahocorasick_rs"] = [FedLexicon(lx, build, rs_scan) for lx in lexicons.values()]
    if "hyperscan" in mods:
        build = lambda keys: hs_build(keys, mods["hyperscan"])  # noqa: E731
        finders["hyperscan"] = [FedLexicon(lx, build, hs_scan) for lx in lexicons.values()]
    for lexs in finders.values():
        for lex in lexs:
            lex._compiled()  # built before timing, as the engine's caches hold them
    best = dict.fromkeys(finders, float("inf"))
    for _ in range(reps):  # the engines take turns: a change in the machine's load hits all
        for engine, lexs in finders.items():
            runs = [over_texts(type(lx).find, lx, texts) for lx in lexs]
            best[engine] = min(best[engine], best_time(lambda runs=runs: [r() for r in runs], 1))
    base = [_hit_key(lx.find(t)) for lx in finders["pyahocorasick"] for t in texts]
    out: dict[str, dict] = {}
    for engine, lexs in finders.items():
        us = best[engine] / len(texts) * 1e6
        hits = [_hit_key(lx.find(t)) for lx in lexs for t in texts]
        diff = next((i for i, (a, b) in enumerate(zip(base, hits, strict=True)) if a != b), None)
        out[engine] = {
            "us_per_article": us,
            "hits": sum(map(len, hits)),
            "parity": diff is None,
            "first_difference": None if diff is None else _e2e_diff(diff, base, hits, texts),
        }
    return out


def _e2e_diff(i: int, base: list, hits: list, texts: list[str]) -> str:
    lex, text = divmod(i, len(texts))
    return f"lexicon #{lex}, text {text}: pyahocorasick {base[i][:3]} vs {hits[i][:3]}"


# --- the whole measurement, the verdict and the table --------------------------------


def measure(files: list[Path] | None = None, reps: int = 3) -> dict:
    """Every figure: texts, per-lexicon raw scans, end to end, wheels and the verdict."""
    mods = _optional_modules()
    texts = load_texts(files)
    lexicons = load_lexicons()
    raw = {
        name: {"terms": len(lex), "engines": measure_lexicon(lex, texts, mods, reps)}
        for name, lex in lexicons.items()
    }
    e2e = measure_end_to_end(lexicons, texts, mods, reps)
    result = {
        "texts": len(texts),
        "synthetic": SYNTHETIC,
        "reps": reps,
        "installed": ["pyahocorasick", *mods],
        "raw": raw,
        "raw_total_us": _raw_totals(raw),
        "end_to_end": e2e,
        "wheels": {name: dict(zip(PLATFORMS, ok, strict=True)) for name, (_, ok) in WHEELS.items()},
    }
    result["verdict"] = verdict(result)
    return result


def _raw_totals(raw: dict[str, dict]) -> dict[str, float | None]:
    totals: dict[str, float | None] = {}
    for engine in ENGINES:
        rows = [r["engines"].get(engine, {}) for r in raw.values()]
        ok = all("us_per_article" in row for row in rows)
        totals[engine] = sum(row["us_per_article"] for row in rows) if ok and rows else None
    return totals


def verdict(result: dict) -> str:
    """The issue's rule: wins end to end, wheels everywhere, identical results."""
    e2e = result["end_to_end"]
    base = e2e["pyahocorasick"]["us_per_article"]
    reasons = []
    for engine in ENGINES[1:]:
        if engine not in e2e:
            reasons.append(f"{engine} not measured (not installed)")
            continue
        why = []
        if e2e[engine]["us_per_article"] >= base:
            why.append("slower end to end")
        if not all(result["wheels"][engine].values()):
            missing = [p for p, ok in result["wheels"][engine].items() if not ok]
            why.append("no wheel for " + ", ".join(missing))
        raw_ok = all(r["engines"].get(engine, {}).get("parity") for r in result["raw"].values())
        if not (raw_ok and e2e[engine]["parity"]):
            why.append("results differ")
        if not why:
            gain = base / e2e[engine]["us_per_article"]
            return f"adopt {engine}: {gain:.2f}x faster end to end, wheels everywhere, identical"
        reasons.append(f"{engine}: " + ", ".join(why))
    return "keep pyahocorasick (" + "; ".join(reasons) + ")"


def _cell(row: dict, base: float | None) -> str:
    if "error" in row:
        return row["error"][:40]
    if "us_per_article" not in row:
        return "-"
    speed = f" ({base / row['us_per_article']:.2f}x)" if base else ""
    flag = "" if row.get("parity", True) else " DIFF"
    return f"{row['us_per_article']:.1f}{speed}{flag}"


def print_report(result: dict) -> None:
    """The compact table and the verdict."""
    engines = [e for e in ENGINES if e in result["installed"]]
    print(f"texts: {result['texts']} ({result['synthetic']} synthetic), best of {result['reps']}")
    print("raw scan, µs/article (speed vs pyahocorasick); build s")
    print(f"{'lexicon':15} {'terms':>6} " + " ".join(f"{e:>24}" for e in engines) + "  build s")
    for name, lex in result["raw"].items():
        rows = lex["engines"]
        base = rows["pyahocorasick"].get("us_per_article")
        cells = " ".join(f"{_cell(rows.get(e, {}), base):>24}" for e in engines)
        builds = "/".join(
            f"{rows[e]['build_s']:.2f}" for e in engines if "build_s" in rows.get(e, {})
        )
        print(f"{name:15} {lex['terms']:>6} {cells}  {builds}")
    totals = result["raw_total_us"]
    base = totals["pyahocorasick"]
    print(f"{'sum':15} {'':>6} " + " ".join(f"{_total(totals[e], base):>24}" for e in engines))
    for name, lex in result["raw"].items():
        hs = lex["engines"].get("hyperscan", {})
        if "db_bytes" in hs:
            print(f"hyperscan db {name}: compile {hs['build_s']:.2f} s, {hs['db_bytes']:,} bytes")
        for e, row in lex["engines"].items():
            if row.get("first_difference"):
                print(f"parity {name} {e}: {row['first_difference']}")
    _print_end_to_end(result["end_to_end"])
    _print_wheels()
    print("verdict:", result["verdict"])


def _total(value: float | None, base: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.1f} ({base / value:.2f}x)" if base else f"{value:.1f}"


def _print_end_to_end(e2e: dict[str, dict]) -> None:
    base = e2e["pyahocorasick"]["us_per_article"]
    print("end to end (Lexicon.find, all lexicons), µs/article:")
    for engine, row in e2e.items():
        parity = "identical" if row["parity"] else f"DIFFERENT: {row['first_difference']}"
        speed = base / row["us_per_article"]
        print(
            f"  {engine:15} {row['us_per_article']:9.1f} ({speed:.2f}x)  {row['hits']} hits, {parity}"
        )


def _print_wheels() -> None:
    print("wheels (cp311, checked 2026-12-01): " + ", ".join(PLATFORMS))
    for name, (version, ok) in WHEELS.items():
        print(f"  {name} {version}: " + " ".join("yes" if x else "NO" for x in ok))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3, help="timed runs; the best counts")
    args = parser.parse_args(argv)
    print_report(measure(reps=args.reps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
