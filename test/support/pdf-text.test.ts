// The reader of test PDFs must take a stream by its /Length: a compressed stream may end in «\r» or
// hold «endobj» by chance, and the extract tests failed now and then when the reader searched instead.
import assert from "node:assert/strict";
import { test } from "node:test";
import { deflateSync } from "node:zlib";
import { parseObjects } from "./pdf-text.ts";

function pdfWithStream(data: Buffer, filter: string): Buffer {
  return Buffer.concat([
    Buffer.from(`%PDF-1.3\n1 0 obj\n<< /Length ${data.length}${filter} >>\nstream\n`, "latin1"),
    data,
    Buffer.from("\nendstream\nendobj\n2 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1"),
  ]);
}

test("a stream is read whole by its length, whatever bytes it ends with or holds", () => {
  const data = Buffer.from("BT (endobj) Tj ET\r", "latin1");
  const objects = parseObjects(pdfWithStream(data, ""));
  assert.deepEqual(objects.get(1)?.stream, data);
  assert.match(objects.get(2)?.dictionary ?? "", /Catalog/);
});

test("a compressed stream ending in a carriage return inflates", () => {
  let text = "";
  let packed = deflateSync(text);
  for (let n = 0; packed.at(-1) !== 0x0d; n++) {
    text = `line ${n}`;
    packed = deflateSync(text);
  }
  const objects = parseObjects(pdfWithStream(packed, " /Filter /FlateDecode"));
  assert.equal(objects.get(1)?.stream?.toString("latin1"), text);
});
