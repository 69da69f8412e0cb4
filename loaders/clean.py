"""Cleaning raw article text: Unicode normalisation and splitting page furniture from the article body.

Owns `normalise_unicode` and `clean_text`. Both are pure str functions. `clean_text` classifies each line on general
cues (length, closing punctuation, caption and credit patterns, repetition, navigation/share/subscription wording,
position before the headline or after the last real paragraph) and never on strings of particular outlets, so it
carries over to pages it has not seen. Kept lines are copied verbatim, so quotes taken from the text still match.

Line reasons in `CleanedText.removed`: header, navigation, share, subscription, comments, cookie, footer, credits,
logo, section, byline, dateline, promo, widget, related, read-more, teaser, caption, repeated; a line of a trailing
related-article list has its reason prefixed with "tail:" (dates in those lines say nothing about this article).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# --- Unicode -----------------------------------------------------------------------------------------------------

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_INVISIBLE = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_LINE_BREAKS = "\u000b\u000c\u0085\u2028\u2029"
_TRANSLATE: dict[int, str | None] = {ord(c): " " for c in _SPACES}
_TRANSLATE.update({ord(c): None for c in _INVISIBLE})
_TRANSLATE.update({ord(c): "\n" for c in _LINE_BREAKS})
_TRANSLATE.update({c: None for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if chr(c) not in "\n\t\u0085"})
_TRANSLATE.update({c: None for c in (0x061C, *range(0x0600, 0x0606), 0x06DD, 0x070F, 0xFFF9, 0xFFFA, 0xFFFB)})


_TO_TRANSLATE = re.compile("[" + "".join(re.escape(chr(c)) for c in _TRANSLATE) + "]+")


def normalise_unicode(text: str) -> str:
    """NFC; exotic spaces -> ' '; zero-width, bidi and control characters removed (except \\n and \\t);
    CRLF/CR and Unicode line separators -> \\n. Curly quotes and dashes are kept as printed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Translate only the runs that need it: str.translate over a whole article is the slow path.
    text = _TO_TRANSLATE.sub(lambda m: m.group().translate(_TRANSLATE), text)
    return unicodedata.normalize("NFC", text)


# --- Cues ----------------------------------------------------------------------------------------------------------

_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_PERIOD_END = re.compile(r"\.[\"'”’)\]]*$")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|according to|stated|added|announced|reported|insisted|warned|declared|wrote"
    r"|quoted|confirmed|denied|claimed)\b"
)

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_FULL_DATE = rf"(?:{_MONTH}\.?\s[0-9]{{1,2}},?\s(?:19|20)[0-9]{{2}}|[0-9]{{1,2}}\s{_MONTH}\.?,?\s(?:19|20)[0-9]{{2}})"
_HAS_FULL_DATE = re.compile(_FULL_DATE)
# A caption ends with the place and date of the photo: "... in Istanbul, Turkey, February 29, 2020."
# A bare year only counts after a comma (", in 2020."): running text ends with "... under Bashagha in 2022." too.
_PLACE_DATE_END = re.compile(rf"(?:(?:[A-Z][\w.'-]*,?|,)\s(?:in\s)?{_FULL_DATE}|,\s(?:in\s)?(?:19|20)[0-9]{{2}})\.?$")
# Present-tense verbs of picture descriptions ("attends", "meets", "parade", "are attached").
_CAPTION_VERB = re.compile(
    r"\b(?:attends?|meets?|speaks?|gestures?|stands?|walks?|arrives?|holds?|poses?|looks? on|listens?|waves?|sits?"
    r"|talks?|shakes? hands|inspects?|parades?|rides?|gathers?|rises?|flies|fly|carr(?:y|ies)|drives?|takes? part"
    r"|celebrates?|chants?|marches|prays?|patrols?|guards?|is seen|are seen|is pictured|are pictured|are attached"
    r"|is attached|smiles?|addresses|delivers?|greets?|sign|signs|salutes?|wait|waits|queue|queues)\b"
)
_AGENCIES = (
    r"AFP|Reuters|AP|EPA|EPA-EFE|Getty(?: Images)?|Anadolu(?: Agency)?|AA|Xinhua|dpa|SANA|Sputnik|TASS|ANSA"
    r"|Shutterstock|Alamy|Handout|File|File photo|Photo|Screengrab|Screenshot|Supplied|Social media|Twitter"
)
_CREDIT = re.compile(
    r"\b(?:Credits?|Photo ?credit|Photograph|Photos?|Image|Picture|Pictured|Illustration)\s?:\s?\S"
    r"|©"
    rf"|\((?:[^()]{{0,80}}[/|]\s?)?(?:{_AGENCIES})(?:\s?[/|][^()]{{0,80}})?\)\.?$"
    rf"|\[(?:[^\[\]]{{0,80}}[/|:]\s?)?(?:{_AGENCIES})\b[^\[\]]{{0,80}}\]\.?$"
    r"|\((?:L|R|C|centre|center|left|right|[0-9](?:st|nd|rd|th) [LR]|not pictured|pictured|top|bottom)\)"
    rf"|\b(?:{_AGENCIES})\s?(?:/|via)\s?Getty Images\.?$"
    # "Photographer: Stringer/Bloomberg", "(Photo by F. Coffrini/AFP)"
    r"|\b(?:Photographer|Foto)\s?:\s?\S|\((?:Photo by|(?:AP|AFP|Reuters|EPA) Photo)\b",
    re.IGNORECASE,
)
# Credits that end a caption without a full stop: "| Wojazer/Pool via AFP", "... April 2025. AFP / Stringer" (a
# sentence may end "circulated via Reuters." or say "told AFP/France 24 ...", so only unpunctuated short lines)
_TRAILING_CREDIT = re.compile(
    r"\bvia (?:AFP|Reuters|AP|EPA|Getty Images)$|\b(?:AFP|Reuters|EPA) ?/ ?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}$"
)

_NAVIGATION = {
    "skip to main content", "skip to content", "skip to navigation", "skip navigation", "x", "×", "✕", "menu",
    "main menu", "open menu", "close menu", "home", "homepage", "search", "close", "back to top", "top",
    "advertisement", "advertising", "ad", "sponsored", "loading", "loading...", "toggle navigation", "navigation",
    "continue reading", "show more", "load more", "more", "previous", "prev", "next", "sign in", "log in", "login",
    "register", "my account", "account", "print", "listen", "audio", "font size", "text size", "live", "breaking",
    "you are here", "breadcrumb", "go to", "jump to", "english", "العربية", "français",
}  # fmt: skip
_RELATED = {
    "related", "related posts", "related articles", "related stories", "related news", "related content",
    "related topics", "related coverage", "next article", "previous article", "next post", "previous post",
    "next story", "previous story", "more stories", "more news", "more from", "more on this", "more on this story",
    "most read", "most popular", "most viewed", "trending", "trending now", "recommended", "recommended for you",
    "you may also like", "you might also like", "you may be interested in", "latest", "latest news",
    "latest stories", "top stories", "editor's picks", "editors' picks", "in other news", "also on", "read next",
    "topics", "tags", "keywords", "further reading", "what to read next", "popular", "featured",
}  # fmt: skip
_SHARE_LINE = re.compile(
    r"(?:(?:share(?: this| on| via)?(?: article| story| page)?|tweet|e-?mail|send in e-?mail|send by e-?mail"
    r"|whatsapp|facebook|twitter|x \(twitter\)|linkedin|print|copy link|copy url|link copied|pinterest|reddit"
    r"|telegram|messenger|flipboard|save|bookmark|gift (?:this )?article|comments?)\s?[|·•,:/]?\s?)+",
    re.IGNORECASE,
)
_READ_MORE = re.compile(r"read more\s?[»›>→…:.]*|more\s?[»›→]+|continue reading\s?[»›>→…]*", re.IGNORECASE)
_TEASER_PREFIX = re.compile(
    r"^(?:read more|read also|also read|related|see also|recommended|watch|read|listen|more|must read|don't miss"
    r"|most read)\s?[:|»›–—-]\s?\S",
    re.IGNORECASE,
)
_SUBSCRIPTION = re.compile(
    r"\bnewsletters?\b|\bsign(?:ed|ing)?[ -]?up\b|\bsubscribe\b|\bsubscription\b|\bsubscribers?\b|\blog ?in\b"
    r"|\bsign in\b|\bpaywall\b|\bfree trial\b|\bsupport (?:our|independent) journalism\b|\bdonate\b"
    r"|\bfunded by (?:our )?readers\b|\breader[- ]funded\b|\bavailable for everyone\b"
    r"|^support (?:us|the [A-Z][\w ]{2,30})$|^become an? (?:member|supporter|subscriber)\b",
    re.IGNORECASE,
)
_COMMENTS = re.compile(
    r"^[0-9]+\s?comments?$|\bcomments?\s?\([0-9]+\)|\bleave a (?:comment|reply)\b|\bpost a comment\b"
    r"|\b(?:show|view|hide|load|read)(?: all)? comments\b|\bsubscriber comments\b|\bcomments? (?:are|is|have been)"
    r" (?:closed|disabled)\b|^comments?$|\bapproval of\b.*\bcomments\b|\bjoin the (?:conversation|discussion)\b"
    r"|\bcommenting\b",
    re.IGNORECASE,
)
_COOKIE = re.compile(
    r"\bcookies?\b.*\b(?:use|uses|accept|consent|policy|settings|browsing|experience)\b"
    r"|\b(?:accept|reject) all\b|\bprivacy (?:policy|settings)\b|\bterms (?:of|&) (?:use|service)\b",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"\bdelivers independent\b|\brepublish(?:ing)?\b|\ball rights reserved\b|\bcopyright\b|©"
    r"|\bthis (?:article|story|content|report) (?:was|has been|is|first) (?:originally |first )?"
    r"(?:published|produced|edited|republished|appeared|generated)\b|\bwire agency feed\b"
    r"|\bmore about \S+(?: \S+){0,3} can be found\b|\bfill out this form\b|\breproduction\b.*\bprohibited\b",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(
    r"^[a-z]{1,5}(?:\s?/\s?[a-z]{1,5}){1,3}$"  # desk initials "sct/st"
    r"|^\(?(?:reporting|writing|editing|additional reporting|compiled|edited|written|produced) by\b"
    r"|^(?:[-–—]\s?)?(?:afp|reuters|ap|agencies|anadolu(?: agency)?|dpa|xinhua|associated press|agence france-presse"
    r"|with agencies|and agencies|afp and reuters|staff and agencies)\.?$"
    r"|^source\s?:\s?.{1,60}$"
    # agency and contributor credits: "Associated Press writer X in Cairo contributed to this report.", "- With
    # Reuters and AFP", "RFI (with AFP)", "By Al Jazeera and news agencies", "Author X (AFP, dpa)", "[Editor: x]"
    r"|\bcontributed (?:to )?this (?:report|story|article)\.?$|^(?:some )?information for this (?:report|article|story)"
    r" came from\b|^[-–—]?\s?with (?:reuters|afp|ap|dpa|agencies|the associated press)(?:,? and (?:reuters|afp|ap|dpa"
    r"|agencies))?\.?$|\((?:with|and) (?:afp|reuters|ap|dpa|agencies)\)$|^\*?writing by\b|^by .{2,60} and (?:news )?"
    r"agencies\.?$|^\S{2,20} and agencies$|^\[editor: [^\]]*\]$|^author(?: [A-Z][\w.'-]+){1,4}(?: \([^()]*\))?$"
    r"|^[a-z]{2,5}/[a-z]{2,5}\s?\([^()]*\)$|^translated from the \w+ by\b",
    re.IGNORECASE,
)
# Tag lists, short links and list widgets: "Tags: Bashagha Dbeibah", "Short link:", "list 2 of 4", "Keep reading".
_TAG_LINE = re.compile(
    r"^(?:tags|search keywords|keywords|short link|main category|category|filed under|topics?)\s?:"
    r"|^(?:explore more on these topics|reuse this content|other ways to share|keep reading|end of list"
    r"|click to expand image|video ?player ?close|save articles to read later\b.*|also available in \S+"
    r"|\S+ recommends)$|^list(?: [0-9]+)? of [0-9]+(?: items)?$|^permalink\b|^https?://\S+$|^text by\s?:"
    r"|^share this via \S+$",
    re.IGNORECASE,
)
_LOGO = re.compile(r"^\S.{0,60}\blogo$", re.IGNORECASE)
_SECTION = re.compile(r"^\S+(?: \S+)?\s(?:Region|Section|Edition|Desk|News|Opinion|Analysis|Video|Videos|Podcast)$")
_BYLINE = re.compile(
    r"^(?:[Bb]y|[Ww]ritten by|[Ww]ords by)\s[A-Z][\w'.-]+(?:\s(?:[A-Z][\w'.-]+|and|&|de|al-\w+|el-\w+|bin|van"
    r"|von))*(?:\s?[,|–—-]\s?.{0,60})?$"
)
_DATELINE_PREFIX = re.compile(
    r"^(?:(?:first )?published(?: date| on)?|updated|last updated|last modified|posted|date|modified)"
    r"\s?(?:on|at)?\s?:?\s?"
    # or a place opening a dateline line: "London, 23 October 2020:"
    r"|^(?-i:[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?),\s",
    re.IGNORECASE,
)
_DATE_TOKENS = re.compile(
    r"\b[0-3]?[0-9][./][01]?[0-9][./](?:19|20)[0-9]{2}\b|"  # 18.05.2020
    rf"{_FULL_DATE}|\b(?:19|20)[0-9]{{2}}-[0-9]{{2}}-[0-9]{{2}}(?:T[0-9:.+Z-]+)?\b|\b[0-9]{{1,2}}[:.][0-9]{{2}}"
    r"(?:\s?(?:am|pm|a\.m\.|p\.m\.))?|\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\b"
    r"|\b(?:GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|PST|PDT|ET|AST|KSA|MSK|EAT|CAT|WAT|IST|SAST|AEST|CT|MT|PT"
    r"|Mecca time|Makkah time|local time)(?:[+-][0-9]{1,2})?\b|\b(?:at|on|am|pm)\b"
    rf"|\b{_MONTH}\b|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?|\b[0-9]{{1,2}}(?:st|nd|rd|th)?\b|\b(?:19|20)[0-9]{{2}}\b|[,|·•/():-]"
    # "April 14, 2020 / 4:07 PM / Updated 2 hours ago"
    r"|\b(?:updated?|ago|mins?|minutes?|hours?|hrs?|days?)\b",
    re.IGNORECASE,
)
_READ_TIME = re.compile(r"^[0-9]{1,2}\s?(?:min|mins|minutes?)\s?read$", re.IGNORECASE)
_WIDGET = re.compile(
    r"^(?:click|tap|press|swipe|scroll)\b.*\b(?:here|icon|button|link|below|above|to follow|to read|to listen"
    r"|to view|to see)\b|\bfollow (?:topics|us on|this topic)\b|\bdownload (?:our|the) app\b"
    r"|^listen to (?:this|the) (?:article|story)\b|^(?:enable|turn on) (?:notifications|alerts)\b"
    r"|^listen in \w+$|^powered by\b|^this (?:article|story) is more than \w+ (?:years?|months?) old$",
    re.IGNORECASE,
)
# A promotional last sentence with no full stop: "... Listen to Gideon Levy", "Watch: ...".
_PROMO = re.compile(
    r"(?:^|[.!?]\s)(?:Listen to|Listen:|Watch:|Watch the|Read more|Read also|Also read|See also|Follow us|Download"
    r"|Subscribe to|Sign up for|Get the)\b[^.!?]*$"
)

_TITLE_MAX_WORDS = 30
_STANDFIRST_MAX_WORDS = 45
_TEASER_MAX_WORDS = 25
# Reasons that begin a trailing block when no real paragraph follows them.
_TAIL_STARTERS = {
    "related",
    "comments",
    "subscription",
    "footer",
    "widget",
    "share",
    "promo",
    "read-more",
    "teaser",
    "navigation",
    "credits",
    "cookie",
}


@dataclass(slots=True)
class CleanedText:
    body: str
    title: str | None = None
    standfirst: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)  # (line, reason), in document order

    @property
    def dating_lines(self) -> list[tuple[str, str]]:
        """Removed lines that may carry this article's date (trailing related-article lists excluded)."""
        return [(line, reason) for line, reason in self.removed if not reason.startswith("tail:")]


def _words(line: str) -> int:
    return len(line.split())


def _ends_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line[-6:]))


def _ends_with_period(line: str) -> bool:
    return bool(_PERIOD_END.search(line[-6:]))


def _undouble(line: str) -> str:
    """'Send in e-mailSend in e-mail' -> 'Send in e-mail' (a widget label scraped twice)."""
    n = len(line)
    if n % 2 == 0 and n >= 6 and line[: n // 2] == line[n // 2 :]:
        return line[: n // 2]
    return line


# Cheap substring gates: most lines are body text, and these skip the costlier regexes for them.
_CREDIT_GATE = ("©", ":", "(", "[", "getty", "via ", "/")
_COMMENT_GATE = ("comment", "conversation", "discussion")
_FOOTER_GATE = (
    "independent",
    "republish",
    "rights reserved",
    "copyright",
    "©",
    "this article",
    "this story",
    "this content",
    "this report",
    "wire agency",
    "more about",
    "fill out",
    "reproduction",
)
_COOKIE_GATE = ("cookie", "accept all", "reject all", "privacy", "terms of", "terms &")


def is_caption(line: str) -> bool:
    """A photo caption: a credit/agency cue, or a picture description dated at its end or in present tense."""
    if len(line) > 1200:
        return False
    low = line.casefold()
    if any(g in low for g in _CREDIT_GATE) and _CREDIT.search(line):
        return True
    if _words(line) <= 40 and not _ends_sentence(line) and _TRAILING_CREDIT.search(line):
        return True
    place_date_end = line[-1:].isdigit() or line[-2:-1].isdigit()
    place_date_end = place_date_end and bool(_PLACE_DATE_END.search(line[-90:]))
    if not place_date_end and not _HAS_FULL_DATE.search(line):
        return False
    if _words(line) > 70 or _ATTRIBUTION.search(line):
        return False
    if place_date_end:
        return True
    # Dated present-tense description that does not end like a sentence ("... on May 20, 2020 after its capture").
    return not _ends_sentence(line) and bool(_CAPTION_VERB.search(line))


def furniture_reason(line: str) -> str | None:
    """Why a single line (seen on its own) is page furniture, or None when it may be article text."""
    line = _undouble(line.strip())
    if not line or len(line) > 1500:
        return None  # furniture is short; long lines are text (and must stay fast)
    low = line.casefold()
    words = _words(line)
    if words <= 12:
        key = low.rstrip(" :»›>→|").strip()
        if key in _NAVIGATION or (len(key) <= 2 and not key.isalnum()):
            return "navigation"
        if key in _RELATED:
            return "related"
        if _READ_MORE.fullmatch(key):
            return "read-more"
        if _SHARE_LINE.fullmatch(line):
            return "share"
    if words <= 20 and any(g in low for g in _COMMENT_GATE) and _COMMENTS.search(line):
        return "comments"
    attributed = None
    if any(g in low for g in _FOOTER_GATE) and _FOOTER.search(line):
        attributed = bool(_ATTRIBUTION.search(line))
        if not attributed:
            return "footer"
    if words <= 60 and any(g in low for g in _COOKIE_GATE) and _COOKIE.search(line):
        return "cookie"
    if words <= 20 and _CREDIT_LINE.search(line):
        return "credits"
    if words <= 12 and _TAG_LINE.search(line):
        return "tags"
    if words <= 6 and _LOGO.search(line):
        return "logo"
    if words <= 3 and _SECTION.search(line):
        return "section"
    if words <= 14 and _BYLINE.search(line):
        return "byline"
    if words <= 16:
        if _READ_TIME.search(line):
            return "widget"
        if _is_dateline(line):
            return "dateline"
    if words <= 25:
        if _WIDGET.search(line):
            return "widget"
        if _TEASER_PREFIX.search(line):
            return "teaser"
    if words <= 30 and _SUBSCRIPTION.search(line):
        if attributed is None:
            attributed = bool(_ATTRIBUTION.search(line))
        if not attributed:
            return "subscription"
    if words <= 40 and not _ends_sentence(line) and _PROMO.search(line):
        return "promo"
    if is_caption(line):
        return "caption"
    return None


def _is_dateline(line: str) -> bool:
    """A line that is only a publication date/time stamp, optionally labelled ('Published: 11 December 2019'), or
    bylined ('Jane Doe | 18.05.2020 - Update : 18.05.2020')."""
    if "|" in line:
        parts = [part.strip() for part in line.split("|")]
        return any(_is_dateline(part) for part in parts[1:]) and all(_words(part) <= 8 for part in parts)
    rest = _DATELINE_PREFIX.sub("", line, count=1)
    if not re.search(r"(?:19|20)[0-9]{2}", rest):
        # a stamp without a year: labelled ("Published date: Wednesday 17:02 BST") or relative ("35 minutes ago")
        labelled = rest != line and not line[: len(line) - len(rest)].rstrip().endswith(",")  # (not "Tripoli, ")
        relative = _RELATIVE_STAMP.fullmatch(rest.strip()) is not None
        return (labelled or relative) and bool(rest.strip()) and not _DATE_TOKENS.sub(" ", rest).strip()
    return not _DATE_TOKENS.sub(" ", rest).strip()


_RELATIVE_STAMP = re.compile(
    r"(?:updated\s+)?(?:[0-9]{1,2}|an?|one)\s+(?:mins?|minutes?|hours?|hrs?|days?)\s+ago", re.IGNORECASE
)


def _is_sentence(line: str) -> bool:
    return _ends_sentence(line)


def _is_body_like(line: str) -> bool:
    """A line that reads like a real article paragraph (used to find where the article ends)."""
    if not _is_sentence(line) or is_caption(line):
        return False
    words = _words(line)
    return words >= 20 or (words >= 8 and bool(_ATTRIBUTION.search(line)))


def _opens_menu(items: list[str], reasons: list[str | None], i: int) -> bool:
    """The next two lines are one- or two-word labels: a navigation menu follows, so line i is a masthead."""
    following = items[i + 1 : i + 3]
    return len(following) == 2 and all(_words(line) <= 2 and not _ends_with_period(line) for line in following)


_HEADLINE_MIN_WORDS = 5
# Navigation bars, breadcrumbs and masthead links: "World | Business | Markets", "World › Africa › Libya",
# "Home / Libya / Politics", "The Guardian - Back to home".
_MENU_LINE = re.compile(r"(?:\S\s+[|›»>/]\s+\S.*){2}|\bback to (?:home|top|homepage)\b", re.IGNORECASE)


_CONTENT_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w’'-]{3,}")


def _content_words(text: str) -> set[str]:
    return {w.lower().removesuffix("'s").removesuffix("’s") for w in _CONTENT_WORD.findall(text)} - _COMMON_WORDS


# (words of four letters or more that say nothing about an article's subject)
_COMMON_WORDS = frozenset(
    "this that with from have will their they about after more news said says home menu world latest most also "
    "into over than what when where which while your been were would could should there these those".split()
)


def _about_body(line: str, body_words: set[str]) -> bool:
    """A headline-sized line that shares at least three content words with the article's paragraphs."""
    return _words(line) >= _HEADLINE_MIN_WORDS and len(_content_words(line) & body_words) >= 3


def _title_like(line: str) -> bool:
    words = _words(line)
    return 3 <= words <= _TITLE_MAX_WORDS and not _ends_with_period(line)


def clean_text(raw: str) -> CleanedText:
    """Split a raw article into title, standfirst, body paragraphs (joined by blank lines) and removed furniture."""
    lines = [line.strip() for line in normalise_unicode(raw).split("\n")]
    items = [line for line in lines if line]
    memo: dict[str, str | None] = {}  # pages repeat lines (captions, widgets); classify each distinct line once
    reasons: list[str | None] = []
    for line in items:
        if line not in memo:
            memo[line] = furniture_reason(line)
        reasons.append(memo[line])
    n = len(items)

    # Doubled lines (captions are often scraped twice, the second time with the credit appended): drop the first.
    for i in range(n - 1):
        a, b = items[i], items[i + 1]
        # (b may extend a only by a short tail such as a credit, so a headline that opens the lead paragraph stays)
        doubled = a == b or (b.startswith(a) and len(b) - len(a) <= 80)
        if doubled and len(a) >= 15 and _words(a) >= 3 and reasons[i] is None:
            reasons[i] = "repeated"

    # Headline: the first substantial non-furniture line; short lines before it are page header furniture.
    body_words = _content_words(" ".join(line for line in items if _words(line) >= 20))
    title_index: int | None = None
    candidates: list[int] = []
    for i in range(min(n, 40)):  # long navigation menus come first on some sites
        if reasons[i] is not None:
            continue
        # (a headline may end with a question mark or a closing quotation mark when it is about the body)
        if _title_like(items[i]) and (not _is_sentence(items[i]) or _about_body(items[i], body_words)):
            # (a line over a menu that shares the body's words is the page's headline, not the site's name)
            if (_opens_menu(items, reasons, i) and not _about_body(items[i], body_words)) or _MENU_LINE.search(
                items[i]
            ):
                reasons[i] = "header"  # the site's name over its menu ("The Libya Observer", "Home", "Politics")
                continue
            candidates.append(i)
            if _words(items[i]) >= _HEADLINE_MIN_WORDS:
                break
            continue
        if _words(items[i]) >= 4:
            break  # the article starts with a paragraph
        reasons[i] = "header"
    # A headline has a few words at least: shorter lines before it are the site's name or section
    # ("Middle East Eye", "International News 24/7"); with no longer line, the first short one is the headline.
    long_enough = [i for i in candidates if _words(items[i]) >= _HEADLINE_MIN_WORDS]
    if long_enough or candidates:
        title_index = long_enough[0] if long_enough else candidates[0]
        for i in candidates:
            if i < title_index:
                reasons[i] = "header"
    start = 0 if title_index is None else title_index + 1
    if title_index is None:
        for i in range(min(n, 15)):
            if reasons[i] == "header":
                start = i + 1

    # A doubled headline leaves its second copy right after it.
    if title_index is not None:
        j = start
        while j < n and items[j] == items[title_index]:
            reasons[j] = "repeated"
            j += 1
        start = j

    # Standfirst: one short summary line right after the headline, with no full stop and no attribution.
    standfirst_index: int | None = None
    j = start
    while j < n and reasons[j] is not None:
        j += 1
    if (
        title_index is not None
        and j < n
        and _words(items[j]) <= _STANDFIRST_MAX_WORDS
        and not _ends_with_period(items[j])
        and not _ATTRIBUTION.search(items[j])
    ):
        standfirst_index = j
        if j + 1 < n and reasons[j + 1] is None and items[j + 1] == items[j]:
            reasons[j + 1] = "repeated"

    # Before the first real paragraph, lines that are not sentences are image captions / labels.
    # (Only when a real paragraph shows up within a few lines: text without full stops is left alone.)
    begin = (standfirst_index + 1) if standfirst_index is not None else start
    pending: list[int] = []
    for i in range(begin, n):
        if reasons[i] is not None:
            continue
        if _is_sentence(items[i]) and _words(items[i]) >= 8:
            for k in pending:
                reasons[k] = "caption"
            break
        pending.append(i)
        if len(pending) > 6:
            break

    # Inside the article: "Read More" follows the teaser headline it links to; doubled non-sentences are captions.
    for i in range(begin, n):
        if reasons[i] == "read-more":
            k = i - 1
            while k >= begin and reasons[k] is not None and reasons[k] != "repeated":
                k -= 1
            if k >= begin and reasons[k] is None and _words(items[k]) <= _TEASER_MAX_WORDS:
                if not _ends_with_period(items[k]):
                    reasons[k] = "teaser"
        if reasons[i] == "repeated" and i + 1 < n and reasons[i + 1] is None and not _is_sentence(items[i + 1]):
            reasons[i + 1] = "caption"

    # Exact repeats of an earlier body line (pull quotes) are dropped; the first copy stays.
    seen: set[str] = set()
    for i in range(begin, n):
        if reasons[i] is None and i != standfirst_index:
            if items[i] in seen and _words(items[i]) < 60:
                reasons[i] = "repeated"
            seen.add(items[i])

    # Trailing block: from the first furniture marker after which no real paragraph follows, everything goes.
    tail_start: int | None = None
    for i in range(n - 1, begin - 1, -1):
        if reasons[i] is None and i != standfirst_index and _is_body_like(items[i]):
            break
        if reasons[i] in _TAIL_STARTERS:
            tail_start = i
    if tail_start is not None:
        for i in range(tail_start, n):
            reasons[i] = "tail:" + (reasons[i] or "related")

    title = items[title_index] if title_index is not None else None
    standfirst = items[standfirst_index] if standfirst_index is not None else None
    body_lines: list[str] = []
    removed: list[tuple[str, str]] = []
    for i, line in enumerate(items):
        if i in (title_index, standfirst_index):
            continue
        if reasons[i] is None:
            body_lines.append(line)
        else:
            removed.append((line, reasons[i]))  # type: ignore[arg-type]
    return CleanedText(body="\n\n".join(body_lines), title=title, standfirst=standfirst, removed=removed)
