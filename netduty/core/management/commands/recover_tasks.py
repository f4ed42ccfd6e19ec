"""`netduty recover_tasks`: requeue tasks left RUNNING by a worker that died (run before a worker
starts; see netduty/core/worker.py)."""

from django.core.management.base import BaseCommand

from netduty.core import worker


class Command(BaseCommand):
    help = "恢复卡在“执行中”的后台任务：其工作进程已退出的重新排队，超过重试次数的标记失败"

    def handle(self, *args, **options):
        requeued, failed = worker.recover()
        self.stdout.write(f"重新排队 {requeued} 个任务，标记失败 {failed} 个。")
