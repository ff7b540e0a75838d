"""What chats really send, through every write path, read back identically on every backend.

Each write path stores a text and an id through the manager and reads them back through the plugin's getter.
The policy under test is handwritten/runtime/values/policy.py (README, "Data fidelity"): stored as given, NUL and lone
surrogates through a reversible escape, and over-long or missing required values refused with
InvalidValueError naming the field, never a silent 0.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from sldb.generated.repositories.jargon import JargonRepository
from sldb.generated.repositories.message import BotMessageRepository, FilteredMessageRepository, RawMessageRepository
from sldb.generated.repositories.psychological import PersonaBackupRepository
from sldb.handwritten.runtime.contract.errors import InvalidValueError


@dataclass(frozen=True)
class WritePath:
    name: str
    write: Callable[[Any, str, Any], Awaitable[object]]  # (manager, group id, text)
    read: Callable[[Any, str], Awaitable[Any]]  # (manager, group id) -> the text stored, or None
    repository: Any  # the repository of the table the path writes, to check nothing was stored on refusal
    text_column: str


async def _write_raw(db: Any, group: str, text: Any) -> object:
    return await db.save_raw_message({"group_id": group, "sender_id": "u1", "message": text, "timestamp": 100})


async def _read_raw(db: Any, group: str) -> Any:
    rows = await db.get_recent_raw_messages(group, 5)
    return rows[0]["message"] if rows else None


async def _write_filtered(db: Any, group: str, text: Any) -> object:
    return await db.add_filtered_message(
        {"raw_message_id": 1, "message": text, "sender_id": "u1", "group_id": group, "timestamp": 100}
    )


async def _read_filtered(db: Any, group: str) -> Any:
    rows = await db.get_recent_filtered_messages(group, 5)
    return rows[0]["message"] if rows else None


async def _write_bot(db: Any, group: str, text: Any) -> object:
    return await db.save_bot_message(group, text)


async def _read_bot(db: Any, group: str) -> Any:
    rows = await db.get_recent_bot_responses(group, 5)
    return rows[0] if rows else None


async def _write_jargon(db: Any, group: str, text: Any) -> object:
    return await db.save_or_update_jargon(group, "术语", {"meaning": text, "count": 1})


async def _read_jargon(db: Any, group: str) -> Any:
    row = await db.get_jargon(group, "术语")
    return row["meaning"] if row else None


async def _write_persona(db: Any, group: str, text: Any) -> object:
    return await db.backup_persona(group, {"backup_name": "b", "persona_content": text})


async def _read_persona(db: Any, group: str) -> Any:
    rows = await db.get_persona_backups(group, include_content=True)
    return rows[0]["persona_content"] if rows else None


PATHS = [
    WritePath("save_raw_message", _write_raw, _read_raw, RawMessageRepository, "message"),
    WritePath("add_filtered_message", _write_filtered, _read_filtered, FilteredMessageRepository, "message"),
    WritePath("save_bot_message", _write_bot, _read_bot, BotMessageRepository, "message"),
    WritePath("save_or_update_jargon", _write_jargon, _read_jargon, JargonRepository, "meaning"),
    WritePath("backup_persona", _write_persona, _read_persona, PersonaBackupRepository, "persona_content"),
]
PATH_IDS = [p.name for p in PATHS]

TEXTS = {
    "nul": "before\x00after",
    "emoji_and_ext_b": "笑死 🤣👍🏽 𠮷野家 𩸽",
    "lone_surrogate": "bad byte \udc80 kept",
    "escape_char_itself": "\U0010fffd0 is not a NUL",
    "sql_metacharacters": "'; DROP TABLE raw_messages; -- \" \\ % _ `x`",
    "one_mebibyte": "消息" * (512 * 1024),
}


async def _count(db: Any, repository: Any) -> int:
    async with db.transaction() as session:
        return int(await repository.count(session))


@pytest.mark.parametrize("path", PATHS, ids=PATH_IDS)
@pytest.mark.parametrize("kind", list(TEXTS))
async def test_text_is_read_back_as_given(db: Any, path: WritePath, kind: str) -> None:
    text = TEXTS[kind]
    assert await path.write(db, "g-text", text)
    assert await path.read(db, "g-text") == text


@pytest.mark.parametrize("path", PATHS, ids=PATH_IDS)
@pytest.mark.parametrize("group", ["grp\x00nul", "群🤣𠮷", "grp\udcff", "g'; --", "  spaced  "])
async def test_odd_group_ids_find_their_rows(db: Any, path: WritePath, group: str) -> None:
    assert await path.write(db, group, "hello")
    assert await path.write(db, "other", "not mine")
    assert await path.read(db, group) == "hello"


@pytest.mark.parametrize("path", PATHS, ids=PATH_IDS)
async def test_group_id_given_as_int_is_its_text(db: Any, path: WritePath) -> None:
    assert await path.write(db, 12345, "by int")  # type: ignore[arg-type]
    assert await path.read(db, "12345") == "by int"


@pytest.mark.parametrize("path", PATHS, ids=PATH_IDS)
async def test_group_id_longer_than_its_column_is_refused_and_nothing_is_stored(db: Any, path: WritePath) -> None:
    with pytest.raises(InvalidValueError) as refused:
        await path.write(db, "g" * 300, "text")
    assert refused.value.field in ("group_id", "chat_id") or refused.value.field.endswith((".group_id", ".chat_id"))
    assert "300 characters" in str(refused.value)
    assert await _count(db, path.repository) == 0


async def test_group_id_exactly_as_long_as_its_column_is_kept(db: Any) -> None:
    group = "群" * 255  # 255 characters, 765 bytes: every backend counts characters
    assert await db.save_raw_message({"group_id": group, "sender_id": "u", "message": "full", "timestamp": 1})
    assert await _read_raw(db, group) == "full"


async def test_a_nul_that_makes_an_id_too_long_is_refused_not_cut(db: Any) -> None:
    with pytest.raises(InvalidValueError, match=r"save_raw_message: message_data\.sender_id: is 256 characters"):
        await db.save_raw_message({"group_id": "g", "sender_id": "u" * 254 + "\x00", "message": "m", "timestamp": 1})
    assert await _count(db, RawMessageRepository) == 0


async def test_over_long_metadata_of_a_raw_message_is_refused_naming_the_field(db: Any) -> None:
    with pytest.raises(InvalidValueError) as refused:
        await db.save_raw_message({"group_id": "g", "sender_id": "u", "message": "m", "platform": "p" * 101})
    assert (refused.value.method, refused.value.field) == ("save_raw_message", "message_data.platform")
    assert await _count(db, RawMessageRepository) == 0


async def test_missing_fields_of_a_raw_message_are_stored_empty(db: Any) -> None:
    """The plugin's messages may lack a name, platform or group (private chats): stored as "" (documented)."""
    assert await db.save_raw_message({"sender_id": "u", "message": None, "sender_name": None, "group_id": None})
    (row,) = await db.get_recent_raw_messages("", 5)
    assert (row["message"], row["sender_name"], row["platform"], row["group_id"]) == ("", "", "", "")


async def test_none_for_a_required_id_is_refused_naming_the_field(db: Any) -> None:
    with pytest.raises(InvalidValueError) as refused:
        await db.save_bot_message(None, "hello")
    assert (refused.value.method, refused.value.field) == ("save_bot_message", "group_id")
    assert await _count(db, BotMessageRepository) == 0


async def test_quality_scores_given_as_a_dict_are_kept_as_json(db: Any) -> None:
    scores = {"clarity": 0.8, "情感": ["正面", "🙂"]}
    assert await db.add_filtered_message(
        {"raw_message_id": 1, "message": "m", "sender_id": "u", "group_id": "g", "quality_scores": scores}
    )
    (row,) = await db.get_recent_filtered_messages("g", 5)
    assert json.loads(row["quality_scores"]) == scores  # the plugin's shape: the JSON text


@pytest.mark.parametrize("given", [1_700_000_000, 1_700_000_000.9, "1700000000", "2023-11-14T22:13:20Z"])
async def test_timestamps_in_every_accepted_form_mean_the_same_second(db: Any, given: Any) -> None:
    assert await db.save_raw_message({"group_id": "g", "sender_id": "u", "message": "m", "timestamp": given})
    (row,) = await db.get_recent_raw_messages("g", 5)
    assert row["timestamp"] == 1_700_000_000


async def test_an_unreadable_timestamp_is_refused_naming_the_field(db: Any) -> None:
    with pytest.raises(InvalidValueError, match="timestamp"):
        await db.save_raw_message({"group_id": "g", "sender_id": "u", "message": "m", "timestamp": "yesterday"})
    assert await _count(db, RawMessageRepository) == 0


@pytest.mark.parametrize(("limit", "offset"), [(-1, 0), (10**12, 0), (2, -5), (2, 10**12), ("3", "1")])
async def test_any_limit_and_offset_gives_the_documented_page(db: Any, limit: Any, offset: Any) -> None:
    """Negative limit: no limit; negative offset: 0; huge values: past the end; numeric text: its number."""
    for i in range(6):
        await db.save_or_update_jargon("g", f"term{i}", {"meaning": "m", "count": 1})
    every = [row["id"] for row in await db.get_recent_jargon_list("g", limit=-1)]
    assert len(every) == 6
    size = None if int(limit) < 0 else int(limit)
    start = max(int(offset), 0)
    expected = every[start:] if size is None else every[start : start + size]
    assert [row["id"] for row in await db.get_recent_jargon_list("g", limit=limit, offset=offset)] == expected


@pytest.mark.parametrize("limit", ["many", 1.5, [3]])
async def test_a_limit_that_is_no_whole_number_is_refused(db: Any, limit: Any) -> None:
    with pytest.raises(InvalidValueError, match="limit"):
        await db.get_recent_jargon_list("g", limit=limit)


@pytest.mark.parametrize(("first", "second"), [("😀", "😂"), ("YYDS", "yyds"), ("cafe", "café"), ("a", "a ")])
async def test_texts_that_differ_are_different_keys(db: Any, first: str, second: str) -> None:
    """Equality is exact everywhere: MySQL's default collations would make these the same jargon term."""
    one = await db.save_or_update_jargon("g", first, {"meaning": "first", "count": 1})
    two = await db.save_or_update_jargon("g", second, {"meaning": "second", "count": 1})
    assert one != two
    found = await db.get_jargon("g", first)
    assert found is not None and found["meaning"] == "first"
    found = await db.get_jargon("g", second)
    assert found is not None and found["meaning"] == "second"
