# Generated from schema/facades/learning.yaml by codegen. Do not edit.
"""LearningFacade: Reviews of learned persona and style updates, persona change snapshots, learning batches and sessions, and their statistics."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from sldb.generated.records.learning import LearningBatchRecord, LearningSessionRecord
from sldb.generated.repositories.learning import (
    PersonaLearningReviewRepository,
    StyleLearningPatternRepository,
    StyleLearningReviewRepository,
)
from sldb.generated.repositories.message import FilteredMessageRepository
from sldb.generated.shapes.learning import (
    PersonaChangeSnapshotView,
    PersonaReviewView,
    StyleLearningStatistics,
    StylePendingReviewView,
    StyleProgressPoint,
    StyleReviewView,
)
from sldb.handwritten.facades import learning as queries
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.failures.report import log_failure
from sldb.handwritten.runtime.failures.retry import retried
from sldb.handwritten.runtime.values.policy import Rule, accept, accept_payload

# What each parameter accepts (its spec's `accepts:`), checked before the hand-written body runs.
_ADD_PERSONA_LEARNING_REVIEW_REVIEW_DATA = {
    "timestamp": Rule("time"),
    "group_id": Rule("text", max_chars=255),
    "update_type": Rule("text", max_chars=255),
    "original_content": Rule("text"),
    "new_content": Rule("text"),
    "proposed_content": Rule("text"),
    "confidence_score": Rule("float"),
    "reason": Rule("text"),
    "metadata": Rule("json"),
}
_ADD_PERSONA_LEARNING_REVIEW_GROUP_ID = Rule("text", max_chars=255, nullable=True)
_ADD_PERSONA_LEARNING_REVIEW_PROPOSED_CONTENT = Rule("text", nullable=True)
_ADD_PERSONA_LEARNING_REVIEW_LEARNING_SOURCE = Rule("text", max_chars=255)
_ADD_PERSONA_LEARNING_REVIEW_CONFIDENCE_SCORE = Rule("float")
_ADD_PERSONA_LEARNING_REVIEW_RAW_ANALYSIS = Rule("text")
_ADD_PERSONA_LEARNING_REVIEW_METADATA = Rule("json", nullable=True)
_ADD_PERSONA_LEARNING_REVIEW_ORIGINAL_CONTENT = Rule("text")
_ADD_PERSONA_LEARNING_REVIEW_NEW_CONTENT = Rule("text")
_SAVE_PERSONA_CHANGE_SNAPSHOT_SNAPSHOT_DATA = {
    "review_id": Rule("text", max_chars=100),
    "review_source": Rule("text", max_chars=50),
    "applied_persona_id": Rule("text", max_chars=255),
    "applied_at": Rule("time"),
    "before_system_prompt": Rule("text"),
    "after_system_prompt": Rule("text"),
    "before_begin_dialogs": Rule("json"),
    "after_begin_dialogs": Rule("json"),
    "affected_fields": Rule("json"),
}
_SAVE_PERSONA_UPDATE_RECORD_RECORD_DATA = {
    "timestamp": Rule("time"),
    "group_id": Rule("text", max_chars=255),
    "update_type": Rule("text", max_chars=255),
    "original_content": Rule("text"),
    "new_content": Rule("text"),
    "proposed_content": Rule("text"),
    "confidence_score": Rule("float"),
    "reason": Rule("text"),
    "metadata": Rule("json"),
}
_DELETE_PERSONA_UPDATE_RECORD_RECORD_ID = Rule("id")
_GET_PERSONA_UPDATE_RECORD_BY_ID_RECORD_ID = Rule("id")
_UPDATE_PERSONA_UPDATE_RECORD_STATUS_RECORD_ID = Rule("id")
_UPDATE_PERSONA_UPDATE_RECORD_STATUS_STATUS = Rule("text", max_chars=50)
_UPDATE_PERSONA_UPDATE_RECORD_STATUS_COMMENT = Rule("text", nullable=True)
_UPDATE_PERSONA_UPDATE_RECORD_STATUS_GROUP_ID = Rule("text", max_chars=255, nullable=True)
_CREATE_STYLE_LEARNING_REVIEW_REVIEW_DATA = {
    "type": Rule("text", max_chars=100),
    "group_id": Rule("text", max_chars=255),
    "timestamp": Rule("time"),
    "learned_patterns": Rule("json", nullable=True),
    "few_shots_content": Rule("text"),
    "description": Rule("text"),
    "metadata": Rule("json"),
}
_UPDATE_STYLE_REVIEW_STATUS_REVIEW_ID = Rule("id")
_UPDATE_STYLE_REVIEW_STATUS_STATUS = Rule("text", max_chars=50)
_UPDATE_STYLE_REVIEW_STATUS_REVIEWER_COMMENT = Rule("text")
_UPDATE_STYLE_REVIEW_STATUS_GROUP_ID = Rule("text", max_chars=255, nullable=True)
_UPDATE_STYLE_REVIEW_METADATA_REVIEW_ID = Rule("id")
_UPDATE_STYLE_REVIEW_METADATA_METADATA_PATCH = Rule("json")
_DELETE_STYLE_REVIEW_BY_ID_REVIEW_ID = Rule("id")
_DELETE_PERSONA_LEARNING_REVIEW_BY_ID_REVIEW_ID = Rule("id")
_GET_PERSONA_LEARNING_REVIEW_BY_ID_REVIEW_ID = Rule("id")
_UPDATE_PERSONA_LEARNING_REVIEW_STATUS_REVIEW_ID = Rule("id")
_UPDATE_PERSONA_LEARNING_REVIEW_STATUS_STATUS = Rule("text", max_chars=50)
_UPDATE_PERSONA_LEARNING_REVIEW_STATUS_COMMENT = Rule("text", nullable=True)
_UPDATE_PERSONA_LEARNING_REVIEW_STATUS_MODIFIED_CONTENT = Rule("text", nullable=True)
_UPDATE_PERSONA_LEARNING_REVIEW_STATUS_GROUP_ID = Rule("text", max_chars=255, nullable=True)
_UPDATE_PERSONA_LEARNING_REVIEW_METADATA_REVIEW_ID = Rule("id")
_UPDATE_PERSONA_LEARNING_REVIEW_METADATA_METADATA_PATCH = Rule("json")
_SAVE_LEARNING_SESSION_RECORD_GROUP_ID = Rule("text", max_chars=255)
_SAVE_LEARNING_SESSION_RECORD_SESSION_DATA = {
    "session_id": Rule("text", max_chars=255),
    "batch_id": Rule("text", max_chars=255, nullable=True),
    "start_time": Rule("time"),
    "end_time": Rule("time"),
    "message_count": Rule("int", -2147483648, 2147483647),
    "messages_processed": Rule("int", -2147483648, 2147483647),
    "learning_quality": Rule("float"),
    "quality_score": Rule("float"),
    "status": Rule("text", max_chars=50),
}
_SAVE_LEARNING_PERFORMANCE_RECORD_GROUP_ID = Rule("text", max_chars=255)
_SAVE_LEARNING_PERFORMANCE_RECORD_PERFORMANCE_DATA = {
    "session_id": Rule("text", max_chars=255),
    "timestamp": Rule("time"),
    "quality_score": Rule("float", nullable=True),
    "learning_time": Rule("float", nullable=True),
    "success": Rule("bool"),
    "successful_pattern": Rule("text", nullable=True),
    "failed_pattern": Rule("text", nullable=True),
}


class LearningFacade:
    """Reviews of learned persona and style updates, persona change snapshots, learning batches and sessions, and their statistics."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def add_persona_learning_review(
        self,
        review_data: dict[str, Any] | None = None,
        group_id: str | None = None,
        proposed_content: str | None = None,
        learning_source: str = "",
        confidence_score: float = 0.5,
        raw_analysis: str = "",
        metadata: dict[str, Any] | None = None,
        original_content: str = "",
        new_content: str = "",
    ) -> int:
        """Create a pending persona learning review from review_data, or, without it, from the keyword fields as the plugin's manager accepts them (timestamp defaults to now); its id, 0 on failure."""
        review_data = accept_payload(
            "add_persona_learning_review",
            "review_data",
            review_data,
            _ADD_PERSONA_LEARNING_REVIEW_REVIEW_DATA,
            nullable=True,
        )
        group_id = accept("add_persona_learning_review", "group_id", group_id, _ADD_PERSONA_LEARNING_REVIEW_GROUP_ID)
        proposed_content = accept(
            "add_persona_learning_review",
            "proposed_content",
            proposed_content,
            _ADD_PERSONA_LEARNING_REVIEW_PROPOSED_CONTENT,
        )
        learning_source = accept(
            "add_persona_learning_review",
            "learning_source",
            learning_source,
            _ADD_PERSONA_LEARNING_REVIEW_LEARNING_SOURCE,
        )
        confidence_score = accept(
            "add_persona_learning_review",
            "confidence_score",
            confidence_score,
            _ADD_PERSONA_LEARNING_REVIEW_CONFIDENCE_SCORE,
        )
        raw_analysis = accept(
            "add_persona_learning_review", "raw_analysis", raw_analysis, _ADD_PERSONA_LEARNING_REVIEW_RAW_ANALYSIS
        )
        metadata = accept("add_persona_learning_review", "metadata", metadata, _ADD_PERSONA_LEARNING_REVIEW_METADATA)
        original_content = accept(
            "add_persona_learning_review",
            "original_content",
            original_content,
            _ADD_PERSONA_LEARNING_REVIEW_ORIGINAL_CONTENT,
        )
        new_content = accept(
            "add_persona_learning_review", "new_content", new_content, _ADD_PERSONA_LEARNING_REVIEW_NEW_CONTENT
        )
        try:
            return await retried(
                queries.add_persona_learning_review,
                self._db,
                review_data=review_data,
                group_id=group_id,
                proposed_content=proposed_content,
                learning_source=learning_source,
                confidence_score=confidence_score,
                raw_analysis=raw_analysis,
                metadata=metadata,
                original_content=original_content,
                new_content=new_content,
            )
        except SQLAlchemyError as exc:
            log_failure(
                "add_persona_learning_review",
                exc,
                review_data=review_data,
                group_id=group_id,
                proposed_content=proposed_content,
                learning_source=learning_source,
                confidence_score=confidence_score,
                raw_analysis=raw_analysis,
                metadata=metadata,
                original_content=original_content,
                new_content=new_content,
            )
            return 0

    async def save_persona_change_snapshot(self, snapshot_data: dict[str, Any]) -> int:
        """Store the persona before and after an applied review (dialog lists as JSON); the snapshot's id, 0 on failure."""
        snapshot_data = accept_payload(
            "save_persona_change_snapshot", "snapshot_data", snapshot_data, _SAVE_PERSONA_CHANGE_SNAPSHOT_SNAPSHOT_DATA
        )
        try:
            return await retried(queries.save_persona_change_snapshot, self._db, snapshot_data=snapshot_data)
        except SQLAlchemyError as exc:
            log_failure("save_persona_change_snapshot", exc, snapshot_data=snapshot_data)
            return 0

    async def get_persona_change_snapshot(self, review_source: str, review_id: str) -> PersonaChangeSnapshotView | None:
        """The latest snapshot (by applied_at) of one review from one source, or None."""
        try:
            return await queries.get_persona_change_snapshot(self._db, review_source=review_source, review_id=review_id)
        except SQLAlchemyError as exc:
            log_failure("get_persona_change_snapshot", exc, review_source=review_source, review_id=review_id)
            return None

    async def get_pending_persona_update_records(
        self,
    ) -> list[PersonaReviewView]:
        """All pending persona learning reviews, newest first."""
        try:
            return await queries.get_pending_persona_update_records(self._db)
        except SQLAlchemyError as exc:
            log_failure("get_pending_persona_update_records", exc)
            return []

    async def save_persona_update_record(self, record_data: dict[str, Any]) -> int:
        """Same as add_persona_learning_review; the new review's id, 0 on failure."""
        record_data = accept_payload(
            "save_persona_update_record", "record_data", record_data, _SAVE_PERSONA_UPDATE_RECORD_RECORD_DATA
        )
        try:
            return await retried(queries.save_persona_update_record, self._db, record_data=record_data)
        except SQLAlchemyError as exc:
            log_failure("save_persona_update_record", exc, record_data=record_data)
            return 0

    async def delete_persona_update_record(self, record_id: int) -> bool:
        """Delete one persona learning review; whether it existed."""
        record_id = accept(
            "delete_persona_update_record", "record_id", record_id, _DELETE_PERSONA_UPDATE_RECORD_RECORD_ID
        )
        try:
            async with self._db.autocommit() as conn:
                return await PersonaLearningReviewRepository.delete(conn, record_id)
        except SQLAlchemyError as exc:
            log_failure("delete_persona_update_record", exc, record_id=record_id)
            return False

    async def get_persona_update_record_by_id(self, record_id: int) -> PersonaReviewView | None:
        """One persona learning review by id, or None."""
        record_id = accept(
            "get_persona_update_record_by_id", "record_id", record_id, _GET_PERSONA_UPDATE_RECORD_BY_ID_RECORD_ID
        )
        try:
            return await queries.get_persona_update_record_by_id(self._db, record_id=record_id)
        except SQLAlchemyError as exc:
            log_failure("get_persona_update_record_by_id", exc, record_id=record_id)
            return None

    async def get_reviewed_persona_update_records(
        self, limit: int = 50, offset: int = 0, status_filter: str | None = None
    ) -> list[PersonaReviewView]:
        """Persona learning reviews with the given status (default approved or rejected), most recently reviewed first, paged."""
        try:
            return await queries.get_reviewed_persona_update_records(
                self._db, limit=limit, offset=offset, status_filter=status_filter
            )
        except SQLAlchemyError as exc:
            log_failure(
                "get_reviewed_persona_update_records", exc, limit=limit, offset=offset, status_filter=status_filter
            )
            return []

    async def update_persona_update_record_status(
        self, record_id: int, status: str, comment: str | None = None, group_id: str | None = None
    ) -> bool:
        """Set a persona learning review's status and comment, review_time now (only within group_id when given); whether it was found."""
        record_id = accept(
            "update_persona_update_record_status",
            "record_id",
            record_id,
            _UPDATE_PERSONA_UPDATE_RECORD_STATUS_RECORD_ID,
        )
        status = accept(
            "update_persona_update_record_status", "status", status, _UPDATE_PERSONA_UPDATE_RECORD_STATUS_STATUS
        )
        comment = accept(
            "update_persona_update_record_status", "comment", comment, _UPDATE_PERSONA_UPDATE_RECORD_STATUS_COMMENT
        )
        group_id = accept(
            "update_persona_update_record_status", "group_id", group_id, _UPDATE_PERSONA_UPDATE_RECORD_STATUS_GROUP_ID
        )
        try:
            return await retried(
                queries.update_persona_update_record_status,
                self._db,
                record_id=record_id,
                status=status,
                comment=comment,
                group_id=group_id,
            )
        except SQLAlchemyError as exc:
            log_failure(
                "update_persona_update_record_status",
                exc,
                record_id=record_id,
                status=status,
                comment=comment,
                group_id=group_id,
            )
            return False

    async def create_style_learning_review(self, review_data: dict[str, Any]) -> int:
        """Create a pending style learning review (learned patterns as JSON); its id, 0 on failure."""
        review_data = accept_payload(
            "create_style_learning_review", "review_data", review_data, _CREATE_STYLE_LEARNING_REVIEW_REVIEW_DATA
        )
        try:
            return await retried(queries.create_style_learning_review, self._db, review_data=review_data)
        except SQLAlchemyError as exc:
            log_failure("create_style_learning_review", exc, review_data=review_data)
            return 0

    async def get_pending_style_reviews(self, limit: int = 50, offset: int = 0) -> list[StylePendingReviewView]:
        """Pending style learning reviews, newest first, paged."""
        try:
            return await queries.get_pending_style_reviews(self._db, limit=limit, offset=offset)
        except SQLAlchemyError as exc:
            log_failure("get_pending_style_reviews", exc, limit=limit, offset=offset)
            return []

    async def get_reviewed_style_learning_updates(
        self, limit: int = 50, offset: int = 0, status_filter: str | None = None
    ) -> list[StyleReviewView]:
        """Style learning reviews with the given status (default approved or rejected), most recently reviewed first, paged."""
        try:
            return await queries.get_reviewed_style_learning_updates(
                self._db, limit=limit, offset=offset, status_filter=status_filter
            )
        except SQLAlchemyError as exc:
            log_failure(
                "get_reviewed_style_learning_updates", exc, limit=limit, offset=offset, status_filter=status_filter
            )
            return []

    async def update_style_review_status(
        self, review_id: int, status: str, reviewer_comment: str = "", group_id: str | None = None
    ) -> bool:
        """Set a style learning review's status and comment, review_time now (only within group_id when given); whether it was found."""
        review_id = accept("update_style_review_status", "review_id", review_id, _UPDATE_STYLE_REVIEW_STATUS_REVIEW_ID)
        status = accept("update_style_review_status", "status", status, _UPDATE_STYLE_REVIEW_STATUS_STATUS)
        reviewer_comment = accept(
            "update_style_review_status",
            "reviewer_comment",
            reviewer_comment,
            _UPDATE_STYLE_REVIEW_STATUS_REVIEWER_COMMENT,
        )
        group_id = accept("update_style_review_status", "group_id", group_id, _UPDATE_STYLE_REVIEW_STATUS_GROUP_ID)
        try:
            return await retried(
                queries.update_style_review_status,
                self._db,
                review_id=review_id,
                status=status,
                reviewer_comment=reviewer_comment,
                group_id=group_id,
            )
        except SQLAlchemyError as exc:
            log_failure(
                "update_style_review_status",
                exc,
                review_id=review_id,
                status=status,
                reviewer_comment=reviewer_comment,
                group_id=group_id,
            )
            return False

    async def update_style_review_metadata(self, review_id: int, metadata_patch: dict[str, Any]) -> bool:
        """Merge metadata_patch into a style learning review's metadata; whether the review exists."""
        review_id = accept(
            "update_style_review_metadata", "review_id", review_id, _UPDATE_STYLE_REVIEW_METADATA_REVIEW_ID
        )
        metadata_patch = accept(
            "update_style_review_metadata",
            "metadata_patch",
            metadata_patch,
            _UPDATE_STYLE_REVIEW_METADATA_METADATA_PATCH,
        )
        try:
            return await retried(
                queries.update_style_review_metadata, self._db, review_id=review_id, metadata_patch=metadata_patch
            )
        except SQLAlchemyError as exc:
            log_failure("update_style_review_metadata", exc, review_id=review_id, metadata_patch=metadata_patch)
            return False

    async def delete_style_review_by_id(self, review_id: int) -> bool:
        """Delete one style learning review; whether it existed."""
        review_id = accept("delete_style_review_by_id", "review_id", review_id, _DELETE_STYLE_REVIEW_BY_ID_REVIEW_ID)
        try:
            async with self._db.autocommit() as conn:
                return await StyleLearningReviewRepository.delete(conn, review_id)
        except SQLAlchemyError as exc:
            log_failure("delete_style_review_by_id", exc, review_id=review_id)
            return False

    async def get_approved_few_shots(self, group_id: str, limit: int = 3) -> list[str]:
        """The few-shot texts of the group's approved style reviews that have non-empty few-shot content, newest first, at most limit."""
        try:
            return await queries.get_approved_few_shots(self._db, group_id=group_id, limit=limit)
        except SQLAlchemyError as exc:
            log_failure("get_approved_few_shots", exc, group_id=group_id, limit=limit)
            return []

    async def get_pending_persona_learning_reviews(self, limit: int = 50, offset: int = 0) -> list[PersonaReviewView]:
        """Pending persona learning reviews, newest first, paged."""
        try:
            return await queries.get_pending_persona_learning_reviews(self._db, limit=limit, offset=offset)
        except SQLAlchemyError as exc:
            log_failure("get_pending_persona_learning_reviews", exc, limit=limit, offset=offset)
            return []

    async def get_reviewed_persona_learning_updates(
        self, limit: int = 50, offset: int = 0, status_filter: str | None = None
    ) -> list[PersonaReviewView]:
        """Same as get_reviewed_persona_update_records."""
        try:
            return await queries.get_reviewed_persona_learning_updates(
                self._db, limit=limit, offset=offset, status_filter=status_filter
            )
        except SQLAlchemyError as exc:
            log_failure(
                "get_reviewed_persona_learning_updates", exc, limit=limit, offset=offset, status_filter=status_filter
            )
            return []

    async def delete_persona_learning_review_by_id(self, review_id: int) -> bool:
        """Delete one persona learning review; whether it existed."""
        review_id = accept(
            "delete_persona_learning_review_by_id",
            "review_id",
            review_id,
            _DELETE_PERSONA_LEARNING_REVIEW_BY_ID_REVIEW_ID,
        )
        try:
            async with self._db.autocommit() as conn:
                return await PersonaLearningReviewRepository.delete(conn, review_id)
        except SQLAlchemyError as exc:
            log_failure("delete_persona_learning_review_by_id", exc, review_id=review_id)
            return False

    async def get_persona_learning_review_by_id(self, review_id: int) -> PersonaReviewView | None:
        """One persona learning review by id, or None."""
        review_id = accept(
            "get_persona_learning_review_by_id", "review_id", review_id, _GET_PERSONA_LEARNING_REVIEW_BY_ID_REVIEW_ID
        )
        try:
            return await queries.get_persona_learning_review_by_id(self._db, review_id=review_id)
        except SQLAlchemyError as exc:
            log_failure("get_persona_learning_review_by_id", exc, review_id=review_id)
            return None

    async def update_persona_learning_review_status(
        self,
        review_id: int,
        status: str,
        comment: str | None = None,
        modified_content: str | None = None,
        group_id: str | None = None,
    ) -> bool:
        """Set a persona learning review's status and comment, review_time now, and new and proposed content to modified_content when given (only within group_id when given); whether it was found."""
        review_id = accept(
            "update_persona_learning_review_status",
            "review_id",
            review_id,
            _UPDATE_PERSONA_LEARNING_REVIEW_STATUS_REVIEW_ID,
        )
        status = accept(
            "update_persona_learning_review_status", "status", status, _UPDATE_PERSONA_LEARNING_REVIEW_STATUS_STATUS
        )
        comment = accept(
            "update_persona_learning_review_status", "comment", comment, _UPDATE_PERSONA_LEARNING_REVIEW_STATUS_COMMENT
        )
        modified_content = accept(
            "update_persona_learning_review_status",
            "modified_content",
            modified_content,
            _UPDATE_PERSONA_LEARNING_REVIEW_STATUS_MODIFIED_CONTENT,
        )
        group_id = accept(
            "update_persona_learning_review_status",
            "group_id",
            group_id,
            _UPDATE_PERSONA_LEARNING_REVIEW_STATUS_GROUP_ID,
        )
        try:
            return await retried(
                queries.update_persona_learning_review_status,
                self._db,
                review_id=review_id,
                status=status,
                comment=comment,
                modified_content=modified_content,
                group_id=group_id,
            )
        except SQLAlchemyError as exc:
            log_failure(
                "update_persona_learning_review_status",
                exc,
                review_id=review_id,
                status=status,
                comment=comment,
                modified_content=modified_content,
                group_id=group_id,
            )
            return False

    async def update_persona_learning_review_metadata(self, review_id: int, metadata_patch: dict[str, Any]) -> bool:
        """Merge metadata_patch into a persona learning review's metadata; whether the review exists."""
        review_id = accept(
            "update_persona_learning_review_metadata",
            "review_id",
            review_id,
            _UPDATE_PERSONA_LEARNING_REVIEW_METADATA_REVIEW_ID,
        )
        metadata_patch = accept(
            "update_persona_learning_review_metadata",
            "metadata_patch",
            metadata_patch,
            _UPDATE_PERSONA_LEARNING_REVIEW_METADATA_METADATA_PATCH,
        )
        try:
            return await retried(
                queries.update_persona_learning_review_metadata,
                self._db,
                review_id=review_id,
                metadata_patch=metadata_patch,
            )
        except SQLAlchemyError as exc:
            log_failure(
                "update_persona_learning_review_metadata", exc, review_id=review_id, metadata_patch=metadata_patch
            )
            return False

    async def get_learning_batch_history(
        self, group_id: str | None = None, limit: int = 50
    ) -> list[LearningBatchRecord]:
        """Learning batches, of one group when given, latest start first, at most limit."""
        try:
            return await queries.get_learning_batch_history(self._db, group_id=group_id, limit=limit)
        except SQLAlchemyError as exc:
            log_failure("get_learning_batch_history", exc, group_id=group_id, limit=limit)
            return []

    async def get_recent_learning_batches(self, limit: int = 10) -> list[LearningBatchRecord]:
        """The latest learning batches of all groups, latest start first, at most limit."""
        try:
            return await queries.get_recent_learning_batches(self._db, limit=limit)
        except SQLAlchemyError as exc:
            log_failure("get_recent_learning_batches", exc, limit=limit)
            return []

    async def get_learning_sessions(self, group_id: str) -> list[LearningSessionRecord]:
        """The group's five latest learning sessions, latest start first."""
        try:
            return await queries.get_learning_sessions(self._db, group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("get_learning_sessions", exc, group_id=group_id)
            return []

    async def get_recent_learning_sessions(self, days: int = 7) -> list[LearningSessionRecord]:
        """Learning sessions started within the last days, latest start first."""
        try:
            return await queries.get_recent_learning_sessions(self._db, days=days)
        except SQLAlchemyError as exc:
            log_failure("get_recent_learning_sessions", exc, days=days)
            return []

    async def save_learning_session_record(self, group_id: str, session_data: dict[str, Any]) -> bool:
        """Insert a learning session by session_id, or update the given end_time, message count, quality and status of the existing one."""
        group_id = accept("save_learning_session_record", "group_id", group_id, _SAVE_LEARNING_SESSION_RECORD_GROUP_ID)
        session_data = accept_payload(
            "save_learning_session_record", "session_data", session_data, _SAVE_LEARNING_SESSION_RECORD_SESSION_DATA
        )
        try:
            return await retried(
                queries.save_learning_session_record, self._db, group_id=group_id, session_data=session_data
            )
        except SQLAlchemyError as exc:
            log_failure("save_learning_session_record", exc, group_id=group_id, session_data=session_data)
            return False

    async def save_learning_performance_record(self, group_id: str, performance_data: dict[str, Any]) -> bool:
        """Append one learning performance record of the group (timestamp in whole seconds, pattern lists as JSON)."""
        group_id = accept(
            "save_learning_performance_record", "group_id", group_id, _SAVE_LEARNING_PERFORMANCE_RECORD_GROUP_ID
        )
        performance_data = accept_payload(
            "save_learning_performance_record",
            "performance_data",
            performance_data,
            _SAVE_LEARNING_PERFORMANCE_RECORD_PERFORMANCE_DATA,
        )
        try:
            return await retried(
                queries.save_learning_performance_record, self._db, group_id=group_id, performance_data=performance_data
            )
        except SQLAlchemyError as exc:
            log_failure("save_learning_performance_record", exc, group_id=group_id, performance_data=performance_data)
            return False

    async def count_pending_persona_updates(
        self,
    ) -> int:
        """How many persona learning reviews are pending."""
        try:
            async with self._db.reading() as conn:
                return await PersonaLearningReviewRepository.count(
                    conn,
                    where={
                        "status": "pending",
                    },
                )
        except SQLAlchemyError as exc:
            log_failure("count_pending_persona_updates", exc)
            return 0

    async def count_style_learning_patterns(
        self,
    ) -> int:
        """How many style learning patterns are stored."""
        try:
            async with self._db.reading() as conn:
                return await StyleLearningPatternRepository.count(conn)
        except SQLAlchemyError as exc:
            log_failure("count_style_learning_patterns", exc)
            return 0

    async def count_refined_messages(
        self,
    ) -> int:
        """How many filtered (refined) messages are stored."""
        try:
            async with self._db.reading() as conn:
                return await FilteredMessageRepository.count(conn)
        except SQLAlchemyError as exc:
            log_failure("count_refined_messages", exc)
            return 0

    async def get_style_learning_statistics(
        self,
    ) -> StyleLearningStatistics:
        """Total, pending and approved counts of style learning reviews."""
        try:
            return await queries.get_style_learning_statistics(self._db.replica())
        except SQLAlchemyError as exc:
            log_failure("get_style_learning_statistics", exc)
            return {"total_reviews": 0, "pending_reviews": 0, "approved_reviews": 0}

    async def get_style_progress_data(self, group_id: str | None = None) -> list[StyleProgressPoint]:
        """The 30 latest scored learning batches (quality set, messages processed), of one group when given, as progress points."""
        try:
            return await queries.get_style_progress_data(self._db.replica(), group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("get_style_progress_data", exc, group_id=group_id)
            return []

    async def get_learning_patterns_data(self, group_id: str | None = None) -> dict[str, int]:
        """Number of style learning patterns per pattern type, of one group when given."""
        try:
            return await queries.get_learning_patterns_data(self._db.replica(), group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("get_learning_patterns_data", exc, group_id=group_id)
            return {}
