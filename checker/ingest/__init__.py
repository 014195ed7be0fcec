"""Ingest: find article files, read them by type (text, saved pages, exports), date them."""

from checker.ingest.folder import find_article_files, load_folder, load_paths
from checker.ingest.reader import load_article

__all__ = ["find_article_files", "load_article", "load_folder", "load_paths"]
