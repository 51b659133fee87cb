"""Telegram's flood limits and injected transport faults, both off unless switched on.

`SendLimits` counts sending calls the way Telegram throttles a bot: at most 20 in any 60 s to
one group, 10 in any 10 s to one private chat, 30 in any second for the whole bot. A call over
a limit is refused with 429 `Too Many Requests: retry after N` and has no effect.

`Faults` makes a seeded fraction of all calls fail before they take effect, the ways a real
network and a busy Telegram fail: 429, 500, 502, a request held past the client's read timeout,
and a connection reset. Bots that claim to survive these can then be measured doing so.
"""

from __future__ import annotations

import math
import os
import random
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import ApiError, too_many_requests

# Methods that put something in a chat; everything else (answerCallbackQuery, getUpdates,
# getChatMember, getMe, setMyCommands, getFile, ...) is not counted, as on Telegram.
SENDING_METHODS = frozenset(
    name.lower()
    for name in (
        "sendMessage",
        "sendPhoto",
        "sendVideo",
        "sendAnimation",
        "sendDocument",
        "sendVideoNote",
        "sendAudio",
        "sendVoice",
        "sendSticker",
        "sendMediaGroup",
        "sendPoll",
        "sendLocation",
        "sendContact",
        "copyMessage",
        "copyMessages",
        "forwardMessage",
        "forwardMessages",
        "editMessageText",
        "editMessageCaption",
        "editMessageMedia",
        "editMessageReplyMarkup",
    )
)


@dataclass(frozen=True)
class Window:
    """At most `calls` in any `seconds`-long sliding window."""

    calls: int
    seconds: float


GROUP = Window(20, 60.0)
PRIVATE = Window(10, 10.0)
WHOLE_BOT = Window(30, 1.0)


def _wait(times: deque[float], window: Window, now: float) -> float:
    """Seconds until `window` admits one more call (0 = now); forgets calls that left it."""
    while times and times[0] <= now - window.seconds:
        times.popleft()
    if len(times) < window.calls:
        return 0.0
    return times[len(times) - window.calls] + window.seconds - now


class SendLimits:
    """Sliding-window counters per chat and for the whole bot; `clock` is injectable so that
    tests can step over a 60 s window without waiting for it."""

    def __init__(self, enabled: bool = False, clock: Callable[[], float] = time.monotonic):
        self.enabled = enabled
        self.clock = clock
        self.clear()

    def clear(self) -> None:
        self._chats: dict[int | str, deque[float]] = {}
        self._bot: deque[float] = deque()
        self.refused: Counter[str] = Counter()  # 429s given, by chat id (as text, for JSON)

    def admit(self, method: str, chat_ref: int | str | None, private: bool) -> None:
        """Counts a sending call, or raises the 429 Telegram would give instead."""
        if not self.enabled or method.lower() not in SENDING_METHODS:
            return
        now = self.clock()
        wait = _wait(self._bot, WHOLE_BOT, now)
        chat_times = None
        if chat_ref is not None:
            chat_times = self._chats.setdefault(chat_ref, deque())
            wait = max(wait, _wait(chat_times, PRIVATE if private else GROUP, now))
        if wait > 0:
            self.refused[str(chat_ref) if chat_ref is not None else "-"] += 1
            raise too_many_requests(max(1, math.ceil(wait)))
        self._bot.append(now)
        if chat_times is not None:
            chat_times.append(now)

    def stats(self) -> dict[str, Any]:
        return {
            "enabled": self.enabled,
            "by_chat": dict(self.refused),
            "total": sum(self.refused.values()),
        }


FAULT_KINDS = ("429", "500", "502", "timeout", "reset")


@dataclass(frozen=True)
class Fault:
    """One injected failure: `kind` from FAULT_KINDS; `error` is the answer (None for a reset);
    `hold` is how long the server sits on the request first."""

    kind: str
    error: ApiError | None
    hold: float = 0.0


@dataclass
class FaultSettings:
    rate: float = 0.0
    kinds: tuple[str, ...] = FAULT_KINDS
    seed: int | None = None
    hold: float = 12.0  # longer than PTB's default 5 s read timeout (the bot waits 30 s)

    def __post_init__(self) -> None:
        if not 0.0 <= self.rate <= 1.0:
            raise ValueError("the fault rate must be between 0 and 1")
        unknown = set(self.kinds) - set(FAULT_KINDS)
        if unknown or not self.kinds:
            raise ValueError(f"fault kinds must be some of {', '.join(FAULT_KINDS)}")

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> FaultSettings:
        """FAKE_TELEGRAM_FAULT_RATE, _KINDS (comma-separated), _SEED, _HOLD."""
        kinds = env.get("FAKE_TELEGRAM_FAULT_KINDS")
        seed = env.get("FAKE_TELEGRAM_FAULT_SEED")
        return cls(
            rate=float(env.get("FAKE_TELEGRAM_FAULT_RATE") or 0),
            kinds=tuple(k.strip() for k in kinds.split(",")) if kinds else FAULT_KINDS,
            seed=int(seed) if seed else None,
            hold=float(env.get("FAKE_TELEGRAM_FAULT_HOLD") or 12.0),
        )


@dataclass
class Faults:
    settings: FaultSettings = field(default_factory=FaultSettings)
    given: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.configure(self.settings)

    def configure(self, settings: FaultSettings) -> None:
        self.settings = settings
        self._random = random.Random(settings.seed)

    def clear(self) -> None:
        self.given.clear()
        self.configure(self.settings)

    def draw(self, long_poll: float = 0.0) -> Fault | None:
        """The fault for the next call, or None. `long_poll` (getUpdates' timeout) lengthens
        the hold, since the client's read timeout includes it."""
        settings = self.settings
        if settings.rate <= 0 or self._random.random() >= settings.rate:
            return None
        kind = self._random.choice(settings.kinds)
        self.given[kind] += 1
        if kind == "429":
            return Fault(kind, too_many_requests(self._random.randint(1, 3)))
        if kind == "500":
            return Fault(kind, ApiError(500, "Internal Server Error"))
        if kind == "502":
            return Fault(kind, ApiError(502, "Bad Gateway"))
        if kind == "timeout":
            return Fault(kind, ApiError(504, "Gateway Timeout"), settings.hold + long_poll)
        return Fault(kind, None)

    def stats(self) -> dict[str, Any]:
        return {
            "rate": self.settings.rate,
            "kinds": list(self.settings.kinds),
            "seed": self.settings.seed,
            "hold": self.settings.hold,
            "by_kind": dict(self.given),
            "total": sum(self.given.values()),
        }


def env_flag(name: str, env: Mapping[str, str] = os.environ) -> bool:
    return (env.get(name) or "").strip().lower() in ("1", "true", "yes", "on")


def kinds_of(values: Iterable[Any] | None) -> tuple[str, ...]:
    return FAULT_KINDS if not values else tuple(str(v) for v in values)
