import type { Strings } from '../strings.js';

// German, formal "Sie". Terms: Verbindung (connection), Konto (account), Datenquelle (data
// source), Hauptkonto / weiteres Konto (main / secondary), erneut verbinden (re-connect).
// Intl objects are built on first use and kept, as in en.ts.
let rules: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;
const num = (value: number) => (numbers ??= new Intl.NumberFormat('de')).format(value);

/** German has two categories: one (1) and other. */
interface Forms {
  one: (n: string) => string;
  other: (n: string) => string;
}
const plural = (count: number, forms: Forms) => {
  const category = (rules ??= new Intl.PluralRules('de')).select(count);
  return (category === 'one' ? forms.one : forms.other)(num(count));
};

export const de: Strings = {
  loading: 'Wird geladen…',
  retry: 'Erneut versuchen',
  retryNow: 'Jetzt erneut versuchen',
  retryingIn: (seconds) => `Neuer Versuch in ${num(seconds)} s …`,
  stillLoading: 'Wird noch geladen …',
  close: 'Schließen',
  cancel: 'Abbrechen',
  connect: 'Verbinden',
  reconnect: 'Erneut verbinden',
  connectionSettings: 'Verbindungseinstellungen',
  loadFailed: 'Die Verbindungen konnten nicht geladen werden.',
  unknownSource: 'Diese Datenquelle ist nicht verfügbar.',
  noEndpoint: 'Für dieses Widget ist kein Endpunkt konfiguriert.',
  unauthorized: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an und versuchen Sie es dann noch einmal.',
  popupBlocked:
    'Der Browser hat das Anmeldefenster blockiert. Erlauben Sie Pop-ups für diese Website und versuchen Sie es dann noch einmal.',
  authorizationCancelled: 'Die Anmeldung wurde abgebrochen. Es wurde nichts geändert.',
  authorizationTimedOut: 'Die Anmeldung hat zu lange gedauert und wurde beendet. Versuchen Sie es noch einmal.',
  authorizationFailed: (message) => `Die Anmeldung ist fehlgeschlagen: ${message}`,
  accountMismatch: (message) => `${message} Es wurde nichts ersetzt.`,
  addAsNewConnection: 'Als neue Verbindung hinzufügen',
  authorizationPending: 'Warten auf das Anmeldefenster…',
  connected: (name) => `${name} ist verbunden.`,
  reconnected: (name) => `${name} ist wieder verbunden.`,

  notConnected: 'Nicht verbunden',
  accountCount: (count) => plural(count, { one: (n) => `${n} Konto`, other: (n) => `${n} Konten` }),
  needsAttention: (count) =>
    plural(count, { one: (n) => `${n} erfordert Aufmerksamkeit`, other: (n) => `${n} erfordern Aufmerksamkeit` }),
  // "Internetverbindung": a bare "Verbindung" would read as one of the data-source connections.
  expiringSoon: (count) =>
    plural(count, { one: (n) => `${n} läuft bald ab`, other: (n) => `${n} laufen bald ab` }),
  endpointUnreachable:
    'Der Dienst ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es dann noch einmal.',
  dismissNotice: 'Meldung ausblenden',

  dialogTitle: (source) => `Verbindungen zu ${source}`,
  tableCaption: (source) => `Mit ${source} verbundene Konten`,
  addOrUpdate: 'Verbindung hinzufügen oder aktualisieren',
  columnStatus: 'Status',
  columnAccount: 'Konto',
  columnId: 'ID',
  columnCreated: 'Erstellt am',
  columnUpdated: 'Aktualisiert am',
  columnActions: 'Aktionen',
  statusActive: 'Aktiv',
  statusError: 'Fehler',
  statusExpiring: 'Läuft ab',
  // The relative time comes from Intl ("in 5 Tagen"), the separable verb closes around it.
  expiresIn: (relative) => `Läuft ${relative} ab`,
  statusUnknown: 'Unbekannt',
  main: 'Hauptkonto',
  secondary: 'Weiteres Konto',
  never: 'Nie',
  makeMain: 'Als Hauptkonto festlegen',
  // The *Label texts start with the visible text or tooltip (WCAG 2.5.3, label in name).
  makeMainLabel: (name) => `Als Hauptkonto festlegen: ${name}`,
  refreshData: 'Daten aktualisieren',
  refreshDataLabel: (name) => `Daten aktualisieren: ${name}`,
  reconnectLabel: (name) => `Erneut verbinden: ${name}`,
  deleteLabel: (name) => `${name} löschen`,
  confirmDeleteTitle: 'Diese Verbindung löschen?',
  confirmDelete: (name, id) =>
    `${name} (${id}) sendet dann keine Daten mehr. Sie können das Konto später erneut verbinden.`,
  confirmDeleteButton: 'Löschen',
  deleted: (name) => `${name} wurde gelöscht.`,
  deleteFailed: (name) => `${name} konnte nicht gelöscht werden. Das Konto ist weiterhin verbunden.`,
  madeMain: (name) => `${name} ist jetzt das Hauptkonto.`,
  makeMainFailed: (name) => `${name} konnte nicht als Hauptkonto festgelegt werden.`,
  refreshRequested: (name) => `Die Aktualisierung der Daten von ${name} wurde angefordert.`,
  refreshFailed: (name) => `Die Daten von ${name} konnten nicht aktualisiert werden.`,
  filterLabel: 'Konten filtern',
  filterPlaceholder: 'Name oder ID',
  noMatch: (filter) => `Kein Konto entspricht „${filter}“.`,
  shownCount: (shown, total) =>
    plural(total, { one: (n) => `${num(shown)} von ${n} Konto`, other: (n) => `${num(shown)} von ${n} Konten` }),
  emptyTitle: 'Noch kein Konto verbunden',
  emptyBody: 'Fügen Sie eine Verbindung hinzu, um mit dem Datenimport zu beginnen.',
  revalidateFailed: 'Die Liste konnte nicht aktualisiert werden und ist möglicherweise veraltet.',
  failureReason: (text, reason) => `${text} ${reason}`,

  selectionTitle: 'Konten zum Verbinden auswählen',
  selectionIntro: (count, source) =>
    plural(count, {
      one: (n) => `Diese Anmeldung gewährt Zugriff auf ${n} ${source}-Konto. Jedes ausgewählte Konto wird als Verbindung hinzugefügt.`,
      other: (n) => `Diese Anmeldung gewährt Zugriff auf ${n} ${source}-Konten. Jedes ausgewählte Konto wird als Verbindung hinzugefügt.`,
    }),
  selectionSearch: 'Konten durchsuchen',
  selectAll: 'Alle auswählen',
  selectedCount: (selected, total) => `${num(selected)} von ${num(total)} ausgewählt`,
  alreadyConnected: 'Bereits verbunden',
  mainAccount: 'Hauptkonto',
  connectAccounts: (count) => plural(count, { one: (n) => `${n} Konto verbinden`, other: (n) => `${n} Konten verbinden` }),
  selectionEmpty: 'Wählen Sie mindestens ein Konto aus.',
  accountsConnected: (count) => plural(count, { one: (n) => `${n} Konto ist verbunden.`, other: (n) => `${n} Konten sind verbunden.` }),
  selectionCancelled: 'Die Auswahl wurde abgebrochen. Es wurde kein Konto hinzugefügt.',
  selectionFailed: 'Die ausgewählten Konten konnten nicht verbunden werden.',
  selectionExpired: 'Die Auswahl kam zu spät an. Melden Sie sich erneut an, um Ihre Konten auszuwählen.',

  bannerTitle: (name) => `${name} muss erneut verbunden werden`,
  bannerManyTitle: (count) =>
    plural(count, {
      one: (n) => `${n} Konto muss erneut verbunden werden`,
      other: (n) => `${n} Konten müssen erneut verbunden werden`,
    }),
  bannerExpiringTitle: (name) => `${name} muss bald erneut verbunden werden`,
  bannerExpiringManyTitle: (count) =>
    plural(count, {
      one: (n) => `${n} Konto muss bald erneut verbunden werden`,
      other: (n) => `${n} Konten müssen bald erneut verbunden werden`,
    }),
  expiringMessage: (relative) =>
    `Die Autorisierung läuft ${relative} ab. Verbinden Sie das Konto erneut, damit die Daten weiter aktualisiert werden.`,
  openSettings: 'Verbindungseinstellungen öffnen',
  dismiss: 'Ausblenden',
  previousFailure: 'Vorheriges Konto',
  nextFailure: 'Nächstes Konto',
  failurePosition: (index, count) => `${num(index)} von ${num(count)}`,
  failureNavigation: 'Konten, die Aufmerksamkeit erfordern',
  sortedAscending: (column) => `Sortiert nach ${column}, aufsteigend`,
  sortedDescending: (column) => `Sortiert nach ${column}, absteigend`,
  ofSource: (source) => `: ${source}`,
};
