"""Compute the reply deadlines that were unknown because a year's holiday schedule was missing."""

from django.core.management.base import BaseCommand

from interaction.deadlines import recompute_missing_deadlines


class Command(BaseCommand):
    help = "节假日安排录入后，补算此前无法计算的信件答复期限。"

    def handle(self, *args, **options):
        self.stdout.write(f"补算 {recompute_missing_deadlines()} 封信件。")
