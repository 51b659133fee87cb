"""Callback data of inline buttons, typed: `cy:<cycle id>:<action>[:<argument>]`.

The cycle id travels with every button so that a button from a closed or another cycle is
recognised as stale and answered kindly instead of acting on the current cycle.
"""
from __future__ import annotations

from dataclasses import dataclass

PREFIX = "cy"
MAX_BYTES = 64  # Telegram's limit for callback_data


@dataclass(frozen=True)
class CycleButton:
    cycle_id: int
    action: str
    argument: str = ""

    def pack(self) -> str:
        packed = f"{PREFIX}:{self.cycle_id}:{self.action}"
        if self.argument:
            packed += f":{self.argument}"
        if len(packed.encode()) > MAX_BYTES:
            raise ValueError(f"callback data too long: {packed!r}")
        return packed

    @classmethod
    def unpack(cls, data: str) -> CycleButton | None:
        parts = data.split(":", 3)
        if len(parts) < 3 or parts[0] != PREFIX or not parts[1].isdigit():
            return None
        return cls(int(parts[1]), parts[2], parts[3] if len(parts) > 3 else "")
