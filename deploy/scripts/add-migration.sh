#!/usr/bin/env bash
# Adds one EF Core migration for a module, for every database provider.
# Usage: deploy/scripts/add-migration.sh <MigrationName> <Module>
#   e.g. deploy/scripts/add-migration.sh AddUnitCode Identity   (context IdentityDbContext)
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <MigrationName> <Module>   (e.g. $0 AddUnitCode Identity)" >&2
  exit 2
fi
name="$1"
module="$2"

cd "$(dirname "$0")/../.."   # repository root

dotnet tool restore

for P in Sqlite PostgreSql SqlServer; do
  echo "==> $P: $module/$name"
  dotnet ef migrations add "$name" \
    --project "src/Migrations/BranchNetwork.Migrations.$P" \
    --startup-project src/BranchNetwork.Host \
    --context "${module}DbContext" \
    --output-dir "$module" \
    -- --provider "$P"
done
