import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

export interface Acks {
  cases: { id: string; seq: number }[];
  notes: { caseId: string; noteId: string; seq: number }[];
  backups: string[];
  ready: boolean;
  done: boolean;
  errors: string[];
}

/** Only whole lines count: a line cut off by the kill was never an acknowledgement. */
export function parseAcks(out: string): Acks {
  const acks: Acks = { cases: [], notes: [], backups: [], ready: false, done: false, errors: [] };
  const lines = out.split('\n');
  lines.pop();
  for (const line of lines) {
    const [word, kind, a, b, c] = line.split(' ');
    if (word === 'ready') acks.ready = true;
    else if (word === 'done') acks.done = true;
    else if (word === 'error') acks.errors.push(line);
    else if (word === 'ack' && kind === 'case' && a && b) acks.cases.push({ id: a, seq: Number(b) });
    else if (word === 'ack' && kind === 'note' && a && b && c)
      acks.notes.push({ caseId: a, noteId: b, seq: Number(c) });
    else if (word === 'ack' && kind === 'backup' && a) acks.backups.push(line.slice('ack backup '.length));
  }
  return acks;
}

/** A TypeScript script of this repository in a child Node process (through tsx). */
export function spawnTs(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface Running {
  child: ChildProcess;
  output: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when stdout holds `line` as a whole line (or the child exits). */
  waitFor: (line: RegExp, timeoutMs?: number) => Promise<boolean>;
}

export function run(script: string, args: string[], env: Record<string, string>): Running {
  const child = spawnTs(script, args, env);
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    waiters.splice(0).forEach((w) => w());
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => {
    child.on('exit', (code, signal) => {
      waiters.splice(0).forEach((w) => w());
      res({ code, signal });
    });
  });
  const waitFor = (line: RegExp, timeoutMs = 60_000): Promise<boolean> =>
    new Promise((res) => {
      const deadline = setTimeout(() => res(false), timeoutMs);
      const check = (): void => {
        if (out.split('\n').some((l) => line.test(l))) {
          clearTimeout(deadline);
          res(true);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          clearTimeout(deadline);
          res(false);
        } else waiters.push(check);
      };
      check();
    });
  return { child, output: () => out, stderr: () => err, exited, waitFor };
}
