"""Tables as an ``.xlsx`` workbook for people: one sheet per table, text always text, never a formula, the header
row frozen and filtered, columns as wide as their usual values, dates as dates.

Every text cell is an inline string (``t="inlineStr"``), so a cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR
is shown as written and never run. The sheets' XML is built column by column with Arrow compute functions:
for the bulk corpus (1.8 million cells) this takes a second or two where a cell-by-cell writer took 15 s. The
zip entries carry a fixed date, so the same tables give the same bytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

MAX_ROWS = 1_048_576  # Excel's limits: a sheet ends there (the CSV has every row) …
MAX_CELL = 32_767  # … and a cell's text here
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
# Characters XML 1.0 cannot hold, and CR (which an XML reader turns into LF): written as _xHHHH_, as Excel does.
ESCAPED = [chr(code) for code in (*range(0x09), 0x0B, 0x0C, 0x0D, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)]
NEEDS_ESCAPE = "[" + "".join(f"\\x{{{ord(character):X}}}" for character in ESCAPED) + "]"  # RE2
STYLES = (
    f'<styleSheet xmlns="{MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
EPOCH = 25_569  # Excel's serial number of 1970-01-01: dates are days since 1899-12-30
DATE_STYLE, TIME_STYLE = ' s="2"', ' s="3"'  # cellXfs above: date, date and time


MIN_WIDTH, MAX_WIDTH = 8, 60  # column widths, in characters
WIDTH_QUANTILE = 0.9  # a column is as wide as 90 % of its values (a few very long texts do not widen it)
DATE_WIDTH, TIME_WIDTH = 11, 19
ROWS_AT_A_TIME = 5_000  # rows of a sheet built at once (20 000 held 100 MiB more at the bulk corpus, for no speed)


def write(path: Path, sheets: Sequence[tuple[str, Path]]) -> None:
    """Write a workbook of one sheet per (name, Parquet file)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        shapes = [_shape(parquet) for _, parquet in sheets]
        for name, text in _package([name for name, _ in sheets], shapes).items():
            archive.writestr(_entry(name), HEAD + text)
        for number, (_, parquet) in enumerate(sheets, 1):
            with archive.open(_entry(f"xl/worksheets/sheet{number}.xml"), "w") as sheet:
                for chunk in _sheet(parquet):
                    sheet.write(chunk)


def _entry(name: str) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry._compresslevel = 1  # type: ignore[attr-defined]  # the archive's level is not applied to a ZipInfo given
    return entry


def _shape(parquet: Path) -> tuple[int, int]:
    """Rows (the header's too, within Excel's limit) and columns of a sheet."""
    metadata = pq.read_metadata(parquet)
    return min(metadata.num_rows + 1, MAX_ROWS), metadata.num_columns


def _package(names: list[str], shapes: list[tuple[int, int]]) -> dict[str, str]:
    """The workbook's parts other than the sheets."""
    sheets = range(1, len(names) + 1)
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n - 1}" hidden="1">'
        f"'{name}'!$A$1:${_column_letters(columns - 1)}${rows}</definedName>"
        for n, name, (rows, columns) in zip(sheets, names, shapes, strict=True)
        if columns
    )
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{CONTENT}.worksheet+xml"/>' for n in sheets
    )
    relations = "".join(
        f'<Relationship Id="rId{n}" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet{n}.xml"/>' for n in sheets
    )
    listed = "".join(
        f'<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>' for n, name in zip(sheets, names, strict=True)
    )
    return {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{CONTENT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{CONTENT}.styles+xml"/>{overrides}</Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" '
            f'Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets>{listed}</sheets>'
            f"<definedNames>{filters}</definedNames></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">{relations}<Relationship Id="rId{len(names) + 1}" '
            f'Type="{RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>'
        ),
        "xl/styles.xml": STYLES,
    }


def _column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _sheet(parquet: Path) -> Iterator[bytes]:
    """The sheet's XML (UTF-8) in pieces: the view (header row frozen), the column widths, a bold header row, a row per
    table row, ROWS_AT_A_TIME rows at a time as read from the Parquet file (a first reading measures the column
    widths), and the header's filter."""
    file = pq.ParquetFile(parquet)
    rows_in_sheet = min(file.metadata.num_rows, MAX_ROWS - 1)
    names = file.schema_arrow.names
    letters = [_column_letters(i) for i in range(len(names))]
    header = "".join(
        f'<c r="{letter}1" t="inlineStr" s="1"><is><t>{name}</t></is></c>'
        for letter, name in zip(letters, names, strict=True)
    )
    view = (
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    )
    widths = "".join(
        f'<col min="{n}" max="{n}" width="{width}" customWidth="1"/>' for n, width in enumerate(_widths(file), 1)
    )
    yield (f'<worksheet xmlns="{MAIN}">{view}' + (f"<cols>{widths}</cols>" if widths else "")).encode()
    yield f'<sheetData><row r="1">{header}</row>'.encode()
    for start, rows in _batches(file, rows_in_sheet):
        numbers = pa.array(range(start + 2, start + 2 + rows.num_rows)).cast(pa.string())
        cells = [_cells(column, letter, numbers) for column, letter in zip(rows.columns, letters, strict=True)]
        xml = pc.binary_join_element_wise('<row r="', numbers, '">', *cells, "</row>", "", null_handling="skip")
        yield _joined(xml)
    last = f"{letters[-1]}{rows_in_sheet + 1}" if letters else "A1"
    yield f'</sheetData><autoFilter ref="A1:{last}"/></worksheet>'.encode()


def _joined(texts: pa.Array) -> bytes:
    """The texts of an array with no nulls, one after the other, as UTF-8: the span of its data buffer they fill
    (not a Python string per row, which takes up to four bytes a character)."""
    _, offsets, data = texts.cast(pa.string()).buffers()
    bounds = pa.Array.from_buffers(pa.int32(), len(texts) + 1, [None, offsets], offset=texts.offset)
    start, end = bounds[0].as_py(), bounds[len(texts)].as_py()
    return data[start:end].to_pybytes() if end > start else b""


def _batches(file: pq.ParquetFile, rows: int) -> Iterator[tuple[int, pa.RecordBatch]]:
    """The first `rows` rows of the file, ROWS_AT_A_TIME at a time, each with the number of rows before it."""
    start = 0
    for batch in file.iter_batches(ROWS_AT_A_TIME):
        if start >= rows:
            return
        yield start, batch.slice(0, rows - start)
        start += batch.num_rows


def _widths(file: pq.ParquetFile) -> list[int]:
    """Each column's width in characters: its name's, or most of its values' when longer, within bounds."""
    schema = file.schema_arrow
    rows = min(file.metadata.num_rows, MAX_ROWS - 1)
    lengths: list[list[pa.Array]] = [[] for _ in schema.names]
    for _, batch in _batches(file, rows):
        for number, field in enumerate(schema):
            if not (pa.types.is_date32(field.type) or pa.types.is_timestamp(field.type)):
                values = batch.column(number)
                text = values if pa.types.is_string(values.type) else values.cast(pa.string())
                lengths[number].append(pc.utf8_length(text).cast(pa.int64()))
    measured = [pa.chunked_array(column, pa.int64()) for column in lengths]
    return [_width(field, column) for field, column in zip(schema, measured, strict=True)]


def _width(field: pa.Field, lengths: pa.ChunkedArray) -> int:
    """A column's width from its values' lengths (nulls where missing)."""
    if pa.types.is_date32(field.type):
        usual = DATE_WIDTH
    elif pa.types.is_timestamp(field.type):
        usual = TIME_WIDTH
    elif len(lengths) == lengths.null_count:
        usual = 0
    else:
        usual = int(pc.quantile(lengths, q=WIDTH_QUANTILE, interpolation="higher")[0].as_py() or 0)
    return max(MIN_WIDTH, min(MAX_WIDTH, max(len(field.name), usual) + 2))


def _cells(values: pa.Array, letter: str, numbers: pa.Array) -> pa.Array:
    """The XML of one column's cells; null where the value is missing (no cell is written)."""
    if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        kind, text = ' t="inlineStr"><is><t xml:space="preserve">', _escaped(values)
        close = "</t></is></c>"
    elif pa.types.is_boolean(values.type):
        kind, text, close = ' t="b"><v>', pc.if_else(values, "1", "0"), "</v></c>"
    elif pa.types.is_date32(values.type):
        days = pc.add(values.cast(pa.int32()), EPOCH)
        kind, text, close = f"{DATE_STYLE}><v>", days.cast(pa.string()), "</v></c>"
    elif pa.types.is_timestamp(values.type):
        seconds = values.cast(pa.timestamp("s", values.type.tz)).cast(pa.int64())
        days = pc.add(pc.divide(seconds.cast(pa.float64()), 86_400.0), float(EPOCH))
        kind, text, close = f"{TIME_STYLE}><v>", days.cast(pa.string()), "</v></c>"
    else:
        finite = pc.is_finite(values) if pa.types.is_floating(values.type) else pc.is_valid(values)
        kind, text, close = "><v>", pc.if_else(finite, values.cast(pa.string()), None), "</v></c>"
    return pc.binary_join_element_wise('<c r="', letter, numbers, '"', kind, text, close, "")


def _escaped(values: pa.Array) -> pa.Array:
    """Text as XML content: markup characters as entities, Excel's ``_xHHHH_`` for what XML cannot hold."""
    values = pc.utf8_slice_codeunits(values.cast(pa.string()), 0, MAX_CELL)
    values = pc.replace_substring_regex(values, r"_(x[0-9A-Fa-f]{4}_)", r"_x005F_\1")  # a literal _x0041_
    for character, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        values = pc.replace_substring(values, character, entity)
    if pc.any(pc.match_substring_regex(values, NEEDS_ESCAPE)).as_py():
        for character in ESCAPED:
            values = pc.replace_substring(values, character, f"_x{ord(character):04X}_")
    return values
