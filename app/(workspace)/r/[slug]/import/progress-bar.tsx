interface Props {
  label: string;
  /** 0..1, or null while the amount of work is not known yet. */
  fraction: number | null;
  text: string;
}

/** A labelled bar whose text says the same as the bar, so nobody needs to read the bar itself. */
export function ProgressBar({ label, fraction, text }: Props) {
  const percent = fraction === null ? null : Math.min(100, Math.max(0, Math.floor(fraction * 100)));
  return (
    <div className="progress">
      <div
        className={percent === null ? "progress-track progress-unknown" : "progress-track"}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={text}
      >
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <span className="progress-text">{text}</span>
    </div>
  );
}

export function percentOf(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
}
