export interface AllowEntry {
  check: string;
  file: string;
  why: string;
  count?: number;
}
export interface GateFinding {
  check: string;
  file: string;
  line: number;
  level: string;
  message: string;
}
export function loadAllowlist(file: string): AllowEntry[];
export function findingsFromSarif(sarif: unknown, inputRel: string): GateFinding[];
export function applyAllowlist(
  findings: GateFinding[],
  allow: AllowEntry[],
): { blocked: GateFinding[]; allowed: Array<GateFinding & { why: string }>; stale: AllowEntry[] };
export function main(argv?: string[]): Promise<number>;
