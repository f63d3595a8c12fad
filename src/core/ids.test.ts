import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newRecordId } from './ids';

describe('record ids', () => {
  it('are valid UUIDs of version 7 that sort in creation order', () => {
    const ids = Array.from({ length: 2_000 }, () => newRecordId());
    for (const id of ids.slice(0, 50)) {
      expect(z.uuid().safeParse(id).success).toBe(true);
      expect(id[14]).toBe('7');
    }
    // Many ids fall in the same millisecond; they must still come out in order and distinct.
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
