# Generated from schema/*.yaml by codegen. Do not edit.
"""The declarative base every generated model shares: one MetaData for the whole database."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncAttrs
from sqlalchemy.orm import DeclarativeBase


class Base(AsyncAttrs, DeclarativeBase):
    """Base of every ORM model; Base.metadata holds every table."""
