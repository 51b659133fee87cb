"""How much one bot process can carry: member messages per second through the whole path
that does not wait for Telegram (load the cycle, classify, decide the nudge, store it all with
its outbox mail in one SQLite transaction), with many groups talking at once, and the process's memory.

Run: .venv/bin/python benchmarks/throughput.py [groups] [messages]
Telegram allows a bot about 30 messages a second in all, so the storage path must stay well
above that; sending is the bot's real limit.
"""
from __future__ import annotations

import asyncio
import resource
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.engine.events import decide_in
from bot.engine.work import Once, Unit, claim
from flows.cycle.events import Contribution
from flows.cycle.model import Cycle
from flows.model import Phase, Settings
from storage import cycles, groups, members
from storage.db import Database

TEXTS = ["Je zou meer wachttijd kunnen geven na je vraag.", "Wat zag je op 1:23 gebeuren?",
         "op 0:45 draait Tim zich om naar het raam", "Why don't you put them in pairs first?",
         "Je wilt rust, maar je bent bang dat je ze kwijtraakt.", "Thanks for sharing this!"]


async def _prepare(db: Database, count: int, now: datetime) -> list:  # type: ignore[type-arg]
    prepared = []
    async with db.transaction() as tx:
        for n in range(count):
            group, _ = await groups.register(tx, -1000 - n, 0, f"Groep {n}", Settings(), now)
            for user_id in range(1, 5):
                await members.join(tx, group.id, user_id, f"Lid {user_id}", now)
            await cycles.create(tx, Cycle(0, group.id, 1, 1, Phase.REALITY, now), actor_id=1,
                                event="start", now=now)
            prepared.append(group)
    return prepared


async def one_run(group_count: int, message_count: int, *, secure_delete: bool
                  ) -> tuple[float, float]:
    """Messages a second, and the median milliseconds a message."""
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "bench.db")
        if not secure_delete:  # the baseline: SQLite's default, erased words left in free pages
            async with db.transaction() as tx:
                await tx.execute("PRAGMA secure_delete = OFF")
        now = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
        prepared = await _prepare(db, group_count, now)
        timings: list[float] = []
        began = time.perf_counter()

        async def talk(index: int) -> None:
            group = prepared[index % group_count]
            event = Contribution(2 + index % 3, 10_000 + index, TEXTS[index % len(TEXTS)])
            start = time.perf_counter()
            at = now + timedelta(seconds=index)
            async with db.transaction() as tx:  # what bot/engine/work.py does for an update
                if await claim(tx, Once(update_id=index), at):
                    await decide_in(Unit(tx, at), group, event)
            timings.append(time.perf_counter() - start)

        for batch in range(0, message_count, 50):  # 50 handlers in flight, as with many chats
            await asyncio.gather(*(talk(i) for i in range(batch, min(batch + 50,
                                                                       message_count))))
        elapsed = time.perf_counter() - began
        await db.close()
    return message_count / elapsed, statistics.median(timings) * 1000


async def main(group_count: int, message_count: int, rounds: int = 3) -> None:
    """The bot opens SQLite with secure_delete on (erased words are overwritten, storage/db.py);
    the baseline is the same path with it off, in alternating runs of the same script."""
    rates: dict[bool, list[float]] = {True: [], False: []}
    medians: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(rounds):
        for secure in (False, True):
            rate, median_ms = await one_run(group_count, message_count, secure_delete=secure)
            rates[secure].append(rate)
            medians[secure].append(median_ms)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for secure, name in ((True, "as shipped (secure_delete on)"),
                         (False, "baseline (secure_delete off)")):
        print(f"{name}: {message_count} messages over {group_count} groups, median of {rounds} "
              f"runs {statistics.median(rates[secure]):,.0f} messages/s; per message (with "
              f"waiting for the one connection) median {statistics.median(medians[secure]):.1f} ms")
    print(f"ratio shipped/baseline: {statistics.median(rates[True]) / statistics.median(rates[False]):.2f}x"
          f"; peak memory {rss_mb:.0f} MB")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:4]]
    asyncio.run(main(*(args or [200, 5000])))
