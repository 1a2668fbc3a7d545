"""在线访谈 (online interviews): citizens' questions, the live record and its poll endpoint, moderation."""
