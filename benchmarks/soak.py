"""Whole cycles in several groups at once, for minutes, with 10 % of Bot API calls failing
(429, 500, 502, timeouts, resets) and the bot SIGKILLed and restarted at random moments.

Each group plays cycles over and over (start, clip, watched, talk in goal/reality/options,
the commitment, look back, summary). A step that gets no answer within STEP_TIMEOUT is logged
and the cycle abandoned (/cancel), so the script never hangs. At the end faults are switched
off, the bot gets time to catch up, and the script reports what was sent, the faults and kills,
member messages lost or stored twice (read-only from the bot's database), awaited bot messages
that came late or never, and bot messages that arrived twice.

Run: .venv/bin/python benchmarks/soak.py [groups] [minutes] [kills] [seed]
"""
from __future__ import annotations

import asyncio
import itertools
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from outside import Rig, create_worlds, demo_groups, rig, wait_until

from fake_telegram import ControlError
from fake_telegram.demo import DemoGroup
from fake_telegram.limits import FAULT_KINDS, FaultSettings
from fake_telegram.scenes import (
    NEXT_HEADING,
    Cycle,
    db_rows,
    has_button,
    make_clip,
    set_up_group,
)

STEP_TIMEOUT = 30.0
CATCH_UP = 60.0
DUPLICATE_SPAN = 10  # seconds: the same text twice in one chat this close is a duplicate
COMMITMENT = "Ik ga bij de deur wachten tot iedereen zit, zodat we rustig beginnen."
STEP_ERRORS = (AssertionError, ControlError, httpx.HTTPError)


@dataclass
class Tally:
    sent: list[tuple[int, int]] = field(default_factory=list)  # (chat_id, message_id)
    updates: int = 0
    cycles_closed: int = 0
    abandoned: Counter[str] = field(default_factory=Counter)  # by the step that stalled
    awaited: list[tuple[int, str, int, str]] = field(default_factory=list)  # stalled waits
    failed_starts: int = 0
    crashes: int = 0  # exits nobody asked for


class Player:
    """One group playing cycles until `until`; every failure is logged, never raised."""

    def __init__(self, rig_: Rig, group: DemoGroup, clip: Path, tally: Tally) -> None:
        self.r, self.group, self.clip, self.tally = rig_, group, clip, tally

    async def play(self, until: float) -> None:
        number = 0
        while time.monotonic() < until:
            inbrenger = self.group.members[number % len(self.group.members)]
            number += 1
            cycle = Cycle(self.r.tg, self.group, self.clip, timeout=STEP_TIMEOUT)
            step, needle, since = "start", "accept button", await self.r.tg.mark()
            try:
                self.tally.updates += 1
                announcement = await cycle.start(inbrenger.first_name)
                step, needle, since = "intake", "Doel", await self.r.tg.mark()
                self.tally.updates += 6
                await cycle.intake(announcement, inbrenger.user_id)
                for phase, heading in NEXT_HEADING.items():
                    step = f"talk:{phase}"
                    await cycle.talk(phase, inbrenger.user_id)
                    step, needle, since = f"next:{phase}", heading, await self.r.tg.mark()
                    self.tally.updates += 1
                    await cycle.next_phase(inbrenger.user_id, heading)
                step, needle, since = "close", "Samenvatting", await self.r.tg.mark()
                self.tally.updates += 3
                await cycle.close(inbrenger.user_id, COMMITMENT)
                self.tally.cycles_closed += 1
            except STEP_ERRORS as error:
                self._stalled(step, needle, since, error)
                await self._cancel()
            except Exception as error:  # noqa: BLE001 - a player logs and plays on
                self._stalled(step, needle, since, error)
            finally:
                self.tally.sent += [(self.group.chat_id, m) for m in cycle.sent]
                self.tally.updates += len(cycle.sent)

    def _stalled(self, step: str, needle: str, since: int, error: Exception) -> None:
        self.tally.abandoned[step.split(":")[0]] += 1
        self.tally.awaited.append((self.group.chat_id, needle, since, step))
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        print(f"  [{self.group.title}] {step} stalled ({first_line[:90]}); cycle abandoned",
              flush=True)

    async def _cancel(self) -> None:
        try:
            since = await self.r.tg.mark()
            self.tally.updates += 1
            await self.r.tg.send_text(self.group.admin.user_id, self.group.chat_id, "/cancel")
            await self.r.tg.wait_for_text(self.group.chat_id, "gestopt", since=since,
                                          timeout=STEP_TIMEOUT)
        except STEP_ERRORS:
            pass  # the next /cycle will tell; a stuck group keeps stalling and is counted


async def start_bot(r: Rig, tally: Tally, attempts: int = 10) -> None:
    """Starts the bot, again and again while it dies during start-up (under faults its
    post-init Bot API calls may fail)."""
    for _ in range(attempts):
        try:
            await r.bot.start(timeout=90)
            return
        except RuntimeError as error:
            tally.failed_starts += 1
            print(f"  start failed: {str(error).splitlines()[0]}; again", flush=True)
            await asyncio.sleep(1.0)
    print(f"  the bot did not start in {attempts} attempts", flush=True)


async def killer(r: Rig, tally: Tally, kills: int, until: float, seed: int) -> int:
    """SIGKILLs the bot at `kills` random moments before `until` and restarts it each time;
    restarts it too when it died by itself."""
    chance = random.Random(seed)
    now = time.monotonic()
    moments = sorted(chance.uniform(now + 20, until - 10) for _ in range(kills))
    done = 0
    while time.monotonic() < until:
        await asyncio.sleep(1.0)
        if not r.bot.running:
            tally.crashes += 1
            print(f"  the bot died by itself (exit code {r.bot.returncode}); restarting",
                  flush=True)
            await start_bot(r, tally)
        if moments and time.monotonic() >= moments[0]:
            moments.pop(0)
            await r.bot.kill()
            done += 1
            print(f"  bot killed ({done}/{kills}); restarting", flush=True)
            await asyncio.sleep(chance.uniform(0.5, 3.0))
            await start_bot(r, tally)
    return done


def duplicates(views: list[dict]) -> list[tuple[int, str]]:
    """(chat, text) of bot messages that came twice within DUPLICATE_SPAN seconds."""
    seen: dict[tuple[int, str], list[int]] = {}
    for view in views:
        if view["text"] and not view["deleted"]:
            seen.setdefault((view["chat_id"], view["text"]), []).append(view["date"])
    found = []
    for key, dates in seen.items():
        dates.sort()
        found += [key for a, b in itertools.pairwise(dates) if b - a <= DUPLICATE_SPAN]
    return found


async def main(group_count: int, minutes: float, kills: int, seed: int) -> None:
    faults = FaultSettings(rate=0.1, kinds=FAULT_KINDS, seed=seed)
    with tempfile.TemporaryDirectory() as folder:
        async with rig(Path(folder), env={"INTERVISION_GROUP_MESSAGES_PER_MINUTE": "1200"}) as r:
            groups = demo_groups(group_count, first_chat=-1002200000000, first_user=40_000)
            await create_worlds(r.tg, groups)
            await r.bot.start()
            clip = make_clip(r.workdir)
            await asyncio.gather(*(set_up_group(r.tg, g, timeout=60) for g in groups))
            print(f"{group_count} groups set up; faults on (10 %, all kinds, seed {seed}) for "
                  f"{minutes:g} minutes with {kills} kills", flush=True)
            await r.tg.set_faults(faults.rate, faults.kinds, seed=seed)
            tally = Tally()
            until = time.monotonic() + minutes * 60
            players = [asyncio.create_task(Player(r, g, clip, tally).play(until))
                       for g in groups]
            kill_count = await killer(r, tally, kills, until, seed)
            _, late = await asyncio.wait(players, timeout=max(0, until - time.monotonic())
                                            + 8 * STEP_TIMEOUT)
            for task in late:
                task.cancel()
            fault_stats = (await r.tg.limit_stats())["faults"]
            await r.tg.set_faults(0)
            print(f"faults off; giving the bot up to {CATCH_UP:.0f} s to catch up", flush=True)
            if not r.bot.running:
                await start_bot(r, tally)

            async def quiet() -> bool:
                stats = await r.tg.update_stats()
                return bool(stats["pending"] == 0 and stats["waiting"])

            await wait_until(quiet, CATCH_UP)
            await asyncio.sleep(10)  # handlers and retries still under way
            views = await r.tg.bot_messages()
            late_or_never = []
            for chat_id, needle, since, step in tally.awaited:
                if needle == "accept button":
                    arrived = any(has_button("accept")(v) for v in views
                                  if v["chat_id"] == chat_id and v["seq"] > since)
                else:
                    arrived = any(needle in (v["text"] or "") for v in views
                                  if v["chat_id"] == chat_id and v["seq"] > since)
                late_or_never.append((step, arrived))
            await r.bot.stop(timeout=60)
            stored = db_rows(r.db_path, """
                SELECT g.chat_id, c.message_id, count(*) FROM contributions c
                JOIN cycles cy ON cy.id = c.cycle_id JOIN groups g ON g.id = cy.group_id
                GROUP BY g.chat_id, c.message_id""")
    report(tally, fault_stats, kill_count, stored, late_or_never, duplicates(views))


def report(tally: Tally, fault_stats: dict, kill_count: int, stored: list[tuple],
           late_or_never: list[tuple[str, bool]], doubles: list[tuple[int, str]]) -> None:
    counts = {(chat, message): n for chat, message, n in stored}
    lost = [m for m in tally.sent if m not in counts]
    twice = [m for m in tally.sent if counts.get(m, 0) > 1]
    never = Counter(step for step, arrived in late_or_never if not arrived)
    came_late = Counter(step for step, arrived in late_or_never if arrived)
    print("soak result:")
    print(f"  updates sent (approx.): {tally.updates}; cycles closed: {tally.cycles_closed}; "
          f"cycles abandoned: {sum(tally.abandoned.values())} {dict(tally.abandoned)}")
    print(f"  faults given: {fault_stats['total']} {fault_stats['by_kind']}; kills: {kill_count};"
          f" crashes by itself: {tally.crashes}; failed starts: {tally.failed_starts}")
    print(f"  member messages: sent {len(tally.sent)}, stored {len(tally.sent) - len(lost)}, "
          f"LOST {len(lost)}, stored twice {len(twice)}")
    print(f"  awaited bot messages that never arrived (even after catch-up): "
          f"{sum(never.values())} {dict(never)}; arrived only late: "
          f"{sum(came_late.values())} {dict(came_late)}")
    print(f"  bot messages that arrived twice within {DUPLICATE_SPAN} s: {len(doubles)}")
    for chat, text in doubles[:8]:
        print(f"    [{chat}] {text[:70]!r}")


if __name__ == "__main__":
    args = sys.argv[1:5]
    asyncio.run(main(int(args[0]) if args else 4, float(args[1]) if len(args) > 1 else 4,
                     int(args[2]) if len(args) > 2 else 3, int(args[3]) if len(args) > 3 else 1))
