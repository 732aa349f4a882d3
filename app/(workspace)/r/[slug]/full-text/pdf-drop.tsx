"use client";
import { type DragEvent, useRef, useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { formatBytes } from "@/app/_lib/format";
import { ProgressBar, percentOf } from "@/app/(workspace)/r/[slug]/import/progress-bar";
import { uploadPdf } from "./upload-pdf";

interface Props {
  reviewId: string;
  reportId: string;
  replacing: boolean;
  maxBytes: number;
  onUploaded: () => void;
}

type State =
  | { phase: "idle" }
  | { phase: "uploading"; name: string; size: number; loaded: number }
  | { phase: "failed"; message: string };

/** Drop a PDF on the report, or choose one; the bar follows the bytes going up. */
export function PdfDrop({ reviewId, reportId, replacing, maxBytes, onUploaded }: Props) {
  const [state, setState] = useState<State>({ phase: "idle" });
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inputId = `pdf-${reportId}`;

  async function send(file: File | undefined) {
    if (!file) return;
    if (input.current) input.current.value = "";
    // The server checks again, by content; this only spares a long upload that is bound to be refused.
    if (file.size > maxBytes) {
      setState({
        phase: "failed",
        message: `This PDF is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`,
      });
      return;
    }
    setState({ phase: "uploading", name: file.name, size: file.size, loaded: 0 });
    try {
      await uploadPdf(file, { reviewId, reportId }, (loaded) =>
        setState({ phase: "uploading", name: file.name, size: file.size, loaded }),
      );
      setState({ phase: "idle" });
      onUploaded();
    } catch (err) {
      setState({ phase: "failed", message: err instanceof Error ? err.message : String(err) });
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    void send(event.dataTransfer.files[0]);
  }

  if (state.phase === "uploading") {
    const percent = percentOf(state.loaded, state.size);
    return (
      <ProgressBar
        label={`Uploading ${state.name}`}
        fraction={percent / 100}
        text={`Uploading ${state.name}: ${percent} % of ${formatBytes(state.size)}`}
      />
    );
  }
  return (
    <div
      className={over ? "pdf-drop over" : "pdf-drop"}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label htmlFor={inputId}>{replacing ? "Replace the PDF" : "PDF file"}</label>
      <input
        id={inputId}
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        onChange={(e) => void send(e.target.files?.[0])}
      />
      <span className="hint">Drop a PDF here or choose one (at most {formatBytes(maxBytes)}).</span>
      {state.phase === "failed" && <ErrorAlert>{state.message}</ErrorAlert>}
    </div>
  );
}
