import { describe, expect, it, vi } from 'vitest';
import { errorKind, logFailure } from './log';

describe('logFailure', () => {
  it('logs the error class and code, never its message or stack', () => {
    const write = vi.fn();
    const e = Object.assign(new Error('case of Jane Doe, born 1990'), { code: 'SQLITE_CORRUPT' });
    logFailure('internal error on vault.unlock', e, write);
    expect(write).toHaveBeenCalledExactlyOnceWith('sauga: internal error on vault.unlock: Error SQLITE_CORRUPT\n');
    expect(write.mock.calls[0]?.[0]).not.toContain('Jane');
  });

  it('names non-errors by type only', () => {
    expect(errorKind('Jane Doe')).toBe('string');
    expect(errorKind(new TypeError('x'))).toBe('TypeError');
    expect(errorKind(undefined)).toBe('undefined');
  });
});
