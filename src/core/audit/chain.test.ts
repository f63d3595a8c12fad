import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted, type Db } from '../db/connection';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { tempDir } from '../testing/fixtures';
import { appendAudit, auditHead, deriveAuditKey, extendsHead, verifyAudit } from './chain';

let cleanup: () => void;
let db: Db;
const key = deriveAuditKey(randomBytes(32), '6f1c1b7e-0000-4000-8000-000000000001');

beforeEach(() => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  db = openEncrypted(join(dir, 'a.db'), randomBytes(32), { create: true });
  migrate(db, migrations);
  for (let i = 0; i < 10; i++)
    appendAudit(db, key, { actor: 'Ona', action: 'case.viewed', subject: `case-${i}`, detail: { i } });
});
afterEach(() => {
  db.close();
  cleanup();
});

describe('audit hash chain', () => {
  it('verifies an intact chain and reports its head', () => {
    const v = verifyAudit(db, key);
    expect(v).toEqual({ ok: true, entries: 10, head: auditHead(db) });
  });

  it('detects an edited entry and names it', () => {
    db.prepare(`UPDATE audit_log SET subject = 'case-x' WHERE seq = 4`).run();
    expect(verifyAudit(db, key)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'mac' });
  });

  it('detects a deleted entry', () => {
    db.prepare('DELETE FROM audit_log WHERE seq = 6').run();
    expect(verifyAudit(db, key)).toMatchObject({ ok: false, firstBadSeq: 6, reason: 'gap' });
  });

  it('detects reordered entries', () => {
    db.transaction(() => {
      db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = 3').run();
      db.prepare('UPDATE audit_log SET seq = 3 WHERE seq = 7').run();
      db.prepare('UPDATE audit_log SET seq = 7 WHERE seq = -1').run();
    })();
    expect(verifyAudit(db, key)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('detects a renumbered chain after a deletion', () => {
    db.transaction(() => {
      db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
      db.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > 2').run();
    })();
    expect(verifyAudit(db, key)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'mac' });
  });

  it('entries cut off the end are detected against the recorded head', () => {
    db.prepare('DELETE FROM audit_log WHERE seq > 8').run();
    expect(verifyAudit(db, key)).toMatchObject({ ok: false, firstBadSeq: 9, reason: 'truncated' });
  });

  it('the recorded head follows every append', () => {
    appendAudit(db, key, { actor: 'Ona', action: 'case.viewed', subject: 'case-x' });
    const head = auditHead(db);
    expect(verifyAudit(db, key)).toEqual({ ok: true, entries: 11, head });
  });

  it('a chain forged with another key fails at the first entry', () => {
    const other = deriveAuditKey(randomBytes(32), 'x');
    expect(verifyAudit(db, other)).toMatchObject({ ok: false, firstBadSeq: 1 });
  });
});

describe('extendsHead', () => {
  it('a head from earlier is extended by the chain that grew from it', () => {
    const earlier = auditHead(db);
    appendAudit(db, key, { actor: 'Ona', action: 'case.viewed', subject: 'case-10' });
    expect(extendsHead(db, key, earlier)).toEqual({ extends: true });
    expect(extendsHead(db, key, auditHead(db))).toEqual({ extends: true });
    expect(extendsHead(db, key, { seq: 0, mac: '00'.repeat(32) })).toEqual({ extends: true });
  });

  it('a head beyond the chain is missing; another MAC at that seq is a rewrite; a break before it is named', () => {
    const head = auditHead(db);
    expect(extendsHead(db, key, { seq: head.seq + 3, mac: head.mac })).toEqual({
      extends: false,
      reason: 'missing',
      firstBadSeq: head.seq + 1,
    });
    expect(extendsHead(db, key, { seq: head.seq, mac: 'ab'.repeat(32) })).toEqual({
      extends: false,
      reason: 'mac',
      firstBadSeq: head.seq,
    });
    db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    expect(extendsHead(db, key, head)).toEqual({ extends: false, reason: 'chain', firstBadSeq: 4 });
  });

  it('a chain made with another key does not extend a head of this one', () => {
    const head = auditHead(db);
    const other = deriveAuditKey(randomBytes(32), '6f1c1b7e-0000-4000-8000-000000000001');
    expect(extendsHead(db, other, head)).toMatchObject({ extends: false, reason: 'chain', firstBadSeq: 1 });
  });
});

describe("extendsHead 'entry' (the unlock check)", () => {
  it('checks the anchored entry and its link in constant time', () => {
    const head = auditHead(db);
    appendAudit(db, key, { actor: 'Ona', action: 'case.viewed', subject: 'case-10' });
    expect(extendsHead(db, key, head, 'entry')).toEqual({ extends: true });
    expect(
      extendsHead(
        db,
        key,
        {
          seq: 1,
          mac: (db.prepare('SELECT mac FROM audit_log WHERE seq = 1').get() as { mac: Buffer }).mac.toString('hex'),
        },
        'entry',
      ),
    ).toEqual({ extends: true });
    expect(extendsHead(db, key, { seq: head.seq + 5, mac: head.mac }, 'entry')).toEqual({
      extends: false,
      reason: 'missing',
      firstBadSeq: head.seq + 2,
    });
    expect(extendsHead(db, key, { seq: head.seq, mac: 'cd'.repeat(32) }, 'entry')).toMatchObject({ reason: 'mac' });
    db.prepare(`UPDATE audit_log SET detail = '{}' WHERE seq = ?`).run(head.seq);
    expect(extendsHead(db, key, head, 'entry')).toEqual({ extends: false, reason: 'chain', firstBadSeq: head.seq });
  });
});
