import type { ReactNode } from "react";

/** Attributes a body cell may carry besides its content and classes. */
export interface CellAttributes {
  /** For aria-describedby and the like elsewhere in the row. */
  id?: string;
  title?: string;
  rowSpan?: number;
  /** The cells of the columns it spans over are left out of the row. */
  colSpan?: number;
}

export interface Column<Row> {
  /** Names the column among its siblings; never shown. */
  key: string;
  /** The column's heading; null leaves the heading cell empty (the corner of a table whose rows are headed). */
  header: ReactNode;
  /** The heading is for screen readers only, e.g. "Actions" over a column of buttons. */
  hideHeader?: boolean;
  /** A tooltip on the heading. */
  headerTitle?: string;
  cell: (row: Row, index: number) => ReactNode;
  /** Figures: right-aligned, in digits of one width, heading included. A cell spanning several columns is not. */
  numeric?: boolean;
  /** This column's cell names its row (a row header, `th scope="row"`). */
  rowHeader?: boolean;
  /** Classes of the column's body cells: the same in every row, or chosen per row. */
  className?: string | ((row: Row, index: number) => string | undefined);
  cellProps?: (row: Row, index: number) => CellAttributes;
  /** True where a cell of a row above spans down into this row, which then has no cell of its own here. */
  covered?: (row: Row, index: number) => boolean;
}

interface Props<Row> {
  /** False, null and undefined entries are left out, so a column can be included on a condition. */
  columns: readonly (Column<Row> | false | null | undefined)[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  rowClassName?: (row: Row, index: number) => string | undefined;
  caption?: ReactNode;
  captionClassName?: string;
  /** Names the table for screen readers when it has no caption. */
  label?: string;
  /** Classes beside "data", for a table that needs its own look. */
  className?: string;
  /** The table scrolls sideways on its own when it is wider than the screen, rather than the page. */
  scroll?: boolean;
  /**
   * Scrolls in a box of its own, at most about a screen high, with the heading row (and the row headers, when the
   * first column holds them) staying in view, so that a value deep in a wide table keeps its column's name. The box
   * is a region named by `label` that keyboard users focus to scroll it with the arrow keys.
   */
  stickyHeadings?: boolean;
  /** Shown instead of the table when there are no rows; without it an empty table is shown. */
  empty?: ReactNode;
  /** A heading over the rows that follow, spanning every column; nothing where this row starts no new group. */
  groupHeading?: (row: Row, index: number) => ReactNode;
  /**
   * A full-width row under this row with more about it; nothing where there is no more. With details, each row
   * and its details are a group of their own (a tbody), so they stay together.
   */
  details?: (row: Row, index: number) => ReactNode;
}

function classes(...names: (string | false | null | undefined)[]): string | undefined {
  return names.filter(Boolean).join(" ") || undefined;
}

function present(node: ReactNode): boolean {
  return node !== null && node !== undefined && node !== false && node !== "";
}

function HeaderCell<Row>({ column }: { column: Column<Row> }) {
  if (column.header === null) return <td />;
  return (
    <th
      scope="col"
      className={classes(column.numeric && "num", column.rowHeader && "row-heading")}
      title={column.headerTitle}
    >
      {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
    </th>
  );
}

function bodyCells<Row>(columns: Column<Row>[], row: Row, index: number): ReactNode[] {
  const cells: ReactNode[] = [];
  let spanned = 0;
  for (const column of columns) {
    if (spanned > 0) {
      spanned--;
      continue;
    }
    if (column.covered?.(row, index)) continue;
    const attributes = column.cellProps?.(row, index) ?? {};
    const span = attributes.colSpan ?? 1;
    spanned = span - 1;
    const own = typeof column.className === "function" ? column.className(row, index) : column.className;
    const className = classes(column.numeric && span === 1 && "num", own);
    const content = column.cell(row, index);
    cells.push(
      column.rowHeader ? (
        <th key={column.key} scope="row" className={className} {...attributes}>
          {content}
        </th>
      ) : (
        <td key={column.key} className={className} {...attributes}>
          {content}
        </td>
      ),
    );
  }
  return cells;
}

/** A table of rows under column headings, built from column definitions; class "data" gives it its look. */
export function DataTable<Row>(props: Props<Row>) {
  const {
    rows,
    rowKey,
    rowClassName,
    caption,
    captionClassName,
    label,
    className,
    scroll,
    stickyHeadings,
    empty,
    groupHeading,
    details,
  } = props;
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const columns = props.columns.filter((c): c is Column<Row> => Boolean(c));

  const rowsOf = (row: Row, index: number, extraClass?: string) => {
    const key = rowKey(row, index);
    const heading = groupHeading?.(row, index);
    return [
      present(heading) && (
        <tr key={`${key}-group`} className="group-heading">
          <th scope="rowgroup" colSpan={columns.length}>
            {heading}
          </th>
        </tr>
      ),
      <tr key={key} className={classes(rowClassName?.(row, index), extraClass)}>
        {bodyCells(columns, row, index)}
      </tr>,
    ];
  };

  const table = (
    <table className={classes("data", className)} aria-label={label}>
      {present(caption) && <caption className={captionClassName}>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <HeaderCell key={column.key} column={column} />
          ))}
        </tr>
      </thead>
      {details ? (
        rows.map((row, index) => {
          const more = details(row, index);
          return (
            <tbody key={rowKey(row, index)} className="row-group">
              {rowsOf(row, index, present(more) ? "has-details" : undefined)}
              {present(more) && (
                <tr className="row-details">
                  <td colSpan={columns.length}>{more}</td>
                </tr>
              )}
            </tbody>
          );
        })
      ) : (
        <tbody>{rows.flatMap((row, index) => rowsOf(row, index))}</tbody>
      )}
    </table>
  );
  if (stickyHeadings)
    return (
      // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll the box with the arrow keys once it has focus (WCAG 2.1.1).
      <section className="table-scroll sticky-headings" aria-label={label} tabIndex={0}>
        {table}
      </section>
    );
  return scroll ? <div className="table-scroll">{table}</div> : table;
}
