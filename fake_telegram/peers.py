"""Scripted peers: the sandbox's demo cycle, played by simulated members around one visitor.

`DemoCycle` prepares a fresh group (set up, everyone joined and agreed, a coach linked), starts a
cycle and then follows the bot's own state (read-only from its SQLite file), playing every
person the visitor does not play at a human pace: the admin starts the cycle, the inbrenger
brings the clip and moves on, the peers watch, ask, observe, tip and look back. Where the
visitor's part comes, it waits, and `status()` says what the page's guide should suggest.
Everything goes through the fake's control API, like a person in the chat.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .control import FakeTelegramControl, MessageView
from .demo import Person
from .demo_script import SCRIPTS, Script

log = logging.getLogger(__name__)

COACH_LINK = re.compile(r"start=(coach_[A-Za-z0-9_-]+)")
MESSAGE_PAUSE = 3.5  # seconds between two scripted messages at pace 1 (people type and read)
WAIT = 120.0  # seconds to wait for an answer of the bot (20 messages a minute per group)


@dataclass(frozen=True)
class Cast:
    """Who plays what in one demo cycle."""

    admin: Person
    inbrenger: Person
    peers: tuple[Person, ...]  # the members who are not the inbrenger (admin included)
    coach: Person
    visitor: Person

    @property
    def members(self) -> tuple[Person, ...]:
        return (self.inbrenger, *self.peers)

    def person(self, role: str) -> Person:
        if role == "inbrenger":
            return self.inbrenger
        return self.peers[int(role.removeprefix("peer")) - 1]

    def scripted(self, person: Person) -> bool:
        return person.user_id != self.visitor.user_id


def buttons(view: MessageView) -> list[str]:
    markup = view.get("reply_markup") or {}
    return [b.get("callback_data", "") for row in markup.get("inline_keyboard", []) for b in row]


def with_action(action: str) -> Callable[[MessageView], bool]:
    """A bot message with a cycle button (`cy:<cycle>:<action>...`) of this action."""
    return lambda view: any(d.startswith("cy:") and d.split(":")[2] == action
                            for d in buttons(view))


def stage_of(phase: str, data: dict[str, Any]) -> str:
    """The demo's stage: the phase, with reality's step and the will phase's look back."""
    if phase == "reality" and data.get("step"):
        return f"reality.{data['step']}"
    if phase == "will" and (data.get("step") == "lookback" or data.get("looking_back")):
        return "lookback"
    return phase


class DemoCycle:
    def __init__(self, tg: FakeTelegramControl, db_path: Path, chat_id: int, title: str,
                 cast: Cast, language: str, clip: Path, *, pace: float = 1.0) -> None:
        self.tg, self.db_path, self.chat_id, self.title = tg, db_path, chat_id, title
        self.cast, self.language, self.clip, self.pace = cast, language, clip, pace
        self.script: Script = SCRIPTS[language]
        self.stage = "preparing"
        self.waiting_for_visitor = False
        self.error: str | None = None
        self.sent: set[int] = set()  # ids of the messages the script wrote in the group
        self.go_on = asyncio.Event()
        self._rng = random.Random(7)

    # ----- what the page asks ----------------------------------------------------------

    def status(self) -> dict[str, Any]:
        return {"chat_id": self.chat_id, "title": self.title, "language": self.language,
                "stage": self.stage, "waiting_for_you": self.waiting_for_visitor,
                "error": self.error, "visitor": self.cast.visitor.user_id,
                "inbrenger": self.cast.inbrenger.user_id, "admin": self.cast.admin.user_id,
                "coach": self.cast.coach.user_id,
                "learning_question": self.script.learning_question,
                "commitment": self.script.commitment}

    # ----- the bot's state, read-only --------------------------------------------------

    def _rows(self, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        try:
            conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=5.0)
            try:
                return list(conn.execute(sql, params))
            finally:
                conn.close()
        except sqlite3.Error:
            return []

    def _cycle(self) -> tuple[str, dict[str, Any]] | None:
        rows = self._rows(
            "SELECT c.phase, c.data FROM cycles c JOIN groups g ON g.id = c.group_id "
            "WHERE g.chat_id = ? ORDER BY c.id DESC LIMIT 1", (self.chat_id,))
        return (rows[0][0], json.loads(rows[0][1] or "{}")) if rows else None

    def _current_stage(self) -> str | None:
        found = self._cycle()
        return stage_of(*found) if found else None

    # ----- acting ----------------------------------------------------------------------

    async def _pause(self, seconds: float = MESSAGE_PAUSE) -> None:
        await asyncio.sleep(seconds * self.pace * self._rng.uniform(0.7, 1.3))

    async def _say(self, person: Person, text: str) -> None:
        message = await self.tg.send_text(person.user_id, self.chat_id, text)
        self.sent.add(int(message["message_id"]))

    async def _wait_bot(self, predicate: Callable[[MessageView], bool], since: int, *,
                        chat_id: int | None = None) -> MessageView:
        return await self.tg.wait_for(predicate, chat_id=chat_id or self.chat_id, since=since,
                                      timeout=WAIT)

    async def _press(self, person: Person, view: MessageView, action: str,
                     index: int = 0) -> None:
        data = [d for d in buttons(view) if d.startswith("cy:") and d.split(":")[2] == action]
        await self.tg.click(person.user_id, view, data[min(index, len(data) - 1)])

    async def _visitor_spoke(self, since: int) -> bool:
        said = await self.tg.messages(self.chat_id, since=since, from_bot=False)
        return any(v["message_id"] not in self.sent and not v.get("service") for v in said)

    async def _until_stage_leaves(self, stage: str) -> None:
        while self._current_stage() == stage:
            await asyncio.sleep(0.3)

    async def _until_prompt_shows(self, stage: str) -> None:
        """The stage's prompt (its "next" button names the place) has reached the group, as
        people see a step before they talk in it or go on (the bot holds a /next typed before
        that); given up if the stage moves on first."""
        place = stage.split(".")[-1]
        while self._current_stage() == stage:
            shown = await self.tg.bot_messages(self.chat_id)
            if any(d.startswith("cy:") and d.split(":")[2:] == ["next", place]
                   for view in shown for d in buttons(view)):
                return
            await asyncio.sleep(0.3)

    # ----- the demo --------------------------------------------------------------------

    async def run(self) -> None:
        try:
            await self._prepare()
            await self._follow()
        except asyncio.CancelledError:
            raise
        except Exception as error:  # shown on the page; the sandbox itself keeps running
            log.exception("the demo cycle stopped")
            self.error = str(error).splitlines()[0] if str(error) else type(error).__name__
            self.waiting_for_visitor = False

    async def _prepare(self) -> None:
        tg, cast = self.tg, self.cast
        since = await tg.mark()
        await tg.send_text(cast.admin.user_id, self.chat_id,
                           "/setup" if self.language == "nl" else "/setup en")
        await self._wait_bot(lambda v: True, since)
        for person in cast.members:
            since = await tg.mark()
            await tg.send_text(person.user_id, self.chat_id, "/join")
            joined = await self._wait_bot(
                lambda v: any(d.startswith("agree:") for d in buttons(v)), since)
            agree = next(d for d in buttons(joined) if d.startswith("agree:"))
            await tg.click(person.user_id, joined, agree)
        await self._link_coach()
        self.stage = "announced"
        since = await tg.mark()
        await tg.send_text(cast.admin.user_id, self.chat_id, f"/cycle {cast.inbrenger.first_name}")
        await self._wait_bot(with_action("accept"), since)

    async def _link_coach(self) -> None:
        """The admin asks for a coach link (it arrives privately) and the coach opens it, as a
        coach would on Telegram: /start with the link's payload in a private chat."""
        since = await self.tg.mark()
        await self.tg.send_text(self.cast.admin.user_id, self.chat_id, "/coach")
        invite = await self._wait_bot(lambda v: bool(COACH_LINK.search(v.get("text") or "")),
                                      since, chat_id=self.cast.admin.user_id)
        found = COACH_LINK.search(invite["text"])
        assert found is not None
        await self._pause(1.0)
        await self.tg.start_private_chat(self.cast.coach.user_id, found.group(1))

    async def _follow(self) -> None:
        played: set[str] = set()
        while True:
            stage = self._current_stage() or "announced"
            self.stage = stage
            if stage in ("closed", "cancelled"):
                self.waiting_for_visitor = False
                return
            if stage not in played:
                played.add(stage)
                await self._play(stage)
            else:
                await asyncio.sleep(0.3)

    async def _play(self, stage: str) -> None:
        cast = self.cast
        inbrenger_scripted = cast.scripted(cast.inbrenger)
        since = await self.tg.mark()
        self.go_on.clear()
        if stage == "announced":
            if inbrenger_scripted:
                await self._intake()
            else:
                self.waiting_for_visitor = True
        elif stage == "awaiting_clip":
            self.waiting_for_visitor = not inbrenger_scripted
        elif stage == "watching":
            await self._watch()
        elif stage == "will":
            await self._will(since)
        elif stage == "lookback":
            await self._look_back()
        elif stage in self.script.talk:
            await self._talk(stage, since)

    async def _intake(self) -> None:
        """The scripted inbrenger accepts, sends the clip with the question, and consents."""
        tg, me = self.tg, self.cast.inbrenger
        announcement = await self._wait_bot(with_action("accept"), 0)
        await self._pause()
        await self._press(me, announcement, "accept")
        await self._pause()
        since = await tg.mark()
        message = await tg.send_video(me.user_id, self.chat_id, self.clip,
                                      caption=self.script.learning_question)
        self.sent.add(int(message["message_id"]))
        consent = await self._wait_bot(with_action("consent"), since)
        await self._pause(1.5)
        await self._press(me, consent, "consent")

    async def _watch(self) -> None:
        watch = await self._wait_bot(with_action("watched"), 0)
        self.waiting_for_visitor = any(not self.cast.scripted(p) for p in self.cast.peers)
        for peer in self.cast.peers:
            if self.cast.scripted(peer) and self._current_stage() == "watching":
                await self._pause(MESSAGE_PAUSE * 1.5)  # watching takes a moment
                with contextlib.suppress(Exception):  # the watch may just have ended
                    await self._press(peer, watch, "watched")

    async def _talk(self, stage: str, since: int) -> None:
        self.waiting_for_visitor = False
        await self._until_prompt_shows(stage)
        for role, text in self.script.talk[stage]:
            person = self.cast.person(role)
            if not self.cast.scripted(person) or self._current_stage() != stage:
                continue
            await self._pause()
            await self._say(person, text)
        await self._move_on(stage, since)

    async def _move_on(self, stage: str, since: int) -> None:
        """The scripted inbrenger goes on once the visitor has said something here (or pressed
        "go on"); a visitor who is the inbrenger goes on with /next themselves."""
        self.waiting_for_visitor = True
        if not self.cast.scripted(self.cast.inbrenger):
            await self._until_stage_leaves(stage)
            return
        while self._current_stage() == stage and not self.go_on.is_set():
            if await self._visitor_spoke(since):
                await self._pause()
                break
            await asyncio.sleep(0.4)
        self.waiting_for_visitor = False
        if self._current_stage() == stage:
            await self._say(self.cast.inbrenger, "/next")
            await self._until_stage_leaves(stage)

    async def _will(self, since: int) -> None:
        me = self.cast.inbrenger
        if not self.cast.scripted(me):
            self.waiting_for_visitor = True
            await self._until_stage_leaves("will")
            return
        self.waiting_for_visitor = False
        await self._pause()
        await self._say(me, self.script.commitment)
        proposal = await self._wait_bot(with_action("commit"), since)
        await self._pause(2.0)
        await self._press(me, proposal, "commit")
        await self._pause()
        await self._say(me, "/next")
        await self._until_stage_leaves("will")

    async def _look_back(self) -> None:
        cast = self.cast
        self.waiting_for_visitor = True
        if cast.scripted(cast.inbrenger):
            lookback = await self._wait_bot(with_action("look"), 0)
            await self._pause()
            await self._press(cast.inbrenger, lookback, "look")
        lines = iter(self.script.lookback_lines)
        for peer in cast.peers:
            line = next(lines, self.script.lookback_lines[0])
            if cast.scripted(peer) and self._current_stage() == "lookback":
                await self._pause()
                await self._say(peer, line)
        await self._until_stage_leaves("lookback")
