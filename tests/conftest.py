import os
import subprocess
import sys

import pytest

# the compiled-pattern cache (deid.recognizers._patterns) of this test run, not the user's
if "DEID_CACHE_DIR" not in os.environ:
    import tempfile

    os.environ["DEID_CACHE_DIR"] = tempfile.mkdtemp(prefix="deid-test-cache-")


@pytest.fixture(scope="session")
def engine():
    from deid import Deidentifier

    return Deidentifier()


def run_deid(args, input_bytes=b"", env=None, cwd=None):
    """Run the installed CLI in a fresh process, as a user would."""
    e = dict(os.environ)
    if env:
        e.update(env)
    return subprocess.run([sys.executable, "-m", "deid", *args], input=input_bytes, capture_output=True, env=e, cwd=cwd, timeout=300)
