-- The group notice (text, who set it, when) and whether only the owner and admins may send.
ALTER TABLE chat_groups ADD COLUMN notice VARCHAR;
ALTER TABLE chat_groups ADD COLUMN notice_by BIGINT;
ALTER TABLE chat_groups ADD COLUMN notice_time BIGINT;
ALTER TABLE chat_groups ADD COLUMN muted_all BOOLEAN NOT NULL DEFAULT FALSE;

-- Until when (epoch ms) a member may not send; null when not muted. The row goes when the member
-- leaves, so a mute ends with the membership.
ALTER TABLE group_members ADD COLUMN muted_until BIGINT;
