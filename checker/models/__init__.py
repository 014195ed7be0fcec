"""Pydantic models: the documentation of every piece of data checker passes around."""
