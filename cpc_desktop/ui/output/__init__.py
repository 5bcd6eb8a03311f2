"""Printed output: previewing a document made in memory before it is printed or saved."""
