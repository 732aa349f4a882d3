// The forms Sift ships; a review can start from one when it is created or later on the Extraction page.
import { type FormDefinition as Definition, FormDefinition } from "../form-definition";
import { ALS_CLINICAL } from "./als-clinical";
import { ALS_PRECLINICAL } from "./als-preclinical";
import { TEMPLATE_NAMES, type TemplateId } from "./template-ids";

export { TEMPLATE_IDS, type TemplateId } from "./template-ids";

export const TEMPLATES: Record<TemplateId, { name: string; description: string; definition: Definition }> = {
  als_clinical: {
    name: TEMPLATE_NAMES.als_clinical,
    description:
      "Trials of MSC and NSC/NPC in ALS: design, participants (diagnostic criteria, onset site, genetics, baseline ALSFRS-R and its pre-treatment slope), cell product, dose per kg and route, ALSFRS-R, FVC, survival, adverse events, funding.",
    definition: FormDefinition.parse(ALS_CLINICAL),
  },
  als_preclinical: {
    name: TEMPLATE_NAMES.als_preclinical,
    description:
      "Animal studies (SOD1-G93A and other models): model, timing relative to onset, randomisation, blinding, exclusions, cell product and dose per kg, onset, survival, motor tests.",
    definition: FormDefinition.parse(ALS_PRECLINICAL),
  },
};
