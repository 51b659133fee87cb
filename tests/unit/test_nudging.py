"""The nudging policy (flows/nudging/policy.py): every rule, in both delivery modes and all modes."""
from __future__ import annotations

import json
from dataclasses import MISSING, fields, replace
from datetime import UTC, datetime, timedelta

import pytest

from flows.catalog import catalog, placeholders, render_all
from flows.effects import Button, Say, SayPrivately, Text
from flows.labels import COMPENSATING, Classification, Label
from flows.model import Member, NudgeDelivery, NudgeMode, Phase, Settings
from flows.nudging.cue import quoted_cue
from flows.nudging.policy import (
    CLOSED_HINT_COOLDOWN,
    MEMBER_COOLDOWN,
    NudgeContext,
    NudgeDecision,
    NudgeHistory,
    TickContext,
    decide_on_message,
    decide_on_tick,
    remember,
)

T0 = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)
INBRENGER = Member(1, "Ilse", started_private=True)
ANNA = Member(2, "Anna", started_private=True)
BRAM = Member(3, "Bram", started_private=False)
CHRIS = Member(4, "Chris", started_private=True)
DIRK = Member(5, "Dirk", started_private=True)
GROUP = (INBRENGER, ANNA, BRAM, CHRIS)

REPHRASING = "Wat zou er gebeuren als je meer wachttijd geeft?"
TIP = Classification(Label.TIP, cue="je zou meer wachttijd", rephrasing=REPHRASING)
OPINION = Classification(Label.OPINION, cue="veel te snel")
INFORMATION = Classification(Label.INFORMATION, cue="uit onderzoek blijkt")
OPEN = Classification(Label.OPEN_QUESTION, cue="wat maakte")
CLOSED = Classification(Label.CLOSED_QUESTION, cue="weten ze")
OBSERVATION = Classification(Label.OBSERVATION, cue="op 1:23")

NUDGING_MODES = (NudgeMode.GENTLE, NudgeMode.STRICT)
ALL_MODES = tuple(NudgeMode)
DELIVERIES = tuple(NudgeDelivery)


def settings(mode: NudgeMode = NudgeMode.GENTLE,
             delivery: NudgeDelivery = NudgeDelivery.PRIVATE) -> Settings:
    return Settings(nudging=mode, nudge_delivery=delivery)


def message(
    writer: Member = ANNA,
    *,
    phase: Phase = Phase.REALITY,
    mode: NudgeMode = NudgeMode.GENTLE,
    delivery: NudgeDelivery = NudgeDelivery.PRIVATE,
    tips_open: bool = False,
    at: datetime = T0,
    history: NudgeHistory | None = None,
    message_id: int = 100,
    text: str = "Je zou meer wachttijd kunnen geven.",
    timestamp_seconds: float | None = None,
) -> NudgeContext:
    return NudgeContext(
        phase=phase, settings=settings(mode, delivery), inbrenger_id=INBRENGER.user_id,
        tips_open=tips_open, writer=writer, message_id=message_id, text=text, now=at,
        history=history or NudgeHistory(), timestamp_seconds=timestamp_seconds,
    )


def tick(
    history: NudgeHistory,
    *,
    phase: Phase = Phase.REALITY,
    phase_started_at: datetime = T0,
    mode: NudgeMode = NudgeMode.GENTLE,
    delivery: NudgeDelivery = NudgeDelivery.PRIVATE,
    inbrenger: Member = INBRENGER,
    members: tuple[Member, ...] = GROUP,
) -> TickContext:
    return TickContext(phase, phase_started_at, settings(mode, delivery), inbrenger, members,
                       history)


def keys(decision: NudgeDecision) -> list[str]:
    return [item.key for effect in decision.effects for item in getattr(effect, "texts", ())]


def texts_of(decision: NudgeDecision) -> tuple[Text, ...]:
    (effect,) = decision.effects
    assert isinstance(effect, Say | SayPrivately)
    return effect.texts


def conversation(
    *steps: tuple[Member, Classification, datetime],
    phase: Phase = Phase.REALITY,
    mode: NudgeMode = NudgeMode.GENTLE,
    delivery: NudgeDelivery = NudgeDelivery.PRIVATE,
) -> list[NudgeDecision]:
    """Feed messages in order, carrying the history along as the bot would."""
    history, decisions = NudgeHistory(), []
    for number, (writer, classification, at) in enumerate(steps):
        ctx = message(writer, phase=phase, mode=mode, delivery=delivery, at=at, history=history,
                      message_id=100 + number)
        decision = decide_on_message(ctx, classification)
        history = decision.history
        decisions.append(decision)
    return decisions


# --- compensating in goal and reality --------------------------------------------------------

@pytest.mark.parametrize("mode", NUDGING_MODES)
@pytest.mark.parametrize("phase", [Phase.GOAL, Phase.REALITY])
def test_tip_gets_one_private_nudge_with_the_rephrasing_when_the_writer_started_the_bot(
    mode: NudgeMode, phase: Phase
) -> None:
    decision = decide_on_message(message(ANNA, phase=phase, mode=mode), TIP)
    assert decision.nudged and decision.kind == "tip"
    (effect,) = decision.effects
    assert isinstance(effect, SayPrivately)
    assert effect.user_id == ANNA.user_id and effect.fallback_reply_to == 100
    assert effect.about == (Text("nudge.about_group", {"group": "—"}),)  # only in private
    assert effect.texts == (
        Text("nudge.tip", {"cue": "Je zou meer wachttijd"}),  # as written, not lower case
        Text("nudge.rephrasing", {"rephrasing": REPHRASING}),
    )
    # How often a nudge comes is for the writer alone: not in the group's fallback reply.
    assert effect.footnote == (
        Text("nudge.once_per", {"minutes": 10 if mode is NudgeMode.GENTLE else 5}),)


@pytest.mark.parametrize(("cue", "written", "quoted"), [
    ("i think", "Well, I think   they WAIT too little.", "I think"),
    ("ik vind", "Ik vind dat je te snel gaat.", "Ik vind"),
    ("you could", "Maybe you could, I mean", "you could"),
    ("not in it", "Something else entirely.", "not in it"),  # a learned model's words
    # No cue: the message itself, without the full stop the nudge's sentence adds („...”.).
    ("", "Je zou de telefoons eerder kunnen innemen.", "Je zou de telefoons eerder kunnen innemen"),
    ("", "Misschien eerst even laten wachten,", "Misschien eerst even laten wachten"),
    ("", "Laat ze eerst wachten!", "Laat ze eerst wachten!"),  # the writer's "!" stays
])
def test_a_nudge_quotes_the_cue_as_the_writer_wrote_it(cue: str, written: str,
                                                       quoted: str) -> None:
    """The UX review: nudges quoted "i think" and „ik vind" for "I think" and "Ik vind"."""
    assert quoted_cue(Classification(Label.OPINION, cue=cue), written) == quoted


@pytest.mark.parametrize("mode", NUDGING_MODES)
@pytest.mark.parametrize(("writer", "delivery"), [
    (BRAM, NudgeDelivery.PRIVATE),  # never started a private chat with the bot
    (ANNA, NudgeDelivery.GROUP),  # the group chose group delivery
    (BRAM, NudgeDelivery.GROUP),
])
def test_tip_gets_one_gentle_reply_in_the_group_otherwise(
    mode: NudgeMode, writer: Member, delivery: NudgeDelivery
) -> None:
    decision = decide_on_message(message(writer, mode=mode, delivery=delivery), TIP)
    (effect,) = decision.effects
    assert isinstance(effect, Say) and effect.reply_to == 100
    # Without "at most once per 10 minutes": the whole group reads a reply there, and the
    # limit helps nobody but the writer (UX review 10, #13).
    assert keys(decision) == ["nudge.tip", "nudge.rephrasing"]


@pytest.mark.parametrize("classification", [OPINION, INFORMATION])
@pytest.mark.parametrize("delivery", DELIVERIES)
def test_opinions_and_information_are_nudged_naming_their_cue(
    classification: Classification, delivery: NudgeDelivery
) -> None:
    decision = decide_on_message(message(delivery=delivery), classification)
    assert decision.kind == classification.label.value
    assert texts_of(decision) == (
        Text(f"nudge.{classification.label.value}", {"cue": classification.cue}),)
    (effect,) = decision.effects
    assert getattr(effect, "footnote", ()) == (
        (Text("nudge.once_per", {"minutes": 10}),) if delivery is NudgeDelivery.PRIVATE else ())


def test_a_nudge_on_a_voice_note_also_says_it_comes_at_most_once_per_ten_minutes() -> None:
    """Said after a spoken tip too: the silence after it would read as approval as well."""
    decision = decide_on_message(replace(message(), voice=True), TIP)
    assert keys(decision) == ["nudge.voice_note", "nudge.tip", "nudge.rephrasing"]
    (effect,) = decision.effects
    assert isinstance(effect, SayPrivately)
    assert effect.footnote == (Text("nudge.once_per", {"minutes": 10}),)


def test_without_a_cue_the_nudge_quotes_the_start_of_the_message() -> None:
    long_text = "Je zou   eens kunnen proberen om " + "heel " * 30 + "veel te wachten."
    decision = decide_on_message(message(text=long_text), Classification(Label.TIP))
    (nudge,) = texts_of(decision)
    cue = nudge.params["cue"]
    assert cue.startswith("Je zou eens kunnen proberen") and cue.endswith("…")
    assert len(cue) <= 60


@pytest.mark.parametrize("mode", ALL_MODES)
@pytest.mark.parametrize("label", [Label.OPEN_QUESTION, Label.REFLECTION, Label.OBSERVATION,
                                   Label.AFFIRMATION, Label.OTHER, Label.CLOSED_QUESTION])
def test_other_labels_get_no_nudge(mode: NudgeMode, label: Label) -> None:
    decision = decide_on_message(message(mode=mode), Classification(label, cue="x"))
    assert decision.effects == () and not decision.nudged and decision.kind is None


@pytest.mark.parametrize("mode", ALL_MODES)
@pytest.mark.parametrize("phase", [Phase.GOAL, Phase.REALITY, Phase.OPTIONS, Phase.WILL])
@pytest.mark.parametrize("label", sorted(COMPENSATING))
def test_once_the_inbrenger_opened_the_floor_nothing_compensating_is_nudged(
    mode: NudgeMode, phase: Phase, label: Label
) -> None:
    decision = decide_on_message(message(mode=mode, phase=phase, tips_open=True),
                                 Classification(label, cue="x"))
    assert decision.effects == () and not decision.nudged


@pytest.mark.parametrize("mode", ALL_MODES)
@pytest.mark.parametrize("delivery", DELIVERIES)
def test_the_inbrengers_own_tip_is_never_nudged(mode: NudgeMode, delivery: NudgeDelivery) -> None:
    decision = decide_on_message(
        message(INBRENGER, mode=mode, delivery=delivery, message_id=7), TIP)
    assert decision.effects == ()
    assert decision.history.inbrenger_last_at == T0
    assert decision.history.inbrenger_last_message_id == 7
    assert INBRENGER.user_id not in decision.history.last_contribution_at


@pytest.mark.parametrize("phase", list(Phase))
@pytest.mark.parametrize("label", sorted(COMPENSATING))
def test_mode_off_never_nudges(phase: Phase, label: Label) -> None:
    decision = decide_on_message(message(mode=NudgeMode.OFF, phase=phase),
                                 Classification(label, cue="x"))
    assert decision.effects == ()


@pytest.mark.parametrize("phase", [Phase.ANNOUNCED, Phase.AWAITING_CLIP, Phase.WATCHING,
                                   Phase.CLOSED, Phase.CANCELLED])
def test_outside_the_talk_phases_nothing_is_nudged(phase: Phase) -> None:
    decision = decide_on_message(message(phase=phase, mode=NudgeMode.STRICT), TIP)
    assert decision.effects == ()


# --- options and will: ask the inbrenger first -----------------------------------------------

@pytest.mark.parametrize("phase", [Phase.OPTIONS, Phase.WILL])
@pytest.mark.parametrize("label", sorted(COMPENSATING))
def test_gentle_mode_leaves_options_and_will_alone(phase: Phase, label: Label) -> None:
    decision = decide_on_message(message(phase=phase), Classification(label, cue="x"))
    assert decision.effects == ()


@pytest.mark.parametrize("phase", [Phase.OPTIONS, Phase.WILL])
@pytest.mark.parametrize("delivery", DELIVERIES)
@pytest.mark.parametrize("classification", [TIP, OPINION])
def test_strict_mode_asks_to_ask_the_inbrenger_first_in_options_and_will(
    phase: Phase, delivery: NudgeDelivery, classification: Classification
) -> None:
    decision = decide_on_message(
        message(phase=phase, mode=NudgeMode.STRICT, delivery=delivery), classification)
    assert decision.nudged
    assert keys(decision)[0] == f"nudge.ask_first.{classification.label.value}"


def test_strict_mode_leaves_information_alone_in_options() -> None:
    decision = decide_on_message(message(phase=Phase.OPTIONS, mode=NudgeMode.STRICT), INFORMATION)
    assert decision.effects == ()


# --- cooldowns and limits --------------------------------------------------------------------

@pytest.mark.parametrize("mode", NUDGING_MODES)
@pytest.mark.parametrize("delivery", DELIVERIES)
def test_ten_tips_in_a_minute_from_one_member_give_one_nudge(
    mode: NudgeMode, delivery: NudgeDelivery
) -> None:
    steps = [(ANNA, TIP, T0 + timedelta(seconds=6 * n)) for n in range(10)]
    decisions = conversation(*steps, mode=mode, delivery=delivery)
    assert [d.nudged for d in decisions] == [True] + [False] * 9
    assert sum(len(d.effects) for d in decisions) == 1


@pytest.mark.parametrize("mode", NUDGING_MODES)
def test_a_member_is_nudged_again_only_after_the_cooldown(mode: NudgeMode) -> None:
    cooldown = MEMBER_COOLDOWN[mode]
    steps = [(ANNA, TIP, T0), (ANNA, TIP, T0 + cooldown - timedelta(seconds=1)),
             (ANNA, TIP, T0 + cooldown)]
    assert [d.nudged for d in conversation(*steps, mode=mode)] == [True, False, True]


def test_strict_cooldown_is_shorter_than_gentle() -> None:
    assert MEMBER_COOLDOWN[NudgeMode.STRICT] < MEMBER_COOLDOWN[NudgeMode.GENTLE]
    steps = [(ANNA, TIP, T0), (ANNA, TIP, T0 + timedelta(minutes=5))]
    assert [d.nudged for d in conversation(*steps, mode=NudgeMode.STRICT)] == [True, True]
    assert [d.nudged for d in conversation(*steps, mode=NudgeMode.GENTLE)] == [True, False]


@pytest.mark.parametrize("mode", NUDGING_MODES)
@pytest.mark.parametrize("delivery", DELIVERIES)
def test_each_peers_first_tip_is_nudged_however_busy_the_group_is(
    mode: NudgeMode, delivery: NudgeDelivery
) -> None:
    writers = (ANNA, BRAM, CHRIS, DIRK)
    steps = [(w, TIP, T0 + timedelta(seconds=10 * n)) for n, w in enumerate(writers)]
    decisions = conversation(*steps, mode=mode, delivery=delivery)
    assert [d.nudged for d in decisions] == [True, True, True, True]


def test_private_nudges_do_not_use_the_groups_budget() -> None:
    decisions = conversation((ANNA, TIP, T0), (CHRIS, TIP, T0 + timedelta(seconds=5)),
                             (DIRK, TIP, T0 + timedelta(seconds=9)))
    assert all(isinstance(d.effects[0], SayPrivately) for d in decisions)
    assert decisions[-1].history.sent_at == ()


@pytest.mark.parametrize("delivery", DELIVERIES)
def test_still_offers_never_take_the_place_of_a_peers_first_nudge(
    delivery: NudgeDelivery
) -> None:
    """A quick reality talk: three time-stamped observations fill the budget with offers, then
    a peer's first tip still gets its nudge (privately, or as a reply where it must be public)."""
    history = NudgeHistory()
    for n, writer in enumerate((ANNA, CHRIS, DIRK)):
        ctx = message(writer, at=T0 + timedelta(seconds=10 * n), history=history,
                      message_id=100 + n, text=f"Op 1:2{n} zie ik dat je wacht.",
                      timestamp_seconds=80 + n, delivery=delivery)
        offer = decide_on_message(ctx, OBSERVATION)
        assert offer.kind == "still_offer"
        history = offer.history
    tip = message(BRAM, at=T0 + timedelta(seconds=40), history=history, delivery=delivery)
    assert decide_on_message(tip, TIP).nudged


def test_a_peers_second_public_nudge_waits_for_room_in_the_group() -> None:
    group = NudgeDelivery.GROUP
    busy = NudgeHistory(sent_at=(T0, T0, T0),
                        last_nudge_at={ANNA.user_id: T0 - timedelta(hours=1)})
    assert not decide_on_message(message(ANNA, at=T0, history=busy, delivery=group), TIP).nudged
    fresh = NudgeHistory(sent_at=(T0, T0, T0))
    assert decide_on_message(message(ANNA, at=T0, history=fresh, delivery=group), TIP).nudged


def test_the_group_gets_at_most_ten_still_offers_per_hour() -> None:
    # Twelve offers of twelve moments, 5 minutes apart: inside every 2-minute window, not
    # inside the hour.
    history, offered = NudgeHistory(), []
    for n in range(12):
        ctx = message(ANNA, at=T0 + timedelta(minutes=5 * n), history=history,
                      message_id=100 + n, text=f"Op 1:{10 + n} zie ik het.",
                      timestamp_seconds=70 + n)
        decision = decide_on_message(ctx, OBSERVATION)
        history = decision.history
        offered.append(decision.kind == "still_offer")
    assert offered == [True] * 10 + [False, False]


def test_old_bot_messages_are_forgotten_so_the_stored_history_stays_small() -> None:
    decisions = conversation((ANNA, TIP, T0), (BRAM, TIP, T0 + timedelta(hours=2)))
    assert decisions[-1].history.sent_at == (T0 + timedelta(hours=2),)


# --- closed questions ------------------------------------------------------------------------

@pytest.mark.parametrize("mode", NUDGING_MODES)
@pytest.mark.parametrize("phase", [Phase.GOAL, Phase.REALITY, Phase.OPTIONS])
def test_a_run_of_closed_questions_gets_one_hint_in_the_group(
    mode: NudgeMode, phase: Phase
) -> None:
    minute = timedelta(minutes=1)
    steps = [(ANNA, CLOSED, T0), (INBRENGER, Classification(Label.OTHER), T0 + minute),
             (BRAM, CLOSED, T0 + 2 * minute), (CHRIS, CLOSED, T0 + 3 * minute),
             (ANNA, CLOSED, T0 + 4 * minute), (BRAM, CLOSED, T0 + 5 * minute),
             (CHRIS, CLOSED, T0 + 6 * minute)]
    decisions = conversation(*steps, mode=mode, phase=phase)
    assert [d.kind for d in decisions] == [None, None, None, "closed_run", None, None, None]
    (hint,) = decisions[3].effects
    assert isinstance(hint, Say) and hint.reply_to is None  # the group's pattern, nobody's fault
    assert hint.texts == (Text(f"nudge.closed_run.{phase.value}", {"count": 3}),)


@pytest.mark.parametrize("mode", NUDGING_MODES)
def test_the_closed_question_hint_comes_back_only_after_its_cooldown(mode: NudgeMode) -> None:
    later = T0 + CLOSED_HINT_COOLDOWN[mode]
    steps = [(ANNA, CLOSED, T0), (BRAM, CLOSED, T0), (CHRIS, CLOSED, T0),
             (ANNA, CLOSED, later), (BRAM, CLOSED, later), (CHRIS, CLOSED, later)]
    kinds = [d.kind for d in conversation(*steps, mode=mode)]
    assert kinds == [None, None, "closed_run", None, None, "closed_run"]


def test_the_first_closed_question_hint_is_not_crowded_out_by_still_offers() -> None:
    """Still offers and strong-moment replies may have used the group's room; they give way to
    the first hint, as to a peer's first nudge. A later hint still waits for room."""
    history = NudgeHistory(sent_at=(T0, T0, T0))
    kinds: list[str | None] = []
    for n, writer in enumerate((ANNA, BRAM, CHRIS)):
        decision = decide_on_message(message(writer, at=T0 + timedelta(seconds=10 * n),
                                             history=history, message_id=200 + n), CLOSED)
        history, kinds = decision.history, [*kinds, decision.kind]
    assert kinds == [None, None, "closed_run"]
    later = T0 + CLOSED_HINT_COOLDOWN[NudgeMode.GENTLE]
    crowded = replace(history, sent_at=(later, later, later))
    for n, writer in enumerate((ANNA, BRAM, CHRIS)):
        decision = decide_on_message(message(writer, at=later + timedelta(seconds=n),
                                             history=crowded, message_id=300 + n), CLOSED)
        crowded = decision.history
    assert decision.kind is None


def test_a_run_of_one_members_closed_questions_is_hinted_to_them_privately() -> None:
    """The voice review: Chloe alone asked three closed questions and the hint came in the
    group, where everyone could see who was meant."""
    minute = timedelta(minutes=1)
    steps = [(ANNA, CLOSED, T0), (INBRENGER, Classification(Label.OTHER), T0 + minute),
             (ANNA, CLOSED, T0 + 2 * minute), (ANNA, CLOSED, T0 + 3 * minute)]
    decisions = conversation(*steps)
    assert [d.kind for d in decisions] == [None, None, None, "closed_run"]
    (hint,) = decisions[-1].effects
    assert isinstance(hint, SayPrivately) and hint.user_id == ANNA.user_id
    assert hint.texts == (Text("nudge.closed_run.reality", {"count": 3}),)
    assert decisions[-1].history.sent_at == ()  # the group's room for bot messages is unused
    # Without a private chat (Bram never started one) the hint goes to the group.
    steps = [(BRAM, CLOSED, T0), (BRAM, CLOSED, T0 + minute), (BRAM, CLOSED, T0 + 2 * minute)]
    assert isinstance(conversation(*steps)[-1].effects[0], Say)


def test_an_activating_message_breaks_the_run() -> None:
    steps = [(ANNA, CLOSED, T0), (BRAM, CLOSED, T0), (CHRIS, OPEN, T0), (ANNA, CLOSED, T0)]
    decisions = conversation(*steps)
    assert all(d.effects == () for d in decisions)
    assert decisions[-1].history.closed_run == 1


def test_a_thanks_between_closed_questions_does_not_break_the_run() -> None:
    thanks = Classification(Label.AFFIRMATION, cue="dank je")
    steps = [(ANNA, CLOSED, T0), (BRAM, thanks, T0), (CHRIS, CLOSED, T0), (ANNA, CLOSED, T0)]
    assert [d.kind for d in conversation(*steps)] == [None, None, None, "closed_run"]


@pytest.mark.parametrize("mode", ALL_MODES)
def test_no_closed_question_hint_in_will_or_when_off(mode: NudgeMode) -> None:
    steps = [(ANNA, CLOSED, T0), (BRAM, CLOSED, T0), (CHRIS, CLOSED, T0)]
    assert all(d.effects == () for d in conversation(*steps, mode=mode, phase=Phase.WILL))
    assert all(d.effects == () for d in conversation(*steps, mode=NudgeMode.OFF))


# --- still offers ----------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ALL_MODES)
def test_an_observation_with_a_time_stamp_offers_the_still(mode: NudgeMode) -> None:
    ctx = message(mode=mode, text="Op 1:23 wordt het stil.", timestamp_seconds=83.4)
    decision = decide_on_message(ctx, OBSERVATION)
    assert decision.kind == "still_offer" and not decision.nudged
    (offer,) = decision.effects
    assert isinstance(offer, Say) and offer.reply_to == 100
    assert offer.texts == (Text("nudge.still_offer", {"time": "1:23"}),)
    assert offer.buttons == ((Button(Text("nudge.show_still", {"time": "1:23"}), "still:0:83"),),)
    assert len(offer.buttons[0][0].data.encode()) <= 64


def test_still_offer_past_the_hour_and_without_a_time_stamp() -> None:
    offer = decide_on_message(message(timestamp_seconds=3723), OBSERVATION).effects[0]
    assert isinstance(offer, Say) and offer.texts[0].params == {"time": "1:02:03"}
    assert decide_on_message(message(), OBSERVATION).effects == ()


def test_still_offer_ignores_the_member_cooldown_but_not_the_group_limit() -> None:
    nudged = decide_on_message(message(ANNA), TIP)
    ctx = message(ANNA, at=T0 + timedelta(seconds=10), history=nudged.history,
                  timestamp_seconds=83)
    assert decide_on_message(ctx, OBSERVATION).kind == "still_offer"
    full = NudgeHistory(sent_at=(T0, T0, T0))
    ctx = message(ANNA, at=T0 + timedelta(seconds=10), history=full, timestamp_seconds=83)
    assert decide_on_message(ctx, OBSERVATION).effects == ()


def test_a_tip_with_a_time_stamp_gets_its_nudge_and_no_still() -> None:
    decision = decide_on_message(message(timestamp_seconds=83), TIP)
    assert decision.kind == "tip" and len(decision.effects) == 1


# --- silence and the inbrenger's check-in ----------------------------------------------------

def talked(**at_minutes: float) -> dict[int, datetime]:
    ids = {"anna": ANNA.user_id, "bram": BRAM.user_id, "chris": CHRIS.user_id}
    return {ids[name]: T0 + timedelta(minutes=m) for name, m in at_minutes.items()}


@pytest.mark.parametrize("mode", NUDGING_MODES)
@pytest.mark.parametrize("delivery", DELIVERIES)
def test_a_silent_member_is_invited_back_once_per_phase(
    mode: NudgeMode, delivery: NudgeDelivery
) -> None:
    history = NudgeHistory(last_contribution_at=talked(anna=8.5, chris=8.8),
                           inbrenger_last_at=T0 + timedelta(minutes=8))
    first = decide_on_tick(tick(history, mode=mode, delivery=delivery), T0 + timedelta(minutes=9))
    assert first.kind == "silence" and first.nudged
    (invitation,) = first.effects
    assert isinstance(invitation, Say) and invitation.reply_to is None
    assert invitation.texts == (Text("nudge.silence", {"count": 1, "names": "Bram"}),)

    again = first.history
    for minutes in (15, 25, 40):
        later = decide_on_tick(tick(again, mode=mode), T0 + timedelta(minutes=minutes))
        assert later.kind != "silence"
        again = later.history

    next_phase = T0 + timedelta(minutes=41)
    talking = replace_times(again, anna=49.5)
    decision = decide_on_tick(tick(talking, phase=Phase.OPTIONS, phase_started_at=next_phase),
                              T0 + timedelta(minutes=50))
    assert decision.kind == "silence"
    assert "Bram" in decision.effects[0].texts[0].params["names"]  # type: ignore[union-attr]


def replace_times(history: NudgeHistory, **at_minutes: float) -> NudgeHistory:
    return NudgeHistory.from_dict({
        **history.to_dict(),
        "last_contribution_at": {str(k): v.isoformat() for k, v in talked(**at_minutes).items()},
        "inbrenger_last_at": (T0 + timedelta(minutes=max(at_minutes.values()))).isoformat(),
    })


def test_quiet_peers_are_invited_in_while_only_the_inbrenger_talks() -> None:
    history = NudgeHistory(inbrenger_last_at=T0 + timedelta(minutes=8.5))
    decision = decide_on_tick(tick(history), T0 + timedelta(minutes=9))
    assert decision.kind == "silence"
    assert decision.effects[0].texts[0].params["names"] == "Anna, Bram, Chris"  # type: ignore[union-attr]


def test_several_silent_members_share_one_kind_message() -> None:
    history = NudgeHistory(last_contribution_at=talked(anna=8.5),
                           inbrenger_last_at=T0 + timedelta(minutes=8))
    decision = decide_on_tick(tick(history), T0 + timedelta(minutes=9))
    assert keys(decision) == ["nudge.silence"]
    assert decision.effects[0].texts[0].params == {"count": 2, "names": "Bram, Chris"}  # type: ignore[union-attr]
    assert set(decision.history.invited_at) == {BRAM.user_id, CHRIS.user_id}


@pytest.mark.parametrize("mode", NUDGING_MODES)
def test_a_member_invited_back_is_not_corrected_for_their_answer_within_the_cooldown(
    mode: NudgeMode
) -> None:
    history = NudgeHistory(last_contribution_at=talked(anna=8.5, chris=8.8),
                           inbrenger_last_at=T0 + timedelta(minutes=8))
    invited_at = T0 + timedelta(minutes=9)
    invited = decide_on_tick(tick(history, mode=mode), invited_at)
    assert invited.kind == "silence" and BRAM.user_id in invited.history.invited_at

    answer = message(BRAM, mode=mode, at=invited_at + timedelta(minutes=1),
                     history=invited.history)
    assert decide_on_message(answer, TIP).effects == ()
    later = message(BRAM, mode=mode, at=invited_at + MEMBER_COOLDOWN[mode],
                    history=invited.history)
    assert decide_on_message(later, TIP).kind == "tip"


def test_a_member_just_nudged_is_not_named_as_quiet_within_the_gentle_cooldown() -> None:
    nudged = decide_on_message(message(BRAM, at=T0 + timedelta(minutes=1)), TIP)
    assert nudged.kind == "tip"
    history = NudgeHistory.from_dict({
        **nudged.history.to_dict(),
        "last_contribution_at": {**nudged.history.to_dict()["last_contribution_at"],
                                 **{str(k): v.isoformat() for k, v in talked(anna=9,
                                                                             chris=9.5).items()}},
        "inbrenger_last_at": (T0 + timedelta(minutes=9)).isoformat(),
    })
    # Quiet for eight minutes since his tip, but corrected for it less than ten minutes ago.
    assert decide_on_tick(tick(history), T0 + timedelta(minutes=9, seconds=30)).effects == ()
    cooled = T0 + timedelta(minutes=1) + MEMBER_COOLDOWN[NudgeMode.GENTLE]
    invitation = decide_on_tick(tick(history), cooled)
    assert invitation.kind == "silence"
    assert invitation.effects[0].texts[0].params["names"] == "Bram"  # type: ignore[union-attr]
    # Strict groups' cooldown is shorter than the quiet mark, so Bram is named at once there.
    strict = decide_on_tick(tick(history, mode=NudgeMode.STRICT),
                            T0 + timedelta(minutes=9, seconds=30))
    assert strict.kind == "silence"


def test_no_invitation_early_in_a_phase_or_when_nobody_talks() -> None:
    history = NudgeHistory(last_contribution_at=talked(anna=5),
                           inbrenger_last_at=T0 + timedelta(minutes=5))
    assert decide_on_tick(tick(history), T0 + timedelta(minutes=7)).effects == ()
    assert decide_on_tick(tick(history), T0 + timedelta(minutes=20)).effects == ()


@pytest.mark.parametrize("phase", [Phase.WATCHING, Phase.CLOSED])
def test_ticks_outside_talk_phases_and_in_mode_off_send_nothing(phase: Phase) -> None:
    history = NudgeHistory(last_contribution_at=talked(anna=8.5))
    now = T0 + timedelta(minutes=9)
    assert decide_on_tick(tick(history, phase=phase), now).effects == ()
    assert decide_on_tick(tick(history, mode=NudgeMode.OFF), now).effects == ()


@pytest.mark.parametrize("mode", NUDGING_MODES)
@pytest.mark.parametrize(("inbrenger", "delivery", "private"), [
    (INBRENGER, NudgeDelivery.PRIVATE, True),
    (INBRENGER, NudgeDelivery.GROUP, False),
    (Member(1, "Ilse", started_private=False), NudgeDelivery.PRIVATE, False),
])
def test_a_silent_inbrenger_gets_the_checkin_once_per_phase(
    mode: NudgeMode, inbrenger: Member, delivery: NudgeDelivery, private: bool
) -> None:
    history = NudgeHistory(last_contribution_at=talked(anna=6.5, bram=6.8, chris=6.9),
                           inbrenger_last_at=T0 + timedelta(minutes=0.5),
                           inbrenger_last_message_id=42)
    ctx = tick(history, mode=mode, delivery=delivery, inbrenger=inbrenger)
    decision = decide_on_tick(ctx, T0 + timedelta(minutes=7))
    assert decision.kind == "checkin"
    (effect,) = decision.effects
    assert isinstance(effect, SayPrivately if private else Say)
    if isinstance(effect, SayPrivately):
        assert effect.user_id == inbrenger.user_id and effect.fallback_reply_to == 42
    assert effect.texts == (Text("nudge.checkin", {"name": "Ilse"}),)
    assert [b.data for row in effect.buttons for b in row] == ["cy:0:checkin:yes",
                                                               "cy:0:checkin:steer"]

    later = tick(decision.history, mode=mode, delivery=delivery, inbrenger=inbrenger)
    assert decide_on_tick(later, T0 + timedelta(minutes=7.5)).kind != "checkin"


def test_no_checkin_while_the_inbrenger_talks_or_the_others_are_quiet_too() -> None:
    speaking = NudgeHistory(last_contribution_at=talked(anna=6.5),
                            inbrenger_last_at=T0 + timedelta(minutes=5))
    assert decide_on_tick(tick(speaking), T0 + timedelta(minutes=7)).kind != "checkin"
    all_quiet = NudgeHistory(last_contribution_at=talked(anna=1),
                             inbrenger_last_at=T0 + timedelta(minutes=0.5))
    assert decide_on_tick(tick(all_quiet), T0 + timedelta(minutes=9)).effects == ()


# --- history and catalogs --------------------------------------------------------------------

def test_history_round_trips_through_json() -> None:
    history = NudgeHistory(
        last_nudge_at={ANNA.user_id: T0}, sent_at=(T0, T0 + timedelta(seconds=5)), closed_run=2,
        closed_hint_at=T0, last_contribution_at=talked(anna=1, bram=2),
        inbrenger_last_at=T0, inbrenger_last_message_id=42, silence_invitation_at=T0,
        invited_at={BRAM.user_id: T0}, checkin_at=T0, inbrenger_asked_at=T0,
        stills_offered=(9, 83), closed_askers=(ANNA.user_id, BRAM.user_id),
    )
    # every field set: a field added later and forgotten in to_dict fails here
    assert all(getattr(history, f.name) != f.default for f in fields(NudgeHistory)
               if f.default is not MISSING)
    stored = json.loads(json.dumps(history.to_dict()))
    assert NudgeHistory.from_dict(stored) == history
    assert NudgeHistory.from_dict({}) == NudgeHistory()


def test_an_answer_to_the_inbrengers_question_is_asked_for() -> None:
    """The second nudging review: Bram asked "Hoe lang zou zo'n stilte moeten duren?" and
    Anna, answering with research, was told her knowledge is welcome once asked for."""
    asked = remember(message(INBRENGER, text="Hoe lang zou zo'n stilte moeten duren?"),
                     Label.OPEN_QUESTION)
    answer = message(ANNA, at=T0 + timedelta(minutes=2), history=asked)
    assert decide_on_message(answer, INFORMATION).effects == ()
    later = message(ANNA, at=T0 + timedelta(minutes=6), history=asked)
    assert decide_on_message(later, INFORMATION).nudged
    told = remember(message(INBRENGER, text="Ik was gewoon ongeduldig."), Label.REFLECTION)
    assert decide_on_message(message(ANNA, at=T0 + timedelta(minutes=2), history=told),
                             INFORMATION).nudged


def test_nudge_catalogs_have_the_same_keys_and_placeholders() -> None:
    def nudge_keys(language: str) -> dict[str, set[str]]:
        return {key: placeholders(value) for key, value in catalog(language).items()
                if key.startswith("nudge.")}
    assert nudge_keys("nl") == nudge_keys("en")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_text_the_policy_sends_renders(language: str) -> None:
    decisions = [
        decide_on_message(message(), TIP),
        decide_on_message(message(), OPINION),
        decide_on_message(message(), INFORMATION),
        decide_on_message(message(phase=Phase.OPTIONS, mode=NudgeMode.STRICT), TIP),
        decide_on_message(message(phase=Phase.OPTIONS, mode=NudgeMode.STRICT), OPINION),
        decide_on_message(message(timestamp_seconds=83), OBSERVATION),
        *conversation((ANNA, CLOSED, T0), (BRAM, CLOSED, T0), (CHRIS, CLOSED, T0)),
        decide_on_tick(tick(NudgeHistory(last_contribution_at=talked(anna=8.5))),
                       T0 + timedelta(minutes=9)),
    ]
    for decision in decisions:
        for effect in decision.effects:
            assert isinstance(effect, Say | SayPrivately)
            assert "{" not in render_all(language, effect.texts)
            for row in effect.buttons:
                assert all(render_all(language, (button.label,)) for button in row)


@pytest.mark.parametrize("phase", [Phase.GOAL, Phase.REALITY, Phase.OPTIONS])
def test_closed_run_hints_and_checkins_render(phase: Phase) -> None:
    for language in ("nl", "en"):
        assert "<i>" in render_all(language, (Text(f"nudge.closed_run.{phase.value}",
                                                   {"count": 3}),))
        assert render_all(language, (Text("nudge.checkin", {"name": "<b>Ilse</b>"}),)).startswith(
            "&lt;b&gt;Ilse")


def test_a_moment_offered_as_a_still_is_not_offered_again_in_the_phase() -> None:
    """UX review 10: "Je noemt 0:09 in de clip. Met de knop ziet iedereen dat moment." twice
    within a minute. Its button is just above; another moment is offered, and in a new phase
    the same moment again."""
    first = decide_on_message(message(ANNA, text="Op 0:09 staat hij op.", timestamp_seconds=9),
                              OBSERVATION)
    assert first.kind == "still_offer"
    again = decide_on_message(message(CHRIS, at=T0 + timedelta(seconds=40), history=first.history,
                                      text="En op 0:09 kijkt zij weg.", timestamp_seconds=9.6),
                              OBSERVATION)
    assert again.effects == () and again.kind is None
    other = decide_on_message(message(CHRIS, at=T0 + timedelta(seconds=50),
                                      history=again.history, timestamp_seconds=12), OBSERVATION)
    assert other.kind == "still_offer"
    later = decide_on_message(message(CHRIS, phase=Phase.OPTIONS, at=T0 + timedelta(minutes=9),
                                      history=other.history.new_phase(), timestamp_seconds=9),
                              OBSERVATION)
    assert later.kind == "still_offer"
