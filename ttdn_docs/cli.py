"""The ``ttdn-docs`` command. Thin: parses arguments, calls the library, prints.

Exit codes: 0 success; 1 the checker found errors; 2 bad input, unreadable file or
usage error (one Vietnamese message, no traceback unless ``--debug``); 3 internal error.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ttdn_docs import __version__
from ttdn_docs.errors import TtdnError

if TYPE_CHECKING:
    from ttdn_docs.profiles import Profile

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    """argparse with a Vietnamese error line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"Lỗi: tham số không hợp lệ ({message}). Xem: {self.prog} --help", file=sys.stderr)
        raise SystemExit(EXIT_INPUT)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ttdn-docs", description="Soạn văn bản công tác thông tin đối ngoại đúng thể thức.")
    parser.add_argument("--version", action="version", version=f"ttdn-docs {__version__}")
    parser.add_argument("--debug", action="store_true", help="in chi tiết lỗi (traceback) cho nhà phát triển")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    render = commands.add_parser("render", help="dựng tệp .docx từ dữ liệu YAML/JSON")
    render.add_argument("input", type=Path, help="tệp dữ liệu kế hoạch/báo cáo (.yaml, .yml, .json)")
    render.add_argument("-o", "--output", type=Path, required=True, help="tệp .docx đầu ra")
    render.add_argument("--template", type=Path, help="mẫu .docx riêng (sao từ templates/)")
    render.add_argument("--profile", help="hồ sơ thể thức: party, state, mã hồ sơ hoặc đường dẫn tệp")
    render.add_argument("--force", action="store_true", help="ghi đè tệp đầu ra nếu đã có")
    render.add_argument(
        "--no-check", action="store_true", help="không kiểm tra thể thức tệp vừa dựng (mặc định: có kiểm tra)"
    )
    render.set_defaults(handler=_render)

    check = commands.add_parser("check", help="kiểm tra thể thức tệp .docx (của ta hoặc soạn bằng Word)")
    check.add_argument("files", type=Path, nargs="+", metavar="FILE.docx", help="tệp .docx cần kiểm tra")
    check.add_argument("--profile", help="hồ sơ thể thức (mặc định: nhận ra từ phần đầu văn bản)")
    check.add_argument("--format", choices=["text", "json"], default="text", help="dạng kết quả (mặc định: text)")
    check.set_defaults(handler=_check)

    schema = commands.add_parser("schema", help="in JSON Schema của dữ liệu đầu vào (cho trình soạn thảo)")
    schema.add_argument("what", choices=["plan", "profile"], help="loại dữ liệu")
    schema.set_defaults(handler=_schema)
    return parser


def _render(args: argparse.Namespace) -> int:
    from ttdn_docs.api import load_document, render_file, resolve_profile

    document = load_document(args.input)
    profile = resolve_profile(document, args.profile)
    out = render_file(document, args.output, profile=profile, template=args.template, overwrite=args.force)
    print(f"Đã ghi {out}")
    return EXIT_OK if args.no_check else _check_written(out, profile)


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
    """Check each file; exit 2 when one cannot be read, else 1 when errors were found."""
    from ttdn_docs.check import CheckResult, check_file
    from ttdn_docs.check.report import json_report, text_report
    from ttdn_docs.errors import DocxReadError

    profile = None
    if args.profile is not None:
        from ttdn_docs.profiles import load_profile

        profile = load_profile(args.profile)
    results: list[CheckResult | tuple[str, str]] = []
    for path in args.files:
        try:
            results.append(check_file(path, profile))
        except DocxReadError as exc:
            results.append((str(path), str(exc)))
    print(json_report(results) if args.format == "json" else text_report(results))
    if any(isinstance(r, tuple) for r in results):
        return EXIT_INPUT
    return EXIT_FINDINGS if any(r.errors for r in results if not isinstance(r, tuple)) else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from ttdn_docs.api import json_schema

    print(json.dumps(json_schema(args.what), ensure_ascii=False, indent=2))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except TtdnError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"Lỗi: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so plainly, details only with --debug
        if args.debug:
            traceback.print_exc()
        print(
            f"Lỗi nội bộ của ttdn-docs ({type(exc).__name__}). Chạy lại với --debug và gửi báo lỗi.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
