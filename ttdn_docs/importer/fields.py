"""The header and footer fields of a read document, back as data.

Each reader is the inverse of one of the profile's wording rules (``profiles.grammar``):
the number line of ``number.template``, the date line of ``vn.dates``, Nơi nhận of the
``recipients`` grammar, the signature lines of the ``signature`` grammar. Hand-typed
punctuation that breaks the rule (``Số:`` in a Party file, ``;`` for ``,``) is accepted:
the form is the renderer's job, only the words are read here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ttdn_docs.admin import SignatureAuthority
from ttdn_docs.docxread.anatomy import UNIT_WORDS
from ttdn_docs.profiles.grammar import is_deputy_title, number_label, read_signature_prefix
from ttdn_docs.profiles.model import Profile
from ttdn_docs.vn import fold_key, nfc, parse_numeric_date
from ttdn_docs.vn.case import capitalize_first
from ttdn_docs.vn.dates import DATE_WORDS_PATTERN, NUMERIC_DATE

_DATE_WORDS = re.compile(DATE_WORDS_PATTERN, re.IGNORECASE)
_LINE_END = ",;.:"


@dataclass(frozen=True)
class NumberFields:
    number: int | None
    abbreviation: str


@dataclass(frozen=True)
class PlaceDate:
    place: str
    date: dt.date | None
    year: int | None


@dataclass
class RecipientFields:
    items: list[str | dict[str, str]] = field(default_factory=list)
    archive: list[str] = field(default_factory=list)


def read_number(text: str, profile: Profile) -> NumberFields | None:
    """``Số 04-KH/ĐU`` → 4, ``ĐU``; a draft's blank number → ``None``. Either profile's
    punctuation is accepted (``Số:``, ``/`` or ``-``)."""
    label = re.escape(number_label(profile))
    match = re.match(rf"^\s*{label}\s*:?\s*(?P<digits>\d*)\s*(?P<rest>.*)$", nfc(text), re.IGNORECASE)
    if match is None:
        return None
    rest = match.group("rest").strip(" " + _LINE_END)
    template = profile.number.template
    tail = template[template.find("{number}") + len("{number}"):]
    # The body is what the template puts after the type: ``/ĐU`` or ``-UBND``.
    after_type = tail[tail.find("{type}") + len("{type}"):] if "{type}" in tail else tail
    separator = after_type[: after_type.find("{body}")] if "{body}" in after_type else "/"
    parts = [p for p in re.split(r"[/\-]", rest) if p.strip()]
    if not parts:
        return None
    body = rest.rsplit(separator, 1)[-1] if separator and separator in rest else parts[-1]
    digits = match.group("digits")
    return NumberFields(int(digits) if digits and int(digits) > 0 else None, body.strip())


def read_place_date(text: str) -> PlaceDate | None:
    """``Thanh Miện, ngày 05 tháng 8 năm 2025`` (or a draft's blanks) → place, date, year."""
    text = nfc(text)
    match = _DATE_WORDS.search(text)
    if match is None:
        return _numeric_place_date(text)
    place = text[: match.start()].strip().rstrip(",").strip()
    year = int(match.group("year")) if match.group("year") else None
    date: dt.date | None = None
    if match.group("day") and match.group("month") and year is not None:
        try:
            date = dt.date(year, int(match.group("month")), int(match.group("day")))
        except ValueError:
            date = None
    return PlaceDate(place, date, year)


def _numeric_place_date(text: str) -> PlaceDate | None:
    """``Thanh Miện, 05/8/2025``: a date line typed in digits."""
    match = NUMERIC_DATE.search(text)
    if match is None:
        return None
    try:
        date = parse_numeric_date(match.group(0))
    except ValueError:
        return None
    return PlaceDate(text[: match.start()].strip().rstrip(",").strip(), date, date.year)


def read_recipients(lines: list[str], profile: Profile) -> RecipientFields:
    """Nơi nhận lines → entries (``{name, purpose}`` when the purpose is in brackets) and
    the archive entries of the ``Lưu`` line."""
    grammar = profile.recipients
    archive_word = grammar.archive[: grammar.archive.find("{items}")].strip(" :")
    purpose_open = grammar.purpose[: grammar.purpose.find("{purpose}")].strip()
    purpose_close = grammar.purpose[grammar.purpose.find("{purpose}") + len("{purpose}"):].strip()
    found = RecipientFields()
    for raw in lines:
        text = nfc(raw).strip()
        text = re.sub(r"^[-–—+•*]\s*", "", text).strip().rstrip(_LINE_END).strip()
        if not text:
            continue
        if fold_key(text).startswith(fold_key(archive_word)) and len(text.split()) <= 8:
            items = text[len(archive_word):].lstrip(" :")
            found.archive += [a.strip() for a in re.split(r"[,;]", items) if a.strip()]
            continue
        if purpose_open and text.endswith(purpose_close) and purpose_open in text:
            at = text.rfind(purpose_open)
            name, purpose = text[:at].strip(), text[at + len(purpose_open): len(text) - len(purpose_close)].strip()
            if name and purpose:
                found.items.append({"name": name, "purpose": purpose})
                continue
        found.items.append(text)
    return found


@dataclass
class SignerFields:
    collective: str | None = None
    authority: SignatureAuthority = SignatureAuthority.HEAD
    head_title: str | None = None
    position: str = ""
    name: str = ""

    def as_data(self) -> dict[str, str]:
        data = {"collective": self.collective, "authority": self.authority.value, "head_title": self.head_title,
                "position": self.position, "name": self.name}
        return {k: v for k, v in data.items() if v is not None}


def read_signature(lines: list[tuple[str, str]], name: str, profile: Profile) -> SignerFields:
    """Signature lines (role, text) as found by the reader → who signs, by meaning."""
    signer = SignerFields(name=nfc(name).strip())
    positions: list[str] = []
    for _role, text in lines:
        text = nfc(text).strip()
        # The reader's own prefix spellings (``signature.typed_prefixes``): both agree.
        prefix = read_signature_prefix(profile, text)
        if prefix is not None and prefix.meaning == "collective":
            signer.collective = running_case(prefix.rest)
        elif prefix is not None:
            signer.authority = SignatureAuthority(prefix.meaning)
            signer.head_title = running_case(prefix.rest)
        else:
            positions.append(text)
    signer.position = running_case(" ".join(positions)) if positions else ""
    if signer.authority is SignatureAuthority.HEAD and signer.collective and is_deputy_title(profile, signer.position):
        # ``T/M BAN THƯỜNG VỤ`` over ``PHÓ BÍ THƯ``: a deputy signing for the collective.
        signer.authority = SignatureAuthority.DEPUTY
    return signer


@lru_cache(maxsize=4)
def _folded(text: str) -> str:
    """``fold_key`` of the body's text, once per document (names are looked up in it)."""
    return fold_key(text)


def running_case(text: str, known: str = "") -> str:
    """An upper-case header or signature line in running-text case: as written in
    ``known`` (the body names ``Đảng uỷ xã Thanh Miện``) when found there, else the first
    letter and the name after an administrative word capitalised. Text not in upper
    case is returned as typed."""
    text = nfc(text).strip()
    if text != text.upper():
        return text
    if known:
        # Found despite tone placement (``ĐẢNG ỦY`` in the header, ``Đảng uỷ`` in the body).
        folded = _folded(known)
        at = folded.find(fold_key(text)) if len(folded) == len(known) else known.lower().find(text.lower())
        if at >= 0:
            return known[at: at + len(text)]
    lowered = text.lower()
    # After an administrative word (``xã Thanh Miện``) a name begins: it keeps its capitals.
    for word in UNIT_WORDS:
        match = re.search(rf"\b{word} (.+)$", lowered)
        if match:
            name = " ".join(w[:1].upper() + w[1:] for w in match.group(1).split())
            lowered = lowered[: match.start(1)] + name
            break
    return capitalize_first(lowered)
