"""The contribution classifier as a group member meets it: the label of a message, the words a
nudge quotes, the question it offers instead of a tip, and the `intervision classify` command.
The example messages are written for these tests, not taken from the development set."""
from __future__ import annotations

import csv
import io
import os
import sys
from collections import Counter
from pathlib import Path

import pytest

from bot.cli.classify import run
from flows.classifier import classify, detect_language, fallback, parse_timestamp
from flows.classifier.timestamps import clock
from flows.labels import COMPENSATING, Label

L = Label

CLEAR = [
    ("nl", "Wat ging er door je heen toen Sam begon te huilen?", L.OPEN_QUESTION),
    ("nl", "Kun je beschrijven hoe een goede start er voor jou uitziet?", L.OPEN_QUESTION),
    ("en", "What made you decide to stop the activity there?", L.OPEN_QUESTION),
    ("en", "Could you say more about what 'calm' means to you?", L.OPEN_QUESTION),
    ("nl", "Was dit de eerste les na de vakantie?", L.CLOSED_QUESTION),
    ("nl", "Hoeveel leerlingen zitten er in deze klas?", L.CLOSED_QUESTION),
    ("en", "Did you plan the groups in advance?", L.CLOSED_QUESTION),
    ("nl", "Het klinkt alsof je er behoorlijk van baalde.", L.REFLECTION),
    ("nl", "Je twijfelt of je wel de juiste toon hebt gevonden.", L.REFLECTION),
    ("en", "So you want to be kind but also firm.", L.REFLECTION),
    ("en", "It sounds like that moment really stayed with you.", L.REFLECTION),
    ("nl", "Op 1:40 steekt Noor haar vinger op en je ziet haar niet.", L.OBSERVATION),
    ("nl", "Je geeft de instructie terwijl je met je rug naar de klas staat.", L.OBSERVATION),
    ("en", "Two girls at the front table share one book the whole time.", L.OBSERVATION),
    ("nl", "Je zou de opdracht in kleinere stappen kunnen opdelen.", L.TIP),
    ("nl", "Zet de tafels in groepjes van vier, dan praten ze makkelijker.", L.TIP),
    ("en", "You could try a countdown before transitions.", L.TIP),
    ("nl", "Die uitleg was echt veel te lang.", L.OPINION),
    ("nl", "Volgens mij zoekt Kevin gewoon aandacht.", L.OPINION),
    ("en", "I think the task was too open for this group.", L.OPINION),
    ("nl", "Uit onderzoek blijkt dat dagelijkse herhaling het onthouden versterkt.", L.INFORMATION),
    ("nl", "Pubers hebben vaak meer slaap nodig dan volwassenen.", L.INFORMATION),
    ("en", "Research shows that three seconds of wait time improves answers.", L.INFORMATION),
    ("nl", "Knap dat je dit durft te laten zien.", L.AFFIRMATION),
    ("nl", "Je bent echt een warme juf, dat zie je meteen.", L.AFFIRMATION),
    ("en", "Thanks so much for sharing this with us.", L.AFFIRMATION),
    ("en", "Keep it up, you're doing great!", L.AFFIRMATION),
    ("nl", "Kan iemand de link nog een keer sturen?", L.OTHER),
    ("nl", "Mijn internet valt steeds weg.", L.OTHER),
    ("en", "Sorry I'm late, traffic was awful.", L.OTHER),
    ("en", "Can we start ten minutes later next week?", L.OTHER),
]


@pytest.mark.parametrize(("lang", "text", "label"), CLEAR)
def test_each_label_on_clear_examples_in_both_languages(lang: str, text: str, label: Label) -> None:
    assert classify(text, lang).label is label


@pytest.mark.parametrize(("lang", "text", "label"), [
    ("nl", "hoe kijk je zelf terug op deze les", L.OPEN_QUESTION),  # no capital, no "?"
    ("nl", "gebruik je deze methode al het hele jaar", L.CLOSED_QUESTION),
    ("nl", "misschein zou je eens een timer kunnen gebruiken", L.TIP),  # typo in the cue
    ("nl", "je zou eens met een timer kunnen werken 😊", L.TIP),
    ("nl", "haha ja herkenbaar", L.OTHER),
    ("nl", "👍", L.OTHER),
    ("nl", "👏👏", L.AFFIRMATION),
    ("en", "have u tried using a visual timer", L.TIP),
    ("en", "dont you think the task was way too long", L.OPINION),
    ("en", "you felt a bit lost when the plan changed", L.REFLECTION),
    ("nl", "op 3.05 pakt Daan zijn telefoon", L.OBSERVATION),
    ("nl", "Bij 00:02:10 staan vier kinderen tegelijk bij de kraan.", L.OBSERVATION),
    ("en", "At 2m10 a boy at the back puts his hood up.", L.OBSERVATION),
])
def test_chat_reality_does_not_change_the_label(lang: str, text: str, label: Label) -> None:
    assert classify(text, lang).label is label


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Heb je al eens geprobeerd om met een praatstok te werken?"),
    ("nl", "Waarom geef je ze niet wat meer bedenktijd?"),
    ("nl", "Zou het niet handiger zijn om de instructie op te schrijven?"),
    ("nl", "Wat als je de lastigste leerling een taak geeft?"),
    ("nl", "Kun je niet beter eerst de regels herhalen?"),
    ("en", "Why don't you start with the quiet kids?"),
    ("en", "What if you let them pick their own partners?"),
    ("en", "Have you thought about a seating plan?"),
    ("en", "Wouldn't it be easier to give the instructions in writing?"),
])
def test_advice_in_the_form_of_a_question_is_a_tip(lang: str, text: str) -> None:
    assert classify(text, lang).label is L.TIP


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Als ik jou was zou ik de ouders bellen."),
    ("nl", "In jouw plaats zou ik even wachten."),
    ("en", "If I were you I'd call the parents."),
    ("en", "You really need to give more compliments."),
    ("en", "I think you'd better start with a question."),
    ("en", "Perhaps speaking more softly would help."),
    ("en", "Try what works."),  # an imperative, not a noun with its verb ("Group work starts")
    ("en", "Do what works for you."),
])
def test_advice_in_someone_elses_shoes_or_with_an_adverb_is_a_tip(lang: str, text: str) -> None:
    """Found by nudging constructed messages: these read as a reflection, an opinion ("I
    think") or information before."""
    assert classify(text, lang).label is L.TIP


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Op 1:10 kun je zien dat ze wachten."),  # what the clip shows, verb first
    ("nl", "Op 1:02 zet Ayoub zijn capuchon op."),
    ("nl", "Daar kun je goed zien hoe ze reageren."),
    ("nl", "Op 1:10 kun je de leerlingen horen."),
    ("nl", "Daar ben je beter in dan ik."),
    ("nl", "Hier begrijp je beter waarom ze onrustig zijn."),
    ("nl", "Daar zou ik ook moeite mee hebben."),
    ("nl", "Daar kun je echt de spanning voelen."),
    ("nl", "Daar moet je om lachen."),
    ("en", "At 0:45 group work starts."),
    ("en", "Group work starts at 0:45."),
    ("nl", "Je had moeten zien hoe stil het werd!"),
    ("en", "You really should have seen their faces!"),
    ("en", "In your position I can imagine that it was hard."),
    ("en", "If I were you I'd be proud."),
    ("en", "You really must have felt proud."),
    ("en", "Maybe feeling rushed made her answer short."),
    ("nl", "Als ik jou was, was ik ook trots."),
    ("nl", "Ik kan me voorstellen dat het in jouw plaats lastig is."),
    ("nl", "Hoe voelt dat in jouw schoenen?"),
])
def test_empathy_in_someone_elses_shoes_is_no_tip(lang: str, text: str) -> None:
    """The same words without what the writer would do: understanding, not advice (or what
    the clip shows)."""
    assert classify(text, lang).label is not L.TIP


@pytest.mark.parametrize("text", [
    "Je moet echt trots zijn.",
    "Je zou eigenlijk best tevreden mogen zijn.",
    "Je zou trots mogen zijn op hoe rustig het werd.",
    "Je mag echt trots zijn op jezelf!",
])
def test_you_should_be_proud_cheers_and_is_not_advice(text: str) -> None:
    """"Je moet/zou ... trots zijn" shares its words with "je moet echt ..." advice; it cheers
    the person (an affirmation), so it is never nudged or rephrased."""
    assert classify(text, "nl").label is L.AFFIRMATION


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Wat heb je al eens geprobeerd?"),
    ("nl", "wat heb je al geprobeerd bij deze klas"),
    ("nl", "Welke aanpak heb je al eens uitgeprobeerd?"),
    ("nl", "En wat probeerde je toen?"),
    ("en", "Which strategies have you tried so far?"),
    ("en", "What did you try before?"),
    # "Wist je dat ...?" / "Did you know that ...?" tell; after a question word they ask.
    ("nl", "Hoe wist je dat ze klaar waren?"),
    ("en", "How did you know they were ready?"),
    # Asking for options shares "zou je ... kunnen" / "could you try" with advice.
    ("nl", "Wat zou je kunnen proberen?"),
    ("nl", "Wat zou je kunnen doen om het veiliger te maken?"),
    ("nl", "Hoe zou je dat kunnen aanpakken?"),
    ("nl", "Welke aanpak zou je kunnen kiezen?"),
    ("nl", "Wat zou je willen proberen?"),
    ("en", "What could you try with the girl at the back?"),
    ("en", "What could help you to keep quiet a little longer?"),
    ("en", "How could you make the start calmer?"),
])
def test_a_question_word_opens_what_would_otherwise_advise_or_tell(lang: str,
                                                                   text: str) -> None:
    """The options phase's own question shares its words with "heb je al eens geprobeerd
    om ...?" (a tip), "wat zou je kunnen proberen?" with "zou je ... kunnen proberen?", and
    "hoe wist je dat" with "wist je dat ...?" (information); the question word asking for what
    was tried or could be tried, or how they knew, makes them open."""
    assert classify(text, lang).label is L.OPEN_QUESTION


@pytest.mark.parametrize(("lang", "text", "label"), [
    # A way from the writer's own classroom held up as the answer is advice (README: "however
    # softly put"), also when it opens like a question word or ends on the writer's routine.
    ("nl", "Bij mij werkt een vaste plek voor de telefoons: bakje bij de deur en dan beginnen we.",
     Label.TIP),
    ("nl", "wat bij mij heel goed werkt is een liedje bij het opruimen", Label.TIP),
    ("nl", "Wat ik zelf meestal doe is de vraag eerst op het bord schrijven.", Label.TIP),
    ("nl", "Ik heb positieve ervaringen met praatkaartjes.", Label.TIP),
    ("nl", "In mijn ervaring werkt een vast beginritueel het best.", Label.TIP),
    ("en", "What works well for me is a song when they tidy up.", Label.TIP),
    ("en", "What I usually do is write the question on the board first.", Label.TIP),
    ("en", "I've had great results with talk cards.", Label.TIP),
    ("en", "In my experience a fixed opening routine works best.", Label.TIP),
    # The same words about the inbrenger's own move praise it; about the link, trouble.
    ("nl", "Wat voor mij werkt is hoe jij bij de deur staat.", Label.OPINION),
    ("en", "What worked really well is how you waited for silence.", Label.OPINION),
    ("nl", "bij mij werkt de link niet", Label.OTHER),
    ("nl", "bij mij werkt hij weer", Label.OTHER),
    # Asking the inbrenger stays a question.
    ("nl", "wat werkt er bij jou goed", Label.OPEN_QUESTION),
    ("en", "what works for you", Label.OPEN_QUESTION),
])
def test_advice_from_the_writers_own_classroom(lang: str, text: str, label: Label) -> None:
    assert classify(text, lang).label is label


@pytest.mark.parametrize(("lang", "text"), [
    # What the writer saw the inbrenger do, put as their own seeing. The short English ones
    # read like a counsellor's turn, and the learned model made them information (nudged as
    # an explanation) or other; "wat me opviel" opened like a question.
    ("en", "I noticed that you wait before you ask"),
    ("en", "What I noticed is that you ask a lot of questions"),
    ("en", "It struck me that you stand still when you explain"),
    ("en", "What stood out to me was that you walk to the back"),
    ("nl", "Wat me opviel is dat je zelf het antwoord geeft"),
    ("nl", "Het viel me op dat je vaak naar het bord kijkt"),
    ("nl", "het viel me echt op dat ze stil werden"),
])
def test_the_writers_own_seeing_is_an_observation(lang: str, text: str) -> None:
    assert classify(text, lang).label is L.OBSERVATION


@pytest.mark.parametrize(("lang", "text"), [
    # What the inbrenger notices may hold a suggestion's words ("niet meer"): no suggestion.
    ("nl", "Hoe merk je aan jezelf dat je de stilte niet meer uithoudt?"),
    ("nl", "Wanneer merk je dat je niet meer kunt wachten?"),
    ("nl", "Hoe weet je dat ze niet meer opletten?"),
])
def test_asking_how_the_inbrenger_notices_is_open(lang: str, text: str) -> None:
    assert classify(text, lang).label is L.OPEN_QUESTION


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Kun je niet meer wachttijd geven?"), ("nl", "Waarom geef je niet meer beurten?"),
])
def test_not_more_of_something_is_still_suggested(lang: str, text: str) -> None:
    assert classify(text, lang).label is L.TIP


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Wat viel je op?"), ("nl", "wat viel jou het meest op"),
    ("en", "What stood out?"), ("en", "What struck you most?"),
])
def test_asking_what_stood_out_stays_a_question(lang: str, text: str) -> None:
    assert classify(text, lang).label is L.OPEN_QUESTION


@pytest.mark.parametrize(("lang", "text", "label"), [
    # The inbrenger (or the pupils) as the subject of a plain verb: what they do, not what
    # they should do.
    # The naive Bayes fallback, which learned tips full of "you" and classroom words, made
    # these tips (and the nudge quoted the whole message).
    ("en", "You speak more quietly when it gets noisy.", L.OBSERVATION),
    ("en", "You use a hand signal for quiet.", L.OBSERVATION),
    ("en", "You put the tablets away before the instruction.", L.OBSERVATION),
    ("nl", "Je loopt tijdens het zelfstandig werken langs alle groepjes.", L.OBSERVATION),
    ("nl", "Je zet de tablets weg voor de instructie.", L.OBSERVATION),
    # The same of the pupils.
    ("nl", "ze beginnen pas te praten als jij gaat zitten", L.OBSERVATION),
    # With a modal it is advice (also after an adverb).
    ("en", "you will need a fixed spot for the phones", L.TIP),
    ("en", "you probably need a fixed spot for the phones", L.TIP),
    ("nl", "je kunt de tablets wegzetten voor de instructie", L.TIP),
    ("nl", "je moet de tablets eerst wegzetten", L.TIP),
    ("en", "You just need to wait longer.", L.TIP),
    ("en", "you could just wait", L.TIP),
    ("nl", "je moet gewoon langer wachten", L.TIP),
    ("nl", "je kan ook beter wachten", L.TIP),
])
def test_what_the_inbrenger_does_is_no_advice(lang: str, text: str, label: Label) -> None:
    assert classify(text, lang).label is label


@pytest.mark.parametrize(("lang", "text"), [
    # The writer's own pace is no claim about learning ("need to" opened a general claim and
    # the writer got a nudge about explaining) and no advice.
    ("en", "need to think about it for a sec"),
    ("en", "I need to rewatch it first"),
    ("en", "I'll have to watch it again"),
    ("nl", "moet er even over nadenken"),
    ("nl", "ik moet het nog een keer terugkijken"),
])
def test_the_writers_own_pace_is_other(lang: str, text: str) -> None:
    assert classify(text, lang).label is L.OTHER


def test_hard_case_conventions() -> None:
    # Verdict as a question: opinion. Leading question without a verdict word: closed.
    assert classify("Ben je niet veel te streng voor zulke jonge kinderen?", "nl").label is L.OPINION
    assert classify("Weren't you a bit too quick to step in there?", "en").label is L.OPINION
    assert classify("Zag je dat Amir zijn vinger opstak?", "nl").label is L.CLOSED_QUESTION
    # "Wist je dat" + a fact is information.
    assert classify("Wist je dat kleuters zich maar kort kunnen concentreren?", "nl").label \
        is L.INFORMATION
    # Praise of a moment is an opinion, praise of the person an affirmation.
    assert classify("Goed dat je toen de lichten uitdeed!", "nl").label is L.OPINION
    assert classify("Wat moedig dat je deze les laat zien.", "nl").label is L.AFFIRMATION
    # A restatement with a question mark is a closed question; a request to say more is open.
    assert classify("Dus het gaat je om de eerste vijf minuten?", "nl").label is L.CLOSED_QUESTION
    assert classify("Wat versta jij onder 'orde houden'?", "nl").label is L.OPEN_QUESTION
    # "Heb je al ...?" about whether something happened is closed.
    assert classify("Heb je deze opname al met je leidinggevende besproken?", "nl").label \
        is L.CLOSED_QUESTION
    # A problem with the file is other; what the recording shows is an observation.
    assert classify("The video keeps buffering for me.", "en").label is L.OTHER
    assert classify("The camera only shows the left half of the room.", "en").label \
        is L.OBSERVATION


def test_the_main_act_decides_not_the_lead_in() -> None:
    assert classify("Mooi filmpje! Je zou de kinderen zelf de regels kunnen laten bedenken.",
                    "nl").label is L.TIP
    assert classify("Op 0:55 kijkt Lotte je aan. Wat denk je dat ze toen wilde?", "nl").label \
        is L.OPEN_QUESTION
    assert classify("Hoi allemaal! Ik vond de overgang naar het groepswerk rommelig.", "nl").label \
        is L.OPINION


def test_the_cue_names_the_words_that_decided() -> None:
    assert classify("Je zou meer wachttijd kunnen geven", "nl").cue == "je zou ... kunnen"
    assert classify("Have you tried giving them a choice of tasks?", "en").cue == "have you tried"
    assert "veel te lang" in classify("Die uitleg was echt veel te lang.", "nl").cue
    assert classify("Op 1:23 zet je de lichten uit.", "nl").cue == "op 1:23"


@pytest.mark.parametrize(("lang", "text", "question"), [
    # Grounded in a moment of the clip, with the verb first as Dutch wants after it: advice
    # all the same, and its question keeps the moment. In hindsight the question looks back.
    ("nl", "Op 1:10 moet je wachten tot het stil is.",
     "Wat zou er gebeuren als je op 1:10 wacht tot het stil is?"),
    ("nl", "Bij 0:45 kun je de opdracht op het bord zetten.",
     "Wat zou er gebeuren als je bij 0:45 de opdracht op het bord zet?"),
    ("nl", "Op 2:03 had je beter kunnen wachten.", "Wat zou er gebeuren als je op 2:03 wacht?"),
    ("nl", "Op 1:10 zou ik eerst even wachten.", "Wat zou er gebeuren als je op 1:10 eerst wacht?"),
    ("nl", "Daar had je moeten wachten tot iedereen zat.",
     "Wat zou er gebeuren als je daar wacht tot iedereen zat?"),
    ("nl", "Op 2:03 is het beter om te wachten.", "Wat zou er gebeuren als je op 2:03 wacht?"),
    ("nl", "Je had moeten wachten tot iedereen zat.",
     "Wat zou er gebeuren als je wacht tot iedereen zat?"),
    ("en", "At 1:10 you should have waited until they were quiet.",
     "What would have happened if you had waited until they were quiet at 1:10?"),
    ("en", "You really should have let them finish.",
     "What would have happened if you had let them finish?"),
    ("en", "At 1:10, wait until they are quiet.",
     "What would happen if you wait until they are quiet at 1:10?"),
    ("nl", "Op 1:10 wacht je beter even tot het stil is.",
     "Wat zou er gebeuren als je op 1:10 wacht tot het stil is?"),
    ("nl", "Op 0:45 gewoon even wachten.", "Wat zou er gebeuren als je op 0:45 wacht?"),
    ("nl", "Daar doe je het liever samen.", "Wat zou er gebeuren als je daar het samen doet?"),
    ("nl", "Daar ga je beter even naast zitten.",
     "Wat zou er gebeuren als je daar naast gaat zitten?"),
    ("en", "At 1:10 you could show 0:45 again.", "What would happen if you show 0:45 again?"),
    ("nl", "Je zou meer wachttijd kunnen geven", "Wat zou er gebeuren als je meer wachttijd geeft?"),
    ("nl", "Misschien kun je een timer op het bord zetten.",
     "Wat zou er gebeuren als je een timer op het bord zet?"),
    ("nl", "Waarom laat je Daan niet de schriften uitdelen?",
     "Wat zou er gebeuren als je Daan de schriften laat uitdelen?"),
    ("nl", "Zou het niet beter zijn om de groepjes kleiner te maken?",
     "Wat zou er gebeuren als je de groepjes kleiner maakt?"),
    ("en", "Why don't you put them in pairs?", "What would happen if you put them in pairs?"),
    ("en", "Have you tried giving them a choice of tasks?",
     "What would happen if you tried giving them a choice of tasks?"),
])
def test_a_tip_comes_with_an_open_question_in_its_own_language(
        lang: str, text: str, question: str) -> None:
    result = classify(text, lang)
    assert result.label is L.TIP
    assert result.rephrasing == question
    # The rephrasing is itself an open question in the same language.
    assert classify(question, lang).label is L.OPEN_QUESTION
    assert detect_language(question) == lang


def test_every_compensating_message_is_nudgeable_and_others_get_no_rephrasing() -> None:
    assert classify("Die uitleg was echt veel te lang.", "nl").rephrasing is not None
    assert classify("Research shows wait time improves answers.", "en").rephrasing is not None
    assert classify("Was this the last lesson of the day?", "en").rephrasing is None


def test_language_is_detected_when_missing() -> None:
    assert detect_language("Waarom geef je ze niet wat meer tijd?") == "nl"
    assert detect_language("why don't you give them more time") == "en"
    assert classify("why don't you give them more time").rephrasing == (
        "What would happen if you give them more time?")


@pytest.mark.parametrize(("text", "seconds"), [
    ("Op 1:23 zet je de lichten uit", 83.0),
    ("at 02:15 the bell rings", 135.0),
    ("Op 00:03:05 gaat de deur open", 185.0),
    # A colon of punctuation after the stamp ends it; one before digits does not.
    ("Sterk vond ik op 0:15: je wacht even", 15.0),
    ("Sterk op 0:05:", 5.0),
    ("at 1:10: you pause", 70.0),
    ("Op 00:03:05: gaat de deur open", 185.0),
    ("op 0:15:7 iets", None),
    ("rond 2m45 loopt Roos weg", 165.0),
    ("op 1.23 kijkt hij op", 83.0),
    ("tussen 2:00 en 2:30 praten ze", 120.0),
    ("geen tijd hier", None),
    ("we beginnen morgen om 15:30", None),  # a clock time, not a moment in the clip
    ("de opdracht duurt 1.5 uur", None),
    # As a speech recogniser writes them (voice notes): numbers as words, digits without ":".
    ("op een minuut twintig staat Tim op", 80.0),
    ("Op één minuut tien gaan er drie vingers omhoog", 70.0),
    ("rond de anderhalve minuut wordt het stil", 90.0),
    ("op twee minuten vijfenveertig", 165.0),
    ("op 3 05 wordt het ineens stil", 185.0),
    ("at about one twenty she looks up", 80.0),
    ("at one oh five he laughs", 65.0),
    ("two minutes in, the kids start talking", 120.0),
    ("at two minutes and thirty seconds", 150.0),
    # Spans of time, not moments in the clip.
    ("ze haakten na een minuut al af", None),
    ("the plan fell apart after five minutes", None),
    ("they talked for around two minutes", None),
    ("kinderen kunnen zich tien tot vijftien minuten concentreren", None),
    ("we meet at 3 15 tomorrow", None),
    ("at one point he stands up", None),
])
def test_parse_timestamp_finds_the_first_clip_moment(text: str, seconds: float | None) -> None:
    assert parse_timestamp(text) == seconds


def test_classify_command_writes_id_and_label_and_ignores_extra_columns(tmp_path: Path) -> None:
    path = tmp_path / "in.tsv"
    path.write_text("note\ttext\tid\tlang\n"
                    "x\tJe zou meer wachttijd kunnen geven\tm1\tnl\n"
                    "y\tWhat did you make of that?\tm2\t\n"
                    "z\tOp 1:23 zet je de lichten uit.\tm3\tnl\n", encoding="utf-8")
    out = io.StringIO()
    assert run(str(path), out) == 0
    assert out.getvalue() == "m1\ttip\nm2\topen_question\nm3\tobservation\n"


def test_classify_command_refuses_a_missing_file_or_columns(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert run(str(tmp_path / "nope.tsv"), out) == 2
    assert "cannot read" in capsys.readouterr().err
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tmessage\n1\thallo\n", encoding="utf-8")
    assert run(str(bad), out) == 2
    err = capsys.readouterr().err
    assert "lang" in err and "text" in err
    assert out.getvalue() == ""


def _dev_set() -> Path:
    env = os.environ.get("INTERVISION_SHARED_DIR")
    base = Path(env) if env else Path(__file__).resolve().parents[2] / ".." / "shared"
    return (base / "data" if (base / "data").is_dir() else base) / "contributions_dev.tsv"


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_quality_on_the_development_set() -> None:
    path = _dev_set()
    if not path.is_file():
        pytest.skip(f"no development set at {path}")
    rows = _read_tsv(path)
    pairs = Counter((row["label"], classify(row["text"], row["lang"]).label.value) for row in rows)
    f1s = []
    for label in Label:
        tp = pairs[(label.value, label.value)]
        fp = sum(n for (g, p), n in pairs.items() if p == label.value and g != label.value)
        fn = sum(n for (g, p), n in pairs.items() if g == label.value and p != label.value)
        f1s.append(_f1(tp, fp, fn))
    comp = {label.value for label in COMPENSATING}
    tp = sum(n for (g, p), n in pairs.items() if g in comp and p in comp)
    fp = sum(n for (g, p), n in pairs.items() if g not in comp and p in comp)
    fn = sum(n for (g, p), n in pairs.items() if g in comp and p not in comp)
    assert _f1(tp, fp, fn) >= 0.92
    assert sum(f1s) / len(f1s) >= 0.85


_CASES = Path(__file__).resolve().parent / "classifier_cases"


def _scores(rows: list[dict[str, str]]) -> tuple[float, float]:
    """Macro-F1 over the nine labels and the F1 of compensating against the rest."""
    pairs = Counter((row["label"], classify(row["text"], row["lang"]).label.value) for row in rows)
    f1s = []
    for label in Label:
        tp = pairs[(label.value, label.value)]
        fp = sum(n for (g, p), n in pairs.items() if p == label.value and g != label.value)
        fn = sum(n for (g, p), n in pairs.items() if g == label.value and p != label.value)
        f1s.append(_f1(tp, fp, fn))
    comp = {label.value for label in COMPENSATING}
    tp = sum(n for (g, p), n in pairs.items() if g in comp and p in comp)
    fp = sum(n for (g, p), n in pairs.items() if g not in comp and p in comp)
    fn = sum(n for (g, p), n in pairs.items() if g in comp and p not in comp)
    return sum(f1s) / len(f1s), _f1(tp, fp, fn)


@pytest.mark.parametrize(("lang", "text", "label"), [
    # A bare plural opens a claim about people in general: information.
    ("en", "Pupils with low self-esteem tend to take criticism more personally.", Label.INFORMATION),
    ("nl", "Leerlingen die zich veilig voelen durven meer fouten te maken.", Label.INFORMATION),
    # "Studies suggest" is not repaired into "suggests" and still counts as research.
    ("en", "Studies suggest the first lesson sets the tone.", Label.INFORMATION),
    # Person-directed praise of a quality is an affirmation.
    ("en", "You have such a calm presence with them.", Label.AFFIRMATION),
    ("nl", "Je bent zichtbaar betrokken bij elk kind.", Label.AFFIRMATION),
    # Thanks for bringing a clip is not meeting logistics.
    ("nl", "Dank je wel voor het inbrengen, echt fijn.", Label.AFFIRMATION),
    # "What have you tried" asks; "have you tried X" advises.
    ("en", "What have you already tried with this group?", Label.OPEN_QUESTION),
    # Reflection without a marker: "you find / you're questioning", "zo te horen".
    ("en", "You're questioning whether the seating plan works.", Label.REFLECTION),
    ("nl", "Zo te horen ben je het zat.", Label.REFLECTION),
    # Verdicts without a verdict adjective.
    ("en", "Ignoring that comment was the right call.", Label.OPINION),
    ("nl", "Wat mij betreft was de kring te lang.", Label.OPINION),
    # Planning the meeting, asked to the group, is other; "kunnen we ... kijken" is not.
    ("nl", "Kunnen we de sessie opnemen?", Label.OTHER),
    ("en", "Have a lovely evening everyone!", Label.OTHER),
    # Tips without a modal before the verb.
    ("en", "Might be smart to start with a recap.", Label.TIP),
    ("nl", "Het kan helpen om bij de deur te staan.", Label.TIP),
])
def test_general_patterns_found_on_fresh_messages(lang: str, text: str, label: Label) -> None:
    assert classify(text, lang).label is label


# Sets written from the label definitions before the classifier was run on them, and only
# ever measured (each by another writer; see docs/classifier.md for how each was made):
# (file, rows, rows per label and language or None, macro-F1 floor, compensating-F1 floor).
# Floors sit a little below what was measured (2026-12-02; raised where the rules with the
# learned model measured higher on 2026-12-06), so a regression fails here.
CHECK_SETS = [
    ("fresh_check.tsv", 378, None, 0.86, 0.88),        # measured 0.884 / 0.909
    ("independent_check.tsv", 270, None, 0.91, 0.92),  # measured 0.935 / 0.941 (was 0.927 / 0.935)
    ("third_check.tsv", 360, 20, 0.89, 0.94),          # measured 0.914 / 0.962 (was 0.916 / 0.962)
    ("fourth_check.tsv", 216, 12, 0.83, 0.90),         # measured 0.850 / 0.919 (was 0.839 / 0.913)
    ("fifth_check.tsv", 180, 10, 0.92, 0.94),          # measured 0.943 / 0.960
    # Transcribed voice notes (issue 17, 2026-12-06): 16 Dutch and 8 English per label.
    ("spoken_check.tsv", 216, None, 0.79, 0.88),       # measured 0.823 / 0.903
    ("spoken2_check.tsv", 216, 12, 0.74, 0.82),        # measured 0.767 / 0.850
]


@pytest.mark.parametrize(("name", "size", "per_cell", "macro_floor", "comp_floor"), CHECK_SETS)
def test_quality_on_messages_never_tuned_on(name: str, size: int, per_cell: int | None,
                                            macro_floor: float, comp_floor: float) -> None:
    rows = _read_tsv(_CASES / name)
    assert len(rows) == size
    if per_cell is not None:
        assert Counter((row["label"], row["lang"]) for row in rows) == {
            (label.value, lang): per_cell for label in Label for lang in ("nl", "en")}
    macro, comp = _scores(rows)
    assert macro >= macro_floor
    assert comp >= comp_floor


def test_independent_halves_are_the_hash_split_of_the_whole_set() -> None:
    def ids(name: str) -> set[str]:
        return {row["id"] for row in _read_tsv(_CASES / name)}

    tune, check, whole = ids("independent_tune.tsv"), ids("independent_check.tsv"), ids("independent.tsv")
    assert not tune & check and tune | check == whole and len(whole) == 540


@pytest.mark.parametrize(("lang", "text", "label"), [
    # A plain fact with nothing from the clip is information, not the observation/other default.
    ("en", "Handwriting notes helps memory more than typing them.", Label.INFORMATION),
    ("nl", "Stress verkleint het werkgeheugen van kinderen aanzienlijk.", Label.INFORMATION),
    ("nl", "Gespreid oefenen beklijft beter dan alles op één dag.", Label.INFORMATION),
    # ... but a description of the room or counted pupils stays an observation.
    ("en", "Three pupils near the window are still drawing.", Label.OBSERVATION),
    ("nl", "De tafels staan in groepjes van vier.", Label.OBSERVATION),
    # A noun opening a claim is no imperative.
    ("en", "Praise works best when it names the effort.", Label.INFORMATION),
    # Advice without "you": "might be worth -ing", "I'd + verb", "overweeg".
    ("en", "might be worth trying a seating plan", Label.TIP),
    ("en", "I'd move the quiz to the start.", Label.TIP),
    ("nl", "Overweeg eens een vaste plek voor de telefoons.", Label.TIP),
    # "When you say X, do you mean Y?" asks yes or no.
    ("en", "When you say 'loud', do you mean shouting or chatter?", Label.CLOSED_QUESTION),
    # Person-directed praise.
    ("en", "You always stay so patient with them.", Label.AFFIRMATION),
])
def test_general_patterns_found_on_independent_messages(lang: str, text: str, label: Label) -> None:
    assert classify(text, lang).label is label


@pytest.mark.parametrize(("lang", "text", "label"), [
    # Boundary round (fourth writer): general patterns, not sentences of fourth_check.
    ("en", "If the kids were asked about it, what would they tell us?", Label.OPEN_QUESTION),
    ("nl", "Als je het de klas zou vragen, wat zouden ze zeggen?", Label.OPEN_QUESTION),
    # The nudge's own rephrasing ("Wat zou er gebeuren als je ...?") stays an open question.
    ("nl", "Wat zou er gebeuren als je de uitleg inkort?", Label.OPEN_QUESTION),
    ("en", "A short brain break first maybe?", Label.TIP),
    ("nl", "Een rondje wisselen misschien?", Label.TIP),
    ("nl", "Het lijkt me slim om de regels op te hangen", Label.TIP),
    ("en", "so what worries you most is the last ten minutes", Label.REFLECTION),
    ("nl", "wat je vooral dwarszit is dat ze niet luisteren", Label.REFLECTION),
    ("en", "you have the sense that the group is slipping away", Label.REFLECTION),
    ("en", "lovely how open you are about what's not working yet", Label.AFFIRMATION),
    ("en", "ok perfect, thanks", Label.OTHER),
    ("nl", "prima, dank je", Label.OTHER),
    ("en", "will we be online again next week?", Label.OTHER),
    ("nl", "zitten we volgende week weer op teams?", Label.OTHER),
    ("nl", "bij mij blijft het filmpje steeds hangen rond 2:00", Label.OTHER),
    ("en", "where's the recording from last time?", Label.OTHER),
    ("en", "Black and Wiliam showed that formative assessment pays off", Label.INFORMATION),
    ("en", "shouting rarely changes behaviour for good", Label.INFORMATION),
    ("nl", "herhalen werkt vooral goed bij kleuters", Label.INFORMATION),
])
def test_general_patterns_found_on_fourth_messages(lang: str, text: str, label: Label) -> None:
    assert classify(text, lang).label is label


@pytest.mark.parametrize(("lang", "text", "label"), [
    # Chat round (fifth writer): general patterns, not sentences of fifth_check.
    ("en", "When you clap at 2:05 the whole class looks up.", Label.OBSERVATION),
    ("nl", "Wanneer je bij 1:40 gaat zitten, worden ze rustiger.", Label.OBSERVATION),
    ("en", "When do you usually start the lesson?", Label.OPEN_QUESTION),
    ("nl", "je bent dus stiekem best blij met hoe het liep", Label.REFLECTION),
    ("nl", "Volgende keer de opdracht eerst even voordoen?", Label.TIP),
    ("en", "Next time start with the pictures?", Label.TIP),
    ("en", "A short stretch before the test might help them.", Label.TIP),
    ("en", "Such a sharp learning question!", Label.AFFIRMATION),
    ("nl", "Wat een scherpe leervraag, dank je", Label.AFFIRMATION),
    ("en", "Fixed routines save a lot of time at the start.", Label.INFORMATION),
    ("en", "Are we carrying on after the break?", Label.OTHER),
    ("en", "Can we have a short break first?", Label.OTHER),
    ("nl", "Gaan we na de koffie verder?", Label.OTHER),
    ("nl", "Lekker weekend gehad allemaal?", Label.OTHER),
    ("en", "anyone seeing the football tonight?", Label.OTHER),
    ("en", "I've lost the sound again", Label.OTHER),
    ("en", "the audio is out of sync", Label.OTHER),
    ("nl", "Ik ben het beeld kwijt", Label.OTHER),
    ("en", "my screen is stuck at 0:40", Label.OTHER),
    ("en", "Happy birthday Mark!", Label.OTHER),
    ("nl", "Waar is Petra vandaag?", Label.OTHER),
    ("en", "let me try refreshing the page", Label.OTHER),
    ("nl", "Ik probeer het even opnieuw te laden", Label.OTHER),
])
def test_general_patterns_found_on_fifth_messages(lang: str, text: str, label: Label) -> None:
    assert classify(text, lang).label is label


def test_the_fallback_model_loads_and_is_deterministic() -> None:
    model = fallback.load_model()
    assert model is not None, "flows/classifier_data/fallback_nb.json is missing or unreadable"
    assert set(model.labels) == {label.value for label in Label}
    assert fallback.load_model() is model  # read once
    first = fallback.scores("goedemorgen allemaal, ik zit in de trein", "nl")
    again = fallback.scores("goedemorgen allemaal, ik zit in de trein", "nl")
    assert first == again and first is not None
    assert fallback.features("Op 1:05 loopt Roos weg", "nl") == fallback.features(
        "Op 2:45 loopt Sam weg", "nl")  # time stamps and names are masked


def test_the_fallback_decides_only_where_no_rule_found_a_cue(
        monkeypatch: pytest.MonkeyPatch) -> None:
    strong = [(lang, text) for lang, text, _ in CLEAR]
    with_model = [classify(text, lang) for lang, text in strong]
    monkeypatch.setitem(fallback._CACHE, "model", None)  # as if the file were missing
    assert [classify(text, lang) for lang, text in strong] == with_model
    assert classify("Je zou meer wachttijd kunnen geven", "nl").label is Label.TIP


def test_the_shipped_fallback_model_is_the_one_training_writes() -> None:
    """benchmarks/train_classifier_fallback.py is deterministic: retraining on the tuning parts
    gives the shipped file byte for byte (so it was trained on nothing else)."""
    if not _dev_set().is_file():
        pytest.skip(f"no development set at {_dev_set()}")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from benchmarks.classifier_quality import held_out_ids, read_rows
    from benchmarks.train_classifier_fallback import OUT, dump, train, training_rows

    rows = training_rows()
    never = held_out_ids(read_rows(_dev_set()))
    for name in ("fresh_check.tsv", "independent_check.tsv", "third_check.tsv", "fourth_check.tsv",
                 "fifth_check.tsv", "spoken_check.tsv", "spoken2_check.tsv"):
        never |= {row["id"] for row in read_rows(_CASES / name)}
    assert len(rows) > 900 and not {row["id"] for row in rows} & never
    text = dump(train(rows))
    assert text == dump(train(list(reversed(rows))))
    assert OUT.read_text(encoding="utf-8") == text
    assert len(text.encode()) < 2_000_000


def test_a_moment_reads_the_same_everywhere_the_bot_shows_it() -> None:
    """Stills, storyboard tiles, the sound timeline, nudges and summaries all write a moment
    with `clock`: the second it falls in (83.9 s is 1:23 on the still and in the nudge; the
    classifier's own formatter once rounded it to 1:24), with hours past the hour."""
    assert clock(83.9) == "1:23"
    assert clock(600) == "10:00"
    assert clock(3725) == "1:02:05"
    assert clock(-1) == "0:00"
    assert parse_timestamp(f"op {clock(83.9)} kijkt hij op") == 83.0


@pytest.mark.parametrize(("lang", "text", "cue"), [
    # The nudging review: a nudge quoting only „Eerlijk gezegd” or "Honestly" reads as if the
    # hedge were what was wrong; the judgement says why it is an opinion.
    ("nl", "Eerlijk gezegd spreek je veel te zacht voor die klas", "veel te zacht"),
    ("nl", "Die uitleg was volgens mij te lang.", "te lang"),
    ("en", "Honestly you seem far too relaxed about it", "far too relaxed"),
    ("en", "I reckon the task was way too easy for them", "way too easy"),
    # A negation before the judgement is part of it (the second review: "bad" for "not that bad").
    ("en", "Honestly I think the noise level is not that bad", "not that bad"),
    ("nl", "Eerlijk gezegd was de uitleg niet te lang", "niet te lang"),
    # A judgement that is not "too ...", a hedge after it ("to me"), and where the sentence
    # holds praise and a "too", the "too" (what the writer finds wrong).
    ("nl", "Eerlijk gezegd vond ik het einde van de les een beetje chaotisch.", "chaotisch"),
    ("en", "The explanation of the rules felt rushed to me.", "felt rushed"),
    ("nl", "Ik vind het een mooie opdracht maar veel te moeilijk", "veel te moeilijk"),
    # With no judgement in the sentence, the hedge is what marks the opinion.
    ("nl", "Volgens mij is Sem gewoon moe.", "volgens mij"),
    ("en", "I reckon he is just tired.", "i reckon"),
])
def test_an_opinion_is_named_by_its_judgement_not_its_hedge(lang: str, text: str,
                                                             cue: str) -> None:
    found = classify(text, lang)
    assert (found.label, found.cue) == (Label.OPINION, cue)



@pytest.mark.parametrize(("lang", "text"), [
    # The second nudging review: "and what I also saw is that you ..." was nudged as an
    # explanation ("saw"), the Dutch twin read as praise: a word between "I" and "saw".
    ("en", "and what I also saw is that you keep turning to the boys by the door"),
    ("nl", "wat ik ook zag is dat je steeds naar de jongens bij de deur draait"),
    ("nl", "ik zag toen dat de helft van de klas al aan het werk was"),
])
def test_what_the_writer_also_saw_is_an_observation(lang: str, text: str) -> None:
    assert classify(text, lang).label is Label.OBSERVATION


@pytest.mark.parametrize(("text", "cue"), [
    ("Je moet een praatsteen gebruiken, dan praat er maar één tegelijk.", "je moet ... gebruiken"),
    ("Je moet een praatsteen gebruiken.", "je moet ... gebruiken"),
    ("Jij moet bij de deur staan.", "jij moet ... staan"),
    ("U moet de groepjes kleiner maken.", "u moet ... maken"),
    ("Je moet je grenzen eerder aangeven, anders blijven ze testen.", "je moet ... aangeven"),
])
def test_an_instruction_with_je_moet_is_a_tip(text: str, cue: str) -> None:
    """"Je moet X doen" addressed to the inbrenger is advice, also when a consequence follows
    ("dan praat er maar één tegelijk" made it an observation in the Dutch group review)."""
    found = classify(text, "nl")
    assert (found.label, found.cue) == (L.TIP, cue)
    assert found.rephrasing and found.rephrasing.startswith("Wat zou er gebeuren als je ")


@pytest.mark.parametrize("text", [
    "Je moet daar wel heel veel tegelijk doen, zeg.",  # what the moment asked of them
    "Je moet toen kiezen tussen twee leerlingen, zie ik.",
    "Je moet echt trots zijn op jezelf.",
])
def test_what_the_moment_asked_of_the_inbrenger_is_no_instruction(text: str) -> None:
    assert classify(text, "nl").label is not L.TIP
