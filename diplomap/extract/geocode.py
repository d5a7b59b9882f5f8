"""Optional geocoding of place names the offline gazetteer lacks (geopy + Nominatim).

Off by default: the corpus builder uses it only when the user turns it on
(`DIPLOMAP_GEOCODE=1` or `python -m diplomap build --geocode`). Then
`find_candidate_names` picks names introduced by a place word ("مدينة X", "بلدة X",
"شهر X", "город X", "the city of X") that `diplomap.places` does not know, and
`Geocoder.find_unknown_places` looks them up on Nominatim and returns them as
`PlaceMatch` rows with match_kind "geocoded".

Nominatim's usage policy is kept: one process-wide rate limiter shared by every
`Geocoder` (at most one request per `min_delay_seconds`, thread-safe), an identifying
user agent, and a persistent JSON cache (hits and misses) written atomically (temp file
+ os.replace) under a lock, merged with what other writers saved meanwhile. When the
service cannot be reached, `GeocodingUnavailable` carries one clear line.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from diplomap.extract.places import PlaceMatch, iso3_for, load_gazetteer
from diplomap.normalize import NormText, normalize

GEOCODED = "geocoded"
MAX_CANDIDATES_PER_TEXT = 20


class GeocodingUnavailable(Exception):
    """The geocoding service cannot be reached (one line, fit for the user)."""


@dataclass(frozen=True)
class GeocodeResult:
    lat: float
    lon: float
    iso3: str
    display_name: str
    place_type: str = "city"


# --- one rate limiter for the whole process -------------------------------------------


class _RateLimiter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last = float("-inf")

    def wait(self, min_delay: float) -> None:
        with self._lock:
            now = time.monotonic()
            delay = self._last + min_delay - now
            if delay > 0:
                time.sleep(delay)
            self._last = time.monotonic()


RATE_LIMITER = _RateLimiter()


# --- the cache ----------------------------------------------------------------------------

_CACHE_LOCK = threading.Lock()


@contextlib.contextmanager
def _file_lock(path: Path):
    """An exclusive lock between processes (fcntl where available) and threads."""
    with _CACHE_LOCK:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = path.with_name(path.name + ".lock")
        with open(lock_path, "a+") as fh:
            try:
                import fcntl  # POSIX only: absent on Windows

                fcntl.flock(fh, fcntl.LOCK_EX)
            except ImportError:  # pragma: no cover - Windows: the thread lock only
                pass
            try:
                yield
            finally:
                with contextlib.suppress(ImportError):
                    import fcntl  # POSIX only: absent on Windows

                    fcntl.flock(fh, fcntl.LOCK_UN)


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


class _Cache:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.data: dict[str, dict | None] = _read_json(self.path)

    def get(self, key: str) -> tuple[bool, dict | None]:
        return (key in self.data), self.data.get(key)

    def put(self, key: str, value: dict | None) -> None:
        self.data[key] = value
        with _file_lock(self.path):
            merged = _read_json(self.path)  # what other writers saved meanwhile
            merged[key] = value
            self.data = {**merged, **self.data}
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".geocode-", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(self.data, f, ensure_ascii=False, indent=0, sort_keys=True)
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise


# --- the geocoder ---------------------------------------------------------------------------


class Geocoder:
    """Nominatim through geopy, rate-limited process-wide and cached on disk."""

    def __init__(
        self,
        user_agent: str,
        cache_path: Path,
        *,
        min_delay_seconds: float = 1.0,
        domain: str = "nominatim.openstreetmap.org",
        scheme: str = "https",
        timeout: float = 10,
    ) -> None:
        from geopy.geocoders import Nominatim  # lazy: only when geocoding is switched on

        self.min_delay_seconds = min_delay_seconds
        self.domain = domain
        self._nominatim = Nominatim(
            user_agent=user_agent, domain=domain, scheme=scheme, timeout=timeout
        )
        self._cache = _Cache(Path(cache_path))
        self.requests = 0  # made by this instance (cache hits excluded)

    def geocode(self, name: str, lang: str | None = None) -> GeocodeResult | None:
        """Coordinates and country of a name, or None when Nominatim does not know it."""
        name = " ".join(name.split())
        if not name:
            return None
        key = f"{lang or ''}|{normalize(name)}"
        found, value = self._cache.get(key)
        if found:
            return _cached_result(value)
        result = self._lookup(name, lang)
        self._cache.put(key, None if result is None else asdict(result))
        return result

    def _lookup(self, name: str, lang: str | None) -> GeocodeResult | None:
        from geopy.exc import GeocoderServiceError  # lazy: only when geocoding is on

        RATE_LIMITER.wait(self.min_delay_seconds)
        self.requests += 1
        try:
            location = self._nominatim.geocode(
                name, exactly_one=True, addressdetails=True, language="en"
            )
        except GeocoderServiceError as exc:  # unavailable, timed out, refused, HTTP errors
            raise GeocodingUnavailable(
                f"geocoding unavailable: cannot reach {self.domain} ({type(exc).__name__}); "
                "run without --geocode / DIPLOMAP_GEOCODE to work offline"
            ) from None
        except (ValueError, TypeError, KeyError, AttributeError):
            return None  # an answer geopy cannot parse (e.g. latitude 999): not found
        if location is None:
            return None
        raw = location.raw or {}
        lat, lon = _coordinates(
            raw.get("lat", location.latitude), raw.get("lon", location.longitude)
        )
        if lat is None or lon is None:
            return None  # out of range or NaN: never let it reach the map
        code = str((raw.get("address") or {}).get("country_code", ""))
        return GeocodeResult(
            lat=lat,
            lon=lon,
            iso3=iso3_for(code) if code else "",
            display_name=str(raw.get("display_name", location.address or "")),
        )

    def find_unknown_places(
        self, text: NormText, lang: str, known: list[PlaceMatch] = ()
    ) -> list[PlaceMatch]:
        """Geocoded mentions of candidate names that the gazetteer lacks."""
        out = []
        for start, end, name in find_candidate_names(text, lang, known=known):
            result = self.geocode(name, lang)
            if result is None or not result.iso3:
                continue
            place = result.display_name.split(",")[0].strip() or name
            out.append(
                PlaceMatch(
                    start,
                    end,
                    text.original[start:end],
                    place,
                    result.place_type,
                    result.iso3,
                    result.lat,
                    result.lon,
                    GEOCODED,
                )
            )
        return out


def _coordinates(lat: object, lon: object) -> tuple[float | None, float | None]:
    """Latitude and longitude as floats when both are finite and in range, else None."""
    try:
        la, lo = float(lat), float(lon)
    except (TypeError, ValueError):
        return None, None
    if not (-90.0 <= la <= 90.0 and -180.0 <= lo <= 180.0):  # also False for NaN
        return None, None
    return la, lo


def _cached_result(value: object) -> GeocodeResult | None:
    """A cache entry as a result; a damaged or out-of-range entry counts as a miss."""
    if not isinstance(value, dict):
        return None
    try:
        result = GeocodeResult(**value)
    except TypeError:
        return None
    lat, lon = _coordinates(result.lat, result.lon)
    if lat is None or lon is None:
        return None
    return result


def make_geocoder(user_agent: str, cache_path: Path) -> Geocoder:
    """The geocoder the corpus builder uses when geocoding is turned on."""
    return Geocoder(user_agent, cache_path)


# --- candidate names -----------------------------------------------------------------------

# Place words after which a name follows (matched on normalised text).
_INTRO = {
    "ar": r"(?:مدينه|بلده|قريه|بمدينه|وبلده|لمدينه|ومدينه|ببلده|محافظه|بمحافظه|منطقه|بمنطقه)",
    "fa": r"(?:شهر|شهرستان|روستاي|استان|منطقه|بندر)",
    "ru": r"(?:город[ае]?|городом|посел(?:ок|ке|ка)|сел[оае]|деревн[яиею]|провинци[ияю])",
    "en": r"(?:city|town|village|province|region|port)\s+of",
}
_ARABIC_WORD = r"[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]{3,}"
_NAME = {
    "ar": rf"({_ARABIC_WORD}(?:\s+{_ARABIC_WORD})?)",
    "fa": rf"({_ARABIC_WORD})",
    "ru": r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*)",
    "en": r"((?:al-|el-)?[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)",
}
_STOP_NAMES = frozenset(
    normalize(w)
    for w in [
        "التي",
        "الذي",
        "ذات",
        "هذه",
        "تلك",
        "التابعه",
        "الواقعه",
        "المحتله",
        "الساحليه",
        "الحدوديه",
        "الكبري",
        "القديمه",
        "جديد",
        "بزرگ",
        "مرزي",
        "ديگر",
        "كه",
        "اين",
        "آن",
        "the",
        "Москва",
    ]
)


def find_candidate_names(
    text: NormText, lang: str, known: list[PlaceMatch] = ()
) -> list[tuple[int, int, str]]:
    """(start, end, name) in the original text of names introduced by a place word
    ("مدينة X", "شهر X", "город X", "the city of X") that the gazetteer does not know
    and that no known match covers. The spans are those of the name only."""
    intro, name_re = _INTRO.get(lang), _NAME.get(lang)
    if intro is None:
        return []
    gazetteer = load_gazetteer()
    source = text.original if lang in ("ru", "en") else text.norm
    # the place word is case-insensitive, the name must be capitalised (ru, en)
    pattern = re.compile(rf"(?<!\w)(?i:{intro})\s+{name_re}")
    covered = [(m.start, m.end) for m in known]
    out: list[tuple[int, int, str]] = []
    for m in pattern.finditer(source):
        s, e = m.span(1)
        if source is text.norm:
            s, e = text.to_original(s, e)
        name = text.original[s:e]
        if normalize(name.split()[0]) in _STOP_NAMES or gazetteer.knows(name):
            continue
        if any(a < e and s < b for a, b in covered):
            continue
        out.append((s, e, name))
        if len(out) >= MAX_CANDIDATES_PER_TEXT:
            break
    return out
