import type { FastifyReply, FastifyRequest } from 'fastify';
import { XSRF_COOKIE, XsrfTokens } from './csrf';
import { SESSION_COOKIE, signedSessionCookie } from './session-cookie';

const SECRET = 'a'.repeat(43);
const tokens = new XsrfTokens(SECRET, false);

function request(cookies: Record<string, string>, headers: Record<string, string> = {}): FastifyRequest {
  return { cookies, headers } as unknown as FastifyRequest;
}
/** Runs the onRequest hook and returns the XSRF-TOKEN it set (undefined: none). */
function hook(req: FastifyRequest): string | undefined {
  let set: string | undefined;
  const reply = {
    setCookie: (name: string, value: string) => (name === XSRF_COOKIE ? (set = value) : undefined),
  } as unknown as FastifyReply;
  tokens.onRequest(req, reply, () => undefined);
  return set;
}

describe('XsrfTokens', () => {
  it('derives one token per session id and secret (instances sharing a secret agree)', () => {
    expect(tokens.forSession('sid-1')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new XsrfTokens(SECRET, true).forSession('sid-1')).toBe(tokens.forSession('sid-1'));
    expect(tokens.forSession('sid-2')).not.toBe(tokens.forSession('sid-1'));
    expect(new XsrfTokens('b'.repeat(43), false).forSession('sid-1')).not.toBe(tokens.forSession('sid-1'));
  });

  it("accepts a write only when header and cookie both carry the session's token", () => {
    const good = tokens.forSession('sid-1');
    expect(tokens.accepts(request({ [XSRF_COOKIE]: good }, { 'x-xsrf-token': good }), 'sid-1')).toBe(true);
    expect(tokens.accepts(request({ [XSRF_COOKIE]: good }, { 'x-xsrf-token': good }), 'sid-2')).toBe(false);
    expect(tokens.accepts(request({ [XSRF_COOKIE]: 'x'.repeat(43) }, { 'x-xsrf-token': good }), 'sid-1')).toBe(false);
    expect(tokens.accepts(request({}, { 'x-xsrf-token': good }), 'sid-1')).toBe(false);
    expect(tokens.accepts(request({ [XSRF_COOKIE]: good }), 'sid-1')).toBe(false);
  });

  it("gives a session's request its token when the cookie holds another, and leaves a right one alone", () => {
    const session = { [SESSION_COOKIE]: signedSessionCookie('sid-1', SECRET) };
    expect(hook(request(session))).toBe(tokens.forSession('sid-1'));
    expect(hook(request({ ...session, [XSRF_COOKIE]: 'y'.repeat(43) }))).toBe(tokens.forSession('sid-1'));
    expect(hook(request({ ...session, [XSRF_COOKIE]: tokens.forSession('sid-1') }))).toBeUndefined();
  });

  it('gives anonymous clients (and forged session cookies) a random token only when theirs is missing or malformed', () => {
    const first = hook(request({}));
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hook(request({}))).not.toBe(first);
    expect(hook(request({ [XSRF_COOKIE]: 'short' }))).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hook(request({ [XSRF_COOKIE]: 'z'.repeat(43) }))).toBeUndefined();
    const forged = { [SESSION_COOKIE]: signedSessionCookie('sid-1', 'c'.repeat(43)), [XSRF_COOKIE]: 'z'.repeat(43) };
    expect(hook(request(forged))).toBeUndefined();
  });

  it('sets no cookie for API clients (Authorization header)', () => {
    expect(
      hook(request({ [SESSION_COOKIE]: signedSessionCookie('sid-1', SECRET) }, { authorization: 'Bearer x' })),
    ).toBeUndefined();
  });
});
