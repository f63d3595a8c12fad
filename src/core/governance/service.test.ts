import { describe, expect, it } from 'vitest';
import { suggestedBackupName } from './service';

describe('suggestedBackupName', () => {
  it('names the organisation and the minute, in characters every file system takes', () => {
    const at = new Date('2026-11-10T09:05:00Z');
    expect(suggestedBackupName('Paramos centras „Viltis“', at)).toBe('Paramos-centras-Viltis-2026-11-10-09-05.sauga');
    expect(suggestedBackupName('Žėrūnės namai / Šiauliai', at)).toBe('Zerunes-namai-Siauliai-2026-11-10-09-05.sauga');
    expect(suggestedBackupName('„“ ', at)).toBe('sauga-2026-11-10-09-05.sauga');
    expect(suggestedBackupName('../../etc/passwd', at)).toBe('etc-passwd-2026-11-10-09-05.sauga');
  });
});
