"""AdminFacade queries: export and bulk clearing of data categories (spec: schema/facades/admin.yaml)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import Select, Table, select
from sqlalchemy.exc import SQLAlchemyError

from sldb.generated.repositories.affection import (
    AffectionInteractionRepository,
    UserAffectionRepository,
    UserConversationHistoryRepository,
    UserDiversityRepository,
)
from sldb.generated.repositories.conversation_goal import ConversationGoalRepository
from sldb.generated.repositories.exemplar import ExemplarRepository
from sldb.generated.repositories.expression import (
    AdaptiveResponseTemplateRepository,
    ExpressionGenerationResultRepository,
    ExpressionPatternRepository,
    LanguageStylePatternRepository,
    StyleLearningRecordRepository,
    StyleProfileRepository,
)
from sldb.generated.repositories.jargon import JargonRepository, JargonUsageFrequencyRepository
from sldb.generated.repositories.knowledge_graph import (
    KGEntityRepository,
    KGParagraphHashRepository,
    KGRelationRepository,
)
from sldb.generated.repositories.learning import (
    InteractionRecordRepository,
    LearningBatchRepository,
    LearningOptimizationLogRepository,
    LearningReinforcementFeedbackRepository,
    LearningSessionRepository,
    PersonaLearningReviewRepository,
    StyleLearningPatternRepository,
    StyleLearningReviewRepository,
)
from sldb.generated.repositories.memory import MemoryEmbeddingRepository, MemoryRepository, MemorySummaryRepository
from sldb.generated.repositories.message import (
    BotMessageRepository,
    ContextSimilarityCacheRepository,
    ConversationContextRepository,
    ConversationQualityMetricsRepository,
    ConversationTopicClusteringRepository,
    FilteredMessageRepository,
    RawMessageRepository,
)
from sldb.generated.repositories.performance import LearningPerformanceHistoryRepository
from sldb.generated.repositories.psychological import (
    BotMoodRepository,
    CompositePsychologicalStateRepository,
    EmotionProfileRepository,
    PersonaAttributeWeightRepository,
    PersonaBackupRepository,
    PersonaDiversityScoreRepository,
    PersonaEvolutionSnapshotRepository,
    PsychologicalStateComponentRepository,
    PsychologicalStateHistoryRepository,
)
from sldb.generated.repositories.reinforcement import (
    PersonaFusionHistoryRepository,
    ReinforcementLearningResultRepository,
    StrategyOptimizationResultRepository,
)
from sldb.generated.repositories.social_analysis import (
    SocialNetworkEdgeRepository,
    SocialNetworkNodeRepository,
    SocialRelationAnalysisResultRepository,
)
from sldb.generated.repositories.social_relation import (
    SocialRelationHistoryRepository,
    SocialRelationRepository,
    UserPreferencesRepository,
    UserProfileRepository,
    UserSocialProfileRepository,
    UserSocialRelationComponentRepository,
)
from sldb.generated.shapes.admin import (
    ClearAllResult,
    ClearResult,
    DataStatistics,
    MessagesLearningExport,
    exported_filtered_message,
    exported_raw_message,
)
from sldb.handwritten.facades.counts import count_rows
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.failures.report import log_failure
from sldb.handwritten.runtime.queries.crud import read_one, records
from sldb.handwritten.tables import counters
from sldb.handwritten.tables.counter_readiness import counters_ready

_RAW = RawMessageRepository.table
_FILTERED = FilteredMessageRepository.table

# Each category lists child tables before the tables their foreign keys point to.
_MESSAGE_TABLES: tuple[Table, ...] = (
    RawMessageRepository.table,
    FilteredMessageRepository.table,
    ConversationQualityMetricsRepository.table,
    BotMessageRepository.table,
    ConversationContextRepository.table,
    ConversationTopicClusteringRepository.table,
    ContextSimilarityCacheRepository.table,
)
_PERSONA_REVIEW_TABLES: tuple[Table, ...] = (
    PersonaLearningReviewRepository.table,
    PersonaBackupRepository.table,
    PersonaEvolutionSnapshotRepository.table,
    PersonaAttributeWeightRepository.table,
    PersonaDiversityScoreRepository.table,
)
_STYLE_LEARNING_TABLES: tuple[Table, ...] = (
    ExpressionGenerationResultRepository.table,
    ExpressionPatternRepository.table,
    StyleLearningReviewRepository.table,
    StyleLearningPatternRepository.table,
    AdaptiveResponseTemplateRepository.table,
    StyleProfileRepository.table,
    StyleLearningRecordRepository.table,
    LanguageStylePatternRepository.table,
    ExemplarRepository.table,
)
_JARGON_TABLES: tuple[Table, ...] = (JargonUsageFrequencyRepository.table, JargonRepository.table)
_LEARNING_HISTORY_TABLES: tuple[Table, ...] = (
    LearningBatchRepository.table,
    LearningSessionRepository.table,
    LearningReinforcementFeedbackRepository.table,
    LearningOptimizationLogRepository.table,
    LearningPerformanceHistoryRepository.table,
    ReinforcementLearningResultRepository.table,
    PersonaFusionHistoryRepository.table,
    StrategyOptimizationResultRepository.table,
    InteractionRecordRepository.table,
)
_MEMORY_TABLES: tuple[Table, ...] = (
    MemoryEmbeddingRepository.table,
    MemorySummaryRepository.table,
    MemoryRepository.table,
)
_KNOWLEDGE_GRAPH_TABLES: tuple[Table, ...] = (
    KGParagraphHashRepository.table,
    KGRelationRepository.table,
    KGEntityRepository.table,
)
_RUNTIME_STATE_TABLES: tuple[Table, ...] = (
    AffectionInteractionRepository.table,
    UserAffectionRepository.table,
    UserConversationHistoryRepository.table,
    UserDiversityRepository.table,
    PsychologicalStateComponentRepository.table,
    CompositePsychologicalStateRepository.table,
    PsychologicalStateHistoryRepository.table,
    EmotionProfileRepository.table,
    BotMoodRepository.table,
    UserSocialRelationComponentRepository.table,
    UserSocialProfileRepository.table,
    SocialRelationHistoryRepository.table,
    SocialRelationRepository.table,
    SocialNetworkEdgeRepository.table,
    SocialNetworkNodeRepository.table,
    SocialRelationAnalysisResultRepository.table,
    UserPreferencesRepository.table,
    UserProfileRepository.table,
    ConversationGoalRepository.table,
)
_ALL_MESSAGES_TABLES: tuple[Table, ...] = (
    FilteredMessageRepository.table,
    RawMessageRepository.table,
    LearningBatchRepository.table,
    ReinforcementLearningResultRepository.table,
    PersonaFusionHistoryRepository.table,
    StrategyOptimizationResultRepository.table,
    LearningPerformanceHistoryRepository.table,
)

# The categories in the order clear_all_plugin_data clears them; also the keys of get_data_statistics.
_CATEGORIES: dict[str, tuple[Table, ...]] = {
    "messages": _MESSAGE_TABLES,
    "persona_reviews": _PERSONA_REVIEW_TABLES,
    "style_learning": _STYLE_LEARNING_TABLES,
    "jargon": _JARGON_TABLES,
    "learning_history": _LEARNING_HISTORY_TABLES,
    "memory": _MEMORY_TABLES,
    "knowledge_graph": _KNOWLEDGE_GRAPH_TABLES,
    "runtime_state": _RUNTIME_STATE_TABLES,
}


async def _delete_all(db: Database, tables: tuple[Table, ...]) -> int:
    """Delete every row of tables in one transaction; the number of rows deleted."""
    async with db.transaction() as conn:
        return await counters.clear_counted(conn, tables)


async def _clear(db: Database, tables: tuple[Table, ...]) -> ClearResult:
    return {"success": True, "deleted": await _delete_all(db, tables)}


async def clear_all_messages_data(db: Database) -> bool:
    await _delete_all(db, _ALL_MESSAGES_TABLES)
    return True


async def export_messages_learning_data(db: Database, *, group_id: str | None) -> MessagesLearningExport:
    (_, raw_stmt, raw_key, raw_into), (_, filtered_stmt, filtered_key, filtered_into) = _export_statements(group_id)
    # One snapshot: a filtered message exported is the one of a raw message exported with it.
    async with db.snapshot() as conn:
        raw_rows = await records(conn, raw_stmt.order_by(raw_key), raw_into)
        filtered_rows = await records(conn, filtered_stmt.order_by(filtered_key), filtered_into)
    return {"raw_messages": raw_rows, "filtered_messages": filtered_rows}


EXPORT_BATCH = 5000


def _export_statements(group_id: str | None) -> list[tuple[str, Select[Any], Any, Any]]:
    raw_stmt = select(_RAW.c.id, _RAW.c.sender_id, _RAW.c.message, _RAW.c.group_id, _RAW.c.timestamp)
    filtered_stmt = select(
        _FILTERED.c.id, _FILTERED.c.message, _FILTERED.c.group_id, _FILTERED.c.confidence, _FILTERED.c.timestamp
    )
    if group_id:
        raw_stmt = raw_stmt.where(_RAW.c.group_id == group_id)
        filtered_stmt = filtered_stmt.where(_FILTERED.c.group_id == group_id)
    return [
        ("raw_messages", raw_stmt, _RAW.c.id, exported_raw_message),
        ("filtered_messages", filtered_stmt, _FILTERED.c.id, exported_filtered_message),
    ]


async def stream_messages_learning_data(
    db: Database, *, group_id: str | None, batch: int = EXPORT_BATCH
) -> AsyncIterator[tuple[str, list[Any]]]:
    """export_messages_learning_data's rows in id order, `batch` at a time, from one snapshot (sldb export).

    Yields ("raw_messages", rows) batches, then ("filtered_messages", rows) batches. Each batch is one keyset
    read (`id > last ORDER BY id LIMIT batch`, an index range), so memory stays bounded whatever the tables hold.
    """
    async with db.snapshot() as conn:
        for name, stmt, key, into in _export_statements(group_id):
            last: int | None = None
            while True:
                page_stmt = stmt if last is None else stmt.where(key > last)
                rows = await records(conn, page_stmt.order_by(key).limit(batch), into)
                if not rows:
                    break
                yield name, rows
                if len(rows) < batch:
                    break
                last = int(rows[-1]["id"])


async def clear_messages_data(db: Database) -> ClearResult:
    return await _clear(db, _MESSAGE_TABLES)


async def clear_persona_reviews_data(db: Database) -> ClearResult:
    return await _clear(db, _PERSONA_REVIEW_TABLES)


async def clear_style_learning_data(db: Database) -> ClearResult:
    return await _clear(db, _STYLE_LEARNING_TABLES)


async def clear_jargon_data(db: Database) -> ClearResult:
    return await _clear(db, _JARGON_TABLES)


async def clear_learning_history_data(db: Database) -> ClearResult:
    return await _clear(db, _LEARNING_HISTORY_TABLES)


async def clear_memory_data(db: Database) -> ClearResult:
    return await _clear(db, _MEMORY_TABLES)


async def clear_knowledge_graph_data(db: Database) -> ClearResult:
    return await _clear(db, _KNOWLEDGE_GRAPH_TABLES)


async def clear_runtime_state_data(db: Database) -> ClearResult:
    return await _clear(db, _RUNTIME_STATE_TABLES)


async def clear_all_plugin_data(db: Database) -> ClearAllResult:
    details: dict[str, ClearResult] = {}
    for name, tables in _CATEGORIES.items():
        # One category failing must not stop the others from being cleared.
        try:
            details[name] = await _clear(db, tables)
        except SQLAlchemyError as exc:
            log_failure(f"clear_all_plugin_data[{name}]", exc)
            details[name] = {"success": False, "deleted": 0}
    return {
        "success": all(result["success"] for result in details.values()),
        "deleted": sum(result["deleted"] for result in details.values()),
        "details": details,
    }


async def get_data_statistics(db: Database) -> DataStatistics:
    tables = [(name, table) for name, group in _CATEGORIES.items() for table in group]
    ready = await counters_ready(db)
    row = await read_one(db, select(*(count_rows(t, counters=ready) for _, t in tables)))  # counts of one moment
    counts = dict.fromkeys(_CATEGORIES, 0)
    for (name, _), n in zip(tables, row, strict=True):
        counts[name] += int(n or 0)
    return {
        "messages": counts["messages"],
        "persona_reviews": counts["persona_reviews"],
        "style_learning": counts["style_learning"],
        "jargon": counts["jargon"],
        "learning_history": counts["learning_history"],
        "memory": counts["memory"],
        "knowledge_graph": counts["knowledge_graph"],
        "runtime_state": counts["runtime_state"],
    }
