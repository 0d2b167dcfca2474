"""Run action.yml's steps as GitHub's runner does, on this machine: for tests/test_action.py and the README workflow.

Each `run:` step is written to a file and run by `bash --noprofile --norc -eo pipefail` (GitHub's `shell: bash`),
with its `env:` expressions filled in from the inputs, the event and earlier steps' outputs ($GITHUB_OUTPUT), and
$GITHUB_STEP_SUMMARY a file. `uses:` steps (setup-python) and the install step are skipped: `jdlint` on PATH runs
this checkout with the current interpreter. Only the expressions the action uses are understood; any other one
raises, so a change to action.yml that this runner would read wrongly fails the tests instead of passing them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = ROOT / "action.yml"
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_CONDITION = re.compile(r"^inputs\.([\w-]+) != ''$")


@dataclass
class ActionRun:
    returncode: int  # the first failing step's exit code, else 0
    stdout: str  # every step's standard output (workflow commands, annotations)
    stderr: str
    summary: str  # what the steps wrote to $GITHUB_STEP_SUMMARY
    outputs: dict[str, str]  # the action's outputs


def load() -> dict:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


def _jdlint_on_path(folder: Path) -> str:
    """A folder with a `jdlint` that runs this checkout: the PATH the action's steps see."""
    script = folder / "jdlint"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m jdlint "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return str(folder)


def _runs(condition: str | None, inputs: dict[str, str]) -> bool:
    """Whether a step's `if:` holds (only the `inputs.NAME != ''` form is understood)."""
    if condition is None:
        return True
    match = _CONDITION.match(condition)
    assert match, f"the test runner does not know the condition {condition!r}"
    return inputs[match.group(1)] != ""


def run_action(workdir: Path, temp: Path, inputs: dict[str, str], event: dict | None = None) -> ActionRun:
    action = load()
    given = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    unknown = set(inputs) - set(given)
    assert not unknown, f"action.yml has no inputs {unknown}"
    given.update(inputs)
    github = {"action_path": str(ROOT), "event": event or {}}
    steps: dict[str, dict[str, str]] = {}

    def value(expression: str) -> str:
        head, _, rest = expression.partition(".")
        if head == "inputs":
            return given[rest]
        if head == "steps":
            step, _, output = rest.partition(".outputs.")
            return steps.get(step, {}).get(output, "")  # a step that did not run has no outputs
        if head == "github":
            found: object = github
            for key in rest.split("."):
                found = found.get(key, "") if isinstance(found, dict) else ""
            return str(found)
        raise AssertionError(f"the test runner does not know the expression {expression!r}")

    def fill(text: str) -> str:
        return _EXPRESSION.sub(lambda m: value(m.group(1)), text)

    bin_dir = temp / "bin"
    bin_dir.mkdir(exist_ok=True)
    base_env = {
        **os.environ,
        "PATH": _jdlint_on_path(bin_dir) + os.pathsep + os.environ["PATH"],
        "PYTHONPATH": str(ROOT),
        "GITHUB_STEP_SUMMARY": str(temp / "summary.md"),
        "RUNNER_TEMP": str(temp),
    }
    Path(base_env["GITHUB_STEP_SUMMARY"]).write_text("", encoding="utf-8")
    stdout, stderr, code = [], [], 0
    for number, step in enumerate(action["runs"]["steps"]):
        if "uses" in step or "pip install" in step.get("run", ""):
            continue
        if not _runs(step.get("if"), given):
            continue
        assert step.get("shell") == "bash"
        output_file = temp / f"output-{number}"
        output_file.write_text("", encoding="utf-8")
        script = temp / f"step-{number}.sh"
        script.write_text(step["run"], encoding="utf-8")
        env = {**base_env, "GITHUB_OUTPUT": str(output_file)}
        env.update({name: fill(str(text)) for name, text in (step.get("env") or {}).items()})
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        stdout.append(done.stdout)
        stderr.append(done.stderr)
        if "id" in step:
            lines = output_file.read_text(encoding="utf-8").splitlines()
            steps[step["id"]] = dict(line.split("=", 1) for line in lines if "=" in line)
        if done.returncode != 0:
            code = done.returncode
            break
    outputs = {name: fill(spec["value"]) for name, spec in action.get("outputs", {}).items()}
    summary = Path(base_env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8")
    return ActionRun(code, "".join(stdout), "".join(stderr), summary, outputs)
