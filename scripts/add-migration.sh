#!/usr/bin/env bash
# Adds an EF Core migration for both database providers at once, so SQLite and PostgreSQL
# schemas never diverge.
#   scripts/add-migration.sh <Name>          the main database (AppDbContext)
#   scripts/add-migration.sh --keys <Name>   the key store (KeyStoreDbContext: the wrapped data keys)
set -euo pipefail

target=app
if [[ ${1:-} == --keys ]]; then
    target=keys
    shift
fi
if [[ $# -ne 1 || -z $1 ]]; then
    echo "usage: scripts/add-migration.sh [--keys] <Name>   (e.g. AddCoupleInvites)" >&2
    exit 2
fi
name=$1

# dotnet-ef is a local tool (.config/dotnet-tools.json) and needs the repository root.
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet tool restore

# No --namespace: with it, EF writes the model snapshot into a folder named after the namespace
# instead of beside the migrations. The namespace follows from --output-dir anyway.

if [[ $target == keys ]]; then
    dotnet ef migrations add "$name" --project src/Rekindle.Web \
        --context SqliteKeyStoreDbContext \
        --output-dir Data/Migrations/KeyStore/Sqlite
    dotnet ef migrations add "$name" --project src/Rekindle.Web \
        --context PostgresKeyStoreDbContext \
        --output-dir Data/Migrations/KeyStore/Postgres
    exit 0
fi

dotnet ef migrations add "$name" --project src/Rekindle.Web \
    --context SqliteAppDbContext \
    --output-dir Data/Migrations/Sqlite

dotnet ef migrations add "$name" --project src/Rekindle.Web \
    --context PostgresAppDbContext \
    --output-dir Data/Migrations/Postgres
