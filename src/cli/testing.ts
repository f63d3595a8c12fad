import type { CliIo } from './io';

export type CapturedIo = CliIo & { out: string; err: string };

/**
 * For tests: a CLI io that keeps what a command printed. `onPrint` sees every line as well, for
 * tests that check nothing secret ever reaches the terminal across several commands.
 */
export function captureIo(o: { lang?: string; stdin?: string; onPrint?: (s: string) => void } = {}): CapturedIo {
  const io: CapturedIo = {
    out: '',
    err: '',
    stdout: (s: string) => {
      io.out += s;
      o.onPrint?.(s);
    },
    stderr: (s: string) => {
      io.err += s;
      o.onPrint?.(s);
    },
    readStdin: () => Buffer.from(o.stdin ?? '', 'utf8'),
    env: { LANG: o.lang ?? 'en_GB.UTF-8' },
  };
  return io;
}
