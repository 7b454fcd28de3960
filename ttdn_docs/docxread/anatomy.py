"""Find the elements of the anatomy in a .docx: header, title, body, Nơi nhận, signature.

Our own files mark each element with a paragraph style (``TTDN …``) and those marks are
used when present. A file written by hand is read by content and position, using the
profile's own data for what to look for: the first table is the header (the column
holding the profile's national line is its right side; ``Số`` starts the number; the
date line has ``ngày … tháng … năm``), the first paragraph after it naming a document
type is the title, the table holding the profile's ``Nơi nhận`` label ends the body, and
so on. Nothing here judges formatting; ``checks`` does that on what is found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ttdn_docs.admin import DocumentKind
from ttdn_docs.docxread.view import Cell, DocxView, JoinedPara, LineMark, Para, Table
from ttdn_docs.layout.elements import ELEMENTS
from ttdn_docs.profiles.grammar import number_label, read_signature_prefix
from ttdn_docs.profiles.model import HeadingLevel, Profile, Separator
from ttdn_docs.vn import fold_key, upper
from ttdn_docs.vn.numbering import VIETNAMESE_ALPHABET

# A paragraph made only of these characters stands where a separator stands.
_SEPARATOR_CHARS = re.compile(r"^[\s*\-–—_~=.·•]+$")
# A line in brackets under the trích yếu, e.g. "(Ngày 11 tháng 9 năm 2025)" in Party
# reports, stands between the text and its separator.
_SUBTITLE = re.compile(r"^\s*\(.*\)\s*$", re.DOTALL)
_DATE_LINE = re.compile(
    # "…, ngày 05 tháng 8 năm 2025", or the date in digits an office sometimes types
    # ("Thanh Miện, 05/8/2025"): found, so that its form is judged rather than missed.
    r"\bngày\b.*\btháng\b.*\bnăm\b|^[^\d,]{2,60},?\s*(?:ngày\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\s*$",
    re.IGNORECASE | re.DOTALL,
)
# Administrative unit words: a header line starting with one continues the name above it
# (``ỦY BAN NHÂN DÂN`` / ``XÃ HÒA PHÚ`` is one name; ``ĐẢNG BỘ …`` / ``ĐẢNG ỦY …`` two).
UNIT_WORDS = ("xã", "phường", "thị trấn", "đặc khu", "quận", "huyện", "thị xã", "tỉnh", "thành phố")
_UNIT_PREFIXES = tuple(upper(word) + " " for word in UNIT_WORDS)
_SUFFIXES = ".)-/"
_LINE_ENDS = (";", ",", ".", ":")
_SYMBOL = {"upper-roman": r"[IVXLCDM]+", "arabic": r"\d{1,3}", "alpha-vi": f"[{VIETNAMESE_ALPHABET}]{{1,2}}"}
_SEPARATOR_MARKS = {"issuer_separator", "national_separator", "summary_separator"}
MARK_KEYS = frozenset(e.key for e in ELEMENTS if e.mark is not None)
BODY_ROLES = {"body", "item", "heading_1", "heading_2", "heading_3", "bullet_1", "bullet_2"}
_TITLE_LIKE_MAX = 200
# Header and title lines are short; only this much of a paragraph is searched when looking
# for them, so that a huge paragraph costs no quadratic regex time.
_HEAD = 200
_BEFORE_HEADER = 4


@dataclass
class FoundSeparator:
    """A separator as found: the paragraph it stands in and, for a line, the line."""

    para: Para
    line: LineMark | None = None

    @property
    def text(self) -> str:
        return self.para.text.strip()


@dataclass
class Numbered:
    """A numbered body paragraph: its level (index into the profile's headings), symbol
    and the punctuation after it."""

    level: int
    symbol: str
    suffix: str


@dataclass
class Anatomy:
    header: list[Para] = field(default_factory=list)
    national: list[Para | None] = field(default_factory=list)
    national_separator: FoundSeparator | None = None
    superior: list[Para] = field(default_factory=list)
    issuer: list[Para] = field(default_factory=list)
    issuer_separator: FoundSeparator | None = None
    number: Para | None = None
    # A công văn's trích yếu under its number («V/v …»), where the layout puts it.
    cong_van_summary: Para | None = None
    place_date: Para | None = None
    kind_title: Para | None = None
    kind: DocumentKind | None = None
    summary: Para | None = None
    summary_separator: FoundSeparator | None = None
    addressees: list[Para] = field(default_factory=list)
    body: list[tuple[str, Para]] = field(default_factory=list)
    numbered: dict[int, Numbered] = field(default_factory=dict)  # by paragraph number
    # Paragraph number → the numbered heading it stands under, as an officer names it
    # ("II.1"): the symbols of the headings above it, from the top level down.
    sections: dict[int, str] = field(default_factory=dict)
    body_tables: list[Table] = field(default_factory=list)  # data tables: fonts only
    recipients_label: Para | None = None
    recipients: list[Para] = field(default_factory=list)
    signature: list[tuple[str, Para]] = field(default_factory=list)
    signer_name: Para | None = None
    recipients_below: bool = False  # Nơi nhận typed under the signature, not beside it
    # The supplementary marks our renderer marked (độ mật, độ khẩn, DỰ THẢO, người soạn
    # thảo): (element key, paragraph). Typed by hand they are not told from the text.
    # Not among ``elements()``: the importer reads the marks from the lines left over.
    marks: list[tuple[str, Para]] = field(default_factory=list)

    def elements(self) -> list[tuple[str, Para]]:
        """Every found paragraph with the element key whose style applies to it."""
        out: list[tuple[str, Para]] = [(f"national_{i}", p) for i, p in enumerate(self.national, 1) if p]
        out += [("superior", p) for p in self.superior] + [("issuer", p) for p in self.issuer]
        for key in ("national_separator", "issuer_separator", "summary_separator"):
            found: FoundSeparator | None = getattr(self, key)
            if found is not None and found.line is None:
                out.append((key, found.para))
        for key in ("number", "cong_van_summary", "place_date", "kind_title", "summary", "signer_name", "recipients_label"):
            para = getattr(self, key)
            if para is not None:
                out.append((key, para))
        out += [("addressee", p) for p in self.addressees] + self.body
        out += [("recipient", p) for p in self.recipients]
        out += [(f"signature_{role}", p) for role, p in self.signature]
        return out


def loose_key(text: str) -> str:
    """Letters only, folded: finds a line despite spacing, dashes or tone placement."""
    # Short lines (headers, labels) repeat across a folder of files: fold each once.
    return _short_loose_key(text) if len(text) <= _HEAD else _loose_key(text)


def _loose_key(text: str) -> str:
    return _NON_WORD.sub("", fold_key(text))


_NON_WORD = re.compile(r"[^\w]")
_short_loose_key = lru_cache(maxsize=8192)(_loose_key)


def is_separator_like(text: str) -> bool:
    return bool(text.strip()) and bool(_SEPARATOR_CHARS.match(text))


def kind_of_title(text: str, profile: Profile) -> DocumentKind | None:
    """The type whose name (of the profile's ``types:``) the title line spells."""
    if len(text) > _HEAD:
        return None
    key = loose_key(text)
    for type_key, entry in profile.types.items():
        if key == loose_key(entry.name):
            return DocumentKind(type_key)
    return None



def label_key(label: str) -> str:
    """``Nơi nhận:`` → the folded words, to find the label even when written wrongly."""
    return loose_key(label)


class AnatomyReader:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self._national_keys = [loose_key(line.text) for line in profile.elements.national_lines]
        self._recipients_key = label_key(profile.recipients.label)
        self._addressee_key = label_key(profile.addressees.label)
        self._heading_patterns = [_heading_pattern(level) for level in profile.elements.headings]
        self._enacting = _enacting_pattern(profile)
        self._summary_under_number = any("cong_van_summary" in layout.header_left for layout in profile.layouts.values())
        # ``Số`` (the number template's label): a line starting with it is the number.
        self._number_start = re.compile(rf"^\s*{re.escape(number_label(profile))}\b", re.IGNORECASE)

    # -- entry point ------------------------------------------------------------------
    def read(self, view: DocxView) -> Anatomy:
        found = Anatomy()
        blocks = view.blocks
        start = self._read_header(blocks, found)
        signature_at = self._signature_table_index(blocks, start)
        end = signature_at if signature_at is not None else len(blocks)
        start = self._read_title(blocks, start, end, found)
        tail = self._read_body(blocks, start, end, found)
        if signature_at is not None:
            table = blocks[signature_at]
            assert isinstance(table, Table)
            self._read_signature_table(table, found)
        else:
            self._read_signature_paragraphs(tail, found)
        found.marks = [(p.mark, p) for p in view.paragraphs if p.mark in MARK_KEYS and not p.empty]
        return found

    # -- header -----------------------------------------------------------------------
    def _read_header(self, blocks: list[Para | Table], found: Anatomy) -> int:
        """Read the header (a table, or the paragraphs before the title); return the index
        of the first block after it."""
        first = next((i for i, b in enumerate(blocks) if isinstance(b, Table) or not b.empty), None)
        if first is None:
            return len(blocks)
        # Marks may stand above the header table (DỰ THẢO, độ khẩn): look a few blocks on.
        table_at = next((i for i in range(first, min(len(blocks), first + _BEFORE_HEADER + 1)) if isinstance(blocks[i], Table)), None)
        table = blocks[table_at] if table_at is not None else None
        if isinstance(table, Table) and table_at is not None and self._looks_like_header(table):
            cells = list(table.cells)
            end = table_at + 1
        else:
            paras: list[Para] = []
            end = first
            while end < len(blocks) and isinstance(blocks[end], Para) and len(paras) < 20:
                para = blocks[end]
                assert isinstance(para, Para)
                if para.mark == "kind_title" or (not para.mark and kind_of_title(para.text, self.profile)):
                    break
                if para.mark == "addressee" or loose_key(para.text[:_HEAD]).startswith(self._addressee_key):
                    break  # «Kính gửi:» of a công văn (no title line) typed without a table
                paras.append(para)
                end += 1
            if end >= len(blocks) or len(paras) >= 20:
                # No title line: a header typed line under line ends at its date line.
                dated = [i for i, p in enumerate(paras) if self._is_place_date(p)]
                if not dated or not any(self._national_index(p) is not None for p in paras[: dated[0] + 1]):
                    return first  # no header found: the body starts at once
                paras = paras[: dated[0] + 1]
                end = first + len(paras)
            cells = _tab_columns(paras) or [Cell(paras, paras[0].container if paras else 0)]
        self._read_header_cells(cells, found)
        return end

    def _looks_like_header(self, table: Table) -> bool:
        for para in table.paras:
            if para.mark in {"national", "issuer", "number", "place_date"}:
                return True
            head = para.text[:_HEAD]
            key = loose_key(head)
            if key and (key in self._national_keys or self._number_start.match(head) or _DATE_LINE.search(head)):
                return True
        return False

    def _read_header_cells(self, cells: list[Cell], found: Anatomy) -> None:
        for cell in cells:
            found.header += cell.paras
        right = next((c for c in cells if any(self._national_index(p) is not None for p in c.paras)), None)
        left_cells = [c for c in cells if c is not right] or cells
        found.national = [None] * len(self._national_keys)
        if right is not None:
            for para in right.paras:
                index = self._national_index(para)
                if index is not None and found.national[index] is None:
                    found.national[index] = para
            found.place_date = next((p for p in right.paras if self._is_place_date(p)), None)
            found.national_separator = self._separator_after(
                right.paras, [p for p in found.national if p is not None], self.profile.elements.national_separator,
                stop=found.place_date,
            )
        left = [p for c in left_cells for p in c.paras if p is not found.place_date]
        if found.place_date is None:
            found.place_date = next((p for p in left if self._is_place_date(p)), None)
            left = [p for p in left if p is not found.place_date]
        found.number = next((p for p in left if p.mark == "number"), None) or next(
            (p for p in left if not p.mark and self._number_start.match(p.text)), None
        )
        stop = left.index(found.number) if found.number is not None else len(left)
        found.cong_van_summary = self._cong_van_summary(left[stop + 1 :])
        names = [
            p for p in left[:stop]
            if not p.empty and not is_separator_like(p.text) and self._national_index(p) is None
            and p.mark not in {"issuer_separator", "national_separator"}
        ]
        found.superior, found.issuer = self._split_names(names)
        found.issuer_separator = self._separator_after(
            left[: stop + 1], found.issuer, self.profile.elements.issuer_separator, stop=found.number,
        )

    def _cong_van_summary(self, under_number: list[Para]) -> Para | None:
        """The «V/v …» line under the number, when a layout of the profile puts one
        there: our mark, else the first line under the number that starts so."""
        if not self._summary_under_number:
            return None
        para = next((p for p in under_number if not p.empty), None)
        if para is None:
            return None
        if para.mark == "cong_van_summary" or (not para.mark and _ABOUT_START.match(para.text[:_HEAD])):
            return para
        return None

    def _national_index(self, para: Para) -> int | None:
        if (para.mark == "national" or not para.mark) and len(para.text) <= _HEAD:
            key = loose_key(para.text)
            if key in self._national_keys:
                return self._national_keys.index(key)
        return None

    @staticmethod
    def _is_place_date(para: Para) -> bool:
        return para.mark == "place_date" or (not para.mark and bool(_DATE_LINE.search(para.text[:_HEAD])))

    @staticmethod
    def _split_names(names: list[Para]) -> tuple[list[Para], list[Para]]:
        """Superior lines and issuer lines: by our marks, else the last name is the issuer
        and the names above it are superiors (a line starting with a unit word continues
        the name above it)."""
        if any(p.mark in {"superior", "issuer"} for p in names):
            return [p for p in names if p.mark == "superior"], [p for p in names if p.mark != "superior"]
        groups: list[list[Para]] = []
        for para in names:
            if groups and upper(para.text.strip()).startswith(_UNIT_PREFIXES):
                groups[-1].append(para)
            else:
                groups.append([para])
        if not groups:
            return [], []
        return [p for g in groups[:-1] for p in g], groups[-1]

    def _separator_after(
        self, paras: list[Para], above: list[Para], separator: Separator, stop: Para | None
    ) -> FoundSeparator | None:
        """The separator under the last of ``above``: a text paragraph for a text
        separator; for a line, a border or drawn line on the text itself or on a paragraph
        after it (a shape anchored in ``stop`` counts; a border on ``stop`` does not)."""
        if not above:
            return None
        last = above[-1]
        start = paras.index(last) if last in paras else 0
        for para in paras[start:]:
            own = para is last
            if separator.kind == "text":
                if own:
                    continue
                if para is stop:
                    break
                if para.mark in _SEPARATOR_MARKS and not para.empty:
                    return FoundSeparator(para)
                if is_separator_like(para.text):
                    return FoundSeparator(para)
                if not para.empty and not _SUBTITLE.match(para.text[:_HEAD]):
                    break
            else:
                lines = [m for m in para.lines if not (para is stop and m.kind == "border")]
                if lines:
                    return FoundSeparator(para, lines[0])
                if para is stop or (not own and not para.empty and not _SUBTITLE.match(para.text[:_HEAD])):
                    break
        return None

    # -- title --------------------------------------------------------------------------
    def _read_title(self, blocks: list[Para | Table], start: int, end: int, found: Anatomy) -> int:
        index = start
        limit = min(end, start + 12)
        while index < limit:
            block = blocks[index]
            if isinstance(block, Para) and (
                block.mark == "kind_title" or (not block.mark and not block.empty and kind_of_title(block.text, self.profile))
            ):
                found.kind_title = block
                found.kind = kind_of_title(block.text, self.profile)
                break
            index += 1
        else:
            return start
        index += 1
        while (para := _para_at(blocks, index, end)) is not None and para.empty and not para.lines:
            index += 1
        summary = _para_at(blocks, index, end)
        if summary is not None and not summary.empty and not is_separator_like(summary.text):
            if summary.mark in (None, "summary"):
                found.summary = summary
                index += 1
        separator = self.profile.elements.summary_separator
        scan = [b for b in blocks[index : min(end, index + 3)] if isinstance(b, Para)]
        above = [found.summary] if found.summary is not None else ([found.kind_title] if found.kind_title else [])
        candidates = above + scan
        found.summary_separator = self._separator_after(candidates, above, separator, stop=None)
        if found.summary_separator is not None:
            return blocks.index(found.summary_separator.para) + 1 if found.summary_separator.para in blocks else index
        return index

    # -- body ---------------------------------------------------------------------------
    def _read_body(self, blocks: list[Para | Table], start: int, end: int, found: Anatomy) -> list[Para]:
        """Classify the body; return the paragraphs after it that are not body (the
        signature and Nơi nhận written without a table)."""
        paras: list[Para] = []
        for block in blocks[start:end]:
            if isinstance(block, Table):
                found.body_tables.append(block)
            else:
                paras.append(block)
        tail_at = self._tail_start(paras)
        body, tail = paras[:tail_at], paras[tail_at:]
        index = 0
        while index < len(body) and body[index].empty:
            index += 1
        if index < len(body) and (
            body[index].mark == "addressee" or loose_key(body[index].text[:_HEAD]).startswith(self._addressee_key)
        ):
            found.addressees.append(body[index])
            dash = self.profile.addressees.prefix.strip()
            rest = loose_key(body[index].text)[len(self._addressee_key):]
            # A list: «Kính gửi:» alone on its line, or its first addressee after a dash
            # («Kính gửi: - Các ban, ngành;»), the others one per line under it.
            listed = not rest or _after_label(body[index].shown_text).startswith(dash)
            index += 1
            while listed and index < len(body) and (
                body[index].mark == "addressee" or body[index].shown_text.lstrip().startswith(dash)
            ):
                found.addressees.append(body[index])
                index += 1
        path: list[str] = []
        content = [p for p in body[index:] if not p.empty]
        # Before the enacting line of a decision («QUYẾT ĐỊNH:») stand its position line
        # and căn cứ; a plan's «Căn cứ …» opening is body text.
        preamble = any(p.mark == "enacting" or self._enacting.match(p.text[:_HEAD]) for p in content)
        previous = ""
        for position, para in enumerate(content):
            role = _structure_role(para, previous, self._enacting, preamble=preamble, opening=preamble and position == 0)
            if role == "enacting":
                preamble = False
            numbered = None
            if role is None:
                role, numbered = self._body_role(para)
            previous = role
            found.body.append((role, para))
            if numbered is not None:
                found.numbered[para.number] = numbered
                path = path[: numbered.level] + [""] * (numbered.level - len(path)) + [numbered.symbol]
            if path:
                found.sections[para.number] = ".".join(s for s in path if s)
        return tail

    def _tail_start(self, paras: list[Para]) -> int:
        """Where a signature or Nơi nhận written as plain paragraphs begins."""
        for index, para in enumerate(paras):
            if para.mark in {"recipients_label", "signature_collective", "signature_authority", "signature_position"}:
                return index
            if para.mark:
                continue
            if len(para.text) < 40 and loose_key(para.text).startswith(self._recipients_key):
                return index
            if self._is_signature_line(para):
                return index
        return len(paras)

    def _is_signature_line(self, para: Para) -> bool:
        """``T/M BAN THƯỜNG VỤ``, ``KT. CHỦ TỊCH``: a prefix as a typist writes it
        (``signature.typed_prefixes``: ``T / M``, ``TM.`` …)."""
        return len(para.text) < 80 and read_signature_prefix(self.profile, para.text) is not None

    def _body_role(self, para: Para) -> tuple[str, Numbered | None]:
        # Word's automatic number or bullet counts as typed (``Para.label``).
        shown = para.shown_text
        numbered = self._numbering(shown)
        if para.mark in BODY_ROLES:
            return para.mark, numbered
        if numbered is not None:
            text = shown.strip()
            title_like = len(text) <= _TITLE_LIKE_MAX and not text.endswith((".", ";", ":", ","))
            return (f"heading_{numbered.level + 1}" if title_like else "item"), numbered
        for index, bullet in enumerate(self.profile.elements.bullets, start=1):
            if shown.lstrip().startswith(bullet.marker + " "):
                return f"bullet_{index}", None
        return "body", None

    def _numbering(self, text: str) -> Numbered | None:
        for level, pattern in enumerate(self._heading_patterns):
            match = pattern.match(text)
            if match:
                return Numbered(level, match.group("symbol"), match.group("suffix"))
        return None

    # -- Nơi nhận and signature ------------------------------------------------------------
    def _signature_table_index(self, blocks: list[Para | Table], start: int) -> int | None:
        for index in range(len(blocks) - 1, start - 1, -1):
            block = blocks[index]
            if isinstance(block, Table) and any(
                self._is_recipients_label(p) or (p.mark or "").startswith("signature") or self._is_signature_line(p)
                for p in block.paras
            ):
                return index
        return None

    def _is_recipients_label(self, para: Para) -> bool:
        if para.mark == "recipients_label":
            return True
        return not para.mark and len(para.text) < 40 and loose_key(para.text).startswith(self._recipients_key)

    def _read_signature_table(self, table: Table, found: Anatomy) -> None:
        cells = list(table.cells)
        label_cell = next((c for c in cells if any(self._is_recipients_label(p) for p in c.paras)), None)
        if label_cell is not None:
            self._read_recipients(label_cell.paras, found)
        others = [c for c in cells if c is not label_cell]
        signature_cell = next(
            (c for c in others if any(self._is_signature_line(p) or (p.mark or "").startswith("signature") for p in c.paras)),
            others[-1] if others else None,
        )
        if signature_cell is not None:
            self._read_signature_block(signature_cell.paras, found)

    def _read_signature_paragraphs(self, paras: list[Para], found: Anatomy) -> None:
        columns = _tab_columns(paras)
        if columns is not None:  # Nơi nhận and the signature side by side, by tabs
            self._read_signature_table(Table(0, [columns], kind="tabs"), found)
            return
        label_at = next((i for i, p in enumerate(paras) if self._is_recipients_label(p)), None)
        if label_at is None:
            self._read_signature_block(paras, found)
            return
        after = label_at + self._read_recipients(paras[label_at:], found)
        above = paras[:label_at]
        if any(not p.empty for p in above):
            self._read_signature_block(above, found)
            # Typed one after the other, Nơi nhận prints under the signer's name, not
            # level with the signature.
            found.recipients_below = True
        else:
            # Nơi nhận first, the signature typed under it (a page laid out line by line).
            self._read_signature_block(paras[after:], found)

    def _read_recipients(self, paras: list[Para], found: Anatomy) -> int:
        """Nơi nhận from its label on; returns where it ended (a signature line, or a line
        without a dash after the list has ended with «.», begins what follows)."""
        label_at = next(i for i, p in enumerate(paras) if self._is_recipients_label(p))
        found.recipients_label = paras[label_at]
        groups: list[list[Para]] = []
        dash = self.profile.addressees.prefix.strip()
        end = len(paras)
        for index in range(label_at + 1, len(paras)):
            para = paras[index]
            if para.mark and para.mark != "recipient":
                end = index
                break
            if para.empty:
                continue
            undashed = not para.text.lstrip().startswith(dash)
            if undashed and (self._is_signature_line(para) or (groups and groups[-1][-1].text.rstrip().endswith("."))):
                end = index
                break
            # A recipient typed over two lines: the second goes on without a dash after
            # a line that has not ended (no «;», «,» or «.»).
            if groups and not para.text.lstrip().startswith(dash) and not groups[-1][-1].text.rstrip().endswith(_LINE_ENDS):
                groups[-1].append(para)
            else:
                groups.append([para])
        found.recipients = [JoinedPara.of(group) for group in groups]
        return end

    def _read_signature_block(self, paras: list[Para], found: Anatomy) -> None:
        if any(p.mark and p.mark.startswith("signature_") for p in paras):
            for para in paras:
                if para.mark in {"signature_collective", "signature_authority", "signature_position"}:
                    found.signature.append((para.mark.removeprefix("signature_"), para))
                elif para.mark == "signer_name":
                    found.signer_name = para
            return
        lines: list[Para] = []
        index = 0
        while index < len(paras) and paras[index].empty:
            index += 1
        while index < len(paras) and not paras[index].empty:
            lines.append(paras[index])
            index += 1
        rest = [p for p in paras[index:] if not p.empty]
        if rest:
            found.signer_name = rest[-1]
        elif len(lines) >= 2 and upper(lines[-1].text) != lines[-1].text:
            found.signer_name = lines.pop()
        for para in lines:
            found.signature.append((self._signature_role(para), para))

    def _signature_role(self, para: Para) -> str:
        prefix = read_signature_prefix(self.profile, para.text)
        if prefix is None:
            return "position"
        return "collective" if prefix.meaning == "collective" else "authority"


def _tab_columns(paras: list[Para]) -> list[Cell] | None:
    """Two columns typed with tabs (``⇥left part⇥right part`` on each line: a header, or
    Nơi nhận beside the signature) as two cells; ``None`` when no line holds two parts.
    A part alone on its line goes where its tab stop puts it; an empty line to both."""
    if not any(len(p.tab_parts()) >= 2 for p in paras):
        return None
    left: list[Para] = []
    right: list[Para] = []
    width = paras[0].container
    for para in paras:
        parts = para.tab_parts()
        if len(parts) >= 2:
            left.append(parts[0])
            right.append(parts[-1])
        elif parts:
            (right if parts[0].column_start >= width // 2 else left).append(parts[0])
        elif para.empty:
            left.append(para)
            right.append(para)
        elif para.fmt.align == "right" or para.fmt.left >= width // 2 or _pushed_right(para, left):
            right.append(para)
        else:
            left.append(para)
    return [Cell(left, width // 2), Cell(right, width // 2)]


# A line pushed to the right by this many leading spaces stands in the right column.
_SPACES_PUSH = 10


def _pushed_right(para: Para, left: list[Para]) -> bool:
    """A line without tabs that belongs to the right column: pushed there with spaces, or
    (the signer's name under a signature typed beside Nơi nhận) a line not starting with
    a dash after the left column's last line has ended its list with a full stop."""
    text = para.text
    if len(text) - len(text.lstrip(" \u00a0")) >= _SPACES_PUSH:
        return True
    last = next((p for p in reversed(left) if not p.empty), None)
    return last is not None and last.text.rstrip().endswith(".") and not text.lstrip().startswith(("-", "+", "–"))


# Structural lines of a decision, resolution or regulation (NĐ 30 PL I.II.6.b, PL III;
# HD 36): judged by their own layout, never as body text. Each is told by its words.
_BASIS = re.compile(r"^\s*(?:[-–+•]\s*)?(?:Căn cứ|Xét đề nghị|Theo đề nghị|Xét|Thực hiện)\b")
_ABOUT_START = re.compile(r"^\s*(?:V/v|V/V|Về việc)\b")
_ENACTING = re.compile(r"^\s*(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|CHỈ THỊ|BAN HÀNH)\s*:\s*$")
_ARTICLE = re.compile(r"^\s*Điều\s+\d+\s*[.:]")
_CHAPTER = re.compile(r"^\s*(?:Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC|Tiểu mục)\s+(?:[IVXLC]+|\d+)\b\.?\s*$")
_CAPITALS_LINE_MAX = 150
_STRUCTURE_STARTS = frozenset("QCBĐPMT")
_SEPARATOR_STARTS = frozenset("*-–—_~=.·•")
STRUCTURE_ROLES = {"basis", "enacting", "article", "chapter", "chapter_title", "authority", "separator"}
# Our own marks of structural lines → their role (an Điều without a title is an Điều).
_MARKED_STRUCTURE = {"authority": "authority", "basis": "basis", "enacting": "enacting", "article": "article", "article_text": "article"}


def _enacting_pattern(profile: Profile) -> re.Pattern[str]:
    """The enacting lines of the profile's layouts (``QUYẾT ĐỊNH:``; the Party's
    ``BAN THƯỜNG VỤ QUYẾT ĐỊNH``, any collective) beside the generic ones."""
    words = [_ENACTING.pattern]
    for layout in profile.layouts.values():
        if layout.enacting is None:
            continue
        for template in (layout.enacting.template, *layout.enacting.by_type.values()):
            parts = [re.escape(upper(part)) for part in template.split("{collective}")]
            words.append(r"^\s*" + r".{1,120}?".join(parts).replace(r"\ ", r"\s+") + r"\s*$")
    return re.compile("|".join(f"(?:{w})" for w in words))


def _structure_role(para: Para, previous: str, enacting: re.Pattern[str], *, preamble: bool, opening: bool) -> str | None:
    """The structural role of a body line, if it is one: a căn cứ line (``basis``), the
    enacting line «QUYẾT ĐỊNH:» (``enacting``), «Điều 1.» (``article``), «Chương I»,
    «Mục 1» and the title under it (``chapter``, ``chapter_title``), the position line
    that opens a decision («CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …», ``authority``) and a line of
    hyphens (``separator``)."""
    text = para.shown_text
    head = text[:_HEAD]
    # One cheap look at the first character before the patterns: most lines are body text.
    start = head.lstrip()[:1]
    if start in _SEPARATOR_STARTS and is_separator_like(head) and len(text) <= _HEAD:
        return "separator"
    if para.mark in _MARKED_STRUCTURE:  # our own file names its lines
        return _MARKED_STRUCTURE[para.mark]
    if enacting.match(head):
        return "enacting"
    if start in _STRUCTURE_STARTS:
        if _ARTICLE.match(head):
            return "article"
        if _CHAPTER.match(head):
            return "chapter"
    if previous == "chapter" or opening:
        capitals = len(text) <= _CAPITALS_LINE_MAX and text == upper(text) and any(c.isalpha() for c in text)
        if capitals:
            return "chapter_title" if previous == "chapter" else "authority"
    if preamble and _BASIS.match(head):
        return "basis"
    return None


def _after_label(text: str) -> str:
    """The text after a label's colon (``Kính gửi: - A;`` → ``- A;``)."""
    return text.partition(":")[2].strip()


def _para_at(blocks: list[Para | Table], index: int, end: int) -> Para | None:
    block = blocks[index] if index < end else None
    return block if isinstance(block, Para) else None


def _heading_pattern(level: HeadingLevel) -> re.Pattern[str]:
    # The level's ``prefix`` (``Phần I.``) is part of the number as the profile writes it.
    return re.compile(rf"^\s*{re.escape(level.prefix)}(?P<symbol>{_SYMBOL[level.numbering]})(?P<suffix>[{re.escape(_SUFFIXES)}])\s+\S")
