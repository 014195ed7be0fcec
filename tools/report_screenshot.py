"""Render the HTML report of seeds/ and save a screenshot of it (docs/report.png by default).

    python tools/report_screenshot.py [OUTPUT.png] [--articles DIR]

Drives the system Chromium (`/usr/bin/chromium`, Debian's package) headless through the
`playwright` package; no browser is downloaded.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--articles", type=Path, default=ROOT / "seeds")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from checker.report.html import render_html
    from checker.run import check

    browser = chromium_path()
    if browser is None:
        print("chromium is not installed (apt-get install -y chromium)", file=sys.stderr)
        return 2
    result = check([args.articles])
    page_html = render_html(result.report, result.articles, result.facts)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        report = Path(tmp) / "report.html"
        report.write_text(page_html, encoding="utf-8")
        context = pw.chromium.launch_persistent_context(
            str(Path(tmp) / "profile"),
            executable_path=browser,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1000, "height": 1000},
        )
        try:
            page = context.new_page()
            page.goto(report.as_uri())
            page.wait_for_selector(".finding")
            args.output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.output), full_page=False)
        finally:
            context.close()
    print(f"screenshot written to {args.output} ({args.output.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
