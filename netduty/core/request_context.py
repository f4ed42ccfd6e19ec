"""Per-request metadata (request id, client address) for audit events, via a ContextVar."""

from contextvars import ContextVar

_meta: ContextVar[dict[str, str] | None] = ContextVar("netduty_request_meta", default=None)


def current_request_meta() -> dict[str, str]:
    return _meta.get() or {}


def set_request_meta(meta: dict[str, str] | None):
    return _meta.set(meta)


def reset_request_meta(token) -> None:
    _meta.reset(token)
