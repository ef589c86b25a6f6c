import { readCookie, withXsrfHeader, XSRF_HEADER_NAME } from './xsrf';

const origin = 'http://localhost:3000';

function request(method: string, url = `${origin}/api/auth/logout`): Request {
  return new Request(url, { method });
}

describe('readCookie', () => {
  it('finds a cookie among others, ignoring whitespace', () => {
    expect(readCookie('a=1; XSRF-TOKEN=abc123 ;b=2', 'XSRF-TOKEN')).toBe('abc123');
  });

  it('url-decodes the value like Angular does', () => {
    expect(readCookie('XSRF-TOKEN=a%2Bb%3D', 'XSRF-TOKEN')).toBe('a+b=');
  });

  it('keeps a value that is not valid percent-encoding', () => {
    expect(readCookie('XSRF-TOKEN=%E0%A4%A', 'XSRF-TOKEN')).toBe('%E0%A4%A');
  });

  it('does not match a cookie whose name merely ends with the wanted name', () => {
    expect(readCookie('OLD-XSRF-TOKEN=zzz', 'XSRF-TOKEN')).toBeNull();
  });

  it('returns null for a missing or empty cookie', () => {
    expect(readCookie('', 'XSRF-TOKEN')).toBeNull();
    expect(readCookie('XSRF-TOKEN=', 'XSRF-TOKEN')).toBeNull();
  });
});

describe('withXsrfHeader', () => {
  const cookies = 'sid=s%3Asecret; XSRF-TOKEN=tok-1';

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('copies the cookie into the header on %s', (method) => {
    expect(withXsrfHeader(request(method), cookies, origin).headers.get(XSRF_HEADER_NAME)).toBe('tok-1');
  });

  it.each(['GET', 'HEAD', 'OPTIONS'])('leaves safe method %s alone', (method) => {
    expect(withXsrfHeader(request(method), cookies, origin).headers.has(XSRF_HEADER_NAME)).toBe(false);
  });

  it('does nothing when there is no token cookie yet', () => {
    expect(withXsrfHeader(request('POST'), 'sid=1', origin).headers.has(XSRF_HEADER_NAME)).toBe(false);
  });

  it('never sends the token to another origin', () => {
    const foreign = request('POST', 'https://evil.example/api/steal');
    expect(withXsrfHeader(foreign, cookies, origin).headers.has(XSRF_HEADER_NAME)).toBe(false);
  });

  it('keeps a header the caller set explicitly', () => {
    const req = new Request(`${origin}/api/x`, { method: 'POST', headers: { [XSRF_HEADER_NAME]: 'explicit' } });
    expect(withXsrfHeader(req, cookies, origin).headers.get(XSRF_HEADER_NAME)).toBe('explicit');
  });
});
