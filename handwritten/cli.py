"""sldb: the data layer's command line. `sldb demo` runs the plugin's data flow on an embedded SQLite file.

Commands: generate, check (the generator), demo (the main job). Errors are one line and a non-zero exit.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

GROUPS = ("群聊-甲", "群聊-乙", "group-c")
PHRASES = ("今天吃什么", "哈哈哈 🤣", "yyds", "这个可以有", "明天见 👋", "𠮷野家走起", "有人在吗？", "绝绝子")


def _synthetic_chat(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """A reproducible chat log: several groups, Chinese text, emoji, replies."""
    rng = random.Random(seed)
    start = int(time.time()) - count
    messages = []
    for i in range(count):
        group = GROUPS[i % len(GROUPS)]
        messages.append(
            {
                "sender_id": str(10000 + rng.randrange(40)),
                "sender_name": f"用户{rng.randrange(40)}",
                "message": f"{rng.choice(PHRASES)} #{i}",
                "group_id": group,
                "timestamp": start + i,
                "platform": "aiocqhttp",
                "message_id": str(900000 + i),
                "reply_to": str(900000 + i - 1) if i and rng.random() < 0.2 else None,
            }
        )
    return messages


async def run_demo(config: dict[str, Any], count: int) -> dict[str, Any]:
    """Raw messages -> filtered -> bot replies -> style review -> approval -> few-shots; returns a summary."""
    from generated.manager import SQLAlchemyDatabaseManager

    manager = SQLAlchemyDatabaseManager(config)
    await manager.start()
    try:
        started = time.perf_counter()
        for message in _synthetic_chat(count):
            await manager.save_raw_message(message)
        ingest_seconds = time.perf_counter() - started
        batch = await manager.get_unprocessed_messages(limit=count)
        for row in batch[: max(1, count // 10)]:
            await manager.add_filtered_message(
                {
                    "raw_message_id": row["id"],
                    "message": row["message"],
                    "sender_id": row["sender_id"],
                    "group_id": row["group_id"],
                    "timestamp": row["timestamp"],
                    "confidence": 0.9,
                    "quality_scores": {"clarity": 0.8},
                    "filter_reason": "demo",
                }
            )
        await manager.mark_messages_processed([row["id"] for row in batch])
        shots: dict[str, list[str]] = {}
        for group in GROUPS:
            await manager.save_bot_message(group, f"{group} 的回复 😊")
            review_id = await manager.create_style_learning_review(
                {
                    "type": "style_learning",
                    "group_id": group,
                    "timestamp": time.time(),
                    "learned_patterns": [{"situation": "打招呼", "expression": "哈喽"}],
                    "few_shots_content": f"A: 你好\nB: 哈喽～（{group}）",
                    "status": "pending",
                    "description": "demo review",
                }
            )
            await manager.update_style_review_status(review_id, "approved", "ok", group)
            shots[group] = await manager.get_approved_few_shots(group, 3)
        stats = await manager.get_messages_statistics()
        return {
            "messages": count,
            "messages_per_second": round(count / ingest_seconds, 1),
            "statistics": stats,
            "few_shots": shots,
            "backend": manager.backend,
            "database": manager.get_engine_info()["url"],
        }
    finally:
        await manager.stop()


def _demo(args: argparse.Namespace) -> int:
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="sldb-demo-"))
    config = {"db_type": "sqlite", "messages_db_path": str(folder / "messages.db")}
    summary = asyncio.run(run_demo(config, args.messages))
    print(f"backend: {summary['backend']}   database: {summary['database']}")
    print(f"raw messages stored: {summary['messages']}  ({summary['messages_per_second']} messages/s, one call each)")
    for key, value in summary["statistics"].items():
        print(f"  {key}: {value}")
    for group, shots in summary["few_shots"].items():
        print(f"few-shots for {group}: {shots}")
    return 0


def _codegen(command: str) -> int:
    from codegen.__main__ import main as codegen_main

    return codegen_main([command])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sldb", description="The self-learning plugin's data layer.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("generate", help="rewrite generated/ from schema/")
    sub.add_parser("check", help="fail when generated/ is stale")
    demo = sub.add_parser("demo", help="run the data flow on an embedded SQLite database")
    demo.add_argument("--dir", help="folder for the SQLite file (default: a new temporary folder)")
    demo.add_argument("--messages", type=int, default=2000, help="how many chat messages to replay")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        if args.command in ("generate", "check"):
            return _codegen(args.command)
        return _demo(args)
    except Exception as exc:  # one line for people, never a traceback
        print(f"sldb {args.command}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
