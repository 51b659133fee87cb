"""Who may take up a coach invite, and what they hear (SPEC section 2: a coach follows the group
from outside; invites are single-use and expire). Decided on plain facts, read by the handler."""
from __future__ import annotations

from dataclasses import dataclass

LINK = "coach.linked"  # the one answer that links the person: the handler redeems the invite


@dataclass(frozen=True)
class Invite:
    group_id: int
    used_by: int | None  # who took it up (0 for a coach erased since); None while unused
    still_open: bool  # unused and not expired nor withdrawn


def invite_answer(invite: Invite | None, user_id: int, *, coach: bool, member: bool) -> str:
    """The catalog key for `user_id` opening `invite`. The coach who opens theirs again hears
    they are linked (not "invalid"); a member of the group is refused while the invite stays
    open for the coach it was meant for (a member would get the counts of their own peers)."""
    if invite is None:
        return "coach.invite_invalid"
    if invite.used_by == user_id and coach:
        return "coach.already_linked"
    if not invite.still_open:
        return "coach.invite_invalid"
    return "coach.member_refused" if member else LINK
