"""Checking articles in CI: fingerprints, baselines, what changed since a revision, outputs.

`checker ci` and `checker baseline` (in `checker/commands/`) are thin layers over these
modules; none of them prints or exits.
"""
