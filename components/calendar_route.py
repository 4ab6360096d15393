"""The calendar subscription feed on the dashboard's own server: ``GET /kalender/<token>.ics``.

A calendar service (Exchange Online, Google) fetches the address from the internet without logging
in; the token is the only key. So the answer to anything but a live token is the same plain 404 as
for an address that does not exist, and each client address may ask :data:`REQUESTS_PER_WINDOW`
times per :data:`WINDOW_SECONDS` (429 after that). The reading is done by
``lib.planning.calendar_feed.feed_calendar`` in a worker thread. deploy/nginx.conf exposes this path
alone on the public side and keeps the token out of its access log.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from components.public_routes import RateLimit, client, not_found, too_many
from lib.planning.calendar_feed import FEED_PREFIX, FEED_READER, feed_calendar
from lib.workspace.opening import workspace_database

WINDOW_SECONDS = 600
REQUESTS_PER_WINDOW = 60

LIMIT = RateLimit(REQUESTS_PER_WINDOW, WINDOW_SECONDS)


async def calendar_feed(request: Request) -> Response:
    if not LIMIT.allow(client(request)):
        return too_many(WINDOW_SECONDS)
    name = request.path_params["name"]
    if not name.endswith(".ics"):
        return not_found()
    lang = request.query_params.get("lang", "da")
    data = await run_in_threadpool(feed_calendar, workspace_database(FEED_READER), name.removesuffix(".ics"), lang)
    if data is None:
        return not_found()
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
