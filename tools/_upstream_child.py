"""Run a snippet under the reference interpreter and read its JSON answer.

The recorders of goldens run their scenario in a child of a virtualenv with
upstream backtrader, isolated (``-I``) and from a scratch directory so it
imports upstream's package and never this tree's.  The snippet prints one
JSON object as its last line, holding ``backtrader`` (the imported
package's path); this module checks that path and returns the object.
"""
from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path
from typing import Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / 'tests'


def run_upstream(python: str, code: str, args: Sequence[str] = (),
                 env: Optional[dict] = None, timeout: float = 600) -> dict:
    """The JSON object ``code`` printed last; RuntimeError with the
    child's stderr when it failed or imported this tree."""
    with tempfile.TemporaryDirectory(prefix='golden-') as cwd:
        proc = subprocess.run([python, '-I', '-c', code, *args], cwd=cwd,
                              capture_output=True, text=True, timeout=timeout,
                              env=env)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr)
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    if str(ROOT) in out['backtrader']:
        raise RuntimeError('child imported this tree, not upstream: %s'
                           % out['backtrader'])
    return out
