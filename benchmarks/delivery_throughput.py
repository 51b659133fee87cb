"""How fast the bot takes a burst of member messages, against a bare echo bot.

20 groups of four are brought into the reality phase of a cycle as people would (set up,
join, /cycle, a clip, watched, /next); then a burst of N member messages (questions,
observations, tips) spread over the groups, plus each admin's /status, is injected through
the fake's control API. A burst counts as handled when every member message is stored as a
contribution in the bot's database (read-only) and every /status has been answered; for the
echo bot, when every echo has arrived. Send limits are lifted on both sides.

Run: .venv/bin/python benchmarks/delivery_throughput.py [messages] [groups] [runs]
Prints per run and the medians: updates/s, CPU seconds per update and peak RSS of the bot
process, and the ratios bot/echo.
"""
from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from outside import (
    TALK_MIX,
    Rig,
    cpu_seconds,
    create_worlds,
    demo_groups,
    inject,
    median,
    memory_mb,
    ratio,
    rig,
    wait_until,
)

from fake_telegram.demo import DemoGroup
from fake_telegram.scenes import db_rows, into_reality, make_clip

BURST_TIMEOUT = 300.0
# The highest the bot's configuration accepts (it refuses 100,000): 166 a second per group.
NO_SEND_LIMIT = {"INTERVISION_GROUP_MESSAGES_PER_MINUTE": "10000"}


@dataclass
class Run:
    updates: int
    seconds: float
    taken_seconds: float  # until getUpdates had taken every update
    cpu_per_update_ms: float
    peak_rss_mb: float
    complete: bool

    def line(self) -> str:
        state = "" if self.complete else "  (INCOMPLETE: gave up)"
        return (f"{self.updates} updates in {self.seconds:.1f} s = "
                f"{self.updates / self.seconds:,.0f} updates/s (all taken after "
                f"{self.taken_seconds:.1f} s); CPU {self.cpu_per_update_ms:.2f} ms/update; "
                f"peak RSS {self.peak_rss_mb:.0f} MB{state}")


def burst(groups: list[DemoGroup], count: int, run: int) -> list[tuple[int, int, str]]:
    messages = []
    for i in range(count):
        group = groups[i % len(groups)]
        person = group.people[(i // len(groups)) % len(group.people)]
        messages.append((person.user_id, group.chat_id,
                         f"{TALK_MIX[(i + run) % len(TALK_MIX)]}"))
    return messages + [(g.admin.user_id, g.chat_id, "/status") for g in groups]


async def _bring_into_reality(r: Rig, groups: list[DemoGroup]) -> None:
    make_clip(r.workdir)
    gate = asyncio.Semaphore(4)

    async def one(group: DemoGroup) -> None:
        async with gate:
            await into_reality(r.tg, group, r.workdir, timeout=60.0)

    await asyncio.gather(*(one(g) for g in groups))


async def _measure(r: Rig, groups: list[DemoGroup], count: int, run: int, *,
                   echo: bool) -> Run:
    tg, pid = r.tg, r.bot.pid
    assert pid is not None
    messages = burst(groups, count, run)
    chats = {g.chat_id for g in groups}
    stored_before = 0 if echo else db_rows(r.db_path, "SELECT count(*) FROM contributions")[0][0]
    since = await tg.mark()
    cpu_before = cpu_seconds(pid)
    began = time.monotonic()
    taken_at: list[float] = []

    async def handled() -> bool:
        if not taken_at and (await tg.update_stats())["pending"] == 0:
            taken_at.append(time.monotonic() - began)
        if echo:  # cheap: every message, injected or echoed, moves the world's seq on by one
            return await tg.mark() - since >= 2 * len(messages)
        stored = db_rows(r.db_path, "SELECT count(*) FROM contributions")[0][0]
        if stored - stored_before < count:
            return False
        answers = [m for m in await tg.bot_messages(since=since) if m["chat_id"] in chats]
        return sum("Fase" in (m["text"] or "") for m in answers) >= len(groups)

    await inject(tg, messages)
    complete = await wait_until(handled, BURST_TIMEOUT, every=0.2)
    seconds = time.monotonic() - began
    return Run(len(messages), seconds, taken_at[0] if taken_at else float("nan"),
               (cpu_seconds(pid) - cpu_before) / len(messages) * 1000, memory_mb(pid),
               complete)


async def measure(workdir: Path, count: int, group_count: int, runs: int, *,
                  echo: bool) -> list[Run]:
    groups = demo_groups(group_count)
    async with rig(workdir, echo=echo, env=NO_SEND_LIMIT) as r:
        await create_worlds(r.tg, groups)
        await r.bot.start()
        if not echo:
            began = time.monotonic()
            await _bring_into_reality(r, groups)
            print(f"  {group_count} groups in reality after {time.monotonic() - began:.0f} s",
                  flush=True)
        results = []
        for run in range(runs):
            result = await _measure(r, groups, count, run, echo=echo)
            print(f"  run {run + 1}: {result.line()}", flush=True)
            results.append(result)
        await r.bot.stop(timeout=30)
        return results


async def main(count: int, group_count: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        print(f"echo bot, {runs} bursts of {count} messages over {group_count} groups:")
        echo = await measure(Path(folder) / "echo", count, group_count, runs, echo=True)
        print(f"intervision bot, {runs} bursts of {count} messages over {group_count} groups:")
        bot = await measure(Path(folder) / "bot", count, group_count, runs, echo=False)
    rate = {name: median([r.updates / r.seconds for r in rs])
            for name, rs in (("bot", bot), ("echo", echo))}
    cpu = {name: median([r.cpu_per_update_ms for r in rs])
           for name, rs in (("bot", bot), ("echo", echo))}
    rss = {name: max(r.peak_rss_mb for r in rs) for name, rs in (("bot", bot), ("echo", echo))}
    print("medians:")
    print(f"  updates/s        bot {rate['bot']:8,.0f}   echo {rate['echo']:8,.0f}   "
          f"bot/echo {ratio(rate['bot'], rate['echo'])}")
    print(f"  CPU ms/update    bot {cpu['bot']:8.2f}   echo {cpu['echo']:8.2f}   "
          f"bot/echo {ratio(cpu['bot'], cpu['echo'])}")
    print(f"  peak RSS MB      bot {rss['bot']:8.0f}   echo {rss['echo']:8.0f}   "
          f"bot/echo {ratio(rss['bot'], rss['echo'])}")
    if not all(r.complete for r in bot + echo):
        print("  some bursts were not handled completely within "
              f"{BURST_TIMEOUT:.0f} s: their rates are lower bounds")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:4]]
    defaults = [2000, 20, 3]
    asyncio.run(main(*(args + defaults[len(args):])))
