import { appraisalRouter } from "./routers/appraisal";
import { authRouter } from "./routers/auth";
import { calibrationRouter } from "./routers/calibration";
import { dashboardRouter } from "./routers/dashboard";
import { duplicatesRouter } from "./routers/duplicates";
import { exportsRouter } from "./routers/exports";
import { extractionRouter } from "./routers/extraction";
import { fullTextRouter } from "./routers/full-text";
import { healthRouter } from "./routers/health";
import { importsRouter } from "./routers/imports";
import { labelsRouter } from "./routers/labels";
import { notesRouter } from "./routers/notes";
import { outcomesRouter } from "./routers/outcomes";
import { prioritiseRouter } from "./routers/prioritise";
import { prisma2020FlowRouter } from "./routers/prisma-2020-flow";
import { recordsRouter } from "./routers/records";
import { reviewsRouter } from "./routers/reviews";
import { screeningRouter } from "./routers/screening";
import { studiesRouter } from "./routers/studies";
import { teamRouter } from "./routers/team";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  health: healthRouter,
  auth: authRouter,
  reviews: reviewsRouter,
  dashboard: dashboardRouter,
  team: teamRouter,
  imports: importsRouter,
  duplicates: duplicatesRouter,
  screening: screeningRouter,
  calibration: calibrationRouter,
  fullText: fullTextRouter,
  studies: studiesRouter,
  appraisal: appraisalRouter,
  exports: exportsRouter,
  prisma2020Flow: prisma2020FlowRouter,
  extraction: extractionRouter,
  prioritise: prioritiseRouter,
  records: recordsRouter,
  labels: labelsRouter,
  notes: notesRouter,
  outcomes: outcomesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
