"use client";
import { useId, useState } from "react";
import {
  checkLabelName,
  checkShortcut,
  LABEL_COLOURS,
  type LabelColour,
  MAX_LABEL_NAME,
} from "@/server/api/contract/labels";
import { COLOUR_NAMES } from "../_labels/label-chip";

export interface LabelDraft {
  name: string;
  colour: LabelColour;
  shortcut: string;
}

interface Props {
  initial: LabelDraft;
  /** The review's other labels, whose names and keys this one may not take. */
  others: { name: string; shortcut: string | null }[];
  submitLabel: string;
  busy: boolean;
  onSubmit: (draft: LabelDraft) => void;
  onCancel?: () => void;
}

/**
 * A label's name, colour and key, checked as the lead types by the rules the server applies, so a name that
 * says a verdict or a key the screening screen uses is explained before anything is sent.
 */
export function LabelFields({ initial, others, submitLabel, busy, onSubmit, onCancel }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState(false);
  const name = checkLabelName(draft.name);
  const duplicate = "name" in name && others.some((o) => o.name.toLocaleLowerCase() === name.name.toLocaleLowerCase());
  const nameError = "error" in name ? name.error : duplicate ? "The review already has a label of this name." : null;
  const shortcut = checkShortcut(draft.shortcut, others);
  const shortcutError = "error" in shortcut ? shortcut.error : null;
  const showNameError = nameError && (touched || draft.name.trim() !== "");
  return (
    <form
      className="label-fields"
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!nameError && !shortcutError) onSubmit(draft);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape" && onCancel) {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          type="text"
          className="label-name-input"
          value={draft.name}
          maxLength={MAX_LABEL_NAME + 10}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          aria-invalid={showNameError ? true : undefined}
          aria-describedby={`${id}-name-msg`}
          // biome-ignore lint/a11y/noAutofocus: editing a label starts at its name
          autoFocus={onCancel !== undefined}
          required
        />
        <span id={`${id}-name-msg`} className={showNameError ? "error-text" : "hint"}>
          {showNameError ? nameError : "What the record is about, e.g. “Animal study” or “Ask the statistician”."}
        </span>
      </div>
      <fieldset className="colour-choice">
        <legend>Colour</legend>
        <div className="colour-options">
          {LABEL_COLOURS.map((colour) => (
            <label key={colour} className={`label-chip label-${colour} colour-option`}>
              <input
                type="radio"
                name={`${id}-colour`}
                value={colour}
                checked={draft.colour === colour}
                onChange={() => setDraft({ ...draft, colour })}
              />
              {COLOUR_NAMES[colour]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field shortcut-field">
        <label htmlFor={`${id}-key`}>Screening key (optional)</label>
        <input
          id={`${id}-key`}
          type="text"
          value={draft.shortcut}
          maxLength={1}
          size={3}
          autoComplete="off"
          onChange={(e) => setDraft({ ...draft, shortcut: e.target.value.toUpperCase() })}
          aria-invalid={shortcutError ? true : undefined}
          aria-describedby={`${id}-key-msg`}
        />
        <span id={`${id}-key-msg`} className={shortcutError ? "error-text" : "hint"}>
          {shortcutError ??
            "A letter or 0 that puts the label on or off while screening. I, E, M, N, Z and 1–9 decide."}
        </span>
      </div>
      <div className="row-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-secondary btn-small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
