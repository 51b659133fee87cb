"""Issue 3: the bot runs, stores, and answers in groups, topics and private chats."""
from __future__ import annotations

from functools import partial
from pathlib import Path

from bot.handlers.commands import ADMIN_COMMANDS, GROUP_COMMANDS, PRIVATE_COMMANDS
from fake_telegram import FakeTelegramControl
from tests.clips import make_clip
from tests.e2e.harness import BotProcess, DemoGroup
from tests.e2e.scenes import db_rows, set_up_group, settled
from tests.waiting import eventually


async def test_setup_by_a_non_admin_is_refused_politely(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess) -> None:
    since = await tg.mark()
    await tg.send_text(demo_group.members[0].user_id, demo_group.chat_id, "/setup")
    answer = await tg.wait_for_text(demo_group.chat_id, "Alleen een beheerder", since=since)
    assert "Alleen een beheerder" in answer["text"]
    await tg.send_text(demo_group.members[0].user_id, demo_group.chat_id, "/join")
    await tg.wait_for_text(demo_group.chat_id, "nog geen intervisiegroep", since=since)


async def test_setup_twice_keeps_one_group(tg: FakeTelegramControl, demo_group: DemoGroup,
                                           running_bot: BotProcess, tmp_path: Path) -> None:
    admin = demo_group.admin.user_id
    await tg.send_text(admin, demo_group.chat_id, "/setup")
    await tg.wait_for_text(demo_group.chat_id, "is ingesteld")
    since = await tg.mark()
    await tg.send_text(admin, demo_group.chat_id, "/setup en")
    await tg.wait_for_text(demo_group.chat_id, "already set up", since=since)
    await running_bot.stop()
    assert db_rows(tmp_path / "intervision.db", "SELECT COUNT(*) FROM groups") == [(1,)]


async def test_two_forum_topics_are_two_groups(tg: FakeTelegramControl,
                                               running_bot: BotProcess) -> None:
    for user_id, name in ((1, "Anna"), (2, "Bram")):
        await tg.add_user(user_id, name)
    chat = -1002000000001
    await tg.add_group(chat, "Pabo jaar 2", forum=True, admins=[1], members=[2])
    first = await tg.add_topic(chat, "Groep A", created_by=1)
    second = await tg.add_topic(chat, "Groep B", created_by=1)
    await tg.send_text(1, chat, "/setup", thread_id=first)
    await tg.wait_for_text(chat, "is ingesteld", thread_id=first)
    await tg.send_text(2, chat, "/join", thread_id=first)
    await tg.wait_for_text(chat, "Welkom, Bram", thread_id=first)
    since = await tg.mark()
    await tg.send_text(2, chat, "/roster", thread_id=second)
    elsewhere = await tg.wait_for_text(chat, "Dit onderwerp is geen intervisiegroep",
                                       thread_id=second, since=since)
    assert "eigen onderwerp: Pabo jaar 2 / Groep A." in elsewhere["text"]
    await tg.send_text(1, chat, "/setup", thread_id=second)
    await tg.wait_for_text(chat, "is ingesteld", thread_id=second, since=since)
    await tg.send_text(1, chat, "/roster", thread_id=second)
    await tg.wait_for_text(chat, "Nog niemand doet mee", thread_id=second, since=since)
    await tg.send_text(1, chat, "/roster", thread_id=first)
    roster = await tg.wait_for_text(chat, "Leden", thread_id=first, since=since)
    assert "Bram" in roster["text"] and "Anna" not in roster["text"]


async def test_a_clip_sent_in_another_topic_is_pointed_to_the_group_that_waits_for_it(
        tg: FakeTelegramControl, running_bot: BotProcess, tmp_path: Path) -> None:
    """An English group lives in a forum topic; its inbrenger sends the clip in the chat's
    other topic, and then in General. Before, nothing answered: the clip seemed lost."""
    for user_id, name in ((1, "Alice"), (2, "Ben")):
        await tg.add_user(user_id, name, language_code="en")
    chat = -1002000000001
    await tg.add_group(chat, "Teacher Ed", forum=True, admins=[1], members=[2])
    other = await tg.add_topic(chat, "General chat", created_by=1)
    ours = await tg.add_topic(chat, "Team English", created_by=1)
    await tg.send_text(1, chat, "/setup en", thread_id=ours)
    await tg.wait_for_text(chat, "is set up", thread_id=ours)
    for user_id, name in ((1, "Alice"), (2, "Ben")):
        await tg.send_text(user_id, chat, "/join", thread_id=ours)
        welcome = await tg.wait_for_text(chat, f"Welcome, {name}", thread_id=ours)
        await tg.click(user_id, welcome, "🤝 I agree")
    await tg.send_text(1, chat, "/cycle Ben", thread_id=ours)
    await tg.wait_for_text(chat, "It is Ben's turn", thread_id=ours)
    clip = make_clip(tmp_path / "clip.mp4")
    for thread in (other, None):
        since = await tg.mark()
        await tg.send_video(2, chat, clip, caption="How do I start calmly?", thread_id=thread)
        pointer = await tg.wait_for_text(chat, "waiting for your clip in its own topic",
                                         since=since)
        assert pointer["thread_id"] == thread
        assert "Teacher Ed / Team English</b> is waiting for your clip" in pointer["html"]
    since = await tg.mark()
    await tg.send_video(2, chat, clip, caption="How do I start calmly?", thread_id=ours)
    await tg.wait_for_text(chat, "The clip is in", thread_id=ours, since=since)


async def test_join_twice_is_idempotent(tg: FakeTelegramControl, demo_group: DemoGroup,
                                        running_bot: BotProcess) -> None:
    await set_up_group(tg, demo_group)
    bram = demo_group.members[0]
    since = await tg.mark()
    await tg.send_text(bram.user_id, demo_group.chat_id, "/join")
    await tg.wait_for_text(demo_group.chat_id, "je doet al mee", since=since)
    await tg.send_text(bram.user_id, demo_group.chat_id, "/roster")
    roster = await tg.wait_for_text(demo_group.chat_id, "Leden (4)", since=since)
    places = [line for line in roster["text"].splitlines() if line[:1].isdigit()]
    assert sum("Bram" in line for line in places) == 1 and len(places) == 4


async def test_a_redelivered_update_changes_nothing(tg: FakeTelegramControl,
                                                    demo_group: DemoGroup,
                                                    running_bot: BotProcess) -> None:
    await tg.send_text(demo_group.admin.user_id, demo_group.chat_id, "/setup")
    await tg.wait_for_text(demo_group.chat_id, "is ingesteld")
    bram = demo_group.members[0]
    await tg.send_text(bram.user_id, demo_group.chat_id, "/join")
    await tg.wait_for_text(demo_group.chat_id, "Welkom, Bram")
    await tg.wait_until_updates_taken()
    since = await tg.mark()
    await tg.redeliver_last_update()
    await tg.wait_until_updates_taken()
    await tg.send_text(bram.user_id, demo_group.chat_id, "/roster")
    await tg.wait_for_text(demo_group.chat_id, "Leden (1)", since=since)
    replies = [m for m in await tg.bot_messages(demo_group.chat_id, since=since)]
    assert not any("je doet al mee" in (m["text"] or "") for m in replies)
    assert len(replies) == 1  # only the roster: the redelivered /join had no effect


async def test_sigkill_and_restart_lose_no_member(tg: FakeTelegramControl,
                                                  demo_group: DemoGroup,
                                                  running_bot: BotProcess) -> None:
    await set_up_group(tg, demo_group)
    await running_bot.kill()
    await running_bot.start()
    since = await tg.mark()
    await tg.send_text(demo_group.admin.user_id, demo_group.chat_id, "/roster")
    roster = await tg.wait_for_text(demo_group.chat_id, "Leden (4)", since=since)
    for person in demo_group.people:
        assert person.first_name in roster["text"]


async def test_setup_explains_privacy_mode_when_the_bot_cannot_read(
        tg: FakeTelegramControl, demo_group: DemoGroup, bot_process: BotProcess) -> None:
    await tg.set_privacy_mode(True)
    await bot_process.start()
    await tg.send_text(demo_group.admin.user_id, demo_group.chat_id, "/setup")
    hint = await tg.wait_for_text(demo_group.chat_id, "privacymodus")
    assert "BotFather" in hint["text"]


async def test_commands_are_set_per_scope_and_language(tg: FakeTelegramControl,
                                                       running_bot: BotProcess) -> None:
    # The whole menus, per scope and language (what they hold: tests/handlers/test_command_menus.py).
    for scope, names in (("all_group_chats", GROUP_COMMANDS),
                         ("all_chat_administrators", ADMIN_COMMANDS),
                         ("all_private_chats", PRIVATE_COMMANDS)):
        for language in ("nl", "en", ""):
            menu = await eventually(partial(tg.commands, {"type": scope}, language),
                                    what=f"the {scope} menu ({language or 'default'})")
            assert [c["command"] for c in menu] == list(names)
    assert any(c["description"] == "Join the intervision group"
               for c in await tg.commands({"type": "all_group_chats"}, "en") or [])


async def test_a_private_start_is_welcomed(
        tg: FakeTelegramControl, running_bot: BotProcess) -> None:
    await tg.add_user(7, "Eva", language_code="en")
    await tg.start_private_chat(7)
    await tg.wait_for_text(7, "Good to have you here")


async def test_a_429_from_telegram_is_waited_out_and_the_message_still_arrives(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess) -> None:
    for person in demo_group.people:  # the welcomes of the demo's private /starts go first
        await tg.wait_for_text(person.user_id, "Fijn dat je er bent")
    await tg.wait_for_text(demo_group.chat_id, "Ik begeleid intervisie")  # and the group's hello
    before = len(await tg.calls("sendMessage"))
    await tg.arm_429("sendMessage", times=1, retry_after=1)
    await tg.send_text(demo_group.admin.user_id, demo_group.chat_id, "/setup")
    await tg.wait_for_text(demo_group.chat_id, "is ingesteld", timeout=15)
    statuses = [c["status"] for c in await tg.calls("sendMessage")][before:]
    assert statuses[:2] == [429, 200] and 429 not in statuses[2:]  # then the set-up choices


async def test_a_group_upgraded_to_a_supergroup_keeps_its_members(
        tg: FakeTelegramControl, running_bot: BotProcess) -> None:
    await tg.add_user(1, "Anna")
    await tg.add_user(2, "Bram")
    await tg.add_group(-4001, "Basisgroep", supergroup=False, admins=[1], members=[2])
    await tg.send_text(1, -4001, "/setup")
    await tg.wait_for_text(-4001, "is ingesteld")
    await tg.send_text(2, -4001, "/join")
    await tg.wait_for_text(-4001, "Welkom, Bram")
    since = await tg.mark()
    new_id = await tg.migrate_to_supergroup(-4001)
    await tg.send_text(1, new_id, "/roster")
    roster = await tg.wait_for_text(new_id, "Leden (1)", since=since)
    assert "Bram" in roster["text"]
    # Telegram's "the bot joined" for the new chat is no new group: no greeting with /setup.
    assert [m["text"] for m in await tg.bot_messages(new_id, since=since)] == [roster["text"]]


async def test_setup_takes_language_and_time_zone_and_refuses_a_bad_zone(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess) -> None:
    admin, chat = demo_group.admin.user_id, demo_group.chat_id
    since = await tg.mark()
    await tg.send_text(admin, chat, "/setup en Mars/Olympus")
    await tg.wait_for_text(chat, "know the time zone “Mars/Olympus”", since=since)
    await tg.send_text(admin, chat, "/setup en Europe/London")
    await tg.wait_for_text(chat, "is set up", since=since)
    await tg.send_text(admin, chat, "/settings")
    overview = await tg.wait_for_text(chat, "Settings", since=since)
    assert "Europe/London" in overview["text"]


async def test_someone_added_to_the_chat_is_welcomed_once(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    """The real process gets both Telegram's "Eva joined" and, with the bot an admin, the
    chat_member update of the same arrival: one welcome."""
    await set_up_group(tg, demo_group)
    await tg.set_bot_admin(demo_group.chat_id)
    await tg.add_user(1077, "Eva")
    since = await tg.mark()
    await tg.add_member(demo_group.chat_id, 1077, added_by=demo_group.admin.user_id)
    welcome = await tg.wait_for_text(demo_group.chat_id, "Hoi Eva!", since=since)
    assert "/join" in welcome["text"]
    await settled(tg, tmp_path / "intervision.db")
    said = [m for m in await tg.bot_messages(demo_group.chat_id, since=since)
            if "Hoi Eva!" in m["text"]]
    assert len(said) == 1, said
