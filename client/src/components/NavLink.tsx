import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

/** A link that tells assistive technology when it points at the page being shown. */
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
    <Link href={href} className={className} aria-current={location === href ? 'page' : undefined}>
      {children}
    </Link>
  );
}
