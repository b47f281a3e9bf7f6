import { Link } from '../components/Link';
import { useT } from '../i18n';

export function NotFoundPage() {
  const t = useT();
  return (
    <main className="centered">
      <p>{t.notFoundPage}</p>
      <Link href="/" className="button">
        {t.backHome}
      </Link>
    </main>
  );
}
