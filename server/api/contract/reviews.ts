// The part of reviews the screens may use: a new review's input and defaults, and a stage's settings.
export { DEFAULT_EXCLUSION_REASONS, NewReviewInput, type StageSettings } from "../../reviews/review-settings";
