import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Indonesian first, English second. Each feature keeps its strings in `locales/<lang>/<feature>.json`;
 * they are merged into one catalogue per language so keys stay semantic (`business.form.nik`).
 */
type Tree = { [k: string]: string | Tree };

function deepMerge(into: Tree, from: Tree): Tree {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k];
    if (typeof v === 'object' && typeof cur === 'object') deepMerge(cur, v);
    else into[k] = v;
  }
  return into;
}

const files = import.meta.glob<Tree>('../locales/*/*.json', { eager: true, import: 'default' });
const resources: Record<string, { translation: Tree }> = {};
for (const [file, tree] of Object.entries(files)) {
  const lang = file.split('/').at(-2)!;
  resources[lang] ??= { translation: {} };
  deepMerge(resources[lang].translation, tree);
}

void i18next.use(initReactI18next).init({
  resources,
  lng: 'id',
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
  returnNull: false,
});
