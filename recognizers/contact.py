"""Contact details: phone and fax numbers, emails, URLs, IP addresses, social handles.

Recognizers (entity types from ``deid/entities.py``):

* ``PhoneRecognizer`` -> PHONE_NUMBER.  A permissive candidate regex finds digit
  groups with phone-style separators ("(03) 5331 2345", "+61 3 5331 2345",
  "206.269.0743x9150", "0412 345 678", "+44(0)115 496 0914"); each candidate goes
  through guards (not a date, decimal, vital sign, dose, time, list of small
  numbers) and then the ``phonenumbers`` library for regions US, AU, GB (CA shares
  the US plan), and NZ and IE for a nine-digit number with its trunk 0 in three or
  more groups ("07 834 1190", "01 855 6000"): a valid number scores 0.75, a merely possible but well-formatted one
  0.5; an unseparated digit run must be valid.  This is faster and more controllable
  than ``PhoneNumberMatcher`` over the whole text, and catches fictional 555 /
  unassigned area codes that synthetic corpora use.
* ``PhoneContextRecognizer`` -> PHONE_NUMBER: short or local numbers after a phone
  word ("pager 12345", "ext. 4021", "x1234", "ph 5331 2345", "fax: 555-1234",
  "cell # 555-0199").
* ``EmailRecognizer`` -> EMAIL_ADDRESS: RFC-ish addresses and obfuscated forms
  ("jo [at] example [dot] org").
* ``UrlRecognizer`` -> URL: http(s)/ftp URLs, www. hosts, bare domains with a
  common TLD ("portal.example.org/intake"); never "e.g.", "a.m.", "i.e.".
* ``IpRecognizer`` -> IP_ADDRESS: IPv4 and IPv6, validated with ``ipaddress``.
* ``AtHandleRecognizer`` -> SOCIAL_HANDLE: "@name" (not emails, not "@3pm", not
  "@30cc/hr", not clinical shorthand like "@HS").
* ``SocialHandleRecognizer`` -> SOCIAL_HANDLE: "instagram: name", "handle is name".
"""
from __future__ import annotations

import ipaddress
from typing import Optional

import phonenumbers
import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import _patterns
from ._base import RegexRecognizer, Rx, make_result
from .identifiers import make

# ----------------------------------------------------------------------------- phone

_EXT = r"(?:[ \t]?(?:x|ext\.?|extn\.?|extension)[ \t]?\d{1,6})"
_PHONE_CAND = _patterns.compile(
    r"(?<![\w.$/,:+])(?<!\d[ \t]?-)"
    r"(?:\+[ \t]?\d{1,3}[ \t.-]?(?:\([ \t]?0[ \t]?\)[ \t]?)?|\b00[ \t]?\d{1,3}[ \t.-]|\b1[ \t.-]?(?=\())?"
    r"(?:\([ \t]?\d{1,5}[ \t]?\)[ \t.-]{0,2})?"
    r"\d{1,12}(?:(?:[ \t]|[.-]|[ \t]?[.-][ \t]?)\d{1,10}){0,5}"
    rf"(?P<ext>{_EXT})?"
    r"(?![\w/%]|[.,:]\d)",
    regex.IGNORECASE,
)
_PHONE_PREFILTER = _patterns.compile(r"\d(?:[ \t().+-]{0,3}\d){6}")
_DATE_SHAPE = _patterns.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d\b|\b(?:19|20)\d\d[./-]\d{1,2}[./-]\d{1,2}\b"
)
_IPV4_SHAPE = _patterns.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_REGIONS = ("US", "AU", "GB")
_TRUNK9_REGIONS = ("NZ", "IE")


def _phone_score(cand: str) -> Optional[float]:
    """Score for a phone candidate (extension already stripped), or None to drop."""
    digits = "".join(c for c in cand if c.isdigit())
    plus = cand.lstrip().startswith(("+", "00"))
    n = len(digits)
    # a nine-digit national number with its trunk 0, in groups: New Zealand and Irish
    # landlines ("07 834 1190", "(01) 855 6000"), tried against those plans only
    groups = regex.findall(r"\d+", cand)
    short_trunk = not plus and n == 9 and digits[0] == "0" and len(groups) >= 3
    if plus:
        if not 8 <= n <= 15:
            return None
    elif not (10 <= n <= 12 or short_trunk):
        return None
    if _DATE_SHAPE.search(cand) or _IPV4_SHAPE.fullmatch(cand.strip()):
        return None
    separated = len(groups) > 1
    if not plus:
        if len(groups) > 4:
            return None
        # lists of small numbers ("93 86 79 72 65") and decimals are not phones
        if any(len(g) < 2 for g in groups[1:]) or (len(groups[0]) == 1 and groups[0] != "1"):
            return None
        if len(groups[-1]) < 3:
            return None
        seps = set(regex.findall(r"\d([ \t.-]+)\d", cand))
        if len(seps) > 2:
            return None
    valid = possible = False
    text = cand if not cand.lstrip().startswith("00") else "+" + cand.lstrip()[2:]
    for region in (_TRUNK9_REGIONS if short_trunk else _REGIONS):
        try:
            num = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num):
            valid = True
            break
        if phonenumbers.is_possible_number(num):
            possible = True
    if valid:
        return 0.75 if separated or plus else 0.5
    if possible and separated:
        return 0.5
    if not possible and separated and not plus and n in (10, 11) and len(groups) in (3, 4):
        # NANP-shaped 3-3-4 with an unassigned area code (fictional numbers)
        if [len(g) for g in groups[-3:]] in ([3, 3, 4], [3, 3, 5]):
            return 0.45
    return None


class PhoneRecognizer(LocalRecognizer):
    """Phone/fax numbers: candidate regex + guards + ``phonenumbers`` validation."""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["PHONE_NUMBER"],
            name="PhoneRecognizer",
            supported_language="en",
            context=["phone", "tel", "cell", "mobile", "fax", "call", "contact", "pager", "number"],
        )

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if entities and "PHONE_NUMBER" not in entities:
            return []
        if _PHONE_PREFILTER.search(text) is None:
            return []
        out: list[RecognizerResult] = []
        for m in _PHONE_CAND.finditer(text):
            start, end = m.span()
            core_end = m.start("ext") if m.group("ext") else end
            score = _phone_score(text[start:core_end])
            if score is None:
                continue
            out.append(make_result(self, "PHONE_NUMBER", start, end, score, "phonenumbers"))
        return out


def _short_phone_ok(s: str) -> Optional[bool]:
    digits = "".join(c for c in s if c.isdigit())
    if not 4 <= len(digits) <= 15:
        return False
    # a date ("12.03.24") or a range ("pH 7.35-7.40") is no phone; four or more groups
    # of two or more digits with one separator are ("call me at 05.73.18.61.32")
    if _DATE_SHAPE.search(s):
        groups = regex.findall(r"\d+", s)
        if len(groups) < 4 or min(map(len, groups)) < 2 or len(set(regex.findall(r"\d(\D+)\d", s))) > 1:
            return False
    return None


def _seven_digits(s: str) -> Optional[bool]:
    """A weaker cue needs a phone's length: seven digits or more ("a call from 2019" is no phone)."""
    if sum(c.isdigit() for c in s) < 7:
        return False
    return _short_phone_ok(s)


_PHONE_WORDS_BARE = (
    r"pager|beeper|bleep|pgr|pg|page|ext|extn|extension|tel|telephone|phone|ph|fax|facsimile|mob|mobile"
    r"|cell(?:[ \t]*phone)?|ring|call|text|sms|voicemail|vm|landline|whatsapp|hotline|direct[ \t]*line"
    r"|contactable|number[ \t]+is|number['’]s"
)
_PHONE_WORDS_MARKED = r"home|work|office|h|w|m|c|o|wk|hm|contact|number|no"
_SHORT_NUM = (
    r"\+?(?:\([ \t]?\d{1,5}[ \t]?\)[ \t]?)?(?:\d{6,15}(?!\d)|\d{1,5}(?:(?:[ \t]|[ \t]?[.-][ \t]?)\d{1,6}){0,4})"
)


def _phone_context() -> RegexRecognizer:
    tail = rf"(?P<phi>{_SHORT_NUM}{_EXT}?)(?![\w/%]|[.,:]\d)"
    return make(
        "PHONE_NUMBER",
        [
            Rx("phone_word", rf"\b(?<![\w/])(?:{_PHONE_WORDS_BARE})\.?(?:[ \t]*(?:\#|no\.?|number|num|nbr))?"
                             rf"[ \t]*[:#=-]?[ \t]*(?:(?:me|her|him|them|us|you)[ \t]+)?(?:(?:is|at|on|to)[ \t]+)?"
                             rf"(?:\([ \t]?\w{{1,2}}[ \t]?\)[ \t]?)?\#?{tail}",
               0.75, validate=_short_phone_ok),
            Rx("phone_marked", rf"\b(?<![\w/])(?:{_PHONE_WORDS_MARKED})\.?[ \t]*(?:\#|no\.?|number|phone|ph)?"
                               rf"[ \t]*[:#][ \t]*\#?{tail}", 0.7, validate=_short_phone_ok),
            Rx("contact_person_on", r"\b(?:contact|call|reach|text|ring|phone)(?:ed|ing|s)?[ \t]+(?:\p{Lu}[\w'’-]+[ \t]+){1,3}"
                                    r"(?:on|at)[ \t]+(?P<phi>\+?\d[\d \t().-]{7,16}\d)(?![\w/%]|[.,:]\d)", 0.7,
               validate=_short_phone_ok),
            Rx("reach_on", rf"\b(?:reach|reached|reachable)[ \t]+(?:(?:me|her|him|them|us|you)[ \t]+)?(?:at|on)[ \t]+{tail}",
               0.7, validate=_short_phone_ok),
            # a number a call or message came from ("a text from 0487 23 46 71", "missed call
            # from 775 409 915"), and a number before its noun ("468 788 096 is my new number")
            Rx("call_from", rf"\b(?:texts?|texted|calls?|called|rang|ring|messages?|messaged|voicemails?|"
                            rf"missed[ \t]+calls?|sms)[ \t]+from[ \t]+{tail}", 0.7, validate=_seven_digits),
            Rx("number_before_noun", rf"(?<![\w.,/+-])(?P<phi>{_SHORT_NUM}){_EXT}?[ \t]+(?:is|was|['’]s)[ \t]+"
                                     r"(?:my|his|her|their|our|your|the)[ \t]+(?:(?:new|old|current|home|work|mobile|cell|"
                                     r"direct|private|landline|best)[ \t]+){0,2}(?:number|no\.?|mobile|phone|cell|landline)\b",
               0.7, validate=_seven_digits),
            Rx("extension", r"\b(?<![\w])(?-i:x|X)(?P<phi>\d{3,6})(?![\w/%.])", 0.6),
        ],
        name="PhoneContextRecognizer",
        context=["phone", "tel", "cell", "mobile", "fax", "call", "pager", "ext"],
        prefilter=r"\d{3}|\d\d[ \t.-]\d\d[ \t.-]\d\d",  # "06 12 34 56 78": no three digits in a row
    )


# ----------------------------------------------------------------------------- email / url

_EMAIL = (
    r"\b(?<![\w.%+-])[A-Z0-9](?:[A-Z0-9._%+'-]{0,63})@(?:[A-Z0-9](?:[A-Z0-9-]{0,62}[A-Z0-9])?\.){1,8}[A-Z]{2,24}(?![\w-])"
)
_EMAIL_OBF = (
    r"(?<![\w.+-])[A-Z0-9][A-Z0-9._+-]{0,63}[ \t]*[\[(<{][ \t]*at[ \t]*[\])>}][ \t]*[A-Z0-9-]+"
    r"(?:[ \t]*(?:[\[(<{][ \t]*dot[ \t]*[\])>}]|\.)[ \t]*[A-Z0-9-]+){1,8}"
)


def _email() -> RegexRecognizer:
    return make(
        "EMAIL_ADDRESS",
        [Rx("email", _EMAIL, 0.9)],
        name="EmailRecognizer",
        context=["email", "e-mail", "mail"],
        prefilter=r"@",
    )


def _email_obfuscated() -> RegexRecognizer:
    return make(
        "EMAIL_ADDRESS",
        [Rx("email_obfuscated", _EMAIL_OBF, 0.75)],
        name="ObfuscatedEmailRecognizer",
        context=["email", "e-mail", "mail"],
        prefilter=r"[\[(<{][ \t]*at[ \t]*[\])>}]",
    )


_TLDS = (
    r"(?:com|org|net|edu|gov|mil)(?:\.(?:au|uk|nz|ca|us|sg|hk|in|za|ie))?|(?:co|ac|nhs|gov|org|ltd|plc|police|sch)\.uk"
    r"|(?:asn|id|csiro)\.au|(?:co|org|govt|ac)\.nz|(?:gc|on|qc|bc|ab|mb|ns|nb|sk)\.ca|info|biz|health|clinic|care"
    r"|online|app|dev|io|ai|ca|au|uk|nz|ie|us|site|website|email|blog|xyz|me(?=/)|co(?=/)"
)
_URL_PATH_END = r"[^\s<>\"'.,;:!?)\]}]"
_URL_PATH = rf"(?:[/?#][^\s<>\"']*{_URL_PATH_END}|/)?"


def _url() -> RegexRecognizer:
    return make(
        "URL",
        [
            Rx("url_scheme", rf"\b(?:https?|ftp|sftp)://[^\s<>\"']*{_URL_PATH_END}", 0.9),
            Rx("url_www", rf"(?<![\w@.-])www\d?\.(?:[A-Z0-9-]+\.){{1,8}}[A-Z]{{2,24}}(?![\w-]){_URL_PATH}", 0.9),
            Rx("url_bare", rf"\b(?<![\w@.-])(?:[A-Z0-9](?:[A-Z0-9-]{{0,61}}[A-Z0-9])?\.){{1,8}}(?:{_TLDS})"
                           rf"(?![\w-]|\.[A-Z0-9]|@){_URL_PATH}", 0.7),
        ],
        name="UrlRecognizer",
        context=["website", "url", "site", "portal", "link"],
        prefilter=rf"://|www\d?\.|\.(?:{_TLDS})\b",
    )


# ----------------------------------------------------------------------------- ip


def _ipv4_ok(s: str) -> Optional[bool]:
    try:
        ipaddress.IPv4Address(s)
    except ValueError:
        return False
    return None


def _ipv6_ok(s: str) -> Optional[bool]:
    try:
        ipaddress.IPv6Address(s)
    except ValueError:
        return False
    groups = [g for g in regex.split(r"::?", s) if g]
    if len(groups) < 2:
        return False
    if "::" not in s:
        return None  # full 8 groups
    if any(c.isalpha() for c in s) or any(len(g) >= 3 for g in groups):
        return None
    return False  # "12::30" and the like


def _ip() -> RegexRecognizer:
    return make(
        "IP_ADDRESS",
        [
            Rx("ipv4", r"\b(?<![\w./])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)", 0.7, validate=_ipv4_ok),
            Rx("ipv6", r"(?<![\w:.])(?:[0-9A-F]{0,4}:){2,7}(?:[0-9A-F]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])"
                       , 0.7, validate=_ipv6_ok),
        ],
        name="IpRecognizer",
        context=["ip", "address", "ipv4", "ipv6"],
        prefilter=r"\d\.\d|[0-9A-Fa-f]:[0-9A-Fa-f:]",
    )


# ----------------------------------------------------------------------------- social

_NOT_HANDLES = (
    r"hs|qhs|bedtime|night|nite|home|work|school|baseline|rest|times|am|pm|noon|midnight|first|least|most|all"
    r"|risk|times|this|that|the|a|an|me|you|him|her|them|us|it|once|present|lunch|dinner|breakfast|bed"
)
_SOCIAL_SITES = (
    r"instagram|insta|twitter|tiktok|tik[ \t]*tok|snapchat|snap|facebook|threads|reddit|discord|tumblr"
    r"|youtube|twitch|telegram|signal|kik|steam|xbox|psn|playstation|roblox|linkedin|bluesky|mastodon|venmo|cash[ \t]*app"
)
_HANDLE_WORDS = r"handle|username|user[ \t]*name|gamertag|screen[ \t]*name|profile"
_HANDLE_STOP = (
    r"not|private|public|the|a|an|deleted|gone|blocked|something|just|her|his|my|their|our|your|and|or|but|is"
    r"|was|has|had|so|too|also|now|still|account|page|where|which|that|this|very|really"
)


def _social() -> RegexRecognizer:
    val = rf"(?!(?:{_HANDLE_STOP})\b)(?=@?[\w.]*[A-Z])@?[A-Z0-9_][A-Z0-9_.]{{1,29}}(?<!\.)"
    return make(
        "SOCIAL_HANDLE",
        [
            Rx("site_handle", rf"\b(?:{_SOCIAL_SITES})(?:[ \t]*(?:{_HANDLE_WORDS}|account|name|id))?"
                              rf"[ \t]*(?:[:=]|is|-)[ \t]*(?P<phi>{val})(?![\w@])", 0.65),
            Rx("handle_word", rf"\b(?:{_HANDLE_WORDS})[ \t]*(?:[:=]|is)?[ \t]*(?P<phi>{val})(?![\w@])", 0.6),
            # no separator, or "as": the value must look like a handle (a digit, "_" or
            # "." inside, a Discord "#1234" tag): "snap kiwi_girl22", "on Snapchat as jo.b.99"
            Rx("site_handle_loose", rf"\b(?:{_SOCIAL_SITES})(?:[ \t]+as)?[ \t]+"
                                    rf"(?P<phi>(?=[\w.]*?(?:[\d_]|\.\w|\#\d{{4}}))(?!\d+\b)[A-Z0-9_][A-Z0-9_.]{{1,29}}(?<!\.)(?:\#\d{{4}})?)(?![\w@])", 0.6),
        ],
        name="SocialHandleRecognizer",
        context=["instagram", "twitter", "tiktok", "snapchat", "handle", "username"],
    )


def _at_handle() -> RegexRecognizer:
    return make(
        "SOCIAL_HANDLE",
        [
            Rx("at_handle", rf"(?<![\w@.+-])@(?!(?:{_NOT_HANDLES})\b)(?!\d{{1,2}}(?:[:.]\d\d)?[ \t]*(?:am|pm|h)?\b)"
                            r"[A-Z_](?:[A-Z0-9_.]{1,29}[A-Z0-9_])(?![\w@/]|\.[A-Z])", 0.7),
        ],
        name="AtHandleRecognizer",
        context=["instagram", "twitter", "tiktok", "snapchat", "handle", "username"],
        prefilter=r"@",
    )


def get_recognizers():
    return [PhoneRecognizer(), _phone_context(), _email(), _email_obfuscated(), _url(), _ip(), _social(), _at_handle()]
