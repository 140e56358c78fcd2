import { imageHeaders, merchantIdOfMediaPath } from './imageCheck.ts';
import type { MerchantImages } from './merchantImages.ts';

export interface MediaResponse {
  status: 200 | 404;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

export const MEDIA_PREFIX = '/media/';

/**
 * Answers a request for `/media/...` on the app's own origin: the browser-mode server and the
 * Electron app:// handler both call this, so both serve images the same way. 404 (the renderer
 * then draws the category pictogram) for an unknown path or an image not available.
 */
export async function serveMedia(images: MerchantImages, pathname: string): Promise<MediaResponse> {
  const notFound: MediaResponse = {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
    body: null,
  };
  const merchantId = merchantIdOfMediaPath(pathname);
  if (merchantId === null) return notFound;
  const image = await images.get(merchantId);
  if (!image) return notFound;
  return { status: 200, headers: imageHeaders(image.type), body: image.body };
}
