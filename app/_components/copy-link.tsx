"use client";
import { useRef, useState } from "react";

/**
 * A link to hand over (an invitation, a password reset): shown read-only with a Copy button. Give it `key={link}`
 * so a new link starts without the last one's copy message.
 */
export function CopyLink({ id, label, link }: { id: string; label: string; link: string }) {
  const [status, setStatus] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setStatus("Link copied.");
    } catch {
      // Browsers offer no clipboard API on plain-http origins, common for self-hosted servers.
      ref.current?.select();
      setStatus("The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.");
    }
  }

  return (
    <>
      <label htmlFor={id} className="small">
        {label}
      </label>
      <div className="copy-row">
        <input id={id} ref={ref} type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
        <button type="button" className="btn btn-secondary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      {status && <p className="small">{status}</p>}
    </>
  );
}
