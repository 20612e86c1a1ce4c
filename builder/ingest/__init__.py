"""Ingest: find article files under data/articles/, read them by type, clean them into Article records."""

from builder.ingest.discover import IngestResult, ingest

__all__ = ["IngestResult", "ingest"]
