"""Notification and JobClaim move to core (the platform's). The period link becomes a plain id
(core must not reference duties), then the models leave duties' state; the tables and their rows
stay and core takes them over (core 0003 renames them)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("duties", "0004_period_end_index"),
    ]

    operations = [
        migrations.AlterField(
            model_name="notification",
            name="period",
            field=models.BigIntegerField(null=True, blank=True, db_column="period_id", db_index=True),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Notification"),
                migrations.DeleteModel(name="JobClaim"),
            ],
            database_operations=[],
        ),
    ]
