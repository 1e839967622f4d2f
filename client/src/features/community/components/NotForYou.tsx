import { Link } from 'wouter';

/** What a member without the role sees on a staff page: said plainly, with a way back. */
export function NotForYou({
  text,
  back,
  backLabel,
}: {
  text: string;
  back: string;
  backLabel: string;
}) {
  return (
    <div className="panel">
      <p>{text}</p>
      <p>
        <Link href={back}>{backLabel}</Link>
      </p>
    </div>
  );
}
