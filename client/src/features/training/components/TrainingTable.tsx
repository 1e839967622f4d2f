import { type ReactNode, useId } from 'react';

/**
 * The training pages' tables: a caption, one header row of columns and the given bodies.
 * On a narrow screen the table scrolls sideways inside its own region, labelled by the
 * caption and reachable by keyboard, so the page itself never does.
 */
export function TrainingTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: string[];
  /** One or more `<tbody>`. */
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <section
      className="training-table-scroll"
      aria-labelledby={captionId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
    >
      <table className="training-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </section>
  );
}
