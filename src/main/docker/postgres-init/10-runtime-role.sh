#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised: the app's own login, which owns nothing.
# POSTGRES_USER (hosting_review) owns the schema and runs the migrations; the app gets its grants from db/migration/afterMigrate.sql.
set -eu
psql -v ON_ERROR_STOP=1 -v app_password="$DB_APP_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'EOSQL'
CREATE ROLE hosting_review_app LOGIN PASSWORD :'app_password';
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
EOSQL
