"""A real HTTP server in a thread, on loopback, serving the pages that go wrong on the web.

Mock transports cannot show that a body is really streamed and cut off, or that a server that
trickles bytes is stopped by the total time cap: that needs sockets. The port is taken from
this project's test range (18700-18799), so parallel test runs of other projects are not hit.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORTS = range(18700, 18800)

ARTICLE = (
    b"<!DOCTYPE html><html><head><title>Ferry vote</title></head><body><article>"
    b"<p>The Harbor Nurses Guild endorsed Talia Brennock for mayor of Port Alder on Monday, "
    b"citing her plan for the night ferry and the new clinic on the east pier.</p>"
    b"<p>Brennock thanked the guild and said she would visit every ward before the vote.</p>"
    b"</article></body></html>"
)
CHUNK = b"x" * 65_536
#: 50 MB of zeros, about 50 KB on the wire; made once, so serving it takes no time.
GZIP_BOMB = gzip.compress(b"\0" * 50_000_000)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _head(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path = self.path
        try:
            if path == "/article":
                self._head(200, {"Content-Type": "text/html", "Content-Length": str(len(ARTICLE))})
                self.wfile.write(ARTICLE)
            elif path == "/moved":
                self._head(302, {"Location": "/article", "Content-Length": "0"})
            elif path == "/loop":
                self._head(302, {"Location": "/loop", "Content-Length": "0"})
            elif path in ("/ping", "/pong"):  # /ping -> /pong -> /ping ...
                target = "/pong" if path == "/ping" else "/ping"
                self._head(301, {"Location": target, "Content-Length": "0"})
            elif path == "/endless":  # no length, never ends: a multi-gigabyte body
                self._head(200, {"Content-Type": "text/plain", "Connection": "close"})
                while True:
                    self.wfile.write(CHUNK)
            elif path == "/declared-huge":
                self._head(200, {"Content-Type": "text/plain", "Content-Length": str(5 * 2**30)})
                while True:
                    self.wfile.write(CHUNK)
            elif path == "/drip":  # one byte every 50 ms: no single read ever times out
                self._head(200, {"Content-Type": "text/plain", "Connection": "close"})
                while True:
                    self.wfile.write(b"y")
                    self.wfile.flush()
                    time.sleep(0.05)
            elif path == "/drip-headers":  # the response head never ends
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                while True:
                    self.wfile.write(b"X-Padding: y\r\n")
                    self.wfile.flush()
                    time.sleep(0.05)
            elif path == "/gzip-bomb":
                body = GZIP_BOMB
                self._head(
                    200,
                    {
                        "Content-Type": "text/plain",
                        "Content-Encoding": "gzip",
                        "Content-Length": str(len(body)),
                    },
                )
                self.wfile.write(body)
            else:
                self._head(404, {"Content-Length": "0"})
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading, which is what the tests want


@contextmanager
def serving() -> Iterator[str]:
    """Run the server for the duration of the block; yields its base URL."""
    server = None
    for port in PORTS:
        try:
            server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
            break
        except OSError:
            continue
    if server is None:
        raise RuntimeError(f"no free port in {PORTS.start}-{PORTS.stop - 1}")
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
