export interface StaticFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  text: string;
  why: string;
}
export interface StaticRule {
  id: string;
  why: string;
  pattern: RegExp;
  scope?: string[];
}
export const RULES: StaticRule[];
export function blankComments(text: string, fileName: string): string;
export function scanText(text: string, relPath: string): StaticFinding[];
export function checkPreloadBundle(file: string): StaticFinding[];
export function main(argv?: string[]): number;
