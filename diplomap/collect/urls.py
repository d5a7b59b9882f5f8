"""URLs: the canonical form of an article's URL (so that one article reached by two URLs
is one article) and whether two URLs are on the same site."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["canonical_url", "same_site"]

_TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mc_", "hsa_")
_TRACKING = frozenset(
    {"fbclid", "gclid", "yclid", "msclkid", "igshid", "ref", "ref_src", "cmpid", "from", "amp"}
)


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters
    (utm_*, fbclid ...), sorted query, courlan's normalisation on top."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if port and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING
    )
    path = parts.path or "/"
    cleaned = urlunsplit((scheme, host, path, urlencode(query), ""))
    try:
        from courlan import normalize_url  # lazy: a dependency of trafilatura

        return normalize_url(cleaned, strict=True) or cleaned
    except Exception:  # courlan on a strange URL: keep ours
        return cleaned


def site_host(url: str) -> str:
    """The host of a URL, lower case, without a leading www ("" when it has none)."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def same_site(a: str, b: str) -> bool:
    """Whether two URLs are on the same host, ignoring a leading www."""
    return bool(site_host(a)) and site_host(a) == site_host(b)
