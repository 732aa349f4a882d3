// A consistent, finished flow for the pure tests: every identity holds, both columns are used.
import type { FlowCounts } from "./flow";

export function finishedCounts(): FlowCounts {
  return {
    sources: [
      { name: "PubMed", kind: "database", records: 600 },
      { name: "Embase", kind: "database", records: 450 },
      { name: "ClinicalTrials.gov", kind: "register", records: 50 },
      { name: "Citation searching", kind: "citation_searching", records: 12 },
      { name: "ALS Association", kind: "organisation", records: 3 },
    ],
    duplicates: 300,
    excludedAutomatic: 0,
    excludedOther: 0,
    recordsScreened: 800,
    recordsExcluded: [{ reason: "No reason recorded", n: 740 }],
    recordsExcludedByAutomation: 0,
    recordsAwaiting: 0,
    recordsInconsistent: 0,
    dbr: {
      sought: 60,
      notRetrieved: 5,
      assessed: 55,
      excluded: [
        { reason: "Wrong population", n: 20 },
        { reason: "Wrong intervention", n: 15 },
        { reason: "In vitro only", n: 5 },
      ],
      included: 15,
      stillSought: 0,
    },
    other: {
      sought: 8,
      notRetrieved: 1,
      assessed: 7,
      excluded: [{ reason: "Narrative review", n: 3 }],
      included: 4,
      stillSought: 0,
    },
    reportsAwaiting: 0,
    reportsInconsistent: 0,
    newStudies: 12,
    ungroupedReports: 0,
  };
}
