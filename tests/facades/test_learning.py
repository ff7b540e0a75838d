"""LearningFacade behaviour through the manager, on every backend."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from sqlalchemy import select

from sldb.generated.repositories.learning import (
    LearningBatchRepository,
    LearningSessionRepository,
    StyleLearningPatternRepository,
    StyleLearningReviewRepository,
)
from sldb.generated.repositories.message import FilteredMessageRepository
from sldb.generated.repositories.performance import LearningPerformanceHistoryRepository


def _persona(group: str = "g1", **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "group_id": group,
        "update_type": "speaking_style",
        "original_content": "old",
        "new_content": "new",
        "proposed_content": "proposed",
        "confidence_score": 0.8,
        "reason": "because",
    }
    data.update(extra)
    return data


def _style(group: str = "g1", **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "type": "style_learning",
        "group_id": group,
        "learned_patterns": [{"pattern": "喵"}],
        "few_shots_content": "A: hi\nB: 喵",
        "description": "desc",
    }
    data.update(extra)
    return data


# ---------------------------------------------------------------- persona reviews


async def test_persona_review_round_trip(db: Any) -> None:
    review_id = await db.add_persona_learning_review(_persona(timestamp=100.5, metadata={"k": "値"}))
    assert review_id > 0
    got = await db.get_persona_learning_review_by_id(review_id)
    assert got == {
        "id": review_id,
        "timestamp": 100.5,
        "group_id": "g1",
        "update_type": "speaking_style",
        "original_content": "old",
        "new_content": "new",
        "proposed_content": "proposed",
        "confidence_score": 0.8,
        "reason": "because",
        "status": "pending",
        "reviewer_comment": None,
        "review_time": None,
        "metadata": {"k": "値"},
    }
    assert await db.get_persona_update_record_by_id(review_id) == got
    assert await db.get_persona_learning_review_by_id(review_id + 1000) is None


async def test_persona_review_defaults_and_none_data(db: Any) -> None:
    before = time.time()
    review_id = await db.add_persona_learning_review(None)
    got = await db.get_persona_update_record_by_id(review_id)
    assert got is not None
    assert got["group_id"] == "" and got["update_type"] == ""
    assert got["metadata"] == {} and got["status"] == "pending"
    assert got["timestamp"] >= before - 1
    iso_id = await db.save_persona_update_record(_persona(timestamp="2024-01-02T03:04:05+00:00", group_id=None))
    iso = await db.get_persona_update_record_by_id(iso_id)
    assert iso is not None
    assert iso["timestamp"] == 1704164645.0
    assert iso["group_id"] == ""


async def test_pending_persona_lists_order_and_paging(db: Any) -> None:
    a = await db.add_persona_learning_review(_persona(timestamp=10.0))
    b = await db.add_persona_learning_review(_persona(timestamp=30.0))
    c = await db.add_persona_learning_review(_persona(timestamp=30.0))
    d = await db.add_persona_learning_review(_persona(timestamp=20.0))
    assert await db.update_persona_learning_review_status(d, "approved")
    pending = await db.get_pending_persona_update_records()
    assert [r["id"] for r in pending] == [c, b, a]
    paged = await db.get_pending_persona_learning_reviews(limit=2, offset=1)
    assert [r["id"] for r in paged] == [b, a]
    assert [r["id"] for r in await db.get_pending_persona_learning_reviews(limit=-1, offset=-5)] == [c, b, a]
    assert await db.count_pending_persona_updates() == 3


async def test_persona_status_updates_and_reviewed_lists(db: Any) -> None:
    a = await db.add_persona_learning_review(_persona("g1"))
    b = await db.add_persona_learning_review(_persona("g2"))
    c = await db.add_persona_learning_review(_persona("g1"))
    await db.add_persona_learning_review(_persona("g1"))  # stays pending
    assert await db.get_reviewed_persona_update_records() == []

    assert await db.update_persona_update_record_status(a, "approved", "ok")
    assert not await db.update_persona_update_record_status(b, "approved", "ok", "g1")  # other group
    assert await db.update_persona_update_record_status(b, "rejected", None, "g2")
    assert await db.update_persona_learning_review_status(c, "approved", "edited", "better text")
    assert not await db.update_persona_learning_review_status(c + 1000, "approved")

    got_a = await db.get_persona_update_record_by_id(a)
    assert got_a["status"] == "approved" and got_a["reviewer_comment"] == "ok"
    assert got_a["review_time"] is not None
    got_c = await db.get_persona_learning_review_by_id(c)
    assert got_c["new_content"] == "better text" and got_c["proposed_content"] == "better text"
    assert got_c["reviewer_comment"] == "edited"
    got_b = await db.get_persona_learning_review_by_id(b)
    assert got_b["status"] == "rejected" and got_b["reviewer_comment"] is None

    reviewed = await db.get_reviewed_persona_learning_updates()
    assert {r["id"] for r in reviewed} == {a, b, c}
    times = [r["review_time"] for r in reviewed]
    assert times == sorted(times, reverse=True)
    approved = await db.get_reviewed_persona_update_records(status_filter="approved")
    assert {r["id"] for r in approved} == {a, c}
    assert len(await db.get_reviewed_persona_update_records(limit=1, offset=2)) == 1
    pending = await db.get_reviewed_persona_learning_updates(status_filter="pending")
    assert [r["status"] for r in pending] == ["pending"]


async def test_persona_metadata_patch_and_delete(db: Any) -> None:
    rid = await db.add_persona_learning_review(_persona(metadata={"a": 1, "b": 2}))
    assert await db.update_persona_learning_review_metadata(rid, {"b": 3, "c": [1, "二"]})
    got = await db.get_persona_learning_review_by_id(rid)
    assert got["metadata"] == {"a": 1, "b": 3, "c": [1, "二"]}
    assert not await db.update_persona_learning_review_metadata(rid + 1000, {"x": 1})

    assert await db.delete_persona_update_record(rid)
    assert not await db.delete_persona_update_record(rid)
    other = await db.add_persona_learning_review(_persona())
    assert await db.delete_persona_learning_review_by_id(other)
    assert await db.get_persona_learning_review_by_id(other) is None
    assert await db.count_pending_persona_updates() == 0


async def test_concurrent_metadata_patches_keep_every_key(db: Any) -> None:
    rid = await db.add_persona_learning_review(_persona())
    results = await asyncio.gather(*(db.update_persona_learning_review_metadata(rid, {f"k{i}": i}) for i in range(5)))
    assert all(results)
    got = await db.get_persona_learning_review_by_id(rid)
    assert got["metadata"] == {f"k{i}": i for i in range(5)}


# ---------------------------------------------------------------- snapshots


async def test_persona_change_snapshot_latest_wins(db: Any) -> None:
    assert await db.get_persona_change_snapshot("persona_learning", "7") is None
    first = await db.save_persona_change_snapshot(
        {"review_id": 7, "review_source": "persona_learning", "applied_at": 100.0, "before_system_prompt": "old"}
    )
    second = await db.save_persona_change_snapshot(
        {
            "review_id": "7",
            "review_source": "persona_learning",
            "applied_persona_id": "p1",
            "applied_at": 200.0,
            "before_system_prompt": "old",
            "after_system_prompt": "新",
            "before_begin_dialogs": ["a"],
            "after_begin_dialogs": ["a", "b"],
            "affected_fields": ["system_prompt"],
        }
    )
    await db.save_persona_change_snapshot({"review_id": "7", "review_source": "style_learning", "applied_at": 300.0})
    assert first > 0 and second > first
    got = await db.get_persona_change_snapshot("persona_learning", "7")
    assert got == {
        "id": second,
        "review_id": "7",
        "review_source": "persona_learning",
        "applied_persona_id": "p1",
        "applied_at": 200.0,
        "before_system_prompt": "old",
        "after_system_prompt": "新",
        "before_begin_dialogs": ["a"],
        "after_begin_dialogs": ["a", "b"],
        "affected_fields": ["system_prompt"],
    }
    older = await db.get_persona_change_snapshot("style_learning", "7")
    assert older["before_system_prompt"] == "" and older["before_begin_dialogs"] == []


# ---------------------------------------------------------------- style reviews


async def test_style_review_round_trip_and_pending(db: Any) -> None:
    a = await db.create_style_learning_review(_style(timestamp=10.0, metadata={"m": 1}))
    b = await db.create_style_learning_review(_style(timestamp=20.0, learned_patterns="not json"))
    c = await db.create_style_learning_review(_style(timestamp=20.0, learned_patterns=None))
    pending = await db.get_pending_style_reviews()
    assert [r["id"] for r in pending] == [c, b, a]
    first = pending[2]
    assert first == {
        "id": a,
        "type": "style_learning",
        "group_id": "g1",
        "timestamp": 10.0,
        "learned_patterns": [{"pattern": "喵"}],
        "few_shots_content": "A: hi\nB: 喵",
        "status": "pending",
        "description": "desc",
        "reviewer_comment": None,
        "review_time": None,
        "created_at": None,
        "metadata": {"m": 1},
    }
    assert pending[1]["learned_patterns"] == "not json"
    assert pending[0]["learned_patterns"] == [] and pending[0]["metadata"] == {}
    assert [r["id"] for r in await db.get_pending_style_reviews(limit=1, offset=1)] == [b]


async def test_style_status_flow_statistics_and_delete(db: Any) -> None:
    assert await db.get_style_learning_statistics() == {"total_reviews": 0, "pending_reviews": 0, "approved_reviews": 0}
    a = await db.create_style_learning_review(_style("g1"))
    b = await db.create_style_learning_review(_style("g2"))
    c = await db.create_style_learning_review(_style("g1"))
    assert await db.update_style_review_status(a, "approved")
    assert not await db.update_style_review_status(b, "approved", "x", "g1")
    assert await db.update_style_review_status(b, "rejected", "no", "g2")
    assert not await db.update_style_review_status(c + 1000, "approved")

    reviewed = await db.get_reviewed_style_learning_updates()
    assert {r["id"] for r in reviewed} == {a, b}
    assert "created_at" not in reviewed[0]
    rejected = await db.get_reviewed_style_learning_updates(status_filter="rejected")
    assert [(r["id"], r["reviewer_comment"]) for r in rejected] == [(b, "no")]
    approved = await db.get_reviewed_style_learning_updates(status_filter="approved")
    assert approved[0]["reviewer_comment"] == "" and approved[0]["review_time"] is not None
    assert await db.get_style_learning_statistics() == {"total_reviews": 3, "pending_reviews": 1, "approved_reviews": 1}

    assert await db.update_style_review_metadata(c, {"snapshot": {"x": 1}})
    assert await db.update_style_review_metadata(c, {"y": 2})
    pending = await db.get_pending_style_reviews()
    assert pending[0]["metadata"] == {"snapshot": {"x": 1}, "y": 2}
    assert not await db.update_style_review_metadata(c + 1000, {"y": 2})

    assert await db.delete_style_review_by_id(c)
    assert not await db.delete_style_review_by_id(c)
    assert await db.get_pending_style_reviews() == []


async def test_approved_few_shots_selection(db: Any) -> None:
    assert await db.get_approved_few_shots("g1") == []
    ids = []
    for ts, content, group in [
        (1.0, "oldest", "g1"),
        (2.0, "second", "g1"),
        (3.0, "", "g1"),
        (4.0, "third", "g1"),
        (5.0, "other group", "g2"),
        (6.0, " ", "g1"),
        (7.0, "newest", "g1"),
    ]:
        ids.append(await db.create_style_learning_review(_style(group, timestamp=ts, few_shots_content=content)))
    none_id = await db.create_style_learning_review(_style("g1", timestamp=8.0))
    async with db.transaction() as session:
        table = StyleLearningReviewRepository.table
        await session.execute(table.update().where(table.c.id == none_id).values(few_shots_content=None))
    not_approved = await db.create_style_learning_review(_style("g1", timestamp=9.0, few_shots_content="pending"))
    for rid in [*ids, none_id]:
        assert await db.update_style_review_status(rid, "approved")
    await db.update_style_review_status(not_approved, "rejected")

    assert await db.get_approved_few_shots("g1") == ["newest", " ", "third"]
    assert await db.get_approved_few_shots("g1", 10) == ["newest", " ", "third", "second", "oldest"]
    assert await db.get_approved_few_shots("g1", 0) == []
    assert await db.get_approved_few_shots("g2") == ["other group"]


# ---------------------------------------------------------------- batches and sessions


async def _add_batch(db: Any, name: str, group: str, start: float, **extra: Any) -> int:
    async with db.transaction() as session:
        values: dict[str, Any] = {"batch_name": name, "group_id": group, "start_time": start, **extra}
        return int(await LearningBatchRepository.add(session, values))  # type: ignore[arg-type]


async def test_learning_batches_history_and_progress(db: Any) -> None:
    assert await db.get_recent_learning_batches() == []
    await _add_batch(db, "b1", "g1", 10.0, quality_score=0.5, processed_messages=3, message_count=4)
    await _add_batch(db, "b2", "g2", 20.0, quality_score=0.7, processed_messages=5, success=False)
    await _add_batch(db, "b3", "g1", 30.0)  # no quality: not a progress point
    await _add_batch(db, "b4", "g1", 40.0, quality_score=0.9, processed_messages=0)  # nothing processed

    recent = await db.get_recent_learning_batches(2)
    assert [b["batch_name"] for b in recent] == ["b4", "b3"]
    assert recent[0]["status"] == "pending" and recent[0]["success"] is True
    history = await db.get_learning_batch_history("g1")
    assert [b["batch_name"] for b in history] == ["b4", "b3", "b1"]
    assert [b["batch_name"] for b in await db.get_learning_batch_history(None, 1)] == ["b4"]

    progress = await db.get_style_progress_data()
    assert [p["batch_name"] for p in progress] == ["b2", "b1"]
    assert progress[0] == {
        "group_id": "g2",
        "timestamp": 20.0,
        "quality_score": 0.7,
        "success": False,
        "processed_messages": 5,
        "filtered_count": 0,
        "message_count": 0,
        "batch_name": "b2",
    }
    assert [p["batch_name"] for p in await db.get_style_progress_data("g1")] == ["b1"]


async def test_learning_session_insert_then_update(db: Any) -> None:
    now = time.time()
    assert await db.save_learning_session_record(
        "g1", {"session_id": "s1", "start_time": now - 100, "messages_processed": 4, "batch_id": "b1"}
    )
    assert await db.save_learning_session_record(
        "g1", {"session_id": "s1", "end_time": now, "quality_score": 0.75, "status": "completed"}
    )
    sessions = await db.get_learning_sessions("g1")
    assert len(sessions) == 1
    s = sessions[0]
    assert (s["session_id"], s["group_id"], s["batch_id"]) == ("s1", "g1", "b1")
    assert s["message_count"] == 4 and s["learning_quality"] == 0.75
    assert s["status"] == "completed" and s["end_time"] == now
    assert s["start_time"] == now - 100
    # A save that gives no progress field leaves the session as it was.
    assert await db.save_learning_session_record("g1", {"session_id": "s1"})
    assert (await db.get_learning_sessions("g1"))[0]["status"] == "completed"


async def test_learning_sessions_limits_and_recent(db: Any) -> None:
    now = time.time()
    for i in range(7):
        await db.save_learning_session_record("g1", {"session_id": f"s{i}", "start_time": now - i * 86400 - 60})
    await db.save_learning_session_record("g2", {"session_id": "other", "start_time": now})
    latest = await db.get_learning_sessions("g1")
    assert [s["session_id"] for s in latest] == ["s0", "s1", "s2", "s3", "s4"]
    assert latest[0]["status"] == "active" and latest[0]["message_count"] == 0
    recent = await db.get_recent_learning_sessions(3)
    assert [s["session_id"] for s in recent] == ["other", "s0", "s1", "s2"]
    assert await db.get_learning_sessions("nobody") == []


async def test_concurrent_saves_of_one_new_session(db: Any) -> None:
    results = await asyncio.gather(
        *(db.save_learning_session_record("g1", {"session_id": "same", "message_count": i}) for i in range(4))
    )
    assert all(results)
    assert len(await db.get_learning_sessions("g1")) == 1


async def test_save_learning_performance_record(db: Any) -> None:
    assert await db.save_learning_performance_record(
        "g1",
        {
            "session_id": "s1",
            "timestamp": 1700000000.9,
            "quality_score": 0.6,
            "learning_time": 1.5,
            "successful_pattern": ["a", "乙"],
            "failed_pattern": "plain",
        },
    )
    table = LearningPerformanceHistoryRepository.table
    async with db.transaction() as session:
        rows = (await session.execute(select(table))).mappings().all()
    assert len(rows) == 1
    row = rows[0]
    assert row["group_id"] == "g1" and row["session_id"] == "s1"
    assert row["timestamp"] == 1700000000
    assert row["successful_pattern"] == '["a", "乙"]' and row["failed_pattern"] == "plain"
    assert bool(row["success"]) is True and row["quality_score"] == 0.6


# ---------------------------------------------------------------- counts


async def test_counts_and_pattern_distribution(db: Any) -> None:
    assert await db.count_style_learning_patterns() == 0
    assert await db.count_refined_messages() == 0
    assert await db.get_learning_patterns_data() == {}
    async with db.transaction() as session:
        for group, kind in [("g1", "tone"), ("g1", "tone"), ("g1", "emoji"), ("g2", "tone")]:
            await StyleLearningPatternRepository.add(
                session,
                {"group_id": group, "pattern_type": kind, "pattern": "p", "created_at": 1, "updated_at": 1},
            )
        await FilteredMessageRepository.add(session, _filtered_message())
    assert await db.count_style_learning_patterns() == 4
    assert await db.count_refined_messages() == 1
    assert await db.get_learning_patterns_data() == {"emoji": 1, "tone": 3}
    assert await db.get_learning_patterns_data("g1") == {"emoji": 1, "tone": 2}


def _filtered_message() -> Any:
    return {"message": "hello", "sender_id": "u1", "group_id": "g1", "timestamp": 1, "created_at": 1}


async def test_learning_session_repository_sees_saved_session(db: Any) -> None:
    await db.save_learning_session_record("g9", {"session_id": "z", "start_time": 5.0, "message_count": 2})
    async with db.transaction() as session:
        rows = await LearningSessionRepository.list(session)
    assert [(r["session_id"], r["start_time"], r["message_count"]) for r in rows] == [("z", 5.0, 2)]
