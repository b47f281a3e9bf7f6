import { useEffect } from 'react';
import { Toasts } from './components/Toasts';
import { AccessibilityPage } from './pages/AccessibilityPage';
import { ArchivePage } from './pages/ArchivePage';
import { BeamerPage } from './pages/BeamerPage';
import { BoardPage } from './pages/BoardPage';
import { HomePage } from './pages/HomePage';
import { HostPage } from './pages/HostPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { useRoute } from './router';
import { useUiStore } from './stores/uiStore';

export function App() {
  const route = useRoute();
  const locale = useUiStore((s) => s.locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  let page;
  switch (route.name) {
    case 'home':
      page = <HomePage code={route.code} />;
      break;
    case 'board':
      page = <BoardPage key={route.sessionId} sessionId={route.sessionId} />;
      break;
    case 'host':
      page = <HostPage key={route.sessionId} sessionId={route.sessionId} />;
      break;
    case 'beamer':
      page = <BeamerPage key={route.sessionId} sessionId={route.sessionId} />;
      break;
    case 'archive':
      page = <ArchivePage key={route.communityId} communityId={route.communityId} />;
      break;
    case 'accessibility':
      page = <AccessibilityPage />;
      break;
    case 'notFound':
      page = <NotFoundPage />;
      break;
  }
  return (
    <>
      {page}
      <Toasts />
    </>
  );
}
