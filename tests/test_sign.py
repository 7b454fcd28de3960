"""Digital signatures as NĐ 30 draws them: prepare → sign as signer → sign as body →
verify, on the Thanh Miện plan rendered to PDF by LibreOffice; the Điều 32 order; a byte
changed after signing; the attachment text read back; a PDF signed by pyHanko directly."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("pyhanko", reason="the sign extra (pyHanko) is not installed")
pytest.importorskip("pypdfium2", reason="the sign extra (pypdfium2) is not installed")

from conftest import soffice  # noqa: E402
from signing_fixtures import PASSWORD, LocalTsa, Pki, make_pki, seal_png, signature_png  # noqa: E402

from ttdn_docs.cli import main  # noqa: E402
from ttdn_docs.sign.keys import KeySource  # noqa: E402
from ttdn_docs.sign.places import find_places  # noqa: E402
from ttdn_docs.sign.rules import PT_PER_MM, signing_rules  # noqa: E402
from ttdn_docs.sign.signing import SignRequest, SigningError, sign_pdf  # noqa: E402
from ttdn_docs.sign.textlines import read_pages  # noqa: E402
from ttdn_docs.sign.verify import verify_pdf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"),
]


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sign")


@pytest.fixture(scope="module")
def rendered(work: Path) -> Path:
    """The Thanh Miện plan rendered with ``render --pdf`` as the README shows."""
    docx = work / "ke-hoach.docx"
    code = main(["render", str(ROOT / "examples/thanh_mien_2025/plan.yaml"), "-o", str(docx), "--pdf", "--no-check"])
    assert code == 0
    return docx.with_suffix(".pdf")


@pytest.fixture(scope="module")
def pki(work: Path) -> Pki:
    return make_pki(work)


@pytest.fixture(scope="module")
def images(work: Path) -> tuple[Path, Path]:
    return signature_png(work / "chu-ky.png"), seal_png(work / "con-dau.png")


@pytest.fixture(scope="module")
def signed_both(work: Path, rendered: Path, pki: Pki, images: tuple[Path, Path]) -> Path:
    """prepare → sign as signer → sign as body, all through the command line."""
    import os

    prepared, by_signer, by_body = work / "p.pdf", work / "s.pdf", work / "b.pdf"
    assert main(["sign-prepare", str(rendered), "-o", str(prepared)]) == 0
    os.environ["TTDN_SIGN_PIN"] = PASSWORD
    try:
        assert main(["sign", str(prepared), "-o", str(by_signer), "--as", "signer",
                     "--pkcs12", str(pki.signer_p12), "--image", str(images[0])]) == 0
        assert main(["sign", str(by_signer), "-o", str(by_body), "--as", "body",
                     "--pkcs12", str(pki.body_p12), "--image", str(images[1])]) == 0
    finally:
        del os.environ["TTDN_SIGN_PIN"]
    return by_body


def test_places_found_from_the_layout(rendered: Path, work: Path) -> None:
    places = find_places(rendered)
    assert places.name_line == "Vũ Minh Nguyệt"
    assert places.position_line.startswith("PHÓ BÍ THƯ")
    page = read_pages(rendered)[places.signer.page]
    name = next(s for s in page.segments if s.text == "Vũ Minh Nguyệt")
    position = next(s for s in page.segments if s.text.startswith("PHÓ BÍ THƯ"))
    left, bottom, right, top = places.signer.rect
    assert name.top < bottom < top < position.bottom  # between the position line and the name
    seal = places.body.rect
    assert seal[2] == pytest.approx(left + (right - left) / 3, abs=0.5)  # covers the left third
    assert seal[2] - seal[0] == pytest.approx(signing_rules().seal_diameter_mm * PT_PER_MM)


def test_prepare_writes_empty_named_fields_and_json(rendered: Path, work: Path) -> None:
    out = work / "prepared-only.pdf"
    assert main(["sign-prepare", str(rendered), "-o", str(out)]) == 0
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["signer"]["page"] == 4 and data["signer"]["field"] == "ChuKyNguoiKy"
    assert data["body"]["field"] == "ChuKyCoQuan" and data["attachment"]["page"] == 1
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    with out.open("rb") as handle:
        fields = {name: value for name, value, _ in enumerate_sig_fields(PdfFileReader(handle), filled_status=None)}
    assert fields == {"ChuKyNguoiKy": None, "ChuKyCoQuan": None}
    # Prepared twice: refused, the output untouched.
    again = work / "prepared-twice.pdf"
    assert main(["sign-prepare", str(out), "-o", str(again)]) == 2
    assert not again.exists()


def test_signer_then_body_verify_valid_chained_covering(signed_both: Path, pki: Pki) -> None:
    report = verify_pdf(signed_both, trust=(pki.ca_pem,))
    assert report.ok
    signer, body = report.signatures
    assert (signer.role, signer.signer, signer.page) == ("signer", "Nguyễn Văn A", 4)
    assert (body.role, body.signer) == ("body", "Ủy ban nhân dân xã Thanh Miện")
    for s in (signer, body):
        assert s.intact and s.valid and s.trusted
        assert s.chain[0] == "CA thử nghiệm ttdn-docs"
        assert s.signing_time is not None and s.signing_time.endswith("+07:00")
        assert s.placement_ok is True
    assert signer.coverage == "entire_revision" and signer.changed_after == "form_filling"
    assert body.coverage == "entire_file" and body.changed_after == "none"


def test_verify_cli_text_and_json(signed_both: Path, pki: Pki, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", str(signed_both), "--trust", str(pki.ca_pem)]) == 0
    text = capsys.readouterr().out
    assert "Tất cả chữ ký hợp lệ." in text and "+07:00" in text and "Nguyễn Văn A" in text
    assert main(["verify", str(signed_both), "--trust", str(pki.ca_pem), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and len(data["signatures"]) == 2
    # Without the trust root the chain is not established: reported, exit 1.
    assert main(["verify", str(signed_both)]) == 1
    assert "--trust" in capsys.readouterr().out


def test_byte_changed_after_signing_is_reported(signed_both: Path, pki: Pki, work: Path) -> None:
    data = bytearray(signed_both.read_bytes())
    at = data.index(b"LibreOffice")  # the producer string, inside every signed range
    data[at] = ord("l")
    tampered = work / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    report = verify_pdf(tampered, trust=(pki.ca_pem,))
    assert not report.ok
    assert all(not s.intact for s in report.signatures)
    assert "KHÔNG khớp" in report.to_text()


def test_body_before_signer_is_refused(rendered: Path, work: Path, pki: Pki, images: tuple[Path, Path],
                                       capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    out = work / "body-first.pdf"
    monkeypatch.setenv("TTDN_SIGN_PIN", PASSWORD)
    assert main(["sign", str(rendered), "-o", str(out), "--as", "body",
                 "--pkcs12", str(pki.body_p12), "--image", str(images[1])]) == 2
    assert "Điều 32" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(SigningError, match="Điều 32"):
        sign_pdf(rendered, out, SignRequest("body", KeySource(pkcs12=pki.body_p12), image=images[1]), PASSWORD)


def test_pin_never_on_the_command_line(rendered: Path, work: Path, pki: Pki, images: tuple[Path, Path],
                                       capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TTDN_SIGN_PIN", raising=False)
    with pytest.raises(SystemExit):
        main(["sign", str(rendered), "-o", str(work / "x.pdf"), "--as", "signer", "--pin", PASSWORD])
    # No PIN in the environment and no terminal: one message, nothing written.
    code = main(["sign", str(rendered), "-o", str(work / "x.pdf"), "--as", "signer",
                 "--pkcs12", str(pki.signer_p12), "--image", str(images[0])])
    assert code == 2 and "TTDN_SIGN_PIN" in capsys.readouterr().err
    monkeypatch.setenv("TTDN_SIGN_PIN", "sai")
    code = main(["sign", str(rendered), "-o", str(work / "x.pdf"), "--as", "signer",
                 "--pkcs12", str(pki.signer_p12), "--image", str(images[0])])
    assert code == 2 and "sai mật khẩu" in capsys.readouterr().err
    assert not (work / "x.pdf").exists()
    # The key file is only read: nothing beside it, nothing in the output but the signature.
    assert sorted(p.name for p in pki.signer_p12.parent.glob("signer*")) == ["signer.p12"]


def _flattened_segments(pdf: Path, page_index: int) -> list:  # type: ignore[type-arg]
    """The page's text with annotation appearances (the signature's) flattened into it."""
    import io

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    document = pdfium.PdfDocument(pdf)
    page = document[page_index]
    raw.FPDFPage_Flatten(page, raw.FLAT_PRINT)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return list(read_pages(buffer.getvalue())[page_index].segments)


def _poppler_words(pdf: Path) -> dict[str, tuple[float, float, float, float]]:
    """Each word's box in points from the page's top left; the topmost of equal words."""
    import re

    xml = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    words: dict[str, tuple[float, float, float, float]] = {}
    for m in re.findall(pattern, xml):
        box = (float(m[0]), float(m[1]), float(m[2]), float(m[3]))
        if m[4] not in words or box[1] < words[m[4]][1]:
            words[m[4]] = box
    return words


@pytest.mark.parametrize(("role", "label"), [("attachment", "04-KH/ĐU"), ("copy", "sao y")])
def test_attachment_text_top_right_10pt_with_vietnam_time(
    rendered: Path, work: Path, pki: Pki, role: str, label: str
) -> None:
    out = work / f"{role}.pdf"
    result = sign_pdf(rendered, out, SignRequest(role, KeySource(pkcs12=pki.body_p12), label=label),  # type: ignore[arg-type]
                      PASSWORD)
    stamp = result.signing_time.strftime("%Y-%m-%dT%H:%M:%S") + "+07:00"
    segments = _flattened_segments(out, 0)
    number = next(s for s in segments if s.text == label)
    when = next(s for s in segments if s.text == stamp)
    for s in (number, when):
        assert s.font_size == pytest.approx(10, abs=0.01)
    # Where a reader sees it (poppler draws the signature's appearance): top right of page 1.
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    words = _poppler_words(out)
    width = read_pages(out)[0].width
    for text in (label, stamp):
        x_min, y_min, x_max, _ = words[text]
        assert x_min > width * 0.55 and y_min < 60  # points from the top of the page
    # Letters at their true advance (the 2048-upem pitfall would double the width).
    assert 90 < words[stamp][2] - words[stamp][0] < 135
    report = verify_pdf(out, trust=(pki.ca_pem,))
    assert report.ok and report.signatures[0].role == role
    assert report.signatures[0].field == signing_rules().field_for(role)


def test_copy_needs_its_label(rendered: Path, work: Path, pki: Pki) -> None:
    with pytest.raises(SigningError, match="hình thức sao"):
        sign_pdf(rendered, work / "ban-sao.pdf", SignRequest("copy", KeySource(pkcs12=pki.body_p12)), PASSWORD)


def test_signed_page_as_image(signed_both: Path, work: Path) -> None:
    """The page a reader sees: blue between position and name, red over its left third."""
    from PIL import Image

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    places = find_places(signed_both)
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", "4", "-l", "4", str(signed_both), str(work / "page")],
                   check=True)
    picture = Image.open(next(work.glob("page*.png"))).convert("RGB")
    height = picture.height

    def share(rect: tuple[float, float, float, float], test: object) -> float:
        left, bottom, right, top = (int(v) for v in rect)
        box = picture.crop((left, height - top, right, height - bottom))
        raw = box.tobytes()
        pixels = [tuple(raw[i:i + 3]) for i in range(0, len(raw), 3)]
        return sum(1 for p in pixels if test(p)) / len(pixels)  # type: ignore[operator]

    def blue(p: tuple[int, int, int]) -> bool:
        return p[2] > 150 and p[0] < 100 and p[1] < 120

    def red(p: tuple[int, int, int]) -> bool:
        return p[0] > 180 and p[1] < 90 and p[2] < 90

    left, bottom, right, top = places.signer.rect
    third = left + (right - left) / 3
    assert share(places.signer.rect, blue) > 0.02
    assert share((third + (right - left) * 0.05, bottom, right, top), red) == 0  # no red right of the third
    assert share(places.body.rect, red) > 0.05
    name_band = (left, bottom - 18, right, bottom - 2)
    assert share(name_band, blue) == 0  # the name line stays clear of the signature


def test_timestamp_server_b_t_and_b_lt(rendered: Path, work: Path, pki: Pki, images: tuple[Path, Path]) -> None:
    tsa = LocalTsa(pki)
    try:
        for level in ("B-T", "B-LT"):
            out = work / f"{level}.pdf"
            sign_pdf(rendered, out, SignRequest("signer", KeySource(pkcs12=pki.signer_p12), image=images[0],
                                                level=level, tsa_url=tsa.url, trust=(pki.ca_pem,)), PASSWORD)  # type: ignore[arg-type]
            report = verify_pdf(out, trust=(pki.ca_pem,))
            assert report.ok, report.to_text()
            assert report.signatures[0].timestamp_time is not None
            assert report.signatures[0].timestamp_time.endswith("+07:00")
        assert b"/DSS" in (work / "B-LT.pdf").read_bytes() and b"/DSS" not in (work / "B-T.pdf").read_bytes()
    finally:
        tsa.close()
    with pytest.raises(SigningError, match="--tsa"):
        sign_pdf(rendered, work / "no-tsa.pdf", SignRequest("signer", KeySource(pkcs12=pki.signer_p12),
                                                           image=images[0], level="B-T"), PASSWORD)


def test_pdf_signed_by_pyhanko_directly_is_verified(rendered: Path, work: Path, pki: Pki) -> None:
    """Another tool's signature (pyHanko's API, none of our code, its own field name)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    places = find_places(rendered)
    signer = signers.SimpleSigner.load_pkcs12(str(pki.signer_p12), passphrase=PASSWORD.encode())
    out = work / "other-tool.pdf"
    with rendered.open("rb") as source, out.open("wb") as target:
        writer = IncrementalPdfFileWriter(source)
        fields.append_signature_field(writer, fields.SigFieldSpec("Signature1", on_page=3, box=places.signer.rect))
        signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name="Signature1"), signer=signer, output=target)
    report = verify_pdf(out, trust=(pki.ca_pem,))
    assert report.ok, report.to_text()
    only = report.signatures[0]
    assert (only.field, only.role, only.signer, only.placement_ok) == ("Signature1", "signer", "Nguyễn Văn A", True)


def test_render_pdf_sign_fields(work: Path) -> None:
    docx = work / "with-fields.docx"
    assert main(["render", str(ROOT / "examples/state_plan/plan.yaml"), "-o", str(docx), "--pdf",
                 "--sign-fields", "--no-check"]) == 0
    data = json.loads(docx.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["name_line"] == "Nguyễn Văn A" and data["position_line"] == "PHÓ CHỦ TỊCH"


SOFTHSM_MODULES = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                   "/usr/local/lib/softhsm/libsofthsm2.so", "/usr/lib64/pkcs11/libsofthsm2.so")


def _softhsm_module() -> str | None:
    return next((m for m in SOFTHSM_MODULES if Path(m).is_file()), None)


@pytest.mark.skipif(
    _softhsm_module() is None or shutil.which("softhsm2-util") is None,
    reason="SoftHSM2 (Debian softhsm2) is not installed; .ci/run installs it",
)
def test_pkcs11_token_signer_then_body(rendered: Path, work: Path, pki: Pki, images: tuple[Path, Path],
                                       monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A SoftHSM2 token stands in for the USB tokens Vietnamese CAs issue: the key is made
    on the token and never leaves it; the certificate (issued by the test CA) is stored beside it."""
    pytest.importorskip("pkcs11", reason="python-pkcs11 is not installed")
    import pkcs11
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from pkcs11 import Attribute, KeyType, ObjectClass
    from signing_fixtures import issue_certificate

    module = _softhsm_module()
    assert module is not None
    tokens = work / "softhsm-tokens"
    tokens.mkdir()
    conf = work / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "ttdn-thu", "--pin", "123456",
                    "--so-pin", "12345678"], check=True, capture_output=True)
    library = pkcs11.lib(module)
    token = library.get_token(token_label="ttdn-thu")
    with token.open(rw=True, user_pin="123456") as session:
        public, _ = session.generate_keypair(KeyType.RSA, 2048, label="nguoi-ky", id=b"\x01", store=True)
        from cryptography.hazmat.primitives.asymmetric import rsa

        public_key = rsa.RSAPublicNumbers(
            int.from_bytes(public[Attribute.PUBLIC_EXPONENT], "big"), int.from_bytes(public[Attribute.MODULUS], "big")
        ).public_key()
        cert = issue_certificate(pki.ca_key, pki.ca_cert, public_key, x509.Name([
            x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "Nguyễn Văn A"),
            x509.NameAttribute(x509.oid.NameOID.ORGANIZATION_NAME, "Ủy ban nhân dân xã Thanh Miện"),
        ]))
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: pkcs11.CertificateType.X_509,
            Attribute.TOKEN: True, Attribute.LABEL: "nguoi-ky", Attribute.ID: b"\x01",
            Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
            Attribute.SUBJECT: cert.subject.public_bytes(),
        })
    out = work / "token-signed.pdf"
    monkeypatch.setenv("TTDN_SIGN_PIN", "123456")
    assert main(["sign", str(rendered), "-o", str(out), "--as", "signer", "--pkcs11", module,
                 "--token", "ttdn-thu", "--key-label", "nguoi-ky", "--image", str(images[0])]) == 0
    report = verify_pdf(out, trust=(pki.ca_pem,))
    assert report.ok, report.to_text()
    assert report.signatures[0].signer == "Nguyễn Văn A"
    # A wrong PIN: one Vietnamese message, nothing written.
    monkeypatch.setenv("TTDN_SIGN_PIN", "000000")
    capsys.readouterr()
    assert main(["sign", str(rendered), "-o", str(work / "wrong-pin.pdf"), "--as", "signer", "--pkcs11", module,
                 "--token", "ttdn-thu", "--key-label", "nguoi-ky", "--image", str(images[0])]) == 2
    assert "mã PIN" in capsys.readouterr().err and not (work / "wrong-pin.pdf").exists()


def test_image_notes_say_what_departs_from_phu_luc_i(work: Path) -> None:
    from PIL import Image

    from ttdn_docs.sign.images import image_notes

    blue = signature_png(work / "xanh.png")
    red = seal_png(work / "do.png")
    assert image_notes(blue, "signer") == [] and image_notes(red, "body") == []
    assert image_notes(blue, "body") == ["hình con dấu nên màu đỏ (Phụ lục I)"]
    flat = work / "nen-trang.jpg"
    Image.new("RGB", (200, 80), (255, 255, 255)).save(flat)
    notes = image_notes(flat, "signer")
    assert any("PNG" in n for n in notes) and any("trong suốt" in n for n in notes)


WORLD = Path("/work/shared/world")
if not WORLD.is_dir():
    WORLD = ROOT.parent / "shared" / "world"


@pytest.mark.skipif(not WORLD.is_dir(), reason="the shared folder of real-world Word files is not beside the repo")
def test_signature_block_found_on_files_made_elsewhere(work: Path) -> None:
    """Word files from other producers (LibreOffice, docx.js, HTML) turned into PDF by
    LibreOffice: the block is found beside «Nơi nhận», or the reason it cannot be is said."""
    from ttdn_docs.office import soffice_convert_many
    from ttdn_docs.render.pdf import PDFA_EXPORT_FILTER
    from ttdn_docs.sign.places import SignatureBlockNotFound

    found: dict[str, str] = {}
    sources = sorted(WORLD.glob("*/*.docx"))
    assert len({docx.name for docx in sources}) == len(sources)  # one LibreOffice run needs distinct names
    # One LibreOffice run for all (convert_to_pdf's filter): a start per file costs seconds each.
    converted = soffice_convert_many(sources, "pdf", export_filter=PDFA_EXPORT_FILTER)
    for docx in sources:
        pdf = work / f"world-{docx.stem}.pdf"
        data = converted[docx]
        assert data is not None, docx
        pdf.write_bytes(data)
        try:
            places = find_places(pdf)
        except SignatureBlockNotFound as exc:
            assert "tách sang trang sau" in str(exc) or "không nằm dưới" in str(exc), str(exc)
            continue
        page = read_pages(pdf)[places.signer.page]
        name = next(s for s in page.segments if s.text == places.name_line)
        position = next(s for s in page.segments if s.text == places.position_line)
        assert name.top < places.signer.rect[1] < places.signer.rect[3] < position.bottom
        assert abs(name.centre_x - position.centre_x) < 60
        found[docx.stem] = places.name_line
    assert found.get("m6-cong-van-ubnd") == "Trần Văn Bình"
    assert len(found) >= 4


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="pdfsig (poppler-utils) is not installed")
def test_another_tool_reads_our_signatures_as_valid(signed_both: Path) -> None:
    """poppler's pdfsig (NSS, none of pyHanko's code) finds both signatures valid."""
    out = subprocess.run(["pdfsig", str(signed_both)], capture_output=True, text=True, check=False).stdout
    assert out.count("Signature Validation: Signature is Valid.") == 2
    assert "Signature Field Name: ChuKyNguoiKy" in out and "Signature Field Name: ChuKyCoQuan" in out
    assert "ETSI.CAdES.detached" in out  # PAdES
