"""Signing minutes as PDF and checking signed files (security.md §1.8, §3 I1–I4, §4.4).

A chair holds a PKCS#12 file (key and self-signed certificate, protected by a passphrase).
``sign_pdf`` adds a PAdES certification signature that allows no later change. A file is
accepted by ``verify_file`` only when its whole-file SHA-256 was recorded by this store
(I2) *and* pyHanko's verdict holds, because pyHanko alone misses changes inside the zero
padding of the signature's ``/Contents`` (that padding lies outside the signed byte range).

pyHanko costs about half a second to import (design.md §7), so it is imported inside the
functions that need it; nothing imports this module at start-up. No Qt, no store access.
Every failure is reported as one line fit for a user, never a traceback.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from cpc_desktop.domain.dates import plain_date

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

__all__ = [
    "ChairCertificate",
    "SignatureCheck",
    "SigningError",
    "check_signature",
    "create_self_signed",
    "load_certificate",
    "sign_pdf",
    "verify_file",
]

_MAX_COMMON_NAME = 64  # X.509 upper bound (ub-common-name)

# SignatureCheck.problem texts, one line each.
NOT_A_PDF = "not a PDF file"
DAMAGED_PDF = "the PDF file is damaged or incomplete"
NO_SIGNATURE = "the file has no signature"
SEVERAL_SIGNATURES = "the file has more than one signature"
UNREADABLE_SIGNATURE = "the signature could not be read"
CHANGED = "the file was changed after it was signed"
BROKEN_SIGNATURE = "the signature does not match the signer's certificate"
UNKNOWN_SIGNER = "signed by a certificate this store does not know"
SIGNER_NOT_ACCEPTED = "the signing certificate was not accepted"
SIGNER_KEY_USAGE = "the signing certificate's key usage does not allow signing documents"
NOT_SIGNED_IN_VALIDITY = "the file was signed outside the signing certificate's validity period"
NOT_RECORDED = "the file's fingerprint is not recorded in this store"
FAILED = "the signature did not pass validation"


class SigningError(Exception):
    """Creating, loading or using a chair's certificate failed; ``str(e)`` is one clear line."""


@dataclass(frozen=True)
class ChairCertificate:
    """A chair's certificate with its private key, ready to sign."""

    subject: str
    not_before: datetime
    not_after: datetime
    fingerprint: str
    certificate_der: bytes = field(repr=False)
    _key: PrivateKeyTypes = field(repr=False, compare=False)


@dataclass(frozen=True)
class SignatureCheck:
    """The verdict on one file; ``problem`` is ``""`` exactly when ``valid``."""

    valid: bool
    problem: str
    signer: str = ""
    signed_at: datetime | None = None
    fingerprint: str = ""


# --------------------------------------------------------------------------- certificates


#: The longest a self-signed certificate may be valid (the application offers 1–5 years).
MAX_VALID_DAYS = 3650


def create_self_signed(
    common_name: str,
    passphrase: bytes,
    *,
    valid_days: int = 730,
    now: datetime | None = None,
) -> bytes:
    """A PKCS#12 file: an EC P-256 key and a self-signed certificate for document signing.

    The certificate's key usage (critical) is digital signature + content commitment
    (non-repudiation), which is what PDF signature validators require. The key is
    encrypted with ``passphrase``.
    """
    name = common_name.strip()
    if not name:
        raise SigningError("the certificate needs a name")
    if len(name) > _MAX_COMMON_NAME:
        raise SigningError(
            f"the name is too long for a certificate ({_MAX_COMMON_NAME} characters at most)"
        )
    if not passphrase:
        raise SigningError("a passphrase is needed to protect the certificate file")
    if valid_days < 1:
        raise SigningError("the certificate must be valid for at least one day")
    if valid_days > MAX_VALID_DAYS:
        raise SigningError(
            f"a certificate can be valid for at most {MAX_VALID_DAYS} days (ten years)"
        )
    start = _utc(now or datetime.now(UTC)).replace(microsecond=0)
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = _build_certificate(name, key, start, start + timedelta(days=valid_days))
    return pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"),
        key,
        certificate,
        None,
        serialization.BestAvailableEncryption(passphrase),
    )


def _build_certificate(
    name: str, key: ec.EllipticCurvePrivateKey, not_before: datetime, not_after: datetime
) -> x509.Certificate:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(usage, critical=True)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )


def load_certificate(
    p12: bytes, passphrase: bytes, *, now: datetime | None = None
) -> ChairCertificate:
    """Open a chair's PKCS#12 file and check that its certificate may sign now."""
    key, certificate = _open_pkcs12(p12, passphrase)
    _check_key_matches(key, certificate)
    _check_validity(certificate, _utc(now or datetime.now(UTC)))
    _check_signing_usage(certificate)
    der = certificate.public_bytes(serialization.Encoding.DER)
    return ChairCertificate(
        subject=_common_name(certificate),
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        fingerprint=hashlib.sha256(der).hexdigest(),
        certificate_der=der,
        _key=key,
    )


def _open_pkcs12(p12: bytes, passphrase: bytes) -> tuple[PrivateKeyTypes, x509.Certificate]:
    # cryptography says "Could not deserialize PKCS12 data" for a file it cannot parse
    # and "Invalid password or PKCS12 data" when the integrity check (MAC) fails, which
    # is what a wrong passphrase causes.
    try:
        key, certificate, _others = pkcs12.load_key_and_certificates(p12, passphrase or None)
    except ValueError as exc:
        if "password" in str(exc).lower():
            raise SigningError("wrong passphrase for this certificate file") from None
        raise SigningError("not a certificate file (PKCS#12), or the file is damaged") from None
    except Exception:  # anything else the parser throws at odd input
        raise SigningError("not a certificate file (PKCS#12), or the file is damaged") from None
    # Without a key, cryptography files the certificate among the "other" certificates.
    if key is None:
        raise SigningError("the certificate file holds no private key, so it cannot sign")
    if certificate is None:
        raise SigningError("the certificate file holds no certificate")
    return key, certificate


def _check_key_matches(key: PrivateKeyTypes, certificate: x509.Certificate) -> None:
    public = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    if key.public_key().public_bytes(*public) != certificate.public_key().public_bytes(*public):
        raise SigningError("the private key in the certificate file does not match its certificate")


def _check_validity(certificate: x509.Certificate, now: datetime) -> None:
    if now > certificate.not_valid_after_utc:
        when = plain_date(certificate.not_valid_after_utc.date())
        raise SigningError(f"the certificate expired on {when}")
    if now < certificate.not_valid_before_utc:
        when = plain_date(certificate.not_valid_before_utc.date())
        raise SigningError(f"the certificate is not valid until {when}")


def _check_signing_usage(certificate: x509.Certificate) -> None:
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is None or not usage.content_commitment:
        raise SigningError(
            "the certificate's key usage does not allow signing documents "
            "(non-repudiation / content commitment is missing)"
        )


def _common_name(certificate: x509.Certificate) -> str:
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = names[0].value if names else ""
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


# --------------------------------------------------------------------------- signing


def sign_pdf(
    pdf: bytes,
    certificate: ChairCertificate,
    *,
    reason: str,
    location: str = "",
    field_name: str = "ChairSignature",
) -> bytes:
    """Add a PAdES certification signature (no later changes allowed) and return the file."""
    _check_validity(_load_der(certificate.certificate_der), datetime.now(UTC))
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import MDPPerm, SigSeedSubFilter

    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
        certify=True,
        docmdp_permissions=MDPPerm.NO_CHANGES,
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        already_signed = bool(writer.prev.embedded_signatures)
    except Exception:  # the reader throws many types at a damaged file
        raise SigningError("the PDF could not be signed: the file is not a readable PDF") from None
    if already_signed:
        raise SigningError("the PDF could not be signed: it is already signed")
    try:
        output = signers.sign_pdf(writer, metadata, signer=_signer(certificate))
    except Exception as exc:  # pyHanko raises many types; the user needs one line
        raise SigningError(f"the PDF could not be signed: {_first_line(exc)}") from None
    return bytes(output.getvalue())


def _signer(certificate: ChairCertificate) -> Any:
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign import signers
    from pyhanko_certvalidator import registry

    store_type: Any = registry.SimpleCertificateStore  # not annotated upstream
    key_der = certificate._key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(certificate.certificate_der),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=store_type(),
    )


# --------------------------------------------------------------------------- checking


def verify_file(data: bytes, trusted: Sequence[bytes], recorded: Collection[str]) -> SignatureCheck:
    """Accept ``data`` only if its SHA-256 (lowercase hex) is in ``recorded`` and its
    signature holds (security.md I2). The cheap fingerprint test comes first."""
    fingerprint = hashlib.sha256(data).hexdigest()
    if fingerprint not in recorded:
        return SignatureCheck(valid=False, problem=NOT_RECORDED, fingerprint=fingerprint)
    return check_signature(data, trusted)


def check_signature(data: bytes, trusted: Sequence[bytes]) -> SignatureCheck:
    """pyHanko's verdict on the single signature of ``data``, offline, trusting only the
    DER certificates in ``trusted``. Never raises for bad input: returns ``valid=False``.

    Valid only when the signature is intact, valid and trusted, covers the entire file,
    no modification follows it and pyHanko's ``bottom_line`` holds; plus two checks
    pyHanko skips when the signer's certificate is itself a trust root (as a chair's
    self-signed certificate is): key usage must include non-repudiation, and the signing
    time must lie within the certificate's validity period.
    """
    fingerprint = hashlib.sha256(data).hexdigest()
    if b"%PDF-" not in data[:1024]:
        return SignatureCheck(valid=False, problem=NOT_A_PDF, fingerprint=fingerprint)
    try:
        status = _validate(data, trusted)
    except _CheckFailed as failure:
        return SignatureCheck(valid=False, problem=str(failure), fingerprint=fingerprint)
    signer = _signer_name(status)
    signed_at = getattr(status, "signer_reported_dt", None)
    problem = _problem(status, signed_at)
    return SignatureCheck(
        valid=not problem,
        problem=problem,
        signer=signer,
        signed_at=signed_at,
        fingerprint=fingerprint,
    )


class _CheckFailed(Exception):
    """The file could not be validated at all; the message is the problem line."""


def _validate(data: bytes, trusted: Sequence[bytes]) -> Any:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        signatures = PdfFileReader(io.BytesIO(data)).embedded_signatures
    except Exception:  # a damaged file can make the reader throw anything
        raise _CheckFailed(DAMAGED_PDF) from None
    if not signatures:
        raise _CheckFailed(NO_SIGNATURE)
    if len(signatures) > 1:
        raise _CheckFailed(SEVERAL_SIGNATURES)
    context = ValidationContext(trust_roots=_trust_roots(trusted), allow_fetching=False)
    try:
        # validate_pdf_signature runs asyncio.run() internally: fine for our callers, which
        # have no running event loop. Inside one (e.g. qasync) use
        # async_validate_pdf_signature instead.
        return validate_pdf_signature(signatures[0], signer_validation_context=context)
    except Exception:  # malformed CMS, byte range or signature dictionary
        raise _CheckFailed(UNREADABLE_SIGNATURE) from None


def _trust_roots(trusted: Sequence[bytes]) -> list[Any]:
    """The trusted DER certificates as asn1crypto objects; unreadable ones are skipped
    (which can only make a file less trusted, never more)."""
    from asn1crypto import x509 as asn1_x509

    roots = []
    for der in trusted:
        try:
            x509.load_der_x509_certificate(der)
        except Exception:
            continue
        roots.append(asn1_x509.Certificate.load(der))
    return roots


def _problem(status: Any, signed_at: datetime | None) -> str:
    """The first reason the status falls short, or ``""`` when it is fully valid."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import SignatureCoverageLevel

    if not status.intact:
        return CHANGED
    if not status.valid:
        return BROKEN_SIGNATURE
    if (
        status.coverage != SignatureCoverageLevel.ENTIRE_FILE
        or status.modification_level != ModificationLevel.NONE
        or not status.docmdp_ok
    ):
        return CHANGED
    if not status.trusted:
        return UNKNOWN_SIGNER if status.validation_path is None else SIGNER_NOT_ACCEPTED
    certificate = _load_der(status.signing_cert.dump())
    if not _allows_signing(certificate):
        return SIGNER_KEY_USAGE
    if signed_at is None or not _within_validity(certificate, signed_at):
        return NOT_SIGNED_IN_VALIDITY
    return "" if status.bottom_line else FAILED


def _allows_signing(certificate: x509.Certificate) -> bool:
    try:
        _check_signing_usage(certificate)
    except SigningError:
        return False
    return True


def _within_validity(certificate: x509.Certificate, moment: datetime) -> bool:
    moment = _utc(moment)
    return certificate.not_valid_before_utc <= moment <= certificate.not_valid_after_utc


def _signer_name(status: Any) -> str:
    try:
        return _common_name(_load_der(status.signing_cert.dump()))
    except Exception:
        return ""


# --------------------------------------------------------------------------- helpers


def _load_der(der: bytes) -> x509.Certificate:
    return x509.load_der_x509_certificate(der)


def _utc(moment: datetime) -> datetime:
    """Aware UTC; a naive datetime is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
