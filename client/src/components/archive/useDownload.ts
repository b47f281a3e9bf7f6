import { useState } from 'react';
import { useT } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { saveFile, type FetchedFile } from '../../net/communityApi';

export type DownloadMessage = { text: string; error: boolean } | null;

/**
 * A file download of the archive page (zip, booklet): busy while it runs (a second click is
 * ignored), then a status line that says it worked or, in words, why not.
 */
export function useDownload() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<DownloadMessage>(null);

  const download = async (fetchIt: () => Promise<FetchedFile>, done: (file: FetchedFile) => string, failed: string) => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const file = await fetchIt();
      saveFile(file);
      setMessage({ text: done(file), error: false });
    } catch (err) {
      setMessage({ text: `${failed} (${describeError(t, err)})`, error: true });
    } finally {
      setBusy(false);
    }
  };

  return { busy, message, setMessage, download };
}
