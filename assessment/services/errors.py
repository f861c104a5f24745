"""Typed errors of the use cases: each says in one sentence what happened."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import SQLAlchemyError

from assessment.storage import results as stored

log = logging.getLogger("assessment.services")


class ServiceError(Exception):
    """A use case that could not be carried out."""


class NotFound(ServiceError):
    """The link, round or item does not exist (any more)."""


class Forbidden(ServiceError):
    """The link does not allow this."""


class RoundClosed(ServiceError):
    """The round is closed: it only shows what was given."""


class Conflict(ServiceError):
    """What was to be stored was changed elsewhere meanwhile, or is stored already."""


class Invalid(ServiceError):
    """The input breaks a rule (length, count, value on the scale)."""


class TooLong(Invalid):
    """A text is longer than the database stores (and a response file takes)."""


class StorageFailed(ServiceError):
    """The database did not take a write, or did not answer; logged with its context."""


@contextmanager
def storage_boundary(action: str, **context: object) -> Iterator[None]:
    """Turn storage's errors into typed ones; a database error into `StorageFailed`, logged.

    Storage refuses a write to a closed round (RoundClosed) and a text longer than a response
    file takes (TooLong) in the write's own transaction. Any other ValueError of storage is a
    bug of the caller (the services check values first) and passes through unchanged.
    """
    started = time.perf_counter()
    try:
        yield
    except stored.RoundClosed as error:
        raise RoundClosed(str(error)) from None
    except stored.NotFound as error:
        raise NotFound(str(error)) from None
    except stored.TooLong as error:
        raise TooLong(str(error)) from None
    except SQLAlchemyError as error:
        details = " ".join(f"{key}={value}" for key, value in context.items())
        log.error("%s failed (%s): %s", action, details, error.__class__.__name__, exc_info=True)
        raise StorageFailed(action) from error
    # With VIELFALTSKOMPASS_LOG_LEVEL=DEBUG the server log shows how long each use case took.
    log.debug("%s took %.1f ms", action, (time.perf_counter() - started) * 1000)
