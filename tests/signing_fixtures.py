"""A throw-away PKI and signature images for the signing tests: a CA, a signer's and a
body's certificate made with ``cryptography`` in the test's own folder (no key is kept in
the repository), blue and red transparent PNGs drawn with Pillow."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PASSWORD = "mat-khau-thu"


@dataclass(frozen=True)
class Pki:
    ca_pem: Path
    signer_p12: Path
    body_p12: Path
    ca_key: rsa.RSAPrivateKey
    ca_cert: x509.Certificate


def _name(common: str, organisation: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        x509.NameAttribute(NameOID.COMMON_NAME, common),
    ])


def issue_certificate(
    ca_key: rsa.RSAPrivateKey, ca_cert: x509.Certificate, public_key: rsa.RSAPublicKey, subject: x509.Name,
    *, eku: x509.ObjectIdentifier | None = None,
) -> x509.Certificate:
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(ca_cert.subject).public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
        )
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )
    if eku is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage([eku]), critical=True)
    return builder.sign(ca_key, hashes.SHA256())


def make_ca(common: str = "CA thử nghiệm ttdn-docs") -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.datetime.now(datetime.timezone.utc)
    name = _name(common, "Thử nghiệm")
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=2)).not_valid_after(now + datetime.timedelta(days=60))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _p12(path: Path, key: rsa.RSAPrivateKey, cert: x509.Certificate, ca: x509.Certificate) -> Path:
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"key", key, cert, [ca], serialization.BestAvailableEncryption(PASSWORD.encode())
    ))
    return path


def make_pki(folder: Path) -> Pki:
    ca_key, ca_cert = make_ca()
    ca_pem = folder / "ca.pem"
    ca_pem.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    signer_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    body_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    signer_cert = issue_certificate(
        ca_key, ca_cert, signer_key.public_key(), _name("Nguyễn Văn A", "Ủy ban nhân dân xã Thanh Miện")
    )
    body_cert = issue_certificate(
        ca_key, ca_cert, body_key.public_key(), _name("Ủy ban nhân dân xã Thanh Miện", "Ủy ban nhân dân xã Thanh Miện")
    )
    return Pki(
        ca_pem=ca_pem,
        signer_p12=_p12(folder / "signer.p12", signer_key, signer_cert, ca_cert),
        body_p12=_p12(folder / "body.p12", body_key, body_cert, ca_cert),
        ca_key=ca_key, ca_cert=ca_cert,
    )


def signature_png(path: Path) -> Path:
    """A blue handwritten-looking stroke on a transparent ground, 600×250 px."""
    from PIL import Image, ImageDraw

    picture = Image.new("RGBA", (600, 250), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    points = [(30, 180), (120, 40), (170, 200), (260, 60), (330, 190), (420, 70), (500, 150), (570, 90)]
    draw.line(points, fill=(20, 40, 200, 255), width=14, joint="curve")
    picture.save(path, dpi=(300, 300))
    return path


def seal_png(path: Path, diameter_mm: float = 36) -> Path:
    """A red ring with a star on a transparent ground, sized so its PNG resolution gives
    ``diameter_mm``."""
    from PIL import Image, ImageDraw

    pixels = 425
    picture = Image.new("RGBA", (pixels, pixels), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((6, 6, pixels - 6, pixels - 6), outline=(220, 20, 20, 255), width=14)
    draw.ellipse((60, 60, pixels - 60, pixels - 60), outline=(220, 20, 20, 255), width=6)
    c = pixels / 2
    draw.polygon([(c, c - 60), (c + 18, c - 18), (c + 60, c - 18), (c + 26, c + 10), (c + 38, c + 55),
                  (c, c + 28), (c - 38, c + 55), (c - 26, c + 10), (c - 60, c - 18), (c - 18, c - 18)],
                 fill=(220, 20, 20, 255))
    dpi = pixels / (diameter_mm / 25.4)
    picture.save(path, dpi=(dpi, dpi))
    return path


def tsa_pair(pki: Pki) -> tuple[object, object]:
    """A time-stamping certificate and key (asn1crypto objects, as pyHanko's test TSA
    takes them) issued by the test CA."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = issue_certificate(
        pki.ca_key, pki.ca_cert, key.public_key(), _name("TSA thử nghiệm", "Thử nghiệm"),
        eku=ExtendedKeyUsageOID.TIME_STAMPING,
    )
    der_key = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return (asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
            asn1_keys.PrivateKeyInfo.load(der_key))


class LocalTsa:
    """An RFC 3161 time-stamp server on 127.0.0.1 (pyHanko's test TSA behind http.server)."""

    def __init__(self, pki: Pki) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        from asn1crypto import tsp
        from pyhanko.sign.timestamps import DummyTimeStamper

        cert, key = tsa_pair(pki)
        stamper = DummyTimeStamper(tsa_cert=cert, tsa_key=key)  # type: ignore[arg-type]

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                answer = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
