import { trpcHandler } from "@/server/api/trpc-handler";

export { trpcHandler as GET, trpcHandler as POST };
