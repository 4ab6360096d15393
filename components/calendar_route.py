"""The calendar subscription feed on the dashboard's own server: ``GET /kalender/<token>.ics``.

A calendar service (Exchange Online, Google) fetches the address from the internet without logging
in; the token is the only key. So the answer to anything but a live token is the same plain 404 as
for an address that does not exist, and each client address may ask :data:`REQUESTS_PER_WINDOW`
times per :data:`WINDOW_SECONDS` (429 after that). The reading is done by
``lib.planning.calendar_feed.feed_calendar`` in a worker thread. deploy/nginx.conf exposes this path
alone on the public side and keeps the token out of its access log.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from lib.planning.calendar_feed import FEED_PREFIX, FEED_READER, feed_calendar
from lib.workspace.opening import workspace_database

WINDOW_SECONDS = 600
REQUESTS_PER_WINDOW = 60
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


LIMIT = RateLimit(REQUESTS_PER_WINDOW, WINDOW_SECONDS)


def _not_found() -> Response:
    # Exactly what Starlette answers for an address it does not know.
    return PlainTextResponse("Not Found", status_code=404)


def _client(request: Request) -> str:
    # Behind nginx the peer is nginx itself; nginx sets X-Real-IP to the caller (deploy/nginx.conf).
    forwarded = request.headers.get("x-real-ip")
    peer = request.client.host if request.client else "?"
    return forwarded if forwarded and peer in ("127.0.0.1", "::1") else peer


async def calendar_feed(request: Request) -> Response:
    if not LIMIT.allow(_client(request)):
        return PlainTextResponse("Too Many Requests", status_code=429, headers={"Retry-After": str(WINDOW_SECONDS)})
    name = request.path_params["name"]
    if not name.endswith(".ics"):
        return _not_found()
    lang = request.query_params.get("lang", "da")
    data = await run_in_threadpool(feed_calendar, workspace_database(FEED_READER), name.removesuffix(".ics"), lang)
    if data is None:
        return _not_found()
    return Response(
        data,
        media_type="text/calendar; charset=utf-8",
        headers={
            "Content-Disposition": 'inline; filename="opgaver.ics"',
            "Cache-Control": "private, max-age=300",
            "Referrer-Policy": "no-referrer",
            "X-Robots-Tag": "noindex",
        },
    )


ROUTES = [Route(FEED_PREFIX + "{name}", calendar_feed, methods=["GET"])]
