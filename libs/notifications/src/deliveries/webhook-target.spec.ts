import { retryDelayMs } from '../notification-options.js';
import { resolveWebhookTarget, unsafeAddressProblem, webhookUrlProblem } from './webhook-target.js';

describe('webhook targets', () => {
  it('takes only https, and http as well when private targets are allowed', () => {
    expect(webhookUrlProblem('https://hooks.example.org/tessera', false)).toBeNull();
    expect(webhookUrlProblem('http://hooks.example.org/tessera', false)).toBe('must be an https:// URL');
    expect(webhookUrlProblem('http://hooks.example.org/tessera', true)).toBeNull();
    expect(webhookUrlProblem('ftp://hooks.example.org/tessera', true)).toBe('must be an https:// or http:// URL');
    expect(webhookUrlProblem('https://user:secret@hooks.example.org/', false)).toBe('must not carry credentials');
    expect(webhookUrlProblem('hooks.example.org', false)).toBe('is not a URL');
  });

  it('refuses private, loopback, link-local and other non-public addresses, IPv4-mapped ones included', () => {
    for (const address of ['10.0.0.1', '172.16.5.4', '192.168.1.1', '127.0.0.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', 'fe80::1', 'fc00::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '224.0.0.1']) {
      expect({ address, problem: unsafeAddressProblem(address) }).toEqual({ address, problem: expect.stringContaining(address) });
    }
    for (const address of ['8.8.8.8', '195.76.5.1', '2001:4860:4860::8888', '::ffff:8.8.8.8']) expect(unsafeAddressProblem(address)).toBeNull();
  });

  it('checks every address a host resolves to, literal addresses too', async () => {
    await expect(resolveWebhookTarget('https://[::1]:8443/hook', false)).rejects.toThrow('::1 is a loopback address');
    await expect(resolveWebhookTarget('https://localhost/hook', false)).rejects.toThrow(/non-public address/);
    await expect(resolveWebhookTarget('http://127.0.0.1:9/hook', true)).resolves.toMatchObject({ addresses: [{ address: '127.0.0.1', family: 4 }] });
  });

  it('backs off 1 s, 2 s, 4 s, … and never more than an hour', () => {
    const production = { retryBaseMs: 1_000, retryMaxMs: 3_600_000 };
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, production))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(12, production)).toBe(2_048_000);
    expect(retryDelayMs(13, production)).toBe(3_600_000);
    expect(retryDelayMs(60, production)).toBe(3_600_000);
  });
});
