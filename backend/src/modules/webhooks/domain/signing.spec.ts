import { Webhook as StandardWebhook } from 'standardwebhooks';
import { newSecret, signDelivery } from './signing';

describe('signDelivery', () => {
  it("matches the Standard Webhooks specification's published test vector", () => {
    const headers = signDelivery(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      new Date(1614265330 * 1000),
      '{"test": 2432232314}',
    );
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('signs what a receiver verifies with the secret, and nothing else', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    const body = JSON.stringify({ type: 'webhook.test', data: { message: 'hi' } });
    const headers = signDelivery(secret, 'd-1', new Date(), body);
    expect(new StandardWebhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => new StandardWebhook(newSecret()).verify(body, { ...headers })).toThrow();
  });
});
