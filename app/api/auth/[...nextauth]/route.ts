import { authHandler } from "@/server/api/auth-handler";

export { authHandler as GET, authHandler as POST };
