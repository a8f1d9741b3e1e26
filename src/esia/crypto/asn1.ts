// Narrow, throwing accessors over asn1js for the few DER structures the GOST code reads
// (certificates, SPKI, PKCS#8). Each helper checks the tag it expects so that a structure of
// the wrong shape fails loudly instead of yielding bytes from the wrong field.
import * as asn1js from "asn1js";

export type Node = asn1js.AsnType;

export class Asn1Error extends Error {
  override name = "Asn1Error";
}

/** Decodes exactly one DER element spanning the whole input. */
export function decodeDer(bytes: Uint8Array, what: string): Node {
  const { offset, result } = asn1js.fromBER(bytes);
  if (offset === -1 || result.error) throw new Asn1Error(`${what}: malformed DER (${result.error})`);
  if (offset !== bytes.length) throw new Asn1Error(`${what}: trailing bytes after DER element`);
  return result;
}

export function sequenceItems(node: Node | undefined, what: string): Node[] {
  if (!(node instanceof asn1js.Sequence)) throw new Asn1Error(`${what}: expected SEQUENCE`);
  return node.valueBlock.value;
}

export function oidOf(node: Node | undefined, what: string): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw new Asn1Error(`${what}: expected OBJECT IDENTIFIER`);
  return node.valueBlock.toString();
}

export function octetStringBytes(node: Node | undefined, what: string): Uint8Array {
  if (!(node instanceof asn1js.OctetString) || node.idBlock.isConstructed) {
    throw new Asn1Error(`${what}: expected primitive OCTET STRING`);
  }
  return new Uint8Array(node.valueBlock.valueHexView);
}

export function bitStringBytes(node: Node | undefined, what: string): Uint8Array {
  if (!(node instanceof asn1js.BitString) || node.idBlock.isConstructed || node.valueBlock.unusedBits !== 0) {
    throw new Asn1Error(`${what}: expected BIT STRING of whole bytes`);
  }
  return new Uint8Array(node.valueBlock.valueHexView);
}

/** Unsigned big-endian magnitude of a non-negative INTEGER. */
export function integerBytes(node: Node | undefined, what: string): Uint8Array {
  if (!(node instanceof asn1js.Integer)) throw new Asn1Error(`${what}: expected INTEGER`);
  const bytes = new Uint8Array(node.valueBlock.valueHexView);
  if ((bytes[0] ?? 0) & 0x80) throw new Asn1Error(`${what}: negative INTEGER`);
  return bytes[0] === 0 ? bytes.subarray(1) : bytes;
}

/** Whether node is the context-specific [tagNumber] element (e.g. the certificate version [0]). */
export function isContextTag(node: Node | undefined, tagNumber: number): boolean {
  return node !== undefined && node.idBlock.tagClass === 3 && node.idBlock.tagNumber === tagNumber;
}

export function toDer(node: Node): Uint8Array {
  return new Uint8Array(node.toBER(false));
}
