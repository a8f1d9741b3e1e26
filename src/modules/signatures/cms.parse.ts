// Reading a CMS SignedData (RFC 5652) as КЭП tools, OpenSSL and the browser write it: the
// certificates it carries, its first SignerInfo with the signed attributes' bytes as they were
// signed, and attached content (DER or BER chunks). Checking is cms.ts's work.
import * as asn1js from "asn1js";
import { decodeDer, isContextTag, type Node, oidOf, sequenceItems } from "../../esia/crypto/asn1.ts";
import { CertificateFormatError, parseCertificate, rawBytes, serialHex } from "./certificate.parse.ts";
import { OID } from "./signature.oids.ts";

export interface SignerInfoParts {
  sid: { issuerDer: Uint8Array; serialHex: string } | { keyId: Uint8Array };
  digestAlgorithm: string;
  signatureAlgorithm: string;
  signature: Uint8Array;
  attributes?: Map<string, Node>;
  signedBytes: Uint8Array;
}

export function readSignedData(der: Uint8Array) {
  const [type, wrapped] = sequenceItems(decodeDer(der, "ContentInfo"), "ContentInfo");
  if (oidOf(type, "contentType") !== OID.signedData || !(wrapped instanceof asn1js.Constructed)) {
    throw new CertificateFormatError("not a SignedData");
  }
  const fields = sequenceItems(wrapped.valueBlock.value[0], "SignedData");
  const [, , encapsulated, ...rest] = fields;
  const [, eContentWrapper] = sequenceItems(encapsulated, "EncapsulatedContentInfo");
  const eContent =
    eContentWrapper instanceof asn1js.Constructed
      ? eContentBytes(eContentWrapper.valueBlock.value[0])
      : undefined;
  const certificatesNode = rest.find((n) => isContextTag(n, 0));
  const certificates =
    certificatesNode instanceof asn1js.Constructed
      ? certificatesNode.valueBlock.value
          .filter((n) => n instanceof asn1js.Sequence)
          .map((n) => parseCertificate(rawBytes(n)))
      : [];
  const signerInfos = rest[rest.length - 1];
  if (!(signerInfos instanceof asn1js.Set) || signerInfos.valueBlock.value.length === 0) {
    throw new CertificateFormatError("no SignerInfo");
  }
  return { certificates, signerInfo: readSignerInfo(signerInfos.valueBlock.value[0]), eContent };
}

function readSignerInfo(node: Node | undefined): SignerInfoParts {
  const [, sidNode, digestNode, ...rest] = sequenceItems(node, "SignerInfo");
  const attrsNode = rest.find((n) => isContextTag(n, 0));
  const tail = rest.filter((n) => !isContextTag(n, 0) && !isContextTag(n, 1));
  const [signatureAlgorithmNode, signatureNode] = tail;
  if (!(signatureNode instanceof asn1js.OctetString)) throw new CertificateFormatError("signature");
  let signedBytes = new Uint8Array();
  let attributes: Map<string, Node> | undefined;
  if (attrsNode instanceof asn1js.Constructed) {
    signedBytes = Uint8Array.from(rawBytes(attrsNode));
    signedBytes[0] = 0x31; // [0] IMPLICIT back to the SET OF tag it was signed with
    attributes = new Map();
    for (const item of attrsNode.valueBlock.value) {
      const [attrType, values] = sequenceItems(item, "Attribute");
      if (values instanceof asn1js.Set && values.valueBlock.value[0]) {
        attributes.set(oidOf(attrType, "attrType"), values.valueBlock.value[0]);
      }
    }
  }
  return {
    sid: readSid(sidNode),
    digestAlgorithm: oidOf(sequenceItems(digestNode, "digestAlgorithm")[0], "digestAlgorithm"),
    signatureAlgorithm: oidOf(
      sequenceItems(signatureAlgorithmNode, "signatureAlgorithm")[0],
      "signatureAlgorithm",
    ),
    signature: new Uint8Array(signatureNode.valueBlock.valueHexView),
    attributes,
    signedBytes,
  };
}

function readSid(node: Node | undefined): SignerInfoParts["sid"] {
  if (node instanceof asn1js.Sequence) {
    const [issuer, serial] = node.valueBlock.value;
    if (!issuer || !(serial instanceof asn1js.Integer)) throw new CertificateFormatError("sid");
    const magnitude = new Uint8Array(serial.valueBlock.valueHexView);
    return { issuerDer: rawBytes(issuer), serialHex: serialHex(magnitude) };
  }
  if (isContextTag(node, 0) && node instanceof asn1js.Primitive) {
    return { keyId: new Uint8Array(node.valueBlock.valueHexView) };
  }
  throw new CertificateFormatError("sid");
}

function eContentBytes(node: Node | undefined): Uint8Array | undefined {
  if (!(node instanceof asn1js.OctetString)) return undefined;
  if (!node.idBlock.isConstructed) return new Uint8Array(node.valueBlock.valueHexView);
  // BER constructed OCTET STRING (КЭП tools stream attached content in chunks).
  const parts = node.valueBlock.value.map((part) =>
    Buffer.from((part as asn1js.OctetString).valueBlock.valueHexView),
  );
  return new Uint8Array(Buffer.concat(parts));
}

/** DER from DER, PEM («-----BEGIN PKCS7-----», «CMS») or bare base64, as different tools write .sig. */
export function unarmour(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0x30) return bytes;
  const text = Buffer.from(bytes)
    .toString("latin1")
    .replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, "")
    .replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new CertificateFormatError("signature file encoding");
  return new Uint8Array(Buffer.from(text, "base64"));
}
