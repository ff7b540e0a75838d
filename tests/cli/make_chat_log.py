"""Writes handwritten/cli/data/chat_log.jsonl, the synthetic chat `sldb demo` replays (run once, output committed).

    python -m tests.cli.make_chat_log [--messages 3000]

Reproducible (fixed seed): several groups, Chinese text, emoji, 4-byte characters (𠮷, 𩸽), replies that name
an earlier message of the same group by its message_id, commands, links, one-word noise, and the bot's own
answers (sender_id "bot") to messages that mention it. Nothing here is real chat.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "handwritten" / "cli" / "data" / "chat_log.jsonl"
START = 1740787200  # 2025-03-01 00:00 UTC
BOT = ("bot", "小助手")
GROUPS = ("712340001", "712340002", "712340003", "880012345", "dev-chat")
NICKS = (
    "小明",
    "阿花🌸",
    "𠮷田",
    "Tom",
    "夜猫子🦉",
    "老王",
    "奶茶三分糖",
    "小鱼🐟",
    "KK",
    "风吹麦浪",
    "阿杰",
    "橘子🍊",
    "豆豆",
    "Luna",
    "程序猿",
    "一只𩸽",
    "大聪明",
    "团子",
    "Mia",
    "山竹",
    "木木",
    "星星✨",
)
FOODS = ("火锅", "奶茶", "烧烤", "麻辣烫", "饺子", "披萨🍕", "寿司🍣", "螺蛳粉", "煎饼果子", "𩸽鱼定食")
PLACES = ("公司楼下", "学校门口", "老地方", "商场三楼", "地铁站旁边", "𠮷野家")
GAMES = ("原神", "王者", "我的世界", "星露谷", "塞尔达", "斗地主")
THINGS = ("新显卡", "机械键盘⌨️", "耳机🎧", "Switch", "猫粮🐱", "雨伞☔")
TEMPLATES = (
    "今晚去{place}吃{food}吗？",
    "{food}真的yyds 😋",
    "有人一起玩{game}吗 🎮",
    "刚买了{thing}，绝绝子",
    "今天加班到十点，破防了 😭",
    "周末{place}见？",
    "谁懂啊，{food}排队排了一小时",
    "{game}又更新了，肝不动了",
    "这个{thing}多少钱入手的？",
    "早上好☀️ 今天也要加油",
    "蚌埠住了哈哈哈哈 🤣",
    "下雨了记得带伞 🌧️",
    "{place}新开了一家{food}店，评分挺高",
    "xswl 这也太离谱了吧",
    "awsl 这只猫好可爱 🐈",
    "我宣布{food}是世界上最好吃的东西",
    "明天几点集合？",
    "谁有{game}的攻略，求分享 🙏",
    "𠮷野家的牛肉饭今天半价！",
    "晚安💤 明天见",
)
REPLIES = (
    "同意+1",
    "真的假的😂",
    "我也是！",
    "哈哈哈笑死",
    "好耶🎉",
    "算我一个",
    "不去了，没钱了😭",
    "这个我熟，找我",
    "确实，{food}永远的神",
    "在{place}等你们",
    "收到👌",
    "太真实了",
)
NOISE = ("嗯", "哈哈", "👍", "？", "[图片]", "6", "😂😂", "ok")
COMMANDS = ("/help", "/签到", "/天气 上海", "/roll 100")
LINKS = ("分享链接 https://example.com/post/{n}", "看这个 https://example.org/v/{n}")
BOT_ASKS = ("@小助手 {food}怎么做好吃？", "@小助手 推荐一个{game}的玩法", "@小助手 今天天气怎么样", "@小助手 讲个笑话")
BOT_ANSWERS = (
    "{food}的话，火候最重要，先大火后小火～",
    "可以试试和朋友一起玩{game}的合作模式！",
    "今天多云转晴，出门记得带伞☔",
    "为什么程序员分不清万圣节和圣诞节？因为 Oct 31 == Dec 25 🎃",
)


def _fill(rng: random.Random, template: str, n: int) -> str:
    return template.format(
        food=rng.choice(FOODS), place=rng.choice(PLACES), game=rng.choice(GAMES), thing=rng.choice(THINGS), n=n
    )


def _user_text(rng: random.Random, n: int) -> tuple[str, int | None]:
    """A member's message, and which question to the bot it is (None: not one)."""
    roll = rng.random()
    if roll < 0.06:
        return rng.choice(NOISE), None
    if roll < 0.09:
        return rng.choice(COMMANDS), None
    if roll < 0.11:
        return _fill(rng, rng.choice(LINKS), n), None
    if roll < 0.16:
        ask = rng.randrange(len(BOT_ASKS))
        return _fill(rng, BOT_ASKS[ask], n), ask
    return _fill(rng, rng.choice(TEMPLATES), n), None


def chat_log(count: int, seed: int = 20250301) -> list[dict[str, object]]:
    rng = random.Random(seed)
    members = {g: rng.sample(range(len(NICKS)), k=rng.randint(6, 12)) for g in GROUPS}
    recent: dict[str, list[str]] = {g: [] for g in GROUPS}
    lines: list[dict[str, object]] = []
    now = START
    while len(lines) < count:
        n = len(lines)
        now += rng.randint(3, 90)
        group = rng.choice(GROUPS)
        who = rng.choice(members[group])
        reply_to = rng.choice(recent[group][-15:]) if recent[group] and rng.random() < 0.25 else None
        text, ask = (_fill(rng, rng.choice(REPLIES), n), None) if reply_to else _user_text(rng, n)
        entry: dict[str, object] = {
            "message_id": f"m{n + 1:06d}",
            "group_id": group,
            "sender_id": str(20000000 + who),
            "sender_name": NICKS[who],
            "message": text,
            "timestamp": now,
            "reply_to": reply_to,
            "platform": "aiocqhttp",
        }
        lines.append(entry)
        recent[group].append(str(entry["message_id"]))
        if ask is not None and len(lines) < count:
            answer = _fill(rng, BOT_ANSWERS[ask], n)
            now += rng.randint(1, 5)
            lines.append(
                {
                    "message_id": f"m{len(lines) + 1:06d}",
                    "group_id": group,
                    "sender_id": BOT[0],
                    "sender_name": BOT[1],
                    "message": answer,
                    "timestamp": now,
                    "reply_to": entry["message_id"],
                    "platform": "aiocqhttp",
                }
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=3000)
    args = parser.parse_args()
    lines = chat_log(args.messages)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {len(lines)} messages to {OUT}")


if __name__ == "__main__":
    main()
