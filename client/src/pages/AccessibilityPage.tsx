import { LanguageSwitch } from '../components/LanguageSwitch';
import { Link } from '../components/Link';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useT } from '../i18n';
import { useUiStore } from '../stores/uiStore';
import '../styles/accessibility.css';

/** The day the statement's text was last checked against the tests it describes (yyyy-mm-dd). */
const STATEMENT_DATE = '2026-12-02';

function formatDate(isoDay: string, locale: string): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The accessibility statement (issue 18): the standard, what is tested, what is known not to conform. */
export function AccessibilityPage() {
  const t = useT();
  const a = t.accessibility;
  const locale = useUiStore((s) => s.locale);
  // The tab says which page this is (WCAG 2.4.2), in the chosen language.
  useDocumentTitle(a.title, t.appName);
  return (
    <div className="home statement" data-testid="accessibility-page">
      <header className="home-header">
        <div>
          <p className="brand">
            <Link href="/">{t.appName}</Link>
          </p>
          <h1>{a.title}</h1>
        </div>
        <LanguageSwitch />
      </header>
      <main>
        <p>{a.intro}</p>
        <section aria-labelledby="a11y-standard">
          <h2 id="a11y-standard">{a.standardHeading}</h2>
          <p>{a.standard}</p>
          <p>
            <strong>{a.status}</strong>
          </p>
        </section>
        <section aria-labelledby="a11y-tested">
          <h2 id="a11y-tested">{a.testedHeading}</h2>
          <p>{a.testedIntro}</p>
          <ul data-testid="accessibility-tested">
            {a.tested.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="a11y-known">
          <h2 id="a11y-known">{a.knownHeading}</h2>
          <ul data-testid="accessibility-known">
            {a.known.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="a11y-report">
          <h2 id="a11y-report">{a.reportHeading}</h2>
          <p>{a.report}</p>
        </section>
        <section aria-labelledby="a11y-feedback">
          <h2 id="a11y-feedback">{a.feedbackHeading}</h2>
          <p>{a.feedback}</p>
        </section>
        <p className="muted">{a.updated(formatDate(STATEMENT_DATE, locale))}</p>
        <p>
          <Link href="/" className="button">
            {a.backHome}
          </Link>
        </p>
      </main>
    </div>
  );
}
