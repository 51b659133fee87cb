"""A year of use: how big the database grows and how fast the bot still starts and answers.

Builds a database directly through the storage/ functions: GROUPS groups of six members, each
with a weekly schedule and CYCLES closed cycles (a learning question, a clip, some 40
contributions through goal, reality, options and will, a commitment, a look-back choice and
the phase transitions of a real talk), the words all kept (the retention, 180 days unless a
group sets less, would have erased the oldest: this is the upper bound). Then measures:

- the size of the file;
- the start of the real bot process (`intervision run` against the fake Telegram) until it
  polls: opening and checking the database, restoring the stored timers, planning each
  scheduled group's next meeting;
- the online copy an upgrade makes first (docs/operations.md, Updating and rolling back);
- rendering /summary of a group's last cycle (it looks across all its closed cycles);
- a group's export (Markdown, HTML, JSON): its time and size.

Run: .venv/bin/python benchmarks/year_of_use.py [groups] [cycles]   (default 20 40)
"""
from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from outside import rig

from bot.engine.summaries import group_summary_html
from flows.cycle.model import Clip, Cycle
from flows.model import Group, Phase, Settings
from flows.reports.portfolio import portfolio
from flows.reports.written import as_html, as_markdown, group_portfolio
from flows.schedule.plan import Schedule, parse_schedule
from storage import contributions, cycles, groups, members
from storage.db import Database, Tx
from storage.portfolios import group_rows
from storage.privacy import last_closed_cycle

START = datetime(2026, 9, 1, 13, 0, tzinfo=UTC)
PEOPLE = ("Anna", "Bram", "Cato", "Daan", "Eva", "Finn")
# (phase, step, label, text): one meeting's talk, about 40 messages of a group of six.
TALK = (
    [("goal", "", "open_question", "Wat wil je na deze les anders zien bij de groep?")] * 4
    + [("goal", "", "reflection", "Dus je wilt vooral dat ze langer zelf nadenken.")] * 2
    + [("reality", "see", "observation", "Op 1:23 kijken drie kinderen naar het raam.")] * 6
    + [("reality", "strong", "affirmation", "Sterk hoe je op 2:10 wacht tot het stil is.")] * 5
    + [("reality", "analysis", "open_question", "Wat gebeurde er vlak voordat ze afhaakten?")] * 6
    + [("options", "", "open_question", "Welke mogelijkheden zie je zelf nog?")] * 5
    + [("options", "", "tip", "Je zou ze eerst in tweetallen kunnen laten overleggen.")] * 4
    + [("options", "", "information", "In de methode staat een werkvorm met denkkaartjes.")] * 2
    + [("will", "", "open_question", "Wanneer ga je het proberen, en hoe merk je dat?")] * 4
    + [("will", "", "affirmation", "Mooi voornemen, ben benieuwd naar de volgende clip.")] * 2
)


async def build(db_path: Path, group_count: int, cycle_count: int) -> None:
    db = await Database.open(db_path)
    try:
        for g in range(group_count):
            async with db.transaction() as tx:
                await _group_with_cycles(tx, g, cycle_count)
        await db.checkpoint()
    finally:
        await db.close()


async def _group_with_cycles(tx: Tx, g: int, cycle_count: int) -> None:
    chat_id = -1002000000000 - g
    group, _ = await groups.register(tx, chat_id, 0, f"Intervisie {g + 1}",
                                     Settings(), START)
    schedule = parse_schedule("di 15:00 wekelijks", START, group.settings.timezone)
    assert isinstance(schedule, Schedule)
    await groups.set_schedule(tx, group.id, schedule.to_text())
    people = [1000 * (g + 1) + n for n in range(len(PEOPLE))]
    for user_id, name in zip(people, PEOPLE, strict=True):
        await members.join(tx, group.id, user_id, name, START)
        await members.agree(tx, group.id, user_id, START)
    for number in range(cycle_count):
        await _closed_cycle(tx, group.id, people, number, START + timedelta(days=7 * number))


async def _closed_cycle(tx: Tx, group_id: int, people: list[int], number: int,
                        at: datetime) -> None:
    inbrenger = people[number % len(people)]
    fresh = Cycle(id=0, group_id=group_id, inbrenger_id=inbrenger,
                  number=number // len(people) + 1, phase=Phase.GOAL, phase_started_at=at,
                  learning_question="Hoe krijg ik de klas stil zonder te roepen?",
                  clip=Clip(f"file-{group_id}-{number}", f"u-{group_id}-{number}", "video", 95,
                            4_000_000), consent=True, meeting_at=at,
                  watched_by=frozenset(people))
    cycle = await cycles.create(tx, fresh, actor_id=inbrenger, event="start",
                                now=at)
    for n, (phase, step, label, text) in enumerate(TALK):
        speaker = people[(n % (len(people) - 1) + number + 1) % len(people)]
        await contributions.add(tx, cycle.id, speaker, phase, 10_000 + n,
                                text, label, at + timedelta(minutes=n), step=step)
    before = cycle
    for phase in (Phase.REALITY, Phase.OPTIONS, Phase.WILL, Phase.CLOSED):
        after = replace(before, phase=phase, phase_started_at=at + timedelta(minutes=45))
        if phase is Phase.CLOSED:
            after = replace(after, commitment="Ik laat ze eerst 30 seconden in tweetallen "
                                              "overleggen.", lookback_choice=0, tried="partly")
        await cycles.save(tx, before, after, event="next", actor_id=inbrenger,
                          now=at + timedelta(minutes=45))
        before = after


async def timed(work: Callable[[], Awaitable[object]], repeat: int = 5) -> tuple[float, object]:
    """The median time of `repeat` runs, in ms, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = await work()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), result


async def reading(db_path: Path) -> dict[str, float]:
    db = await Database.open(db_path)
    figures: dict[str, float] = {}
    try:
        async with db.reading() as tx:
            group = (await groups.all_groups(tx))[0]

            async def summary() -> str:
                cycle = await last_closed_cycle(tx, group.id)
                assert cycle is not None
                return await group_summary_html(tx, group, cycle, datetime.now(UTC))

            figures["summary_ms"], _ = await timed(summary)
            for form in ("markdown", "html", "json"):
                figures[f"{form}_ms"], text = await timed(partial(_export, tx, group, form))
                figures[f"{form}_kb"] = len(str(text).encode()) / 1024
        began = time.perf_counter()
        await db.copy_to(db_path.with_name("copy.db"))  # what an upgrade does first
        figures["copy_ms"] = (time.perf_counter() - began) * 1000
    finally:
        await db.close()
    return figures


async def _export(tx: Tx, group: Group, form: str) -> str:
    rows = await group_rows(tx, group.id)
    assert rows is not None
    if form == "json":
        return json.dumps(portfolio(*rows), ensure_ascii=False, indent=2)
    write = as_html if form == "html" else as_markdown
    return write(group_portfolio(*rows), "nl")


async def start_ms(workdir: Path, db_file: Path, repeat: int = 3) -> list[float]:
    """From spawning `intervision run` until it polls, against the fake Telegram."""
    times = []
    async with rig(workdir) as r:
        r.db_path.write_bytes(db_file.read_bytes())
        for _ in range(repeat):
            began = time.perf_counter()
            await r.bot.start(timeout=120)
            times.append((time.perf_counter() - began) * 1000)
            await r.bot.stop(timeout=30)
    return times


async def main(group_count: int, cycle_count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "year.db"
        began = time.perf_counter()
        await build(db_path, group_count, cycle_count)
        built = time.perf_counter() - began
        empty = Path(folder) / "empty.db"
        await (await Database.open(empty)).close()
        empty_start = await start_ms(Path(folder) / "empty-run", empty)
        year_start = await start_ms(Path(folder) / "year-run", db_path)
        figures = await reading(db_path)
        size_mb = db_path.stat().st_size / 1024 / 1024
    print(f"{group_count} groups x {cycle_count} closed cycles, {len(TALK)} contributions each "
          f"(built in {built:.1f} s)")
    print(f"  database file          {size_mb:8.1f} MB "
          f"({size_mb * 1024 / (group_count * cycle_count):.0f} kB per cycle)")
    print(f"  `run` until it polls   {statistics.median(year_start):8.0f} ms "
          f"(an empty database: {statistics.median(empty_start):.0f} ms)")
    print(f"  copy before upgrading  {figures['copy_ms']:8.0f} ms")
    print(f"  /summary of a group    {figures['summary_ms']:8.1f} ms")
    for form in ("markdown", "html", "json"):
        print(f"  export {form:9}       {figures[f'{form}_ms']:8.1f} ms, "
              f"{figures[f'{form}_kb']:.0f} kB")


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:3]]
    asyncio.run(main(*(arguments + [20, 40][len(arguments):])))
