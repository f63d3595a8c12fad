import { realpath, readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './appUrl';

/**
 * standard: relative URLs and a real origin; secure: a secure context (crypto.subtle).
 * Deliberately no supportFetchAPI, corsEnabled, bypassCSP, serviceWorkers or stream: the
 * renderer fetches nothing, and corsEnabled would make our files readable cross-origin.
 */
export function privilegedSchemes(): CustomScheme[] {
  return [{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }];
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Unknown types are served as opaque bytes; with nosniff the browser will not run them. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Sent with every answer, errors included, so no response is ever without the policy. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

export type AppRequestResolution =
  { status: 200; filePath: string; contentType: string } | { status: 403 | 404; reason: string };

const PREFIX = `${APP_SCHEME}://${APP_HOST}`;

function within(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Maps app://sauga/<path> to a file under rootDir. Works on the raw URL text, before any URL
 * parser folds `..` or `%2e%2e` away, so a traversal attempt is refused rather than
 * silently redirected; then checks the real path, so a symlink cannot lead outside root.
 */
export async function resolveAppRequest(url: string, rootDir: string): Promise<AppRequestResolution> {
  if (url.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return { status: 403, reason: 'foreign origin' };
  const afterHost = url.slice(PREFIX.length);
  if (afterHost !== '' && !/^[/?#]/.test(afterHost)) return { status: 403, reason: 'foreign origin' };
  const rawPath = afterHost.split(/[?#]/, 1)[0] || '/';

  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 403, reason: 'malformed escape' };
  }
  // Backslashes are separators on Windows; NUL truncates paths in native code; a colon would
  // allow drive letters and NTFS streams; an escape left after decoding (%252e) is refused
  // rather than guessed at.
  if (/[\\\0:]/.test(decoded) || /%(?:2e|2f|5c|00)/i.test(decoded))
    return { status: 403, reason: 'forbidden character' };

  const segments = decoded.split('/').slice(1);
  if (segments.length === 1 && segments[0] === '') segments[0] = 'index.html';
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return { status: 403, reason: 'path traversal' };

  const candidate = join(rootDir, ...segments);
  if (!within(rootDir, candidate)) return { status: 403, reason: 'path traversal' };

  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await realpath(rootDir);
    realFile = await realpath(candidate);
  } catch {
    return { status: 404, reason: 'not found' };
  }
  if (!within(realRoot, realFile)) return { status: 403, reason: 'link leaves the app folder' };
  try {
    if (!(await stat(realFile)).isFile()) return { status: 404, reason: 'not a file' };
  } catch {
    return { status: 404, reason: 'not found' };
  }
  return { status: 200, filePath: realFile, contentType: contentTypeFor(realFile) };
}

export interface AppRequest {
  url: string;
  method: string;
}

/** The `protocol.handle` handler: read-only, GET/HEAD only, same headers on every answer. */
export function createAppProtocolHandler(rootDir: string, read: (path: string) => Promise<Uint8Array> = readFile) {
  return async function handleAppRequest(request: AppRequest): Promise<Response> {
    const headers = securityHeaders();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...headers, Allow: 'GET, HEAD' } });
    }
    const resolved = await resolveAppRequest(request.url, rootDir);
    if (resolved.status !== 200) {
      return new Response(null, { status: resolved.status, headers });
    }
    let body: Uint8Array;
    try {
      body = await read(resolved.filePath);
    } catch {
      return new Response(null, { status: 404, headers });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...headers, 'Content-Type': resolved.contentType, 'Content-Length': String(body.byteLength) },
    });
  };
}

/** Call after app 'ready'; registerSchemesAsPrivileged must have run before it. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir));
}
