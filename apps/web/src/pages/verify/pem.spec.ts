import { certificateFromBytes, derToPem } from './pem';

const der = Uint8Array.from({ length: 300 }, (_, i) => (i === 0 ? 0x30 : (i * 7) % 256));
const body = (pem: string) => pem.split('\n').filter((line) => line && !line.startsWith('-----'));

describe('reading a certificate file in the browser', () => {
  it('wraps DER into PEM lines of 64 characters that decode to the same bytes', () => {
    const pem = derToPem(der);
    expect(pem.startsWith('-----BEGIN CERTIFICATE-----\n')).toBe(true);
    expect(pem.endsWith('\n-----END CERTIFICATE-----\n')).toBe(true);
    expect(body(pem).slice(0, -1).every((line) => line.length === 64)).toBe(true);
    expect(Uint8Array.from(atob(body(pem).join('')), (c) => c.charCodeAt(0))).toEqual(der);
  });

  it('takes PEM text as it is, DER and bare base64 as converted, and refuses anything else', () => {
    const pem = derToPem(der);
    expect(certificateFromBytes(new TextEncoder().encode(`Bag Attributes\n${pem}`))).toEqual({ pem, converted: false });
    expect(certificateFromBytes(der)).toEqual({ pem, converted: true });
    expect(certificateFromBytes(new TextEncoder().encode(body(pem).join('\n')))).toEqual({ pem, converted: true });
    expect(certificateFromBytes(new TextEncoder().encode('hello, this is not a certificate at all'))).toBeNull();
  });
});
