from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("duties", "0002_notification_kind_review"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="obligationperiod",
            index=models.Index(fields=["review_state", "submitted_at"], name="duties_period_review_idx"),
        ),
    ]
