import type { AuditFinding, SuppressionReason } from '../../../shared/stats/dto';
import type { CellStatus, Measure } from '../../../shared/stats/model';

/**
 * The disclosure-control engine's input and output. The engine knows nothing about cases or
 * SQL: cells (with their true values), the linear relations an attacker knows, and the rule.
 */

export interface SdcCell {
  /** cellKey(table, dims) of src/shared/stats/model.ts. */
  key: string;
  measure: Measure;
  /** The true value: persons for PERS, services for SERV. */
  value: number;
  /** Distinct persons behind the cell (equal to value for PERS cells). */
  persons: number;
}

/** Σ coef·x  op  0 over cell values, known to anyone who reads the tables' definitions. */
export interface SdcRelation {
  terms: readonly { key: string; coef: number }[];
  op: '=' | '>=';
}

/** A return published earlier: its period and what it showed (null = suppressed). */
export interface PriorRelease {
  sequence: number;
  from: string;
  to: string;
  cells: readonly { key: string; value: number | null }[];
}

export interface SdcProblem {
  cells: readonly SdcCell[];
  relations: readonly SdcRelation[];
  k: number;
  /** The period of this return (ISO dates, inclusive), to relate it to prior releases. */
  from: string;
  to: string;
  prior?: readonly PriorRelease[];
}

export interface SdcCellResult {
  key: string;
  status: CellStatus;
  reason: SuppressionReason | null;
}

export interface SdcFinding extends Omit<AuditFinding, 'table' | 'dims'> {
  key: string;
}

export interface SdcResult {
  cells: SdcCellResult[];
  audit: { ok: boolean; findings: SdcFinding[]; programmes: number };
  /** Written into sdc/report.json: method names and parameters, never values. */
  method: { primary: string; secondary: string; audit: string; solver: string };
}
