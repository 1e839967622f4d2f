import type { ReactNode } from 'react';
import { useDocumentTitle } from '../routing/navigation.ts';

/** A page's frame: its h1 (focused after navigation) and the document title to match. */
export function Page({
  title,
  intro,
  children,
  narrow = false,
}: {
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
  narrow?: boolean;
}) {
  useDocumentTitle(title);
  return (
    <div className={`page container${narrow ? ' page-narrow' : ''}`}>
      <h1>{title}</h1>
      {intro && <p className="page-intro">{intro}</p>}
      {children}
    </div>
  );
}
