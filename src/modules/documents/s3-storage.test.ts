// The S3 adapter of the storage port against an S3 server on loopback: streaming both ways with the
// same SHA-256, nothing left behind by a failed or discarded upload, and documents uploaded and
// downloaded through the cabinet with S3 as the store.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { after, before, describe, test } from "node:test";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { testConfig } from "../../../test/support/config.ts";
import { startTestS3, type TestS3 } from "../../../test/support/s3.ts";
import { documents } from "./documents.schema.ts";
import { createS3Storage } from "./s3-storage.ts";
import { newStorageKey } from "./storage.ts";
import { moveFiles } from "./storage-move.ts";
import { documentForm, people, postUpload, samplePdf, startDocumentsApp } from "./test-support.ts";

let s3: TestS3;
before(async () => {
  s3 = await startTestS3();
});
after(() => s3.close());

const storage = () => createS3Storage(testConfig(s3.env).s3);

async function keysIn(prefix = ""): Promise<string[]> {
  const listed = await storage().client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => object.Key ?? "");
}

/** 12 MB in 64 KB chunks made on the fly: three multipart parts, never one buffer. */
function generated(bytes: number, hash: ReturnType<typeof createHash>): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) return this.push(null);
      const chunk = Buffer.alloc(Math.min(65536, bytes - sent), sent % 251);
      sent += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
}

describe("the S3 adapter", () => {
  test("a large file streams in and out with the same SHA-256; staging is empty after commit", async () => {
    const store = storage();
    const written = createHash("sha256");
    const staged = await store.stage(generated(12 * 1024 * 1024, written));
    const key = newStorageKey();
    await staged.commit(key);
    const read = createHash("sha256");
    for await (const chunk of await store.open(key)) read.update(chunk as Buffer);
    assert.equal(read.digest("hex"), written.digest("hex"));
    assert.deepEqual(await keysIn("staging/"), []);
    await store.remove(key);
    await assert.rejects(store.open(key));
    await store.remove(key);
  });

  test("a discarded upload and a failing source leave nothing behind", async () => {
    const store = storage();
    const staged = await store.stage(Readable.from([Buffer.from("черновик")]));
    await staged.discard();
    const failing = new Readable({
      read() {
        this.destroy(new Error("the client went away"));
      },
    });
    await assert.rejects(store.stage(failing), /went away/);
    assert.deepEqual(await keysIn(), []);
    await store.check();
    await assert.rejects(createS3Storage({ ...testConfig(s3.env).s3, bucket: "no-such-bucket" }).check());
  });
});

test("documents are uploaded to and downloaded from S3 through the cabinet", async () => {
  const t = await startDocumentsApp({ env: s3.env });
  try {
    const { cookie } = await t.signIn(people.ivanova);
    const pdf = samplePdf(2000);
    const uploaded = await postUpload(t.app, cookie, documentForm("паспорт.pdf", pdf));
    assert.equal(uploaded.statusCode, 303);
    const [row] = await t.deps.database.db.select().from(documents);
    assert.ok(row);
    assert.ok((await keysIn()).includes(row.storageKey), "the file is in the bucket");
    const download = await t.app.inject({ url: `/lk/documents/${row.id}/download`, headers: { cookie } });
    assert.equal(download.statusCode, 200);
    assert.equal(
      createHash("sha256").update(download.rawPayload).digest("hex"),
      createHash("sha256").update(pdf).digest("hex"),
    );
  } finally {
    await t.close();
  }
});

test("files move from the file system to S3, each checked against its SHA-256", async () => {
  const t = await startDocumentsApp();
  try {
    const { cookie } = await t.signIn(people.ivanova);
    for (const name of ["диплом.pdf", "паспорт.pdf"])
      assert.equal(
        (await postUpload(t.app, cookie, documentForm(name, samplePdf(name.length)))).statusCode,
        303,
      );
    const rows = await t.deps.database.db.select().from(documents);
    const target = storage();
    // One file damaged on disk after upload: it is reported and not copied.
    const damaged = rows[1];
    assert.ok(damaged);
    const staged = await t.deps.fileStorage.stage(Readable.from([Buffer.from("испорчено")]));
    await staged.commit(damaged.storageKey);
    const report = await moveFiles(t.deps.database.db, t.deps.fileStorage, target);
    assert.deepEqual(report, { copied: 1, missing: [], damaged: [damaged.storageKey] });
    const moved = rows[0];
    assert.ok(moved);
    const hash = createHash("sha256");
    for await (const chunk of await target.open(moved.storageKey)) hash.update(chunk as Buffer);
    assert.equal(hash.digest("hex"), moved.sha256);
    await assert.rejects(target.open(damaged.storageKey));
  } finally {
    await t.close();
  }
});
