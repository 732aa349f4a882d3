"use client";

type Choices<K extends string> = readonly (readonly [K, string])[];

/** A filter over fixed values, each of them listed ("any" among them). */
interface FixedProps<K extends string> {
  id: string;
  label: string;
  value: K;
  choices: Choices<K>;
  anyLabel?: undefined;
  onChange: (value: K) => void;
}

/** A filter by id (source, import, label…): `anyLabel` comes first and stands for no filter (undefined). */
interface ByIdProps<K extends string> {
  id: string;
  label: string;
  value: K | undefined;
  choices: Choices<K>;
  anyLabel: string;
  onChange: (value: K | undefined) => void;
}

/** One filter of the record browser: a labelled select. */
export function FilterSelect<K extends string>(props: FixedProps<K> | ByIdProps<K>) {
  const { id, label, value, choices, anyLabel } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(event) => {
          const chosen = event.target.value as K;
          if (props.anyLabel === undefined) props.onChange(chosen);
          else props.onChange(chosen || undefined);
        }}
      >
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {choices.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The choices of a filter over fixed values, from their texts (a value left out is not offered). */
export function choicesOf<K extends string>(texts: Partial<Record<K, string>>): [K, string][] {
  return Object.entries(texts) as [K, string][];
}
