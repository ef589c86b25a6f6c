import { settle } from './sdk-result';

const ok = new Response(null, { status: 200 });

describe('settle', () => {
  it('returns the data of a 2xx answer', async () => {
    await expect(settle(Promise.resolve({ data: { user: { id: '1' } }, response: ok }))).resolves.toEqual({
      ok: true,
      data: { user: { id: '1' } },
    });
  });

  it('turns an error answer into a problem', async () => {
    const response = new Response(null, { status: 409 });
    const result = await settle(
      Promise.resolve({
        error: {
          title: 'Conflict',
          status: 409,
          detail: 'Email taken',
          errors: [{ field: 'email', message: 'is taken' }],
        },
        response,
      }),
    );
    expect(result).toEqual({
      ok: false,
      problem: {
        status: 409,
        title: 'Conflict',
        detail: 'Email taken',
        fieldErrors: { email: ['is taken'] },
        retryAfterSeconds: null,
      },
    });
  });

  it('turns a network failure (no response) into status 0', async () => {
    const result = await settle(Promise.resolve({ error: new TypeError('Failed to fetch'), response: undefined }));
    expect(result).toMatchObject({ ok: false, problem: { status: 0 } });
  });

  it('catches a thrown exception from a lazy call', async () => {
    const result = await settle(() => Promise.reject(new Error('boom')));
    expect(result).toMatchObject({ ok: false, problem: { status: 0, detail: 'boom' } });
  });
});
