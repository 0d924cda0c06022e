import type { Strings } from '../strings.js';

// French, "vous". Terms: connexion (connection), compte (account), source de données (data
// source), principal / secondaire (main / secondary), reconnecter (re-connect). Signing in at
// the provider is "identification", so that "connexion" only ever means a data-source connection.
// Typography: a no-break space (U+00A0) before ":" and inside « », a narrow one (U+202F)
// before "?". Names after "de" would need elision (d'Acme), so texts say "du compte <name>".
let rules: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;
const num = (value: number) => (numbers ??= new Intl.NumberFormat('fr')).format(value);

/** French: one (0 and 1), many (exact millions: "1 000 000 de comptes"), other. */
interface Forms {
  one: (n: string) => string;
  many: (n: string) => string;
  other: (n: string) => string;
}
const plural = (count: number, forms: Forms) => {
  const category = (rules ??= new Intl.PluralRules('fr')).select(count);
  return (category === 'one' ? forms.one : category === 'many' ? forms.many : forms.other)(num(count));
};

export const fr: Strings = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  retryNow: 'Réessayer maintenant',
  retryingIn: (seconds) => `Nouvel essai dans ${num(seconds)} s…`,
  stillLoading: 'Chargement toujours en cours…',
  close: 'Fermer',
  cancel: 'Annuler',
  connect: 'Connecter',
  reconnect: 'Reconnecter',
  connectionSettings: 'Paramètres de connexion',
  loadFailed: 'Impossible de charger les connexions.',
  unknownSource: 'Cette source de données n’est pas disponible.',
  noEndpoint: 'Aucun point de terminaison n’est configuré pour ce widget.',
  unauthorized: 'Votre session a expiré. Identifiez-vous à nouveau, puis réessayez.',
  popupBlocked:
    'Le navigateur a bloqué la fenêtre d’identification. Autorisez les fenêtres pop-up pour ce site, puis réessayez.',
  authorizationCancelled: 'L’identification a été annulée. Aucune modification n’a été apportée.',
  authorizationTimedOut: 'L’identification a pris trop de temps et a été interrompue. Réessayez.',
  authorizationFailed: (message) => `L’identification a échoué\u00A0: ${message}`,
  accountMismatch: (message) => `${message} Rien n’a été remplacé.`,
  addAsNewConnection: 'Ajouter comme nouvelle connexion',
  authorizationPending: 'En attente de la fenêtre d’identification…',
  connected: (name) => `${name} est connecté.`,
  reconnected: (name) => `${name} est de nouveau connecté.`,

  notConnected: 'Non connecté',
  accountCount: (count) =>
    plural(count, { one: (n) => `${n} compte`, many: (n) => `${n} de comptes`, other: (n) => `${n} comptes` }),
  needsAttention: (count) =>
    plural(count, {
      one: (n) => `${n} nécessite votre attention`,
      many: (n) => `${n} nécessitent votre attention`,
      other: (n) => `${n} nécessitent votre attention`,
    }),
  expiringSoon: (count) =>
    plural(count, {
      one: (n) => `${n} expire bientôt`,
      many: (n) => `${n} expirent bientôt`,
      other: (n) => `${n} expirent bientôt`,
    }),
  endpointUnreachable: 'Le service est injoignable. Vérifiez votre connexion Internet, puis réessayez.',
  dismissNotice: 'Masquer le message',

  dialogTitle: (source) => `Connexions ${source}`,
  tableCaption: (source) => `Comptes connectés à ${source}`,
  addOrUpdate: 'Ajouter ou mettre à jour une connexion',
  columnStatus: 'Statut',
  columnAccount: 'Compte',
  columnId: 'ID',
  columnCreated: 'Date de création',
  columnUpdated: 'Date de mise à jour',
  columnActions: 'Actions',
  statusActive: 'Actif',
  statusError: 'Erreur',
  statusExpiring: 'Expiration proche',
  // The relative time comes from Intl: "dans 5 jours".
  expiresIn: (relative) => `Expire ${relative}`,
  statusUnknown: 'Inconnu',
  main: 'Principal',
  secondary: 'Secondaire',
  never: 'Jamais',
  makeMain: 'Définir comme principal',
  // The *Label texts contain the visible text or tooltip as is (WCAG 2.5.3, label in name).
  makeMainLabel: (name) => `Définir comme principal\u00A0: ${name}`,
  refreshData: 'Actualiser les données',
  refreshDataLabel: (name) => `Actualiser les données du compte ${name}`,
  reconnectLabel: (name) => `Reconnecter ${name}`,
  deleteLabel: (name) => `Supprimer ${name}`,
  confirmDeleteTitle: 'Supprimer cette connexion\u202F?',
  confirmDelete: (name, id) => `${name} (${id}) n’enverra plus de données. Vous pourrez le reconnecter plus tard.`,
  confirmDeleteButton: 'Supprimer',
  deleted: (name) => `${name} a été supprimé.`,
  deleteFailed: (name) => `Impossible de supprimer ${name}. Le compte est toujours connecté.`,
  madeMain: (name) => `${name} est désormais le compte principal.`,
  makeMainFailed: (name) => `Impossible de définir ${name} comme compte principal.`,
  refreshRequested: (name) => `L’actualisation des données du compte ${name} a été demandée.`,
  refreshFailed: (name) => `Impossible d’actualiser les données du compte ${name}.`,
  filterLabel: 'Filtrer les comptes',
  filterPlaceholder: 'Nom ou ID',
  noMatch: (filter) => `Aucun compte ne correspond à «\u00A0${filter}\u00A0».`,
  shownCount: (shown, total) =>
    plural(total, {
      one: (n) => `${num(shown)} sur ${n} compte`,
      many: (n) => `${num(shown)} sur ${n} de comptes`,
      other: (n) => `${num(shown)} sur ${n} comptes`,
    }),
  emptyTitle: 'Aucun compte connecté pour le moment',
  emptyBody: 'Ajoutez une connexion pour commencer à importer des données.',
  revalidateFailed: 'Impossible de mettre à jour la liste. Elle n’est peut-être plus à jour.',
  failureReason: (text, reason) => `${text} ${reason}`,

  selectionTitle: 'Choisissez les comptes à connecter',
  selectionIntro: (count, source) =>
    plural(count, {
      one: (n) => `Cette connexion donne accès à ${n} compte ${source}. Chaque compte choisi devient une connexion.`,
      many: (n) => `Cette connexion donne accès à ${n} de comptes ${source}. Chaque compte choisi devient une connexion.`,
      other: (n) => `Cette connexion donne accès à ${n} comptes ${source}. Chaque compte choisi devient une connexion.`,
    }),
  selectionSearch: 'Rechercher un compte',
  selectAll: 'Tout sélectionner',
  selectedCount: (selected, total) =>
    plural(selected, {
      one: (n) => `${n} sélectionné sur ${num(total)}`,
      many: (n) => `${n} sélectionnés sur ${num(total)}`,
      other: (n) => `${n} sélectionnés sur ${num(total)}`,
    }),
  alreadyConnected: 'Déjà connecté',
  mainAccount: 'Compte principal',
  connectAccounts: (count) =>
    plural(count, { one: (n) => `Connecter ${n} compte`, many: (n) => `Connecter ${n} de comptes`, other: (n) => `Connecter ${n} comptes` }),
  selectionEmpty: 'Choisissez au moins un compte.',
  accountsConnected: (count) =>
    plural(count, {
      one: (n) => `${n} compte est connecté.`,
      many: (n) => `${n} de comptes sont connectés.`,
      other: (n) => `${n} comptes sont connectés.`,
    }),
  selectionCancelled: 'Sélection annulée : aucun compte n’a été ajouté.',
  selectionFailed: 'Les comptes choisis n’ont pas pu être connectés.',
  selectionExpired: 'Le choix est arrivé trop tard. Reconnectez-vous pour choisir vos comptes.',

  bannerTitle: (name) => `${name} doit être reconnecté`,
  bannerManyTitle: (count) =>
    plural(count, {
      one: (n) => `${n} compte doit être reconnecté`,
      many: (n) => `${n} de comptes doivent être reconnectés`,
      other: (n) => `${n} comptes doivent être reconnectés`,
    }),
  bannerExpiringTitle: (name) => `${name} doit être reconnecté prochainement`,
  bannerExpiringManyTitle: (count) =>
    plural(count, {
      one: (n) => `${n} compte doit être reconnecté prochainement`,
      many: (n) => `${n} de comptes doivent être reconnectés prochainement`,
      other: (n) => `${n} comptes doivent être reconnectés prochainement`,
    }),
  expiringMessage: (relative) =>
    `L’autorisation expire ${relative}. Reconnectez le compte pour que ses données continuent d’être mises à jour.`,
  openSettings: 'Ouvrir les paramètres de connexion',
  dismiss: 'Masquer',
  previousFailure: 'Compte précédent',
  nextFailure: 'Compte suivant',
  failurePosition: (index, count) => `${num(index)} sur ${num(count)}`,
  failureNavigation: 'Comptes nécessitant votre attention',
  sortedAscending: (column) => `Trié par ${column}, ordre croissant`,
  sortedDescending: (column) => `Trié par ${column}, ordre décroissant`,
  ofSource: (source) => `\u00A0: ${source}`,
};
