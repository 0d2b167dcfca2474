"""The pre-commit hook, run for real: `pre-commit try-repo` against this checkout in a repository of postings."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pre_commit() -> list[str]:
    found = shutil.which("pre-commit", path=os.path.dirname(sys.executable)) or shutil.which("pre-commit")
    return [found] if found else [sys.executable, "-m", "pre_commit"]


def test_hook_fails_on_a_bad_posting_and_passes_a_clean_one(tmp_path):
    repo = tmp_path / "postings"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / "bad.md").write_text("We need a salesman.\n")
    (repo / "good.md").write_text("We need a salesperson.\n")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)

    def hook(name: str):
        return subprocess.run(
            [*_pre_commit(), "try-repo", str(ROOT), "jdlint", "--files", name],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    bad = hook("bad.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "JD201" in bad.stdout
    good = hook("good.md")
    assert good.returncode == 0, good.stdout + good.stderr
