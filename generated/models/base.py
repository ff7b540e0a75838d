# Generated from schema/*.yaml by codegen. Do not edit.
"""The declarative base every generated model shares: one MetaData for the whole database.

The MetaData carries what the tables need beyond their specs (handwritten/tables: hooks, counters, keys), so
every generic step that is handed the tables finds it (handwritten/runtime/schema/extras.py).
"""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import AsyncAttrs
from sqlalchemy.orm import DeclarativeBase

from sldb.handwritten.runtime.schema.extras import attach
from sldb.handwritten.tables import SCHEMA_EXTRAS


class Base(AsyncAttrs, DeclarativeBase):
    """Base of every ORM model; Base.metadata holds every table."""

    metadata = attach(MetaData(), SCHEMA_EXTRAS)
