from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("duties", "0003_period_review_index"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="obligationperiod",
            index=models.Index(fields=["end", "start"], name="duties_period_end_idx"),
        ),
    ]
