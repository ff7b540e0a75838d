# Generated from schema/library.yaml by codegen. Do not edit.
"""Typed records of the library domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypedDict

from sldb.handwritten.runtime.values.records import iso_datetime


class BookRecord(TypedDict):
    """A row of books; date-times as ISO 8601 text."""

    id: int
    title: str | None
    shelf: str | None
    tags: str | None
    rating: float | None
    status: str
    metadata: str | None
    added_at: str | None


class BookValues(TypedDict, total=False):
    """Column values to insert into or update in books."""

    id: int | None
    title: str
    shelf: str
    tags: str | None
    rating: float | None
    status: str
    metadata: str | None
    added_at: datetime.datetime | None
    title_key: str | None


def book_record(row: Mapping[Any, Any]) -> BookRecord:
    """The record of one books row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "title": row["title"],
        "shelf": row["shelf"],
        "tags": row["tags"],
        "rating": row["rating"],
        "status": row["status"],
        "metadata": row["metadata"],
        "added_at": iso_datetime(row["added_at"]),
    }


class LoanRecord(TypedDict):
    """A row of loans; date-times as ISO 8601 text."""

    id: int
    book_id: int | None
    reader: str | None
    due: int | None
    extra: Any


class LoanValues(TypedDict, total=False):
    """Column values to insert into or update in loans."""

    id: int | None
    book_id: int
    reader: str
    due: int
    extra: Any


def loan_record(row: Mapping[Any, Any]) -> LoanRecord:
    """The record of one loans row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "book_id": row["book_id"],
        "reader": row["reader"],
        "due": row["due"],
        "extra": row["extra"],
    }
