"""Timing: warm-up, then rounds in which ours and raw alternate (who goes first alternates too).

A round is time-boxed (--seconds split over the rounds) or a fixed number of calls (--calls); a path may cap
a round (it would run out of data). Throughput is calls over the summed time of a side's rounds, measured
with time.perf_counter around the calls only; housekeeping between rounds is not timed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path as FilePath
from time import perf_counter
from typing import Any

from tests.bench.paths import Call, Path


class BenchError(RuntimeError):
    """A path did not do its work (a failed call, or the two sides disagree): its figures would mean nothing."""


@dataclass
class Side:
    calls: int = 0
    seconds: float = 0.0
    next_index: int = 0  # both sides walk the same sequence of arguments

    @property
    def per_second(self) -> float:
        return self.calls / self.seconds if self.seconds > 0 else 0.0


@dataclass
class PathResult:
    name: str
    rows_per_call: int
    ours: Side = field(default_factory=Side)
    raw: Side = field(default_factory=Side)
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours.per_second / self.raw.per_second if self.raw.per_second else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.name,
            "rows_per_call": self.rows_per_call,
            "ours_calls": self.ours.calls,
            "ours_seconds": round(self.ours.seconds, 4),
            "ours_per_second": round(self.ours.per_second, 1),
            "raw_calls": self.raw.calls,
            "raw_seconds": round(self.raw.seconds, 4),
            "raw_per_second": round(self.raw.per_second, 1),
            "ratio": round(self.ratio, 3),
            "note": self.note,
        }


@dataclass(frozen=True)
class Plan:
    """How long to measure: per side and path, `seconds` (or exactly `calls`), over `rounds` rounds."""

    seconds: float = 1.0
    calls: int | None = None
    rounds: int = 3
    warmup: int = 10


async def _round(path: Path, call: Call, side: Side, plan: Plan) -> None:
    limit = path.max_calls_per_round
    if plan.calls is not None:
        wanted = max(1, plan.calls // plan.rounds)
        limit = min(limit, wanted) if limit else wanted
    budget = plan.seconds / plan.rounds
    index = side.next_index
    done = 0
    bad: Any = None
    started = perf_counter()
    while True:
        result = await call(index + done)
        done += 1
        if not path.valid(result):
            bad = result
            break
        if limit is not None and done >= limit:
            break
        if plan.calls is None and perf_counter() - started >= budget:
            break
    elapsed = perf_counter() - started
    if bad is not None:
        raise BenchError(f"{path.name}: call {index + done - 1} returned {bad!r}; see the log above")
    side.calls += done
    side.seconds += elapsed
    side.next_index = index + done


async def _housekeeping(path: Path) -> None:
    if path.after_round is not None:
        await path.after_round()


async def check(path: Path) -> None:
    """Both sides once on the same arguments: they must agree before their speeds are compared."""
    ours = await path.ours(0)
    await _housekeeping(path)
    raw = await path.raw(0)
    await _housekeeping(path)
    if not (path.valid(ours) and path.valid(raw) and path.same(ours, raw)):
        raise BenchError(f"{path.name}: ours returned {ours!r:.300}, raw returned {raw!r:.300}")


async def measure(path: Path, plan: Plan) -> PathResult:
    result = PathResult(path.name, path.rows_per_call, note=path.note)
    await check(path)
    for call in (path.ours, path.raw):
        for i in range(plan.warmup):
            await call(i)
        await _housekeeping(path)
    for r in range(plan.rounds):
        order = ((path.ours, result.ours), (path.raw, result.raw))
        for call, side in order if r % 2 == 0 else reversed(order):
            await _round(path, call, side, plan)
            await _housekeeping(path)
    return result


async def profile(path: Path, plan: Plan, target: FilePath) -> FilePath:
    """The manager side of a path under pyinstrument for plan.seconds (after, and apart from, the timing)."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005, async_mode="enabled")
    side = Side()
    try:
        for _ in range(plan.rounds):
            profiler.start()
            try:
                await _round(path, path.ours, side, plan)
            finally:
                profiler.stop()
            await _housekeeping(path)
    finally:
        await _housekeeping(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    session = profiler.last_session
    if session is not None:  # reopen with other views: pyinstrument --load FILE -r text --show-all
        session.save(str(target.with_suffix(".pyisession")))
    target.with_suffix(".html").write_text(profiler.output_html(), encoding="utf-8")
    target.with_suffix(".txt").write_text(
        profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8"
    )
    return target.with_suffix(".txt")
