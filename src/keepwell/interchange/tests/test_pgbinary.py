"""Arrow columns written in PostgreSQL's binary COPY format read back by PostgreSQL as the same values."""

from __future__ import annotations

from datetime import UTC, datetime

import pyarrow as pa
import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keepwell.interchange import pgbinary

TYPES = {
    "t": "text",
    "v": "character varying(64)",
    "b": "bigint",
    "i": "integer",
    "s": "smallint",
    "f": "boolean",
    "z": "timestamp with time zone",
}


def _round_trip(columns: dict[str, pa.Array]) -> list[tuple[object, ...]]:
    names = list(columns)
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS kw_binary_check")
        cursor.execute(
            "CREATE TEMP TABLE kw_binary_check (n serial, "
            + ", ".join(f"{name} {TYPES[name]}" for name in names)
            + ")"
        )
        payload = pgbinary.encode([(columns[name], TYPES[name]) for name in names])
        with cursor.cursor.copy(
            f"COPY kw_binary_check ({', '.join(names)}) FROM STDIN (FORMAT binary)"
        ) as copy:
            copy.write(payload)
        cursor.execute(f"SELECT {', '.join(names)} FROM kw_binary_check ORDER BY n")
        return [tuple(row) for row in cursor.fetchall()]


def test_the_signature_and_trailer_frame_even_an_empty_stream():
    payload = pgbinary.encode([(pa.array([], pa.int64()), "bigint")])

    assert payload == b"PGCOPY\n\xff\r\n\x00" + b"\x00" * 8 + b"\xff\xff"


def test_one_row_is_laid_out_field_by_field_big_endian():
    payload = pgbinary.encode([(pa.array([1], pa.int64()), "bigint"), (pa.array(["é"]), "text")])

    assert (
        payload[19:-2]
        == b"\x00\x02" + b"\x00\x00\x00\x08" + b"\x00" * 7 + b"\x01" + b"\x00\x00\x00\x02" + "é".encode()
    )


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_every_supported_type_nulls_and_edges_read_back_unchanged():
    sliced = pa.array(["skip", "a", None, "", "日本語テキスト", "x" * 64])[1:]
    # A NULL whose slot spans bytes of the data buffer (allowed by Arrow): none of them may be written.
    spanning = pa.StringArray.from_buffers(
        3,
        pa.py_buffer(bytes([0, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0])),
        pa.py_buffer(b"abXYZc"),
        pa.py_buffer(bytes([0b101])),
    )
    instants = [
        datetime(1999, 12, 31, 23, 59, 59, 999999),
        datetime(2000, 1, 1),
        None,
        datetime(2026, 3, 29, 1, 0, 0, 1),
        None,
    ]
    columns = {
        "t": sliced,
        "v": pa.array(["A-1", None, "", 'a,b\n"c"', "\\N"]),
        "b": pa.array([-(2**63), 0, None, 2**63 - 1, 42], pa.int64()),
        "i": pa.array([-(2**31), None, 0, 2**31 - 1, 7], pa.int64()),
        "s": pa.array([-(2**15), 2**15 - 1, None, 0, 1], pa.int64()),
        "f": pa.array([True, False, None, True, False]),
        "z": pa.array(instants, pa.timestamp("us")),
    }

    rows = _round_trip(columns)

    utc = [None if value is None else value.replace(tzinfo=UTC) for value in instants]
    expected = list(zip(*(columns[name].to_pylist() for name in "tvbisf"), utc, strict=True))
    assert rows == expected
    assert _round_trip({"t": spanning}) == [("ab",), (None,), ("c",)]


@pytest.mark.postgres_only
@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            st.none() | st.text(max_size=12),
            st.none() | st.integers(-(2**63), 2**63 - 1),
            st.none() | st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
        ),
        max_size=30,
    )
)
def test_generated_rows_read_back_unchanged(rows):
    texts = [text.replace("\x00", "") if text is not None else None for text, _, _ in rows]
    numbers = [number for _, number, _ in rows]
    instants = [instant for _, _, instant in rows]
    columns = {
        "t": pa.array(texts, pa.string()),
        "b": pa.array(numbers, pa.int64()),
        "z": pa.array(instants, pa.timestamp("us")),
    }

    back = _round_trip(columns)

    utc = [None if value is None else value.replace(tzinfo=UTC) for value in instants]
    assert back == list(zip(texts, numbers, utc, strict=True))
