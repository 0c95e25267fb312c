import { describe, expect, it } from 'vitest';
import { parseRetrySchedule } from '../../../src/webhooks/retry-schedule';
import { deliveryId, parseDeliveryId } from '../../../src/webhooks/ids';
import { webhookUrlProblem } from '../../../src/webhooks/url-rules';

const prod = { allowLocal: false };
const local = { allowLocal: true };

describe('where a webhook may be sent', () => {
  it.each([
    'https://shop.example.com/hooks',
    'https://shop.example.com:8443/hooks?x=1',
    'https://93.184.216.34/h',
    'https://[2001:db8::1]/h',
    'https://172.32.0.1/h',
    'https://100.128.0.1/h',
  ])('takes %s', (url) => expect(webhookUrlProblem(url, prod)).toBeUndefined());

  it.each([
    ['http://shop.example.com/h', 'must be https'],
    ['ftp://shop.example.com/h', 'must be https'],
    ['not a url', 'absolute URL'],
    ['https://user:pw@shop.example.com/h', 'credentials'],
    ['https://shop.example.com/h#x', 'fragment'],
    ['https://localhost/h', 'localhost'],
    ['https://hooks.localhost/h', 'localhost'],
    ['https://127.0.0.1/h', 'IPv4'],
    ['https://127.1/h', 'IPv4'], // WHATWG reads it as 127.0.0.1
    ['https://0x7f000001/h', 'IPv4'],
    ['https://10.0.0.1/h', 'IPv4'],
    ['https://172.16.5.4/h', 'IPv4'],
    ['https://192.168.1.1/h', 'IPv4'],
    ['https://169.254.169.254/latest/meta-data', 'IPv4'],
    ['https://100.64.0.1/h', 'IPv4'],
    ['https://0.0.0.0/h', 'IPv4'],
    ['https://[::1]/h', 'IPv6'],
    ['https://[::]/h', 'IPv6'],
    ['https://[fe80::1]/h', 'IPv6'],
    ['https://[fc00::1]/h', 'IPv6'],
    ['https://[::ffff:127.0.0.1]/h', 'IPv6'],
    ['https://[::ffff:10.0.0.1]/h', 'IPv6'],
    [`https://shop.example.com/${'a'.repeat(2048)}`, 'longer than 2048'],
  ])('refuses %s in production', (url, reason) => {
    expect(webhookUrlProblem(url, prod)).toContain(reason);
  });

  it('lets a local receiver through only where WEBHOOK_ALLOW_LOCAL is set', () => {
    for (const url of [
      'http://127.0.0.1:9000/h',
      'http://localhost:9000/h',
      'http://[::1]:9000/h',
    ]) {
      expect(webhookUrlProblem(url, local)).toBeUndefined();
      expect(webhookUrlProblem(url, prod)).toBeDefined();
    }
    expect(webhookUrlProblem('http://10.0.0.1/h', local)).toBe('must be https');
    expect(webhookUrlProblem('https://192.168.0.1/h', local)).toContain('IPv4');
  });
});

describe('retry schedules and delivery ids', () => {
  it('reads a schedule of seconds, each at most 12 hours', () => {
    expect(parseRetrySchedule('5,300, 1800')).toEqual([5, 300, 1800]);
    expect(parseRetrySchedule('43201')).toBeUndefined();
    expect(parseRetrySchedule('1,,2')).toBeUndefined();
    expect(parseRetrySchedule('')).toBeUndefined();
  });

  it('names where a delivery is kept, and reads it back', () => {
    const endpointId = `we_${'a'.repeat(32)}`;
    const id = deliveryId(endpointId, '2026-12-07T06:00:00.000Z', 'evt_clm_1_3_claim.paid');
    expect(parseDeliveryId(id)).toEqual({
      endpointId,
      eventMs: Date.parse('2026-12-07T06:00:00.000Z'),
      eventId: 'evt_clm_1_3_claim.paid',
    });
    expect(parseDeliveryId('wd_x')).toBeUndefined();
  });
});
