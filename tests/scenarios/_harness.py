"""Runs golden scenarios in every run mode.

Used in-process by tests/test_goldens.py (against the package under test)
and in a subprocess by tools/record_goldens.py (against upstream).  When run
as a child process it prints a single JSON document on stdout.
"""
from __future__ import annotations

import importlib
import json
import re
import sys
import time
import traceback
from pathlib import Path
from typing import Any, Iterator

SCENARIO_DIR = Path(__file__).resolve().parent

RUNONCE = (True, False)
PRELOAD = (True, False)
EXACTBARS = (-2, -1, 0, 1)

EXCEPTION_KEY = '__exception__'
SAME_AS_KEY = '__same_as__'


def mode_key(runonce: bool, preload: bool, exactbars: int) -> str:
    """Stable name of a run mode, e.g. ``ro1_pl0_eb-1``."""
    return 'ro%d_pl%d_eb%d' % (int(runonce), int(preload), exactbars)


def iter_modes() -> Iterator[tuple[str, tuple[bool, bool, int]]]:
    """All 16 run modes as (key, (runonce, preload, exactbars))."""
    for ro in RUNONCE:
        for pl in PRELOAD:
            for eb in EXACTBARS:
                yield mode_key(ro, pl, eb), (ro, pl, eb)


MODES = dict(iter_modes())


def scenario_names() -> list[str]:
    """Every scenario module in this directory (files not starting with _)."""
    return sorted(p.stem for p in SCENARIO_DIR.glob('*.py')
                  if not p.stem.startswith('_'))


def load(name: str) -> Any:
    """Import a scenario module by name (as ``scenarios.<name>``)."""
    return importlib.import_module('scenarios.' + name)


def normalise(result: Any) -> Any:
    """Round-trip through JSON, as the goldens are stored."""
    return json.loads(json.dumps(result, allow_nan=True))


def run_mode(name: str, mode: str) -> Any:
    """Run one scenario in one mode and return its JSON-normalised result."""
    runonce, preload, exactbars = MODES[mode]
    module = load(name)
    result = module.run(runonce=runonce, preload=preload, exactbars=exactbars)
    if not isinstance(result, dict):
        raise TypeError('scenario %s returned %s, not dict'
                        % (name, type(result).__name__))
    return normalise(result)


def expand_result(golden: dict, mode: str) -> Any:
    """The full result of ``mode`` from a golden file.

    Resolves the {"__same_as__": i} references that the recorder writes for
    top-level parts repeated from an earlier unique result.
    """
    results = golden['results']
    result = results[golden['modes'][mode]]
    if not isinstance(result, dict):
        return result
    out = {}
    for key, value in result.items():
        if isinstance(value, dict) and set(value) == {SAME_AS_KEY}:
            value = results[value[SAME_AS_KEY]][key]
        out[key] = value
    return out


def exception_record(exc: BaseException) -> dict:
    """How a failing mode is stored in a golden file."""
    message = re.sub(r'0x[0-9a-fA-F]+', '0x...', str(exc))
    return {EXCEPTION_KEY: {'type': type(exc).__name__, 'message': message}}


def _where(exc: BaseException) -> str:
    """Frames (file, line, function; no source text) and the error."""
    frames = ['%s:%d in %s' % (Path(f.filename).name, f.lineno, f.name)
              for f in traceback.extract_tb(exc.__traceback__)]
    return '\n'.join(frames + ['%s: %s' % (type(exc).__name__, exc)])


def child_main(argv: list[str]) -> int:
    """Entry point of the recorder's subprocess: argv = [name, mode...]."""
    import backtrader
    import numpy
    import pandas
    name, modes = argv[0], argv[1:] or list(MODES)
    out: dict[str, Any] = {
        'backtrader_file': backtrader.__file__,
        'meta': {
            'backtrader_version': backtrader.__version__,
            'python': '%d.%d.%d' % sys.version_info[:3],
            'numpy': numpy.__version__,
            'pandas': pandas.__version__,
        },
        'results': {},
        'errors': {},
        'seconds': {},
    }
    load(name)  # a broken scenario module is fatal, not an upstream error
    for mode in modes:
        t0 = time.process_time()  # CPU time: the machine is shared
        try:
            out['results'][mode] = run_mode(name, mode)
        except Exception as e:  # noqa: BLE001 - upstream failures are data
            out['results'][mode] = exception_record(e)
            out['errors'][mode] = _where(e)
        out['seconds'][mode] = time.process_time() - t0
    json.dump(out, sys.stdout, allow_nan=True)
    return 0
