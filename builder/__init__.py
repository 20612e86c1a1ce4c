"""framing: how different news outlets frame the same event (static-site builder)."""

__version__ = "0.1.0"
