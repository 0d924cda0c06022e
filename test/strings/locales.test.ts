import { expect } from '@open-wc/testing';
import type { Strings } from '../../src/strings/strings.js';
import { en as core } from '../../src/strings/en.js';
import { enSelection } from '../../src/strings/en-selection.js';
import { ar } from '../../src/strings/locales/ar.js';
import { de } from '../../src/strings/locales/de.js';
import { es } from '../../src/strings/locales/es.js';
import { fr } from '../../src/strings/locales/fr.js';
import { ja } from '../../src/strings/locales/ja.js';
import { ptBR } from '../../src/strings/locales/pt-BR.js';
import { zhCN } from '../../src/strings/locales/zh-CN.js';

/** English: the texts built in and those of the account selection, which load with the dialog. */
const en: Strings = { ...core, ...enSelection };

/** Each locale with the Intl tag its numbers and plural categories come from. */
const locales: { name: string; tag: string; strings: Strings }[] = [
  { name: 'en', tag: 'en', strings: en },
  { name: 'de', tag: 'de', strings: de },
  { name: 'fr', tag: 'fr', strings: fr },
  { name: 'es', tag: 'es', strings: es },
  { name: 'pt-BR', tag: 'pt-BR', strings: ptBR },
  { name: 'ja', tag: 'ja', strings: ja },
  { name: 'zh-CN', tag: 'zh-CN', strings: zhCN },
  // Latin digits on purpose: see the comment at the top of ar.ts.
  { name: 'ar', tag: 'ar-u-nu-latn', strings: ar },
];

type FunctionKey = {
  [K in keyof Strings]: Strings[K] extends (...args: never[]) => string ? K : never;
}[keyof Strings];

// Distinctive arguments: other scripts, a right-to-left override, quotes, markup, "$&" (a
// replace() pattern), and counts across every plural category of the languages here
// (ar: 0 zero, 1 one, 2 two, 3 and 5 few, 11 and 21 many, 100 other; fr/es/pt: 1000000 many).
const NAMES = ['Zed\u202EAcct', 'Ада & Co', 'متجر الرياض 2', '株式会社テスト', 'O’Brien "Ads" <b>$&</b>'];
const SOURCES = ['Google Ads', 'HubSpot', 'GA4 (Web)'];
const IDS = ['1000007919', 'act_00042', '9f1e-77'];
const MESSAGES = ['You signed in as ana@example.com, not as Zed.', 'Le compte «\u00A0X\u00A0» est différent.'];
// What Intl.RelativeTimeFormat gives in a few languages, with a replace() pattern among them.
const RELATIVE = ['in 5 days', 'dans 23 heures', '5天后', 'خلال 5 أيام', 'in $& days'];
const COUNTS = [0, 1, 2, 3, 5, 11, 21, 100, 1000000, 1000001];

const one = <T>(values: T[]) => values.map((value) => [value] as [T]);
const pairs = COUNTS.flatMap((n) => [[n, 1234567], [4321, n]] as [number, number][]);

/** Sample argument lists for every function of Strings (the type makes it exhaustive). */
const samples: { [K in FunctionKey]: Parameters<Strings[K]>[] } = {
  authorizationFailed: one(MESSAGES),
  accountMismatch: one(MESSAGES),
  connected: one(NAMES),
  reconnected: one(NAMES),
  accountCount: one(COUNTS),
  needsAttention: one(COUNTS),
  dialogTitle: one(SOURCES),
  tableCaption: one(SOURCES),
  makeMainLabel: one(NAMES),
  refreshDataLabel: one(NAMES),
  reconnectLabel: one(NAMES),
  deleteLabel: one(NAMES),
  confirmDelete: NAMES.map((name, i) => [name, IDS[i % IDS.length]!]),
  deleted: one(NAMES),
  deleteFailed: one(NAMES),
  madeMain: one(NAMES),
  makeMainFailed: one(NAMES),
  refreshRequested: one(NAMES),
  refreshFailed: one(NAMES),
  noMatch: one([...NAMES, '  spaced  ']),
  shownCount: pairs,
  failureReason: MESSAGES.map((reason) => [en.deleteFailed(NAMES[0]!), reason]),
  bannerTitle: one(NAMES),
  bannerManyTitle: one(COUNTS),
  failurePosition: pairs,
  retryingIn: one(COUNTS),
  expiringSoon: one(COUNTS),
  expiresIn: one(RELATIVE),
  bannerExpiringTitle: one(NAMES),
  bannerExpiringManyTitle: one(COUNTS),
  expiringMessage: one(RELATIVE),
  selectionIntro: COUNTS.map((n, i) => [n, SOURCES[i % SOURCES.length]!]),
  selectedCount: pairs,
  connectAccounts: one(COUNTS),
  accountsConnected: one(COUNTS),
  sortedAscending: one(['Account', 'Created Date', 'Erstellt am']),
  sortedDescending: one(['Account', 'Created Date', 'Erstellt am']),
  ofSource: one(SOURCES),
};

const call = (strings: Strings, key: FunctionKey, args: readonly unknown[]) =>
  (strings[key] as (...args: unknown[]) => string)(...args);

const functionKeys = (Object.keys(en) as (keyof Strings)[]).filter((key) => typeof en[key] === 'function');

/** Every count-taking text whose words depend on the count, with how to call it with one count. */
const countTexts: Record<string, (strings: Strings, count: number) => string> = {
  accountCount: (s, n) => s.accountCount(n),
  needsAttention: (s, n) => s.needsAttention(n),
  bannerManyTitle: (s, n) => s.bannerManyTitle(n),
  shownCount: (s, n) => s.shownCount(4321, n),
  expiringSoon: (s, n) => s.expiringSoon(n),
  bannerExpiringManyTitle: (s, n) => s.bannerExpiringManyTitle(n),
  selectionIntro: (s, n) => s.selectionIntro(n, 'Google Ads'),
  connectAccounts: (s, n) => s.connectAccounts(n),
  accountsConnected: (s, n) => s.accountsConnected(n),
};

/**
 * Category pairs allowed to read the same, per locale and text. Arabic written with digits puts
 * the same noun after 0, 1 and 100 ("حساب"); French, Spanish and Portuguese add "de" before the
 * noun only for exact millions, so a text without the noun reads the same for many and other.
 */
const sameAllowed: Record<string, Record<string, string[]>> = {
  ar: {
    accountCount: ['zero=one', 'zero=other', 'one=other'],
    shownCount: ['zero=one', 'zero=other', 'one=other'],
    bannerManyTitle: ['zero=one', 'zero=other', 'one=other'],
    needsAttention: ['zero=one'],
    expiringSoon: ['zero=one'],
    bannerExpiringManyTitle: ['zero=one', 'zero=other', 'one=other'],
    selectionIntro: ['zero=one', 'zero=other', 'one=other'],
    connectAccounts: ['zero=one', 'zero=other', 'one=other'],
    accountsConnected: ['zero=one', 'zero=other', 'one=other'],
  },
  fr: { needsAttention: ['many=other'], expiringSoon: ['many=other'] },
  es: { needsAttention: ['many=other'], expiringSoon: ['many=other'] },
  'pt-BR': { needsAttention: ['many=other'], expiringSoon: ['many=other'] },
};

describe('strings: locales', () => {
  it('covers every function of Strings with sample arguments', () => {
    expect(Object.keys(samples).sort()).to.deep.equal([...functionKeys].sort());
  });

  for (const { name, tag, strings } of locales) {
    describe(name, () => {
      const numbers = new Intl.NumberFormat(tag);

      it('has exactly the keys of en, each of the same type and, for functions, the same arity', () => {
        expect(Object.keys(strings).sort()).to.deep.equal(Object.keys(en).sort());
        for (const key of Object.keys(en) as (keyof Strings)[]) {
          expect(typeof strings[key], key).to.equal(typeof en[key]);
          if (typeof en[key] === 'function') {
            expect((strings[key] as (...args: never[]) => string).length, `${key} arity`).to.equal(en[key].length);
          }
        }
      });

      it('has a non-empty text for every plain key', () => {
        for (const key of Object.keys(en) as (keyof Strings)[]) {
          const value = strings[key];
          if (typeof value !== 'string') continue;
          expect(value.trim(), key).to.not.equal('');
          expect(value, key).to.equal(value.trim());
        }
      });

      it('includes every argument in every function text, numbers formatted for the locale', () => {
        for (const key of functionKeys) {
          for (const args of samples[key as FunctionKey] as readonly unknown[][]) {
            const text = call(strings, key as FunctionKey, args);
            const what = `${key}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
            expect(text, what).to.be.a('string');
            expect(text.trim(), what).to.not.equal('');
            expect(text, what).to.not.match(/undefined|NaN|\[object|\bnull\b/);
            for (const arg of args) {
              expect(text, what).to.contain(typeof arg === 'number' ? numbers.format(arg) : String(arg));
            }
          }
        }
      });

      it('keeps the visible text inside the accessible name (label in name)', () => {
        for (const account of NAMES) {
          expect(strings.reconnectLabel(account)).to.contain(strings.reconnect);
          expect(strings.makeMainLabel(account)).to.contain(strings.makeMain);
          expect(strings.refreshDataLabel(account)).to.contain(strings.refreshData);
        }
      });

      it('chooses plural forms by the plural rules of the locale, and they differ between categories', () => {
        const rules = new Intl.PluralRules(tag);
        const categories = rules.resolvedOptions().pluralCategories;
        const range = [...Array.from({ length: 230 }, (_, i) => i), 1000000, 1000001, 2000000];
        for (const [key, text] of Object.entries(countTexts)) {
          const pattern = new Map<string, string>();
          for (const count of range) {
            const category = rules.select(count);
            const shape = text(strings, count).replace(numbers.format(4321), '%').replace(numbers.format(count), '#');
            const seen = pattern.get(category);
            if (seen === undefined) pattern.set(category, shape);
            else expect(shape, `${key}(${count}) is "${category}" like another count`).to.equal(seen);
          }
          expect([...pattern.keys()].sort(), key).to.deep.equal([...categories].sort());
          const allowed = sameAllowed[name]?.[key] ?? [];
          for (const a of categories) {
            for (const b of categories) {
              if (a >= b || allowed.includes(`${a}=${b}`) || allowed.includes(`${b}=${a}`)) continue;
              expect(pattern.get(a), `${key}: ${a} and ${b} read the same`).to.not.equal(pattern.get(b));
            }
          }
        }
      });
    });
  }

  it('writes Arabic numbers with Latin digits and keeps Latin IDs as given', () => {
    expect(ar.accountCount(1000001)).to.contain('1,000,001');
    expect(ar.failurePosition(3, 12)).to.not.match(/[\u0660-\u0669\u06F0-\u06F9]/);
    expect(ar.confirmDelete('Account 2', '1000007919')).to.contain('1000007919');
  });

  it('gives Arabic a distinct text for one, two, few and many', () => {
    const texts = [1, 2, 3, 11].map((n) => ar.bannerManyTitle(n).replace(String(n), '#'));
    expect(new Set(texts).size).to.equal(4);
  });

  it('treats French 0 like 1, and exact millions with "de"', () => {
    expect(fr.accountCount(0)).to.equal('0 compte');
    expect(fr.accountCount(1)).to.equal('1 compte');
    expect(fr.accountCount(2)).to.equal('2 comptes');
    expect(fr.accountCount(1000000)).to.equal(`${new Intl.NumberFormat('fr').format(1000000)} de comptes`);
  });
});
