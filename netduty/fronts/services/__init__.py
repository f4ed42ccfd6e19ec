"""Every write to the channel registry. Keyword-only, typed, atomic, permission-checked, audited."""

from .channels import channel_create, default_stage_specs, stages_set

__all__ = ["channel_create", "default_stage_specs", "stages_set"]
