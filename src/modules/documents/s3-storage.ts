// S3-compatible object storage adapter of the storage port, for several instances sharing their
// files (C8). Uploads stream in parts of 5 MB (at most two in memory), so a large file is never held
// whole; staging objects live under `staging/` and are copied to their key on commit, then removed.
// A crash between the two leaves a staging object, which the orphan finder removes.

import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { Config } from "../../config/config.ts";
import {
  assertStorageKey,
  type FileStorage,
  isStorageKey,
  type StagedFile,
  type StoredObject,
} from "./storage.ts";

const stagingKeyPattern = /^staging\/[0-9a-f]{32}$/;

/** As configured; `forcePathStyle` is for MinIO and most self-hosted servers (`http://host/bucket/key`). */
export type S3Settings = Config["s3"];

const PART_SIZE = 5 * 1024 * 1024;

export function createS3Storage(settings: S3Settings): FileStorage & { client: S3Client } {
  const client = new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.accessKeyId
      ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
      : {}),
  });
  const Bucket = settings.bucket;
  const removeObject = async (Key: string) => {
    await client.send(new DeleteObjectCommand({ Bucket, Key }));
  };

  return {
    client,
    async stage(source) {
      const stagingKey = `staging/${randomBytes(16).toString("hex")}`;
      const upload = new Upload({
        client,
        params: { Bucket, Key: stagingKey, Body: source, ContentType: "application/octet-stream" },
        partSize: PART_SIZE,
        queueSize: 2,
      });
      try {
        await upload.done();
      } catch (error) {
        // A failed multipart upload is aborted by lib-storage; a single part may still have landed.
        await removeObject(stagingKey).catch(() => undefined);
        throw error;
      }
      return stagedObject(stagingKey);
    },

    async open(key) {
      assertStorageKey(key);
      const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
      if (!object.Body) throw new Error("empty object body");
      return object.Body as Readable;
    },

    async remove(key) {
      assertStorageKey(key);
      await removeObject(key);
    },

    async check() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },

    // S3 lists keys in UTF-8 byte order, the order the port promises.
    async *files() {
      for await (const entry of listed("")) if (isStorageKey(entry.key)) yield entry;
    },

    async *staging() {
      for await (const entry of listed("staging/")) if (stagingKeyPattern.test(entry.key)) yield entry;
    },

    async removeStaging(key) {
      if (!stagingKeyPattern.test(key)) throw new Error("invalid staging key");
      await removeObject(key);
    },
  };

  async function* listed(Prefix: string): AsyncGenerator<StoredObject> {
    let ContinuationToken: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix, ContinuationToken }));
      for (const object of page.Contents ?? [])
        if (object.Key) yield { key: object.Key, modifiedAt: object.LastModified ?? new Date(0) };
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  function stagedObject(stagingKey: string): StagedFile {
    return {
      async commit(key) {
        assertStorageKey(key);
        await client.send(new CopyObjectCommand({ Bucket, Key: key, CopySource: `${Bucket}/${stagingKey}` }));
        await removeObject(stagingKey);
      },
      discard: () => removeObject(stagingKey),
    };
  }
}
