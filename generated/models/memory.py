# Generated from schema/memory.yaml by codegen. Do not edit.
"""ORM models of the memory domain: Long-term memories, their embeddings and summaries."""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import LongText, SafeString


class Memory(Base):
    """A long-term memory of a group or user."""

    __tablename__ = "memories"
    __table_args__ = (
        Index("idx_group_user_memory", "group_id", "user_id"),
        Index("idx_memory_accessed", "last_accessed"),
        Index("idx_memory_importance", "importance"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="memories.group_id", nullable=False), nullable=False, index=True
    )
    user_id: Mapped[str] = mapped_column(
        SafeString(255, field="memories.user_id", nullable=False), nullable=False, index=True
    )
    content: Mapped[str] = mapped_column(LongText(field="memories.content", nullable=False), nullable=False)
    importance: Mapped[int] = mapped_column(Integer, nullable=False, default=5)
    memory_type: Mapped[str | None] = mapped_column(
        SafeString(50, field="memories.memory_type", nullable=True), nullable=True, default="conversation"
    )
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    last_accessed: Mapped[int] = mapped_column(BigInteger, nullable=False)
    access_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class MemoryEmbedding(Base):
    """The embedding vector of a memory."""

    __tablename__ = "memory_embeddings"
    __table_args__ = (Index("idx_memory_embedding", "memory_id", "embedding_model", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    memory_id: Mapped[int] = mapped_column(Integer, info={"references": "memories.id"}, nullable=False, index=True)
    embedding_model: Mapped[str] = mapped_column(
        SafeString(100, field="memory_embeddings.embedding_model", nullable=False), nullable=False
    )
    embedding_data: Mapped[str] = mapped_column(
        LongText(field="memory_embeddings.embedding_data", nullable=False), nullable=False
    )
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)


class MemorySummary(Base):
    """Summaries of a group's or user's memories."""

    __tablename__ = "memory_summaries"
    __table_args__ = (Index("idx_group_user_summary", "group_id", "user_id", "summary_type"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="memory_summaries.group_id", nullable=False), nullable=False, index=True
    )
    user_id: Mapped[str] = mapped_column(
        SafeString(255, field="memory_summaries.user_id", nullable=False), nullable=False, index=True
    )
    summary_type: Mapped[str] = mapped_column(
        SafeString(50, field="memory_summaries.summary_type", nullable=False), nullable=False
    )
    summary_content: Mapped[str] = mapped_column(
        LongText(field="memory_summaries.summary_content", nullable=False), nullable=False
    )
    memory_count: Mapped[int | None] = mapped_column(Integer, nullable=True, default=0)
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    updated_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
