import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import { cleanFileName, detectMime } from './attachments';
import { CaseErrorCode } from './errors';
import { CaseService } from './service';
import { openCaseVault, type CaseVault } from './testkit';

const bytes = (...parts: (number[] | string)[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const SAMPLES = {
  'application/pdf': bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'),
  'image/png': bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'),
  'image/jpeg': bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'),
  'image/tiff': bytes([0x49, 0x49, 0x2a, 0x00], 'tiff'),
  'image/webp': bytes('RIFF', [0x10, 0, 0, 0], 'WEBPVP8 '),
} as const;

let v: CaseVault;
let cw: CaseService;
let caseId: string;

beforeAll(async () => {
  v = await openCaseVault();
  const me = v.addUser('Rūta', ['caseworker']);
  cw = new CaseService(v.as(me), { attachmentMaxBytes: 64 * 1024 });
  caseId = cw.createCase({ openedOn: '2026-01-01' }).id;
});
afterAll(() => v.close());

describe('type check by content', () => {
  it.each(Object.entries(SAMPLES))('recognises %s', (mime, sample) => {
    expect(detectMime(sample)).toBe(mime);
  });

  it.each([
    ['an executable', bytes('MZ', [0x90, 0, 3, 0])],
    ['HTML', bytes('<!doctype html><script>')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['a ZIP / Office file', bytes('PK', [3, 4])],
    ['an empty file', bytes()],
    ['RIFF that is not WebP', bytes('RIFF', [0, 0, 0, 0], 'WAVE')],
  ])('refuses %s', (_name, sample) => {
    expect(detectMime(sample)).toBeUndefined();
    expect(() => cw.addAttachment(caseId, { fileName: 'scan.pdf' }, sample)).toThrowError(
      expect.objectContaining({ code: CaseErrorCode.AttachmentTypeRefused }),
    );
  });

  it('keeps only the last part of a file name, without control characters', () => {
    expect(cleanFileName('C:\\Users\\x\\pasas\u0007.pdf')).toBe('pasas.pdf');
    expect(cleanFileName('/tmp/../scan.png')).toBe('scan.png');
  });
});

describe('attachments in the vault', () => {
  it('stores the bytes inside the database and gives them back unchanged', () => {
    const content = Buffer.concat([SAMPLES['image/png'], Buffer.alloc(30_000, 7)]);
    const a = cw.addAttachment(caseId, { fileName: 'pasas.png', description: 'Paso kopija' }, content);
    expect(a.meta).toMatchObject({ mime: 'image/png', size: content.length, fileName: 'pasas.png' });
    expect(a.meta.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    const back = cw.readAttachment(caseId, a.id);
    expect(back.content.equals(content)).toBe(true);
    expect(cw.getCase(caseId).attachments.map((m) => m.id)).toContain(a.id);
    expect(v.auditActions(caseId).map((e) => e.action)).toContain('case.attachment_viewed');
  });

  it('refuses a file over the limit before storing anything', () => {
    const big = Buffer.concat([SAMPLES['application/pdf'], Buffer.alloc(64 * 1024)]);
    const before = cw.getCase(caseId).attachments.length;
    expect(() => cw.addAttachment(caseId, { fileName: 'big.pdf' }, big)).toThrowError(
      expect.objectContaining({ code: CaseErrorCode.AttachmentTooLarge }),
    );
    const path = join(v.dir, 'big.pdf');
    writeFileSync(path, big);
    expect(() => cw.addAttachmentFromFile(caseId, path)).toThrowError(
      expect.objectContaining({ code: CaseErrorCode.AttachmentTooLarge }),
    );
    expect(cw.getCase(caseId).attachments.length).toBe(before);
  });

  it('the 25 MiB default applies when no limit is set', () => {
    const huge = Buffer.alloc(25 * 1024 * 1024 + 1);
    SAMPLES['application/pdf'].copy(huge);
    const svc = new CaseService(v.as(v.addUser('Default Limit', ['supervisor'])));
    expect(() => svc.addAttachment(caseId, { fileName: 'x.pdf' }, huge)).toThrowError(
      expect.objectContaining({ code: CaseErrorCode.AttachmentTooLarge }),
    );
  });

  it('attaches a file from a path, named after the file', () => {
    const path = join(v.dir, 'Sutikimas.pdf');
    writeFileSync(path, SAMPLES['application/pdf']);
    const a = cw.addAttachmentFromFile(caseId, path);
    expect(a.meta).toMatchObject({ fileName: 'Sutikimas.pdf', mime: 'application/pdf' });
    expect(() => cw.addAttachmentFromFile(caseId, join(v.dir, 'missing.pdf'))).toThrowError(
      expect.objectContaining({ code: ErrorCode.FileUnreadable }),
    );
  });

  it('exports a copy only on an explicit call, and records it', () => {
    const a = cw.addAttachment(caseId, { fileName: 'scan.jpg' }, SAMPLES['image/jpeg']);
    const dest = join(v.dir, 'export.jpg');
    expect(existsSync(dest)).toBe(false);
    const meta = cw.exportAttachment(caseId, a.id, dest);
    expect(readFileSync(dest).equals(SAMPLES['image/jpeg'])).toBe(true);
    expect(meta.sha256).toBe(a.meta.sha256);
    expect(v.auditActions(caseId).at(-1)).toMatchObject({
      action: 'case.attachment_exported',
      detail: { attachmentId: a.id },
    });
  });

  it('a failed export leaves no "exported" entry', () => {
    const a = cw.addAttachment(caseId, { fileName: 'scan.tif' }, SAMPLES['image/tiff']);
    const before = v.auditActions(caseId).length;
    expect(() => cw.exportAttachment(caseId, a.id, join(v.dir, 'no-such-folder', 'x.tif'))).toThrow();
    expect(v.auditActions(caseId).length).toBe(before);
  });

  it('removes an attachment with a version check and keeps its metadata in the history', () => {
    const a = cw.addAttachment(caseId, { fileName: 'old.webp' }, SAMPLES['image/webp']);
    expect(() => cw.removeAttachment(caseId, a.id, a.version - 1)).toThrowError(
      expect.objectContaining({ code: CaseErrorCode.StaleVersion }),
    );
    cw.removeAttachment(caseId, a.id, a.version);
    expect(() => cw.readAttachment(caseId, a.id)).toThrowError(
      expect.objectContaining({ code: CaseErrorCode.NotFound }),
    );
    const h = cw.getHistory(caseId).entries.filter((e) => e.section === 'attachments' && e.itemId === a.id);
    expect(h.find((e) => e.field === 'fileName' && e.new === null)).toMatchObject({ old: 'old.webp' });
  });
});
