import { isSessionExpiredResponse } from './session-expiry';

describe('isSessionExpiredResponse', () => {
  it('treats a 401 from a regular API call as an ended session', () => {
    expect(isSessionExpiredResponse(401, 'http://localhost:3000/api/tickets?box=all')).toBe(true);
    expect(isSessionExpiredResponse(401, '/api/users')).toBe(true);
  });

  it.each(['/api/auth/login', '/api/auth/me', '/api/auth/signup', '/api/auth/demo', '/api/auth/logout/'])(
    'ignores the 401 of %s, which is about credentials',
    (path) => {
      expect(isSessionExpiredResponse(401, `http://localhost:3000${path}`)).toBe(false);
    },
  );

  it('ignores other statuses and non-API URLs', () => {
    expect(isSessionExpiredResponse(403, '/api/tickets')).toBe(false);
    expect(isSessionExpiredResponse(200, '/api/tickets')).toBe(false);
    expect(isSessionExpiredResponse(401, '/assets/x.json')).toBe(false);
  });
});
