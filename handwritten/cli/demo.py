"""sldb demo: the plugin's data flow on a bundled synthetic chat log, then a summary read from the database.

raw messages (one save_raw_message call each, as the plugin collects them) -> learning passes in batches
(get_unprocessed_messages -> add_filtered_message for what passes the filter -> mark_messages_processed)
-> the bot's replies (save_bot_message) -> per round of the chat, a style review per group built from its
dialogue pairs -> approval or rejection -> get_approved_few_shots.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from sldb.handwritten.cli.live import models_metadata
from sldb.handwritten.cli.output import CliError, Output
from sldb.handwritten.cli.target import describe, for_the_tool, settings_from_url
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings

BOT_SENDER = "bot"
BOT_MENTION = "@小助手"
LEARN_BATCH = 200  # raw messages per learning pass
ROUND = 1000  # chat lines per learning round: each round ends with a style review per group
MIN_PAIRS_TO_APPROVE = 2
SHOTS_PER_REVIEW = 3


def chat_log(limit: int | None) -> list[dict[str, Any]]:
    """The bundled chat log (handwritten/cli/data/chat_log.jsonl), its first `limit` lines."""
    if limit is not None and limit < 1:
        raise CliError(f"--messages {limit}: give at least 1")
    text = resources.files("sldb.handwritten.cli").joinpath("data/chat_log.jsonl").read_text(encoding="utf-8")
    lines = text.splitlines()[:limit] if limit is not None else text.splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def passes_filter(message: str) -> str | None:
    """Which kind of message not kept for learning this is, or None when it is kept."""
    text = message.strip()
    if text.startswith("/"):
        return "commands"
    if "http://" in text or "https://" in text:
        return "links"
    if sum(ch.isalnum() for ch in text) < 3:
        return "too short"
    return None


def quality(message: str, is_reply: bool) -> dict[str, Any]:
    letters = sum(ch.isalnum() for ch in message)
    emoji = sum(unicodedata.category(ch) == "So" for ch in message)
    return {"letters": letters, "emoji": emoji, "is_reply": is_reply, "clarity": round(min(1.0, letters / 20), 2)}


@dataclass
class Replay:
    """What the replay did, kept to build the reviews and the summary."""

    raw_ids: dict[str, int] = field(default_factory=dict)  # message_id -> raw_messages.id
    kept: set[int] = field(default_factory=set)  # raw ids that passed the filter
    dropped: Counter[str] = field(default_factory=Counter)  # why the others did not
    approved: int = 0
    rejected: int = 0


async def _learn(manager: Any, replay: Replay, by_raw_id: dict[int, dict[str, Any]]) -> None:
    """Learning passes until nothing is unprocessed: filter, store what passes, mark the batch processed."""
    while batch := await manager.get_unprocessed_messages(limit=LEARN_BATCH):
        for row in batch:
            reason = passes_filter(row["message"])
            if reason is not None:
                replay.dropped[reason] += 1
                continue
            scores = quality(row["message"], by_raw_id[row["id"]].get("reply_to") is not None)
            await manager.add_filtered_message(
                {
                    "raw_message_id": row["id"],
                    "message": row["message"],
                    "sender_id": row["sender_id"],
                    "group_id": row["group_id"],
                    "timestamp": row["timestamp"],
                    "confidence": scores["clarity"],
                    "quality_scores": scores,
                    "filter_reason": "kept: conversational text",
                }
            )
            replay.kept.add(row["id"])
        await manager.mark_messages_processed([row["id"] for row in batch])


def review_verdict(shots: list[tuple[str, str]]) -> tuple[str, str]:
    """The reviewer's decision on a style review's few-shots: (status, comment)."""
    if len(shots) < MIN_PAIRS_TO_APPROVE:
        return "rejected", "too few dialogue pairs"
    if any(BOT_MENTION in a or BOT_MENTION in b for a, b in shots):
        return "rejected", "the few-shots talk to the bot itself"
    if any(a == b for a, b in shots):
        return "rejected", "a reply only repeats the message"
    return "approved", "natural dialogue"


async def _review_round(manager: Any, replay: Replay, lines: list[dict[str, Any]], text_of: dict[str, str]) -> None:
    """A style review per group from the round's dialogue pairs (a kept reply to a kept message)."""
    for group in sorted({str(line["group_id"]) for line in lines}):
        pairs = [
            (text_of[str(line["reply_to"])], str(line["message"]))
            for line in lines
            if line["group_id"] == group
            and line["sender_id"] != BOT_SENDER
            and line.get("reply_to") in text_of
            and replay.raw_ids.get(str(line["message_id"])) in replay.kept
            and replay.raw_ids.get(str(line["reply_to"])) in replay.kept
        ]
        if not pairs:
            continue
        shots = pairs[:SHOTS_PER_REVIEW]
        review_id = await manager.create_style_learning_review(
            {
                "type": "style_learning",
                "group_id": group,
                "timestamp": max(int(line["timestamp"]) for line in lines if line["group_id"] == group),
                "learned_patterns": [{"situation": a, "expression": b} for a, b in shots],
                "few_shots_content": "\n".join(f"A: {a}\nB: {b}" for a, b in shots),
                "description": f"{len(pairs)} dialogue pairs in {group}",
            }
        )
        status, comment = review_verdict(shots)
        await manager.update_style_review_status(review_id, status, comment, group)
        if status == "approved":
            replay.approved += 1
        else:
            replay.rejected += 1


async def table_counts(manager: Any) -> dict[str, int]:
    """Rows of every table that holds any, read from the database."""
    counts: dict[str, int] = {}
    async with manager.snapshot() as conn:
        for table in sorted(models_metadata().tables.values(), key=lambda t: t.name):
            rows = int((await conn.execute(select(func.count()).select_from(table))).scalar_one())
            if rows:
                counts[table.name] = rows
    return counts


async def _replay(manager: Any, lines: list[dict[str, Any]], out: Output) -> tuple[Replay, float]:
    replay = Replay()
    by_raw_id: dict[int, dict[str, Any]] = {}
    text_of: dict[str, str] = {}
    started = time.perf_counter()
    with out.progress("replaying the chat log", total=len(lines)) as bar:
        for first in range(0, len(lines), ROUND):
            chunk = lines[first : first + ROUND]
            for index, line in enumerate(chunk, start=1):
                if line["sender_id"] == BOT_SENDER:
                    await manager.save_bot_message(line["group_id"], line["message"], line["timestamp"])
                else:
                    raw_id = await manager.save_raw_message(line)
                    replay.raw_ids[str(line["message_id"])] = raw_id
                    by_raw_id[raw_id] = line
                text_of[str(line["message_id"])] = str(line["message"])
                if index % LEARN_BATCH == 0:
                    await _learn(manager, replay, by_raw_id)
                bar.advance()
            await _learn(manager, replay, by_raw_id)
            await _review_round(manager, replay, chunk, text_of)
    return replay, time.perf_counter() - started


def _settings(args: argparse.Namespace) -> DatabaseSettings:
    if args.url:
        return for_the_tool(settings_from_url(args.url), args.schema)
    if args.schema:
        raise CliError("--schema applies to --url postgresql://... only")
    folder = args.dir or Path(tempfile.mkdtemp(prefix="sldb-demo-"))
    return DatabaseSettings.from_config({"db_type": "sqlite", "messages_db_path": str(folder / "messages.db")})


async def _demo(args: argparse.Namespace, out: Output) -> dict[str, Any]:
    from sldb.generated.manager import SQLAlchemyDatabaseManager

    lines = chat_log(args.messages)
    settings = _settings(args)
    manager = SQLAlchemyDatabaseManager(settings)
    await manager.start()
    try:
        already = (await manager.get_messages_statistics())["raw_messages"]
        if already:
            raise CliError(
                f"{describe(settings)} already holds {already} raw messages; the demo needs an empty database"
            )
        replay, seconds = await _replay(manager, lines, out)
        groups = sorted({str(line["group_id"]) for line in lines})
        few_shots = {group: await manager.get_approved_few_shots(group, SHOTS_PER_REVIEW) for group in groups}
        return {
            "database": describe(settings),
            "backend": manager.backend,
            "messages": len(lines),
            "groups": len(groups),
            "seconds": round(seconds, 2),
            "messages_per_second": round(len(lines) / seconds, 1) if seconds else None,
            "filtered_out": dict(sorted(replay.dropped.items())),
            "reviews": {"approved": replay.approved, "rejected": replay.rejected},
            "tables": await table_counts(manager),
            "few_shots": few_shots,
        }
    finally:
        await manager.stop()


def print_summary(out: Output, summary: dict[str, Any]) -> None:
    out.line(f"database: {summary['database']} ({summary['backend']})")
    out.line(
        f"replayed {summary['messages']} chat lines from {summary['groups']} groups in {summary['seconds']} s: "
        f"{summary['messages_per_second']} messages/s (one call per message, learning passes included)"
    )
    out.table(["table", "rows"], list(summary["tables"].items()), title="rows per table", right=1)
    dropped = ", ".join(f"{n} {reason}" for reason, n in summary["filtered_out"].items())
    out.line(f"not kept for learning: {dropped or 'none'}")
    reviews = summary["reviews"]
    out.line(f"style reviews: {reviews['approved']} approved, {reviews['rejected']} rejected")
    rows = []
    for group, shots in summary["few_shots"].items():
        first_pair = " / ".join(shots[0].splitlines()[:2]) if shots else "(none approved)"
        rows.append((group, len(shots), first_pair))
    out.table(["group", "few-shots", "newest few-shot (first pair)"], rows, title="get_approved_few_shots(group, 3)")


def run_demo(args: argparse.Namespace, out: Output) -> int:
    summary = asyncio.run(_demo(args, out))
    out.json(summary)
    print_summary(out, summary)
    return 0
