-- Read state and per-user settings, synced across a user's devices.

-- What each user has read: every message of conv_id up to seq. One row per user and conversation,
-- shared by all the user's devices (unlike device_cursors, which say what each device holds).
CREATE TABLE read_cursors (
    user_id    BIGINT NOT NULL REFERENCES users (id),
    conv_id    BIGINT NOT NULL REFERENCES conversations (id),
    seq        BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, conv_id)
);

-- A user's own settings of a conversation. pinned_at orders the pinned ones (NULL when not pinned).
CREATE TABLE conversation_settings (
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    conv_id    BIGINT  NOT NULL REFERENCES conversations (id),
    pinned     BOOLEAN NOT NULL DEFAULT FALSE,
    dnd        BOOLEAN NOT NULL DEFAULT FALSE,
    pinned_at  BIGINT,
    updated_at BIGINT  NOT NULL,
    PRIMARY KEY (user_id, conv_id)
);

-- The name user_id gave friend_id (备注); NULL when none. Dies with the friendship row.
ALTER TABLE friendships ADD COLUMN remark VARCHAR(256);
