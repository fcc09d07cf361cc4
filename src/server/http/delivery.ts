// How Qiao's bytes travel: the built SPA precompressed and cached for good where its file names carry a
// content hash, API answers compressed above a small size, and HTTP/2 where Qiao holds a certificate.
import type { Http2SecureServer } from 'node:http2';
import path from 'node:path';
import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyStaticOptions } from '@fastify/static';
import Fastify, {
  type FastifyHttp2SecureOptions,
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify';

/** A certificate and its private key (PEM), read from QIAO_TLS_CERT / QIAO_TLS_KEY. */
export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

/**
 * The Fastify instance: plain HTTP/1.1, or with a certificate HTTP/2 over TLS that still answers
 * HTTP/1.1 clients (ALPN) on the same port. Routes see the same request and reply either way.
 */
export function createServer(options: FastifyServerOptions, tls?: TlsFiles): FastifyInstance {
  if (!tls) return Fastify(options);
  const secure: FastifyHttp2SecureOptions<Http2SecureServer> = {
    ...(options as FastifyServerOptions<Http2SecureServer>),
    http2: true,
    https: { allowHTTP1: true, cert: tls.cert, key: tls.key },
  };
  const http2 = Fastify(secure);
  // Fastify types an HTTP/2 instance by its server class; nothing in Qiao touches the raw server.
  return http2 as unknown as FastifyInstance;
}

/**
 * Text-like answers worth compressing. Event streams stay out (they must reach the browser event by
 * event), and so do images, archives, Office files and PDFs, which are compressed already.
 */
const COMPRESSIBLE =
  /^(application\/(json|problem\+json|javascript|xml)|text\/(?!event-stream)|image\/svg\+xml)/i;

/** Below this an answer is sent as it is: compressing would save less than it costs. */
export const COMPRESS_THRESHOLD = 1024;

/**
 * Compresses answers (brotli or gzip, as the client accepts) above the threshold. Must be registered
 * before the routes: it hooks each route as it is added. Static files bring their own compressed copies.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    globalCompression: true,
    // Request bodies stay as they are sent: no compressed uploads to inflate past the body limit.
    globalDecompression: false,
    threshold: COMPRESS_THRESHOLD,
    encodings: ['br', 'gzip'],
    customTypes: (contentType) => COMPRESSIBLE.test(contentType),
    // Per-request brotli at its fastest useful level: most of the gain, a fraction of the time of level 11.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}

/** Built assets whose names carry a content hash (Vite's `assets/`): a new build means a new name. */
const HASHED = `${path.sep}assets${path.sep}`;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built SPA: the `.br` / `.gz` copies written at build time are sent when the browser accepts them
 * (`Vary: Accept-Encoding`); hashed assets are cached for a year, everything else (index.html above
 * all, which names the current assets) is revalidated on every use.
 */
export function clientStaticOptions(clientDir: string): FastifyStaticOptions {
  return {
    root: clientDir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', filePath.includes(HASHED) ? IMMUTABLE : 'no-cache');
    },
  };
}
