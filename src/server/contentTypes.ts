import { extname } from 'node:path';

// Text types carry an explicit charset: without it old Android browsers
// guess, and Albanian letters (ë, ç) come out garbled.
const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/**
 * The `Content-Type` for a file in `dist/`, from its extension.
 * @example contentTypeFor('/sq/index.html') // 'text/html; charset=utf-8'
 */
export function contentTypeFor(filePath: string): string {
  return types[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Whether a response of this type is worth compressing (text, not already-compressed media). */
export function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/(json|xml|xslt\+xml|manifest\+json)|image\/svg\+xml)/.test(contentType);
}
