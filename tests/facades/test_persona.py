"""PersonaFacade through the manager, on every backend."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

from sldb.generated.repositories.learning import PersonaLearningReviewRepository
from sldb.generated.repositories.psychological import PersonaBackupRepository

BACKUPS = PersonaBackupRepository.table
REVIEWS = PersonaLearningReviewRepository.table


async def _backup(db: Any, group_id: str, name: str, timestamp: float, **extra: Any) -> int:
    """A backup of group_id named name, its timestamp set to timestamp; returns its id."""
    assert await db.backup_persona(group_id, {"backup_name": name, **extra}) is True
    (found,) = [b for b in await db.get_persona_backups(limit=-1) if b["backup_name"] == name]
    async with db.transaction() as session:
        await session.execute(update(BACKUPS).where(BACKUPS.c.id == found["id"]).values(timestamp=timestamp))
    return int(found["id"])


async def test_backup_round_trip_with_content(db: Any) -> None:
    data = {
        "backup_name": "before-update",
        "reason": "auto",
        "persona_config": {"prompt": "你好", "begin_dialogs": ["hi"]},
        "original_persona": {"name": "bot"},
        "imitation_dialogues": ["a", "b"],
        "backup_reason": "learning",
        "persona_content": "text",
    }
    assert await db.backup_persona("g1", data) is True
    assert "group_id" not in data  # the caller's dict is left as it was
    (summary,) = await db.get_persona_backups("g1")
    assert summary["group_id"] == "g1"
    assert summary["backup_name"] == "before-update"
    assert summary["reason"] == "auto"
    assert summary["backup_reason"] == "learning"
    assert "persona_config" not in summary
    assert isinstance(summary["timestamp"], float)
    view = await db.get_persona_backup(summary["id"])
    assert view is not None
    assert view["persona_config"] == {"prompt": "你好", "begin_dialogs": ["hi"]}
    assert view["original_persona"] == {"name": "bot"}
    assert view["imitation_dialogues"] == ["a", "b"]
    assert view["persona_content"] == "text"
    assert (await db.get_persona_backups("g1", include_content=True))[0] == view


async def test_backup_defaults_and_group_from_data(db: Any) -> None:
    assert await db.backup_persona("g1", {"group_id": "from-data"}) is True
    (backup,) = await db.get_persona_backups(include_content=True)
    assert backup["group_id"] == "from-data"
    assert backup["backup_name"].startswith("backup_")
    assert backup["persona_config"] == {}
    assert backup["imitation_dialogues"] == []
    assert backup["persona_content"] == ""


async def test_backups_list_order_filter_and_limit(db: Any) -> None:
    old = await _backup(db, "g1", "old", 100.0)
    new = await _backup(db, "g1", "new", 300.0)
    other = await _backup(db, "g2", "other", 200.0)
    assert [b["id"] for b in await db.get_persona_backups()] == [new, other, old]
    assert [b["id"] for b in await db.get_persona_backups("g1")] == [new, old]
    assert [b["id"] for b in await db.get_persona_backups(limit=1)] == [new]
    assert [b["id"] for b in await db.get_persona_backups(2)] == [new, other]  # older form: the int is the limit
    assert await db.get_persona_backups("g9") == []


async def test_get_restore_and_delete_respect_group(db: Any) -> None:
    backup_id = await _backup(db, "g1", "only", 100.0, persona_config={"k": 1})
    assert await db.get_persona_backup(backup_id, "g2") is None
    assert (await db.get_persona_backup(backup_id, "g1"))["backup_name"] == "only"
    assert await db.get_persona_backup(backup_id + 1000) is None
    restored = await db.restore_persona_backup("g1", backup_id)
    assert restored is not None and restored["persona_config"] == {"k": 1}
    assert await db.restore_persona_backup("g2", backup_id) is None
    assert (await db.restore_persona_backup(backup_id))["id"] == backup_id
    assert (await db.restore_persona_backup(str(backup_id)))["id"] == backup_id
    assert await db.delete_persona_backup(backup_id, "g2") is False
    assert await db.delete_persona_backup(backup_id, "g1") is True
    assert await db.delete_persona_backup(backup_id) is False
    assert await db.get_persona_backups() == []


async def test_update_history(db: Any) -> None:
    assert await db.get_persona_update_history() == []
    rows = [
        {"timestamp": 10.0, "group_id": "g1", "update_type": "prompt", "status": "pending", "confidence_score": 0.5},
        {"timestamp": 30.0, "group_id": "g1", "update_type": "style", "status": "approved", "confidence_score": None},
        {"timestamp": 20.0, "group_id": "g2", "update_type": "prompt", "status": "rejected", "confidence_score": 0.9},
    ]
    async with db.transaction() as session:
        await session.execute(REVIEWS.insert(), rows)
    history = await db.get_persona_update_history()
    assert [(h["group_id"], h["timestamp"]) for h in history] == [("g1", 30.0), ("g2", 20.0), ("g1", 10.0)]
    assert set(history[0]) == {"id", "timestamp", "group_id", "update_type", "status", "confidence_score"}
    assert history[0]["status"] == "approved" and history[0]["confidence_score"] is None
    g1 = await db.get_persona_update_history("g1", limit=1)
    assert [(h["update_type"], h["confidence_score"]) for h in g1] == [("style", None)]
    assert [h["status"] for h in await db.get_persona_update_history("g1")] == ["approved", "pending"]
