"""One lock order for every write transaction on PostgreSQL (issue 9 item 1).

`audit.record` serialises appends with a transaction-scoped advisory lock. A transaction that took
row locks first (a `select_for_update`, the FOR KEY SHARE of an insert's foreign key, an UPDATE) and
then waited for that advisory lock could deadlock against the holder of the advisory lock waiting
for one of its rows. So the advisory lock is taken *first*: an execute wrapper installed on every
PostgreSQL connection takes it before the first statement of an atomic block that can lock a row
(anything but a plain SELECT / savepoint statement). Invariant: whoever holds a row lock inside a
transaction already holds the advisory lock, so no wait cycle can include it. Writes are serialised
— they already were by the audit chain — and plain reads never wait.

SQLite needs nothing: IMMEDIATE transactions take its single write lock at BEGIN.
"""

from __future__ import annotations

from typing import Any

PG_LOCK_KEY = 0x6E6574647574  # "netdut" — the audit chain's lock
LOCK_SQL = "SELECT pg_advisory_xact_lock(%s)"
_PASSIVE = ("SAVEPOINT", "RELEASE", "ROLLBACK", "SET ", "SHOW ")
_ROW_LOCKING = (" FOR UPDATE", " FOR NO KEY UPDATE", " FOR SHARE", " FOR KEY SHARE")


def _can_lock_rows(sql: str) -> bool:
    head = sql.lstrip()[:16].upper()
    if head.startswith(_PASSIVE):
        return False
    if head.startswith("SELECT"):
        upper = sql.upper()
        return any(clause in upper for clause in _ROW_LOCKING)
    return True


class WriteLockWrapper:
    """Execute wrapper; one per connection.

    "Already locked in this transaction" is a marker in the connection's on-commit list: Django
    clears that list when the transaction commits or rolls back, and drops the entries of a
    savepoint that is rolled back — exactly when PostgreSQL releases the advisory lock too."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.marker = _marker

    def holds_lock(self) -> bool:
        return any(entry[1] is self.marker for entry in self.connection.run_on_commit)

    def __call__(self, execute, sql, params, many, context):
        conn = self.connection
        if conn.in_atomic_block and not self.holds_lock() and _can_lock_rows(str(sql)):
            execute(LOCK_SQL, [PG_LOCK_KEY], False, context)
            conn.on_commit(self.marker)
        return execute(sql, params, many, context)


def _marker() -> None:
    """Does nothing when the transaction commits; its presence means the lock is held."""


def install(sender: Any, connection: Any, **kwargs: Any) -> None:
    """`connection_created` receiver: wrap every new PostgreSQL connection once."""
    if connection.vendor != "postgresql":
        return
    if not any(isinstance(w, WriteLockWrapper) for w in connection.execute_wrappers):
        connection.execute_wrappers.append(WriteLockWrapper(connection))
