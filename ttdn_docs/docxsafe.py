"""Open a .docx from outside safely, before python-docx or lxml touch it.

A file a colleague sends may be anything: not a zip, a zip bomb (a few kilobytes that
inflate to gigabytes), a huge XML part, XML with a DTD that declares entities (billion
laughs, external entities reading local files). Every entry is inflated by streaming with
a running count, so a lying zip header cannot make us allocate more than the limits;
every XML part is refused if it declares a DTD. Each refusal is an ``UnsafeDocxError``
or ``NotADocxError`` with a Vietnamese message.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import threading
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ttdn_docs.boundedcache import BoundedCache
from ttdn_docs.errors import DocxReadError, NotADocxError, UnsafeDocxError
from ttdn_docs.oserrors import os_read_cause
from ttdn_docs.regular_files import SPECIAL_FILE_TEXT, SpecialFileError, TooLargeError, read_regular

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_XML_NAME = re.compile(r"\.(xml|rels|vml)$", re.IGNORECASE)
# A DTD is never needed in OOXML; its presence is the attack (entities, external files).
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_TEXT = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass(frozen=True)
class Limits:
    """Ceilings for one package. A real commune document is far below all of them."""

    file_bytes: int = 50 * 1024 * 1024
    entries: int = 2_000
    total_uncompressed: int = 200 * 1024 * 1024
    entry_uncompressed: int = 100 * 1024 * 1024
    xml_part: int = 25 * 1024 * 1024
    # Inflation ratio above which a large entry is a bomb (ordinary XML: 3–40).
    ratio: float = 200.0
    ratio_min_bytes: int = 1024 * 1024
    # XML elements (counted as '<') in one part: bounds the parsed tree's memory and the
    # reader's time. A 50-page commune report holds about 30,000.
    xml_elements: int = 400_000


DEFAULT_LIMITS = Limits()


def read_source(source: str | Path | bytes, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes, str]:
    """The raw bytes of a file path or bytes, with a name for messages. A device or a pipe
    is refused by its type before a byte is read; never more than the limit is read."""
    if isinstance(source, (bytes, bytearray)):
        data, name = bytes(source), "(dữ liệu)"
    else:
        path = Path(source)
        name = str(path)
        try:
            data = read_regular(path, limits.file_bytes)
        except FileNotFoundError:
            raise DocxReadError(f"{name}: không tìm thấy tệp") from None
        except TooLargeError as exc:
            raise UnsafeDocxError(f"{name}: tệp quá lớn ({_mb(exc.size)}, tối đa {_mb(limits.file_bytes)})") from None
        except SpecialFileError:
            raise DocxReadError(f"{name}: {SPECIAL_FILE_TEXT}") from None
        except IsADirectoryError:
            raise DocxReadError(f"{name}: đây là thư mục; hãy chỉ ra một tệp Word (.docx)") from None
        except OSError as exc:
            raise DocxReadError(f"{name}: không đọc được tệp ({os_read_cause(exc)})") from None
    if len(data) > limits.file_bytes:
        raise UnsafeDocxError(f"{name}: tệp quá lớn ({_mb(len(data))}, tối đa {_mb(limits.file_bytes)})")
    return data, name


def safe_entries(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """Inflate and vet every entry of a .docx package; return them by name."""
    package = SafePackage(data, name, limits)
    return {part: package.read(part) for part in package.names}


PartIdentity = tuple[int, int, int, bytes]
# Parts already vetted in this process (bounded: memory stays flat over any folder).
_VETTED: BoundedCache[tuple[str, PartIdentity], bool] = BoundedCache(512)


def forget_vetted_parts() -> None:
    _VETTED.clear()


def _what_instead(data: bytes) -> str:
    """What a file that is not a .docx is, from its first bytes, and what to do."""
    if data.startswith(b"%PDF"):
        return "đây là tệp PDF, không phải tệp Word .docx; hãy dùng bản Word gốc của văn bản (.docx)"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            "đây là tệp Word cũ (.doc), không phải tệp Word .docx; hãy mở trong Word hoặc LibreOffice "
            "và lưu lại dạng .docx"
        )
    return "không phải tệp Word .docx (không phải gói zip)"


class SafePackage:
    """A .docx package vetted as a whole when opened, each part inflated only when read.

    Opening checks the entry count and every declared size, then inflates and vets every
    entry (bounded streaming, no DTD) unless an entry with the very same compressed bytes
    was vetted before in this process: identical compressed bytes inflate to identical
    content, so the parts a whole folder shares (styles, theme, fonts of one template)
    are vetted once, not once per file.
    """

    def __init__(self, data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> None:
        if not data.startswith(ZIP_MAGIC):
            raise NotADocxError(f"{name}: {_what_instead(data)}")
        try:
            self._archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
            # The library's own (English) reason says nothing more to an officer.
            raise NotADocxError(f"{name}: tệp hỏng (bị cắt dở hoặc không phải tệp Word), không mở được") from None
        self._data = data
        self.name = name
        self.limits = limits
        infos = self._archive.infolist()
        if len(infos) > limits.entries:
            raise UnsafeDocxError(f"{name}: gói có {len(infos)} phần, vượt giới hạn {limits.entries}")
        declared = sum(info.file_size for info in infos)
        if declared > limits.total_uncompressed:
            raise UnsafeDocxError(
                f"{name}: dung lượng giải nén {_mb(declared)} vượt giới hạn {_mb(limits.total_uncompressed)} "
                "(nghi bom zip)"
            )
        self._infos = {info.filename: info for info in infos if not info.is_dir()}
        self._inflated: dict[str, bytes] = {}
        self._identities: dict[str, PartIdentity] = {}
        files = [info for info in infos if not info.is_dir()]
        for info in files:
            _check_declared(info, name, limits)
        # Every copy of a name written twice is vetted: another reader may take the first.
        for info in files:
            last = info is self._infos[info.filename]
            key = (info.filename, self.identity(info.filename) if last else self._identity_of(info))
            if key not in _VETTED:
                blob = self._inflate(info)
                self._vet(info.filename, blob)
                _VETTED.put(key, True)
                if last and _looks_like_xml(info.filename, blob):
                    self._inflated[info.filename] = blob  # read once more soon: keep it
        if "[Content_Types].xml" not in self._infos:
            raise NotADocxError(f"{name}: không phải tệp Word .docx (thiếu [Content_Types].xml)")

    @property
    def names(self) -> list[str]:
        return list(self._infos)

    def __contains__(self, part: object) -> bool:
        return part in self._infos

    def identity(self, part: str) -> PartIdentity:
        """What identifies a part's content without inflating it: its compression, sizes,
        CRC and a digest of its compressed bytes. Equal identities mean equal content.
        A digest, not the bytes: the process caches keyed by it must not keep a copy of
        every image of every file a folder check passes."""
        known = self._identities.get(part)
        if known is None:
            known = self._identities[part] = self._identity(part)
        return known

    def _identity(self, part: str) -> PartIdentity:
        return self._identity_of(self._infos[part])

    def _identity_of(self, info: zipfile.ZipInfo) -> PartIdentity:
        part = info.filename
        start = info.header_offset
        local = self._data[start : start + 30]
        if len(local) < 30 or not local.startswith(b"PK\x03\x04"):
            raise NotADocxError(f"{self.name}: phần '{part}' hỏng (đầu mục zip sai)")
        name_length, extra_length = struct.unpack_from("<HH", local, 26)
        begin = start + 30 + name_length + extra_length
        digest = hashlib.blake2b(memoryview(self._data)[begin : begin + info.compress_size], digest_size=20).digest()
        return info.compress_type, info.file_size, info.CRC, digest

    def read(self, part: str) -> bytes:
        """The inflated bytes of a part (already vetted when the package was opened)."""
        kept = self._inflated.pop(part, None)
        return kept if kept is not None else self._inflate(self._infos[part])

    def xml(self, part: str) -> etree._Element:
        return parse_xml(self.read(part), part, self.name)

    def _inflate(self, info: zipfile.ZipInfo) -> bytes:
        return _inflate(self._archive, info, self.name, self.limits)

    def _vet(self, part: str, blob: bytes) -> None:
        if _looks_like_xml(part, blob):
            _check_xml(blob, part, self.name, self.limits)

    def close(self) -> None:
        self._inflated.clear()
        self._archive.close()


# Word, LibreOffice and every Office producer write these two; other methods (bzip2,
# LZMA) inflate a whole compressed block whatever a bounded read asks for.
_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})


def _check_declared(info: zipfile.ZipInfo, name: str, limits: Limits) -> None:
    if info.flag_bits & 0x1:
        raise UnsafeDocxError(
            f"{name}: phần '{info.filename}' được mã hóa (đặt mật khẩu), không đọc được. Hãy mở tệp, bỏ mật "
            "khẩu rồi lưu lại thành tệp mới."
        )
    if info.compress_type not in _METHODS:
        raise UnsafeDocxError(
            f"{name}: phần '{info.filename}' nén theo cách Word không dùng (mã {info.compress_type}); "
            "hãy mở tệp bằng Word hoặc LibreOffice rồi lưu lại thành tệp .docx mới."
        )
    limit = limits.xml_part if _XML_NAME.search(info.filename) else limits.entry_uncompressed
    if info.file_size > limit:
        raise UnsafeDocxError(
            f"{name}: phần '{info.filename}' quá lớn khi giải nén ({_mb(info.file_size)}, tối đa {_mb(limit)})"
        )
    if info.file_size >= limits.ratio_min_bytes and info.file_size > limits.ratio * max(info.compress_size, 1):
        ratio = info.file_size / max(info.compress_size, 1)
        raise UnsafeDocxError(
            f"{name}: phần '{info.filename}' nén với tỉ lệ {ratio:.0f}:1 bất thường (nghi bom zip)"
        )


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: Limits) -> bytes:
    """Stream one entry, stopping as soon as it outgrows its declared size or the limit:
    the header's sizes may lie."""
    limit = min(
        info.file_size,
        limits.xml_part if _XML_NAME.search(info.filename) else limits.entry_uncompressed,
    )
    try:
        with archive.open(info) as stream:
            # One bounded read: never more than one byte past what may be inflated.
            out = stream.read(limit + 1)
        if len(out) > limit:
            raise UnsafeDocxError(f"{name}: phần '{info.filename}' lớn hơn kích thước khai báo (nghi bom zip)")
    except UnsafeDocxError:
        raise
    except (
        zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError,
        RuntimeError, zlib.error,
    ):
        # The library's own reason (English, about CRCs and streams) says nothing more.
        raise NotADocxError(
            f"{name}: tệp hỏng, phần '{info.filename}' không giải nén được. Mở tệp bằng Word (Word sẽ đề nghị "
            "khôi phục) rồi lưu lại thành tệp mới."
        ) from None
    return out


def _looks_like_xml(part: str, blob: bytes) -> bool:
    # python-docx parses parts by content type, not by name: vet anything that may be XML,
    # in any encoding XML allows (leading whitespace of any length included).
    if _XML_NAME.search(part):
        return True
    family = _family(blob)
    if family == "ascii":
        return blob.lstrip(b" \t\r\n").startswith((b"<", b"\xef\xbb\xbf"))
    # An image may begin with NUL bytes too (EMF: 01 00 00 00): XML only if it reads '<'.
    # Whitespace of any length may come first: the whole part is decoded (rare parts only).
    return blob.decode(family, errors="ignore").lstrip("\ufeff \t\r\n").startswith("<")


# The encoding family from the first four bytes (XML 1.0, appendix F): a byte order mark,
# or the NUL bytes of '<' (or of whitespace) in UTF-16/32 without one.
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
_EBCDIC = b"\x4c\x6f\xa7\x94"  # '<?xm' in EBCDIC
_DECLARED = re.compile(r"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_UTF8_NAMES = frozenset({"utf-8", "utf8"})


def _family(blob: bytes) -> str:
    for bom, codec in _BOMS:
        if blob.startswith(bom):
            return codec
    head = blob[:4]
    if len(head) == 4:
        zeros = tuple(b == 0 for b in head)
        if zeros == (True, True, True, False):
            return "utf-32-be"
        if zeros == (False, True, True, True):
            return "utf-32-le"
        if zeros == (True, False, True, False):
            return "utf-16-be"
        if zeros == (False, True, False, True):
            return "utf-16-le"
        if head == _EBCDIC:
            return "cp500"
    return "ascii"


def xml_text(blob: bytes, part: str, name: str) -> str | None:
    """The decoded text of an XML part for the DTD guard: decoded by its byte order mark,
    its UTF-16/32 byte pattern or the encoding its declaration names; ``None`` for UTF-8
    (its bytes are searched as they are: '<!' cannot hide in a multi-byte sequence)."""
    family = _family(blob)
    if family == "utf-8-sig":
        return None
    codec = family
    if family in ("ascii", "cp500"):
        # The declaration names the encoding; read it in the family's own letters.
        match = _DECLARED.match(blob[:512].decode("latin-1" if family == "ascii" else family))
        declared = match.group(1).lower() if match else None
        if family == "ascii" and (declared is None or declared in _UTF8_NAMES):
            return None
        codec = declared or family
    try:
        return blob.decode(codec)
    except LookupError:  # unknown, or not a text encoding (base64, zlib …)
        raise UnsafeDocxError(
            f"{name}: phần '{part}' dùng bảng mã '{codec}' không hỗ trợ; hãy mở tệp bằng Word rồi lưu lại thành tệp mới"
        ) from None
    except UnicodeError:
        raise NotADocxError(f"{name}: phần '{part}' không đọc được (mã ký tự hỏng)") from None


def _check_xml(blob: bytes, part: str, name: str, limits: Limits = DEFAULT_LIMITS) -> None:
    text = xml_text(blob, part, name)
    if _DTD.search(blob) or (text is not None and _DTD_TEXT.search(text)):
        raise UnsafeDocxError(
            f"{name}: phần '{part}' có khai báo DTD/ENTITY (có thể đọc tệp ngoài hoặc làm treo máy); từ chối"
        )
    elements = blob.count(b"<") if text is None else text.count("<")
    if elements > limits.xml_elements:
        raise UnsafeDocxError(
            f"{name}: phần '{part}' có quá nhiều thành phần ({_count(elements)}, tối đa "
            f"{_count(limits.xml_elements)}); hãy chia văn bản thành nhiều tệp"
        )


def xml_parser() -> etree.XMLParser:
    """The parser for vetted parts: no entity resolution, no network, default tree limits
    (depth and text-node size bounded by libxml2 without ``huge_tree``). One per thread:
    making a parser costs more than parsing a small part, and parsers are not shared
    between threads."""
    parser: etree.XMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
    return parser


_PARSERS = threading.local()


def parse_xml(blob: bytes, part: str, name: str) -> etree._Element:
    try:
        return etree.fromstring(blob, xml_parser())
    except etree.XMLSyntaxError as exc:
        # The position in the officer's words; libxml2's English reason says nothing more.
        line, column = exc.position if exc.position else (0, 0)
        where = f" (hỏng ở dòng {line}, cột {column})" if line else ""
        raise NotADocxError(
            f"{name}: tệp hỏng, phần '{part}' không phải XML hợp lệ{where}. Mở tệp bằng Word "
            "(Word sẽ đề nghị khôi phục) rồi lưu lại thành tệp mới."
        ) from None


def _count(number: int) -> str:
    return f"{number:_}".replace("_", ".")  # Vietnamese groups of thousands


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
