import type { ReactNode } from "react";

interface Props {
  /** Why nothing is here, and what brings something: a sentence or two. */
  children: ReactNode;
  /** A heading above the message, for a page that has nothing yet rather than a list that is empty. */
  title?: string;
  /** What follows the message: further notes, and links or buttons to get started. */
  actions?: ReactNode;
  /** Framed as a card, where the page's main content would be. */
  card?: boolean;
  /** A plain line where a table or list would be, rather than a centred panel. */
  compact?: boolean;
}

/** What a screen, tab or table shows when it has nothing to show. */
export function EmptyState({ children, title, actions, card = false, compact = false }: Props) {
  if (compact) return <p className="muted">{children}</p>;
  if (!title && !actions && !card) return <p className="empty muted">{children}</p>;
  return (
    <div className={card ? "card empty" : "empty"}>
      {title && <h2>{title}</h2>}
      <p className={title ? "muted" : undefined}>{children}</p>
      {actions}
    </div>
  );
}
