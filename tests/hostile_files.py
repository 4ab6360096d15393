"""Hostile, broken and ordinary spreadsheet files, made in memory for the tests of ``lib.ingest.safe_read``.

Every function returns the bytes of one file. The hostile ones are built by hand (a zip with the
parts we choose, a minimal OLE2 compound file) so that each one is exactly the attack or breakage it
is named after; the good ones are what library staff actually upload: a Danish Excel CSV in
Windows-1252 with ``;``, an Outlook export in UTF-16 with tabs, a workbook with title rows and a
merged header.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import math
import random
import struct
import warnings
import zipfile
from collections.abc import Iterable, Sequence

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

PASSWD_MARKER = "root:x:0:0"
"""What the first line of /etc/passwd looks like: it must never appear in anything we read."""


# Made with xlwt 1.3.0 (not a dependency): see danish_xls().
_DANISH_XLS_BASE64 = (
    "0M8R4KGxGuEAAAAAAAAAAAAAAAAAAAAAPgADAP7/CQAGAAAAAAAAAAAAAAABAAAACQAAAAAAAAAAEAAA/v///wAAAAD+////"
    "AAAAAAgAAAD/////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////"
    "//////////8JCBAAAAYFALsNzAcAAAAABgAAAOEAAgCwBMEAAgAAAOIAAABcAHAATm9uZSAgICAgICAgICAgICAgICAgICAg"
    "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg"
    "ICAgICAgICAgICAgICAgIEIAAgCwBGEBAgAAAD0BBAABAAIAnAACAA4AGQACAAAAEgACAAAAYwACAAAAEwACAAAArwECAAAA"
    "vAECAAAAQAACAAAAjQACAAAAPQASAOABWgDPP04qOAAAAAAAAQBYAiIAAgAAAA4AAgABALcBAgAAANoAAgAAADEAFQDIAAAA"
    "/3+QAQAAAAABAAUAQXJpYWwxABUAyAAAAP9/kAEAAAAAAQAFAEFyaWFsMQAVAMgAAAD/f5ABAAAAAAEABQBBcmlhbDEAFQDI"
    "AAAA/3+QAQAAAAABAAUAQXJpYWwxABUAyAAAAP9/kAEAAAAAAQAFAEFyaWFsMQAVAMgAAAD/f5ABAAAAAAEABQBBcmlhbDEA"
    "FQDIAAAA/3+QAQAAAAABAAUAQXJpYWwxABUAyAAAAP9/kAEAAAAAAQAFAEFyaWFsHgQMAKQABwAAR2VuZXJhbB4EDwClAAoA"
    "AERELU1NLVlZWVngABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA"
    "9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA"
    "9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA"
    "9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA"
    "9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA"
    "9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAAEAIAAA+AAAAAAAAAAAwCDgABQABwCkAAEAIAAA"
    "+AAAAAAAAAAAwCDgABQACAClAAEAIAAA+AAAAAAAAAAAwCCTAgQAAIAA/2ABAgABAIUAEQBSBAAAAAAJAEtvbnRha3RlcoUA"
    "DQByBgAAAQAFAE5vdGVy/ABTAAcAAAAHAAAADQAAUGFydG5lcmUgMjAyNAQAAE5hdm4IAABPcHJldHRldAUAAEFudGFsCQAA"
    "U/hyZW4gxnL4CQAAxXNlINhiZXJnBgAAc2tqdWx0CgAAAAkIEAAABhAAuw3MBwAAAAAGAAAADQACAAEADAACAGQADwACAAEA"
    "EQACAAAAEAAIAPyp8dJNYlA/XwACAAAAgAAIAAAAAAABAAAAJQIEAAAA/wCBAAIAAQwAAg4AAAAAAAUAAAAAAAMAAAAqAAIA"
    "AAArAAIAAACCAAIAAQAbAAIAAAAaAAIAAAAUAAUAAgAAJlAVAAUAAgAAJkaDAAIAAQCEAAIAAAAmAAgAMzMzMzMz0z8nAAgA"
    "MzMzMzMz0z8oAAgAhetRuB6F4z8pAAgArkfhehSu1z+hACIACQBkAAEAAQABAIMALAEsAZqZmZmZmbk/mpmZmZmZuT8BABIA"
    "AgAAAN0AAgAAABkAAgAAAGMAAgAAABMAAgAAAAgCEAAAAAAAAwD/AAAAAAAAAQ8A/QAKAAAAAAARAAAAAAC+AAoAAAABABEA"
    "EQACAAgCEAACAAAAAwD/AAAAAAAAAQ8A/QAKAAIAAAARAAEAAAD9AAoAAgABABEAAgAAAP0ACgACAAIAEQADAAAACAIQAAMA"
    "AAADAP8AAAAAAAABDwD9AAoAAwAAABEABAAAAL0AEgADAAEAEgCixAIAEQAeAAAAAgAIAhAABAAAAAMA/wAAAAAAAAEPAP0A"
    "CgAEAAAAEQAFAAAAvQASAAQAAQASAJLDAgARAOsDAAACAOUACgABAAAAAAAAAAIAPgISALYCAAAAAEAAAAAAAAAAAAAAAAoA"
    "AAAJCBAAAAYQALsNzAcAAAAABgAAAA0AAgABAAwAAgBkAA8AAgABABEAAgAAABAACAD8qfHSTWJQP18AAgAAAIAACAAAAAAA"
    "AQAAACUCBAAAAP8AgQACAAEMAAIOAAAAAAABAAAAAAABAAAAKgACAAAAKwACAAAAggACAAEAGwACAAAAGgACAAAAFAAFAAIA"
    "ACZQFQAFAAIAACZGgwACAAEAhAACAAAAJgAIADMzMzMzM9M/JwAIADMzMzMzM9M/KAAIAIXrUbgeheM/KQAIAK5H4XoUrtc/"
    "oQAiAAkAZAABAAEAAQCDACwBLAGamZmZmZm5P5qZmZmZmbk/AQASAAIAAADdAAIAAAAZAAIAAABjAAIAAAATAAIAAAAIAhAA"
    "AAAAAAEA/wAAAAAAAAEPAP0ACgAAAAAAEQAGAAAAPgISALYAAAAAAEAAAAAAAAAAAAAAAAoAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AQAAAAIAAAADAAAABAAAAAUAAAAGAAAABwAAAP7////9/////v//////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////"
    "//////////9SAG8AbwB0ACAARQBuAHQAcgB5AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "FgAFAf//////////AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAP7///8AAAAAAAAAAFcAbwByAGsA"
    "YgBvAG8AawAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAASAAIB////////////////"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAH///////////////8AAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAD+////AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAf///////////////wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAP7///8AAAAAAAAAAA=="
)


# --- building blocks -----------------------------------------------------------------------------


def zip_bytes(entries: dict[str, bytes | str], compresslevel: int = 6) -> bytes:
    """A zip file holding ``entries`` (name → content) in the given order, deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as archive:
        for name, content in entries.items():
            archive.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()


def column_letters(index: int) -> str:
    """Column letters of a 0-based column: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell_xml(row: int, col: int, value: object) -> str:
    """One ``<c>`` element (0-based position): numbers as values, text as inline strings."""
    reference = f"{column_letters(col)}{row + 1}"
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{reference}"><v>{value}</v></c>'
    return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{_escape(str(value))}</t></is></c>'


def sheet_xml(
    rows: Sequence[Sequence[object]],
    dimension: str | None = None,
    prolog: str = XML_DECLARATION,
    after_data: str = "",
) -> str:
    """A worksheet part with ``rows`` (row 0 = sheet row 1), an optional ``<dimension>``."""
    body = "".join(
        f'<row r="{r + 1}">' + "".join(cell_xml(r, c, v) for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows)
        if any(v is not None for v in row)
    )
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'{prolog}<worksheet xmlns="{MAIN_NS}">{dim}<sheetData>{body}</sheetData>{after_data}</worksheet>'


def workbook_package(
    sheets: Sequence[tuple[str, str, str]],
    main_content_type: str = XLSX_MAIN,
    workbook_prolog: str = XML_DECLARATION,
    extra: dict[str, bytes | str] | None = None,
    extra_overrides: str = "",
) -> bytes:
    """A minimal xlsx: ``sheets`` are (name, sheet XML, state) with state visible/hidden/veryHidden."""
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="{WORKSHEET_TYPE}"/>'
        for i in range(len(sheets))
    )
    content_types = (
        f'{XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{main_content_type}"/>'
        f"{overrides}{extra_overrides}</Types>"
    )
    root_rels = (
        f'{XML_DECLARATION}<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
        f'Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    sheet_elements = "".join(
        f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"'
        + (f' state="{state}"' if state != "visible" else "")
        + "/>"
        for i, (name, _, state) in enumerate(sheets)
    )
    workbook = (
        f'{workbook_prolog}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>{sheet_elements}</sheets></workbook>'
    )
    workbook_rels = (
        f'{XML_DECLARATION}<Relationships xmlns="{PKG_REL_NS}">'
        + "".join(
            f'<Relationship Id="rId{i + 1}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
            for i in range(len(sheets))
        )
        + "</Relationships>"
    )
    entries: dict[str, bytes | str] = {
        "[Content_Types].xml": content_types,
        "_rels/.rels": root_rels,
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": workbook_rels,
    }
    for i, (_, xml, _) in enumerate(sheets):
        entries[f"xl/worksheets/sheet{i + 1}.xml"] = xml
    entries.update(extra or {})
    return zip_bytes(entries)


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file (version 3, 512-byte sectors) with ``streams`` at its root.

    Each stream is padded to 4096 bytes so that it lives in ordinary sectors and no mini stream is
    needed; one FAT sector is enough for the small files the tests need.
    """
    sector = 512
    free, end_of_chain, fat_marker = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    ordered = sorted(streams.items(), key=lambda item: (len(item[0]), item[0].upper()))
    payloads = [content.ljust(max(4096, math.ceil(len(content) / sector) * sector), b"\0") for _, content in ordered]
    directory_sectors = math.ceil((len(ordered) + 1) * 128 / sector)
    fat = [free] * (sector // 4)
    fat[0] = fat_marker
    next_sector = 1
    first_directory = next_sector
    next_sector = _chain(fat, next_sector, directory_sectors, end_of_chain)
    starts = []
    for payload in payloads:
        starts.append(next_sector)
        next_sector = _chain(fat, next_sector, len(payload) // sector, end_of_chain)
    if next_sector > len(fat):
        raise ValueError("too much content for this minimal writer")
    entries = [_directory_entry("Root Entry", 5, child=1 if ordered else None, start=end_of_chain, size=0)]
    for index, ((name, content), start) in enumerate(zip(ordered, starts, strict=True), start=1):
        right = index + 1 if index < len(ordered) else None
        entries.append(_directory_entry(name, 2, right=right, start=start, size=len(content)))
    directory = b"".join(entries).ljust(directory_sectors * sector, b"\0")
    for offset in range(len(entries) * 128, len(directory), 128):
        directory = directory[:offset] + _empty_directory_entry() + directory[offset + 128 :]
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, first_directory, 0, 4096, end_of_chain, 0, end_of_chain, 0)
        + struct.pack("<109I", 0, *([free] * 108))
    )
    fat_sector = struct.pack(f"<{len(fat)}I", *fat)
    return header + fat_sector + directory + b"".join(payloads)


def _chain(fat: list[int], first: int, count: int, end_of_chain: int) -> int:
    for offset in range(count):
        fat[first + offset] = first + offset + 1 if offset < count - 1 else end_of_chain
    return first + count


def _directory_entry(
    name: str, kind: int, right: int | None = None, child: int | None = None, start: int = 0, size: int = 0
) -> bytes:
    no_stream = 0xFFFFFFFF
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", no_stream, no_stream if right is None else right, no_stream if child is None else child)
        + b"\0" * 16
        + b"\0" * 4
        + b"\0" * 16
        + struct.pack("<IQ", start, size)
    )


def _empty_directory_entry() -> bytes:
    return (
        b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF) + b"\0" * 48
    )


def _openpyxl_bytes(workbook: object) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


# --- hostile and broken files --------------------------------------------------------------------


def empty() -> bytes:
    """A file of zero bytes."""
    return b""


def random_bytes(size: int = 8192, seed: int = 7) -> bytes:
    """Noise: not a zip, not OLE2, not text."""
    return random.Random(seed).randbytes(size)


def truncated_xlsx() -> bytes:
    """A good workbook cut in half, as after a broken download: the zip directory is gone."""
    data = title_rows_xlsx()
    return data[: len(data) // 2]


def corrupt_entry_xlsx() -> bytes:
    """A workbook whose zip directory is intact but whose sheet data is garbled in the middle."""
    data = bytearray(many_rows_xlsx(3000, 4))
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo("xl/worksheets/sheet1.xml")
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    middle = start + info.compress_size // 2
    for offset in range(middle, middle + 64):
        data[offset] ^= 0x5A
    return bytes(data)


def html_as_xls() -> bytes:
    """What many web systems export as "Excel": an HTML table with an .xls name."""
    return (
        '\ufeff<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel">\n<head><meta charset="utf-8"></head>'
        "<body><table><tr><th>Navn</th><th>E-mail</th></tr>"
        "<tr><td>Søren Ærø</td><td>soren@example.dk</td></tr></table></body></html>"
    ).encode("utf-8")


def mhtml_as_xls() -> bytes:
    """A "single file web page" (MHTML) saved with an .xls name."""
    return (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n\r\n'
        b"------=_NextPart\r\nContent-Type: text/html\r\n\r\n"
        b"<html><table><tr><td>x</td></tr></table></html>\r\n"
    )


def xml_spreadsheet_2003() -> bytes:
    """An Excel 2003 XML spreadsheet, which some systems still export with an .xls name."""
    return (
        b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        b'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Ark1"><Table>'
        b'<Row><Cell><Data ss:Type="String">Navn</Data></Cell></Row></Table></Worksheet></Workbook>'
    )


def password_protected_xlsx() -> bytes:
    """An encrypted workbook as Excel writes it: an OLE2 file with EncryptionInfo and EncryptedPackage."""
    info = struct.pack("<HHI", 4, 4, 0x40) + (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>'
    )
    package = struct.pack("<Q", 6000) + random.Random(3).randbytes(6000)
    return compound_file({"EncryptionInfo": info, "EncryptedPackage": package})


def word_document_as_xls() -> bytes:
    """An old Word document (OLE2 with a WordDocument stream) with an .xls name."""
    return compound_file({"WordDocument": b"\xec\xa5" + b"\0" * 600, "1Table": b"\0" * 600})


def damaged_compound_file() -> bytes:
    """An OLE2 header whose directory points past the end of the file."""
    data = bytearray(danish_xls()[:1024])
    struct.pack_into("<I", data, 0x30, 5000)
    return bytes(data)


def compound_file_with_directory_loop() -> bytes:
    """An OLE2 file whose directory's sector chain points back at itself (FAT[1] = 1)."""
    data = bytearray(password_protected_xlsx())
    struct.pack_into("<I", data, 512 + 4 * 1, 1)
    return bytes(data)


def compound_file_with_sibling_loop() -> bytes:
    """An OLE2 file whose second directory entry names the first as its right sibling: a cycle."""
    data = bytearray(password_protected_xlsx())
    struct.pack_into("<I", data, 1024 + 2 * 128 + 0x48, 1)
    return bytes(data)


def compound_file_claiming_huge_fat(fat_sectors: int = 6_000) -> bytes:
    """An OLE2 file that declares ``fat_sectors`` FAT sectors, listed by a DIFAT sector pointing at itself.

    The DIFAT sector repeats a valid sector number, so a reader that trusts the header's counts loads
    the same FAT sector over and over (olefile: quadratic time) instead of noticing the loop.
    """
    data = bytearray(password_protected_xlsx())
    difat_sector = len(data) // 512 - 1
    data += struct.pack("<128I", *([1] * 127), difat_sector)
    per_difat = 127
    difat_count = (fat_sectors - 109 + per_difat - 1) // per_difat
    struct.pack_into("<I", data, 0x2C, fat_sectors)
    struct.pack_into("<II", data, 0x44, difat_sector, difat_count)
    return bytes(data)


def csv_as_xlsx() -> bytes:
    """A semicolon CSV in Windows-1252 that someone renamed to .xlsx."""
    return "Navn;E-mail;Telefon\r\nSøren Ærø;soren@example.dk;12 34 56 78\r\n".encode("cp1252")


def xls_as_xlsx() -> bytes:
    """A real old .xls workbook, to be uploaded with an .xlsx name."""
    return danish_xls()


def docx_as_xlsx() -> bytes:
    """A Word document (a zip, but no workbook in it) with an .xlsx name."""
    return zip_bytes(
        {
            "[Content_Types].xml": XML_DECLARATION
            + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
            "word/document.xml": XML_DECLARATION + "<document/>",
        }
    )


def ods_file() -> bytes:
    """An OpenDocument spreadsheet (LibreOffice)."""
    return zip_bytes(
        {
            "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": XML_DECLARATION
            + '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
        }
    )


def xlsb_file() -> bytes:
    """An Excel binary workbook (.xlsb): a zip with xl/workbook.bin."""
    return zip_bytes(
        {
            "[Content_Types].xml": XML_DECLARATION
            + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
            "xl/workbook.bin": b"\x83\x01\x00\x80\x01\x00",
        }
    )


def zip_bomb(expanded_mb: int = 64) -> bytes:
    """A small file whose one sheet unpacks to ``expanded_mb`` MB of zeros (ratio about 1000:1)."""
    buffer = io.BytesIO()
    block = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", XML_DECLARATION + "<Types/>")
        archive.writestr("xl/workbook.xml", XML_DECLARATION + f'<workbook xmlns="{MAIN_NS}"/>')
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as handle:
            for _ in range(expanded_mb):
                handle.write(block)
    return buffer.getvalue()


def too_many_entries_zip(count: int = 300) -> bytes:
    """A workbook package padded with ``count`` tiny extra parts."""
    extra = {f"xl/media/image{i}.bin": b"x" for i in range(count)}
    return workbook_package([("Ark1", sheet_xml([["a"]]), "visible")], extra=extra)


def duplicate_entry_xlsx() -> bytes:
    """A zip with two entries named xl/worksheets/sheet1.xml: two parsers may read different ones."""
    good = workbook_package([("Ark1", sheet_xml([["ok"]]), "visible")])
    buffer = io.BytesIO(good)
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "a") as archive:
        warnings.simplefilter("ignore")
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml([["sneaky"]]))
    return buffer.getvalue()


_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "' + (f"&lol{i - 1};" if i > 1 else "&lol;") * 10 + '">\n' for i in range(1, 10))
    + "]>\n"
)


def billion_laughs_xlsx() -> bytes:
    """Entity expansion in workbook.xml: nine levels of ten, a billion "lol"s if expanded."""
    return workbook_package(
        [("Ark1", sheet_xml([["&lol9;"]]), "visible")],
        workbook_prolog=_LAUGHS,
    )


def billion_laughs_in_sheet_xlsx() -> bytes:
    """The same entity bomb, referenced from a cell of the sheet."""
    xml = sheet_xml([["x"]], prolog=_LAUGHS).replace('<t xml:space="preserve">x</t>', "<t>&lol9;</t>")
    return workbook_package([("Ark1", xml, "visible")])


def xxe_xlsx(encoding: str = "utf-8") -> bytes:
    """An external entity in the sheet that would pull /etc/passwd into cell A1."""
    prolog = (
        f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n'
        '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    )
    xml = sheet_xml([["x"]], prolog=prolog).replace('<t xml:space="preserve">x</t>', "<t>&xxe;</t>")
    sheet: bytes | str = xml.encode(encoding) if encoding.lower().startswith("utf-16") else xml
    package = workbook_package([("Ark1", "", "visible")])
    return _replace_entry(package, "xl/worksheets/sheet1.xml", sheet)


def doctype_after_comment_xlsx() -> bytes:
    """A DTD hidden behind a long comment in sharedStrings.xml, a part the sheet does not even use."""
    comment = "<!-- " + "padding " * 2000 + "-->"
    strings = (
        f'{XML_DECLARATION}{comment}<!DOCTYPE sst [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&e;</t></si></sst>'
    )
    return workbook_package([("Ark1", sheet_xml([["a"]]), "visible")], extra={"xl/sharedStrings.xml": strings})


def _replace_entry(package: bytes, name: str, content: bytes | str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    entries: dict[str, bytes | str] = {info.filename: source.read(info) for info in source.infolist()}
    entries[name] = content
    return zip_bytes(entries)


def huge_dimension_xlsx() -> bytes:
    """A sheet declaring A1:XFD1048576 with cells in A1 and XFD1048576 (calamine would abort)."""
    cells = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Navn</t></is></c></row>'
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    return workbook_package([("Ark1", _sheet_with(cells, "A1:XFD1048576"), "visible")])


def _sheet_with(cells: str, dimension: str) -> str:
    return (
        f'{XML_DECLARATION}<worksheet xmlns="{MAIN_NS}"><dimension ref="{dimension}"/>'
        f"<sheetData>{cells}</sheetData></worksheet>"
    )


def far_cell_xlsx() -> bytes:
    """Like :func:`huge_dimension_xlsx` but with an honest-looking small dimension: only a crash tells."""
    cells = (
        '<row r="1">' + cell_xml(0, 0, "Navn") + cell_xml(0, 1, "Email") + "</row>"
        '<row r="2">' + cell_xml(1, 0, "Søren") + cell_xml(1, 1, "s@example.dk") + "</row>"
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    return workbook_package([("Ark1", _sheet_with(cells, "A1:B2"), "visible")])


def wide_row_xlsx() -> bytes:
    """One row with a cell in A1 and another in XFD1: 16,384 columns wide."""
    xml = sheet_xml([["Navn"]]).replace("</row>", '<c r="XFD1" t="inlineStr"><is><t>langt ude</t></is></c></row>', 1)
    return workbook_package([("Ark1", xml, "visible")])


def many_rows_xlsx(rows: int, columns: int = 10) -> bytes:
    """A workbook whose one sheet has a header and ``rows`` data rows, streamed straight into the zip.

    Column A holds the row number, the others short text, so the file resembles a contact list.
    """
    letters = [column_letters(c) for c in range(columns)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        base = zipfile.ZipFile(io.BytesIO(workbook_package([("Data", "", "visible")])))
        for info in base.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                archive.writestr(info.filename, base.read(info))
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as handle:
            handle.write(f'{XML_DECLARATION}<worksheet xmlns="{MAIN_NS}"><sheetData>'.encode())
            header = "".join(
                f'<c r="{letter}1" t="inlineStr"><is><t>Kolonne {letter}</t></is></c>' for letter in letters
            )
            handle.write(f'<row r="1">{header}</row>'.encode())
            for block in _row_blocks(rows, letters):
                handle.write(block)
            handle.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def _row_blocks(rows: int, letters: list[str], per_block: int = 5000) -> Iterable[bytes]:
    parts: list[str] = []
    for number in range(2, rows + 2):
        cells = [f'<c r="A{number}"><v>{number - 1}</v></c>']
        cells.extend(
            f'<c r="{letter}{number}" t="inlineStr"><is><t>v{number}{letter}</t></is></c>' for letter in letters[1:]
        )
        parts.append(f'<row r="{number}">{"".join(cells)}</row>')
        if len(parts) == per_block:
            yield "".join(parts).encode()
            parts.clear()
    if parts:
        yield "".join(parts).encode()


def formulas_without_values_xlsx() -> bytes:
    """A workbook written by openpyxl with formulas: openpyxl stores no cached results."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Budget"
    sheet.append(["Post", "Beløb", "Dobbelt"])
    for index, (post, amount) in enumerate([("Leje", 1200), ("Kaffe", 300), ("Bøger", 950)], start=2):
        sheet.append([post, amount, f"=B{index}*2"])
    sheet["B6"] = "=SUM(B2:B4)"
    return _openpyxl_bytes(workbook)


def xlsm_with_macros() -> bytes:
    """A macro-enabled workbook with a vbaProject.bin part (content is never run, nor parsed)."""
    vba = compound_file({"dir": b"\x01" * 100, "Module1": b'Sub AutoOpen()\r\nShell "calc"\r\nEnd Sub\r\n'})
    rels_override = '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    return workbook_package(
        [("Ark1", sheet_xml([["Navn", "Telefon"], ["Åse", 12345678]]), "visible")],
        main_content_type=XLSM_MAIN,
        extra={"xl/vbaProject.bin": vba},
        extra_overrides=rels_override,
    )


def xlsx_with_vba_part() -> bytes:
    """An ordinary-looking .xlsx that nevertheless carries a vbaProject.bin."""
    return workbook_package(
        [("Ark1", sheet_xml([["a"]]), "visible")],
        extra={"xl/vbaProject.bin": compound_file({"dir": b"\x01" * 10})},
    )


def hidden_sheets_xlsx() -> bytes:
    """Three sheets: visible, hidden and very hidden (openpyxl, as Excel would store them)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.title = "Kontakter"
    workbook.active.append(["Navn"])
    workbook.active.append(["Søren"])
    hidden = workbook.create_sheet("Opslag")
    hidden.sheet_state = "hidden"
    hidden.append(["kode", "betydning"])
    very_hidden = workbook.create_sheet("Intern")
    very_hidden.sheet_state = "veryHidden"
    very_hidden.append(["hemmelig"])
    return _openpyxl_bytes(workbook)


def chart_only_xlsx() -> bytes:
    """A workbook whose only sheet is a chart sheet: nothing to import."""
    package = workbook_package([("Diagram", sheet_xml([["x"]]), "visible")])
    source = zipfile.ZipFile(io.BytesIO(package))
    entries: dict[str, bytes | str] = {info.filename: source.read(info) for info in source.infolist()}
    entries["xl/_rels/workbook.xml.rels"] = entries["xl/_rels/workbook.xml.rels"].replace(  # type: ignore[union-attr]
        b'/worksheet"', b'/chartsheet"'
    )
    return zip_bytes(entries)


def workbook_with_empty_sheet() -> bytes:
    """A workbook with one sheet and no cells."""
    return workbook_package([("Ark1", sheet_xml([]), "visible")])


# --- good files ----------------------------------------------------------------------------------


def danish_cp1252_csv() -> bytes:
    """What Danish Excel writes as "CSV (semikolonsepareret)": Windows-1252, ``;``, decimal comma."""
    text = (
        "Navn;Organisation;E-mail;Beløb\r\n"
        "Søren Ærø;Kulturhuset Ågade;soren@example.dk;1.234,50\r\n"
        '"Hansen; Åse";Fritidsklubben "Øen";ase@example.dk;12,5\r\n'
        ";;;\r\n"
        "Bjørn;;;\r\n"
    )
    return text.encode("cp1252")


def outlook_utf16_tab_csv(with_bom: bool = True) -> bytes:
    """Outlook's contact export: UTF-16 little-endian with a BOM, tab-separated."""
    text = (
        "Fornavn\tEfternavn\tFirma\tMailadresse\r\n"
        "Åse\tØstergård\tBibliotekernes Hus\tase@example.dk\r\n"
        "Jens\tKrøyer\t\tjens@example.dk\r\n"
    )
    encoded = text.encode("utf-16-le")
    return (b"\xff\xfe" + encoded) if with_bom else encoded


def utf8_bom_csv() -> bytes:
    """UTF-8 with a BOM and commas, as Excel writes "CSV UTF-8"; a quoted field spans two lines."""
    text = 'Navn,Noter,By\r\nMette Ørsted,"Første møde, april\nOpfølgning i maj",Århus\r\nPer,,Ålborg\r\n'
    return b"\xef\xbb\xbf" + text.encode("utf-8")


def excel_separator_line_csv() -> bytes:
    """A CSV starting with Excel's ``sep=;`` line."""
    return "sep=;\r\nNavn;By\r\nKarin;Køge\r\n".encode()


def binary_junk_csv() -> bytes:
    """Text that turns into binary halfway: NUL bytes in a .csv."""
    return b"Navn;By\r\nKarin;K\x00\x00\x01\x02\x00\xff\xfe\x00\x00garbage\x00\x00\x00"


def title_rows_xlsx() -> bytes:
    """A real-looking contact list: a title, an empty row, a merged two-row header, then data."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Partnere"
    sheet["A1"] = "Partnerliste – Kulturhuset 2024"
    sheet.merge_cells("A1:D1")
    sheet["A3"] = "Kontakt"
    sheet.merge_cells("A3:B3")
    sheet["C3"] = "Organisation"
    sheet.merge_cells("C3:D3")
    sheet.append([])
    sheet["A4"], sheet["B4"], sheet["C4"], sheet["D4"], sheet["E4"] = (
        "Navn",
        "E-mail",
        "Navn",
        "Type",
        "Siden",
    )
    sheet.append(["Søren Ærø", "soren@example.dk", "Kulturhuset Ågade", "Kultur", dt.date(2021, 5, 3)])
    sheet.append(["  Åse Øberg ", "ase@example.dk", "Fritidsklubben", "Forening", dt.datetime(2023, 1, 9, 14, 30)])
    sheet.append([None, None, None, None, None])
    sheet.append(["Bo", 12345678, None, True, 2.5])
    return _openpyxl_bytes(workbook)


def danish_xls() -> bytes:
    """A real .xls (BIFF8) made once with xlwt: title merged over A1:C1, dates, a hidden sheet."""
    return base64.b64decode("".join(_DANISH_XLS_BASE64))
