"""A small per-process memo with a time limit, for lookups every search makes (labels, synonyms, picks).

The shared Django cache may be a file or network cache; reading it twenty times per search
costs more than the search itself. Values here are small and change rarely; editors' changes
reach every process within ``seconds`` (and at once in the process that saved them).
"""

import threading
import time

_values = {}
_lock = threading.Lock()


def remembered(key, compute, seconds=60):
    now = time.monotonic()
    found = _values.get(key)
    if found is not None and found[0] > now:
        return found[1]
    value = compute()
    with _lock:
        _values[key] = (now + seconds, value)
    return value


def forget(*keys):
    with _lock:
        if not keys:
            _values.clear()
        for key in keys:
            _values.pop(key, None)
