"""Arrow columns as PostgreSQL's binary ``COPY`` format, built column-wise with NumPy.

The server then stores the values as they come instead of parsing text: a timestamp is eight bytes to
copy rather than a string to read. Each row is a 16-bit field count, then per field a 32-bit length (-1
for NULL) and the value's bytes, big-endian (PostgreSQL's "COPY ... (FORMAT binary)" file format).
No Django here: callers say which PostgreSQL type each column has.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

SIGNATURE = b"PGCOPY\n\xff\r\n\x00" + b"\x00\x00\x00\x00" + b"\x00\x00\x00\x00"
TRAILER = b"\xff\xff"
# Microseconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00Z.
POSTGRES_EPOCH_US = 946_684_800_000_000

# PostgreSQL types (as ``format_type`` names them) this encoder writes: fixed widths, or None for text.
WIDTHS: dict[str, int | None] = {
    "bigint": 8,
    "integer": 4,
    "smallint": 2,
    "boolean": 1,
    "timestamp with time zone": 8,
    "timestamp without time zone": 8,
    "text": None,
}


def supported(postgres_type: str) -> bool:
    return postgres_type in WIDTHS or postgres_type.startswith("character varying")


def _width(postgres_type: str) -> int | None:
    return None if postgres_type.startswith("character varying") else WIDTHS[postgres_type]


def _scatter(out: np.ndarray, positions: np.ndarray, values: np.ndarray, width: int) -> None:
    """Write ``values`` (big-endian, ``width`` bytes each) at ``positions``, one byte column at a time."""
    if len(positions):
        raw = values.astype(f">i{width}").view(np.uint8).reshape(-1, width)
        for byte in range(width):
            out[positions + byte] = raw[:, byte]


def _fixed(array: pa.Array) -> np.ndarray:
    """The non-null values of ``array`` as the integers PostgreSQL stores (timestamps: microseconds
    since 2000-01-01 UTC; a naive timestamp is taken as UTC)."""
    valid = array.drop_null()
    if pa.types.is_timestamp(array.type):
        micros = pc.cast(valid, pa.timestamp("us", tz=array.type.tz)).cast(pa.int64())
        return np.asarray(micros.to_numpy(zero_copy_only=False), dtype=np.int64) - POSTGRES_EPOCH_US
    return np.asarray(valid.to_numpy(zero_copy_only=False), dtype=np.int64)


def _text(array: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Each row's byte length (0 for NULL) and the bytes of the non-null values, back to back."""
    array = pc.cast(array, pa.large_string())
    count = len(array)
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int64)[array.offset : array.offset + count + 1]
    data_buffer = array.buffers()[2]
    data = np.frombuffer(data_buffer, dtype=np.uint8) if data_buffer is not None else np.zeros(0, np.uint8)
    lengths = np.diff(offsets)
    if array.null_count:
        valid = np.asarray(array.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
        if lengths[~valid].any():  # a NULL slot spanning bytes: keep only the values' bytes
            lengths = np.where(valid, lengths, 0)
            keep = np.repeat(valid, np.diff(offsets))
            return lengths, data[offsets[0] : offsets[-1]][keep]
    return lengths, data[offsets[0] : offsets[-1]]


def encode(columns: list[tuple[pa.Array, str]]) -> bytes:
    """One ``COPY`` stream (signature, rows, trailer) of equally long Arrow columns, each with the
    PostgreSQL type of its target column."""
    count = len(columns[0][0]) if columns else 0
    valid = [np.asarray(array.is_valid().to_numpy(zero_copy_only=False), dtype=bool) for array, _ in columns]
    texts: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    sizes = np.full(count, 2, dtype=np.int64)
    for index, (array, postgres_type) in enumerate(columns):
        width = _width(postgres_type)
        sizes += 4
        if width is None:
            texts[index] = _text(array)
            sizes += texts[index][0]
        else:
            sizes += np.where(valid[index], width, 0)
    starts = len(SIGNATURE) + np.cumsum(sizes) - sizes
    total = len(SIGNATURE) + int(sizes.sum()) + len(TRAILER)
    out = np.zeros(total, dtype=np.uint8)
    out[: len(SIGNATURE)] = np.frombuffer(SIGNATURE, dtype=np.uint8)
    out[total - len(TRAILER) :] = np.frombuffer(TRAILER, dtype=np.uint8)
    _scatter(out, starts, np.full(count, len(columns), dtype=np.int64), 2)
    position = starts + 2
    for index, (array, postgres_type) in enumerate(columns):
        width = _width(postgres_type)
        if width is None:
            lengths, data = texts[index]
            _scatter(out, position, np.where(valid[index], lengths, -1), 4)
            position = position + 4
            if len(data):
                # The values' bytes are consecutive in ``data``: each row's run moves by one shift.
                starts_in_data = np.cumsum(lengths) - lengths
                shift = np.repeat(position - starts_in_data, lengths)
                out[np.arange(len(data), dtype=np.int64) + shift] = data
            position = position + lengths
        else:
            _scatter(out, position, np.where(valid[index], width, -1), 4)
            position = position + 4
            _scatter(out, position[valid[index]], _fixed(array), width)
            position = position + np.where(valid[index], width, 0)
    return out.tobytes()
