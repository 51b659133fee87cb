"""English cue phrases. Written from the label definitions and hard-case conventions in
../shared/data/README.md and from how teachers chat, not from the development sentences."""
from __future__ import annotations

from flows.classifier.lexicon import Lexicon, rx
from flows.classifier.words_en import (
    AUX,
    DESCRIPTIVE,
    EMOTION,
    INTENSIFIER,
    NOT_A_GERUND,
    PERSON,
    PRON,
    QUALITY,
    VERDICT,
)

EN = Lexicon(
    lang="en",
    other=rx(
        # The writer's own pace: "need to think about it for a sec", "I have to rewatch it first".
        r"^(?:i(?:'ll| will)? )?(?:need|have|got) to (?:\w+ )?(?:think|rewatch|re-watch|watch (?:it|this|that|the clip)|"
        r"look at (?:it|this|that|the clip)|have a (?:think|look)|let (?:it|that|this) sink in|process)\b",
        r"(?:my|the) (?:mic|microphone|camera|sound|audio|internet|wifi|connection|laptop|phone|screen|battery|video) "
        r"(?:is (?:off|broken|down|frozen|dead|not|acting)|isn't|keeps|won't|doesn't|froze|freezes|died|dropped|cut|stopped|'s not|is acting|acting up)",
        r"(?:can't|cannot|couldn't) (?:hear|see) (?:you|anyone|anything|the)", r"(?:dial|dialling|dialing|log|logging) (?:back )?in", r"join(?:ing)? (?:back in|from my|via)",
        r"see you (?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", r"(?:lovely|nice|terrible|awful|great) weather", r"resolution", r"(?:lagging|pixelated|blurry) (?:on|for)",
        r"my (?:mic|microphone|camera|internet|wifi|connection|laptop|phone|battery)", r"mic's",
        r"(?<!what's )(?<!what is )(?<!isn't )not working", r"can't hear", r"no sound", r"(?:keeps )?(?:freezing|buffering|lagging)", r"froze",
        r"won't (?:load|play|open)", r"can't (?:open|find|load|play|download) (?:the|it|this)",
        r"(?:link|upload|download|password|log ?in|whatsapp|zoom|(?:ms|microsoft) teams|(?:via|over|on) teams|group chat|spreadsheet|deadline|form)",
        r"what time", r"when (?:do|are|shall|will|should) we", r"(?:start|starting|begin|finish|end|meet)(?: \w+){0,3} (?:later|earlier|tomorrow|next week|next time)",
        r"can we (?:start|begin|finish|stop|meet|move|reschedule|swap)", r"who(?:'s| is)? (?:\w+ ){0,2}(?:bringing|presenting|sharing|up next|next)",
        r"bring(?:ing)? (?:a|the|their|my|your) (?:clip|video|case)",
        r"wrap (?:it |this |things )?up", r"round (?:it |this )?off", r"(?:coffee|tea|lunch|toilet|bathroom) (?:break|run|duty)",
        r"grabbing (?:a )?(?:coffee|tea)", r"back in (?:\d+|a (?:sec|minute|bit)|five|ten)", r"brb", r"be right back",
        r"(?:i'm|i am|sorry|apologies) (?:i'm |i am |for being )?(?:running )?late", r"sorry (?:for|about) (?:the |my )?(?:delay|late|lateness)",
        r"lunch duty", r"playground duty", r"break duty", r"(?:staff|team|parents?) (?:meeting|evening)",
        r"meeting (?:after|at|later)", r"i(?:'ve| have)? got (?:a|to|another)", r"(?:have|need|got) to (?:leave|go|run|dash)",
        r"(?:can't|cannot|won't|wont|might not|may not) make it", r"(?:bad|poor|no|weak|patchy|dodgy) (?:signal|reception|connection|wifi)", r"reading along", r"(?:screen|video|picture|image) (?:\w+ )?(?:goes|went|turns|turned|is|stays) (?:black|blank|white)",
        r"where(?:'s| is| are| can i find| do i find) (?:the|our) (?:recording|clip|video|link|notes|minutes|file|slides|invite|folder)", r"the (?:drive|dropbox|onedrive|sharepoint|shared folder)", r"notes from (?:last|the last|previous|today)",
        r"(?:do|will|did) we (?:\w+ ){0,2}(?:have|get) (?:a |an |the )?(?:session|meeting|intervision|call|break) ", r"(?:is|are) (?:someone|anyone|somebody|anybody) (?:keeping|taking|doing|sharing|sending|hosting|recording)", r"my turn", r"swap (?:my |our )?(?:turn|slot|places)", r"who's next", r"who is next",
        r"first time in (?:this|the) group", r"^test(?: test)+\b", r"^test[!?. ]*$", r"(?:is this|did this|does this) (?:\w+ )?(?:come through|work|arrive)", r"introduce myself", r"my name is", r"i teach (?:year|grade|in|at)",
        r"just (?:joined|arrived|got here|logged on)", r"^(?:apologies|sorry)\b(?!,? (?:\w+ ){0,4}(?:which|what|who|is|are|do|does|did|was|were)\b)", r"(?:is|are|am|'m|'s) (?:\w+ )?(?:home )?(?:sick|ill)\b",
        r"(?:session|meeting|intervision) (?:\w+ ){0,3}(?:on (?:monday|tuesday|wednesday|thursday|friday)|online|in school|moved|rescheduled|cancelled)", r"how does (?:this|it) work", r"on mute", r"muted", r"i'll (?:just )?type",
        r"see you (?:tomorrow|next|later|then|soon|all|on|at|in)", r"^see you", r"have a (?:nice|good|great|lovely|wonderful|fab|relaxing) (?:\w+ )?(?:evening|weekend|day|holiday|break|summer|christmas|night)", r"enjoy (?:the|your) (?:holiday|weekend|evening|break|summer)", r"good night", r"how was (?:your|everyone's) (?:weekend|holiday|day)",
        r"how(?:'s| is| are) everyone", r"schedule", r"reschedule", r"calendar", r"agenda for", r"next session",
        r"in the chat", r"running (?:\w+ )?late", r"(?:\d+|five|ten|a few) min(?:ute)?s? late", r"(?:e-?mail|reminder|invite|invitation)",
        r"(?:my )?(?:screen|audio|video|zoom|teams) (?:\w+ )?(?:froze|freezes|frozen|keeps dropping|cut out)", r"(?:recording|clip|video|link|slides) (?:\w+ )?(?:available|somewhere|shared|uploaded|posted)", r"(?:watch|look at|check|see) (?:the clip|it|the video|the recording) (?:tonight|later|tomorrow|at home|this evening)",
        r"haven't had (?:time|a chance)", r"haven't (?:watched|seen|opened) (?:it|the clip|the video)", r"file is too", r"send (?:it|the clip|the video) (?:again|to)", r"email(?:ed)? (?:it|you|me)",
        r"(?:which|what) (?:round|case|step|part|item|clip) (?:are|is|were) we", r"(?:i'll|i will|let me) (?:do|take|present|bring) (?:the )?(?:next|first|last) (?:case|clip|one|round)",
        r"let's (?:start|begin|move on|get going|take a break|stop|call it|wrap|finish)", r"shall we (?:start|begin|stop|finish|take|move on)",
        r"(?:are|shall|should|can|could|do) we (?:\w+ ){0,2}(?:continuing|continue|carry on|carrying on|stopping|finishing|wrapping up|moving on|done with|(?:have|take|having|taking) (?:a |an )?(?:\w+ )?(?:break|pause|breather))",
        r"(?:the|tonight's|the big) (?:match|football|final) (?:tonight|tomorrow|later|this weekend)", r"(?:match|football|game) tonight", r"(?:nice|good|great|lovely) weekend\?", r"weekend (?:then|plans)",
        r"(?:lost|losing) (?:the |my )?(?:picture|sound|audio|video|connection|signal|image)", r"(?:lost|losing) you", r"out of sync", r"(?:i'll|i will|will) send (?:it|them|the \w+) (?:\w+ )?(?:tonight|later|tomorrow|after|in a bit)", r"^will do\b",
        r"(?:happy )?birthday", r"(?:where's|where is) (?!the\b|your\b|our\b|my\b)\w+ (?:today|tonight|this (?:morning|afternoon|evening))", r"(?:training|inset|study|staff) day",
        r"(?:my|the) (?:picture|image|clip|stream|screen|video|sound|audio) (?:is |'s |keeps )?(?:stuck|frozen|freezing|choppy|glitching|glitchy)", r"choppy",
        r"(?:reload|reloading|refresh|refreshing|restart|restarting|rejoin|rejoining) (?:the |my )?(?:clip|video|page|app|browser|zoom|teams|it|laptop)", r"subtitles", r"captions", r"black screen",
        r"due (?:on |by |next )?(?:monday|tuesday|wednesday|thursday|friday|tomorrow)", r"has anyone (?:\w+ )?(?:finished|done|started|handed in|submitted)", r"sending (?:it|them) (?:tonight|later|tomorrow|now)",
    ),
    other_weak=rx(
        r"^(?:sorry|apologies)\b", r"wrong (?:chat|group|thread)", r"(?:everyone|everybody|all|y'all|folks)[!. ]*$",
        r"^happy (?:friday|monday|weekend|holidays|new year|easter)",
    ),
    other_question=rx(
        r"everyone", r"everybody", r"you all", r"y'all", r"(?:how long|when|where|what time) (?:\w+ ){0,3}(?:session|meeting|call|intervision)",
        r"(?:hear|see) me\b", r"(?:right|correct) (?:group|chat|thread)", r"(?:taking|take|take the) (?:notes|minutes)",
        r"(?:can|may|should|do|shall|could|must) i", r"where (?:do|can|should) i", r"(?:can|could|does|is|has) (?:someone|anyone|somebody|anybody)",
        r"anyone (?:else|want|fancy|need)", r"(?:when's|where's) (?:the|our) (?:next )?(?:session|meeting|call|intervision)", r"(?:where|when|how) (?:should|do|shall|can|must) we (?!(?:\w+ ){0,3}(?:look|focus|watch|pay attention))",
        r"(?:shall|can|could|should) we (?!(?:\w+ ){0,3}(?:look|focus|watch|pay attention|pay))(?:start|begin|read|record|post|meet|swap|move|do|take|finish|stop|use|skip|share|put|go)",
        r"how (?:much|long) (?:time )?(?:do we|have we|per)", r"are we all\b", r"(?:trouble|problems?|issues?) with (?:the )?(?:sound|audio|video|link|clip|connection|file)",
        r"is there (?:a|any) (?:link|recording|form)", r"are we (?:starting|meeting|finishing)", r"(?:are|will) we (?:\w+ ){0,3}(?:online|on zoom|on teams|in person|tomorrow|next week|again|on (?:monday|tuesday|wednesday|thursday|friday))\b",
    ),
    greeting=rx(
        r"^(?:hi|hello|hey|heya|hiya|morning|good morning|good afternoon|good evening|evening|yo)(?: all| everyone| everybody| team| folks| guys| there)?[ !,.]*$",
        r"^(?:hi|hello|hey|good morning|good afternoon|morning) (?:all|everyone|everybody|team|folks|guys)",
    ),
    ack=rx(
        r"^(?:(?:ok|okay|k|kk|noted|got it|gotcha|cool|sure|yes|yep|yeah|no|nope|agreed|same|true|right|exactly|indeed|fair enough|"
        r"sounds good|will do|fine|perfect|great|haha+|lol|lmao|check|done|makes sense|of course|absolutely|oh|ah|hmm+|"
        r"so true|relatable|totally|good point|me too|definitely|yes please|fab|brill|lovely|nice one|super|awesome|alright|cool cool|perfect)[ !.,]*)+"
        r"(?:(?:thanks|thank you|thx|ta|cheers)[ !.,]*)?$",
    ),
    information=rx(
        r"(?<!how )(?<!why )(?<!when )(?<!what )(?<!where )did you know", r"fyi", r"for your information", r"just so you know", r"fun fact",
        r"research (?:\w+ )?(?:shows|suggests|says|has shown|indicates|finds|found|tells us)", r"studies (?:\w+ )?(?:show|suggest|have shown|find|found)",
        r"there(?:'s| is) (?:good |strong |a lot of )?(?:research|evidence)", r"evidence (?:shows|suggests)", r"according to",
        r"per (?!day|week|lesson|child|student|kid|group|person|pupil|class|minute|hour)\w+(?: and \w+)?",
        r"(?:hattie|marzano|dweck|vygotsky|piaget|bloom|rosenshine|sweller|kirschner|wiliam|lemov|korthagen|timperley|maslow|skinner|bandura|deci|ryan|willingham|black (?:and|&) wiliam)(?:'s)?",
        r"theory", r"taxonomy", r"meta-analys[ie]s", r"the literature", r"(?:it's|it is|it has been|it's been) (?:been )?(?:proven|shown|demonstrated)",
        r"the (?:law|rules|guidelines|policy|curriculum|regulations|protocol|framework|sen code|code of practice|safety rules) (?:\w+ )?(?:says?|states?|requires?|is|are|puts?|means?)",
        r"(?:safety|school|exam|health and safety) (?:rules|guidelines|regulations|policy) (?:say|says|require|requires|state|states)",
        r"is called", r"are called", r"(?:that|it|this)'s called", r"so-called", r"ofsted", r"the (?:inspectorate|inspection framework)",
        r"(?:the |our |school )?(?:guideline|policy|rule) is", r"(?:is|are) (?:fully )?(?:developed|mature) (?:until|by|at)", r"(?:studies|research|evidence) (?:\w+ )?on (?:that|this)",
        r"(?:there are|there's) (?:actual |real )?(?:measurements|data|studies)", r"is known as", r"the (?:concept|term|idea) of", r"concept", r"there's a (?:name|term) for",
        r"cognitive load", r"working memory", r"growth mindset", r"learned helplessness", r"zone of proximal", r"retrieval practice",
        r"i (?:once |recently |just |actually )?(?:read|learned|learnt) (?:somewhere |recently |once |in \w+ )?that",
        r"(?:a|really|very|pretty) (?:well[- ]known|common|classic|typical) (?:misconception|phenomenon|effect|finding)", r"robust finding",
        r"percent", r"%", r"on average", r"by law", r"legally", r"are entitled to", r"is entitled to", r"is based on", r"are based on",
        r"(?:a|the) (?:model|framework) (?:of|for|from|by)", r"in (?:the )?[\w-]+ (?:model|approach|method|framework)", r"the brain", r"neuroscience",
    ),
    generic_claim=rx(
        r"(?:work|works|help|helps|lead|leads|improve|improves|increase|increases|reduce|reduces|boost|boosts|build|builds|support|"
        r"supports|predict|predicts|matter|matters|benefit|benefits|learn|learns|need|needs|respond|responds|tend|tends|do|does) "
        r"(?:\w+ )?(?:best|better|worse|more|less|to|from|when|if|than|on|with|most)",
        r"(?:is|are) (?:\w+ )?(?:more |most |less )?(?:effective|important|linked|associated|essential|crucial|key)",
        r"(?:often|usually|generally|typically|in general|on average|tend to|tends to|rarely|seldom|hardly ever)",
        r"(?:students|children|kids|pupils|learners|teachers|people|boys|girls|teenagers|adolescents|toddlers) (?:with|who|in|from) ",
        r"^(?:most |many |young |older )?(?:students|children|kids|pupils|learners|teenagers|people|boys|girls) \w+ (?:\w+ ){0,3}(?:better|more|less|faster|longer|best|easier)\b",
        r"^(?:most |many |young |older )?(?:students|children|kids|pupils|learners|teenagers|people|boys|girls) (?:can|can't|cannot|need|tend|learn|remember|benefit|respond|struggle|only)\b",
    ),
    generic_subject=rx(
        r"^(?:most |many |some |all |young |younger |older |teenage |quiet |shy |struggling |anxious |dyslexic |autistic |eal |new |gifted )*"
        r"(?:students|children|kids|pupils|learners|teenagers|adolescents|toddlers|boys|girls|people|teachers|readers|humans|classes|groups|brains)"
        r"(?: (?:with|who|that|of|in|from|this|at|aged) [\w'-]+(?: [\w'-]+){0,4}?)? (?:can|can't|cannot|need|needs|tend|learn|remember|"
        r"do|don't|benefit|respond|react|struggle|only|often|usually|generally|typically|are|aren't|have|get|find|copy|develop|feel|"
        r"take|lose|make|perform|rarely|seldom|also|still|mostly|want|will|won't|work|thrive|prefer|pay|speak|talk|mirror)\b",
        r"^(?:the )?(?:adolescent|teenage|human|young) brain", r"^(?:a|any) (?:predictable|clear|fixed|consistent|good|visual|daily) \w+ (?:gives|helps|makes|is|reduces|lowers|supports)",
        r"^(?:predictable|clear|fixed|consistent|visual|daily|short|regular|explicit) \w+s (?:give|help|make|reduce|lower|support|lead|keep|prevent|save|cut)\b",
        r"^(?:\w+ ){1,3}(?:is|are) (?:all )?about \w+ing", r"^(?:\w+ ){1,3}means (?:that|you|pupils|students)",
    ),
    deixis=rx(
        r"you", r"your", r"this", r"^that", r"these", r"those", r"he", r"she", r"him", r"her", r"his",
        r"then", r"there", r"here", r"<ts>", r"i", r"my", r"we", r"our", r"us", r"was", r"were",
    ),
    asked_tried=rx(
        r"^(?:(?:and|but|so|ok|okay|well)[,.]? )*(?P<a>what|which(?: [\w'-]+){0,2}|who)"
        r"(?: else)? (?P<b>have you|had you|did you|do you)\b[^,:;]*"
        r"\b(?:tried|try|considered|consider|done|attempted)\b",
        # Asking the inbrenger for options ("What could you try?", "How might you ...?",
        # "What could help you to ...?"): open, whatever tip words follow the modal.
        r"^(?:(?:and|but|so|ok|okay|well)[,.]? )*(?P<a>what|which(?: [\w'-]+){0,2}|how)"
        r"(?: else)? (?P<b>could you|might you|would you|can you)\b(?! not\b)",
        r"^(?:(?:and|but|so|ok|okay|well)[,.]? )*(?P<a>what|which(?: [\w'-]+){0,2})"
        r"(?: else)? (?P<b>could|might|would) (?:\w+ )?(?:help|work)\b",
    ),
    tip=rx(
        # What the writer would do in the inbrenger's place; not "in your shoes I'd be proud".
        r"(?P<a>if i (?:were|was) you|in your (?:shoes|place|position)|if it (?:were|was) me),? "
        r"(?P<b>i(?:'d| would))(?! (?:be|feel|have been)\b)",
        r"(?P<a>you'd) (?P<b>better|best)\b",
        # "Perhaps speaking more softly would help": the thing to try, and that it would help.
        r"^(?P<a>perhaps|maybe),? " + NOT_A_GERUND + r"(?P<b>\w{3,}ing)\b[^,.;:!?]*? "
        r"(?:would|could|might|may|will|can) (?:really |also )?(?:help|work)\b",
        r"(?<!what )(?<!what else )(?P<a>have you) (?:ever |already |maybe |perhaps )*(?P<b>tried|thought about|thought of|considered|looked at|looked into|experimented with)",
        r"(?P<a>did you) (?:ever )?(?P<b>try|consider|think about|think of)(?! (?:it|that) (?:was|would))",
        r"(?P<a>why) (?:don't|dont|not|wouldn't|won't|didn't|do not) (?:you|we|they)?", r"why not",
        r"(?P<a>what if) (?:you|we|they|the|she|he|i|there|instead|next|every|each)", r"(?P<a>what about) (?:\w+ing|a|an|some|the|giving|letting|having|asking)",
        r"how about", r"(?P<a>(?:could|can|couldn't|can't|would|wouldn't) you) (?:not )?(?P<b>just|maybe|perhaps|also|simply|try|use|give|let|put|ask|have|make|start|move|seat|split|set|change|turn|get|pair)",
        r"(?P<a>(?:can't|couldn't) you)", r"(?P<a>would(?:n't)? it) (?:not )?(?:be )?(?P<b>help|better|easier|worth|an idea|a good idea|useful|good|nice|smart|wise|helpful|simpler|calmer)",
        r"(?P<a>is it) (?:not )?(?:maybe )?(?P<b>an idea|worth|an option|better)", r"(?P<a>isn't it) (?P<b>better|easier|an idea|worth)", r"shouldn't (?:you|they|the|we)",
        r"(?P<a>do you) (?:want|need) to (?P<b>try|consider)", r"(?P<a>maybe) (?:you |we |just |try |use |give |let |put |ask |have |seat |start |a |an |some |set |move |split |learn |teach |show |write |play |stand |sit |go |take |get |do |keep |change |swap |pair |make |check |add |drop |cut |send |call |plan |switch |lower |raise |praise )",
        r"(?P<a>perhaps) (?:you |we |try |use |give |let |put |ask |have |a |an )", r"(?:my |a |one |quick |small )?(?:tip|suggestion|idea|advice):",
        r"(?P<a>i(?:'d| would)) (?P<b>suggest|recommend|try|use|just|probably|definitely|start|give|let|put|ask|have|seat|go|keep|make|move|consider|also|maybe|personally|avoid|stop|change|split|pair|set|record|film|talk|lower|slow)",
        r"i (?:suggest|recommend|advise)", r"my (?:advice|tip|suggestion) (?:is|would be)", r"(?:a|one|quick) (?:tip|idea|suggestion)",
        r"(?P<a>could|might) (?:it|that|this) (?:\w+ )?(?P<b>help|work)", r"(?P<a>wouldn't) (?:\w+ ){0,4}(?P<b>be better|work better|help)",
        # A way of one's own classroom held up as the answer ("what works for me is a timer",
        # "in my experience a timer helps"); not praise of the clip ("... is how you wait").
        r"what (?:\w+ ){0,2}?(?:works|helps) (?:\w+ )?(?:for me|in my class(?:room)?|with my \w+)"
        r"(?:,? \w+(?: \w+)?)?,? is(?!(?: \w+){0,6}? (?:you|your|you're)\b)",
        r"^what i (?:always|usually|normally|often|tend to|just) do is",
        r"(?P<a>in my experience),? (?:[\w'-]+ ){1,6}?(?P<b>helps|works)",
        r"i(?:'ve| have) (?:had )?(?:\w+ )?(?:good|great|positive) (?:results|experiences?|luck) (?:with|using|by)",
    ),
    tip_statement=rx(
        r"(?P<a>might|may|could|would) (?:really |also |probably |just )?(?P<b>help) (?:them|him|her|the (?:class|group|kids|pupils)|a lot|here)\b",
        # "you shall": how speech-to-text (pocketsphinx) hears a spoken "you should".
        r"(?P<a>you (?:could|should|shall|might|may|can|need to|have to|ought to|must|'d better|had better|might want to|may want to|could always|can always))"
        r"(?! (?:see|hear|tell|notice|be proud|feel|be so|be really|really see|clearly))",
        r"(?P<a>you (?:shouldn't|mustn't|should not|must not))(?! (?:have|be so|be able|feel)\b)",
        # Advice about what the pupils should do ("The pupils should work in pairs"). Not what
        # they should have done, know or be able to by now: that judges the class.
        r"^(?:and |so |but |maybe |then )?(?P<a>(?:they|the (?:pupils|kids|children|students|class|boys|girls|group|groups)|he|she)(?: should| ought to| had better|'d better))(?! (?:be (?:able|proud|happy|fine)|have (?:been|had|done|seen|known|\w+ed)|know|already|feel|get|see|hear)\b)",
        r"(?P<a>you) (?:really|just|definitely|honestly|probably|also|simply|seriously|totally) "
        r"(?P<b>should|ought to)(?! (?:have (?:seen|heard|been|noticed|felt)|see|hear|tell|notice|be proud|feel)\b)",
        r"(?P<a>you) (?:really|just|definitely|honestly|probably|also|simply|seriously|totally) "
        r"(?P<b>need to|have to|must)(?! (?:have|see|hear|tell|notice|be proud|feel)\b)",
        r"(?P<a>it(?:'d| would| might| could| may| will| can)?) (?:\w+ )?(?P<b>help|be (?:worth|better|good|helpful|useful|smart|wise|a good idea|an idea|nice|easier))(?! (?:me|us))",
        r"(?:it's|it is) (?:\w+ )?(?:worth|better|a good idea|helpful|useful) (?:to|if|trying)", r"next time", r"from now on",
        r"make sure", r"don't forget", r"remember to", r"worth (?:trying|a try|considering|a shot)", r"(?:what|something that) (?:\w+ )?(?:works|helps|helped|worked) (?:for me|in my class|with my)(?!(?: \w+){0,8}? (?:you|your|you're)\b)",
        r"in my class i", r"i always (?:use|do|start|give|let|have|put|ask)",
        # Advice from one's own classroom ("one thing that really helped me was ..."); not "what
        # works for me", which also praises the clip ("what works for me is the song").
        r"(?:one thing|something|what|the thing) (?:that )?(?:\w+ ){0,2}?helped me\b", r"(?:try|consider) (?:\w+ing|to|and|a|an|the|some|it|this|that|giving|using)",
        r"^(?:just|maybe|perhaps|then|and|so) (?:use|give|put|let|try|start|ask|seat|move|make|keep|set|have|split|pair|swap|turn|stop|wait|count|praise|ignore|name|write|show|add|cut|plan|prepare|bring|introduce|agree|limit|assign|rotate|change|record|film|sit|stand|walk|lower|raise|speak|reward|involve|allow|create|build|offer|get|take|send|pick|break|play|repeat|slow|skip|avoid|focus|be|do|hand|model|practise|practice|give)\b",
        r"instead of (?:\w+ing)", r"^(?:a|an|some|more|less) (?:[\w'-]+ ){0,3}(?:would|could|might) (?:\w+ ){0,3}(?:help|sort|fix|solve|work|make|give|calm)",
        r"worth (?:trying|a try|a go)", r"the best (?:thing|way) (?:is|would be)",
        r"^(?:it'?s |it is |it'd be |it would be |might be |may be |could be |probably |maybe )?(?:better|best|smarter|smart|wise|wiser|worth it|a good idea|good|handy|helpful) to (?!see|hear|watch|know|have you)\w+",
        r"(?:might|may|could|would) be (?:\w+ )?(?:smart|wise|worth|a good idea|an idea|helpful|useful|good) to",
        r"(?:might|may|could|would|it's|it is|is) (?:be |also be |definitely be )?worth \w+ing",
        r"(?P<a>i(?:'d| would)) (?:\w+ly |also |just |probably |definitely )?(?!(?:say|have|be|think|guess|imagine|love|like|agree|argue|call|expect|hope|bet|rather|want|need|know|feel|ask you)\b)(?P<b>\w+)",
    ),
    imperative=rx(
        r"^(?:use|give|put|let|try|start|ask|seat|move|make|keep|set|have(?! a (?:\w+ )?(?:day|evening|weekend|holiday|break|night))|split|pair|swap|turn|stop|count|praise|"
        r"ignore|name|write|show|add|cut|plan|prepare|bring|introduce|agree|limit|assign|rotate|change|record|film|"
        r"sit|stand|walk|lower|raise|speak|reward|involve|allow|create|build|offer|get|take|send|pick|break|play|"
        r"repeat|slow|skip|avoid|focus|be|do|hand|model|practise|practice|don't|dont|consider|include|vary|mix|wait(?! time)|"
        r"shorten|simplify|reduce|increase|post|label|display|number|group|seperate|separate|call|check in|greet|"
        r"thank|acknowledge|celebrate|schedule|give|switch|replace|remove|drop|add|hold|set up|line up|think about)"
        r"(?! (?:you|i|we)\b)(?: |$)",
    ),
    open_request=rx(
        r"(?P<a>(?:can|could|would|will) you) (?:please |maybe |perhaps )?(?P<b>say more|tell (?:us|me)|describe|explain|unpack|walk (?:us|me)|talk (?:us|me|about)|"
        r"elaborate|expand|give (?:us |me )?an example|share (?:more|what|how|a bit)|paint|clarify|put into words|help (?:us|me) understand|say a bit)",
        r"tell (?:us|me) (?:a bit |a little )?(?:more|about|what|how|why)", r"(?P<a>i(?:'m| am| was)) (?:really |so |just |kind of )?(?P<b>curious|wondering|interested) (?:about|what|how|why|where|which|to hear)",
        r"i wonder (?:what|how|why|where|which)", r"say (?:a bit |a little )?more", r"help (?:us|me) understand", r"(?:walk|talk|take) (?:us|me) through",
        r"(?:i'd|i would) (?:love|like) to (?:hear|know|understand)",
    ),
    reflection=rx(
        # In speech "so" also opens what restates nothing ("so with behaviour there's that idea").
        r"^so,? (?!(?:what|how|why|when|where|who|which|do|does|did|is|are|was|were|can|could|should|would|shall|will|we|i|"
        r"sorry|glad|cool|nice|far|much|many|good|great|true|let's|next|before|after|at|today|tomorrow|proud|happy|brave|lovely|"
        r"impressed|relatable|recognisable|recognizable|inspiring|helpful|useful|interesting|grateful|thankful|well done|"
        r"with|there|there's|basically|yeah|yes|anyway|like|just|okay|ok|um|uh)\b)",
        r"(?:that|it|this) must (?:be|have been|feel|have felt) (?:\w+ )?(?:" + EMOTION + r"|hard|difficult|tough|scary|frustrating|painful|"
        r"exhausting|confusing|stressful|lonely|upsetting|draining|awkward|a relief)",
        r"(?:it|that) (?:does )?sounds? (?:like|as if|as though)",
        r"you(?:'re| are) not (?:sure|certain|convinced)", r"you(?:'re| are) (?:still )?(?:unsure|uncertain|torn|wondering)",
        r"(?P<a>(?:it )?sounds) (?P<b>like|as if|as though)", r"it seems (?:like|as if|as though|that) you(?:'d|'re|'ve|'ll)?", r"(?P<a>if i) (?P<b>understand|hear|get|follow)",
        r"what i(?:'m)? hear(?:ing)?", r"you(?:'ve| have)? (?:got )?(?:the |this |a )(?:feeling|sense|impression|idea) (?:that )?", r"what (?:really |most |mostly |mainly )?(?:bugs|bothers|frustrates|worries|annoys|upsets|gets to|troubles|stresses|scares|hurts|keeps you|surprises|surprised|bothered|frustrated|worried) you", r"what you(?:'re| are)? (?:saying|describing|telling)", r"you(?:'re| are) (?:saying|telling us)",
        r"in other words", r"^(?:in short|to sum up|so in short|in a nutshell)\b", r"feels to you (?:like|as if|as though)", r"if i(?:'ve| have)? got (?:this|it|you) right", r"you mean", r"for you,? (?:it|the|this|that)", r"part of you",
        r"on (?:the )?one hand", r"what i'm picking up", r"you're wondering", r"you wonder",
        r"i(?:'m| am) (?:hearing|sensing|picking up)", r"(?:is|are|was|feels|seems) (?:\w+ )?(?:hard|difficult|tough|heavy|a struggle|a lot|draining|stressful) for you",
        r"weigh(?:s|ing)? on you", r"(?:mostly |mainly |what )?i hear (?:is )?that you", r"you(?:'re| are) (?:really |still |just |kind of )?(?:questioning|trying to|looking for|hoping|searching|struggling|asking yourself|wondering|second-guessing)", r"i (?:hear|sense|get the sense|get the feeling|can hear) (?:a lot of |some |that you|you)",
        r"(?:it )?sounds like (?:this|the|that|it)", r"(?:so )?(?:if i'm hearing|from what you say|from what you said)",
    ),
    reflection_you=rx(
        r"(?P<a>you) (?:really |actually |still |just |kind of |sort of |mostly |mainly |also )*(?P<b>feel|felt|want|wanted|'d like|would like|think|thought|hope|hoped|wish|wished|fear|feared|worry|"
        r"worried|noticed|realised|realized|realise|realize|struggle|struggled|find it|found it|don't know|didn't know|miss|missed|care|value|"
        r"need|needed|doubt|doubted|find|found|see|expect|expected|seem to|are questioning|'re questioning|'re trying|are trying|'re looking|are looking|'re hoping|'re afraid|are afraid|aren't sure|weren't sure|'re not sure|were not sure|can't decide|question|questioned|blame|dread)\b",
        r"(?P<a>you(?:'re| are| were| seem| seemed| sound| sounded| feel| felt| got| get| became))(?: \w+)? (?:a bit |quite |really |so |rather |kind of |a little |pretty |more )?(?P<b>" + EMOTION + ")",
        r"your (?:worry|fear|concern|frustration|doubt|feeling|sense|hope|wish) is", r"you(?:'d| would) (?:really )?(?:like|love|prefer|rather|want)", r"(?:it|that|this) (?:frustrates|frustrated|bothers|bothered|annoys|annoyed|hurt|hurts|surprised|worries|worried|scares|scared) you",
    ),
    affirmation=rx(
        r"(?:what a|such a|great|good|strong|sharp|brilliant|lovely) (?:\w+ ){0,2}learning question",
        r"(?:thanks|thank you|cheers|grateful|thx|ta) (?:so much |very much |a lot |again |everyone |all )?(?:for|to you|that)",
        r"(?P<a>you(?:'re| are)) (?:such |so |a |an |really |truly |clearly |obviously |the |one |great |amazing )+(?:\w+ )?(?P<b>" + PERSON + ")",
        r"your " + QUALITY + r" (?:\w+ ){0,3}?(?:is|are|really|shows|makes|comes|shines|was)", r"well done", r"good (?:on|for) you",
        r"(?:good|brave|great|kind|generous|lovely) of you", r"great (?:that|to (?:have|see)) you", r"glad (?:you(?:'re| are)|to have you|you)",
        r"(?:so )?brave", r"courageous", r"it takes (?:guts|courage)", r"kudos", r"hats off", r"proud of (?:you|yourself)",
        r"keep (?:it up|going|up the good work|doing what you)", r"you(?:'ve| have) got this", r"you(?:'re| are) doing (?:great|well|a (?:\w+ )?job|amazing|so well|brilliantly)",
        r"lucky to have (?:you|a teacher)", r"(?:it )?really shows", r"you handled", r"welcome(?: back| to the group)?",
        r"(?:nice|good|great|lovely) to (?:see|have) you", r"i admire", r"(?:really |so )?(?:appreciate|respect) (?:you|your|how you|that you)",
        r"(?:great|nice|good|love|lovely) (?:that|how) you(?:'re| are)? ?(?:shar|ask|post|open|honest|reflect|brought|bring|trust|keep|show)\w*",
        r"you(?:'ve| have) (?:grown|come a long way|improved so much)", r"(?:how much|how far) you(?:'ve| have) (?:grown|come)",
        r"you (?:\w+ )?put (?:a lot of|so much|real) (?:work|effort|thought|time|heart|care) into", r"i (?:love|admire|appreciate) (?:how|that|the way)(?: much| hard| well| far)? you",
        r"you(?:'ve| have)? got (?:a |such a |a real |real )(?:gift|talent|knack|way with)", r"(?:big |huge |much )?respect (?:for|to you)", r"^respect\b",
        r"(?:are|is) lucky to have you", r"it's getting better", r"inspir(?:ing|ation)",
        r"(?:what a|such a) (?:\w+ )?" + PERSON, r"you(?:'re| are) such an? ", r"you(?:'re| are) a (?:\w+ )?(?:presence|force|gift)",
        r"(?:it|that)(?:'s| is) (?:a|such a|really a) (?:real )?(?:strength|gift|talent) (?:of yours)?",
        r"you(?:'ve| have)? (?:got )?(?:such |so much |the |a (?:real |lovely |great )?|real |lots of )?(?:\w+ )?" + QUALITY + r"\b(?! (?:when|at|in the|during))",
        r"you(?:'re| are) (?:so |really |clearly |obviously |visibly |such |very |genuinely |incredibly |always )*(?:patient|warm|calm|caring|committed|invested|dedicated|kind|passionate|"
        r"engaged|involved|reflective|thoughtful|open|honest|brave|resilient|enthusiastic|positive|approachable|genuine|authentic|a natural|a star|amazing|great|brilliant|fab)\b",
        r"you (?:really |clearly |obviously |truly )?(?:see|notice|know|sense|get) (?:what|how|when|who) (?:each|every|the|your|they|those|these|kids|children|pupils|students)",
        r"(?:what a|such) " + QUALITY, r"go for it", r"you can do (?:this|it)", r"(?:impressive|amazing|lovely|great|admirable|inspiring) how (?:\w+ )?(?:open|honest|calm|brave|patient|reflective|committed|warm|positive) you",
        r"(?:great|nice|good|love|lovely) (?:that|how) you(?: \w+){0,2} (?:share|ask|post|open|show|bring|film)\w*", r"be yourself", r"you(?:'re| are) (?:such |an absolute |a real )?(?:a )?(?:joy|pleasure|delight|treat) (?:to|for)", r"you(?:'ve| have)? come (?:such |so |a )?(?:a )?long way", r"you(?:'ve| have)? come so far", r"you never give up", r"you (?:always |really )?(?:stay|remain|keep) (?:so |really |very )?(?:calm|patient|positive|kind|warm|cool)",
        r"^(?:i )?love (?:how|that) (?:\w+ ){0,2}(?:open|honest|brave|calm|patient|reflective|committed|warm|positive) you", r"don't (?:doubt|be so hard on) yourself", r"stop doubting yourself", r"hang in there",
        r"(?:thanks|thank you)(?: so much| again| very much)? for (?:sharing|bringing|showing|being|letting|trusting|posting|your (?:openness|honesty|clip|courage))",
    ),
    thanks=rx(r"(?:thanks|thank you|cheers|ta|many thanks|thx)(?: (?:so much|a lot|again|everyone|all|guys))?[ !.]*$",
              r"(?:thanks|thank you|cheers) (?:for|to)"),
    clip_praise=rx(r"(?:great|nice|brilliant|lovely|strong|sharp|good|interesting|cool|fascinating|rich|powerful) (?:clip|video|learning question|recording|fragment|choice of clip)"),
    classroom_moment=rx(
        r"<ts>", r"when you", r"moment", r"the way you \w+", r"how you \w+(?:ed|ing) (?:the|that|them|him|her|it)", r"\w+ed (?:the|that|them|it)",
        r"(?:the |that |your )?(?:lights|board|task|explanation|instruction|song|circle|timer|game|music|worksheet|silence|wait time|transition|recovery|joke|reaction)",
    ),
    intervision_meta=rx(
        r"shar\w*", r"post\w*", r"ask\w*", r"bring\w*", r"show\w*", r"film\w*", r"help", r"learning question", r"clip", r"video", r"recording", r"group",
        r"learn\w*", r"reflect\w*", r"honest\w*", r"open\w*", r"vulnerab\w*", r"trust\w*", r"feedback", r"grow\w*", r"brave",
    ),
    positive=rx(
        r"good", r"great", r"nice", r"lovely", r"brilliant", r"amazing", r"awesome", r"fantastic", r"wonderful", r"impressive",
        r"inspiring", r"excellent", r"beautiful", r"strong", r"superb", r"outstanding", r"warm", r"caring", r"admirable",
    ),
    second_person=rx(r"(?<!can )(?<!could )you(?! can (?:see|tell|hear))", r"your", r"yourself", r"you're", r"you've"),
    too=rx(r"(?:way |a bit |a little |far |just |much |rather |slightly )?too (?!much time\b)(?!(?:\.|,|!|\?|$))(?!(?:i|we|you|they)\b)\w+"),
    opinion=rx(
        # "What works for me is how you wait": praise of the inbrenger's own move (README).
        r"^what (?:\w+ ){0,3}?(?:works|worked)(?: [\w']+){0,5}? (?:is|was) (?:how|when|that|the way) (?:you|your)\b",
        r"(?:have|has|'ve|are|is|were|was) (?:clearly|obviously|totally|completely|just) (?:checked out|switched off|given up|zoned out|tuned out|lost interest|disengaged|bored|lost)", r"i think", r"i reckon", r"i feel like", r"i feel (?:that|the|it|this)", r"i believe", r"i'd say", r"in my (?:opinion|view|eyes)", r"(?<!out )(?<!struck )to me",
        r"^personally", r"personally,", r"^honestly", r"honestly,", r"frankly", r"my (?:impression|feeling|sense|gut) is", r"i get the (?:impression|feeling|sense)",
        r"i suspect", r"i guess", r"seems to me", r"if you ask me", r"i don't think", r"i doubt", r"i (?:really )?(?:like|liked|love|loved|didn't like|don't like|enjoyed|prefer)",
        r"(?:is|was|seems|seemed|looks|looked) (?:just |simply |clearly |obviously )?(?:bored|lazy|naughty|tired|insecure|shy|scared|anxious|confused|lost|checked out|disengaged)",
        r"not naughty", r"i'm not (?:sure|convinced) (?:that|it|this|the|about)", r"i(?:'d| would) have", r"i wasn't (?:sure|convinced)", r"i missed",
        r"i'm (?:a bit |not )?(?:worried|concerned) (?:that|about)", r"my (?:worry|concern) is",
    ),
    evaluative=rx(
        r"(?:way |a bit |a little |far |just |much |rather |slightly )?too (?!much time\b)(?!(?:i|we|you|they)\b)\w+",
        VERDICT, INTENSIFIER + " " + DESCRIPTIVE, r"what a", r"how (?:nice|great|lovely|cool|clever|smart)", r"not (?:very |so |that |really )?(?:effective|clear|helpful|useful|good|great)",
        r"(?:worked|works|work) (?:really |so |very )?(?:well|nicely|brilliantly|great|a treat)", r"didn't (?:really )?work", r"doesn't (?:really )?work",
        r"(?:doesn't|didn't|does not|did not) (?:really )?(?:suit|fit|match|work for)", r"(?:suits|suited|fits|fitted) (?:\w+ )?(?:well|perfectly|nicely)",
        r"(?:is|was|were|are|seems|seemed|looks|looked|sounded|felt) (?:(?!\w+ing\b)\w+ )?(?:really|very|quite|rather|a bit|so|pretty|super|a little|slightly|kind of|extremely) (?!\w+ing\b|much\b|too\b)\w+",
        r"(?:the )?right (?:call|choice|move|decision)", r"^(?:really )?(?:loved|love|liked|enjoyed) (?:how|the way|that|it when)", r"(?:went|go|goes|ran) (?:really |so |super |very )?smooth(?:ly)?",
        r"(?:was|is) (?:a|an) (?:real |absolute )?(?:winner|hit|success|highlight|disaster|failure|win)", r"(?:a )?(?:good|great|smart|clever|wise|bad|poor|strange|odd|brave) (?:call|choice|move|decision|idea|question|example|touch)",
        r"(?:is|was|are|were) (?:just )?(?:ideal|perfect|spot on|a great fit|the way to go)", r"(?:worked|works|went) (?:really |so |just )?(?:perfectly|beautifully|brilliantly|like a charm|fine)",
        r"backfir\w*", r"(?:more|less) (?:hectic|chaotic|calm|focused|effective) ",
        r"fell flat", r"missed (?:opportunity|chance)", r"(?:a shame|a pity) (?:that|you)", r"(?:went|goes) (?:really |so )?(?:well|badly)", r"over the top", r"a (?:bit|little) (?:much|off|of a mess)", r"felt (?:\w+ )?(?:rushed|forced|off|long|slow|flat)",
        r"(?:looks|looked|sounds|sounded|feels|felt|seems|seemed) (?:really |very |a bit |quite |so )?(?:cluttered|messy|rushed|chaotic|good|great|off|strange|odd|harsh|cold)",
    ),
    verdict_question=rx(
        r"(?:a bit|a little|rather|way|far|really|very|quite|pretty) (?:much|long|short|hard|easy|fast|slow|loud|strict|harsh|soft|rushed|chaotic|messy|boring|vague|odd|strange|weird)",
        r"(?:a bit|a little|kind|sort) of (?:a )?(?:waste|shame|pity|overkill|letdown|mess)",
        r"don't you think", r"wouldn't you (?:say|agree)", r"(?:isn't|wasn't|aren't|weren't) (?:[\w'-]+ ){1,6}(?:quite |rather |a bit )?(?:a lot|much|overkill)\b", r"(?:isn't|wasn't|aren't|weren't) (?:it|that|this|he|she|they|the \w+) (?:a bit |rather |quite |just |kind of |a little |maybe )?(?:too|very|so|really|quite|rather|a bit)",
        r"(?:isn't|wasn't) (?:that|it|this) (?:a bit|rather|quite|just|kind of)", r"(?:aren't|weren't|don't|didn't) you (?:\w+ )?(?:too|a bit|rather)",
    ),
    suggestive_question=rx(
        r"^(?P<a>next time),? (?:maybe |just |perhaps |try )?(?!(?:we|i|you|is|are|it|there|was|will)\b)(?P<b>\w+) (?:the|a|an|them|it|more|less|some|with|him|her|by|your)\b",
        r"^(?:and |or )?(?:maybe|perhaps)\b", r"^(?:a|an|some) (?:[\w'-]+ ){0,4}(?:first|instead|beforehand|at the start)\b", r"^(?:a|an|some) (?:[\w'<>-]+ ){1,7}(?:maybe|perhaps)[?!. ]*$",
        r"(?:wouldn't|won't|couldn't|shouldn't) (?:\w+ ){0,4}?(?:be )?(?:better|easier|simpler|calmer|quicker|more|less|smaller|shorter|work)",
        r"(?:would|could) (?:\w+ ){0,3}?(?:help|work better)", r"would it make sense", r"(?:be|is it|be it) (?:an? |another |one )?(?:option|idea|possibility|solution)",
    ),
    wh_start=rx(
        r"^(?:(?:and|but|so|ok|okay|oh|hmm|right|then|yeah|well|now|alright)[,.]? )*(?:what's|how's|where's|who's|when's|why's|what|who|whom|whose|where|when|why|how|which|in what way|to what extent|at what point|in which|on what)\b(?! (?:a|an)\b)",
        r"(?<=,) (?:and |so )?(?:what|who|where|when|why|how|which)\b",
    ),
    short_answer=rx(
        r"how (?:many|much|old|long|often)", r"when (?:was|is|did|were|does)", r"where (?:is|was|were|are|do|does|did)",
        r"who(?:'s| is|was|are|were|did)", r"which (?:grade|year|class|group|subject|day|school|level|lesson|period|room)",
        r"what (?:grade|year|age|time|subject|day|level|period|room)",
    ),
    mental=rx(
        r"(?:do|did|does|would|were|are|will) you (?:\w+ )?(?:think|feel|want|hope|notice|expect|mean|make|see|learn|know|wish|need|like|struggle|find)",
        r"you (?:think|feel|felt|thought|want|wanted|hoped|noticed|expected|mean|made|learned|wished|like)", r"for you", r"to you", r"yourself",
        r"going on for you", r"in your mind", r"through your (?:head|mind)",
    ),
    yes_no_start=rx(r"^(?:(?:and|but|so|ok|okay|oh|hmm|right|yeah|well|now|alright)[,.]? )*" + AUX + r" " + PRON + r"\b"),
    # Only tags that check what the peer understood: "..., right" and "..., isn't it" also end
    # verdicts ("great call, right"), which are opinions, not questions.
    question_tag=rx(r"is that (?:right|correct|it|what you mean)$", r"am i right$", r"did i get that right$"),
    exclamation=rx(r"^(?:what a|how (?:nice|great|lovely|cool|clever|brave|wonderful|amazing|fun|sweet))\b"),
    statement_start=rx(r"^what (?:\w+ ){0,2}?(?:helped|worked for) me\b", r"^what (?:\w+ ){0,2}?(?:works|helps) (?:\w+ )?(?:for me|in my class|with my)\b", r"^what (?:[\w']+ ){0,2}?(?:works|worked|helps|helped)(?: [\w']+){0,3}? (?:is|was) (?!it\b)", r"^what i (?:always|usually|normally|often|tend to|just) do is\b", r"^what (?:really |most |also )?(?:stands|stood) out (?:to|for) me\b", r"^what (?:really |most |also )?(?:strikes|struck) me\b", r"^what (?:i|you(?:'re| are)? (?:saying|describing|telling))", r"^(?:so )?what (?:really |most |mostly |mainly )?(?:bugs|bothers|frustrates|worries|annoys|upsets|gets to|troubles|stresses|scares|hurts|keeps you|surprises|surprised|bothered|frustrated|worried) you", r"^who knows", r"^how lucky"),
    perception=rx(
        r"right at the (?:start|beginning|end)", r"at the (?:very )?(?:start|beginning|end) of the (?:clip|video|recording)",
        r"in the (?:first|last|second|third) (?:minute|minutes|seconds|few seconds)",
        r"i (?:also |just |really |even |then )?(?:see|hear|saw|heard|notice|noticed|count|counted|spot|spotted)", r"you can (?:see|hear)", r"we (?:see|hear|can see|can hear)",
        r"in the (?:clip|video|recording|footage|frame|shot)", r"the camera", r"on (?:camera|screen|the video|the recording)",
        r"you can tell", r"it's visible", r"is visible", r"what (?:strikes|struck) me", r"it (?:strikes|struck) me",
        r"(?:stands|stood) out (?:to|for) me",
    ),
    clip_subject=rx(
        r"you", r"your", r"<ts>", r"kids?", r"child(?:ren)?", r"pupils?", r"students?", r"class(?:room)?", r"group\w*", r"boys?",
        r"girls?", r"everyone", r"nobody", r"(?:he|she|they|his|her|their)", r"tables?", r"desks?", r"board", r"room", r"camera",
        r"door", r"window", r"circle", r"whiteboard", r"smartboard", r"timer", r"clock", r"chairs?", r"hands?", r"voice", r"rows?", r"lesson", r"task", r"corner", r"corridor",
        r"books?", r"phones?", r"carpet", r"front", r"back",
        # What someone in the clip does, in the present tense.
        r"walks", r"sits", r"stands", r"throws", r"picks", r"looks", r"talks", r"laughs", r"cries", r"shouts", r"says",
        r"puts", r"raises", r"drops", r"turns", r"writes", r"reads", r"answers", r"comes", r"goes", r"points",
    ),
    lead_in=rx(
        r"^(?:hi|hello|hey|ok|okay|well|oh|ah|hmm+|yeah|yes|no|right|honestly|also|and|but|btw|by the way|first|firstly|"
        r"great clip|nice clip|lovely clip|thanks(?: for sharing)?|thank you(?: for sharing)?|interesting|wow|haha|lol)[ ,!.:]+",
    ),
)
