"""A time budget for one article's extraction: a pathological text (a regular expression
that backtracks, a huge table) is skipped and reported instead of stalling the build."""

from __future__ import annotations

import ctypes
import signal
import sys
import threading


class ArticleTimeout(BaseException):
    """The time budget ran out. A BaseException (like KeyboardInterrupt), so that the
    `except Exception` with which a step guards a library call (dateparser, a reader)
    never swallows it and lets the step run on."""


# In the main thread, once the budget has run out, the alarm comes again every _REPEAT
# seconds (at most _MAX_REPEATS times) until the block ends: an exception raised while
# Python runs a callback whose exceptions it ignores (a weakref callback or a __del__
# during garbage collection) is lost, the next one is not.
_REPEAT = 0.05
_MAX_REPEATS = 100


def _set_async_exc(ident: int, exc) -> None:
    """Raise `exc` in thread `ident` at its next bytecode (None: cancel a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(ident), None if exc is None else ctypes.py_object(exc)
    )


def _inside(frame, code) -> bool:
    """Whether `frame` or one of its callers runs `code`."""
    while frame is not None:
        if frame.f_code is code:
            return True
        frame = frame.f_back
    return False


class TimeBudget:
    """Raise ArticleTimeout in the current thread once `seconds` have passed.

    In the main thread a SIGALRM timer interrupts even a long regular expression
    (between bytecodes); in any other thread (Streamlit runs scripts in threads) a
    timer thread raises the exception asynchronously in the extracting thread. Either
    way the timer is cancelled on exit, and an exception that arrives just after the
    block ended is absorbed there, so it never escapes into unrelated code."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.main = threading.current_thread() is threading.main_thread()
        self._timer = None
        self._lock = threading.Lock()
        self._armed = False
        self._alarms = 0

    def __enter__(self) -> TimeBudget:
        if not self.seconds:
            return self
        if self.main:
            self._armed = True
            self._old_hook = sys.unraisablehook
            sys.unraisablehook = self._drop_lost_timeout
            self._old = signal.signal(signal.SIGALRM, self._on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds, _REPEAT)
        else:
            self._ident = threading.get_ident()
            self._armed = True
            self._timer = threading.Timer(self.seconds, self._fire)
            self._timer.daemon = True
            self._timer.start()
        return self

    def _drop_lost_timeout(self, unraisable) -> None:
        """sys.unraisablehook inside the block: a timeout that Python had to ignore is
        dropped quietly (the alarm comes again); anything else goes to the usual hook."""
        if unraisable.exc_type is not None and issubclass(unraisable.exc_type, ArticleTimeout):
            return
        self._old_hook(unraisable)

    def _on_alarm(self, signum, frame) -> None:  # pragma: no cover - through TimeBudget
        if not self._armed or _inside(frame, self._drop_lost_timeout.__code__):
            return  # the block is ending, or Python is reporting a lost timeout
        self._alarms += 1
        if self._alarms > _MAX_REPEATS:
            signal.setitimer(signal.ITIMER_REAL, 0)
        raise ArticleTimeout()

    def _disarm_alarm(self) -> None:
        while True:
            try:
                self._armed = False  # from here on an alarm raises nothing
                break
            except ArticleTimeout:  # one arrived on the way in
                continue
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._old)
        sys.unraisablehook = self._old_hook

    def _fire(self) -> None:
        with self._lock:
            if not self._armed:
                return
            self._armed = False
            _set_async_exc(self._ident, ArticleTimeout)

    def __exit__(self, exc_type, exc, tb) -> bool:
        if not self.seconds:
            return False
        if self.main:
            self._disarm_alarm()
            if self._alarms and exc_type is None:
                raise ArticleTimeout()  # the budget ran out, its exception was lost
            return False
        with self._lock:
            fired = not self._armed
            self._armed = False
        self._timer.cancel()
        if fired:
            # the budget ran out, but the exception may still be pending (a long C call was
            # running): cancel its delivery, so it never lands in unrelated code, and
            # report the timeout here
            _set_async_exc(self._ident, None)
            if exc_type is None:
                raise ArticleTimeout()
        return False
