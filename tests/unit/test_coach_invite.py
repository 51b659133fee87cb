"""A coach invite opened by the coach, again by the coach, by a member or after it closed."""
from __future__ import annotations

from flows.coach_invite import LINK, Invite, invite_answer

OPEN, CARLA, BRAM = Invite(1, None, True), 20, 2


def test_the_coach_it_is_meant_for_is_linked() -> None:
    assert invite_answer(OPEN, CARLA, coach=False, member=False) == LINK


def test_the_coach_who_opens_it_again_hears_they_are_linked() -> None:
    used = Invite(1, CARLA, False)
    assert invite_answer(used, CARLA, coach=True, member=False) == "coach.already_linked"
    # Unlinked since by an admin: the used invite does not link them again.
    assert invite_answer(used, CARLA, coach=False, member=False) == "coach.invite_invalid"
    assert invite_answer(used, BRAM, coach=False, member=False) == "coach.invite_invalid"


def test_a_member_is_refused_only_while_the_invite_could_link_them() -> None:
    assert invite_answer(OPEN, BRAM, coach=False, member=True) == "coach.member_refused"
    expired = Invite(1, None, False)
    assert invite_answer(expired, BRAM, coach=False, member=True) == "coach.invite_invalid"


def test_an_unknown_invite_is_invalid() -> None:
    assert invite_answer(None, CARLA, coach=False, member=False) == "coach.invite_invalid"
