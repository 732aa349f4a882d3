// Which of a tool's conditional questions are asked, given the answers so far. Pure.
import type { DomainDefinition, Question, Responses } from "./types";

/**
 * The answers as the tool reads them: a question whose printed condition is not met reads as NA whatever was
 * stored. Conditions only look back at earlier questions, so one pass in the tool's order settles them all.
 */
export function askedResponses(domains: readonly DomainDefinition[], responses: Responses): Record<string, string> {
  const asked: Record<string, string> = {};
  for (const [id, value] of Object.entries(responses)) if (value !== undefined && value !== "") asked[id] = value;
  for (const domain of domains) {
    for (const question of domain.questions) {
      if (question.when && !question.when(asked)) asked[question.id] = "NA";
    }
  }
  return asked;
}

/** The questions not asked for these answers (their conditions are not met). */
export function skippedQuestions(domains: readonly DomainDefinition[], responses: Responses): Set<string> {
  const asked = askedResponses(domains, responses);
  const skipped = new Set<string>();
  for (const domain of domains) {
    for (const question of domain.questions) if (isSkipped(question, asked)) skipped.add(question.id);
  }
  return skipped;
}

function isSkipped(question: Question, asked: Responses): boolean {
  return question.when !== undefined && !question.when(asked);
}
