import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AppError } from "../../errors/app-error";
import { includedInBundle } from "../../export/bundle/included-studies";
import { BundleDamagedError } from "../../export/bundle/remap";
import { setPreviousVersionFromBundle } from "../../prisma-2020-flow/previous-version";
import type { ReviewRouteHandler } from "../review-route";

/** POST /api/reviews/<id>/prisma-2020/previous-version, an earlier review's Sift bundle as the body. */
export const uploadPreviousVersionBundle: ReviewRouteHandler = async ({ db, actor, request }) => {
  if (!request.body) throw new AppError("INVALID_INPUT", "The upload has no file in it.");
  let bundle: Awaited<ReturnType<typeof includedInBundle>>;
  try {
    bundle = await includedInBundle(Readable.fromWeb(request.body as WebReadableStream<Uint8Array>));
  } catch (err) {
    if (err instanceof BundleDamagedError)
      throw new AppError("INVALID_INPUT", `That file cannot be read as a Sift review bundle: ${err.message}.`);
    throw err;
  }
  return Response.json(await setPreviousVersionFromBundle(db, actor, bundle), { status: 201 });
};
