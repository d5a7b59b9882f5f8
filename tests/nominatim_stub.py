"""A local stand-in for Nominatim's /search endpoint: the geocoding tests never reach the
internet. `answer(query)` gives (lat, lon, country_code, display_name) or None."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

Answer = Callable[[str], "tuple[str, str, str, str] | None"]


@dataclass
class StubNominatim:
    """The running stub: `host` for Geocoder(domain=...), `calls` as (time, path, params)."""

    host: str
    calls: list[tuple[float, str, dict[str, list[str]]]] = field(default_factory=list)


@contextmanager
def serve_nominatim(answer: Answer) -> Iterator[StubNominatim]:
    stub = StubNominatim("")
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlparse(self.path)
            params = parse_qs(url.query)
            with lock:
                stub.calls.append((time.monotonic(), url.path, params))
            hit = answer(params.get("q", [""])[0]) if url.path == "/search" else None
            body = []
            if hit:
                lat, lon, cc, name = hit
                body = [
                    {"lat": lat, "lon": lon, "display_name": name, "address": {"country_code": cc}}
                ]
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    stub.host = f"127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield stub
    finally:
        httpd.shutdown()
        httpd.server_close()
