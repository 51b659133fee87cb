"""What the simulated peers of the sandbox's demo cycle say, in Dutch and English.

A realistic mix for a group learning the practice: mostly open questions and observations with
a time stamp, one tip in reality (which earns its writer a private nudge), a tip welcomed in
options once the inbrenger opened up for tips, and a line each in the look back. Each line is
(speaker, text); the speaker is a role in the cast (see peers.py): "inbrenger", or "peer1",
"peer2", "peer3" (the members who are not the inbrenger, in cast order).
"""

from __future__ import annotations

from dataclasses import dataclass

Line = tuple[str, str]


@dataclass(frozen=True)
class Script:
    learning_question: str
    commitment: str
    # stage -> what the scripted people say, in order (see peers.stage_of for the stage names)
    talk: dict[str, tuple[Line, ...]]
    lookback_lines: tuple[str, ...]


NL = Script(
    learning_question="Hoe kan ik de overgang na de pauze rustiger laten verlopen?",
    commitment="Ik ga de leerlingen bij de deur begroeten en een startopdracht op het bord "
               "zetten, zodat ze binnen twee minuten aan het werk zijn.",
    talk={
        "goal": (
            ("peer1", "Wat wil je dat de leerlingen na de pauze als eerste doen?"),
            ("peer2", "Wanneer ben jij tevreden over zo'n overgang?"),
            ("inbrenger", "Als ze binnen een paar minuten zitten en met iets beginnen."),
        ),
        "reality.see": (
            ("peer2", "Op 0:02 staan drie leerlingen nog bij de deur te praten."),
            ("peer3", "Op 0:06 begin je met uitleggen terwijl een deel nog zijn jas aan heeft."),
            ("inbrenger", "Klopt, dat zag ik zelf pas toen ik het terugkeek."),
        ),
        "reality.strong": (
            ("peer1", "Op 0:04 wacht je even en kijk je de klas rond: dan wordt het stiller."),
            ("peer3", "Op 0:09 noem je twee leerlingen bij naam, heel rustig. Dat werkt."),
        ),
        "reality.analysis": (
            ("peer2", "Wat merkte je bij jezelf toen het rumoerig bleef?"),
            ("peer3", "Je zou meer wachttijd kunnen geven."),
            ("inbrenger", "Ik werd ongeduldig, ik wilde beginnen omdat de les kort is."),
            ("peer1", "Wat zou er gebeuren als je ze al bij de deur opvangt?"),
        ),
        "options": (
            ("peer1", "Welke mogelijkheden zie je zelf?"),
            ("inbrenger", "Misschien een vaste opdracht op het bord. Tips zijn welkom!"),
            ("inbrenger", "/tips"),
            ("peer3", "Bij mij werkt een timer op het bord: twee minuten en dan beginnen we."),
            ("peer2", "Wat heb je al eens geprobeerd, en wat werkte daaraan?"),
        ),
    },
    lookback_lines=(
        "Eerst vragen wat iemand zag, voordat ik iets vind.",
        "Een moment met tijdstempel noemen: dan kijken we echt samen.",
        "Vragen wanneer iemand tevreden is: dat maakt het doel concreet.",
    ),
)

EN = Script(
    learning_question="How can I make the start of the lesson after the break calmer?",
    commitment="I will greet the pupils at the door and put a starter task on the board, so "
               "that they are working within two minutes.",
    talk={
        "goal": (
            ("peer1", "What do you want the pupils to do first after the break?"),
            ("peer2", "When would you be satisfied with such a start?"),
            ("inbrenger", "When they are seated within a few minutes and start on something."),
        ),
        "reality.see": (
            ("peer2", "At 0:02 three pupils are still talking at the door."),
            ("peer3", "At 0:06 you start explaining while some still have their coats on."),
            ("inbrenger", "True, I only saw that when I watched it again."),
        ),
        "reality.strong": (
            ("peer1", "At 0:04 you pause and look around the class: it gets quieter."),
            ("peer3", "At 0:09 you name two pupils, very calmly. That works."),
        ),
        "reality.analysis": (
            ("peer2", "What did you notice in yourself when it stayed noisy?"),
            ("peer3", "You should give them more wait time."),
            ("inbrenger", "I got impatient; I wanted to start because the lesson is short."),
            ("peer1", "What would happen if you met them at the door?"),
        ),
        "options": (
            ("peer1", "Which possibilities can you think of yourself?"),
            ("inbrenger", "Maybe a fixed task on the board. Tips are welcome!"),
            ("inbrenger", "/tips"),
            ("peer3", "A timer on the board works for me: two minutes, then we begin."),
            ("peer2", "What have you tried before, and what worked about it?"),
        ),
    },
    lookback_lines=(
        "Asking what someone saw before saying what I think.",
        "Naming a moment with its time stamp: then we really look together.",
        "Asking when someone would be satisfied: it makes the goal concrete.",
    ),
)

SCRIPTS = {"nl": NL, "en": EN}
