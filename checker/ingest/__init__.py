"""Ingest: find article files, read front matter and sidecar metadata, date them."""

from checker.ingest.reader import find_article_files, load_article, load_folder, load_paths

__all__ = ["find_article_files", "load_article", "load_folder", "load_paths"]
