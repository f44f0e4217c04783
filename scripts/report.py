"""What the CI scripts print: each check as held or FAILED, then a count and the exit status."""

import sys
import time

held = []
failures = []


def say(message):
    sys.stdout.write(message + "\n")
    sys.stdout.flush()


def check(condition, what, detail="", *, detail_when_held=False):
    """Record and print one check; ``detail`` is shown when it failed (or, short, when held)."""
    (held if condition else failures).append(what)
    if condition:
        shown = detail_when_held and detail and len(detail) < 40 and "\n" not in detail
    else:
        shown = bool(detail)
    say(f"   {'held' if condition else 'FAILED'}: {what}" + (f" ({detail})" if shown else ""))
    return condition


def finish(name, started):
    """The closing count of ``name`` since ``started`` (time.monotonic()); exit 1 on a failure."""
    say(f"\n{name}: {len(held)} held, {len(failures)} failed, {time.monotonic() - started:.0f} s")
    for what in failures:
        say(f"   FAILED: {what}")
    sys.exit(1 if failures else 0)
