#!/bin/sh
# Run once by the postgres image when its data directory is first made. Least privilege: hub_owner owns the hub's
# database and tables and is used only by Flyway to migrate; hub_runtime is what the hub runs as, granted by the
# migrations only what it needs (on the audit trail: SELECT and INSERT). Neither is a superuser.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v owner_password="$HUB_DATABASE_OWNER_PASSWORD" -v runtime_password="$HUB_DATABASE_PASSWORD" <<'SQL'
CREATE ROLE hub_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE hub_runtime LOGIN PASSWORD :'runtime_password';
CREATE DATABASE hub OWNER hub_owner;
REVOKE ALL ON DATABASE hub FROM PUBLIC;
GRANT CONNECT ON DATABASE hub TO hub_owner, hub_runtime;
SQL
