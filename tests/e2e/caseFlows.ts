import { deflateSync } from 'node:zlib';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Messages } from '../../src/shared/i18n';
import { passphraseField } from './flows';
import { heading } from './screens';

export const CASEWORKER = {
  userName: 'Aistė Vaitkutė',
  roles: ['caseworker' as const],
  passphrase: 'šviesus rytas prie ežero 2024 m.',
};
export const OTHER_CASEWORKER = {
  userName: 'Bronius Žukas',
  roles: ['caseworker' as const],
  passphrase: 'senas laikrodis tiksi virtuvėje 77',
};
export const SUPERVISOR = {
  userName: 'Vida Mockienė',
  roles: ['supervisor' as const],
  passphrase: 'raudonas stogas matosi iš toli 318',
};
export const CASE_USERS = [CASEWORKER, OTHER_CASEWORKER, SUPERVISOR];

/** Picks the user on the unlock screen and unlocks with the passphrase. */
export async function unlockAs(page: Page, m: Messages, user: { userName: string; passphrase: string }): Promise<void> {
  await expect(heading(page)).toHaveText(m.unlock.title);
  await page.getByRole('button', { name: new RegExp(m.unlock.user, 'u') }).click();
  await page.getByRole('option', { name: user.userName, exact: true }).click();
  await passphraseField(page, m).fill(user.passphrase);
  await page.getByRole('button', { name: m.unlock.submit }).click();
  await expect(heading(page)).not.toHaveText(m.unlock.title);
}

/** The field (label, control, description, error) whose label is exactly `label`. */
export const field = (scope: Locator | Page, label: string): Locator => {
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  return scope
    .locator('.field')
    .filter({ has: page.locator(':scope > .field-label').getByText(label, { exact: true }) });
};

/** Chooses one option of a select by its label. */
export async function choose(scope: Locator | Page, page: Page, label: string, option: string): Promise<void> {
  await field(scope, label).first().getByRole('button').click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/** Chooses several options of a multiple select, then closes its list. */
export async function chooseMany(scope: Locator | Page, page: Page, label: string, options: string[]): Promise<void> {
  await field(scope, label).first().getByRole('button').click();
  for (const o of options) await page.getByRole('option', { name: o, exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

export const input = (scope: Locator | Page, label: string): Locator =>
  field(scope, label).first().locator('input, textarea');

export async function fill(scope: Locator | Page, label: string, value: string): Promise<void> {
  await input(scope, label).fill(value);
}

/** A form on screen, found by its heading. */
export const form = (page: Page, name: string): Locator => page.getByRole('form', { name, exact: true });

// ---------------------------------------------------------------------------------------------
// Small valid files, made here so the tests carry no binaries.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 48x32 PNG: a teal rectangle on white. */
export function makePng(): Buffer {
  const w = 48;
  const h = 32;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < h; y++) {
    rows.push(0);
    for (let x = 0; x < w; x++) {
      const inside = x > 8 && x < 40 && y > 6 && y < 26;
      rows.push(...(inside ? [28, 90, 120] : [255, 255, 255]));
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with a filled rectangle (vector only: no fonts to fetch). */
export function makePdf(): Buffer {
  const content = '0.11 0.35 0.47 rg 40 60 200 120 re f 0 0 0 RG 4 w 30 50 220 140 re S';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 240] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
