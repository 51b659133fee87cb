"""A ready-made world: one intervision group of four teachers who all started the bot.

Used by the sandbox and available to end-to-end tests, so that both start from the same place.
"""

from __future__ import annotations

from dataclasses import dataclass

from .control import FakeTelegramControl


@dataclass(frozen=True)
class Person:
    user_id: int
    first_name: str
    username: str
    language_code: str = "nl"


@dataclass(frozen=True)
class DemoGroup:
    chat_id: int = -1001000000001
    title: str = "Intervisiegroep (sandbox)"
    people: tuple[Person, ...] = (
        Person(1001, "Anna", "anna_leraar"),  # the group admin
        Person(1002, "Bram", "bram_leraar"),
        Person(1003, "Cato", "cato_leraar"),
        Person(1004, "Daan", "daan_leraar"),
    )

    @property
    def admin(self) -> Person:
        return self.people[0]

    @property
    def members(self) -> tuple[Person, ...]:
        return self.people[1:]


async def create_demo_world(
    control: FakeTelegramControl, group: DemoGroup = DemoGroup(), *, announce_bot: bool = True
) -> DemoGroup:
    """Everyone starts the bot in private, then the admin adds the bot to the group (with
    `announce_bot`, the bot gets the updates of being added, as on Telegram)."""
    for person in group.people:
        await control.add_user(
            person.user_id, person.first_name, person.username, person.language_code
        )
        await control.start_private_chat(person.user_id)
    await control.add_group(
        group.chat_id,
        group.title,
        supergroup=True,
        admins=[group.admin.user_id],
        members=[p.user_id for p in group.members],
        added_by=group.admin.user_id if announce_bot else None,
    )
    return group
