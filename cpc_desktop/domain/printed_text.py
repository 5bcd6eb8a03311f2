"""A printed document as plain text: what the checker of a family copy reads.

The same words the typesetter is given, in reading order, without layout: for the
release check on the command line, where the PDF itself cannot be shown.
"""

from __future__ import annotations

from cpc_desktop.domain.printed import Block, Fields, LetterDocument, Para, PrintedDocument


def _block(block: Block) -> list[str]:
    if isinstance(block, Para):
        opening = f"{block.label}: " if block.label else ""
        closing = f" ({block.meta})" if block.meta else ""
        return [f"{opening}{block.text}{closing}"]
    if isinstance(block, Fields):
        return [f"{label}: {value}" for label, value in block.pairs]
    lines = [" | ".join(block.header)]
    lines += [" | ".join(row) for row in block.rows]
    return lines


def document_text(document: PrintedDocument | LetterDocument) -> str:
    """The text of ``document``, one paragraph a line, sections headed."""
    lines: list[str] = [document.marking]
    if isinstance(document, LetterDocument):
        lines += [*document.sender, "", document.recipient_name, *document.recipient_address]
        if document.notice:
            lines += ["", document.notice]
        for number, version in enumerate(document.versions):
            if number:
                lines += ["", "-" * 20]
            lines += ["", version.date_text, "", version.subject, "", version.salutation, ""]
            for para in version.paragraphs:
                lines += [*_block(para), ""]
            lines += [version.sign_off, *version.signatory]
    else:
        lines += [document.title, document.subtitle]
        if document.watermark:
            lines.append(document.watermark)
        for section in document.sections:
            lines += ["", section.title, "-" * len(section.title)]
            for block in section.blocks:
                lines += _block(block)
    lines.append(document.marking)
    return "\n".join(lines)
