import { createHmac } from 'node:crypto';
import { verifyWebhookSignature, webhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec-0123456789abcdef';
  const body = '{"delivery_id":"whd_1","event":{"type":"SyncCompleted"}}';

  it('is sha256= and the hex HMAC-SHA256 of "<timestamp>.<body>" with the secret', () => {
    const expected = createHmac('sha256', secret).update(`1765000000.${body}`).digest('hex');
    expect(webhookSignature(secret, '1765000000', body)).toBe(`sha256=${expected}`);
    // A known vector, so the documented recipe can be checked by hand in any language.
    expect(webhookSignature('secret', '1', '{}')).toBe(
      `sha256=${createHmac('sha256', 'secret').update('1.{}').digest('hex')}`,
    );
  });

  it('verifies what it signed, within the tolerance', () => {
    const signature = webhookSignature(secret, '1765000000', body);
    const headers = { timestamp: '1765000000', signature };
    expect(verifyWebhookSignature(secret, headers, body, { nowSeconds: 1765000100, toleranceSeconds: 300 })).toBe(true);
  });

  it('refuses another body, another secret, another timestamp, a stale one, or none', () => {
    const signature = webhookSignature(secret, '1765000000', body);
    const now = { nowSeconds: 1765000000, toleranceSeconds: 300 };
    expect(verifyWebhookSignature(secret, { timestamp: '1765000000', signature }, `${body} `, now)).toBe(false);
    expect(verifyWebhookSignature(`${secret}x`, { timestamp: '1765000000', signature }, body, now)).toBe(false);
    expect(verifyWebhookSignature(secret, { timestamp: '1765000001', signature }, body, now)).toBe(false);
    expect(
      verifyWebhookSignature(secret, { timestamp: '1765000000', signature }, body, {
        nowSeconds: 1765000301,
        toleranceSeconds: 300,
      }),
    ).toBe(false);
    expect(verifyWebhookSignature(secret, { timestamp: '1765000000', signature: undefined }, body, now)).toBe(false);
    expect(verifyWebhookSignature(secret, { timestamp: 'soon', signature }, body, now)).toBe(false);
  });
});
