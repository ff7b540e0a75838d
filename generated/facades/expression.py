# Generated from schema/facades/expression.yaml by codegen. Do not edit.
"""ExpressionFacade: Expression patterns learned per group and persona, style profiles, style learning records and language style patterns."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from sldb.generated.records.expression import ExpressionPatternRecord
from sldb.generated.shapes.expression import ExpressionPatternStatistics, StyleProfileView
from sldb.handwritten.facades import expression as queries
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.failures.report import log_failure
from sldb.handwritten.runtime.failures.retry import retried
from sldb.handwritten.runtime.values.policy import Rule, accept, accept_payload

# What each parameter accepts (its spec's `accepts:`), checked before the hand-written body runs.
_SAVE_STYLE_PROFILE_PROFILE_NAME = Rule("text", max_chars=255)
_SAVE_STYLE_PROFILE_PROFILE_DATA = {
    "vocabulary_richness": Rule("float", nullable=True),
    "sentence_complexity": Rule("float", nullable=True),
    "emotional_expression": Rule("float", nullable=True),
    "interaction_tendency": Rule("float", nullable=True),
    "topic_diversity": Rule("float", nullable=True),
    "formality_level": Rule("float", nullable=True),
    "creativity_score": Rule("float", nullable=True),
}
_SAVE_STYLE_LEARNING_RECORD_RECORD_DATA = {
    "style_type": Rule("text", max_chars=100),
    "learned_patterns": Rule("json"),
    "confidence_score": Rule("float"),
    "sample_count": Rule("int", -2147483648, 2147483647),
}
_SAVE_LANGUAGE_STYLE_PATTERN_LANGUAGE_STYLE = Rule("text", max_chars=255)
_SAVE_LANGUAGE_STYLE_PATTERN_PATTERN_DATA = {
    "example_phrases": Rule("json"),
    "context_type": Rule("text", max_chars=100),
    "confidence_score": Rule("float", nullable=True),
}


class ExpressionFacade:
    """Expression patterns learned per group and persona, style profiles, style learning records and language style patterns."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get_all_expression_patterns(
        self,
    ) -> dict[str, list[ExpressionPatternRecord]]:
        """Up to 1000 expression patterns, heaviest first, grouped by group id (an empty group id is 'global')."""
        try:
            return await queries.get_all_expression_patterns(self._db)
        except SQLAlchemyError as exc:
            log_failure("get_all_expression_patterns", exc)
            return {}

    async def get_expression_patterns_statistics(
        self,
    ) -> ExpressionPatternStatistics:
        """Total expression patterns and the number of distinct groups holding any."""
        try:
            return await queries.get_expression_patterns_statistics(self._db.replica())
        except SQLAlchemyError as exc:
            log_failure("get_expression_patterns_statistics", exc)
            return {"total_patterns": 0, "groups_with_patterns": 0}

    async def get_group_expression_patterns(
        self, group_id: str, limit: int | None = None, persona_id: str = "default", user_id: str | None = None
    ) -> list[ExpressionPatternRecord]:
        """The group's patterns for a persona and user (no user means patterns with no user), heaviest first; limit 100 when not given."""
        try:
            return await queries.get_group_expression_patterns(
                self._db, group_id=group_id, limit=limit, persona_id=persona_id, user_id=user_id
            )
        except SQLAlchemyError as exc:
            log_failure(
                "get_group_expression_patterns",
                exc,
                group_id=group_id,
                limit=limit,
                persona_id=persona_id,
                user_id=user_id,
            )
            return []

    async def get_recent_week_expression_patterns(
        self,
        group_id: str | None = None,
        limit: int = 50,
        hours: int = 168,
        persona_id: str = "default",
        user_id: str | None = None,
    ) -> list[ExpressionPatternRecord]:
        """Patterns active in the last `hours` hours for a persona and user, optionally in one group, heaviest first."""
        try:
            return await queries.get_recent_week_expression_patterns(
                self._db, group_id=group_id, limit=limit, hours=hours, persona_id=persona_id, user_id=user_id
            )
        except SQLAlchemyError as exc:
            log_failure(
                "get_recent_week_expression_patterns",
                exc,
                group_id=group_id,
                limit=limit,
                hours=hours,
                persona_id=persona_id,
                user_id=user_id,
            )
            return []

    async def load_style_profile(self, profile_name: str) -> StyleProfileView | None:
        """The scores of the named style profile, or None if there is none."""
        try:
            return await queries.load_style_profile(self._db, profile_name=profile_name)
        except SQLAlchemyError as exc:
            log_failure("load_style_profile", exc, profile_name=profile_name)
            return None

    async def save_style_profile(self, profile_name: str, profile_data: dict[str, Any]) -> bool:
        """Set the given scores on the named style profile, creating it (other scores empty) if it does not exist."""
        profile_name = accept("save_style_profile", "profile_name", profile_name, _SAVE_STYLE_PROFILE_PROFILE_NAME)
        profile_data = accept_payload(
            "save_style_profile", "profile_data", profile_data, _SAVE_STYLE_PROFILE_PROFILE_DATA
        )
        try:
            return await retried(
                queries.save_style_profile, self._db, profile_name=profile_name, profile_data=profile_data
            )
        except SQLAlchemyError as exc:
            log_failure("save_style_profile", exc, profile_name=profile_name, profile_data=profile_data)
            return False

    async def save_style_learning_record(self, record_data: dict[str, Any]) -> bool:
        """Append a style learning record; learned patterns are stored as JSON and last_updated is now."""
        record_data = accept_payload(
            "save_style_learning_record", "record_data", record_data, _SAVE_STYLE_LEARNING_RECORD_RECORD_DATA
        )
        try:
            return await retried(queries.save_style_learning_record, self._db, record_data=record_data)
        except SQLAlchemyError as exc:
            log_failure("save_style_learning_record", exc, record_data=record_data)
            return False

    async def save_language_style_pattern(self, language_style: str, pattern_data: dict[str, Any]) -> bool:
        """Insert a language style pattern with usage 1, or replace its fields and add 1 to its usage if it exists."""
        language_style = accept(
            "save_language_style_pattern", "language_style", language_style, _SAVE_LANGUAGE_STYLE_PATTERN_LANGUAGE_STYLE
        )
        pattern_data = accept_payload(
            "save_language_style_pattern", "pattern_data", pattern_data, _SAVE_LANGUAGE_STYLE_PATTERN_PATTERN_DATA
        )
        try:
            return await retried(
                queries.save_language_style_pattern, self._db, language_style=language_style, pattern_data=pattern_data
            )
        except SQLAlchemyError as exc:
            log_failure("save_language_style_pattern", exc, language_style=language_style, pattern_data=pattern_data)
            return False
