import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ErrorCode } from '../../shared/errors';
import { contract, type Channel } from '../../shared/ipc/contract';
import { openIpcHarness, type IpcHarness } from './testkit';

/**
 * After a lock, every channel that needs an unlocked vault refuses with LOCKED: each one in
 * the contract is called with an input that passes its own schema (so the refusal cannot be
 * the input check), and which channels must refuse is read from the contract's access field.
 */

interface Def {
  type: string;
  [k: string]: unknown;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def): Def[] => ((d.checks as { _zod: { def: Def } }[] | undefined) ?? []).map((c) => c._zod.def);

const FORMAT_SAMPLES: Record<string, string> = {
  uuid: '6f1c1b7e-0000-4000-8000-000000000001',
  guid: '6f1c1b7e-0000-4000-8000-000000000001',
  email: 'a@example.org',
  datetime: '2026-01-01T00:00:00Z',
  date: '2026-01-01',
  time: '00:00:00',
  base64: 'AAAA',
  base64url: 'AAAA',
  hex: '00',
  url: 'app://sauga/x',
};

/** A value of the schema's shape, as small as the checks allow; undefined if unknown. */
function sample(schema: z.ZodType, depth = 0): unknown {
  if (depth > 12) return undefined;
  const d = defOf(schema);
  const checks = checksOf(d);
  switch (d.type) {
    case 'string': {
      const format = (d.format as string | undefined) ?? checks.find((c) => c.check === 'string_format')?.format;
      if (typeof format === 'string' && FORMAT_SAMPLES[format]) return FORMAT_SAMPLES[format];
      const exact = checks.find((c) => c.check === 'length_equals')?.length as number | undefined;
      const n =
        exact ?? Math.max(1, (checks.find((c) => c.check === 'min_length')?.minimum as number | undefined) ?? 1);
      // Refinements (a date, an upper-case code) are inside the schema: try the usual shapes.
      const candidates = ['a'.repeat(n), '2026-01-01', 'A'.repeat(n), '1'.repeat(n)];
      return candidates.find((c) => schema.safeParse(c).success) ?? candidates[0];
    }
    case 'number': {
      const low = checks.find((c) => c.check === 'greater_than');
      if (!low) return 1;
      const v = low.value as number;
      return low.inclusive ? v : v + 1;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'undefined':
    case 'optional':
      return undefined;
    case 'literal':
      return (d.values as unknown[])[0];
    case 'enum':
      return Object.values(d.entries as Record<string, unknown>)[0];
    case 'nullable':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
    case 'default':
    case 'prefault':
      return sample(d.innerType as z.ZodType, depth + 1);
    case 'pipe':
      return sample(d.in as z.ZodType, depth + 1);
    case 'lazy':
      return sample((d.getter as () => z.ZodType)(), depth + 1);
    case 'array': {
      const exact = checks.find((c) => c.check === 'length_equals')?.length as number | undefined;
      const min = (checks.find((c) => c.check === 'min_length')?.minimum as number | undefined) ?? 0;
      return Array.from({ length: exact ?? min }, () => sample(d.element as z.ZodType, depth + 1));
    }
    case 'tuple':
      return (d.items as z.ZodType[]).map((i) => sample(i, depth + 1));
    case 'record':
      return {};
    case 'union': {
      for (const option of d.options as z.ZodType[]) {
        const v = sample(option, depth + 1);
        if (option.safeParse(v).success) return v;
      }
      return sample((d.options as z.ZodType[])[0] as z.ZodType, depth + 1);
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape as Record<string, z.ZodType>)) {
        if (defOf(v).type === 'optional') continue;
        out[k] = sample(v, depth + 1);
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** Inputs the generator cannot make (patterns, cross-field refinements); each is checked against its schema below. */
const SAMPLES: Partial<Record<Channel, unknown>> = {};

function inputFor(channel: Channel): { input: unknown; ok: boolean } {
  const schema = contract[channel].input as z.ZodType;
  for (const candidate of [SAMPLES[channel], sample(schema)]) {
    if (candidate !== undefined && schema.safeParse(candidate).success) return { input: candidate, ok: true };
  }
  return { input: undefined, ok: false };
}

const channels = Object.keys(contract) as Channel[];
const needsSession = (c: Channel): boolean => contract[c].access.kind !== 'public';

let h: IpcHarness<never>;
/** The core's clock; moved forward to pass the idle limit. */
const clock = new Date('2026-03-02T09:00:00Z');
beforeAll(async () => {
  h = await openIpcHarness({}, { now: clock });
});
afterAll(() => h.close());

describe('after lock, every channel that needs a session refuses', () => {
  it('every channel in the contract gets an input its own schema accepts', () => {
    const missing = channels.filter((c) => !inputFor(c).ok);
    expect(missing, 'add a sample input for these channels to SAMPLES').toEqual([]);
  });

  it('the contract has both kinds, so the test below cannot pass vacuously', () => {
    expect(channels.filter(needsSession).length).toBeGreaterThan(50);
    expect(channels.filter((c) => !needsSession(c))).toEqual(
      expect.arrayContaining(['vault.status', 'vault.unlock', 'vault.lock']),
    );
  });

  it.each(['vault.lock channel', 'idle limit'] as const)('locked by the %s', async (how) => {
    await h.as('admin');
    expect(h.core.status().state).toBe('unlocked');
    // Unlocked, the same calls are not refused as LOCKED: the refusal below is the lock's doing.
    expect((await h.call('audit.verify', {})).ok).toBe(true);
    if (how === 'vault.lock channel') expect((await h.call('vault.lock', {})).ok).toBe(true);
    else {
      expect((await h.call('settings.setIdleLock', { minutes: 1 })).ok).toBe(true);
      h.core.touch();
      clock.setTime(clock.getTime() + 61_000);
    }
    const answers: { channel: Channel; code: string | undefined }[] = [];
    for (const channel of channels.filter(needsSession)) {
      const r = await h.call(channel, inputFor(channel).input);
      answers.push({ channel, code: r.ok ? 'OK' : r.error?.code });
    }
    const notRefused = answers.filter((a) => a.code !== ErrorCode.Locked);
    expect(notRefused).toEqual([]);
    expect(h.core.status().state).toBe('locked');
    // Nothing behind a refusal ran: no dialog was even opened.
    expect(h.dialogs.save).toEqual([]);
    expect(h.dialogs.open).toEqual([]);

    // Public channels answer (or refuse for their own reasons) without LOCKED, and unlock nothing.
    for (const channel of channels.filter((c) => !needsSession(c))) {
      const r = await h.call(channel, inputFor(channel).input);
      expect({ channel, code: r.ok ? 'OK' : r.error?.code }).not.toEqual({ channel, code: ErrorCode.Locked });
      expect(h.core.status().state, channel).toBe('locked');
    }
  });
});
