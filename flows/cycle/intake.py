"""Clip intake: the inbrenger's clip, learning question and chat before the meeting.

A plain message is the learning question only while none is stored (the caption, or a message
before or after the clip); once there is one, the inbrenger's messages are chat, and a reply to
the clip changes it (a good learning question sent as a plain message is offered, once per cycle,
with a button). Chat before the clip is answered once per cycle, never at every message.
"""
from __future__ import annotations

from dataclasses import replace

from flows.cycle.events import (
    ClipPosted,
    Contribution,
    Event,
    LearningQuestion,
    NewQuestionChosen,
)
from flows.cycle.learning_question import (
    addressed_member,
    check_learning_question,
    corrects_itself,
    is_about_the_turn,
    is_description,
    is_question,
    question_in,
)
from flows.cycle.model import Cycle, CycleContext, Decision
from flows.cycle.phases import ask_consent, button, done, inbrenger_name
from flows.effects import Say, Text, text
from flows.model import BEFORE_TALK_PHASES, Phase

NOT_OWN_ACTIONS = text("lq.not_own_actions")
NOT_A_QUESTION = text("lq.not_a_question")


def awaits_clip_from(cycle: Cycle, user_id: int) -> bool:
    """The cycle waits for this member's clip: theirs to bring, before the meeting."""
    return cycle.inbrenger_id == user_id and cycle.phase in BEFORE_TALK_PHASES and \
        cycle.clip is None


# Telegram sends a video without sound as an animation too, so a muted classroom clip can be
# one (SPEC 3 names animations among the clip kinds); a GIF of a few seconds is a reaction.
ANIMATION_CLIP_SECONDS = 10


def is_clip(cycle: Cycle, user_id: int, kind: str, album: str | None,
            seconds: int = 0) -> bool:
    """Whether a video posted in the group is the cycle's clip (ClipPosted); anything else is
    just shared. Only the inbrenger's, before the meeting; an animation only as the first clip
    and only when it lasts ANIMATION_CLIP_SECONDS or more (shorter, it is a reaction from the
    GIF picker). Once the clip is there, a video, video file or such an animation replaces
    it ("oh wacht, deze is beter"; a muted better take comes as an animation, and a review
    saw one ignored without a word): not a GIF, nor a round selfie note, nor the next item of
    the album the clip came in."""
    if cycle.inbrenger_id != user_id or cycle.phase not in BEFORE_TALK_PHASES:
        return False
    if cycle.clip is None:
        return kind != "animation" or seconds >= ANIMATION_CLIP_SECONDS
    return replaces_clip(cycle, kind, album, seconds)


VIDEO_KINDS = ("video", "document")  # a round video note in the talk is spoken, a GIF a reaction


def a_video(kind: str, seconds: int) -> bool:
    """A video, a video file, or an animation long enough to be a video without sound."""
    return kind in VIDEO_KINDS or (kind == "animation" and seconds >= ANIMATION_CLIP_SECONDS)


def replaces_clip(cycle: Cycle, kind: str, album: str | None, seconds: int = 0) -> bool:
    """A video that would take the clip's place: a video, video file or muted video (an
    animation of ANIMATION_CLIP_SECONDS or more), not the next item of the album the clip
    came in."""
    return a_video(kind, seconds) and (album is None or cycle.clip is None
                                       or album != cycle.clip.album)


def take_clip(ctx: CycleContext, event: Event) -> Decision:
    """The clip; its caption is the learning question when it is one. A question sent before
    the clip stays when the caption is none (then the caption was just words with the clip)."""
    assert isinstance(event, ClipPosted)
    if event.problem is not None:
        return Decision(ctx.cycle, refusal=event.problem)
    # The clip answers the announcement: its "Ik breng in" and "Beurt doorgeven" are done.
    # A better take sent before anyone watched replaces the first ("Oh wacht, deze is
    # beter"); consent is for a recording, so the first one's consent question goes too.
    replacing = ctx.cycle.clip is not None
    cycle = replace(ctx.cycle, clip=event.clip, consent=False)
    answered = done(cycle, "accept", "swap", *(("consent",) if replacing else ()))
    received = text("cycle.clip_replaced" if replacing else "cycle.clip_received",
                    name=inbrenger_name(ctx))
    caption = question_in(event.caption or "")
    correction = _check(cycle, caption, ctx.settings.language)
    if correction is None:
        cycle = replace(cycle, learning_question=caption, corrected_question=None,
                        question_message_id=event.clip.message_id)
    if cycle.learning_question:
        lines = (received, text("cycle.question_received", question=cycle.learning_question),
                 text("cycle.question_how_to_change"))
        return Decision(cycle, (answered, Say(lines, reply_to=event.clip.message_id),
                                ask_consent(cycle)))
    if not caption or is_description(caption, ctx.settings.language):
        # Words with the clip that are no try at a question ("rekenles groep 5, dinsdag"):
        # asked for the question, not corrected for one never sent. One message.
        asked = replace(cycle, question_example_shown=True,
                        question_message_id=event.clip.message_id if caption else None)
        return Decision(asked, (answered, Say((received, text("cycle.ask_question"),
                                               text("lq.example")),
                                              reply_to=event.clip.message_id)))
    assert correction is not None
    cycle, correcting = _corrected(cycle, caption, correction, event.clip.message_id)
    return Decision(cycle, (answered, Say((received, *correcting),
                                          reply_to=event.clip.message_id)))


def take_learning_question(ctx: CycleContext, event: Event) -> Decision:
    """A learning question for the clip: the first one, or a new one (a reply to the clip, or
    the edit of the message the question came in, or of a try it corrected). Consent is about the recording, so a new
    question keeps it."""
    assert isinstance(event, (LearningQuestion, Contribution))
    question = question_in(event.question if isinstance(event, LearningQuestion)
                           else event.text)
    reply_to = event.message_id
    cycle = ctx.cycle
    correction = _check(cycle, question, ctx.settings.language)
    if correction is not None:
        cycle, lines = _corrected(cycle, question, correction, event.message_id)
        return Decision(cycle, (Say(lines, reply_to=reply_to),))
    changed = bool(cycle.learning_question)  # its consent question came with it already
    cycle = replace(cycle, learning_question=question, corrected_question=None,
                    question_message_id=event.message_id, question_example_shown=False)
    if changed:
        consent = "cycle.consent_stays" if cycle.consent else "cycle.consent_still_asked"
        return Decision(cycle, (Say((text("cycle.question_changed", question=question),
                                     text(consent)), reply_to=reply_to),))
    lines = (text("cycle.question_received", question=question),
             text("cycle.question_how_to_change"))
    return Decision(cycle, (Say(lines, reply_to=reply_to), ask_consent(cycle)))


def sharpen_question(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger sharpens the learning question while the group watches (an edit of where
    it was written, or a reply to the clip): nobody talks yet, so the new one is taken, and the
    group hears it in one line, so that who watches reads the right one (review ux21 #3: the
    bot had just invited the change, and the consent press had closed it)."""
    assert isinstance(event, (LearningQuestion, Contribution))
    question = question_in(event.question if isinstance(event, LearningQuestion)
                           else event.text)
    cycle = ctx.cycle
    if question == cycle.learning_question:
        return Decision(cycle)
    correction = _check(cycle, question, ctx.settings.language)
    if correction is not None:
        cycle, lines = _corrected(cycle, question, correction, event.message_id)
        return Decision(cycle, (Say(lines, reply_to=event.message_id),))
    cycle = replace(cycle, learning_question=question, corrected_question=None,
                    question_message_id=event.message_id, question_example_shown=False)
    said = text("cycle.question_sharpened", name=inbrenger_name(ctx), question=question)
    return Decision(cycle, (Say((said,), reply_to=event.message_id),))


def sharpen_by_reply(ctx: CycleContext, event: Event) -> Decision:
    """A reply to the clip while the group watches: a question sharpens the learning question,
    any other remark waits for the talk as a peer's would (nothing is said)."""
    assert isinstance(event, Contribution)
    if not is_question(event.text, ctx.settings.language):
        return Decision(ctx.cycle)
    return sharpen_question(ctx, event)


def change_learning_question(ctx: CycleContext, event: Event) -> Decision:
    """A reply to the clip once a learning question is stored: a question replaces it, any
    other remark on the clip is chat."""
    assert isinstance(event, Contribution)
    if not is_question(event.text, ctx.settings.language):
        return Decision(ctx.cycle)
    return take_learning_question(ctx, event)


def offer_new_question(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger's message (not a reply to the clip) once clip and learning question are
    in: the first one per cycle that reads as a good learning question, other than the stored
    one, is offered with a button, since "is this my new question?" is theirs to say (the UX
    review: silently ignored, the talk then went on about the old one). Once, because "Hoe
    weet ik of ik het goed gefilmd heb?" reads as one too; anything else is chat. While an
    offer is not pressed yet, a newer question that takes it back ("Of nee: hoe zorg ik
    ...?") takes its place: its button would otherwise set the question just taken back (a
    review of the day's work)."""
    assert isinstance(event, Contribution)
    cycle, question = ctx.cycle, question_in(event.text)
    pending = cycle.offered_question is not None
    if (cycle.offered_message_id is not None and not (pending and corrects_itself(event.text))) \
            or question in (cycle.learning_question, cycle.offered_question) \
            or not is_question(question, ctx.settings.language) \
            or _check(cycle, question, ctx.settings.language) is not None:
        return Decision(cycle)
    replaced = (done(cycle, "question"),) if pending else ()
    offered = replace(cycle, offered_question=question, offered_message_id=event.message_id)
    keyboard = ((button(offered, "cycle.button.new_question", "question",
                        str(event.message_id)),),)
    return Decision(offered, (*replaced, Say((text("cycle.question_offered", question=question,
                                                   current=cycle.learning_question or ""),),
                                             keyboard, reply_to=event.message_id)))


def take_offered_question(ctx: CycleContext, event: Event) -> Decision:
    """The offered question pressed: it is the learning question now, as a reply to the clip
    would have made it (the consent stays, as it is about the recording). The offer was this
    cycle's one: its message id stays."""
    assert isinstance(event, NewQuestionChosen)
    question = ctx.cycle.offered_question or ""
    cycle = replace(ctx.cycle, offered_question=None)
    decision = take_learning_question(replace(ctx, cycle=cycle), LearningQuestion(
        event.actor, question, event.message_id))
    return replace(decision, ack=text("cycle.ack.new_question"))


def before_clip(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger writes while the bot waits for the clip. A good learning question is kept
    for the clip; anything else is chat, answered once per cycle with what the bot waits for.
    Words about the turn (no clip yet, "Bram, wil jij?") are no learning question, whatever
    their question mark: they are answered once with how to pass the turn on."""
    assert isinstance(event, Contribution)
    cycle = ctx.cycle
    question = question_in(event.text)
    others = tuple(m.name for m in ctx.members if m.user_id != cycle.inbrenger_id)
    if is_about_the_turn(event.text, others) and not event.under_no_video:
        if cycle.turn_doubt_told:
            return Decision(cycle)
        how_on = text("cycle.turn_doubt_accept" if cycle.phase is Phase.ANNOUNCED
                      else "cycle.turn_doubt_send")
        named, name = addressed_member(event.text, others), inbrenger_name(ctx)
        # Who was just told about /swap (cycle.turn_awaited) hears it short; who asked a
        # member hears the command that hands it to them.
        said = text("cycle.turn_doubt_named", name=name, other=named.split()[0], how_on=how_on) \
            if named else text("cycle.turn_doubt_short", name=name) if cycle.clip_awaited_told \
            else text("cycle.turn_doubt", name=name, how_on=how_on)
        return Decision(replace(cycle, turn_doubt_told=True, clip_awaited_told=True), (
            Say((said,), reply_to=event.message_id),))
    if not cycle.learning_question and _check(cycle, question, ctx.settings.language) is None:
        return _kept_for_the_clip(cycle, question, event.message_id,
                                  under_no_video=event.under_no_video)
    told = replace(cycle, clip_awaited_told=True)
    if event.under_no_video:  # one answer to the file: it is no video (its words are kept)
        return Decision(told, (Say((text("cycle.not_a_video"),), reply_to=event.message_id),))
    if cycle.clip_awaited_told:  # said once
        return Decision(told)
    # Not yet accepted: the announcement's button is what waits ("send your clip" comes
    # with it; said here too, the group read it twice in a row).
    key = "cycle.turn_awaited" if cycle.phase is Phase.ANNOUNCED else "cycle.clip_awaited"
    return Decision(told, (Say((text(key, name=inbrenger_name(ctx)),),
                               reply_to=event.message_id),))


def edit_before_clip(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger edited the message whose learning question waits for the clip: the
    edited words are the question, checked as when first sent."""
    assert isinstance(event, LearningQuestion)
    question = question_in(event.question)
    correction = _check(ctx.cycle, question, ctx.settings.language)
    if correction is None:
        return _kept_for_the_clip(ctx.cycle, question, event.message_id)
    cycle, lines = _corrected(replace(ctx.cycle, learning_question=None), question, correction,
                              event.message_id)
    return Decision(cycle, (Say(lines, reply_to=event.message_id),))


def _kept_for_the_clip(cycle: Cycle, question: str, message_id: int, *,
                       under_no_video: bool = False) -> Decision:
    """The learning question waits for the clip; under a file that is no video, one answer
    says both (the UX review got "no video" and then "thank you!" as two messages)."""
    kept = replace(cycle, learning_question=question, corrected_question=None,
                   question_message_id=message_id, question_example_shown=False)
    key = "cycle.not_a_video_question_kept" if under_no_video else "cycle.question_before_clip"
    return Decision(kept, (Say((text(key, question=question),), reply_to=message_id),))


def _check(cycle: Cycle, question: str, language: str) -> Text | None:
    return check_learning_question(question, language, insisted_on=cycle.corrected_question)


def _corrected(cycle: Cycle, question: str, correction: Text,
               message_id: int) -> tuple[Cycle, tuple[Text, ...]]:
    """The friendly correction with an example, and how to go on; right after another (or
    after the question was asked for with the example) one short line. Whether a question is
    about one's own actions is a heuristic: the inbrenger hears that sending it again keeps
    it. A statement is no question: sent again as one, it is taken. While no question is taken, the
    corrected message is the one whose edit is read as the next try (edits_the_question)."""
    if not cycle.learning_question:
        cycle = replace(cycle, question_message_id=message_id)
    again = cycle.question_example_shown  # the example was just shown: one short line now
    cycle = replace(cycle, question_example_shown=True)
    if correction == NOT_OWN_ACTIONS:
        return (replace(cycle, corrected_question=question),
                (text("lq.not_own_actions_again"),) if again
                else (correction, text("lq.example"), text("lq.keep_anyway")))
    if correction == NOT_A_QUESTION:
        return cycle, ((text("lq.not_a_question_again"),) if again
                       else (correction, text("lq.example"), text("lq.send_as_question")))
    return cycle, (correction,) if again else (correction, text("lq.example"))

