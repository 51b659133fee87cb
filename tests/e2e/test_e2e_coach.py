"""Coaches: a single-use invite made by an admin; after a cycle, the coach receives the
summary with the balance per member and a participation chart, privately."""
from __future__ import annotations

import re
from pathlib import Path

from harness import BotProcess, DemoGroup
from scenes import Cycle, make_clip, set_up_group

from bot.fake_telegram import FakeTelegramControl

COACH, INTRUDER = 2001, 2002


async def test_a_linked_coach_receives_the_summary_and_a_chart(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await set_up_group(tg, demo_group)
    anna = demo_group.admin
    since = await tg.mark()
    await tg.send_text(anna.user_id, demo_group.chat_id, "/coach")
    invite = await tg.wait_for_text(anna.user_id, "start=coach_", since=since)
    token = re.search(r"start=coach_([\w-]+)", invite["text"]).group(1)  # type: ignore[union-attr]
    group_view = await tg.bot_messages(demo_group.chat_id, since=since)
    assert not any(token in (m["text"] or "") for m in group_view)  # never posted in the group

    await tg.add_user(COACH, "Coach Carla")
    await tg.start_private_chat(COACH, payload=f"coach_{token}")
    await tg.wait_for_text(COACH, "coach van", since=since)
    await tg.add_user(INTRUDER, "Iemand")
    await tg.start_private_chat(INTRUDER, payload=f"coach_{token}")
    await tg.wait_for_text(INTRUDER, "niet (meer) geldig", since=since)  # single use

    bram = demo_group.members[0]
    cycle = Cycle(tg, demo_group, make_clip(tmp_path))
    await cycle.intake(await cycle.start("Bram"), bram.user_id)
    await cycle.talk("goal", bram.user_id)
    await cycle.next_phase(bram.user_id, "Realiteit")
    await cycle.talk("reality", bram.user_id)
    await cycle.next_phase(bram.user_id, "Opties")
    await cycle.next_phase(bram.user_id, "Voornemen")
    await cycle.close(bram.user_id, "Ik ga bij de deur wachten tot iedereen zit.")
    summary = await tg.wait_for_text(COACH, "Cyclus-samenvatting voor de coach", since=since)
    assert "activerend / neutraal / compenserend" in summary["text"]
    assert "Ik ga bij de deur wachten" in summary["text"]
    chart = await tg.wait_for(lambda m: m["media"] == "photo", chat_id=COACH, since=since)
    assert (await tg.download(chart["file_id"]))[:8] == b"\x89PNG\r\n\x1a\n"
    assert not await tg.bot_messages(INTRUDER, since=await tg.mark())
