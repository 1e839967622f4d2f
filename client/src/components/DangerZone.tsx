import { useId } from 'react';
import { ConfirmButton, type ConfirmButtonProps } from './ConfirmButton.tsx';

/**
 * A panel with a red edge for deleting something for good (an account, a meeting): what
 * will happen, and a button that asks again in a dialog (ConfirmButton) before doing it.
 */
export function DangerZone({
  heading,
  intro,
  className,
  ...confirm
}: Omit<ConfirmButtonProps, 'className'> & {
  heading: string;
  intro: string;
  /** Classes for the section, besides `panel danger-zone`. */
  className?: string;
}) {
  const headingId = useId();
  return (
    <section
      className={`panel danger-zone${className ? ` ${className}` : ''}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{heading}</h2>
      <p>{intro}</p>
      <ConfirmButton {...confirm} />
    </section>
  );
}
