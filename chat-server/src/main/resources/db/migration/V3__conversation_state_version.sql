-- Bumped, under the conversation row's lock, by every change of who may send to a conversation
-- (membership, blocks between a private conversation's two users). Cluster nodes append only
-- while the version they checked their decision against is still the row's: a node that missed a
-- change reloads the conversation and decides again.
ALTER TABLE conversations ADD COLUMN state_version BIGINT NOT NULL DEFAULT 0;
