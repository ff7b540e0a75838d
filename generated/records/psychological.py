# Generated from schema/psychological.yaml by codegen. Do not edit.
"""Typed records of the psychological domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypedDict

from sldb.handwritten.runtime.values.records import iso_datetime


class BotMoodRecord(TypedDict):
    """A row of bot_mood; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    mood_type: str | None
    mood_intensity: float | None
    mood_description: str | None
    timestamp: float | None
    start_time: float | None
    end_time: float | None
    is_active: int | None
    created_at: str | None


class BotMoodValues(TypedDict, total=False):
    """Column values to insert into or update in bot_mood."""

    id: int | None
    group_id: str
    mood_type: str
    mood_intensity: float | None
    mood_description: str | None
    timestamp: float
    start_time: float
    end_time: float | None
    is_active: int | None
    created_at: datetime.datetime | None


def bot_mood_record(row: Mapping[Any, Any]) -> BotMoodRecord:
    """The record of one bot_mood row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "mood_type": row["mood_type"],
        "mood_intensity": row["mood_intensity"],
        "mood_description": row["mood_description"],
        "timestamp": row["timestamp"],
        "start_time": row["start_time"],
        "end_time": row["end_time"],
        "is_active": row["is_active"],
        "created_at": iso_datetime(row["created_at"]),
    }


class CompositePsychologicalStateRecord(TypedDict):
    """A row of composite_psychological_states; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    user_id: str
    state_id: str | None
    overall_state: str
    state_intensity: float | None
    last_transition_time: int | None
    triggering_events: str | None
    context: str | None
    created_at: int | None
    last_updated: int | None


class CompositePsychologicalStateValues(TypedDict, total=False):
    """Column values to insert into or update in composite_psychological_states."""

    id: int | None
    group_id: str
    user_id: str
    state_id: str
    overall_state: str
    state_intensity: float
    last_transition_time: int | None
    triggering_events: str | None
    context: str | None
    created_at: int
    last_updated: int


def composite_psychological_state_record(row: Mapping[Any, Any]) -> CompositePsychologicalStateRecord:
    """The record of one composite_psychological_states row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "user_id": row["user_id"],
        "state_id": row["state_id"],
        "overall_state": row["overall_state"],
        "state_intensity": row["state_intensity"],
        "last_transition_time": row["last_transition_time"],
        "triggering_events": row["triggering_events"],
        "context": row["context"],
        "created_at": row["created_at"],
        "last_updated": row["last_updated"],
    }


class EmotionProfileRecord(TypedDict):
    """A row of emotion_profiles; date-times as ISO 8601 text."""

    id: int
    user_id: str | None
    group_id: str | None
    dominant_emotions: str | None
    emotion_patterns: str | None
    empathy_level: float | None
    emotional_stability: float | None
    last_updated: float | None
    created_at: str | None


class EmotionProfileValues(TypedDict, total=False):
    """Column values to insert into or update in emotion_profiles."""

    id: int | None
    user_id: str
    group_id: str
    dominant_emotions: str | None
    emotion_patterns: str | None
    empathy_level: float | None
    emotional_stability: float | None
    last_updated: float
    created_at: datetime.datetime | None


def emotion_profile_record(row: Mapping[Any, Any]) -> EmotionProfileRecord:
    """The record of one emotion_profiles row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "user_id": row["user_id"],
        "group_id": row["group_id"],
        "dominant_emotions": row["dominant_emotions"],
        "emotion_patterns": row["emotion_patterns"],
        "empathy_level": row["empathy_level"],
        "emotional_stability": row["emotional_stability"],
        "last_updated": row["last_updated"],
        "created_at": iso_datetime(row["created_at"]),
    }


class PersonaAttributeWeightRecord(TypedDict):
    """A row of persona_attribute_weights; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    persona_id: str | None
    attribute_name: str | None
    weight: float | None
    adjustment_reason: str | None
    updated_at: float | None
    created_at: str | None


class PersonaAttributeWeightValues(TypedDict, total=False):
    """Column values to insert into or update in persona_attribute_weights."""

    id: int | None
    group_id: str
    persona_id: str
    attribute_name: str
    weight: float
    adjustment_reason: str | None
    updated_at: float
    created_at: datetime.datetime | None


def persona_attribute_weight_record(row: Mapping[Any, Any]) -> PersonaAttributeWeightRecord:
    """The record of one persona_attribute_weights row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "persona_id": row["persona_id"],
        "attribute_name": row["attribute_name"],
        "weight": row["weight"],
        "adjustment_reason": row["adjustment_reason"],
        "updated_at": row["updated_at"],
        "created_at": iso_datetime(row["created_at"]),
    }


class PersonaBackupRecord(TypedDict):
    """A row of persona_backups; date-times as ISO 8601 text."""

    id: int
    group_id: str
    backup_name: str | None
    timestamp: float | None
    reason: str | None
    persona_config: str | None
    original_persona: str | None
    imitation_dialogues: str | None
    backup_reason: str | None
    backup_time: float | None
    persona_content: str | None
    created_at: str | None


class PersonaBackupValues(TypedDict, total=False):
    """Column values to insert into or update in persona_backups."""

    id: int | None
    group_id: str
    backup_name: str
    timestamp: float
    reason: str | None
    persona_config: str | None
    original_persona: str | None
    imitation_dialogues: str | None
    backup_reason: str | None
    backup_time: float | None
    persona_content: str | None
    created_at: datetime.datetime | None


def persona_backup_record(row: Mapping[Any, Any]) -> PersonaBackupRecord:
    """The record of one persona_backups row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "backup_name": row["backup_name"],
        "timestamp": row["timestamp"],
        "reason": row["reason"],
        "persona_config": row["persona_config"],
        "original_persona": row["original_persona"],
        "imitation_dialogues": row["imitation_dialogues"],
        "backup_reason": row["backup_reason"],
        "backup_time": row["backup_time"],
        "persona_content": row["persona_content"],
        "created_at": iso_datetime(row["created_at"]),
    }


class PersonaDiversityScoreRecord(TypedDict):
    """A row of persona_diversity_scores; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    persona_id: str | None
    diversity_dimension: str | None
    score: float | None
    calculated_at: float | None
    created_at: str | None


class PersonaDiversityScoreValues(TypedDict, total=False):
    """Column values to insert into or update in persona_diversity_scores."""

    id: int | None
    group_id: str
    persona_id: str
    diversity_dimension: str
    score: float
    calculated_at: float
    created_at: datetime.datetime | None


def persona_diversity_score_record(row: Mapping[Any, Any]) -> PersonaDiversityScoreRecord:
    """The record of one persona_diversity_scores row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "persona_id": row["persona_id"],
        "diversity_dimension": row["diversity_dimension"],
        "score": row["score"],
        "calculated_at": row["calculated_at"],
        "created_at": iso_datetime(row["created_at"]),
    }


class PersonaEvolutionSnapshotRecord(TypedDict):
    """A row of persona_evolution_snapshots; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    persona_id: str | None
    snapshot_data: str | None
    version: int | None
    snapshot_timestamp: float | None
    trigger_event: str | None
    created_at: str | None


class PersonaEvolutionSnapshotValues(TypedDict, total=False):
    """Column values to insert into or update in persona_evolution_snapshots."""

    id: int | None
    group_id: str
    persona_id: str
    snapshot_data: str
    version: int
    snapshot_timestamp: float
    trigger_event: str | None
    created_at: datetime.datetime | None


def persona_evolution_snapshot_record(row: Mapping[Any, Any]) -> PersonaEvolutionSnapshotRecord:
    """The record of one persona_evolution_snapshots row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "persona_id": row["persona_id"],
        "snapshot_data": row["snapshot_data"],
        "version": row["version"],
        "snapshot_timestamp": row["snapshot_timestamp"],
        "trigger_event": row["trigger_event"],
        "created_at": iso_datetime(row["created_at"]),
    }


class PsychologicalStateComponentRecord(TypedDict):
    """A row of psychological_state_components; date-times as ISO 8601 text."""

    id: int
    composite_state_id: int | None
    group_id: str | None
    state_id: str | None
    category: str | None
    state_type: str | None
    value: float | None
    threshold: float | None
    description: str | None
    start_time: int | None


class PsychologicalStateComponentValues(TypedDict, total=False):
    """Column values to insert into or update in psychological_state_components."""

    id: int | None
    composite_state_id: int | None
    group_id: str
    state_id: str
    category: str
    state_type: str
    value: float
    threshold: float
    description: str | None
    start_time: int


def psychological_state_component_record(row: Mapping[Any, Any]) -> PsychologicalStateComponentRecord:
    """The record of one psychological_state_components row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "composite_state_id": row["composite_state_id"],
        "group_id": row["group_id"],
        "state_id": row["state_id"],
        "category": row["category"],
        "state_type": row["state_type"],
        "value": row["value"],
        "threshold": row["threshold"],
        "description": row["description"],
        "start_time": row["start_time"],
    }


class PsychologicalStateHistoryRecord(TypedDict):
    """A row of psychological_state_history; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    state_id: str | None
    category: str | None
    old_state_type: str | None
    new_state_type: str | None
    old_value: float | None
    new_value: float | None
    change_reason: str | None
    timestamp: int | None


class PsychologicalStateHistoryValues(TypedDict, total=False):
    """Column values to insert into or update in psychological_state_history."""

    id: int | None
    group_id: str
    state_id: str
    category: str
    old_state_type: str | None
    new_state_type: str
    old_value: float | None
    new_value: float
    change_reason: str | None
    timestamp: int


def psychological_state_history_record(row: Mapping[Any, Any]) -> PsychologicalStateHistoryRecord:
    """The record of one psychological_state_history row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "state_id": row["state_id"],
        "category": row["category"],
        "old_state_type": row["old_state_type"],
        "new_state_type": row["new_state_type"],
        "old_value": row["old_value"],
        "new_value": row["new_value"],
        "change_reason": row["change_reason"],
        "timestamp": row["timestamp"],
    }
