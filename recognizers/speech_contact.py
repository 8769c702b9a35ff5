"""Contact details and numbers as speech-to-text writes them (lowercase, numbers as words).

Recognizers (entity types from ``deid/entities.py``):

* ``SpokenDigitsRecognizer`` -> PHONE_NUMBER or ID: runs of spoken digits
  ("four one five five five five one two three four", "oh four one two three four
  five six seven eight", "double five", "triple oh", "eighty seven", mixed "415 five
  five five ...").  The digits are counted: 7, 8, 10 or 11 digits -> PHONE_NUMBER;
  any other run of 7+ digits -> ID; 5-6 digits only after an identifier word
  ("number", "id", "code", "account", ...) -> ID.  At least three spoken tokens are
  required, so "one or two", "nineteen eighty seven" (4 digits) and times never fire.
* ``SpokenEmailRecognizer`` -> EMAIL_ADDRESS: "jordan dot reyes at gmail dot com",
  "j reyes eighty seven at outlook dot com", also half-written "jo.reyes at gmail.com".
  The local part stops at filler and function words ("my email is um ...").
* ``SpokenUrlRecognizer`` -> URL: "www dot example dot com", "example dot org slash
  intake", "h t t p s colon slash slash ...".
* ``SpokenHandleRecognizer`` -> SOCIAL_HANDLE: "my instagram it's at river underscore
  song nine two" (the spoken "at" is reported with the handle).

Spelled letters next to a long spoken digit run ("w three seven ...", "r e f five ...",
"... eight two s") are reported with it.
"""
from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult

from . import _patterns
from ._base import RegexRecognizer, Rx
from .identifiers import make, word_positions, word_set

_DW = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|niner)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)"
_TOKEN = (
    rf"(?:(?:double|triple)[ -]{_DW}|{_TENS}(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
    rf"|{_TEEN}|{_DW}|\d{{1,4}}|(?:one|two|three|four|five|six|seven|eight|nine)[ -]hundred)"
)
# a spoken separator inside an identifier: "two four dash zero zero eight one"
_SPOKEN_SEP = r"(?:dash|hyphen|slash|stroke)"
# spelled letters inside an identifier join its digit runs: "two zero two four c r three seven ...",
# and so does a spoken dash or slash
_RUN = _patterns.compile(
    rf"\b(?<![\w'-]){_TOKEN}(?:(?:[ ,.-]|,[ ]|[ ]-[ ]|[ ]and[ ]|[ ]{_SPOKEN_SEP}[ ]|[ ](?:[b-hj-z][ ]){{1,3}}){_TOKEN})*(?![\w'-])",
    regex.IGNORECASE,
)
_NUMBER_WORDS = frozenset(
    "zero oh o one two three four five six seven eight nine niner ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fourty fifty sixty seventy eighty ninety double "
    "triple".split()
)
_LETTERS_BEFORE = _patterns.compile(rf"(?<![\w'-])(?:[b-hj-z][ ]){{1,4}}(?:{_SPOKEN_SEP}[ ])?\Z", regex.IGNORECASE)
_LETTER_AFTER = _patterns.compile(r"[ ](?:[b-hj-z]|a(?=[ \t]*(?:\n|$)))(?![\w'-])", regex.IGNORECASE | regex.MULTILINE)
_NUMERAL_PREFIX = _patterns.compile(r"(?<![\w'-])(?:\d{1,4}[ ,.-]){1,3}\Z")
_TOK = _patterns.compile(_TOKEN, regex.IGNORECASE)
_ID_CONTEXT = _patterns.compile(
    r"\b(?:number|numbers|no|id|code|pin|account|member|mrn|medicare|policy|reference|ref|case|file|zip|postcode"
    r"|post code|extension|ext|license|licence|plate|serial|claim)\b[^.\n]{0,20}$",
    regex.IGNORECASE,
)


def _count(tok: str) -> tuple[int, bool]:
    """(digits contributed, is a spoken word)."""
    t = tok.lower().replace("-", " ")
    if t[0].isdigit():
        return len(t), False
    parts = t.split()
    if parts[0] == "double":
        return 2, True
    if parts[0] == "triple":
        return 3, True
    if len(parts) == 2 and parts[1] == "hundred":
        return 3, True
    if regex.fullmatch(_TENS, parts[0]) or regex.fullmatch(_TEEN, parts[0]):
        return 2, True
    return 1, True


class SpokenDigitsRecognizer(LocalRecognizer):
    """Spoken digit strings -> PHONE_NUMBER (phone-length) or ID."""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["PHONE_NUMBER", "ID"],
            name="SpokenDigitsRecognizer",
            supported_language="en",
            context=["number", "phone", "call", "cell"],
        )

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        hits = [w for w in word_set(text) if w.lower() in _NUMBER_WORDS]
        if not hits:
            return out
        last_end = -1
        for start in word_positions(text, hits):
            if start < last_end:
                continue
            pre = _NUMERAL_PREFIX.search(text, max(0, start - 24), start)
            if pre is not None and pre.start() >= last_end:
                start = pre.start()
            m = _RUN.match(text, start)
            if m is None:
                continue
            last_end = m.end()
            run_start, run_end = m.start(), m.end()
            toks = _TOK.findall(m.group())
            n = 0
            words = 0
            for t in toks:
                d, w = _count(t)
                n += d
                words += w
            if words < 3 or len(toks) < 3:
                continue
            if n in (7, 8, 10, 11):
                entity, score = "PHONE_NUMBER", 0.6
            elif n >= 7:
                entity, score = "ID", 0.55
            elif n >= 5 and _ID_CONTEXT.search(text, max(0, m.start() - 40), m.start()):
                entity, score = "ID", 0.5
            else:
                continue
            if entities and entity not in entities:
                continue
            if n >= 5:  # spelled letters of the same identifier ("w three seven ...", "r e f five ...")
                pre = _LETTERS_BEFORE.search(text, max(0, run_start - 12), run_start)
                if pre is not None:
                    run_start = pre.start()
                post = _LETTER_AFTER.match(text, run_end)
                if post is not None:
                    run_end = post.end()
                    last_end = run_end
            out.append(
                RecognizerResult(
                    entity_type=entity,
                    start=run_start,
                    end=run_end,
                    score=score,
                    analysis_explanation=AnalysisExplanation(
                        recognizer=self.name, original_score=score, pattern_name=f"spoken_{n}_digits"
                    ),
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return out


_STOP = (
    r"(?:is|me|my|email|e-mail|mail|address|the|at|to|it|its|it's|send|sent|was|and|or|that's|thats|um|uh|er|erm"
    r"|like|reach|contact|write|her|his|their|your|our|on|by|from|use|uses|using|try|you|can|i|i'm|we|they|he|she"
    r"|so|yeah|okay|ok|just|a|an|of|for|in|with|be|if|then|there|here|what|which|called|personal|work|school"
    r"|gmail|hotmail|outlook|yahoo|dot|underscore|dash|hyphen|period|plus)"
)
_W = r"[a-z0-9][a-z0-9_-]*"
_LW = rf"(?!{_STOP}\b){_W}"
_TLD = (
    r"(?:com|org|net|edu|gov|io|co|info|biz|me|us|ca|au|uk|nz|ie)"
    r"(?:(?:[ ]dot[ ]|\.)(?:au|uk|nz|ca|us))?"
)
_DOT = r"(?:[ ](?:dot|period|point)[ ]|\.)"
_DSTOP = r"(?:the|a|an|this|that|my|his|her|their|our|your|home|work|school|it|night|least|first|last)"
_DOMAIN = rf"(?!{_DSTOP}\b)(?:{_W}{_DOT}){{1,6}}{_TLD}"
_LOCAL = rf"{_LW}(?:(?:(?:[ ](?:dot|underscore|dash|hyphen|period|plus))?[ ]|\.){_LW}){{0,5}}"


def _spoken_email() -> RegexRecognizer:
    return make(
        "EMAIL_ADDRESS",
        [Rx("spoken_email", rf"(?<![\w.'-])(?P<phi>{_LOCAL}[ ](?:at|@)[ ]{_DOMAIN})(?![\w-])", 0.8)],
        name="SpokenEmailRecognizer",
        context=["email", "e-mail"],
        prefilter=r"\bat\b.{1,80}\b(?:dot|period|point)\b|\bat [a-z0-9-]+\.[a-z]",
        prefilter_flags=regex.IGNORECASE | regex.DOTALL,
    )


def _spoken_url() -> RegexRecognizer:
    scheme = r"(?:h[ ]?t[ ]?t[ ]?p[ ]?s?|https?)[ ](?:colon[ ])?(?:(?:forward[ ])?slash[ ](?:forward[ ])?slash[ ])?"
    path = r"(?:[ ](?:forward[ ])?slash[ ][a-z0-9][a-z0-9_-]*){0,4}"
    return make(
        "URL",
        [
            Rx("spoken_www", rf"(?<![\w.-])(?:{scheme})?www{_DOT}(?:{_W}{_DOT}){{0,6}}{_W}{path}", 0.8),
            Rx("spoken_scheme", rf"(?<![\w.-]){scheme}(?:{_W}{_DOT}){{1,6}}{_TLD}{path}", 0.8),
            Rx("spoken_domain", rf"(?<![\w.-])(?<!\bat[ ])(?!(?:{_STOP})\b)(?:{_W}[ ](?:dot|period)[ ]){{1,6}}"
                                rf"(?:com|org|net|edu|gov|io|info|biz|health)(?:[ ]dot[ ](?:au|uk|nz|ca))?{path}"
                                r"(?![\w-])", 0.65),
        ],
        name="SpokenUrlRecognizer",
        context=["website", "site", "url", "portal"],
        prefilter=r"\b(?:dot|www)\b",
    )


_SITES = (
    r"instagram|insta|twitter|tiktok|tik[ ]tok|snapchat|snap|facebook|threads|reddit|discord|tumblr|youtube|twitch"
    r"|handle|username|user[ ]name|gamertag"
)
_HANDLE_TAIL = (
    rf"(?:[ ](?:(?:underscore|dot|dash|period)[ ]{_W}|{_DW}|{_TEEN}|{_TENS}|hundred|thousand|"
    rf"[b-hj-z](?![\w'-])|double[ ]{_DW})){{0,8}}"
)


_NOT_HANDLE = (
    r"private|public|deleted|blocked|gone|not|down|off|new|old|fine|really|very|where|how|what|why|when|all|some"
    r"|no|yes|yeah|home|school|night|first|least|most|like|kind|sort"
)


_HVAL = rf"(?!(?:{_STOP}|{_NOT_HANDLE})(?![\w'-])){_W}{_HANDLE_TAIL}"


def _spoken_handle() -> RegexRecognizer:
    return make(
        "SOCIAL_HANDLE",
        [
            # spoken "at" is the "@" of the handle: reported with it ("at river underscore song")
            Rx("spoken_handle", rf"\b(?:{_SITES})(?![\w'-])[^.\n?!]{{0,25}}?(?<![\w'-])"
                                rf"(?:(?P<phi>at[ ]{_HVAL})|(?:handle[ ]is|name[ ]is|is)[ ](?P<phi>(?:at[ ])?{_HVAL}))"
                                r"(?![\w'-])", 0.6),
        ],
        name="SpokenHandleRecognizer",
        context=["instagram", "tiktok", "snapchat", "handle"],
    )


def _underscore_handle() -> RegexRecognizer:
    """A spoken chain of words joined by "underscore" is a handle or user name, with or
    without a site named: "he goes by big underscore tui", "jess dot m underscore two
    thousand". Nobody says "underscore" between two words otherwise."""
    return make(
        "SOCIAL_HANDLE",
        [
            Rx("spoken_underscore_chain",
               rf"(?<![\w'-])(?:at[ ])?(?!(?:{_STOP}|{_NOT_HANDLE})(?![\w'-])){_W}"
               rf"(?:[ ](?:dot|dash|period)[ ]{_W})*[ ]underscore[ ]{_W}{_HANDLE_TAIL}(?![\w'-])", 0.6),
        ],
        name="SpokenUnderscoreHandleRecognizer",
        context=["instagram", "tiktok", "snapchat", "handle"],
        prefilter=r"\bunderscore\b",
    )


def get_recognizers():
    return [SpokenDigitsRecognizer(), _spoken_email(), _spoken_url(), _spoken_handle(), _underscore_handle()]
