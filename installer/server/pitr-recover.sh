#!/usr/bin/env bash
# Prepares a new PostgreSQL data directory for point-in-time recovery of the OutcomeDesk server's database
# (docs/deployment.md, "Point-in-time recovery"): copies a base backup made by `pg_basebackup -Fp -Xs` (or unpacks one
# made with `-Ft -z`), points recovery at the WAL archive and, when a target time is given, stops there and promotes. Run it as the database's
# owner (e.g. `sudo -u postgres`), then start PostgreSQL on the directory; it replays the WAL and opens.
# PointInTimeRecoveryTest runs this script on a throwaway cluster.
#
#   pitr-recover.sh BASE_BACKUP_DIR WAL_ARCHIVE_DIR NEW_DATA_DIR [TARGET_TIME]
#   e.g. pitr-recover.sh /var/backups/pgbase/2026-12-01 /var/lib/pgarchive /var/lib/postgresql/data '2026-12-01 14:30:00+01'
set -euo pipefail
if [ $# -lt 3 ] || [ $# -gt 4 ]; then
  echo "usage: $0 BASE_BACKUP_DIR WAL_ARCHIVE_DIR NEW_DATA_DIR [TARGET_TIME]" >&2
  exit 2
fi
base=$1 archive=$2 data=$3 target=${4:-}
if [ ! -f "$base/PG_VERSION" ] && [ ! -f "$base/base.tar.gz" ]; then
  echo "$base holds no base backup: give the directory 'pg_basebackup -D' wrote (plain, or tar with -Ft -z)." >&2
  exit 2
fi
[ -d "$archive" ] || { echo "$archive is not a directory: give the WAL archive that archive_command copies into." >&2; exit 2; }
case "$archive$target" in
  *[\'\"%]*) echo "The archive path and the target time cannot hold quotes or '%'." >&2; exit 2 ;;
esac
if [ -e "$data" ] && [ -n "$(ls -A "$data")" ]; then
  echo "$data is not empty: move the broken data directory aside first (it is kept until the recovery is checked)." >&2
  exit 2
fi
archive=$(cd "$archive" && pwd)
mkdir -p "$data"
chmod 700 "$data"
if [ -f "$base/PG_VERSION" ]; then
  cp -a "$base/." "$data/"
  rm -f "$data/backup_manifest"   # pg_verifybackup's, not the server's
else
  tar -xzf "$base/base.tar.gz" -C "$data"
  if [ -f "$base/pg_wal.tar.gz" ]; then tar -xzf "$base/pg_wal.tar.gz" -C "$data/pg_wal"; fi
fi
# Settings an earlier recovery left behind travel in every later base backup: a recovery "to the end" would stop at
# that old target. Only this recovery's settings stay.
if [ -f "$data/postgresql.auto.conf" ]; then
  sed -i -E '/^[[:space:]]*(restore_command|recovery_target[a-z_]*)[[:space:]]*=/d' "$data/postgresql.auto.conf"
fi
{
  echo "restore_command = 'cp \"$archive/%f\" \"%p\"'"
  if [ -n "$target" ]; then
    echo "recovery_target_time = '$target'"
    echo "recovery_target_action = 'promote'"
  fi
} >> "$data/postgresql.auto.conf"
touch "$data/recovery.signal"
echo "Prepared $data for recovery${target:+ to $target}: start PostgreSQL on it; it replays the archived WAL and opens."
