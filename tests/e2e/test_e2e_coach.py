"""Coaches: a single-use invite made by an admin; after a cycle, the coach receives the
summary with the balance per member and a participation chart, privately."""
from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from fake_telegram import FakeTelegramControl
from fake_telegram.control import MessageView
from fake_telegram.demo import Person
from tests.e2e.harness import BotProcess, DemoGroup
from tests.e2e.scenes import (
    NEXT_HEADING,
    Cycle,
    button_data,
    click_and_wait,
    has_button,
    make_clip,
    set_up_group,
)
from tests.waiting import eventually

COACH, INTRUDER = 2001, 2002


async def test_a_linked_coach_receives_the_summary_and_a_chart(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await set_up_group(tg, demo_group)
    anna = demo_group.admin
    since = await tg.mark()
    await tg.send_text(anna.user_id, demo_group.chat_id, "/coach")
    invite = await tg.wait_for_text(anna.user_id, "start=coach_", since=since)
    link = re.search(r"start=coach_([\w-]+)", invite["text"])
    assert link is not None, invite["text"]
    token = link.group(1)
    group_view = await tg.bot_messages(demo_group.chat_id, since=since)
    assert not any(token in (m["text"] or "") for m in group_view)  # never posted in the group

    await tg.add_user(COACH, "Coach Carla")
    await tg.start_private_chat(COACH, payload=f"coach_{token}")
    await tg.wait_for_text(COACH, "coach van", since=since)
    await tg.add_user(INTRUDER, "Iemand")
    await tg.start_private_chat(INTRUDER, payload=f"coach_{token}")
    await tg.wait_for_text(INTRUDER, "niet (meer) geldig", since=since)  # single use
    after_refusal = await tg.mark()

    bram = demo_group.members[0]
    commitments = ["Ik ga bij de deur wachten tot iedereen zit.",
                   "Ik ga de opdracht al op het bord zetten."]
    for number, commitment in enumerate(commitments, start=1):
        since = await tg.mark()
        cycle = Cycle(tg, demo_group, make_clip(tmp_path))
        if number == 1:
            await cycle.play(bram, commitment)
        else:
            group_summary = await _play_saying_what_was_tried(cycle, bram, commitment)
            assert "Laat de nieuwe clip het zien? deels" in group_summary["text"]
        summary = await tg.wait_for_text(COACH, "Cyclus-samenvatting voor de coach",
                                         since=since)
        assert "activerend / neutraal / compenserend" in summary["text"]
        assert commitment in summary["text"]
        photos = 1 if number == 1 else 2  # participation; then also the trend over cycles
        # The charts follow the summary.
        sent = await eventually(partial(_charts, tg, since, photos),
                                what=f"{photos} chart(s) for the coach")
        assert len(sent) == photos
        assert (await tg.download(sent[0]["file_id"]))[:8] == b"\x89PNG\r\n\x1a\n"
    # The second summary shows Bram's chain across both cycles and the group's trend.
    assert commitments[0] in summary["text"] and "Aandeel activerende" in summary["text"]
    assert "(clip 2 liet het vorige voornemen zien: deels)" in summary["text"]  # the chain
    # The intruder was refused once and heard nothing of the cycles that followed.
    assert not await tg.bot_messages(INTRUDER, since=after_refusal)


async def _play_saying_what_was_tried(cycle: Cycle, bram: Person,
                                      commitment: str) -> MessageView:
    """Bram's second cycle: when the talk opens he is reminded of his last commitment and
    answers that the new clip shows it partly; the group summary is returned."""
    tg = cycle.tg
    since = await tg.mark()
    await cycle.intake(await cycle.start(bram.first_name), bram.user_id)
    asked = await tg.wait_for(has_button("tried"), chat_id=cycle.chat, since=since)
    assert "Laat de clip die je inbrengt zien wat je hebt geprobeerd?" in asked["text"]
    await click_and_wait(tg, bram.user_id, asked, button_data(asked, "tried", "partly"))
    for phase, heading in NEXT_HEADING.items():
        await cycle.talk(phase, bram.user_id)
        await cycle.next_phase(bram.user_id, heading)
    return await cycle.close(bram.user_id, commitment)


async def _charts(tg: FakeTelegramControl, since: int, at_least: int) -> list[MessageView]:
    """The photos the coach got since the mark, once there are `at_least` of them."""
    sent = [m for m in await tg.bot_messages(COACH, since=since) if m["media"] == "photo"]
    return sent if len(sent) >= at_least else []
