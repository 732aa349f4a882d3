// How big a calibration round may be and the agreement it aims for unless the lead says otherwise; the screens
// read them too (through server/api/contract/calibration.ts).
export const DEFAULT_KAPPA_TARGET = 0.6;
export const MAX_ROUND_RECORDS = 200;
