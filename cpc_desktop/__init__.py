"""CPC Desktop: the chair's and minute-taker's tool for Child Protection Conferences."""

__version__ = "0.1.0"
