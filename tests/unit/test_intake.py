"""Clip intake as the inbrenger meets it: the learning question is taken while none is
stored, changed only by a reply to the clip, chat before the clip is answered once, and a
correction about 'own actions' can be overruled by sending the same question again."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from flows.catalog import render_all
from flows.cycle.events import (
    Accept,
    ClipPosted,
    Consent,
    Contribution,
    LearningQuestion,
    NewQuestionChosen,
    Swap,
    TimerFired,
)
from flows.cycle.intake import awaits_clip_from, is_clip
from flows.cycle.model import Clip, Cycle, Decision
from flows.cycle.start import new_cycle, opening_effects, why_not_now
from flows.cycle.table import decide
from flows.effects import ButtonsDone, Say, SetTimer
from flows.model import Phase, Settings
from tests.unit.test_cycle import (
    ANNA,
    BOB,
    CLIP,
    MEMBERS,
    NOW,
    QUESTION,
    ctx_for,
    cycle_in,
    group_buttons,
    said,
)

P = Phase
OTHERS = "Waarom is Tim zo druk in mijn klas?"
NEW_QUESTION = "Hoe kan ik de start van de les rustiger maken?"
TIP = "Tip voor het filmen"


def ready(**changes: object) -> Cycle:
    """Clip, learning question and consent in; the meeting is tomorrow."""
    intake: dict[str, object] = {"clip": CLIP, "learning_question": QUESTION, "consent": True,
                                 "meeting_at": NOW + timedelta(days=1)}
    return cycle_in(P.AWAITING_CLIP, **(intake | changes))


def chat(message_id: int, words: str, reply_to: int | None = None) -> Contribution:
    return Contribution(ANNA, message_id, words, reply_to=reply_to)


# 1. After intake, the inbrenger's chat is chat.

def test_chat_after_intake_leaves_the_learning_question_alone() -> None:
    cycle = ready()
    for words in ("Ik heb er zin in, tot dinsdag!", "Hoe was jouw les vandaag?", QUESTION):
        decision = decide(ctx_for(cycle), chat(800, words))
        assert decision == Decision(cycle), words  # no reply, no consent buttons, no change


def test_a_new_learning_question_sent_as_a_message_is_offered_once_with_a_button() -> None:
    """The UX review: a corrected question sent as a plain message was silently ignored and
    the talk went on about the old one. The first message per cycle that reads as a learning
    question is offered; pressed, it is the question (the consent stays); a second such
    message is chat again (it may well be chat: "Hoe weet ik of ik het goed gefilmd heb?")."""
    offer = decide(ctx_for(ready()), chat(800, NEW_QUESTION))
    assert "Is dit je nieuwe leervraag?" in said(offer) and QUESTION in said(offer)
    assert group_buttons(offer) == ["cy:7:question:800"]
    assert offer.cycle.learning_question == QUESTION  # nothing changes before the press
    assert decide(ctx_for(offer.cycle), chat(801, "Hoe weet ik of ik het goed gefilmd heb?")) \
        == Decision(offer.cycle)
    assert decide(ctx_for(offer.cycle), NewQuestionChosen(BOB, 800)).refused
    assert decide(ctx_for(offer.cycle), NewQuestionChosen(ANNA, 799)).refused  # not offered
    taken = decide(ctx_for(offer.cycle), NewQuestionChosen(ANNA, 800))
    assert taken.cycle.learning_question == NEW_QUESTION and taken.cycle.consent
    assert "aangepast" in said(taken) and taken.cycle.question_message_id == 800
    assert render_all("nl", (taken.ack,)) == "Je leervraag is aangepast."  # type: ignore[arg-type]
    assert decide(ctx_for(taken.cycle), NewQuestionChosen(ANNA, 800)).refused  # taken once


def test_a_reply_to_the_clip_changes_the_learning_question_and_keeps_the_consent() -> None:
    decision = decide(ctx_for(ready()), chat(801, NEW_QUESTION, reply_to=CLIP.message_id))
    assert decision.cycle.learning_question == NEW_QUESTION and decision.cycle.consent
    assert "aangepast" in said(decision) and "toestemming voor de clip blijft" in said(decision)
    assert group_buttons(decision) == []


def test_a_reply_to_the_clip_before_consent_points_to_the_one_consent_question() -> None:
    """The consent question came with the first learning question; a second copy of it
    would leave two live buttons for one clip."""
    cycle = ready(consent=False)
    decision = decide(ctx_for(cycle), chat(802, NEW_QUESTION, reply_to=CLIP.message_id))
    assert decision.cycle.learning_question == NEW_QUESTION
    assert group_buttons(decision) == []
    assert "aangepast" in said(decision) and "Bevestig nog wel de toestemming" in said(decision)


def test_a_remark_in_reply_to_the_clip_is_chat() -> None:
    cycle = ready()
    decision = decide(ctx_for(cycle), chat(803, "Deze is van dinsdag, 3e uur.",
                                           reply_to=CLIP.message_id))
    assert decision == Decision(cycle)


def test_the_confirmation_says_how_to_change_the_learning_question() -> None:
    by_caption = decide(ctx_for(cycle_in(P.AWAITING_CLIP)), ClipPosted(ANNA, CLIP, QUESTION))
    by_message = decide(ctx_for(cycle_in(P.AWAITING_CLIP, clip=CLIP)), chat(804, QUESTION))
    for decision in (by_caption, by_message):
        assert QUESTION in said(decision) and "of antwoord op je clip" in said(decision)
        assert "cy:7:consent" in group_buttons(decision)


def test_an_edited_caption_changes_the_learning_question_and_keeps_the_consent() -> None:
    by_caption = decide(ctx_for(cycle_in(P.AWAITING_CLIP)), ClipPosted(ANNA, CLIP, QUESTION))
    cycle = replace(by_caption.cycle, consent=True)
    decision = decide(ctx_for(cycle), LearningQuestion(ANNA, NEW_QUESTION, CLIP.message_id))
    assert decision.cycle.learning_question == NEW_QUESTION and decision.cycle.consent
    assert "aangepast" in said(decision) and group_buttons(decision) == []


def test_an_edited_question_message_changes_it_and_other_edits_do_not() -> None:
    asked = decide(ctx_for(cycle_in(P.AWAITING_CLIP, clip=CLIP)), chat(805, QUESTION)).cycle
    edited = decide(ctx_for(asked), LearningQuestion(ANNA, NEW_QUESTION, 805))
    assert edited.cycle.learning_question == NEW_QUESTION and "aangepast" in said(edited)
    for who, message_id in ((ANNA, 806), (BOB, 805)):  # another message; someone else
        other = decide(ctx_for(asked), LearningQuestion(who, NEW_QUESTION, message_id))
        assert other.refused and other.cycle == asked


def test_a_corrected_change_leaves_the_question_with_the_message_it_came_in() -> None:
    """A reply to the clip the bot corrects (about Tim, not about Anna's own actions) is no
    new question: an edit of the message the question came in still changes it."""
    asked = decide(ctx_for(cycle_in(P.AWAITING_CLIP, clip=CLIP)), chat(805, QUESTION)).cycle
    corrected = decide(ctx_for(asked), chat(808, "Waarom is Tim zo druk in de klas?",
                                            reply_to=CLIP.message_id))
    assert corrected.cycle.learning_question == QUESTION
    edited = decide(ctx_for(corrected.cycle), LearningQuestion(ANNA, NEW_QUESTION, 805))
    assert edited.cycle.learning_question == NEW_QUESTION


def test_an_edit_of_the_question_kept_for_the_clip_is_checked_again() -> None:
    kept = decide(ctx_for(cycle_in(P.ANNOUNCED)), chat(807, QUESTION)).cycle
    assert kept.learning_question == QUESTION
    better = decide(ctx_for(kept), LearningQuestion(ANNA, NEW_QUESTION, 807))
    assert better.cycle.learning_question == NEW_QUESTION and NEW_QUESTION in said(better)
    worse = decide(ctx_for(kept), LearningQuestion(ANNA, "De klas is onrustig", 807))
    assert worse.cycle.learning_question is None and "als vraag" in said(worse)


# 2. Before the clip: answered once, and a learning question is kept for the clip.

def test_chat_before_the_clip_is_answered_once_per_cycle() -> None:
    for phase in (P.ANNOUNCED, P.AWAITING_CLIP):
        cycle = cycle_in(phase)
        answers = []
        for i, words in enumerate(("Ik film morgen in de 2e klas.", "Haha ja", "Tot dinsdag!")):
            decision = decide(ctx_for(cycle), chat(810 + i, words))
            assert not decision.refused
            answers.append(said(decision))
            cycle = decision.cycle
        # Not yet accepted, the announcement's button waits (its answer asks for the clip).
        awaited = "breng jij deze keer in?" if phase is P.ANNOUNCED else "wacht nog op je clip"
        assert awaited in answers[0] and "/swap" in answers[0] and answers[1:] == ["", ""]
        assert cycle.phase is phase and cycle.learning_question is None


def test_a_learning_question_before_the_clip_is_kept_for_it() -> None:
    first = decide(ctx_for(cycle_in(P.ANNOUNCED)), chat(820, QUESTION))
    assert first.cycle.learning_question == QUESTION and "Stuur nu je clip" in said(first)
    bare = decide(ctx_for(first.cycle), ClipPosted(ANNA, CLIP, None))
    assert bare.cycle.learning_question == QUESTION and "cy:7:consent" in group_buttons(bare)
    assert QUESTION in said(bare)
    remark = decide(ctx_for(first.cycle), ClipPosted(ANNA, CLIP, "Hier is hij!"))
    assert remark.cycle.learning_question == QUESTION and "cy:7:consent" in group_buttons(remark)
    caption = decide(ctx_for(first.cycle), ClipPosted(ANNA, CLIP, NEW_QUESTION))
    assert caption.cycle.learning_question == NEW_QUESTION


def test_a_second_question_before_the_clip_is_chat() -> None:
    kept = decide(ctx_for(cycle_in(P.AWAITING_CLIP)), chat(830, QUESTION)).cycle
    decision = decide(ctx_for(kept), chat(831, "Hoe weet ik of ik het goed gefilmd heb?"))
    assert decision.cycle.learning_question == QUESTION
    assert "wacht nog op je clip" in said(decision)


def test_a_peers_message_before_the_clip_is_not_answered() -> None:
    cycle = cycle_in(P.ANNOUNCED)
    assert decide(ctx_for(cycle), Contribution(BOB, 840, QUESTION)) == Decision(cycle)


def test_a_swap_starts_the_intake_afresh_for_the_next_inbrenger() -> None:
    cycle = cycle_in(P.ANNOUNCED, learning_question=QUESTION, clip_awaited_told=True,
                     corrected_question=OTHERS)
    swapped = decide(ctx_for(cycle), Swap(ANNA)).cycle
    assert swapped.inbrenger_id != ANNA and swapped.learning_question is None
    assert not swapped.clip_awaited_told and swapped.corrected_question is None


# 3. The 'own actions' correction, and the inbrenger's last word.

def test_a_question_about_others_is_corrected_and_taken_when_sent_again() -> None:
    cycle = cycle_in(P.AWAITING_CLIP, clip=CLIP)
    corrected = decide(ctx_for(cycle), chat(850, OTHERS))
    assert corrected.cycle.learning_question is None and not corrected.refused
    text_said = said(corrected)
    assert "eigen handelen" in text_said and "Bijvoorbeeld" in text_said
    assert "nog een keer" in text_said
    again = decide(ctx_for(corrected.cycle), chat(851, OTHERS))
    assert again.cycle.learning_question == OTHERS and "cy:7:consent" in group_buttons(again)


def test_a_corrected_caption_is_taken_when_sent_again_as_a_message() -> None:
    corrected = decide(ctx_for(cycle_in(P.AWAITING_CLIP)), ClipPosted(ANNA, CLIP, OTHERS))
    assert corrected.cycle.learning_question is None and "nog een keer" in said(corrected)
    again = decide(ctx_for(corrected.cycle), chat(852, OTHERS))
    assert again.cycle.learning_question == OTHERS


def test_a_different_question_about_others_is_corrected_again() -> None:
    cycle = cycle_in(P.AWAITING_CLIP, clip=CLIP, corrected_question=OTHERS)
    decision = decide(ctx_for(cycle), chat(853, "Wat vinden de leerlingen van mij?"))
    assert decision.cycle.learning_question is None and "eigen handelen" in said(decision)


def test_an_english_group_hears_the_correction_and_the_way_out_in_english() -> None:
    ctx = ctx_for(cycle_in(P.AWAITING_CLIP, clip=CLIP), settings=Settings(language="en"))
    decision = decide(ctx, chat(854, "Why are my pupils so noisy after lunch?"))
    texts = [t for e in decision.effects if isinstance(e, Say) for t in e.texts]
    shown = render_all("en", tuple(texts))
    assert "your own actions" in shown and "Send the same question again" in shown


def test_accepting_after_a_kept_question_still_asks_only_for_the_clip() -> None:
    kept = decide(ctx_for(cycle_in(P.ANNOUNCED)), chat(860, QUESTION)).cycle
    accepted = decide(ctx_for(kept), Accept(ANNA))
    assert accepted.cycle.phase is P.AWAITING_CLIP and accepted.cycle.learning_question
    assert decide(ctx_for(accepted.cycle), Consent(ANNA)).refused  # no clip yet



# 4. The filming tip reaches every inbrenger once, before the clip.

def test_the_filming_tip_comes_with_the_announcement_whichever_way_the_intake_goes() -> None:
    cycle = new_cycle(1, MEMBERS, NOW)
    assert isinstance(cycle, Cycle)
    cycle = replace(cycle, id=7)
    announced = said(Decision(cycle, opening_effects(ctx_for(cycle))))
    assert TIP in announced
    accepted = decide(ctx_for(cycle), Accept(cycle.inbrenger_id))
    assert "stuur je clip" in said(accepted) and TIP not in said(accepted)
    straight = decide(ctx_for(cycle), ClipPosted(cycle.inbrenger_id, CLIP, QUESTION))
    assert straight.cycle.clip == CLIP and TIP not in said(straight)


def test_a_member_who_takes_over_the_turn_gets_the_filming_tip_too() -> None:
    swapped = decide(ctx_for(cycle_in(P.ANNOUNCED)), Swap(ANNA))
    assert swapped.cycle.inbrenger_id != ANNA and TIP in said(swapped)


def test_the_filming_tip_in_english() -> None:
    cycle = cycle_in(P.ANNOUNCED)
    texts = [t for e in opening_effects(ctx_for(cycle)) if isinstance(e, Say) for t in e.texts]
    assert "Filming tip" in render_all("en", tuple(texts))


# 5. A cycle started by hand (no meeting, so no meeting's reminders) asks for the clip again.

def _clip_reminders(cycle: Cycle, **settings: object) -> list[SetTimer]:
    ctx = replace(ctx_for(cycle), settings=replace(Settings(), **settings))  # type: ignore[arg-type]
    return [e for e in opening_effects(ctx)
            if isinstance(e, SetTimer) and e.event == "clip_reminder"]


def test_a_cycle_started_by_hand_reminds_the_inbrenger_of_the_clip_a_day_later() -> None:
    by_hand = replace(cycle_in(P.ANNOUNCED), meeting_at=None)
    assert [t.due for t in _clip_reminders(by_hand)] == [NOW + timedelta(days=1)]
    assert _clip_reminders(by_hand, clip_reminder_hours=0) == []  # /settings reminder 0
    for_a_meeting = replace(by_hand, meeting_at=NOW + timedelta(days=3))
    assert _clip_reminders(for_a_meeting) == []  # the meeting's own reminders come


def _hand_reminders(meeting_in: timedelta) -> list[SetTimer]:
    by_hand = replace(cycle_in(P.ANNOUNCED), meeting_at=None)
    ctx = replace(ctx_for(by_hand), upcoming_meetings=(NOW + meeting_in,))
    return [e for e in opening_effects(ctx)
            if isinstance(e, SetTimer) and e.event == "clip_reminder"]


def test_a_cycle_started_by_hand_leaves_the_reminder_to_a_meeting_that_reminds_soon() -> None:
    """The UX review: /cycle three days before a scheduled meeting sent the inbrenger the
    same reminder three times in two days (the cycle's own, then the meeting's two). The
    meeting's first reminder comes 24 hours before it."""
    assert _hand_reminders(timedelta(days=3)) == []  # its reminder comes two days on
    assert _hand_reminders(timedelta(hours=5)) == []  # its last reminder is near
    assert [t.due for t in _hand_reminders(timedelta(days=3, minutes=1))] == [
        NOW + timedelta(days=1)]  # more than a day after the cycle's own
    assert [t.due for t in _hand_reminders(timedelta(days=14))] == [NOW + timedelta(days=1)]


def test_a_reminder_asks_for_what_is_still_missing_not_for_the_clip_already_sent() -> None:
    """Clip and question are in, the consent button not pressed: the reminder and the meeting
    ask for the consent, not "share your clip and learning question?" again."""
    waiting = ready(consent=False)
    reminded = said(decide(ctx_for(waiting), TimerFired("clip_reminder")))
    assert "je clip en leervraag zijn binnen (bijeenkomst" in reminded
    assert "toestemmingsregels" in reminded and "Deel je je clip" not in reminded
    meeting = said(decide(ctx_for(replace(waiting, meeting_at=NOW)), TimerFired("meeting_open")))
    assert "de toestemming voor het filmen nog niet bevestigd" in meeting
    no_question = said(decide(ctx_for(ready(learning_question=None, consent=False,
                                            meeting_at=None)), TimerFired("clip_reminder")))
    assert "je clip is binnen. Stuur je je leervraag nog" in no_question
    nothing = said(decide(ctx_for(ready(clip=None, learning_question=None, consent=False)),
                          TimerFired("clip_reminder")))
    assert "Deel je je clip en leervraag in de groep?" in nothing


def test_only_the_inbrenger_s_video_before_the_talk_is_the_clip() -> None:
    """A GIF of a few seconds is no clip, a longer animation (a muted video) may be the first;
    once it is there a video, video file or muted video outside its album replaces it; a
    peer's video, or one in the talk, is just shared."""
    waiting = cycle_in(P.AWAITING_CLIP, clip=None)
    assert is_clip(waiting, ANNA, "video_note", None) and awaits_clip_from(waiting, ANNA)
    assert not is_clip(waiting, ANNA, "animation", None, 3)
    assert is_clip(waiting, ANNA, "animation", None, 45)
    assert not is_clip(waiting, BOB, "video", None) and not awaits_clip_from(waiting, BOB)
    taken = cycle_in(P.AWAITING_CLIP, clip=replace(CLIP, album="a1"))
    assert not awaits_clip_from(taken, ANNA)
    assert is_clip(taken, ANNA, "video", None) and is_clip(taken, ANNA, "document", "a2")
    for kind, album in (("video", "a1"), ("video_note", None), ("animation", "a1")):
        assert not is_clip(taken, ANNA, kind, album, 45)
    assert not is_clip(taken, ANNA, "animation", None, 3)  # a GIF is a reaction


def test_a_better_take_without_sound_replaces_the_clip() -> None:
    """Review ux13: a round video note as the clip, then, before consent, a better take as an
    animation (how Telegram sends a muted phone video): no answer, and consent confirmed the
    old clip. A video would have replaced it; so does the muted one."""
    first = cycle_in(P.AWAITING_CLIP, clip=replace(CLIP, kind="video_note"), consent=False)
    assert is_clip(first, ANNA, "animation", None, 12)
    better = Clip("BETTER", "UNIQ-BETTER", "animation", 12, 950)
    decision = decide(ctx_for(first), ClipPosted(ANNA, better))
    assert decision.cycle.clip == better and not decision.cycle.consent
    assert "komt in de plaats van de vorige" in said(decision)
    assert not is_clip(cycle_in(P.REALITY), ANNA, "video", None)


def test_an_animation_of_ten_seconds_may_be_the_clip() -> None:
    """The shortest muted classroom clip Telegram sends as an animation is still a clip."""
    assert is_clip(cycle_in(P.AWAITING_CLIP, clip=None), ANNA, "animation", None, 10)


def test_a_group_of_one_cannot_start_a_cycle() -> None:
    """An inbrenger needs at least one peer to talk with."""
    refusal = new_cycle(1, MEMBERS[:1], NOW)
    assert not isinstance(refusal, Cycle)
    assert "minstens 2" in render_all("nl", (refusal,))


def test_a_members_next_cycle_is_numbered_after_their_last_closed_one() -> None:
    first = new_cycle(1, MEMBERS, NOW, inbrenger_id=ANNA)
    second = new_cycle(1, (replace(MEMBERS[0], last_closed_number=1),) + MEMBERS[1:], NOW,
                       inbrenger_id=ANNA)
    assert isinstance(first, Cycle) and isinstance(second, Cycle)
    assert (first.number, second.number) == (1, 2)
    assert "(cyclus 2)" in said(Decision(second, opening_effects(ctx_for(second))))


def test_cycle_while_a_turn_is_announced_for_a_meeting_names_the_meeting() -> None:
    meeting = datetime(2026, 12, 10, 14, 30, tzinfo=UTC)  # Thursday, 15:30 in Amsterdam
    waiting = replace(cycle_in(P.AWAITING_CLIP, clip=None), meeting_at=meeting)
    refusal = render_all("nl", (why_not_now(waiting, ctx_for(waiting).members, Settings()),))
    assert refusal.startswith("Anna is al aangekondigd als inbrenger voor de bijeenkomst van "
                              "do 10 dec 15:30.")
    talking = cycle_in(P.REALITY)
    assert why_not_now(talking, ctx_for(talking).members, Settings()).key == \
        "cycle.refused.already_running"


def test_a_question_that_takes_the_offer_back_is_offered_in_its_place() -> None:
    """"Of nee: hoe zorg ik ...?" after an offer not yet pressed: the one button set the question
    just taken back (a review of the day's work). A side question stays chat."""
    offer = decide(ctx_for(ready()), chat(800, NEW_QUESTION))
    corrected = "Of nee: hoe zorg ik dat ze na mijn instructie meteen zelfstandig beginnen?"
    again = decide(ctx_for(offer.cycle), chat(802, corrected))
    assert "Hoe zorg ik dat ze na mijn instructie meteen zelfstandig beginnen?" in said(again)
    assert group_buttons(again) == ["cy:7:question:802"]
    assert any(isinstance(e, ButtonsDone) and "question" in e.actions for e in again.effects)
    assert decide(ctx_for(again.cycle), NewQuestionChosen(ANNA, 800)).refused  # the old one
    taken = decide(ctx_for(again.cycle), NewQuestionChosen(ANNA, 802))
    assert taken.cycle.learning_question == ("Hoe zorg ik dat ze na mijn instructie meteen "
                                             "zelfstandig beginnen?")
    assert decide(ctx_for(taken.cycle), chat(803, "Of nee, toch: hoe begin ik rustiger?")) \
        == Decision(taken.cycle)  # once taken, a reply to the clip is the way
