# Generated from schema/knowledge_graph.yaml by codegen. Do not edit.
"""ORM models of the knowledge_graph domain: Entities and relations extracted from chat, and hashes of paragraphs already processed."""

from __future__ import annotations

from sqlalchemy import Index, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import Double, SafeString


class KGEntity(Base):
    """An entity of the knowledge graph."""

    __tablename__ = "kg_entities"
    __table_args__ = (
        Index("idx_kg_entity_count", "appear_count"),
        Index("idx_kg_entity_group", "group_id"),
        UniqueConstraint("name", "group_id", name="uq_kg_entity_name_group"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(
        SafeString(255, field="kg_entities.name", nullable=False), nullable=False, index=True
    )
    entity_type: Mapped[str | None] = mapped_column(
        SafeString(100, field="kg_entities.entity_type", nullable=True), nullable=True, default="general"
    )
    appear_count: Mapped[int | None] = mapped_column(Integer, nullable=True, default=1)
    last_active_time: Mapped[float] = mapped_column(Double, nullable=False)
    group_id: Mapped[str] = mapped_column(SafeString(100, field="kg_entities.group_id", nullable=False), nullable=False)


class KGParagraphHash(Base):
    """Hashes of paragraphs already fed to the knowledge graph."""

    __tablename__ = "kg_paragraph_hashes"
    __table_args__ = (UniqueConstraint("hash_value", "group_id", name="uq_kg_paragraph_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    hash_value: Mapped[str] = mapped_column(
        SafeString(64, field="kg_paragraph_hashes.hash_value", nullable=False), nullable=False, index=True
    )
    group_id: Mapped[str] = mapped_column(
        SafeString(100, field="kg_paragraph_hashes.group_id", nullable=False), nullable=False, index=True
    )
    created_time: Mapped[float] = mapped_column(Double, nullable=False)


class KGRelation(Base):
    """A subject-predicate-object relation of the knowledge graph."""

    __tablename__ = "kg_relations"
    __table_args__ = (
        Index("idx_kg_relation_group", "group_id"),
        Index("idx_kg_relation_object", "object", "group_id"),
        Index("idx_kg_relation_subject", "subject", "group_id"),
        UniqueConstraint("subject", "predicate", "object", "group_id", name="uq_kg_relation"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subject: Mapped[str] = mapped_column(
        SafeString(191, field="kg_relations.subject", nullable=False), nullable=False, index=True
    )
    predicate: Mapped[str] = mapped_column(
        SafeString(191, field="kg_relations.predicate", nullable=False), nullable=False
    )
    object: Mapped[str] = mapped_column(
        SafeString(191, field="kg_relations.object", nullable=False), nullable=False, index=True
    )
    confidence: Mapped[float | None] = mapped_column(Double, nullable=True, default=1.0)
    created_time: Mapped[float] = mapped_column(Double, nullable=False)
    group_id: Mapped[str] = mapped_column(
        SafeString(100, field="kg_relations.group_id", nullable=False), nullable=False
    )
