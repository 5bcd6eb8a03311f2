"""Signing minutes and checking signed files (security.md §1.8, I1, I2, I4)."""

from __future__ import annotations

import hashlib
import io
import random
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from cpc_desktop.export.signing import (
    ChairCertificate,
    SignatureCheck,
    SigningError,
    check_signature,
    create_self_signed,
    load_certificate,
    sign_pdf,
    verify_file,
)

PASSPHRASE = b"correct horse battery staple"
REASON = "Approved minutes of the initial conference"


# --------------------------------------------------------------------------- fixtures


def _minutes_pdf(text: str = "Minutes of the initial child protection conference") -> bytes:
    from reportlab import rl_config
    from reportlab.pdfgen import canvas

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rl_config, "invariant", 1)
        buffer = io.BytesIO()
        page = canvas.Canvas(buffer)
        page.drawString(72, 720, text)
        page.showPage()
        page.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return _minutes_pdf()


@pytest.fixture(scope="module")
def chair() -> ChairCertificate:
    return load_certificate(create_self_signed("Alex Chair", PASSPHRASE), PASSPHRASE)


@pytest.fixture(scope="module")
def other_chair() -> ChairCertificate:
    return load_certificate(create_self_signed("Sam Other", PASSPHRASE), PASSPHRASE)


@pytest.fixture(scope="module")
def signed(pdf: bytes, chair: ChairCertificate) -> bytes:
    return sign_pdf(pdf, chair, reason=REASON, location="Leeds")


@pytest.fixture(scope="module")
def byte_range(signed: bytes) -> list[int]:
    """``[0, start of "<" of /Contents, just after its ">", length of the rest]``."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    return list(PdfFileReader(io.BytesIO(signed)).embedded_signatures[0].byte_range)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _flip(data: bytes, offset: int, mask: int = 0x01) -> bytes:
    changed = bytearray(data)
    changed[offset] ^= mask
    return bytes(changed)


def _p12(
    *,
    content_commitment: bool = True,
    not_before: datetime | None = None,
    days: int = 30,
    with_key: bool = True,
) -> tuple[bytes, ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A PKCS#12 file built by hand, for certificates ``create_self_signed`` never makes."""
    key = ec.generate_private_key(ec.SECP256R1())
    start = not_before or datetime.now(UTC) - timedelta(days=1)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Hand Made")])
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=content_commitment,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .add_extension(usage, critical=True)
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        b"hand made",
        key if with_key else None,
        certificate,
        None,
        serialization.BestAvailableEncryption(PASSPHRASE),
    )
    return data, key, certificate


def _unchecked_chair(
    key: ec.EllipticCurvePrivateKey, certificate: x509.Certificate
) -> ChairCertificate:
    """A ChairCertificate that skips load_certificate's checks (to sign with a bad one)."""
    der = certificate.public_bytes(serialization.Encoding.DER)
    return ChairCertificate(
        subject="Hand Made",
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        fingerprint=_sha(der),
        certificate_der=der,
        _key=key,
    )


def _pyhanko_sign(
    pdf: bytes,
    key: ec.EllipticCurvePrivateKey,
    certificate: x509.Certificate,
    *,
    field_name: str,
    certify: bool,
) -> bytes:
    """Sign with pyHanko directly, bypassing sign_pdf's own checks."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator import registry

    store_type: Any = registry.SimpleCertificateStore  # not annotated upstream
    key_der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(
            certificate.public_bytes(serialization.Encoding.DER)
        ),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=store_type(),
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name, md_algorithm="sha256", certify=certify
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    return bytes(signers.sign_pdf(writer, metadata, signer=signer).getvalue())


# --------------------------------------------------------------------------- a good file


def test_a_freshly_signed_file_is_valid(signed: bytes, chair: ChairCertificate) -> None:
    before = datetime.now(UTC) - timedelta(minutes=5)

    result = check_signature(signed, [chair.certificate_der])

    assert result == SignatureCheck(
        valid=True,
        problem="",
        signer="Alex Chair",
        signed_at=result.signed_at,
        fingerprint=_sha(signed),
    )
    assert result.signed_at is not None
    assert before <= result.signed_at <= datetime.now(UTC)


def test_verify_file_needs_the_recorded_fingerprint(signed: bytes, chair: ChairCertificate) -> None:
    trusted = [chair.certificate_der]

    assert verify_file(signed, trusted, {_sha(signed)}).valid
    missing = verify_file(signed, trusted, {_sha(b"another file")})

    assert not missing.valid
    assert missing.problem == "the file's fingerprint is not recorded in this store"
    assert missing.fingerprint == _sha(signed)


def test_the_signature_is_a_pades_certification_allowing_no_changes(signed: bytes) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import MDPPerm

    signature = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0]

    assert signature.field_name == "ChairSignature"
    assert signature.docmdp_level == MDPPerm.NO_CHANGES
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert signature.sig_object["/Reason"] == REASON
    assert signature.sig_object["/Location"] == "Leeds"
    assert signature.signer_info["digest_algorithm"]["algorithm"].native == "sha256"


# --------------------------------------------------------------------------- I2: any change


def test_every_single_byte_change_is_detected(signed: bytes, chair: ChairCertificate) -> None:
    trusted, recorded = [chair.certificate_der], {_sha(signed)}
    assert verify_file(signed, trusted, recorded).valid

    problems = {
        offset: verify_file(_flip(signed, offset), trusted, recorded).problem
        for offset in range(len(signed))
    }

    assert len(problems) == len(signed) > 4000
    assert [offset for offset, problem in problems.items() if not problem] == []
    assert set(problems.values()) == {"the file's fingerprint is not recorded in this store"}


def test_replacing_bytes_with_other_values_is_detected(
    signed: bytes, chair: ChairCertificate
) -> None:
    trusted, recorded = [chair.certificate_der], {_sha(signed)}
    rng = random.Random(1808)
    for offset in rng.sample(range(len(signed)), 40):
        for value in rng.sample([v for v in range(256) if v != signed[offset]], 3):
            changed = bytearray(signed)
            changed[offset] = value
            assert not verify_file(bytes(changed), trusted, recorded).valid, (offset, value)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda b: b + b"\n", id="append-one-byte"),
        pytest.param(lambda b: b + b"%%EOF\n", id="append-eof"),
        pytest.param(lambda b: b[:-1], id="truncate-one-byte"),
    ],
)
def test_appending_or_truncating_is_detected(
    signed: bytes, chair: ChairCertificate, change: Callable[[bytes], bytes]
) -> None:
    changed = change(signed)
    trusted = [chair.certificate_der]

    assert not verify_file(changed, trusted, {_sha(signed)}).valid
    # Even if someone recorded the changed file's fingerprint, pyHanko refuses it.
    alone = verify_file(changed, trusted, {_sha(changed)})
    assert not alone.valid
    assert alone.problem


def test_pyhanko_alone_catches_changes_outside_the_signature_contents(
    signed: bytes, chair: ChairCertificate, byte_range: list[int]
) -> None:
    gap_start, gap_end = byte_range[1], byte_range[2]
    outside = [o for o in range(len(signed)) if not gap_start <= o < gap_end]
    trusted = [chair.certificate_der]

    passed = []
    for offset in random.Random(193).sample(outside, 150):
        result = check_signature(_flip(signed, offset), trusted)  # never raises
        if result.valid or not result.problem:
            passed.append(offset)

    assert passed == []


def _padding_offsets(signed: bytes, byte_range: list[int]) -> list[int]:
    """Offsets of the hex zeros that pad /Contents after the DER-encoded CMS blob."""
    hex_start = byte_range[1] + 1  # just after "<"
    hex_end = byte_range[2] - 1  # the ">"
    blob = bytes.fromhex(signed[hex_start:hex_end].decode("ascii"))
    assert blob[0] == 0x30 and blob[1] == 0x82  # SEQUENCE with a two-byte length
    der_length = 4 + int.from_bytes(blob[2:4], "big")
    assert set(blob[der_length:]) == {0}
    return list(range(hex_start + 2 * der_length, hex_end))


def test_changes_in_the_contents_padding_need_the_fingerprint(
    signed: bytes, chair: ChairCertificate, byte_range: list[int]
) -> None:
    """The zero padding of /Contents lies outside the signed byte range, and the CMS
    parser ignores what follows the blob: pyHanko accepts such a file (security.md §1.8).
    Only the recorded whole-file fingerprint catches it."""
    padding = _padding_offsets(signed, byte_range)
    assert len(padding) > 100
    trusted, recorded = [chair.certificate_der], {_sha(signed)}

    passed_pyhanko = 0
    for offset in random.Random(26).sample(padding, 20):
        changed = _flip(signed, offset)  # "0" becomes "1": still hex
        passed_pyhanko += check_signature(changed, trusted).valid
        assert not verify_file(changed, trusted, recorded).valid

    assert passed_pyhanko > 0


# --------------------------------------------------------------------------- I4: certificates


def test_create_self_signed_makes_a_signing_certificate() -> None:
    now = datetime(2026, 11, 22, 9, 30, 15, 123456, tzinfo=UTC)

    data = create_self_signed("Alex Chair", PASSPHRASE, valid_days=365, now=now)
    chair = load_certificate(data, PASSPHRASE, now=now)

    assert chair.subject == "Alex Chair"
    assert chair.not_before == now.replace(microsecond=0)
    assert chair.not_after == chair.not_before + timedelta(days=365)
    assert chair.fingerprint == _sha(chair.certificate_der)
    certificate = x509.load_der_x509_certificate(chair.certificate_der)
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature and usage.value.content_commitment
    public_key = certificate.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey)
    assert isinstance(public_key.curve, ec.SECP256R1)
    assert certificate.issuer == certificate.subject
    assert "_key" not in repr(chair) and "PRIVATE" not in repr(chair)


def test_the_key_in_the_file_is_protected_by_the_passphrase() -> None:
    data = create_self_signed("Alex Chair", PASSPHRASE)

    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(data, None)
    key, _certificate, _others = pkcs12.load_key_and_certificates(data, PASSPHRASE)
    assert key is not None


@pytest.mark.parametrize(
    ("name", "passphrase", "days", "message"),
    [
        ("Alex Chair", b"", 730, "a passphrase is needed to protect the certificate file"),
        ("   ", PASSPHRASE, 730, "the certificate needs a name"),
        ("x" * 65, PASSPHRASE, 730, "the name is too long for a certificate"),
        ("Alex Chair", PASSPHRASE, 0, "the certificate must be valid for at least one day"),
        ("Alex Chair", PASSPHRASE, 3651, "valid for at most 3650 days"),
        ("Alex Chair", PASSPHRASE, 99999999, "valid for at most 3650 days"),
    ],
)
def test_create_self_signed_refuses_bad_requests(
    name: str, passphrase: bytes, days: int, message: str
) -> None:
    with pytest.raises(SigningError, match=message):
        create_self_signed(name, passphrase, valid_days=days)


def test_wrong_passphrase() -> None:
    data = create_self_signed("Alex Chair", PASSPHRASE)

    with pytest.raises(SigningError) as caught:
        load_certificate(data, b"not the passphrase")

    assert str(caught.value) == "wrong passphrase for this certificate file"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"garbage, not a certificate", id="garbage"),
        pytest.param(random.Random(12).randbytes(2048), id="random"),
        pytest.param(b"%PDF-1.4\n", id="a-pdf"),
    ],
)
def test_not_a_certificate_file(data: bytes) -> None:
    with pytest.raises(SigningError) as caught:
        load_certificate(data, PASSPHRASE)

    assert str(caught.value).startswith("not a certificate file (PKCS#12)")


def test_a_damaged_certificate_file() -> None:
    data = create_self_signed("Alex Chair", PASSPHRASE)

    with pytest.raises(SigningError, match=r"not a certificate file \(PKCS#12\)"):
        load_certificate(data[: len(data) // 2], PASSPHRASE)


def test_a_certificate_without_content_commitment_is_refused() -> None:
    data, _key, _certificate = _p12(content_commitment=False)

    with pytest.raises(SigningError) as caught:
        load_certificate(data, PASSPHRASE)

    assert "key usage" in str(caught.value)
    assert "non-repudiation" in str(caught.value)


def test_an_expired_certificate_is_refused_with_its_date() -> None:
    data = create_self_signed(
        "Alex Chair", PASSPHRASE, valid_days=2, now=datetime(2024, 1, 1, 12, tzinfo=UTC)
    )

    with pytest.raises(SigningError) as caught:
        load_certificate(data, PASSPHRASE)

    assert str(caught.value) == "the certificate expired on 3 January 2024"
    assert load_certificate(data, PASSPHRASE, now=datetime(2024, 1, 2, tzinfo=UTC))


def test_a_certificate_not_yet_valid_is_refused() -> None:
    data = create_self_signed("Alex Chair", PASSPHRASE, now=datetime(2031, 5, 9, tzinfo=UTC))

    with pytest.raises(SigningError) as caught:
        load_certificate(data, PASSPHRASE, now=datetime(2031, 5, 8, tzinfo=UTC))

    assert str(caught.value) == "the certificate is not valid until 9 May 2031"


def test_a_file_without_a_private_key_is_refused() -> None:
    data, _key, _certificate = _p12(with_key=False)

    with pytest.raises(SigningError, match="holds no private key"):
        load_certificate(data, PASSPHRASE)


def test_a_key_that_does_not_match_the_certificate_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # cryptography (and openssl) refuse to write such a file, so fake the reader.
    data, _key, certificate = _p12()
    stranger = ec.generate_private_key(ec.SECP256R1())
    monkeypatch.setattr(
        pkcs12, "load_key_and_certificates", lambda *_args: (stranger, certificate, [])
    )

    with pytest.raises(SigningError) as caught:
        load_certificate(data, PASSPHRASE)

    assert str(caught.value) == (
        "the private key in the certificate file does not match its certificate"
    )


def test_errors_are_one_line() -> None:
    for call in (
        lambda: load_certificate(b"junk", PASSPHRASE),
        lambda: create_self_signed("", PASSPHRASE),
        lambda: load_certificate(create_self_signed("A", PASSPHRASE), b"wrong"),
    ):
        with pytest.raises(SigningError) as caught:
            call()
        text = str(caught.value)
        assert text and "\n" not in text and "Traceback" not in text
        assert caught.value.__cause__ is None


def test_a_file_signed_by_an_unknown_certificate_is_not_trusted(
    pdf: bytes, chair: ChairCertificate, other_chair: ChairCertificate
) -> None:
    by_other = sign_pdf(pdf, other_chair, reason=REASON)

    for trusted in ([chair.certificate_der], [], [b"not a certificate"]):
        result = check_signature(by_other, trusted)
        assert not result.valid
        assert result.problem == "signed by a certificate this store does not know"
        assert result.signer == "Sam Other"
    assert not verify_file(by_other, [chair.certificate_der], {_sha(by_other)}).valid
    assert check_signature(by_other, [chair.certificate_der, other_chair.certificate_der]).valid


def test_key_usage_is_checked_even_when_the_signer_is_the_trust_root(pdf: bytes) -> None:
    """pyHanko skips the key-usage policy when the signer's certificate is itself a trust
    root (generic_cms.validate_cert_usage, "Corner case"), so we check it ourselves."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    _data, key, certificate = _p12(content_commitment=False)
    der = certificate.public_bytes(serialization.Encoding.DER)
    bad = sign_pdf(pdf, _unchecked_chair(key, certificate), reason=REASON)

    result = check_signature(bad, [der])

    assert not result.valid
    assert result.problem == "the signing certificate's key usage does not allow signing documents"
    signature = PdfFileReader(io.BytesIO(bad)).embedded_signatures[0]
    context = ValidationContext(trust_roots=[signature.signer_cert], allow_fetching=False)
    assert validate_pdf_signature(signature, signer_validation_context=context).bottom_line


def test_a_file_signed_with_an_expired_certificate_is_not_valid(pdf: bytes) -> None:
    """pyHanko does not check a trust root's validity period either."""
    _data, key, certificate = _p12(not_before=datetime(2020, 1, 1, tzinfo=UTC), days=10)
    bad = _pyhanko_sign(pdf, key, certificate, field_name="ChairSignature", certify=True)

    result = check_signature(bad, [certificate.public_bytes(serialization.Encoding.DER)])

    assert not result.valid
    assert result.problem == "the file was signed outside the signing certificate's validity period"


# --------------------------------------------------------------------------- signing errors


def test_sign_pdf_refuses_an_expired_certificate(pdf: bytes) -> None:
    data = create_self_signed(
        "Alex Chair", PASSPHRASE, valid_days=2, now=datetime(2024, 1, 1, tzinfo=UTC)
    )
    old = load_certificate(data, PASSPHRASE, now=datetime(2024, 1, 2, tzinfo=UTC))

    with pytest.raises(SigningError, match="the certificate expired on 3 January 2024"):
        sign_pdf(pdf, old, reason=REASON)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a pdf", "the PDF could not be signed: the file is not a readable PDF"),
        (b"", "the PDF could not be signed: the file is not a readable PDF"),
    ],
)
def test_sign_pdf_refuses_what_is_not_a_pdf(
    chair: ChairCertificate, data: bytes, message: str
) -> None:
    with pytest.raises(SigningError) as caught:
        sign_pdf(data, chair, reason=REASON)

    assert str(caught.value) == message


def test_sign_pdf_refuses_a_signed_pdf(signed: bytes, chair: ChairCertificate) -> None:
    with pytest.raises(SigningError) as caught:
        sign_pdf(signed, chair, reason=REASON, field_name="Second")

    assert str(caught.value) == "the PDF could not be signed: it is already signed"


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        pytest.param(b"", "not a PDF file", id="empty"),
        pytest.param(random.Random(5).randbytes(4096), "not a PDF file", id="random"),
        pytest.param(
            b"%PDF-1.7\n" + b"\x00" * 64, "the PDF file is damaged or incomplete", id="header-only"
        ),
    ],
)
def test_check_signature_on_what_is_not_a_signed_pdf(
    chair: ChairCertificate, data: bytes, problem: str
) -> None:
    result = check_signature(data, [chair.certificate_der])

    assert result == SignatureCheck(valid=False, problem=problem, fingerprint=_sha(data))


def test_check_signature_on_an_unsigned_pdf(pdf: bytes, chair: ChairCertificate) -> None:
    result = check_signature(pdf, [chair.certificate_der])

    assert not result.valid
    assert result.problem == "the file has no signature"


@pytest.mark.parametrize("keep", [0.25, 0.5, 0.9, 0.999])
def test_check_signature_on_a_truncated_signed_pdf(
    signed: bytes, chair: ChairCertificate, keep: float
) -> None:
    result = check_signature(signed[: int(len(signed) * keep)], [chair.certificate_der])

    assert not result.valid
    assert result.problem


def test_check_signature_on_two_signatures(pdf: bytes) -> None:
    _data, key, certificate = _p12()
    once = _pyhanko_sign(pdf, key, certificate, field_name="First", certify=False)
    twice = _pyhanko_sign(once, key, certificate, field_name="Second", certify=False)

    result = check_signature(twice, [certificate.public_bytes(serialization.Encoding.DER)])

    assert not result.valid
    assert result.problem == "the file has more than one signature"


def test_signing_does_not_import_pyhanko_at_import_time() -> None:
    code = (
        "import sys, cpc_desktop.export.signing; "
        "sys.exit(any(m.split('.')[0].startswith('pyhanko') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
