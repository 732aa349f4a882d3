import { type Readable, Transform } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { checkKey, type FileStorage } from "./storage-keys";

export function s3Configured(): boolean {
  return Boolean(process.env.S3_BUCKET);
}

/**
 * Any S3-compatible service (AWS, MinIO, Ceph, R2…): S3_BUCKET, plus S3_ENDPOINT and S3_FORCE_PATH_STYLE=1 for
 * non-AWS services; credentials from S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY or the SDK's usual chain.
 */
export function s3Storage(): FileStorage {
  const bucket = process.env.S3_BUCKET!;
  const prefix = process.env.S3_PREFIX ? `${process.env.S3_PREFIX.replace(/\/+$/, "")}/` : "";
  const client = new S3Client({
    region: process.env.S3_REGION ?? "us-east-1",
    endpoint: process.env.S3_ENDPOINT,
    forcePathStyle: process.env.S3_FORCE_PATH_STYLE === "1" || process.env.S3_FORCE_PATH_STYLE === "true",
    credentials:
      process.env.S3_ACCESS_KEY_ID && process.env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: process.env.S3_ACCESS_KEY_ID, secretAccessKey: process.env.S3_SECRET_ACCESS_KEY }
        : undefined,
  });
  return {
    async put(key, body, contentType) {
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      // Multipart upload in parts, so a large file streams through without being held in memory.
      await new Upload({
        client,
        params: { Bucket: bucket, Key: prefix + checkKey(key), Body: body.pipe(counter), ContentType: contentType },
      }).done();
      return { bytes };
    },
    async get(key) {
      const result = await client.send(new GetObjectCommand({ Bucket: bucket, Key: prefix + checkKey(key) }));
      return result.Body as Readable;
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: prefix + checkKey(key) }));
    },
  };
}
