"""The sandbox's guided demo on top of the fake: the cast, the sample clip, the movable clock
and the demo cycles, with the `/_demo/...` endpoints the page uses.

| endpoint | what it does |
| --- | --- |
| `GET /_demo/status` | cast (who is admin, coach, ...), the bot's username, the clock, the demo |
| `POST /_demo/prepare` | `{"language": "nl"|"en"}`: the free-play group and private chats, once |
| `POST /_demo/start` | `{"role": "inbrenger"|"peer", "language": "nl"|"en", "pace": 1.0}` |
| `POST /_demo/go_on` | the scripted inbrenger moves on without waiting for the visitor |
| `POST /_demo/sample_clip` | `{"user_id", "chat_id", "caption"}`: sends the sample clip |
| `POST /_demo/clock` | `{"seconds": N}` moves the clock on, `{"next": true}` to the next timer |
"""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from aiohttp import web

from .clock import SandboxClock
from .control import FakeTelegramControl
from .demo import DemoGroup, Person, create_demo_world
from .peers import Cast, DemoCycle

COACH = Person(1005, "Eva", "eva_coach")
FIRST_DEMO_CHAT = -1002000000001
ROLES = ("inbrenger", "peer")
MAX_PACE = 5.0


def make_sample_clip(folder: Path, seconds: int = 12) -> Path:
    """A small clip with picture and sound (ffmpeg's test pattern and a tone), made once."""
    path = folder / "sample-clip.mp4"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["ffmpeg", "-loglevel", "error", "-y",
             "-f", "lavfi", "-i", f"testsrc2=duration={seconds}:size=320x240:rate=15",
             "-f", "lavfi", "-i", f"sine=frequency=330:duration={seconds}",
             "-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac",
             "-shortest", str(path)], check=True)
    return path


@dataclass(frozen=True)
class CastMember:
    person: Person
    role: str  # admin, member or coach: what the page shows next to the name

    def to_json(self) -> dict[str, Any]:
        return {"user_id": self.person.user_id, "first_name": self.person.first_name,
                "role": self.role}


class Sandbox:
    def __init__(self, tg: FakeTelegramControl, group: DemoGroup, clock: SandboxClock,
                 db_path: Path, clip: Path, bot_username: str) -> None:
        self.tg, self.group, self.clock = tg, group, clock
        self.db_path, self.clip, self.bot_username = db_path, clip, bot_username
        self.coach = COACH
        self.demo: DemoCycle | None = None
        self._task: asyncio.Task[None] | None = None
        self._demos = 0
        self._prepared = False

    @property
    def cast(self) -> list[CastMember]:
        admin = self.group.admin
        return ([CastMember(admin, "admin")]
                + [CastMember(p, "member") for p in self.group.members]
                + [CastMember(self.coach, "coach")])

    async def add_coach(self, language: str) -> None:
        """The coach exists on Telegram but has not talked to the bot yet: the invite link
        will start that chat."""
        c = self.coach
        await self.tg.add_user(c.user_id, c.first_name, c.username, language)

    async def prepare(self, language: str) -> None:
        """The free-play group and the cast's private chats, made once, when the page first
        opens, in its language: made at start, an English visitor's first sight was the
        bot's Dutch hello in the group and Dutch welcomes in every private chat."""
        if language not in ("nl", "en"):
            raise ValueError("language is nl or en")
        if self._prepared:
            return
        self._prepared = True
        people = tuple(replace(p, language_code=language) for p in self.group.people)
        await create_demo_world(self.tg, replace(self.group, people=people))
        await self.add_coach(language)  # after the group's people: the page shows Anna first

    async def start_demo(self, role: str, language: str, pace: float = 1.0) -> DemoCycle:
        """A fresh demo group for each start, so a visitor can begin again or switch language."""
        if role not in ROLES or language not in ("nl", "en"):
            raise ValueError("role is inbrenger or peer; language is nl or en")
        await self.prepare(language)
        if self._task is not None:
            self._task.cancel()
        if self.demo is not None:  # its cycle would go on reminding an abandoned group
            await self.tg.send_text(self.group.admin.user_id, self.demo.chat_id, "/cancel")
        self._demos += 1
        # The cast speak the visitor's language, so that what the bot says to them before the
        # group has one (its greeting when added, private /help) is not Dutch in an English demo.
        for member in self.cast:
            await self.tg.set_language(member.person.user_id, language)
        chat_id = FIRST_DEMO_CHAT - self._demos + 1
        title = f"{'Demogroep' if language == 'nl' else 'Demo group'} {self._demos}"
        admin, members = self.group.admin, self.group.members
        await self.tg.add_group(chat_id, title, supergroup=True, admins=[admin.user_id],
                                members=[p.user_id for p in members], added_by=admin.user_id)
        inbrenger = members[0]
        peers = (admin, *members[1:])
        visitor = inbrenger if role == "inbrenger" else members[1]
        cast = Cast(admin, inbrenger, peers, self.coach, visitor)
        self.demo = DemoCycle(self.tg, self.db_path, chat_id, title, cast, language, self.clip,
                              pace=min(max(pace, 0.01), MAX_PACE))
        self._task = asyncio.create_task(self.demo.run())
        return self.demo

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    def status(self) -> dict[str, Any]:
        return {"cast": [c.to_json() for c in self.cast], "bot_username": self.bot_username,
                "clock": self.clock.to_json(),
                "demo": self.demo.status() if self.demo else None}

    def routes(self) -> list[web.RouteDef]:
        return [web.get("/_demo/status", self._json(self._status)),
                web.post("/_demo/prepare", self._json(self._prepare)),
                web.post("/_demo/start", self._json(self._start)),
                web.post("/_demo/go_on", self._json(self._go_on)),
                web.post("/_demo/sample_clip", self._json(self._sample_clip)),
                web.post("/_demo/clock", self._json(self._move_clock))]

    @staticmethod
    def _json(handler: Callable[[dict[str, Any]], Awaitable[Any]]) -> Callable[
            [web.Request], Awaitable[web.Response]]:
        async def answer(request: web.Request) -> web.Response:
            body = await request.json() if request.can_read_body else {}
            try:
                return web.json_response(await handler(body if isinstance(body, dict) else {}))
            except (LookupError, ValueError, TypeError) as error:
                return web.json_response({"error": str(error)}, status=400)
        return answer

    async def _status(self, body: dict[str, Any]) -> Any:
        return self.status()

    async def _prepare(self, body: dict[str, Any]) -> Any:
        await self.prepare(str(body.get("language", "nl")))
        return {"ok": True}

    async def _start(self, body: dict[str, Any]) -> Any:
        demo = await self.start_demo(str(body.get("role", "inbrenger")),
                                     str(body.get("language", "nl")),
                                     float(body.get("pace") or 1.0))
        return demo.status()

    async def _go_on(self, body: dict[str, Any]) -> Any:
        if self.demo is not None:
            self.demo.go_on.set()
        return {"ok": True}

    async def _sample_clip(self, body: dict[str, Any]) -> Any:
        message = await self.tg.send_video(int(body["user_id"]), int(body["chat_id"]),
                                           self.clip, caption=body.get("caption") or None,
                                           mime_type="video/mp4")
        return {"message_id": message["message_id"]}

    async def _move_clock(self, body: dict[str, Any]) -> Any:
        if body.get("next"):
            await self.clock.to_next()
        else:
            seconds = float(body["seconds"])
            if not 0 < seconds <= 60 * 60 * 24 * 60:
                raise ValueError("move the clock on by 1 second to 60 days")
            await self.clock.advance(seconds)
        return self.clock.to_json()
