import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoutes, preloadShell } from './App.tsx';
import { queryClient } from './api/query-client.ts';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { loadLanguage } from './i18n/language-pack.ts';
import { initialLocale } from './i18n/locale-preference.ts';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// Only the language shown is downloaded (its texts, antd's and zod's messages), before the first render.
const locale = initialLocale();
preloadShell(window.location.pathname);
await loadLanguage(locale);

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider initialLocale={locale}>
        <AppRoutes />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
