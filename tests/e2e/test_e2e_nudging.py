"""Issue 5: in reality a tip gets one kind nudge with a rephrased question, privately where
the writer started the bot, else as a reply in the group; questions get none; after /tips
nothing; a burst of tips does not become a burst of nudges."""
from __future__ import annotations

from pathlib import Path

from fake_telegram import FakeTelegramControl
from tests.e2e.harness import BotProcess, DemoGroup
from tests.e2e.scenes import (
    Cycle,
    button_data,
    buttons,
    click_and_wait,
    db_rows,
    has_button,
    into_reality,
    make_clip,
    set_up_group,
    settled,
)

TIP = "Je zou meer wachttijd kunnen geven na je vraag."


def _nudges(messages: list[dict]) -> list[dict]:
    """A nudge names what it read ("Ik lees hier een tip"); not every one offers a question."""
    return [m for m in messages if "Ik lees hier" in (m["text"] or "")]


async def test_a_tip_gets_one_private_nudge_and_a_question_none(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await into_reality(tg, demo_group, tmp_path)
    cato = demo_group.members[1]
    since = await tg.mark()
    await tg.send_text(cato.user_id, demo_group.chat_id, "Wat merkte je bij jezelf op 0:02?")
    await tg.send_text(cato.user_id, demo_group.chat_id, TIP)
    nudge = await tg.wait_for(lambda m: "als vraag" in (m["text"] or ""), chat_id=cato.user_id,
                              since=since)
    assert "Wat zou er gebeuren" in nudge["text"] and "zou ... kunnen" in nudge["text"]
    await settled(tg, tmp_path / "intervision.db")
    in_group = await tg.bot_messages(demo_group.chat_id, since=since)
    assert not _nudges(in_group)  # private by default: no public correction
    assert len(_nudges(await tg.bot_messages(cato.user_id, since=since))) == 1


async def test_a_writer_without_a_private_chat_gets_a_reply_in_the_group(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await set_up_group(tg, demo_group)
    await tg.add_user(1005, "Eva")  # never started the bot
    await tg.add_member(demo_group.chat_id, 1005)
    await tg.send_text(1005, demo_group.chat_id, "/join")
    welcome = await tg.wait_for_text(demo_group.chat_id, "Welkom, Eva")
    await click_and_wait(tg, 1005, welcome, buttons(welcome)[0])  # agrees to the agreements
    await into_reality(tg, demo_group, tmp_path, set_up=False, extra_watchers=(1005,))
    since = await tg.mark()
    tip = await tg.send_text(1005, demo_group.chat_id, TIP)
    nudge = await tg.wait_for(lambda m: "als vraag" in (m["text"] or ""),
                              chat_id=demo_group.chat_id, since=since)
    assert nudge["reply_to"] == tip["message_id"]


async def test_after_tips_are_welcome_the_same_tip_is_not_nudged(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await into_reality(tg, demo_group, tmp_path)
    bram, daan = demo_group.members[0], demo_group.members[2]
    since = await tg.mark()
    await tg.send_text(bram.user_id, demo_group.chat_id, "/tips")
    await tg.wait_for_text(demo_group.chat_id, "open voor tips", since=since)
    await tg.send_text(daan.user_id, demo_group.chat_id, TIP)
    await tg.send_text(daan.user_id, demo_group.chat_id, "/status")
    await tg.wait_for_text(demo_group.chat_id, "Fase", since=since)
    await settled(tg, tmp_path / "intervision.db")  # a nudge goes to another chat: its own pace
    assert not _nudges(await tg.bot_messages(daan.user_id, since=since))


async def test_ten_tips_in_a_minute_do_not_make_ten_nudges(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await into_reality(tg, demo_group, tmp_path)
    daan = demo_group.members[2]
    since = await tg.mark()
    for i in range(10):
        await tg.send_text(daan.user_id, demo_group.chat_id,
                           f"Misschien zou je de groepjes kleiner kunnen maken ({i}).")
    await tg.send_text(daan.user_id, demo_group.chat_id, "/status")
    await tg.wait_for_text(demo_group.chat_id, "Fase", since=since)
    await settled(tg, tmp_path / "intervision.db")
    nudges = _nudges(await tg.bot_messages(daan.user_id, since=since)) + _nudges(
        await tg.bot_messages(demo_group.chat_id, since=since))
    assert len(nudges) == 1


async def test_a_tip_edited_into_its_suggested_question_counts_as_that_question(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await into_reality(tg, demo_group, tmp_path)
    cato = demo_group.members[1]
    since = await tg.mark()
    tip = await tg.send_text(cato.user_id, demo_group.chat_id, TIP)
    await tg.wait_for(lambda m: "als vraag" in (m["text"] or ""), chat_id=cato.user_id,
                      since=since)
    await tg.edit_text(cato.user_id, demo_group.chat_id, tip["message_id"],
                       "Wat zou er gebeuren als je meer wachttijd geeft?")
    await tg.send_text(cato.user_id, demo_group.chat_id, "/status")
    await tg.wait_for_text(demo_group.chat_id, "Fase", since=since)
    await settled(tg, tmp_path / "intervision.db")
    assert len(_nudges(await tg.bot_messages(cato.user_id, since=since))) == 1
    await running_bot.stop()
    rows = db_rows(tmp_path / "intervision.db",
                   "SELECT text, label FROM contributions WHERE message_id = ?",
                   (tip["message_id"],))
    assert rows == [("Wat zou er gebeuren als je meer wachttijd geeft?", "open_question")]


async def test_a_tip_while_the_group_still_watches_is_kept_for_the_talk(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    """The talk starts only after watching: Cato, who has not watched yet, hears once and
    privately to keep her tip for the talk and to press the button; it is not stored."""
    await set_up_group(tg, demo_group)
    bram, cato, chat = demo_group.members[0], demo_group.members[1], demo_group.chat_id
    cycle = Cycle(tg, demo_group, make_clip(tmp_path))
    since = await tg.mark()
    consent = await cycle.clip_in(await cycle.start("Bram"), bram.user_id)
    await click_and_wait(tg, bram.user_id, consent, button_data(consent, "consent"))
    await tg.wait_for(has_button("watched"), chat_id=chat, since=since)
    await tg.send_text(cato.user_id, chat, TIP)
    hint = await tg.wait_for_text(cato.user_id, "bewaar die gedachte nog even", since=since)
    assert "Ik heb gekeken" in hint["text"]
    await tg.send_text(cato.user_id, chat, "Of je zou een timer op het bord kunnen zetten.")
    await settled(tg, tmp_path / "intervision.db")
    told = [m for m in await tg.bot_messages(cato.user_id, since=since)
            if "bewaar die gedachte" in (m["text"] or "")]
    assert len(told) == 1  # once per cycle
    assert db_rows(tmp_path / "intervision.db", "SELECT COUNT(*) FROM contributions") == [(0,)]
