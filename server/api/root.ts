import { appraisalRouter } from "./routers/appraisal";
import { authRouter } from "./routers/auth";
import { duplicatesRouter } from "./routers/duplicates";
import { exportsRouter } from "./routers/exports";
import { extractionRouter } from "./routers/extraction";
import { fullTextRouter } from "./routers/full-text";
import { healthRouter } from "./routers/health";
import { importsRouter } from "./routers/imports";
import { prioritiseRouter } from "./routers/prioritise";
import { prismaFlowRouter } from "./routers/prisma-flow";
import { reviewsRouter } from "./routers/reviews";
import { screeningRouter } from "./routers/screening";
import { studiesRouter } from "./routers/studies";
import { teamRouter } from "./routers/team";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  health: healthRouter,
  auth: authRouter,
  reviews: reviewsRouter,
  team: teamRouter,
  imports: importsRouter,
  duplicates: duplicatesRouter,
  screening: screeningRouter,
  fullText: fullTextRouter,
  studies: studiesRouter,
  appraisal: appraisalRouter,
  exports: exportsRouter,
  prismaFlow: prismaFlowRouter,
  extraction: extractionRouter,
  prioritise: prioritiseRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
