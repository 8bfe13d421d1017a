/**
 * Amounts as Aliyun's billing API writes them (strings, with thousands separators in real answers),
 * parsed exactly or not at all; and where the balance is asked.
 */
import { describe, expect, it } from 'vitest';

import { billingEndpointFor, parseAmount } from './account-balance.js';

describe('parseAmount', () => {
  it.each<[string, number | undefined]>([
    ['10000.00', 10_000],
    ['1,234.56', 1234.56],
    ['12,345,678.90', 12_345_678.9],
    ['-12.30', -12.3],
    ['0.00', 0],
    ['86.2', 86.2],
    ['1,000', 1000],
    [' 1,234.56 ', 1234.56],
    ['CNY 1,234.56', 1234.56],
    ['1,234.56 USD', 1234.56],
    ['¥1,234.56', 1234.56],
    ['-¥12.30', -12.3],
    ['1.234,56', undefined],
    ['1,23', undefined],
    ['12,34,567.00', undefined],
    ['1,234.56.7', undefined],
    ['', undefined],
    ['abc', undefined],
    ['Infinity', undefined],
    ['0x10', undefined],
  ])('%j → %s', (text, amount) => {
    expect(parseAmount(text)).toBe(amount);
  });

  it('never reads the first group alone, as parseFloat does', () => {
    expect(Number.parseFloat('1,234.56')).toBe(1);
    expect(parseAmount('1,234.56')).toBe(1234.56);
  });
});

describe('billingEndpointFor', () => {
  it.each([
    ['https://dysmsapi.aliyuncs.com', 'china', 'https://business.aliyuncs.com'],
    ['https://dysmsapi.ap-southeast-1.aliyuncs.com', 'international', 'https://business.ap-southeast-1.aliyuncs.com'],
    ['https://dysmsapi-xman-vpc.ap-southeast-5.aliyuncs.com', 'international', 'https://business.ap-southeast-1.aliyuncs.com'],
    ['http://127.0.0.1:8787', 'china', 'http://127.0.0.1:8787'],
    ['https://sms-proxy.example.com', 'china', 'https://sms-proxy.example.com'],
  ] as const)('%s (%s site) → %s', (endpoint, site, billing) => {
    expect(billingEndpointFor({ endpoint, site })).toBe(billing);
  });
});
