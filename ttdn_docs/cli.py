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

from ttdn_docs import __version__
from ttdn_docs.errors import TtdnError

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
        "--draft", action="store_true", help="in bản DỰ THẢO, kể cả khi báo cáo còn phần chưa điền"
    )
    render.set_defaults(handler=_render)

    init = commands.add_parser("init", help="tạo tệp dữ liệu khởi đầu (báo cáo từ kế hoạch)")
    init.add_argument("what", choices=["report"], help="loại tài liệu cần tạo")
    init.add_argument("--from-plan", type=Path, required=True, dest="plan", help="tệp kế hoạch (.yaml, .json)")
    init.add_argument("-o", "--output", type=Path, required=True, help="tệp báo cáo .yaml đầu ra")
    init.add_argument("--outline", type=Path, help="dàn ý riêng: các nội dung kết quả và chỉ tiêu (.yaml)")
    init.add_argument("--profile", help="hồ sơ thể thức dùng để ghi số kế hoạch (mặc định: của kế hoạch)")
    init.add_argument("--force", action="store_true", help="ghi đè tệp đầu ra nếu đã có")
    init.set_defaults(handler=_init)

    aggregate = commands.add_parser("aggregate", help="tổng hợp các tệp kết quả của đơn vị vào báo cáo")
    aggregate.add_argument("units", type=Path, nargs="+", help="tệp kết quả của đơn vị (.yaml, .json, .csv, .xlsx)")
    aggregate.add_argument("-o", "--output", type=Path, required=True, help="tệp báo cáo .yaml đầu ra")
    source = aggregate.add_mutually_exclusive_group()
    source.add_argument("--base", type=Path, help="báo cáo gốc (mặc định: tệp đầu ra, nếu đã có)")
    source.add_argument("--from-plan", type=Path, dest="plan", help="khởi tạo báo cáo từ kế hoạch này")
    aggregate.add_argument("--force", action="store_true", help="ghi đè tệp đầu ra khác báo cáo gốc")
    aggregate.set_defaults(handler=_aggregate)

    schema = commands.add_parser("schema", help="in JSON Schema của dữ liệu đầu vào (cho trình soạn thảo)")
    schema.add_argument("what", choices=["plan", "report", "unit_results", "profile"], help="loại dữ liệu")
    schema.set_defaults(handler=_schema)
    return parser


def _render(args: argparse.Namespace) -> int:
    from ttdn_docs.api import render_input

    out = render_input(
        args.input, args.output, profile=args.profile, template=args.template, overwrite=args.force, draft=args.draft
    )
    print(f"Đã ghi {out}" + (" (bản DỰ THẢO)" if args.draft else ""))
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from ttdn_docs.api import init_report, write_report_yaml

    report = init_report(args.plan, profile=args.profile, outline=args.outline)
    out = write_report_yaml(report, args.output, overwrite=args.force)
    print(f"Đã ghi {out}: {len(report.missing_parts())} phần cần điền (đánh dấu <<CẦN ĐIỀN: …>> và value: null).")
    return EXIT_OK


def _aggregate(args: argparse.Namespace) -> int:
    from ttdn_docs.api import aggregate_files, write_report_yaml

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
