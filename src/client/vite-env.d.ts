/// <reference types="vite/client" />

/** One language's UI texts, cut from the catalogue at build time (scripts/vite-plugins.ts). */
declare module 'virtual:qiao-messages/*' {
  const messages: Readonly<Record<import('./i18n/catalogue.ts').MessageKey, string>>;
  export default messages;
}
