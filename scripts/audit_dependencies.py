"""Audit the installed packages with pip-audit: fail on a known vulnerability, say what was not
checked.

pip-audit prints "No known vulnerabilities found" even when the vulnerability service answered
for none of the packages; this script counts the packages it could not audit and names the
reason. With `--strict` (or VIELFALTSKOMPASS_AUDIT_STRICT=1) an unaudited package fails too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

#: Vulnerability services of pip-audit, tried in this order until one audits some package.
SERVICES = ("pypi", "osv")


def run_audit(service: str) -> tuple[list[dict], str]:
    """pip-audit's dependency records for the current environment, and its error output."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "audit.json"
        command = [sys.executable, "-m", "pip_audit", "--progress-spinner", "off"]
        command += ["--skip-editable", "-s", service, "-f", "json", "-o", str(report)]
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if not report.exists():
            return [], (result.stderr or result.stdout).strip()
        return json.loads(report.read_text())["dependencies"], result.stderr.strip()


def main(argv: list[str]) -> int:
    """Audit; exit 1 on a known vulnerability (or, strict, on an unaudited package)."""
    strict = "--strict" in argv or os.environ.get("VIELFALTSKOMPASS_AUDIT_STRICT") == "1"
    dependencies: list[dict] = []
    service = SERVICES[0]
    for candidate in SERVICES:
        found, errors = run_audit(candidate)
        if any("skip_reason" not in d for d in found):
            service, dependencies = candidate, found
            break
        if found:
            reason = f"{len(found)} skipped, e.g. {found[0]['skip_reason']}"
        else:
            reason = errors.splitlines()[-1] if errors else "no answer"
        print(f"pip-audit ({candidate}): no package audited: {reason}")
        dependencies = dependencies or found
    audited = [d for d in dependencies if "skip_reason" not in d]
    vulnerable = [d for d in audited if d.get("vulns")]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions", [])) or "none"
            name, version = dependency["name"], dependency["version"]
            print(f"VULNERABLE {name} {version}: {vuln['id']} (fixed in {fixes})")
    unaudited = len(dependencies) - len(audited)
    print(
        f"pip-audit: {len(audited)} of {len(dependencies)} packages audited"
        + (f" ({service})" if audited else "")
        + f", {sum(len(d['vulns']) for d in vulnerable)} known vulnerabilities"
        + (f", {unaudited} NOT AUDITED" if unaudited else "")
    )
    if vulnerable:
        return 1
    if strict and (unaudited or not dependencies):
        print("pip-audit: strict: packages that could not be audited fail the run")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
