import type { Migration } from '../migrate';
import { m0001 } from './0001_initial';
import { m0002 } from './0002_audit_log';
import { m0003 } from './0003_cases';
import { m0004 } from './0004_stats';
import { m0005 } from './0005_derived';
import { m0006 } from './0006_directory';
import { m0007 } from './0007_recipient_keys';
import { m0008 } from './0008_disclosures';
import { m0009 } from './0009_inbox';
import { m0010 } from './0010_duties';
import { m0011 } from './0011_case_changes';
import { m0012 } from './0012_retention';
import { m0013 } from './0013_import';
import { m0014 } from './0014_services_index';

export const migrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
];
export const LATEST_SCHEMA_VERSION = migrations.length;
