import type { FastifyReply } from 'fastify';

/** A printable form (HTML): as inert as served files — no scripts, nothing loaded from elsewhere, not framable. */
export function sendPrintable(reply: FastifyReply, html: string) {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; sandbox allow-modals",
    )
    .header('cache-control', 'private, no-store')
    .send(html);
}
