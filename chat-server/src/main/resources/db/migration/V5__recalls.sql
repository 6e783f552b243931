-- Messages taken back (msg.recall): the message log keeps each one's place with its content erased;
-- this row says who recalled it and when, for everyone who reads it later.
CREATE TABLE recalls (
    conv_id     BIGINT NOT NULL,
    seq         BIGINT NOT NULL,
    recalled_by BIGINT NOT NULL,
    recalled_at BIGINT NOT NULL,
    PRIMARY KEY (conv_id, seq)
);
