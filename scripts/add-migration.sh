#!/usr/bin/env bash
# Adds an EF Core migration for both database providers at once, so SQLite and PostgreSQL
# schemas never diverge, then regenerates the compiled models the app starts with
# (docs/PERFORMANCE.md, finding 14). Everything it writes is generated and lives apart from the
# code people write, one folder per context (decisions/0033):
#   src/Rekindle.Web/Data/Generated/{Sqlite,Postgres}/{Migrations,CompiledModels}             the main database
#   src/Rekindle.Web/Data/Generated/KeyStore/{Sqlite,Postgres}/{Migrations,CompiledModels}    the key store
# Usage:
#   scripts/add-migration.sh --compiled-models   only regenerate the compiled models
#   scripts/add-migration.sh <Name>          the main database (AppDbContext)
#   scripts/add-migration.sh --keys <Name>   the key store (KeyStoreDbContext: the wrapped data keys)
# Since the first release, a shipped migration is never edited or squashed: add a new one.
set -euo pipefail

generated=Data/Generated

# Where a context's generated files go, relative to the web project: Sqlite, Postgres,
# KeyStore/Sqlite or KeyStore/Postgres.
folder_of() {
    case $1 in
        SqliteAppDbContext) echo Sqlite ;;
        PostgresAppDbContext) echo Postgres ;;
        SqliteKeyStoreDbContext) echo KeyStore/Sqlite ;;
        PostgresKeyStoreDbContext) echo KeyStore/Postgres ;;
        *) echo "unknown context $1" >&2; exit 2 ;;
    esac
}

# The compiled models: EF finds them by their assembly attribute and skips building the model at
# start-up. A test (CompiledModelTests) fails while one of them differs from the model in code.
compiled_models() {
    local context folder
    for context in SqliteAppDbContext PostgresAppDbContext SqliteKeyStoreDbContext PostgresKeyStoreDbContext; do
        folder=$(folder_of "$context")
        dotnet ef dbcontext optimize --project src/Rekindle.Web --context "$context" \
            --output-dir "$generated/$folder/CompiledModels" \
            --namespace "Rekindle.Web.Data.Generated.${folder//\//.}.CompiledModels"
    done
}

# No --namespace: with it, EF writes the model snapshot into a folder named after the namespace
# instead of beside the migrations. The namespace follows from --output-dir anyway.
migration() {
    dotnet ef migrations add "$2" --project src/Rekindle.Web --context "$1" \
        --output-dir "$generated/$(folder_of "$1")/Migrations"
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
rm -rf src/Rekindle.Web/$generated/*/CompiledModels src/Rekindle.Web/$generated/KeyStore/*/CompiledModels

if [[ $target == compiled ]]; then
    compiled_models
    exit 0
fi

if [[ $target == keys ]]; then
    migration SqliteKeyStoreDbContext "$name"
    migration PostgresKeyStoreDbContext "$name"
else
    migration SqliteAppDbContext "$name"
    migration PostgresAppDbContext "$name"
fi

compiled_models
