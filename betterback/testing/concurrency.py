"""Run one function in several threads released at the same moment, as cron runs that overlap."""

import threading

from django.db import connection


def at_once(function, runners: int, outcomes: list, errors: list) -> None:
    """Call ``function`` in ``runners`` threads that start together; each result goes to
    ``outcomes`` and each exception to ``errors`` (for the test to assert on). Every thread closes
    its own database connection."""
    barrier = threading.Barrier(runners)

    def run():
        try:
            barrier.wait(timeout=10)
            outcomes.append(function())
        except Exception as error:  # reported by the caller's assertion
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(runners)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
