"""Dutch cue phrases. Written from the label definitions and hard-case conventions in
../shared/data/README.md and from how teachers chat, not from the development sentences."""
from __future__ import annotations

from flows.classifier.lexicon import Lexicon, rx
from flows.classifier.words_nl import (
    DESCRIPTIVE,
    EMOTION,
    FINITE,
    GAP,
    INTENSIFIER,
    PERSON,
    QUALITY,
    SHORT_GAP,
    SOFT,
    VERB_FIRST_TIPS,
    VERDICT,
)

# Not after a question word: "hoe wist je dat ..." asks how, it tells nothing.
_NOT_ASKED = r"(?<!hoe )(?<!waarom )(?<!wanneer )(?<!waaraan )(?<!waardoor )(?<!wat )"

NL = Lexicon(
    lang="nl",
    other=rx(
        r"^(?:ik )?moet (?:er |het |dat |hem |'m )?(?:\w+ ){0,2}?(?:over nadenken|nadenken|terugkijken|(?:een keer|eens) (?:kijken|bekijken)|laten bezinken)\b", r"zwart (?:scherm|beeld)", r"aan de beurt met (?:een |het |zijn |haar |mijn |jouw )?(?:filmpje|clip|casus)", r"(?:volgende|komende) (?:week|keer|sessie) (?:\w+ ){0,4}aan de beurt",
        r"(?:welke|wat voor) (?:ronde|casus|stap|fase) (?:zijn|waren|doen) we", r"(?:doe|neem|pak) ik (?:de |het )?(?:volgende|eerste|laatste) (?:casus|ronde|filmpje)",
        r"(?:hoor|zie|versta) (?:jullie|je|jou|iemand|niemand|niks|niets) niet(?: meer)?",
        r"ik ben er (?:morgen |vandaag |volgende week |maandag |dinsdag |woensdag |donderdag |vrijdag )?niet(?! (?:zeker|gerust|uit))", r"tot (?:morgen|straks|zo|dan|later|volgende week|maandag|dinsdag|woensdag|donderdag|vrijdag)[!. ]*$", r"(?:opnieuw |weer )?inbellen", r"resolutie", r"beeld (?:hapert|valt|bevriest|is zwart)",
        r"(?:mijn|m'n) (?:camera|microfoon|mic|geluid|internet|wifi|verbinding|laptop|telefoon|scherm|batterij|beeld) "
        + r"(?:doet|werkt|valt|hapert|is|heeft|loopt|blijft|staat)",
        r"(?:de|het) (?:video|filmpje|link|geluid|beeld|bestand|verbinding|internet|wifi|app) (?:\w+ )?(?:doet het niet|werkt niet|hapert|valt (?:steeds )?weg|blijft hangen|laadt niet|start niet)",
        r"(?:mijn|m'n) (?:camera|microfoon|mic|internet|wifi|verbinding|laptop|telefoon|batterij)",
        r"doet het niet", r"werkt (?:het |de link |de video )?niet", r"hoor (?:niks|niets|geen geluid)",
        r"geen (?:geluid|beeld)", r"blijft hangen", r"blijft (?:de |het |mijn |m'n )?(?:video|filmpje|beeld|opname|geluid|scherm|clip|app) (?:\w+ )?hangen", r"hapert", r"buffert", r"laadt niet",
        r"(?:video|filmpje|link|bestand|clip|geluid) (?:start|speelt|laadt|opent|doet) (?:niet|het niet)",
        r"kan (?:het|de video|het filmpje|de link|het bestand|de clip) niet (?:openen|afspelen|vinden|downloaden|bekijken)",
        r"(?:link|bestand|upload|uploaden|downloaden|groepsapp|whatsapp|(?:ms|microsoft) teams|(?:via|over|op) teams|zoom|inloggen|wachtwoord|reflectieverslag|portfolio|formulier|deadline)",
        r"(?:de|onze|deze) (?:planning|agenda|rooster) (?:voor|van) (?:dit|deze|het|de|volgende|morgen)",
        r"hoe laat", r"(?:later|eerder) (?:beginnen|starten|stoppen)", r"beginnen we", r"starten we",
        r"stoppen we", r"ronden we", r"(?:zullen|kunnen|gaan|moeten) we (?:\w+ )?(?:afronden|beginnen|starten|stoppen|pauzeren|verder|door|afspreken)",
        r"om (?:half |kwart (?:over|voor) )(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|\d+)", r"om \d+(?:[.:]\d+)? uur",
        r"(?:filmpje|clip|video|opname) (?:nog )?niet (?:\w+ )?(?:bekeken|gezien|kunnen (?:bekijken|zien|openen))",
        r"(?:kijk|bekijk) (?:het|hem|ik) (?:\w+ )?(?:vanavond|straks|morgen|later|thuis)", r"doe ik (?:vanavond|straks|morgen|later)",
        r"nog niet (?:kunnen )?(?:bekijken|kijken|openen)",
        r"(?:we|zullen|laten|gaan|moeten|kunnen|ik) (?:\w+ )?(?:afronden|afsluiten)", r"afronden\?",
        r"(?:even|korte|tijd voor een|nemen we) (?:een )?pauze", r"pauze nemen", r"koffie", r"thee halen",
        r"ben (?:zo|even|straks) (?:terug|weg)",
        r"ik ben er(?: ook| weer| bij)?(?! \w)", r"ben er (?:zo|bijna)", r"ik moet (?:[\w'-]+ ){0,4}?(?:weg|gaan|vertrekken|afhaken|ophalen|naar huis|opnemen|bellen)",
        r"(?:ben|zijn) er over (?:\w+ )?(?:minuten|min|minuutjes|kwartier)", r"over (?:\d+|vijf|tien|een paar) (?:min|minuten) (?:terug|er|binnen)",
        r"(?:bevriest|bevroren|loopt vast|valt (?:steeds )?weg)", r"(?:mijn|m'n) (?:scherm|beeld|audio|app|zoom|teams|headset|oortjes)", r"^sorry[!. ]*$", r"(?:slecht|weinig|geen|matig) (?:bereik|signaal|wifi|netwerk)", r"(?:ik )?lees (?:even |wel )?mee", r"scherm (?:\w+ )?(?:is|wordt|blijft|gaat|werd) (?:\w+ )?(?:zwart|wit|leeg)",
        r"waar (?:staat|staan|vind ik|is|zijn|kan ik) (?:\w+ )?(?:de|het) (?:opname|filmpje|video|link|verslag|notulen|bestand|slides|uitnodiging|map)", r"(?:de |het )?(?:drive|dropbox|onedrive|sharepoint|gedeelde map)", r"verslag(?:je)? van (?:vorige|de vorige|de laatste)",
        r"(?:hebben|is|krijgen) (?:we|er) (?:\w+ ){0,2}(?:ook |nog |gewoon )?(?:intervisie|een sessie|een bijeenkomst|bijeenkomst|pauze)\b", r"(?:zet|doet|neemt|houdt|stuurt|deelt|maakt|regelt|pakt|host) iemand",
        r"(?:zijn|is) (?:de anderen|iedereen|er al iemand|de rest) (?:er|binnen|online|aanwezig)", r"(?:wat een|lekker|mooi|rot|slecht|heerlijk|raar) weer", r"(?:ik )?(?:red|haal) het (?:\w+ )?niet (?:voor|om|op tijd)", r"(?:had|heb) (?:hem|het|'m|het filmpje|de video) (?:al|nog niet|niet) (?:gezien|bekeken|gekeken)", r", sorry[!. ]*$",
        r"ben (?:iets |wat |een beetje |weer )?(?:te )?laat", r"late reactie", r"sorry (?:voor|dat)", r"excuses", r"pleinwacht", r"surveillance",
        r"teamoverleg", r"vergadering", r"ouderavond(?:en)?", r"studiedag", r"oudergesprek(?:ken)?",
        r"volgende (?:keer|week|bijeenkomst|sessie) (?:ben|kan|breng|mag|wil|moet) ik",
        r"(?:mijn|m'n) (?:beurt|filmpje volgende|inbreng)", r"inbrengen", r"(?:beurt|plek) ruilen",
        r"wie is (?:er )?(?:de )?volgende", r"wie (?:[\w'-]+ ){0,3}(?:inbreng\w*|brengt|beurt)",
        r"(?:brengt|breng|brengen) (?:[\w'-]+ ){0,4}(?:filmpje|clip|casus|fragment) in", r"wie (?:begint|gaat) (?:er )?(?:vandaag|nu|eerst)",
        r"eerste keer in (?:deze|de) groep", r"^test(?: test)+\b", r"^test[!?. ]*$", r"komt (?:dit|het) (?:aan|door)", r"(?:de|het) (?:volgende|komende|eerstvolgende) (?:intervisie|bijeenkomst|sessie|overleg)",
        r"(?:opname|filmpje|link|presentatie|dia's) (?:\w+ )?(?:beschikbaar|ergens te vinden|gedeeld|geüpload|terug te kijken)", r"(?:even )?voorstellen", r"mijn naam is", r"ik werk (?:in|op|bij) (?:groep|de|een|het)",
        r"(?:net|pas) (?:binnen|aangesloten|ingelogd)", r"^excuses\b", r"(?:ben|is|zijn) (?:\w+ )?ziek\b",
        r"(?:bijeenkomst|sessie|intervisie|vergadering|keer) (?:\w+ ){0,3}(?:op (?:maandag|dinsdag|woensdag|donderdag|vrijdag)|online|verplaatsen|verzetten|verplaatst|verzet|afgelast)", r"hoe werkt (?:het|dit|dat)(?: hier| precies)?",
        r"op stil", r"gedempt", r"even weg", r"tot (?:morgen|volgende week|straks|zo|dan|de volgende keer)",
        r"fijne (?:avond|dag|middag|vakantie|weekend|vrijdag)", r"fijn weekend", r"goed weekend",
        r"fijne dag gehad", r"hoe was (?:je|jullie) (?:weekend|vakantie|dag)", r"hoe gaat het (?:met jullie|allemaal)",
        r"in de chat", r"terugkijken", r"(?:opname|filmpje|video|clip) (?:is )?(?:te groot|niet te openen)",
        r"doorsturen", r"mailen", r"gemaild", r"inleveren", r"aanmelden", r"afmelden", r"kan (?:er )?niet bij zijn",
        r"ik typ (?:alleen )?mee", r"ik lees mee", r"typ(?:en)? (?:alleen|even)",
        r"(?:gaan|zullen|kunnen|moeten) we (?:[\w:<>]+ ){0,3}(?:verder|door|stoppen|afronden|pauzeren|pauze)\b", r"(?:weekend|vakantie) gehad", r"verjaardag", r"jarig", r"waar is (?!de\b|het\b|je\b|jouw\b|onze\b|mijn\b)\w+ (?:vandaag|vanmiddag|vanavond|vanochtend)",
        r"(?:opnieuw (?:te )?(?:laden|opstarten|inloggen)|herladen|herstarten|verversen|refreshen)", r"ondertiteling", r"(?:lekker|fijn|goed) weekend\?",
        r"(?:wedstrijd|voetbal) (?:\w+ )?vanavond", r"vanavond (?:\w+ )?(?:de )?(?:wedstrijd|voetbal)", r"(?:beeld|geluid) (?:loopt|is) (?:niet )?(?:gelijk|achter|weg)", r"(?:ik )?(?:ben|heb) (?:je|jullie|het beeld|het geluid|de verbinding) kwijt",
    ),
    other_weak=rx(
        r"^sorry\b", r"^excuses\b", r"verkeerde (?:chat|groep|app)",
        r"(?:allemaal|iedereen|jullie)[!. ]*$",
    ),
    other_question=rx(
        # "iedereen" asked near the start ("heeft iedereen het gezien?"), not the pupils in a
        # clause ("wat als je wacht tot iedereen zit?")
        r"jullie", r"^(?:[\w'-]+ ){0,2}iedereen", r"(?:hoe lang|hoe laat|wanneer|waar) (?:\w+ ){0,3}(?:sessie|bijeenkomst|intervisie|vergadering)",
        r"(?:hoor|horen|zie|zien) (?:\w+ )?(?:me|mij)\b", r"(?:goede|juiste) (?:groep|chat|app)", r"notul\w*", r"notities",
        r"(?:mag|moet|kan|kun|zal|wil|hoef) ik", r"waar (?:vind|zie|kan|moet|zet) ik",
        r"(?:kan|wil|weet|heeft) iemand", r"is er (?:al )?(?:een )?(?:link|opname|verslag)",
        r"wanneer (?:beginnen|starten|stoppen|zien|hebben|is|zijn) we",
        r"(?:waar|wanneer|hoe) (?:moeten|kunnen|zullen|mogen) we (?!(?:\w+ ){0,3}(?:kijken|letten|focussen|op letten|naar kijken))",
        r"(?:zullen|kunnen|moeten) we (?!(?:\w+ ){0,4}(?:kijken|letten|focussen|naar|op)\b)(?:\w+ ){0,5}?(?:beginnen|starten|lezen|opnemen|doen|afspreken|plannen|verplaatsen|stoppen|zetten|delen|pauzeren|eindigen|afsluiten)\b",
        r"hoeveel tijd (?:hebben|krijgen) we", r"wanneer is (?:de|onze) (?:volgende )?(?:sessie|bijeenkomst|intervisie)", r"zijn we (?:vandaag |morgen )?(?:met z'n allen|compleet|voltallig)", r"iemand anders ook", r"(?:zijn|zitten) we (?:\w+ ){0,3}(?:online|op zoom|op teams|live|morgen|volgende week|weer|op (?:maandag|dinsdag|woensdag|donderdag|vrijdag))\b", r"hoe (?:gaan|doen) we (?:het|dat) (?:met|vandaag)",
    ),
    greeting=rx(
        r"^(?:hoi|hallo|hey|hé|he|hee|heey|hoihoi|goedemorgen|goedemiddag|goedenavond|goeiemorgen|"
        r"morgen|dag|hi|yo)(?: allemaal| iedereen| team| jullie| daar)?[ !,.]*$",
        r"^(?:hoi|hallo|hey|hé|he|hee|goedemorgen|goedemiddag|goedenavond|dag|hi) (?:allemaal|iedereen|team|jullie)",
    ),
    ack=rx(
        r"^(?:(?:ok|oké|okee|oke|okay|top|prima|helder|duidelijk|check|genoteerd|gezien|klopt|idd|inderdaad|mee eens|eens|"
        r"helemaal mee eens|ja|jaa+|jazeker|nee|haha+|hihi|lol|precies|zeker|goed zo|goed|fijn|herkenbaar|zo herkenbaar|"
        r"komt goed|doe ik|is goed|akkoord|yes|snap ik|begrijp ik|same|mooi zo|ah|oh|ahh+|ohh+|hmm+|aha)[ !.,]*)+"
        r"(?:(?:thanks|dank je|dankjewel|bedankt|thx|dank)(?: wel)?[ !.,]*)?$",
    ),
    information=rx(
        # "Wist je dat ...?" tells; "Hoe wist je dat ...?" asks.
        _NOT_ASKED + r"wist (?:je|jij|jullie) (?:al |trouwens |eigenlijk )?dat",
        _NOT_ASKED + r"weet (?:je|jij) (?:al |trouwens )?dat",
        r"ter info(?:rmatie)?", r"fyi", r"weetje", r"uit (?:\w+ )?onderzoek\w* (?:[\w'-]+ ){0,4}?(?:blijkt|is gebleken|weten we|komt naar voren)",
        r"(?:hattie|marzano|dweck|vygotsky|piaget|bloom|korthagen|rosenshine|kirschner|sweller|wiliam|lemov|timperley|maslow|bandura)",
        r"onderzoek(?:en)? (?:laat|laten|toont|tonen|wijst|wijzen|suggereert|bevestigt) ",
        r"(?:volgens|bij|van) (?:de |het )?(?:\w*theorie|literatuur|onderzoek|wetenschap|wet|protocol|inspectie|regels|richtlijnen?|model|experts|deskundigen|meta-analyses?|cao|kerndoelen)",
        r"volgens (?:hattie|marzano|dweck|vygotsky|piaget|bloom|korthagen|rosenshine|kirschner|sweller|wiliam|lemov|timperley|deci|ryan|ebbens|ettekoven|van ?der|de cognitieve|de hechtingstheorie|\w+theorie)",
        r"(?:theorie|model|taxonomie|piramide|cirkel|ui-model) van", r"in de (?:theorie|literatuur|wetenschap|onderwijskunde)",
        r"ik (?:las|lees) (?:laatst |ergens |onlangs |een keer |pas |ooit |eens )*dat\b", r"heb ik (?:laatst |ergens |onlangs |ooit )*gelezen",
        r"meta-analyse\w*", r"wetenschappelijk", r"(?:is )?(?:wetenschappelijk )?bewezen", r"(?<!hoe )heet (?:dat|dit|het)(?= |$)",
        r"(?:dit|dat) heet", r"noemt men", r"noemen ze (?:dat|dit)", r"wordt (?:dat|dit) (?:ook )?\w* ?genoemd",
        r"(?:is )?gebaseerd op", r"\w*model\b", r"taxonomie", r"het protocol", r"protocol \w+ zegt",
        r"de (?:wet|regels|regelgeving|richtlijnen|kerndoelen|cao|inspectie|veiligheidsregels|schoolregels|arbo\w*) (?:zegt|zeggen|schrijft|schrijven|is|stelt|stellen|vereist|vereisen|bepaalt)",
        r"wettelijk", r"procent", r"%", r"statistisch", r"de hersenen", r"het brein",
        r"cognitieve belasting\w*", r"werkgeheugen", r"executieve functies", r"growth mindset",
        r"zone van (?:de )?naaste ontwikkeling", r"learned helplessness", r"aangeleerde hulpeloosheid",
        r"hebben recht op", r"zogenaamde", r"zogeheten", r"de inspectie", r"er (?:bestaat|is) (?:een|zelfs een) (?:term|naam|woord) voor",
        r"(?:daar|hier) (?:zijn|bestaan) (?:\w+ )?(?:metingen|onderzoeken|studies|cijfers) (?:van|naar|over)", r"in (?:veel|meerdere|diverse|talloze) studies", r"(?:is|zijn) (?:pas )?(?:volgroeid|uitontwikkeld) ", r"heeft recht op", r"is verplicht", r"zijn verplicht", r"het is wettelijk",
    ),
    generic_claim=rx(
        r"(?:werkt|werken|helpt|helpen|leidt|leiden|zorgt|zorgen|vergroot|vergroten|verhoogt|verhogen|verlaagt|"
        r"verlagen|versterkt|versterken|bevordert|bevorderen|verbetert|verbeteren|vermindert|verminderen|"
        r"voorspelt|beïnvloedt|stimuleert|stimuleren)(?: \w+)? (?:(?:goed|slecht) (?:bij|voor|als)|het best|beter|slechter|minder|meer|vaak|tot|voor|bij|als|dan)",
        r"hebben (?:vaak |meestal |veel |juist )?(?:baat|behoefte) (?:bij|aan)",
        r"heeft (?:vaak |meestal )?(?:een )?(?:\w+ )?(?:effect|invloed)", r"(?:is|zijn) (?:\w+ )?(?:belangrijk|effectief|effectiever|essentieel|cruciaal) (?:voor|bij|om)",
        r"leren (?:het )?(?:best|beter|vooral|meer|sneller)", r"loopt (?:\w+ )?(?:vooral|meestal|vaak) via",
        r"ontwikkel(?:t|en) zich", r"(?:vaak|meestal|doorgaans|over het algemeen|in het algemeen|gemiddeld|typisch|veelal) "
        r"(?:\w+ )?(?:kinderen|leerlingen|kleuters|pubers|jongeren|mensen|leraren|docenten|jongens|meisjes)",
        r"(?:kinderen|leerlingen|kleuters|pubers|jongeren|mensen|leraren|docenten|jongens|meisjes) (?:met|in|van|uit) \w+ (?:\w+ )?(?:hebben|zijn|kunnen|leren|doen|presteren)",
        r"(?:kinderen|leerlingen|kleuters|pubers|jongeren|tieners) (?:\w+ )?(?:vaak|meestal|doorgaans|over het algemeen|leren)",
        r"^(?:de meeste |veel |jonge |oudere )?(?:kinderen|leerlingen|kleuters|pubers|jongeren|mensen|jongens|meisjes|tieners|studenten) \w+ (?:\w+ ){0,3}(?:beter|meer|minder|sneller|langer|vaker|makkelijker|het best)\b",
        r"^(?:de meeste |veel |jonge |oudere )?(?:kinderen|leerlingen|kleuters|pubers|jongeren|mensen|jongens|meisjes|tieners) (?:kunnen|hebben|leren|onthouden|doen|willen|zijn|raken) (?:vaak|meestal|maar|pas|niet|slechts|gemiddeld|zich)",
    ),
    generic_subject=rx(
        r"^(?:de meeste |veel |sommige |alle |jonge |oudere |stille |verlegen |nieuwe |hoogbegaafde |dyslectische |autistische )*"
        r"(?:kinderen|leerlingen|kleuters|pubers|jongeren|tieners|jongens|meisjes|mensen|leraren|docenten|leerkrachten|studenten|nieuwkomers|lezers|klassen|groepen)"
        r"(?: (?:met|die|van|in|uit|onder|rond|tot|op) [\w'-]+(?: [\w'-]+){0,5}?)? (?:kunnen|hebben|leren|onthouden|doen|willen|zijn|raken|durven|moeten|"
        r"presteren|reageren|nemen|vatten|imiteren|kopiëren|zoeken|werken|gedragen|voelen|worden|blijven|verliezen|ontwikkelen|vinden|"
        r"spreken|praten|krijgen|halen|maken|geven|tonen|missen|vaak|meestal|doorgaans|zelden|pas|ook)\b",
        r"^(?:het|een) (?:puberbrein|brein van|kinderbrein|werkgeheugen)", r"^(?:een|elk|ieder) (?:vast|vaste|duidelijk|duidelijke|voorspelbaar|voorspelbare|goed|goede|visueel|visuele) \w+ (?:geeft|helpt|zorgt|maakt|biedt|is)",
        r"^(?:het |de )?(?:zogenaamde |zogeheten )?[\w' -]{3,40} (?:betekent|houdt in|gaat over|verwijst naar|staat voor) ",
        r"^bij (?:\w+ ){1,2}(?:instructie|dyslexie|adhd|autisme|kleuters|pubers|nieuwkomers|dyscalculie|hoogbegaafdheid) (?:hoort|horen|helpt|werkt|past|is)",
    ),
    deixis=rx(
        r"je", r"jij", r"jou", r"jouw", r"^dat", r"^die", r"deze", r"dit", r"hij", r"zij", r"hem", r"haar",
        r"toen", r"daar", r"hier", r"<ts>", r"ik", r"mijn", r"we", r"wij", r"ons", r"onze", r"was", r"waren",
    ),
    asked_tried=rx(
        r"^(?:(?:en|maar|dus|oké|ok|nou|ja)[,.]? )*(?P<a>wat|welke(?: [\w'-]+){0,2}|waarmee|wie)"
        r" (?:[\w'-]+ ){0,2}?(?P<b>heb (?:je|jij|u)|had (?:je|jij|u)|hebben jullie)\b[^,:;]*"
        r"\b(?:geprobeerd|uitgeprobeerd|overwogen|gedaan|bedacht|ingezet)\b",
        r"^(?:(?:en|maar|dus|oké|ok|nou|ja)[,.]? )*(?P<a>wat|welke(?: [\w'-]+){0,2}|waarmee)"
        r" (?:[\w'-]+ ){0,2}?(?P<b>probeerde (?:je|jij)|deed (?:je|jij))\b",
        # Asking the inbrenger for options ("Wat zou je kunnen proberen?", "Hoe zou je dat
        # kunnen aanpakken?"); "Wat zou je ervan vinden om ..." proposes one.
        r"^(?:(?:en|maar|dus|oké|ok|nou|ja)[,.]? )*(?P<a>wat|welke(?: [\w'-]+){0,2}|hoe|waarmee)"
        r"(?: nog| anders| dan)? (?P<b>zou (?:je|jij)|zouden jullie|kun (?:je|jij)|kan (?:je|jij))\b"
        r"(?![^,:;]*\b(?:vinden|ervan)\b)",
    ),
    tip=rx(
        # Wat de schrijver in de plaats van de inbrenger zou doen; niet "... was ik ook trots".
        r"(?P<a>als ik (?:jou|u) (?:was|zou zijn|ben)|in (?:jouw|je|uw) (?:plaats|schoenen)),? "
        r"(?:dan )?(?P<b>zou ik|ik zou)\b(?! (?:ook |me |mij )*(?:trots|blij|boos|moe|bang|zijn|voelen)\b)",
        r"overweeg", r"(?:zou|kun|kan) (?:je|jij) (?:\w+ )?overwegen",
        r"(?P<a>heb (?:je|jij|u)) (?:al |wel |ook |er |ooit |weleens |wel eens |eens |al eens |nooit )*"
        r"(?P<b>geprobeerd|overwogen|uitgeprobeerd|gedacht aan|nagedacht over|over nagedacht|aan gedacht|erover nagedacht|eraan gedacht)",
        r"(?P<a>heb (?:je|jij|u)) (?:er )?(?:al |ook |wel )*(?P<b>(?:al |wel )?eens|weleens|wel eens|ooit)"
        r"(?!(?: [\w'-]+){0,6} (?:meegemaakt|gehad|gezien|gemerkt|gevoeld|ervaren|gehoord|eerder|gedaan bij)\b)",
        r"(?P<a>heb (?:je|jij|u)) (?:er )?(?:al |ook |wel )*(?:over |aan )?(?P<b>nagedacht|gedacht) (?:om|aan|over)",
        r"(?P<a>waarom) (?!(?:deed|gaf|liet|koos|nam|begon|vroeg|ging|was|had|zei|kon|wilde|moest|mocht|stond|zat|dacht|reageerde|zag|hoorde|voelde)\b)\w+(?<!de)(?<!te) (?:je|jij|u|jullie) "
        + SHORT_GAP + r"(?P<b>niet|eens)",
        r"waarom niet", r"(?P<a>wat als) (?:je|jij|u|we|ze|de|het|er|jullie)", r"wat nou als", r"(?:het )?lijkt me (?:\w+ )?(?:handig|slim|goed|verstandig|een idee|een optie|nuttig|fijn|beter|handiger|slimmer|zinvol|de moeite waard) (?:om|als|dat|te)\b", r"wat dacht je van",
        r"wat vind je van (?:het idee|een|de suggestie)", r"(?P<a>zou het) (?:niet )?(?:misschien )?(?:\w+ )?(?P<b>beter|handig|handiger|slim|slimmer|fijn|fijner|goed|een idee|helpen|werken|schelen|verstandig|makkelijker|rustiger|prettiger)",
        r"(?P<a>zou(?:den)? (?:je|jij|u|jullie)) (?:niet |eens |misschien |ook |dan |gewoon )*" + GAP
        + r"(?P<b>kunnen|moeten|proberen|overwegen)(?! (?:vertellen|beschrijven|uitleggen|toelichten|zeggen|delen))",
        r"(?P<a>zou (?:je|jij)) (?P<b>niet eens|eens|niet)\b",
        r"(?P<a>(?:kun|kan) (?:je|jij|u)) (?:niet |eens |ook |gewoon |beter |misschien )+(?!vertellen|beschrijven|uitleggen|toelichten|zeggen|zien|horen)",
        r"(?P<a>is het) (?:niet |geen )?(?:een )?(?P<b>idee|optie|beter|handiger|slimmer)",
        r"(?P<a>helpt het) (?:misschien |niet )?(?P<b>als|om)", r"(?P<a>kan het) (?:misschien )?(?:niet )?(?P<b>helpen)",
        r"(?P<a>moet (?:je|jij)) (?:niet |eens |gewoon |misschien )+",
        r"(?P<a>misschien) (?:\w+ )?(?P<b>kun je|kan je|zou je|moet je|is het een idee|een idee|handig|proberen|eens)",
        r"(?P<a>probeer) (?:het |dan |anders )?(?P<b>eens|om|anders|gewoon|een keer)", r"(?:mijn |een )?(?:tip|tipje|advies|suggestie)(?: van mij)?:",
        r"(?:een )?idee(?: van mij)?:", r"ik (?:raad|adviseer|stel voor|zou adviseren|zou aanraden)", r"ik zou (?:je )?(?:aanraden|adviseren|willen voorstellen)",
        r"mijn (?:tip|advies|suggestie)", r"een tip(?: is)?", r"tip voor",
        r"(?P<a>ik zou) (?!graag (?:willen )?(?:weten|horen)|het niet weten|niet weten|zeggen)(?:\w+ ){0,6}?(?P<b>\w+en)\b",
        r"(?P<a>ik zou) (?:eens|gewoon|zelf|dan|misschien|echt|wel|ook|eerst|liever)",
        # Een aanpak uit de eigen klas ("bij mij werkt een timer"); niet "... is hoe jij wacht".
        r"(?:bij mij|in mijn klas|in mijn groep) (?:\w+ )?(?:werkt|helpt)(?= (?:vaak |altijd |meestal |echt |heel |erg |goed |wel )*(?:een|zo'n)\b)",
        r"wat (?:ook |vaak |soms |mij |bij mij |in mijn klas |goed |echt |altijd |heel |erg |zelf )*(?:helpt|werkt|hielp|werkte)(?: goed| echt)?,? (?:is|was)"
        r"(?!(?: \w+){0,6}? (?:jij|jou|jouw|je)\b)",
        r"^wat ik (?:zelf )?(?:altijd|meestal|vaak|dan|gewoon) doe,? (?:\w+,? )?is",
        r"(?P<a>in mijn ervaring),? (?:[\w'-]+ ){0,6}?(?P<b>helpt|werkt)",
        r"ik heb (?:\w+ )?(?:goede|positieve|prima) (?:ervaring|ervaringen) (?:met|door)",
    ),
    tip_statement=rx(
        *VERB_FIRST_TIPS,
        r"(?P<a>(?:je|jij|u) (?:zou|kunt|kan|moet|moest)) (?!graag|liever)" + SOFT + GAP
        + r"(?P<b>kunnen|moeten|proberen|beter|eens|ook)(?! (?:zien|horen|merken|zeggen|trots))",
        r"(?P<a>(?:je|jij|u) (?:kunt|kan)) (?:ook |beter |eens |gewoon |misschien |best )+(?!zien|horen|merken|trots)", r"^(?:en |dus |maar |misschien )?(?P<a>(?:ze|zij|hij|die|de (?:leerlingen|kinderen|kleuters|jongens|meisjes|klas|groep|groepjes)|die (?:jongen|leerling)|dat meisje) (?:kunnen|kan|zouden|zou) (?:misschien |ook |eigenlijk |toch )?beter) (?:[\w'<>-]+ ){0,6}?(?P<b>[a-zà-ÿ]*en)(?=[,.!;]|$| (?:zodat|want|om)\b)",  # the pupils' better way ("ze kunnen beter in tweetallen werken"), ending in its infinitive ("ze kunnen beter rekenen dan vorig jaar" compares)
        r"(?P<a>(?:je|jij|u) (?:zou|moet)) (?:eigenlijk |echt |toch |gewoon |eens |misschien )+"
        r"(?!(?:\w+ )?" + EMOTION + r"\b)",  # "je moet echt trots zijn" praises
        r"^(?:en |dus |maar )?(?P<a>(?:je|jij|u) moet) (?!(?:dan|toen|daar|hier|als|zo|zoveel|altijd|steeds|nog|wel|best)\b|(?:[\w'-]+ ){0,3}" + EMOTION + r"\b)" r"(?:[\w'<>-]+ ){0,6}?(?P<b>[a-zà-ÿ]*(?:en|aan|oen|ien))\b(?<!kunnen)(?<!moeten)(?<!zijn)(?=[,.!;]|$| (?:dan|anders|want|zodat|om|voordat|dat|als|wanneer|wat|hoe)\b)",  # "Je moet een praatsteen gebruiken(, dan ...)" instructs; "je moet daar/dan/toen ..." says what the moment asked of them.
        r"(?P<a>(?:je|jij|u) zou) (?!graag|liever|willen|wel\b|(?:\w+ ){0,3}" + EMOTION + r"\b)"
        r"(?:\w+ ){1,6}(?P<b>\w+en)\b(?<!kunnen)(?<!moeten)(?<!zijn)",
        r"(?P<a>het (?:is|lijkt me|lijkt mij|zou|kan|werkt|wordt)) (?:misschien |wellicht |vaak |soms |wel |echt |ook )*"
        r"(?P<b>handig|slim|goed|beter|verstandig|een idee|nuttig|zinvol|fijn|prettig|een optie|de moeite waard)(?: \w+)? (?:om|als|te|wanneer)",
        r"(?P<a>het helpt) (?:vaak |misschien |soms |wel |ook )*(?P<b>als|om)", r"(?P<a>wat) (?:ook |vaak |soms |mij |bij mij )*(?P<b>helpt|werkt) (?:is|goed is)",
        r"bij mij (?:\w+ ){0,3}?(?:werkt|helpt|hielp|werkte)(?! (?:hij|ie|die|dat|alles)\b| het (?:nu|wel|weer|niet|ook|prima)\b)", r"wat mij (?:\w+ ){0,3}?hielp", r"^(?:misschien |dan |gewoon |en )?(?:beter|liever) (?:eerst|om|gewoon|niet|even|de|het|een|meteen)\b",
        r"^(?:een|zo'n|meer|minder|wat) (?:[\w'-]+ ){0,3}(?:zou|kan|kun) (?:\w+ ){0,4}(?:geven|helpen|schelen|werken|opleveren|zorgen|brengen)", r"volgende keer", r"voortaan", r"in het vervolg",
        r"^(?:denk|let) (?:eens |wel |even |dan )?(?:aan|op)", r"^(?:en |dus )?zorg (?:dat|ervoor|voor|er ?voor)",
        r"^vergeet niet",
        r"^(?:volgende keer |dan |en |anders )?(?P<a>misschien|gewoon|even|eerst) (?:[\w'-]+ ){0,6}(?P<b>\w+en)(?:[.!]*$|,)",
        r"(?P<a>(?:denk|vind|geloof|lijkt me|lijkt mij|misschien|wellicht|idee)) dat (?:je|jij) (?:[\w'-]+ ){0,5}?(?P<b>kunt|kan|moet|zou)\b", r"(?:een|mijn) (?:tip|idee|suggestie|optie) (?:is|zou zijn)",
        r"(?:het )?beste (?:is|kun je|kan je)", r"^(?:het )?(?:kan|zou|kon) (?:misschien |wellicht |ook |wel )*helpen (?:om|als|wanneer)", r"ik zou het (?:zo|anders|eerder|later|korter)",
    ),
    imperative=rx(
        r"^(?:dus |en |maar |anders |misschien |dan |gewoon |en dan |ook )?(?:gebruik|geef|zet|maak|laat|probeer|begin|vraag|doe|neem|houd|hou|plan|pak|"
        r"stop|kies|schrijf|deel|leg|noem|herhaal|beloon|negeer|benoem|stel|oefen|speel|zing|tel|wissel|"
        r"splits|verdeel|verander|beperk|start|bouw|bespreek|betrek|spreek|ga|blijf|loop|controleer|"
        r"draai|hang|ruim|bereid|regel|introduceer|zorg|vergeet|schakel|wees|haal|breng|stuur|plaats|"
        r"verplaats|organiseer|structureer|visualiseer|differentieer|varieer|verkort|verleng|verlaag|"
        r"verhoog|pauzeer|complimenteer|toon|wijs|focus|hanteer|inventariseer|"
        r"koppel|gun|bied|leer|sluit|open|investeer|maak|reserveer|creëer|ontwerp|vervang|schrap|"
        r"simplificeer|vereenvoudig|knip|hak|zet|geef|markeer|label|oefen|stimuleer|motiveer|moedig|daag)"
        r"(?! (?:je|jij|u|jullie|we|wij|ik)\b)(?: |$)",
    ),
    open_request=rx(
        r"(?P<a>(?:kun|kan|zou|wil|wilt) (?:je|jij|u)) (?:daar |er |eens |iets |wat |ook |nog |ons |me |mij |misschien |wellicht )*"
        r"(?:meer |wat meer |iets meer )?(?:over )?(?:\w+ ){0,4}?"
        r"(?P<b>beschrijven|vertellen|uitleggen|toelichten|laten zien|schetsen|omschrijven|verwoorden|uitweiden|delen|zeggen over|voorbeeld geven)",
        r"vertel (?:eens|ons|daar|meer|me|iets)", r"ik (?:ben|was) (?:wel |heel |erg |echt )?(?:benieuwd|nieuwsgierig) (?:naar|hoe|wat|waarom|welke|waar|wanneer)",
        r"ik (?:vraag|vroeg) me (?:\w+ )?af (?:hoe|wat|waarom|waar|welke|wanneer)", r"ik zou graag (?:willen )?(?:weten|horen)",
        r"neem (?:ons|me|mij) (?:eens )?mee", r"zeg (?:eens|er) (?:iets )?meer",
        r"wat (?:bedoel|versta) (?:je|jij)", r"wat houdt \w+ (?:voor jou )?in",
    ),
    reflection=rx(
        r"(?:dat|het) moet (?:wel |echt |best )?(?:\w+ )?(?:" + EMOTION + r"|lastig|zwaar|moeilijk|spannend|pijnlijk|vervelend|frustrerend|"
        r"eng|confronterend|een opluchting) (?:zijn|geweest zijn|zijn geweest|voelen|voor je)",        r"^dus\b(?! (?:we|ik|jullie|bij|gewoon|ja|nou)\b)",  # "dus bij ons ...", "dus gewoon ..." restate nothing r"(?P<a>het klinkt) (?:voor mij )?(?P<b>alsof|als|of|dat)", r"klinkt (?:alsof|als of|als)",
        r"als ik (?:je|jou|het) (?:goed |zo )?(?:begrijp|hoor|snap|volg)", r"wat ik (?:hoor|begrijp|oppik|proef)", r"wat (?:je|jou) (?:\w+ ){0,3}?(?:dwarszit|dwars zit|stoort|frustreert|raakt|bezighoudt|zorgen baart|bang maakt|irriteert|ergert|tegenvalt|tegenviel|dwarszat|raakte|stoorde)",
        r"ik hoor (?:je|jou) (?:zeggen|vooral)", r"ik hoor (?:dat|vooral) (?:je|jij)",
        r"(?:je|jij) zegt (?:eigenlijk|dus|vooral|dat|:)", r"wat (?:je|jij) (?:eigenlijk )?(?:zegt|bedoelt|beschrijft|vertelt)",
        r"het voelt (?:voor (?:jou|je) )?(?:alsof|als|of)", r"voor (?:jou|je) (?:is|voelt|was|betekent|lijkt)",
        r"(?:je|jij) hebt het (?:gevoel|idee)", r"(?:je|jij) voelt je", r"het lijkt (?:alsof|of) (?:je|jij)",
        r"(?:je|jij) (?:bedoelt|wil zeggen)", r"als ik het (?:goed )?samenvat", r"samengevat", r"met andere woorden",
        r"eigenlijk (?:wil|wilde|wou|zoek|hoop|bedoel|vraag) (?:je|jij)", r"het raakt (?:je|jou)",
        r"(?:je|jij) zit (?:er )?(?:een beetje |nogal |echt )?(?:klem|vast|mee)",
        r"zo te horen", r"valt (?:je|jou) (?:\w+ )?(?:zwaar|tegen|moeilijk)", r"(?:je|jij) zit ermee", r"ik hoor (?:vooral |dus |eigenlijk )?dat (?:je|jij)", r"ik (?:proef|hoor|merk|voel) (?:veel |wat |een beetje |vooral )?(?:frustratie|twijfel|onzekerheid|teleurstelling|zorgen|boosheid|verdriet|trots|spanning)",
        r"ik (?:begrijp|snap|hoor) (?:dus |goed )?dat (?:je|jij|het je|het jou|dat je|dat jou)", r"klinkt (?:\w+ ){0,3}(?:alsof|als of)",
    ),
    reflection_you=rx(
        r"(?P<a>(?:je|jij)) (?P<b>voelt|vindt het|vond het|merkt|merkte|wilt|wil|wou|wilde|denkt|dacht|hoopt|hoopte|"
        r"twijfelt|twijfelde|vreest|mist|miste|zoekt|worstelt|worstelde|baalt|baalde|maakt je zorgen|"
        r"maakte je zorgen|vraagt je af|vroeg je af|hebt gemerkt|had het gevoel|ervaart|ervoer|schrok|"
        r"voelde|zou graag|hebt moeite|ziet het|zag het|ziet dat|verwacht|verwachtte|vindt het|vond het|bent er nog niet uit|vraagt je|had moeite|weet niet|wist niet|durft niet|durfde niet|snapt niet)",
        r"(?P<a>(?:je|jij)) (?:bent|was|werd|raakte|voelde je|lijkt|leek) (?:\w+ ){0,2}(?:een beetje |best |heel |erg |nogal |wat |vooral )?(?P<b>" + EMOTION + ")",
        r"(?:het|dat|die|hij|zij|ze) (?:raakt|raakte|frustreert|frustreerde|stoort|stoorde|irriteert|irriteerde|verraste|verrast|maakt|maakte) (?:je|jou)\b",
        r"jij (?:vindt|voelt|wilt|merkt|hoopt)", r"(?:je|jij) (?:schaamt|schaamde|ergert|ergerde|schuldig voelt) (?:je|jou)\b", r"(?:je|jij) bent (?:er )?niet (?:zeker|tevreden|gerust|blij)",
    ),
    affirmation=rx(
        r"(?:wat een|zo'n|goede|sterke|scherpe|mooie|heldere|fijne|prachtige) (?:\w+ ){0,2}leervraag",
        r"(?:goed|fijn|mooi|knap|sterk|gaaf|tof|moedig|dapper|fantastisch|geweldig|bewonderenswaardig|leuk|"
        r"prachtig|super|top|cool|chapeau|heerlijk|fijn om te zien) (?:van (?:je|jou)|dat (?:je|jij)|hoe (?:je|jij))",
        r"(?:je|jij) bent (?:echt |zo'n |wel |toch |gewoon |ook |zo |een |heel |enorm )*(?:\w+ )?" + PERSON,
        r"wat (?:ben (?:jij|je)|een) (?:een )?(?:\w+ )?" + PERSON, r"zo'n (?:\w+ )?" + PERSON + r"(?: als jij| ben jij)",
        r"(?:jouw|je) " + QUALITY + r" (?:[\w'-]+ ){0,4}?(?:is|maakt|straalt|werkt|inspireert|siert|geeft|valt|doet|mag)",
        r"(?:bewonder|waardeer) (?:je|jouw|het|hoe|dat|wat)", r"bewondering", r"respect (?:dat|voor|!)", r"^respect\b",
        r"(?:je|jij) (?:bent|bent zo|bent echt) (?:\w+ )?gegroeid", r"wat ben (?:je|jij) (?:\w+ )?gegroeid", r"(?:je|jij) ontwikkelt je",
        r"wat (?:heb|hebt) (?:je|jij) (?:toch )?(?:een )?" + QUALITY, r"ik leer (?:\w+ )?(?:veel|zoveel|ontzettend veel|echt veel) van (?:je|jou)",
        r"(?:je|jij) hebt (?:echt |zo'n |een |ook )*(?:oog|gevoel|talent|gave|hart|neus) voor", r"(?:je|jij) zet je (?:\w+ )?in",
        r"je (?:mag|moet|zou) (?:\w+ ){0,2}(?:trots|blij|tevreden) (?:mogen )?zijn", r"(?:je|jij) doet het (?:\w+ )?(?:goed|geweldig|fantastisch|top|prima)", r"straalt (?:[\w'-]+ ){0,3}(?:rust|warmte|vertrouwen|plezier|energie|zelfvertrouwen|kalmte) uit",
        r"(?:dat|die|het) is (?:echt )?een (?:kracht|talent|gave)", r"(?:je|jij) bent (?:echt |toch |gewoon |ook )*zo'n", r"dat siert (?:je|jou)", r"straalt (?:er ?af|ervan af|van je af)",
        r"boffen (?:maar |wel )?met", r"(?:mogen|mag) (?:blij|trots) zijn (?:met|op)", r"trots op (?:je|jou|jezelf)", r"je mag (?:trots|blij) zijn",
        r"petje af", r"respect voor (?:je|jou|hoe)", r"chapeau", r"hulde", r"ga zo door", r"hou(?:d)? vol", r"je kunt dit",
        r"je doet het (?:super |heel |echt |hartstikke |zo )?(?:goed|geweldig|fantastisch|top|prima)", r"goed bezig",
        r"het gaat (?:steeds|al veel|echt) beter", r"je groeit", r"(?:je bent|jij bent) gegroeid", r"welkom(?: terug| erbij)?",
        r"fijn (?:dat je er|je (?:weer )?te zien|dat je (?:weer )?(?:bij|terug))", r"door (?:jouw|jou) (?:voorbeeld|openheid|verhaal|filmpje|inbreng)",
        r"(?:je|jij) (?:bent|lijkt) (?:echt |zo |heel |erg |duidelijk |zichtbaar |enorm |super |ontzettend |gewoon |toch |altijd )*(?:een |zo'n )?(?:\w+ )?"
        r"(?:" + PERSON + r"|betrokken|geduldig|warm|warme|rustig|zorgzaam|lief|begaan|gedreven|bevlogen|enthousiast|open|eerlijk|oprecht|positief|toegankelijk|reflectief|sterk|gegroeid|kanjer|topper)\b",
        r"(?:je|jij) hebt (?:echt |zo'n |een |zoveel |veel |heel |zo |toch )*(?:\w+ )?" + QUALITY, r"wat een " + QUALITY,
        r"(?:je|jij) (?:ziet|voelt|weet) (?:echt |goed |precies |heel goed )?(?:wat|hoe|wanneer) (?:elk|ieder|de|je|jouw|kinderen|leerlingen|ze)",
        r"(?:ik )?vind (?:je|jou) (?:echt |een |zo'n |heel |super )*(?:\w+ )?" + PERSON, r"blijf (?:vooral |gewoon |lekker )?(?:jezelf|zo doorgaan)",
        r"twijfel niet (?:zo )?aan (?:jezelf|je zelf)", r"zet (?:hem|'m|em) op", r"je kunt het",
        r"inspire(?:ert|rend)", r"je bent een inspiratie", r"leuk dat je er (?:weer )?bent", r"knap gedaan", r"wat ben (?:jij|je) (?:toch )?(?:goed|sterk|knap)",
    ),
    thanks=rx(
        r"(?:dank(?:je|jewel|uwel)?(?: je| jullie| u)?(?: wel)?|bedankt|merci|thanks)(?: (?:voor|dat|om)\b.*)?[ !.]*$",
        r"(?:dank(?:je|jewel)?(?: je)?(?: wel)?|bedankt|merci) (?:voor|dat|om)",
    ),
    clip_praise=rx(
        r"(?:mooi|leuk|fijn|goed|sterk|scherp|interessant|gaaf|tof|prachtig|herkenbaar|boeiend)e? (?:filmpje|fragment|clip|opname|leervraag|inbreng|vraag om mee te beginnen)",
        r"wat een (?:mooi|leuk|fijn|goed|sterk|scherp|interessant|gaaf|tof|herkenbaar|boeiend)e? (?:filmpje|fragment|clip|opname|leervraag|inbreng)",
    ),
    classroom_moment=rx(
        r"<ts>", r"toen", r"moment", r"\w*(?:deed|gaf|zei|liet|koos|nam|begon|stopte|pakte)",
        r"(?:je|jij) (?!(?:dacht|wilde|voelde|durfde|deelde|filmde|vroeg)\b)\w+(?:de|te|den|ten) (?:heel |zo |erg |echt )?(?:\w+ )?(?:op|de|het|dat|die|hem|haar|ze)\b",
        r"(?:de |het |dat |die |je )?(?:lichten|licht|bord|opdracht|uitleg|instructie|liedje|lied|kring|timer|spel|spelletje|"
        r"muziek|werkblad|kaartjes|stilte|wachttijd|overgang|afsluiting|start van|begin van|grap|reactie op)",
    ),
    intervision_meta=rx(
        r"\w*durf\w*", r"deel\w*", r"post\w*", r"laat zien", r"laten zien", r"hulp", r"inbreng\w*", r"leervraag",
        r"filmpje", r"opname", r"groep", r"leren", r"reflect\w*", r"valkuil", r"eerlijk", r"open", r"kwetsbaar",
        r"kritisch naar", r"nadenk\w*", r"vraagt?\b", r"oppakt", r"aangeeft", r"benoemt", r"onderzoekt", r"er bent",
        r"bij bent", r"meekijkt", r"vertrouw\w*", r"leert", r"ontwikkel\w*", r"feedback", r"eigen les",
    ),
    positive=rx(
        r"goed", r"mooi", r"prima", r"sterk", r"knap", r"geweldig", r"super", r"top", r"briljant", r"fantastisch", r"prachtig",
        r"gaaf", r"tof", r"fijn", r"heerlijk", r"inspirerend", r"bewonderenswaardig", r"indrukwekkend", r"bijzonder", r"fijne",
        r"mooie", r"goede", r"sterke", r"knappe", r"warm", r"warme", r"betrokken",
    ),
    second_person=rx(r"(?<!zie )(?<!merk )(?<!hoor )je(?! (?:meteen|direct|gelijk|aan|dat)\b)", r"jij", r"jou", r"jouw", r"jezelf"),
    too=rx(r"(?:veel |wat |iets |een beetje |erg |nogal |gewoon )?te (?!veel (?:\w+ )?(?:om|te)\b)(?!\w*n\b)(?!<ts>|laat\b|vroeg\b)\w+"),
    opinion=rx(
        r"^wat (?:\w+ ){0,3}?(?:werkt|werkte)(?: \w+)?,? (?:is|was) (?:hoe|dat|wanneer|de manier waarop) (?:je|jij)\b",  # lof
        r"ik vind", r"vind ik", r"vond ik", r"ik vond", r"ik denk(?! (?:na|mee|erover))", r"denk ik", r"volgens mij", r"lijkt me", r"lijkt mij", r"mij lijkt",
        r"ik heb het (?:idee|gevoel) dat", r"mijn (?:indruk|mening|gevoel|idee) is", r"persoonlijk", r"eerlijk gezegd", r"eerlijk\?",
        r"naar mijn mening", r"ik geloof (?:dat|echt|niet)", r"komt (?:op mij )?(?:\w+ )?over", r"ik zou zeggen",
        r"ik snap (?:echt )?niet (?:waarom|dat)", r"ik begrijp (?:echt )?niet (?:waarom|dat)", r"in mijn ogen",
        r"als je het mij vraagt", r"mijns inziens", r"ik (?:ben het|ben) (?:niet )?(?:helemaal )?eens",
        r"ik heb (?:sterk )?de indruk", r"verveelt zich", r"is (?:gewoon|eigenlijk|duidelijk) (?:\w+ )?(?:verveeld|lui|onzeker|moe|bang|slim|ondeugend|brutaal)",
        r"(?:ik )?had (?:het )?(?:zelf )?anders gedaan", r"ik mis(?:te)? ", r"mag best", r"kan (?:best|beter|prima)", r"niet (?:zo )?(?:handig|slim|nodig)",
        r"wat mij betreft", r"mij lijkt", r"volgens mij", r"ik heb het idee", r"mijn indruk",
        r"ik hou van", r"ik houd van", r"ik hou niet van", r"geweldig", r"ik (?:vond|vind) het",
    ),
    evaluative=rx(
        r"(?:veel |wat |iets |een beetje |erg |nogal |best wel |echt |gewoon |ook )?te (?:open|gesloten|verlegen|tevreden)",
        r"(?:veel |wat |iets |een beetje |erg |nogal |best wel |echt |gewoon |ook )?te (?!veel (?:\w+ )?(?:om|te)\b)(?!\w*n\b)(?!<ts>|laat\b|vroeg\b)\w+",
        r"(?:veel |wat |iets |een beetje |erg |nogal |echt |gewoon )?te (?:veel|weinig)",
        VERDICT, INTENSIFIER + " " + DESCRIPTIVE, r"wat een", r"niet (?:erg |zo |echt )?(?:effectief|duidelijk|handig|slim|sterk|goed)",
        r"(?:werkt|werkte|pakt|pakte) (?:\w+ )?(?:goed|prima|uitstekend|niet|slecht|averechts|uit)", r"sloeg (?:niet )?aan", r"viel (?:een beetje |wat )?tegen",
        r"(?:spreekt|sprak) (?:\w+ ){0,3}(?:niet|echt|erg|wel|goed|totaal|nauwelijks) aan", r"kwam (?:\w+ )?(?:traag|langzaam|moeizaam|niet) (?:op gang|over|uit de verf)",
        r"past (?:echt |helemaal |totaal |gewoon )?(?:niet|goed|prima|perfect|mooi) bij",
        r"(?:is|was|bent|waren|zijn|lijkt|leek|klinkt|klonk|voelde|voelt|kwam|komt) (?:\w+ ){0,2}?(?:erg|heel|nogal|best|super|echt|behoorlijk|vrij|enorm|ontzettend|een beetje|beetje|wel erg|wel heel) (?!\w+en\b|veel\b|te\b)\w+",
        r"(?:goeie|goede|slimme|sterke|mooie|knappe|rake|prima) (?:vraag|zet|keuze|actie|move|timing|reactie|aanpak|oplossing|vondst|greep)",
        r"(?:werkt|werkte|ging|gaat|verliep|verloopt) (?:echt |gewoon |helemaal |super |heel )?(?:perfect|prima|top|fantastisch|geweldig|uitstekend|soepel|vlot|lekker)", r"(?:is|was) (?:echt |gewoon |helemaal )?(?:ideaal|perfect|top)",
        r"(?:daar|er) kwam (?:weinig|niks|niets|veel|van alles) uit", r"(?:onrustiger|rustiger|chaotischer|duidelijker|beter|slechter) dan",
        r"schot in de roos", r"(?:leidt|leidde|leiden) (?:\w+ ){0,3}af\b", r"afleidend", r"gemiste kans", r"(?:een )?gemiste", r"(?:achterwege|weggelaten|overgeslagen) (?:hebben|gelaten)", r"uit de hand", r"uit de verf", r"over de top", r"zonde", r"jammer",
    ),
    verdict_question=rx(
        r"(?:wat|een beetje|erg|nogal|best|heel|echt) (?:veel|lang|kort|snel|traag|moeilijk|makkelijk|streng|hard|druk|chaotisch|rommelig|saai|vaag|vreemd|raar|overdreven|onhandig|zonde)",
        r"(?:vind|vond) (?:je|jij) (?:het |dat |zelf )*niet", r"niet (?:een beetje |wat |erg |veel |iets )?te \w+",
        r"toch (?:\w+ )?(?:te|erg|wel|heel|veel)", r"is (?:dat|het|die|dit) niet (?:[\w'-]+ ){0,6}(?:wat|erg|nogal|best) veel\b", r"is (?:dat|het|die|dit) niet (?:een beetje |wat |erg |veel )?(?:te|erg|lastig)",
    ),
    suggestive_question=rx(
        r"^(?P<a>volgende keer|de volgende keer|voortaan) (?!(?:[\w'-]+ ){0,3}(?:we|wij|jullie|ik|ben|is|zijn)\b)(?:[\w'<>-]+ ){0,6}(?P<b>\w+en)\b",
        r"^(?:en |of )?misschien\b", r"^(?:een|wat) (?:[\w'-]+ ){0,4}(?:eerst|vooraf|in plaats)\b", r"^(?:een|wat) (?:[\w'<>-]+ ){1,7}(?:misschien|mss|wellicht)[?!. ]*$", r"(?:kan|zou|is) (?:het|dat) (?:niet )?(?:\w+ )?(?:een )?(?:idee|optie|oplossing)", r"^(?:kun|kan|zou|moet) (?:je|jij) (?:\w+ ){0,5}?niet (?:gewoon |eens |ook |even )?(?:\w+ ){0,4}?\w+en\b",
        r"niet (?:\w+ )?(?:beter|handiger|makkelijker|slimmer|rustiger|fijner|kleiner|korter|eerder|later|duidelijker|effectiever|prettiger|meer|minder)",
        r"(?:zou|kan|moet) (?:\w+ )?(?:\w+ )?niet (?:\w+ )?(?:kunnen|moeten|beter)",
    ),
    wh_start=rx(
        r"^(?:(?:en|maar|dus|oké|ok|oh|nou|en dan|zeg|ja|goed|oke|nee|hmm)[,.]? )*(?:wat|wie|waar|wanneer|waarom|hoe|welke|welk|waardoor|waarover|waarin|waarmee|waarop|waaraan|"
        r"waarvan|waarnaar|waarbij|waartoe|hoezo|hoeveel|in hoeverre|in welke|op welke|met welke|bij welke|van welke|aan welke|voor welke|"
        r"op wat|wat voor)\b",
        r"(?<=,) (?:en )?(?:wat|wie|waar|wanneer|waarom|hoe|welke|waardoor|waarover|hoeveel|in hoeverre)\b",
    ),
    short_answer=rx(
        r"hoeveel", r"hoe (?:oud|lang|vaak|laat|groot|heet|heten)", r"wanneer (?:was|is|werd|wordt|begon|begint|heb|had)",
        r"waar (?:staat|stond|zit|zat|is|was|waren|zijn|ligt|lag)", r"wie (?:is|was|zijn|waren|heeft|had)\b",
        r"(?:in |op |bij |van )?welke? (?:groep|klas|jaar|leerjaar|dag|vak|lokaal|school|methode|les|niveau|periode)",
        r"wat voor (?:klas|groep|school|vak|methode|les)",
    ),
    mental=rx(
        r"(?:denk|dacht|voel|voelde|vind|vond|wil|wilde|wou|hoop|hoopte|merk|merkte|ervaar|ervoer|verwacht|verwachtte|"
        r"bedoel|vraag|ziet|zie|zag|speelt|speelde|ging er|gaat er|maakte|maakt|betekent|betekende|leer|leerde|weet|wist)"
        r" (?:je|jij)", r"voor (?:jou|je)\b", r"bij (?:jou|je)\b", r"zelf",
    ),
    yes_no_start=rx(
        r"^(?:en |maar |oké |ok |oh |nou |dus )?" + FINITE + r" (?:je|jij|u|jullie|ze|zij|hij|het|dit|dat|er|de|die|deze|we|wij)\b",
        r"^(?:en |maar |oké |ok |nou )?(?!(?:dank|bedankt|als|dat|toen|omdat|zodat|terwijl|nadat|voordat|wanneer|zoals|of|wat|hoe|"
        r"waar|wie|zodra|tenzij|hoewel|want|en|maar|dus|ook|zeker|sorry|fijn|goed|knap|mooi|leuk|jammer|top|sterk|super|zo|"
        r"welkom|volgens|gelukkig|helaas|misschien|eerst|daarna|soms|vaak|nu|dan|daar|hier|echt|wel|niet|voor|met|bij|van|"
        r"op|aan|in|naar|door|over|om|na|tot|uit|zonder|tegen|tijdens|vind|zie|hoor)\b)\w+ (?:je|jij)\b(?! wel\b)",
    ),
    # Not "toch" or "of niet": they also end verdicts ("dat was knap gedaan toch").
    question_tag=rx(r"klopt (?:dat|het)$", r"is (?:dat|het) zo$", r"heb ik dat goed$", r"begrijp ik dat goed$"),
    exclamation=rx(r"^wat (?:een|ben (?:jij|je)|(?:heb|hebt) (?:je|jij) (?:toch )?(?:een|veel)|(?:ontzettend |echt |super |heel |enorm )?(?:goed|fijn|mooi|leuk|knap|gaaf|tof|heerlijk|"
                   r"jammer|zonde|sterk|bijzonder|stoer|gezellig|moedig|dapper|prachtig|eerlijk|open|lief|attent|slim|verstandig|"
                   r"indrukwekkend|inspirerend|herkenbaar|interessant|grappig|krachtig|rustig|chaotisch|druk)\b)"),
    statement_start=rx(r"^wat (?:bij )?mij (?:\w+ ){0,3}?(?:hielp|werkte)\b", r"^wat (?:[\w']+ ){0,4}?(?:werkt|helpt|hielp|werkte)(?: goed| echt| heel goed| wel)?,? (?:is|was) (?!het\b)", r"^wat (?:ik|je (?:zegt|vertelt|beschrijft|bedoelt)|mij betreft)", r"^wat (?:me|mij) (?:\w+ )?(?:opvalt|opviel|is opgevallen)\b", r"^(?:dus )?wat (?:je|jou) (?:\w+ ){0,3}?(?:dwarszit|dwars zit|stoort|frustreert|raakt|bezighoudt|zorgen baart|bang maakt|irriteert|ergert|tegenvalt|tegenviel|dwarszat|raakte|stoorde)", r"^waar (?:ik|mij) ", r"^wie (?:weet|zal het zeggen)"),
    perception=rx(
        r"aan het (?:begin|eind|einde) van (?:het filmpje|de clip|de opname|het fragment)", r"helemaal aan het (?:begin|eind)", r"in de (?:eerste|laatste|tweede|derde) (?:minuut|minuten|seconden|paar seconden)",
        r"ik (?:ook |zelf |dan |toen |nog )?(?:zie|hoor|zag|hoorde|merk|merkte|tel|telde)", r"je (?:ziet|hoort|kunt zien|kunt horen|kan zien|kan horen)",
        r"we (?:zien|horen)", r"(?:in|op) (?:het|dit|de|deze) (?:filmpje|fragment|clip|video|opname|beeld)", r"de camera",
        r"te zien", r"te horen", r"in beeld", r"(?:het )?(?:valt|viel) (?:me|mij) (?:\w+ )?op\b", r"wat (?:me|mij) (?:\w+ )?(?:opvalt|opviel|is opgevallen)",
    ),
    clip_subject=rx(
        r"je", r"jij", r"jouw", r"<ts>", r"kind\w*", r"leerling\w*", r"klas\w*", r"groep\w*", r"jongen\w*", r"meisje\w*",
        r"meiden", r"kleuters?", r"pubers?", r"iedereen", r"niemand", r"(?:hij|zij|ze)", r"tafel\w*", r"bord", r"lokaal",
        r"camera", r"deur", r"raam", r"kring", r"digibord", r"timer", r"klok", r"bank\w*", r"stoel\w*", r"hand\w*", r"vinger", r"stem", r"rij\w*", r"lessen?",
        r"uitleg", r"opdracht", r"hoek", r"bureau", r"gang", r"schrift\w*", r"boek\w*", r"telefoon\w*", r"jas",  # below: what someone in the clip does, in the present tense
        r"loopt", r"zit", r"staat", r"ligt", r"gooit", r"pakt", r"kijkt", r"praat", r"lacht", r"huilt", r"roept",
        r"schreeuwt", r"zegt", r"steekt", r"draait", r"wijst", r"schrijft", r"leest", r"antwoordt", r"komt",
    ),
    lead_in=rx(
        r"^(?:hoi|hallo|hey|hé|hee|goedemorgen|nou|oké|ok|oke|ja|nee|hmm+|oh|ah|eerlijk|zeg|trouwens|even|en|maar|allereerst|ten eerste|"
        r"leuk filmpje|mooi filmpje|dank je(?: wel)?|bedankt|interessant)[ ,!.:]+",
    ),
)
