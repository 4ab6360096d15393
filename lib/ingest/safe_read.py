"""Untrusted upload → :class:`RawWorkbook`, with every check done before a parser sees the bytes.

An uploaded spreadsheet comes from outside: it may be damaged, mislabelled, password-protected, a
zip bomb, an XML entity bomb, or simply a sheet that makes a parser allocate terabytes. This module
decides what the bytes really are and refuses anything unsafe with a :class:`lib.core.errors.FileRefused`
whose key names a message in ``lib/core/translations/safe_read.py``. What passes the checks is parsed in a
child process (``lib.ingest.parse_worker``) with memory, CPU and wall-clock limits, so a parser that crashes
or hangs costs only that child, never the server. A process runs at most
``limits.max_parallel_parses`` children at once (:func:`parse_slot`); further uploads wait their turn.

Checks, in order (cheapest first):

1. the file name's extension is one we read at all, and the size is within ``max_file_bytes``;
2. what the bytes are: zip (OOXML), OLE2 compound file (old ``.xls`` or an encrypted workbook),
   a web page or Excel 2003 XML saved under an Excel name, text (CSV), or anything else;
3. for zip files: entry count, declared unpacked size, compression ratio, duplicate or encrypted
   entries, and the package's kind (``.xlsx``/``.xlsm``, not ``.xlsb``/``.ods``/``.docx``), all from
   the central directory; then the prolog of every XML part, refusing any ``<!DOCTYPE``;
4. for compound files (read with ``olefile``, after a header check that bounds its work): the
   directory's stream names (an encrypted workbook has ``EncryptedPackage``);
5. for text: the encoding (BOM, then strict UTF-8, then Windows-1252) and that it is really text.

Rows in the result are ragged: each row ends at its last non-empty cell (so an empty row is ``[]``)
and a missing cell reads as ``None``. Row ``i`` is sheet row ``i + 1`` and column ``j`` is column
``j`` counted from A = 0, also when the first rows or columns are empty; trailing empty rows are
dropped. Values are as stored: text is not stripped, an empty text is ``None``, whole numbers are
``int``, dates stay ``date``/``datetime``/``time`` (a duration of a day or more becomes "h:mm:ss"
text). CSV values are all text; a CSV's one sheet is named after the file, and Excel's ``sep=;``
first line is not a row.
"""

from __future__ import annotations

import io
import math
import os
import struct
import threading
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import olefile

from lib.core.config import DEFAULT_LIMITS, ImportLimits
from lib.core.errors import FileRefused
from lib.ingest.parse_child import notify_when_waiting, parse_slot, run_worker, worker_command
from lib.ingest.sheet_rows import answer_rows
from lib.ingest.text_encoding import LEGACY_ENCODING_NAMES, detect_text_encoding

__all__ = [
    "ACCEPTED_EXTENSIONS",
    "EXCEL_EXTENSIONS",
    "LEGACY_ENCODING_NAMES",
    "TEXT_EXTENSIONS",
    "CellValue",
    "RawSheet",
    "RawWorkbook",
    "UploadJob",
    "cfb_stream_names",
    "check_cfb_header",
    "check_zip_budget",
    "detect_text_encoding",
    "file_extension",
    "inspect_bytes",
    "notify_when_waiting",
    "parse_slot",
    "read_in_background",
    "read_upload",
    "run_worker",
    "worker_command",
    "xml_prolog_verdict",
]

CellValue = Any
"""str | int | float | bool | datetime.datetime | datetime.date | datetime.time | None."""

EXCEL_EXTENSIONS = frozenset({"xlsx", "xlsm", "xltx", "xltm", "xls"})

TEXT_EXTENSIONS = frozenset({"csv", "txt", "tsv"})

ACCEPTED_EXTENSIONS = EXCEL_EXTENSIONS | TEXT_EXTENSIONS | {""}

#: The kinds whose sheets the parent scans while the child parses (:mod:`lib.ingest.parent_scan`).
PARENT_SCANNED_KINDS = frozenset({"xlsx", "xlsm"})

RATIO_FLOOR_BYTES = 1024 * 1024
"""Entries that unpack to less than this are not ratio-checked: tiny XML parts compress very well."""

_XML_SUFFIXES = (".xml", ".rels")

PROLOG_CAP_BYTES = 64 * 1024
"""How far into an XML part the root element must start; real files need a few hundred bytes."""

CONTENT_TYPES_CAP_BYTES = 4 * 1024 * 1024

#: What reading a damaged zip entry can raise. A corrupt deflate stream raises ``zlib.error``, which
#: is none of zipfile's own exceptions.
_ZIP_ENTRY_ERRORS = (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError, OSError, EOFError)

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


@dataclass
class RawSheet:
    """One sheet as it is in the file: values only, nothing interpreted."""

    name: str
    hidden: bool
    rows: list[list[CellValue]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    total_rows: int = 0
    truncated: bool = False
    formulas_without_value: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class RawWorkbook:
    """An upload that passed the checks and was parsed."""

    file_name: str
    kind: str
    sheets: list[RawSheet]
    has_macros: bool = False
    notices: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


@dataclass
class UploadJob:
    """What :func:`inspect_bytes` decided: the kind to parse, and what to tell the user already."""

    kind: str
    has_macros: bool = False
    encoding: str | None = None
    notices: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def read_upload(file_name: str, data: bytes, limits: ImportLimits = DEFAULT_LIMITS) -> RawWorkbook:
    """Check an uploaded file and parse it safely.

    Parameters
    ----------
    file_name : str
        The name the user's file had; only its extension is used, as a hint.
    data : bytes
        The file's contents, untrusted.
    limits : ImportLimits
        Size, ratio, row, column, memory and time bounds.

    Returns
    -------
    RawWorkbook
        Every worksheet (hidden ones too, marked), with ragged rows and notices for the user.

    Raises
    ------
    FileRefused
        With a ``read.*`` key for anything that is not read: too large, empty, damaged, encrypted,
        unsafe, of another format, or a parse that crashed or ran out of time.
    """
    extension = file_extension(file_name)
    if extension not in ACCEPTED_EXTENSIONS:
        raise FileRefused("read.unsupported_extension", extension=extension)
    if len(data) > limits.max_file_bytes:
        raise FileRefused("read.too_large", size_mb=_megabytes(len(data)), limit_mb=_megabytes(limits.max_file_bytes))
    job = inspect_bytes(data, extension, limits)
    request = {
        "kind": job.kind,
        "data": data,
        "encoding": job.encoding,
        "sheet_name": _file_stem(file_name),
        "limits": _limits_dict(limits),
    }
    if job.kind not in PARENT_SCANNED_KINDS:
        with parse_slot(limits):
            result = run_worker(request, limits)
        return _assemble(file_name, job, result)
    scans: list[Any] = []

    def scan_meanwhile() -> None:
        # Imported only now, while the child starts: the scan's modules do not delay its start.
        from lib.ingest.parent_scan import scan_sheets

        scans.append(scan_sheets(data))

    with parse_slot(limits):
        result = run_worker({**request, "scanned_by_parent": True}, limits, scan_meanwhile)
    from lib.ingest.parent_scan import apply_parent_scans

    # An answer comes only from a child, and ``meanwhile`` ran beside the first one.
    return _assemble(file_name, job, apply_parent_scans(result, scans[0] if scans else None, _limits_dict(limits)))


def read_in_background(file_name: str, data: bytes, limits: ImportLimits = DEFAULT_LIMITS) -> Callable[[], RawWorkbook]:
    """Start :func:`read_upload` on a thread and return a call that waits for it: the workbook, or
    the :class:`FileRefused` (or any other error) the read raised.

    The parse child works on the machine's other core meanwhile, so a command can load its modules
    and open the workspace while the file is being read (``python -m lib import``).
    """
    outcome: list[RawWorkbook] = []
    failure: list[BaseException] = []

    def read() -> None:
        try:
            outcome.append(read_upload(file_name, data, limits))
        except BaseException as error:  # noqa: BLE001 - handed to whoever waits, raised there
            failure.append(error)

    thread = threading.Thread(target=read, name=f"read {file_name}", daemon=True)
    thread.start()

    def wait() -> RawWorkbook:
        thread.join()
        if failure:
            raise failure[0]
        return outcome[0]

    return wait


def file_extension(file_name: str) -> str:
    """The lower-case extension without its dot, or "" when the name has none."""
    base = os.path.basename(file_name.replace("\\", "/"))
    stem, dot, extension = base.rpartition(".")
    return extension.lower().strip() if dot and stem else ""


def _file_stem(file_name: str) -> str:
    """The name without folder and extension: a CSV's one sheet is called after its file."""
    base = os.path.basename(file_name.replace("\\", "/"))
    stem = base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base
    return stem.strip() or "CSV"


def inspect_bytes(data: bytes, extension: str, limits: ImportLimits = DEFAULT_LIMITS) -> UploadJob:
    """Decide what the bytes really are and run the checks for that kind; no parser is involved.

    Raises
    ------
    FileRefused
        When the bytes are empty, unsafe, encrypted, damaged or not a spreadsheet we read.
    """
    if len(data) <= 4096 and not data.strip(b" \t\r\n\x00"):
        raise FileRefused("read.empty")
    if data.startswith(ZIP_MAGICS):
        job = _inspect_zip(data, limits)
        if extension in TEXT_EXTENSIONS or extension == "xls":
            job.notices.append(("read.notice.read_as_xlsx", {"extension": extension}))
        return job
    if data.startswith(CFB_MAGIC):
        _inspect_compound_file(data)
        job = UploadJob(kind="xls")
        if extension and extension != "xls":
            job.notices.append(("read.notice.read_as_xls", {"extension": extension}))
        return job
    markup = _markup_kind(data)
    if markup is not None:
        raise FileRefused(markup)
    encoding = detect_text_encoding(data)
    job = UploadJob(kind="csv", encoding=encoding)
    if extension in EXCEL_EXTENSIONS:
        job.notices.append(("read.notice.read_as_csv", {"extension": extension}))
    if encoding in LEGACY_ENCODING_NAMES:
        job.notices.append(("read.notice.encoding", {"encoding": LEGACY_ENCODING_NAMES[encoding]}))
    return job


def _inspect_zip(data: bytes, limits: ImportLimits) -> UploadJob:
    """Check a zip's central directory and XML prologs; return the job for an OOXML workbook."""
    archive = _open_zip(data)
    infos = [info for info in archive.infolist() if not info.is_dir()]
    check_zip_budget(infos, limits)
    names = {info.filename.lower() for info in infos}
    _check_package_kind(archive, names)
    for info in infos:
        _check_xml_prolog(archive, info)
    has_macros = any(name.rsplit("/", 1)[-1] == "vbaproject.bin" for name in names)
    macro_enabled = b"macroenabled" in _read_entry(archive, "[Content_Types].xml", CONTENT_TYPES_CAP_BYTES).lower()
    job = UploadJob(kind="xlsm" if has_macros or macro_enabled else "xlsx", has_macros=has_macros)
    if has_macros:
        job.notices.append(("read.notice.macros_ignored", {}))
    return job


def _open_zip(data: bytes) -> zipfile.ZipFile:
    """Open the zip's central directory; a cut or corrupt directory means a damaged file."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, struct.error):
        raise FileRefused("read.damaged") from None


def check_zip_budget(infos: list[zipfile.ZipInfo], limits: ImportLimits) -> None:
    """Refuse zip files that would unpack to too much, or suspiciously much, from their directory.

    Parameters
    ----------
    infos : list of zipfile.ZipInfo
        The file entries of the central directory (no folders).
    limits : ImportLimits
        ``max_zip_entries``, ``max_uncompressed_bytes`` and ``max_compression_ratio`` apply.

    Raises
    ------
    FileRefused
        ``read.zip_bomb`` for too many entries or a ratio beyond the limit (per entry or overall),
        ``read.too_much_data`` for a plausible but too large unpacked size, ``read.damaged`` for
        duplicate names, ``read.password_protected`` for encrypted entries.
    """
    if len(infos) > limits.max_zip_entries:
        raise FileRefused("read.zip_bomb")
    seen: set[str] = set()
    for info in infos:
        # Two entries with one name let two parsers see two different files; no real workbook has it.
        if info.filename.lower() in seen:
            raise FileRefused("read.damaged")
        seen.add(info.filename.lower())
        if info.flag_bits & 0x1:
            raise FileRefused("read.password_protected")
        if _ratio_too_high(info.file_size, info.compress_size, limits):
            raise FileRefused("read.zip_bomb")
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if _ratio_too_high(unpacked, packed, limits):
        raise FileRefused("read.zip_bomb")
    if unpacked > limits.max_uncompressed_bytes:
        raise FileRefused(
            "read.too_much_data",
            size_mb=_megabytes(unpacked),
            limit_mb=_megabytes(limits.max_uncompressed_bytes),
        )


def _ratio_too_high(unpacked: int, packed: int, limits: ImportLimits) -> bool:
    return unpacked >= RATIO_FLOOR_BYTES and unpacked > limits.max_compression_ratio * max(packed, 1)


def _check_package_kind(archive: zipfile.ZipFile, names: set[str]) -> None:
    """Refuse zip packages that are not an Excel workbook we read (xlsb, ods, Word, plain zip)."""
    if "xl/workbook.bin" in names:
        raise FileRefused("read.xlsb_not_supported")
    if "mimetype" in names and b"opendocument.spreadsheet" in _read_entry(archive, "mimetype", 256):
        raise FileRefused("read.ods_not_supported")
    if "[content_types].xml" not in names or "xl/workbook.xml" not in names:
        raise FileRefused("read.not_spreadsheet")


def _read_entry(archive: zipfile.ZipFile, name: str, cap: int) -> bytes:
    """Up to ``cap`` bytes of the entry named ``name`` (compared case-insensitively)."""
    for info in archive.infolist():
        if info.filename.lower() == name.lower():
            try:
                with archive.open(info) as handle:
                    return handle.read(cap)
            except _ZIP_ENTRY_ERRORS:
                raise FileRefused("read.damaged") from None
    return b""


def _check_xml_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse a part whose XML prolog declares a DTD: the only place entities can be declared.

    Entity expansion ("billion laughs") and external entities (XXE) both need ``<!DOCTYPE ...>``
    before the root element, so reading each part only up to its root element is enough, whatever
    the part is called. Parts that do not start like XML (images, vbaProject.bin) pass.
    """
    head = b""
    try:
        with archive.open(info) as handle:
            while len(head) < PROLOG_CAP_BYTES:
                chunk = handle.read(4096)
                head += chunk
                verdict = xml_prolog_verdict(head, final=not chunk)
                if verdict == "declaration":
                    raise FileRefused("read.xml_entities")
                if verdict == "not_xml" and head.strip() and info.filename.lower().endswith(_XML_SUFFIXES):
                    # An XML part in an encoding we cannot check (EBCDIC, say) is not let through.
                    raise FileRefused("read.damaged")
                if verdict in ("ok", "not_xml"):
                    return
    except _ZIP_ENTRY_ERRORS:
        raise FileRefused("read.damaged") from None
    raise FileRefused("read.damaged")


def xml_prolog_verdict(head: bytes, final: bool = False) -> str:
    """Classify the start of an XML document.

    Parameters
    ----------
    head : bytes
        The first bytes of the part, in any of UTF-8 or UTF-16 (NUL bytes are ignored, so the ASCII
        markup of a UTF-16 document reads the same).
    final : bool
        True when ``head`` is the whole part.

    Returns
    -------
    str
        ``"ok"`` when the root element starts after only declarations, comments and processing
        instructions; ``"declaration"`` for ``<!DOCTYPE`` (or any other ``<!`` markup) in the prolog;
        ``"not_xml"`` for content that does not start with markup; ``"unfinished"`` when more bytes
        are needed to decide.
    """
    text = head.replace(b"\x00", b"").decode("latin-1")
    pos = _skip_prolog_space(text, 0)
    while pos < len(text):
        if len(text) - pos < 4 and not final and "<!--".startswith(text[pos:]):
            return "unfinished"
        if text.startswith("<?", pos):
            closer = "?>"
        elif text.startswith("<!--", pos):
            closer = "-->"
        elif text.startswith("<!", pos):
            return "declaration"
        elif text.startswith("<", pos):
            return "ok"
        else:
            return "not_xml"
        end = text.find(closer, pos + 2)
        if end < 0:
            return "not_xml" if final else "unfinished"
        pos = _skip_prolog_space(text, end + len(closer))
    return "not_xml" if final else "unfinished"


def _skip_prolog_space(text: str, pos: int) -> int:
    # Byte order marks read as latin-1: UTF-8 "ï»¿", UTF-16 "ÿþ" / "þÿ".
    while pos < len(text) and text[pos] in " \t\r\n\xef\xbb\xbf\xff\xfe":
        pos += 1
    return pos


_CFB_ERRORS = (OSError, ValueError, IndexError, KeyError, TypeError, RecursionError, struct.error)
"""What olefile can raise on a broken file: its defects (``OleFileError``, a subclass of ``OSError``), a
plain ``OSError('incorrect DIFAT')``, and whatever a half-parsed structure makes Python raise (a
directory tree nested deeper than the recursion limit included)."""


def _inspect_compound_file(data: bytes) -> None:
    """Accept an old Excel workbook; refuse encrypted workbooks and other Office documents."""
    names = {name.lower() for name in cfb_stream_names(data)}
    if {"encryptioninfo", "encryptedpackage"} & names:
        raise FileRefused("read.password_protected")
    if not {"workbook", "book"} & names:
        raise FileRefused("read.not_spreadsheet")


def cfb_stream_names(data: bytes) -> set[str]:
    """The names of all streams and storages in an OLE2 compound file's directory tree, root included.

    ``olefile`` reads the header, the FAT and the directory, with every inconsistency it knows of
    (loops, sector numbers out of range, entries used twice, a malformed header) raised rather than
    worked around; stream contents are never read. Before olefile sees the bytes,
    :func:`check_cfb_header` bounds the work its FAT loading can be made to do.

    Raises
    ------
    FileRefused
        ``read.damaged`` when the structure is inconsistent or cut short.
    """
    check_cfb_header(data)
    try:
        with olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT) as ole:
            if _chain_loops(ole.fat, ole.first_dir_sector):
                raise FileRefused("read.damaged")
            paths = ole.listdir(streams=True, storages=True)
            return {ole.root.name, *(part for path in paths for part in path)}
    except _CFB_ERRORS:
        raise FileRefused("read.damaged") from None


def _chain_loops(fat: Sequence[int], sector: int) -> bool:
    """Whether the sector chain from ``sector`` comes back to itself.

    olefile reads a chain of unknown length (the directory's) only up to the FAT's length, so a
    loop costs it no more than the file's size; but it then reads the looped sectors as more
    directory, which no writer makes.
    """
    seen: set[int] = set()
    while 0 <= sector < len(fat):
        if sector in seen:
            return True
        seen.add(sector)
        sector = fat[sector]
    return False


def check_cfb_header(data: bytes) -> None:
    """Refuse a compound-file header that claims more allocation tables than the file can hold.

    olefile loads the FAT by appending sector after sector to one growing array, for as many FAT
    and DIFAT sectors as the header declares; a header declaring millions of them over a looping
    DIFAT would cost quadratic time and unbounded memory. A real file needs one FAT sector per
    ``sector size / 4`` sectors of the file, so that many (plus one) is the most we let through.

    Raises
    ------
    FileRefused
        ``read.damaged`` for a cut header, an unknown sector size or a FAT/DIFAT count beyond the
        file's size.
    """
    if len(data) < 512:
        raise FileRefused("read.damaged")
    (sector_shift,) = struct.unpack_from("<H", data, 0x1E)
    if sector_shift not in (9, 12):
        raise FileRefused("read.damaged")
    size = 1 << sector_shift
    (fat_count,) = struct.unpack_from("<I", data, 0x2C)
    (difat_count,) = struct.unpack_from("<I", data, 0x48)
    sectors = max(0, math.ceil(len(data) / size) - 1)
    fat_sectors_needed = math.ceil(sectors / (size // 4))
    if fat_count > fat_sectors_needed + 1 or difat_count > fat_sectors_needed:
        raise FileRefused("read.damaged")


_HTML_MARKERS = ("<html", "<table", "<body", "<head", "<meta", "<!doctype html")


def _markup_kind(data: bytes) -> str | None:
    """A refusal key for HTML, MHTML or Excel 2003 XML files, or None for anything else."""
    head = data[:4096].replace(b"\x00", b"").decode("latin-1").lstrip(" \t\r\n\xef\xbb\xbf\xff\xfe").lower()
    if head.startswith("mime-version:"):
        return "read.html_as_excel"
    if not head.startswith("<"):
        return None
    if "urn:schemas-microsoft-com:office:spreadsheet" in head or 'progid="excel.sheet"' in head:
        return "read.xml_spreadsheet"
    if any(marker in head for marker in _HTML_MARKERS):
        return "read.html_as_excel"
    if head.startswith("<?xml"):
        return "read.not_spreadsheet"
    return None


def _assemble(file_name: str, job: UploadJob, result: dict[str, Any]) -> RawWorkbook:
    """Turn the child's plain answer into dataclasses; refuse workbooks without any data."""
    try:
        rows = [answer_rows(sheet) for sheet in result["sheets"]]
    except ValueError:
        raise FileRefused("read.damaged") from None
    sheets = [
        RawSheet(
            name=str(sheet["name"]),
            hidden=bool(sheet["hidden"]),
            rows=sheet_rows,
            merged=[tuple(r) for r in sheet["merged"]],
            total_rows=int(sheet["total_rows"]),
            truncated=bool(sheet["truncated"]),
            formulas_without_value=[tuple(p) for p in sheet["formulas_without_value"]],
        )
        for sheet, sheet_rows in zip(result["sheets"], rows, strict=True)
    ]
    if not sheets:
        raise FileRefused("read.no_sheets")
    if not any(sheet.rows for sheet in sheets):
        raise FileRefused("read.empty")
    notices = list(job.notices) + [(key, dict(params)) for key, params in result["notices"]]
    return RawWorkbook(file_name=file_name, kind=job.kind, sheets=sheets, has_macros=job.has_macros, notices=notices)


def _limits_dict(limits: ImportLimits) -> dict[str, Any]:
    return {
        "max_rows_per_sheet": limits.max_rows_per_sheet,
        "max_columns": limits.max_columns,
        "max_uncompressed_bytes": limits.max_uncompressed_bytes,
    }


def _megabytes(size: int) -> float:
    return round(size / (1024 * 1024), 1)
