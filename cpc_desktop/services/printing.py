"""Each copy sent to a printer from the application, written to the audit log.

domain.md §10 item 38: every view, edit, export and print is audited. A copy can be
printed only from the preview of a recorded copy (an exported or issued PDF, kept in
``output_file``); printing adds a ``printed_copy`` row (who, when, which stored file,
the printer's name, how many pages; never what the pages say) in a unit of work whose
audit event names the person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cpc_desktop.data import models as m
from cpc_desktop.services.base import ServiceBase
from cpc_desktop.services.errors import NotFound, ServiceError
from cpc_desktop.services.roles import Action

__all__ = ["PrintService", "PrintedCopy"]

#: The most of a printer's name kept.
PRINTER_LENGTH = 200


@dataclass(frozen=True)
class PrintedCopy:
    id: str
    output_id: str
    printed_at: datetime
    printed_by: str
    printer: str
    pages: int


class PrintService(ServiceBase):
    """Records that a stored copy was printed."""

    def printed(self, output_id: str, printer: str, pages: int) -> PrintedCopy:
        """Record that ``pages`` pages of the stored copy ``output_id`` went to ``printer``."""
        self._require(Action.PRINT, "output_file", output_id)
        if pages < 1:
            raise ServiceError("nothing was printed, so there is nothing to record")
        name = " ".join(printer.split())[:PRINTER_LENGTH] or "(printer not named)"
        with self._store.unit_of_work(self._context(Action.PRINT, "output_file", output_id)) as w:
            output = w.session.get(m.OutputFileRow, output_id)
            if output is None:
                raise NotFound("that copy is not recorded in this store, so it cannot be printed")
            now = self._clock()
            found = m.PrintedCopyRow(
                conference_id=output.conference_id,
                output_file_id=output_id,
                printed_at=now,
                printed_by=self._actor.name,
                printer=name,
                pages=pages,
                **self._meta(),
            )
            w.session.add(found)
            w.session.flush()
            return PrintedCopy(found.id, output_id, now, self._actor.name, name, pages)
