import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { api } from './api';
import { prepareForCsp } from './csp';
import { initI18n } from './i18n';
import type { Language } from '../../shared/vault';
import './styles.css';

async function start(): Promise<void> {
  prepareForCsp();
  let language: Language = 'lt';
  let version = '';
  const info = await api?.app.info({});
  if (info?.ok) {
    language = info.value.language;
    version = info.value.version;
  }
  await initI18n(language);
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App bridge={api !== undefined} version={version} />
    </StrictMode>,
  );
}

void start();
