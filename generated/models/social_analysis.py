# Generated from schema/social_analysis.yaml by codegen. Do not edit.
"""ORM models of the social_analysis domain: Results of social network analysis: the analyses, their nodes and edges."""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import Double, LongText, SafeString


class SocialNetworkEdge(Base):
    """A weighted edge between two users of a group's social network."""

    __tablename__ = "social_network_edges"
    __table_args__ = (Index("idx_social_edge_from_to", "group_id", "from_user_id", "to_user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="social_network_edges.group_id", nullable=False), nullable=False, index=True
    )
    from_user_id: Mapped[str] = mapped_column(
        SafeString(255, field="social_network_edges.from_user_id", nullable=False), nullable=False, index=True
    )
    to_user_id: Mapped[str] = mapped_column(
        SafeString(255, field="social_network_edges.to_user_id", nullable=False), nullable=False, index=True
    )
    edge_type: Mapped[str] = mapped_column(
        SafeString(50, field="social_network_edges.edge_type", nullable=False), nullable=False
    )
    weight: Mapped[float | None] = mapped_column(Double, nullable=True, default=1.0)
    properties: Mapped[str | None] = mapped_column(
        LongText(field="social_network_edges.properties", nullable=True), nullable=True
    )
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    updated_at: Mapped[int] = mapped_column(BigInteger, nullable=False)


class SocialNetworkNode(Base):
    """A user as a node of a group's social network."""

    __tablename__ = "social_network_nodes"
    __table_args__ = (Index("idx_social_node_group_user", "group_id", "user_id", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="social_network_nodes.group_id", nullable=False), nullable=False, index=True
    )
    user_id: Mapped[str] = mapped_column(
        SafeString(255, field="social_network_nodes.user_id", nullable=False), nullable=False, index=True
    )
    node_type: Mapped[str | None] = mapped_column(
        SafeString(50, field="social_network_nodes.node_type", nullable=True), nullable=True, default="user"
    )
    display_name: Mapped[str | None] = mapped_column(
        SafeString(255, field="social_network_nodes.display_name", nullable=True), nullable=True
    )
    properties: Mapped[str | None] = mapped_column(
        LongText(field="social_network_nodes.properties", nullable=True), nullable=True
    )
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    updated_at: Mapped[int] = mapped_column(BigInteger, nullable=False)


class SocialRelationAnalysisResult(Base):
    """Result of one social relation analysis of a group."""

    __tablename__ = "social_relation_analysis_results"
    __table_args__ = (
        Index("idx_social_analysis_group", "group_id"),
        Index("idx_social_analysis_type", "analysis_type"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="social_relation_analysis_results.group_id", nullable=False), nullable=False
    )
    analysis_type: Mapped[str] = mapped_column(
        SafeString(50, field="social_relation_analysis_results.analysis_type", nullable=False), nullable=False
    )
    result_data: Mapped[str] = mapped_column(
        LongText(field="social_relation_analysis_results.result_data", nullable=False), nullable=False
    )
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
