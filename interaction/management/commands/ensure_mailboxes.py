"""Create missing mailboxes for every organisation (safe to run any time)."""

from django.core.management.base import BaseCommand

from interaction.mailboxes import ensure_all_mailboxes


class Command(BaseCommand):
    help = "为每个机构创建信箱（县政府另有县长信箱）；已存在的不变。"

    def handle(self, *args, **options):
        mailboxes = ensure_all_mailboxes()
        self.stdout.write(f"共 {len(mailboxes)} 个信箱。")
