// Runs in the browser before any of the app's modules (Next's instrumentation-client convention).
import { z } from "zod";

// Zod probes for eval with `new Function("")` when it builds its first object schema. Under our CSP (no
// 'unsafe-eval', see proxy.ts) the probe fails as zod expects, but the browser still reports it as a violation.
// jitless skips the probe; the forms that validate in the browser are far too small for the JIT to matter.
z.config({ jitless: true });
