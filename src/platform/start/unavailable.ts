// The 503 problem+json of the gates in front of the app (demo still loading, server stopping): they answer before the
// app and its problem() helper, which needs a request context. They still carry API-Version, as every answer does.
import { API_VERSION } from '../http/version.js';

export function unavailable(
  detail: string,
  opts: { title?: string; retryAfter: number; instance?: string; close?: boolean },
): Response {
  const body = {
    type: 'about:blank',
    title: opts.title ?? 'Even niet beschikbaar',
    status: 503,
    detail,
    ...(opts.instance ? { instance: opts.instance } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: 503,
    headers: {
      'Content-Type': 'application/problem+json',
      'API-Version': API_VERSION,
      'Retry-After': String(opts.retryAfter),
      ...(opts.close ? { Connection: 'close' } : {}),
    },
  });
}
