// The part of calibration rounds the screens may use: how many records a round may hold.
export { MAX_ROUND_RECORDS } from "../../calibration/round-limits";
