// What the team reads about its calibration rounds. While a round is open only who has finished is told (never
// a verdict); once it is closed, every participant's verdict and reason on every record, the criteria it was
// screened under, and its agreement.

import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ActorScope } from "../shared/actor";
import { isSplit, type RoundVerdict, roundAgreement } from "./round-agreement";

type ReasonLabels = { title_abstract: string[]; full_text: string[] };

async function participantsOf(db: Db, roundIds: string[]) {
  return db.calibrationParticipant.findMany({
    where: { roundId: { in: roundIds } },
    include: { user: { select: { name: true } } },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
  });
}

/**
 * Every round, newest first, with its progress: how many of its records each participant has decided, which
 * says who has finished and nothing of how anyone decided. Closed rounds carry their kappa, for the history.
 */
export async function listRounds(db: Db, scope: ActorScope) {
  const rounds = await db.calibrationRound.findMany({
    where: { reviewId: scope.reviewId },
    orderBy: { number: "desc" },
    include: {
      criteriaVersion: { select: { number: true } },
      openedBy: { select: { name: true } },
      _count: { select: { records: true } },
    },
  });
  const ids = rounds.map((r) => r.id);
  const [participants, decided, closedVotes] = await Promise.all([
    participantsOf(db, ids),
    db.calibrationDecision.groupBy({ by: ["roundId", "reviewerId"], where: { roundId: { in: ids } }, _count: true }),
    db.calibrationDecision.findMany({
      where: { round: { reviewId: scope.reviewId, status: "closed" } },
      select: { roundId: true, recordId: true, reviewerId: true, verdict: true },
    }),
  ]);
  return rounds.map((round) => {
    const people = participants.filter((p) => p.roundId === round.id);
    const closed = round.status === "closed";
    const progress = people.map((p) => {
      const done = decided.find((d) => d.roundId === round.id && d.reviewerId === p.userId)?._count ?? 0;
      return { id: p.userId, name: p.user.name, decided: done, finished: done >= round._count.records };
    });
    return {
      id: round.id,
      number: round.number,
      stage: round.stage,
      status: round.status,
      criteriaVersion: round.criteriaVersion.number,
      kappaTarget: round.kappaTarget,
      openedBy: round.openedBy.name,
      openedAt: round.openedAt,
      closedAt: round.closedAt,
      adoptedAt: round.adoptedAt,
      records: round._count.records,
      isParticipant: people.some((p) => p.userId === scope.actorId),
      /** The caller takes part and has records of the round left to decide. */
      waitsForMe: round.status === "open" && progress.some((p) => p.id === scope.actorId && !p.finished),
      participants: progress,
      agreement: closed
        ? summary(
            people.map((p) => p.userId),
            closedVotes.filter((v) => v.roundId === round.id),
          )
        : null,
    };
  });
}

function votesOf(decisions: { recordId: string; reviewerId: string; verdict: RoundVerdict }[]) {
  const votes = new Map<string, Map<string, RoundVerdict>>();
  for (const d of decisions) {
    if (!votes.has(d.recordId)) votes.set(d.recordId, new Map());
    votes.get(d.recordId)!.set(d.reviewerId, d.verdict);
  }
  return votes;
}

function summary(participants: string[], decisions: { recordId: string; reviewerId: string; verdict: RoundVerdict }[]) {
  const { kappa, interpretation, percentAgreement, complete, fleiss } = roundAgreement(
    participants,
    votesOf(decisions),
  );
  return {
    kappa,
    interpretation,
    percentAgreement,
    complete,
    statistic: fleiss ? ("fleiss" as const) : ("cohen" as const),
  };
}

/** A closed round side by side: the records where the team split first, then the rest, in the round's order. */
export async function calibrationView(db: Db, scope: ActorScope, roundId: string) {
  const round = await db.calibrationRound.findFirst({
    where: { id: roundId, reviewId: scope.reviewId },
    include: { criteriaVersion: { include: { actor: { select: { name: true } } } } },
  });
  if (!round) throw new AppError("NOT_FOUND", "That calibration round is not in this review.");
  // Blinding: until the round closes, how anyone decided stays with them.
  if (round.status !== "closed")
    throw new AppError("STALE", `Round ${round.number} is still open: its calibration view opens when it closes.`);
  const [people, records, decisions] = await Promise.all([
    participantsOf(db, [round.id]),
    db.calibrationRecord.findMany({
      where: { roundId },
      orderBy: { position: "asc" },
      include: { record: { select: { id: true, title: true, year: true, authors: true, journal: true } } },
    }),
    db.calibrationDecision.findMany({
      where: { roundId },
      include: { reason: { select: { label: true } } },
    }),
  ]);
  const participants = people.map((p) => ({ id: p.userId, name: p.user.name }));
  const agreement = roundAgreement(
    participants.map((p) => p.id),
    votesOf(decisions),
  );
  const name = (id: string) => participants.find((p) => p.id === id)?.name ?? "?";
  const rows = records.map(({ record, adoptedAt }) => {
    const verdicts = participants.map((p) => {
      const d = decisions.find((x) => x.recordId === record.id && x.reviewerId === p.id);
      return {
        participantId: p.id,
        verdict: d?.verdict ?? null,
        reason: d?.reason?.label ?? null,
        note: d?.note ?? "",
      };
    });
    const given = verdicts.flatMap((v) => (v.verdict ? [v.verdict] : []));
    return {
      record: { id: record.id, title: record.title, year: record.year, firstAuthor: record.authors[0] ?? null },
      verdicts,
      split: isSplit(given),
      complete: given.length === participants.length,
      adopted: adoptedAt !== null,
    };
  });
  const { actor, actorId: _actorId, ...version } = round.criteriaVersion;
  return {
    round: {
      id: round.id,
      number: round.number,
      stage: round.stage,
      kappaTarget: round.kappaTarget,
      openedAt: round.openedAt,
      closedAt: round.closedAt,
      adoptedAt: round.adoptedAt,
    },
    criteria: { ...version, exclusionReasons: version.exclusionReasons as ReasonLabels, by: actor.name },
    participants,
    // Splits first, so the discussion starts where the team disagreed.
    records: [...rows.filter((r) => r.split), ...rows.filter((r) => !r.split)],
    agreement: {
      ...agreement,
      pairs: agreement.pairs.map((p) => ({ ...p, a: name(p.a), b: name(p.b) })),
      statistic: agreement.fleiss ? ("fleiss" as const) : ("cohen" as const),
      reached: agreement.kappa !== null && agreement.kappa >= round.kappaTarget,
    },
    /** How many records' unanimous verdicts adopting would settle (at most: screening may have reached some). */
    unanimous: rows.filter((r) => r.complete && !r.split && r.verdicts[0]?.verdict !== "maybe").length,
  };
}

/**
 * Each closed round's agreement with its participants' names, oldest first, for the agreement report's export:
 * the team's kappa before screening, beside the review's own.
 */
export async function closedRoundAgreements(db: Db, reviewId: string) {
  const rounds = await db.calibrationRound.findMany({
    where: { reviewId, status: "closed" },
    orderBy: { number: "asc" },
    include: { criteriaVersion: { select: { number: true } }, _count: { select: { records: true } } },
  });
  const ids = rounds.map((r) => r.id);
  const [people, decisions] = await Promise.all([
    participantsOf(db, ids),
    db.calibrationDecision.findMany({
      where: { roundId: { in: ids } },
      select: { roundId: true, recordId: true, reviewerId: true, verdict: true },
    }),
  ]);
  return rounds.map((round) => {
    const participants = people.filter((p) => p.roundId === round.id);
    const agreement = roundAgreement(
      participants.map((p) => p.userId),
      votesOf(decisions.filter((d) => d.roundId === round.id)),
    );
    return {
      number: round.number,
      stage: round.stage,
      criteriaVersion: round.criteriaVersion.number,
      participants: participants.map((p) => p.user.name),
      records: round._count.records,
      ...agreement,
    };
  });
}
