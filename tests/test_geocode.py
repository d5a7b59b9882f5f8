"""Geocoding against a local fake Nominatim (never the internet)."""

from __future__ import annotations

import json
import socket
import threading

import pytest

from diplomap.extract import geocode
from diplomap.extract.geocode import Geocoder, GeocodingUnavailable, find_candidate_names
from diplomap.normalize import normalize_text
from tests.nominatim_stub import serve_nominatim

PLACES = {
    "Zabadani": {
        "lat": "33.72",
        "lon": "36.10",
        "display_name": "Zabadani, Rif Dimashq, Syria",
        "cc": "sy",
    },
    "الزبداني": {
        "lat": "33.72",
        "lon": "36.10",
        "display_name": "Zabadani, Rif Dimashq, Syria",
        "cc": "sy",
    },
}


def _answer(query: str):
    hit = PLACES.get(query)
    return (hit["lat"], hit["lon"], hit["cc"], hit["display_name"]) if hit else None


@pytest.fixture(scope="module")
def stub():
    with serve_nominatim(_answer) as running:
        yield running


@pytest.fixture
def server(stub):
    return stub.host


def _geocoder(server, tmp_path, **kw):
    return Geocoder("diplomap-tests", tmp_path / "geo.json", domain=server, scheme="http", **kw)


def test_lookup_and_cache(stub, server, tmp_path):
    stub.calls.clear()
    g = _geocoder(server, tmp_path, min_delay_seconds=0)
    r = g.geocode("Zabadani", "en")
    assert r == geocode.GeocodeResult(33.72, 36.10, "SYR", "Zabadani, Rif Dimashq, Syria")
    params = stub.calls[0][2]
    assert params["format"] == ["json"] and params["addressdetails"] == ["1"]
    assert g.geocode("Zabadani", "en") == r  # second call: from the cache
    assert g.geocode("Nowhere", "en") is None
    assert g.geocode("Nowhere", "en") is None  # misses are cached too
    assert len(stub.calls) == 2
    # a new instance (new process) reads the file and makes no request
    g2 = _geocoder(server, tmp_path, min_delay_seconds=0)
    assert g2.geocode("Zabadani", "en") == r and g2.geocode("Nowhere", "en") is None
    assert g2.requests == 0 and len(stub.calls) == 2
    saved = json.loads((tmp_path / "geo.json").read_text())
    assert saved["en|nowhere"] is None and saved["en|zabadani"]["iso3"] == "SYR"


def test_rate_limit_is_process_wide(stub, server, tmp_path):
    stub.calls.clear()
    a = _geocoder(server, tmp_path / "a", min_delay_seconds=1.0)
    b = _geocoder(server, tmp_path / "b", min_delay_seconds=1.0)
    threads = [
        threading.Thread(target=g.geocode, args=(n, "en")) for g, n in ((a, "X1"), (b, "X2"))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(stub.calls) == 2
    assert stub.calls[1][0] - stub.calls[0][0] >= 0.9


def test_concurrent_writers_merge(server, tmp_path):
    a = _geocoder(server, tmp_path, min_delay_seconds=0)
    b = _geocoder(server, tmp_path, min_delay_seconds=0)  # loaded before a writes
    a.geocode("Zabadani", "en")
    b.geocode("Nowhere", "en")
    saved = json.loads((tmp_path / "geo.json").read_text())
    assert set(saved) == {"en|zabadani", "en|nowhere"}
    assert not list(tmp_path.glob(".geocode-*"))  # no temp file left


def test_unreachable(tmp_path, capsys):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    g = Geocoder(
        "diplomap-tests",
        tmp_path / "geo.json",
        domain=f"127.0.0.1:{port}",
        scheme="http",
        min_delay_seconds=0,
        timeout=2,
    )
    with pytest.raises(GeocodingUnavailable) as info:
        g.geocode("Zabadani")
    message = str(info.value)
    assert "\n" not in message and "unavailable" in message
    assert info.value.__cause__ is None and info.value.__suppress_context__
    err = capsys.readouterr()
    assert "Traceback" not in err.err + err.out
    assert not (tmp_path / "geo.json").exists()  # a failure is not cached as a miss


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        ("ar", "وصل الوفد إلى مدينة الزبداني ثم إلى مدينة دمشق.", ["الزبداني"]),
        ("fa", "او در شهر زبدانی سخن گفت و به شهر مشهدک رفت.", ["زبدانی", "مشهدک"]),
        ("ru", "Делегация прибыла в город Забадани, затем в город Дамаск.", ["Забадани"]),
        (
            "en",
            "He went to the city of Zabadani and the city of Damascus, then the town of hope.",
            ["Zabadani"],
        ),
    ],
)
def test_candidates(lang, text, names):
    nt = normalize_text(text)
    found = find_candidate_names(nt, lang)
    assert [n for _, _, n in found] == names
    for s, e, n in found:
        assert text[s:e] == n


def test_find_unknown_places(server, tmp_path):
    g = _geocoder(server, tmp_path, min_delay_seconds=0)
    text = "زار لافروف مدينة الزبداني في سوريا."
    out = g.find_unknown_places(normalize_text(text), "ar", known=[])
    assert [(m.surface, m.place, m.iso3, m.match_kind) for m in out] == [
        ("الزبداني", "Zabadani", "SYR", "geocoded")
    ]
