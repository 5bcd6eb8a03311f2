"""A read-only list of records in a dialog (appeals, complaints, retention): whole rows
selected one at a time, nothing edited in place, and Tab leaving the table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6 import QtWidgets


def record_table(name: str, accessible: str, columns: Sequence[str]) -> QtWidgets.QTableWidget:
    """An empty table named ``name`` with ``columns``, read by screen readers as ``accessible``."""
    table = QtWidgets.QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(list(columns))
    table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table
