"""Peak memory of the bot process holding many groups, against a bare echo bot.

The bot's database is prepared with the storage/ functions before the bot starts (as
benchmarks/throughput.py does): 1,000 groups of four who joined and agreed, 100 of them in the
reality phase of a cycle. The fake knows the same groups and people. Then a member writes in
each active group and the script waits until every message is stored as a contribution (read
from the database read-only), and reads VmHWM and VmRSS from /proc. The baseline is the echo
bot after echoing one message in each of the same 100 groups.

Run: .venv/bin/python benchmarks/memory.py [groups] [active]
"""
from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from outside import (
    TALK_MIX,
    Rig,
    confirm_pending_updates,
    create_worlds,
    demo_groups,
    inject,
    memory_mb,
    ratio,
    rig,
    wait_until,
)

from fake_telegram.demo import DemoGroup
from fake_telegram.scenes import db_rows
from flows.cycle.model import Cycle
from flows.model import Phase, Settings
from storage import cycles, groups, members
from storage.db import Database


async def prepare(db_path: Path, prepared: list[DemoGroup], active: int) -> None:
    now = datetime.now(UTC)
    db = await Database.open(db_path)
    try:
        async with db.transaction() as tx:
            for n, demo in enumerate(prepared):
                group, _ = await groups.register(tx, demo.chat_id, 0, demo.title, Settings(),
                                                 now)
                for person in demo.people:
                    await members.started_private(tx, person.user_id, person.first_name, "nl",
                                                  now)
                    await members.join(tx, group.id, person.user_id, person.first_name, now)
                    await members.agree(tx, group.id, person.user_id, now)
                if n < active:
                    inbrenger = demo.members[0].user_id
                    await cycles.create(tx, Cycle(0, group.id, inbrenger, 1, Phase.REALITY, now),
                                        actor_id=demo.admin.user_id, event="start", now=now)
    finally:
        await db.close()


async def measure(r: Rig, prepared: list[DemoGroup], active: int, *, echo: bool) -> dict:
    await create_worlds(r.tg, prepared, announce_bot=False)
    await confirm_pending_updates(r.server)
    await r.bot.start(timeout=120)
    pid = r.bot.pid
    assert pid is not None
    idle = memory_mb(pid, "VmRSS")
    since = await r.tg.mark()
    talkers = prepared[:active]
    messages = [(g.members[1].user_id, g.chat_id, TALK_MIX[n % len(TALK_MIX)])
                for n, g in enumerate(talkers)]
    await inject(r.tg, messages)

    async def handled() -> bool:
        if echo:
            return await r.tg.mark() - since >= 2 * len(messages)
        return db_rows(r.db_path, "SELECT count(*) FROM contributions")[0][0] >= len(messages)

    complete = await wait_until(handled, 180.0)
    await asyncio.sleep(1.0)  # let the last handlers finish what they allocate
    figures = {"idle_rss": idle, "rss": memory_mb(pid, "VmRSS"), "peak": memory_mb(pid),
               "complete": complete}
    await r.bot.stop(timeout=30)
    return figures


async def main(group_count: int, active: int) -> None:
    prepared = demo_groups(group_count, first_user=100_000)
    with tempfile.TemporaryDirectory() as folder:
        async with rig(Path(folder) / "echo", echo=True) as r:
            echo = await measure(r, prepared, active, echo=True)
        async with rig(Path(folder) / "bot") as r:
            await prepare(r.db_path, prepared, active)
            bot = await measure(r, prepared, active, echo=False)
    print(f"{group_count} groups stored, {active} in a cycle, one message handled in each "
          "active group:")
    for name, figures in (("echo bot", echo), ("intervision bot", bot)):
        note = "" if figures["complete"] else "  (INCOMPLETE: not every message was handled)"
        print(f"  {name:16} RSS at start {figures['idle_rss']:6.0f} MB, after {figures['rss']:6.0f}"
              f" MB, peak (VmHWM) {figures['peak']:6.0f} MB{note}")
    print(f"  peak RSS bot/echo {ratio(bot['peak'], echo['peak'])}; "
          f"growth while handling: bot {bot['rss'] - bot['idle_rss']:+.0f} MB, "
          f"echo {echo['rss'] - echo['idle_rss']:+.0f} MB")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    defaults = [1000, 100]
    asyncio.run(main(*(args + defaults[len(args):])))
