# Generated from schema/library.yaml by codegen. Do not edit.
"""ORM models of the library domain: Books and their loans."""

from __future__ import annotations

import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, ForeignKey, Index, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql import func

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import Double, LongText, SafeString, unix_time


class Book(Base):
    """A book on the shelf."""

    __tablename__ = "books"
    __table_args__ = (
        Index("idx_book_title", "title", mysql_length={"title": 191}, mariadb_length={"title": 191}),
        Index("idx_book_shelf_status", "shelf", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(LongText(field="books.title", nullable=False), nullable=False)
    shelf: Mapped[str] = mapped_column(SafeString(32, field="books.shelf", nullable=False), nullable=False, index=True)
    tags: Mapped[str | None] = mapped_column(LongText(field="books.tags", nullable=True), nullable=True)
    rating: Mapped[float | None] = mapped_column(Double, nullable=True, default=0.5)
    status: Mapped[str] = mapped_column(
        SafeString(20, field="books.status", nullable=False),
        nullable=False,
        default="shelved",
        server_default="shelved",
    )
    metadata_: Mapped[str | None] = mapped_column(
        "metadata", LongText(field="books.metadata", nullable=True), nullable=True
    )
    added_at: Mapped[datetime.datetime | None] = mapped_column(
        DateTime, nullable=True, default=func.now(), onupdate=func.now()
    )
    title_key: Mapped[str | None] = mapped_column(
        LongText(field="books.title_key", nullable=True), info={"internal": True}, nullable=True
    )
    loans: Mapped[list[Loan]] = relationship(back_populates="book", lazy="selectin")


class Loan(Base):
    """One loan of a book."""

    __tablename__ = "loans"
    __table_args__ = (
        UniqueConstraint("book_id", "reader", name="uq_loan_book_reader"),
        {"info": {"maintained_by": "triggers"}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    book_id: Mapped[int] = mapped_column(Integer, ForeignKey("books.id"), nullable=False)
    reader: Mapped[str] = mapped_column(SafeString(64, field="loans.reader", nullable=False), nullable=False)
    due: Mapped[int] = mapped_column(BigInteger, nullable=False, default=unix_time)
    extra: Mapped[Any] = mapped_column(JSON, nullable=True, default=dict)
    book: Mapped[Book] = relationship(back_populates="loans", lazy="select")
