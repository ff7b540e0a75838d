"""Retry-safe ingest: a message the platform identified (message_id, with group and platform) is stored once.

Before, a plugin that retried save_raw_message after a lost reply stored the message twice. Now a repeat
returns the stored row's id, atomically under concurrent repeats (unique raw_messages.ingest_key and one
insert-or-existing statement); a message without a message id is stored every time, as before.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sldb.generated.repositories.message import RawMessageRepository


async def _count(db: Any) -> int:
    async with db.transaction() as session:
        return int(await RawMessageRepository.count(session))


def _message(**extra: Any) -> dict[str, Any]:
    return {"sender_id": "u", "message": "hi", "group_id": "g", "platform": "qq", "timestamp": 100, **extra}


async def test_a_repeat_returns_the_stored_id(db: Any) -> None:
    first = await db.save_raw_message(_message(message_id="m-1"))
    again = await db.save_raw_message(_message(message_id="m-1", message="hi (retried)"))
    assert first > 0 and again == first
    assert await _count(db) == 1
    (row,) = await db.get_recent_raw_messages("g", 5)
    assert row["message"] == "hi"


async def test_group_and_platform_are_part_of_the_key(db: Any) -> None:
    ids = {
        await db.save_raw_message(_message(message_id=7)),
        await db.save_raw_message(_message(message_id="7")),  # the same id, given as text
        await db.save_raw_message(_message(message_id=7, group_id="other")),
        await db.save_raw_message(_message(message_id=7, platform="telegram")),
    }
    assert len(ids) == 3
    assert await _count(db) == 3


async def test_without_a_message_id_every_call_stores_a_row(db: Any) -> None:
    for given in (None, "", "  "):
        assert await db.save_raw_message(_message(message_id=given))
        assert await db.save_raw_message(_message(message_id=given))
    assert await _count(db) == 6


async def test_concurrent_repeats_store_one_row(db: Any) -> None:
    ids = await asyncio.gather(*(db.save_raw_message(_message(message_id="burst")) for _ in range(16)))
    assert len(set(ids)) == 1 and ids[0] > 0
    assert await _count(db) == 1


async def test_batches_find_repeats_in_input_order(db: Any) -> None:
    stored = await db.save_raw_message(_message(message_id="a"))
    ids = await db.save_raw_messages([_message(message_id="b"), _message(message_id="a"), _message(), _message()])
    assert ids[1] == stored and len(set(ids)) == 4
    assert await db.save_raw_messages([_message(message_id="b")]) == [ids[0]]
    assert await _count(db) == 4


async def test_a_key_twice_in_one_batch_is_one_row(db: Any) -> None:
    ids = await db.save_raw_messages([_message(message_id="x"), _message(message_id="y"), _message(message_id="x")])
    assert ids[0] == ids[2] and ids[0] != ids[1]
    assert await _count(db) == 2


async def test_concurrent_overlapping_batches_store_each_message_once(db: Any) -> None:
    batches = [[_message(message_id=f"k{(start + i) % 30}") for i in range(20)] for start in range(0, 30, 5)]
    results = await asyncio.gather(*(db.save_raw_messages(batch) for batch in batches))
    by_key: dict[str, set[int]] = {}
    for batch, ids in zip(batches, results, strict=True):
        for message, stored in zip(batch, ids, strict=True):
            by_key.setdefault(message["message_id"], set()).add(stored)
    assert all(len(ids) == 1 for ids in by_key.values())  # every call got the one stored row's id
    assert await _count(db) == len(by_key) == 30


async def test_concurrent_mixed_batches_get_the_stored_ids(db: Any) -> None:
    # Unidentified messages first: their insert (and its counter triggers) runs before the identified ones are
    # looked up, so on MySQL a plain read of the keys would see a snapshot older than the other batches' rows.
    batches = [
        [_message(message=f"plain {start}") for _ in range(3)]
        + [_message(message_id=f"mix{(start + i) % 12}") for i in range(8)]
        for start in range(0, 24, 2)
    ]
    results = await asyncio.gather(*(db.save_raw_messages(batch) for batch in batches))
    by_key: dict[str, set[int]] = {}
    for batch, ids in zip(batches, results, strict=True):
        assert len(ids) == len(batch)
        for message, stored in zip(batch, ids, strict=True):
            if "message_id" in message:
                by_key.setdefault(message["message_id"], set()).add(stored)
    assert all(len(ids) == 1 for ids in by_key.values())
    assert await _count(db) == len(by_key) + 3 * len(batches)


async def test_a_batch_of_identified_messages_sends_as_many_statements_whatever_its_size(db: Any) -> None:
    from tests.growth.test_constant_cost import sent

    counts = []
    for size, prefix in ((10, "small"), (300, "large")):
        with sent() as statements:
            ids = await db.save_raw_messages([_message(message_id=f"{prefix}{i}") for i in range(size)])
        assert len(set(ids)) == size
        counts.append(len(statements))
    assert counts[0] == counts[1]


async def test_a_batch_of_large_messages_keeps_input_order_and_repeats(db: Any) -> None:
    # About 1.5 MB of text in one call (PyMySQL cuts its executemany at 1 MB): a key repeated in the batch still
    # gets the one stored row, and every id lands at its input's place.
    big = "字" * 100_000  # 300,000 bytes in UTF-8
    batch = [
        _message(message_id="a", message=big),
        _message(message=big),
        _message(message_id="b", message=big),
        _message(message_id="a", message="again"),
        _message(message_id="c", message=big),
        _message(message=big + "!"),
        _message(message="small"),
    ]
    ids = await db.save_raw_messages(batch)
    assert ids[0] == ids[3] and len(set(ids)) == 6
    assert await _count(db) == 6
    stored = {row["id"]: row["message"] for row in await db.get_recent_raw_messages("g", 10)}
    assert [stored[i] for i in ids] == [big, big, big, big, big, big + "!", "small"]
