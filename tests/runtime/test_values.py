"""The one policy for times and numbers callers give: every accepted form, and a typed refusal otherwise."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from sldb.handwritten.runtime.contract.errors import InvalidValueError
from sldb.handwritten.runtime.values.policy import epoch_seconds, number, whole_number, whole_seconds

MOMENT = datetime.datetime(2024, 5, 1, 12, 0, 0, tzinfo=datetime.UTC)
SECONDS = int(MOMENT.timestamp())


@pytest.mark.parametrize(
    "given",
    [
        SECONDS,
        SECONDS + 0.9,
        Decimal(SECONDS),
        str(SECONDS),
        f"{SECONDS}.5",
        "2024-05-01T12:00:00+00:00",
        MOMENT,
        SECONDS * 1000,
    ],
)
def test_every_time_form_reads_as_the_same_second(given: Any) -> None:
    assert whole_seconds(given, field="timestamp", default=0) == SECONDS


def test_missing_time_takes_the_default() -> None:
    assert epoch_seconds(None, field="t") is None
    assert whole_seconds("  ", field="t", default=42) == 42


@pytest.mark.parametrize("given", ["not a time", "nan", float("inf"), True, object()])
def test_unreadable_time_is_refused_naming_the_field(given: Any) -> None:
    with pytest.raises(InvalidValueError) as caught:
        epoch_seconds(given, field="applied_at")
    assert caught.value.field == "applied_at"


def test_numbers() -> None:
    assert number("0.25", field="confidence") == 0.25
    assert number(None, field="confidence") is None
    assert whole_number("12", field="raw_message_id") == 12
    assert whole_number(Decimal("7"), field="raw_message_id") == 7
    for bad, reader in (("x", number), ("inf", number), ("1.5", whole_number), ("x", whole_number)):
        with pytest.raises(InvalidValueError, match="raw_message_id"):
            reader(bad, field="raw_message_id")


async def test_filtered_message_with_an_unreadable_number_is_refused_not_nulled(db: Any) -> None:
    with pytest.raises(InvalidValueError, match="confidence"):
        await db.add_filtered_message({"message": "hi", "sender_id": "u", "group_id": "g", "confidence": "high"})
    assert await db.get_recent_filtered_messages("g", 10) == []


async def test_jargon_takes_an_iso_time_instead_of_replacing_it_with_now(db: Any) -> None:
    new_id = await db.insert_jargon(
        {"chat_id": "g", "content": "yyds", "created_at": "2024-05-01T12:00:00+00:00", "updated_at": MOMENT}
    )
    row = await db.get_jargon_by_id(new_id)
    assert row is not None and (row["created_at"], row["updated_at"]) == (SECONDS, SECONDS)
