"""Coaches managed (issue 18): /coach list shows names only, /coach remove unlinks one,
/coach revoke stops open invites, a coach's /forget unlinks them everywhere; a coach who
blocked the bot never stops another coach's summary; a coach exports the group's portfolio
(Markdown, HTML and JSON, names only)."""
from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import httpx

from fake_telegram import FakeTelegramControl
from tests.e2e.harness import BotProcess, DemoGroup, FakeTelegram
from tests.e2e.scenes import QUESTION, Cycle, buttons, click_and_wait, make_clip, set_up_group

CARLA, DIRK, EVA = 2001, 2002, 2003
COMMITMENT = "Ik ga bij de deur wachten tot iedereen zit."


async def _invite(tg: FakeTelegramControl, group: DemoGroup) -> str:
    since = await tg.mark()
    await tg.send_text(group.admin.user_id, group.chat_id, "/coach")
    invite = await tg.wait_for_text(group.admin.user_id, "start=coach_", since=since)
    return re.search(r"start=coach_([\w-]+)", invite["text"]).group(1)  # type: ignore[union-attr]


async def _link(tg: FakeTelegramControl, group: DemoGroup, user_id: int, name: str) -> None:
    token = await _invite(tg, group)
    since = await tg.mark()
    await tg.add_user(user_id, name)
    await tg.start_private_chat(user_id, payload=f"coach_{token}")
    await tg.wait_for_text(user_id, "coach van", since=since)


async def _documents(tg: FakeTelegramControl, fake: FakeTelegram, chat_id: int, since: int,
                     count: int) -> dict[str, str]:
    """The documents the bot sent, by file name, fetched as a Telegram client would."""
    found: dict[str, str] = {}
    views: list[dict] = []
    for _ in range(200):
        views = [v for v in await tg.bot_messages(chat_id, since=since)
                 if v["media"] == "document"]
        if len(views) >= count:
            break
        await asyncio.sleep(0.05)
    assert len(views) == count, [v["message"]["document"]["file_name"] for v in views]
    async with httpx.AsyncClient() as client:
        for view in views:
            got = await client.post(f"{fake.url}/bot{fake.token}/getFile",
                                    json={"file_id": view["file_id"]})
            path = got.json()["result"]["file_path"]
            content = await client.get(f"{fake.url}/file/bot{fake.token}/{path}")
            found[view["message"]["document"]["file_name"]] = content.text
    return found


async def test_coaches_listed_removed_revoked_and_forgotten(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess) -> None:
    chat, anna, bram = demo_group.chat_id, demo_group.admin, demo_group.members[0]
    await set_up_group(tg, demo_group)
    await _link(tg, demo_group, CARLA, "Carla Coach")
    await _link(tg, demo_group, DIRK, "Dirk de Vries")
    open_token = await _invite(tg, demo_group)

    since = await tg.mark()
    await tg.send_text(bram.user_id, chat, "/coach list")
    listed = await tg.wait_for_text(chat, "Coaches van deze groep (2)", since=since)
    assert "Carla Coach" in listed["text"] and "Dirk de Vries" in listed["text"]
    assert str(CARLA) not in listed["text"] and str(DIRK) not in listed["text"]

    await tg.send_text(bram.user_id, chat, "/coach remove carla")
    await tg.wait_for_text(chat, "Alleen een beheerder", since=since)
    await tg.send_text(anna.user_id, chat, "/coach remove Zeno")
    await tg.wait_for_text(chat, "Deze groep heeft geen coach die „Zeno”", since=since)
    await tg.send_text(anna.user_id, chat, "/coach remove carla")
    await tg.wait_for_text(chat, "Carla Coach is geen coach van deze groep meer", since=since)

    await tg.send_text(anna.user_id, chat, "/coach revoke")
    await tg.wait_for_text(chat, "1 open uitnodiging is ingetrokken", since=since)
    await tg.add_user(EVA, "Eva")
    await tg.start_private_chat(EVA, payload=f"coach_{open_token}")
    await tg.wait_for_text(EVA, "niet (meer) geldig", since=since)

    # Dirk forgets himself: one confirmation, then he is nobody's coach any more.
    since = await tg.mark()
    await tg.send_text(DIRK, DIRK, "/forget")
    confirm = await tg.wait_for_text(DIRK, "Je bent coach van", since=since)
    assert demo_group.title in confirm["text"]
    await click_and_wait(tg, DIRK, confirm,
                         next(d for d in buttons(confirm) if d.startswith("forget:yes")))
    await tg.wait_for_text(DIRK, "geen coach meer van 1 groep", since=since)
    await tg.send_text(bram.user_id, chat, "/coach list")
    await tg.wait_for_text(chat, "nog geen coach", since=since)
    await tg.send_text(DIRK, DIRK, "/forget")
    await tg.wait_for_text(DIRK, "Ik bewaar niets over jou", since=since)


async def test_a_blocked_coach_never_stops_another_and_a_coach_exports_the_portfolio(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        fake_telegram: FakeTelegram, tmp_path: Path) -> None:
    await set_up_group(tg, demo_group)
    await _link(tg, demo_group, CARLA, "Carla Coach")
    await _link(tg, demo_group, DIRK, "Dirk de Vries")
    await tg.block_bot(CARLA)  # linked first: her summary is tried first

    since = await tg.mark()
    await Cycle(tg, demo_group, make_clip(tmp_path)).play(demo_group.members[0], COMMITMENT)
    summary = await tg.wait_for_text(DIRK, "Cyclus-samenvatting voor de coach", since=since)
    assert COMMITMENT in summary["text"]
    assert not await tg.bot_messages(CARLA, since=since)

    since = await tg.mark()
    await tg.send_text(DIRK, DIRK, "/export")
    files = await _documents(tg, fake_telegram, DIRK, since, 4)  # his own data (JSON) too
    assert '"name": "Dirk de Vries"' in files.pop("intervision-export.json")
    [markdown] = [text for name, text in files.items() if name.endswith(".md")]
    [page] = [text for name, text in files.items() if name.endswith(".html")]
    [data] = [text for name, text in files.items() if name.endswith(".json")]
    assert markdown.startswith("# Portfolio van de groep")
    assert QUESTION in markdown and COMMITMENT in markdown and "Bram" in markdown
    assert "<h1>Portfolio van de groep" in page
    [cycle] = json.loads(data)["cycles"]  # the data model of `intervision export --format json`
    assert (cycle["inbrenger"], cycle["learning_question"], cycle["commitment"]) == (
        "Bram", QUESTION, COMMITMENT)
    for user_id in [*(p.user_id for p in demo_group.people), CARLA, DIRK, demo_group.chat_id]:
        assert all(str(user_id) not in text for text in (markdown, page, data))
