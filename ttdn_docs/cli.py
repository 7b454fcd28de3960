"""The ``ttdn-docs`` command. Thin: parses arguments, calls the library, prints.

Exit codes: 0 success; 1 the checker found errors; 2 bad input, unreadable file or
usage error (one Vietnamese message, no traceback unless ``--debug``); 3 internal error.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ttdn_docs import __version__
from ttdn_docs.document_kinds import KindChoices
from ttdn_docs.errors import TtdnError

if TYPE_CHECKING:
    from ttdn_docs.importer import ImportResult
    from ttdn_docs.profiles import Profile
    from ttdn_docs.units import Commune

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
_STRICT_HELP = "từ chối (thay vì chỉ cảnh báo) khi tên cơ quan ban hành, địa danh khác danh mục đơn vị hành chính"
_REGISTER_HELP = "sổ đăng ký số (tệp SQLite) cho 'number: auto' (mặc định: biến môi trường TTDN_REGISTER)"


# argparse's own messages are English; an officer sees these Vietnamese ones instead.
_ARGPARSE_MESSAGES = (
    (re.compile(r"the following arguments are required: (.*)"), r"thiếu tham số bắt buộc: \1"),
    (re.compile(r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)"), r"tham số \1: giá trị \2 không hợp lệ (chọn một trong: \3)"),
    (re.compile(r"argument (\S+): invalid (\w+) value: (.*)"), r"tham số \1: giá trị \3 không đúng kiểu"),
    (re.compile(r"argument (\S+): expected one argument"), r"tham số \1 cần một giá trị"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), r"không dùng tham số \1 cùng với \2"),
    (re.compile(r"unrecognized arguments: (.*)"), r"tham số không nhận ra: \1"),
    (re.compile(r"ambiguous option: (\S+) could match (.*)"), r"tham số \1 chưa rõ, có thể là: \2"),
    (re.compile(r"argument (\S+): expected at least one argument"), r"tham số \1 cần ít nhất một giá trị"),
    (re.compile(r"argument (\S+): ignored explicit argument (.*)"), r"tham số \1 không nhận giá trị \2"),
    (re.compile(r"one of the arguments (.*) is required"), r"cần một trong các tham số: \1"),
    (re.compile(r"argument (\S+): (.*)"), r"tham số \1: \2"),  # our own type checks (dates)
)


def _vietnamese(message: str) -> str:
    for pattern, replacement in _ARGPARSE_MESSAGES:
        if pattern.search(message):
            return pattern.sub(replacement, message)
    return message


# Placeholders in the help for an option's value (argparse would print OUTPUT, PROFILE).
_METAVARS = {
    "output": "TỆP", "template": "MẪU", "docx_template": "MẪU", "profile": "HỒ_SƠ", "register": "SỔ",
    "base": "BÁO_CÁO", "plan": "KẾ_HOẠCH", "outline": "DÀN_Ý", "year": "NĂM", "jobs": "SỐ", "commune": "XÃ",
    "kind": "LOẠI", "issuer": "CƠ_QUAN", "date": "NGÀY", "start": "NGÀY", "summary": "TRÍCH_YẾU",
    "file": "TỆP", "reason": "LÝ_DO", "format": "DẠNG", "top": "N",
}


class _Formatter(argparse.HelpFormatter):
    def _get_default_metavar_for_optional(self, action: argparse.Action) -> str:
        return _METAVARS.get(action.dest, "GIÁ_TRỊ")

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix="Cách dùng: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with Vietnamese help headings, Vietnamese errors and exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", help="in hướng dẫn này rồi thoát")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"Lỗi: tham số không hợp lệ ({_vietnamese(message)}). Xem: {self.prog} --help", file=sys.stderr)
        raise SystemExit(EXIT_INPUT)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ttdn-docs", description="Soạn văn bản công tác thông tin đối ngoại đúng thể thức.")
    parser.add_argument("--version", action="version", version=f"ttdn-docs {__version__}", help="in số phiên bản rồi thoát")
    parser.add_argument(
        "--debug", action="store_true", help="in chi tiết lỗi cho nhà phát triển (đặt trước hoặc sau lệnh đều được)"
    )
    commands = parser.add_subparsers(
        dest="command", metavar="LỆNH", title="lệnh", required=True, parser_class=_Parser
    )

    render = commands.add_parser("render", help="dựng tệp .docx từ dữ liệu YAML/JSON")
    render.add_argument("input", type=Path, metavar="TỆP_DỮ_LIỆU", help="tệp dữ liệu kế hoạch/báo cáo (.yaml, .yml, .json)")
    render.add_argument("-o", "--output", type=Path, required=True, help="tệp .docx đầu ra")
    render.add_argument("--template", type=Path, help="mẫu .docx riêng (sao từ templates/)")
    render.add_argument("--profile", help="hồ sơ thể thức: party, state, mã hồ sơ hoặc đường dẫn tệp")
    render.add_argument("--force", action="store_true", help="ghi đè tệp đầu ra nếu đã có")
    render.add_argument(
        "--draft", action="store_true", help="in bản DỰ THẢO, kể cả khi báo cáo còn phần chưa điền"
    )
    render.add_argument("--pdf", action="store_true", help="ghi thêm bản PDF bên cạnh (cần LibreOffice)")
    render.add_argument("--sign-fields", action="store_true", help="với --pdf: thêm ô ký số trống theo Phụ lục I NĐ 30")
    render.add_argument(
        "--no-check", action="store_true", help="không kiểm tra thể thức tệp vừa dựng (mặc định: có kiểm tra)"
    )
    render.add_argument("--register", type=Path, help=_REGISTER_HELP)
    render.add_argument("--strict", action="store_true", help=_STRICT_HELP)
    render.set_defaults(handler=_render)

    preview = commands.add_parser("preview", help="xem trước văn bản dưới dạng trang HTML (không cần Word)")
    preview.add_argument("input", type=Path, metavar="TỆP_DỮ_LIỆU", help="tệp dữ liệu kế hoạch/báo cáo (.yaml, .yml, .json)")
    preview.add_argument("-o", "--output", type=Path, required=True, help="tệp .html đầu ra")
    preview.add_argument("--profile", help="hồ sơ thể thức: party, state, mã hồ sơ hoặc đường dẫn tệp")
    preview.add_argument("--draft", action="store_true", help="xem trước bản DỰ THẢO")
    preview.add_argument("--force", action="store_true", help="ghi đè tệp đầu ra nếu đã có")
    preview.add_argument("--strict", action="store_true", help=_STRICT_HELP)
    preview.set_defaults(handler=_preview)

    check = commands.add_parser("check", help="kiểm tra thể thức tệp .docx (của ta hoặc soạn bằng Word)")
    check.add_argument(
        "files", type=Path, nargs="+", metavar="TỆP_HOẶC_THƯ_MỤC",
        help="tệp .docx, hoặc thư mục: kiểm tra mọi tệp .docx trong đó (cả thư mục con)",
    )
    check.add_argument("--profile", help="hồ sơ thể thức (mặc định: nhận ra từ phần đầu văn bản)")
    check.add_argument(
        "--format", choices=["text", "json", "csv"], default="text",
        help="dạng kết quả (mặc định: text); json, csv: mỗi lỗi một mục, bảng tổng hợp in ra stderr",
    )
    check.add_argument(
        "--final", action="store_true",
        help="kiểm tra như bản trình ký, ban hành: dấu DỰ THẢO, phần <<CẦN ĐIỀN>> là lỗi (mặc định: cảnh báo ở bản dự thảo)",
    )
    check.add_argument(
        "--lang", choices=["vi", "en"], default="vi",
        help="csv: tên cột tiếng Việt (vi, mặc định) hoặc khóa cố định cho chương trình (en)",
    )
    check.add_argument("-j", "--jobs", type=int, default=None, help="số tiến trình (mặc định: số nhân CPU)")
    check.add_argument("--progress", action="store_true", help="luôn hiện thanh tiến độ (mặc định: chỉ khi chạy trên màn hình)")
    check.add_argument("--top", type=int, default=10, metavar="N", help="số quy tắc hay sai nhất trong bảng tổng hợp (mặc định: 10)")
    check.set_defaults(handler=_check)

    aggregate = commands.add_parser("aggregate", help="tổng hợp các tệp kết quả của đơn vị vào báo cáo")
    aggregate.add_argument("units", type=Path, nargs="+", metavar="TỆP_ĐƠN_VỊ", help="tệp kết quả của đơn vị (.yaml, .json, .csv, .xlsx)")
    aggregate.add_argument("-o", "--output", type=Path, required=True, help="tệp báo cáo .yaml đầu ra")
    source = aggregate.add_mutually_exclusive_group()
    source.add_argument("--base", type=Path, help="báo cáo gốc (mặc định: tệp đầu ra, nếu đã có)")
    source.add_argument("--from-plan", type=Path, dest="plan", help="khởi tạo báo cáo từ kế hoạch này")
    aggregate.add_argument("--force", action="store_true", help="ghi đè tệp đầu ra khác báo cáo gốc")
    aggregate.set_defaults(handler=_aggregate)

    schema = commands.add_parser("schema", help="in JSON Schema của dữ liệu đầu vào (cho trình soạn thảo)")
    schema.add_argument(
        "what", choices=KindChoices("unit_results", "profile"), metavar="LOẠI",
        help="loại dữ liệu: plan, report, document (văn bản mọi loại), unit_results, profile hoặc loại đã đăng ký",
    )
    schema.set_defaults(handler=_schema)

    _add_init(commands)
    _add_batch(commands)
    _add_register(commands)
    _add_from_word(commands)
    # Each feature's registration module defines its parsers only; its implementation is
    # imported by the handler (tests/test_startup.py holds that line).
    from ttdn_docs.exchange.command import add_metadata_command
    from ttdn_docs.sign.commands import add_commands as add_signing
    from ttdn_docs.web.serve import add_serve

    add_metadata_command(commands)
    add_signing(commands)
    add_serve(commands)
    return parser


def _add_from_word(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``import``, ``fix`` and ``rollover``: from the Word files communes already have."""
    imp = commands.add_parser("import", help="đọc kế hoạch/báo cáo .docx (.doc, .odt) thành tệp YAML")
    imp.add_argument("input", type=Path, metavar="FILE.docx", help="tệp Word cần đọc")
    imp.add_argument("-o", "--output", type=Path, required=True, help="tệp .yaml đầu ra")
    imp.add_argument(
        "--kind", choices=["plan", "report", "document"],
        help="kế hoạch, báo cáo hay văn bản khác (mặc định: theo tên loại trong tệp)",
    )
    imp.add_argument("--type", help="loại văn bản trong bảng loại của hồ sơ, ví dụ cong_van (mặc định: nhận ra từ tệp)")
    imp.add_argument("--profile", help="hồ sơ thể thức (mặc định: nhận ra từ phần đầu văn bản)")
    imp.add_argument("--force", action="store_true", help="ghi đè tệp đầu ra nếu đã có")
    imp.set_defaults(handler=_import)

    fix = commands.add_parser("fix", help="sửa thể thức tệp .docx: giữ nguyên lời văn, dựng lại đúng mẫu")
    fix.add_argument("input", type=Path, metavar="FILE.docx", help="tệp Word cần sửa")
    fix.add_argument("-o", "--output", type=Path, required=True, help="tệp .docx đã sửa")
    fix.add_argument("--profile", help="hồ sơ thể thức (mặc định: nhận ra từ phần đầu văn bản)")
    fix.add_argument("--force", action="store_true", help="ghi đè tệp đầu ra nếu đã có")
    fix.set_defaults(handler=_fix)

    roll = commands.add_parser("rollover", help="dự thảo kế hoạch (báo cáo) năm sau từ tệp năm nay")
    roll.add_argument("input", type=Path, metavar="PLAN.yaml", help="kế hoạch (hoặc báo cáo) năm nay (.yaml, .json)")
    roll.add_argument("--year", type=int, required=True, help="năm mới, ví dụ 2026")
    roll.add_argument("-o", "--output", type=Path, required=True, help="tệp .yaml đầu ra")
    roll.add_argument("--plan", type=Path, help="với báo cáo: kế hoạch năm mới mà báo cáo trích dẫn")
    roll.add_argument("--force", action="store_true", help="ghi đè tệp đầu ra nếu đã có")
    roll.set_defaults(handler=_rollover)


def _import(args: argparse.Namespace) -> int:
    from ttdn_docs.api import import_to_yaml

    result = import_to_yaml(
        args.input, args.output, kind=args.kind, profile=args.profile, type=args.type, overwrite=args.force
    )
    _print_import_notes(args.input, result)
    document = result.document
    kind = {"plan": "kế hoạch", "report": "báo cáo"}.get(document.kind) or result.profile.type_name(document.type).lower()
    print(f"Đã ghi {args.output} ({kind}, hồ sơ {result.profile.id}, {len(result.warnings)} chú ý).")
    return EXIT_OK


def _print_import_notes(source: Path, result: ImportResult) -> None:
    """What ``import`` and ``fix`` tell of the reading: a LibreOffice conversion, and each
    paragraph that had no place of its own."""
    if result.converted_from:
        print(f"Đã chuyển {source} ({result.converted_from}) sang .docx bằng LibreOffice để đọc.")
    for warning in result.warnings:
        print(f"Chú ý — {warning.describe()}", file=sys.stderr)


def _fix(args: argparse.Namespace) -> int:
    from ttdn_docs.check.report import text_report
    from ttdn_docs.importer.fix import fix_docx

    result = fix_docx(args.input, args.output, profile=args.profile, overwrite=args.force)
    _print_import_notes(args.input, result.imported)
    if not result.changes:
        print(f"Đã ghi {result.output} (lời văn giữ nguyên; thể thức đã đúng, không phải thay đổi gì).")
    else:
        print(f"Đã ghi {result.output} (lời văn giữ nguyên; {len(result.changes)} thay đổi về thể thức):")
    for change in result.changes:
        print(f"  - {change.describe()}")
    print(text_report([result.check]))
    return EXIT_FINDINGS if result.check.errors else EXIT_OK


def _rollover(args: argparse.Namespace) -> int:
    from ttdn_docs.api import rollover_file

    document = rollover_file(args.input, args.year, args.output, plan=args.plan, overwrite=args.force)
    print(
        f"Đã ghi {args.output}: dự thảo năm {args.year}, {len(document.missing_parts())} chỗ cần xem lại "
        "(<<CẦN ĐIỀN: …>>); số và ngày để trống. In bản dự thảo: ttdn-docs render … --draft"
    )
    return EXIT_OK


def _render(args: argparse.Namespace) -> int:
    from ttdn_docs.api import load_document, render_input, resolve_profile

    document = load_document(args.input)
    profile = resolve_profile(document, args.profile)
    _official_spelling(args, document, profile)
    out = render_input(
        args.input, args.output, profile=profile, template=args.template, overwrite=args.force, draft=args.draft,
        register=args.register,
    )
    print(f"Đã ghi {out}" + (" (bản DỰ THẢO)" if args.draft else ""))
    if args.pdf or args.sign_fields:
        from ttdn_docs.render.pdfa import write_pdf

        pdf, font_warning = write_pdf(out, profile)
        print(f"Đã ghi {pdf} (PDF/A-2b)")
        if font_warning:
            print(f"CẢNH BÁO — {font_warning}", file=sys.stderr)
        if args.sign_fields:
            from ttdn_docs.sign.commands import add_fields_to_rendered

            add_fields_to_rendered(pdf, getattr(document, "signature", None))
    return EXIT_OK if args.no_check else _check_written(out, profile)


def _preview(args: argparse.Namespace) -> int:
    from ttdn_docs.api import load_document, preview_input, resolve_profile

    document = load_document(args.input)
    _official_spelling(args, document, resolve_profile(document, args.profile))
    out = preview_input(args.input, args.output, profile=args.profile, overwrite=args.force, draft=args.draft)
    print(f"Đã ghi {out} (mở bằng trình duyệt)")
    return EXIT_OK


def _official_spelling(args: argparse.Namespace, document: Any, profile: Profile) -> None:
    """The header as typed against the official list (``commune_code``): a warning each,
    or a refusal with ``--strict``."""
    from ttdn_docs.errors import InputError
    from ttdn_docs.header_checks import check_issuer_family, official_spelling

    check_issuer_family(document, profile, str(args.input))  # the other rule book's issuer first
    problems = official_spelling(document, profile)
    if problems and args.strict:
        raise InputError(str(args.input), problems)
    for problem in problems:
        print(f"Chú ý — {problem.describe()}", file=sys.stderr)


def _init(args: argparse.Namespace) -> int:
    from ttdn_docs.api import init_report, write_report_yaml
    from ttdn_docs.outputs import YAML_SUFFIXES, check_output

    check_output(args.output, YAML_SUFFIXES, "tệp dữ liệu YAML", inputs=[args.plan, *([args.outline] if args.outline else [])])
    report = init_report(args.plan, profile=args.profile, outline=args.outline)
    out = write_report_yaml(report, args.output, overwrite=args.force)
    print(f"Đã ghi {out}: {len(report.missing_parts())} phần cần điền (đánh dấu <<CẦN ĐIỀN: …>> và value: null).")
    return EXIT_OK


def _aggregate(args: argparse.Namespace) -> int:
    from ttdn_docs.api import aggregate_files, write_report_yaml
    from ttdn_docs.outputs import YAML_SUFFIXES, check_output

    check_output(args.output, YAML_SUFFIXES, "tệp dữ liệu YAML", inputs=[*args.units, *([args.plan] if args.plan else [])])
    base = args.base
    # Without --base or --from-plan the output file, if it exists, is the report to update.
    if base is None and args.plan is None and args.output.is_file():
        base = args.output
    result = aggregate_files(args.units, base=base, plan=args.plan)
    in_place = base is not None and Path(base).resolve() == args.output.resolve()
    out = write_report_yaml(result.report, args.output, overwrite=args.force or in_place)
    for line in result.summary_lines():
        print(line)
    print(f"Đã ghi {out}")
    return EXIT_OK


def _check_written(out: Path, profile: Profile) -> int:
    """Check a file just rendered with the profile it was rendered with and print the
    findings. The file stays written either way; errors make the exit code 1 (warnings
    do not), so a script notices a template that breaks the rules."""
    from ttdn_docs.check import check_file
    from ttdn_docs.check.report import text_report

    result = check_file(out, profile)
    print(text_report([result]))
    return EXIT_FINDINGS if result.errors else EXIT_OK


def _check(args: argparse.Namespace) -> int:
    """Check files and folders; exit 2 when a file cannot be read, else 1 when errors
    were found. Several files or a folder end with a summary table."""
    from ttdn_docs.batch.progress import Progress
    from ttdn_docs.check import CheckResult
    from ttdn_docs.check.folder import Summary, check_files, default_workers, docx_files
    from ttdn_docs.check.report import CsvWriter, JsonWriter, text_block

    profile = None
    if args.profile is not None:
        from ttdn_docs.profiles import load_profile

        profile = load_profile(args.profile)
    paths = docx_files(args.files)
    many = len(paths) > 1 or any(p.is_dir() for p in args.files)
    progress = Progress(len(paths), enabled=True if args.progress else (None if many else False))
    writer: JsonWriter | CsvWriter | None = None
    if args.format == "json":
        writer = JsonWriter(sys.stdout)
    elif args.format == "csv":
        sys.stdout.write("\ufeff")  # Excel opens UTF-8 CSV right only with a BOM
        writer = CsvWriter(sys.stdout, args.lang)
    summary = Summary()
    jobs = max(1, args.jobs if args.jobs is not None else default_workers())
    for outcome in check_files(paths, profile, workers=jobs, final=args.final):
        summary.add(outcome)
        if writer is not None:
            writer.write(outcome)
        else:
            progress.clear()
            print("\n".join(text_block(outcome)), flush=True)
        progress.advance(failed=not isinstance(outcome, CheckResult) or bool(outcome.errors))
    progress.close()
    if writer is not None:
        writer.close()
    if many:
        print("\n".join(summary.lines(args.top)), file=sys.stdout if writer is None else sys.stderr)
    if summary.unreadable:
        return EXIT_INPUT
    return EXIT_FINDINGS if summary.with_errors else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from ttdn_docs.api import json_schema

    print(json.dumps(json_schema(args.what), ensure_ascii=False, indent=2))
    return EXIT_OK


def _add_init(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    init = commands.add_parser("init", help="tạo tệp khung (YAML có chú thích) để soạn")
    kinds = init.add_subparsers(dest="init_kind", metavar="plan|report|document", title="loại khung", required=True, parser_class=_Parser)
    _add_init_plan(kinds)
    _add_init_report(kinds)
    _add_init_document(kinds)


def _add_init_document(kinds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    document = kinds.add_parser("document", help="khung văn bản mọi loại (công văn, thông báo, tờ trình, quyết định, giấy mời …) của một xã")
    document.add_argument("--type", required=True, dest="type_key", metavar="LOẠI", help="khóa tên loại trong hồ sơ: cong_van, thong_bao, to_trinh, quyet_dinh, giay_moi …")
    document.add_argument("--profile", default="state", help="state (Nhà nước, mặc định), party (Đảng) hoặc mã, tệp hồ sơ thể thức")
    document.add_argument("--body", metavar="CƠ_QUAN", help="cơ quan ban hành trong hồ sơ: ubnd, hdnd, ubmttq (Nhà nước); ban_thuong_vu, dang_uy, chi_bo, van_phong (Đảng)")
    document.add_argument("--unit-name", metavar="TÊN", help="tên riêng của chi bộ (với --body chi_bo)")
    _add_commune_skeleton_args(document, "năm của văn bản (mặc định: năm nay)")
    document.set_defaults(handler=_init_document)


def _init_document(args: argparse.Namespace) -> int:
    from ttdn_docs.outputs import YAML_SUFFIXES, check_output
    from ttdn_docs.render import write_bytes_atomic
    from ttdn_docs.skeletons import document_skeleton

    check_output(args.output, YAML_SUFFIXES, "tệp dữ liệu YAML")
    commune = _commune_arg(args.commune)
    text = document_skeleton(commune, args.type_key, args.profile, args.year, body=args.body, unit_name=args.unit_name)
    out = write_bytes_atomic(args.output, text.encode("utf-8"), overwrite=args.force)
    print(f"Đã ghi {out} ({commune.full_name}, {commune.province.full_name}, mã {commune.code})")
    return EXIT_OK


def _add_init_report(kinds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    report = kinds.add_parser("report", help="khung báo cáo kết quả, điền sẵn từ kế hoạch")
    report.add_argument("--from-plan", type=Path, required=True, dest="plan", help="tệp kế hoạch (.yaml, .json)")
    report.add_argument("-o", "--output", type=Path, required=True, help="tệp báo cáo .yaml đầu ra")
    report.add_argument("--outline", type=Path, help="dàn ý riêng: các nội dung kết quả và chỉ tiêu (.yaml)")
    report.add_argument("--profile", help="hồ sơ thể thức dùng để ghi số kế hoạch (mặc định: của kế hoạch)")
    report.add_argument("--force", action="store_true", help="ghi đè tệp đầu ra nếu đã có")
    report.set_defaults(handler=_init)


def _add_init_plan(kinds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    plan = kinds.add_parser("plan", help="khung kế hoạch thông tin đối ngoại của một xã")
    plan.add_argument("--profile", choices=["party", "state"], default="party", help="khối Đảng (party) hoặc Nhà nước (state)")
    _add_commune_skeleton_args(plan, "năm kế hoạch (mặc định: năm nay)")
    plan.set_defaults(handler=_init_plan)


def _add_commune_skeleton_args(parser: argparse.ArgumentParser, year_help: str) -> None:
    """The options every commune skeleton takes: the commune, the year, the output."""
    parser.add_argument("--commune", required=True, help="mã xã 5 chữ số (ví dụ 11239) hoặc tên xã")
    parser.add_argument("--year", type=int, default=datetime.date.today().year, help=year_help)
    parser.add_argument("-o", "--output", type=Path, required=True, help="tệp .yaml đầu ra")
    parser.add_argument("--force", action="store_true", help="ghi đè tệp đầu ra nếu đã có")


def _init_plan(args: argparse.Namespace) -> int:
    from ttdn_docs.outputs import YAML_SUFFIXES, check_output
    from ttdn_docs.render import write_bytes_atomic
    from ttdn_docs.skeletons import plan_skeleton

    check_output(args.output, YAML_SUFFIXES, "tệp dữ liệu YAML")
    commune = _commune_arg(args.commune)
    text = plan_skeleton(commune, args.profile, args.year)
    out = write_bytes_atomic(args.output, text.encode("utf-8"), overwrite=args.force)
    print(f"Đã ghi {out} ({commune.full_name}, {commune.province.full_name}, mã {commune.code})")
    return EXIT_OK


def _commune_arg(text: str) -> Commune:
    """A commune from its code or, when unambiguous, its name; ``Tân Phú, Đồng Nai``
    narrows the name by province; a typo gets the close names."""
    from ttdn_docs.units import UnitNotFoundError, close_communes, find_province, get_commune, search_communes

    if text.strip().isdigit():
        return get_commune(text)
    name, _, province_text = text.partition(",")
    province = find_province(province_text.strip()) if province_text.strip() else None
    found = search_communes(name.strip(), province)
    if len(found) == 1:
        return found[0]
    where = f" ở {province.full_name}" if province is not None else ""
    if not found:
        close = close_communes(name.strip(), province)
        hint = "; có phải: " + "; ".join(_commune_choice(c) for c in close) + "?" if close else ""
        raise UnitNotFoundError(f"Không tìm thấy xã, phường, đặc khu tên '{name.strip()}'{where}{hint}", text)
    choices = "; ".join(_commune_choice(c) for c in found[:10])
    raise TtdnError(
        f"Có {len(found)} đơn vị tên '{name.strip()}'{where}; hãy ghi mã, hoặc tên kèm tỉnh "
        f"(ví dụ \"{found[0].name}, {found[0].province.name}\"): {choices}"
    )


def _commune_choice(commune: Commune) -> str:
    return f"{commune.code} {commune.full_name} ({commune.province.full_name})"


def _add_batch(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    batch = commands.add_parser("batch", help="dựng văn bản cho nhiều xã từ một mẫu kế hoạch")
    batch.add_argument("template", type=Path, metavar="MẪU_KẾ_HOẠCH", help="mẫu kế hoạch (.yaml) có chỗ điền {{ commune.… }}")
    which = batch.add_mutually_exclusive_group(required=True)
    which.add_argument("--communes", type=Path, metavar="BẢNG", help="bảng .csv/.xlsx có cột code (và signer, number, date …)")
    which.add_argument("--province", metavar="MÃ", help="mọi xã của một tỉnh, thành phố (mã 2 chữ số hoặc tên)")
    which.add_argument("--all", action="store_true", help="cả 3.321 xã, phường, đặc khu")
    batch.add_argument("-o", "--output", type=Path, required=True, metavar="THƯ_MỤC", help="thư mục đầu ra")
    batch.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="số tiến trình (mặc định: số nhân CPU)")
    batch.add_argument("--template", dest="docx_template", type=Path, help="mẫu .docx riêng (sao từ templates/)")
    batch.add_argument("--progress", action="store_true", help="luôn hiện thanh tiến độ (mặc định: chỉ khi chạy trên màn hình)")
    batch.add_argument(
        "--check", action="store_true",
        help="kiểm tra thể thức từng văn bản (chậm hơn khoảng 5 ms/văn bản); số lỗi ghi vào cột errors",
    )
    batch.add_argument("--register", type=Path, help=_REGISTER_HELP)
    batch.add_argument("--pdf", action="store_true", help="ghi thêm bản PDF/A của từng xã (cần LibreOffice)")
    batch.add_argument("--pdf-combined", action="store_true", help="ghi thêm một tệp PDF gộp mỗi tỉnh để in (kèm --pdf)")
    batch.set_defaults(handler=_batch)


def _batch(args: argparse.Namespace) -> int:
    from ttdn_docs.batch import Progress, read_table, run_batch
    from ttdn_docs.units import all_communes, communes_in_province, find_province

    table = read_table(args.communes) if args.communes else None
    communes = None
    if args.province:
        communes = communes_in_province(find_province(args.province))
    elif args.all:
        communes = all_communes()
    total = len(table.rows) if table is not None else len(communes or [])
    progress = Progress(total, enabled=True if args.progress else None)
    check = None
    if args.check:
        from ttdn_docs.check import count_errors

        check = count_errors
    result = run_batch(
        args.template, args.output, communes=communes, table=table, workers=max(1, args.jobs),
        docx_template=args.docx_template, progress=progress, check=check, register=args.register,
    )
    print(
        f"Đã xử lý {len(result.entries)} xã: {result.count('ok')} đã ghi, {result.count('unchanged')} không đổi,"
        f" {len(result.failed)} lỗi. Danh sách: {result.manifest_csv}"
    )
    if args.pdf or args.pdf_combined:
        from ttdn_docs.batch.pdfs import print_batch_pdfs, write_batch_pdfs

        print_batch_pdfs(write_batch_pdfs(result.out_dir, result.entries, combine=args.pdf_combined))
    shown = 20
    if result.failed:
        print(f"Các xã bị lỗi ({len(result.failed)}):", file=sys.stderr)
        for entry in result.failed[:shown]:
            print(f"  - {entry.code} {entry.name}: {entry.message}", file=sys.stderr)
        if len(result.failed) > shown:
            print(f"  … và {len(result.failed) - shown} xã khác (xem {result.manifest_csv})", file=sys.stderr)
        return EXIT_INPUT
    if result.with_errors:
        print(f"Trình kiểm tra thấy lỗi thể thức ở {len(result.with_errors)} văn bản (cột errors).", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK


def _add_register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    register = commands.add_parser("register", help="sổ đăng ký số văn bản: xem, lấy số tiếp theo, hủy số")
    actions = register.add_subparsers(
        dest="register_action", metavar="list|next|void|term", title="việc", required=True, parser_class=_Parser
    )
    file_help = "tệp sổ (SQLite; mặc định: biến môi trường TTDN_REGISTER)"

    def document_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--issuer", required=True, help="cơ quan ban hành, ví dụ \"Đảng ủy xã Thanh Miện\"")
        parser.add_argument("--kind", required=True, help="loại văn bản: tên (Kế hoạch) hoặc mã (ke_hoach)")
        parser.add_argument("--profile", default="party", help="hồ sơ thể thức quyết định kỳ đánh số (mặc định: party)")
        parser.add_argument("--register", type=Path, help=file_help)

    listing = actions.add_parser("list", help="liệt kê các số đã cấp và đã hủy")
    listing.add_argument("--issuer", help="chỉ số của cơ quan này")
    listing.add_argument("--register", type=Path, help=file_help)
    listing.add_argument("--format", choices=["text", "json"], default="text", help="dạng kết quả (mặc định: text)")
    listing.set_defaults(handler=_register_list)

    following = actions.add_parser("next", help="cấp số tiếp theo (hoặc chỉ xem với --peek)")
    document_arguments(following)
    following.add_argument("--date", type=_officer_date, help="ngày ban hành, ví dụ 05/8/2025 (mặc định: hôm nay)")
    following.add_argument("--summary", default="", help="trích yếu ghi vào sổ")
    following.add_argument("--file", help="tệp văn bản ghi vào sổ")
    following.add_argument("--peek", action="store_true", help="chỉ xem số tiếp theo, không cấp")
    following.set_defaults(handler=_register_next)

    void = actions.add_parser("void", help="hủy một số (số vẫn ở trong sổ và không cấp lại)")
    document_arguments(void)
    void.add_argument("number", type=int, metavar="SỐ", help="số cần hủy")
    void.add_argument("--date", type=_officer_date, help="một ngày trong kỳ đánh số của số đó (mặc định: hôm nay)")
    void.add_argument("--reason", required=True, help="lý do hủy")
    void.set_defaults(handler=_register_void)

    term = actions.add_parser("term", help="ghi ngày bắt đầu nhiệm kỳ của cấp ủy (đánh số theo nhiệm kỳ)")
    term.add_argument("--issuer", required=True, help="cấp ủy, ví dụ \"Đảng ủy xã Thanh Miện\"")
    term.add_argument("--start", type=_officer_date, required=True, help="ngày bắt đầu nhiệm kỳ, ví dụ 01/7/2025")
    term.add_argument("--register", type=Path, help=file_help)
    term.set_defaults(handler=_register_term)


def _officer_date(text: str) -> datetime.date:
    """A date argument in any form ``vn.parse_date`` reads (05/8/2025, ngày 05 tháng 8 năm
    2025, ISO), as in the data files."""
    from ttdn_docs.vn import DateParseError, parse_date

    try:
        return parse_date(text)
    except DateParseError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _register_list(args: argparse.Namespace) -> int:
    from ttdn_docs.profiles.types import type_name
    from ttdn_docs.register import STATUS_WORDS, open_register, period_label

    entries = open_register(args.register, create=False).entries(args.issuer)
    if args.format == "json":
        print(json.dumps([e.as_dict() for e in entries], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not entries:
        print("Sổ chưa có số nào" + (f" của {args.issuer}." if args.issuer else "."))
    for e in entries:
        date = f"{e.date:%d/%m/%Y}" if e.date else "chưa ghi ngày"
        line = f"{e.issuer} | {type_name(e.kind)} | {period_label(e.period)} | số {e.number:02d} | {STATUS_WORDS[e.status]}"
        line += f" | {date} | {e.summary or '—'} | {e.file or '—'}"
        print(line + (f" | lý do hủy: {e.reason}" if e.status == "void" else ""))
    return EXIT_OK


def _register_document(args: argparse.Namespace, create: bool) -> tuple[Any, Any, str]:
    """The register, the document kind and the period of a ``next``/``void`` request."""
    from ttdn_docs.profiles import load_profile
    from ttdn_docs.register import numbering_period, open_register

    register = open_register(args.register, create=create)
    kind = _kind_arg(args.kind)
    profile = load_profile(args.profile)
    period = numbering_period(profile, register, args.issuer, args.date or datetime.date.today())
    return register, kind, period


def _kind_arg(text: str) -> Any:
    from ttdn_docs.admin import DocumentKind
    from ttdn_docs.profiles.types import type_names
    from ttdn_docs.vn import fold_key

    for key, name in type_names().items():
        if fold_key(text) in (key, fold_key(name)):
            return DocumentKind(key)
    names = ", ".join(type_names().values())
    raise TtdnError(f"Loại văn bản '{text}' không có; chọn một trong: {names}")


def _register_next(args: argparse.Namespace) -> int:
    from ttdn_docs.profiles.types import type_name
    from ttdn_docs.register import period_label

    register, kind, period = _register_document(args, create=not args.peek)
    if args.peek:
        number = register.peek(args.issuer, kind, period)
        print(f"Số tiếp theo của {args.issuer} ({type_name(kind)}, {period_label(period)}): {number:02d} (chưa cấp)")
        return EXIT_OK
    entry = register.reserve(
        args.issuer, kind, period, file=args.file, date=args.date or datetime.date.today(), summary=args.summary
    )
    print(f"Đã cấp số {entry.number:02d} cho {entry.issuer} ({type_name(kind)}, {period_label(period)}).")
    return EXIT_OK


def _register_void(args: argparse.Namespace) -> int:
    from ttdn_docs.profiles.types import type_name

    register, kind, period = _register_document(args, create=False)
    entry = register.void(args.issuer, kind, period, args.number, args.reason)
    print(f"Đã hủy số {entry.number:02d} ({type_name(kind)}) của {entry.issuer}: {entry.reason}. Số này không cấp lại.")
    return EXIT_OK


def _register_term(args: argparse.Namespace) -> int:
    from ttdn_docs.register import open_register

    register = open_register(args.register)
    register.add_term(args.issuer, args.start)
    starts = ", ".join(f"{d:%d/%m/%Y}" for d in register.term_starts(args.issuer))
    print(f"Đã ghi nhiệm kỳ của {args.issuer} bắt đầu {args.start:%d/%m/%Y}. Các nhiệm kỳ trong sổ: {starts}.")
    return EXIT_OK


def _without_debug(argv: Sequence[str]) -> tuple[list[str], bool]:
    """``--debug`` anywhere before ``--`` (the advice «Chạy lại với --debug» is followed
    by adding it at the end of the command)."""
    rest = list(argv)
    end = rest.index("--") if "--" in rest else len(rest)
    debug = "--debug" in rest[:end]
    return [a for i, a in enumerate(rest) if i >= end or a != "--debug"], debug


def _print_traceback() -> None:
    import traceback  # only for --debug: a command that succeeds never loads it

    traceback.print_exc()


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    argv, debug = _without_debug(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    args.debug = debug
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except TtdnError as exc:
        if args.debug:
            _print_traceback()
        print(f"Lỗi: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``… | head``): not an error of ours. Point
        # stdout at nothing so that the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:  # the disk, not the data: say which file and why, in Vietnamese
        from ttdn_docs.oserrors import os_cause

        if args.debug:
            _print_traceback()
        where = f" '{exc.filename}'" if exc.filename else ""
        print(f"Lỗi: không đọc hoặc ghi được tệp{where}: {os_cause(exc)}.", file=sys.stderr)
        return EXIT_INPUT
    except Exception as exc:  # a bug: say so plainly, details only with --debug
        if args.debug:
            _print_traceback()
        print(
            f"Lỗi nội bộ của ttdn-docs ({type(exc).__name__}). Chạy lại với --debug và gửi báo lỗi.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
