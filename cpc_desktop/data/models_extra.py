"""The tables kept in modules of their own, gathered for :mod:`cpc_desktop.data.models`.

``models`` imports this at its end, so these tables join the same metadata and are
reached as ``models.<Name>`` like every other table.
"""

from __future__ import annotations

from cpc_desktop.data.models_corrections import (
    CorrectionRequestRow,
    MinutesBasisRow,
    PrintedCopyRow,
)
from cpc_desktop.data.models_kept import ComplaintChildRow, ComplaintRow, RetentionRow, TombstoneRow
from cpc_desktop.data.models_plan import CarriedActionRow, CarriedPlanRow, ScalePointRow
from cpc_desktop.data.models_upload import UploadRow

__all__ = [
    "CarriedActionRow",
    "CarriedPlanRow",
    "ComplaintChildRow",
    "ComplaintRow",
    "CorrectionRequestRow",
    "MinutesBasisRow",
    "PrintedCopyRow",
    "RetentionRow",
    "ScalePointRow",
    "TombstoneRow",
    "UploadRow",
]
