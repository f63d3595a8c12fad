import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './appUrl';
import { createAppProtocolHandler, privilegedSchemes, registerAppProtocol, resolveAppRequest } from './protocol';

let base: string;
let root: string;
let secret: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'sauga-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Sauga</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'font.woff2'), 'x');
  writeFileSync(join(root, 'assets', 'blob.xyz'), 'x');
  secret = join(base, 'secret.txt');
  writeFileSync(secret, 'outside the app folder');
  symlinkSync(secret, join(root, 'escape.txt'));
  symlinkSync(join(base), join(root, 'up'));
  symlinkSync(join(root, 'index.html'), join(root, 'inside.html'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('privilegedSchemes', () => {
  it('registers app:// as standard and secure only, never CSP-bypassing or CORS-readable', () => {
    expect(privilegedSchemes()).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  });
});

describe('resolveAppRequest', () => {
  it('serves index.html for the bare origin and files below the root with their types', async () => {
    await expect(resolveAppRequest('app://sauga/', root)).resolves.toMatchObject({
      status: 200,
      contentType: 'text/html; charset=utf-8',
    });
    await expect(resolveAppRequest('app://sauga', root)).resolves.toMatchObject({ status: 200 });
    await expect(resolveAppRequest('app://sauga/index.html?x=1#top', root)).resolves.toMatchObject({ status: 200 });
    await expect(resolveAppRequest('app://sauga/assets/app.js', root)).resolves.toMatchObject({
      status: 200,
      contentType: 'text/javascript; charset=utf-8',
    });
    await expect(resolveAppRequest('app://sauga/assets/app.css', root)).resolves.toMatchObject({
      contentType: 'text/css; charset=utf-8',
    });
    await expect(resolveAppRequest('app://sauga/assets/font.woff2', root)).resolves.toMatchObject({
      contentType: 'font/woff2',
    });
    await expect(resolveAppRequest('app://sauga/assets/blob.xyz', root)).resolves.toMatchObject({
      contentType: 'application/octet-stream',
    });
  });

  it('follows a symlink that stays inside the root', async () => {
    await expect(resolveAppRequest('app://sauga/inside.html', root)).resolves.toMatchObject({ status: 200 });
  });

  it.each([
    'app://sauga/../secret.txt',
    'app://sauga/assets/../../secret.txt',
    'app://sauga/assets/../index.html',
    'app://sauga/./index.html',
    'app://sauga/%2e%2e/secret.txt',
    'app://sauga/%2E%2E/secret.txt',
    'app://sauga/.%2e/secret.txt',
    'app://sauga/%2e%2e%2fsecret.txt',
    'app://sauga/..%2Fsecret.txt',
    'app://sauga/..%5csecret.txt',
    'app://sauga/assets\\..\\..\\secret.txt',
    'app://sauga/%252e%252e/secret.txt',
    'app://sauga/index.html%00.js',
    'app://sauga/%00',
    'app://sauga//etc/passwd',
    'app://sauga/C:/Windows/win.ini',
    'app://sauga/assets//app.js',
    'app://sauga/%zz',
  ])('refuses traversal and odd paths: %s', async (url) => {
    await expect(resolveAppRequest(url, root)).resolves.toMatchObject({ status: 403 });
  });

  it('refuses an absolute path smuggled in the URL', async () => {
    await expect(resolveAppRequest(`app://sauga/${secret}`, root)).resolves.toMatchObject({ status: 403 });
    await expect(resolveAppRequest(`app://sauga/${encodeURIComponent(secret)}`, root)).resolves.toMatchObject({
      status: 403,
    });
  });

  it('refuses symlinks that lead outside the root', async () => {
    await expect(resolveAppRequest('app://sauga/escape.txt', root)).resolves.toMatchObject({ status: 403 });
    await expect(resolveAppRequest('app://sauga/up/secret.txt', root)).resolves.toMatchObject({ status: 403 });
  });

  it.each([
    'app://evil/index.html',
    'app://sauga.evil/index.html',
    'app://sauga:8080/index.html',
    'app://user@sauga/index.html',
    'app://sauga@evil/index.html',
    'https://sauga/index.html',
    'file:///etc/passwd',
  ])('refuses other origins: %s', async (url) => {
    await expect(resolveAppRequest(url, root)).resolves.toMatchObject({ status: 403 });
  });

  it('answers 404 for missing files and directories', async () => {
    await expect(resolveAppRequest('app://sauga/nope.js', root)).resolves.toMatchObject({ status: 404 });
    await expect(resolveAppRequest('app://sauga/assets', root)).resolves.toMatchObject({ status: 404 });
    await expect(resolveAppRequest('app://sauga/assets/', root)).resolves.toMatchObject({ status: 403 });
  });
});

describe('createAppProtocolHandler', () => {
  it('serves the file with the CSP, nosniff and its content type', async () => {
    const res = await createAppProtocolHandler(root)({ url: 'app://sauga/index.html', method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>Sauga</title>');
  });

  it('uses the exact policy from security.md', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('never reads a file for a refused request, and still sends the security headers', async () => {
    const read = vi.fn(async () => new Uint8Array());
    const handler = createAppProtocolHandler(root, read);
    for (const url of ['app://sauga/../secret.txt', 'app://sauga/%2e%2e/secret.txt', 'app://sauga/escape.txt']) {
      const res = await handler({ url, method: 'GET' });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await handler({ url: 'app://sauga/missing.js', method: 'GET' })).status).toBe(404);
    expect(read).not.toHaveBeenCalled();
  });

  it('allows only GET and HEAD', async () => {
    const handler = createAppProtocolHandler(root);
    expect((await handler({ url: 'app://sauga/index.html', method: 'POST' })).status).toBe(405);
    const head = await handler({ url: 'app://sauga/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('registerAppProtocol', () => {
  it('handles the app scheme with protocol.handle', () => {
    const protocol = { handle: vi.fn() };
    registerAppProtocol(protocol, root);
    expect(protocol.handle).toHaveBeenCalledTimes(1);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
