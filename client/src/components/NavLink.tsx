import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

/**
 * A link that tells assistive technology where the reader is: `page` on the page itself,
 * `true` anywhere inside its section (a meeting under Meetings, a publication under Library).
 */
export function currentFor(location: string, href: string): 'page' | 'true' | undefined {
  if (location === href) return 'page';
  if (href !== '/' && location.startsWith(`${href}/`)) return 'true';
  return undefined;
}

export function NavLink({
  href,
  children,
  className,
}: {
  href: string;
  children: ReactNode;
  className?: string;
}) {
  const [location] = useLocation();
  return (
    <Link href={href} className={className} aria-current={currentFor(location, href)}>
      {children}
    </Link>
  );
}
