"""The ``sign-prepare``, ``sign`` and ``verify`` subcommands (registered from ``cli.py``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ttdn_docs.sign import PIN_ENV

_ROLES = ("signer", "body", "attachment", "copy")


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    prepare = commands.add_parser(
        "sign-prepare", help="thêm ô ký số trống đúng vị trí Phụ lục I NĐ 30 vào tệp PDF (cần ttdn-docs[sign])"
    )
    prepare.add_argument("input", type=Path, metavar="DOC.pdf", help="tệp PDF của văn bản")
    prepare.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf", help="tệp PDF đầu ra có ô ký")
    prepare.add_argument(
        "--for", dest="purpose", choices=["document", "attachment", "copy"], default="document",
        help="văn bản chính (ô ký người có thẩm quyền và ô dấu cơ quan), phụ lục (attachment) hoặc bản sao (copy)",
    )
    prepare.add_argument("--name", metavar="HỌ_TÊN", help="họ tên người ký như in trên văn bản (khi có nhiều khối chữ ký)")
    prepare.add_argument("--json", type=Path, metavar="TỆP.json", help="tệp JSON ghi trang và tọa độ ô ký (mặc định: cạnh tệp đầu ra)")
    prepare.add_argument("--force", action="store_true", help="ghi đè tệp đầu ra nếu đã có")
    prepare.set_defaults(handler=_prepare)

    sign = commands.add_parser("sign", help="ký số tệp PDF: người có thẩm quyền, cơ quan, phụ lục, bản sao")
    sign.add_argument("input", type=Path, metavar="DOC.pdf", help="tệp PDF cần ký")
    sign.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf", help="tệp PDF đã ký")
    sign.add_argument(
        "--as", dest="role", choices=_ROLES, required=True,
        help="signer: người có thẩm quyền; body: cơ quan (sau người ký, Điều 32); attachment: phụ lục; copy: bản sao",
    )
    keys = sign.add_mutually_exclusive_group(required=True)
    keys.add_argument("--pkcs12", type=Path, metavar="TỆP.p12", help="tệp khóa PKCS#12 (.p12, .pfx)")
    keys.add_argument("--pkcs11", metavar="THƯ_VIỆN.so", help="thư viện PKCS#11 của thiết bị ký số (USB token)")
    sign.add_argument("--token", metavar="NHÃN", help="nhãn thiết bị (token) khi có nhiều thiết bị")
    sign.add_argument("--key-label", metavar="NHÃN", help="nhãn khóa trên thiết bị")
    sign.add_argument("--cert-label", metavar="NHÃN", help="nhãn chứng thư trên thiết bị (mặc định: như nhãn khóa)")
    sign.add_argument("--image", type=Path, metavar="TỆP.png", help="hình chữ ký (xanh) hoặc con dấu (đỏ), tệp PNG nền trong suốt")
    sign.add_argument("--label", metavar="CHỮ", help="phụ lục: số, ký hiệu văn bản; bản sao: hình thức sao, tên cơ quan sao")
    sign.add_argument("--level", choices=["B-B", "B-T", "B-LT"], default="B-B", help="mức PAdES (mặc định: B-B)")
    sign.add_argument("--tsa", metavar="URL", help="máy chủ cấp dấu thời gian (cần cho B-T, B-LT)")
    sign.add_argument("--trust", type=Path, action="append", default=[], metavar="CA.pem",
                      help="chứng thư gốc để thu thông tin kiểm tra (B-LT); có thể lặp lại")
    sign.add_argument("--name", metavar="HỌ_TÊN", help="họ tên người ký như in trên văn bản (khi có nhiều khối chữ ký)")
    sign.add_argument("--pin-env", default=PIN_ENV, metavar="BIẾN",
                      help=f"biến môi trường chứa mã PIN/mật khẩu (mặc định: {PIN_ENV}); không có thì hỏi trên màn hình")
    sign.add_argument("--force", action="store_true", help="ghi đè tệp đầu ra nếu đã có")
    sign.set_defaults(handler=_sign)

    verify = commands.add_parser("verify", help="kiểm tra chữ ký số trong tệp PDF")
    verify.add_argument("input", type=Path, metavar="DOC.pdf", help="tệp PDF đã ký")
    verify.add_argument("--trust", type=Path, action="append", default=[], metavar="CA.pem",
                        help="chứng thư gốc tin cậy (.pem, .cer); có thể lặp lại")
    verify.add_argument("--format", choices=["text", "json"], default="text", help="dạng kết quả (mặc định: text)")
    verify.set_defaults(handler=_verify)


def _prepare(args: argparse.Namespace) -> int:
    from ttdn_docs.sign import require_extra

    require_extra()
    from ttdn_docs.sign.prepare import prepare_pdf

    result = prepare_pdf(
        args.input, args.output, purpose=args.purpose, name=args.name, places_json=args.json, overwrite=args.force
    )
    for place in result.fields:
        x1, y1, x2, y2 = place.rect
        print(f"Ô ký '{place.field}': trang {place.page + 1}, ({x1:.1f}, {y1:.1f}) – ({x2:.1f}, {y2:.1f}) pt")
    print(f"Đã ghi {result.output} và {result.places_json}")
    return 0


def add_fields_to_rendered(pdf: Path, signer: object) -> None:
    """``render --pdf --sign-fields``: the fields go into the PDF just written, found by the
    signer's name as the document prints it."""
    from ttdn_docs.sign import require_extra

    require_extra()
    from ttdn_docs.sign.prepare import prepare_pdf

    name = getattr(signer, "name", None)
    result = prepare_pdf(pdf, pdf, name=name if isinstance(name, str) else None, overwrite=True)
    print(f"Đã thêm {len(result.fields)} ô ký số vào {pdf}; tọa độ: {result.places_json}")


def _sign(args: argparse.Namespace) -> int:
    from ttdn_docs.sign import require_extra

    require_extra()
    from ttdn_docs.sign.keys import KeySource, read_pin
    from ttdn_docs.sign.signing import SignRequest, sign_pdf

    key = KeySource(
        pkcs12=args.pkcs12, pkcs11_module=args.pkcs11, token_label=args.token, key_label=args.key_label,
        cert_label=args.cert_label,
    )
    request = SignRequest(
        role=args.role, key=key, image=args.image, label=args.label, level=args.level, tsa_url=args.tsa,
        trust=tuple(args.trust), name=args.name,
    )
    what = "mật khẩu tệp khóa" if args.pkcs12 else "mã PIN của thiết bị ký số"
    result = sign_pdf(args.input, args.output, request, read_pin(args.pin_env, what=what), overwrite=args.force)
    for note in result.notes:
        print(f"Chú ý — {note}", file=sys.stderr)
    print(
        f"Đã ký ô '{result.field}' (trang {result.page + 1}) lúc {result.signing_time.isoformat()}, "
        f"mức PAdES {args.level}; đã ghi {result.output}"
    )
    return 0


def _verify(args: argparse.Namespace) -> int:
    from ttdn_docs.sign import require_extra

    require_extra()
    from ttdn_docs.sign.verify import verify_pdf

    report = verify_pdf(args.input, trust=tuple(args.trust))
    sys.stdout.write(report.to_json() if args.format == "json" else report.to_text() + "\n")
    return 0 if report.ok else 1
