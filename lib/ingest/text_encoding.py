"""The encoding of a text (CSV) upload, after checking that it is text at all.

Part of the upload checks of :mod:`lib.ingest.safe_read`: a byte order mark, UTF-16 without one, strict
UTF-8, Windows-1252, then ISO-8859-1; binary (NULs, control characters) and blank files are refused.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from lib.core.errors import FileRefused
from lib.ingest.parse_csv import decode_errors

LEGACY_ENCODING_NAMES = {"cp1252": "Windows-1252", "latin-1": "ISO-8859-1"}
"""Encodings we only guess; the user is told, so that a wrong guess is noticed in the preview."""

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

_CONTROL_CHARACTERS = re.compile("[\x01-\x08\x0e-\x19\x1b-\x1f\x7f]")
"""Control characters that do not occur in text files (tab, newlines, form feed and DOS EOF do)."""

_BLANK_CHARACTERS = "\ufeff \t\r\n\f\v\x1a"

TEXT_SAMPLE_CHARS = 100_000

DECODE_CHUNK_BYTES = 1024 * 1024


def detect_text_encoding(data: bytes) -> str:
    """The encoding of a text file nobody told us about, after checking that it is text at all.

    Order: a byte order mark; UTF-16 without a mark, recognised by every other byte being NUL;
    strict UTF-8; Windows-1252 (what Danish Excel writes); ISO-8859-1, which cannot fail. Statistical
    guessers are avoided on purpose: on a short CSV they often pick the wrong code page, and æ, ø, å
    come out wrong. The bytes are decoded in slices, so the server never holds the whole text.

    Returns
    -------
    str
        A Python codec name for :func:`decode_with` (``"utf-8"``, ``"cp1252"``, ``"utf-16-le"`` …).

    Raises
    ------
    FileRefused
        ``read.not_spreadsheet`` when the text holds NULs or many control characters (binary),
        ``read.empty`` when it holds nothing but white space.
    """
    encoding = _text_encoding(data)
    controls = sampled = 0
    content = False
    for chunk in _decoded_chunks(data, encoding, decode_errors(encoding)):
        if "\x00" in chunk:
            raise FileRefused("read.not_spreadsheet")
        if sampled < TEXT_SAMPLE_CHARS:
            sample = chunk[: TEXT_SAMPLE_CHARS - sampled]
            controls += len(_CONTROL_CHARACTERS.findall(sample))
            sampled += len(sample)
        content = content or bool(chunk.strip(_BLANK_CHARACTERS))
    if controls > sampled / 100:
        raise FileRefused("read.not_spreadsheet")
    if not content:
        raise FileRefused("read.empty")
    return encoding


def _decoded_chunks(data: bytes, encoding: str, errors: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)(errors)
    for start in range(0, len(data), DECODE_CHUNK_BYTES):
        yield decoder.decode(data[start : start + DECODE_CHUNK_BYTES])
    yield decoder.decode(b"", final=True)


def _decodes_strictly(data: bytes, encoding: str) -> bool:
    try:
        for _ in _decoded_chunks(data, encoding, "strict"):
            pass
    except UnicodeDecodeError:
        return False
    return True


def _text_encoding(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    bomless = _bomless_utf16(data[:4096])
    if bomless:
        return bomless
    for name in ("utf-8", "cp1252"):
        if _decodes_strictly(data, name):
            return name
    return "latin-1"


def _bomless_utf16(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes sit in every other position, as in ASCII-heavy UTF-16."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0 : pairs * 2 : 2].count(0)
    odd_nuls = sample[1 : pairs * 2 : 2].count(0)
    if odd_nuls > 0.4 * pairs and even_nuls < 0.05 * pairs:
        return "utf-16-le"
    if even_nuls > 0.4 * pairs and odd_nuls < 0.05 * pairs:
        return "utf-16-be"
    return None
