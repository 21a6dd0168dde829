/**
 * CMS SignedData (RFC 5652) for PDF signatures, CAdES-style (ETSI EN 319 122): detached content,
 * SHA-256, RSA PKCS#1 v1.5 on Node's native crypto, and the signed attributes content-type,
 * signing-time, message-digest and signing-certificate-v2 (RFC 5035). PKCS#1 v1.5 is deterministic,
 * so the same bytes, certificate and time give the same signature.
 */
import { createHash, sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import {
  TAG,
  certificateIds,
  children,
  contextConstructed,
  derNull,
  expectTag,
  integer,
  octetString,
  oid,
  read,
  readOid,
  readTime,
  seq,
  setOf,
  time,
  type Node,
} from './der.js';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
} as const;

const attribute = (type: string, value: Buffer) => seq(oid(type), setOf(value));

export interface CmsSigner {
  certDer: Buffer;
  /** Further certificates to include (the issuing CA), DER. */
  chainDer: Buffer[];
  privateKey: KeyObject;
}

/** A detached CMS SignedData over `content`, DER-encoded. */
export function signDetached(content: Uint8Array, signer: CmsSigner, signingTime: Date): Buffer {
  const { issuer, serial } = certificateIds(signer.certDer);
  const sha256Alg = seq(oid(OID.sha256));
  const certHash = createHash('sha256').update(signer.certDer).digest();
  // ESSCertIDv2 with the default hash algorithm (SHA-256, so omitted) and IssuerSerial.
  const essCertIdV2 = seq(octetString(certHash), seq(seq(contextConstructed(4, issuer)), serial));
  const attrs = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, time(signingTime)),
    attribute(OID.messageDigest, octetString(createHash('sha256').update(content).digest())),
    attribute(OID.signingCertificateV2, seq(seq(essCertIdV2))),
  ];
  // The signature is over the DER SET OF the attributes; in SignerInfo the same bytes carry tag [0].
  const signedAttrsSet = setOf(...attrs);
  const signature = cryptoSign('sha256', signedAttrsSet, signer.privateKey);
  const signedAttrs = Buffer.concat([Buffer.from([0xa0]), signedAttrsSet.subarray(1)]);
  const signerInfo = seq(
    integer(1),
    seq(issuer, serial),
    sha256Alg,
    signedAttrs,
    seq(oid(OID.rsaEncryption), derNull()),
    octetString(signature),
  );
  const signedData = seq(
    integer(1),
    setOf(sha256Alg),
    seq(oid(OID.data)),
    contextConstructed(0, Buffer.concat([signer.certDer, ...signer.chainDer])),
    setOf(signerInfo),
  );
  return seq(oid(OID.signedData), contextConstructed(0, signedData));
}

export interface ParsedCms {
  certificates: Buffer[];
  /** The certificate named by the SignerInfo's issuer and serial number, if present. */
  signerCert: Buffer | undefined;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** The signed attributes re-tagged as SET OF: the bytes the signature is over. */
  signedAttrsSet: Buffer;
  messageDigest: Buffer | undefined;
  signingTime: Date | null;
  contentTypeIsData: boolean;
  /** SHA-256 hashes named by signing-certificate-v2, if present. */
  signingCertificateHashes: Buffer[] | undefined;
  signature: Buffer;
}

/** Reads a detached SignedData with one SignerInfo that has signed attributes. Throws on anything else. */
export function parseSignedData(der: Buffer): ParsedCms {
  const [typeNode, explicit] = children(expectTag(read(der), TAG.SEQUENCE, 'a ContentInfo'));
  if (!typeNode || readOid(typeNode) !== OID.signedData) throw new Error('CMS: not SignedData');
  const [signedData] = children(expectTag(explicit, 0xa0, 'SignedData content'));
  const parts = children(expectTag(signedData, TAG.SEQUENCE, 'SignedData'));
  const encap = children(expectTag(parts[2], TAG.SEQUENCE, 'EncapsulatedContentInfo'));
  if (encap.length !== 1) throw new Error('CMS: the content must be detached');
  let i = 3;
  const certificates: Buffer[] = [];
  if (parts[i]?.tag === 0xa0) certificates.push(...children(parts[i++]!).map((c) => c.raw));
  if (parts[i]?.tag === 0xa1) i++; // CRLs
  const signerInfos = children(expectTag(parts[i], TAG.SET, 'SignerInfos'));
  if (signerInfos.length !== 1) throw new Error('CMS: expected exactly one SignerInfo');
  const si = children(expectTag(signerInfos[0], TAG.SEQUENCE, 'SignerInfo'));
  const [sidIssuer, sidSerial] = children(expectTag(si[1], TAG.SEQUENCE, 'IssuerAndSerialNumber'));
  const digestAlgorithm = readOid(children(expectTag(si[2], TAG.SEQUENCE, 'DigestAlgorithmIdentifier'))[0]!);
  const attrsNode = expectTag(si[3], 0xa0, 'signed attributes');
  const signatureAlgorithm = readOid(children(expectTag(si[4], TAG.SEQUENCE, 'SignatureAlgorithmIdentifier'))[0]!);
  const signature = expectTag(si[5], TAG.OCTET_STRING, 'a signature').content;

  const signerCert = certificates.find((c) => {
    try {
      const ids = certificateIds(c);
      return sidIssuer && sidSerial && ids.issuer.equals(sidIssuer.raw) && ids.serial.equals(sidSerial.raw);
    } catch {
      return false;
    }
  });

  let messageDigest: Buffer | undefined;
  let signingTime: Date | null = null;
  let contentTypeIsData = false;
  let signingCertificateHashes: Buffer[] | undefined;
  const values = (attr: Node[]) => children(expectTag(attr[1], TAG.SET, 'attribute values'));
  for (const attrNode of children(attrsNode)) {
    const attr = children(expectTag(attrNode, TAG.SEQUENCE, 'an Attribute'));
    const type = readOid(attr[0]!);
    const [first] = values(attr);
    if (!first) continue;
    if (type === OID.messageDigest) messageDigest = expectTag(first, TAG.OCTET_STRING, 'messageDigest').content;
    else if (type === OID.signingTime) signingTime = readTime(first);
    else if (type === OID.contentType) contentTypeIsData = readOid(first) === OID.data;
    else if (type === OID.signingCertificateV2) {
      const [certs] = children(expectTag(first, TAG.SEQUENCE, 'SigningCertificateV2'));
      signingCertificateHashes = children(expectTag(certs, TAG.SEQUENCE, 'ESSCertIDv2 list')).map((id) => {
        const fields = children(expectTag(id, TAG.SEQUENCE, 'ESSCertIDv2'));
        // A present hashAlgorithm other than SHA-256 is not one we produce: treat as no match.
        if (fields[0]?.tag === TAG.SEQUENCE) {
          const alg = readOid(children(fields[0])[0]!);
          if (alg !== OID.sha256) return Buffer.alloc(0);
          return expectTag(fields[1], TAG.OCTET_STRING, 'certHash').content;
        }
        return expectTag(fields[0], TAG.OCTET_STRING, 'certHash').content;
      });
    }
  }
  return {
    certificates,
    signerCert,
    digestAlgorithm,
    signatureAlgorithm,
    signedAttrsSet: Buffer.concat([Buffer.from([TAG.SET]), attrsNode.raw.subarray(1)]),
    messageDigest,
    signingTime,
    contentTypeIsData,
    signingCertificateHashes,
    signature,
  };
}

/** Checks the signature over the signed attributes with the given public key (RSA PKCS#1 v1.5, SHA-256). */
export function verifySignedAttrs(cms: ParsedCms, publicKey: KeyObject): boolean {
  if (cms.digestAlgorithm !== OID.sha256) return false;
  if (cms.signatureAlgorithm !== OID.rsaEncryption && cms.signatureAlgorithm !== OID.sha256WithRSAEncryption) return false;
  try {
    return cryptoVerify('sha256', cms.signedAttrsSet, publicKey, cms.signature);
  } catch {
    return false;
  }
}
