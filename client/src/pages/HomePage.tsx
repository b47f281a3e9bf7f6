import { useState } from 'react';
import { CommunityCreateForm, type CommunityPrefill } from '../components/archive/CommunityCreateForm';
import { CreateSessionForm } from '../components/CreateSessionForm';
import { FlashNotice } from '../components/FlashNotice';
import { JoinForm } from '../components/JoinForm';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Link } from '../components/Link';
import { useT } from '../i18n';
import { ACCESSIBILITY_PATH } from '../router';
import '../styles/accessibility.css';

export function HomePage({ code }: { code: string | null }) {
  const t = useT();
  const [community, setCommunity] = useState<CommunityPrefill | null>(null);
  return (
    <div className="home">
      <header className="home-header">
        <div>
          <h1 className="brand">{t.appName}</h1>
          <p className="muted">{t.tagline}</p>
        </div>
        <LanguageSwitch />
      </header>
      <FlashNotice />
      <main className="home-panels">
        <CreateSessionForm community={community} />
        {/* Keyed by code so following another join link resets the prefilled form. */}
        <JoinForm key={code ?? ''} initialCode={code} />
        <CommunityCreateForm onUse={setCommunity} />
      </main>
      <footer className="home-footer">
        <Link href={ACCESSIBILITY_PATH} data-testid="accessibility-link">
          {t.accessibility.footerLink}
        </Link>
      </footer>
    </div>
  );
}
