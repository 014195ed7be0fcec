"""Stable content fingerprints of findings, for baselines and SARIF `partialFingerprints`.

A fingerprint is the sha256 of the rule id and, for every claim, its normalized compared value
and normalized quote. Normalization is Unicode NFKC plus whitespace folding, and the claims are
sorted by that content, not by article order. Line numbers, offsets, file names and the order in
which articles were read are left out on purpose: moving, renaming or re-wrapping around an
article does not turn a reviewed finding into a new one, while changing what it says does.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata

from checker.models.report import Finding

FINGERPRINT_VERSION = 1
FINGERPRINT_LENGTH = 64  # hex digits of a sha256


def normalize(text: str) -> str:
    """NFKC, then every run of whitespace folded to one space, trimmed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def fingerprint(finding: Finding) -> str:
    """The hex sha256 that identifies `finding` across runs, checkouts and file moves."""
    claims = sorted([normalize(c.value), normalize(c.quote)] for c in finding.claims)
    payload = json.dumps(
        {"v": FINGERPRINT_VERSION, "rule": finding.rule.strip(), "claims": claims},
        ensure_ascii=False,
        separators=(",", ":"),
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def is_fingerprint(value: str) -> bool:
    """True for a full fingerprint: 64 lowercase hex digits."""
    return len(value) == FINGERPRINT_LENGTH and all(c in "0123456789abcdef" for c in value)
