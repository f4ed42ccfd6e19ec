"""The `netduty` console script.

`netduty screen ...` runs the screening library without Django; every other sub-command is a
Django management command (ours — policy, audit, demo, token, import_org — or Django's own).
"""

import os
import sys


def main() -> None:
    argv = sys.argv
    if len(argv) > 1 and argv[1] == "screen":
        from netduty.screening.cli import main as screen_main

        sys.exit(screen_main(argv[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["netduty", *argv[1:]])


if __name__ == "__main__":
    main()
