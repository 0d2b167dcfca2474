"""The contributor's tooling holds: the pre-commit config, the example postings' baseline, and the files that
ARCHITECTURE.md and CONTRIBUTING.md point to."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def test_pre_commit_config_is_valid_and_runs_the_house_checks():
    config = ROOT / ".pre-commit-config.yaml"
    done = subprocess.run([str(BIN / "pre-commit"), "validate-config", str(config)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    hooks = {hook["id"]: hook for repo in yaml.safe_load(config.read_text())["repos"] for hook in repo["hooks"]}
    assert {"ruff", "ruff-format", "mypy", "codespell", "jdlint-examples"} <= set(hooks)
    assert all(hook["language"] == "system" for hook in hooks.values())  # nothing fetched from the network


def test_the_example_postings_pass_against_their_baseline():
    """What the jdlint-examples hook runs: a new finding in examples/ fails the commit until it is fixed or
    recorded (`jdlint check --write-baseline examples/jdlint-baseline.json examples/`)."""
    done = subprocess.run(
        [str(BIN / "jdlint"), "check", "--baseline", "examples/jdlint-baseline.json", "examples/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    plain = subprocess.run([str(BIN / "jdlint"), "check", "examples/"], cwd=ROOT, capture_output=True, text=True)
    assert plain.returncode == 1  # the sample posting has problems on purpose: only the baseline quiets them


def test_every_path_the_guides_name_exists():
    named = set()
    for guide in ("ARCHITECTURE.md", "CONTRIBUTING.md"):
        text = (ROOT / guide).read_text(encoding="utf-8")
        for path in re.findall(r"`((?:jdlint|rules|data|tests|reports|benchmarks|examples)/[^`<>*\s]*)`", text):
            named.add(path.rstrip("/"))
    missing = sorted(p for p in named if not (ROOT / p).exists())
    assert not missing and len(named) > 20, missing
