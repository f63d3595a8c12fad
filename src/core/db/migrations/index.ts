import type { Migration } from '../migrate';
import { m0001 } from './0001_initial';
import { m0002 } from './0002_audit_log';
import { m0003 } from './0003_cases';
import { m0004 } from './0004_stats';
import { m0005 } from './0005_derived';

export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005];
export const LATEST_SCHEMA_VERSION = migrations.length;
