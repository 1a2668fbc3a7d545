"""意见征集 (consultations on drafts): the citizen's comment form, its storage, the public lists and moderation."""
