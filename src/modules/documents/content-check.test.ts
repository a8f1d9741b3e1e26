// The content probe on its own: formats decided by bytes, fed in chunks of any size.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { deflateSync } from "node:zlib";
import { ContentProbe, type ContentVerdict } from "./content-check.ts";
import { sampleEncryptedPdf, sampleJpeg, samplePdf, samplePng } from "./test-support.ts";

async function verdictOf(content: Buffer, chunkSize = 64 * 1024): Promise<ContentVerdict> {
  const probe = new ContentProbe();
  for (let offset = 0; offset < content.length; offset += chunkSize)
    probe.feed(content.subarray(offset, offset + chunkSize));
  return probe.verdict();
}

const reasonOf = async (content: Buffer, chunkSize?: number) => {
  const verdict = await verdictOf(content, chunkSize);
  return verdict.ok ? verdict.format : verdict.rejection.reason;
};

describe("accepted formats", () => {
  test("PDF, JPEG and PNG, whatever the chunk size", async () => {
    for (const chunkSize of [1, 7, 1000, 65536]) {
      assert.equal(await reasonOf(samplePdf(), chunkSize), "pdf");
      assert.equal(await reasonOf(sampleJpeg(), chunkSize), "jpeg");
      assert.equal(await reasonOf(samplePng(), chunkSize), "png");
    }
  });

  test("the media type comes from the content", async () => {
    const verdict = await verdictOf(samplePng());
    assert.deepEqual(verdict, { ok: true, format: "png", mediaType: "image/png" });
  });

  test("a PDF may end with a line break or NUL padding after %%EOF", async () => {
    assert.equal(await reasonOf(Buffer.concat([samplePdf(), Buffer.from("\r\n\0\0")])), "pdf");
  });
});

describe("damaged files", () => {
  test("an image cut short", async () => {
    const jpeg = sampleJpeg();
    const png = samplePng();
    assert.equal(await reasonOf(jpeg.subarray(0, jpeg.length - 2)), "image_damaged");
    assert.equal(await reasonOf(png.subarray(0, png.length - 6)), "image_damaged");
  });

  test("a PDF whose startxref points past its end", async () => {
    const pdf = samplePdf()
      .toString("latin1")
      .replace(/startxref\n\d+/, "startxref\n999999");
    assert.equal(await reasonOf(Buffer.from(pdf, "latin1")), "pdf_damaged");
  });

  test("a PDF with an impossible version", async () => {
    const pdf = samplePdf().toString("latin1").replace("%PDF-1.4", "%PDF-x.y");
    assert.equal(await reasonOf(Buffer.from(pdf, "latin1")), "pdf_damaged");
  });

  test("a PDF that lost its first bytes", async () => {
    assert.equal(await reasonOf(samplePdf().subarray(20)), "pdf_damaged");
  });
});

describe("encryption", () => {
  test("found even when /Encrypt is split between two chunks", async () => {
    const pdf = samplePdf().toString("latin1").replace("/Root 1 0 R", "/Root 1 0 R /Encrypt 9 0 R");
    const content = Buffer.from(pdf, "latin1");
    const at = content.indexOf("/Encrypt");
    for (let cut = at; cut <= at + 8; cut++) {
      const probe = new ContentProbe();
      probe.feed(content.subarray(0, cut));
      probe.feed(content.subarray(cut));
      assert.equal((await probe.verdict()).ok, false, `cut at ${cut - at}`);
    }
  });

  test("a PDF encrypted by a real writer", async () => {
    assert.equal(await reasonOf(await sampleEncryptedPdf(), 3), "pdf_encrypted");
  });
});

describe("refused kinds", () => {
  test("markup is recognised as text, also in UTF-16 and after a BOM", async () => {
    assert.equal(await reasonOf(Buffer.from("\ufeff  <html lang=ru><p>x</p></html>")), "html");
    assert.equal(await reasonOf(Buffer.from("\ufeff<svg viewBox='0 0 1 1'/>", "utf16le")), "svg");
    assert.equal(await reasonOf(Buffer.from("<!-- c --><SVG>")), "svg");
  });

  test("other binary formats are named in the message", async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    const verdict = await verdictOf(Buffer.concat([Buffer.from("GIF89a"), Buffer.alloc(50)]));
    assert.deepEqual(verdict, { ok: false, rejection: { reason: "unsupported", detected: "gif" } });
    assert.equal(await reasonOf(zip), "unsupported");
  });

  test("plain text and random bytes are not recognised", async () => {
    assert.deepEqual(await verdictOf(Buffer.from("просто текст")), {
      ok: false,
      rejection: { reason: "unsupported" },
    });
    assert.equal(await reasonOf(deflateSync(Buffer.alloc(1000, 7))), "unsupported");
  });

  test("an empty stream", async () => {
    assert.equal(await reasonOf(Buffer.alloc(0)), "empty");
  });
});
