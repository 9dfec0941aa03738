import type { Deflate, Inflate } from '../domain/interchange/share-link';

// The platform's own deflate (CompressionStream), a global in browsers and in Node 20, so share links
// need no dependency. The domain codec takes these as arguments to stay free of platform APIs.

/** deflate-raw (RFC 1951) of `bytes` through the platform's CompressionStream. */
export const deflateRaw: Deflate = async (bytes) => {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

/**
 * inflate-raw of `bytes` through the platform's DecompressionStream, read chunk by chunk and abandoned as
 * soon as the output passes `maxBytes` (a zip bomb is never held whole); 'damaged' when the stream is corrupt.
 */
export const inflateRaw: Inflate = async (bytes, maxBytes) => {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // A corrupt stream rejects these too; the reader below reports it, so they must not go unhandled.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too-large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes: out };
};
