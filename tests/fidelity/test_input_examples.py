"""Fixed examples of the input policy (issue 14), one per finding, on every backend.

Each failed before the policy was declared in the facade specs: the value was stored as something else, lost
behind a 0 / False, or raised an untyped error. Now it is stored as the README's "Data fidelity" says, or
refused with InvalidValueError naming the method and the field, and nothing is stored.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from sldb.generated.repositories.affection import AffectionInteractionRepository
from sldb.generated.repositories.jargon import JargonRepository
from sldb.generated.repositories.learning import PersonaLearningReviewRepository
from sldb.generated.repositories.memory import MemoryRepository
from sldb.generated.repositories.message import RawMessageRepository
from sldb.handwritten.runtime.contract.errors import InvalidValueError


async def _count(db: Any, repository: Any) -> int:
    async with db.transaction() as session:
        return int(await repository.count(session))


async def _refused(call: Any, method: str, field: str) -> None:
    with pytest.raises(InvalidValueError) as refused:
        await call
    assert (refused.value.method, refused.value.field) == (method, field)
    assert f"{method}: {field}:" in str(refused.value)


@pytest.mark.parametrize("score", ["abc", "", {"k": 1}, b"0.5", math.nan, math.inf, True])
async def test_a_float_that_is_no_finite_number_is_refused_not_a_silent_zero(db: Any, score: Any) -> None:
    await _refused(
        db.add_persona_learning_review({"group_id": "g", "confidence_score": score}),
        "add_persona_learning_review",
        "review_data.confidence_score",
    )
    await _refused(
        db.save_persona_update_record({"group_id": "g", "confidence_score": score}),
        "save_persona_update_record",
        "record_data.confidence_score",
    )
    assert await _count(db, PersonaLearningReviewRepository) == 0


async def test_a_float_given_as_numeric_text_is_stored_as_its_number(db: Any) -> None:
    assert await db.add_persona_learning_review({"group_id": "g", "confidence_score": " 0.75 "})
    (review,) = await db.get_pending_persona_update_records()
    assert review["confidence_score"] == 0.75


@pytest.mark.parametrize("zero", [-0.0, "-0", "-0.0"])
async def test_a_negative_zero_is_stored_as_zero_on_every_backend(db: Any, zero: Any) -> None:
    """Found by test_input_policy: PostgreSQL kept -0.0, SQLite and MariaDB read back 0.0."""
    assert await db.add_persona_learning_review({"group_id": "g", "confidence_score": zero})
    (review,) = await db.get_pending_persona_update_records()
    assert math.copysign(1, review["confidence_score"]) == 1


@pytest.mark.parametrize("importance", [None, math.nan, {"k": 1}, 2**63, "high", 1.5])
async def test_importance_outside_the_integer_policy_is_refused(db: Any, importance: Any) -> None:
    await _refused(
        db.save_manual_memory("g", "u", "remember", importance=importance), "save_manual_memory", "importance"
    )
    assert await _count(db, MemoryRepository) == 0


async def test_a_lone_surrogate_in_a_memory_is_kept(db: Any) -> None:
    assert await db.save_manual_memory("g", "u", "a\udc80b", importance="3")
    assert await _count(db, MemoryRepository) == 1


@pytest.mark.parametrize("timestamp", [1e308, -1e308, math.inf, "soon", b"1"])
async def test_a_time_no_backend_can_store_is_refused(db: Any, timestamp: Any) -> None:
    await _refused(
        db.save_raw_message({"sender_id": "u", "message": "m", "timestamp": timestamp}),
        "save_raw_message",
        "message_data.timestamp",
    )
    await _refused(db.save_bot_message("g", "m", timestamp), "save_bot_message", "timestamp")
    assert await _count(db, RawMessageRepository) == 0


@pytest.mark.parametrize("level", ["x", None, math.nan, 1.5])
async def test_an_affection_level_that_is_no_whole_number_is_refused(db: Any, level: Any) -> None:
    await _refused(db.update_user_affection("g", "u", level), "update_user_affection", "new_level")
    assert await db.get_user_affection("g", "u") is None


async def test_an_affection_level_is_clamped_to_0_100_as_the_spec_says(db: Any) -> None:
    assert await db.update_user_affection("g", "u", 2**63, change_reason=5)
    found = await db.get_user_affection("g", "u")
    assert found is not None and found["affection_level"] == 100
    assert await db.update_user_affection("g", "u", -1)
    found = await db.get_user_affection("g", "u")
    assert found is not None and found["affection_level"] == 0


async def test_duration_hours_given_as_text_is_its_number(db: Any) -> None:
    assert await db.save_bot_mood("g", "happy", 0.5, "sunny", duration_hours="3")
    mood = await db.get_current_bot_mood("g")
    assert mood is not None and mood["end_time"] is not None
    assert mood["end_time"] - mood["start_time"] == pytest.approx(3 * 3600)
    await _refused(db.save_bot_mood("g", "happy", 0.5, "x", duration_hours="three"), "save_bot_mood", "duration_hours")


@pytest.mark.parametrize(("given", "stored"), [("false", False), ("true", True), (0, False), (1, True), (False, False)])
async def test_booleans_accept_six_forms(db: Any, given: Any, stored: bool) -> None:
    jargon_id = await db.insert_jargon({"chat_id": "c", "content": "yyds", "is_global": given})
    record = await db.get_jargon_by_id(jargon_id)
    assert record is not None and record["is_global"] is stored
    assert await db.set_jargon_global(jargon_id, given)
    assert await db.update_jargon({"id": jargon_id, "is_complete": given})
    record = await db.get_jargon_by_id(jargon_id)
    assert record is not None and (record["is_global"], record["is_complete"]) == (stored, stored)


@pytest.mark.parametrize("flag", ["no", "False", 2, None, math.nan, [True]])
async def test_other_booleans_are_refused(db: Any, flag: Any) -> None:
    await _refused(
        db.insert_jargon({"chat_id": "c", "content": "x", "is_global": flag or "no"}),
        "insert_jargon",
        "jargon_data.is_global",
    )
    await _refused(db.set_jargon_global(1, flag), "set_jargon_global", "is_global")
    assert await _count(db, JargonRepository) == 0


async def test_a_dict_for_free_text_is_its_json_never_a_repr_and_bytes_are_refused(db: Any) -> None:
    assert await db.add_persona_learning_review({"group_id": "g", "update_type": {"k": "v"}})
    (review,) = await db.get_pending_persona_update_records()
    assert review["update_type"] == '{"k": "v"}'
    await _refused(
        db.add_persona_learning_review({"group_id": b"g"}), "add_persona_learning_review", "review_data.group_id"
    )
    await _refused(
        db.add_persona_learning_review({"group_id": "g", "metadata": {"x": math.nan}}),
        "add_persona_learning_review",
        "review_data.metadata",
    )


async def test_a_dict_or_list_for_text_the_body_cuts_or_keys_is_its_json(db: Any) -> None:
    """Issue 22: the text rule handed a dict or list to the body as given, and update_user_affection cut its
    change_reason to 50 characters (TypeError: unhashable type: 'slice') and save_or_update_jargon folded its
    content to a key (TypeError: normalize() argument 2 must be str). The body now gets the JSON text."""
    assert await db.update_user_affection("g", "u", 5, change_reason={"why": "gift"}, bot_mood=["calm"])
    async with db.transaction() as session:
        (interaction,) = await AffectionInteractionRepository.list(session)
    assert interaction["interaction_type"] == '{"why": "gift"}'
    assert json.loads(interaction["message_content"])["change_reason"] == '{"why": "gift"}'
    jargon_id = await db.save_or_update_jargon("c", ["yyds", "绝绝子"], {"meaning": {"k": "v"}})
    record = await db.get_jargon("c", '["yyds", "绝绝子"]')
    assert record is not None and (record["id"], record["meaning"]) == (jargon_id, '{"k": "v"}')
    for given in ({"a"}, b"yyds"):
        await _refused(
            db.save_or_update_jargon("c", given, {}),
            "save_or_update_jargon",
            "content",
        )
        await _refused(
            db.update_user_affection("g", "u", 6, change_reason=given), "update_user_affection", "change_reason"
        )


@pytest.mark.parametrize("bad", ["abc", None, 1.5, {"id": 1}, 2**63, True, b"1"])
async def test_a_malformed_id_is_refused_and_a_missing_row_stays_false(db: Any, bad: Any) -> None:
    await _refused(db.delete_jargon_by_id(bad), "delete_jargon_by_id", "jargon_id")
    await _refused(db.update_style_review_status(bad, "approved"), "update_style_review_status", "review_id")
    await _refused(db.delete_persona_backup(bad), "delete_persona_backup", "backup_id")
    assert await db.delete_jargon_by_id(424242) is False
    assert await db.delete_jargon_by_id("424242") is False
    assert await db.update_style_review_status(424242, "approved") is False


async def test_message_ids_must_be_a_list_of_ids(db: Any) -> None:
    await _refused(db.mark_messages_processed({"a": 1}), "mark_messages_processed", "message_ids")
    await _refused(db.mark_messages_processed([1, "x"]), "mark_messages_processed", "message_ids")
    message_id = await db.save_raw_message({"sender_id": "u", "message": "m", "group_id": "g"})
    assert await db.mark_messages_processed([str(message_id)]) is True
    assert await db.get_unprocessed_messages() == []


async def test_a_persona_review_in_the_plugins_keyword_form(db: Any) -> None:
    """The plugin's persona learning calls add_persona_learning_review with keywords instead of review_data."""
    review_id = await db.add_persona_learning_review(
        group_id="g", proposed_content="p", learning_source="progressive", confidence_score="0.8", raw_analysis="r"
    )
    assert review_id > 0
    (review,) = await db.get_pending_persona_update_records()
    assert (review["update_type"], review["confidence_score"], review["reason"]) == ("progressive", 0.8, "r")
    await _refused(
        db.add_persona_learning_review(group_id="g", confidence_score="high"),
        "add_persona_learning_review",
        "confidence_score",
    )
