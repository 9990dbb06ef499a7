import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'mw_session';
export const CSRF_HEADER = 'x-csrf-token';
/** A console session lasts a working day; logging in again is cheap. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * HttpOnly (scripts cannot read it), SameSite=Strict (no other site's page sends it), Path=/ and
 * Secure whenever the request came over HTTPS. State-changing calls also need the CSRF header.
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
}
