#!/usr/bin/env bash
# Adds an EF Core migration for both database providers at once, so SQLite and PostgreSQL
# schemas never diverge, then regenerates the compiled models the app starts with
# (Data/CompiledModels; docs/PERFORMANCE.md, finding 14).
#   scripts/add-migration.sh --compiled-models   only regenerate the compiled models
#   scripts/add-migration.sh <Name>          the main database (AppDbContext)
#   scripts/add-migration.sh --keys <Name>   the key store (KeyStoreDbContext: the wrapped data keys)
set -euo pipefail

# The compiled models: EF finds them by their assembly attribute and skips building the model at
# start-up. A test (CompiledModelTests) fails while one of them differs from the model in code.
compiled_models() {
    local context
    for context in SqliteAppDbContext PostgresAppDbContext; do
        dotnet ef dbcontext optimize --project src/Rekindle.Web --context "$context" \
            --output-dir "Data/CompiledModels/${context%AppDbContext}" \
            --namespace "Rekindle.Web.Data.CompiledModels.${context%AppDbContext}"
    done
    for context in SqliteKeyStoreDbContext PostgresKeyStoreDbContext; do
        dotnet ef dbcontext optimize --project src/Rekindle.Web --context "$context" \
            --output-dir "Data/CompiledModels/KeyStore/${context%KeyStoreDbContext}" \
            --namespace "Rekindle.Web.Data.CompiledModels.KeyStore.${context%KeyStoreDbContext}"
    done
}

target=app
if [[ ${1:-} == --compiled-models ]]; then
    target=compiled
    shift
elif [[ ${1:-} == --keys ]]; then
    target=keys
    shift
fi
if [[ $target != compiled && ( $# -ne 1 || -z $1 ) ]]; then
    echo "usage: scripts/add-migration.sh [--keys] <Name>   (e.g. AddCoupleInvites), or --compiled-models" >&2
    exit 2
fi
name=${1:-}

# dotnet-ef is a local tool (.config/dotnet-tools.json) and needs the repository root.
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet tool restore

# Out of the way first: a compiled model of the old model may no longer build (a removed property),
# and without them the app simply builds its model at start-up. All four are made again at the end.
rm -rf src/Rekindle.Web/Data/CompiledModels

if [[ $target == compiled ]]; then
    compiled_models
    exit 0
fi

# No --namespace: with it, EF writes the model snapshot into a folder named after the namespace
# instead of beside the migrations. The namespace follows from --output-dir anyway.

if [[ $target == keys ]]; then
    dotnet ef migrations add "$name" --project src/Rekindle.Web \
        --context SqliteKeyStoreDbContext \
        --output-dir Data/Migrations/KeyStore/Sqlite
    dotnet ef migrations add "$name" --project src/Rekindle.Web \
        --context PostgresKeyStoreDbContext \
        --output-dir Data/Migrations/KeyStore/Postgres
    compiled_models
    exit 0
fi

dotnet ef migrations add "$name" --project src/Rekindle.Web \
    --context SqliteAppDbContext \
    --output-dir Data/Migrations/Sqlite

dotnet ef migrations add "$name" --project src/Rekindle.Web \
    --context PostgresAppDbContext \
    --output-dir Data/Migrations/Postgres

compiled_models
