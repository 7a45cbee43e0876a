#!/usr/bin/env bash
# Adds an EF Core migration for both database providers at once, so SQLite and PostgreSQL
# schemas never diverge. Usage: scripts/add-migration.sh <Name>
set -euo pipefail

if [[ $# -ne 1 || -z $1 ]]; then
    echo "usage: scripts/add-migration.sh <Name>   (e.g. AddCoupleInvites)" >&2
    exit 2
fi
name=$1

# dotnet-ef is a local tool (.config/dotnet-tools.json) and needs the repository root.
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet tool restore

# No --namespace: with it, EF writes the model snapshot into a folder named after the namespace
# instead of beside the migrations. The namespace follows from --output-dir anyway.

dotnet ef migrations add "$name" --project src/Rekindle.Web \
    --context SqliteAppDbContext \
    --output-dir Data/Migrations/Sqlite

dotnet ef migrations add "$name" --project src/Rekindle.Web \
    --context PostgresAppDbContext \
    --output-dir Data/Migrations/Postgres
