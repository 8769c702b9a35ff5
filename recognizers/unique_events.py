"""Quasi-identifying events, roles and characteristics -> ``UNIQUE_EVENT``.

HIPAA Safe Harbor item (R): "any other unique identifying number, characteristic,
or code".  In therapy notes these are phrases that point to one person in a
community: "the only rabbi in the county", "the town's only tattoo artist",
"won the state lottery", "was on the news after the fire", "the sole survivor of
the crash", "the youngest person ever elected to the council", "the local TV
weather presenter".  Detected by structure only (no list of events):

* ``the only|sole <1-4 words> in|on|at (the) <community word>`` (town, county,
  district, valley, region, port, state, village, island, ...);
* ``the <town|county|...>'s only <1-4 words>``;
* ``the first|youngest|oldest|last <1-4 words> (ever) <elected|admitted|appointed|...> ...``;
* ``the sole survivor of ...``, ``won the <...> lottery|award|show|prize ...``,
  ``was on the (local|national) news ...``, ``made (national) headlines``,
  ``went viral``, ``the subject of the (widely shared) <...> appeal|story``,
  ``the local TV|radio <role>``, ``the former mayor|sheriff of ...``,
  ``Olympic <...> medallist``, ``drafted first overall``.

A phrase runs to the end of its clause (punctuation, "so", "which", "and", a
pronoun or a filler), at most eight more words.  Weak signals are left alone:
"the only one who", "the only thing that helps" do not match (a community word
or an event word is required).
"""
from __future__ import annotations

from ._anchored import GatedRegexRecognizer
from ._base import Rx

W = r"[\w'’-]+"
_STOPW = (
    r"(?:so|which|and|but|because|who|that|i|you|he|she|they|we|it|um|uh|like|yeah|okay|"
    r"since|when|if|then|makes?|making|everybody|everyone|people|group|was|were|is|are|"
    r"has|have|had|with|although|though|while|after|said|says|reported|mentioned|last\s+week)"
)
TAIL = rf"(?:\s+(?!{_STOPW}\b){W}){{0,8}}"
TAIL_SHORT = rf"(?:\s+(?!{_STOPW}\b){W}){{0,4}}"
WORD = rf"(?!(?:{_STOPW}|one|thing|things|time|times|way|reason|person\s+who)\b){W}"
COMMUNITY = (
    r"(?:town|city|county|district|valley|region|port|state|country|village|island|area|"
    r"province|territory|community|parish|suburb|neighbou?rhood|world|nation|league|"
    r"shire|borough|hospital|school|district|practice|force|department|fleet|navy|army|"
    r"church|congregation|tribe|reservation|township|metro|harbou?r|valley|coast|bay|county)"
)
EVENT_VERB = (
    r"(?:elected|admitted|appointed|named|drafted|inducted|ordained|licensed|crowned|selected|"
    r"awarded|to\s+win|to\s+climb|to\s+swim|to\s+row|to\s+fly|to\s+graduate|to\s+serve|to\s+hold|"
    r"to\s+receive|to\s+be|in\s+the\s+(?:state|county|country|town|region)|woman|man|person)"
)
PRIZE = (
    r"(?:lottery|lotto|jackpot|powerball|award|prize|medal|championship|title|contest|"
    r"competition|show|election|race|marathon|pageant|tournament|cup|grand\s+final|scholarship|"
    r"raffle|sweepstakes)"
)

PATTERNS = [
    Rx(
        "only_x_in_community",
        rf"\b(?P<phi>(?:the\s+{WORD}\s+of\s+)?the\s+(?:only|sole)\s+(?:{WORD}\s+){{1,4}}(?:in|on|at|of|for)\s+(?:the\s+|this\s+|our\s+|my\s+)?"
        rf"(?:{W}\s+){{0,2}}{COMMUNITY}\b)",
        0.65,
    ),
    Rx(
        "community_s_only",
        rf"\b(?=(?:the\s+)?\w+['’]s\s+(?:only|sole|first|last|oldest|youngest)\b)(?P<phi>(?:the\s+)?{COMMUNITY}['’]s\s+(?:only|sole|first|last|oldest|youngest)\s+{WORD}(?:\s+{WORD}){{0,3}})",
        0.65,
    ),
    Rx(
        "first_ever",
        rf"\b(?P<phi>the\s+(?:first|youngest|oldest|last|only)\s+(?:{WORD}\s+){{1,4}}(?:ever\s+)?{EVENT_VERB}\b{TAIL})",
        0.6,
    ),
    Rx(
        "sole_survivor",
        rf"\b(?P<phi>(?:the\s+)?(?:sole|only|last)\s+survivor\s+of{TAIL})",
        0.7,
    ),
    Rx(
        "won_prize",
        rf"\b(?P<phi>(?:the\s+(?:{WORD}\s+){{1,2}}who\s+(?:has\s+|had\s+|once\s+)?)?(?:won|wins|winning|win)\s+(?:the|a|an|this\s+year['’]s|last\s+year['’]s)\s+(?:{W}\s+){{0,4}}{PRIZE}\b{TAIL_SHORT})",
        0.6,
    ),
    Rx(
        "on_the_news",
        rf"\b(?P<phi>(?:the\s+{WORD}\s+whose\s+(?:{WORD}\s+){{0,3}})?(?:was|were|been|being|got|is|appeared)\s+(?:all\s+)?(?:on|in)\s+the\s+(?:local\s+|national\s+|evening\s+|front\s+page\s+of\s+the\s+)?"
        rf"(?:news|papers?|newspapers?|headlines)\b(?:\s+(?:after|for|because\s+of|about|over)\s+(?:{W}\s+){{0,5}}{W})?)",
        0.6,
    ),
    Rx(
        "headlines_viral",
        rf"\b(?P<phi>(?:made|making|hit|grabbed)\s+(?:the\s+)?(?:national\s+|international\s+|local\s+)?headlines)\b",
        0.55,
    ),
    Rx(
        "viral",
        rf"\b(?P<phi>the\s+(?:{WORD}\s+){{1,3}}(?:who|that)\s+(?:was\s+|were\s+)?(?:filmed|went|gone|landed|rescued|"
        rf"pulled|saved|found|survived|escaped|was\s+filmed)\b{TAIL})"
        rf"(?<=\b(?:viral|video|headlines|news|river|plane|fire|flood|crash|rescue|rescued|collapse|"
        rf"capsizing|storm|shark|bear|avalanche)\b[\w\s'’-]{{0,60}})",
        0.6,
    ),
    Rx(
        "subject_of_appeal",
        rf"\b(?P<phi>(?:was\s+|were\s+)?the\s+(?:subject|focus|face)\s+of\s+(?:the|a|an)\s+(?:{W}\s+){{0,4}}"
        rf"(?:appeal|campaign|story|documentary|investigation|manhunt|search|podcast|article|case|scandal|trial)\b)",
        0.6,
    ),
    Rx(
        "local_media_role",
        rf"\b(?P<phi>the\s+(?:local|town['’]s|city['’]s|county['’]s)\s+(?:tv|television|radio|news)\s+{W}(?:\s+{W}){{0,2}})"
        rf"(?<=\b(?:presenter|anchor|host|reporter|announcer|personality|meteorologist|dj|newsreader|forecaster|weatherman|weatherwoman|man|woman|girl|guy)\b)",
        0.6,
    ),
    Rx(
        "former_office",
        rf"\b(?P<phi>(?:the\s+)?(?:former|ex-|current|retired)\s*(?:mayor|sheriff|police\s+chief|fire\s+chief|"
        rf"governor|senator|congressman|congresswoman|mp|member\s+of\s+parliament|principal|superintendent|judge|"
        rf"district\s+attorney|coroner|bishop|chief)\s+of\s+(?:the\s+)?(?:{W}\s+){{0,2}}{W})",
        0.6,
    ),
    Rx(
        "olympian",
        rf"\b(?P<phi>(?:an?\s+|the\s+)?(?:former\s+)?(?:olympic|paralympic|commonwealth\s+games|world\s+champion)\s+"
        rf"(?:{W}\s+){{0,3}}(?:medall?ist|champion|athlete|gold|silver|bronze|finalist|swimmer|rower|runner|skier)\w*)",
        0.6,
    ),
    Rx(
        "honoured_for",
        rf"\b(?P<phi>the\s+(?:{WORD}\s+){{1,3}}(?:who\s+was\s+)?(?:honou?red|decorated|commended|celebrated|"
        rf"awarded|knighted|recogni[sz]ed)\s+(?:for|after)\s+(?:{W}\s+){{0,5}}{W})",
        0.6,
    ),
    Rx(
        "survived_disaster",
        rf"\b(?P<phi>survived\s+the\s+(?:{W}\s+){{0,3}}(?:crash|capsizing|capsize|fire|flood|shooting|bombing|collapse|"
        rf"explosion|attack|avalanche|earthquake|tornado|hurricane|derailment|sinking|massacre|siege|stampede|"
        rf"shipwreck|blast|wreck)\b{TAIL_SHORT}(?:\s+that\s+(?:made|hit|was\s+on)\s+(?:the\s+)?(?:national\s+|international\s+|local\s+|evening\s+)?"
        rf"(?:headlines|news|papers?))?)",
        0.6,
    ),
    Rx(
        "whistleblower",
        rf"\b(?P<phi>the\s+(?:whistle-?blower|star\s+witness|key\s+witness|plaintiff|informant)\s+(?:in|of|from|for|behind)\s+"
        rf"(?:the\s+)?(?:{W}\s+){{0,4}}(?:case|scandal|trial|inquiry|investigation|lawsuit|affair|leak|story)\b)",
        0.6,
    ),
    Rx(
        "band_fame",
        rf"\b(?P<phi>(?:the\s+|a\s+)?(?:lead\s+singer|lead\s+vocalist|singer|frontman|frontwoman|drummer|guitarist|bassist|keyboardist)"
        rf"\s+(?:of|in|for)\s+(?:the|a)\s+(?:{W}\s+){{0,2}}band\s+(?:that|which|who)\s+"
        rf"(?:topped\s+the\s+(?:{W}\s+)?charts\b|(?:hit|reached|went|had|won|charted)\b{TAIL_SHORT}))",
        0.6,
    ),
    Rx(
        "drafted_overall",
        rf"\b(?P<phi>(?:the\s+{W}\s+who\s+(?:was\s+)?)?drafted\s+(?:first|1st|number\s+one|no\.?\s*1|second|third)\s+overall{TAIL_SHORT})",
        0.6,
    ),
]

GATES = {
    "only_x_in_community": ("only", "sole"),
    "community_s_only": ("'s only", "’s only", "'s first", "'s sole", "'s last", "'s oldest", "'s youngest"),
    "first_ever": ("first", "youngest", "oldest", "last", "only"),
    "sole_survivor": ("survivor",),
    "won_prize": ("won", "win"),
    "on_the_news": ("news", "paper", "headlines"),
    "headlines_viral": ("headlines",),
    "viral": ("viral", "video", "headlines", "news", "rescue", "crash", "fire", "flood", "plane", "river",
              "collapse", "capsiz", "storm", "shark", "bear", "avalanche"),
    "subject_of_appeal": ("subject of", "focus of", "face of"),
    "local_media_role": ("local", "'s tv", "'s radio"),
    "former_office": ("former", "ex-", "current", "retired"),
    "olympian": ("olympic", "paralympic", "commonwealth games", "world champion"),
    "drafted_overall": ("overall",),
    "band_fame": ("band",),
    "survived_disaster": ("survived",),
    "whistleblower": ("whistle", "witness", "plaintiff", "informant"),
    "honoured_for": ("honour", "honor", "decorated", "commended", "celebrated", "awarded", "knighted", "recogni"),
}


def get_recognizers():
    return [
        GatedRegexRecognizer(
            "UNIQUE_EVENT",
            PATTERNS,
            gates=GATES,
            name="UniqueEventRecognizer",
            context=["only", "known", "recognise", "recognize", "news"],
        )
    ]
