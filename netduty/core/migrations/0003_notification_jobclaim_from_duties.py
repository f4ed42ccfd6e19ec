"""core takes over duties' Notification and JobClaim tables with their rows (see duties 0005):
first in state only on the old tables, then the tables are renamed, then the new columns
(topic, superseded_at) are added."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

KINDS = [("due_soon", "即将到期"), ("overdue", "已逾期"), ("escalation", "逾期上报"), ("returned", "材料被退回"),
         ("review", "发布审查"), ("fronts", "阵地备案")]


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_audit_append_only"),
        ("duties", "0005_notification_jobclaim_to_core"),
        ("org", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("object_id", models.BigIntegerField(blank=True, db_column="period_id", db_index=True, null=True)),
                        ("kind", models.CharField(choices=KINDS, max_length=16, verbose_name="类型")),
                        ("key", models.CharField(help_text="同一接收人同一 key 只提醒一次", max_length=120)),
                        ("title", models.CharField(max_length=200, verbose_name="标题")),
                        ("body", models.TextField(blank=True, verbose_name="内容")),
                        ("url", models.CharField(blank=True, max_length=300)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("emailed_at", models.DateTimeField(blank=True, null=True)),
                        ("read_at", models.DateTimeField(blank=True, null=True)),
                        ("recipient", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT,
                                                        related_name="notifications", to="org.person",
                                                        verbose_name="接收人")),
                    ],
                    options={"verbose_name": "提醒", "verbose_name_plural": "提醒", "ordering": ["-created_at", "-id"],
                             "db_table": "duties_notification"},
                ),
                migrations.AddConstraint(
                    model_name="notification",
                    constraint=models.UniqueConstraint(fields=("recipient", "key"), name="duties_notification_once"),
                ),
                migrations.CreateModel(
                    name="JobClaim",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("job", models.CharField(max_length=100)),
                        ("slot", models.CharField(max_length=64)),
                        ("claimed_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("worker", models.CharField(blank=True, max_length=200)),
                        ("result", models.JSONField(blank=True, default=dict)),
                    ],
                    options={"verbose_name": "定时任务执行记录", "verbose_name_plural": "定时任务执行记录",
                             "ordering": ["-claimed_at"], "db_table": "duties_jobclaim"},
                ),
                migrations.AddConstraint(
                    model_name="jobclaim",
                    constraint=models.UniqueConstraint(fields=("job", "slot"), name="duties_jobclaim_once"),
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="notification", table=None),
        migrations.AlterModelTable(name="jobclaim", table=None),
        migrations.AddField(model_name="notification", name="topic",
                            field=models.CharField(blank=True, db_index=True, max_length=120)),
        migrations.AddField(model_name="notification", name="superseded_at",
                            field=models.DateTimeField(blank=True, null=True)),
    ]
