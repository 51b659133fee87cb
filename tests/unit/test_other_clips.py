"""A video that is not the cycle's clip, and a learning question changed once the group
watches (flows/cycle/other_clips.py): one line where the sender plausibly meant it as the
clip or the question; a peer's video in the talk stays just shared."""
from __future__ import annotations

import pytest

from flows.catalog import render_all
from flows.cycle.events import Contribution, LearningQuestion
from flows.cycle.other_clips import not_the_clip
from flows.cycle.table import decide
from flows.effects import Say, StoreContribution
from flows.model import Phase
from tests.unit.test_cycle import ANNA, BOB, CLIP, QUESTION, ctx_for, cycle_in, said

P = Phase
ASKED = "Hoe kan ik mijn uitleg korter maken?"


def _answer(phase: Phase, user: int, kind: str = "video", caption: str = "",
            seconds: int = 60, **changes: object) -> str | None:
    found = not_the_clip(cycle_in(phase, **changes), user, kind, caption, "nl", "Anna",
                         seconds=seconds)
    return None if found is None else render_all("nl", (found,))


@pytest.mark.parametrize("phase", [P.WATCHING, P.GOAL, P.REALITY, P.WILL])
def test_the_inbrengers_new_take_once_the_group_watches_is_answered(phase: Phase) -> None:
    assert "blijven zoals ze zijn" in (_answer(phase, ANNA) or "")
    assert "blijven zoals ze zijn" in (_answer(phase, ANNA, "document") or "")
    assert _answer(phase, ANNA, "video_note") is None  # spoken, a contribution
    assert _answer(phase, ANNA, "animation", seconds=3) is None  # a GIF is a reaction
    # a muted video (Telegram sends it as an animation) would have replaced the clip before
    assert "blijven zoals ze zijn" in (_answer(phase, ANNA, "animation", seconds=45) or "")


def test_a_peers_video_in_the_talk_is_just_shared() -> None:
    assert _answer(P.REALITY, BOB, caption=ASKED) is None
    assert _answer(P.WATCHING, BOB) is None


def test_before_the_clip_a_peers_video_is_answered_only_when_meant_as_a_clip() -> None:
    assert _answer(P.AWAITING_CLIP, BOB, caption="haha kijk") is None
    assert _answer(P.AWAITING_CLIP, BOB) is None
    assert _answer(P.AWAITING_CLIP, BOB, caption=ASKED) == (
        "Dit is niet de clip van deze cyclus: Anna brengt nu in. Jouw clip komt aan bod als "
        "jij aan de beurt bent.")
    assert _answer(P.ANNOUNCED, BOB, skipped_by=frozenset({BOB})) is not None
    assert _answer(P.AWAITING_CLIP, ANNA, clip=CLIP) is None  # an album's next item
    assert _answer(P.CLOSED, BOB, caption=ASKED) is None


def test_an_edit_of_the_question_once_the_group_watches_is_answered_and_kept() -> None:
    cycle = cycle_in(P.GOAL, question_message_id=500)
    decision = decide(ctx_for(cycle), LearningQuestion(ANNA, ASKED, 500))
    assert decision.cycle == cycle
    assert "Je leervraag blijft zoals hij was" in said(decision)
    assert "Zeg het in het gesprek" in said(decision)


def test_a_reply_to_the_clip_with_a_new_question_is_talk_and_answered() -> None:
    cycle = cycle_in(P.REALITY, step="analysis")
    decision = decide(ctx_for(cycle), Contribution(ANNA, 611, ASKED, reply_to=CLIP.message_id))
    assert decision.cycle.learning_question == QUESTION
    assert any(isinstance(e, StoreContribution) for e in decision.effects)
    assert any(isinstance(e, Say) and e.reply_to == 611 for e in decision.effects)
    remark = decide(ctx_for(cycle), Contribution(ANNA, 612, "Let op het begin.",
                                                 reply_to=CLIP.message_id))
    assert "leervraag blijft" not in said(remark)
