-- a migration that fails: for MigrationAlongsideStartUpTest
CREATE TABLE migrated_before_the_failure (id INTEGER PRIMARY KEY);
INSERT INTO no_such_table VALUES (1);
