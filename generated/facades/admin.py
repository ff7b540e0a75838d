# Generated from schema/facades/admin.yaml by codegen. Do not edit.
"""AdminFacade: Export of messages for learning, clearing of data categories and their row counts."""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from sldb.generated.shapes.admin import ClearAllResult, ClearResult, DataStatistics, MessagesLearningExport
from sldb.handwritten.facades import admin as queries
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.failures.report import log_failure
from sldb.handwritten.runtime.failures.retry import retried


class AdminFacade:
    """Export of messages for learning, clearing of data categories and their row counts."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def clear_all_messages_data(
        self,
    ) -> bool:
        """Delete every raw and filtered message, learning batch and reinforcement or performance result."""
        try:
            return await retried(queries.clear_all_messages_data, self._db)
        except SQLAlchemyError as exc:
            log_failure("clear_all_messages_data", exc)
            return False

    async def export_messages_learning_data(self, group_id: str | None = None) -> MessagesLearningExport:
        """Raw and filtered messages, of one group or of all groups when group_id is empty, ordered by id."""
        try:
            return await queries.export_messages_learning_data(self._db.replica(), group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("export_messages_learning_data", exc, group_id=group_id)
            return {"raw_messages": [], "filtered_messages": []}

    async def clear_messages_data(
        self,
    ) -> ClearResult:
        """Delete all raw, filtered and bot messages and the conversation context derived from them."""
        try:
            return await retried(queries.clear_messages_data, self._db)
        except SQLAlchemyError as exc:
            log_failure("clear_messages_data", exc)
            return {"success": False, "deleted": 0}

    async def clear_persona_reviews_data(
        self,
    ) -> ClearResult:
        """Delete all persona reviews, backups, evolution snapshots, attribute weights and diversity scores."""
        try:
            return await retried(queries.clear_persona_reviews_data, self._db)
        except SQLAlchemyError as exc:
            log_failure("clear_persona_reviews_data", exc)
            return {"success": False, "deleted": 0}

    async def clear_style_learning_data(
        self,
    ) -> ClearResult:
        """Delete all expression patterns, style reviews, profiles, templates, records and exemplars."""
        try:
            return await retried(queries.clear_style_learning_data, self._db)
        except SQLAlchemyError as exc:
            log_failure("clear_style_learning_data", exc)
            return {"success": False, "deleted": 0}

    async def clear_jargon_data(
        self,
    ) -> ClearResult:
        """Delete all jargon and its usage counts."""
        try:
            return await retried(queries.clear_jargon_data, self._db)
        except SQLAlchemyError as exc:
            log_failure("clear_jargon_data", exc)
            return {"success": False, "deleted": 0}

    async def clear_learning_history_data(
        self,
    ) -> ClearResult:
        """Delete all learning batches, sessions, feedback, optimisation logs, performance and reinforcement results."""
        try:
            return await retried(queries.clear_learning_history_data, self._db)
        except SQLAlchemyError as exc:
            log_failure("clear_learning_history_data", exc)
            return {"success": False, "deleted": 0}

    async def clear_memory_data(
        self,
    ) -> ClearResult:
        """Delete all memories, their embeddings and summaries."""
        try:
            return await retried(queries.clear_memory_data, self._db)
        except SQLAlchemyError as exc:
            log_failure("clear_memory_data", exc)
            return {"success": False, "deleted": 0}

    async def clear_knowledge_graph_data(
        self,
    ) -> ClearResult:
        """Delete all knowledge graph entities, relations and paragraph hashes."""
        try:
            return await retried(queries.clear_knowledge_graph_data, self._db)
        except SQLAlchemyError as exc:
            log_failure("clear_knowledge_graph_data", exc)
            return {"success": False, "deleted": 0}

    async def clear_runtime_state_data(
        self,
    ) -> ClearResult:
        """Delete the affection, emotion, social and conversation goal state the learning built up."""
        try:
            return await retried(queries.clear_runtime_state_data, self._db)
        except SQLAlchemyError as exc:
            log_failure("clear_runtime_state_data", exc)
            return {"success": False, "deleted": 0}

    async def clear_all_plugin_data(
        self,
    ) -> ClearAllResult:
        """Clear every data category, each in its own transaction; success only when all succeeded."""
        try:
            return await queries.clear_all_plugin_data(self._db)
        except SQLAlchemyError as exc:
            log_failure("clear_all_plugin_data", exc)
            return {"success": False, "deleted": 0, "details": {}}

    async def get_data_statistics(
        self,
    ) -> DataStatistics:
        """Row counts of each data category that the clear methods delete."""
        try:
            return await queries.get_data_statistics(self._db.replica())
        except SQLAlchemyError as exc:
            log_failure("get_data_statistics", exc)
            return {
                "messages": 0,
                "persona_reviews": 0,
                "style_learning": 0,
                "jargon": 0,
                "learning_history": 0,
                "memory": 0,
                "knowledge_graph": 0,
                "runtime_state": 0,
            }
