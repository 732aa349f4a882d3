import { authRouter } from "./routers/auth";
import { healthRouter } from "./routers/health";
import { reviewsRouter } from "./routers/reviews";
import { teamRouter } from "./routers/team";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  health: healthRouter,
  auth: authRouter,
  reviews: reviewsRouter,
  team: teamRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
