/**
 * A small DER encoder and reader: enough ASN.1 for CMS SignedData (RFC 5652) and for reading the
 * names and serial numbers out of X.509 certificates. Encoding is DER throughout (definite lengths,
 * SET OF sorted), so the same input always gives the same bytes.
 */

export const TAG = {
  INTEGER: 0x02,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One TLV with the given tag byte and content. */
export function tlv(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export const seq = (...items: Uint8Array[]): Buffer => tlv(TAG.SEQUENCE, Buffer.concat(items));

/** SET OF: DER wants the encodings in ascending byte order. */
export const setOf = (...items: Uint8Array[]): Buffer =>
  tlv(TAG.SET, Buffer.concat([...items].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))));

/** [n] EXPLICIT or IMPLICIT-constructed context tag around already-encoded content. */
export const contextConstructed = (n: number, content: Uint8Array): Buffer => tlv(0xa0 | n, content);

export const octetString = (bytes: Uint8Array): Buffer => tlv(TAG.OCTET_STRING, bytes);

export const derNull = (): Buffer => Buffer.from([TAG.NULL, 0]);

export function integer(value: number): Buffer {
  const bytes: number[] = [];
  let n = value;
  do {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  } while (n > 0);
  if ((bytes[0] ?? 0) & 0x80) bytes.unshift(0);
  return tlv(TAG.INTEGER, Buffer.from(bytes));
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = parts;
  const out: number[] = [first * 40 + second];
  for (const part of rest) {
    const group: number[] = [part & 0x7f];
    for (let n = Math.floor(part / 128); n > 0; n = Math.floor(n / 128)) group.unshift((n & 0x7f) | 0x80);
    out.push(...group);
  }
  return tlv(TAG.OID, Buffer.from(out));
}

/** UTCTime for 1950–2049 (RFC 5280 §4.1.2.5), GeneralizedTime otherwise; whole seconds, UTC. */
export function time(date: Date): Buffer {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = iso.slice(0, 19).replace(/[-T:]/g, ''); // YYYYMMDDHHMMSS
  const year = date.getUTCFullYear();
  if (year >= 1950 && year < 2050) return tlv(TAG.UTC_TIME, Buffer.from(`${digits.slice(2)}Z`, 'ascii'));
  return tlv(TAG.GENERALIZED_TIME, Buffer.from(`${digits}Z`, 'ascii'));
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface Node {
  tag: number;
  /** Offset of the tag byte in the buffer the node was read from. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset one past the last content byte. */
  end: number;
  /** The whole TLV. */
  raw: Buffer;
  /** The content bytes. */
  content: Buffer;
}

export class DerError extends Error {}

/** Reads the TLV that starts at `offset`. */
export function read(buf: Buffer, offset = 0): Node {
  if (offset + 2 > buf.length) throw new DerError('DER: truncated header');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('DER: multi-byte tags are not supported');
  let length = buf[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new DerError('DER: indefinite or oversized length');
    if (contentStart + count > buf.length) throw new DerError('DER: truncated length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[contentStart + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > buf.length) throw new DerError('DER: content runs past the end');
  return { tag, start: offset, contentStart, end, raw: buf.subarray(offset, end), content: buf.subarray(contentStart, end) };
}

/** The children of a constructed node. */
export function children(node: Node): Node[] {
  const out: Node[] = [];
  const buf = node.content;
  for (let offset = 0; offset < buf.length; ) {
    const child = read(buf, offset);
    out.push(child);
    offset = child.end;
  }
  return out;
}

export function expectTag(node: Node | undefined, tag: number, what: string): Node {
  if (!node || node.tag !== tag) throw new DerError(`DER: expected ${what}`);
  return node;
}

export function readOid(node: Node): string {
  const bytes = expectTag(node, TAG.OID, 'an OBJECT IDENTIFIER').content;
  const parts: number[] = [];
  let value = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      if (parts.length === 0) parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

export function readTime(node: Node): Date {
  const text = node.content.toString('ascii');
  let m: RegExpExecArray | null;
  if (node.tag === TAG.UTC_TIME && (m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text))) {
    const yy = Number(m[1]);
    return new Date(Date.UTC(yy < 50 ? 2000 + yy : 1900 + yy, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
  }
  if (node.tag === TAG.GENERALIZED_TIME && (m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text))) {
    return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
  }
  throw new DerError('DER: unsupported time');
}

/** Text of a DirectoryString (UTF8String, PrintableString, IA5String or BMPString). */
export function readString(node: Node): string {
  switch (node.tag) {
    case TAG.UTF8_STRING:
      return node.content.toString('utf8');
    case TAG.PRINTABLE_STRING:
    case TAG.IA5_STRING:
      return node.content.toString('latin1');
    case TAG.BMP_STRING:
      return Buffer.from(node.content).swap16().toString('utf16le');
    default:
      throw new DerError('DER: unsupported string type');
  }
}

/** The attributes of an X.509 Name (RDNSequence) as OID → values. */
export function readName(name: Node): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const rdn of children(expectTag(name, TAG.SEQUENCE, 'a Name'))) {
    for (const atv of children(expectTag(rdn, TAG.SET, 'a RelativeDistinguishedName'))) {
      const [type, value] = children(expectTag(atv, TAG.SEQUENCE, 'an AttributeTypeAndValue'));
      if (!type || !value) throw new DerError('DER: malformed AttributeTypeAndValue');
      const key = readOid(type);
      out.set(key, [...(out.get(key) ?? []), readString(value)]);
    }
  }
  return out;
}

/** The parts of a certificate that CMS needs: issuer Name and serial number (raw DER), subject. */
export interface CertificateIds {
  issuer: Buffer;
  serial: Buffer;
  subject: Buffer;
}

export function certificateIds(certDer: Buffer): CertificateIds {
  const [tbs] = children(expectTag(read(certDer), TAG.SEQUENCE, 'a Certificate'));
  const fields = children(expectTag(tbs, TAG.SEQUENCE, 'a TBSCertificate'));
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] version is optional
  const serial = expectTag(fields[offset], TAG.INTEGER, 'a serial number');
  const issuer = expectTag(fields[offset + 2], TAG.SEQUENCE, 'an issuer Name');
  const subject = expectTag(fields[offset + 4], TAG.SEQUENCE, 'a subject Name');
  return { issuer: issuer.raw, serial: serial.raw, subject: subject.raw };
}
