/**
 * A certificate file as the verify page receives it — PEM text or binary DER — turned into the
 * PEM the api reads. Done in the browser, so the file goes nowhere but the trust question.
 */
export interface ReadCertificate {
  pem: string;
  /** true when the file was DER and was wrapped into PEM here */
  converted: boolean;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
/** Every DER certificate starts with an ASN.1 SEQUENCE tag. */
const ASN1_SEQUENCE = 0x30;

export function certificateFromBytes(bytes: Uint8Array): ReadCertificate | null {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const block = PEM_BLOCK.exec(text);
  if (block) return { pem: `${block[0]}\n`, converted: false };
  if (bytes.length > 64 && bytes[0] === ASN1_SEQUENCE) return { pem: derToPem(bytes), converted: true };
  // Some tools save DER as bare base64 without the header lines.
  const bare = text.replace(/\s+/g, '');
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(bare) && bare.length > 64) {
    try {
      const decoded = Uint8Array.from(atob(bare), (c) => c.charCodeAt(0));
      if (decoded[0] === ASN1_SEQUENCE) return { pem: derToPem(decoded), converted: true };
    } catch {
      return null;
    }
  }
  return null;
}

export function derToPem(der: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < der.length; i += 0x8000) binary += String.fromCharCode(...der.subarray(i, i + 0x8000));
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
