"""Does one noisy chat stall everyone else? The fake enforces Telegram's limits and the bot
runs at Telegram's real rates (its default settings).

Group A (in reality) floods 300 member messages in a few seconds; a stranger sends 200
commands in a chat where the bot was added but never set up; meanwhile group C's admin asks
/status 15 times, one every 4 s, and a member of C posts a tip in reality, which must get a
private nudge. Prints the latency of each /status answer (median, max), the nudge latency,
the 429s the fake gave, what never arrived, and how long the bot takes to stop (SIGINT to exit)
right after. Gives up on answers after FLOOD_DEADLINE seconds.

Run: .venv/bin/python benchmarks/flood.py
"""
from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from outside import TALK_MIX, Rig, create_worlds, demo_groups, inject, median, rig

from fake_telegram.scenes import into_reality, make_clip

FLOOD_DEADLINE = 200.0  # seconds after the floods began
QUIET_MINUTE = 62.0  # Telegram's window of 20 messages a minute per group, and a margin
STATUS_COUNT, STATUS_EVERY = 15, 4.0
STRANGER, STRANGER_CHAT = 90_001, -1003000000001
STRANGER_COMMANDS = ("/status", "/help", "/cycle", "/next", "/join", "/roster", "/summary",
                     "/tips")
TIP = "Je zou meer wachttijd kunnen geven na je vraag."


async def _arrivals(r: Rig, chat_id: int, needle: str, since: int, count: int,
                    deadline: float) -> list[float]:
    """Monotonic times at which the 1st, 2nd, ... bot message containing `needle` was seen."""
    seen: list[float] = []
    while len(seen) < count and time.monotonic() < deadline:
        found = [m for m in await r.tg.bot_messages(chat_id, since=since)
                 if needle in (m["text"] or "")]
        seen += [time.monotonic()] * (len(found) - len(seen))
        await asyncio.sleep(0.1)
    return seen


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        async with rig(Path(folder), limits=True) as r:
            group_a, group_c = demo_groups(2, first_chat=-1002100000000, first_user=30_000)
            await create_worlds(r.tg, [group_a, group_c])
            await r.tg.add_user(STRANGER, "Onbekend")
            await r.tg.add_group(STRANGER_CHAT, "Niet ingesteld", supergroup=True,
                                 admins=[STRANGER], added_by=STRANGER)
            await r.bot.start()
            make_clip(r.workdir)
            print("bringing groups A and C into reality at Telegram's rates ...", flush=True)
            began = time.monotonic()
            await asyncio.gather(into_reality(r.tg, group_a, r.workdir, timeout=120.0),
                                 into_reality(r.tg, group_c, r.workdir, timeout=120.0))
            print(f"  ready after {time.monotonic() - began:.0f} s; 429s so far: "
                  f"{(await r.tg.limit_stats())['limits']['total']}", flush=True)
            # Setting C up just sent it about twenty messages: Telegram's minute for C is full.
            # The measurement starts when that minute has passed, so that what it shows is
            # what the floods elsewhere do to C, not C's own set-up.
            quiet = max(0.0, QUIET_MINUTE - (time.monotonic() - began))
            print(f"  waiting {quiet:.0f} s for C's minute to pass", flush=True)
            await asyncio.sleep(quiet)

            since = await r.tg.mark()
            start = time.monotonic()
            deadline = start + FLOOD_DEADLINE
            flood_a = [(group_a.people[i % 4].user_id, group_a.chat_id,
                        TALK_MIX[i % len(TALK_MIX)]) for i in range(300)]
            flood_s = [(STRANGER, STRANGER_CHAT, STRANGER_COMMANDS[i % len(STRANGER_COMMANDS)])
                       for i in range(200)]
            cato = group_c.members[1].user_id
            status_sent: list[float] = []

            async def ask_status() -> None:
                for _ in range(STATUS_COUNT):
                    status_sent.append(time.monotonic())
                    await r.tg.send_text(group_c.admin.user_id, group_c.chat_id, "/status")
                    await asyncio.sleep(STATUS_EVERY)

            tip_sent = time.monotonic()
            await r.tg.send_text(cato, group_c.chat_id, TIP)
            statuses, nudges, *_ = await asyncio.gather(
                _arrivals(r, group_c.chat_id, "Fase", since, STATUS_COUNT, deadline),
                _arrivals(r, cato, "als vraag", since, 1, deadline),
                inject(r.tg, flood_a, in_flight=8), inject(r.tg, flood_s, in_flight=8),
                ask_status())
            flood_seconds = time.monotonic() - start
            stats = await r.tg.limit_stats()
            stop_began = time.monotonic()
            try:
                code = await r.bot.stop(timeout=60)
                stop = f"{time.monotonic() - stop_began:.1f} s (exit code {code})"
            except AssertionError:
                stop = "did not exit within 60 s of SIGINT (killed)"
            in_a = len(await r.tg.bot_messages(group_a.chat_id, since=since))
            in_s = len(await r.tg.bot_messages(STRANGER_CHAT, since=since))

    latencies = [a - s for a, s in zip(statuses, status_sent, strict=False)]
    print(f"floods and /status series over after {flood_seconds:.0f} s:")
    if latencies:
        print(f"  /status answers: {len(latencies)} of {STATUS_COUNT}; latency median "
              f"{median(latencies):.1f} s, max {max(latencies):.1f} s; each: "
              + ", ".join(f"{x:.1f}" for x in latencies))
    if len(latencies) < STATUS_COUNT:
        print(f"  NEVER ARRIVED (within {FLOOD_DEADLINE:.0f} s): "
              f"{STATUS_COUNT - len(latencies)} /status answers")
    print("  nudge for the tip in C: " + (f"{nudges[0] - tip_sent:.1f} s" if nudges
                                         else "NEVER ARRIVED"))
    limits = stats["limits"]
    print(f"  429s the fake gave: {limits['total']} (by chat: {limits['by_chat']})")
    print(f"  bot messages meanwhile: {in_a} in flooding group A, {in_s} in the stranger's chat")
    print(f"  stop (SIGINT -> exit) right after: {stop}")


if __name__ == "__main__":
    asyncio.run(main())
