import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { applyLanguage, initI18n } from './i18n/index.ts';
import { followProfileLanguage } from './i18n/profile-language.ts';
import { useHavenStore } from './store/index.ts';
import './styles.css';
import './styles/landing.css';
import './styles/forms.css';
import './styles/pages.css';
import './styles/components.css';

initI18n(useHavenStore.getState().language);

// The store holds the chosen language; i18next, <html lang> and storage follow it.
useHavenStore.subscribe((state, previous) => {
  if (state.language !== previous.language) void applyLanguage(state.language);
});

// A signed-in member's language comes from their profile (i18n/profile-language.ts).
followProfileLanguage(useHavenStore);

// Who is signed in: asked once at start; the header and pages follow the store.
void useHavenStore.getState().loadSession();

const container = document.getElementById('root');
if (!container) throw new Error('Haven: #root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
