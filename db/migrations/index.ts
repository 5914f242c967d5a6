import type { Migration } from './types';
import { m001 } from './001_foundation';
import { m002 } from './002_business_record';
import { m003 } from './003_reference_data';
import { m004 } from './004_business_search';
import { m005 } from './005_backup_runs';
import { m006 } from './006_letters';
import { m007 } from './007_duplicate_decisions';
import { m008 } from './008_kbli_titles';
import { m009 } from './009_imports';
import { m010 } from './010_permits';
import { m011 } from './011_activities';
import { m012 } from './012_accounts';
import { m013 } from './013_report_counts';
import { m014 } from './014_workers_unknown';
import { m015 } from './015_participant_permit_fk';
import { m016 } from './016_report_counts_hold';
import { m017 } from './017_reports_rule_coverage';
import { m018 } from './018_bulk_insert_hold';

/**
 * The static list of migrations, in order. File discovery does not survive bundling, so every migration is
 * listed here. The schema version of a database is the `version` of the last one applied (PRAGMA user_version).
 */
export const migrations: readonly Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
  m011,
  m012,
  m013,
  m014,
  m015,
  m016,
  m017,
  m018,
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
