"""Detectors: each takes a :class:`~netduty.screening.context.Context` and returns findings."""
