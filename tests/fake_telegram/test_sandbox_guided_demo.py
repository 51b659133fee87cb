"""The sandbox's guided demo without a bot: each start makes a fresh group with the right cast
and pace, the clock moves only forward and within its bounds, and the scripted peers read the
bot's phase into the demo's stages (peers.py, sandbox.py, clock.py)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fake_telegram import FakeTelegramControl, FakeTelegramServer
from fake_telegram import clock as clock_module
from fake_telegram.clock import SandboxClock
from fake_telegram.demo import DemoGroup
from fake_telegram.peers import Cast, stage_of, with_action
from fake_telegram.sandbox import FIRST_DEMO_CHAT, MAX_PACE, Sandbox
from tests.fake_telegram.test_sandbox_clock import timers_db

GROUP = DemoGroup()
ANNA, BRAM, CATO, DAAN = GROUP.people


@pytest.fixture
def sandbox(server: FakeTelegramServer, tg: FakeTelegramControl, tmp_path: Path) -> Sandbox:
    db = tmp_path / "bot.db"
    sandbox_clock = SandboxClock(tmp_path / "clock", db, server.world)
    return Sandbox(tg, GROUP, sandbox_clock, db, tmp_path / "clip.mp4", "intervision_test_bot")


async def test_each_start_makes_a_fresh_group_with_the_visitor_in_their_part(
    sandbox: Sandbox, tg: FakeTelegramControl, server: FakeTelegramServer
) -> None:
    try:
        first = await sandbox.start_demo("inbrenger", "en", pace=100.0)
        second = await sandbox.start_demo("peer", "nl", pace=0.0)  # switching language
    finally:
        await sandbox.stop()
    assert (first.chat_id, first.title) == (FIRST_DEMO_CHAT, "Demo group 1")
    assert (second.chat_id, second.title) == (FIRST_DEMO_CHAT - 1, "Demogroep 2")
    assert (first.pace, second.pace) == (MAX_PACE, 0.01)
    assert first.cast.visitor == first.cast.inbrenger == BRAM
    assert second.cast.visitor == CATO and second.cast.inbrenger == BRAM
    assert second.cast.peers == (ANNA, CATO, DAAN) and second.cast.admin == ANNA
    state = await tg.state()
    assert {u["id"]: u["language_code"] for u in state["users"]} == {
        1001: "nl", 1002: "nl", 1003: "nl", 1004: "nl", 1005: "nl"
    }
    group = next(c for c in state["chats"] if c["id"] == second.chat_id)
    assert group["members"] == {"1001": "creator", "1002": "member", "1003": "member",
                                "1004": "member", str(server.world.bot.id): "member"}
    # The first demo's cycle is called off by its admin: left running, it kept reminding an
    # abandoned group and moved the clock to its timers (the newcomer review).
    said = [(m["message"]["from"]["id"], m["text"]) for m in await tg.messages(first.chat_id)]
    assert (ANNA.user_id, "/cancel") in said
    assert "/cancel" not in [m["text"] for m in await tg.messages(second.chat_id)]


async def test_a_demo_is_played_as_inbrenger_or_peer_in_dutch_or_english(
    sandbox: Sandbox,
) -> None:
    for role, language in (("coach", "nl"), ("peer", "de")):
        with pytest.raises(ValueError):
            await sandbox.start_demo(role, language)
    with pytest.raises(ValueError):
        await sandbox.prepare("fr")


async def test_the_clock_moves_one_second_to_sixty_days(sandbox: Sandbox) -> None:
    for seconds in (0, -5, 60 * 60 * 24 * 60 + 1):
        with pytest.raises(ValueError, match="1 second to 60 days"):
            await sandbox._move_clock({"seconds": seconds})
    moved = await sandbox._move_clock({"seconds": 60 * 60 * 24 * 60})
    assert moved["offset"] == 60 * 60 * 24 * 60


async def test_an_overdue_timer_never_moves_the_clock_back(
    server: FakeTelegramServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock_module, "FIRE_WAIT", 0.0)  # no bot here to fire it
    db = tmp_path / "bot.db"
    timers_db(db, {"late": datetime.now(UTC) - timedelta(hours=1)})
    sandbox_clock = SandboxClock(tmp_path / "clock", db, server.world)
    offsets: list[float] = []
    write = sandbox_clock._write

    def noting() -> None:  # every offset the bot and the fake's messages would read
        write()
        offsets.append(sandbox_clock.offset)

    monkeypatch.setattr(sandbox_clock, "_write", noting)
    await sandbox_clock.advance(3600)
    assert offsets == sorted(offsets) and offsets[0] >= 0
    assert sandbox_clock.offset > 3590 and server.world.clock_offset == sandbox_clock.offset


async def test_one_move_steps_through_at_most_forty_timers(
    server: FakeTelegramServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock_module, "FIRE_WAIT", 0.0)
    db = tmp_path / "bot.db"
    start = datetime.now(UTC)
    timers_db(db, {f"tick{n}": start + timedelta(minutes=2 * n) for n in range(1, 60)})
    sandbox_clock = SandboxClock(tmp_path / "clock", db, server.world)
    assert await sandbox_clock.advance(timedelta(days=7).total_seconds()) == 40
    assert sandbox_clock.offset > timedelta(days=7).total_seconds() - 5


def test_the_demo_stages_follow_the_bots_phase() -> None:
    assert stage_of("reality", {"step": "see"}) == "reality.see"
    assert stage_of("reality", {}) == "reality"
    assert stage_of("will", {"step": "lookback"}) == "lookback"
    assert stage_of("will", {"looking_back": True}) == "lookback"
    assert stage_of("will", {"step": "commit"}) == "will"
    assert stage_of("goal", {"step": "see"}) == "goal"


def test_the_scripted_roles_name_the_cast() -> None:
    cast = Cast(ANNA, BRAM, (ANNA, CATO, DAAN), GROUP.people[0], CATO)
    assert cast.person("inbrenger") == BRAM
    assert [cast.person(f"peer{n}") for n in (1, 2, 3)] == [ANNA, CATO, DAAN]
    assert cast.members == (BRAM, ANNA, CATO, DAAN)
    assert not cast.scripted(CATO) and cast.scripted(DAAN)


def test_a_cycle_button_is_found_by_its_action() -> None:
    view = {"reply_markup": {"inline_keyboard": [[{"text": "Ja", "callback_data": "cy:12:watched"},
                                                  {"text": "x", "callback_data": "agree:12"}]]}}
    assert with_action("watched")(view)
    assert not with_action("agree")(view) and not with_action("12")(view)
    assert not with_action("watched")({"reply_markup": None})


def test_the_clock_names_the_unfired_timers_soonest_first(
    server: FakeTelegramServer, tmp_path: Path
) -> None:
    db = tmp_path / "bot.db"
    start = datetime.now(UTC)
    timers_db(db, {"later": start + timedelta(days=2), "fired": start + timedelta(minutes=5),
                   "sooner": start + timedelta(hours=1)})
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE timers SET fired_at = due_at WHERE name = 'fired'")
    sandbox_clock = SandboxClock(tmp_path / "clock", db, server.world)
    assert [u.name for u in sandbox_clock.upcoming()] == ["sooner", "later"]
