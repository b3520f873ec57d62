-- H2 allocates identity values in blocks (32 by default) and records each new block by writing the whole database
-- store at once, in the middle of the insert that needed it: under load that was 15 % of the hub's CPU. A block of
-- 10,000 makes it rare. The order of ids stays that of the inserts (H2 keeps one block for the whole database); a
-- crash only leaves a gap in the ids, which nothing reads. PostgreSQL's sequences need no such setting,
-- so version 9 is H2's alone: the next shared migration is V10.
ALTER TABLE audit_event ALTER COLUMN id SET CACHE 10000;
