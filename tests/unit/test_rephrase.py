"""The open question a nudge offers (flows/classifier/rephrase*.py, dutch_verbs.py), on
constructed sentences: a question a peer would ask aloud, or none rather than a broken one,
including for long spoken turns."""
from __future__ import annotations

import pytest

from flows.classifier.dutch_verbs import present_for_je
from flows.classifier.rephrase import rephrase
from flows.labels import Label


@pytest.mark.parametrize(("lang", "sentence", "question"), [
    # Spoken, a purpose or a reason follows the advice without a comma: not part of the action.
    ("en", "you should put the rules on the wall so they can check them",
     "What would happen if you put the rules on the wall?"),
    ("en", "try the countdown because it calms them down",
     "What would happen if you tried the countdown?"),
    # A sentence that holds no action (a clause, a question, a noun phrase cut from a long
    # turn) gives no question rather than "What would happen if you there are ...?".
    ("en", "there are a lot of ways to handle that", None),
    ("en", "what do you think would happen then", None),
    ("en", "at least that part is easy", None),
    ("en", "dieting and a walk every day", None),
    ("nl", "je zou en de rest laten wachten", None),
    # A run-on turn carries its next clauses into the action: too long to ask aloud.
    ("en", ("you could start with a short breathing exercise and then move on to the reading and "
            "after that do the group work at the tables"), None),
    ("nl", ("je zou kunnen beginnen met een korte ademhalingsoefening en dan door naar het lezen "
            "en daarna het groepswerk aan de tafels doen"), None),
    # A lead, a softener with a comma, a comment on what it did, a bare modal opening.
    ("en", "golden tip: wait five seconds after every question",
     "What would happen if you wait five seconds after every question?"),
    ("en", "honestly, put the phones in a basket",
     "What would happen if you put the phones in a basket?"),
    ("en", "try a seating plan, worked wonders for me",
     "What would happen if you tried a seating plan?"),
    ("en", "might be wise to end with a short reflection",
     "What would happen if you end with a short reflection?"),
    ("en", "could a seating plan be an option", None),
    # A tip that only names a thing to try; not a short or a clause-like noun phrase.
    ("en", "a short stretch break halfway might help them",
     "What would happen if you tried a short stretch break?"),
    ("en", "a quiet reading corner after lunch maybe?",
     "What would happen if you tried a quiet reading corner after lunch?"),
    ("en", "a timer", None),
    ("en", "a lot of teachers have told me that it works", None),
    # Short advice keeps its question.
    ("en", "you could keep the instructions short",
     "What would happen if you keep the instructions short?"),
    ("nl", "misschien kun je de rest laten wachten",
     "Wat zou er gebeuren als je de rest laat wachten?"),
    # Hindsight ("had je niet beter ...", "wouldn't it have been better to ...") asks about
    # the action, not "als je je eerst de regels kunnen hadt herhalen".
    ("nl", "had je niet beter eerst de regels kunnen herhalen",
     "Wat zou er gebeuren als je eerst de regels herhaalt?"),
    ("en", "wouldn't it have been better to repeat the rules first",
     "What would happen if you repeat the rules first?"),
    ("en", "wouldn't it all be a lot calmer then", None),
    # "I would never ..." is the writer's own stance: "if you never do it that way" would
    # turn it around.
    ("en", "i would never do it that way", None),
    # "I would have ..." is what the writer would have done, not an action now.
    ("en", "i would have split the group", None),
    ("en", "you really need to give more compliments",
     "What would happen if you give more compliments?"),
    ("en", "you'd better start with a question",
     "What would happen if you start with a question?"),
    ("en", "perhaps speaking more softly would help",
     "What would happen if you tried speaking more softly?"),
    # A noun in -en before the infinitive is no verb; one particle per verb; a thing that
    # could help is tried.
    ("nl", "je moet echt vaker complimenten geven",
     "Wat zou er gebeuren als je complimenten geeft?"),
    ("nl", "het lijkt me slim om de regels samen op te stellen",
     "Wat zou er gebeuren als je de regels samen opstelt?"),
    ("nl", "een vast ritueel aan het begin kan helpen",
     "Wat zou er gebeuren als je een vast ritueel aan het begin probeert?"),
    # With the subject before the verb "niet" is the advice itself and stays; in "kun je
    # niet beter ...?" it only makes the question rhetorical.
    ("nl", "je zou niet zo snel moeten beginnen",
     "Wat zou er gebeuren als je niet zo snel begint?"),
    ("nl", "ik zou niet meteen boos worden", "Wat zou er gebeuren als je niet meteen boos wordt?"),
    ("nl", "kun je niet beter de telefoons innemen",
     "Wat zou er gebeuren als je de telefoons inneemt?"),
    ("en", "you shouldn't shout at them", "What would happen if you did not shout at them?"),
    # What a thing would not do is no advice to turn into a question; nor is an adjective.
    ("nl", "een beloningssysteem zou niet werken", None),
    ("nl", "een timer kan niet helpen", None),
    ("nl", "volgende keer de lichten eerder uitdoen",
     "Wat zou er gebeuren als je volgende keer de lichten eerder uitdoet?"),
    ("en", "maybe confusing for the kids", None),
    ("en", "maybe during the break, try a countdown", "What would happen if you tried a countdown?"),
    ("en", "personally, i would never do it that way", None),
    ("nl", "probeer de regels samen op te stellen",
     "Wat zou er gebeuren als je de regels samen opstelt?"),
    # After a comma, a clause with its own subject comments on the advice.
    ("en", "i'd put them in groups, they work better together then",
     "What would happen if you put them in groups?"),
])
def test_a_rephrasing_is_a_question_a_peer_would_ask_or_none(
        lang: str, sentence: str, question: str | None) -> None:
    assert rephrase(Label.TIP, sentence, lang, sentence, ()) == question


@pytest.mark.parametrize(("verb", "je_form"), [
    # Borrowed -eren verbs stress the ending, Dutch ones built on "-er" do not.
    ("reageren", "reageert"), ("presenteren", "presenteert"), ("complimenteren", "complimenteert"),
    ("evalueren", "evalueert"), ("kopiëren", "kopieert"), ("creëren", "creëert"),
    ("veranderen", "verandert"), ("verbeteren", "verbetert"), ("inleveren", "inlevert"),
    ("leren", "leert"), ("tekenen", "tekent"),
    # Irregular imperatives.
    ("ga", "gaat"), ("sta", "staat"), ("doe", "doet"),
    # Separable verbs, the longer particle first (review ux20: "dichtdot", "opendot").
    ("dichtdoen", "dichtdoet"), ("opendoen", "opendoet"), ("binnenlaten", "binnenlaat"),
    ("opruimen", "opruimt"),
])
def test_dutch_verbs_take_the_je_form(verb: str, je_form: str) -> None:
    assert present_for_je(verb) == je_form


@pytest.mark.parametrize(("sentence", "question"), [
    ("Ga tijdens het groepswerk zelf bij de deur staan.",
     "Wat zou er gebeuren als je tijdens het groepswerk zelf bij de deur gaat staan?"),
    ("Je zou de woorden eerst zonder tekeningen kunnen oefenen.",
     "Wat zou er gebeuren als je de woorden eerst zonder tekeningen oefent?"),
    ("Misschien eerst de regels herhalen, dat scheelt veel.",
     "Wat zou er gebeuren als je eerst de regels herhaalt?"),
    ("Je zou ze kunnen complimenteren als ze meedoen.",
     "Wat zou er gebeuren als je ze complimenteert als ze meedoen?"),
    # "laat" takes its infinitive along; what follows stays after it.
    ("Laat Daan de vraag eens herhalen voor de groep.",
     "Wat zou er gebeuren als je Daan de vraag laat herhalen voor de groep?"),
    ("Loop tijdens het zelfstandig werken een vaste ronde.",
     "Wat zou er gebeuren als je tijdens het zelfstandig werken een vaste ronde loopt?"),
    ("Een vaste plek voor de jassen afspreken kan helpen.",
     "Wat zou er gebeuren als je een vaste plek voor de jassen afspreekt?"),
    # Spoken: "dan ..." after the advice is what it brings, "zoals ..." an example.
    ("laat ze eens samen een plan maken dan leren ze van elkaar",
     "Wat zou er gebeuren als je ze samen een plan laat maken?"),
    ("misschien kun je de wachtende kinderen een klus geven zoals tellen hoe vaak iemand springt",
     "Wat zou er gebeuren als je de wachtende kinderen een klus geeft?"),
    # Two actions ("te zetten, en te kijken") are not squeezed into one verb.
    ("Zou het niet helpen om de tafels anders te zetten, en te kijken wat er gebeurt?", None),
    ("probeer eens een liedje te zingen en de kinderen te laten dansen", None),
    # "misschien" is no verb, and an action is more than its verb.
    ("een rustig liedje na de gym misschien?", None),
    ("Dat zou jij ook kunnen proberen.", None),
])
def test_dutch_advice_becomes_a_question_with_a_right_verb_or_none(
        sentence: str, question: str | None) -> None:
    assert rephrase(Label.TIP, sentence.lower(), "nl", sentence, ()) == question


@pytest.mark.parametrize(("lang", "sentence", "question"), [
    ("en", "That reading corner really isn't working.",
     "How do you see that reading corner yourself?"),
    ("en", "The end of the lesson felt rushed.", "How do you see the end of the lesson yourself?"),
    ("en", "The timer doesn't help them at all.", "How do you see the timer yourself?"),
    ("nl", "Die liedkeuze spreekt ze niet aan.", "Hoe kijk jij zelf naar die liedkeuze?"),
    ("nl", "Het voorleesboek was te moeilijk.", "Hoe kijk jij zelf naar het voorleesboek?"),
    ("nl", "De uitleg van de regels was te lang.",
     "Hoe kijk jij zelf naar de uitleg van de regels?"),
    # The subject runs on into a clause ("the way you ...", "dat je ...", "het ging ..."): the
    # general question instead of "the way yourself" or "naar dat je ze".
    ("en", "The way you ended the lesson was lovely.", "How do you see that yourself?"),
    ("nl", "Dat je ze liet overleggen vond ik sterk.", "Hoe kijk jij daar zelf naar?"),
    ("nl", "Het ging pas mis na de pauze.", "Hoe kijk jij daar zelf naar?"),
    # A verb after "het" is no subject: not "Hoe kijk jij zelf naar het klonk?".
    ("nl", "Het klonk een beetje streng.", "Hoe kijk jij daar zelf naar?"),
    ("nl", "Het oogde rommelig.", "Hoe kijk jij daar zelf naar?"),
    ("nl", "Het viel me op dat je te snel praat.", "Hoe kijk jij daar zelf naar?"),
    ("nl", "Het stoorde me dat het zo lang duurde.", "Hoe kijk jij daar zelf naar?"),
    ("nl", "Het lokaal was te druk.", "Hoe kijk jij zelf naar het lokaal?"),
])
def test_an_opinion_is_asked_back_about_its_whole_subject(
        lang: str, sentence: str, question: str) -> None:
    assert rephrase(Label.OPINION, sentence.lower(), lang, sentence, ()) == question


@pytest.mark.parametrize(("lang", "text", "question"), [
    # A name or a subject with its verb opens the sentence: no "if you ..." can be made of it.
    ("nl", "en Bas even laten wachten tijdens de instructie", None),
    ("nl", "Bas kan de schriften uitdelen", None),
    ("en", "Sam could hand out the sheets", None),
    ("en", "ok so Sam should sit at the front", None),
    # A name after the verb is the person the advice is about.
    ("en", "Give Sam a job", "What would happen if you give Sam a job?"),
    ("nl", "Geef Noah een taak", "Wat zou er gebeuren als je Noah een taak geeft?"),
])
def test_a_name_is_not_the_verb_of_the_advice(lang: str, text: str, question: str | None) -> None:
    assert rephrase(Label.TIP, text.lower(), lang, text, ()) == question


@pytest.mark.parametrize(("lang", "sentence", "question"), [
    # A word that is no verb (a preposition, an adverb) taken for the imperative.
    ("nl", "heel sterk om zo eerlijk te vertellen hoe het ging", None),
    # A second verb left as an infinitive inside the action.
    ("nl", "de foto's laten vooral de achterste rij zien", None),
    ("nl", "ik zou de kinderen een kaartje geven de namen opschrijven of de tijd bijhouden",
     None),
    # The writer's own proposal or comment carried into the action.
    ("nl", "ik stel voor dat we eerst de regels samen lezen", None),
    ("nl", "ik zou het elke dag herhalen dat scheelt je een hoop gedoe", None),
    # English: an inverted question, "do not be", a subject with its own verb.
    ("en", "have you, um, thought of, a seating plan", None),
    ("en", "don't be so strict with yourself, you're learning", None),
    ("en", "star charts don't really work with year nine, I reckon", None),
])
def test_a_question_whose_action_does_not_read_as_a_clause_is_not_offered(
        lang: str, sentence: str, question: str | None) -> None:
    assert rephrase(Label.TIP, sentence, lang, sentence, ()) == question


@pytest.mark.parametrize(("sentence", "question"), [
    # Two actions joined by "en" each take the je-form.
    ("ik zou de opdracht korter maken en sneller laten herhalen",
     "Wat zou er gebeuren als je de opdracht korter maakt en sneller laat herhalen?"),
    # What the action is set against keeps its "te".
    ("ik zou de tweetallen zelf maken in plaats van ze te laten kiezen",
     "Wat zou er gebeuren als je de tweetallen zelf maakt in plaats van ze te laten kiezen?"),
    # A preposition, a lead or a person is not the imperative.
    ("bij dyslexie helpt het vaak om de tekst voor te lezen",
     "Wat zou er gebeuren als je de tekst voorleest?"),
    ("bij gym de wachtende kinderen een taak geven",
     "Wat zou er gebeuren als je bij gym de wachtende kinderen een taak geeft?"),
    ("als tip: noem wat al lukt", "Wat zou er gebeuren als je noemt wat al lukt?"),
    ("misschien Daan een eigen plekje geven?",
     "Wat zou er gebeuren als je Daan een eigen plekje geeft?"),
    # A verb with the -t of "hij" opens a question about someone, not advice.
    ("krijgt Daan ook extra tijd bij de toets", None),
    # What worked for the writer is offered to try when it is a thing; not a whole story.
    ("bij mij werkt een stilteteken met de hand",
     "Wat zou er gebeuren als je een stilteteken met de hand probeert?"),
    ("in mijn ervaring helpt een koptelefoon echt",
     "Wat zou er gebeuren als je een koptelefoon probeert?"),
    ("wat mij hielp was een vaste plek voor elk kind",
     "Wat zou er gebeuren als je een vaste plek voor elk kind probeert?"),
    ("bij mij werkt het beter als ik ze eerst laat praten", None),
    # What worked for the writer that names an action: the action, after "om ... te".
    ("bij mij helpt het om de bel pas na de stilte te geven",
     "Wat zou er gebeuren als je de bel pas na de stilte geeft?"),
    ("bij mij werkt het echt goed om eerst de namen op te noemen",
     "Wat zou er gebeuren als je eerst de namen opnoemt?"),
    # A spoken particle after the advice is no part of the action.
    ("je zou het groepje gewoon wat verder uit elkaar kunnen zetten hoor",
     "Wat zou er gebeuren als je het groepje wat verder uit elkaar zet?"),
    ("misschien een praatkaartje gebruiken ofzo",
     "Wat zou er gebeuren als je een praatkaartje gebruikt?"),
    # A way of doing that worked for the writer, and a thing after "goede ervaringen met".
    ("wat bij mij goed werkt is de namen eerst op het bord schrijven",
     "Wat zou er gebeuren als je de namen eerst op het bord schrijft?"),
    ("ik heb goede ervaringen met vaste tafelgroepjes",
     "Wat zou er gebeuren als je vaste tafelgroepjes probeert?"),
    # A last word in -en may be a noun ("een vast teken") or a verb ("een timer gebruiken"):
    # no question rather than "als je een vastteekt"; a noun after "de" stays a noun.
    ("bij mij werkt een vast teken", None),
    ("wat bij mij werkt is een timer gebruiken", None),
    ("bij mij werkt een vaste plek voor de kinderen",
     "Wat zou er gebeuren als je een vaste plek voor de kinderen probeert?"),
])
def test_dutch_advice_keeps_its_action_and_its_verb(sentence: str, question: str | None) -> None:
    assert rephrase(Label.TIP, sentence.lower(), "nl", sentence, ()) == question


@pytest.mark.parametrize(("sentence", "question"), [
    # A comma after "tried" still leads to the thing tried.
    ("have you ever tried, honestly, a visual timetable",
     "What would happen if you tried a visual timetable?"),
    # "Don't forget to X" advises X; "don't be ..." advises no action (the last check).
    ("don't forget to check in with the quiet ones",
     "What would happen if you check in with the quiet ones?"),
    # What follows "so you can" is the purpose, not the action; a hedge or laugh is no part.
    ("put the chairs in a circle so you can see all of them",
     "What would happen if you put the chairs in a circle?"),
    ("try a class playlist lol", "What would happen if you tried a class playlist?"),
    # A comment with its own subject after a comma ("..., cold calling works") is no action.
    ("use names, cold calling works", "What would happen if you use names?"),
    ("a visual timetable saves a lot of questions",
     "What would happen if you tried a visual timetable?"),
    # A modal after "how" or "what" is a question inside the sentence.
    ("that changes how i'd plan the lesson", None),
    # What worked for the writer is offered to try when it is a thing.
    ("what works for me is a bell on the desk", "What would happen if you tried a bell on the desk?"),
    ("in my experience a visual timer really helps",
     "What would happen if you tried a visual timer?"),
    ("one thing that helped me was a seating plan with photos",
     "What would happen if you tried a seating plan with photos?"),
    # An action cut off mid-way.
    ("you can let them try it first, and then eventually", None),
    # A way of doing that worked for the writer; chat intensifiers and lead-ins are no part.
    ("what works for me is pairing the quiet ones up",
     "What would happen if you tried pairing the quiet ones up?"),
    ("you should defo try a class charter",
     "What would happen if you tried a class charter?"),
    ("ok so: let them vote on it", "What would happen if you let them vote on it?"),
    ("right then: a quick recap", None),
    # After "in my experience" or "good experiences with" a thing needs no article.
    ("in my experience fixed seats help a lot", "What would happen if you tried fixed seats?"),
    ("i have good experiences with reading the names aloud first",
     "What would happen if you tried reading the names aloud first?"),
])
def test_english_advice_keeps_its_action(sentence: str, question: str | None) -> None:
    assert rephrase(Label.TIP, sentence, "en", sentence, ()) == question


@pytest.mark.parametrize(("sentence", "question"), [
    # What worked for the writer: "werkte" too, how well it worked is no part of the thing,
    # up to seven words of it, and "het ... om ... te" (up to three words between) an action.
    ("bij mij werkte een timer op het bord",
     "Wat zou er gebeuren als je een timer op het bord probeert?"),
    ("bij mij werkt een stilteteken altijd heel goed",
     "Wat zou er gebeuren als je een stilteteken probeert?"),
    ("bij mij werkt een vaste plek voor elk kind apart",
     "Wat zou er gebeuren als je een vaste plek voor elk kind apart probeert?"),
    ("bij mij werkt het echt heel goed om eerst de namen op te noemen",
     "Wat zou er gebeuren als je eerst de namen opnoemt?"),
    # Spoken particles after the advice, more than one, or "toch".
    ("misschien een praatkaartje gebruiken ofzo hoor",
     "Wat zou er gebeuren als je een praatkaartje gebruikt?"),
    ("je zou ze kunnen laten kiezen toch", "Wat zou er gebeuren als je ze laat kiezen?"),
    # The last check: "om de beurt" and "als een soort spel" after the verb are phrases of
    # the action; the writer's "mijn" and a comment in main-clause order ("dat helpt") are not.
    ("zet ze om de beurt bij het bord",
     "Wat zou er gebeuren als je ze om de beurt bij het bord zet?"),
    ("wellicht kun je de overgang oefenen als een soort spel",
     "Wat zou er gebeuren als je de overgang oefent als een soort spel?"),
    ("geef ze mijn kaartjes", None),
    ("laat ze eerst oefenen dat helpt", None),
])
def test_dutch_own_experience_and_the_last_check(sentence: str, question: str | None) -> None:
    assert rephrase(Label.TIP, sentence.lower(), "nl", sentence, ()) == question


@pytest.mark.parametrize(("sentence", "question"), [
    # What worked for the writer, in each of its forms: "in my class", "was", "the ...", a
    # comment after it, a way of doing with a short verb ("giving").
    ("what works in my class is a bell on the desk",
     "What would happen if you tried a bell on the desk?"),
    ("in my class a timer on the board helps a lot",
     "What would happen if you tried a timer on the board?"),
    ("what worked for me was a seating plan", "What would happen if you tried a seating plan?"),
    ("what works for me is the traffic light card",
     "What would happen if you tried the traffic light card?"),
    ("what works for me is a timer, they love it", "What would happen if you tried a timer?"),
    ("what works for me is giving the early ones a job",
     "What would happen if you tried giving the early ones a job?"),
    # "nothing" is no way of doing; a subject with its own verb two words in is no action.
    ("what works for me is nothing fancy, a bell", None),
    ("reward charts don't work with teenagers, I think", None),
    ("you could use my checklist", None),  # the writer's checklist, not the member's
    # The last check reads the action after "if next time you".
    ("Next time I'd put the instructions on a slide.",
     "What would happen if next time you put the instructions on a slide?"),
])
def test_english_own_experience_and_the_last_check(sentence: str, question: str | None) -> None:
    assert rephrase(Label.TIP, sentence.lower(), "en", sentence, ()) == question
