"""`netduty db_worker`: django-tasks-db's worker, with lost-task recovery and a loop that survives
a locked or restarting database (see netduty/core/worker.py)."""

from django_tasks_db.management.commands import db_worker

from netduty.core import worker as resilient


class Command(db_worker.Command):
    help = "后台任务进程：执行队列中的任务；恢复因进程被杀而卡在“执行中”的任务；数据库繁忙时退避重试"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        for action in parser._actions:
            if action.dest == "worker_id":
                action.default = resilient.new_worker_id()

    def handle(self, *args, **options):
        original = db_worker.Worker
        db_worker.Worker = resilient.ResilientWorker  # the base command builds its Worker by this name
        try:
            resilient.recover()
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
