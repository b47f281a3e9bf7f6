import { BOOKLET_FORMATS, LOCALES, bookletQuery, dutchDay, type BookletFormat, type Locale } from '@casusbord/shared';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { fetchBooklet } from '../../net/communityApi';
import { useUiStore } from '../../stores/uiStore';
import { Field, StatusLine, SubmitButton } from '../Field';
import { useDownload } from './useDownload';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const FORMAT_LABELS: Record<BookletFormat, string> = { pdf: 'PDF', docx: 'Word' };

/**
 * Issue 16: "Boekje maken" — the community booklet of a period as a download. The period is
 * checked with the server's own rule (bookletQuery) before asking; the server checks it again.
 * Defaults: the last twelve months, in the reader's language, as PDF.
 */
export function BookletForm({ communityId, token }: { communityId: string; token: string }) {
  const t = useT();
  const uiLocale = useUiStore((s) => s.locale);
  const [from, setFrom] = useState(() => dutchDay(Date.now() - YEAR_MS));
  const [to, setTo] = useState(() => dutchDay(Date.now()));
  const [lang, setLang] = useState<Locale>(uiLocale);
  const [format, setFormat] = useState<BookletFormat>('pdf');
  const { busy, message, setMessage, download } = useDownload();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = bookletQuery.safeParse({ format, lang, from, to });
    if (!query.success) {
      setMessage({ text: t.booklet.badPeriod, error: true });
      return;
    }
    void download(
      () => fetchBooklet(communityId, token, query.data),
      (file) => t.booklet.done(file.filename),
      t.booklet.failed,
    );
  };

  return (
    <section className="archive-booklet" aria-labelledby="archive-booklet-heading">
      <h2 id="archive-booklet-heading" className="small-heading">
        {t.booklet.heading}
      </h2>
      <p className="hint">{t.booklet.intro}</p>
      <form onSubmit={submit} data-testid="booklet-form" noValidate>
        <div className="booklet-period">
          <Field label={t.booklet.from}>
            <input
              type="date"
              data-testid="booklet-from"
              value={from}
              max={to}
              onChange={(e) => setFrom(e.target.value)}
            />
          </Field>
          <Field label={t.booklet.to}>
            <input type="date" data-testid="booklet-to" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
          </Field>
        </div>
        <div className="booklet-period">
          <Field label={t.booklet.language}>
            <select data-testid="booklet-lang" value={lang} onChange={(e) => setLang(e.target.value as Locale)}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t.booklet.languages[l]}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t.booklet.format}>
            <select
              data-testid="booklet-format"
              value={format}
              onChange={(e) => setFormat(e.target.value as BookletFormat)}
            >
              {BOOKLET_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <SubmitButton busy={busy} label={t.booklet.submit} busyLabel={t.booklet.busy} testId="booklet-submit" />
        <StatusLine message={message} testId="booklet-status" />
      </form>
    </section>
  );
}
