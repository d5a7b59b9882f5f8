"""Source profiles (data/sources.toml): the sites that report Lavrov, each with its
outlet name (as in data/outlets.csv, so it fills the Source column), language, masthead,
feeds, sitemaps and listing pages, and whether the addresses were checked.

`select_sources(["tass-ru", "IRNA"])` picks profiles by id or outlet name;
`source_for_url(url, profiles)` says which profile's site a URL is on.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from diplomap.collect.urls import site_host
from diplomap.config import PACKAGE_DATA_DIR

__all__ = ["SOURCES_PATH", "Source", "load_sources", "select_sources", "source_for_url"]

SOURCES_PATH = PACKAGE_DATA_DIR / "sources.toml"
_LANGS = frozenset({"ar", "fa", "ru", "en"})


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    language: str
    masthead: str
    home: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    link_pattern: str = ""
    checked: str | bool = False
    note: str = ""
    hosts: frozenset[str] = field(default=frozenset())


def sources_path() -> Path:
    """The sources file: DIPLOMAP_SOURCES when set, else data/sources.toml."""
    value = os.environ.get("DIPLOMAP_SOURCES", "").strip()
    return Path(value).expanduser() if value else SOURCES_PATH


def load_sources(path: Path | None = None) -> list[Source]:
    """The profiles of the sources file (ValueError with the entry's id when one is wrong)."""
    path = path or sources_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{path.name}: {exc}") from exc
    return [_source(entry, path.name) for entry in data.get("source", [])]


def _source(entry: dict, file: str) -> Source:
    ident = str(entry.get("id") or "")
    for key in ("id", "name", "language", "home"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ValueError(f"{file}: source {ident or '?'}: missing {key}")
    if entry["language"] not in _LANGS:
        raise ValueError(f"{file}: source {ident}: unknown language {entry['language']!r}")
    urls = [entry["home"], *entry.get("feeds", []), *entry.get("sitemaps", [])]
    urls += entry.get("listings", [])
    return Source(
        id=ident,
        name=entry["name"],
        language=entry["language"],
        masthead=str(entry.get("masthead") or entry["name"]),
        home=entry["home"],
        feeds=tuple(entry.get("feeds", [])),
        sitemaps=tuple(entry.get("sitemaps", [])),
        listings=tuple(entry.get("listings", [])),
        link_pattern=str(entry.get("link_pattern") or ""),
        checked=entry.get("checked", False),
        note=str(entry.get("note") or ""),
        hosts=frozenset(site_host(u) for u in urls if site_host(u)),
    )


def select_sources(wanted: list[str], profiles: list[Source]) -> list[Source]:
    """Profiles by id or outlet name (case-insensitive); ValueError naming the unknown."""
    out: list[Source] = []
    for value in wanted:
        key = value.strip().lower()
        hits = [p for p in profiles if key in (p.id.lower(), p.name.lower())]
        if not hits:
            known = ", ".join(p.id for p in profiles)
            raise ValueError(f"unknown source {value!r} (known: {known})")
        out.extend(p for p in hits if p not in out)
    return out


def source_for_url(url: str, profiles: list[Source]) -> Source | None:
    """The profile whose site `url` is on (None when no profile has its host)."""
    host = site_host(url)
    return next((p for p in profiles if host and host in p.hosts), None)
