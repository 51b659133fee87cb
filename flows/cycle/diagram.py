"""Checks and draws the cycle's transition table: `validate()` refuses a machine with more
than one start, a way out of a final state, an unreachable state or a dead end; `mermaid()`
renders docs/cycle.md from the same table (a test keeps the file in sync)."""
from __future__ import annotations

from collections import defaultdict

from flows.cycle.table import START, TRANSITIONS, Transition
from flows.model import FINAL_PHASES, STEPS, Phase


def edges(transitions: tuple[Transition, ...] = TRANSITIONS) -> dict[tuple[Phase, Phase], list[str]]:
    found: dict[tuple[Phase, Phase], list[str]] = defaultdict(list)
    for transition in transitions:
        if transition.to_step is not None:
            continue  # drawn inside its phase (step_edges)
        target = transition.target or transition.source
        if transition.event not in found[(transition.source, target)]:
            found[(transition.source, target)].append(transition.event)
    return found


def step_edges(phase: Phase, transitions: tuple[Transition, ...] = TRANSITIONS
               ) -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for transition in transitions:
        if transition.source == phase and transition.to_step is not None:
            pair = (transition.step or "", transition.to_step)
            if transition.event not in found[pair]:
                found[pair].append(transition.event)
    return found


def _validate_steps(transitions: tuple[Transition, ...]) -> None:
    """Each step of a phase is entered in turn from the first, and the last one leaves."""
    for phase, steps in STEPS.items():
        entered = {target for (_, target) in step_edges(phase, transitions)}
        missing = [step for step in steps[1:] if step not in entered]
        if missing:
            raise ValueError(f"unreachable steps of {phase}: {missing}")
        leaves = any(t.source == phase and t.target not in (None, phase)
                     and t.step in (None, steps[-1]) for t in transitions)
        if not leaves:
            raise ValueError(f"dead end: the last step of {phase} never leaves it")


def validate(transitions: tuple[Transition, ...] = TRANSITIONS, start: Phase = START) -> None:
    _validate_steps(transitions)
    graph = edges(transitions)
    entered = {target for (source, target) in graph if source != target}
    other_starts = [phase for phase in Phase if phase not in entered and phase != start]
    if other_starts:
        raise ValueError(f"only {start} may start the machine, also found {other_starts}")
    for (source, target) in graph:
        if source in FINAL_PHASES and target != source:
            raise ValueError(f"a way out of the final state {source}")
    reachable = {start}
    frontier = [start]
    while frontier:
        phase = frontier.pop()
        for (source, target) in graph:
            if source == phase and target not in reachable:
                reachable.add(target)
                frontier.append(target)
    missing = set(Phase) - reachable
    if missing:
        raise ValueError(f"unreachable states: {sorted(missing)}")
    for phase in set(Phase) - FINAL_PHASES:
        if not _reaches_final(graph, phase):
            raise ValueError(f"dead end: {phase} never reaches a final state")


def _reaches_final(graph: dict[tuple[Phase, Phase], list[str]], phase: Phase) -> bool:
    seen = {phase}
    frontier = [phase]
    while frontier:
        current = frontier.pop()
        if current in FINAL_PHASES:
            return True
        for (source, target) in graph:
            if source == current and target not in seen:
                seen.add(target)
                frontier.append(target)
    return False


def mermaid(transitions: tuple[Transition, ...] = TRANSITIONS) -> str:
    lines = ["stateDiagram-v2", f"    [*] --> {START.value}"]
    for phase, steps in STEPS.items():
        lines.append(f"    state {phase.value} {{")
        lines.append(f"        [*] --> {steps[0]}")
        for (source, target), events in step_edges(phase, transitions).items():
            lines.append(f"        {source} --> {target}: {', '.join(events)}")
        lines.append("    }")
    for (source, target), events in edges(transitions).items():
        lines.append(f"    {source.value} --> {target.value}: {', '.join(events)}")
    for final in sorted(FINAL_PHASES):
        lines.append(f"    {final.value} --> [*]")
    return "\n".join(lines) + "\n"


def document() -> str:
    return (
        "# The reflective cycle\n\n"
        "Generated from `flows/cycle/table.py` by `python -m flows.cycle.diagram`; a test fails when\n"
        "this file and the transition table differ. Self-loops are events that keep the phase\n"
        "(a contribution, a reminder, a look-back answer). A phase drawn as a box has steps\n"
        "inside it (reality: what we see and hear, strong moments, the analysis); `next` moves\n"
        "step by step, and from the last step to the next phase. A prompt's \"next\" button\n"
        "names the phase or step it was made in (`cy:<cycle>:next:<step>`): pressed anywhere\n"
        "else it is refused as stale (`guards.pressed_here`), and each move takes the previous\n"
        "prompt's buttons away (`ButtonsDone`, bot/engine/live_buttons.py). A `timebox` changed\n"
        "by an admin counts for the phase that runs (`flows/cycle/timebox.py`), and for reality's\n"
        "step reminder, counted from the step's start (`Cycle.step_started_at`), unless it came;\n"
        "a step reminder due once the whole phase's timebox is over says nothing (the phase's\n"
        "own reminder says enough).\n\n"
        "```mermaid\n" + mermaid() + "```\n\n"
        "Watching opens the talk (`watched`, `absent`) once everyone the group waits for has\n"
        "watched: members who agreed to the agreements, other than the inbrenger, who did not\n"
        "pass this turn on and did not press \"I'm not here today\", and who were members when\n"
        "the watching began (`Cycle.watch_gate`: who joins later may press it, and is not waited\n"
        "for; `flows/cycle/watching.py`). The coach summary's \"watched before the talk\" is\n"
        "about everyone who took part: those waited for and who said something in the talk;\n"
        "who watched only once it ran, or never said so, is named (`watching.late_to_watch`,\n"
        "`Cycle.watched_at_talk`). Each press is answered with who the group still waits for. The watch\n"
        "timebox's end (`watch_end`) opens the talk once a peer has watched; with nobody, the\n"
        "group hears once that the talk starts at the first press (or /next), and the first\n"
        "peer who presses opens it (`Cycle.watch_time_over`; /status says so), while its meeting\n"
        "runs: at the meeting's end (`meeting_over`) the group hears the talk waits for the next\n"
        "meeting, whose start (`meeting_began`) asks it to watch again; a press in between is\n"
        "thanked and waits (`flows/cycle/watch_meetings.py`; a cycle started by hand opens at\n"
        "the first press whenever it comes). After\n"
        "watching, what waits for everyone\n"
        "(\"everyone has named a strong moment\": every peer, never the inbrenger; the look back)\n"
        "waits for who is here, and the\n"
        "summaries leave out who was away and said nothing; who says something in the talk is\n"
        "here after all (`table._apply`; a look-back line is about the talk, not in it).\n"
        "The talk about the teaching starts only after watching: a peer who writes a tip, an\n"
        "opinion, an explanation, an observation, an open question or a reflection (four words\n"
        "or more) while the group still watches hears once, privately where they can, to keep\n"
        "it for the talk and, if they have not yet, to press \"I watched it\"\n"
        "(`actions.hold_for_the_talk`). Chat, a question about the clip itself and the\n"
        "inbrenger's own explanation are left alone; nothing said while watching counts as a\n"
        "contribution.\n\n"
        "Cycle n+1 looks back at the commitment of cycle n: the goal's prompt recalls it (or,\n"
        "where \"does the new clip show it?\" is still open, asks that first) and asks the\n"
        "inbrenger to tell the group first how it went; their first words in the goal are that\n"
        "story, in its own line under the previous commitment in the group's and the coach's\n"
        "summary (300 characters; whole in the portfolios), not again among the goal's words;\n"
        "words that answer a peer's other question first are no story\n"
        "(`group_summary.how_it_went`).\n"
        "The answer to the button (\"Deels\") says when: at the start of the talk (a review saw\n"
        "an inbrenger tell it at once, in the chat before the meeting, where nothing is kept).\n\n"
        "In will, a `message` of the inbrenger is proposed as the commitment, never taken; a\n"
        "question or a short \"weet ik nog niet\" is talk, not a proposal. When a proposal\n"
        "names no goal (\"zodat\", \"om ... te\", \"so that\", ...; `flows/cycle/commitment.py`)\n"
        "it asks for one: a next message that is a goal is joined to the proposal, one that\n"
        "says what will be done (\"Ik ga ...\") replaces it. `commit` confirms what was proposed,\n"
        "goal and all; `next` before that points to the confirm button. In the look back, a\n"
        "peer's message that is only thanks or praise is no line (`lookback.is_courtesy`); the\n"
        "line may follow.\n\n"
        "A meeting of the schedule never begins in silence while a cycle from an earlier meeting\n"
        "(or one started by hand) is still open (`meeting_began`; the meeting a cycle was\n"
        "announced for opens it by the cycle's own `meeting_open` timer). Before the talk, the\n"
        "missing clip is put to the group again, with the same buttons (wait, the next member\n"
        "brings in, cancel), and the cycle now belongs to this meeting, so any member may\n"
        "choose; with the intake complete, the clip is shown. Where nobody chooses, the\n"
        "meeting's end (all its timeboxes after its start: `meeting_over`) tells the group when\n"
        "the talk can still be: at the next meeting once the intake is complete, or at once\n"
        "without a schedule. In goal, reality, options or will\n"
        "(not its look back, which closes by its own timebox), when nobody has written in the\n"
        "talk for an hour, the group hears where the cycle stands and how to go on or stop it.\n\n"
        "Someone who has not joined and writes while a cycle runs hears once that a cycle runs\n"
        "and whose (\"Er loopt nu een cyclus: Bram brengt een clip uit de eigen les in. Lees\n"
        "gerust mee. Stuur /join om mee te doen, dat kan ook nu nog.\"; `actions.outsider_message`),\n"
        "then is left in peace. Someone added to the chat while a cycle runs hears it in the\n"
        "welcome (`arrived`, `flows/cycle/arrivals.py`: what the group does, /join, and whose\n"
        "cycle runs), which counts as that once.\n\n"
        "A member who leaves (`member_left`: /leave, /forget, or leaving the Telegram chat) is\n"
        "no longer counted on (`flows/cycle/leaving.py`). Before the meeting, an inbrenger who\n"
        "leaves passes the turn on to the next member (the cycle stops when nobody can take\n"
        "it). Once the clip is shown, /leave is refused to the inbrenger (the talk is about their\n"
        "teaching; /cancel stops it) and /forget is refused as before; an inbrenger who leaves\n"
        "the chat then stops the cycle, and the turn no longer counts in the rotation\n"
        "(`ReturnTurn`: the talk about their clip never reached its commitment, so who comes\n"
        "back is not put behind the others for it; the same after /cancel in the talk, which\n"
        "asks first and names who stopped it, `flows/cycle/stopping.py`). Once their\n"
        "commitment is confirmed, it\n"
        "closes as usual instead: the group's look back (without the inbrenger's pick), the\n"
        "summaries for the group and the coach, the follow-up (sent if they are back by then).\n"
        "A peer who leaves while the\n"
        "group watches opens the talk when everyone else has watched.\n"
        + INTAKE
    )


INTAKE = """
## Clip intake (announced, awaiting_clip)

What the inbrenger's words do before the meeting (`flows/cycle/intake.py`):

- The announcement carries the filming tip (little of the pupils in view), so every inbrenger
  sees it before filming, whether they press "Ik breng in" or send the clip straight away.
  The message after the button only says how to send the clip.
- The clip's caption is the learning question when it is one. A plain message is the learning
  question only while none is stored: before the clip (kept for it: "stuur nu je clip"), or
  after a clip that came without one. The clip is answered in one message: with the question,
  with the correction of a try at one, or, without a caption or with one that only describes
  the clip ("rekenles groep 5, dinsdag": no question, not about the inbrenger's acting), with
  "Wat is je leervraag bij deze clip?" and the example. A correction right after the example
  is one short line (`Cycle.question_example_shown`).
- Once a learning question is stored, the inbrenger's messages are chat. A **reply to the clip**
  with a question changes it ("Je leervraag is aangepast: ..."). The consent stays: it is
  about the recording and the school's rules, which a new question does not change. Without
  consent yet, the confirmation points to the one consent question, asked with the first
  learning question: one live consent button per clip, done once the clip is shown. The
  first plain message per cycle that reads as a new learning question is offered with a
  button ("Is dit je nieuwe leervraag?", `intake.offer_new_question`): pressed, it changes
  the question as a reply would; later ones are chat.
- Chat of the inbrenger before the clip is answered once per cycle, then left alone: before
  the turn is accepted with the button that is waited for ("breng jij deze keer in? Druk
  dan op „Ik breng in”"; the button's answer asks for the clip), after it the clip ("ik
  wacht nog op je clip"); both say that /swap passes the turn on. Peers' chat is never
  answered.
- What counts as the clip (`intake.is_clip`, asked by `bot/handlers/media_posted.py` before
  anything is downloaded): the inbrenger's video, video file or round video note, before the
  meeting, or an animation of 10 seconds or more (Telegram sends a video without sound as
  one; a shorter GIF is a reaction). Once the clip is there, a video, video file or such
  an animation (a better take without sound) replaces it ("Deze clip komt in de plaats van
  de vorige"), not a round selfie note and not the next items of the album the clip came in. Anyone else's video or GIF, and
  a peer's video in the talk, is just shared, without an answer; a round video note in the talk
  is spoken, so a contribution (docs/voice.md).
- Where a video that is not the clip was plausibly meant as one, one line says why it is not
  taken (`other_clips.not_the_clip`; at most once per person every five minutes, so who shares
  several videos is not answered at each): the inbrenger's new take or second clip once the
  group watches ("Je clip en je leervraag blijven zoals ze zijn ... Zeg het in het gesprek"),
  and, before the clip is shown, the video of a member who just passed the turn on, or a
  member's video whose caption reads as a learning question ("Dit is niet de clip van deze
  cyclus: Anna brengt nu in."). A peer's video in the talk is a share, not a clip brought in.
- The learning question can be sharpened until the talk opens: the intake's "Wil je hem nog
  aanpassen voordat het gesprek over je clip begint?" says until when. While the group
  watches, an edit of its message (the clip's caption), or a reply to the clip that is a
  question, is the new one, and the group hears it ("Bram heeft de leervraag aangescherpt:
  ..."). Once the talk opened it stays: an edit is answered with "Je leervraag blijft zoals
  hij was ... Zeg het in het gesprek als nieuw bericht", a reply to the clip that reads as a
  new learning question is a contribution, as any message, and hears that it is kept as one.
- Words in a caption (a photo, a screenshot, a file, a video that is no clip) count like a
  message: in the talk they are the member's contribution, before it they are chat (or the
  inbrenger's learning question, like a message), outside a cycle nothing.
- In a chat whose forum topics hold groups, a video sent in a topic that does not wait for it
  (no group, or another group) while another group waits for this sender's clip gets "je groep
  … wacht in een eigen onderwerp op je clip", and the group of that topic does not take it.
- A learning question must be about the inbrenger's own actions (`learning_question.py`: ik/I
  as the subject, "mijn uitleg"/"my questions", ...). The correction says that sending the
  same question again keeps it; sent again, it is taken: the check is a heuristic, the
  inbrenger has the last word. It is a question when it ends in a question mark, opens with
  a question word, or says what the inbrenger wants to learn ("Ik wil leren hoe ik ...",
  "I'd like to find out whether my ...", "Ik vraag me af ...").
- The learning question is taken out of the words around it (`learning_question.question_in`):
  what follows "mijn leervraag is (eigenlijk):" / "my learning question is:", without a
  question about the question before or after it ("Kan ik dat nog veranderen?", "Is dat
  goed?", "Can I still change it?") or a lead-in ("Wacht,"). The offer, the confirmation and
  everything after show that question only.
- Before the clip, words about the turn are no learning question, question mark or not
  (`learning_question.is_about_the_turn`: no clip yet, doubt about which lesson to show,
  another member asked to take it, "Sanne, wil jij?"): they are answered once with how
  /swap passes the turn on.
"""


if __name__ == "__main__":
    validate()
    print(document(), end="")
