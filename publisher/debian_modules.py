"""Python modules that only Debian packages provide.

Some bindings (link-grammar's, liblouis's) are built by Debian for its own
python3, which has the venv's ABI, and installed in its dist-packages, which
a venv does not see. That one folder is put on the path just for the import,
so nothing else the venv has installed is shadowed by Debian's copies.
"""

from __future__ import annotations

import importlib
import sys
from functools import cache
from types import ModuleType

from .errors import PublisherError

DEBIAN_DIST_PACKAGES = "/usr/lib/python3/dist-packages"


@cache
def debian_module(name: str, missing: str) -> ModuleType:
    """The module `name`, from the venv or else from Debian's dist-packages;
    `missing` is the error to give when neither has it (what to install)."""
    try:
        return importlib.import_module(name)
    except ImportError:
        pass
    sys.path.insert(0, DEBIAN_DIST_PACKAGES)
    try:
        return importlib.import_module(name)
    except ImportError:
        raise PublisherError(missing) from None
    finally:
        sys.path.remove(DEBIAN_DIST_PACKAGES)
