"""What the dashboard's public addresses share (the calendar feed, ``components.calendar_route``; the
evaluation form, ``components.answer_route``): a per-caller rate limit, who the caller is behind
nginx, and the one answer for anything that is not a live token.

These addresses are reached from the internet without logging in; the secret token in the path is
the only key. So a wrong, expired or revoked token gets exactly what an address that does not exist
gets, and each caller may only ask so often.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

#: Client addresses remembered at once (the oldest are forgotten first).
_CLIENTS = 10_000


class RateLimit:
    """At most ``limit`` requests per ``window`` seconds per key, in this process; bounded memory."""

    def __init__(self, limit: int, window: float, keys: int = _CLIENTS) -> None:
        self.limit, self.window, self.keys = limit, window, keys
        self._seen: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._seen.pop(key, None) or deque()
            while times and times[0] <= now - self.window:
                times.popleft()
            allowed = len(times) < self.limit
            if allowed:
                times.append(now)
            self._seen[key] = times
            while len(self._seen) > self.keys:
                self._seen.popitem(last=False)
            return allowed


def not_found() -> Response:
    """Exactly what Starlette answers for an address it does not know."""
    return PlainTextResponse("Not Found", status_code=404)


def too_many(window: float) -> Response:
    """The answer to a caller over its limit."""
    return PlainTextResponse("Too Many Requests", status_code=429, headers={"Retry-After": str(int(window))})


def client(request: Request) -> str:
    """The caller's address. Behind nginx the peer is nginx itself; nginx sets X-Real-IP to the
    caller (deploy/nginx.conf), and only a peer on this machine is believed when it says so."""
    forwarded = request.headers.get("x-real-ip")
    peer = request.client.host if request.client else "?"
    return forwarded if forwarded and peer in ("127.0.0.1", "::1") else peer
