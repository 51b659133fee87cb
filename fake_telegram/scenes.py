"""Scenes of this bot's practice, played through the control API: a group set up and joined,
buttons found by their action, a whole cycle played through.

Shared by the end-to-end tests (tests/e2e/scenes.py re-exports them) and the measurement
scripts in benchmarks/, so both drive the bot the same way. Every wait has a `timeout`, which
the scripts lengthen when the bot runs under injected faults.
"""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .control import FakeTelegramControl, MessageView
from .demo import DemoGroup, Person

QUESTION = "Hoe kan ik de overgang na de pauze rustiger laten verlopen?"
TALK = {
    "goal": ["Wat wil je dat de leerlingen na de pauze als eerste doen?",
             "Wanneer ben jij tevreden over zo'n overgang?"],
    "reality": ["Op 0:02 staan drie leerlingen nog bij de deur.",
                "Wat merkte je bij jezelf toen het rumoerig bleef?",
                "Je wilt rust, maar je wilt ze ook niet afkappen."],
    "options": ["Welke mogelijkheden zie je zelf?", "Wat heb je al eens geprobeerd?"],
}
# The heading of the phase that /next opens after each talking phase.
NEXT_HEADING = {"goal": "Realiteit", "reality": "Opties", "options": "Voornemen"}
REALITY_STEPS = ("Stap 2 van 3", "Stap 3 van 3")
MOVE_LINE = "Eerst vragen wat iemand zag, voordat ik iets vind."


def make_clip(folder: Path, seconds: int = 4) -> Path:
    path = folder / "les.mp4"
    if not path.exists():
        subprocess.run(
            ["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
             f"testsrc=duration={seconds}:size=160x120:rate=10", "-pix_fmt", "yuv420p",
             str(path)], check=True)
    return path


def grown(clip: Path, megabytes: int) -> Path:
    """The clip grown past `megabytes` by an MP4 'free' box: still a valid, playable file, as
    a long phone recording would be (for the limits of getFile and of the bot)."""
    size = megabytes * 1024 * 1024
    big = clip.with_name(f"{clip.stem}-{megabytes}mb.mp4")
    big.write_bytes(clip.read_bytes() + size.to_bytes(4, "big") + b"free" + bytes(size - 8))
    return big


def buttons(view: MessageView) -> list[str]:
    markup = view.get("reply_markup") or {}
    return [b.get("callback_data", "") for row in markup.get("inline_keyboard", []) for b in row]


def has_button(action: str) -> Callable[[MessageView], bool]:
    """A predicate for wait_for: a bot message with a cycle button of this action."""
    return lambda view: any(data.startswith("cy:") and data.split(":")[2] == action
                            for data in buttons(view))


def button_data(view: MessageView, action: str, argument: str | None = None) -> str:
    for data in buttons(view):
        parts = data.split(":")
        if data.startswith("cy:") and parts[2] == action and (
                argument is None or parts[3:] == [argument]):
            return data
    raise AssertionError(f"no {action} button in {view.get('text')!r}: {buttons(view)}")


async def set_up_group(tg: FakeTelegramControl, group: DemoGroup, *,
                       timeout: float = 20.0) -> None:
    """The admin sets the group up and everyone joins and agrees."""
    since = await tg.mark()
    await tg.send_text(group.admin.user_id, group.chat_id, "/setup")
    await tg.wait_for_text(group.chat_id, "is ingesteld", since=since, timeout=timeout)
    for person in group.people:
        since = await tg.mark()
        await tg.send_text(person.user_id, group.chat_id, "/join")
        joined = await tg.wait_for_text(group.chat_id, f"Welkom, {person.first_name}",
                                        since=since, timeout=timeout)
        await tg.click(person.user_id, joined, "agree:" + buttons(joined)[0].split(":")[1])


async def click_and_wait(tg: FakeTelegramControl, user_id: int, view: MessageView,
                         data: str, *, timeout: float = 20.0) -> dict[str, Any] | None:
    query = await tg.click(user_id, view, data)
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        answer = await tg.callback_answer(query)
        if answer is not None:
            return answer
        await asyncio.sleep(0.05)
    raise AssertionError(f"the bot did not answer the button {data}")


def db_rows(db_path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Reads the bot's database read-only, the way `intervision export` would (WAL lets us
    read while the bot writes)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10.0)
    try:
        return list(conn.execute(sql, params))
    finally:
        conn.close()


class Cycle:
    def __init__(self, tg: FakeTelegramControl, group: DemoGroup, clip: Path, *,
                 timeout: float = 20.0) -> None:
        self.tg, self.group, self.clip = tg, group, clip
        self.chat = group.chat_id
        self.timeout = timeout
        self.sent: list[int] = []  # message ids of everything members said during the talk

    async def start(self, inbrenger: str | None) -> MessageView:
        tg, admin = self.tg, self.group.admin.user_id
        since = await tg.mark()
        await tg.send_text(admin, self.chat, f"/cycle {inbrenger}" if inbrenger else "/cycle")
        return await tg.wait_for(has_button("accept"), chat_id=self.chat, since=since,
                                 timeout=self.timeout)

    async def intake(self, announcement: MessageView, inbrenger_id: int,
                     extra_watchers: tuple[int, ...] = (), away: tuple[int, ...] = ()) -> None:
        """Clip, question and consent; every member watches, except those `away`, who press
        "I'm not here today" (the talk opens without them)."""
        tg, timeout = self.tg, self.timeout
        consent = await self.clip_in(announcement, inbrenger_id)
        since = await tg.mark()
        await click_and_wait(tg, inbrenger_id, consent, button_data(consent, "consent"),
                             timeout=timeout)
        watch = await tg.wait_for(has_button("watched"), chat_id=self.chat, since=since,
                                  timeout=timeout)
        storyboard = await tg.wait_for(lambda v: v["media"] == "photo", chat_id=self.chat,
                                       since=since, timeout=timeout)
        assert storyboard["file_id"]
        since = await tg.mark()
        watchers = [p.user_id for p in self.group.people] + list(extra_watchers)
        for user_id in watchers:
            if user_id != inbrenger_id:
                action = "absent" if user_id in away else "watched"
                await click_and_wait(tg, user_id, watch, button_data(watch, action),
                                     timeout=timeout)
        await tg.wait_for_text(self.chat, "Doel", since=since, timeout=timeout)

    async def clip_in(self, announcement: MessageView, inbrenger_id: int) -> MessageView:
        """The inbrenger accepts and sends the clip with the learning question; the bot's
        question for consent is returned (nothing of the clip is shown before it)."""
        tg, timeout = self.tg, self.timeout
        await click_and_wait(tg, inbrenger_id, announcement,
                             button_data(announcement, "accept"), timeout=timeout)
        since = await tg.mark()
        await tg.send_video(inbrenger_id, self.chat, self.clip, caption=QUESTION)
        return await tg.wait_for(has_button("consent"), chat_id=self.chat, since=since,
                                 timeout=timeout)

    async def talk(self, phase: str, inbrenger_id: int) -> None:
        peers = [p for p in self.group.people if p.user_id != inbrenger_id]
        for i, words in enumerate(TALK[phase]):
            message = await self.tg.send_text(peers[i % len(peers)].user_id, self.chat, words)
            self.sent.append(message["message_id"])
        answer = await self.tg.send_text(inbrenger_id, self.chat,
                                         "Goede vraag, daar moet ik over nadenken.")
        self.sent.append(answer["message_id"])

    async def next_phase(self, inbrenger_id: int, expect: str) -> None:
        """/next until `expect` is said; from reality that goes through its three steps
        (what everyone sees and hears, strong moments, the learning question)."""
        if expect == "Opties":
            for step in REALITY_STEPS:
                await self.next_phase(inbrenger_id, step)
        since = await self.tg.mark()
        await self.tg.send_text(inbrenger_id, self.chat, "/next")
        await self.tg.wait_for_text(self.chat, expect, since=since, timeout=self.timeout)

    async def close(self, inbrenger_id: int, commitment: str,
                    goal: str | None = None, away: tuple[int, ...] = ()) -> MessageView:
        """The commitment proposed and confirmed (with `goal` sent after it, when the bot asks
        for one), the look back (a line from every peer not `away`), and the group summary
        returned."""
        tg, timeout = self.tg, self.timeout
        since = await tg.mark()
        message = await tg.send_text(inbrenger_id, self.chat, commitment)
        self.sent.append(message["message_id"])
        proposal = await tg.wait_for(has_button("commit"), chat_id=self.chat, since=since,
                                     timeout=timeout)
        assert "Zal ik dit noteren als je voornemen" in (proposal["text"] or "")
        if goal is not None:
            assert "En met welk doel" in (proposal["text"] or "")
            asked = await tg.mark()
            message = await tg.send_text(inbrenger_id, self.chat, goal)
            self.sent.append(message["message_id"])
            proposal = await tg.wait_for(has_button("commit"), chat_id=self.chat, since=asked,
                                         timeout=timeout)
            assert "staat er allebei in" in (proposal["text"] or "")
        await click_and_wait(tg, inbrenger_id, proposal, button_data(proposal, "commit"),
                             timeout=timeout)
        await tg.wait_for_text(self.chat, "Je voornemen", since=since, timeout=timeout)
        await tg.send_text(inbrenger_id, self.chat, "/next")
        lookback = await tg.wait_for(has_button("look"), chat_id=self.chat, since=since,
                                     timeout=timeout)
        options = [d for d in buttons(lookback) if d.startswith("cy:")]
        assert len(options) >= 2  # at least one activating contribution, plus "none of these"
        since = await tg.mark()
        await click_and_wait(tg, inbrenger_id, lookback, options[0], timeout=timeout)
        for peer in self.group.people:  # each peer's one line: the move they will use again
            if peer.user_id != inbrenger_id and peer.user_id not in away:
                line = await tg.send_text(peer.user_id, self.chat, MOVE_LINE)
                self.sent.append(line["message_id"])
        return await tg.wait_for_text(self.chat, "Samenvatting", since=since, timeout=timeout)

    async def play(self, inbrenger: Person, commitment: str) -> MessageView:
        """A whole cycle with `inbrenger`: intake, a little talk in each phase, the commitment
        and the look back. Returns the group summary."""
        await self.intake(await self.start(inbrenger.first_name), inbrenger.user_id)
        for phase, heading in NEXT_HEADING.items():
            await self.talk(phase, inbrenger.user_id)
            await self.next_phase(inbrenger.user_id, heading)
        return await self.close(inbrenger.user_id, commitment)


async def into_reality(tg: FakeTelegramControl, group: DemoGroup, folder: Path, *,
                       set_up: bool = True, extra_watchers: tuple[int, ...] = (),
                       clip_seconds: int = 4, timeout: float = 20.0) -> Cycle:
    """A cycle with the first member as inbrenger, past intake and watching, in reality."""
    if set_up:
        await set_up_group(tg, group, timeout=timeout)
    inbrenger = group.members[0]
    cycle = Cycle(tg, group, make_clip(folder, seconds=clip_seconds), timeout=timeout)
    await cycle.intake(await cycle.start(inbrenger.first_name), inbrenger.user_id,
                       extra_watchers)
    await cycle.next_phase(inbrenger.user_id, "Realiteit")
    return cycle
