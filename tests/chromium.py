"""Debian's Chromium as the browser tests and the app benchmark launch it."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
#: Headless as root on a machine without network: no sandbox, GPU or background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
