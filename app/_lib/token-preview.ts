import { TRPCError } from "@trpc/server";

export type TokenPreview<T> = { value: T } | { problem: string };

/**
 * What a link's token opens, or the visitor-facing reason it opens nothing. Malformed and unknown tokens alike come
 * back from the API as client errors whose messages are written for the visitor; anything else is a fault and throws.
 */
export async function previewToken<T>(load: () => Promise<T>): Promise<TokenPreview<T>> {
  try {
    return { value: await load() };
  } catch (err) {
    if (err instanceof TRPCError && err.code !== "INTERNAL_SERVER_ERROR") return { problem: err.message };
    throw err;
  }
}
