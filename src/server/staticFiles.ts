import type { IncomingMessage, ServerResponse } from 'node:http';
import { realpath, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { contentTypeFor, isCompressible } from './contentTypes.ts';
import { cacheControlFor } from './securityHeaders.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

interface CachedFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly body: Buffer;
  readonly etag: string;
  readonly lastModified: string;
  readonly contentType: string;
  gzip?: Buffer;
  br?: Buffer;
}

type Resolved = { kind: 'file'; path: string } | { kind: 'redirect'; location: string } | { kind: 'missing' } | { kind: 'bad' };

/** Files above this size are served as they are, not cached or compressed in memory. */
const maxCachedBytes = 5 * 1024 * 1024;

function send(res: ServerResponse, status: number, text: string, headOnly: boolean): void {
  const body = Buffer.from(`${text}\n`);
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.end(headOnly ? undefined : body);
}

function preferredEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q\s*=\s*0(\.0*)?\s*$/.test(q))
      .map(([name]) => name?.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/**
 * A GET/HEAD handler for a built Astro site (`build.format: 'directory'`,
 * `trailingSlash: 'always'`): `/sq/regions/` serves `sq/regions/index.html`,
 * `/sq/regions` redirects to `/sq/regions/`, a miss serves the nearest
 * `404.html` with status 404. Text files are compressed once and kept in memory.
 */
export function createStaticHandler(distDir: string): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const cache = new Map<string, CachedFile>();
  const realDist = realpath(distDir);

  async function inside(path: string): Promise<boolean> {
    const root = await realDist;
    const real = await realpath(path).catch(() => undefined);
    return real !== undefined && (real === root || real.startsWith(root + sep));
  }

  async function resolve(rawPath: string): Promise<Resolved> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(rawPath);
    } catch {
      return { kind: 'bad' };
    }
    if (!decoded.startsWith('/') || /[\0\\]/.test(decoded)) return { kind: 'bad' };
    const segments = decoded.split('/').filter((segment) => segment !== '');
    if (segments.some((segment) => segment === '..' || segment === '.')) return { kind: 'bad' };
    // Dotfiles (`.prerender/`) are build leftovers, never pages; `_headers` and
    // `_redirects` are host configuration, which static hosts do not serve either.
    if (segments.some((segment) => segment.startsWith('.') && segment !== '.well-known')) return { kind: 'missing' };
    if (segments.length === 1 && (segments[0] === '_headers' || segments[0] === '_redirects')) return { kind: 'missing' };
    const target = join(distDir, ...segments);
    const info = await stat(target).catch(() => undefined);
    if (info?.isDirectory()) {
      const index = join(target, 'index.html');
      if (!(await isFile(index)) || !(await inside(index))) return { kind: 'missing' };
      if (decoded.endsWith('/')) return { kind: 'file', path: index };
      return { kind: 'redirect', location: `${rawPath.replace(/\/{2,}/g, '/')}/` };
    }
    if (info?.isFile() && !decoded.endsWith('/') && (await inside(target))) return { kind: 'file', path: target };
    return { kind: 'missing' };
  }

  async function notFoundPage(rawPath: string): Promise<string | undefined> {
    const segments = rawPath.split('/').filter((segment) => /^[\w-]+$/.test(segment));
    for (let depth = Math.max(segments.length - 1, 0); depth >= 0; depth--) {
      for (const candidate of [join(distDir, ...segments.slice(0, depth), '404.html'), join(distDir, ...segments.slice(0, depth), '404', 'index.html')]) {
        if (await isFile(candidate)) return candidate;
      }
    }
    return undefined;
  }

  async function load(path: string): Promise<CachedFile> {
    const info = await stat(path);
    const cached = cache.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const file: CachedFile = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      body: await readFile(path),
      etag: `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`,
      lastModified: info.mtime.toUTCString(),
      contentType: contentTypeFor(path),
    };
    if (file.size <= maxCachedBytes) cache.set(path, file);
    return file;
  }

  async function encoded(file: CachedFile, encoding: 'br' | 'gzip' | undefined): Promise<Buffer> {
    if (encoding === 'br') {
      file.br ??= await brotli(file.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } });
      return file.br;
    }
    if (encoding === 'gzip') {
      file.gzip ??= await gzipAsync(file.body, { level: 9 });
      return file.gzip;
    }
    return file.body;
  }

  async function serve(req: IncomingMessage, res: ServerResponse, path: string, status: number, pathname: string): Promise<void> {
    const file = await load(path);
    const compressible = isCompressible(file.contentType) && file.size > 0 && file.size <= maxCachedBytes;
    const encoding = compressible ? preferredEncoding(req.headers['accept-encoding']) : undefined;
    const headers: Record<string, string | number> = {
      'Content-Type': file.contentType,
      'Cache-Control': status === 200 ? cacheControlFor(pathname) : 'no-cache',
      ETag: file.etag,
      'Last-Modified': file.lastModified,
    };
    if (compressible) headers['Vary'] = 'Accept-Encoding';
    if (status === 200 && req.headers['if-none-match']?.split(',').some((tag) => tag.trim() === file.etag || tag.trim() === '*')) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const body = await encoded(file, encoding);
    if (encoding) headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return async function handleStatic(req, res) {
    const headOnly = req.method === 'HEAD';
    if (req.method !== 'GET' && !headOnly) {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, 'Method Not Allowed', false);
      return;
    }
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    const query = (req.url ?? '').slice(rawPath.length);
    const resolved = await resolve(rawPath);
    if (resolved.kind === 'file') return serve(req, res, resolved.path, 200, rawPath);
    if (resolved.kind === 'redirect') {
      res.writeHead(301, { Location: resolved.location + (query.startsWith('?') ? query : ''), 'Cache-Control': 'no-cache', 'Content-Length': 0 });
      res.end();
      return;
    }
    if (resolved.kind === 'bad') return send(res, 400, 'Bad Request', headOnly);
    const page = await notFoundPage(rawPath);
    if (page) return serve(req, res, page, 404, rawPath);
    send(res, 404, 'Not Found', headOnly);
  };
}
