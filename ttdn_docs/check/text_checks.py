"""Checks of what the document says: the header elements and their grammar, title and
trích yếu, separators, section numbering, end of body, Nơi nhận, signature authority,
and text hygiene. The grammars are the profile's, as ``profiles.grammar`` writes them."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ttdn_docs.docxread.anatomy import UNIT_WORDS, Anatomy, FoundSeparator, is_separator_like
from ttdn_docs.docxread.view import DocxView, Location, Para
from ttdn_docs.check.reporter import Reporter
from ttdn_docs.admin import DocumentKind, SignatureAuthority
from ttdn_docs.profiles.grammar import apply_case, is_deputy_title, read_signature_prefix
from ttdn_docs.profiles.model import Profile, Separator
from ttdn_docs.ttdn.todo import TODO_WORD, todo_hint
from ttdn_docs.vn import date_line, fold_key, nfc
from ttdn_docs.vn.dates import DATE_WORDS_PATTERN, day_text, month_text
from ttdn_docs.vn.numbering import number_symbol, symbol_value
from ttdn_docs.vn.variants import tone_style, tone_style_counts, words

_FIELD = re.compile(r"\{(\w+)\}")
# What each grammar placeholder may hold when read back.
_NUMBER_FIELDS = {"number": r"(?P<number>\d+)?", "type": r"(?P<type>\S+?)", "body": r"(?P<body>\S+?)", "unit": r"(?P<unit>\S+?)"}
_DATE_FIELDS = {"place": r"(?P<place>[^,]+?)", "date": DATE_WORDS_PATTERN}
# A number or date line is short; a longer one is wrong without running the grammar on it.
MAX_LINE = 200
_STYLE_WORDS = {"old": "đặt dấu kiểu cũ (uỷ, hoà)", "new": "đặt dấu kiểu mới (ủy, hòa)"}


def template_pattern(template: str, fields: dict[str, str]) -> re.Pattern[str]:
    """A profile grammar template (``Số {number}-{type}/{body}``) as a regular
    expression: literal text exact, a space any run of spaces (hand-filled blanks)."""
    return _template_pattern(template, tuple(fields.items()))


@lru_cache(maxsize=256)  # a handful of templates per profile, used for every file
def _template_pattern(template: str, field_items: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    fields = dict(field_items)
    parts = []
    position = 0
    for match in _FIELD.finditer(template):
        parts.append(_literal(template[position : match.start()]))
        parts.append(fields[match.group(1)])
        position = match.end()
    parts.append(_literal(template[position:]))
    return re.compile("^" + "".join(parts) + "$")


def _literal(text: str) -> str:
    return "".join(r"\s+" if char == " " else re.escape(char) for char in text).replace(r"\s+\s+", r"\s+")


# -- header -------------------------------------------------------------------------------


def check_header(anatomy: Anatomy, reporter: Reporter) -> None:
    profile = reporter.profile
    header_place = anatomy.header[0].location() if anatomy.header else Location("body")
    for index, (line, para) in enumerate(zip(profile.elements.national_lines, anatomy.national), start=1):
        if para is None:
            reporter.add(f"NATIONAL_{index}.MISSING", header_place, f"Thiếu dòng «{line.text}» ở đầu văn bản.", expected=line.text)
        elif fold_key(para.text) != fold_key(line.text):
            reporter.add(f"NATIONAL_{index}.TEXT", para, "Dòng này viết không đúng.", expected=line.text, found=para.text.strip())
    if not anatomy.issuer:
        reporter.add("ISSUER.MISSING", header_place, "Không tìm thấy tên cơ quan ban hành.")
    if anatomy.number is None:
        reporter.add("NUMBER.MISSING", header_place, "Không tìm thấy số, ký hiệu văn bản (dòng «Số …»).")
    else:
        check_number(anatomy, reporter, anatomy.number)
    if anatomy.place_date is None:
        reporter.add("PLACE_DATE.MISSING", header_place, "Không tìm thấy dòng địa danh, ngày tháng năm.")
    else:
        check_place_date(reporter, anatomy.place_date)
    e = profile.elements
    if any(anatomy.national):
        _check_separator(reporter, "NATIONAL_SEPARATOR", e.national_separator, anatomy.national_separator, [p for p in anatomy.national if p][-1])
    if anatomy.issuer:
        _check_separator(reporter, "ISSUER_SEPARATOR", e.issuer_separator, anatomy.issuer_separator, anatomy.issuer[-1])


def _check_separator(reporter: Reporter, code: str, separator: Separator, found: FoundSeparator | None, above: Para) -> None:
    if found is None:
        what = f"«{separator.text}»" if separator.kind == "text" else "đường kẻ"
        reporter.add(f"{code}.MISSING", above, f"Thiếu {what} phía dưới dòng này.", expected=what, found="không có")
    elif separator.kind == "text" and found.text != separator.text:
        reporter.add(f"{code}.TEXT", found.para, "Ký tự phân cách không đúng.", expected=separator.text, found=found.text)


def check_number(anatomy: Anatomy, reporter: Reporter, para: Para) -> None:
    grammar = reporter.profile.number
    text = para.text.strip()
    matches = _number_matches(reporter.profile, text)
    match = matches.get(grammar.template) or matches.get(grammar.cong_van_template)
    if match is None:
        example = grammar.template.format(number="04", type="KH", body="ĐU", unit="VP")
        reporter.add("NUMBER.FORMAT", para, "Số, ký hiệu không đúng mẫu của hồ sơ.", expected=f"{grammar.template} (ví dụ: {example})", found=text)
        return
    number = match.groupdict().get("number")
    if number and number != f"{int(number):0{grammar.digits}d}" and len(number) <= grammar.digits:
        reporter.add(
            "NUMBER.PADDING", para, f"Số nhỏ hơn {10 ** (grammar.digits - 1)} phải thêm số 0 ở trước.",
            expected=f"{int(number):0{grammar.digits}d}", found=number,
        )
    kind_type = match.groupdict().get("type")
    if kind_type is None or is_cong_van(anatomy, reporter.profile):
        return
    known = set(reporter.profile.type_abbreviations.values())
    expected = reporter.profile.type_abbreviations.get(anatomy.kind.value) if anatomy.kind is not None else None
    if kind_type not in known:
        reporter.add("NUMBER.TYPE", para, "Chữ viết tắt tên loại văn bản không có trong hồ sơ thể thức.", expected=expected or ", ".join(sorted(known)), found=kind_type)
    elif expected is not None and kind_type != expected:
        reporter.add(
            "NUMBER.TYPE", para, f"Chữ viết tắt tên loại không khớp tên loại «{reporter.profile.type_name(anatomy.kind) if anatomy.kind else ''}».",
            expected=expected, found=kind_type,
        )


def _number_matches(profile: Profile, text: str) -> dict[str, re.Match[str]]:
    """The number line read with the profile's templates (typed documents, công văn)."""
    grammar = profile.number
    if len(text) > MAX_LINE:
        return {}
    out = {}
    for template in dict.fromkeys((grammar.template, grammar.cong_van_template)):
        match = template_pattern(template, _NUMBER_FIELDS).match(text)
        if match:
            out[template] = match
    return out


def is_cong_van(anatomy: Anatomy, profile: Profile) -> bool:
    """A công văn has no title; its number carries the profile's công văn abbreviation
    (``237-CV/ĐU``) or, where công văn has none, no type at all (``12/UBND-VX``)."""
    if anatomy.kind_title is not None or anatomy.number is None:
        return False
    matches = _number_matches(profile, anatomy.number.text.strip())
    own = profile.type_abbreviations.get(DocumentKind.CONG_VAN.value)
    typed = matches.get(profile.number.template)
    if typed is not None and own is not None and typed.groupdict().get("type") == own:
        return True
    known = set(profile.type_abbreviations.values())
    separate = profile.number.cong_van_template != profile.number.template
    return separate and profile.number.cong_van_template in matches and (
        typed is None or typed.groupdict().get("type") not in known
    )


def check_place_date(reporter: Reporter, para: Para) -> None:
    grammar = reporter.profile.date
    text = para.text.strip()
    match = template_pattern(grammar.template, _DATE_FIELDS).match(text) if len(text) <= MAX_LINE else None
    if match is None:
        example = date_line("<Địa danh>", dt.date(2025, 8, 5), padded_months=grammar.padded_months)
        reporter.add("PLACE_DATE.FORMAT", para, "Dòng địa danh, ngày tháng năm không đúng mẫu.", expected=example, found=text)
        return
    place, day, month, year = match.group("place", "day", "month", "year")
    if place and place.strip()[:1] != place.strip()[:1].upper():
        reporter.add("PLACE_DATE.PLACE", para, "Địa danh phải viết hoa chữ cái đầu.", expected=place.strip().capitalize(), found=place.strip())
    if day and day != day_text(int(day)):
        reporter.add("PLACE_DATE.DAY", para, "Ngày nhỏ hơn 10 phải thêm số 0 ở trước.", expected=day_text(int(day)), found=day)
    if month and month != month_text(int(month), grammar.padded_months):
        padded = ", ".join(str(m) for m in grammar.padded_months)
        reporter.add(
            "PLACE_DATE.MONTH", para, f"Tháng {padded} thêm số 0 ở trước; các tháng khác không thêm.",
            expected=month_text(int(month), grammar.padded_months), found=month,
        )
    if day and month and year:
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError:
            reporter.add("PLACE_DATE.DATE", para, "Ngày tháng không có thật.", found=f"{day}/{month}/{year}")


# -- title, body ---------------------------------------------------------------------------


def check_title(anatomy: Anatomy, reporter: Reporter) -> None:
    if anatomy.kind_title is None:
        if is_cong_van(anatomy, reporter.profile):
            return  # a công văn has no tên loại; its trích yếu stands under the number
        where = anatomy.header[-1].location() if anatomy.header else Location("body")
        reporter.add("KIND_TITLE.MISSING", where, "Không tìm thấy tên loại văn bản (KẾ HOẠCH, BÁO CÁO …) sau phần đầu.")
        return
    if anatomy.kind_title.mark == "kind_title":
        _check_title_words(anatomy, reporter, anatomy.kind_title)
    if anatomy.summary is None:
        reporter.add("SUMMARY.MISSING", anatomy.kind_title, "Thiếu trích yếu nội dung dưới tên loại văn bản.")
        return
    _check_separator(reporter, "SUMMARY_SEPARATOR", reporter.profile.elements.summary_separator, anatomy.summary_separator, anatomy.summary)


def _check_title_words(anatomy: Anatomy, reporter: Reporter, title: Para) -> None:
    """The title line in the template's style spells its type's name (``types.*.name``)
    letter for letter, whatever its case (``KIND_TITLE.CASE`` judges that): the type its
    words read as, else the one its number names. A line without our style is the title
    only when it spells a type, so it is not judged here."""
    profile = reporter.profile
    case = profile.elements.kind_title.case
    named: str | None = anatomy.kind.value if anatomy.kind is not None else None
    if named is None and anatomy.number is not None:
        match = _number_matches(profile, anatomy.number.text.strip()).get(profile.number.template)
        abbreviation = match.groupdict().get("type") if match is not None else None
        named = next((key for key, value in profile.type_abbreviations.items() if value == abbreviation), None)
    written = " ".join(nfc(title.text).split())
    if named is not None:
        expected = apply_case(profile.type_name(named), case)
        if written.casefold() != expected.casefold():
            reporter.add("KIND_TITLE.TEXT", title, f"Tên loại văn bản phải viết đúng «{expected}».", expected=expected, found=written)
    else:
        expected = ", ".join(apply_case(t.name, case) for t in profile.types.values())
        reporter.add(
            "KIND_TITLE.TEXT", title, "Tên loại văn bản không có trong bảng loại văn bản của hồ sơ thể thức.",
            expected=expected, found=written,
        )


def check_body(anatomy: Anatomy, reporter: Reporter) -> None:
    levels = reporter.profile.elements.headings
    counters = [0] * len(levels)
    # Word's automatic numbers are read as typed ones (``Para.label``); a list whose
    # symbol is none of the profile's (a round bullet, "1)" for a mục) is only flagged.
    auto_numbered = next(
        (p for role, p in anatomy.body if p.fmt.numbered and p.number not in anatomy.numbered and not role.startswith("bullet")),
        None,
    )
    if auto_numbered is not None:
        reporter.add(
            "BODY.AUTO_NUMBERING", auto_numbered,
            "Đoạn dùng đánh số hoặc ký hiệu đầu dòng tự động của Word không theo mẫu của hồ sơ thể thức; nên gõ số, ký hiệu trực tiếp.",
            found=auto_numbered.label or "(không đọc được số)",
        )
    for role, para in anatomy.body:
        if role in ("article", "chapter"):
            # Khoản are numbered from 1 again in each Điều (and each Chương).
            counters = [0] * len(levels)
            continue
        numbered = anatomy.numbered.get(para.number)
        _check_opening(reporter, role, para, numbered is not None)
        if numbered is None:
            continue
        level = levels[numbered.level]
        code = f"HEADING_{numbered.level + 1}"
        if numbered.suffix != level.suffix:
            reporter.add(f"{code}.SUFFIX", para, "Dấu sau số thứ tự không đúng.", expected=numbered.symbol + level.suffix, found=numbered.symbol + numbered.suffix)
        value = symbol_value(level.numbering, numbered.symbol)
        expected = counters[numbered.level] + 1
        if value != expected:
            reporter.add(
                f"{code}.SEQUENCE", para, "Số thứ tự bị nhảy, lặp hoặc sai thứ tự.",
                expected=number_symbol(level.numbering, expected) + level.suffix, found=numbered.symbol + numbered.suffix,
            )
        counters[numbered.level] = value if value is not None else expected
        for deeper in range(numbered.level + 1, len(counters)):
            counters[deeper] = 0
    end = reporter.profile.body_end
    texts = [p for role, p in anatomy.body]
    if end and texts and not texts[-1].text.rstrip().endswith(end):
        reporter.add("BODY.END", texts[-1], f"Đoạn cuối của nội dung phải kết thúc bằng «{end}».", expected=end, found=texts[-1].text.rstrip()[-5:])


def _check_opening(reporter: Reporter, role: str, para: Para, numbered: bool) -> None:
    """A heading or bullet line in the template's style (the renderer's own role) opens
    with its level's number or marker as the profile writes them (``prefix``, ``marker``);
    a paragraph without such a style takes its role from its opening, so has nothing to
    miss."""
    if para.mark != role:
        return
    kind, _, index = role.partition("_")
    elements = reporter.profile.elements
    if kind == "heading" and not numbered and int(index) <= len(elements.headings):
        level = elements.headings[int(index) - 1]
        shown = level.prefix + number_symbol(level.numbering, 1) + level.suffix
        reporter.add(
            f"HEADING_{index}.PREFIX", para, f"Đề mục cấp {index} phải mở đầu bằng số thứ tự viết như «{shown}».",
            expected=shown, found=para.shown_text.strip()[: len(shown) + 2],
        )
    elif kind == "bullet" and int(index) <= len(elements.bullets):
        marker = elements.bullets[int(index) - 1].marker
        if re.match(rf"\s*{re.escape(marker)}\s", para.shown_text) is None:
            reporter.add(
                f"BULLET_{index}.MARKER", para, f"Dòng gạch đầu dòng phải mở đầu bằng «{marker}» và một dấu cách.",
                expected=marker + " ", found=para.shown_text.strip()[:2],
            )


# -- Nơi nhận, signature ------------------------------------------------------------------


def check_recipients(anatomy: Anatomy, reporter: Reporter) -> None:
    grammar = reporter.profile.recipients
    label = anatomy.recipients_label
    if label is None:
        where = anatomy.body[-1][1].location() if anatomy.body else Location("body")
        reporter.add("RECIPIENTS_LABEL.MISSING", where, f"Thiếu phần «{grammar.label}».", expected=grammar.label)
        return
    if anatomy.recipients_below:
        reporter.add(
            "RECIPIENTS_LABEL.PLACEMENT", label,
            "«Nơi nhận» gõ dưới chữ ký nên in ra nằm dưới họ tên người ký; đặt ngang hàng với khối chữ ký, "
            "bên trái (bảng hai cột không viền hoặc tab).",
            expected="bên trái, ngang hàng chữ ký", found="dưới chữ ký",
        )
    if label.text.strip() != grammar.label:
        reporter.add("RECIPIENTS_LABEL.TEXT", label, "Nhãn nơi nhận viết không đúng.", expected=grammar.label, found=label.text.strip())
    lines = anatomy.recipients
    if not lines:
        reporter.add("RECIPIENT.ARCHIVE", label, "Không có dòng nơi nhận nào (ít nhất dòng lưu).", expected=grammar.archive)
        return
    for index, para in enumerate(lines):
        text = para.text.strip()
        if not text.startswith(grammar.prefix):
            reporter.add("RECIPIENT.PREFIX", para, f"Dòng nơi nhận phải bắt đầu bằng «{grammar.prefix.strip()}» và một dấu cách.", expected=grammar.prefix, found=text[:2])
        last = index == len(lines) - 1
        end = grammar.last_end if last else grammar.line_end
        if not text.endswith(end):
            which = "Dòng cuối" if last else "Dòng nơi nhận"
            reporter.add("RECIPIENT.LINE_END", para, f"{which} phải kết thúc bằng «{end}».", expected=end, found=text[-1:])
        if not last:
            _check_purpose(reporter, para, text)
    _check_archive(reporter, lines[-1])


def _check_purpose(reporter: Reporter, para: Para, text: str) -> None:
    """A recipient's purpose in parentheses («(để báo cáo)») as ``recipients.purpose``
    writes it after the name (`` ({purpose})``)."""
    template = reporter.profile.recipients.purpose
    before, _, after = template.partition("{purpose}")
    opening = before.strip() or "("
    if opening not in text or len(text) > MAX_LINE:
        return
    # The line's end (right or wrong) is RECIPIENT.LINE_END's to judge.
    text = text.rstrip() if after.endswith((";", ",", ".")) else text.rstrip(" ;,.")
    if re.search(rf"\S{re.escape(before)}[^()]+{re.escape(after)}$", text) is None:
        example = template.format(purpose="để báo cáo").strip()
        reporter.add(
            "RECIPIENT.PURPOSE", para, f"Mục đích gửi viết sau tên nơi nhận theo mẫu «{example}».",
            expected=example, found=text[text.index(opening):],
        )


def _check_archive(reporter: Reporter, para: Para) -> None:
    grammar = reporter.profile.recipients
    text = para.text.strip()
    content = text.removeprefix(grammar.prefix.strip()).strip()
    content = content.removesuffix(grammar.last_end).strip() if grammar.last_end else content
    keyword = grammar.archive.split("{")[0].strip(" :")
    match = template_pattern(grammar.archive, {"items": r"(?P<items>.+)"}).match(content) if len(content) <= MAX_LINE else None
    example = grammar.archive.format(items=grammar.archive_join.join([*grammar.archive_fixed, "VP"]))
    if match is None:
        if fold_key(content).startswith(fold_key(keyword)):
            reporter.add("RECIPIENT.ARCHIVE", para, "Dòng lưu viết không đúng mẫu.", expected=example, found=content)
        else:
            reporter.add("RECIPIENT.ARCHIVE", para, f"Dòng cuối của nơi nhận phải là dòng lưu («{keyword} …»).", expected=example, found=content)
        return
    items = [item.strip() for item in match.group("items").split(grammar.archive_join.strip())]
    missing = [item for item in grammar.archive_fixed if item not in items]
    if missing:
        reporter.add("RECIPIENT.ARCHIVE", para, f"Dòng lưu phải có {', '.join(missing)}.", expected=example, found=content)


def check_addressees(anatomy: Anatomy, reporter: Reporter) -> None:
    """Kính gửi lines in the profile's own grammar (``addressees``, not Nơi nhận's): one
    addressee on the label line ending ``single_end``; several as ``- Ban A;`` … ``- Ban B.``."""
    if not anatomy.addressees:
        return
    grammar = reporter.profile.addressees
    first, *others = anatomy.addressees
    text = first.text.strip()
    if not text.startswith(grammar.label):
        reporter.add("ADDRESSEE.LABEL", first, "Nhãn Kính gửi viết không đúng.", expected=grammar.label, found=text[: len(grammar.label) + 2])
    after = text.partition(":")[2].strip()
    dash = grammar.prefix.strip()
    if after and not others and not after.startswith(dash):
        _check_addressee_end(reporter, first, after, grammar.single_end, "Kính gửi một nơi")
        return
    lines = ([(first, after)] if after else []) + [(p, p.text.strip()) for p in others]
    for index, (para, line) in enumerate(lines):
        if not line.startswith(grammar.prefix):
            reporter.add("ADDRESSEE.PREFIX", para, f"Dòng Kính gửi phải bắt đầu bằng «{dash}».", expected=grammar.prefix, found=line[:2])
        last = index == len(lines) - 1
        _check_addressee_end(reporter, para, line, grammar.last_end if last else grammar.line_end, "Dòng cuối" if last else "Dòng Kính gửi")


def _check_addressee_end(reporter: Reporter, para: Para, line: str, end: str, which: str) -> None:
    # An empty end asks for nothing: ND 30 writes ``Kính gửi: Bộ Nội vụ`` and a reviewer
    # lets a full stop after it stand.
    if end and not line.endswith(end):
        reporter.add("ADDRESSEE.LINE_END", para, f"{which} phải kết thúc bằng «{end}».", expected=end, found=line[-1:])


def check_signature(anatomy: Anatomy, reporter: Reporter) -> None:
    grammar = reporter.profile.signature
    if not anatomy.signature:
        where = anatomy.recipients_label.location() if anatomy.recipients_label else Location("body")
        reporter.add("SIGNATURE_POSITION.MISSING", where, "Không tìm thấy khối chữ ký (quyền hạn, chức vụ người ký).")
        return
    written = _written_prefixes(reporter.profile)
    allowed = {"collective": [grammar.collective_prefix], "authority": list(grammar.prefixes.values())}
    roles = [role for role, _para in anatomy.signature]
    for role, para in anatomy.signature:
        typed = read_signature_prefix(reporter.profile, para.text)
        if role in allowed and typed is not None and typed.typed not in allowed[role]:
            wanted = written.get(typed.meaning) or " / ".join(allowed[role])
            reporter.add(f"SIGNATURE_{role.upper()}.PREFIX", para, "Chữ viết tắt quyền hạn ký không đúng hồ sơ thể thức.", expected=wanted, found=typed.typed)
    if "collective" in roles and "authority" in roles and not grammar.authority_line_under_collective:
        para = next(p for role, p in anatomy.signature if role == "authority")
        reporter.add(
            "SIGNATURE_AUTHORITY.PLACEMENT", para,
            f"Khi ký thay mặt tập thể ({grammar.collective_prefix}) thì không ghi dòng ký thay bên dưới; chỉ ghi chức vụ người ký.",
            expected="(không có dòng này)", found=para.text.strip(),
        )
    if "collective" in roles and "authority" not in roles and grammar.authority_line_under_collective:
        position = next((p for role, p in anatomy.signature if role == "position"), None)
        deputy = grammar.prefixes.get(SignatureAuthority.DEPUTY)
        if position is not None and deputy and is_deputy_title(reporter.profile, position.text):
            reporter.add(
                "SIGNATURE_AUTHORITY.PLACEMENT", position,
                f"Cấp phó ký thay người đứng đầu phải có dòng «{deputy} …» dưới dòng thay mặt tập thể.",
                expected=f"{deputy} <chức vụ người đứng đầu>", found="(không có)", severity="warning",
            )
    _check_collective_issuer(anatomy, reporter, roles)
    if "position" not in roles:
        reporter.add("SIGNATURE_POSITION.MISSING", anatomy.signature[-1][1], "Thiếu dòng chức vụ người ký.")
    if anatomy.signer_name is None:
        reporter.add("SIGNER_NAME.MISSING", anatomy.signature[-1][1], "Thiếu họ tên người ký.")


def _written_prefixes(profile: Profile) -> dict[str, str]:
    """The prefix the profile writes for each meaning (``collective`` → ``T/M``)."""
    grammar = profile.signature
    return {"collective": grammar.collective_prefix, **{k.value: v for k, v in grammar.prefixes.items()}}


def _check_collective_issuer(anatomy: Anatomy, reporter: Reporter, roles: list[str]) -> None:
    """A collective issuer (a cấp ủy) signs on behalf of the collective: a deputy signing
    «K/T» without the collective line breaks HD 36 1.7.1."""
    grammar = reporter.profile.signature
    issuer = fold_key(" ".join(p.text for p in anatomy.issuer))
    if "collective" in roles or not any(issuer.startswith(fold_key(name)) for name in grammar.collective_issuers):
        return
    for role, para in anatomy.signature:
        typed = read_signature_prefix(reporter.profile, para.text)
        if role == "authority" and typed is not None and typed.meaning == SignatureAuthority.DEPUTY.value:
            reporter.add(
                "SIGNATURE_COLLECTIVE.MISSING", para,
                f"Cấp ủy là tập thể: ký «{grammar.collective_prefix} <tập thể>» rồi chức vụ người ký "
                f"(ví dụ «{grammar.collective_prefix} BAN THƯỜNG VỤ» / «PHÓ BÍ THƯ»), không ký «{typed.typed}».",
                expected=f"{grammar.collective_prefix} <tập thể>", found=para.text.strip(),
            )
            return


# -- ready to be signed --------------------------------------------------------------------

# Where a DỰ THẢO mark stands: above or in the header, or in a page header.
_DRAFT_SEARCH = 12


def check_readiness(view: DocxView, reporter: Reporter, *, final: bool) -> None:
    """A part still to be written (``<<CẦN ĐIỀN: …>>``) and a DỰ THẢO mark: a file that is
    not marked as a draft must hold no placeholder (in a draft it is a warning); checked
    as the text to be signed (``final``) neither may stand."""
    word = fold_key(reporter.profile.marks.get("draft", "DỰ THẢO"))
    paras = list(view.paragraphs)
    heads = paras[:_DRAFT_SEARCH] + [p for story in view.stories if story.kind == "header" for p in story.paras]
    limit = len(word) + 12
    draft = next((p for p in heads if len(p.text) <= limit + 4 and fold_key(p.text.strip()).startswith(word)), None)
    if draft is not None and final:
        reporter.add(
            "MARK.DRAFT", draft, "Văn bản còn dấu DỰ THẢO: bỏ dấu này trước khi trình ký, ban hành.",
            expected="không có dấu DỰ THẢO", found=draft.text.strip(),
        )
    for para in paras:
        hint = todo_hint(para.text) if "<<" in para.text else None
        if hint is None:
            continue
        reporter.add(
            "TEXT.PLACEHOLDER", para,
            f"Còn phần chưa điền «<<{TODO_WORD}: {hint}>>»: viết nội dung này trước khi ban hành.",
            expected="nội dung đã điền", found=f"<<{TODO_WORD}: {hint}>>",
            severity="warning" if draft is not None and not final else None,
        )


# -- hygiene --------------------------------------------------------------------------------


def check_hygiene(view: DocxView, anatomy: Anatomy, reporter: Reporter) -> None:
    """Warnings about the text itself: not NFC, two tone-mark styles, double and
    trailing spaces (the number and date lines may hold hand-filled blanks)."""
    blanks_allowed = {id(p) for p in (anatomy.number, anatomy.place_date) if p is not None}
    paras = list(view.paragraphs) + [p for story in view.stories for p in story.paras]
    texts: list[str] = []
    for para in paras:
        text = para.text
        if not text.strip():
            continue
        texts.append(text)
        if not text.isascii() and text != nfc(text):
            reporter.add("TEXT.NFC", para, "Văn bản có ký tự tổ hợp (không phải Unicode dựng sẵn NFC); hãy chuyển mã.", expected="NFC", found="NFD/tổ hợp")
        if "  " in text.strip() and id(para) not in blanks_allowed and not is_separator_like(text):
            reporter.add("TEXT.DOUBLE_SPACE", para, "Có hai dấu cách liền nhau.")
        if text != text.rstrip(" \u00a0"):
            reporter.add("TEXT.TRAILING_SPACE", para, "Có dấu cách ở cuối đoạn.")
    joined = "\n".join(texts)
    styles = tone_style_counts(joined)  # words never span paragraphs
    # Official names (the commune's own, as the header and date line spell it: «Thuận
    # Hoà») keep their tone placement and are not counted (looked for only when mixed).
    names = _official_names(anatomy) if len(styles) == 2 else None
    if names is not None:
        # A name without a line break cannot match across the join (and "\n" is no
        # word character, like the end of a paragraph): one substitution serves all.
        one_pass = "\n" not in names.pattern
        styles = tone_style_counts(names.sub(" ", joined) if one_pass else "\n".join(names.sub(" ", t) for t in texts))
    # The paragraphs are searched word by word only when the two styles are mixed, for
    # the first word of the rarer one.
    if len(styles) == 2:
        minority = min(styles, key=lambda s: (styles[s], s))
        majority = "new" if minority == "old" else "old"
        para, word = next(
            (p, w) for p in paras for w in words(names.sub(" ", p.text) if names is not None else p.text)
            if tone_style(w) == minority
        )
        reporter.add(
            "TEXT.TONE_MIXED", para,
            f"Văn bản dùng lẫn hai kiểu đặt dấu thanh: {styles['old']} từ {_STYLE_WORDS['old']}, "
            f"{styles['new']} từ {_STYLE_WORDS['new']}. Nên thống nhất một kiểu (trừ tên riêng chính thức).",
            expected=_STYLE_WORDS[majority], found=word,
        )


def _official_names(anatomy: Anatomy) -> re.Pattern[str] | None:
    """The official names a document holds: the place of its date line and the unit name
    of its issuer («XÃ THUẬN HOÀ» → «Thuận Hoà»), as typed there."""
    found: list[str] = []
    if anatomy.place_date is not None:
        place = anatomy.place_date.text.split(",")[0].strip()
        if 0 < len(place) <= _NAME_MAX:
            found.append(place)
    if anatomy.issuer:
        last = anatomy.issuer[-1].text.strip()
        folded = " " + fold_key(last) + " "
        for word in sorted(UNIT_WORDS, key=len, reverse=True):
            at = folded.find(" " + fold_key(word) + " ")
            if at >= 0 and len(folded) == len(last) + 2:
                last = last[at + len(word) + 1 :].strip()
                break
        if 0 < len(last) <= _NAME_MAX:
            found.append(last)
    names = tuple(sorted({n for n in found if any(c.isalpha() for c in n)}, key=len, reverse=True))
    return _names_pattern(names) if names else None


@lru_cache(maxsize=256)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    # The no-word-character-before test stands after the first letter (the same test, one place
    # on) so that the search can skip to where a name may start: three times faster.
    return re.compile(
        "|".join(rf"{re.escape(n[0])}(?<!\w[\s\S]){re.escape(n[1:])}(?!\w)" for n in names), re.IGNORECASE,
    )


_NAME_MAX = 60


# -- the issuer against its rule book and the unit list ------------------------------------


def check_issuer(anatomy: Anatomy, reporter: Reporter, *, final: bool = False) -> None:
    """An issuer of the other rule book (a UBND under «ĐẢNG CỘNG SẢN VIỆT NAM», a Đảng ủy
    under the Quốc hiệu; judged on the text to be signed, ``final``) and a commune name
    spelt otherwise than in the unit list («XÃ THANH MIEN» for Thanh Miện)."""
    if not anatomy.issuer:
        return
    lines = [p.text.strip() for p in anatomy.superior + anatomy.issuer]
    first = anatomy.issuer[0]
    whole = fold_key(" ".join(p.text.strip() for p in anatomy.issuer))
    other = next((name for name in reporter.profile.other_family_issuers if whole.startswith(fold_key(name))), None)
    if other is not None and final:
        reporter.add(
            "ISSUER.FAMILY", first,
            f"Cơ quan ban hành «{' '.join(lines[-len(anatomy.issuer):])}» không thuộc hệ thống của hồ sơ "
            f"{reporter.profile.title}: chọn đúng hồ sơ thể thức (--profile) hoặc sửa phần đầu văn bản.",
            expected="cơ quan theo hồ sơ thể thức", found=other,
        )
    unit = _unit_name(" ".join(p.text.strip() for p in anatomy.issuer))
    names = _official_spelling(unit) if unit is not None else None
    if unit is not None and names is not None:
        reporter.add(
            "ISSUER.NAME", anatomy.issuer[-1],
            f"Tên đơn vị hành chính viết khác danh mục: {names}.",
            expected=names, found=unit,
        )


@lru_cache(maxsize=4096)
def _official_spelling(unit: str) -> str | None:
    """The unit list's names for a commune typed otherwise («XÃ THANH MIEN» → «xã Thanh
    Miện»); ``None`` when it is typed as listed or not found (a folder of one commune's
    files asks once)."""
    from ttdn_docs.units import search_communes
    from ttdn_docs.units.keys import name_key

    matches = search_communes(unit)
    key = name_key(unit)
    if not matches or any(name_key(c.full_name) == key or name_key(c.name) == key for c in matches):
        return None
    return ", ".join(sorted({c.full_name for c in matches})[:3])


def _unit_name(issuer: str) -> str | None:
    """The commune part of an issuer name («ĐẢNG ỦY XÃ THANH MIỆN» → «XÃ THANH MIỆN»)."""
    folded = " " + fold_key(issuer) + " "
    if len(folded) != len(issuer) + 2:
        return None
    for word in ("xã", "phường", "đặc khu"):
        at = folded.find(" " + fold_key(word) + " ")
        if at >= 0:
            name = issuer[at:].strip()
            return name if len(name) <= _NAME_MAX else None
    return None