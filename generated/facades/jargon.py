# Generated from schema/facades/jargon.yaml by codegen. Do not edit.
"""JargonFacade: Slang terms learned per chat, their meanings, review state and sharing across groups."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from sldb.generated.records.jargon import JargonRecord
from sldb.generated.repositories.jargon import JargonRepository
from sldb.generated.shapes.jargon import JargonGroup, JargonStatistics
from sldb.handwritten.facades import jargon as queries
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.failures.report import log_failure
from sldb.handwritten.runtime.failures.retry import retried
from sldb.handwritten.runtime.values.policy import Rule, accept, accept_payload

# What each parameter accepts (its spec's `accepts:`), checked before the hand-written body runs.
_INSERT_JARGON_JARGON_DATA = {
    "chat_id": Rule("text", max_chars=255),
    "content": Rule("text", max_chars=600),
    "raw_content": Rule("text"),
    "meaning": Rule("text", nullable=True),
    "is_jargon": Rule("bool", nullable=True),
    "count": Rule("int", -2147483648, 2147483647),
    "last_inference_count": Rule("int", -2147483648, 2147483647),
    "is_complete": Rule("bool"),
    "is_global": Rule("bool"),
    "created_at": Rule("time"),
    "updated_at": Rule("time"),
}
_UPDATE_JARGON_JARGON_DATA = {
    "id": Rule("id"),
    "content": Rule("text", max_chars=600),
    "raw_content": Rule("text", nullable=True),
    "meaning": Rule("text", nullable=True),
    "is_jargon": Rule("bool", nullable=True),
    "is_complete": Rule("bool", nullable=True),
    "is_global": Rule("bool", nullable=True),
    "count": Rule("int", -2147483648, 2147483647, nullable=True),
    "last_inference_count": Rule("int", -2147483648, 2147483647, nullable=True),
    "updated_at": Rule("time"),
}
_GET_JARGON_BY_ID_JARGON_ID = Rule("id")
_DELETE_JARGON_BY_ID_JARGON_ID = Rule("id")
_SET_JARGON_GLOBAL_JARGON_ID = Rule("id")
_SET_JARGON_GLOBAL_IS_GLOBAL = Rule("bool")
_SYNC_GLOBAL_JARGON_TO_GROUP_TARGET_CHAT_ID = Rule("text", max_chars=255)
_SAVE_OR_UPDATE_JARGON_CHAT_ID = Rule("text", max_chars=255)
_SAVE_OR_UPDATE_JARGON_CONTENT = Rule("text", max_chars=600)
_SAVE_OR_UPDATE_JARGON_JARGON_DATA = {
    "raw_content": Rule("text", nullable=True),
    "meaning": Rule("text", nullable=True),
    "is_jargon": Rule("bool", nullable=True),
    "count": Rule("int", -2147483648, 2147483647),
    "last_inference_count": Rule("int", -2147483648, 2147483647),
    "is_complete": Rule("bool"),
    "is_global": Rule("bool"),
}


class JargonFacade:
    """Slang terms learned per chat, their meanings, review state and sharing across groups."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get_jargon(self, chat_id: str, content: str) -> JargonRecord | None:
        """The term of the chat with exactly this content; None if there is none."""
        try:
            return await queries.get_jargon(self._db, chat_id=chat_id, content=content)
        except SQLAlchemyError as exc:
            log_failure("get_jargon", exc, chat_id=chat_id, content=content)
            return None

    async def insert_jargon(self, jargon_data: dict[str, Any]) -> int | None:
        """Insert a term from its data; when the chat already has the content, the existing id instead."""
        jargon_data = accept_payload("insert_jargon", "jargon_data", jargon_data, _INSERT_JARGON_JARGON_DATA)
        try:
            return await retried(queries.insert_jargon, self._db, jargon_data=jargon_data)
        except SQLAlchemyError as exc:
            log_failure("insert_jargon", exc, jargon_data=jargon_data)
            return None

    async def update_jargon(self, jargon_data: dict[str, Any]) -> bool:
        """Set the given fields on the term with jargon_data['id']; False without an id or a row."""
        jargon_data = accept_payload("update_jargon", "jargon_data", jargon_data, _UPDATE_JARGON_JARGON_DATA)
        try:
            return await retried(queries.update_jargon, self._db, jargon_data=jargon_data)
        except SQLAlchemyError as exc:
            log_failure("update_jargon", exc, jargon_data=jargon_data)
            return False

    async def get_jargon_statistics(self, group_id: str | None = None) -> JargonStatistics:
        """Candidate, confirmed and completed counts, occurrences, average count and active chats (one chat when group_id is given)."""
        try:
            return await queries.get_jargon_statistics(self._db.replica(), group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("get_jargon_statistics", exc, group_id=group_id)
            return {
                "total_candidates": 0,
                "confirmed_jargon": 0,
                "completed_inference": 0,
                "total_occurrences": 0,
                "average_count": 0.0,
                "active_groups": 0,
            }

    async def get_recent_jargon_list(
        self,
        group_id: str | None = None,
        chat_id: str | None = None,
        limit: int = 50,
        offset: int = 0,
        only_confirmed: bool = False,
        pending_only: bool = False,
        global_only: bool = False,
        local_only: bool = False,
    ) -> list[JargonRecord]:
        """Terms newest-updated first, filtered by chat (group_id, or chat_id as its alias) and review/sharing state; one per content."""
        try:
            return await queries.get_recent_jargon_list(
                self._db,
                group_id=group_id,
                chat_id=chat_id,
                limit=limit,
                offset=offset,
                only_confirmed=only_confirmed,
                pending_only=pending_only,
                global_only=global_only,
                local_only=local_only,
            )
        except SQLAlchemyError as exc:
            log_failure(
                "get_recent_jargon_list",
                exc,
                group_id=group_id,
                chat_id=chat_id,
                limit=limit,
                offset=offset,
                only_confirmed=only_confirmed,
                pending_only=pending_only,
                global_only=global_only,
                local_only=local_only,
            )
            return []

    async def get_jargon_count(
        self,
        chat_id: str | None = None,
        only_confirmed: bool = False,
        pending_only: bool = False,
        global_only: bool = False,
        local_only: bool = False,
    ) -> int:
        """How many terms match the filters; across all chats, distinct contents (trimmed, case-insensitive) are counted."""
        try:
            return await queries.get_jargon_count(
                self._db,
                chat_id=chat_id,
                only_confirmed=only_confirmed,
                pending_only=pending_only,
                global_only=global_only,
                local_only=local_only,
            )
        except SQLAlchemyError as exc:
            log_failure(
                "get_jargon_count",
                exc,
                chat_id=chat_id,
                only_confirmed=only_confirmed,
                pending_only=pending_only,
                global_only=global_only,
                local_only=local_only,
            )
            return 0

    async def search_jargon(
        self,
        keyword: str,
        chat_id: str | None = None,
        confirmed_only: bool = False,
        pending_only: bool = False,
        global_only: bool = False,
        local_only: bool = False,
        limit: int = 50,
    ) -> list[JargonRecord]:
        """Terms whose content contains keyword (case-insensitive), most counted first, filtered by chat and state; one per content."""
        try:
            return await queries.search_jargon(
                self._db,
                keyword=keyword,
                chat_id=chat_id,
                confirmed_only=confirmed_only,
                pending_only=pending_only,
                global_only=global_only,
                local_only=local_only,
                limit=limit,
            )
        except SQLAlchemyError as exc:
            log_failure(
                "search_jargon",
                exc,
                keyword=keyword,
                chat_id=chat_id,
                confirmed_only=confirmed_only,
                pending_only=pending_only,
                global_only=global_only,
                local_only=local_only,
                limit=limit,
            )
            return []

    async def get_jargon_by_id(self, jargon_id: int) -> JargonRecord | None:
        """The term with this id; None if there is none."""
        jargon_id = accept("get_jargon_by_id", "jargon_id", jargon_id, _GET_JARGON_BY_ID_JARGON_ID)
        try:
            async with self._db.reading() as conn:
                return await JargonRepository.get(conn, jargon_id)
        except SQLAlchemyError as exc:
            log_failure("get_jargon_by_id", exc, jargon_id=jargon_id)
            return None

    async def delete_jargon_by_id(self, jargon_id: int) -> bool:
        """Delete the term with this id; whether one was deleted."""
        jargon_id = accept("delete_jargon_by_id", "jargon_id", jargon_id, _DELETE_JARGON_BY_ID_JARGON_ID)
        try:
            async with self._db.autocommit() as conn:
                return await JargonRepository.delete(conn, jargon_id)
        except SQLAlchemyError as exc:
            log_failure("delete_jargon_by_id", exc, jargon_id=jargon_id)
            return False

    async def set_jargon_global(self, jargon_id: int, is_global: bool) -> bool:
        """Share the term with every group or stop sharing it; whether the term exists."""
        jargon_id = accept("set_jargon_global", "jargon_id", jargon_id, _SET_JARGON_GLOBAL_JARGON_ID)
        is_global = accept("set_jargon_global", "is_global", is_global, _SET_JARGON_GLOBAL_IS_GLOBAL)
        try:
            return await retried(queries.set_jargon_global, self._db, jargon_id=jargon_id, is_global=is_global)
        except SQLAlchemyError as exc:
            log_failure("set_jargon_global", exc, jargon_id=jargon_id, is_global=is_global)
            return False

    async def sync_global_jargon_to_group(self, target_chat_id: str) -> int:
        """Copy confirmed global terms of other chats that the target chat lacks into it, as local confirmed terms; how many were copied."""
        target_chat_id = accept(
            "sync_global_jargon_to_group", "target_chat_id", target_chat_id, _SYNC_GLOBAL_JARGON_TO_GROUP_TARGET_CHAT_ID
        )
        try:
            return await retried(queries.sync_global_jargon_to_group, self._db, target_chat_id=target_chat_id)
        except SQLAlchemyError as exc:
            log_failure("sync_global_jargon_to_group", exc, target_chat_id=target_chat_id)
            return 0

    async def save_or_update_jargon(self, chat_id: str, content: str, jargon_data: dict[str, Any]) -> int | None:
        """Upsert the term on (chat_id, content): a completed term keeps its meaning, raw contents and state and adds the count; others take the new values."""
        chat_id = accept("save_or_update_jargon", "chat_id", chat_id, _SAVE_OR_UPDATE_JARGON_CHAT_ID)
        content = accept("save_or_update_jargon", "content", content, _SAVE_OR_UPDATE_JARGON_CONTENT)
        jargon_data = accept_payload(
            "save_or_update_jargon", "jargon_data", jargon_data, _SAVE_OR_UPDATE_JARGON_JARGON_DATA
        )
        try:
            return await retried(
                queries.save_or_update_jargon, self._db, chat_id=chat_id, content=content, jargon_data=jargon_data
            )
        except SQLAlchemyError as exc:
            log_failure("save_or_update_jargon", exc, chat_id=chat_id, content=content, jargon_data=jargon_data)
            return None

    async def get_global_jargon_list(self, limit: int = 100) -> list[JargonRecord]:
        """Confirmed global terms, most counted then newest first."""
        try:
            return await queries.get_global_jargon_list(self._db, limit=limit)
        except SQLAlchemyError as exc:
            log_failure("get_global_jargon_list", exc, limit=limit)
            return []

    async def get_jargon_groups(
        self,
    ) -> list[JargonGroup]:
        """Every chat that has terms, with its term count, most terms first."""
        try:
            return await queries.get_jargon_groups(self._db)
        except SQLAlchemyError as exc:
            log_failure("get_jargon_groups", exc)
            return []
