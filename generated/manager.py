# Generated from schema/facades/*.yaml by codegen. Do not edit.
"""SQLAlchemyDatabaseManager: the plugin's entry point, delegating every domain method to its facade.

Start-up, shutdown and sessions come from ManagerRuntime; this module only delegates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import MetaData

from sldb.generated.facades.admin import AdminFacade
from sldb.generated.facades.affection import AffectionFacade
from sldb.generated.facades.expression import ExpressionFacade
from sldb.generated.facades.jargon import JargonFacade
from sldb.generated.facades.learning import LearningFacade
from sldb.generated.facades.message import MessageFacade
from sldb.generated.facades.metrics import MetricsFacade
from sldb.generated.facades.persona import PersonaFacade
from sldb.generated.facades.psychological import PsychologicalFacade
from sldb.generated.facades.reinforcement import ReinforcementFacade
from sldb.generated.facades.social import SocialFacade
from sldb.generated.models import Base
from sldb.generated.records.expression import ExpressionPatternRecord
from sldb.generated.records.jargon import JargonRecord
from sldb.generated.records.learning import LearningBatchRecord, LearningSessionRecord
from sldb.generated.records.message import FilteredMessageRecord, RawMessageRecord
from sldb.generated.records.reinforcement import PersonaFusionHistoryRecord
from sldb.generated.shapes.admin import ClearAllResult, ClearResult, DataStatistics, MessagesLearningExport
from sldb.generated.shapes.affection import AffectionView, BotMoodView
from sldb.generated.shapes.expression import ExpressionPatternStatistics, StyleProfileView
from sldb.generated.shapes.jargon import JargonGroup, JargonStatistics
from sldb.generated.shapes.learning import (
    PersonaChangeSnapshotView,
    PersonaReviewView,
    StyleLearningStatistics,
    StylePendingReviewView,
    StyleProgressPoint,
    StyleReviewView,
)
from sldb.generated.shapes.message import (
    GroupMessageStatistics,
    LearningMessage,
    MessageStatistics,
    ReplayMessage,
    SenderStatistics,
    SocialAnalysisGroup,
    TimedMessage,
    UnprocessedMessage,
)
from sldb.generated.shapes.metrics import DetailedMetrics, GroupStatistics, TrendsData
from sldb.generated.shapes.persona import PersonaBackupSummary, PersonaBackupView, PersonaUpdateHistoryEntry
from sldb.generated.shapes.psychological import EmotionProfileView
from sldb.generated.shapes.reinforcement import LearningPerformanceItem, ReinforcementHistoryItem
from sldb.generated.shapes.social import (
    SocialRelationView,
    UserPreferencesView,
    UserProfileView,
    UserSocialRelationsView,
)
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.lifecycle.manager_runtime import ManagerRuntime

# The methods whose facade spec says access: read. They only read (db.reading() or db.snapshot()) and never take
# a write lock; tests/runtime/test_read_paths.py holds every one of them to that.
READ_ONLY_METHODS: frozenset[str] = frozenset(
    {
        "count_pending_persona_updates",
        "count_refined_messages",
        "count_style_learning_patterns",
        "export_messages_learning_data",
        "get_all_expression_patterns",
        "get_all_user_affections",
        "get_approved_few_shots",
        "get_current_bot_mood",
        "get_data_statistics",
        "get_detailed_metrics",
        "get_expression_patterns_statistics",
        "get_filtered_messages_for_learning",
        "get_global_jargon_list",
        "get_group_expression_patterns",
        "get_group_messages_statistics",
        "get_group_statistics",
        "get_group_user_statistics",
        "get_groups_for_social_analysis",
        "get_jargon",
        "get_jargon_by_id",
        "get_jargon_count",
        "get_jargon_groups",
        "get_jargon_statistics",
        "get_learning_batch_history",
        "get_learning_history_for_reinforcement",
        "get_learning_patterns_data",
        "get_learning_performance_history",
        "get_learning_sessions",
        "get_message_statistics",
        "get_messages_by_group_and_timerange",
        "get_messages_by_timerange",
        "get_messages_for_replay",
        "get_messages_statistics",
        "get_pending_persona_learning_reviews",
        "get_pending_persona_update_records",
        "get_pending_style_reviews",
        "get_persona_backup",
        "get_persona_backups",
        "get_persona_change_snapshot",
        "get_persona_fusion_history",
        "get_persona_learning_review_by_id",
        "get_persona_update_history",
        "get_persona_update_record_by_id",
        "get_recent_bot_responses",
        "get_recent_filtered_messages",
        "get_recent_jargon_list",
        "get_recent_learning_batches",
        "get_recent_learning_sessions",
        "get_recent_raw_messages",
        "get_recent_week_expression_patterns",
        "get_reviewed_persona_learning_updates",
        "get_reviewed_persona_update_records",
        "get_reviewed_style_learning_updates",
        "get_social_relations_by_group",
        "get_social_relationships",
        "get_style_learning_statistics",
        "get_style_progress_data",
        "get_total_affection",
        "get_trends_data",
        "get_unprocessed_messages",
        "get_user_affection",
        "get_user_social_relations",
        "load_emotion_profile",
        "load_social_graph",
        "load_style_profile",
        "load_user_preferences",
        "load_user_profile",
        "restore_persona_backup",
        "search_jargon",
    }
)


@dataclass(frozen=True)
class Facades:
    """The facades of one started manager."""

    admin: AdminFacade
    affection: AffectionFacade
    expression: ExpressionFacade
    jargon: JargonFacade
    learning: LearningFacade
    message: MessageFacade
    metrics: MetricsFacade
    persona: PersonaFacade
    psychological: PsychologicalFacade
    reinforcement: ReinforcementFacade
    social: SocialFacade

    @classmethod
    def over(cls, db: Database) -> Facades:
        return cls(
            admin=AdminFacade(db),
            affection=AffectionFacade(db),
            expression=ExpressionFacade(db),
            jargon=JargonFacade(db),
            learning=LearningFacade(db),
            message=MessageFacade(db),
            metrics=MetricsFacade(db),
            persona=PersonaFacade(db),
            psychological=PsychologicalFacade(db),
            reinforcement=ReinforcementFacade(db),
            social=SocialFacade(db),
        )


class SQLAlchemyDatabaseManager(ManagerRuntime[Facades]):
    """Drop-in data layer of the self-learning plugin: start(), then call any domain method."""

    def _build_facades(self, db: Database) -> Facades:
        return Facades.over(db)

    def _metadata(self) -> MetaData:
        return Base.metadata

    async def clear_all_messages_data(
        self,
    ) -> bool:
        """Delete every raw and filtered message, learning batch and reinforcement or performance result."""
        facades = self._require("clear_all_messages_data")
        return await facades.admin.clear_all_messages_data()

    async def export_messages_learning_data(self, group_id: str | None = None) -> MessagesLearningExport:
        """Raw and filtered messages, of one group or of all groups when group_id is empty, ordered by id."""
        facades = self._require("export_messages_learning_data")
        return await facades.admin.export_messages_learning_data(
            group_id=group_id,
        )

    async def clear_messages_data(
        self,
    ) -> ClearResult:
        """Delete all raw, filtered and bot messages and the conversation context derived from them."""
        facades = self._require("clear_messages_data")
        return await facades.admin.clear_messages_data()

    async def clear_persona_reviews_data(
        self,
    ) -> ClearResult:
        """Delete all persona reviews, backups, evolution snapshots, attribute weights and diversity scores."""
        facades = self._require("clear_persona_reviews_data")
        return await facades.admin.clear_persona_reviews_data()

    async def clear_style_learning_data(
        self,
    ) -> ClearResult:
        """Delete all expression patterns, style reviews, profiles, templates, records and exemplars."""
        facades = self._require("clear_style_learning_data")
        return await facades.admin.clear_style_learning_data()

    async def clear_jargon_data(
        self,
    ) -> ClearResult:
        """Delete all jargon and its usage counts."""
        facades = self._require("clear_jargon_data")
        return await facades.admin.clear_jargon_data()

    async def clear_learning_history_data(
        self,
    ) -> ClearResult:
        """Delete all learning batches, sessions, feedback, optimisation logs, performance and reinforcement results."""
        facades = self._require("clear_learning_history_data")
        return await facades.admin.clear_learning_history_data()

    async def clear_memory_data(
        self,
    ) -> ClearResult:
        """Delete all memories, their embeddings and summaries."""
        facades = self._require("clear_memory_data")
        return await facades.admin.clear_memory_data()

    async def clear_knowledge_graph_data(
        self,
    ) -> ClearResult:
        """Delete all knowledge graph entities, relations and paragraph hashes."""
        facades = self._require("clear_knowledge_graph_data")
        return await facades.admin.clear_knowledge_graph_data()

    async def clear_runtime_state_data(
        self,
    ) -> ClearResult:
        """Delete the affection, emotion, social and conversation goal state the learning built up."""
        facades = self._require("clear_runtime_state_data")
        return await facades.admin.clear_runtime_state_data()

    async def clear_all_plugin_data(
        self,
    ) -> ClearAllResult:
        """Clear every data category, each in its own transaction; success only when all succeeded."""
        facades = self._require("clear_all_plugin_data")
        return await facades.admin.clear_all_plugin_data()

    async def get_data_statistics(
        self,
    ) -> DataStatistics:
        """Row counts of each data category that the clear methods delete."""
        facades = self._require("get_data_statistics")
        return await facades.admin.get_data_statistics()

    async def get_user_affection(self, group_id: str, user_id: str) -> AffectionView | None:
        """The user's affection level in the group; None if the user has none."""
        facades = self._require("get_user_affection")
        return await facades.affection.get_user_affection(
            group_id=group_id,
            user_id=user_id,
        )

    async def update_user_affection(
        self, group_id: str, user_id: str, new_level: int, change_reason: str = "", bot_mood: str = ""
    ) -> bool:
        """Set the user's affection level (clamped to 0..max_affection) and record the change as an interaction."""
        facades = self._require("update_user_affection")
        return await facades.affection.update_user_affection(
            group_id=group_id,
            user_id=user_id,
            new_level=new_level,
            change_reason=change_reason,
            bot_mood=bot_mood,
        )

    async def get_all_user_affections(self, group_id: str) -> list[AffectionView]:
        """Every user's affection level in the group, in the order the users were first seen."""
        facades = self._require("get_all_user_affections")
        return await facades.affection.get_all_user_affections(
            group_id=group_id,
        )

    async def get_total_affection(self, group_id: str) -> int:
        """Sum of the affection levels of the group's users, as a plain int (0 for none)."""
        facades = self._require("get_total_affection")
        return await facades.affection.get_total_affection(
            group_id=group_id,
        )

    async def save_bot_mood(
        self, group_id: str, mood_type: str, mood_intensity: float, mood_description: str, duration_hours: int = 24
    ) -> bool:
        """Make this the group's active mood, ending the moods that were active; valid for duration_hours."""
        facades = self._require("save_bot_mood")
        return await facades.affection.save_bot_mood(
            group_id=group_id,
            mood_type=mood_type,
            mood_intensity=mood_intensity,
            mood_description=mood_description,
            duration_hours=duration_hours,
        )

    async def get_current_bot_mood(self, group_id: str) -> BotMoodView | None:
        """The group's active mood started last; None if no mood is active."""
        facades = self._require("get_current_bot_mood")
        return await facades.affection.get_current_bot_mood(
            group_id=group_id,
        )

    async def get_all_expression_patterns(
        self,
    ) -> dict[str, list[ExpressionPatternRecord]]:
        """Up to 1000 expression patterns, heaviest first, grouped by group id (an empty group id is 'global')."""
        facades = self._require("get_all_expression_patterns")
        return await facades.expression.get_all_expression_patterns()

    async def get_expression_patterns_statistics(
        self,
    ) -> ExpressionPatternStatistics:
        """Total expression patterns and the number of distinct groups holding any. Before start: {'total_patterns': 0, 'groups_with_patterns': 0}."""
        facades = self._facades
        if facades is None:
            return {"total_patterns": 0, "groups_with_patterns": 0}
        return await facades.expression.get_expression_patterns_statistics()

    async def get_group_expression_patterns(
        self, group_id: str, limit: int | None = None, persona_id: str = "default", user_id: str | None = None
    ) -> list[ExpressionPatternRecord]:
        """The group's patterns for a persona and user (no user means patterns with no user), heaviest first; limit 100 when not given."""
        facades = self._require("get_group_expression_patterns")
        return await facades.expression.get_group_expression_patterns(
            group_id=group_id,
            limit=limit,
            persona_id=persona_id,
            user_id=user_id,
        )

    async def get_recent_week_expression_patterns(
        self,
        group_id: str | None = None,
        limit: int = 50,
        hours: int = 168,
        persona_id: str = "default",
        user_id: str | None = None,
    ) -> list[ExpressionPatternRecord]:
        """Patterns active in the last `hours` hours for a persona and user, optionally in one group, heaviest first."""
        facades = self._require("get_recent_week_expression_patterns")
        return await facades.expression.get_recent_week_expression_patterns(
            group_id=group_id,
            limit=limit,
            hours=hours,
            persona_id=persona_id,
            user_id=user_id,
        )

    async def load_style_profile(self, profile_name: str) -> StyleProfileView | None:
        """The scores of the named style profile, or None if there is none."""
        facades = self._require("load_style_profile")
        return await facades.expression.load_style_profile(
            profile_name=profile_name,
        )

    async def save_style_profile(self, profile_name: str, profile_data: dict[str, Any]) -> bool:
        """Set the given scores on the named style profile, creating it (other scores empty) if it does not exist."""
        facades = self._require("save_style_profile")
        return await facades.expression.save_style_profile(
            profile_name=profile_name,
            profile_data=profile_data,
        )

    async def save_style_learning_record(self, record_data: dict[str, Any]) -> bool:
        """Append a style learning record; learned patterns are stored as JSON and last_updated is now."""
        facades = self._require("save_style_learning_record")
        return await facades.expression.save_style_learning_record(
            record_data=record_data,
        )

    async def save_language_style_pattern(self, language_style: str, pattern_data: dict[str, Any]) -> bool:
        """Insert a language style pattern with usage 1, or replace its fields and add 1 to its usage if it exists."""
        facades = self._require("save_language_style_pattern")
        return await facades.expression.save_language_style_pattern(
            language_style=language_style,
            pattern_data=pattern_data,
        )

    async def get_jargon(self, chat_id: str, content: str) -> JargonRecord | None:
        """The term of the chat with exactly this content; None if there is none. Before start: None."""
        facades = self._facades
        if facades is None:
            return None
        return await facades.jargon.get_jargon(
            chat_id=chat_id,
            content=content,
        )

    async def insert_jargon(self, jargon_data: dict[str, Any]) -> int | None:
        """Insert a term from its data; when the chat already has the content, the existing id instead. Before start: None."""
        facades = self._facades
        if facades is None:
            return None
        return await facades.jargon.insert_jargon(
            jargon_data=jargon_data,
        )

    async def update_jargon(self, jargon_data: dict[str, Any]) -> bool:
        """Set the given fields on the term with jargon_data['id']; False without an id or a row. Before start: False."""
        facades = self._facades
        if facades is None:
            return False
        return await facades.jargon.update_jargon(
            jargon_data=jargon_data,
        )

    async def get_jargon_statistics(self, group_id: str | None = None) -> JargonStatistics:
        """Candidate, confirmed and completed counts, occurrences, average count and active chats (one chat when group_id is given). Before start: {'total_candidates': 0, 'confirmed_jargon': 0, 'completed_inference': 0, 'total_occurrences': 0, 'average_count': 0.0, 'active_groups': 0}."""
        facades = self._facades
        if facades is None:
            return {
                "total_candidates": 0,
                "confirmed_jargon": 0,
                "completed_inference": 0,
                "total_occurrences": 0,
                "average_count": 0.0,
                "active_groups": 0,
            }
        return await facades.jargon.get_jargon_statistics(
            group_id=group_id,
        )

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
        """Terms newest-updated first, filtered by chat (group_id, or chat_id as its alias) and review/sharing state; one per content. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.jargon.get_recent_jargon_list(
            group_id=group_id,
            chat_id=chat_id,
            limit=limit,
            offset=offset,
            only_confirmed=only_confirmed,
            pending_only=pending_only,
            global_only=global_only,
            local_only=local_only,
        )

    async def get_jargon_count(
        self,
        chat_id: str | None = None,
        only_confirmed: bool = False,
        pending_only: bool = False,
        global_only: bool = False,
        local_only: bool = False,
    ) -> int:
        """How many terms match the filters; across all chats, distinct contents (trimmed, case-insensitive) are counted. Before start: 0."""
        facades = self._facades
        if facades is None:
            return 0
        return await facades.jargon.get_jargon_count(
            chat_id=chat_id,
            only_confirmed=only_confirmed,
            pending_only=pending_only,
            global_only=global_only,
            local_only=local_only,
        )

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
        """Terms whose content contains keyword (case-insensitive), most counted first, filtered by chat and state; one per content. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.jargon.search_jargon(
            keyword=keyword,
            chat_id=chat_id,
            confirmed_only=confirmed_only,
            pending_only=pending_only,
            global_only=global_only,
            local_only=local_only,
            limit=limit,
        )

    async def get_jargon_by_id(self, jargon_id: int) -> JargonRecord | None:
        """The term with this id; None if there is none. Before start: None."""
        facades = self._facades
        if facades is None:
            return None
        return await facades.jargon.get_jargon_by_id(
            jargon_id=jargon_id,
        )

    async def delete_jargon_by_id(self, jargon_id: int) -> bool:
        """Delete the term with this id; whether one was deleted. Before start: False."""
        facades = self._facades
        if facades is None:
            return False
        return await facades.jargon.delete_jargon_by_id(
            jargon_id=jargon_id,
        )

    async def set_jargon_global(self, jargon_id: int, is_global: bool) -> bool:
        """Share the term with every group or stop sharing it; whether the term exists. Before start: False."""
        facades = self._facades
        if facades is None:
            return False
        return await facades.jargon.set_jargon_global(
            jargon_id=jargon_id,
            is_global=is_global,
        )

    async def sync_global_jargon_to_group(self, target_chat_id: str) -> int:
        """Copy confirmed global terms of other chats that the target chat lacks into it, as local confirmed terms; how many were copied. Before start: 0."""
        facades = self._facades
        if facades is None:
            return 0
        return await facades.jargon.sync_global_jargon_to_group(
            target_chat_id=target_chat_id,
        )

    async def save_or_update_jargon(self, chat_id: str, content: str, jargon_data: dict[str, Any]) -> int | None:
        """Upsert the term on (chat_id, content): a completed term keeps its meaning, raw contents and state and adds the count; others take the new values. Before start: None."""
        facades = self._facades
        if facades is None:
            return None
        return await facades.jargon.save_or_update_jargon(
            chat_id=chat_id,
            content=content,
            jargon_data=jargon_data,
        )

    async def get_global_jargon_list(self, limit: int = 100) -> list[JargonRecord]:
        """Confirmed global terms, most counted then newest first. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.jargon.get_global_jargon_list(
            limit=limit,
        )

    async def get_jargon_groups(
        self,
    ) -> list[JargonGroup]:
        """Every chat that has terms, with its term count, most terms first. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.jargon.get_jargon_groups()

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
        """Create a pending persona learning review from review_data, or, without it, from the keyword fields as the plugin's manager accepts them (timestamp defaults to now); its id, 0 on failure. Before start: 0."""
        facades = self._facades
        if facades is None:
            return 0
        return await facades.learning.add_persona_learning_review(
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

    async def save_persona_change_snapshot(self, snapshot_data: dict[str, Any]) -> int:
        """Store the persona before and after an applied review (dialog lists as JSON); the snapshot's id, 0 on failure. Before start: 0."""
        facades = self._facades
        if facades is None:
            return 0
        return await facades.learning.save_persona_change_snapshot(
            snapshot_data=snapshot_data,
        )

    async def get_persona_change_snapshot(self, review_source: str, review_id: str) -> PersonaChangeSnapshotView | None:
        """The latest snapshot (by applied_at) of one review from one source, or None. Before start: None."""
        facades = self._facades
        if facades is None:
            return None
        return await facades.learning.get_persona_change_snapshot(
            review_source=review_source,
            review_id=review_id,
        )

    async def get_pending_persona_update_records(
        self,
    ) -> list[PersonaReviewView]:
        """All pending persona learning reviews, newest first. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.learning.get_pending_persona_update_records()

    async def save_persona_update_record(self, record_data: dict[str, Any]) -> int:
        """Same as add_persona_learning_review; the new review's id, 0 on failure. Before start: 0."""
        facades = self._facades
        if facades is None:
            return 0
        return await facades.learning.save_persona_update_record(
            record_data=record_data,
        )

    async def delete_persona_update_record(self, record_id: int) -> bool:
        """Delete one persona learning review; whether it existed. Before start: False."""
        facades = self._facades
        if facades is None:
            return False
        return await facades.learning.delete_persona_update_record(
            record_id=record_id,
        )

    async def get_persona_update_record_by_id(self, record_id: int) -> PersonaReviewView | None:
        """One persona learning review by id, or None. Before start: None."""
        facades = self._facades
        if facades is None:
            return None
        return await facades.learning.get_persona_update_record_by_id(
            record_id=record_id,
        )

    async def get_reviewed_persona_update_records(
        self, limit: int = 50, offset: int = 0, status_filter: str | None = None
    ) -> list[PersonaReviewView]:
        """Persona learning reviews with the given status (default approved or rejected), most recently reviewed first, paged. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.learning.get_reviewed_persona_update_records(
            limit=limit,
            offset=offset,
            status_filter=status_filter,
        )

    async def update_persona_update_record_status(
        self, record_id: int, status: str, comment: str | None = None, group_id: str | None = None
    ) -> bool:
        """Set a persona learning review's status and comment, review_time now (only within group_id when given); whether it was found. Before start: False."""
        facades = self._facades
        if facades is None:
            return False
        return await facades.learning.update_persona_update_record_status(
            record_id=record_id,
            status=status,
            comment=comment,
            group_id=group_id,
        )

    async def create_style_learning_review(self, review_data: dict[str, Any]) -> int:
        """Create a pending style learning review (learned patterns as JSON); its id, 0 on failure. Before start: 0."""
        facades = self._facades
        if facades is None:
            return 0
        return await facades.learning.create_style_learning_review(
            review_data=review_data,
        )

    async def get_pending_style_reviews(self, limit: int = 50, offset: int = 0) -> list[StylePendingReviewView]:
        """Pending style learning reviews, newest first, paged. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.learning.get_pending_style_reviews(
            limit=limit,
            offset=offset,
        )

    async def get_reviewed_style_learning_updates(
        self, limit: int = 50, offset: int = 0, status_filter: str | None = None
    ) -> list[StyleReviewView]:
        """Style learning reviews with the given status (default approved or rejected), most recently reviewed first, paged. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.learning.get_reviewed_style_learning_updates(
            limit=limit,
            offset=offset,
            status_filter=status_filter,
        )

    async def update_style_review_status(
        self, review_id: int, status: str, reviewer_comment: str = "", group_id: str | None = None
    ) -> bool:
        """Set a style learning review's status and comment, review_time now (only within group_id when given); whether it was found. Before start: False."""
        facades = self._facades
        if facades is None:
            return False
        return await facades.learning.update_style_review_status(
            review_id=review_id,
            status=status,
            reviewer_comment=reviewer_comment,
            group_id=group_id,
        )

    async def update_style_review_metadata(self, review_id: int, metadata_patch: dict[str, Any]) -> bool:
        """Merge metadata_patch into a style learning review's metadata; whether the review exists."""
        facades = self._require("update_style_review_metadata")
        return await facades.learning.update_style_review_metadata(
            review_id=review_id,
            metadata_patch=metadata_patch,
        )

    async def delete_style_review_by_id(self, review_id: int) -> bool:
        """Delete one style learning review; whether it existed. Before start: False."""
        facades = self._facades
        if facades is None:
            return False
        return await facades.learning.delete_style_review_by_id(
            review_id=review_id,
        )

    async def get_approved_few_shots(self, group_id: str, limit: int = 3) -> list[str]:
        """The few-shot texts of the group's approved style reviews that have non-empty few-shot content, newest first, at most limit. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.learning.get_approved_few_shots(
            group_id=group_id,
            limit=limit,
        )

    async def get_pending_persona_learning_reviews(self, limit: int = 50, offset: int = 0) -> list[PersonaReviewView]:
        """Pending persona learning reviews, newest first, paged. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.learning.get_pending_persona_learning_reviews(
            limit=limit,
            offset=offset,
        )

    async def get_reviewed_persona_learning_updates(
        self, limit: int = 50, offset: int = 0, status_filter: str | None = None
    ) -> list[PersonaReviewView]:
        """Same as get_reviewed_persona_update_records. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.learning.get_reviewed_persona_learning_updates(
            limit=limit,
            offset=offset,
            status_filter=status_filter,
        )

    async def delete_persona_learning_review_by_id(self, review_id: int) -> bool:
        """Delete one persona learning review; whether it existed. Before start: False."""
        facades = self._facades
        if facades is None:
            return False
        return await facades.learning.delete_persona_learning_review_by_id(
            review_id=review_id,
        )

    async def get_persona_learning_review_by_id(self, review_id: int) -> PersonaReviewView | None:
        """One persona learning review by id, or None. Before start: None."""
        facades = self._facades
        if facades is None:
            return None
        return await facades.learning.get_persona_learning_review_by_id(
            review_id=review_id,
        )

    async def update_persona_learning_review_status(
        self,
        review_id: int,
        status: str,
        comment: str | None = None,
        modified_content: str | None = None,
        group_id: str | None = None,
    ) -> bool:
        """Set a persona learning review's status and comment, review_time now, and new and proposed content to modified_content when given (only within group_id when given); whether it was found. Before start: False."""
        facades = self._facades
        if facades is None:
            return False
        return await facades.learning.update_persona_learning_review_status(
            review_id=review_id,
            status=status,
            comment=comment,
            modified_content=modified_content,
            group_id=group_id,
        )

    async def update_persona_learning_review_metadata(self, review_id: int, metadata_patch: dict[str, Any]) -> bool:
        """Merge metadata_patch into a persona learning review's metadata; whether the review exists."""
        facades = self._require("update_persona_learning_review_metadata")
        return await facades.learning.update_persona_learning_review_metadata(
            review_id=review_id,
            metadata_patch=metadata_patch,
        )

    async def get_learning_batch_history(
        self, group_id: str | None = None, limit: int = 50
    ) -> list[LearningBatchRecord]:
        """Learning batches, of one group when given, latest start first, at most limit. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.learning.get_learning_batch_history(
            group_id=group_id,
            limit=limit,
        )

    async def get_recent_learning_batches(self, limit: int = 10) -> list[LearningBatchRecord]:
        """The latest learning batches of all groups, latest start first, at most limit. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.learning.get_recent_learning_batches(
            limit=limit,
        )

    async def get_learning_sessions(self, group_id: str) -> list[LearningSessionRecord]:
        """The group's five latest learning sessions, latest start first. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.learning.get_learning_sessions(
            group_id=group_id,
        )

    async def get_recent_learning_sessions(self, days: int = 7) -> list[LearningSessionRecord]:
        """Learning sessions started within the last days, latest start first. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.learning.get_recent_learning_sessions(
            days=days,
        )

    async def save_learning_session_record(self, group_id: str, session_data: dict[str, Any]) -> bool:
        """Insert a learning session by session_id, or update the given end_time, message count, quality and status of the existing one. Before start: False."""
        facades = self._facades
        if facades is None:
            return False
        return await facades.learning.save_learning_session_record(
            group_id=group_id,
            session_data=session_data,
        )

    async def save_learning_performance_record(self, group_id: str, performance_data: dict[str, Any]) -> bool:
        """Append one learning performance record of the group (timestamp in whole seconds, pattern lists as JSON). Before start: False."""
        facades = self._facades
        if facades is None:
            return False
        return await facades.learning.save_learning_performance_record(
            group_id=group_id,
            performance_data=performance_data,
        )

    async def count_pending_persona_updates(
        self,
    ) -> int:
        """How many persona learning reviews are pending. Before start: 0."""
        facades = self._facades
        if facades is None:
            return 0
        return await facades.learning.count_pending_persona_updates()

    async def count_style_learning_patterns(
        self,
    ) -> int:
        """How many style learning patterns are stored. Before start: 0."""
        facades = self._facades
        if facades is None:
            return 0
        return await facades.learning.count_style_learning_patterns()

    async def count_refined_messages(
        self,
    ) -> int:
        """How many filtered (refined) messages are stored. Before start: 0."""
        facades = self._facades
        if facades is None:
            return 0
        return await facades.learning.count_refined_messages()

    async def get_style_learning_statistics(
        self,
    ) -> StyleLearningStatistics:
        """Total, pending and approved counts of style learning reviews. Before start: {'total_reviews': 0, 'pending_reviews': 0, 'approved_reviews': 0}."""
        facades = self._facades
        if facades is None:
            return {"total_reviews": 0, "pending_reviews": 0, "approved_reviews": 0}
        return await facades.learning.get_style_learning_statistics()

    async def get_style_progress_data(self, group_id: str | None = None) -> list[StyleProgressPoint]:
        """The 30 latest scored learning batches (quality set, messages processed), of one group when given, as progress points. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.learning.get_style_progress_data(
            group_id=group_id,
        )

    async def get_learning_patterns_data(self, group_id: str | None = None) -> dict[str, int]:
        """Number of style learning patterns per pattern type, of one group when given. Before start: {}."""
        facades = self._facades
        if facades is None:
            return {}
        return await facades.learning.get_learning_patterns_data(
            group_id=group_id,
        )

    async def save_raw_message(self, message_data: Any) -> int:
        """Store one collected chat message (a dict or an object with attributes); returns its new id."""
        facades = self._require("save_raw_message")
        return await facades.message.save_raw_message(
            message_data=message_data,
        )

    async def save_manual_memory(
        self, group_id: str, user_id: str, content: str, memory_type: str = "manual_remember", importance: int = 9
    ) -> int:
        """Store a memory the user asked the bot to remember; returns its new id."""
        facades = self._require("save_manual_memory")
        return await facades.message.save_manual_memory(
            group_id=group_id,
            user_id=user_id,
            content=content,
            memory_type=memory_type,
            importance=importance,
        )

    async def get_recent_raw_messages(self, group_id: str, limit: int = 200) -> list[RawMessageRecord]:
        """The group's newest raw messages (all groups when group_id is empty), newest first."""
        facades = self._require("get_recent_raw_messages")
        return await facades.message.get_recent_raw_messages(
            group_id=group_id,
            limit=limit,
        )

    async def get_unprocessed_messages(
        self, limit: int | None = None, group_id: str | None = None
    ) -> list[UnprocessedMessage]:
        """Raw messages not yet processed (100 when no limit is given), oldest first, optionally of one group."""
        facades = self._require("get_unprocessed_messages")
        return await facades.message.get_unprocessed_messages(
            limit=limit,
            group_id=group_id,
        )

    async def mark_messages_processed(self, message_ids: list[int]) -> bool:
        """Mark the raw messages with these ids processed; True when the list is empty or a row matched."""
        facades = self._require("mark_messages_processed")
        return await facades.message.mark_messages_processed(
            message_ids=message_ids,
        )

    async def get_messages_by_timerange(
        self, group_id: str, start_time: int, end_time: int, limit: int = 500
    ) -> list[TimedMessage]:
        """The group's raw messages with start_time <= timestamp <= end_time, oldest first."""
        facades = self._require("get_messages_by_timerange")
        return await facades.message.get_messages_by_timerange(
            group_id=group_id,
            start_time=start_time,
            end_time=end_time,
            limit=limit,
        )

    async def get_messages_by_group_and_timerange(
        self, group_id: str, start_time: int, end_time: int, limit: int = 500
    ) -> list[TimedMessage]:
        """The group's raw messages with start_time <= timestamp <= end_time, oldest first."""
        facades = self._require("get_messages_by_group_and_timerange")
        return await facades.message.get_messages_by_group_and_timerange(
            group_id=group_id,
            start_time=start_time,
            end_time=end_time,
            limit=limit,
        )

    async def get_messages_for_replay(self, group_id: str, days: int = 30, limit: int = 100) -> list[ReplayMessage]:
        """The group's processed raw messages of the last days, newest first."""
        facades = self._require("get_messages_for_replay")
        return await facades.message.get_messages_for_replay(
            group_id=group_id,
            days=days,
            limit=limit,
        )

    async def get_recent_filtered_messages(self, group_id: str, limit: int = 20) -> list[FilteredMessageRecord]:
        """The group's newest filtered messages (all groups when group_id is empty), newest first."""
        facades = self._require("get_recent_filtered_messages")
        return await facades.message.get_recent_filtered_messages(
            group_id=group_id,
            limit=limit,
        )

    async def get_filtered_messages_for_learning(self, limit: int = 20) -> list[LearningMessage]:
        """Filtered messages not yet processed, oldest first."""
        facades = self._require("get_filtered_messages_for_learning")
        return await facades.message.get_filtered_messages_for_learning(
            limit=limit,
        )

    async def add_filtered_message(self, filtered_data: dict[str, Any]) -> int:
        """Store a message that passed filtering; returns its new id."""
        facades = self._require("add_filtered_message")
        return await facades.message.add_filtered_message(
            filtered_data=filtered_data,
        )

    async def save_bot_message(self, group_id: str, message: str, timestamp: int | None = None) -> bool:
        """Store a message the bot sent to the group; the timestamp defaults to now."""
        facades = self._require("save_bot_message")
        return await facades.message.save_bot_message(
            group_id=group_id,
            message=message,
            timestamp=timestamp,
        )

    async def get_recent_bot_responses(self, group_id: str, limit: int = 10) -> list[str]:
        """The texts of the bot's newest messages in the group, newest first."""
        facades = self._require("get_recent_bot_responses")
        return await facades.message.get_recent_bot_responses(
            group_id=group_id,
            limit=limit,
        )

    async def get_message_statistics(self, group_id: str | None = None) -> GroupMessageStatistics | MessageStatistics:
        """Message counts of one group, or of all groups when group_id is empty. Before start: {'total_messages': 0, 'raw_messages': 0, 'filtered_messages': 0, 'bot_messages': 0} if not group_id else {'total_messages': 0, 'unprocessed_messages': 0, 'filtered_messages': 0, 'raw_messages': 0, 'group_id': group_id}."""
        facades = self._facades
        if facades is None:
            return (
                {"total_messages": 0, "raw_messages": 0, "filtered_messages": 0, "bot_messages": 0}
                if not group_id
                else {
                    "total_messages": 0,
                    "unprocessed_messages": 0,
                    "filtered_messages": 0,
                    "raw_messages": 0,
                    "group_id": group_id,
                }
            )
        return await facades.message.get_message_statistics(
            group_id=group_id,
        )

    async def get_messages_statistics(
        self,
    ) -> MessageStatistics:
        """Row counts of the raw, filtered and bot message tables. Before start: {'total_messages': 0, 'raw_messages': 0, 'filtered_messages': 0, 'bot_messages': 0}."""
        facades = self._facades
        if facades is None:
            return {"total_messages": 0, "raw_messages": 0, "filtered_messages": 0, "bot_messages": 0}
        return await facades.message.get_messages_statistics()

    async def get_group_messages_statistics(self, group_id: str) -> GroupMessageStatistics | MessageStatistics:
        """Message counts of the group (of all groups when group_id is empty)."""
        facades = self._require("get_group_messages_statistics")
        return await facades.message.get_group_messages_statistics(
            group_id=group_id,
        )

    async def get_group_user_statistics(self, group_id: str) -> dict[str, SenderStatistics]:
        """Raw message counts of the group's 50 most active senders, keyed by sender_id."""
        facades = self._require("get_group_user_statistics")
        return await facades.message.get_group_user_statistics(
            group_id=group_id,
        )

    async def get_groups_for_social_analysis(
        self,
    ) -> list[SocialAnalysisGroup]:
        """Every group with raw messages, with message, distinct sender and social relation counts, busiest first."""
        facades = self._require("get_groups_for_social_analysis")
        return await facades.message.get_groups_for_social_analysis()

    async def save_raw_messages(self, messages: list[dict[str, Any]]) -> list[int]:
        """Store a batch of collected chat messages in one transaction and one insert; returns their ids in input order."""
        facades = self._require("save_raw_messages")
        return await facades.message.save_raw_messages(
            messages=messages,
        )

    async def get_group_statistics(self, group_id: str | None = None) -> GroupStatistics:
        """Counts of raw and filtered messages and of persona and style reviews, in one group or in all."""
        facades = self._require("get_group_statistics")
        return await facades.metrics.get_group_statistics(
            group_id=group_id,
        )

    async def get_detailed_metrics(self, group_id: str | None = None) -> DetailedMetrics:
        """Message counts (raw, filtered, bot) and learning counts (reviews, batches, style patterns), in one group or in all."""
        facades = self._require("get_detailed_metrics")
        return await facades.metrics.get_detailed_metrics(
            group_id=group_id,
        )

    async def get_trends_data(
        self,
    ) -> TrendsData:
        """Raw messages per local day (YYYY-MM-DD) over the last 7 days, oldest day first, and the 10 most recently started learning batches. Before start: {'daily_messages': {}, 'recent_batches': []}."""
        facades = self._facades
        if facades is None:
            return {"daily_messages": {}, "recent_batches": []}
        return await facades.metrics.get_trends_data()

    async def backup_persona(self, group_id: str, backup_data: dict[str, Any]) -> bool:
        """Store a backup of the group's persona (backup_data's group_id wins over group_id); timestamps are now. Before start: False."""
        facades = self._facades
        if facades is None:
            return False
        return await facades.persona.backup_persona(
            group_id=group_id,
            backup_data=backup_data,
        )

    async def get_persona_backups(
        self, group_id: str | int | None = None, limit: int = 10, include_content: bool = False
    ) -> list[PersonaBackupSummary] | list[PersonaBackupView]:
        """Backups newest first (of one group when group_id is given), with content when include_content; an int group_id is the limit (older call form). Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.persona.get_persona_backups(
            group_id=group_id,
            limit=limit,
            include_content=include_content,
        )

    async def restore_persona_backup(
        self, group_id: str | int, backup_id: int | None = None
    ) -> PersonaBackupView | None:
        """The backup's content for the caller to restore; with one argument that argument is the backup id. Before start: None."""
        facades = self._facades
        if facades is None:
            return None
        return await facades.persona.restore_persona_backup(
            group_id=group_id,
            backup_id=backup_id,
        )

    async def get_persona_backup(self, backup_id: int, group_id: str | None = None) -> PersonaBackupView | None:
        """The backup with this id and its content; None if missing or of another group than group_id. Before start: None."""
        facades = self._facades
        if facades is None:
            return None
        return await facades.persona.get_persona_backup(
            backup_id=backup_id,
            group_id=group_id,
        )

    async def delete_persona_backup(self, backup_id: int, group_id: str | None = None) -> bool:
        """Delete the backup with this id (only if of group_id when given); whether one was deleted. Before start: False."""
        facades = self._facades
        if facades is None:
            return False
        return await facades.persona.delete_persona_backup(
            backup_id=backup_id,
            group_id=group_id,
        )

    async def get_persona_update_history(
        self, group_id: str | None = None, limit: int = 50
    ) -> list[PersonaUpdateHistoryEntry]:
        """Persona update reviews newest first (of one group when group_id is given)."""
        facades = self._require("get_persona_update_history")
        return await facades.persona.get_persona_update_history(
            group_id=group_id,
            limit=limit,
        )

    async def load_emotion_profile(self, user_id: str, group_id: str) -> EmotionProfileView | None:
        """The user's emotion profile in the group, JSON fields decoded ({} when empty); None if there is none."""
        facades = self._require("load_emotion_profile")
        return await facades.psychological.load_emotion_profile(
            user_id=user_id,
            group_id=group_id,
        )

    async def save_emotion_profile(self, user_id: str, group_id: str, profile: dict[str, Any]) -> bool:
        """Insert or replace the user's emotion profile in the group; last_updated is now."""
        facades = self._require("save_emotion_profile")
        return await facades.psychological.save_emotion_profile(
            user_id=user_id,
            group_id=group_id,
            profile=profile,
        )

    async def get_learning_history_for_reinforcement(
        self, group_id: str, limit: int = 50
    ) -> list[ReinforcementHistoryItem]:
        """The group's latest learning sessions (newest first) with quality, success and patterns."""
        facades = self._require("get_learning_history_for_reinforcement")
        return await facades.reinforcement.get_learning_history_for_reinforcement(
            group_id=group_id,
            limit=limit,
        )

    async def save_reinforcement_learning_result(self, group_id: str, result_data: dict[str, Any]) -> bool:
        """Store one reinforcement learning result; dict or list fields are stored as JSON text."""
        facades = self._require("save_reinforcement_learning_result")
        return await facades.reinforcement.save_reinforcement_learning_result(
            group_id=group_id,
            result_data=result_data,
        )

    async def get_persona_fusion_history(self, group_id: str, limit: int = 10) -> list[PersonaFusionHistoryRecord]:
        """The group's latest persona fusions, newest first."""
        facades = self._require("get_persona_fusion_history")
        return await facades.reinforcement.get_persona_fusion_history(
            group_id=group_id,
            limit=limit,
        )

    async def save_persona_fusion_result(self, group_id: str, fusion_data: dict[str, Any]) -> bool:
        """Store one persona fusion result; a dict or list fusion_result is stored as JSON text."""
        facades = self._require("save_persona_fusion_result")
        return await facades.reinforcement.save_persona_fusion_result(
            group_id=group_id,
            fusion_data=fusion_data,
        )

    async def get_learning_performance_history(self, group_id: str, limit: int = 30) -> list[LearningPerformanceItem]:
        """The group's latest learning sessions (newest first) with their performance figures. Before start: []."""
        facades = self._facades
        if facades is None:
            return []
        return await facades.reinforcement.get_learning_performance_history(
            group_id=group_id,
            limit=limit,
        )

    async def save_strategy_optimization_result(self, group_id: str, optimization_data: dict[str, Any]) -> bool:
        """Store one strategy optimisation result; dict or list fields are stored as JSON text."""
        facades = self._require("save_strategy_optimization_result")
        return await facades.reinforcement.save_strategy_optimization_result(
            group_id=group_id,
            optimization_data=optimization_data,
        )

    async def load_user_profile(self, qq_id: str) -> UserProfileView | None:
        """The user's profile, JSON fields decoded ([] for nicknames, {} for the others when empty); None if there is none."""
        facades = self._require("load_user_profile")
        return await facades.social.load_user_profile(
            qq_id=qq_id,
        )

    async def save_user_profile(self, qq_id: str, profile_data: dict[str, Any]) -> bool:
        """Insert or replace the user's profile; a missing qq_name keeps the stored one, last_active defaults to now."""
        facades = self._require("save_user_profile")
        return await facades.social.save_user_profile(
            qq_id=qq_id,
            profile_data=profile_data,
        )

    async def load_user_preferences(self, user_id: str, group_id: str) -> UserPreferencesView | None:
        """The user's preferences in the group, JSON fields decoded; None if there are none."""
        facades = self._require("load_user_preferences")
        return await facades.social.load_user_preferences(
            user_id=user_id,
            group_id=group_id,
        )

    async def save_user_preferences(self, user_id: str, group_id: str, prefs: dict[str, Any]) -> bool:
        """Insert or replace the user's preferences in the group; updated_at is now."""
        facades = self._require("save_user_preferences")
        return await facades.social.save_user_preferences(
            user_id=user_id,
            group_id=group_id,
            prefs=prefs,
        )

    async def get_social_relations_by_group(self, group_id: str) -> list[SocialRelationView]:
        """Every relation recorded in the group, oldest first."""
        facades = self._require("get_social_relations_by_group")
        return await facades.social.get_social_relations_by_group(
            group_id=group_id,
        )

    async def get_social_relationships(self, group_id: str) -> list[SocialRelationView]:
        """Same as get_social_relations_by_group."""
        facades = self._require("get_social_relationships")
        return await facades.social.get_social_relationships(
            group_id=group_id,
        )

    async def load_social_graph(self, group_id: str) -> list[SocialRelationView]:
        """Same as get_social_relations_by_group."""
        facades = self._require("load_social_graph")
        return await facades.social.load_social_graph(
            group_id=group_id,
        )

    async def save_social_relation(self, group_id: str, relation_data: dict[str, Any]) -> bool:
        """Record one relation (from_user/to_user or from_user_id/to_user_id), creating the source user's social profile if needed."""
        facades = self._require("save_social_relation")
        return await facades.social.save_social_relation(
            group_id=group_id,
            relation_data=relation_data,
        )

    async def get_user_social_relations(self, group_id: str, user_id: str) -> UserSocialRelationsView:
        """The relations the user takes part in (either side) within the group, oldest first, as full rows."""
        facades = self._require("get_user_social_relations")
        return await facades.social.get_user_social_relations(
            group_id=group_id,
            user_id=user_id,
        )
