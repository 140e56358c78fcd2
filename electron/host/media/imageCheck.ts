import { isLoopbackHost } from '../../../common/loopback.ts';

/** A merchant image larger than this is refused: a thumbnail, not a photo shoot. */
export const MAX_IMAGE_BYTES = 512 * 1024;

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/svg+xml';

export type ImageCheck = { ok: true; type: ImageType } | { ok: false; problem: string };

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** What the bytes are, by their signature: the declared type must agree with it. */
function sniff(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s/>]/i.test(head)) return 'image/svg+xml';
  return null;
}

/**
 * Anything in an SVG that could act or reach out: script, event handlers, embedded documents,
 * javascript: links, references to other origins. The file is shown through <img> (where none of
 * it runs) and served with a sandboxing CSP; refusing it as well keeps a hostile file out of the
 * cache altogether.
 */
const SVG_ACTIVE =
  /<script|<foreignObject|<iframe|<embed|<object|\son[a-z]+\s*=|javascript:|(?:href|src)\s*=\s*["']?\s*(?:https?:|\/\/|data:text)|url\(\s*["']?\s*(?:https?:|\/\/)|@import/i;

/** Checks an image from the network before it is stored or served: type, signature, size, content. */
export function checkImage(declaredType: string | null, bytes: Uint8Array): ImageCheck {
  if (bytes.length === 0) return { ok: false, problem: 'empty image' };
  if (bytes.length > MAX_IMAGE_BYTES) {
    return { ok: false, problem: `image of ${bytes.length} bytes exceeds ${MAX_IMAGE_BYTES}` };
  }
  const declared = (declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  const actual = sniff(bytes);
  if (actual === null)
    return { ok: false, problem: `not an image (declared ${declared || 'none'})` };
  if (declared !== actual) {
    return { ok: false, problem: `declared ${declared || 'none'} but the bytes are ${actual}` };
  }
  if (actual === 'image/svg+xml') {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const active = SVG_ACTIVE.exec(text);
    if (active) return { ok: false, problem: `SVG with active content (${active[0].trim()})` };
  }
  return { ok: true, type: actual };
}

/**
 * Where a merchant's image may be fetched from: the cloud's own path, or an absolute https URL
 * (plain http only on loopback, as for the cloud itself). Null for anything else.
 */
export function imageSource(imageUrl: string, cloudBase: string): URL | null {
  const url = URL.parse(imageUrl, cloudBase);
  if (!url || url.username || url.password) return null;
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  return null;
}

const MEDIA_PATH = /^\/media\/merchants\/([a-z0-9][a-z0-9_-]{0,63})$/;

/** The merchant id of an image request on the app's own origin (`/media/merchants/<id>`), or null. */
export function merchantIdOfMediaPath(pathname: string): string | null {
  return MEDIA_PATH.exec(pathname)?.[1] ?? null;
}

/** Headers an image is served with: its type, and a policy under which an SVG can do nothing. */
export function imageHeaders(type: string): Record<string, string> {
  return {
    'content-type': type,
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
}
