import type { ReactNode, Ref } from "react";

export type AlertKind = "error" | "info" | "success";

interface AlertProps {
  /** What to say. An alert with nothing to say (null, undefined, false or "") is not shown. */
  children?: ReactNode;
  /** Classes beside the alert's own, e.g. "small". */
  className?: string;
  /** With tabIndex -1, focus can be moved to a message that replaces the element that had it. */
  ref?: Ref<HTMLDivElement>;
  tabIndex?: number;
}

/**
 * A message in a coloured box. Errors are announced at once (role "alert"); information and success wait
 * for the screen reader to finish what it is saying (role "status").
 */
export function Alert({ kind, children, className, ref, tabIndex }: AlertProps & { kind: AlertKind }) {
  if (children === null || children === undefined || children === false || children === "") return null;
  return (
    <div
      ref={ref}
      tabIndex={tabIndex}
      className={className ? `alert alert-${kind} ${className}` : `alert alert-${kind}`}
      role={kind === "error" ? "alert" : "status"}
    >
      {children}
    </div>
  );
}

export function ErrorAlert(props: AlertProps) {
  return <Alert kind="error" {...props} />;
}

export function InfoAlert(props: AlertProps) {
  return <Alert kind="info" {...props} />;
}

export function SuccessAlert(props: AlertProps) {
  return <Alert kind="success" {...props} />;
}
