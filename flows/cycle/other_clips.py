"""What comes too late or from the wrong person to be the cycle's clip or question.

A video in the group that is not the clip (`intake.is_clip` said no): most are just shared
and get no answer, but where the sender plausibly meant it as the clip, one friendly line says
why it is not taken; the handler sends it at most once per person every few minutes
(bot/handlers/media_posted.py). Once the talk opened, the learning question stays too: an
edit of it hears to say it in the talk; a reply to the clip that reads as a new one is kept
as the inbrenger's contribution, and they hear so."""
from __future__ import annotations

from dataclasses import replace

from flows.cycle.actions import contribute
from flows.cycle.events import Contribution, Event, LearningQuestion
from flows.cycle.intake import a_video, replaces_clip
from flows.cycle.learning_question import check_learning_question, is_question
from flows.cycle.model import Cycle, CycleContext, Decision
from flows.effects import Say, Text, text
from flows.model import BEFORE_TALK_PHASES, FINAL_PHASES


def not_the_clip(cycle: Cycle, user_id: int, kind: str, caption: str, language: str,
                 inbrenger: str, *, album: str | None = None, seconds: int = 0) -> Text | None:
    """What to say to a video that is not the clip, or None to leave it as shared:
    - the inbrenger's new take or second clip once the group watches: the clip and the
      learning question stay, what they add belongs in the talk;
    - before the clip is shown, the video of a member who just passed the turn on, or any
      member's video whose caption reads as a learning question: whose clip this cycle is.
    A peer's video in the talk (or before it, without such a caption) is just shared."""
    if cycle.phase in FINAL_PHASES or not a_video(kind, seconds):
        return None
    if cycle.phase not in BEFORE_TALK_PHASES:
        if user_id != cycle.inbrenger_id or not replaces_clip(cycle, kind, album, seconds):
            return None  # only what would have replaced the clip before (intake.is_clip)
        return text("cycle.clip_fixed")
    if user_id == cycle.inbrenger_id:
        return None  # theirs is the clip, or the next item of its album
    if user_id in cycle.skipped_by or _reads_as_learning_question(caption, language):
        return text("cycle.not_this_cycles_clip", name=inbrenger)
    return None


def question_edited_late(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger edits the message their learning question came in (the clip's caption)
    once the group watches: the question stays (the group watches and talks about it), and
    they hear where a sharper one goes. The intake had told them they could edit it."""
    assert isinstance(event, LearningQuestion)
    return Decision(ctx.cycle, (Say((text("cycle.question_fixed"),), reply_to=event.message_id),))


def reply_to_shown_clip(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger's reply to their clip once the talk opened: a contribution as any; when
    it reads as a new learning question, they also hear that the question stays and that
    this one is in the talk, kept as their contribution (during the watching such a reply
    still changes it: flows/cycle/intake.sharpen_by_reply)."""
    assert isinstance(event, Contribution)
    decision = contribute(ctx, event)
    words = event.text.strip()
    if words == ctx.cycle.learning_question \
            or not _reads_as_learning_question(words, ctx.settings.language):
        return decision
    said = Say((text("cycle.question_fixed_said"),), reply_to=event.message_id)
    return replace(decision, effects=decision.effects + (said,))


def _reads_as_learning_question(caption: str, language: str) -> bool:
    words = caption.strip()
    return bool(words) and is_question(words, language) \
        and check_learning_question(words, language) is None
