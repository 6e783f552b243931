-- What a message holds: 0 text, 1 image, 2 file. An image's or a file's body is its FileInfo as JSON.
ALTER TABLE messages ADD COLUMN kind SMALLINT DEFAULT 0 NOT NULL;

-- Stored files, one row per content; the bytes are in the file store, named by sha256.
CREATE TABLE files (
    sha256     CHAR(64)     PRIMARY KEY,
    size_bytes BIGINT       NOT NULL,
    mime       VARCHAR(100) NOT NULL,
    width      INT,
    height     INT,
    thumb      VARCHAR,
    created_at BIGINT       NOT NULL
);

-- The files each user holds (uploaded or proved): what counts against the user's quota and what
-- the user may send. A row no message of the user refers to expires a day after it was made.
CREATE TABLE user_files (
    user_id    BIGINT        NOT NULL REFERENCES users (id),
    sha256     CHAR(64)      NOT NULL REFERENCES files (sha256),
    name       VARCHAR(1024) NOT NULL,
    created_at BIGINT        NOT NULL,
    PRIMARY KEY (user_id, sha256)
);

-- The messages that carry a file, written before the message is appended: a file that no message
-- and no user refers to may be deleted.
CREATE TABLE file_refs (
    sender_id     BIGINT      NOT NULL,
    client_msg_id VARCHAR(64) NOT NULL,
    sha256        CHAR(64)    NOT NULL REFERENCES files (sha256),
    PRIMARY KEY (sender_id, client_msg_id)
);
CREATE INDEX file_refs_sha_ix ON file_refs (sha256);
