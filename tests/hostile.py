"""The hostile-input corpus (issue 20): every case is built here, in a folder, from the
project's own clean documents and examples — nothing large is kept in the repository.

Each case is one command line of ``ttdn-docs`` with what it must end in: the exit code
(or codes, for a file whose right result is a check report), a pattern of the message,
and the files it must not write. ``tests/test_hostile_inputs.py`` runs every case in a
forked child under a resource limit and measures its CPU time and memory.

Run as a script to build the corpus in a folder and list it::

    python tests/hostile.py /tmp/hostile
"""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "thanh_mien_2025" / "plan.yaml"
TEMPLATE = ROOT / "templates" / "party-hd36-2018.docx"
REPORT_ONLY = (0, 1)  # a file whose right result is a check report (with or without errors)


@dataclass
class Case:
    """One hostile input: ``argv`` with ``{dir}`` standing for the case's folder."""

    id: str
    cause: str  # the class of bad input (docs/robustness.md's row)
    behaviour: str
    argv: list[str]
    codes: tuple[int, ...] = (2,)
    message: str = ""  # a regular expression the output must match
    outputs: list[str] = field(default_factory=lambda: ["out.docx", "out.yaml"])  # never written
    build: Callable[[Path], None] = lambda folder: None


# -- building blocks ------------------------------------------------------------------------


def _clean_docx() -> bytes:
    from mutations import clean_docx

    from ttdn_docs.profiles import load_profile

    return clean_docx(load_profile("party"))


_CLEAN: list[bytes] = []


def clean() -> bytes:
    if not _CLEAN:
        _CLEAN.append(_clean_docx())
    return _CLEAN[0]


def repack(
    source: bytes,
    edit: Callable[[str, bytes], bytes] | None = None,
    method: dict[str, int] | None = None,
    extra: list[tuple[str, bytes]] | None = None,
) -> bytes:
    """``source`` with parts edited, compressed by another method, or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for (name, blob) in extra or []:
            target.writestr(name, blob)
        for info in archive.infolist():
            blob = archive.read(info.filename)
            if edit is not None:
                blob = edit(info.filename, blob)
            target.writestr(info.filename, blob, compress_type=(method or {}).get(info.filename, zipfile.ZIP_DEFLATED))
    return out.getvalue()


def edit_part(part: str, change: Callable[[bytes], bytes]) -> Callable[[str, bytes], bytes]:
    return lambda name, blob: change(blob) if name == part else blob


def body_prepend(xml: str) -> Callable[[bytes], bytes]:
    return lambda blob: blob.replace(b"<w:body>", b"<w:body>" + xml.encode("utf-8"), 1)


def docx(name: str, make: Callable[[], bytes]) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(make())


def text(name: str, make: Callable[[], str | bytes]) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        content = make()
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    return build


def fifo(name: str) -> Callable[[Path], None]:
    return lambda folder: os.mkfifo(folder / name)


def _plan_data() -> dict[str, object]:
    import yaml

    data: dict[str, object] = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    return data


def plan_json(**changes: object) -> Callable[[], str]:
    def make() -> str:
        data = _plan_data() | changes
        return json.dumps(data, ensure_ascii=True, default=str)

    return make


def template_with(jinja: str) -> Callable[[], bytes]:
    paragraph = f"<w:p><w:r><w:t>{jinja}</w:t></w:r></w:p>"
    return lambda: repack(TEMPLATE.read_bytes(), edit_part("word/document.xml", body_prepend(paragraph)))


def _document(docx_bytes: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def dtd_part(encoding: str, *, declaration: bool = True, lead: str = "") -> Callable[[], bytes]:
    """The clean package whose main part carries an entity declaration, encoded as named."""

    def make() -> bytes:
        xml = _document(clean()).split("?>", 1)[1]
        head = f'<?xml version="1.0" encoding="{encoding.upper()}"?>' if declaration else ""
        body = lead + head + '<!DOCTYPE w [<!ENTITY e "x">]>' + xml
        return repack(clean(), edit_part("word/document.xml", lambda _: body.encode(encoding, "replace")))

    return make


def many_runs(count: int, distinct: bool) -> Callable[[], bytes]:
    def make() -> bytes:
        runs = "".join(
            f'<w:r><w:rPr><w:color w:val="{(i if distinct else 0):06X}"/></w:rPr><w:t>{i}</w:t></w:r>' for i in range(count)
        )
        return repack(clean(), edit_part("word/document.xml", body_prepend(f"<w:p>{runs}</w:p>")))

    return make


def many_formats(count: int) -> Callable[[], bytes]:
    def make() -> bytes:
        paragraphs = "".join(
            f'<w:p><w:r><w:rPr><w:color w:val="{i:06X}"/></w:rPr><w:t>a</w:t></w:r></w:p>' for i in range(count)
        )
        return repack(clean(), edit_part("word/document.xml", body_prepend(paragraphs)))

    return make


def chained_styles(count: int) -> Callable[[], bytes]:
    def make() -> bytes:
        styles = "".join(
            f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="S{i}"/>'
            + (f'<w:basedOn w:val="S{i - 1}"/>' if i else "")
            + "</w:style>"
            for i in range(count)
        )
        used = f'<w:p><w:pPr><w:pStyle w:val="S{count - 1}"/></w:pPr><w:r><w:t>a</w:t></w:r></w:p>'
        return repack(
            clean(),
            lambda name, blob: blob.replace(b"</w:styles>", styles.encode() + b"</w:styles>")
            if name == "word/styles.xml"
            else body_prepend(used)(blob) if name == "word/document.xml" else blob,
        )

    return make


def numbering(fmt: str, start: int) -> Callable[[], bytes]:
    numbering_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="9"><w:abstractNumId w:val="9"/></w:num></w:numbering>'
    )
    paragraph = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr><w:r><w:t>mục</w:t></w:r></w:p>'

    def make() -> bytes:
        has_numbering = "word/numbering.xml" in zipfile.ZipFile(io.BytesIO(clean())).namelist()

        def edit(name: str, blob: bytes) -> bytes:
            if name == "word/numbering.xml":
                return numbering_xml.encode()
            if name == "word/document.xml":
                return body_prepend(paragraph * 20)(blob)
            if name == "word/_rels/document.xml.rels" and not has_numbering:
                rel = (
                    '<Relationship Id="rIdNum9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/numbering" Target="numbering.xml"/>'
                )
                return blob.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            if name == "[Content_Types].xml" and not has_numbering:
                override = (
                    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
                    'officedocument.wordprocessingml.numbering+xml"/>'
                )
                return blob.replace(b"</Types>", override.encode() + b"</Types>")
            return blob

        extra = [] if has_numbering else [("word/numbering.xml", numbering_xml.encode())]
        return repack(clean(), edit, extra=extra)

    return make


def corrupt_deflate() -> bytes:
    data = bytearray(clean())
    with zipfile.ZipFile(io.BytesIO(clean())) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 16, start + 48):
        data[offset] ^= 0xFF
    return bytes(data)


def encrypted_flag() -> bytes:
    """Every member marked encrypted (bit 0 of the flags) without being so."""
    data = bytearray(clean())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        position = data.find(signature)
        while position != -1:
            data[position + offset] |= 1
            position = data.find(signature, position + 4)
    return bytes(data)


def duplicate_names() -> bytes:
    """The main part written twice: the first copy carries an entity declaration."""
    hostile = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e "x">]><w:document/>'
    with zipfile.ZipFile(io.BytesIO(clean())) as archive:
        entries = [(i.filename, archive.read(i.filename)) for i in archive.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Duplicate name": the point of the case
            for name, blob in entries:
                if name == "word/document.xml":
                    target.writestr(name, hostile)
                target.writestr(name, blob)
    return out.getvalue()


def register_with(sql: str) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        import sqlite3

        from ttdn_docs.admin import DocumentKind
        from ttdn_docs.register.store import NumberRegister

        register = NumberRegister(folder / "reg.sqlite")
        for _ in range(3):
            register.reserve("UBND xã Hòa Bình", DocumentKind.KE_HOACH, "2025")
        db = sqlite3.connect(folder / "reg.sqlite")
        db.executescript(sql)
        db.close()

    return build


def batch_template(value: str) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        source = (ROOT / "examples" / "batch" / "plan-template.yaml").read_text(encoding="utf-8")
        lines = source.splitlines()
        index = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
        lines[index] = f'summary: "{value}"'
        (folder / "plan-template.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (folder / "communes.csv").write_text("code\n" + (ROOT / "examples" / "batch" / "communes.csv").read_text(encoding="utf-8").splitlines()[1].split(",")[0] + "\n", encoding="utf-8")

    return build


# -- the cases ------------------------------------------------------------------------------

CHECK = ["check", "{dir}/in.docx"]
CHECK_PARTY = ["check", "--profile", "party", "{dir}/in.docx"]  # paragraphs put before the header
IMPORT = ["import", "{dir}/in.docx", "-o", "{dir}/out.yaml"]
FIX = ["fix", "{dir}/in.docx", "-o", "{dir}/out.docx"]
RENDER_JSON = ["render", "{dir}/in.json", "-o", "{dir}/out.docx"]
RENDER_YAML = ["render", "{dir}/in.yaml", "-o", "{dir}/out.docx"]
WITH_TEMPLATE = ["render", str(PLAN), "--template", "{dir}/t.docx", "-o", "{dir}/out.docx"]
TEMPLATE_BUDGET = "Mẫu .*(quá|đệ quy|không dùng được|lỗi cú pháp thẻ)"
ZIP = "Zip member compressed with bzip2 or LZMA"
NUM = "Numbering start value that would build a gigabyte label"


def cases() -> list[Case]:
    out: list[Case] = []
    add = out.append
    # 1. compression methods that inflate a whole block whatever a bounded read asks
    for method, label in ((zipfile.ZIP_BZIP2, "bzip2"), (zipfile.ZIP_LZMA, "lzma")):
        make = (lambda m: lambda: repack(clean(), method={"word/document.xml": m}))(method)
        for command, argv in (("check", CHECK), ("import", IMPORT), ("fix", FIX)):
            add(Case(f"{label}-{command}", ZIP, "refused from the member's method before inflating", argv,
                     message="nén theo cách Word không dùng", build=docx("in.docx", make)))
    # 2. numbering labels
    for fmt, start in (("lowerLetter", 100_000_000_000), ("upperRoman", 1_000_000_000_000), ("upperLetter", 32_767)):
        add(Case(f"numbering-{fmt}-{start}", NUM, "read with the counter in digits past Word's 32767: bounded label",
                 CHECK, codes=REPORT_ONLY, build=docx("in.docx", numbering(fmt, start))))
    # 3. runs and run formats
    add(Case("runs-200000-own-rpr", "One paragraph of 200,000 runs each with its own rPr",
             "refused from the part's element count (no quadratic lookup either)", CHECK,
             message="quá nhiều thành phần", build=docx("in.docx", many_runs(200_000, True))))
    add(Case("runs-40000-same-rpr", "One paragraph of 200,000 runs each with its own rPr",
             "40,000 runs sharing one rPr read in linear time: right result", CHECK_PARTY, codes=REPORT_ONLY,
             build=docx("in.docx", many_runs(40_000, False))))
    add(Case("formats-4500", "Thousands of distinct run formats", "read: right result (under 5,000 formats)", CHECK_PARTY,
             codes=REPORT_ONLY, build=docx("in.docx", many_formats(4_500))))
    add(Case("formats-6000", "Thousands of distinct run formats", "refused past 5,000 distinct run formats", CHECK_PARTY,
             message="quá nhiều kiểu định dạng chữ", build=docx("in.docx", many_formats(6_000))))
    # 4. style chains
    add(Case("styles-100000-chained", "Long basedOn style chains", "refused from the styles part's size", CHECK,
             message="quá nhiều thành phần", build=docx("in.docx", chained_styles(100_000))))
    add(Case("styles-15000-chained", "Long basedOn style chains", "refused past 10,000 styles", CHECK,
             message="quá nhiều kiểu \\(style\\)", build=docx("in.docx", chained_styles(15_000))))
    add(Case("styles-9000-chained", "Long basedOn style chains", "read: chain depth bounded, right result", CHECK,
             codes=REPORT_ONLY, build=docx("in.docx", chained_styles(9_000))))
    # 5. malformed packages and values
    damaged = "Malformed package or value (corrupt deflate, encrypted flag, inf/huge numbers)"
    add(Case("corrupt-deflate", damaged, "refused as a damaged file", CHECK, message="không giải nén được",
             build=docx("in.docx", corrupt_deflate)))
    add(Case("corrupt-deflate-import", damaged, "refused as a damaged file", IMPORT, message="không giải nén được",
             build=docx("in.docx", corrupt_deflate)))
    add(Case("encrypted-flag", damaged, "refused: encrypted member", CHECK, message="mã hóa",
             build=docx("in.docx", encrypted_flag)))
    for label, old, new in (
        ("sz-inf", b'<w:sz w:val="', b'<w:sz w:val="inf'),
        ("line-5000-digits", b'w:line="', b'w:line="' + b"9" * 5000),
        ("tcw-1e999", b'<w:tcW w:w="', b'<w:tcW w:w="1e999'),
        ("gridcol-huge", b'<w:gridCol w:w="', b'<w:gridCol w:w="' + b"9" * 400),
    ):
        make = (lambda a, b: lambda: repack(clean(), edit_part("word/document.xml", lambda x: x.replace(a, b))))(old, new)
        add(Case(label, damaged, "read: a value no producer writes is taken as absent", CHECK, codes=REPORT_ONLY,
                 build=docx("in.docx", make)))
    # 6. the DTD guard on decoded text
    dtd = "DTD in a part encoded UTF-16/32 without BOM, EBCDIC, or after leading whitespace"
    for label, make in (
        ("utf-16-le-no-bom", dtd_part("utf-16-le")),
        ("utf-16-be-no-bom", dtd_part("utf-16-be")),
        ("utf-32-le-no-bom", dtd_part("utf-32-le")),
        ("utf-32-be-no-declaration", dtd_part("utf-32-be", declaration=False)),
        ("utf-16-leading-space", dtd_part("utf-16-le", lead="   ", declaration=False)),
        ("utf-8-leading-whitespace", dtd_part("utf-8", lead=" \n" * 200, declaration=False)),
        ("ebcdic", dtd_part("cp500")),
    ):
        add(Case(f"dtd-{label}", dtd, "refused before parsing: 'DTD/ENTITY' or an unreadable encoding", CHECK,
                 message="DTD/ENTITY|bảng mã|mã ký tự", build=docx("in.docx", make)))
    emf = b"\x01\x00\x00\x00" + bytes(range(256)) * 64  # an EMF image begins with NUL bytes too
    add(Case("emf-image-not-xml", "Binary part that begins like UTF-32 (an EMF image)", "not taken for XML: right result",
             CHECK, codes=REPORT_ONLY, build=docx("in.docx", lambda: repack(clean(), extra=[("word/media/image9.emf", emf)]))))
    add(Case("dtd-in-first-duplicate", "Duplicate zip member names", "every copy vetted: refused", CHECK,
             message="DTD/ENTITY", build=docx("in.docx", duplicate_names)))
    # 7. special files
    special = "Special files (/dev/zero, FIFO) as input or register"
    add(Case("dev-zero-check", special, "refused by type before reading", ["check", "/dev/zero"],
             message="không phải tệp thông thường"))
    add(Case("fifo-docx-check", special, "refused by type before reading", CHECK, message="không phải tệp thông thường",
             build=fifo("in.docx")))
    add(Case("fifo-yaml-render", special, "refused by type before reading", RENDER_YAML,
             message="không phải tệp thông thường", build=fifo("in.yaml")))
    add(Case("fifo-profile", special, "refused by type before reading",
             ["render", str(PLAN), "--profile", "{dir}/p.yaml", "-o", "{dir}/out.docx"],
             message="không phải tệp thông thường|Không tìm thấy hồ sơ", build=fifo("p.yaml")))
    add(Case("fifo-template", special, "refused by type before reading", WITH_TEMPLATE,
             message="không phải tệp thông thường", build=fifo("t.docx")))
    add(Case("fifo-register", special, "refused by type before reading",
             ["register", "list", "--register", "{dir}/reg.sqlite"], message="không phải tệp thông thường",
             build=fifo("reg.sqlite")))
    # 10. YAML/JSON that crashed
    data = "YAML/JSON that crashed (deep nesting, long integers, NUL, a text at its limit)"
    add(Case("json-deep-100000", data, "refused: nesting too deep", RENDER_JSON, message="lồng nhau quá sâu",
             build=text("in.json", lambda: "[" * 100_000 + "]" * 100_000)))
    add(Case("yaml-deep-flow", data, "refused: nesting too deep", RENDER_YAML, message="lồng nhau quá sâu",
             build=text("in.yaml", lambda: "a: " + "[" * 5_000 + "]" * 5_000)))
    add(Case("json-5000-digits", data, "refused: number too long", RENDER_JSON, message="số quá dài",
             build=text("in.json", lambda: '{"year": ' + "9" * 5000 + "}")))
    add(Case("yaml-5000-digits", data, "refused: number too long, with the line", RENDER_YAML,
             message="dòng 1.*số quá dài", build=text("in.yaml", lambda: "year: " + "9" * 5000 + "\n")))
    add(Case("yaml-nul", data, "refused: the control character and its line", RENDER_YAML,
             message="dòng 2.*U\\+0000", build=text("in.yaml", lambda: b"year: 2025\ntitle: a\x00b\n")))
    add(Case("summary-20000", data, "refused: the field's own limit", RENDER_JSON, message="trích yếu: quá dài",
             build=text("in.json", plan_json(summary="a" * 20_000))))
    # 11. heavy refusals
    heavy = "Huge lists or key sets within the 2 MB limit, a 2 MB key"
    add(Case("yaml-list-499000", heavy, "refused early by counting values (libyaml events)", RENDER_YAML,
             message="quá lớn", build=text("in.yaml", lambda: "- 1\n" * 499_000)))
    add(Case("yaml-125000-keys-one-line", heavy, "refused early by counting values", RENDER_YAML, message="quá lớn",
             build=text("in.yaml", lambda: "{" + ", ".join(f"k{i}: 1" for i in range(125_000)) + "}\n")))
    add(Case("json-list-400000", heavy, "refused by counting values", RENDER_JSON, message="quá lớn",
             build=text("in.json", lambda: "[" + ",".join(["1"] * 400_000) + "]")))
    add(Case("json-unknown-keys", heavy, "at most 30 problems listed, the rest counted", RENDER_JSON,
             message="lỗi khác cùng loại", build=text("in.json", plan_json(**{f"k{i}": 1 for i in range(20_000)}))))
    add(Case("json-key-2mb", heavy, "the key is cut in the message, never echoed whole", RENDER_JSON,
             message="^(?!.*x{200}).*không có trường", build=text("in.json", plan_json(**{"x" * 1_900_000: 1}))))
    # 12. template and placeholder budgets
    budget = "User template or batch placeholder that never ends or exhausts memory"
    for label, jinja in (
        ("mul", "{{ 'a' * 1000000000 }}"),
        ("pow", "{{ 7 ** 99999999 }}"),
        ("center", "{{ 'a'|center(999999999) }}"),
        ("indent", "{{ 'a'|indent(999999999) }}"),
        ("format", "{{ '%999999999d'|format(1) }}"),
        ("replace-chain", "{{ 'aaaaaaaaaa'" + "|replace('a', 'aaaaaaaaaa')" * 8 + " }}"),
        ("loops-constants", "{% for a in [1,2,3,4,5,6,7,8,9,10] %}" * 7 + "x" + "{% endfor %}" * 7),
        ("loops-body", "{% for a in body %}{% for b in body %}{% for c in body %}{% for d in body %}x"
         "{% endfor %}{% endfor %}{% endfor %}{% endfor %}"),
        ("recursive-loop", "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}"),
        ("include", "{% include 'x.xml' %}"),
        ("import", "{% import 'x.xml' as y %}"),
    ):
        add(Case(f"template-{label}", budget, "refused with the template paragraph; no file written", WITH_TEMPLATE,
                 message=TEMPLATE_BUDGET, build=docx("t.docx", template_with(jinja))))
    placeholder = "{{ commune.name" + "|replace('a', 'aaaaaaaaaa')" * 8 + " }}"
    add(Case("placeholder-replace-chain", budget, "the commune fails with the field's message; nothing written for it",
             ["batch", "{dir}/plan-template.yaml", "--communes", "{dir}/communes.csv", "-o", "{dir}/out", "-j", "1"],
             codes=(1, 2), message="vượt giới hạn", outputs=["out/*.docx"], build=batch_template(placeholder)))
    # 14. register edited in a database browser
    register = "Register whose table was edited (TEXT number, no key, nonsense rows)"
    add(Case("register-no-key", register, "refused on open: the table's structure changed",
             ["register", "next", "--issuer", "UBND xã Hòa Bình", "--kind", "ke_hoach", "--profile", "state",
              "--date", "01/02/2025", "--register", "{dir}/reg.sqlite"], message="bị sửa cấu trúc",
             build=register_with(
                 "CREATE TABLE n2 AS SELECT * FROM numbers; DROP TABLE numbers; ALTER TABLE n2 RENAME TO numbers;")))
    add(Case("register-nonsense-row", register, "refused: a row with nonsense values",
             ["register", "list", "--register", "{dir}/reg.sqlite"], message="giá trị không hợp lệ",
             build=register_with("UPDATE numbers SET kind='zzz', number='ba' WHERE number=2;")))
    for case in out:  # one behaviour per class of input (docs/robustness.md's row)
        case.behaviour = BEHAVIOURS.get(case.cause, case.behaviour)
    return out


BEHAVIOURS = {
    ZIP: "refused from the member's method before inflating (check, import, fix)",
    NUM: "read: counters past 32,767 in digits, labels at most 64 characters",
    "One paragraph of 200,000 runs each with its own rPr": "refused past 400,000 tags per part; below, read in linear time",
    "Thousands of distinct run formats": "read under 5,000 distinct run formats, refused above",
    "Long basedOn style chains": "read (chains built from their ancestors'); refused past 10,000 styles or 400,000 tags",
    "Malformed package or value (corrupt deflate, encrypted flag, inf/huge numbers)":
        "corrupt or encrypted members refused as damaged; inf, 1e999, 5,000 digits read as absent",
    "Special files (/dev/zero, FIFO) as input or register":
        "refused by type before a byte is read (input, template, profile, register)",
    "YAML/JSON that crashed (deep nesting, long integers, NUL, a text at its limit)":
        "refused in Vietnamese with the line: nesting, digits, NUL; a text over its field's own limit",
    "Huge lists or key sets within the 2 MB limit, a 2 MB key":
        "refused early by counting values before they are built; 30 problems listed, keys cut",
    "User template or batch placeholder that never ends or exhausts memory":
        "refused with the template paragraph (or the placeholder's field and line); nothing written",
    "Register whose table was edited (TEXT number, no key, nonsense rows)":
        "refused on open (structure changed) or when read (nonsense row); file unchanged",
}


def build(folder: Path, case: Case) -> Path:
    """The case's folder (made under ``folder``), with its inputs."""
    where = folder / case.id
    where.mkdir(parents=True, exist_ok=True)
    case.build(where)
    return where


def argv_of(case: Case, where: Path) -> list[str]:
    return [part.replace("{dir}", str(where)) for part in case.argv]


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")
    for case in cases():
        where = build(target, case)
        print(f"{case.id:32} {' '.join(argv_of(case, where))}")
